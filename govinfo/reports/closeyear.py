"""What ``govinfo close-year YEAR`` writes into the registry, and whether it may (pure).

The year's outcome (:func:`govinfo.reports.yearend.year_outcome` of the year scored as of its
last day) becomes one history event per point — ``commended`` or ``disqualified``, provincial
tier, with the assessed ``year`` and the reason (phrased by render) — dated the day the clerk gives. What the
registry already records for that year (provincial ``commended``/``disqualified`` events whose
``year`` is it) is compared with the outcome on (point, event, year):

* nothing recorded: every event is to be added (:attr:`ClosePlan.state` ``new``);
* the same events: nothing to do — running close-year again changes nothing (``done``);
* anything else: the data changed since the year was closed (``conflict``); the differences
  are listed and nothing is written. The reasons' wording is not compared.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal

import msgspec

from govinfo.model import Folder, HistoryKind, Point
from govinfo.reports.recorded import changed_points, event_of, recorded_events
from govinfo.reports.yearend import NoteRow, OutcomeRow, passed_over_notes, year_outcome
from govinfo.rules.annual import YearScore


class Recorded(msgspec.Struct, frozen=True, gc=False):
    point: Point
    event: HistoryKind
    date: dt.date
    reason: str | None


class Difference(msgspec.Struct, frozen=True, gc=False):
    """One point whose recorded outcome is not today's: ``recorded`` (None: nothing recorded)
    and its date; ``computed`` is today's status (``commended``, ``retained`` …, or None when
    the point is not ranked) with its rank and score."""

    point: Point
    recorded: HistoryKind | None
    recorded_date: dt.date | None
    computed: str | None
    rank: int | None
    score: Decimal | None


class ClosePlan(msgspec.Struct, frozen=True, gc=False):
    year: int
    date: dt.date
    outcome: tuple[OutcomeRow, ...]
    recorded: tuple[Recorded, ...]
    add: tuple[OutcomeRow, ...]
    differences: tuple[Difference, ...]
    # ranked high enough but not commended (an excluding event such as 信息失实): the preview
    # says why the commended list skips their ranks
    passed_over: tuple[NoteRow, ...] = ()

    @property
    def state(self) -> str:
        if self.differences:
            return "conflict"
        return "new" if self.add else "done"


def recorded_outcome(folder: Folder, year: int) -> list[Recorded]:
    """The provincial commended/disqualified events the registry holds for ``year``."""
    return [Recorded(*event) for event in recorded_events(folder.points, year)]


def close_plan(folder: Folder, result: YearScore, day: dt.date) -> ClosePlan:
    """Compare ``result`` (scored as of the year's last day) with what the registry records."""
    outcome = year_outcome(result)
    recorded = recorded_outcome(folder, result.year)
    changed = changed_points(((r.point.id, r.event) for r in recorded), result)
    differences: list[Difference] = []
    if changed:
        standings = {s.point.id: s for s in result.standings}
        points = {p.id: p for p in folder.points}
        by_point: dict[str, list[Recorded]] = {}
        for r in recorded:
            by_point.setdefault(r.point.id, []).append(r)
        for pid in changed:
            s = standings.get(pid)
            rec = by_point.get(pid, [])
            differences.append(
                Difference(
                    point=points[pid],
                    recorded=rec[0].event if rec else None,
                    recorded_date=rec[0].date if rec else None,
                    computed=s.status.value if s is not None else None,
                    rank=s.rank if s is not None else None,
                    score=s.score if s is not None else None,
                )
            )
    differences.sort(key=lambda d: (d.rank is None, d.rank or 0, d.point.id))
    add = tuple(outcome) if not recorded else ()
    return ClosePlan(
        year=result.year,
        date=day,
        outcome=outcome,
        recorded=tuple(recorded),
        add=add,
        differences=tuple(differences),
        passed_over=passed_over_notes(result),
    )


def history_events(
    plan: ClosePlan, reasons: Mapping[str, str]
) -> list[tuple[str, dict[str, object]]]:
    """The history records to append: (point id, {date, event, year, reason}), ``reasons`` by
    point id; the tier is left out (provincial is the default)."""
    return [
        (
            r.point.id,
            {
                "date": plan.date,
                "event": event_of(r.status).value,
                "year": plan.year,
                "reason": reasons[r.point.id],
            },
        )
        for r in plan.add
    ]
