"""Reading a whole data folder: a file source, ``parse_file`` per file, and the cross-file check.

The three stages are kept apart so that later work extends rather than rewrites them: a
:class:`FileSource` lists and reads files (the working tree, or a git revision for ``--at REV``);
``parse_file`` turns one file's bytes into records and problems (and can be cached per file); and
:class:`CrossCheck` resolves references, duplicate ids and rule-set coverage, always, over
everything that was read.
"""

from __future__ import annotations

import gc
import os
import stat
from collections.abc import Callable, Collection, Iterator
from pathlib import Path
from typing import Any, Protocol

import msgspec

from govinfo.errors import DataError
from govinfo.i18n import t
from govinfo.load.records import ParsedFile, Ref, file_kind, oversized_file, parse_file
from govinfo.load.yamlfile import max_file_bytes
from govinfo.model import (
    FORMAT_VERSION,
    Adjustment,
    Folder,
    Point,
    Problem,
    RuleSet,
    Settings,
    Severity,
    Solicitation,
    SourceRef,
    Submission,
    Tier,
    rule_set_on,
)
from govinfo.text import ID_CUTOFF, closest


class FileSource(Protocol):
    """Where a data folder's files come from."""

    def describe(self) -> str: ...

    def files(self, years: Collection[int] | None) -> list[tuple[str, int]]:
        """(path relative to the data folder with ``/``, size in bytes), sorted by path."""
        ...

    def read(self, path: str) -> bytes: ...


class YearSpan(frozenset[int]):
    """Submission years to read whole, plus single months of the years around them
    (``edges``: year → months), e.g. what a year's score needs: Y-1 and Y, December of Y-2 (an
    adoption up to 366 days after 31 December) and January of Y+1 (a late report written up
    after New Year)."""

    edges: dict[int, frozenset[int]]

    def __new__(
        cls, years: Collection[int], edges: dict[int, Collection[int]] | None = None
    ) -> YearSpan:
        span = super().__new__(cls, years)
        span.edges = {y: frozenset(m) for y, m in (edges or {}).items() if y not in span}
        return span


def scoring_span(year: int) -> YearSpan:
    """The submissions that scoring ``year`` can depend on (SPEC §1: adoptions and instructions
    are at most 366 days after their submission)."""
    return YearSpan((year - 1, year), {year - 2: (12,), year + 1: (1,)})


def _wanted(path: str, years: Collection[int] | None) -> bool:
    if years is None or not path.startswith("submissions/"):
        return True
    parts = path.split("/")
    if len(parts) < 2 or not parts[1].isdigit():
        return True
    year = int(parts[1])
    if year in years:
        return True
    months = getattr(years, "edges", {}).get(year)
    if months is None:
        return False
    if len(parts) < 4 or not parts[3]:
        return True  # the year's folder itself: go in for the months wanted
    return parts[3][:2].isdigit() and int(parts[3][:2]) in months


class ParseCacheLike(Protocol):
    """What the loader needs of a parse cache (``store.cache.ParseCache``)."""

    def lookup(self, path: str, st: os.stat_result) -> ParsedFile | None: ...

    def store(self, parsed: ParsedFile, st: os.stat_result) -> None: ...

    def forget_missing(self, year: str, present: set[str]) -> None: ...

    def release(self, year: str) -> None: ...

    def save(self) -> None: ...


