"""The use cases that read and compute: score, explain, overdue and the year-end tables. Each
takes the opened folder (``Session``) and the clerk's choices, and returns a report (data) for
render to put into words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from pathlib import Path

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
from govinfo.reports.score import ScoreReport, score_report
from govinfo.reports.yearend import YearEnd, year_end
from govinfo.rules.annual import score_year
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
    """Every scoring event of ``point`` in ``year`` as of ``day``."""
    folder = session.load_year(year).folder
    found = find_point_or_refuse(folder, point)
    return explain_report(folder, score_year(folder, year, day), found)


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
    """What is overdue as of ``day`` in the window from ``since`` (see ``check_since``)."""
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


def year_end_data(session: Session, year: int, day: dt.date) -> YearEnd:
    """The year-end figures (every number from the same scoring as ``score``)."""
    folder = session.load_year(year).folder
    return year_end(folder, score_year(folder, year, day))


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
