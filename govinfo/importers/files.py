"""A batch file → its tables, the reader chosen by the file's first bytes: XLSX (``tables``),
CSV/TSV (``tables``), or an old office format — .xls/.ods, HTML-table or SpreadsheetML
"xls" files (``oldformats``)."""

from __future__ import annotations

from pathlib import Path

from govinfo.errors import GovinfoError
from govinfo.i18n import t
from govinfo.importers import limits
from govinfo.importers.oldformats import read_old_format, sniff_format
from govinfo.importers.problems import ImportProblem, RowRef, error
from govinfo.importers.tables import (
    XLSX_SUFFIXES,
    FileProblem,
    Table,
    read_text_table,
    read_workbook,
)


def read_tables(
    path: Path, *, display: str | None = None, encoding: str | None = None, sheet: str | None = None
) -> tuple[list[Table], list[ImportProblem]]:
    """The tables in the file at ``path``: one per sheet for a workbook, one for CSV/TSV.

    A file that cannot be read at all gives no tables and one problem.
    """
    display = display or path.name
    if not path.is_file():
        raise GovinfoError(t("import_no_file", file=str(path)))
    try:
        if message := limits.batch_too_large(path):
            raise FileProblem(error(RowRef(display, None, 0), message))
        kind = sniff_format(path)
        if kind in (None, "zip") and path.suffix.lower() in XLSX_SUFFIXES:
            return read_workbook(path, display, sheet), []
        if kind in ("ods", "zip") and (message := limits.unpacked_too_large(path)):
            raise FileProblem(error(RowRef(display, None, 0), message))
        if kind is not None:
            return read_old_format(kind, path, display, sheet, encoding), []
        return [read_text_table(path, display, encoding)], []
    except FileProblem as fp:
        return [], [fp.problem]
