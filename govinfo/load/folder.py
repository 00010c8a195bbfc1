"""Reading a whole data folder: a file source, ``parse_file`` per file, and the cross-file check.

The three stages are kept apart so that later work extends rather than rewrites them: a
:class:`FileSource` lists and reads files (the working tree, or a git revision for ``--at REV``);
``parse_file`` turns one file's bytes into records and problems (and can be cached per file); and
:func:`cross_check` resolves references, duplicate ids and rule-set coverage, always, over
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
    Submission,
    Tier,
    rule_set_on,
)


class FileSource(Protocol):
    """Where a data folder's files come from."""

    def describe(self) -> str: ...

    def files(self, years: Collection[int] | None) -> list[tuple[str, int]]:
        """(path relative to the data folder with ``/``, size in bytes), sorted by path."""
        ...

    def read(self, path: str) -> bytes: ...


def _wanted(path: str, years: Collection[int] | None) -> bool:
    if years is None or not path.startswith("submissions/"):
        return True
    parts = path.split("/")
    return len(parts) < 2 or not parts[1].isdigit() or int(parts[1]) in years


class ParseCacheLike(Protocol):
    """What the loader needs of a parse cache (``store.cache.ParseCache``)."""

    def lookup(self, path: str, st: os.stat_result) -> ParsedFile | None: ...

    def store(self, parsed: ParsedFile, st: os.stat_result) -> None: ...

    def forget_missing(self, year: str, present: set[str]) -> None: ...

    def save(self) -> None: ...


