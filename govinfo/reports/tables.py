"""Typed tables: rows of values (text, whole numbers, scores) under localised headers.

A report that leaves the terminal — the year-end tables go to xlsx, Markdown and CSV as well —
is built once as :class:`DataTable`s. Unlike ``render.table.TableSpec`` (display texts), cells
keep their types, so that a spreadsheet gets numbers as numbers; the renderers format them.
Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

Cell = str | int | Decimal | None


class ColumnKind(StrEnum):
    TEXT = "text"
    COUNT = "count"  # a whole number
    SCORE = "score"  # a Decimal, shown with 2 decimals


@dataclass(frozen=True)
class DataColumn:
    """``key`` names the column for code; ``header`` is what people read."""

    key: str
    header: str
    kind: ColumnKind = ColumnKind.TEXT

    @property
    def numeric(self) -> bool:
        return self.kind is not ColumnKind.TEXT


@dataclass(frozen=True)
class DataTable:
    """One table of a report.

    ``key``: a stable English name (``ranking``, ``trend`` …); ``name``: a short localised name
    (the xlsx sheet, the CSV file); ``title``: the caption; ``rows``: one cell per column;
    ``styles``: an optional row style (``good``, ``bad``, ``warn``, ``dim``); ``total``: an
    optional last row of sums (its first text cell reads 合计); ``notes``: lines printed under
    the table.
    """

    key: str
    name: str
    title: str
    columns: Sequence[DataColumn]
    rows: Sequence[Sequence[Cell]]
    styles: Sequence[str | None] = ()
    total: Sequence[Cell] | None = None
    notes: Sequence[str] = field(default_factory=tuple)

    def column(self, key: str) -> int:
        """The position of the column ``key`` (a ``ValueError`` when there is none)."""
        for i, col in enumerate(self.columns):
            if col.key == key:
                return i
        raise ValueError(key)
