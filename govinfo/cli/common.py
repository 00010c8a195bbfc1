"""What every command shares: the run's state (global options), locating and loading the data
folder, "today", date options, the two consoles, and turning ``GovinfoError`` into an exit."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import re
from collections.abc import Callable, Collection, Iterator
from pathlib import Path
from typing import Annotated, Any, TypeVar, cast

import msgspec
import typer
from rich.console import Console

from govinfo import settings
from govinfo.errors import DataError, GovinfoError, UsageError
from govinfo.i18n import error_text, get_lang, set_lang, t
from govinfo.render.fit import fitting_console

F = TypeVar("F", bound=Callable[..., Any])

MAX_REFUSAL_LINES = 5


def console() -> Console:
    """Tables and results: stdout. Colour only on a terminal and never with NO_COLOR."""
    return cast(Console, fitting_console(highlight=False, soft_wrap=False))


def err_console() -> Console:
    """Messages and progress: stderr."""
    return cast(Console, fitting_console(stderr=True, highlight=False))


class State:
    """The global options of one run."""

    def __init__(self, data: Path | None, lang: str | None, no_cache: bool) -> None:
        self.data = data
        self.lang = lang
        self.no_cache = no_cache or settings.no_cache()


def state(ctx: typer.Context) -> State:
    obj = ctx.find_root().obj
    if isinstance(obj, State):
        return obj
    return State(None, None, False)


def guarded(fn: F) -> F:
    """Wrap a command so that a ``GovinfoError`` becomes its message on stderr and its exit code."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except GovinfoError as exc:
            err_console().print(error_text(exc), markup=False, highlight=False, soft_wrap=True)
            raise typer.Exit(exc.exit_code) from None

    return wrapper  # type: ignore[return-value]


def locate_folder(st: State) -> Path:
    """The data folder: ``--data``, else ``GOVINFO_DATA``, else ``./data`` when it holds a
    ``govinfo.yaml``; otherwise a one-line error naming ``govinfo init``."""
    given = st.data
    if given is None:
        given = settings.data_folder()
    if given is not None:
        if not (given / "govinfo.yaml").is_file():
            raise DataError(t("data_not_folder", path=str(given)))
        return given.resolve()
    default = Path("data")
    if (default / "govinfo.yaml").is_file():
        return default.resolve()
    raise DataError(t("no_data_folder"))


def finish_interrupted_write(root: Path) -> None:
    """Before reading: when a write was interrupted (a crash, a kill), finish or undo it first,
    so that every command sees the folder exactly as before or exactly as after that write.

    A reader never fails for a writer: when a live govinfo still holds the lock after the
    usual wait, or the interrupted write's files are in place but git could not record them
    (its message says why and what to do), the folder is read as it is — every file whole."""
    from govinfo.store.lock import LockBusy
    from govinfo.store.write import JournalCommitFailed, has_pending, recover

    if not has_pending(root):
        return
    try:
        notes = recover(root)
    except LockBusy as busy:
        info = busy.holder
        notes = [t("read_during_write", pid=info.get("pid", "?"), command=info.get("command", "?"))]
    except JournalCommitFailed as failed:
        notes = [failed.message]
    for note in notes:
        err_console().print(note, markup=False, highlight=False, soft_wrap=True)


def apply_language(st: State, folder_language: str | None) -> None:
    """``--lang`` wins; else the folder's ``language``; else Chinese."""
    set_lang(st.lang or folder_language or "zh")


def today() -> dt.date:
    """Today, or the day ``GOVINFO_TODAY`` fixes (for tests and reproducible runs)."""
    raw = settings.today_text()
    if not raw:
        return dt.date.today()
    try:
        return parse_iso_date(raw)
    except ValueError:
        raise UsageError(t("bad_today", value=raw)) from None


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_iso_date(text: str) -> dt.date:
    if not _ISO_DATE.fullmatch(text):
        raise ValueError(text)
    return dt.date.fromisoformat(text)


def date_option(value: str | None, option: str) -> dt.date | None:
    """A ``YYYY-MM-DD`` option value, or a usage error (exit 2) naming the option."""
    if value is None:
        return None
    try:
        return parse_iso_date(value)
    except ValueError:
        raise UsageError(t("bad_date_option", option=option, value=value)) from None


