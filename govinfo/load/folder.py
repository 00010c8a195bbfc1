"""Reading a whole data folder: a file source, ``parse_file`` per file, and the cross-file check.

The three stages are kept apart so that later work extends rather than rewrites them: a
:class:`FileSource` (:mod:`govinfo.load.sources`, :mod:`govinfo.load.gitrev`) lists and reads
files; ``parse_file`` turns one file's bytes into records and problems (and can be cached per
file, :mod:`govinfo.load.parsecache`); and :class:`CrossCheck` (:mod:`govinfo.load.crosscheck`)
resolves references, duplicate ids and rule-set coverage, always, over everything that was read.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any, Protocol

import msgspec

from govinfo.defaults import SETTINGS_FILE
from govinfo.errors import DataError
from govinfo.i18n import os_error_text, t
from govinfo.load import parallel
from govinfo.load.crosscheck import CrossCheck, broken
from govinfo.load.groups import group_problems
from govinfo.load.records import (
    ParsedFile,
    file_kind,
    oversized_file,
    parse_file,
    read_and_parse,
)
from govinfo.load.sources import FileSource, WorkingTree
from govinfo.load.tally import Tally
from govinfo.load.text import unreadable
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
)
from govinfo.settings import max_file_bytes


class ParseCacheLike(Protocol):
    """What the loader needs of a parse cache (:class:`govinfo.load.parsecache.ParseCache`)."""

    def lookup(self, path: str, st: os.stat_result) -> ParsedFile | None: ...

    def store(self, parsed: ParsedFile, st: os.stat_result) -> None: ...

    def forget_missing(self, year: str, present: set[str]) -> None: ...

    def release(self, year: str) -> None: ...

    def save(self) -> None: ...


class LoadResult(Tally, frozen=True, gc=False):
    """A folder as read, with the problems of the read."""

    folder: Folder
    source: Any = None  # the FileSource read (for excerpts of problem lines)


def read_settings(source: FileSource) -> Settings:
    """The folder settings, refusing (``DataError``) a folder whose ``format`` is not 1."""
    try:
        data = source.read(SETTINGS_FILE)
    except OSError as err:  # no permission, an I/O error: the refusal names it
        where = os.path.join(source.describe(), SETTINGS_FILE)
        raise DataError(t("file_unreadable_at", path=where, reason=os_error_text(err))) from None
    parsed = parse_file(SETTINGS_FILE, data)
    for rec in parsed.records:
        if isinstance(rec, Settings):
            if rec.format != FORMAT_VERSION:
                at = rec.format_at
                where = (
                    f"{at.path}:{at.line}:{at.col}" if at is not None else f"{SETTINGS_FILE}:1:1"
                )
                # the value as written: ``format: 02`` is named 02, not 2
                value = rec.format_text if rec.format_text is not None else rec.format
                raise DataError(t("bad_format", path=where, value=value))
            return rec
    return Settings()


class _Reader:
    """Turns listed files into :class:`ParsedFile` values, the one loop :func:`load_folder` and
    :func:`scan_folder` share: unchanged files come from the parse cache; a file over
    ``GOVINFO_MAX_FILE_MB`` is reported without a byte of it being read; the submission files
    left are parsed on all cores when there are many (the other files in this process
    meanwhile); what was parsed goes back into the cache."""

    def __init__(
        self,
        source: FileSource,
        cache: ParseCacheLike | None,
        parse: Callable[[str, bytes], ParsedFile],
    ) -> None:
        self.source = source
        self.cache = cache
        self.parse = parse
        self.stats: dict[str, os.stat_result] = getattr(source, "stats", {}) if cache else {}
        self.limit = max_file_bytes()

    def _parse_here(self) -> Callable[[str, bytes], ParsedFile]:
        """``parse`` as this process runs it: ``parse_file`` with the environment's settings
        read once for the whole listing, not once a file."""
        if self.parse is not parse_file:
            return self.parse
        from govinfo.load import fast

        on, limit = fast.enabled(), self.limit
        return lambda path, data: parse_file(path, data, fast_path=on, limit=limit)

    def read(
        self, listing: list[tuple[str, int]], tick: Callable[[], None] | None = None
    ) -> list[ParsedFile]:
        """The files of ``listing`` that govinfo reads, in listing order; ``tick()`` after each."""
        source, cache, stats = self.source, self.cache, self.stats
        parse = self._parse_here()
        kinds = {path: file_kind(path) for path, _size in listing}  # once a file
        got: dict[str, ParsedFile] = {}
        # A file over the limit is reported as on a cold read, never taken from the cache.
        for path, size in listing:
            if size > self.limit:
                got[path] = oversized_file(path, size)  # never read into memory
        if cache is not None:
            for path, _size in listing:
                st = stats.get(path)
                hit = cache.lookup(path, st) if st is not None and path not in got else None
                if hit is not None:
                    got[path] = hit
        hits = {p for p in got if got[p].problems == ()}  # cache hits need not be stored again

        def parse_the_rest() -> None:
            # The registry, rules, solicitations and adjustments, parsed here while the
            # workers (if any) parse the submission files.
            for path, kind in kinds.items():
                if kind is not None and kind != "submissions" and path not in got:
                    got[path] = read_and_parse(source.read, path, parse)

        got.update(_parse_in_parallel(source, kinds, got, self.parse, parse_the_rest))
        out: list[ParsedFile] = []
        for path, kind in kinds.items():
            if kind is None:
                continue
            pf = got.get(path)
            if pf is None:
                pf = read_and_parse(source.read, path, parse)
            st = stats.get(path)
            if cache is not None and st is not None and path not in hits:
                cache.store(pf, st)
            out.append(pf)
            if tick is not None:
                tick()
        return out


def _counter(
    total: int, every: int, progress: Callable[[int, int], None] | None
) -> Callable[[], None] | None:
    """A ``tick`` that calls ``progress(done, total)`` every ``every`` files and at the last."""
    if progress is None:
        return None
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if done % every == 0 or done == total:
            progress(done, total)

    return tick


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
    gc_was_enabled = gc.isenabled()
    gc.disable()  # bulk loads build millions of acyclic objects: the GC only costs time here
    try:
        listing = source.files(years)
        settings = read_settings(source)
        reader = _Reader(source, cache, parse or parse_file)
        read_files = sum(1 for path, _size in listing if file_kind(path) is not None)
        parsed = reader.read(listing, _counter(read_files, 200, progress))
        if cache is not None:
            present: dict[str, set[str]] = {}
            for pf in parsed:
                if pf.kind == "submissions" and pf.path in reader.stats:
                    present.setdefault(pf.path.split("/")[1], set()).add(pf.path)
            for year, paths in present.items():
                if years is None or int(year) in years:  # a year read whole, not an edge
                    cache.forget_missing(year, paths)
            cache.save()
        return _assemble(settings, parsed, years, source)
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
        reader = _Reader(source, cache, parse_file)
        base_listing: list[tuple[str, int]] = []
        by_year: dict[str, list[tuple[str, int]]] = {}
        for path, size in listing:
            kind = file_kind(path)
            if kind == "submissions":
                by_year.setdefault(path.split("/")[1], []).append((path, size))
            elif kind is not None:
                base_listing.append((path, size))
        tick = _counter(len(base_listing) + sum(map(len, by_year.values())), 500, progress)
        base = reader.read(base_listing, tick)
        got = _collect(base)
        problems = got.problems + _folder_problems(base, source)
        problems += group_problems(settings, got.points)
        checker = _checked(got, base, source)
        folder = _folder_of(settings, got, ())
        records = got.records
        files = len(base)
        for year in sorted(by_year):
            year_listing = by_year[year]
            for pf in reader.read(year_listing, tick):
                problems.extend(pf.problems)
                checker.add_file(pf)
                records += len(pf.records)
                files += 1
            if cache is not None:
                cache.forget_missing(year, {p for p, _ in year_listing})
                cache.release(year)
        if cache is not None:
            cache.save()
        problems.extend(checker.finish(full=True))
        problems.sort(key=Problem.sort_key)
        return LoadResult(problems, files, records, folder, source)
    finally:
        if gc_was_enabled:
            gc.enable()


def _parse_in_parallel(
    source: FileSource,
    kinds: dict[str, str | None],
    done: dict[str, ParsedFile],
    parse: Callable[[str, bytes], ParsedFile],
    meanwhile: Callable[[], None] | None = None,
) -> dict[str, ParsedFile]:
    """Parse the submission files of ``kinds`` (each listed path's kind) not yet ``done`` on
    all cores when there are many of them and the source is the working tree; else nothing
    (the caller parses in-process).
    ``meanwhile`` runs in this process while the workers parse (or at once when there are
    none)."""
    todo: list[str] = []
    if isinstance(source, WorkingTree) and parse is parse_file:
        todo = [
            p
            for p, kind in kinds.items()
            if kind == "submissions" and p not in done and _sendable(p)
        ]
    if len(todo) < parallel.MIN_FILES or parallel.workers() == 0:
        if meanwhile is not None:
            meanwhile()
        return {}
    assert isinstance(source, WorkingTree)
    return parallel.parse_many(source.root, todo, meanwhile)


def _sendable(path: str) -> bool:
    """Whether what a worker parses at ``path`` can be sent back: not a path that was not
    UTF-8 (a folder unpacked from a Windows archive: its name holds lone surrogates, which
    the workers' msgpack cannot carry) — such a file is parsed here."""
    if path.isascii():
        return True
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


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


# The top folders whose files are of one kind (the kind is the folder's name).
_LISTED_KINDS = frozenset({"rules", "solicitations", "adjustments", "submissions"})


def _checked(got: _Collected, parsed: list[ParsedFile], source: object) -> CrossCheck:
    """The cross-file check of the registry, rules, solicitations and adjustments ``got`` from
    ``parsed``, with ``parsed``'s files (submissions among them) added. A folder that could
    not be listed counts as a broken file of its kind: what its files would define is not
    known, so a reference to it is no error of its own (one unreadable ``rules/`` is one
    problem, not one at every submission)."""
    unlisted = {path.split("/", 1)[0] for path, _err in getattr(source, "unreadable", ())}
    checker = CrossCheck(
        got.points,
        got.rule_sets,
        got.solicitations,
        got.adjustments,
        broken=broken(parsed) | (unlisted & _LISTED_KINDS),
        files=parsed,
    )
    for pf in parsed:
        checker.add_file(pf)
    return checker


def _assemble(
    settings: Settings, parsed: list[ParsedFile], years: Collection[int] | None, source: object
) -> LoadResult:
    got = _collect(parsed)
    problems = (
        got.problems + _folder_problems(parsed, source) + group_problems(settings, got.points)
    )
    checker = _checked(got, parsed, source)
    problems.extend(checker.finish(full=years is None))
    problems.sort(key=Problem.sort_key)
    return LoadResult(problems, len(parsed), got.records, _folder_of(settings, got, years), source)


def _folder_problems(parsed: list[ParsedFile], source: object) -> list[Problem]:
    """The problems of the folder's listing: symbolic links, files that are not regular (a
    named pipe, a device: named, never opened), folders that cannot be listed (no
    permission), no ``points.yaml``."""
    links = list(getattr(source, "links", ()))
    problems = [Problem(link, 1, 1, Severity.ERROR, t("file_symlink")) for link in links]
    problems += [
        Problem(path, 1, 1, Severity.ERROR, t("file_not_regular"))
        for path in getattr(source, "irregular", ())
    ]
    problems += [unreadable(path, err) for path, err in getattr(source, "unreadable", ())]
    if not any(pf.kind == "points" for pf in parsed):
        problems.append(Problem("points.yaml", 1, 1, Severity.ERROR, t("points_missing")))
    return problems
