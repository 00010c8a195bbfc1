"""A statement for every point (issue 15): its ranks, score and every scoring event of the year
as ``explain`` lists it, with the running total — the 得分明细 the office sends each point.

One ``.docx`` (GB/T 9704 page, :mod:`govinfo.render.docx`) or ``.xlsx`` (the year-end workbook's
writer) per point, named ``<rank>-<short name>.<ext>``; the names are safe on Windows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from docx.enum.text import WD_ALIGN_PARAGRAPH

from govinfo.i18n import t
from govinfo.model import Point
from govinfo.render import docx as d
from govinfo.render.columns import Cell, Column
from govinfo.render.docxfile import document_bytes
from govinfo.render.docxtable import add_table
from govinfo.render.export import xlsx_bytes
from govinfo.render.groups import group_name
from govinfo.render.letter import date_words
from govinfo.render.progress import Progress, each_made, no_progress
from govinfo.render.score import explain_table, status_words
from govinfo.render.table import Table
from govinfo.reports.notice import Statement
from govinfo.reports.numbers import tidy
from govinfo.text import escape

STATEMENT_FORMATS = ("docx", "xlsx")
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$", re.IGNORECASE)


def safe_name(text: str) -> str:
    """``text`` usable as a file name on Windows too: no ``<>:"/\\|?*`` or control characters,
    no trailing dot or space, not a reserved device name."""
    name = _UNSAFE.sub("_", text).rstrip(" .") or "_"
    return "_" + name if _RESERVED.match(name) else name


def statement_names(statements: tuple[Statement, ...], ext: str) -> list[str]:
    """``<rank>-<short name>.<ext>`` for each statement (see :func:`numbered_names`)."""
    return numbered_names([("", s.ranked.standing.rank, s.ranked.point) for s in statements], ext)


def numbered_names(entries: Sequence[tuple[str, int, Point]], ext: str) -> list[str]:
    """``<prefix><rank>-<short name>.<ext>`` for each (prefix, rank, point), ranks zero-padded
    so that the files sort in rank order; a name met twice gets the point's id."""
    width = len(str(max((rank for _, rank, _ in entries), default=1)))
    names: list[str] = []
    taken: set[str] = set()
    for prefix, rank, p in entries:
        base = safe_name(f"{prefix}{rank:0{width}d}-{p.short or p.name}")
        name = f"{base}.{ext}"
        if name.lower() in taken:
            name = f"{base}-{safe_name(p.id)}.{ext}"
        taken.add(name.lower())
        names.append(name)
    return names


def statement_table(s: Statement, *, narrow: bool = False) -> Table:
    """``explain``'s table of the point: every event with the running total (the last total is
    the score). ``narrow`` (a page, not a sheet) puts the submission's id above its title in one
    column."""
    table = explain_table(s.explain)
    columns, rows = list(table.columns), [list(r) for r in table.rows]
    if narrow:
        rows, columns = stacked(rows), stacked_columns(columns)
    rp = s.ranked
    return replace(
        table,
        key="statement",
        name=rp.point.short or rp.point.name,
        # the point's name, not explain's “name (id)”: a clerk reads it
        title=t("st_sheet_title", name=rp.point.name, year=s.explain.year),
        columns=columns,
        rows=rows,
        footer=[*_heading_lines(s)[1:], *table.footer],
    )


def stacked(rows: Sequence[Sequence[Cell]]) -> list[list[Cell]]:
    """``rows`` with the submission's id (column 1) above its title (column 2) in one cell:
    two lines of a Word cell, each escaped as any table text is, joined by a real line break."""
    return [
        [r[0], "\n".join(escape(str(c), multiline=False) for c in r[1:3] if c), *r[3:]]
        for r in rows
    ]


def stacked_columns(columns: Sequence[Column]) -> list[Column]:
    """The columns of :func:`stacked` rows: 信息编号及标题, a column of two-line cells."""
    return [columns[0], Column("submission", t("st_col_item"), lines=True), *columns[3:]]


def _heading_lines(s: Statement) -> list[str]:
    rp = s.ranked
    ranks = t(
        "st_ranks",
        rank=rp.standing.rank,
        group=group_name(rp.group),
        group_rank=rp.group_rank,
        score=tidy(s.explain.score),
    )
    if s.final:  # before the year's outcome, every point is 保留: it would read as a verdict
        status = status_words(rp.standing.status, rp.standing.at_risk, s.passed_over)
        ranks += t("st_status", status=status)
    return [
        t("st_point", name=rp.point.name),
        ranks,
        t("st_as_of", date=date_words(s.explain.as_of)),
    ]


def statement_docx(s: Statement) -> bytes:
    return statement_page(
        t("st_title", year=s.explain.year), _heading_lines(s), statement_table(s, narrow=True)
    )


def statement_page(title: str, lines: Sequence[str], table: Table) -> bytes:
    """A statement as .docx bytes: the title, the heading ``lines``, then ``table``; the
    file's title is the table's, which names the point (fifty files are not one title)."""
    doc = d.new_document()
    d.add_paragraph(
        doc,
        title,
        font=d.TITLE_FONT,
        size=d.SIZE_2,
        align=WD_ALIGN_PARAGRAPH.CENTER,
    )
    d.add_paragraph(doc)
    for line in lines:
        d.add_paragraph(doc, line)
    d.add_paragraph(doc)
    if table.rows:
        add_table(doc, table)
    else:
        d.add_paragraph(doc, t("nt_none"), indent_chars=2)
    return document_bytes(doc, table.title or title)


def statement_xlsx(s: Statement) -> bytes:
    return statement_book(t("st_title", year=s.explain.year), statement_table(s))


def statement_book(title: str, table: Table) -> bytes:
    """A statement as .xlsx bytes, the file titled as :func:`statement_page`'s: the table's
    title, which names the point, else ``title``."""
    return xlsx_bytes([table], title=table.title or title)


def statement_files(
    statements: tuple[Statement, ...], fmt: str, progress: Progress = no_progress
) -> dict[str, bytes]:
    """File name → bytes for every statement in ``fmt`` (docx or xlsx), ``progress`` told of
    each."""
    make = statement_docx if fmt == "docx" else statement_xlsx
    names = statement_names(statements, fmt)
    return dict(zip(names, each_made(statements, make, progress, "statements"), strict=True))
