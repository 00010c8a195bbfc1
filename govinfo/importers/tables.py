"""Batch files → tables of cells, each row with the number a spreadsheet shows.

CSV and TSV (the delimiter sniffed) in UTF-8, UTF-8 with BOM, GB18030 or UTF-16/32 with BOM —
never decoded with errors ignored; the encoding used is reported, ``--encoding`` overrides, and an
undecodable file is an error naming the byte offset. XLSX through openpyxl in read-only mode
with cached values; the sheet's stored size is never trusted (WPS writes ``A1:A1``) and merged
cells, which read-only sheets do not expose, are read from the sheet's XML, and so are hidden
rows (hidden by hand or by a filter), which the import reads with a warning at each.
"""

from __future__ import annotations

import bisect
import codecs
import contextlib
import csv
import io
import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govinfo.errors import UsageError
from govinfo.i18n import os_error_text, t, tn
from govinfo.importers import limits
from govinfo.importers.problems import ImportProblem, RowRef, error

Cell = object
Row = tuple[int, tuple[Cell, ...]]
# (first row, first column, last row, last column), 1-based and inclusive
Merge = tuple[int, int, int, int]

_DELIMITERS = ("\t", ",", ";", "|")
_SAMPLE_RECORDS = 30
XLSX_SUFFIXES = (".xlsx", ".xlsm")


@dataclass
class Table:
    """The non-empty rows of one sheet (or CSV file)."""

    file: str
    sheet: str | None
    rows: list[Row]
    merges: list[Merge] | None = None  # None: the format cannot say (CSV)
    encoding: str | None = None
    notes: list[str] = field(default_factory=list)
    delimiter: str | None = None  # CSV/TSV: the delimiter its cells are split on
    source: str | None = None  # "html": a page's table, whose line breaks are <br>
    hidden_rows: HiddenRows = field(default_factory=lambda: HiddenRows())
    hidden: bool = False  # a hidden sheet, read because no --sheet chose among the sheets

    def ref(self, row: int) -> RowRef:
        return RowRef(self.file, self.sheet, row)


class HiddenRows:
    """The row numbers a sheet hides (hidden by hand or filtered out), as sorted runs: an .ods
    may hide a million empty rows below its data in one element."""

    def __init__(self, runs: list[tuple[int, int]] | None = None) -> None:
        self.runs = sorted(runs or [])  # (first, last), 1-based, inclusive
        self._firsts = [first for first, _last in self.runs]

    def __bool__(self) -> bool:
        return bool(self.runs)

    def __contains__(self, row: object) -> bool:
        if not self.runs or not isinstance(row, int):
            return False
        at = bisect.bisect_right(self._firsts, row) - 1
        return at >= 0 and self.runs[at][1] >= row


def _blank(value: Cell) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _keep(cells: tuple[Cell, ...]) -> tuple[Cell, ...]:
    """Cells with trailing blanks dropped; an all-blank row becomes ()."""
    end = len(cells)
    while end and _blank(cells[end - 1]):
        end -= 1
    return cells[:end]


# --- text files -----------------------------------------------------------------------------


class UncachedFormula:
    """A formula cell saved without its value: not an empty cell, and not a value either."""

    def __repr__(self) -> str:
        return "UncachedFormula()"


UNCACHED_FORMULA = UncachedFormula()


class DecodeFailure(Exception):
    def __init__(self, offset: int, tried: str) -> None:
        super().__init__(offset)
        self.offset = offset
        self.tried = tried


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8 (BOM)"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """``data`` as text and the name of the encoding used.

    With ``encoding`` only that one is tried. Otherwise a BOM decides; without one, UTF-8, then
    GB18030 (a superset of GBK that keeps rare characters such as 䶮). A file that already held
    valid multi-byte UTF-8 before its first bad byte is taken for damaged UTF-8 rather than
    re-read as GB18030 (which would turn it into nonsense). Raises :class:`DecodeFailure`.
    """
    if encoding:
        codec = limits.text_codec(encoding)
        try:
            return data.decode(codec), encoding
        except UnicodeDecodeError as err:
            raise DecodeFailure(err.start, encoding) from None
        except (UnicodeError, ValueError):  # a codec that cannot read a file (idna, punycode)
            raise UsageError(t("import_not_text_encoding", encoding=encoding)) from None
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as err:
                raise DecodeFailure(err.start, label) from None
            return text.removeprefix("\ufeff"), label
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError as err:
        if not data[: err.start].isascii():
            raise DecodeFailure(err.start, "UTF-8") from None
    try:
        return data.decode("gb18030"), "GB18030"
    except UnicodeDecodeError as err:
        raise DecodeFailure(err.start, "UTF-8, GB18030") from None


def sniff_delimiter(text: str, suffix: str) -> str:
    """The delimiter that splits the sample's records into the most columns, consistently."""
    sample = text[:65536]
    best, best_score = "\t" if suffix == ".tsv" else ",", 0
    for delim in _DELIMITERS:
        counts = Counter(
            len(rec)
            for rec in _records(sample, delim, limit=_SAMPLE_RECORDS)
            if len(_keep(tuple(x or None for x in rec))) > 1
        )
        if not counts:
            continue
        width, times = counts.most_common(1)[0]
        score = width * times
        if score > best_score:
            best, best_score = delim, score
    return best


