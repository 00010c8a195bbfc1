"""The 通报's and statements' table cells written fast (a copy of the first cell's paragraph
with its own text) are the very XML python-docx writes for them, line breaks included."""

from __future__ import annotations

import pytest
from docx import Document
from lxml import etree

from govinfo.render.docxtable import _CellWriter, _set_cell


def _xml(element: object) -> bytes:
    return etree.tostring(element)


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
@pytest.mark.parametrize(("right", "bold"), [(False, False), (True, False), (False, True)])
def test_a_cell_written_fast_is_the_cell_python_docx_writes(
    text: str, right: bool, bold: bool
) -> None:
    doc = Document()
    table = doc.add_table(rows=3, cols=1)
    first, fast, slow = (row.cells[0] for row in table.rows)
    writer = _CellWriter()
    writer.write(table, first._tc, "第一格", right=right, bold=bold)  # the paragraph copied
    writer.write(table, fast._tc, text, right=right, bold=bold)
    _set_cell(slow, text, right=right, bold=bold)
    assert _xml(fast._tc.p_lst[0]) == _xml(slow._tc.p_lst[0])
    assert fast.text == text
