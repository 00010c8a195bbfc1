"""The office's older spreadsheets → the same :class:`Table` rows as CSV and XLSX.

The format is chosen by the file's first bytes, never its extension: Chinese web systems save
"xls" files that are really HTML tables or SpreadsheetML 2003 XML, and a clerk renames files.

- Excel 97–2003 (an OLE2 compound file) and OpenDocument (``.ods``, a zip whose ``mimetype``
  says so) through python-calamine, merged ranges included;
- HTML tables through the standard library's ``html.parser``, decoded by the page's own
  ``charset`` (GB18030 when it names none), each ``rowspan``/``colspan`` a merged range;
- SpreadsheetML 2003 through ``xml.etree`` after refusing any DTD, so no entity is ever expanded
  (``spreadsheetml``).

A hidden sheet is known for .xls, .ods (calamine names it) and SpreadsheetML; hidden rows for
.ods (``odsformulas``) and SpreadsheetML, not for .xls (calamine does not say) nor HTML.
"""

from __future__ import annotations

import codecs
import contextlib
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from govinfo.i18n import t
from govinfo.importers.limits import ZIP_ERRORS
from govinfo.importers.oldcells import grid_rows, span, unreadable
from govinfo.importers.problems import RowRef, error
from govinfo.importers.spreadsheetml import SPREADSHEETML_NS, read_spreadsheetml
from govinfo.importers.tables import (
    Cell,
    FileProblem,
    HiddenRows,
    Merge,
    Table,
    decode,
)

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_SNIFF_BYTES = 4096
_CHARSET_RE = re.compile(rb"""<meta[^>]*charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def sniff_format(path: Path) -> str | None:
    """``"xls"``, ``"ods"``, ``"zip"`` (another zip: an xlsx whatever its name), ``"html"`` or
    ``"spreadsheetml"`` by the file's first bytes; ``None`` for anything else (CSV, TSV)."""
    with path.open("rb") as src:
        head = src.read(_SNIFF_BYTES)
    if head.startswith(OLE2_MAGIC):
        return "xls"
    if head.startswith(b"PK\x03\x04"):
        # ODF stores an uncompressed "mimetype" member first; look it up properly all the same.
        with (
            contextlib.suppress(*ZIP_ERRORS),
            zipfile.ZipFile(path) as archive,
        ):
            if archive.read("mimetype").strip() == ODS_MIMETYPE:
                return "ods"
        return "zip"
    text = _ascii_view(head)
    if SPREADSHEETML_NS.encode() in text and b"<workbook" in text:
        return "spreadsheetml"
    if re.search(rb"<(html|table|!doctype\s+html)\b", text):
        return "html"
    return None


def _ascii_view(head: bytes) -> bytes:
    """The first bytes lower-cased with UTF-16 zero bytes dropped, for tag sniffing only."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        head = head[2:].replace(b"\x00", b"")
    return head.lower()


def read_old_format(
    kind: str, path: Path, display: str, sheet: str | None, encoding: str | None
) -> list[Table]:
    """The tables of a file whose :func:`sniff_format` is ``kind``. Raises
    :class:`FileProblem` for a file that cannot be read."""
    if kind in ("xls", "ods", "zip"):
        tables = _read_calamine(path, display, kind)
    elif kind == "html":
        tables = _read_html(path, display, encoding)
    else:
        tables = read_spreadsheetml(path, display)
    if sheet is None:
        return tables
    for index, table in enumerate(tables, start=1):
        if table.sheet == sheet or (kind == "html" and _table_number(sheet) == index):
            table.hidden = False  # chosen by name: the clerk knows it
            return [table]
    names = t("list_sep").join(str(tb.sheet) for tb in tables)
    raise FileProblem(
        error(RowRef(display, None, 0), t("import_no_sheet", sheet=sheet, sheets=names))
    )


def _table_number(sheet: str) -> int | None:
    """The number in ``--sheet 表2`` (``table2``, ``2``) for a page of several tables."""
    m = re.fullmatch(r"\s*(?:表|table)?\s*(\d+)\s*", sheet, re.IGNORECASE)
    return int(m[1]) if m else None


# --- Excel 97-2003 and OpenDocument ------------------------------------------------------------


def _read_calamine(path: Path, display: str, fmt: str) -> list[Table]:
    import python_calamine

    from govinfo.importers.odsformulas import mark_uncached, uncached_formulas

    uncached, hidden = uncached_formulas(path) if fmt == "ods" else ({}, {})

    kind = "Excel (.xls)" if path.suffix.lower() == ".xls" else "Excel/ODS"
    try:
        wb = python_calamine.CalamineWorkbook.from_path(str(path))
    except Exception as err:  # the third-party parser on a damaged file: one problem
        raise unreadable(display, kind, err) from None
    tables: list[Table] = []
    try:
        concealed = _hidden_sheets(wb)
        for name in wb.sheet_names:
            try:
                ws = wb.get_sheet_by_name(name)
                grid = mark_uncached(ws.to_python(skip_empty_area=False), uncached.get(name, set()))
                merges = _calamine_merges(ws)
            except Exception as err:  # see above
                raise unreadable(display, kind, err) from None
            rows = HiddenRows(hidden.get(name))
            tables.append(
                Table(
                    display,
                    name,
                    grid_rows(grid),
                    merges,
                    hidden_rows=rows,
                    hidden=name in concealed,
                )
            )
    finally:
        with contextlib.suppress(Exception):
            wb.close()
    return tables


def _hidden_sheets(wb: Any) -> set[str]:
    """The sheets a workbook hides (calamine says so of .xls and .ods alike; the rows an .xls
    hides it does not say)."""
    import python_calamine

    shown = python_calamine.SheetVisibleEnum.Visible
    try:
        return {m.name for m in wb.sheets_metadata if m.visible != shown}
    except Exception:  # a help, not a need
        return set()


def _calamine_merges(ws: Any) -> list[Merge] | None:
    ranges = getattr(ws, "merged_cell_ranges", None)
    if ranges is None:
        return None
    merges: list[Merge] = []
    for (r0, c0), (r1, c1) in ranges:  # 0-based, inclusive
        merges.append((r0 + 1, c0 + 1, r1 + 1, c1 + 1))
    return sorted(set(merges))


# --- HTML tables -------------------------------------------------------------------------------


class _Grid:
    """One ``<table>`` being read: its rows so far, merges, and the cell under way."""

    def __init__(self, index: int) -> None:
        self.index = index  # its place among the page's tables, by where it starts
        self.grid: list[list[Cell]] = []
        self.merges: list[Merge] = []
        self.pending: set[tuple[int, int]] = set()  # cells a rowspan reaches below its row
        self.row: list[Cell] | None = None
        self.text: list[str] | None = None
        self.span = (1, 1)

    def fill_pending(self) -> None:
        assert self.row is not None
        r = len(self.grid)
        while (r, len(self.row)) in self.pending:
            self.pending.discard((r, len(self.row)))
            self.row.append(None)

    def end_cell(self) -> None:
        if self.text is None or self.row is None:
            return
        value: Cell = _cell_text("".join(self.text)) or None
        self.text = None
        rowspan, colspan = self.span
        self.fill_pending()
        r, c = len(self.grid), len(self.row)
        self.row.append(value)
        self.row.extend([None] * (colspan - 1))
        self.pending.update((r + dr, c + dc) for dr in range(1, rowspan) for dc in range(colspan))
        if rowspan > 1 or colspan > 1:
            self.merges.append((r + 1, c + 1, r + rowspan, c + colspan))
        self.fill_pending()

    def end_row(self) -> None:
        if self.row is None:
            return
        self.fill_pending()
        self.grid.append(self.row)
        self.row = None


class _TableParser(HTMLParser):
    """The cells of every ``<table>`` on a full grid, with each rowspan and colspan a merge:
    its value in its top-left cell and the rest of its range empty, as Excel's own files keep
    a merge, so that the common path carries a merge down one column and names one across
    columns (``importers/merges.py``) whatever format the sheet came in.

    A table nested in another's cell (a web system's layout table around its export, a small
    table inside a title cell) is a table of its own, numbered by where it starts; the cell it
    sits in keeps only its own text. A ``<br>`` is a line break in the cell, as Alt+Enter is
    in Excel."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, list[list[Cell]], list[Merge]]] = []
        self._open: list[_Grid] = []  # the tables open, innermost last
        self._started = 0

    @property
    def tables(self) -> list[tuple[list[list[Cell]], list[Merge]]]:
        return [(grid, merges) for _i, grid, merges in sorted(self.found, key=lambda f: f[0])]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._started += 1
            self._open.append(_Grid(self._started))
            return
        if not self._open:
            return
        top = self._open[-1]
        if tag == "tr":
            top.end_cell()
            top.end_row()
            top.row = []
        elif tag in ("td", "th"):
            top.end_cell()
            if top.row is None:
                top.row = []
            values = dict(attrs)
            top.span = (span(values.get("rowspan")), span(values.get("colspan")))
            top.text = []
        elif tag == "br" and top.text is not None:
            top.text.append("\x00")

    def handle_endtag(self, tag: str) -> None:
        if not self._open:
            return
        top = self._open[-1]
        if tag == "table":
            top.end_cell()
            top.end_row()
            self.found.append((top.index, top.grid, top.merges))
            self._open.pop()
        elif tag in ("td", "th"):
            top.end_cell()
        elif tag == "tr":
            top.end_cell()
            top.end_row()

    def handle_data(self, data: str) -> None:
        if self._open and self._open[-1].text is not None:
            self._open[-1].text.append(data)

    def close(self) -> None:
        super().close()
        while self._open:  # a table never closed: what it holds so far
            self.handle_endtag("table")


