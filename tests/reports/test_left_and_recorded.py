"""Two pure judgements of the registry that tables lean on: whether (and how) a point has left
the network by a day (``overdue`` marks it and writes it no reminder), and the status a closed
year's record gives a point (``points show`` shows it rather than today's computation)."""

from __future__ import annotations

import datetime as dt

import msgspec

from govinfo.model import HistoryEvent, HistoryKind, Tier
from govinfo.reports.overdue import LeftPoint, left_point, left_points
from govinfo.reports.recorded import recorded_status
from govinfo.rules.annual import Status
from tests.support.scoring_build import point

D = dt.date


def test_a_point_has_left_while_a_leaving_event_is_its_latest() -> None:
    retired = point("a", "county", "2001-01-01", ("2003-10-31", "retired"))
    assert left_point(retired, D(2003, 10, 30)) is None
    assert left_point(retired, D(2003, 10, 31)) == LeftPoint(
        "a", HistoryKind.RETIRED, D(2003, 10, 31)
    )
    back = point(
        "b", "county", "2001-01-01", ("2004-01-10", "disqualified"), ("2004-03-01", "reinstated")
    )
    assert left_point(back, D(2004, 2, 1)) == LeftPoint(
        "b", HistoryKind.DISQUALIFIED, D(2004, 1, 10)
    )
    assert left_point(back, D(2004, 3, 1)) is None
    # not yet admitted: not "left"
    assert left_point(point("c", "county", "2004-01-01"), D(2003, 12, 31)) is None
    # only the ids asked for, in id order
    assert [x.point for x in left_points([retired, back], {"b", "a"}, D(2004, 2, 1))] == ["a", "b"]
    assert left_points([retired, back], {"b"}, D(2003, 12, 31)) == ()


def test_a_closed_years_status_is_the_record() -> None:
    p = point("a")
    event = HistoryEvent(D(2004, 1, 10), HistoryKind.COMMENDED, Tier.PROVINCIAL, year=2003)
    commended = msgspec.structs.replace(p, history=(*p.history, event))
    assert recorded_status(commended, 2003, Status.RETAINED) == (Status.COMMENDED, D(2004, 1, 10))
    assert recorded_status(commended, 2002, Status.RETAINED) == (Status.RETAINED, None)
    # nothing recorded for the point: neither commended nor disqualified
    assert recorded_status(p, 2003, Status.DISQUALIFIED) == (Status.RETAINED, None)
    assert recorded_status(p, 2003, Status.EXEMPT) == (Status.EXEMPT, None)
    # of one day's events, the last written — as every reading of the history takes it
    day = D(2004, 1, 10)
    both = msgspec.structs.replace(
        p,
        history=(
            *p.history,
            HistoryEvent(day, HistoryKind.COMMENDED, Tier.PROVINCIAL, year=2003),
            HistoryEvent(day, HistoryKind.DISQUALIFIED, Tier.PROVINCIAL, year=2003),
        ),
    )
    assert recorded_status(both, 2003, Status.RETAINED) == (Status.DISQUALIFIED, day)
