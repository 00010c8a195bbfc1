"""What a table's columns are: what their cells hold (:class:`ColumnKind`), how they align and
how their texts break on a terminal (:class:`Column`), and the output formats. Imports nothing
of govinfo: :mod:`govinfo.render.table` and the row lines (:mod:`govinfo.render.rows`) share it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum


class OutputFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"
    markdown = "markdown"


Cell = str | int | Decimal | dt.date | None


class ColumnKind(StrEnum):
    TEXT = "text"
    COUNT = "count"  # a whole number
    SCORE = "score"  # a Decimal, shown with 2 decimals
    DATE = "date"  # a dt.date, shown YYYY-MM-DD (a date cell in a workbook)


@dataclass(frozen=True)
class Column:
    """``key`` names the column for code; ``header`` is what people read; ``kind`` says what
    its cells hold. Number columns, and text columns marked ``right`` (“12 天”), are
    right-aligned. An ``optional`` column may be left out on a too narrow terminal (a note
    names it; files and ``--format`` keep it); a ``lines`` column keeps line breaks; a
    ``names`` column lists names that far apart (``t("list_sep")``): on a terminal a name
    breaks over lines only where it alone is wider than the column; a ``words`` column holds
    words of a fixed vocabulary (a status, a kind of point), and a word folded over two lines
    leaves no character alone on the last (取消/资格, 省直/部门, not 取消资/格)."""

    key: str
    header: str
    kind: ColumnKind = ColumnKind.TEXT
    right: bool = False
    optional: bool = False
    lines: bool = False
    names: str = ""
    words: bool = False

    @property
    def numeric(self) -> bool:
        return self.right or self.kind in (ColumnKind.COUNT, ColumnKind.SCORE)
