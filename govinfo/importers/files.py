"""A batch file → its tables, the reader chosen by the file's first bytes: XLSX (``tables``),
CSV/TSV (``tables``), or an old office format — .xls/.ods, HTML-table or SpreadsheetML
"xls" files (``oldformats``)."""

from __future__ import annotations

import codecs
import contextlib
import zipfile
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
    if not path.exists():
        raise GovinfoError(t("import_no_file", file=str(path)))
    if not path.is_file():
        raise GovinfoError(t("import_not_regular_file", file=str(path)))
    try:
        if message := limits.batch_too_large(path):
            raise FileProblem(error(RowRef(display, None, 0), message))
        kind = sniff_format(path)
        if message := _not_a_table(path, kind):
            raise FileProblem(error(RowRef(display, None, 0), message))
        if kind in (None, "zip") and path.suffix.lower() in XLSX_SUFFIXES:
            return _told(read_workbook(path, display, sheet), encoding), []
        if kind in ("ods", "zip") and (message := limits.unpacked_too_large(path)):
            raise FileProblem(error(RowRef(display, None, 0), message))
        if kind is not None:
            tables = read_old_format(kind, path, display, sheet, encoding)
            return (tables if kind == "html" else _told(tables, encoding)), []
        return [read_text_table(path, display, encoding)], []
    except FileProblem as fp:
        return [], [fp.problem]


def _told(tables: list[Table], encoding: str | None) -> list[Table]:
    """``tables`` of a workbook, with a note that ``--encoding`` was not used for it: the
    format names its own (an .xls, .xlsx, .ods or an XML table)."""
    if encoding and tables:
        tables[0].notes.append(t("import_encoding_ignored", file=tables[0].file, encoding=encoding))
    return tables


_OTHER_OFFICE = (
    ("word/document.xml", "import_word_document"),
    ("ppt/presentation.xml", "import_ppt_document"),
)
_SHEET_SUFFIXES = (".xls", ".xlsx", ".xlsm", ".xlsb", ".ods", ".et", ".ett")
_TEXT_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _not_a_table(path: Path, kind: str | None) -> str | None:
    """Why a file is no table at all, in the clerk's words: a Word or PowerPoint file (a zip as
    an xlsx is, renamed), or a spreadsheet's name on bytes that are neither text nor a known
    format (a NUL byte in its first bytes, no BOM of UTF-16) — never "use --encoding"."""
    if kind == "zip":
        with contextlib.suppress(*limits.ZIP_ERRORS), zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            for member, key in _OTHER_OFFICE:
                if member in names:
                    return t(key)
        return None
    if kind is not None or path.suffix.lower() not in _SHEET_SUFFIXES:
        return None  # a CSV's stray NUL byte is a cell's problem, said at its row
    with path.open("rb") as src:
        head = src.read(4096)
    if b"\x00" in head and not head.startswith(_TEXT_BOMS):
        return t("import_binary_file")
    return None
