"""Overdue findings (SPEC §2 "Overdue findings as of a day") on folders built in Python:
quarter and month boundaries, admission mid-quarter, retirement, late answers, ``all``
solicitations, inactivity, late emergency reports, the window, ``--soon`` and the years read."""

from __future__ import annotations

import datetime as dt

import msgspec
import pytest

from govinfo.i18n import set_lang
from govinfo.model import HistoryEvent, HistoryKind, Point, PointKind, Requirements, Tier
from govinfo.render.overdue import overdue_document
from govinfo.render.words import finding_detail
from govinfo.reports.overdue import (
    KIND_ORDER,
    FindingKind,
    more_years,
    overdue_findings,
    overdue_report,
    upcoming_items,
)
from govinfo.rules.annual import score_year
from govinfo.rules.pricer import SubmissionIndex
from govinfo.rules.years import window_years as years_to_load
from tests.support.scoring_build import (
    STD_REQUIREMENTS,
    d,
    folder,
    point,
    rules,
    solicitation,
    sub,
)

STD = (rules(requirements=STD_REQUIREMENTS),)
# Only the inactivity requirement (30 days): periodic findings stay out of the way.
QUIET = (rules(requirements=Requirements(inactive_days=30)),)


@pytest.fixture(autouse=True)
def _zh() -> None:
    set_lang("zh")


def found(f, as_of: str, since: str | None = None, kind: str | None = None):
    """(point, kind, period or ref, due, days_overdue) of every finding."""
    return [
        (x.point, x.kind.value, x.period or x.ref, x.due.isoformat(), x.days_overdue)
        for x in overdue_findings(f, d(as_of), d(since) if since else None)
        if kind is None or x.kind.value == kind
    ]


# --- research and opinion periods across boundaries ------------------------------------------


def city_folder():
    """A city that sends research in Q1 only and opinion lists in January and March."""
    return folder(
        [point("city", "city")],
        [
            sub("R-1", "city", "2003-02-14", "research"),
            sub("O-1", "city", "2003-01-20", "opinion-list"),
            sub("O-3", "city", "2003-03-20", "opinion-list"),
            sub("G-1", "city", "2003-06-25"),
            sub("G-2", "city", "2003-07-20"),
        ],
        rule_sets=STD,
    )


def test_month_boundary_the_last_day_then_the_first_day_of_the_next():
    f = city_folder()
    assert found(f, "2003-02-27", kind="opinion-missing") == []
    # February has no list: due its last day, listed that day with 0 days
    assert found(f, "2003-02-28", kind="opinion-missing") == [
        ("city", "opinion-missing", "2003-02", "2003-02-28", 0)
    ]
    assert found(f, "2003-03-01", kind="opinion-missing") == [
        ("city", "opinion-missing", "2003-02", "2003-02-28", 1)
    ]
    # March has its list
    assert found(f, "2003-03-31", kind="opinion-missing") == [
        ("city", "opinion-missing", "2003-02", "2003-02-28", 31)
    ]


def test_quarter_boundary_the_last_day_then_the_first_day_of_the_next():
    f = city_folder()
    assert found(f, "2003-06-29", kind="research-missing") == []
    assert found(f, "2003-06-30", kind="research-missing") == [
        ("city", "research-missing", "2003-Q2", "2003-06-30", 0)
    ]
    assert found(f, "2003-07-01", kind="research-missing") == [
        ("city", "research-missing", "2003-Q2", "2003-06-30", 1)
    ]
    # Q1 was met; Q3 is due on 09-30
    assert found(f, "2003-10-01", kind="research-missing") == [
        ("city", "research-missing", "2003-Q2", "2003-06-30", 93),
        ("city", "research-missing", "2003-Q3", "2003-09-30", 1),
    ]


def test_due_today_reads_due_today_in_both_languages():
    f = city_folder()
    (x,) = overdue_findings(f, d("2003-02-28"))
    assert finding_detail(x) == "2003年2月舆情清单未报（应报 1 份，实报 0 份），今日到期"
    set_lang("en")
    (x,) = overdue_findings(f, d("2003-02-28"))
    assert finding_detail(x) == "opinion list for 2003-02: 0 of 1, due today"
    (x,) = overdue_findings(f, d("2003-03-01"))
    assert finding_detail(x) == "opinion list for 2003-02: 0 of 1, 1 day overdue"


