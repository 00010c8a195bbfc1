"""Cells an import must refuse rather than misread: a CSV quote that is never closed, a line
break in a one-line cell (CSV or XLSX)."""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from govinfo.i18n import get_lang, set_lang
from govinfo.importers.tables import unclosed_quote
from tests.support.cli import run_cli as run
from tests.support.gitrepo import commits, git

HEAD = "报送单位,报送日期,标题,类别,审核人\n"


def untouched(folder: Path, before: int) -> None:
    assert commits(folder) == before
    assert git(folder, "status", "--porcelain", "--untracked-files=all") == ""


@pytest.mark.parametrize(
    ("after", "zh", "en"),
    [
        (2, "其后 2 行都被并进了这一格", "so the 2 lines after it were read into that one cell"),
        (1, "其后 1 行都被并进了这一格", "so the line after it was read into that one cell"),
    ],
)
def test_unclosed_quote_refuses_and_names_where_it_opened(
    folder: Path, tmp_path: Path, runner: CliRunner, after: int, zh: str, en: str
) -> None:
    batch = tmp_path / "q.csv"
    rows = [
        "四平,2003-08-23,四平市引号测试二,综合,王\n",
        "四平,2003-08-24,四平市引号测试三,综合,王\n",
    ]
    batch.write_text(
        HEAD + '长春,2003-08-22,长春市引号测试一,综合,"王\n' + "".join(rows[:after]),
        encoding="utf-8",
    )
    before = commits(folder)
    code, out, err = run(runner, folder, "import", str(batch))
    assert code == 1, out + err
    assert "q.csv:2: error: 引号没有闭合：第 2 行 E 列" in out
    assert zh in out
    assert "未写入任何内容" in err
    untouched(folder, before)

    code, out, _err = run(runner, folder, "--lang", "en", "import", "--dry-run", str(batch))
    assert code == 1
    assert "q.csv:2: error: unclosed quote: the cell in row 2, column E opens with a quote" in out
    assert en in out


