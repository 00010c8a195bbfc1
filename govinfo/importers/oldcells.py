"""What the readers of the office's older formats share: a grid's numbered non-empty rows, a
cell as calamine, an HTML page or SpreadsheetML gives it, a span attribute kept sane, and the
one problem of a file they cannot read."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any
from xml.etree import ElementTree as ET

from govinfo.i18n import os_error_text, t
from govinfo.importers.problems import RowRef, error
from govinfo.importers.tables import Cell, FileProblem, Row


def unreadable(display: str, kind: str, err: BaseException | str) -> FileProblem:
    """The file's one problem in the clerk's words: the system's reason for an OSError, ours
    for what we found, and for a parser's failure that the file is damaged or not of its kind
    (the parser's own text, ``Cfb error: Invalid OLE``, tells a clerk nothing)."""
    if isinstance(err, OSError):
        detail = os_error_text(err)
    elif isinstance(err, ET.ParseError):
        line, column = err.position
        detail = t("import_xml_broken", line=line, column=column)
    elif isinstance(err, str):
        detail = err
    else:
        return FileProblem(error(RowRef(display, None, 0), t("import_not_spreadsheet", kind=kind)))
    return FileProblem(
        error(RowRef(display, None, 0), t("import_bad_old_format", kind=kind, detail=detail))
    )


def grid_rows(grid: Sequence[Sequence[Any]]) -> list[Row]:
    """Numbered non-empty rows, trailing blanks dropped; row 1 is the sheet's first row."""
    rows: list[Row] = []
    for number, values in enumerate(grid, start=1):
        cells = _keep(tuple(_cell(v) for v in values))
        if cells:
            rows.append((number, cells))
    return rows


def _cell(value: Any) -> Cell:
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, float) and value.is_integer():
        return int(value)  # every number in an .xls is a float: 1.0 is the row number 1
    if isinstance(value, dt.time):
        return value.isoformat(timespec="minutes")
    return value


def _keep(cells: tuple[Cell, ...]) -> tuple[Cell, ...]:
    end = len(cells)
    while end and cells[end - 1] is None:
        end -= 1
    return cells[:end]


_MAX_SPAN = 1000  # a rowspan="1000000" must not build a million-row grid


def span(raw: str | None, least: int = 1) -> int:
    """A span attribute as a number between ``least`` and a sane bound."""
    try:
        value = int((raw or str(least)).strip())
    except ValueError:
        return least
    return min(max(value, least), _MAX_SPAN)