def test_a_research_item_sent_after_the_quarter_does_not_clear_it():
    f = folder(
        [point("dept", "department")],
        [sub("R-1", "dept", "2003-04-02", "research"), sub("G", "dept", "2003-04-20")],
        rule_sets=STD,
    )
    assert found(f, "2003-04-20", kind="research-missing") == [
        ("dept", "research-missing", "2003-Q1", "2003-03-31", 20)
    ]


def test_a_point_admitted_mid_quarter_owes_nothing_for_that_quarter():
    # admitted 2003-02-10: Q1 and February are not held throughout; March is
    f = folder([point("late", "city", "2003-02-10")], rule_sets=STD)
    got = found(f, "2003-04-01", since="2003-01-01")
    assert ("late", "research-missing", "2003-Q1", "2003-03-31", 1) not in got
    assert [g for g in got if g[1] == "opinion-missing"] == [
        ("late", "opinion-missing", "2003-03", "2003-03-31", 1)
    ]
    # Q2 is owed in full
    assert ("late", "research-missing", "2003-Q2", "2003-06-30", 1) in found(f, "2003-07-01")


def test_a_retired_point_owes_nothing_after_retirement():
    f = folder(
        [point("gone", "city", "2001-01-01", ("2003-05-15", "retired"))],
        solicitations=(
            solicitation("YG-1", "2003-05-01", "2003-05-10", ("gone",)),  # before: owed
            solicitation("YG-2", "2003-05-05", "2003-05-20", ("gone",)),  # due after: not owed
            solicitation("YG-3", "2003-06-01", "2003-06-10", None),  # issued after: not addressed
        ),
        rule_sets=STD,
    )
    got = found(f, "2003-12-31")
    # before retirement: Jan–Apr opinion lists, Q1 research, YG-1
    assert [g[2] for g in got] == [
        "2003-01",
        "2003-02",
        "2003-03",
        "2003-04",
        "2003-Q1",
        "YG-1",
    ]
    # no inactivity once the tier is gone, however long the silence
    assert found(f, "2003-12-31", kind="inactive") == []
    assert found(f, "2003-05-14", kind="inactive") != []


# --- solicitations ---------------------------------------------------------------------------


def test_a_solicitation_answered_late_is_a_deduction_and_a_finding_only_until_answered():
    f = folder(
        [point("a"), point("b")],
        [sub("S-1", "a", "2003-03-15", solicitation="YG-1")],
        solicitations=(solicitation("YG-1", "2003-03-01", "2003-03-10", ("a", "b")),),
        rule_sets=QUIET,
    )
    sol = "solicitation-overdue"
    assert found(f, "2003-03-09", kind=sol) == []
    assert found(f, "2003-03-10", kind=sol) == [
        ("a", sol, "YG-1", "2003-03-10", 0),
        ("b", sol, "YG-1", "2003-03-10", 0),
    ]
    assert found(f, "2003-03-14", kind=sol) == [
        ("a", sol, "YG-1", "2003-03-10", 4),
        ("b", sol, "YG-1", "2003-03-10", 4),
    ]
    # a answers on 03-15: its finding is gone that day, b's stays
    assert found(f, "2003-03-15", kind=sol) == [("b", sol, "YG-1", "2003-03-10", 5)]
    # scoring still charges a (answered after due), dated due
    result = score_year(f, 2003, d("2003-12-31"))
    assert [(e.date.isoformat(), e.kind) for e in result.events_of("a")] == [
        ("2003-03-10", "solicitation-missed")
    ]


