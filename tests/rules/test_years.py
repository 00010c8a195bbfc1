"""rules/years: the one rule for which submission years score, explain and overdue read."""

from __future__ import annotations

import datetime as dt

from govinfo.load.sources import wanted
from govinfo.rules.years import scoring_years, window_years, years_read


def test_scoring_reads_two_years_and_a_month_either_side() -> None:
    span = scoring_years(2003)
    assert sorted(span) == [2002, 2003]
    assert span.edges == {2001: frozenset({12}), 2004: frozenset({1})}


def test_a_window_reads_its_years_the_one_before_and_january_after() -> None:
    whole = window_years(dt.date(2003, 1, 1), dt.date(2003, 9, 30))
    assert list(whole) == [2002, 2003]
    span = years_read(whole)
    assert sorted(span) == [2002, 2003]
    assert span.edges == {2004: frozenset({1})}


def test_the_span_selects_month_files() -> None:
    span = scoring_years(2003)
    chosen = [
        path
        for path in (
            "submissions/2001/cc/11.yaml",
            "submissions/2001/cc/12.yaml",
            "submissions/2002/cc/05.yaml",
            "submissions/2004/cc/01.yaml",
            "submissions/2004/cc/02.yaml",
            "points.yaml",
        )
        if wanted(path, span)
    ]
    assert chosen == [
        "submissions/2001/cc/12.yaml",
        "submissions/2002/cc/05.yaml",
        "submissions/2004/cc/01.yaml",
        "points.yaml",
    ]


def test_no_years_read_nothing_more() -> None:
    assert years_read(range(2003, 2003)) == frozenset()
