"""Hand-worked examples of every SPEC §2 rule, with the arithmetic in the comments.

The standard rule set (``scoring_build.rules``) is SPEC's default: 国办刊物 6/3 (national),
《专报》 3/1.5, 《吉林政务信息》 1/0.5, 《每日要情》 1/0.5 (provincial); instructions 10/3/2;
research ×2, problem ×1.5, solicited_on_time ×1.5; deductions per SPEC.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from govinfo.errors import DataError
from govinfo.model import Annual
from govinfo.rules.annual import Status, score_year, year_events
from govinfo.rules.obligations import ObligationKind, ObligationStatus, obligations
from tests.support.scoring_build import (
    STD_REQUIREMENTS,
    D,
    ad,
    adjustment,
    d,
    folder,
    ins,
    point,
    pub,
    rules,
    solicitation,
    sub,
)

END = d("2003-12-31")


def pts(f, pid: str, year: int = 2003, as_of: str = "2003-12-31") -> Decimal:
    return score_year(f, year, d(as_of)).score_of(pid)


def evs(f, pid: str, year: int = 2003, as_of: str = "2003-12-31") -> list[tuple[str, str, str]]:
    return [
        (e.date.isoformat(), e.kind, str(e.points))
        for e in score_year(f, year, d(as_of)).events_of(pid)
    ]


# --- 1. adoptions: stacking within a level ---------------------------------------------------


def stacked_folder(same_level: str):
    # Listed out of date order on purpose.
    s = sub(
        "A-1",
        "a",
        "2003-05-06",
        adoptions=(
            ad("zb", "2003-05-20"),  # 3
            ad("zwxx", "2003-05-10"),  # 1
            ad("zb", "2003-05-12", "combined"),  # 1.5
            ad("mryq", "2003-05-12"),  # 1  (same day as the one above, later in the list)
            ad("gb", "2003-06-01", "combined"),  # 3, national: a level of its own
        ),
    )
    return folder([point("a")], [s], rule_sets=(rules(same_level=same_level),))


def test_highest_takes_the_rise_over_the_best_so_far_in_date_order():
    f = stacked_folder("highest")
    # provincial, in date order (ties in list order):
    #   05-10 zwxx 1   → best 0 → +1   (best 1)
    #   05-12 zb comb 1.5 → +0.5        (best 1.5)
    #   05-12 mryq 1   → +0            (not above 1.5, listed with 0)
    #   05-20 zb 3     → +1.5          (best 3)
    # national: 06-01 gb comb 3 → +3
    # total 1 + 0.5 + 0 + 1.5 + 3 = 6
    assert evs(f, "a") == [
        ("2003-05-10", "adoption", "1.00"),
        ("2003-05-12", "adoption", "0.50"),
        ("2003-05-12", "adoption", "0.00"),
        ("2003-05-20", "adoption", "1.50"),
        ("2003-06-01", "adoption", "3.00"),
    ]
    assert pts(f, "a") == 6


def test_sum_scores_every_adoption():
    # 3 + 1 + 1.5 + 1 + 3 = 9.5
    assert pts(stacked_folder("sum"), "a") == D("9.5")


def test_highest_stacking_counts_the_previous_year_without_scoring_it_again():
    # Adopted 2002-12-28 by 《吉林政务信息》 (1, counts in 2002) and 2003-01-06 by 《专报》 (3):
    # the January event scores the rise 3 − 1 = 2 and counts in 2003.
    s = sub("A-1", "a", "2002-12-20", adoptions=(ad("zwxx", "2002-12-28"), ad("zb", "2003-01-06")))
    f = folder([point("a")], [s])
    assert pts(f, "a", 2002) == 1
    assert pts(f, "a", 2003) == 2
    assert evs(f, "a", 2003) == [("2003-01-06", "adoption", "2.00")]


# --- 2. the multiplier -------------------------------------------------------------------------


def test_multiplier_is_the_largest_and_multiplies_adoptions_only():
    sol = solicitation("YG-1", "2003-03-01", "2003-03-20", ("b",))
    other = solicitation("YG-2", "2003-03-01", "2003-03-20", ("z",))
    subs = [
        # research ×2: 1 × 2 = 2; the governor's instruction is not multiplied: 3
        sub(
            "B-1",
            "b",
            "2003-03-02",
            "research",
            adoptions=(ad("zwxx", "2003-03-05"),),
            instructions=(ins("governor", "2003-03-06"),),
        ),
        # problem ×1.5: 3 × 1.5 = 4.5
        sub("B-2", "b", "2003-03-02", "problem", adoptions=(ad("zb", "2003-03-05"),)),
        # research answering on time: max(2, 1.5, 1) = 2 → 1 × 2 = 2
        sub(
            "B-3",
            "b",
            "2003-03-10",
            "research",
            solicitation="YG-1",
            adoptions=(ad("zwxx", "2003-03-25"),),
        ),
        # general answering on time (dated on the due day): 1.5 → 1 × 1.5 = 1.5
        sub("B-4", "b", "2003-03-20", solicitation="YG-1", adoptions=(ad("zwxx", "2003-03-25"),)),
        # general answering after due: 1 → 1
        sub("B-5", "b", "2003-03-21", solicitation="YG-1", adoptions=(ad("zwxx", "2003-03-25"),)),
        # answering a solicitation not addressed to b: no multiplier → 1
        sub("B-6", "b", "2003-03-10", solicitation="YG-2", adoptions=(ad("zwxx", "2003-03-25"),)),
    ]
    f = folder([point("b"), point("z")], subs, solicitations=(sol, other))
    # 2 + 3 + 4.5 + 2 + 1.5 + 1 + 1 = 15
    assert pts(f, "b") == 15
    by_sub = {e.submission: e.points for e in score_year(f, 2003, END).events_of("b")}
    assert by_sub["B-4"] == D("1.5")
    assert by_sub["B-5"] == 1
    assert by_sub["B-6"] == 1


def test_solicitation_to_all_addresses_points_holding_the_tier_on_issued():
    sol = solicitation("YG-3", "2003-05-01", "2003-05-31", None)
    subs = [
        sub("C-1", "c", "2003-05-10", solicitation="YG-3", adoptions=(ad("zwxx", "2003-05-12"),)),
        sub("N-1", "n", "2003-05-10", solicitation="YG-3", adoptions=(ad("zwxx", "2003-05-12"),)),
    ]
    # c held the tier on 05-01 → ×1.5; n was admitted 05-02 → not addressed → ×1
    f = folder([point("c"), point("n", "county", "2003-05-02")], subs, solicitations=(sol,))
    assert pts(f, "c") == D("1.5")
    assert pts(f, "n") == 1


# --- 3. instructions -------------------------------------------------------------------------


def instructed(stacking: str):
    s = sub(
        "I-1",
        "a",
        "2003-04-28",
        instructions=(
            ins("provincial-leader", "2003-05-01"),  # 2
            ins("governor", "2003-05-03"),  # 3
            ins("provincial-leader", "2003-05-04"),  # 2
            ins("governor", "2003-05-09"),  # 3, same day as the next, listed first
            ins("state-council", "2003-05-09"),  # 10
        ),
    )
    return folder([point("a")], [s], rule_sets=(rules(instructions_stacking=stacking),))


def test_instructions_sum_each_dated_on_its_own_day():
    # 2 + 3 + 2 + 3 + 10 = 20; no adoption needed
    f = instructed("sum")
    assert pts(f, "a") == 20
    assert [e[0] for e in evs(f, "a")] == [
        "2003-05-01",
        "2003-05-03",
        "2003-05-04",
        "2003-05-09",
        "2003-05-09",
    ]


def test_instructions_highest_score_the_rise():
    # 2 → +2 (best 2); 3 → +1 (best 3); 2 → 0; 3 → 0 (ties in list order); 10 → +7 = 10
    f = instructed("highest")
    assert [e[2] for e in evs(f, "a")] == ["2.00", "1.00", "0.00", "0.00", "7.00"]
    assert pts(f, "a") == 10


# --- 4. joint submissions and rounding ----------------------------------------------------


def test_joint_split_rounds_half_up_once_per_share():
    subs = [
        # research 1 × 2 = 2, split in 3: 0.666… → 0.67 each (2.01 in all)
        sub(
            "J-1",
            "a",
            "2003-06-02",
            "research",
            co=("b", "c"),
            adoptions=(ad("zwxx", "2003-06-03"),),
        ),
        # combined 0.5 split in 4: 0.125 → 0.13 (half-up)
        sub(
            "J-2",
            "a",
            "2003-06-02",
            co=("b", "c", "e"),
            adoptions=(ad("zwxx", "2003-06-04", "combined"),),
        ),
        # governor 3 split in 2: 1.5 each; the inaccurate flag −3 goes to the owner only
        sub(
            "J-3",
            "b",
            "2003-06-05",
            co=("a",),
            instructions=(ins("governor", "2003-06-06"),),
            inaccurate=True,
        ),
    ]
    f = folder([point("a"), point("b"), point("c"), point("e")], subs)
    # a: 0.67 + 0.13 + 1.5 = 2.30
    assert pts(f, "a") == D("2.30")
    # b: 0.67 + 0.13 + 1.5 − 3 = −0.70
    assert pts(f, "b") == D("-0.70")
    # c: 0.67 + 0.13 = 0.80; e: 0.13
    assert pts(f, "c") == D("0.80")
    assert pts(f, "e") == D("0.13")


def test_rounding_is_away_from_zero_on_negative_ties():
    # manual −0.125 → −0.13; manual 0.125 → 0.13; an emergency-omitted adjustment of 0.005 → −0.01
    f = folder(
        [point("a")],
        adjustments=(
            adjustment("T-1", "a", "2003-02-01", "manual", "-0.125"),
            adjustment("T-2", "a", "2003-02-02", "manual", "0.125"),
            adjustment("T-3", "a", "2003-02-03", "emergency-omitted", "0.005"),
        ),
    )
    assert [e[2] for e in evs(f, "a")] == ["-0.13", "0.13", "-0.01"]


def test_highest_rise_is_multiplied_split_and_rounded_once():
    # problem ×1.5, two owners. zwxx 1 then zb 3: rises 1 and 2.
    # 1 × 1.5 / 2 = 0.75; 2 × 1.5 / 2 = 1.5 → 2.25 each
    s = sub(
        "R-1",
        "a",
        "2003-07-01",
        "problem",
        co=("b",),
        adoptions=(ad("zwxx", "2003-07-02"), ad("zb", "2003-07-03")),
    )
    f = folder([point("a"), point("b")], [s])
    assert pts(f, "a") == pts(f, "b") == D("2.25")


def test_rounding_per_event_can_cost_a_cent_when_a_rise_is_split():
    # SPEC rounds each event once. 《舆论监督…专报》 2 alone, split in 3: 0.666… → 0.67.
    # With an earlier 《吉林政务信息》 1 the rises are 1 and 1: 0.333… → 0.33 twice = 0.66.
    alone = sub("K-1", "a", "2003-05-01", co=("b", "c"), adoptions=(ad("yqzb", "2003-05-02"),))
    both = sub(
        "K-1",
        "a",
        "2003-05-01",
        co=("b", "c"),
        adoptions=(ad("zwxx", "2003-05-01"), ad("yqzb", "2003-05-02")),
    )
    three = [point("a"), point("b"), point("c")]
    assert pts(folder(three, [alone]), "a") == D("0.67")
    assert pts(folder(three, [both]), "a") == D("0.66")


# --- event dating and the rule set chosen by the submission's date ---------------------------


def dated_folder():
    r2002 = rules(
        "jl-2002",
        "2002-01-01",
        publications={
            "gb": pub("gb", "国办刊物", "national", "6", "3"),
            "zwxx": pub("zwxx", "《吉林政务信息》", "provincial", "2", "1"),
        },
    )
    r2003 = rules("jl-2003", "2003-04-01")
    subs = [
        # dated in 2002, adopted in 2003: counts in 2003, priced by jl-2002 (zwxx single 2)
        sub("D-1", "a", "2002-12-20", adoptions=(ad("zwxx", "2003-01-05"),)),
        # dated 03-31 (jl-2002), adopted 04-02: still jl-2002 → 2
        sub("D-2", "a", "2003-03-31", adoptions=(ad("zwxx", "2003-04-02"),)),
        # dated 04-01 (jl-2003) → 1
        sub("D-3", "a", "2003-04-01", adoptions=(ad("zwxx", "2003-04-02"),)),
    ]
    return folder([point("a")], subs, rule_sets=(r2002, r2003))


def test_events_count_in_the_year_of_their_own_date_under_the_submissions_rule_set():
    f = dated_folder()
    assert pts(f, "a", 2002) == 0
    # 2 (D-1) + 2 (D-2) + 1 (D-3) = 5
    assert pts(f, "a", 2003) == 5
    result = score_year(f, 2003, END)
    assert [e.rule_set for e in result.events_of("a")] == ["jl-2002", "jl-2002", "jl-2003"]
    assert result.rule_sets == ("jl-2002", "jl-2003")


def test_as_of_is_the_end_of_the_day():
    f = dated_folder()
    # as of 04-01: the 04-02 adoptions are not known yet → 2
    assert pts(f, "a", 2003, "2003-04-01") == 2
    # as of 03-01 only jl-2002 priced an event, but jl-2003 gives the annual thresholds
    assert score_year(f, 2003, d("2003-03-01")).rule_sets == ("jl-2002", "jl-2003")


def test_no_rule_set_for_a_submission_is_refused():
    f = folder(
        [point("a")],
        [sub("X-1", "a", "2003-01-05", adoptions=(ad("zwxx", "2003-01-06"),))],
        rule_sets=(rules("late", "2003-02-01"),),
    )
    with pytest.raises(DataError):
        score_year(f, 2003, END)


# --- 5. deductions ---------------------------------------------------------------------------


def test_emergency_late_is_strictly_over_the_deadline_and_dated_the_report_day():
    subs = [
        # 120 minutes exactly: on time
        sub(
            "E-1",
            "a",
            "2003-06-01",
            "emergency",
            occurred="2003-06-01T08:00",
            reported="2003-06-01T10:00",
        ),
        # 121 minutes: −1, dated 06-01
        sub(
            "E-2",
            "a",
            "2003-06-01",
            "emergency",
            occurred="2003-06-01T08:00",
            reported="2003-06-01T10:01",
        ),
        # occurred 12-31 23:00, reported 01-01 02:00 (180 min): −1 dated 2004-01-01 → next year
        sub(
            "E-3",
            "a",
            "2003-12-31",
            "emergency",
            occurred="2003-12-31T23:00",
            reported="2004-01-01T02:00",
        ),
    ]
    f = folder([point("a")], subs)
    assert evs(f, "a") == [("2003-06-01", "emergency-late", "-1.00")]
    assert evs(f, "a", 2004, "2004-12-31") == [("2004-01-01", "emergency-late", "-1.00")]


def test_emergency_late_uses_the_submissions_rule_set():
    # jl-2002 allows 240 minutes; a 03-31 report of 180 minutes is on time although jl-2003
    # (120) is in force when it is scored.
    r2002 = rules("jl-2002", "2002-01-01", emergency_deadline_minutes=240)
    r2003 = rules("jl-2003", "2003-04-01")
    s = sub(
        "E-4",
        "a",
        "2003-03-31",
        "emergency",
        occurred="2003-03-31T22:00",
        reported="2003-04-01T01:00",
    )
    f = folder([point("a")], [s], rule_sets=(r2002, r2003))
    assert evs(f, "a") == []


def test_inaccurate_flag_is_dated_the_submission_and_goes_to_the_owner():
    s = sub(
        "F-1", "a", "2003-02-03", co=("b",), inaccurate=True, adoptions=(ad("zwxx", "2003-02-05"),)
    )
    f = folder([point("a"), point("b")], [s])
    # a: −3 (02-03) + 0.5 (02-05); b: 0.5
    assert evs(f, "a") == [
        ("2003-02-03", "inaccurate", "-3.00"),
        ("2003-02-05", "adoption", "0.50"),
    ]
    assert pts(f, "b") == D("0.5")


def solicited_folder():
    sol = solicitation("YG-1", "2003-03-01", "2003-03-10", ("a", "b", "c", "d", "e"))
    subs = [
        sub("S-1", "a", "2003-03-10", solicitation="YG-1", co=("b",)),  # a and b answer on due
        sub("S-2", "c", "2003-03-11", solicitation="YG-1"),  # c answers a day late
    ]
    points = [
        point("a"),
        point("b"),
        point("c"),
        point("d", "county", "2000-01-01", ("2003-03-05", "retired")),  # not holding on due
        point("e"),  # never answers
    ]
    return folder(points, subs, solicitations=(sol,))


def test_solicitation_missed_when_no_answer_by_due():
    f = solicited_folder()
    assert evs(f, "a") == evs(f, "b") == []
    # c: answered after due → still −2, dated due; e: −2; d owes nothing
    assert evs(f, "c") == [("2003-03-10", "solicitation-missed", "-2.00")]
    assert evs(f, "e") == [("2003-03-10", "solicitation-missed", "-2.00")]
    assert evs(f, "d") == []
    # as of 03-09 the due day has not come
    assert evs(f, "e", as_of="2003-03-09") == []


def test_solicitation_obligations_as_objects():
    f = solicited_folder()
    obs = obligations(f, d("2003-01-01"), d("2003-12-31"), d("2003-03-11"))
    status = {o.point: o.status for o in obs}
    assert status == {
        "a": ObligationStatus.MET,
        "b": ObligationStatus.MET,
        "c": ObligationStatus.LATE,
        "e": ObligationStatus.MISSED,
    }
    c = next(o for o in obs if o.point == "c")
    assert c.charged
    assert not c.outstanding
    assert [a.submission for a in c.answers] == ["S-2"]
    e = next(o for o in obs if o.point == "e")
    assert e.outstanding
    assert e.days_overdue == 1
    assert e.ref == "YG-1"
    # before due: pending, nothing charged
    early = obligations(f, d("2003-01-01"), d("2003-12-31"), d("2003-03-05"))
    assert {o.point: o.status for o in early}["e"] is ObligationStatus.PENDING


def periodic_folder():
    req = rules(requirements=STD_REQUIREMENTS)
    points = [
        point("city", "city"),
        point("dept", "department"),
        point("cnty", "county"),
        point("late", "city", "2003-02-10"),  # admitted mid-February
    ]
    subs = [
        sub("P-1", "city", "2003-02-14", "research"),
        sub("P-2", "city", "2003-01-31", "opinion-list"),
        sub("P-3", "city", "2003-03-03", "opinion-list"),
        sub("P-4", "dept", "2003-01-06", "research"),
        sub("P-5", "late", "2003-03-05", "opinion-list", co=("city",)),  # not city's own
    ]
    return folder(points, subs, rule_sets=(req,))


def test_research_and_opinion_requirements_per_finished_period():
    f = periodic_folder()
    # as of 05-15. city: Q1 research met (P-1); Feb opinion missing −0.5 (02-28);
    # April missing −0.5 (04-30); Q2 and May not finished.
    assert evs(f, "city", as_of="2003-05-15") == [
        ("2003-02-28", "opinion-month-missing", "-0.50"),
        ("2003-04-30", "opinion-month-missing", "-0.50"),
    ]
    # dept: research only (opinion lists are for cities); Q1 met
    assert evs(f, "dept", as_of="2003-05-15") == []
    # county: no requirement
    assert evs(f, "cnty", as_of="2003-05-15") == []
    # late: Q1 and February not held throughout; March met by P-5; April missing
    assert evs(f, "late", as_of="2003-05-15") == [("2003-04-30", "opinion-month-missing", "-0.50")]
    # whole year, city: opinion Feb, Apr–Dec missing (10 × −0.5 = −5); research Q2–Q4 (3 × −1)
    assert pts(f, "city") == D("-8")
    q = obligations(f, d("2003-01-01"), d("2003-03-31"), END, kinds=[ObligationKind.RESEARCH])
    assert [(o.point, o.period, o.status.value) for o in q] == [
        ("city", "2003-Q1", "met"),
        ("dept", "2003-Q1", "met"),
    ]


def test_requirement_uses_the_set_in_force_on_the_periods_last_day():
    # No set in force on 01-31 → no January requirement; the set of 02-01 requires one a month.
    f = folder(
        [point("city", "city")],
        rule_sets=(rules("r", "2003-02-01", requirements=STD_REQUIREMENTS),),
    )
    got = evs(f, "city", as_of="2003-03-31")
    # Feb −0.5, Mar −0.5, Q1 research −1 (the set is in force on 03-31)
    assert got == [
        ("2003-02-28", "opinion-month-missing", "-0.50"),
        ("2003-03-31", "research-quarter-missing", "-1.00"),
        ("2003-03-31", "opinion-month-missing", "-0.50"),
    ]


def test_adjustments():
    f = folder(
        [point("a")],
        adjustments=(
            # no points: the kind's deduction from the set in force → −2
            adjustment("T-1", "a", "2003-02-01", "emergency-omitted"),
            # points given: −|4|
            adjustment("T-2", "a", "2003-02-02", "emergency-concealed", "4"),
            # given negative: still −|−3| = −3
            adjustment("T-3", "a", "2003-02-03", "inaccurate", "-3"),
            # manual: signed as written
            adjustment("T-4", "a", "2003-02-04", "manual", "1.5"),
            adjustment("T-5", "a", "2004-01-04", "manual", "9"),  # next year
        ),
    )
    # −2 − 4 − 3 + 1.5 = −7.5
    assert pts(f, "a") == D("-7.5")
    result = score_year(f, 2003, END)
    row = result.standing_of("a")
    assert row is not None
    # deductions: the negative events only (the positive manual is not one)
    assert row.counts.deductions == D("-9")


# --- 6. annual outcome ---------------------------------------------------------------------


def annual_folder(*, as_of_points: bool = False):
    annual = Annual(
        commend_top=2,
        commend_excludes=("inaccurate", "emergency-concealed"),
        disqualify_below=D(5),
        grace_admitted_from=(7, 1),
        tie_break=("national_adopted", "instructions", "adopted"),
    )
    points = [
        point("p1"),  # 20, but an inaccurate flag: skipped in the commendation walk
        point("p2"),  # 12
        point("p3"),  # 10, tie-break: 1 national adoption → ranks above p4
        point("p4"),  # 10
        point("p5"),  # 10, same as p4 in every tie-break count → same rank as p4
        point("p6"),  # 3 → disqualified
        point("p7", "county", "2003-07-01"),  # 2, admitted on the grace day → exempt
        point("p8", "county", "2000-01-01", ("2003-11-30", "retired")),  # 30 → left
        point("p9", "county", "2000-01-01", ("2002-06-30", "retired")),  # not ranked
        point(
            "q1",
            "county",
            "2000-01-01",
            ("2003-08-01", "disqualified"),
            ("2003-09-01", "reinstated"),
        ),  # 1
    ]
    subs = [
        sub("P1-1", "p1", "2003-03-01", inaccurate=True),
        sub("P3-1", "p3", "2003-03-01", adoptions=(ad("gb", "2003-03-02", "combined"),)),
        sub("P4-1", "p4", "2003-03-01", adoptions=(ad("zwxx", "2003-03-02"),)),
        sub("P5-1", "p5", "2003-03-01", adoptions=(ad("mryq", "2003-03-02"),)),
    ]
    manual = {
        "p1": "23",
        "p2": "12",
        "p3": "7",
        "p4": "9",
        "p5": "9",
        "p6": "3",
        "p7": "2",
        "p8": "30",
        "q1": "1",
    }
    adjustments = tuple(
        adjustment(f"M-{pid}", pid, "2003-01-15", "manual", amount)
        for pid, amount in manual.items()
    )
    return folder(points, subs, adjustments=adjustments, rule_sets=(rules(annual=annual),))


def test_annual_ranking_and_statuses_at_year_end():
    result = score_year(annual_folder(), 2003, END)
    got = [(s.point.id, s.rank, str(s.score), s.status.value) for s in result.standings]
    assert got == [
        ("p8", 1, "30.00", "left"),  # retired 11-30: not holding on 12-31
        ("p1", 2, "20.00", "retained"),  # 23 − 3 (inaccurate); excluded from commendation
        ("p2", 3, "12.00", "commended"),
        # p3: 7 + 3 (gb combined) = 10 with 1 national adoption
        ("p3", 4, "10.00", "commended"),
        # p4, p5: 9 + 1 = 10 with (0 national, 0 instructions, 1 adopted): tied, id order
        ("p4", 5, "10.00", "retained"),
        ("p5", 5, "10.00", "retained"),
        ("p6", 7, "3.00", "disqualified"),
        ("p7", 8, "2.00", "exempt"),
        ("q1", 9, "1.00", "disqualified"),
    ]
    assert result.rule_sets == ("std",)


def test_commendation_takes_ties_with_the_last_one_taken():
    f = annual_folder()
    # Make p3 an ordinary 10 (no national adoption): p3, p4, p5 all tie at rank 4 after p2,
    # so the second place is shared three ways.
    subs = [s for s in f.submissions if s.id != "P3-1"]
    # 7 + 《专报》 3 = 10, with (0 national, 0 instructions, 1 adopted)
    subs.append(sub("P3-1", "p3", "2003-03-01", adoptions=(ad("zb", "2003-03-02"),)))
    f2 = folder(list(f.points), subs, adjustments=f.adjustments, rule_sets=f.rule_sets)
    result = score_year(f2, 2003, END)
    got = {s.point.id: (s.rank, s.status.value) for s in result.standings}
    assert got["p2"] == (3, "commended")
    assert got["p3"] == got["p4"] == got["p5"] == (4, "commended")
    assert got["p6"] == (7, "disqualified")


def test_before_year_end_no_commendation_and_at_risk():
    # as of 06-30 (181 days of 365): at risk when score < 5 × 181 / 365 = 2.479…
    result = score_year(annual_folder(), 2003, d("2003-06-30"))
    assert not result.final
    got = {s.point.id: (s.status.value, s.at_risk) for s in result.standings}
    assert got["p2"] == ("retained", False)
    assert got["p6"] == ("retained", False)  # 3 ≥ 2.48
    assert got["q1"] == ("retained", True)  # 1 < 2.48
    # p7 is admitted on 07-01: not ranked as of 06-30
    assert "p7" not in got
    # p8 holds the tier on 06-30 → not left yet
    assert got["p8"] == ("retained", False)


def test_exempt_and_left_are_never_at_risk():
    result = score_year(annual_folder(), 2003, d("2003-12-01"))
    got = {s.point.id: (s.status.value, s.at_risk) for s in result.standings}
    assert got["p7"] == ("exempt", False)
    assert got["p8"] == ("left", False)
    assert got["q1"] == ("retained", True)


def test_year_events_are_in_explain_order():
    f = annual_folder()
    events = year_events(f, 2003, END)
    assert [e.key for e in events] == sorted(e.key for e in events)
    assert Status.COMMENDED.value == "commended"


def test_exempt_needs_an_admission_not_a_reinstatement():
    annual = Annual(disqualify_below=D(12), commend_top=0)
    points = [
        point("new", "county", "2003-07-01"),  # admitted on the grace day: exempt
        # reinstated in August after a disqualification: not exempt
        point(
            "back",
            "county",
            "2001-01-01",
            ("2003-02-01", "disqualified"),
            ("2003-08-01", "reinstated"),
        ),
    ]
    result = score_year(folder(points, rule_sets=(rules(annual=annual),)), 2003, END)
    assert {s.point.id: s.status.value for s in result.standings} == {
        "new": "exempt",
        "back": "disqualified",
    }


def test_explain_order_within_a_day_and_the_words():
    from govinfo.i18n import set_lang
    from govinfo.render.words import describe

    sol = solicitation("YG-2003-031", "2003-03-01", "2003-03-10", ("a",))
    s = sub(
        "A-2",
        "a",
        "2003-03-10",
        "research",
        inaccurate=True,
        adoptions=(ad("zwxx", "2003-03-10"),),
        instructions=(ins("governor", "2003-03-10"),),
    )
    f = folder(
        [point("a")],
        [s],
        solicitations=(sol,),
        adjustments=(adjustment("T-9", "a", "2003-03-10", "manual", "-1"),),
    )
    events = score_year(f, 2003, END).events_of("a")
    # adoption, instruction, then the deductions: those without a submission first
    # (the missed solicitation, read before the adjustment in path order), then A-2's flag
    assert [(e.kind, e.submission) for e in events] == [
        ("adoption", "A-2"),
        ("instruction", "A-2"),
        ("manual", None),
        ("solicitation-missed", None),
        ("inaccurate", "A-2"),
    ]
    set_lang("zh")
    assert [describe(e) for e in events] == [
        "《吉林政务信息》单条采用 ×2 调研",
        "省长批示（洪虎）",
        "人工调整（T-9）：T-9 原因",
        "约稿 YG-2003-031 未报",
        "信息失实",
    ]
