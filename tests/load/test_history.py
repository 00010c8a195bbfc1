"""Which history events change nothing (``check`` warns at them): judged on the whole history,
as :meth:`Point.holds` reads it."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from govinfo.holding import idle_event
from govinfo.load.history import _alternates, _judged, idle_events
from govinfo.model import HistoryEvent, HistoryKind, Point, PointKind, SourceRef, Tier, holds
from govinfo.reports.registry import history_problem

A, R, RE, D, C = (
    HistoryKind.ADMITTED,
    HistoryKind.RETIRED,
    HistoryKind.REINSTATED,
    HistoryKind.DISQUALIFIED,
    HistoryKind.COMMENDED,
)


def ev(day: str, kind: HistoryKind, tier: Tier = Tier.PROVINCIAL) -> HistoryEvent:
    return HistoryEvent(dt.date.fromisoformat(day), kind, tier=tier)


@pytest.mark.parametrize(
    ("history", "idle"),
    [
        # a return on the day of a leaving, in either order within the day
        ([ev("2001-01-01", A), ev("2003-05-01", R), ev("2003-05-01", RE)], [(2, False, R)]),
        ([ev("2001-01-01", A), ev("2003-05-01", RE), ev("2003-05-01", R)], [(1, False, R)]),
        # ... and on the day of a disqualification
        ([ev("2001-01-01", A), ev("2004-01-10", D), ev("2004-01-10", RE)], [(2, False, D)]),
        # admitted twice: only the repeat is named; admitted while holding
        ([ev("2001-01-01", A), ev("2001-01-01", A)], [(1, True, None)]),
        ([ev("2001-01-01", A), ev("2002-01-01", A)], [(1, True, None)]),
        # retired twice; retired never having been admitted
        ([ev("2001-01-01", A), ev("2002-01-01", R), ev("2002-03-01", R)], [(2, False, None)]),
        ([ev("2002-01-01", R)], [(0, False, None)]),
        # every event changes something; commended is never judged
        ([ev("2001-01-01", A), ev("2002-01-01", R), ev("2002-03-01", RE), ev("2003-01-01", C)], []),
        # a retirement after a disqualification (close-year inserts it before) is not named
        ([ev("2001-01-01", A), ev("2004-01-10", D), ev("2004-03-01", R)], []),
        # tiers are judged apart
        ([ev("2001-01-01", A), ev("2001-01-01", A, Tier.NATIONAL)], []),
    ],
)
def test_idle_events(history: list[HistoryEvent], idle: list[tuple[int, bool, object]]) -> None:
    assert [(e.index, e.held, e.left) for e in idle_events(history)] == idle


def test_a_history_that_alternates_has_no_idle_event() -> None:
    """The one-pass shortcut is sound: every history of up to four events over two days and
    the four entering and leaving kinds that it lets through is one where judging each event
    finds none idle."""
    kinds = [A, R, RE, D]
    events = [ev(day, kind) for day in ("2001-01-01", "2002-01-01") for kind in kinds]
    for n in range(5):
        for history in itertools.product(events, repeat=n):
            if _alternates(history):
                assert _judged(history) == [], history


def test_one_judgement_for_check_and_the_registry() -> None:
    """``points retire/reinstate`` refuse an event by the judgement ``check`` warns with
    (:func:`idle_event`, the new event last); only the retirement after a disqualification,
    which ``check`` lets be, is refused by the registry alone."""
    point = Point(
        "siping",
        "四平市人民政府办公厅",
        PointKind.CITY,
        (Tier.PROVINCIAL,),
        (ev("2001-01-01", A), ev("2004-01-10", D)),
        SourceRef("points.yaml", 1, 1),
    )
    for day, kind, code in [
        ("2004-01-10", RE, "left_same_day"),
        ("2004-03-01", R, "not_holding_since"),
        ("2004-03-01", RE, None),
    ]:
        problem = history_problem(point, kind, Tier.PROVINCIAL, dt.date.fromisoformat(day))
        assert (problem.code if problem else None) == code
        history = (*point.history, ev(day, kind))
        idle = idle_event(history, len(point.history))
        assert (idle is not None) == (code is not None)
        named = [e.index for e in idle_events(history)]
        assert named == ([] if kind is R else [len(point.history)] if code else [])
    assert point.holds(Tier.PROVINCIAL, dt.date(2003, 1, 1))
    assert not holds(point.history, Tier.PROVINCIAL, dt.date(2004, 1, 10))
