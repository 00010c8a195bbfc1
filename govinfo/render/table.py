"""A table in four formats: rich (terminal), markdown, CSV and JSON.

Any command that prints rows (score, explain, overdue, report) describes its output once as a
:class:`TableSpec` (localised headers, display texts, a style per row, a title and footer lines)
for people, and as plain records (JSON keys and values, SPEC §3) for programs:

* ``table``    — :func:`print_rich`: a rich table, coloured per row on a terminal;
* ``markdown`` — :func:`markdown_text`: a pipe table (tabulate, CJK-aware through wcwidth);
* ``csv``      — :func:`csv_text`: the JSON keys as header, UTF-8 without BOM;
* ``json``     — :func:`json_text`: the document, numbers as JSON numbers.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Any

import msgspec

from govinfo.text import escape, escape_json


class OutputFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"
    markdown = "markdown"


@dataclass(frozen=True)
class Column:
    """``key`` names the column for code; ``header`` is what people read; ``numeric`` columns
    are right-aligned."""

    key: str
    header: str
    numeric: bool = False


@dataclass(frozen=True)
class TableSpec:
    """Rows of display texts (one per column, in column order), an optional style per row
    (``good``, ``bad``, ``warn``, ``dim``, ``total`` or None), a title and footer lines.
    ``section_ends`` holds the indexes of rows that end a group: the rich table draws a rule
    under them."""

    columns: Sequence[Column]
    rows: Sequence[Sequence[str]]
    styles: Sequence[str | None] = ()
    title: str | None = None
    footer: Sequence[str] = field(default_factory=tuple)
    section_ends: frozenset[int] = frozenset()

    def __post_init__(self) -> None:
        # Every text a table shows passes the one escaping function: no control character
        # from the data reaches a terminal or a file.
        set_ = object.__setattr__
        rows = [
            [escape(c, multiline=False) if isinstance(c, str) else c for c in row]
            for row in self.rows
        ]
        set_(self, "rows", rows)
        if self.title is not None:
            set_(self, "title", escape(self.title))
        set_(self, "footer", tuple(escape(line) for line in self.footer))


# Row styles → rich styles (only visible on a terminal without NO_COLOR).
RICH_STYLES = {
    "good": "bold green",
    "bad": "bold red",
    "warn": "yellow",
    "dim": "dim",
    "total": "bold",
}


def print_rich(spec: TableSpec, console: Any, *, ascii_only: bool | None = None) -> None:
    """Print ``spec`` on a rich ``console``. Off a terminal the table takes its natural width
    (never wrapped to the console's), so that piped output stays one row per line. Box lines are
    ASCII when ``ascii_only`` (default: the environment variable ``GOVINFO_ASCII`` is set), for
    consoles that draw box characters double-width."""
    from rich import box
    from rich.measure import Measurement
    from rich.table import Table

    if ascii_only is None:
        ascii_only = os.environ.get("GOVINFO_ASCII", "") not in ("", "0")
    if len(spec.rows) > FAST_ROWS:
        print_plain(spec, console, ascii_only=ascii_only)
        return
    table = Table(
        title=spec.title,
        box=box.ASCII if ascii_only else box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        title_justify="left",
    )
    for col in spec.columns:
        table.add_column(col.header, justify="right" if col.numeric else "left", no_wrap=True)
    styles = list(spec.styles) + [None] * (len(spec.rows) - len(spec.styles))
    last = len(spec.rows) - 1
    for i, (row, style) in enumerate(zip(spec.rows, styles, strict=True)):
        table.add_row(
            *row,
            style=RICH_STYLES.get(style or ""),
            end_section=i in spec.section_ends and i != last,
        )
    if console.is_terminal:
        console.print(table)
    else:
        # rich never prints wider than the console: widen it for this table only.
        natural = Measurement.get(console, console.options.update_width(10_000), table).maximum
        saved = console.width
        console.width = max(saved, natural)
        try:
            console.print(table, crop=False)
        finally:
            console.width = saved
    for line in spec.footer:
        console.print(line, markup=False, highlight=False, soft_wrap=True)


# rich lays a table out cell by cell (about 2 ms a row with CJK text); past this many rows the
# plain layout below prints the same columns in a fraction of the time.
FAST_ROWS = 300


def print_plain(spec: TableSpec, console: Any, *, ascii_only: bool = False) -> None:
    """Print ``spec`` with the rich table's layout (header, a rule, rows with three spaces
    between columns, numbers right-aligned, a blank line between groups), measuring CJK text
    with wcwidth, one styled line per row. The title is never wrapped to the table's width."""
    from rich.text import Text
    from wcwidth import wcswidth

    def width(text: str) -> int:
        w = wcswidth(text)
        return len(text) if w < 0 else w

    headers = [c.header for c in spec.columns]
    widths = [width(h) for h in headers]
    for row in spec.rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], width(cell))

    def line(cells: Sequence[str]) -> str:
        parts = []
        for i, (cell, col) in enumerate(zip(cells, spec.columns, strict=True)):
            pad = " " * (widths[i] - width(cell))
            parts.append(pad + cell if col.numeric else cell + pad)
        return "   ".join(parts).rstrip()

    rule = ("-" if ascii_only else "\u2500") * (sum(widths) + 3 * (len(widths) - 1))
    if spec.title:
        console.print(spec.title, markup=False, highlight=False, soft_wrap=True)
    console.print(line(headers), markup=False, highlight=False, soft_wrap=True, style="bold")
    console.print(rule, markup=False, highlight=False, soft_wrap=True)
    styles = list(spec.styles) + [None] * (len(spec.rows) - len(spec.styles))
    last = len(spec.rows) - 1
    for i, (row, style) in enumerate(zip(spec.rows, styles, strict=True)):
        console.print(
            Text(line(row), style=RICH_STYLES.get(style or "", "")), highlight=False, soft_wrap=True
        )
        if i in spec.section_ends and i != last:
            console.print("")  # as the rich layout: a blank line between groups
    for text in spec.footer:
        console.print(text, markup=False, highlight=False, soft_wrap=True)


def markdown_text(spec: TableSpec) -> str:
    """``spec`` as Markdown: the title in bold, a pipe table, then the footer lines."""
    from tabulate import tabulate

    table = tabulate(
        [list(r) for r in spec.rows],
        headers=[c.header for c in spec.columns],
        tablefmt="pipe",
        disable_numparse=True,
        colalign=["right" if c.numeric else "left" for c in spec.columns],
    )
    parts = []
    if spec.title:
        parts.append(f"**{spec.title}**")
    parts.append(table)
    parts.extend(spec.footer)
    return "\n\n".join(parts) + "\n"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def csv_text(records: Sequence[Mapping[str, Any]], keys: Sequence[str]) -> str:
    """``records`` as CSV with ``keys`` (the JSON keys) as header; booleans as ``true``/
    ``false``, null as an empty cell, decimals as written."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(keys)
    for rec in records:
        writer.writerow([escape(_cell(rec.get(k))) for k in keys])
    return buf.getvalue()


_ENCODER = msgspec.json.Encoder(decimal_format="number")


def json_text(document: Any) -> str:
    """``document`` as indented JSON, UTF-8 text as is, decimals as JSON numbers."""
    text = msgspec.json.format(_ENCODER.encode(document), indent=2).decode("utf-8")
    return escape_json(text) + "\n"