def open_folder(
    ctx: typer.Context,
    *,
    years: Collection[int] | None = None,
    refuse_on_errors: bool = True,
    at: str | None = None,
    scan: bool = False,
    tree: Any = None,
) -> Any:
    """Locate and load the data folder (only ``years`` of submissions when given), as it is
    now or, with ``at``, as it was at that git revision.

    A command that computes refuses (exit 1) when what it read has errors, printing the first
    few and a pointer to ``govinfo check``. Returns the loader's ``LoadResult``. With ``scan``
    (``check``), every year is checked in turn without keeping submission records. ``tree`` is a
    ``WorkingTree`` already listed (its listing is reused).
    """
    from govinfo.load import WorkingTree, load_folder
    from govinfo.load.folder import read_settings, scan_folder
    from govinfo.load.gitrev import GitRevision
    from govinfo.load.sources import FileSource

    st = state(ctx)
    root = locate_folder(st)
    if at is None:
        finish_interrupted_write(root)
    source: FileSource
    if at is not None:
        source = GitRevision(root, at)
    else:
        source = tree if tree is not None else WorkingTree(root)
    try:
        settings = read_settings(source)
    except DataError:
        apply_language(st, None)
        raise
    apply_language(st, settings.language)
    cache = None
    if at is None and not st.no_cache:
        from govinfo.load.cache import ParseCache

        cache = ParseCache(root)
    with progress_bar() as progress:
        if scan:
            result = scan_folder(source, cache=cache, progress=progress)
        else:
            result = load_folder(source, years=years, cache=cache, progress=progress)
    if refuse_on_errors and result.errors:
        refuse(result.problems, result.errors)
    return result


def scoring_years(year: int) -> Any:
    """The submissions a year's score can depend on: see ``rules.years.scoring_years``."""
    from govinfo.rules.years import scoring_years as years

    return years(year)


def scored_year(ctx: typer.Context, year: int, as_of: dt.date, at: str | None = None) -> Any:
    """The ``YearScore`` of ``year`` as of ``as_of``, reading ``scoring_years(year)``, without the
    per-point events (the ranking does not need them; ``explain`` scores for itself), through
    the result cache (:func:`cached_result`)."""
    from govinfo.rules.annual import YearScore, score_year

    return cached_result(
        ctx,
        year,
        at,
        name=f"score-{year}",
        question=f"score\0{year}\0{as_of.isoformat()}",
        kind=YearScore,
        compute=lambda folder: msgspec.structs.replace(score_year(folder, year, as_of), events={}),
    )


R = TypeVar("R")


def cached_result(
    ctx: typer.Context,
    year: int,
    at: str | None,
    *,
    name: str,
    question: str,
    kind: type[R],
    compute: Callable[[Any], R],
) -> R:
    """``compute(folder)`` of the folder loaded with ``scoring_years(year)``, or the result
    stored under ``name`` when no file it depends on has changed (size, mtime, inode) since it
    was computed for the same ``question``: a warm run parses and scores nothing. Otherwise the
    folder is loaded (refusing on errors), computed, and the result stored for next time."""
    st = state(ctx)
    years = scoring_years(year)
    key = None
    results = None
    tree = None
    if at is None and not st.no_cache:
        from govinfo.load import WorkingTree
        from govinfo.load.cache import ResultCache, fingerprint
        from govinfo.load.folder import read_settings

        root = locate_folder(st)
        finish_interrupted_write(root)
        tree = WorkingTree(root)
        tree.files(years)
        apply_language(st, read_settings(tree).language)
        key = fingerprint(tree.stats, question)
        results = ResultCache(root)
        if key is not None:
            hit = results.get(name, key, kind)
            if hit is not None:
                return hit
    loaded = open_folder(ctx, years=years, at=at, tree=tree)
    result = compute(loaded.folder)
    if results is not None and key is not None:
        results.put(name, key, result)
    return result


AT_HELP = "Read the folder as it was at this git revision (a tag, branch or commit)."

# Options that several commands share, declared once.
YearArg = Annotated[
    int, typer.Argument(metavar="YEAR", help="The year, e.g. 2003.", min=1, max=9998)
]
AsOfOpt = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="DATE",
        help="As known at the end of this day (default: the year's last day, or today if earlier).",
    ),
]
AtOpt = Annotated[str | None, typer.Option("--at", metavar="REV", help=AT_HELP)]


@contextlib.contextmanager
def progress_bar() -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on stderr for long reads — only on a terminal, and only once the work
    turns out to be long (a few thousand files)."""
    err = err_console()
    if not err.is_terminal:
        yield None
        return
    from rich.progress import Progress

    with Progress(console=err, transient=True) as bar:
        task: list[Any] = []

        def update(done: int, total: int) -> None:
            if total < 2000:
                return
            if not task:
                task.append(bar.add_task(t("progress_reading"), total=total))
            bar.update(task[0], completed=done)

        yield update


def refuse(problems: list[Any], n_errors: int) -> None:
    """Print the first errors and raise the refusal (exit 1)."""
    errors = [p for p in problems if p.is_error]
    lines = [t("refused_errors", n=n_errors)]
    lines += [f"  {p}" for p in errors[:MAX_REFUSAL_LINES]]
    if len(errors) > MAX_REFUSAL_LINES:
        lines.append("  " + t("refused_more", n=len(errors) - MAX_REFUSAL_LINES))
    raise DataError("\n".join(lines))


__all__ = [
    "State",
    "apply_language",
    "console",
    "date_option",
    "err_console",
    "get_lang",
    "guarded",
    "locate_folder",
    "open_folder",
    "refuse",
    "state",
    "today",
]
