"""Hand-worked regressions for the engine bugs found by the differential test
(``tests/rules/test_scoring_differential.py`` against ``tests/support/reference_scoring.py``).

Each test names the SPEC §2 sentence it pins and works the arithmetic in comments. The rule
set is ``scoring_build``'s standard one (emergency-late 1, deadline 120 minutes, …).
"""

from __future__ import annotations

from govinfo.model import Folder
from govinfo.render.score import explain_document
from govinfo.reports.explain import explain_report
from govinfo.rules.annual import score_year
from tests.support.scoring_build import d, folder, point, sub


def explain_events(
    f: Folder, pid: str, year: int, as_of: str
) -> list[tuple[str, str | None, str, str]]:
    result = score_year(f, year, d(as_of))
    point_ = f.point(pid)
    assert point_ is not None
    doc = explain_document(explain_report(f, result, point_))
    return [(e["date"], e["submission"], e["kind"], str(e["points"])) for e in doc["events"]]


# SPEC §2: "every event is dated, counts in the year of its own date … and once its own date
# is on or before as-of, whatever the submission's date"; emergency-late is "dated the day of
# `reported_at`".


def test_late_report_of_31_december_written_up_in_january_counts_in_december() -> None:
    # Occurred 19:30, reported 23:30 on 31 Dec 2003: 240 min > 120 → emergency-late −1, dated
    # 2003-12-31. The written item is dated 2004-01-01. Before the fix the event counted in
    # neither year (2003's scan stopped at submissions dated 31 Dec; 2004's filtered the event
    # out by its 2003 date).
    f = folder(
        [point("a")],
        [
            sub(
                "E1",
                "a",
                "2004-01-01",
                "emergency",
                occurred="2003-12-31T19:30",
                reported="2003-12-31T23:30",
            )
        ],
    )
    assert score_year(f, 2003, d("2003-12-31")).score_of("a") == -1
    assert score_year(f, 2003, d("2004-02-01")).score_of("a") == -1  # as-of after the year
    assert score_year(f, 2004, d("2004-12-31")).score_of("a") == 0  # not counted twice
    assert explain_events(f, "a", 2003, "2003-12-31") == [
        ("2003-12-31", "E1", "emergency-late", "-1")
    ]


def test_late_report_dated_before_its_submission_counts_from_the_report_day() -> None:
    # Reported by phone at 23:50 on 1 March (occurred 20:00: 230 min > 120), written up on
    # 2 March. As of 1 March the event's own date has come: −1, "whatever the submission's
    # date". The submission itself is not yet counted as submitted (its date is after as-of).
    f = folder(
        [point("a")],
        [
            sub(
                "E2",
                "a",
                "2003-03-02",
                "emergency",
                occurred="2003-03-01T20:00",
                reported="2003-03-01T23:50",
            )
        ],
    )
    result = score_year(f, 2003, d("2003-03-01"))
    assert result.score_of("a") == -1
    standing = result.standing_of("a")
    assert standing is not None
    assert standing.counts.submitted == 0
    assert standing.counts.deductions == -1


# SPEC §2: "Ranked: the points holding the provincial tier on some day from 1 January to
# as-of."


def test_nobody_is_ranked_when_as_of_comes_before_the_year() -> None:
    # `score 2004` with as-of 2003-06-01 (e.g. the default as-of "today" before the year has
    # begun): the days from 1 January 2004 to 2003-06-01 are none, so no point is ranked.
    # Before the fix, "a" (holding since 2000) was listed as retained and "b" (admitted
    # 2003-09-01, after as-of) as left.
    f = folder([point("a"), point("b", "county", "2003-09-01")])
    result = score_year(f, 2004, d("2003-06-01"))
    assert result.standings == ()
    # and on 1 January itself the range is that one day
    assert [s.point.id for s in score_year(f, 2004, d("2004-01-01")).standings] == ["a", "b"]


def test_overdue_lists_the_late_report_that_scoring_deducts() -> None:
    # Issue 4: findings and deductions never disagree. As of 1 March the report of 23:50 that
    # day is late (230 min > 120) and deducted (above); overdue must list it too, although the
    # written submission is dated 2 March.
    from govinfo.reports.overdue import overdue_findings
    from tests.support.consistency import check_consistent

    f = folder(
        [point("aa")],
        [
            sub(
                "E2",
                "aa",
                "2003-03-02",
                "emergency",
                occurred="2003-03-01T20:00",
                reported="2003-03-01T23:50",
            )
        ],
    )
    as_of = d("2003-03-01")
    late = [x.ref for x in overdue_findings(f, as_of) if x.kind.value == "emergency-late"]
    assert late == ["E2"]
    assert check_consistent(f, 2003, as_of) == 1
