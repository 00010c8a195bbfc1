"""Merged cells below a sheet's header, read as the clerk sees them in Excel.

A 汇总表 merges one city's 报送单位 cell down over all its rows: Excel shows the name beside
every row, but the file keeps it only in the merge's top cell. A merge down one column carries
its value to every row of its range; a merge across columns is not carried (which of the
columns would the value belong to?), and a required cell it leaves empty says so.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

from govinfo.importers.tables import Merge, Table

# (row, 0-based column) → the value carried into that cell from the top of its merge
Carried = dict[tuple[int, int], object]


def carried_down(table: Table, data_from: int, columns: Iterable[int]) -> Carried:
    """The values vertical merges of one column carry into the empty cells of ``columns``
    (0-based) below their top cell, for merges that start at or below ``data_from`` (a merged
    header is the header's business). Overlapping merges (a damaged file) count once: the
    first by its top row. Costs the merges and the rows they cover, never their nominal span
    (``A2:A1048576`` over a 100-row sheet is 100 rows)."""
    if not table.merges:
        return {}
    wanted = set(columns)
    numbers = [number for number, _cells in table.rows]
    cells_at = dict(table.rows)
    out: Carried = {}
    reach: dict[int, int] = {}  # column → the last row an earlier merge of it covers
    for r1, c1, r2, c2 in sorted(table.merges, key=lambda m: (m[1], m[0])):
        col = c1 - 1
        if c1 != c2 or r2 <= r1 or r1 < data_from or col not in wanted:
            continue
        if r1 <= reach.get(col, 0):
            continue
        reach[col] = r2
        top = cells_at.get(r1, ())
        value = top[col] if col < len(top) else None
        if value is None:
            continue
        i = bisect_right(numbers, r1)
        while i < len(numbers) and numbers[i] <= r2:
            out[(numbers[i], col)] = value
            i += 1
    return out


def across_at(merges: list[Merge] | None, row: int, col: int) -> tuple[str, str] | None:
    """The merge across columns that covers cell (``row``, 0-based ``col``) without starting
    there, as (its range, its top-left cell) in the letters a spreadsheet shows; else None."""
    from openpyxl.utils import get_column_letter

    for r1, c1, r2, c2 in merges or ():
        if c1 < c2 and r1 <= row <= r2 and c1 <= col + 1 <= c2 and (row, col + 1) != (r1, c1):
            first = f"{get_column_letter(c1)}{r1}"
            return f"{first}:{get_column_letter(c2)}{r2}", first
    return None