def test_unclosed_quote_in_the_title_is_the_reason_given(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    batch = tmp_path / "t.csv"
    batch.write_text(
        HEAD
        + '长春,2003-08-22,"长春市引号测试一,综合,王\n四平,2003-08-23,四平市引号测试二,综合,王\n',
        encoding="utf-8",
    )
    code, out, _err = run(runner, folder, "import", str(batch))
    assert code == 1
    assert "t.csv:2: error: 引号没有闭合：第 2 行 C 列" in out
    assert "为空" not in out


def test_quote_closed_rows_later_is_a_line_break_in_a_one_line_cell(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    # The title's quote is closed only by the stray quote of the next row's reviewer: the csv
    # module reads both rows as one, with a line break inside the title.
    batch = tmp_path / "c.csv"
    batch.write_text(
        HEAD + '长春,2003-08-22,"长春市引号测试一,综合,王\n'
        '四平,2003-08-23,四平市引号测试二,综合,"王\n'
        "长春,2003-08-24,长春市引号测试三,综合,王\n",
        encoding="utf-8",
    )
    before = commits(folder)
    code, out, _err = run(runner, folder, "import", str(batch))
    assert code == 1
    assert (
        "c.csv:2: error: 标题里有换行（共 2 行，第一行是“长春市引号测试一,综合,王”）：此列只能写一行；"
        "这一格以引号开头，引号却没有在格末配对" in out
    )
    # The cells after it moved: what they miss is not reported as a second, misleading reason.
    assert "类别为空" not in out
    untouched(folder, before)


def test_line_break_in_each_one_line_column_is_named(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    header = "报送单位,报送日期,标题,类别,审核人,约稿编号,密级,发生时间,报告时间,合报单位,备注\n"
    row = ["长春", "2003-08-22", "长春市换行测试", "综合", "王", "", "公开", "", "", "", ""]
    lines = [header]
    broken = {0: "长春\n市", 1: "2003-08-22\n", 2: "长春市\n换行测试", 3: "综\n合", 4: "王\n明"}
    broken |= {5: "YG\n1", 6: "公\n开", 7: "2003-08-22\n09:00", 8: "2003-08-22\n10:00"}
    for col, value in broken.items():
        cells = list(row)
        cells[col] = f'"{value}"'
        cells[2] = f"标题{col}" if col != 2 else cells[2]
        lines.append(",".join(cells) + "\n")
    # A note, and a list of co-submitters, may take several lines.
    lines.append('长春,2003-08-22,长春市多行备注,综合,王,,公开,,,"四平\n省发展改革委","一\n二"\n')
    batch = tmp_path / "b.csv"
    batch.write_text("".join(lines), encoding="utf-8")
    code, out, _err = run(runner, folder, "import", "--dry-run", str(batch))
    assert code == 1
    rows = {2: "报送单位", 4: "标题", 5: "类别", 6: "审核人", 7: "约稿编号", 8: "密级"}
    rows |= {9: "发生时间", 10: "报告时间"}
    for number, name in rows.items():
        assert f"b.csv:{number}: error: {name}里有换行" in out, (name, out)
    # a trailing line break is only space around the value
    assert "b.csv:3:" not in out
    assert "b.csv:11:" not in out
    assert "请删去这一格里的换行" in out


def test_xlsx_line_break_in_a_one_line_cell(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "八月"
    ws.append(["报送单位", "报送日期", "标题", "类别", "审核人", "备注"])
    ws.append(["长春", "2003-08-22", "长春市换行\n测试", "综合", "王明", "第一行\n第二行"])
    ws.append(["四平\n市", "2003-08-23", "四平市测试", "综合", "李四", None])
    ws.append(["四平", "2003-08-24", "四平市测试二", "综合", "李四", "备注\n两行"])
    batch = tmp_path / "x.xlsx"
    wb.save(batch)
    before = commits(folder)
    code, out, err = run(runner, folder, "--lang", "en", "import", str(batch))
    assert code == 1, out + err
    assert (
        "x.xlsx:八月:2: error: 标题 holds a line break (2 lines, the first “长春市换行”): "
        "this column takes one line; remove the line break from the cell" in out
    )
    assert "x.xlsx:八月:3: error: 报送单位 holds a line break (2 lines, the first “四平”)" in out
    assert "x.xlsx:八月:4:" not in out  # a note may take several lines
    untouched(folder, before)


def test_unclosed_quote_scanner_follows_the_csv_module() -> None:
    assert unclosed_quote('a,"b""c",d\n"e"x"f,g\n', ",") is None
    assert unclosed_quote('a,b"c\nd,e\n', ",") is None  # a quote inside a cell is text
    assert unclosed_quote('a,"b\n', ",") is None  # runs only into the last line break
    # on the last line, the cells after it are merged into its cell (review: 王五,备注 lost)
    merged = unclosed_quote('a,"b,c\n', ",")
    assert merged is not None
    assert (merged.row, merged.column, merged.swallowed) == (1, 2, 0)
    was = get_lang()
    try:
        set_lang("zh")
        assert "这一行其后的各格都被并进了这一格" in merged.message()
    finally:
        set_lang(was)
    found = unclosed_quote('h\n"x\ny"\na\t"b\r\nc\r\n\r\nd\n', "\t")
    assert found is not None
    assert (found.row, found.line, found.column, found.swallowed) == (3, 4, 2, 2)
    found = unclosed_quote('h\n"x\ny"\na\t"b\r\nc\r\n', "\t")
    assert found is not None
    was = get_lang()
    try:
        set_lang("zh")
        assert "第 3 行 B 列（文件第 4 行）这一格" in found.message()
    finally:
        set_lang(was)


def test_unclosed_quote_agrees_with_the_csv_modules_records() -> None:
    # On random texts of quotes, delimiters, line breaks and letters: where the scanner finds a
    # quote left open, the csv module's last record is that row and ends in that column.
    rng = random.Random(7)
    found = 0
    for _ in range(3000):
        text = "".join(rng.choice('ab,"\n\r') for _ in range(rng.randint(0, 20))) + "\nz"
        quote = unclosed_quote(text, ",")
        records = list(csv.reader(io.StringIO(text, newline="")))
        if quote is None:
            continue
        found += 1
        assert (len(records), len(records[-1])) == (quote.row, quote.column), text
        assert records[-1][-1].count("\n") + records[-1][-1].count("\r") >= quote.swallowed
    assert found > 100


def test_a_row_whose_only_text_is_a_wrapped_one_line_cell_is_not_skipped(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    """A line break makes a cell unreadable, not empty: the row is reported, not skipped as
    blank (review finding)."""
    batch = tmp_path / "w.csv"
    batch.write_text(
        HEAD + "长春,2003-08-22,长春市换行测试一,综合,王\n" + ',,"测试标题二\n续",,\n',
        encoding="utf-8",
    )
    code, out, _err = run(runner, folder, "import", "--dry-run", str(batch))
    assert code == 1, out
    assert "w.csv:3: error:" in out


def test_rows_swallowed_into_a_note_are_warned_of(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    """备注 may hold several lines, so a stray quote that opens it and another that closes it
    rows later merge those rows into the note without an error: the clerk is warned, and the
    rows around are imported."""
    head = "报送单位,报送日期,标题,类别,审核人,备注\n"
    batch = tmp_path / "n.csv"
    batch.write_text(
        head + '长春,2003-08-22,长春市备注测试一,综合,王,"备注开始\n'
        "四平,2003-08-23,四平市备注测试二,综合,王,备注二\n"
        '四平,2003-08-24,四平市备注测试三,综合,王,"\n'
        "四平,2003-08-25,四平市备注测试四,综合,王,正常\n",
        encoding="utf-8",
    )
    code, out, _err = run(runner, folder, "import", "--dry-run", str(batch))
    assert code == 0, out
    assert "n.csv:2: warning: 备注这一格有 3 行，第 2 行像是文件里的一整行（含 5 个“,”）" in out
    assert "将新增 2 条" in out + _err

    fine = tmp_path / "f.csv"
    fine.write_text(
        head + '长春,2003-08-22,长春市备注测试五,综合,王,"第一行\n第二行, 含一个逗号"\n',
        encoding="utf-8",
    )
    code, out, _err = run(runner, folder, "import", "--dry-run", str(fine))
    assert code == 0, out
    assert "warning" not in out
