"""A :class:`~govinfo.render.table.Table` written as text for files and pipes: a Markdown pipe
table, CSV, or JSON. The terminal's form is :func:`govinfo.render.table.print_table`."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

import msgspec

from govinfo.render.table import Table, display_rows
from govinfo.text import escape, escape_json

_MD_LINE_BREAK = re.compile(r"\r\n|[\r\n\u2028\u2029]")


def markdown_cell(text: str) -> str:
    """``text`` safe inside one cell of a GFM pipe table: a ``|`` written ``\\|`` (it would
    end the cell), a line break as ``<br>`` (it would end the row)."""
    if "|" not in text and text.isprintable():  # almost every cell: nothing to do
        return text
    return _MD_LINE_BREAK.sub("<br>", text.replace("|", "\\|"))


def markdown_table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[bool]
) -> str:
    """A Markdown pipe table of display texts (tabulate, CJK-aware through wcwidth; ids never
    read as numbers), ``numeric`` columns right-aligned. Every Markdown table is written here,
    so every header and cell passes :func:`markdown_cell`."""
    from tabulate import tabulate

    return str(
        tabulate(
            [[markdown_cell(c) for c in r] for r in rows],
            headers=[markdown_cell(h) for h in headers],
            tablefmt="pipe",
            disable_numparse=True,
            colalign=["right" if n else "left" for n in numeric],
        )
    )


def markdown_text(spec: Table) -> str:
    """``spec`` as Markdown: the title in bold, a pipe table, then the footer lines."""
    table = markdown_table(
        [c.header for c in spec.columns], display_rows(spec), [c.numeric for c in spec.columns]
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


def csv_rows(rows: Iterable[Sequence[str]], *, newline: str = "\n") -> str:
    """Rows of texts (the header first) as CSV text, each row ended by ``newline``."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator=newline)
    writer.writerows(rows)
    return buf.getvalue()


def csv_text(records: Sequence[Mapping[str, Any]], keys: Sequence[str]) -> str:
    """``records`` as CSV with ``keys`` (the JSON keys) as header; booleans as ``true``/
    ``false``, null as an empty cell, decimals as written."""
    return csv_rows([keys, *([escape(_cell(rec.get(k))) for k in keys] for rec in records)])


_ENCODER = msgspec.json.Encoder(decimal_format="number")


def json_text(document: Any) -> str:
    """``document`` as indented JSON, UTF-8 text as is, decimals as JSON numbers."""
    text = msgspec.json.format(_ENCODER.encode(document), indent=2).decode("utf-8")
    return escape_json(text) + "\n"
