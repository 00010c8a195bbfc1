"""Typed tables (:class:`~govinfo.reports.tables.DataTable`) for people: display texts, the
rich/Markdown :class:`~govinfo.render.table.TableSpec`, and a bar chart drawn with characters."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from wcwidth import wcswidth

from govinfo.render.table import Column, TableSpec
from govinfo.reports.numbers import fixed, tidy
from govinfo.reports.tables import Cell, ColumnKind, DataTable
from govinfo.text import escape


def display(cell: Cell, kind: ColumnKind) -> str:
    """How a cell reads in a table: scores with exactly 2 decimals, nothing for an empty cell."""
    if cell is None:
        return ""
    if isinstance(cell, Decimal):
        return fixed(cell) if kind is ColumnKind.SCORE else format(tidy(cell), "f")
    return escape(str(cell), multiline=False)


def plain(cell: Cell) -> str:
    """How a cell is written to CSV: numbers as their plain text (at most 2 decimals)."""
    if cell is None:
        return ""
    if isinstance(cell, Decimal):
        return format(tidy(cell), "f")
    return escape(str(cell), multiline=False)


def display_rows(table: DataTable) -> list[list[str]]:
    """Every row's display texts, the total row last."""
    kinds = [c.kind for c in table.columns]
    rows = [list(table.rows)]
    if table.total is not None:
        rows.append([table.total])
    return [
        [display(cell, kind) for cell, kind in zip(row, kinds, strict=True)]
        for group in rows
        for row in group
    ]


def table_spec(table: DataTable) -> TableSpec:
    """``table`` as a :class:`TableSpec` for the terminal and Markdown (the total row in bold)."""
    styles: list[str | None] = list(table.styles) + [None] * (len(table.rows) - len(table.styles))
    if table.total is not None:
        styles.append("total")
    return TableSpec(
        columns=[Column(c.key, c.header, numeric=c.numeric) for c in table.columns],
        rows=display_rows(table),
        styles=styles,
        title=table.title,
        footer=tuple(table.notes),
        # a rule above the 合计 row
        section_ends=frozenset({len(table.rows) - 1}) if table.total is not None else frozenset(),
    )


def text_width(text: str) -> int:
    """Display width: a CJK character counts 2."""
    width = wcswidth(text)
    return width if width >= 0 else len(text)


def bar_chart(
    labels: Sequence[str],
    series: Sequence[Sequence[int]],
    symbols: Sequence[str],
    *,
    width: int = 40,
) -> list[str]:
    """A horizontal bar chart: per label one line per series, ``symbol`` repeated in proportion
    to the value (the largest value fills ``width``; any value above 0 shows at least one),
    then the value. The label stands on the first line of its group."""
    top = max((v for values in series for v in values), default=0)
    pad = max((text_width(label) for label in labels), default=0)
    lines = []
    for i, label in enumerate(labels):
        for k, values in enumerate(series):
            value = values[i]
            n = 0 if top == 0 else round(value * width / top)
            if value > 0:
                n = max(n, 1)
            head = label if k == 0 else ""
            head += " " * (pad - text_width(head))
            lines.append(f"{head} {symbols[k] * n} {value}".rstrip())
    return lines
