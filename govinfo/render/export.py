"""Report files: typed tables as an xlsx workbook, a Markdown document, or CSV files.

Each writer returns bytes or text; the command writes them atomically (``store.atomic``).

* **xlsx** (openpyxl): one sheet per table — a title row, the header (bold, frozen), the rows
  with numbers as numbers (scores as exact decimals shown with 2 places) and dates as dates
  (shown yyyy-mm-dd), so that a clerk can sort and filter them, a bold total row,
  the notes under it (an empty table: “（无）” across it, as the terminal says); the text
  columns after a number column a little indented, so that a printed rank does not run into
  the name beside it; column widths fit Chinese text (a wide character counts 2); dressed for
  print by :mod:`govinfo.render.printsetup` (A4, 宋体, borders, page numbers, colours).
* **Markdown**: a heading for the report, one per table, a pipe table (or “（无）”), the notes, and any extra
  lines (the trend chart) in a text block.
* **CSV**: one file per table, UTF-8 with a BOM (so Excel and WPS read Chinese correctly), the
  localised headers, numbers as plain text, the total row last.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from govinfo.i18n import t
from govinfo.render.columns import Cell, Column, ColumnKind
from govinfo.render.formats import csv_rows, markdown_table
from govinfo.render.printsetup import (
    HEADER,
    NONE_ROW,
    NOTE,
    TITLE,
    Look,
    Stylist,
    body_look,
    page_setup,
)
from govinfo.render.table import Table, display_rows, plain
from govinfo.reports.numbers import tidy
from govinfo.text import display_width, escape, neutralise_formula

BOM = "\ufeff"
DATE_FORMAT = "yyyy-mm-dd"  # Excel's and WPS's code for 2003-09-30
MIN_WIDTH = 6
# A column whose texts run wider is this wide and wraps them (the row grows taller): a list
# of issue numbers or a finding's detail would otherwise run off the printed page, or shrink
# the whole sheet to a few points when fitted to the page's width.
WRAP_WIDTH = 40
LINE_HEIGHT = 15  # points: a line of 11-point 宋体 with its leading


def _lines(text: str, width: int) -> int:
    """About how many lines ``text`` takes in a wrapped cell ``width`` characters wide (a
    Chinese character two), its own line breaks kept — on the generous side: a line too many
    leaves a little room, one too few hides the last."""
    room = max((width - 2) * 4 // 5, 1)  # spreadsheets break earlier than the widths add up
    return sum(max(1, -(-display_width(part) // room)) for part in text.split("\n"))


_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\\x00-\x1f\x7f-\x9f]")
_FILE_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


# The files a set of tables is written to, by extension (the one list: what ``--out`` takes,
# and what its refusal names).
EXPORT_SUFFIXES: dict[str, str] = {".xlsx": "xlsx", ".md": "markdown", ".markdown": "markdown"}


def export_kind(path: Path, raw: str) -> str | None:
    """``xlsx``, ``markdown`` or ``csv`` (a folder: ``raw`` ends in ``/`` or names an existing
    folder); None for anything else — a name without a suffix too, which may as well be a file
    whose extension was forgotten as a folder whose ``/`` was."""
    suffix = path.suffix.lower()
    if raw.endswith(("/", "\\")) or os.path.isdir(path):  # False where stat fails: told on writing
        return "csv"
    return EXPORT_SUFFIXES.get(suffix)


def sheet_names(tables: Sequence[Table]) -> list[str]:
    """Valid, distinct sheet names (at most 31 characters, none of ``[]:*?/\\``)."""
    out: list[str] = []
    for table in tables:
        base = _SHEET_FORBIDDEN.sub("_", table.name)[:31] or table.key[:31]
        base = base or _SHEET_FORBIDDEN.sub("_", table.title or "")[:31]
        name, n = base, 2
        while name in out:
            tail = f"({n})"
            name, n = base[: 31 - len(tail)] + tail, n + 1
        out.append(name)
    return out


def csv_file_names(tables: Sequence[Table]) -> list[str]:
    """``01-得分排名.csv`` …: numbered in report order, the numbers padded with zeros so that
    the files sort in that order (as the statements do), safe on every file system."""
    width = max(2, len(str(len(tables))))
    return [
        f"{i:0{width}}-{_FILE_FORBIDDEN.sub('_', table.name)}.csv"
        for i, table in enumerate(tables, 1)
    ]


def csv_bytes(table: Table) -> bytes:
    """``table`` as CSV: a BOM, the localised header, every row and the total row."""
    rows = [*table.rows, *([table.total] if table.total is not None else [])]
    text = csv_rows(
        [[c.header for c in table.columns], *([_csv_cell(cell) for cell in row] for row in rows)],
        newline="\r\n",
    )
    return (BOM + text).encode("utf-8")


def csv_file_bytes(tables: Sequence[Table]) -> bytes:
    """One CSV file people open: one table as :func:`csv_bytes`; several one below the
    other, each under its title, a blank row between them (one BOM at the start)."""
    if len(tables) == 1:
        return csv_bytes(tables[0])
    parts = [
        (f"{table.title or table.name}\r\n" if i == 0 else f"\r\n{table.title or table.name}\r\n")
        + csv_bytes(table).decode("utf-8").removeprefix(BOM)
        for i, table in enumerate(tables)
    ]
    return (BOM + "".join(parts)).encode("utf-8")


def _csv_cell(cell: Cell) -> str:
    """A cell for a CSV file people open: numbers as numbers, text that a spreadsheet would
    take for a formula (``=HYPERLINK(…)``, ``-1+2``) neutralised with a leading ``'``."""
    if cell is None or isinstance(cell, Decimal | int | dt.date):
        return plain(cell)
    return neutralise_formula(plain(cell))