def _records(text: str, delim: str, *, limit: int | None = None) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    out: list[list[str]] = []
    try:
        for rec in reader:
            out.append(rec)
            if limit is not None and len(out) >= limit:
                break
    except csv.Error:
        pass
    return out


@dataclass(frozen=True)
class OpenQuote:
    """A quote that opens a cell and is never closed: the csv module (like Excel) reads every
    line after it, to the end of the file, into that one cell."""

    row: int  # the record the quote opened in, as a spreadsheet numbers it
    line: int  # the line of the file it is on
    column: int  # 1-based
    swallowed: int  # the lines with text that went into the cell after the quote's own

    def message(self) -> str:
        from openpyxl.utils import get_column_letter  # the letters a spreadsheet shows

        at = "" if self.line == self.row else t("import_quote_file_line", line=self.line)
        return tn(
            "import_unclosed_quote" if self.swallowed else "import_unclosed_quote_cells",
            self.swallowed,
            row=self.row,
            column=get_column_letter(self.column),
            at=at,
            swallowed=self.swallowed,
        )


def unclosed_quote(text: str, delim: str) -> OpenQuote | None:
    """The quote that opens a cell of ``text`` and is never closed, when lines with text follow
    it or its own line goes on past a delimiter (the cells after it merged into its cell); None
    when every quote closes (or an unclosed one only runs into the file's last line break,
    which loses nothing). Follows the csv module's reading: a quote opens a cell only as
    its first character, ``""`` inside quotes is one quote, and anything after a closing quote
    up to the delimiter belongs to the same cell. Jumps from quote to quote (no loop over
    every character): between them, every line break ends a record."""
    row, column, i = 1, 1, 0
    while (q := text.find('"', i)) >= 0:
        breaks = text.count("\n", i, q) + text.count("\r", i, q) - text.count("\r\n", i, q)
        if breaks:
            row += breaks
            column = 1 + text.count(delim, max(text.rfind("\n", i, q), text.rfind("\r", i, q)), q)
        else:
            column += text.count(delim, i, q)
        if q and text[q - 1] not in (delim, "\r", "\n"):
            i = q + 1  # a quote inside a cell is text
            continue
        end = q + 1
        while (end := text.find('"', end)) >= 0 and text.startswith('"', end + 1):
            end += 2  # "" inside quotes is one quote
        if end < 0:
            return _open_quote(text, q, row, column, delim)
        i = end + 1
    return None


def _open_quote(text: str, offset: int, row: int, column: int, delim: str) -> OpenQuote | None:
    lines = text[offset:].replace("\r\n", "\n").replace("\r", "\n").split("\n")
    swallowed = sum(1 for line in lines[1:] if line.strip())
    if not swallowed and delim not in lines[0]:
        return None  # the quote runs into the file's last line break: nothing is merged
    line = text.count("\n", 0, offset) + 1
    return OpenQuote(row, line, column, swallowed)


def read_text_table(path: Path, display: str, encoding: str | None) -> Table:
    data = path.read_bytes()
    try:
        text, used = decode(data, encoding)
    except DecodeFailure as err:
        line = data.count(b"\n", 0, err.offset) + 1
        raise FileProblem(
            error(
                RowRef(display, None, line),
                t(
                    "import_undecodable",
                    offset=err.offset,
                    byte=f"0x{data[err.offset]:02X}",
                    tried=err.tried,
                ),
            )
        ) from None
    if encoding is None and used == "GB18030" and (odd := limits.implausible(text)):
        raise FileProblem(
            error(RowRef(display, None, 0), t("import_implausible", rare=odd[0], total=odd[1]))
        )
    delim = sniff_delimiter(text, path.suffix.lower())
    rows: list[Row] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    number = 0
    try:
        for rec in reader:
            number += 1
            cells = _keep(tuple(None if _blank(x) else x for x in rec))
            if cells:
                rows.append((number, cells))
    except csv.Error as err:
        raise FileProblem(
            error(RowRef(display, None, number + 1), t("import_bad_csv", detail=str(err)))
        ) from None
    if (quote := unclosed_quote(text, delim)) is not None:
        raise FileProblem(error(RowRef(display, None, quote.row), quote.message()))
    table = Table(display, None, rows, None, used, delimiter=delim)
    table.notes.append(t("import_encoding_used", file=display, encoding=used))
    return table


