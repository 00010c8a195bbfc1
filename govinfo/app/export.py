"""Writing an export (tables, the notice, statements) beside the data folder: atomically, file
by file, and not a change to the data folder (no lock, no commit)."""

from __future__ import annotations

import os
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from govinfo.errors import GovinfoError, UsageError
from govinfo.i18n import os_error_text, t

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

    folders: tuple[Path, ...] = ()
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
        folders = (path,)
    write_export(path, files, folders)


def write_export(path: Path, files: dict[Path, bytes], folders: Collection[Path] = ()) -> None:
    """Write an export atomically (temporary file + rename, per file): an export is not a
    change to the data folder, so no lock and no commit. ``folders`` are the folders the
    export makes (one CSV per table, the statements), created when absent; every other folder
    must exist (:func:`refuse_missing_folder`, checked for every file before the first is
    written)."""
    from govinfo.store.atomic import atomic_write, note_change

    for target in files:
        refuse_missing_folder(target.parent if target.parent in folders else target, path)
    note_change()
    try:
        for folder in folders:
            folder.mkdir(exist_ok=True)
        for target, data in files.items():
            atomic_write(target, data)
    except OSError as exc:
        raise GovinfoError(t("ye_write_failed", path=str(path), error=os_error_text(exc))) from None


def refuse_out_file(path: Path, shown: str) -> None:
    """Refuse (a usage error, exit 2) an ``--out`` whose suffix names a file — a table export
    or the notice — before the command does any work: a folder that exists under that name
    (the clerk meant a file; nothing is written into it), or a folder to put it in that does
    not exist (:func:`refuse_missing_folder`). The one check of every command with ``--out``."""
    if os.path.isdir(path):  # False for a name the system cannot stat (too long: told on writing)
        raise UsageError(t("out_is_folder", path=shown))
    refuse_missing_folder(path, shown)


def refuse_missing_folder(path: Path, shown: Path | str | None = None) -> None:
    """Refuse (a usage error, exit 2) to write ``path`` — a file, or a folder govinfo makes —
    when the folder it would go in does not exist: govinfo makes no folders the clerk did not
    ask for, so a typo in a folder's name is told, not turned into new folders where nobody
    finds the file. ``shown`` is the path as the clerk gave it (default ``path``)."""
    folder = path.parent
    try:
        folder.stat()
    except FileNotFoundError:
        raise UsageError(
            t("out_folder_missing", path=str(shown or path), folder=str(folder))
        ) from None
    except OSError:
        pass  # there but not usable (not a folder, no permission): the write says so
