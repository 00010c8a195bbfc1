"""SpreadsheetML 2003 (the XML that Excel 2003 and web systems save as "xls") → tables, through
``xml.etree`` after refusing any DTD, so no entity is ever expanded. Rows the sheet hides
(``ss:Hidden``) and a hidden sheet (``x:Visible``) are said, as for XLSX."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from pathlib import Path
from xml.etree import ElementTree as ET

from govinfo.i18n import t
from govinfo.importers.oldcells import grid_rows, span, unreadable
from govinfo.importers.tables import UNCACHED_FORMULA, Cell, HiddenRows, Merge, Table

SPREADSHEETML_NS = "urn:schemas-microsoft-com:office:spreadsheet"
_SS = "{" + SPREADSHEETML_NS + "}"
_X = "{urn:schemas-microsoft-com:office:excel}"  # Excel's own options: a sheet's Visible
_TIME_ONLY_DAY = dt.date(1899, 12, 31)


def read_spreadsheetml(path: Path, display: str) -> list[Table]:
    data = path.read_bytes()
    if re.search(rb"<!(DOCTYPE|ENTITY)", data, re.IGNORECASE) or re.search(
        rb"<\x00!\x00(D\x00O\x00C|E\x00N\x00T)", data, re.IGNORECASE
    ):
        raise unreadable(display, "SpreadsheetML", t("import_xml_dtd"))
    try:
        root = ET.fromstring(data)
    except ET.ParseError as err:
        raise unreadable(display, "SpreadsheetML", err) from None
    tables: list[Table] = []
    for ws in root.iter(_SS + "Worksheet"):
        name = ws.get(_SS + "Name")
        grid: list[list[Cell]] = []
        merges: list[Merge] = []
        hidden: list[tuple[int, int]] = []
        for element in ws.iter(_SS + "Row"):
            index = element.get(_SS + "Index")
            if index and index.isdigit():
                while len(grid) < int(index) - 1:
                    grid.append([])
            if element.get(_SS + "Hidden") in ("1", "true"):
                hidden.append((len(grid) + 1, len(grid) + 1))
            row: list[Cell] = []
            for cell in element.iter(_SS + "Cell"):
                at = cell.get(_SS + "Index")
                if at and at.isdigit():
                    while len(row) < int(at) - 1:
                        row.append(None)
                value = _ss_value(cell)
                across = span(cell.get(_SS + "MergeAcross"), least=0)
                down = span(cell.get(_SS + "MergeDown"), least=0)
                if across > 0 or down > 0:
                    r, c = len(grid) + 1, len(row) + 1
                    merges.append((r, c, r + down, c + across))
                row.append(value)
                row.extend([None] * across)
            grid.append(row)
        shown = ws.findtext(f"{_X}WorksheetOptions/{_X}Visible")
        concealed = shown is not None and shown.strip() in ("SheetHidden", "SheetVeryHidden")
        rows = HiddenRows(hidden)
        tables.append(
            Table(display, name, grid_rows(grid), merges, hidden_rows=rows, hidden=concealed)
        )
    if not tables:
        raise unreadable(display, "SpreadsheetML", t("import_html_no_table"))
    return tables


def _ss_value(cell: ET.Element) -> Cell:
    data = cell.find(_SS + "Data")
    if data is None:
        # a formula saved without its value: Excel shows one, and the file does not hold it
        return UNCACHED_FORMULA if cell.get(_SS + "Formula") else None
    text = "".join(data.itertext()).strip()
    kind = data.get(_SS + "Type", "String")
    if not text:
        return None
    if kind == "Number":
        with contextlib.suppress(ValueError):
            number = float(text)
            return int(number) if number.is_integer() else text
    if kind == "DateTime":
        with contextlib.suppress(ValueError):
            moment = dt.datetime.fromisoformat(text)
            if moment.date() == _TIME_ONLY_DAY:  # a time cell: Excel writes it on day 0
                return moment.time()
            return moment.date() if moment.time() == dt.time() else moment
    return text
