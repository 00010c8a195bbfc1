"""What every command shares: the run's state (global options and the folder, opened once
through ``app.session``), "today", date options, the two consoles, and turning ``GovinfoError`` into an exit."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Any, TypeVar, cast

import typer

from govinfo import settings
from govinfo.app.options import Progress, RunOptions
from govinfo.cli import ctrlc
from govinfo.cli.complete import complete_year
from govinfo.errors import GovinfoError, UsageError
from govinfo.i18n import error_text, get_lang, t
from govinfo.rules.calendar import (
    FIRST_YEAR,
    LAST_YEAR,
    NoSuchDay,
    real_day,
    year_first,
    year_last,
)
from govinfo.text import escape

if TYPE_CHECKING:
    from rich.console import Console

    from govinfo.app.session import Session

F = TypeVar("F", bound=Callable[..., Any])


def console(ctx: typer.Context | None = None) -> Console:
    """Tables and results: stdout. Colour only on a terminal and never with NO_COLOR. Tables
    fitted to the terminal keep their widths with the caches of the folder ``ctx``'s run
    opened (:func:`opened`, ``Session.layouts``), if any.

    rich is imported here, not with the module: a JSON or CSV answer never needs it."""
    from govinfo.cli.stdout import Guarded
    from govinfo.render.console import fitting_console

    folder = None if ctx is None else opened(ctx)
    layouts = None if folder is None else folder.layouts
    out = fitting_console(
        layouts, file=cast("IO[str]", Guarded()), highlight=False, soft_wrap=False
    )
    return cast("Console", out)


def err_console() -> Console:
    """Messages and progress: stderr."""
    from govinfo.render.console import fitting_console

    return cast("Console", fitting_console(stderr=True, highlight=False))


class State:
    """The global options of one run, and the folder once opened (per ``--at``)."""

    def __init__(self, data: Path | None, lang: str | None, no_cache: bool) -> None:
        no_cache = no_cache or settings.no_cache()
        self.options = RunOptions(data=data, lang=lang, no_cache=no_cache)
        self.sessions: dict[str | None, Session] = {}


def state(ctx: typer.Context) -> State:
    obj = ctx.find_root().obj
    if isinstance(obj, State):
        return obj
    state = State(None, None, False)
    ctx.find_root().obj = state
    return state


class Terminal:
    """The app's ``Feedback`` on a terminal: notes on stderr, the progress bar on stderr."""

    def note(self, text: str) -> None:
        err_console().print(escape(text), markup=False, highlight=False, soft_wrap=True)

    def progress(self) -> contextlib.AbstractContextManager[Progress]:
        from govinfo.render.progress import progress_bar

        return progress_bar(err_console())


def session(ctx: typer.Context, at: str | None = None) -> Session:
    """The data folder of this run, opened once (see ``app.session.Session``)."""
    from govinfo.app.session import Session

    st = state(ctx)
    if at not in st.sessions:
        st.sessions[at] = Session(st.options, Terminal(), at=at)
    return st.sessions[at]


def opened(ctx: typer.Context) -> Session | None:
    """The data folder this run opened, when it opened only the working tree (no ``--at``)."""
    sessions = state(ctx).sessions
    return sessions.get(None) if list(sessions) == [None] else None