class WorkingTree:
    """The folder as it is on disk. Hidden entries (``.git``, ``.gitignore``) are skipped;
    a symbolic link is never followed (it is reported as a problem instead)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.links: list[str] = []
        self.stats: dict[str, os.stat_result] = {}

    def describe(self) -> str:
        return str(self.root)

    def files(self, years: Collection[int] | None) -> list[tuple[str, int]]:
        out: list[tuple[str, int]] = []
        self.links = []
        stack = [""]
        while stack:
            rel = stack.pop()
            with os.scandir(self.root / rel if rel else self.root) as entries:
                for entry in entries:
                    if entry.name.startswith("."):
                        continue
                    path = f"{rel}/{entry.name}" if rel else entry.name
                    if entry.is_symlink():
                        self.links.append(path)
                        continue
                    if entry.is_dir(follow_symlinks=False):
                        if rel == "submissions" and not _wanted(path + "/", years):
                            continue
                        stack.append(path)
                    elif entry.is_file(follow_symlinks=False) and _wanted(path, years):
                        st = entry.stat(follow_symlinks=False)
                        self.stats[path] = st
                        out.append((path, st.st_size))
        out.sort()
        return out

    def read(self, path: str) -> bytes:
        full = self.root / path
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
        cached.update(_parse_in_parallel(source, listing, cached, parse))
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
                cache.forget_missing(year, paths)
            cache.save()
        links = list(getattr(source, "links", ()))
        result = _assemble(settings, parsed, years, links)
        result.source = source
        return result
    finally:
        if gc_was_enabled:
            gc.enable()


def _parse_in_parallel(
    source: FileSource,
    listing: list[tuple[str, int]],
    done: dict[str, ParsedFile],
    parse: Callable[[str, bytes], ParsedFile],
) -> dict[str, ParsedFile]:
    """Parse the submission files not yet ``done`` on all cores when there are many of them
    and the source is the working tree; else nothing (the caller parses in-process)."""
    from govinfo.load import parallel

    if not isinstance(source, WorkingTree) or parse is not parse_file:
        return {}
    todo = [p for p, _ in listing if p not in done and file_kind(p) == "submissions"]
    if len(todo) < parallel.MIN_FILES or parallel.workers() == 0:
        return {}
    return parallel.parse_many(source.root, todo)


def _assemble(
    settings: Settings, parsed: list[ParsedFile], years: Collection[int] | None, links: list[str]
) -> LoadResult:
    problems: list[Problem] = []
    points: list[Point] = []
    rule_sets: list[RuleSet] = []
    solicitations: list[Solicitation] = []
    adjustments: list[Adjustment] = []
    submissions: list[Submission] = []
    records = 0
    for pf in parsed:
        problems.extend(pf.problems)
        records += len(pf.records)
        if pf.kind == "points":
            points.extend(pf.records)
        elif pf.kind == "rules":
            rule_sets.extend(pf.records)
        elif pf.kind == "solicitations":
            solicitations.extend(pf.records)
        elif pf.kind == "adjustments":
            adjustments.extend(pf.records)
        elif pf.kind == "submissions":
            submissions.extend(pf.records)
    for link in links:
        problems.append(Problem(link, 1, 1, Severity.ERROR, t("file_symlink")))
    if not any(pf.kind == "points" for pf in parsed):
        problems.append(Problem("points.yaml", 1, 1, Severity.ERROR, t("points_missing")))
    rule_sets.sort(key=lambda rs: rs.effective_from)
    problems.extend(cross_check(parsed, points, rule_sets, solicitations, full=years is None))
    problems.sort(key=Problem.sort_key)
    folder = Folder(
        settings=settings,
        points=tuple(sorted(points, key=lambda p: p.id)),
        rule_sets=tuple(rule_sets),
        solicitations=tuple(solicitations),
        adjustments=tuple(adjustments),
        submissions=tuple(submissions),
        years=None if years is None else tuple(sorted(years)),
    )
    return LoadResult(folder, problems, len(parsed), records)


def _duplicates(label: str, items: Iterator[tuple[str, Any]], problems: list[Problem]) -> None:
    """Report every record whose id repeats an earlier one (in path order), naming the first."""
    first: dict[str, Any] = {}
    for key, rec in items:
        seen = first.get(key)
        if seen is None:
            first[key] = rec
            continue
        src, first_src = rec.source, seen.source
        problems.append(
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


def cross_check(
    parsed: list[ParsedFile],
    points: list[Point],
    rule_sets: list[RuleSet],
    solicitations: list[Solicitation],
    *,
    full: bool,
) -> list[Problem]:
    """Problems that need more than one file: unknown references, duplicate ids, days without a
    rule set in force, overlapping rule sets. ``full`` says every submission year was read (so
    an adjustment's submission can be looked up)."""
    problems: list[Problem] = []
    point_ids = {p.id for p in points}
    by_point = {p.id: p for p in points}
    sol_by_id = {s.id: s for s in solicitations}
    submission_ids: set[str] = set()

    _duplicates("rec_point", ((p.id, p) for p in points), problems)
    _duplicates("rec_solicitation", ((s.id, s) for s in solicitations), problems)
    adj_records = [rec for pf in parsed if pf.kind == "adjustments" for rec in pf.records]
    _duplicates("rec_adjustment", ((a.id, a) for a in adj_records), problems)
    subs = [rec for pf in parsed if pf.kind == "submissions" for rec in pf.records]
    _duplicates("rec_submission", ((s.id, s) for s in subs), problems)
    submission_ids.update(s.id for s in subs)

    seen_dates: dict[Any, RuleSet] = {}
    for rs in rule_sets:
        other = seen_dates.get(rs.effective_from)
        if other is not None:
            problems.append(
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
        else:
            seen_dates[rs.effective_from] = rs
    sorted_sets = tuple(rule_sets)

    for pf in parsed:
        for ref in pf.refs:
            problem = _check_ref(
                pf.path, ref, point_ids, by_point, sol_by_id, sorted_sets, submission_ids, full
            )
            if problem is not None:
                problems.append(problem)
    return problems


def _check_ref(
    path: str,
    ref: Ref,
    point_ids: set[str],
    by_point: dict[str, Point],
    sol_by_id: dict[str, Solicitation],
    rule_sets: tuple[RuleSet, ...],
    submission_ids: set[str],
    full: bool,
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
    elif kind == "submission" and full and ref.value not in submission_ids:
        return err("unknown_submission", value=ref.value)
    return None


def _hint(value: str, known: Collection[str]) -> str:
    import difflib

    close = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    return t("did_you_mean", hint=close[0]) if close else ""