def test_solicitation_detail_reads_as_the_clerk_says_it():
    sol = msgspec.structs.replace(
        solicitation("YG-31", "2003-09-01", "2003-09-18", ("a",)),
        topic="东北老工业基地调整改造进展",
    )
    f = folder([point("a")], [sub("G", "a", "2003-09-10")], solicitations=(sol,), rule_sets=QUIET)
    (x,) = overdue_findings(f, d("2003-09-30"))
    assert finding_detail(x) == "约稿《东北老工业基地调整改造进展》逾期 12 天未报"
    (x,) = overdue_findings(f, d("2003-09-18"))
    assert finding_detail(x) == "约稿《东北老工业基地调整改造进展》今日到期，未报"


def test_all_addressed_solicitations_follow_the_tier_on_issued_and_due():
    f = folder(
        [
            point("a"),
            point("joined", "county", "2003-03-05"),  # admitted after issued: not addressed
            point("left", "county", "2001-01-01", ("2003-03-08", "retired")),  # gone by due
            point("co"),  # answers as a co-submitter
        ],
        [
            sub("S-1", "a", "2003-03-10", solicitation="YG-1", co=("co",)),
            sub("G", "joined", "2003-03-20"),
        ],
        solicitations=(solicitation("YG-1", "2003-03-01", "2003-03-10", None),),
        rule_sets=QUIET,
    )
    assert found(f, "2003-03-20", kind="solicitation-overdue") == []
    g = folder(
        list(f.points),
        [sub("G", "joined", "2003-03-20")],
        solicitations=f.solicitations,
        rule_sets=QUIET,
    )
    assert found(g, "2003-03-20", kind="solicitation-overdue") == [
        ("a", "solicitation-overdue", "YG-1", "2003-03-10", 10),
        ("co", "solicitation-overdue", "YG-1", "2003-03-10", 10),
    ]


def test_a_solicitation_issued_last_year_is_answered_by_last_years_submission():
    f = folder(
        [point("a")],
        [sub("S-1", "a", "2002-12-28", solicitation="YG-9"), sub("G", "a", "2003-01-20")],
        solicitations=(solicitation("YG-9", "2002-12-20", "2003-01-10", ("a",)),),
        rule_sets=QUIET,
    )
    assert found(f, "2003-01-31") == []


# --- inactive --------------------------------------------------------------------------------


def test_inactive_reference_is_the_later_of_latest_own_submission_and_admission():
    f = folder(
        [
            point("quiet", "county", "2001-01-01"),
            point(
                "back",
                "county",
                "2001-01-01",
                ("2002-12-31", "retired"),
                ("2003-02-01", "reinstated"),
            ),
            point("new", "county", "2003-03-01"),
            point("co-only", "county", "2001-01-01"),
        ],
        [
            sub("Q-1", "quiet", "2003-01-10"),
            sub("Q-2", "quiet", "2003-01-10"),  # same day: the later id is the reference
            sub("B-1", "back", "2002-11-20"),  # before its reinstatement
            sub("N-1", "quiet", "2003-03-25", co=("co-only",)),  # co-submission is not own
        ],
        rule_sets=QUIET,
    )
    items = overdue_findings(f, d("2003-04-15"))
    got = [(x.point, x.ref, x.due.isoformat(), x.days_overdue, finding_detail(x)) for x in items]
    assert got == [
        (
            "back",
            None,
            "2003-03-03",
            43,
            "2003-02-01 恢复资格以来未报送信息，已 73 天（时限 30 天）",
        ),
        (
            "co-only",
            None,
            "2001-01-31",
            804,
            "2001-01-01 入选以来未报送信息，已 834 天（时限 30 天）",
        ),
        ("new", None, "2003-03-31", 15, "2003-03-01 入选以来未报送信息，已 45 天（时限 30 天）"),
    ]
    # quiet: latest own submission N-1 (03-25) is 21 days back — not inactive; without it,
    # Q-2 (the later id of 01-10) is the reference and the ref
    g = folder(list(f.points), [s for s in f.submissions if s.id != "N-1"], rule_sets=QUIET)
    (q,) = [x for x in overdue_findings(g, d("2003-04-15")) if x.point == "quiet"]
    assert (q.ref, q.due.isoformat(), q.days_overdue) == ("Q-2", "2003-02-09", 65)
    assert finding_detail(q) == "最近一次报送在 2003-01-10，已 95 天未报送信息（时限 30 天）"


