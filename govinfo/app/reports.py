"""The use cases that read and compute: score, explain, overdue and the year-end tables. Each
takes the opened folder (``Session``) and the clerk's choices, and returns a report (data) for
render to put into words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

from govinfo.app.registry import find_point_or_refuse
from govinfo.app.session import Session
from govinfo.errors import GovinfoError, UsageError
from govinfo.i18n import t
from govinfo.model import PointKind
from govinfo.reports.explain import ExplainReport, explain_report
from govinfo.reports.groups import GroupInfo
from govinfo.reports.overdue import (
    FindingKind,
    OverdueReport,
    default_since,
    more_years,
    overdue_report,
)
from govinfo.reports.period import PeriodReport, period_report
from govinfo.reports.score import ScoreReport, score_report
from govinfo.reports.yearend import YearEnd, year_end
from govinfo.rules.annual import default_as_of, score_year
from govinfo.rules.periods import Period, parse_period
from govinfo.rules.years import window_years, years_read

if TYPE_CHECKING:
    from govinfo.app.notice import NoticeOptions


def score(
    session: Session,
    year: int,
    day: dt.date,
    *,
    kind: PointKind | None,
    top: int | None,
    groups: tuple[GroupInfo, ...],
    by_group: bool,
) -> ScoreReport:
    """The year's ranking as of ``day`` (through the result cache)."""
    result = session.score(year, day)
    return score_report(result, kind=kind, top=top, groups=groups, by_group=by_group)


def explain(session: Session, point: str, year: int, day: dt.date) -> ExplainReport:
    """Every scoring event of ``point`` in ``year`` as of ``day``."""
    folder = session.load_year(year).folder
    found = find_point_or_refuse(folder, point)
    return explain_report(folder, score_year(folder, year, day), found)


def check_window(
    since: dt.date | None, day: dt.date, soon: int | None, last_day: dt.date
) -> dt.date:
    """The start of the window (default: 1 January of ``day``'s year); a usage error (exit 2)
    when it is after ``day``, or when ``soon`` days from ``day`` run past ``last_day``."""
    if soon is not None and soon > (last_day - day).days:
        raise UsageError(t("soon_out_of_range", soon=soon, as_of=day, last=last_day))
    start = since or default_since(day)
    if start > day:
        raise UsageError(t("od_since_after_as_of", since=start.isoformat(), as_of=day.isoformat()))
    return start


def overdue(
    session: Session,
    day: dt.date,
    *,
    since: dt.date,
    point: str | None,
    kind: PointKind | None,
    types: Collection[FindingKind] | None,
    soon: int | None,
) -> OverdueReport:
    """What is overdue as of ``day`` in the window from ``since`` (see ``check_window``)."""
    start = since
    # January after the last year too: an emergency reported late in December may be written
    # up with a January date (as score reads it, so findings and deductions agree).
    loaded = session.load(years_read(window_years(start, day)))
    wider = more_years(loaded.folder, start, day, soon)
    if wider is not None:
        loaded = session.load(years_read(wider))
    folder = loaded.folder
    found = None if point is None else find_point_or_refuse(folder, point)
    return overdue_report(
        folder,
        day,
        since=start,
        point=found,
        point_kind=kind,
        kinds=set(types) if types else None,
        soon=soon,
    )


@dataclass(frozen=True)
class Circular:
    """What ``report PERIOD`` shows: the period's circular (None when only the notice or the
    statements were asked for) and, for a year's report in tables, the year-end figures that
    come before it; ``statements``: how many statements were written, if any were asked for."""

    circular: PeriodReport | None
    year_end: YearEnd | None
    statements: int | None = None


def period_or_refuse(text: str) -> Period:
    """The period ``text`` names (2003, 2003H1, 2003Q3, 2003-08); a usage error (exit 2)
    otherwise."""
    period = parse_period(text)
    if period is None:
        raise UsageError(t("report_bad_period", value=text))
    return period


def circular(
    open_session: Callable[[], Session],
    period: Period,
    given: dt.date | None,
    today: dt.date,
    *,
    with_year_end: bool,
    notice: NoticeOptions | None = None,
    to_file: bool = False,
) -> Circular:
    """The circular of ``period`` as of ``given`` (default: today, or the year's end for a
    past year), reading what ``score`` reads for the period's year. The folder is opened
    (``open_session``) only once the period is known to have begun.

    A year's report computes the year-end figures too when ``with_year_end`` (the tables, not
    the JSON, show them), and writes the notice and the statements ``notice`` asks for (see
    ``app.notice``); then the circular is left out, unless only statements were asked for and
    the tables go to a file too (``to_file``). A shorter period writes its own notice and
    statements the same way, goes through the result cache as ``score`` does, and is refused
    (exit 1) before its first day."""
    year = period.year
    if period.kind == "year":
        day = given or default_as_of(year, today)
        session = open_session()
        folder = session.load_year(year).folder
        result = score_year(folder, year, day)
        wanted = notice is not None and notice.wanted
        ye = year_end(folder, result) if with_year_end or wanted else None
        if notice is not None and notice.wanted:
            from govinfo.app.notice import write_notice

            assert ye is not None
            written = write_notice(session, folder, result, ye, notice)
            if notice.out is not None or not to_file:
                return Circular(None, None, written)
            return Circular(period_report(folder, period, day, at_to=result), ye, written)
        report = period_report(folder, period, day, at_to=result)
        return Circular(report, ye if with_year_end else None)
    day = given or today
    if day < period.first:
        raise GovinfoError(
            t("report_not_begun", period=period.label, first=period.first.isoformat(), as_of=day)
        )
    session = open_session()
    statements: int | None = None
    if notice is not None and notice.wanted:
        from govinfo.app.notice import write_period_notice

        folder = session.load_year(year).folder
        statements = write_period_notice(session, folder, period, day, notice)
        if notice.out is not None or not to_file:
            return Circular(None, None, statements)
    report = session.cached(
        year,
        name=f"period-{year}",
        question=f"period\0{period.label}\0{day.isoformat()}",
        kind=PeriodReport,
        compute=lambda folder: period_report(folder, period, day),
    )
    return Circular(report, None, statements)
