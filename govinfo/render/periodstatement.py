"""A statement for every point for a half, quarter or month (issue 15 for periods): the point's
ranks and scores of the period and to date, the total brought forward from the year's start,
every scoring event dated in the period as ``explain`` lists it with the running total, and the
period's subtotal — so that the last running total is the to-date score.

One ``.docx`` or ``.xlsx`` per point, named ``<group>-<period rank>-<short name>.<ext>``
(a rank of the period repeats from group to group).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from govinfo.i18n import t
from govinfo.render.columns import Cell
from govinfo.render.groups import group_name
from govinfo.render.letter import date_words
from govinfo.render.period import period_words
from govinfo.render.progress import Progress, each_made, no_progress
from govinfo.render.score import explain_table
from govinfo.render.statement import (
    numbered_names,
    stacked,
    stacked_columns,
    statement_book,
    statement_page,
)
from govinfo.render.table import Table
from govinfo.reports.numbers import tidy
from govinfo.reports.periodnotice import PeriodStatement


def _words(s: PeriodStatement) -> str:
    return period_words(s.period)


def heading_lines(s: PeriodStatement) -> list[str]:
    """The point, its ranks and scores, and the days counted — in office words (no program is
    named in a statement sent out); a period from 1 January says its figures once, since they
    are those to date."""
    r = s.row
    first = date_words(s.first)
    from_january = s.first == dt.date(s.first.year, 1, 1)
    return [
        t("st_point", name=s.point.name),
        t(
            "ps_ranks_first" if from_january else "ps_ranks",
            group=group_name(s.group),
            rank=r.rank,
            rank_to_date=r.rank_to_date,
            score=tidy(r.period.score),
            score_to_date=tidy(r.to_date.score),
        ),
        t(
            "ps_span_first" if from_january else "ps_span",
            first=first,
            to=date_words(s.to),
            year=s.first.year,
        ),
    ]


def period_statement_table(s: PeriodStatement, *, narrow: bool = False) -> Table:
    """The events of the period with the running total: a first line brought forward (the
    total to the day before the period), and a 本期小计 row (the period's points, and the
    to-date score)."""
    table = explain_table(s.explain)
    columns = list(table.columns)
    before = s.first - dt.timedelta(days=1)  # a date, as the events' dates: a date cell in a sheet
    rows: list[list[Cell]] = [
        [before, "", "", t("ps_brought_forward"), None, s.brought_forward],
        *([*r] for r in table.rows),
    ]
    total: list[Cell] = [t("ps_subtotal"), "", "", "", s.subtotal, s.brought_forward + s.subtotal]
    if narrow:
        rows = stacked(rows)
        total = [total[0], "", *total[3:]]
        columns = stacked_columns(columns)
    return replace(
        table,
        key="statement",
        name=s.point.short or s.point.name,
        columns=columns,
        rows=rows,
        title=t("ps_sheet_title", name=s.point.name, period=_words(s)),
        styles=(None, *table.styles),
        total=total,
        footer=heading_lines(s)[1:],
    )


def period_statement_docx(s: PeriodStatement) -> bytes:
    return statement_page(
        t("ps_title", period=_words(s)), heading_lines(s), period_statement_table(s, narrow=True)
    )


def period_statement_xlsx(s: PeriodStatement) -> bytes:
    return statement_book(t("ps_title", period=_words(s)), period_statement_table(s))


def period_statement_files(
    statements: tuple[PeriodStatement, ...], fmt: str, progress: Progress = no_progress
) -> dict[str, bytes]:
    """File name → bytes for every statement in ``fmt`` (docx or xlsx), ``progress`` told of
    each."""
    make = period_statement_docx if fmt == "docx" else period_statement_xlsx
    names = numbered_names(
        [(f"{group_name(s.group)}-", s.row.rank, s.point) for s in statements], fmt
    )
    return dict(zip(names, each_made(statements, make, progress, "statements"), strict=True))