def test_inactive_is_strictly_more_than_inactive_days():
    f = folder([point("a", "county", "2001-01-01")], [sub("S", "a", "2003-03-01")], rule_sets=QUIET)
    assert found(f, "2003-03-31") == []  # 30 days: not more than 30
    assert found(f, "2003-04-01") == [("a", "inactive", "S", "2003-03-31", 1)]


def test_inactive_uses_the_set_in_force_on_as_of_and_none_without_one():
    sets = (
        rules("r1", "2003-01-01", requirements=Requirements(inactive_days=30)),
        rules("r2", "2003-04-01", requirements=Requirements(inactive_days=60)),
    )
    f = folder([point("a", "county", "2002-06-01")], [sub("S", "a", "2003-02-01")], rule_sets=sets)
    assert found(f, "2003-03-31") == [("a", "inactive", "S", "2003-03-03", 28)]
    assert found(f, "2003-04-01") == []  # 59 days ≤ 60
    assert found(f, "2003-04-02") == []
    assert found(f, "2003-04-03") == [("a", "inactive", "S", "2003-04-02", 1)]
    late = (rules("r3", "2003-06-01", requirements=Requirements(inactive_days=30)),)
    g = folder([point("a", "county", "2002-06-01")], rule_sets=late)
    assert found(g, "2003-05-31") == []


def test_inactive_ignores_the_window():
    f = folder([point("a", "county", "2001-01-01")], [sub("S", "a", "2002-06-01")], rule_sets=QUIET)
    assert found(f, "2003-09-30", since="2003-09-01") == [("a", "inactive", "S", "2002-07-01", 456)]


# --- emergency-late --------------------------------------------------------------------------


def test_emergency_late_gives_the_minutes_and_the_deadlines_day():
    f = folder(
        [point("a")],
        [
            # 22:30 + 120 min = 00:30 next day: due is the deadline's day (03-02)
            sub(
                "E-1",
                "a",
                "2003-03-01",
                "emergency",
                occurred="2003-03-01T22:30",
                reported="2003-03-02T03:15",
            ),
            # exactly 120 minutes: on time
            sub(
                "E-2",
                "a",
                "2003-03-05",
                "emergency",
                occurred="2003-03-05T08:00",
                reported="2003-03-05T10:00",
            ),
            # 121 minutes: late
            sub(
                "E-3",
                "a",
                "2003-03-06",
                "emergency",
                occurred="2003-03-06T08:00",
                reported="2003-03-06T10:01",
            ),
        ],
        rule_sets=QUIET,
    )
    items = [
        x for x in overdue_findings(f, d("2003-03-10")) if x.kind is FindingKind.EMERGENCY_LATE
    ]
    assert [(x.ref, x.due.isoformat(), x.days_overdue) for x in items] == [
        ("E-1", "2003-03-02", 8),
        ("E-3", "2003-03-06", 4),
    ]
    assert (
        finding_detail(items[0])
        == "突发信息迟报：事发 2003-03-01 22:30，285 分钟后才报送（时限 120 分钟）"
    )
    # scoring charges the same two, dated the day of reported_at
    result = score_year(f, 2003, d("2003-12-31"))
    assert [(e.submission, e.date.isoformat()) for e in result.events_of("a")] == [
        ("E-1", "2003-03-02"),
        ("E-3", "2003-03-06"),
    ]


def test_emergency_late_window_is_on_reported_at():
    f = folder(
        [point("a")],
        [
            sub(
                "E-1",
                "a",
                "2002-12-31",
                "emergency",
                occurred="2002-12-31T20:00",
                reported="2003-01-01T02:00",
            ),
            sub(
                "E-0",
                "a",
                "2002-12-30",
                "emergency",
                occurred="2002-12-30T08:00",
                reported="2002-12-30T18:00",
            ),
        ],
        rule_sets=QUIET,
    )
    got = found(f, "2003-01-05", kind="emergency-late")
    # deadline 2002-12-31 22:00, reported 01-01: in the 2003 window, due in 2002
    assert got == [("a", "emergency-late", "E-1", "2002-12-31", 5)]
    assert found(f, "2003-01-05", since="2003-01-02", kind="emergency-late") == []


