"""Which submission years a command must read — one rule for ``score``, ``explain`` and
``overdue`` (pure: years in, a :class:`YearSpan` out).

A submission can be answered up to 366 days later (SPEC §1: an adoption or an instruction), and a
late report written up after New Year carries a January date. So a command reads whole the years
whose submissions it judges plus the year before, then January of the year after; scoring a year
also reads December two years back, whose adoptions may still fall in the scored year.

The loader (:func:`govinfo.load.sources.wanted`) reads a :class:`YearSpan`'s ``edges`` without
importing it: rules sit above load and load knows nothing of them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection


class YearSpan(frozenset[int]):
    """Submission years to read whole, plus single months of the years around them
    (``edges``: year → months), e.g. what a year's score needs: Y-1 and Y, December of Y-2 (an
    adoption up to 366 days after 31 December) and January of Y+1 (a late report written up
    after New Year)."""

    edges: dict[int, frozenset[int]]

    def __new__(
        cls, years: Collection[int], edges: dict[int, Collection[int]] | None = None
    ) -> YearSpan:
        span = super().__new__(cls, years)
        span.edges = {y: frozenset(m) for y, m in (edges or {}).items() if y not in span}
        return span


def years_read(whole: range, *, december_before: bool = False) -> YearSpan:
    """The years of ``whole`` read whole, plus January of the year after the last (and, with
    ``december_before``, December of the year before the first)."""
    if not len(whole):
        return YearSpan(())
    edges: dict[int, Collection[int]] = {whole[-1] + 1: (1,)}
    if december_before:
        edges[whole[0] - 1] = (12,)
    return YearSpan(whole, edges)


def scoring_years(year: int) -> YearSpan:
    """What scoring ``year`` can depend on: Y-1 and Y whole, December of Y-2, January of Y+1."""
    return years_read(range(year - 1, year + 1), december_before=True)


def window_years(since: dt.date, as_of: dt.date) -> range:
    """The years a first read of the window ``since``..``as_of`` needs whole: the window's years
    and the one before (an answer, a late report or a point's latest submission may sit just
    before the window)."""
    return range(since.year - 1, as_of.year + 1)
