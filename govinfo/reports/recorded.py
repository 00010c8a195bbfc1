"""The year's outcome as the registry records it, against the outcome computed now (pure):
``close-year`` refuses to write over a difference, and ``score`` of a closed year says there
is one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from govinfo.holding import latest
from govinfo.model import HistoryEvent, HistoryKind, Point, Tier
from govinfo.rules.annual import Status, YearScore

OUTCOME_EVENTS = (HistoryKind.COMMENDED, HistoryKind.DISQUALIFIED)
_EVENT_OF = {Status.COMMENDED: HistoryKind.COMMENDED, Status.DISQUALIFIED: HistoryKind.DISQUALIFIED}
# The statuses the registry records (as their values): any other means it recorded neither.
RECORDED_STATUSES = frozenset(status.value for status in _EVENT_OF)


def event_of(status: Status) -> HistoryKind:
    return _EVENT_OF[status]


def _outcome(ev: HistoryEvent) -> bool:
    """Whether ``ev`` records a year's outcome as close-year does: a provincial commendation or
    disqualification (the State Council's commendation of its points is not the year closed)."""
    return ev.event in OUTCOME_EVENTS and ev.tier is Tier.PROVINCIAL and ev.year is not None


def recorded_events(
    points: Iterable[Point], year: int
) -> list[tuple[Point, HistoryKind, dt.date, str | None]]:
    """The provincial commended/disqualified events the registry holds for ``year``: (point,
    event, date, reason)."""
    return [
        (p, ev.event, ev.date, ev.reason)
        for p in points
        for ev in p.history
        if _outcome(ev) and ev.year == year
    ]


def recorded_years(points: Iterable[Point]) -> dict[int, dt.date]:
    """The years whose outcome is recorded in the registry (closed years), each with the last
    day one of its events was recorded."""
    out: dict[int, dt.date] = {}
    for point in points:
        for ev in point.history:
            if _outcome(ev):
                assert ev.year is not None
                out[ev.year] = max(ev.date, out.get(ev.year, ev.date))
    return out


def computed_pairs(result: YearScore) -> set[tuple[str, HistoryKind]]:
    """(point id, event) of each point the year commends or disqualifies."""
    return {(s.point.id, event_of(s.status)) for s in result.standings if s.status in _EVENT_OF}


def changed_points(recorded: Iterable[tuple[str, HistoryKind]], result: YearScore) -> list[str]:
    """The ids of the points whose recorded outcome (``recorded``: point id, event) is not the
    one computed now, sorted; none when nothing is recorded."""
    have = set(recorded)
    if not have:
        return []
    return sorted({pid for pid, _ in have ^ computed_pairs(result)})


def closed_and_changed(result: YearScore) -> tuple[dt.date, int] | None:
    """For a year scored to its end whose outcome is recorded in the registry (its ranked
    points' history) but differs from the outcome computed now: the day it was recorded (the
    last such event) and how many points differ; else None."""
    if not result.final:
        return None
    recorded = recorded_events((s.point for s in result.standings), result.year)
    changed = changed_points(((p.id, event) for p, event, _, _ in recorded), result)
    if not changed:
        return None
    return max(day for _, _, day, _ in recorded), len(changed)


def recorded_status(point: Point, year: int, computed: Status) -> tuple[Status, dt.date | None]:
    """The status the registry records for ``point`` in a closed ``year`` (one whose outcome
    is recorded: see :func:`recorded_years`), with the day its event was recorded: its
    commended or disqualified event for the year (the last, if several); without one, the
    registry says it was neither, so the ``computed`` status stands unless that is commended or
    disqualified (then ``retained``), with no day of its own (None)."""
    last = latest(ev for ev in point.history if _outcome(ev) and ev.year == year)
    if last is not None:
        status = Status.COMMENDED if last.event is HistoryKind.COMMENDED else Status.DISQUALIFIED
        return status, last.date
    if computed in _EVENT_OF:
        return Status.RETAINED, None
    return computed, None