# --- window, order, soon ---------------------------------------------------------------------


def test_since_limits_the_windowed_kinds_and_order_is_point_kind_due_ref():
    f = folder(
        [point("b", "city"), point("a", "city")],
        [sub(f"O-{m}", p, f"2003-{m:02d}-10", "opinion-list") for p in "ab" for m in (1, 2, 3)]
        + [sub(f"R-{p}", p, "2003-02-10", "research") for p in "ab"],
        solicitations=(
            solicitation("YG-2", "2003-03-01", "2003-04-15", ("a", "b")),
            solicitation("YG-1", "2003-03-01", "2003-04-15", ("a",)),
            solicitation("YG-0", "2003-01-01", "2003-01-20", ("a",)),
        ),
        rule_sets=STD,
    )
    got = [g for g in found(f, "2003-04-30", since="2003-02-01") if g[1] != "inactive"]
    assert got == [
        ("a", "opinion-missing", "2003-04", "2003-04-30", 0),
        ("a", "solicitation-overdue", "YG-1", "2003-04-15", 15),
        ("a", "solicitation-overdue", "YG-2", "2003-04-15", 15),
        ("b", "opinion-missing", "2003-04", "2003-04-30", 0),
        ("b", "solicitation-overdue", "YG-2", "2003-04-15", 15),
    ]
    # the default window starts on 1 January: YG-0 (due 01-20) is back
    assert ("a", "solicitation-overdue", "YG-0", "2003-01-20", 100) in found(f, "2003-04-30")


def test_soon_lists_what_falls_due_and_keeps_it_out_of_findings():
    f = folder(
        [point("city", "city")],
        [sub("O-9", "city", "2003-09-05", "opinion-list"), sub("G", "city", "2003-09-20")],
        solicitations=(
            solicitation("YG-1", "2003-09-20", "2003-10-05", ("city",)),
            solicitation("YG-2", "2003-09-20", "2003-10-20", ("city",)),  # beyond 7 days
            solicitation("YG-3", "2003-10-01", "2003-10-03", ("city",)),  # issued after as-of
        ),
        rule_sets=STD,
    )
    as_of = d("2003-09-28")
    soon = upcoming_items(f, as_of, 7)
    # Q3 research (due 09-30) and September's list is already in: only research and YG-1
    assert [(x.kind.value, x.period or x.ref, x.due.isoformat(), x.days_overdue) for x in soon] == [
        ("research-missing", "2003-Q3", "2003-09-30", -2),
        ("solicitation-overdue", "YG-1", "2003-10-05", -7),
    ]
    assert all(x.upcoming for x in soon)
    assert finding_detail(soon[1]) == "约稿《YG-1 约稿》7 天后到期，尚未报送"
    report = overdue_report(f, as_of, soon=7)
    doc = overdue_document(report)
    assert [x["ref"] for x in doc["upcoming"]] == [None, "YG-1"]
    assert all(x["ref"] not in ("YG-1",) for x in doc["findings"])
    assert "upcoming" not in overdue_document(overdue_report(f, as_of))
    # October's list (due 10-31) is not within 7 days; within 40 it is, judged on as-of
    assert ("opinion-missing", "2003-10") in {
        (x.kind.value, x.period) for x in upcoming_items(f, as_of, 40)
    }


