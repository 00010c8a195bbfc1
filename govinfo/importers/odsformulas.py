"""The formula cells of an OpenDocument spreadsheet saved without their values.

python-calamine reads such a cell as empty, so a title that Calc or Excel shows would be
reported as "标题为空"; this reads ``content.xml`` (streamed, never expanded into a grid) for
the cells with a formula and no value type, so that the import can say what happened — and,
in the same pass, the rows a sheet hides, which calamine does not say either.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from govinfo.importers.tables import UNCACHED_FORMULA

_T = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_O = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_MOST = 10_000  # cells to remember: enough to name each one a clerk must fix


def _count(raw: str | None) -> int:
    return int(raw) if raw and raw.isdigit() else 1


def uncached_formulas(
    path: Path,
) -> tuple[dict[str, set[tuple[int, int]]], dict[str, list[tuple[int, int]]]]:
    """Sheet name → the (row, column), 1-based, of each formula cell without a value; and sheet
    name → the runs (first, last) of rows the sheet hides (``table:visibility`` collapsed, or
    filter: filtered out). Both empty when the file cannot be read this way (the cells are
    then just empty, and no row hidden, as before)."""
    found: dict[str, set[tuple[int, int]]] = {}
    hidden: dict[str, list[tuple[int, int]]] = {}
    cells: set[tuple[int, int]] = set()
    runs: list[tuple[int, int]] = []
    row = col = 0
    try:
        with zipfile.ZipFile(path) as archive, archive.open("content.xml") as src:
            for event, element in ET.iterparse(src, events=("start", "end")):
                tag = element.tag
                if event == "start":
                    if tag == _T + "table":
                        name = element.get(_T + "name") or ""
                        cells = found.setdefault(name, set())
                        runs = hidden.setdefault(name, [])
                        row = 0
                    elif tag == _T + "table-row":
                        col = 0
                    continue
                if tag in (_T + "table-cell", _T + "covered-table-cell"):
                    repeat = _count(element.get(_T + "number-columns-repeated"))
                    if (
                        element.get(_T + "formula")
                        and element.get(_O + "value-type") is None
                        and len(cells) < _MOST
                    ):
                        cells.update((row + 1, col + k + 1) for k in range(min(repeat, _MOST)))
                    col += repeat
                    element.clear()
                elif tag == _T + "table-row":
                    repeat = _count(element.get(_T + "number-rows-repeated"))
                    if element.get(_T + "visibility") in ("collapsed", "filter"):
                        runs.append((row + 1, row + repeat))
                    row += repeat
                    element.clear()
    except Exception:  # a damaged file: calamine has said so, or read what it could
        return {}, {}
    return found, hidden


def mark_uncached(grid: list[list[Any]], uncached: set[tuple[int, int]]) -> list[list[Any]]:
    """``grid`` (calamine's rows) with each formula cell saved without a value marked so."""
    for r, c in uncached:
        while len(grid) < r:
            grid.append([])
        row = grid[r - 1]
        row.extend([""] * (c - len(row)))
        if row[c - 1] in ("", None):
            row[c - 1] = UNCACHED_FORMULA
    return grid
