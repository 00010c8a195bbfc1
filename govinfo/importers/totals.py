"""A totals row (合计, 总计, 小计, Total) at the foot of a 汇总表, or below each city's block.

Such a row is no record: its first cell (or its second, after a 序号) says what it is and
the others hold counts (``12``,
``3条``, or a SUM formula saved without its value). It is skipped with a note naming its row,
never silently. A row whose first cell says 合计 but that holds anything else — a date, a
category, a title — is read as a record, and its errors are reported as for any other row.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from govinfo.i18n import t
from govinfo.importers.problems import ImportProblem, warning
from govinfo.importers.tables import UNCACHED_FORMULA, Row, Table
from govinfo.importers.values import cell_text, fold_word

TOTALS = "totals"  # the kind of the note at a skipped totals row
TOTAL_WORDS = frozenset(
    {"合计", "總計", "合計", "总计", "小计", "小計", "共计", "共計", "总数", "總數"}
    | {"total", "totals", "subtotal", "grandtotal", "sum"}
)
# A count as a totals row writes it: 12, 12.5, 3条, 共3条, 85%.
_COUNT = re.compile(r"(?:共|计|計)?[+-]?\d+(?:\.\d+)?\s*(?:条|條|篇|件|项|項|个|個|份|次|家|期|%)?")


def rows_below(table: Table, first: int, notes: list[ImportProblem]) -> Iterator[Row]:
    """The rows of ``table`` from row number ``first`` on, but its totals rows: each of those
    is a note in ``notes``, naming its row."""
    for number, cells in table.rows:
        if number < first:
            continue
        word = totals_word(cells)
        if word is None:
            yield number, cells
        else:
            notes.append(warning(table.ref(number), t("import_totals_row", word=word), TOTALS))


def totals_word(cells: tuple[object, ...]) -> str | None:
    """The word (as written) when ``cells`` are a totals row: the first cell that holds
    anything — or the second, after a serial number (``5, 合计, …``: a 序号 column numbers its
    totals row too) — says 合计/总计/小计/共计/Total (a colon after it allowed), and every
    other cell is empty or a count. Else None."""
    filled = [c for c in cells if not (c is None or (isinstance(c, str) and not c.strip()))]
    lead = 1 if len(filled) > 1 and _is_count(filled[0]) else 0
    word = filled[lead] if filled else None
    if not isinstance(word, str):
        return None
    if fold_word(word).strip(":：") not in TOTAL_WORDS:
        return None
    return word.strip() if all(_is_count(c) for c in filled[lead + 1 :]) else None


def _is_count(value: object) -> bool:
    if value is UNCACHED_FORMULA:  # =SUM(…) or =COUNTA(…) saved without its value
        return True
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return True
    if not isinstance(value, str):
        return False  # a date, a time: a record's cell
    return _COUNT.fullmatch(unicodedata.normalize("NFKC", cell_text(value))) is not None