def test_report_filters_keep_the_findings_of_one_point_kind_and_type():
    f = folder(
        [point("c", "city"), point("n", "county")],
        solicitations=(solicitation("YG-1", "2003-01-01", "2003-01-10", None),),
        rule_sets=STD,
    )
    as_of = d("2003-03-01")
    whole = overdue_report(f, as_of)
    assert {x.point for x in whole.findings} == {"c", "n"}
    by_point = overdue_report(f, as_of, point=f.points[1])
    assert {x.point for x in by_point.findings} == {"n"}
    by_kind = overdue_report(f, as_of, point_kind=PointKind.CITY)
    assert {x.point for x in by_kind.findings} == {"c"}
    by_type = overdue_report(f, as_of, kinds={FindingKind.SOLICITATION_OVERDUE})
    assert [(x.point, x.kind.value) for x in by_type.findings] == [
        ("c", "solicitation-overdue"),
        ("n", "solicitation-overdue"),
    ]
    # the counts are of the types asked for; without a type filter, of every type (0 included)
    assert by_type.counts() == {FindingKind.SOLICITATION_OVERDUE: 2}
    assert list(whole.counts()) == list(KIND_ORDER)


# --- which years to read ---------------------------------------------------------------------


def _with_years(f, years):
    subs = [s for s in f.submissions if s.date.year in years]
    return msgspec.structs.replace(f, submissions=tuple(subs), years=tuple(years))


def test_years_read_first_then_more_only_when_needed():
    assert list(years_to_load(d("2003-01-01"), d("2003-09-30"))) == [2002, 2003]
    assert list(years_to_load(d("2001-05-01"), d("2003-09-30"))) == [2000, 2001, 2002, 2003]
    f = folder(
        [point("a", "county", "1999-03-01"), point("b", "county", "2002-01-01")],
        [sub("S-a", "a", "2000-05-01"), sub("S-b", "b", "2003-02-01")],
        solicitations=(solicitation("YG-1", "2001-06-01", "2003-02-01", ("b",)),),
        rule_sets=QUIET,
    )
    as_of, since = d("2003-09-30"), d("2003-01-01")
    first = _with_years(f, years_to_load(since, as_of))
    # a has no own submission in 2002–2003 and was admitted in 1999; YG-1 was issued in 2001
    assert more_years(first, since, as_of) == range(1999, 2004)
    wider = _with_years(f, range(1999, 2004))
    assert more_years(wider, since, as_of) is None
    (x,) = [x for x in overdue_findings(wider, as_of) if x.point == "a"]
    assert (x.ref, x.due.isoformat()) == ("S-a", "2000-05-31")


def test_latest_own_is_last_in_date_then_id_order():
    f = folder(
        [point("a")],
        [
            sub("A-2", "a", "2003-01-05", "research"),
            sub("A-1", "a", "2003-01-05"),
            sub("A-0", "a", "2003-01-04"),
        ],
    )
    index = SubmissionIndex(f.submissions)
    latest = index.latest_own("a", d("2003-01-05"))
    assert latest is not None
    assert latest.id == "A-2"
    earlier = index.latest_own("a", d("2003-01-04"))
    assert earlier is not None
    assert earlier.id == "A-0"
    assert index.latest_own("a", d("2003-01-03")) is None


def test_one_tuple_of_submissions_is_indexed_once():
    """Scoring, obligations and the report of one run share the index of the folder's tuple;
    another tuple, or a list (it could change), is indexed anew."""
    f = folder([point("a")], [sub("A-1", "a", "2003-01-05"), sub("A-0", "a", "2003-01-04")])
    index = SubmissionIndex.of(f.submissions)
    assert SubmissionIndex.of(f.submissions) is index
    assert index.submissions[0].id == "A-0"
    other = SubmissionIndex.of(tuple(list(f.submissions)))  # equal, another tuple: anew
    assert other is not index
    assert SubmissionIndex.of(list(f.submissions)) is not SubmissionIndex.of(list(f.submissions))
    assert other.submissions == index.submissions


def test_holds_the_tier_check_uses_history_only():
    p = Point(
        id="x",
        name="x",
        kind=point("y").kind,
        tiers=(Tier.PROVINCIAL,),
        history=(
            HistoryEvent(dt.date(2003, 1, 1), HistoryKind.ADMITTED),
            HistoryEvent(dt.date(2003, 1, 1), HistoryKind.RETIRED),
        ),
        source=point("y").source,
    )
    # admitted and retired the same day: not held, nothing owed, not inactive
    f = folder([p], rule_sets=STD)
    assert found(f, "2003-06-30") == []
