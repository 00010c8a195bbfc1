"""The use cases that read and compute: score, explain, overdue and the year-end tables. Each
takes the opened folder (``Session``) and the clerk's choices, and returns a report (data) for
render to put into words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from pathlib import Path

import msgspec

from govinfo.app.session import Session, result_slot
from govinfo.errors import GovinfoError, UsageError
from govinfo.i18n import t
from govinfo.load.folder import LoadResult
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
from govinfo.rules.annual import score_year
from govinfo.rules.periods import Period
from govinfo.rules.years import window_years, years_read


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
    )


def _find_point(folder: Folder, text: str) -> Point:
    """The point ``text`` names, or the refusal (imported here: a warm run, served from the
    result cache, needs none of the registry's writing code)."""
    from govinfo.app.registry import find_point_or_refuse

    return find_point_or_refuse(folder, text)


def check_since(since: dt.date | None, day: dt.date) -> dt.date:
    """The start of the window (default: 1 January of ``day``'s year); a usage error (exit 2)
    when it is after ``day``."""
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
    """What is overdue as of ``day`` in the window from ``since`` (see ``check_since``),
    through the result cache (a result that needed more years than the first read is not
    stored: its fingerprint would not cover them)."""
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

    def compute(loaded: LoadResult) -> tuple[OverdueReport, bool]:
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
        return report, wider is None

    # January after the last year too: an emergency reported late in December may be written
    # up with a January date (as score reads it, so findings and deductions agree).
    return session.cached_over(
        years_read(window_years(start, day)),
        name=result_slot("overdue", question),
        question=question,
        kind=OverdueReport,
        compute=compute,
    )


def year_end_data(session: Session, year: int, day: dt.date) -> YearEnd:
    """The year-end figures (every number from the same scoring as ``score``)."""
    folder = session.load_year(year).folder
    return year_end(folder, score_year(folder, year, day))


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

    def compute(loaded: LoadResult) -> tuple[PointCard, bool]:
        found = _find_point(loaded.folder, point)
        card = point_card_report(loaded.folder, found, today)
        return card, all(row.problem is None for row in card.years)

    return session.cached_over(
        None,
        name=result_slot("points-show", question),
        question=question,
        kind=PointCard,
        compute=compute,
    )


def write_export(path: Path, files: dict[Path, bytes]) -> None:
    """Write an export atomically (temporary file + rename, per file): an export is not a
    change to the data folder, so no lock and no commit."""
    from govinfo.store.atomic import write_bytes_atomic

    try:
        for target, data in files.items():
            write_bytes_atomic(target, data)
    except OSError as exc:
        raise GovinfoError(
            t("ye_write_failed", path=str(path), error=exc.strerror or exc)
        ) from None
