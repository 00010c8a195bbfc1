"""The use cases that read and compute: score, explain, overdue and the year-end tables. Each
takes the opened folder (``Session``) and the clerk's choices, and returns a report (data) for
render to put into words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

import msgspec

from govinfo.app.session import Computed, Session, result_slot
from govinfo.errors import GovinfoError, UsageError
from govinfo.i18n import t
from govinfo.model import Folder, Point, PointKind
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
from govinfo.reports.registry import PointCard
from govinfo.reports.registry import point_card as point_card_report
from govinfo.reports.score import ScoreReport, score_report
from govinfo.reports.yearend import YearEnd, year_end
from govinfo.rules.annual import default_as_of, score_year
from govinfo.rules.periods import Period, parse_period, period_hint
from govinfo.rules.years import window_years, years_read

if TYPE_CHECKING:
    from govinfo.app.notice import NoticeOptions
    from govinfo.load.folder import LoadResult


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
    """The year's ranking as of ``day`` (through the result cache). An empty ranking also
    says how many points the registry holds (its note differs for a new, empty folder)."""
    report = session.score(
        year,
        day,
        lambda result: score_report(result, kind=kind, top=top, groups=groups, by_group=by_group),
    )
    if report.ranked == 0:  # rare: the registry is read once more, without submissions
        registered = len(session.load(()).folder.points)
        report = msgspec.structs.replace(report, registered=registered)
    return report


def explain(session: Session, point: str, year: int, day: dt.date) -> ExplainReport:
    """Every scoring event of ``point`` in ``year`` as of ``day`` (through the result cache,
    keyed by the point as the clerk wrote it)."""
    question = f"explain\0{point}\0{year}\0{day.isoformat()}"

    def compute(folder: Folder) -> ExplainReport:
        found = _find_point(folder, point)
        return explain_report(folder, score_year(folder, year, day), found)

    return session.cached(
        year,
        name=result_slot(f"explain-{year}", question),
        question=question,
        kind=ExplainReport,
        compute=compute,
        vet=lambda folder: _find_point(folder, point),
    )


def _find_point(folder: Folder, text: str) -> Point:
    """The point ``text`` names, or the refusal (imported here: a warm run, served from the
    result cache, needs none of the registry's writing code)."""
    from govinfo.app.registry import find_point_or_refuse

    return find_point_or_refuse(folder, text)


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
    """What is overdue as of ``day`` in the window from ``since`` (see ``check_window``),
    through the result cache (a result that needed more years than the first read is stored
    under the fingerprint of all it read: see ``Session.cached_over``)."""
    start = since
    question = "\0".join(
        (
            "overdue",
            day.isoformat(),
            start.isoformat(),
            point or "",
            kind.value if kind else "",
            ",".join(sorted(types)) if types else "",
            str(soon),
        )
    )

    def compute(loaded: LoadResult) -> Computed[OverdueReport]:
        wider = more_years(loaded.folder, start, day, soon)
        if wider is not None:
            loaded = session.load(years_read(wider))
        folder = loaded.folder
        found = None if point is None else _find_point(folder, point)
        report = overdue_report(
            folder,
            day,
            since=start,
            point=found,
            point_kind=kind,
            kinds=set(types) if types else None,
            soon=soon,
        )
        return Computed(report, read=wider)

    # January after the last year too: an emergency reported late in December may be written
    # up with a January date (as score reads it, so findings and deductions agree).
    return session.cached_over(
        years_read(window_years(start, day)),
        name=result_slot("overdue", question),
        question=question,
        kind=OverdueReport,
        compute=compute,
        vet=None if point is None else lambda folder: _find_point(folder, point),
    )


@dataclass(frozen=True)
class Circular:
    """What ``report PERIOD`` shows: the period's circular (None when only the notice or the
    statements were asked for) and, for a year's report, the year-end figures that come
    before it; ``statements``: how many statements were written, if any were asked for."""

    circular: PeriodReport | None
    year_end: YearEnd | None  # also when only a year's notice was written (the figures it holds)
    statements: int | None = None


def period_or_refuse(text: str) -> Period:
    """The period ``text`` names (2003, 2003H1, 2003Q3, 2003-08); a usage error (exit 2)
    otherwise."""
    period = parse_period(text)
    if period is None:
        hint = period_hint(text)
        if hint is not None:
            raise UsageError(t("report_bad_period_hint", value=text, hint=hint))
        raise UsageError(t("report_bad_period", value=text))
    return period


class YearReport(msgspec.Struct, frozen=True, gc=False):
    """``report YEAR``: the year-end figures and the year's circular, from one scoring."""

    year_end: YearEnd
    circular: PeriodReport


def year_report(session: Session, period: Period, day: dt.date) -> YearReport:
    """The year-end figures and the circular of the year ``period`` as of ``day``, through the
    result cache as ``score``."""
    year = period.year

    def compute(folder: Folder) -> YearReport:
        result = score_year(folder, year, day)
        circular = period_report(folder, period, day, at_to=result)
        return YearReport(year_end(folder, result), circular)

    return session.cached(
        year,
        name=f"year-report-{year}",
        question=f"year-report\0{year}\0{day.isoformat()}",
        kind=YearReport,
        compute=compute,
    )


def period_circular(session: Session, period: Period, day: dt.date) -> PeriodReport:
    """The circular of ``period`` (a half, quarter or month) as of ``day``, reading what
    ``score`` reads for its year, through the result cache as ``score``."""
    return session.cached(
        period.year,
        name=f"period-{period.year}",
        question=f"period\0{period.label}\0{day.isoformat()}",
        kind=PeriodReport,
        compute=lambda folder: period_report(folder, period, day),
    )


def point_card(session: Session, point: str, today: dt.date) -> PointCard:
    """``points show``: the card of ``point`` as of ``today``, from every year on record,
    through the result cache (not stored when a year could not be scored: its row carries
    the error)."""
    question = f"points-show\0{point}\0{today.isoformat()}"

    def compute(loaded: LoadResult) -> Computed[PointCard]:
        found = _find_point(loaded.folder, point)
        card = point_card_report(loaded.folder, found, today)
        return Computed(card, store=all(row.problem is None for row in card.years))

    return session.cached_over(
        None,
        name=result_slot("points-show", question),
        question=question,
        kind=PointCard,
        compute=compute,
        vet=lambda folder: _find_point(folder, point),
    )


def circular(
    open_session: Callable[[], Session],
    period: Period,
    given: dt.date | None,
    today: dt.date,
    *,
    notice: NoticeOptions | None = None,
    to_file: bool = False,
) -> Circular:
    """The circular of ``period`` as of ``given`` (default: today, or the year's end for a
    past year), reading what ``score`` reads for the period's year, through the result cache
    as ``score``. The folder is opened (``open_session``) only once the period is known to
    have begun; a period — a year too — is refused (exit 1) before its first day.

    A year's report carries the year-end figures too (its tables show them first). The notice
    and the statements ``notice`` asks for are written first (see ``app.notice``; they read
    the folder themselves); then the circular is left out, unless only statements were asked
    for and the tables go to a file too (``to_file``)."""
    year = period.year
    day = given or (default_as_of(year, today) if period.kind == "year" else today)
    if day < period.first:  # a year as a quarter: nothing to count, nothing written
        raise GovinfoError(
            t("report_not_begun", period=period.label, first=period.first.isoformat(), as_of=day)
        )
    session = open_session()
    statements: int | None = None
    if notice is not None and notice.wanted:
        statements, written = _write_notice(session, period, day, notice)
        if notice.out is not None or not to_file:
            return Circular(None, written, statements)
    if period.kind == "year":
        both = year_report(session, period, day)
        return Circular(both.circular, both.year_end, statements)
    return Circular(period_circular(session, period, day), None, statements)


def _write_notice(
    session: Session, period: Period, day: dt.date, notice: NoticeOptions
) -> tuple[int, YearEnd | None]:
    """Write the notice and the statements of ``period`` as of ``day``: how many statements,
    and a year's figures the notice was made of."""
    from govinfo.app.notice import write_notice, write_period_notice

    folder = session.load_year(period.year).folder
    if period.kind != "year":
        return write_period_notice(session, folder, period, day, notice), None
    result = score_year(folder, period.year, day)
    ye = year_end(folder, result)
    return write_notice(session, folder, result, ye, notice), ye
