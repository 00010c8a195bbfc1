"""Writing a report in the format the user chose: one helper every reporting command shares.

On stdout: the table for people (rich or Markdown) or the machine contract (CSV, JSON; SPEC §3).
``--out FILE`` writes the same table for people to a file, chosen by its extension — ``.xlsx``
(print-ready), ``.csv`` (a BOM, the output's language in the headers) or ``.md`` — atomically.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Annotated, Any

import typer

from govinfo.cli import common
from govinfo.cli.stdout import put
from govinfo.cli.terminal import ascii_json, cannot_encode
from govinfo.render.columns import OutputFormat
from govinfo.render.formats import csv_text, json_text, markdown_text
from govinfo.render.table import Table, print_table

# --format of a command whose table may also be CSV, JSON or Markdown (:func:`emit`)
FormatOpt = Annotated[
    OutputFormat, typer.Option("--format", help="Output: table, csv, json or markdown.")
]
OutOpt = Annotated[
    str | None,
    typer.Option(
        "--out",
        metavar="FILE",
        help="Also write the table for people to FILE: .xlsx (print-ready), .csv (with a BOM) "
        "or .md, in the language of the output (--lang).",
    ),
]


def emit(
    ctx: typer.Context,
    fmt: OutputFormat,
    *,
    spec: Callable[[], Table],
    document: Callable[[], Any],
    records: Callable[[], Sequence[Mapping[str, Any]]],
    keys: Sequence[str],
    out: str | None = None,
    sheet: Callable[[], Table] | None = None,
) -> None:
    """Print on stdout: ``spec()`` as a rich table or Markdown, ``records()`` as CSV under
    ``keys`` (the JSON keys), or ``document()`` as JSON; with ``out``, write ``sheet()``
    (default ``spec()``) to that file first.

    Each rendering is a callable, called only for the format asked for: a JSON answer never
    builds the table for people (nor imports what only that needs); a table printed before
    from the same answers, in the same way, is printed again as it was (``cli.replay``)."""
    from govinfo.cli.replay import printed

    if out is not None:
        write_table(out, (sheet or spec)())
    if fmt is OutputFormat.table:
        printed(ctx, lambda: print_table(spec(), common.console(ctx)))
        return
    if fmt is OutputFormat.json:
        write_json(document())
        return
    text = markdown_text(spec()) if fmt is OutputFormat.markdown else csv_text(records(), keys)
    put(text)


def write_json(document: Any) -> None:
    """``document`` as JSON on stdout (see :func:`write_json_text`)."""
    write_json_text(json_text(document))


def write_json_text(text: str) -> None:
    """JSON ``text`` on stdout — where the output cannot hold all of it (an ASCII locale;
    GBK, for a character outside it; a file name that was not UTF-8), with every non-ASCII
    character as a ``\\u`` escape: the same document, every value exact, where text would
    get ``?`` for each character it cannot hold."""
    if cannot_encode(sys.stdout, text):
        text = ascii_json(text)
    put(text)


def write_table(out: str, table: Table) -> None:
    """``table`` written to ``out`` (see :func:`write_tables`)."""
    write_tables(out, table.title or "", [table])


def write_tables(out: str, title: str, tables: Sequence[Table]) -> None:
    """``tables`` written to ``out`` by its extension (see the module docstring; several
    tables: a sheet each, or one below the other); a usage error (exit 2) for any other
    extension, nothing written."""
    from govinfo.app.export import export_tables
    from govinfo.i18n import t

    export_tables(Path(out), out_kind(out), title, tables, {})
    common.err_console().print(t("out_written", path=out), markup=False, highlight=False)


def out_kind(out: str) -> str:
    """The export kind ``--out`` names by its extension (``csv-file``, ``xlsx`` or
    ``markdown``); a usage error (exit 2) for any other, for a folder that exists under that
    name, or when the folder it names does not exist (``app.export.refuse_out_file``)."""
    from govinfo.app.export import refuse_out_file
    from govinfo.errors import UsageError
    from govinfo.i18n import either, t
    from govinfo.render.export import EXPORT_SUFFIXES

    kinds = {".csv": "csv-file", **EXPORT_SUFFIXES}
    kind = kinds.get(Path(out).suffix.lower())
    if kind is None:
        raise UsageError(t("out_unknown", path=out, suffixes=either(list(kinds))))
    refuse_out_file(Path(out), out)
    return kind


def check_out(out: str | None) -> None:
    """Refuse a ``--out`` that cannot be written — an unknown extension, a folder that does
    not exist — before the command does any work (:func:`out_kind`: usage errors, exit 2):
    the clerk does not wait for a table only to hear that, and an import writes nothing."""
    if out is not None:
        out_kind(out)
