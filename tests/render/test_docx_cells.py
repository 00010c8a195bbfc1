"""The 通报's and statements' table cells written fast (a copy of a paragraph written once
for a cell of its kind, with its own text) are the very XML python-docx writes for them, line
breaks included."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.text.paragraph import Paragraph
from lxml import etree

from govinfo.render.docxtable import _paragraph, _set_cell
from tests.support.cli import compare_golden
from tests.support.paths import GOLDEN


def _xml(element: object) -> bytes:
    """The element's XML with only the namespaces it uses declared (a paragraph in a
    document has the document's in scope; in a document, all are declared at its root)."""
    return etree.tostring(element, method="c14n", exclusive=True)


@pytest.mark.parametrize(
    "text",
    [
        "长春市人民政府办公厅",
        "592.80",
        "changchun-2003-0001\n关于全市春耕生产情况的报告",
        "一\n二\n三",
        " 前有空格",
        "末行有空格\n尾 ",
        "空行\n\n之后",
        "制表\t符",
        "",
    ],
)
@pytest.mark.parametrize(
    ("right", "bold", "center"),
    [(False, False, False), (True, False, False), (False, True, False), (False, True, True)],
)
def test_a_cell_written_fast_is_the_cell_python_docx_writes(
    text: str, right: bool, bold: bool, center: bool
) -> None:
    doc = Document()
    slow = doc.add_table(rows=1, cols=1).cell(0, 0)
    _paragraph("第一格", right=right, bold=bold, center=center)  # the paragraph copied
    fast = _paragraph(text, right=right, bold=bold, center=center)
    _set_cell(slow, text, right=right, bold=bold)
    if center:  # a header's cell
        slow.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    assert _xml(fast) == _xml(slow._tc.p_lst[0])
    assert Paragraph(fast, None).text == text


def test_a_table_of_long_names_wraps_the_names_never_a_number() -> None:
    """附件1 of the departments: full names (short enough to count as short columns) and
    large totals do not fit the 版心 together; the names give way and wrap, every number
    column keeps the width of its widest figure (the 合计 row's 2201, -108.00)."""
    from decimal import Decimal

    from govinfo.render.columns import Column, ColumnKind
    from govinfo.render.docx import SIZE_TABLE, char_width
    from govinfo.render.docxtable import column_widths
    from govinfo.render.table import Table, display_rows

    columns = [
        Column("rank", "组内名次", ColumnKind.COUNT),
        Column("all", "全省名次", ColumnKind.COUNT),
        Column("point", "直报点"),
        *(Column(k, k, ColumnKind.COUNT) for k in ("报送", "采用", "国办采用", "批示", "调研")),
        Column("score", "得分", ColumnKind.SCORE),
        Column("ded", "扣分", ColumnKind.SCORE),
    ]
    rows = [
        [n, n, "吉林省劳动和社会保障厅", 111, 42, 0, 2, 16, Decimal("72.5"), -4] for n in (1, 2)
    ]
    table = Table(
        columns=columns,
        rows=rows,
        total=["", "", "合计", 2201, 633, 3, 36, 417, Decimal("1220.75"), Decimal("-108")],
    )
    shown = display_rows(table)
    widths = [w.pt for w in column_widths(table, shown)]
    for i, col in enumerate(columns):
        if col.numeric:
            widest = max(char_width(r[i]) for r in shown) * SIZE_TABLE.pt + 15  # + margins
            assert widths[i] >= widest - 0.01, (col.header, widths[i], widest)
    name = widths[2]
    assert name < char_width("吉林省劳动和社会保障厅") * SIZE_TABLE.pt  # the name wraps


def test_a_header_of_two_character_words_breaks_between_them() -> None:
    """A header narrower than its column's text breaks between its two-character words
    (本期/得分), never inside one as Word would (本期得/分); a header that fits, or that is
    not made of such words, is left to Word."""
    from docx.shared import Pt

    from govinfo.render.docx import SIZE_TABLE
    from govinfo.render.docxtable import header_text

    def chars(n: float) -> Pt:
        return Pt(n * SIZE_TABLE.pt + 15)

    assert header_text("本期得分", chars(3)) == "本期\n得分"
    assert header_text("本期得分", chars(2)) == "本期\n得分"
    assert header_text("本期得分", chars(4)) == "本期得分"
    assert header_text("累计国办采用", chars(4.5)) == "累计国办\n采用"
    assert header_text("直报点", chars(2)) == "直报点"  # three characters: Word's own breaks
    assert header_text("score (to date)", chars(3)) == "score (to date)"


def _small_table_document_xml() -> str:
    """``word/document.xml`` of a new document holding one small table: a header that wraps,
    plain, multi-line and special cells (empty, tab, spaces at an end), a 合计 row."""
    from decimal import Decimal

    from govinfo.render.columns import Column, ColumnKind
    from govinfo.render.docx import new_document
    from govinfo.render.docxfile import document_bytes
    from govinfo.render.docxtable import add_table
    from govinfo.render.table import Table

    columns = [
        Column("point", "直报点"),
        Column("item", "信息"),
        Column("score", "本期得分累计得分", ColumnKind.SCORE),
    ]
    rows = [
        ["长春", "changchun-2003-0001\n关于全市春耕生产情况的报告", Decimal("12.5")],
        ["通化", "", Decimal("-1")],
        ["省物价局", "制表\t符", Decimal("0")],
        ["延边州", " 前有空格", Decimal("3.25")],
    ]
    table = Table(columns=columns, rows=rows, total=["合计", "", Decimal("14.75")])
    doc = new_document()
    add_table(doc, table)
    data = document_bytes(doc, "表")
    return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")


def test_a_table_s_xml_is_the_one_kept() -> None:
    """The XML of a Word table, byte for byte, as python-docx wrote it cell by cell before the
    cells were copied (the golden was checked against that code): a change to it is a change
    of every 通报 and statement, made on purpose (``GOVINFO_UPDATE_GOLDEN=1``)."""
    compare_golden(GOLDEN / "docx" / "small-table-document.xml", _small_table_document_xml())
