"""Every workbook govinfo writes prints cleanly: A4, 宋体, thin borders, a centred title, page
numbers in the footer, the header rows on every page, statuses in the terminal's colours, fitted
to the page's width. The files are written by the CLI and opened with openpyxl."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from govinfo.render.printsetup import FONT, STYLE_COLOURS
from tests.support.cli import run_cli
from tests.support.folders import copy_fixture


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return copy_fixture("scoring", tmp_path)


@pytest.mark.parametrize(("lang", "footer"), [("zh", "第 &P 页 共 &N 页"), ("en", "Page &P of &N")])
def test_report_workbook_is_print_ready(
    runner: CliRunner, data: Path, tmp_path: Path, lang: str, footer: str
) -> None:
    out = tmp_path / "年报.xlsx"
    code, _, err = run_cli(runner, data, "--lang", lang, "report", "2003", "--out", str(out))
    assert code == 0, err
    wb = load_workbook(out)
    for ws in wb.worksheets:
        assert int(ws.page_setup.paperSize) == 9, ws.title  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.page_setup.fitToWidth == 1
        assert ws.page_setup.fitToHeight == 0
        assert ws.print_title_rows == "$1:$2"
        assert ws.oddFooter.center.text == footer
        title = ws.cell(row=1, column=1)
        assert title.alignment.horizontal == "center"
        assert title.font.name == FONT
        assert title.font.bold
        header = ws.cell(row=2, column=1)
        assert header.font.name == FONT
        assert header.font.bold
        assert header.border.bottom.style == "thin"
        last_col = ws.max_column
        body = ws.cell(row=3, column=last_col)
        if body.value is not None:
            assert body.font.name == FONT
            assert {body.border.left.style, body.border.right.style} == {"thin"}


def test_statuses_are_coloured_as_on_the_terminal(
    runner: CliRunner, data: Path, tmp_path: Path
) -> None:
    out = tmp_path / "年报.xlsx"
    code, _, err = run_cli(runner, data, "report", "2003", "--out", str(out))
    assert code == 0, err
    ws = load_workbook(out).worksheets[0]  # the ranking: commended green, disqualified red
    headers = [c.value for c in ws[2]]
    status_col = headers.index("状态") + 1
    colours: dict[str, set[str]] = {}
    for row in range(3, ws.max_row + 1):
        cell = ws.cell(row=row, column=status_col)
        if isinstance(cell.value, str) and cell.font.color is not None:
            colours.setdefault(cell.value, set()).add(str(cell.font.color.rgb)[-6:])
    assert colours["优秀"] == {STYLE_COLOURS["good"]}
    assert colours["取消资格"] == {STYLE_COLOURS["bad"]}


def test_long_texts_wrap_in_a_column_of_their_own_width(runner: CliRunner, tmp_path: Path) -> None:
    """A column of long texts (the year's issue numbers, a finding's detail) is at most
    WRAP_WIDTH wide and wraps, its rows as tall as their text (no spreadsheet grows them on
    opening), every body cell reading from its top; a note spans the table and wraps — so
    that nothing runs off the printed page or shrinks the sheet to a few points."""
    from govinfo.render.export import WRAP_WIDTH
    from tests.support.paths import SAMPLE

    out = tmp_path / "年报.xlsx"
    code, _, err = run_cli(runner, SAMPLE, "report", "2003", "--out", str(out))
    assert code == 0, err
    ws = load_workbook(out)["刊物采用"]
    headers = [c.value for c in ws[2]]
    col = headers.index("刊载期号") + 1  # a year: its figures once, no 本期
    letter = ws.cell(row=2, column=col).column_letter
    assert ws.column_dimensions[letter].width == WRAP_WIDTH
    longest = max(range(3, ws.max_row), key=lambda r: len(str(ws.cell(r, col).value or "")))
    assert ws.cell(longest, col).alignment.wrap_text
    assert ws.cell(longest, 1).alignment.vertical == "top"
    assert ws.row_dimensions[longest].height > 3 * 15
    note = next(r for r in range(3, ws.max_row + 1) if ws.cell(r, 1).font.italic)
    assert ws.cell(note, 1).alignment.wrap_text
    assert any(str(m).startswith(f"A{note}:") for m in ws.merged_cells.ranges)
    assert all(d.width <= WRAP_WIDTH for d in ws.column_dimensions.values())