def markdown_document(
    title: str, tables: Sequence[Table], extra: Mapping[str, Sequence[str]] | None = None
) -> str:
    """The report in Markdown; ``extra[table.key]`` lines follow that table in a text block."""
    parts = [f"# {title}"]
    for i, table in enumerate(tables, 1):
        parts.append(f"## {i}. {table.title}")
        if table.rows:
            parts.append(
                markdown_table(
                    [c.header for c in table.columns],
                    display_rows(table),
                    [c.numeric for c in table.columns],
                )
            )
        else:  # as the terminal shows an empty table
            parts.append(t("ye_none"))
        parts.extend(table.footer)
        lines = (extra or {}).get(table.key)
        if lines:
            parts.append("```text\n" + "\n".join(lines) + "\n```")
    return "\n\n".join(parts) + "\n"


def _column_widths(table: Table) -> list[int]:
    widths = [display_width(c.header) for c in table.columns]
    for row in display_rows(table):
        for j, text in enumerate(row):
            widths[j] = max(widths[j], display_width(text))
    return [min(max(w + 2, MIN_WIDTH), WRAP_WIDTH) for w in widths]


def _after_numbers(table: Table) -> frozenset[int]:
    """The text columns that follow a right-aligned one: their cells stand a little in, so that
    a printed rank or score does not run into the name beside it (“1长春”)."""
    cols = table.columns
    return frozenset(
        j
        for j in range(1, len(cols))
        if cols[j - 1].numeric and not cols[j].numeric and cols[j].kind is ColumnKind.TEXT
    )


def xlsx_bytes(tables: Sequence[Table], *, title: str) -> bytes:
    """The workbook: one sheet per table (see the module docstring)."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.title = escape(title)
    wb.properties.creator = ""  # not "openpyxl": the library is no author of the figures
    stylist = Stylist()
    for table, name in zip(tables, sheet_names(tables), strict=True):
        ws = wb.create_sheet(name)
        ncols = len(table.columns)
        _put(ws.cell(row=1, column=1), table.title, TITLE, stylist)
        if ncols > 1:
            ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncols)
        for j, col in enumerate(table.columns, 1):
            _put(ws.cell(row=2, column=j), col.header, HEADER, stylist)
        indented = _after_numbers(table)
        widths = [  # an indented column a character wider, so that its longest text still fits
            w + 1 if j in indented and w + 1 < WRAP_WIDTH else w
            for j, w in enumerate(_column_widths(table))
        ]
        for j, width in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(j)].width = width
        # a column wraps: every cell of the body reads from its top, its rows as tall as their
        # text (neither Excel nor WPS grows a row on opening)
        wrapped = [j for j, width in enumerate(widths) if width == WRAP_WIDTH]
        rows = [*table.rows, *([table.total] if table.total is not None else [])]
        styles = [
            *table.styles[: len(table.rows)],
            *[None] * (len(table.rows) - len(table.styles)),
            *(["total"] if table.total is not None else []),
        ]
        for i, (row, style) in enumerate(zip(rows, styles, strict=True), 3):
            for j, (value, col) in enumerate(zip(row, table.columns, strict=True), 1):
                look = body_look(
                    style,
                    number_format=_number_format(value, col),
                    top=bool(wrapped),
                    wrap=j - 1 in wrapped,
                    indent=j - 1 in indented,
                )
                _put(ws.cell(row=i, column=j), value, look, stylist)
        if not rows:  # as the terminal shows an empty table: “（无）” across its width
            for j in range(1, ncols + 1):
                _put(ws.cell(row=3, column=j), t("ye_none") if j == 1 else None, NONE_ROW, stylist)
            if ncols > 1:
                ws.merge_cells(start_row=3, start_column=1, end_row=3, end_column=ncols)
        if wrapped:
            for r, shown in enumerate(display_rows(table), 3):
                lines = max(_lines(shown[j], WRAP_WIDTH) for j in wrapped)
                if lines > 1:
                    ws.row_dimensions[r].height = LINE_HEIGHT * lines
        row_no = max(len(rows), 1) + 4
        for note in table.footer:  # across the table's width, wrapped: never off the page
            _put(ws.cell(row=row_no, column=1), note, NOTE, stylist)
            if ncols > 1:
                ws.merge_cells(start_row=row_no, start_column=1, end_row=row_no, end_column=ncols)
            ws.row_dimensions[row_no].height = LINE_HEIGHT * _lines(note, sum(widths))
            row_no += 1
        ws.freeze_panes = "A3"
        page_setup(ws, ncols=ncols)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _put(cell: Any, value: Cell, look: Look, stylist: Stylist) -> None:
    """``value`` into the openpyxl ``cell`` (None: an empty cell, still dressed), looking
    ``look``: a decimal as a plain number for Excel (no exponent, no -0); text that starts
    with ``=`` (a name as written in the registry) stays text — the report has no formulas,
    so nothing is computed or run on opening."""
    if value is not None:
        cell.value = tidy(value) if isinstance(value, Decimal) else value
        if cell.data_type == "f":
            cell.data_type = "s"
    stylist.dress(cell, look)


def _number_format(value: Cell, col: Column) -> str:
    if col.kind is ColumnKind.SCORE and isinstance(value, Decimal):
        return "0.00"
    if col.kind is ColumnKind.COUNT:
        return "0"
    if isinstance(value, dt.date):
        return DATE_FORMAT
    return "General"


__all__ = [
    "BOM",
    "EXPORT_SUFFIXES",
    "csv_bytes",
    "csv_file_names",
    "export_kind",
    "markdown_document",
    "sheet_names",
    "xlsx_bytes",
]
