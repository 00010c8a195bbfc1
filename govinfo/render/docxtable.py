"""Tables in a GB/T 9704 Word document (:mod:`govinfo.render.docx`'s page): a
:class:`~govinfo.render.table.Table` as a real Word table — header row repeated on every page,
numbers right-aligned, 合计 row in 黑体, column widths filling the 版心 without wrapping a number,
date or id.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from typing import Any, cast

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import _Cell

from govinfo.render.docx import (
    BODY_FONT,
    HEI,
    LEFT_MM,
    PAGE_WIDTH_MM,
    RIGHT_MM,
    SIZE_TABLE,
    _empty_document,
    add_run,
    char_width,
    no_snap,
)
from govinfo.render.table import Table, display_rows


def _set_cell(cell: Any, text: str, *, right: bool, bold: bool = False) -> None:
    p = cell.paragraphs[0]
    p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    p.paragraph_format.space_before = Pt(0)
    p.paragraph_format.space_after = Pt(0)
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT if right else WD_ALIGN_PARAGRAPH.LEFT
    no_snap(p)
    add_run(p, text, size=SIZE_TABLE, bold=bold, font=HEI if bold else BODY_FONT)


def _repeat_header(tr: Any) -> None:
    tr_pr = tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


_WORD = re.compile(r"[\x21-\x7e]+")
_PAIRS = re.compile("(?:[\u4e00-\u9fa5]{2})+")  # a header of two-character words: 本期得分
_PAD = 15.0  # a cell's left and right margins and a little air, in points


def header_text(header: str, width: Any) -> str:
    """``header`` as its cell shows it in a column ``width`` wide: broken between its
    two-character words where the column is narrower than the whole (``本期/得分``) — Word
    would break it inside one (``本期得/分``)."""
    room = (width.pt - _PAD) / SIZE_TABLE.pt  # characters a line
    if char_width(header) <= room or not _PAIRS.fullmatch(header):
        return header
    per = max(2, int(room) // 2 * 2)
    return "\n".join(header[i : i + per] for i in range(0, len(header), per))


def column_widths(table: Table, rows: Sequence[Sequence[str]]) -> list[Any]:
    """Widths filling the 版心: a numeric or short column (a number, a date, an id) as wide as
    its widest cell, so that it is never wrapped — a short text column only while the numbers
    keep room (a department's full name wraps before a total does); the text columns share what is left equally,
    each at least as wide as its longest unbreakable word (an id above a title). Headers may
    wrap at 2 characters."""
    cell_pt = SIZE_TABLE.pt
    pad = _PAD
    total = Mm(PAGE_WIDTH_MM - LEFT_MM - RIGHT_MM).pt
    need, least = [], []
    for i, col in enumerate(table.columns):
        texts = [r[i] for r in rows]
        longest = max((char_width(line) for x in texts for line in x.split("\n")), default=0.0)
        need.append(max(longest, min(char_width(col.header), 2.0)) * cell_pt + pad)
        words = [w for x in texts for w in _WORD.findall(x)]
        least.append(max((char_width(w) for w in words), default=2.0) * cell_pt + pad)
    fixed_cols = {
        i for i, col in enumerate(table.columns) if col.numeric or need[i] <= 12 * cell_pt + pad
    }
    if sum(need[i] for i in fixed_cols) > total:  # the short texts wrap, so that no number does
        fixed_cols = {i for i, col in enumerate(table.columns) if col.numeric}
    flexible = [i for i in range(len(need)) if i not in fixed_cols]
    widths = [need[i] if i in fixed_cols else 0.0 for i in range(len(need))]
    rest = total - sum(widths)
    # Give each text column its least width, then share the rest equally, never more than it needs.
    for i in flexible:
        widths[i] = least[i]
    rest -= sum(least[i] for i in flexible)
    open_cols = [i for i in flexible if widths[i] < need[i]]
    while rest > 0.5 and open_cols:
        each = rest / len(open_cols)
        for i in list(open_cols):
            grow = min(each, need[i] - widths[i])
            widths[i] += grow
            rest -= grow
            if widths[i] >= need[i] - 0.01:
                open_cols.remove(i)
    if rest > 0.5 and flexible:  # every text column fits: widen them evenly to the full width
        for i in flexible:
            widths[i] += rest / len(flexible)
    scale = min(1.0, total / sum(widths))
    return [Pt(w * scale) for w in widths]


def add_table(doc: Any, table: Table) -> Any:
    """``table`` as a Word table: the header row repeated on every page, numeric columns
    right-aligned (cells as every table shows them: scores with 2 decimals), the 合计 row last
    in 黑体."""
    rows = display_rows(table)
    t = doc.add_table(rows=2, cols=len(table.columns))  # the header, and an empty row to copy
    t.style = _table_grid(doc)
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    widths = column_widths(table, rows)
    for grid_col, w in zip(t._tbl.tblGrid.gridCol_lst, widths, strict=True):
        grid_col.w = w
    header, blank = t._tbl.tr_lst
    _repeat_header(header)
    for tr in (header, blank):
        for tc, w in zip(tr.tc_lst, widths, strict=True):
            tc.width = w
        # A row never breaks across pages: a clerk reads a point's figures on one line.
        tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    for tc, col, width in zip(header.tc_lst, table.columns, widths, strict=True):
        text = header_text(col.header, width)
        tc.replace(tc.find(_P), _paragraph(text, right=False, bold=True, center=True))
    t._tbl.remove(blank)
    total_at = len(rows) - 1 if table.total is not None else -1
    for i, texts in enumerate(rows):
        tr = copy.deepcopy(blank)
        t._tbl.append(tr)
        for tc, text, col in zip(tr.tc_lst, texts, table.columns, strict=True):
            tc.replace(tc.find(_P), _paragraph(text, right=col.numeric, bold=i == total_at))
    return t


def _table_grid(doc: Any) -> Any:
    """The document's "Table Grid" style — in every Word, under an id of its own (a template
    made by Chinese Word: ``a3``) — or, where a template has none, python-docx's own copied
    in: without it, the table would have no borders (and python-docx failed on the name)."""
    try:
        return doc.styles["Table Grid"]
    except KeyError:
        grid = _empty_document().styles["Table Grid"].element  # read only: a copy goes in
        doc.styles.element.append(copy.deepcopy(grid))
        return doc.styles["Table Grid"]


def _paragraph(text: str, *, right: bool, bold: bool, center: bool = False) -> Any:
    """A cell's paragraph as :func:`_set_cell` writes it, fast: a copy of one it wrote for
    a cell of the same kind, with ``text`` in its run — the same XML, without python-docx's
    property-by-property work (13,000 cells took 6 s for a year's statements). A line break
    is written as python-docx writes it (``<w:t>`` lines between ``<w:br/>``, as an id above
    a title in the statements). A text that XML would need to treat specially (empty, an
    empty line, spaces at a line's ends, tabs) is always written by :func:`_set_cell`."""
    lines = text.split("\n")
    if "\t" in text or "\r" in text or not all(x and x == x.strip() for x in lines):
        return _written(text, right=right, bold=bold, center=center)
    key = (right, bold, center)
    if key not in _WRITTEN:
        _WRITTEN[key] = _written("0", right=right, bold=bold, center=center)
    p = copy.deepcopy(_WRITTEN[key])
    run = p.find(_R)
    run.find(_T).text = lines[0]
    for line in lines[1:]:
        run.append(OxmlElement("w:br"))
        t = OxmlElement("w:t")
        t.text = line
        run.append(t)
    return p


def _written(text: str, *, right: bool, bold: bool, center: bool) -> Any:
    """The paragraph :func:`_set_cell` writes into an empty cell."""
    tc = OxmlElement("w:tc")
    tc.append(OxmlElement("w:p"))
    _set_cell(_Cell(tc, cast(Any, None)), text, right=right, bold=bold)  # needs no table
    if center:
        tc.find(_P).get_or_add_pPr().jc_val = WD_ALIGN_PARAGRAPH.CENTER
    return tc.find(_P)


_WRITTEN: dict[tuple[bool, bool, bool], Any] = {}  # never in a document: only copies are
_P, _R, _T = qn("w:p"), qn("w:r"), qn("w:t")