class WorkingTree:
    """The folder as it is on disk. Hidden entries (``.git``, ``.gitignore``) are skipped;
    a symbolic link is never followed (it is reported as a problem instead)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.links: list[str] = []
        self.stats: dict[str, os.stat_result] = {}
        self._listed: tuple[Collection[int] | None, list[tuple[str, int]]] | None = None

    def describe(self) -> str:
        return str(self.root)

    def files(self, years: Collection[int] | None) -> list[tuple[str, int]]:
        # Asked again for the same selection (a warm-path fingerprint, then the load): the
        # listing already made.
        if self._listed is not None and self._listed[0] is years:
            return list(self._listed[1])
        # A hot loop on large folders (hundreds of thousands of files): the d_type of a
        # directory entry answers "file or folder" without a system call; only files are
        # stat'ed, once, for their size and the cache's key.
        out: list[tuple[str, int]] = []
        stats = self.stats
        links: list[str] = []
        stack = [""]
        root = str(self.root)
        while stack:
            rel = stack.pop()
            prefix = rel + "/" if rel else ""
            with os.scandir(os.path.join(root, rel) if rel else root) as entries:
                for entry in entries:
                    name = entry.name
                    if name[0] == ".":
                        continue
                    path = prefix + name
                    if entry.is_file(follow_symlinks=False):
                        if years is None or _wanted(path, years):
                            st = entry.stat(follow_symlinks=False)
                            stats[path] = st
                            out.append((path, st.st_size))
                    elif entry.is_dir(follow_symlinks=False):
                        if rel == "submissions" and not _wanted(path + "/", years):
                            continue
                        stack.append(path)
                    else:
                        links.append(path)  # a symbolic link (or a device, a socket): refused
        self.links = links
        out.sort()
        self._listed = (years, out)
        return list(out)

    def read(self, path: str) -> bytes:
        full = os.path.join(self.root, path)  # not pathlib: 21,000 joins cost 0.1 s
        # Open without following a link that may have appeared since the listing.
        fd = os.open(full, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return b""
            chunks = []
            while chunk := os.read(fd, 1 << 20):
                chunks.append(chunk)
            return b"".join(chunks)
        finally:
            os.close(fd)


class GitRevision:
    """The folder as it was at a git revision (``--at REV``), read without touching the working
    tree; the folder may be a subfolder of its repository."""

    def __init__(self, root: Path, rev: str) -> None:
        from govinfo.store import git

        top = git.repo_root(root)
        if top is None:
            raise DataError(t("at_not_repo", path=str(root)))
        commit = git.resolve_rev(top, rev)
        if commit is None:
            raise DataError(t("at_unknown_rev", rev=rev))
        rel = root.resolve().relative_to(top.resolve()).as_posix()
        self.prefix = "" if rel == "." else rel + "/"
        self.root = root
        self.rev = rev
        self.commit = commit
        self.top = top
        self.links: list[str] = []
        self._reader = git.BlobReader(top, commit)
        self._git = git

    def describe(self) -> str:
        return f"{self.root}@{self.rev}"

    def files(self, years: Collection[int] | None) -> list[tuple[str, int]]:
        out: list[tuple[str, int]] = []
        self.links = []
        for path, size, mode in self._git.list_files_at(self.top, self.commit, self.prefix):
            rel = path[len(self.prefix) :]
            if any(part.startswith(".") for part in rel.split("/")):
                continue
            if mode == "120000":
                self.links.append(rel)
            elif _wanted(rel, years):
                out.append((rel, size))
        out.sort()
        return out

    def read(self, path: str) -> bytes:
        return self._reader.read(self.prefix + path)

    def close(self) -> None:
        self._reader.close()


class LoadResult(msgspec.Struct, gc=False):
    folder: Folder
    problems: list[Problem]
    files: int
    records: int
    source: Any = None  # the FileSource read (for excerpts of problem lines)

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.is_error)

    @property
    def warnings(self) -> int:
        return sum(1 for p in self.problems if not p.is_error)


def read_settings(source: FileSource) -> Settings:
    """The folder settings, refusing (``DataError``) a folder whose ``format`` is not 1."""
    data = source.read("govinfo.yaml")
    parsed = parse_file("govinfo.yaml", data)
    for rec in parsed.records:
        if isinstance(rec, Settings):
            if rec.format != FORMAT_VERSION:
                raise DataError(t("bad_format", path="govinfo.yaml", value=rec.format))
            return rec
    return Settings()


def load_folder(
    source: FileSource | Path,
    *,
    years: Collection[int] | None = None,
    parse: Callable[[str, bytes], ParsedFile] | None = None,
    progress: Callable[[int, int], None] | None = None,
    cache: ParseCacheLike | None = None,
) -> LoadResult:
    """Read a data folder: every record and every problem (sorted by path, line, col).

    ``years`` limits which ``submissions/<year>/`` folders are read (all when None); points,
    rules, solicitations and adjustments are always read whole. ``parse`` replaces
    :func:`parse_file`. ``progress(done, total)`` is called as files are read. With ``cache``
    (working tree only), unchanged clean submission files are taken from it instead of being
    parsed. Raises ``DataError`` when ``format`` is not 1.
    """
    if isinstance(source, Path):
        source = WorkingTree(source)
    parse = parse or parse_file
    gc_was_enabled = gc.isenabled()
    gc.disable()  # bulk loads build millions of acyclic objects: the GC only costs time here
    try:
        listing = source.files(years)
        settings = read_settings(source)
        parsed: list[ParsedFile] = []
        total = len(listing)
        stats: dict[str, os.stat_result] = getattr(source, "stats", {}) if cache else {}
        present: dict[str, set[str]] = {}
        cached: dict[str, ParsedFile] = {}
        if cache is not None:
            for path, _size in listing:
                st = stats.get(path)
                hit = cache.lookup(path, st) if st is not None else None
                if hit is not None:
                    cached[path] = hit
        stored = set(cached)  # cache hits need not be stored again
        limit = max_file_bytes()
        for path, size in listing:
            if size > limit and path not in cached:
                cached[path] = oversized_file(path, size)  # never read into memory

        def parse_the_rest() -> None:
            # The registry, rules, solicitations and adjustments, parsed here while the
            # workers (if any) parse the submission files.
            for path, _size in listing:
                kind = file_kind(path)
                if kind is not None and kind != "submissions" and path not in cached:
                    cached[path] = parse(path, source.read(path))

        cached.update(_parse_in_parallel(source, listing, cached, parse, parse_the_rest))
        for i, (path, _size) in enumerate(listing):
            if file_kind(path) is None:
                continue
            st = stats.get(path)
            pf = cached.get(path)
            if pf is None:
                pf = parse(path, source.read(path))
            if cache is not None and st is not None and path not in stored:
                cache.store(pf, st)
            if st is not None and pf.kind == "submissions":
                present.setdefault(path.split("/")[1], set()).add(path)
            parsed.append(pf)
            if progress is not None and (i % 200 == 0 or i + 1 == total):
                progress(i + 1, total)
        if cache is not None:
            for year, paths in present.items():
                if years is None or int(year) in years:  # a year read whole, not an edge
                    cache.forget_missing(year, paths)
            cache.save()
        links = list(getattr(source, "links", ()))
        result = _assemble(settings, parsed, years, links)
        result.source = source
        return result
    finally:
        if gc_was_enabled:
            gc.enable()


def scan_folder(
    source: FileSource,
    *,
    cache: ParseCacheLike | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> LoadResult:
    """Check the whole folder (``govinfo check``) year by year, keeping no submission records.

    The same problems as :func:`load_folder` over every year, in bounded memory: a year's
    submission files are parsed (or taken from the cache), cross-checked and dropped before the
    next year is read; only their ids stay, for the duplicate check. The result's folder holds
    the registry, rules, solicitations and adjustments, and no submissions.
    """
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        listing = source.files(None)
        settings = read_settings(source)
        stats: dict[str, os.stat_result] = getattr(source, "stats", {}) if cache else {}
        total = len(listing)
        done = 0
        base: list[ParsedFile] = []
        by_year: dict[str, list[tuple[str, int]]] = {}
        for path, size in listing:
            kind = file_kind(path)
            if kind == "submissions":
                by_year.setdefault(path.split("/")[1], []).append((path, size))
            elif kind is not None:
                st = stats.get(path)
                hit = cache.lookup(path, st) if cache is not None and st is not None else None
                if hit is None:
                    hit = parse_file(path, source.read(path))
                    if cache is not None and st is not None:
                        cache.store(hit, st)
                base.append(hit)
                done += 1
        links = list(getattr(source, "links", ()))
        got = _collect(base)
        problems = got.problems + _folder_problems(base, links)
        checker = CrossCheck(got.points, got.rule_sets, got.solicitations, got.adjustments)
        for pf in base:
            checker.add_file(pf)
        folder = _folder_of(settings, got, ())
        records = got.records
        files = len(base)
        for year in sorted(by_year):
            year_listing = by_year[year]
            parsed: dict[str, ParsedFile] = {}
            if cache is not None:
                for path, _size in year_listing:
                    st = stats.get(path)
                    hit = cache.lookup(path, st) if st is not None else None
                    if hit is not None:
                        parsed[path] = hit
            hits = set(parsed)
            parsed.update(_parse_in_parallel(source, year_listing, parsed, parse_file))
            for path, _size in year_listing:
                found = parsed.get(path)
                pf = found if found is not None else parse_file(path, source.read(path))
                st = stats.get(path)
                if cache is not None and st is not None and path not in hits:
                    cache.store(pf, st)
                problems.extend(pf.problems)
                checker.add_file(pf)
                records += len(pf.records)
                files += 1
                done += 1
                if progress is not None and (done % 500 == 0 or done == total):
                    progress(done, total)
            if cache is not None:
                cache.forget_missing(year, {p for p, _ in year_listing})
                cache.release(year)
            del parsed
        if cache is not None:
            cache.save()
        problems.extend(checker.finish(full=True))
        problems.sort(key=Problem.sort_key)
        out = LoadResult(folder, problems, files, records)
        out.source = source
        return out
    finally:
        if gc_was_enabled:
            gc.enable()


def _parse_in_parallel(
    source: FileSource,
    listing: list[tuple[str, int]],
    done: dict[str, ParsedFile],
    parse: Callable[[str, bytes], ParsedFile],
    meanwhile: Callable[[], None] | None = None,
) -> dict[str, ParsedFile]:
    """Parse the submission files not yet ``done`` on all cores when there are many of them
    and the source is the working tree; else nothing (the caller parses in-process).
    ``meanwhile`` runs in this process while the workers parse (or at once when there are
    none)."""
    from govinfo.load import parallel

    todo: list[str] = []
    if isinstance(source, WorkingTree) and parse is parse_file:
        todo = [p for p, _ in listing if p not in done and file_kind(p) == "submissions"]
    if len(todo) < parallel.MIN_FILES or parallel.workers() == 0:
        if meanwhile is not None:
            meanwhile()
        return {}
    assert isinstance(source, WorkingTree)
    return parallel.parse_many(source.root, todo, meanwhile)


class _Collected(msgspec.Struct, gc=False):
    points: list[Point]
    rule_sets: list[RuleSet]
    solicitations: list[Solicitation]
    adjustments: list[Adjustment]
    submissions: list[Submission]
    problems: list[Problem]
    records: int


def _collect(parsed: list[ParsedFile]) -> _Collected:
    """The records of ``parsed`` by kind (rule sets sorted by ``effective_from``) and their
    per-file problems."""
    out = _Collected([], [], [], [], [], [], 0)
    lists: dict[str, list[Any]] = {
        "points": out.points,
        "rules": out.rule_sets,
        "solicitations": out.solicitations,
        "adjustments": out.adjustments,
        "submissions": out.submissions,
    }
    for pf in parsed:
        out.problems.extend(pf.problems)
        out.records += len(pf.records)
        target = lists.get(pf.kind)
        if target is not None:
            target.extend(pf.records)
    out.rule_sets.sort(key=lambda rs: rs.effective_from)
    return out


def _folder_of(settings: Settings, got: _Collected, years: Collection[int] | None) -> Folder:
    return Folder(
        settings=settings,
        points=tuple(sorted(got.points, key=lambda p: p.id)),
        rule_sets=tuple(got.rule_sets),
        solicitations=tuple(got.solicitations),
        adjustments=tuple(got.adjustments),
        submissions=tuple(got.submissions),
        years=None if years is None else tuple(sorted(years)),
    )


def _assemble(
    settings: Settings, parsed: list[ParsedFile], years: Collection[int] | None, links: list[str]
) -> LoadResult:
    got = _collect(parsed)
    problems = got.problems + _folder_problems(parsed, links)
    checker = CrossCheck(got.points, got.rule_sets, got.solicitations, got.adjustments)
    for pf in parsed:
        checker.add_file(pf)
    problems.extend(checker.finish(full=years is None))
    problems.sort(key=Problem.sort_key)
    return LoadResult(_folder_of(settings, got, years), problems, len(parsed), got.records)


def _folder_problems(parsed: list[ParsedFile], links: list[str]) -> list[Problem]:
    problems = [Problem(link, 1, 1, Severity.ERROR, t("file_symlink")) for link in links]
    if not any(pf.kind == "points" for pf in parsed):
        problems.append(Problem("points.yaml", 1, 1, Severity.ERROR, t("points_missing")))
    return problems


class CrossCheck:
    """The problems that need more than one file — unknown references, duplicate ids, days
    without a rule set in force, rule sets taking effect the same day — fed one file at a time,
    so that ``check`` can stream a large folder year by year without holding its records.

    Points, rule sets (sorted by ``effective_from``), solicitations and adjustments are given
    whole; submission files are added in path order (a duplicate is the later copy). References
    to submissions (from adjustments) are judged at :meth:`finish`, once every id is known.
    """

    def __init__(
        self,
        points: list[Point],
        rule_sets: list[RuleSet],
        solicitations: list[Solicitation],
        adjustments: list[Adjustment],
    ) -> None:
        self.problems: list[Problem] = []
        self.point_ids = {p.id for p in points}
        self.by_point = {p.id: p for p in points}
        self.sol_by_id = {s.id: s for s in solicitations}
        self.rule_sets = tuple(rule_sets)
        self._first_submission: dict[str, SourceRef] = {}
        self._submission_refs: list[tuple[str, Ref]] = []
        self._good: set[tuple[str, str, Any]] = set()
        self._duplicates("rec_point", ((p.id, p.source) for p in points), {})
        self._duplicates("rec_solicitation", ((s.id, s.source) for s in solicitations), {})
        self._duplicates("rec_adjustment", ((a.id, a.source) for a in adjustments), {})
        seen_dates: dict[Any, RuleSet] = {}
        for rs in rule_sets:
            other = seen_dates.get(rs.effective_from)
            if other is None:
                seen_dates[rs.effective_from] = rs
                continue
            self.problems.append(
                Problem(
                    rs.source.path,
                    rs.source.line,
                    rs.source.col,
                    Severity.ERROR,
                    t(
                        "rules_same_date",
                        id=rs.id,
                        other=other.id,
                        date=rs.effective_from.isoformat(),
                    ),
                )
            )

    def _duplicates(
        self, label: str, items: Iterator[tuple[str, SourceRef]], first: dict[str, SourceRef]
    ) -> None:
        """Report every record whose id repeats an earlier one, naming the first."""
        for key, src in items:
            first_src = first.get(key)
            if first_src is None:
                first[key] = src
                continue
            self.problems.append(
                Problem(
                    src.path,
                    src.line,
                    src.col,
                    Severity.ERROR,
                    t(
                        "duplicate_id",
                        what=t(label),
                        id=key,
                        first=f"{first_src.path}:{first_src.line}",
                    ),
                )
            )

    def add_file(self, pf: ParsedFile) -> None:
        point_ids = self.point_ids
        good = self._good
        for ref in pf.refs:
            kind = ref.kind
            # Most references are fine and repeat (the same point, day, publication): a set
            # lookup answers them; only the rest take the full check.
            if kind == "point" or kind == "folderpoint":
                if ref.value in point_ids:
                    continue
            elif kind == "submission":
                self._submission_refs.append((pf.path, ref))
                continue
            elif (kind, ref.value, ref.day) in good:
                continue
            problem = _check_ref(
                pf.path, ref, point_ids, self.by_point, self.sol_by_id, self.rule_sets
            )
            if problem is None:
                if kind != "solicitation":  # its answer depends on the owner too
                    good.add((kind, ref.value, ref.day))
            else:
                self.problems.append(problem)
        if pf.kind == "submissions":
            first = self._first_submission
            for sub in pf.records:
                if sub.id in first:
                    self._duplicates("rec_submission", iter([(sub.id, sub.source)]), first)
                else:
                    first[sub.id] = sub.source

    def finish(self, *, full: bool) -> list[Problem]:
        """Every problem found. ``full`` says every submission year was added, so that an
        adjustment's submission can be looked up."""
        if full:
            for path, ref in self._submission_refs:
                if ref.value not in self._first_submission:
                    self.problems.append(
                        Problem(
                            path,
                            ref.line,
                            ref.col,
                            Severity.ERROR,
                            t("unknown_submission", value=ref.value),
                        )
                    )
        return self.problems


