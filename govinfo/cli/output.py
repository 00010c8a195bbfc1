"""Writing a report in the format the user chose: one helper every reporting command shares.

On stdout: the table for people (rich or Markdown) or the machine contract (CSV, JSON; SPEC §3).
``--out FILE`` writes the same table for people to a file, chosen by its extension — ``.xlsx``
(print-ready), ``.csv`` (a BOM, the folder's language in the headers) or ``.md`` — atomically.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Annotated, Any

import typer

from govinfo.cli import common
from govinfo.cli.terminal import ascii_json, cannot_encode
from govinfo.render.table import (
    OutputFormat,
    Table,
    csv_text,
    json_text,
    markdown_text,
    print_rich,
)

OutOpt = Annotated[
    str | None,
    typer.Option(
        "--out",
        metavar="FILE",
        help="Also write the table for people to FILE: .xlsx (print-ready), .csv (with a BOM) "
        "or .md, in the folder's language.",
    ),
]


def emit(
    fmt: OutputFormat,
    *,
    spec: Table,
    document: Any,
    records: Sequence[Mapping[str, Any]],
    keys: Sequence[str],
    out: str | None = None,
    sheet: Table | None = None,
) -> None:
    """Print on stdout: ``spec`` as a rich table or Markdown, ``records`` as CSV under ``keys``
    (the JSON keys), or ``document`` as JSON; with ``out``, write ``sheet`` (default ``spec``)
    to that file first."""
    if out is not None:
        write_table(out, sheet or spec)
    if fmt is OutputFormat.table:
        print_rich(spec, common.console())
        return
    if fmt is OutputFormat.markdown:
        text = markdown_text(spec)
    elif fmt is OutputFormat.csv:
        text = csv_text(records, keys)
    else:
        text = json_text(document)
        if cannot_encode(sys.stdout):
            text = ascii_json(text)  # the same document, every value exact
    sys.stdout.write(text)
    sys.stdout.flush()


def write_table(out: str, table: Table) -> None:
    """``table`` written to ``out`` by its extension (see the module docstring); a usage error
    (exit 2) for any other extension, nothing written."""
    from govinfo.app.export import export_tables
    from govinfo.errors import UsageError
    from govinfo.i18n import t

    path = Path(out)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        export_tables(path, "csv-file", table.title or "", [table], {})
    elif suffix in (".xlsx", ".md", ".markdown"):
        kind = "xlsx" if suffix == ".xlsx" else "markdown"
        export_tables(path, kind, table.title or "", [table], {})
    else:
        raise UsageError(t("out_unknown", path=out))
    common.err_console().print(t("out_written", path=out), markup=False, highlight=False)
