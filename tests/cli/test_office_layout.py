"""The office files as a clerk prints them, read back with python-docx and openpyxl: a 附件
title broken before its brackets, the hanging indents of 附件说明 and 抄送 (GB/T 9704 7.3.6,
7.4.2), the 发文字号 left blank without ``--number``, a workbook's empty table saying “（无）”,
a name set in from the rank beside it, and a workbook statement titled with the point's name."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.shared import Pt
from openpyxl import load_workbook

from tests.support.cli import LineRunner, run_cli
from tests.support.notices import GROUP
from tests.support.paths import SAMPLE

pytestmark = GROUP

BLANK = "\u3000\u3000"  # the number a draft leaves to be written in
RANKING = "2003年第三季度信息直报点得分排名"
BRACKETS = "（本期、累计）"


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory, sample_reports: dict[str, Any]) -> Path:
    """The Q3 notice without --number, the second half's tables (its 零报送零采用 empty), the
    year's ranking and the year's statements as workbooks, made once; the sample's year
    notice (no --number either) is sample_reports'."""
    folder = tmp_path_factory.mktemp("office") / "data"
    shutil.copytree(SAMPLE, folder)
    out = tmp_path_factory.mktemp("out")
    mp = pytest.MonkeyPatch()
    mp.setenv("GOVINFO_TODAY", "2004-01-15")
    runner = LineRunner()
    try:
        for args in (
            ("report", "2003Q3", "--out", str(out / "q3.docx"), "--date", "2004-01-10"),
            ("report", "2003H2", "--out", str(out / "h2.xlsx")),
            ("report", "2003H2", "--out", str(out / "h2.md")),
            ("score", "2003", "--out", str(out / "score.xlsx")),
            ("report", "2003", "--statements", str(out / "st"), "--statement-format", "xlsx"),
        ):
            code, _, err = run_cli(runner, folder, *args)
            assert code == 0, (args, err)
    finally:
        mp.undo()
    shutil.copy(sample_reports["out"] / "y.docx", out / "y.docx")
    return out


def _width(text: str, size: float) -> float:
    """``text`` as the notice sets it: a Chinese character an em, a digit half, each 三号 one
    condensed by 0.25 pt."""
    condense = 0.25 if size == 16 else 0.0
    return sum((size / 2 if ch.isascii() else size) - condense for ch in text)


def test_an_attachment_title_breaks_before_its_brackets(out: Path) -> None:
    doc = Document(str(out / "q3.docx"))
    texts = [p.text for p in doc.paragraphs]
    # above 附件1, in 二号: too long for a line, broken before the brackets (a line break)
    assert f"{RANKING}\n{BRACKETS}" in texts
    # in 附件说明, too long for the line after “附件：1．”: the same
    note = next(p for p in doc.paragraphs if p.text.startswith("附件：1．"))
    assert note.text == f"附件：1．{RANKING}\n{BRACKETS}"
    for text in texts:  # nowhere broken inside the brackets
        assert not re.search(r"（[^）]*\n", text), text


def test_attachment_note_goes_on_under_the_names_first_character(out: Path) -> None:
    doc = Document(str(out / "q3.docx"))
    items = [p for p in doc.paragraphs if re.match(r"(附件：)?[123]．", p.text)]
    assert len(items) == 3
    name_at = 32 + _width("附件：1．", 16)  # 左空二字, then the label and the number
    for n, p in enumerate(items, 1):
        pf = p.paragraph_format
        assert pf.left_indent.pt == pytest.approx(name_at, abs=0.1)  # later lines: the name's
        starts = 32 if n == 1 else 32 + _width("附件：", 16)  # 2．under 1．
        first = pf.left_indent.pt + pf.first_line_indent.pt
        assert first == pytest.approx(starts, abs=0.1)
    xml = items[0]._p.xml
    assert "w:firstLineChars" not in xml  # no character indent that would outrank the hanging


def test_copy_to_goes_on_after_its_colon(out: Path) -> None:
    doc = Document(str(out / "y.docx"))
    footer = doc.sections[-1].footer
    cell = footer.tables[0].rows[0].cells[0].paragraphs[0]
    assert cell.text.startswith("抄送：省委办公厅，")
    pf = cell.paragraph_format
    # a character in from the edge, the later lines after “抄送：” (四号, 14 pt)
    assert pf.left_indent.pt == pytest.approx(14 + 3 * 14)
    assert pf.first_line_indent.pt == pytest.approx(-3 * 14)
    printed = footer.tables[0].rows[1].cells[0].paragraphs[0]
    assert printed.paragraph_format.first_line_indent is None
    assert printed.paragraph_format.left_indent == Pt(14)


def test_without_number_the_document_number_is_left_blank(out: Path) -> None:
    texts = [p.text for p in Document(str(out / "q3.docx")).paragraphs]
    # the year of issue (--date 2004-01-10), the number to be written in by hand
    assert f"吉政办函〔2004〕{BLANK}号" in texts
    texts = [p.text for p in Document(str(out / "y.docx")).paragraphs]
    assert f"吉政办函〔2004〕{BLANK}号" in texts  # dated the day it is written, 2004-01-15


def test_an_empty_table_says_none_across_its_width(out: Path) -> None:
    ws = load_workbook(out / "h2.xlsx")["零报送零采用"]
    assert [c.value for c in ws[2]] == ["直报点", "分组", "本期报送", "本期采用", "情况"]
    assert ws["A3"].value == "（无）"
    assert "A3:E3" in {str(r) for r in ws.merged_cells.ranges}
    assert ws["A3"].alignment.horizontal == "center"
    assert ws["A3"].border.left.style == "thin"  # framed as a row of the table
    assert ws["A5"].value.startswith("本期没有报送信息")  # the note under it, a row apart
    md = (out / "h2.md").read_text(encoding="utf-8")
    section = md.split("零报送·零采用单位", 1)[1].split("\n## ", 1)[0]
    assert "（无）" in section


def test_a_name_is_set_in_from_the_rank_beside_it(out: Path) -> None:
    ws = load_workbook(out / "score.xlsx").active
    headers = [c.value for c in ws[2]]
    assert headers[:2] == ["名次", "直报点"]
    rank, name = ws["A3"], ws["B3"]
    assert (rank.value, name.value) == (1, "长春")
    assert name.alignment.horizontal == "left"
    assert name.alignment.indent == 1
    assert rank.alignment.indent == 0
    status = ws.cell(row=3, column=headers.index("状态") + 1)  # after 扣分, a number too
    assert status.alignment.indent == 1
    kind = ws.cell(row=3, column=headers.index("类别") + 1)  # after a text: as it was
    assert kind.alignment.indent == 0


def test_a_workbook_statement_names_the_point_not_its_id(out: Path) -> None:
    ws = load_workbook(out / "st" / "01-长春.xlsx").active
    assert ws["A1"].value == "长春市人民政府办公厅2003年度政务信息得分明细"
    for f in (out / "st").glob("*.xlsx"):
        title = load_workbook(f).active["A1"].value
        assert not re.search("[a-z]", title), (f.name, title)