_CJK = "[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff]"
_CJK_GAP = re.compile(rf"(?<={_CJK})\s+(?={_CJK})")


def _cell_text(raw: str) -> str:
    """A cell's text as a browser shows it, each run of spaces one space — except that a line
    break or ``&nbsp;`` of the page's source between two Chinese characters is no space at
    all (the page was wrapped there: 通化市秋冬季 森林防火部署 is one title); each ``<br>``
    (``\\x00`` here) a line break, which a one-line field reports as Excel's Alt+Enter is."""
    lines = []
    for line in raw.split("\x00"):
        line = _CJK_GAP.sub(lambda m: "" if re.search("[\r\n\xa0]", m[0]) else m[0], line)
        if words := " ".join(line.split()):
            lines.append(words)
    return "\n".join(lines)


def _html_text(data: bytes, encoding: str | None) -> tuple[str, str]:
    """The page as text: ``--encoding``, else a BOM, else its meta charset, else UTF-8 when
    the bytes are valid UTF-8, else GB18030."""
    if encoding:
        return decode(data, encoding)
    for bom in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        if data.startswith(bom):
            return decode(data)
    declared = _CHARSET_RE.search(data[:_SNIFF_BYTES])
    if declared is None:
        return decode(data)  # UTF-8 when it is valid, else GB18030
    name = declared[1].decode("ascii")
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        codec = "gb18030"
    if codec in ("gbk", "gb2312", "cp936", "hz"):
        codec = "gb18030"  # the superset: keeps characters such as 䶮 that GBK lacks
    return data.decode(codec), codec.upper().replace("_", "-")


def _read_html(path: Path, display: str, encoding: str | None) -> list[Table]:
    from govinfo.importers.tables import DecodeFailure

    data = path.read_bytes()
    try:
        text, used = _html_text(data, encoding)
    except (DecodeFailure, UnicodeDecodeError) as err:
        offset = err.offset if isinstance(err, DecodeFailure) else err.start
        raise unreadable(display, "HTML", t("import_html_undecodable", offset=offset)) from None
    parser = _TableParser()
    parser.feed(text)
    parser.close()
    if not parser.tables:
        raise unreadable(display, "HTML", t("import_html_no_table"))
    tables: list[Table] = []
    for index, (grid, merges) in enumerate(parser.tables, start=1):
        # several tables are named as sheets are (导出.xls:表2:5), never a bare number that
        # would read as line:column
        name = None if len(parser.tables) == 1 else t("import_html_table", n=index)
        table = Table(display, name, grid_rows(grid), merges, used, source="html")
        tables.append(table)
    tables[0].notes.append(t("import_encoding_used", file=display, encoding=used))
    return tables
