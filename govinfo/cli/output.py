"""Writing a report in the format the user chose: one helper every reporting command shares."""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from typing import Any

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


def emit(
    fmt: OutputFormat,
    *,
    spec: Table,
    document: Any,
    records: Sequence[Mapping[str, Any]],
    keys: Sequence[str],
) -> None:
    """Print on stdout: ``spec`` as a rich table or Markdown, ``records`` as CSV under ``keys``
    (the JSON keys), or ``document`` as JSON."""
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
