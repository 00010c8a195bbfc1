"""Random folders for the scoring properties and the overdue consistency tests."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from govinfo.model import Folder
from tests.support.scoring_build import (
    STD_REQUIREMENTS,
    ad,
    adjustment,
    folder,
    ins,
    point,
    rules,
    solicitation,
    sub,
)

BASE = dt.date(2002, 10, 1)
END = dt.date(2003, 12, 31)
PUBS = ("gb", "zb", "zwxx", "mryq")
CATEGORIES = ("general", "research", "problem", "emergency", "opinion-list")
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def day(offset: int) -> str:
    return (BASE + dt.timedelta(days=offset)).isoformat()


@st.composite
def folders(draw: st.DrawFn, *, joint: bool = True) -> Folder:
    n = draw(st.integers(2, 6))
    ids = [f"p{i}" for i in range(n)]
    points = []
    for pid in ids:
        kind = draw(st.sampled_from(["city", "county", "department"]))
        admitted = draw(st.sampled_from(["2001-01-01", "2003-03-15", "2003-08-01"]))
        more = []
        if draw(st.booleans()) and draw(st.booleans()):
            more.append((draw(st.sampled_from(["2003-05-31", "2003-11-30"])), "retired"))
        points.append(point(pid, kind, admitted, *more))
    sets = [
        rules(
            "r1",
            "2002-01-01",
            same_level=draw(st.sampled_from(["highest", "sum"])),
            instructions_stacking=draw(st.sampled_from(["highest", "sum"])),
            requirements=STD_REQUIREMENTS,
        )
    ]
    if draw(st.booleans()):
        sets.append(
            rules(
                "r2",
                "2003-04-01",
                same_level=draw(st.sampled_from(["highest", "sum"])),
                multipliers={"research": "2", "problem": "1.5", "solicited_on_time": "3"},
                requirements=STD_REQUIREMENTS,
            )
        )
    sols = []
    for i in range(draw(st.integers(0, 3))):
        issued = draw(st.integers(100, 400))
        addressed = draw(st.none() | st.lists(st.sampled_from(ids), min_size=1, unique=True))
        sols.append(
            solicitation(
                f"YG-{i}",
                day(issued),
                day(issued + draw(st.integers(0, 30))),
                tuple(addressed) if addressed is not None else None,
            )
        )
    subs = []
    for i in range(draw(st.integers(0, 14))):
        owner = draw(st.sampled_from(ids))
        offset = draw(st.integers(0, 455))
        others = [x for x in ids if x != owner]
        co = (
            tuple(draw(st.lists(st.sampled_from(others), max_size=3, unique=True))) if joint else ()
        )
        adoptions = tuple(
            ad(
                draw(st.sampled_from(PUBS)),
                day(offset + draw(st.integers(0, 60))),
                draw(st.sampled_from(["single", "combined"])),
            )
            for _ in range(draw(st.integers(0, 3)))
        )
        instructions = tuple(
            ins(
                draw(st.sampled_from(["state-council", "governor", "provincial-leader"])),
                day(offset + draw(st.integers(0, 60))),
            )
            for _ in range(draw(st.integers(0, 2)))
        )
        category = draw(st.sampled_from(CATEGORIES))
        times = {}
        if category == "emergency":
            occurred = dt.datetime.combine(BASE, dt.time()) + dt.timedelta(
                days=offset, hours=draw(st.integers(0, 20))
            )
            reported = occurred + dt.timedelta(minutes=draw(st.integers(0, 400)))
            times = {
                "occurred": occurred.isoformat(timespec="minutes"),
                "reported": reported.isoformat(timespec="minutes"),
            }
        answerable = [s.id for s in sols if s.issued <= BASE + dt.timedelta(days=offset)]
        answers = draw(st.none() | st.sampled_from(answerable)) if answerable else None
        subs.append(
            sub(
                f"S-{i}",
                owner,
                day(offset),
                category,
                adoptions=adoptions,
                instructions=instructions,
                co=co,
                solicitation=answers,
                inaccurate=draw(st.booleans()) and draw(st.booleans()),
                **times,
            )
        )
    adjustments = tuple(
        adjustment(
            f"T-{i}",
            draw(st.sampled_from(ids)),
            day(draw(st.integers(92, 456))),
            kind,
            draw(st.none() | st.sampled_from(["1", "-0.125", "2.5"]))
            if kind != "manual"
            else draw(st.sampled_from(["1", "-0.125", "2.5", "-4"])),
        )
        for i, kind in enumerate(
            draw(
                st.lists(
                    st.sampled_from(
                        ["manual", "inaccurate", "emergency-omitted", "emergency-concealed"]
                    ),
                    max_size=3,
                )
            )
        )
    )
    return folder(
        points,
        subs,
        rule_sets=tuple(sets),
        solicitations=tuple(sols),
        adjustments=adjustments,
    )


as_of_days = st.integers(0, 364).map(lambda n: dt.date(2003, 1, 1) + dt.timedelta(days=n))