def guarded(fn: F) -> F:
    """Wrap a command so that a ``GovinfoError`` becomes its message on stderr and its exit
    code, and Ctrl-C one line (:func:`say_interrupted`) and exit 130."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        _start_run()
        try:
            return fn(*args, **kwargs)
        except GovinfoError as exc:
            err_console().print(
                escape(error_text(exc)), markup=False, highlight=False, soft_wrap=True
            )
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            ctrlc.caught()  # a second press now is this Ctrl-C: its line is said whole
            say_interrupted()
            raise typer.Exit(EXIT_INTERRUPTED) from None

    return wrapper  # type: ignore[return-value]


EXIT_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports a program Ctrl-C stopped
_said_interrupted = False


# The modules that note what a run did (changed, landed, wrote, steps taken, a writer opened),
# each with its forget_run(): what Ctrl-C or a lost stdout says is about this run alone.
_RUN_NOTES = ("govinfo.store.atomic", "govinfo.store.write", "govinfo.app.write")


def _start_run() -> None:
    """Each command run in this process (one, from the console; many in the suite's runner)
    starts with nothing said, changed or written. A module not imported yet needs no reset."""
    global _said_interrupted
    _said_interrupted = False
    for name in _RUN_NOTES:
        module = sys.modules.get(name)
        if module is not None:
            module.forget_run()


def say_interrupted() -> None:
    """Say once, on stderr, that the run was stopped by Ctrl-C, and whether it wrote anything
    (``app.interrupt``): Typer's own answer was silence."""
    global _said_interrupted
    if _said_interrupted:
        return
    _said_interrupted = True
    from govinfo.app.interrupt import interrupted_line

    with contextlib.suppress(OSError, ValueError):
        out = err_console()
        if out.is_terminal:
            out.print()  # the terminal echoed ^C and ended no line
        out.print(interrupted_line(), markup=False, highlight=False, soft_wrap=True)


def footer_note(note: str | None, *, table: bool) -> None:
    """Say ``note`` — a line the table's footer also carries — on stderr, unless the table
    (``table``: a table printed on stdout) shows it on the same terminal: piped, or with no
    table, stderr is where the clerk sees it."""
    if not note:
        return
    try:
        on_screen = table and sys.stdout.isatty()
    except (AttributeError, OSError, ValueError):
        on_screen = False
    if not on_screen:
        err_console().print(note, markup=False, highlight=False, soft_wrap=True)


def today() -> dt.date:
    """Today, or the day ``GOVINFO_TODAY`` fixes (for tests and reproducible runs)."""
    raw = settings.today_text()
    if not raw:
        return dt.date.today()
    try:
        day = parse_iso_date(raw)
    except NoSuchDay:
        raise UsageError(t("no_such_day_today", value=raw)) from None
    except ValueError:
        raise UsageError(t("bad_today", value=raw)) from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise UsageError(date_range_message("GOVINFO_TODAY", raw))
    return day


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

# The days a date option may name: those of the years a command may name (rules.calendar).
FIRST_DAY = year_first(FIRST_YEAR)
LAST_DAY = year_last(LAST_YEAR)


def parse_iso_date(text: str) -> dt.date:
    """``text`` as a date: ``ValueError`` unless it is ``YYYY-MM-DD``, ``NoSuchDay`` when it is
    in that form but names no day."""
    if not _ISO_DATE.fullmatch(text):
        raise ValueError(text)
    return real_day(text, int(text[:4]), int(text[5:7]), int(text[8:]))


def date_option(value: str | None, option: str) -> dt.date | None:
    """A ``YYYY-MM-DD`` option value between ``FIRST_DAY`` and ``LAST_DAY``, or a usage error
    (exit 2) naming the option and saying what is wrong with it."""
    if value is None:
        return None
    try:
        day = parse_iso_date(value)
    except NoSuchDay:
        raise UsageError(t("no_such_day", option=option, value=value)) from None
    except ValueError:
        raise UsageError(t("bad_date_option", option=option, value=value)) from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise UsageError(date_range_message(option, value))
    return day


def record_date(value: str | None, option: str = "--date") -> dt.date:
    """The date a writing command records (``option``, default today). A day after today is
    allowed (SPEC: the clerk may record ahead) but said as a warning, as import says it — a
    mistyped year or month is easier to catch before it is committed."""
    day, ahead = dated_record(value, option)
    if ahead is not None:
        Terminal().note(ahead)
    return day


def dated_record(value: str | None, option: str = "--date") -> tuple[dt.date, str | None]:
    """:func:`record_date` with its warning returned (None: the day is not after today), for
    a command that says it only once its checks have passed — a warning that the event is
    "recorded all the same" must not come before a refusal to record it."""
    now = today()
    day = date_option(value, option) or now
    if day > now:
        return day, t("date_after_today", option=option, value=value, today=now.isoformat())
    return day, None


def date_range_message(option: str, value: object) -> str:
    return t(
        "date_out_of_range",
        option=option,
        value=value,
        first=FIRST_DAY.isoformat(),
        last=LAST_DAY.isoformat(),
    )


AT_HELP = "Read the folder as it was at this git revision (a tag, branch or commit)."

# Options that several commands share, declared once.
YearArg = Annotated[
    int,
    typer.Argument(
        metavar="YEAR",
        help="The year, e.g. 2003.",
        min=FIRST_YEAR,
        max=LAST_YEAR,
        autocompletion=complete_year,
    ),
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


__all__ = [
    "State",
    "Terminal",
    "console",
    "date_option",
    "err_console",
    "get_lang",
    "guarded",
    "session",
    "state",
    "today",
]
