"""Writing an export (tables, the notice, statements) beside the data folder: atomically, file
by file, and not a change to the data folder (no lock, no commit)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from govinfo.errors import GovinfoError
from govinfo.i18n import t

if TYPE_CHECKING:
    from govinfo.render.table import Table


def export_tables(
    path: Path,
    kind: str,
    title: str,
    tables: Sequence[Table],
    extra: Mapping[str, Sequence[str]],
) -> None:
    """Write ``tables`` to ``path`` as ``kind`` — ``xlsx``, ``markdown`` (with the ``extra``
    text blocks, such as the trend chart), ``csv-file`` (one file, the tables one below the other) or ``csv`` (a folder, one
    file per table) — atomically (see :func:`write_export`)."""
    from govinfo.render.export import (
        csv_bytes,
        csv_file_bytes,
        csv_file_names,
        markdown_document,
        xlsx_bytes,
    )

    if kind == "xlsx":
        files = {path: xlsx_bytes(tables, title=title)}
    elif kind == "markdown":
        files = {path: markdown_document(title, tables, extra).encode("utf-8")}
    elif kind == "csv-file":
        files = {path: csv_file_bytes(tables)}
    else:
        files = {
            path / name: csv_bytes(table)
            for name, table in zip(csv_file_names(tables), tables, strict=True)
        }
    write_export(path, files)


def write_export(path: Path, files: dict[Path, bytes]) -> None:
    """Write an export atomically (temporary file + rename, per file): an export is not a
    change to the data folder, so no lock and no commit."""
    from govinfo.store.atomic import write_bytes_atomic

    try:
        for target, data in files.items():
            write_bytes_atomic(target, data)
    except OSError as exc:
        raise GovinfoError(
            t("ye_write_failed", path=str(path), error=exc.strerror or exc)
        ) from None
