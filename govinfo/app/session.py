"""Opening the data folder — once per run: locate it, finish (or undo) an interrupted write,
read its settings, set the output language. Then load the years a use case needs, score a
year (through the result cache), or scan every year for ``check``.

The app never prints: what the clerk should read on the side (a recovered write, a folder read
while a writer holds it) goes to ``Feedback.note``; long work reports to ``Feedback.progress``.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar, overload

import msgspec

from govinfo import settings
from govinfo.app.opening import finish_interrupted_write, locate_folder
from govinfo.app.options import Feedback, RunOptions, apply_language
from govinfo.errors import DataError
from govinfo.i18n import get_lang, t
from govinfo.load import prelist
from govinfo.load.sources import FileSource, WorkingTree
from govinfo.load.tally import Tally
from govinfo.model import Folder, Problem, Settings
from govinfo.rules.annual import YearScore, score_year
from govinfo.rules.years import YearSpan, scoring_years, years_read

if TYPE_CHECKING:
    from govinfo.app.layouts import TableMemo
    from govinfo.load.cache import ResultCache
    from govinfo.load.folder import LoadResult, ParseCacheLike
    from govinfo.store.place import Place

MAX_REFUSAL_LINES = 5
R = TypeVar("R")
F = TypeVar("F")

SourceLines = Callable[[str, int], str | None]
# What the YAML reader counts as a line's end, so an excerpt is the line a problem names.
_LINE_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def refusal(problems: list[Problem], n_errors: int, limit: int = MAX_REFUSAL_LINES) -> DataError:
    """The refusal (exit 1) of a folder with errors: the first few and how many more."""
    errors = [p for p in problems if p.is_error]
    lines = [t("refused_errors", n=n_errors)]
    lines += [f"  {p}" for p in errors[:limit]]
    if len(errors) > limit:
        lines.append("  " + t("refused_more", n=len(errors) - limit))
    return DataError("\n".join(lines))


def _as_is(result: R) -> R:
    return result


class Session:
    """The data folder of one run, opened once (see the module docstring); ``at`` reads it as
    it was at that git revision (read-only: no recovery, no cache). A writer holding the lock
    gives its ``place`` (its interrupted write finished or undone already): git is not asked
    again where the folder lives."""

    def __init__(
        self,
        options: RunOptions,
        feedback: Feedback,
        *,
        at: str | None = None,
        place: Place | None = None,
    ) -> None:
        self.options = options
        self.feedback = feedback
        self.at = at
        self.root = locate_folder(options)
        self.source: FileSource
        self.git_dir: Path | None = None  # the repository's, where the caches are kept
        if at is None:
            if place is None:
                from govinfo.store.place import locate

                place = locate(self.root)  # the one question to git of a warm answer
                finish_interrupted_write(place, feedback)
            self.git_dir = place.git_dir
            self.source = WorkingTree(self.root)
        else:
            from govinfo.load.gitrev import GitRevision

            self.source = GitRevision(self.root, at)
        self._served: list[str] | None = []  # see served()
        try:
            self.settings: Settings = self._read_settings()
        except DataError:
            apply_language(options, None)
            raise
        apply_language(options, self.settings.language)

    def _read_settings(self) -> Settings:
        """The folder's settings: read from ``govinfo.yaml``, or — with the cache, the file
        unchanged since they were read — kept with the results (:func:`settings_key`), so a
        run answered from the caches reads no YAML at all (nor imports the loader)."""
        from govinfo.load.cache import settings_key

        key = settings_key(self.root) if self.caching else None
        if key is not None:
            kept = self.results.get("settings", key, Settings)
            if kept is not None:
                return kept
        from govinfo.load.folder import read_settings

        found = read_settings(self.source)
        if key is not None and settings_key(self.root) == key:  # not changed while read
            self.results.put("settings", key, found)
        return found

    @property
    def caching(self) -> bool:
        return self.at is None and not self.options.no_cache

    @functools.cached_property
    def results(self) -> ResultCache:
        """The folder's result cache, in its repository's git directory when it has one."""
        from govinfo.load.cache import ResultCache, cache_dir_in

        return ResultCache(self.root, cache_dir_in(self.root, self.git_dir))

    @functools.cached_property
    def layouts(self) -> TableMemo | None:
        """Where tables printed on a terminal keep what fitting them found
        (:func:`govinfo.render.layout.fit_layout`), with the results — None without the cache.
        One memo a run, whoever asks."""
        if not self.caching:
            return None
        from govinfo.app.layouts import TableMemo

        return TableMemo(self.results)

    def _parse_cache(self) -> ParseCacheLike | None:
        if not self.caching:
            return None
        from govinfo.load.parsecache import ParseCache

        return ParseCache(self.root, self.results.dir)  # where the results are

    def load(self, years: Collection[int] | None = None, *, refuse: bool = True) -> LoadResult:
        """The folder with ``years`` of submissions (every year when None). Refuses (exit 1)
        when what it read has errors, unless ``refuse`` is false."""
        self._served = None  # what is shown from it is not an answer of the result cache
        return self._load(years, refuse=refuse)

    def _load(self, years: Collection[int] | None, *, refuse: bool = True) -> LoadResult:
        from govinfo.load.folder import load_folder

        with self.feedback.progress() as progress:
            result = load_folder(
                self.source,
                years=years,
                cache=self._parse_cache(),
                progress=lambda done, total: progress("folder", done, total),
            )
        if refuse and result.errors:
            raise refusal(result.problems, result.errors)
        return result

    def load_year(self, year: int) -> LoadResult:
        """The folder with every submission a score of ``year`` can depend on (refusing on
        errors)."""
        return self.load(scoring_years(year))

    def scan(self) -> Checked:
        """Every file checked, year by year, keeping no submission records (``check``).

        With the cache, the result is kept under a fingerprint of every file listed (and the
        symbolic links and irregular entries, and the language the problems are worded in):
        a folder unchanged since the last check gives its problems back without a file read."""
        key = None
        self._served = None  # not an answer of the result cache (see served())
        if self.caching:
            from govinfo.load.cache import fingerprint

            key = fingerprint(self._parts(None), [None], f"check\0{get_lang()}")
            if key is not None:
                hit = self.results.get("check", key, Checked)
                if hit is not None:
                    return hit
        from govinfo.load.folder import scan_folder

        with self.feedback.progress() as progress:
            scanned = scan_folder(
                self.source,
                cache=self._parse_cache(),
                progress=lambda done, total: progress("folder", done, total),
            )
        result = Checked(scanned.problems, scanned.files, scanned.records)
        if key is not None:
            self.results.put("check", key, result)
        return result

    def source_lines(self) -> SourceLines:
        """``(path, line) → that line's text`` (None when there is none) in the files as read,
        for the excerpts under problems. An excerpt is a courtesy: a file that cannot be read
        again, or that is over ``GOVINFO_MAX_FILE_MB`` (never read, as the loader), gives none,
        never a failure."""
        cache: dict[str, list[str]] = {}
        sizes: dict[str, int] = {}
        self._served = None  # they are read as they are now (see served())

        def source_line(path: str, line: int) -> str | None:
            if path not in cache:
                cache[path] = []
                try:
                    if not sizes:  # listed once, when the first excerpt is asked for
                        sizes.update(self.source.files(None))
                    if sizes.get(path, 0) <= settings.max_file_bytes():
                        text = self.source.read(path).decode("utf-8", "replace")
                        cache[path] = _LINE_BREAKS.split(text)
                except Exception:
                    pass
            lines = cache[path]
            return lines[line - 1] if 0 < line <= len(lines) else None

        return source_line

    @overload
    def score(self, year: int, as_of: dt.date) -> YearScore: ...

    @overload
    def score(self, year: int, as_of: dt.date, finish: Callable[[YearScore], F]) -> F: ...

    def score(
        self, year: int, as_of: dt.date, finish: Callable[[YearScore], object] = _as_is
    ) -> object:
        """The ``YearScore`` of ``year`` as of ``as_of``, without the per-point events (the
        ranking does not need them; ``explain`` scores for itself), through the result cache
        — or ``finish`` of it (the rows a command shows), which a warm run works out while
        the folder is still being listed (see :meth:`answer`)."""
        return self.answer(
            scoring_years(year),
            name=f"score-{year}",
            question=f"score\0{year}\0{as_of.isoformat()}",
            kind=YearScore,
            compute=lambda loaded: Computed(
                _without_events(score_year(loaded.folder, year, as_of))
            ),
            finish=finish,
        )

    def cached(
        self,
        year: int,
        *,
        name: str,
        question: str,
        kind: type[R],
        compute: Callable[[Folder], R],
        vet: Callable[[Folder], object] | None = None,
    ) -> R:
        """``compute(folder)`` of the folder loaded for ``year`` (see :meth:`load_year`),
        through :meth:`cached_over`."""
        return self.cached_over(
            scoring_years(year),
            name=name,
            question=question,
            kind=kind,
            compute=lambda loaded: Computed(compute(loaded.folder)),
            vet=vet,
        )

    def cached_over(
        self,
        years: YearSpan | None,
        *,
        name: str,
        question: str,
        kind: type[R],
        compute: Callable[[LoadResult], Computed[R]],
        vet: Callable[[Folder], object] | None = None,
    ) -> R:
        """:meth:`answer` as computed or stored."""
        return self.answer(
            years,
            name=name,
            question=question,
            kind=kind,
            compute=compute,
            finish=_as_is,
            vet=vet,
        )

    def answer(
        self,
        years: YearSpan | None,
        *,
        name: str,
        question: str,
        kind: type[R],
        compute: Callable[[LoadResult], Computed[R]],
        finish: Callable[[R], F],
        vet: Callable[[Folder], object] | None = None,
    ) -> F:
        """``finish`` of ``compute(loaded)``'s result, ``loaded`` being the folder with
        ``years`` of submissions (every year when None; refusing on errors) — or of the
        result stored under ``name`` when no file it depends on has changed (see
        :func:`govinfo.load.cache.fingerprint`) since it was computed for the same
        ``question``: a warm run parses and computes nothing.

        The stored result is decoded, and ``finish`` run on it, before the folder's
        fingerprint is known — while the head start (:mod:`govinfo.load.prelist`) is still
        listing the folder — and given back only once the fingerprint is the one it was
        stored under. So ``finish`` must be pure and total: it may run on a stored result
        that turns out to be stale, and its answer is then thrown away.

        A result that had to read more years than ``years`` (``Computed.read``) is stored under
        the fingerprint of everything it read, with a note, under the fingerprint of
        ``years``, of which years those were: so a warm run lists the same files, finds the
        same fingerprint and parses nothing either. The note is sound because which years are
        needed is decided from the files of ``years`` alone.

        ``vet``, when given, runs on the registry alone before the submissions are loaded to
        compute (never on a stored answer): a refusal it raises (a point's name mistyped)
        comes without reading a year of files. It is skipped when the registry has errors,
        which the load then refuses with."""
        if not self.caching:
            self._vet(vet)
            return finish(compute(self.load(years)).result)
        from govinfo.load.cache import fingerprint

        served = self._served  # a miss computes first, which may load more (see served())
        self._served = None

        results = self.results
        stored = results.peek(name, kind)
        if stored is None:
            prelist.stop()  # nothing stored to find: no head start to wait for
            self._vet(vet)  # before the files are listed for the key
            vet = None
        early = None if stored is None else (stored.key, finish(stored.value))
        key = fingerprint(self._parts(years), [years], question)
        if key is not None and early is not None:
            if early[0] == key:
                return self._serve(served, key, early[1])
            wider = results.get(f"{name}-years", key, ReadYears)
            if wider is not None:
                spans = [years, years_read(wider.span())]
                if early[0] == fingerprint(self._parts(*spans), spans, question):
                    return self._serve(served, early[0], early[1])
        self._vet(vet)
        self._served = served
        answer = compute(self._load(years))
        served, self._served = self._served, None
        if key is None or not answer.store:
            return finish(answer.result)
        if answer.read is None:
            results.put(name, key, answer.result)
            return self._serve(served, key, finish(answer.result))
        # The listing now covers every year read (stats only ever gain files in a run).
        spans = [years, years_read(answer.read)]
        wide_key = fingerprint(self._parts(*spans), spans, question)
        if wide_key is None:
            return finish(answer.result)
        results.put(f"{name}-years", key, ReadYears(answer.read.start, answer.read.stop))
        results.put(name, wide_key, answer.result)
        return self._serve(served, wide_key, finish(answer.result))

    def _vet(self, vet: Callable[[Folder], object] | None) -> None:
        """``vet`` of the folder without submissions, unless it has errors (see :meth:`answer`)."""
        if vet is not None:
            registry = self._load((), refuse=False)
            if not registry.errors:
                vet(registry.folder)

    def _serve(self, served: list[str] | None, key: str, answer: F) -> F:
        """``answer``, noting that it is the result kept under ``key`` (see :meth:`served`)."""
        self._served = None if served is None else [*served, key]
        return answer

    def served(self) -> tuple[str, ...] | None:
        """The keys of the results this run's answers are, in order, when every one is a
        result kept in the result cache — so that what the run shows follows from those keys
        (and how it is shown). None when one is not (no cache, a file too new to trust, a
        result not kept), or when the folder was loaded outside an answer."""
        return None if self._served is None else tuple(self._served)

    def printed(self, name: str, key: str) -> str | None:
        """The text kept as ``name`` when it was kept under ``key`` — a digest of a run's
        answers' keys and of how they were shown (see ``govinfo.cli.replay``) — or None."""
        return self.results.get(name, key, str) if self.caching else None

    def keep_printed(self, name: str, key: str, text: str) -> None:
        """Keep ``text``, what this run printed, under ``key`` (see :meth:`printed`)."""
        if self.caching:
            self.results.put(name, key, text)

    def _parts(self, *spans: Collection[int] | None) -> dict[str, str | None]:
        """The stamps (:func:`govinfo.load.stamps.stamps`) of a listing that covers every
        year of ``spans``: the one made at start-up when it did (:mod:`govinfo.load.prelist`),
        else this run's own (listed once: a load after it reuses the listing)."""
        from govinfo.load.stamps import stamps

        made = prelist.take(self.root, spans)
        if made is not None:
            return made
        assert isinstance(self.source, WorkingTree)
        for span in spans:
            self.source.files(span)
        return stamps(self.source.stats, self.source.odd)


class Checked(Tally, frozen=True):
    """What ``check`` reports: every problem, and how many files and records were read."""


@dataclass(frozen=True)
class Computed(Generic[R]):
    """A use case's answer to :meth:`Session.cached_over`: ``store`` false when it must not be
    kept (it carries an error); ``read`` the submission years it read when it needed more than
    it was given."""

    result: R
    store: bool = True
    read: range | None = None


class ReadYears(msgspec.Struct, frozen=True):
    """The years a question needed, as ``range(start, stop)``."""

    start: int
    stop: int

    def span(self) -> range:
        return range(self.start, self.stop)


def result_slot(command: str, question: str, slots: int = 16) -> str:
    """The cache entry's name for one ``question`` of ``command``: one of ``slots`` per command,
    so that a clerk going through several points keeps most of them warm while the cache stays
    bounded (a question that lands on a taken slot replaces its entry)."""
    digest = hashlib.sha256(question.encode("utf-8", "surrogatepass")).digest()  # any name
    return f"{command}-{int.from_bytes(digest[:4], 'big') % slots}"


def _without_events(result: YearScore) -> YearScore:
    return msgspec.structs.replace(result, events={})