def _check_ref(
    path: str,
    ref: Ref,
    point_ids: set[str],
    by_point: dict[str, Point],
    sol_by_id: dict[str, Solicitation],
    rule_sets: tuple[RuleSet, ...],
) -> Problem | None:
    def err(key: str, **kw: object) -> Problem:
        return Problem(path, ref.line, ref.col, Severity.ERROR, t(key, **kw))

    kind = ref.kind
    if kind == "point":
        if ref.value not in point_ids:
            return err("unknown_point", value=ref.value, hint=_hint(ref.value, point_ids))
    elif kind == "folderpoint":
        if ref.value not in point_ids:
            return err(
                "submission_folder_unknown", point=ref.value, hint=_hint(ref.value, point_ids)
            )
    elif kind == "ruleday":
        assert ref.day is not None
        if rule_set_on(rule_sets, ref.day) is None:
            return err("no_rule_set", field=ref.value, value=ref.day.isoformat())
    elif kind == "publication":
        assert ref.day is not None
        rs = rule_set_on(rule_sets, ref.day)
        if rs is not None and ref.value not in rs.publications:
            return err(
                "unknown_publication",
                value=ref.value,
                rules=rs.id,
                date=ref.day.isoformat(),
                hint=_hint(ref.value, rs.publications.keys()),
            )
    elif kind == "solicitation":
        sol = sol_by_id.get(ref.value)
        if sol is None:
            return err(
                "unknown_solicitation", value=ref.value, hint=_hint(ref.value, sol_by_id.keys())
            )
        assert ref.day is not None
        if ref.day < sol.issued:
            return err(
                "solicitation_before_issued",
                value=ref.value,
                date=ref.day.isoformat(),
                issued=sol.issued.isoformat(),
            )
        owner = ref.owner or ""
        if sol.points is not None:
            addressed = owner in sol.points
        else:
            point = by_point.get(owner)
            addressed = point is not None and point.holds(Tier.PROVINCIAL, sol.issued)
        if not addressed:
            return Problem(
                path,
                ref.line,
                ref.col,
                Severity.WARNING,
                t("solicitation_not_addressed", value=ref.value, point=owner),
            )
    return None


def _hint(value: str, known: Collection[str]) -> str:
    close = closest(value, known, cutoff=ID_CUTOFF)
    return t("did_you_mean", hint=close) if close is not None else ""