# --- workbooks -------------------------------------------------------------------------------

_MERGE_RE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+[0-9]+:[A-Z]+[0-9]+)"')


def _sheet_merges(path: Path, sheet_xml: str | None) -> list[Merge] | None:
    """The merged ranges of a sheet, read from its XML (read-only sheets do not expose them)."""
    if not sheet_xml:
        return None
    from openpyxl.utils.cell import range_boundaries

    merges: list[Merge] = []
    try:
        with zipfile.ZipFile(path) as archive, archive.open(sheet_xml) as src:
            tail = b""
            while chunk := src.read(1 << 20):
                buf = tail + chunk
                for m in _MERGE_RE.finditer(buf):
                    min_col, min_row, max_col, max_row = range_boundaries(m[1].decode("ascii"))
                    merges.append((min_row, min_col, max_row, max_col))
                tail = buf[-200:]
                # A match that straddled the cut was found whole in buf; drop repeats below.
    except Exception:  # a damaged archive or range: merges are a help, not a need
        return None
    return sorted(set(merges))


def _unreadable(display: str, sheet: str | None, row: int, err: BaseException) -> FileProblem:
    if isinstance(err, OSError):  # the file could not be read: the system's reason, in words
        detail = os_error_text(err)
    elif row == 0:  # not a workbook at all (not a zip, no workbook part): the clerk's words
        message = t("import_not_spreadsheet", kind="Excel (.xlsx)")
        return FileProblem(error(RowRef(display, sheet, row), message))
    else:
        detail = f"{type(err).__name__}: {err}" if str(err) else type(err).__name__
    return FileProblem(error(RowRef(display, sheet, row), t("import_bad_xlsx", detail=detail)))


def read_workbook(path: Path, display: str, sheet: str | None) -> list[Table]:
    """The sheets of a workbook. openpyxl parses a zip archive of XML that anyone may have
    damaged: whatever it raises while reading becomes one problem naming the file (and the
    sheet and row it got to), never a traceback."""
    import openpyxl

    if message := limits.unpacked_too_large(path):
        raise FileProblem(error(RowRef(display, None, 0), message))
    try:
        wb: Any = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as err:  # any failure of the third-party parser on a damaged file
        raise _unreadable(display, None, 0, err) from None
    try:
        names = list(wb.sheetnames)
        if sheet is not None:
            if sheet not in names:
                raise FileProblem(
                    error(
                        RowRef(display, None, 0),
                        t("import_no_sheet", sheet=sheet, sheets=t("list_sep").join(names)),
                    )
                )
            names = [sheet]
        tables: list[Table] = []
        for name in names:
            rows: list[Row] = []
            number = 0
            try:
                ws = wb[name]
                if not hasattr(ws, "iter_rows"):
                    continue  # a chart sheet
                scan = limits.scan_sheet(path, ws._worksheet_path)
                if message := limits.sheet_out_of_bounds(scan):
                    raise FileProblem(error(RowRef(display, name, 0), message))
                hidden = sheet is None and getattr(ws, "sheet_state", "visible") != "visible"
                ws.reset_dimensions()  # never trust the stored size
                for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
                    cells = _keep(tuple(values))
                    if scan.uncached:
                        cells = _mark_uncached(number, cells, scan.uncached)
                    if cells:
                        rows.append((number, cells))
            except FileProblem:
                raise
            except Exception as err:  # see the docstring
                raise _unreadable(display, name, number + 1, err) from None
            merges = _sheet_merges(path, getattr(ws, "_worksheet_path", None))
            runs = [(r, r) for r in scan.hidden]  # HiddenRows sorts them
            tables.append(
                Table(display, name, rows, merges, hidden_rows=HiddenRows(runs), hidden=hidden)
            )
        return tables
    finally:
        with contextlib.suppress(Exception):
            wb.close()


def _mark_uncached(
    number: int, cells: tuple[Cell, ...], uncached: set[tuple[int, int]]
) -> tuple[Cell, ...]:
    """``cells`` of row ``number`` with each formula cell that has no value marked as such."""
    width = max((c for r, c in uncached if r == number), default=0)
    if not width:
        return cells
    out = list(cells) + [None] * max(0, width - len(cells))
    for col in range(width):
        if (number, col + 1) in uncached and out[col] is None:
            out[col] = UNCACHED_FORMULA
    return tuple(out)


class FileProblem(Exception):
    """A file that cannot be read at all: its one problem (``importers.files.read_tables``)."""

    def __init__(self, problem: ImportProblem) -> None:
        super().__init__(problem.message)
        self.problem = problem
