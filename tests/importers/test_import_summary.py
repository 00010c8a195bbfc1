"""A 汇总表 as offices send it: 合计/小计 rows among the records, and headers written on two
lines with a hint in brackets (报送日期⏎(年月日)) — read as the clerk sees them."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from govinfo.importers.tables import UNCACHED_FORMULA
from govinfo.importers.totals import totals_word
from tests.support.batches import write_workbook
from tests.support.cli import run_cli as run

HEAD = ["序号", "报送单位", "报送日期", "标题", "类别", "审核人"]


def lines_of(out: str) -> list[str]:
    return [x for x in out.splitlines() if ": error: " in x or ": warning: " in x]


# --- totals rows ----------------------------------------------------------------------------


def test_totals_word_reads_a_totals_row_and_nothing_else() -> None:
    assert totals_word(("合计", None, "", 3, "3条")) == "合计"
    assert totals_word((None, " 总 计： ", "共12条", 12.0)) == "总 计："
    assert totals_word(("小计", UNCACHED_FORMULA)) == "小计"
    assert totals_word(("Total", "85%")) == "Total"
    assert totals_word(("合計",)) == "合計"
    # a record whose 报送单位 is 合计 is a record: its date, title and category say so
    assert totals_word(("合计", "2003-11-03", "某某信息", "综合")) is None
    assert totals_word((1, "合计", 3)) == "合计"  # after a 序号, as the rows above number it
    assert totals_word(("5", "小计", None, "2条")) == "小计"
    assert totals_word((1, 2, "合计")) is None  # two numbers first: a record's cells
    assert totals_word((5, "合计", "2003-11-03", "某某信息")) is None
    assert totals_word(("长春", 3)) is None
    assert totals_word(()) is None


def test_a_totals_row_is_skipped_with_one_note_naming_its_row(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    book = write_workbook(
        tmp_path / "汇总.xlsx",
        [
            ["2003年第三季度信息报送汇总表"],
            HEAD,
            [1, "长春", "2003-08-11", "长春市秋粮收购进展", "综合", "王明"],
            [2, "长春", "2003-08-12", "长春市秋季造林", "综合", "王明"],
            ["小计", None, None, None, "2条"],
            [3, "四平", "2003-08-13", "四平市秋粮收购进展", "调研", "李四"],
            ["合计", None, None, None, None, 3],
            ["总计：", "", "", "", "共3条", "=COUNTA(B3:B8)"],
            [4, "合计", None, None, None, 3],  # numbered as the records above it
        ],
    )
    code, out, err = run(runner, folder, "import", str(book))
    assert code == 0, out + err
    assert lines_of(out) == [
        "汇总.xlsx:汇总:5: warning: 合计行（“小计”，其余单元格为空或为数字）不是一条信息，已跳过",
        "汇总.xlsx:汇总:7: warning: 合计行（“合计”，其余单元格为空或为数字）不是一条信息，已跳过",
        "汇总.xlsx:汇总:8: warning: 合计行（“总计：”，其余单元格为空或为数字）不是一条信息，已跳过",
        "汇总.xlsx:汇总:9: warning: 合计行（“合计”，其余单元格为空或为数字）不是一条信息，已跳过",
    ]
    assert "新增 3 条" in out + err
    code, out, _err = run(runner, folder, "--lang", "en", "import", "--dry-run", str(book))
    assert code == 0
    assert (
        "汇总.xlsx:汇总:7: warning: a totals row (“合计”, its other cells empty or counts) "
        "is not an item; skipped"
    ) in out


def test_a_row_named_total_that_holds_a_record_is_still_an_error(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    book = write_workbook(
        tmp_path / "b.xlsx",
        [
            HEAD,
            [1, "长春", "2003-08-11", "甲", "综合", "王明"],
            ["", "合计", "2003-08-12", "乙", "综合", "王明"],
        ],
    )
    code, out, _err = run(runner, folder, "import", "--dry-run", str(book))
    assert code == 1
    assert lines_of(out) == ["b.xlsx:汇总:3: error: 报送单位“合计”不是已登记的直报点"]


def test_a_sheet_of_a_header_and_a_totals_row_is_an_empty_file(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    book = write_workbook(tmp_path / "空.xlsx", [HEAD, ["合计", None, None, None, None, 0]])
    code, out, _err = run(runner, folder, "import", "--dry-run", str(book))
    assert code == 1
    assert "空.xlsx:汇总:2: warning: 合计行" in out
    assert "空.xlsx:汇总: error: " in out


def test_a_totals_row_in_a_csv_and_an_adoption_log_is_skipped_too(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    batch = tmp_path / "b.csv"
    batch.write_text(
        "报送单位,报送日期,标题,类别\n长春,2003-08-11,长春市秋粮收购进展,综合\nTotal,,,1\n",
        encoding="utf-8",
    )
    code, out, err = run(runner, folder, "import", str(batch))
    assert code == 0, out + err
    assert "b.csv:3: warning: 合计行（“Total”" in out
    log = tmp_path / "采用.csv"
    log.write_text(
        "报送单位,标题,刊物,采用日期,采用方式\n长春,长春市秋粮收购进展,jl-zb,2003-08-20,单条\n合计,,,,1\n",
        encoding="utf-8",
    )
    code, out, err = run(runner, folder, "import", "--adoptions", "--dry-run", str(log))
    assert code == 0, out + err
    assert "采用.csv:3: warning: 合计行（“合计”" in out


# --- headers on two lines, with a hint in brackets -------------------------------------------


@pytest.mark.parametrize(
    "date_header",
    ["报送日期\n(年月日)", "报送日期\r\n（年月日）", "报送\n日期", "日期（格式：年-月-日）"],
)
def test_a_header_on_two_lines_or_with_a_hint_is_recognised(
    folder: Path, tmp_path: Path, runner: CliRunner, date_header: str
) -> None:
    book = write_workbook(
        tmp_path / "h.xlsx",
        [
            ["报送单位", date_header, "信息\n标题", "类别", "审核人", "数量\n（单位：条）"],
            ["长春", "2003-08-11", "长春市秋粮收购进展", "综合", "王明", 1],
            ["长春", "2003-08-12", "", "综合", "王明", 1],
        ],
    )
    code, out, _err = run(runner, folder, "import", "--dry-run", str(book))
    assert code == 1
    assert lines_of(out) == [
        "h.xlsx:汇总:1: warning: 以下列未导入：数量 （单位：条）",
        "h.xlsx:汇总:3: error: 信息 标题为空",
    ]
    assert "缺少报送日期列" not in out
    # every message is one line of its own
    assert all(x.startswith("h.xlsx:") for x in out.splitlines() if x and "：" in x[:12])


def test_a_header_hint_is_no_way_around_an_unknown_name(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    book = write_workbook(
        tmp_path / "h.xlsx",
        [["报送单位", "发文\n(年月日)", "标题", "类别"], ["长春", "2003-08-11", "甲", "综合"]],
    )
    code, out, _err = run(runner, folder, "--lang", "en", "import", "--dry-run", str(book))
    assert code == 1
    assert "h.xlsx:汇总:1: warning: columns not imported: 发文 (年月日)" in out
    assert "h.xlsx:汇总:1: error: " in out


def test_a_note_on_several_lines_is_one_line_in_a_message(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    batch = tmp_path / "dup.csv"
    batch.write_text(
        "报送单位,报送日期,标题,类别,审核人,备注\n"
        '长春,2003-08-11,长春市秋粮收购进展,综合,王明,"第一行\n第二行"\n'
        '长春,2003-08-11,长春市秋粮收购进展,综合,王明,"另一\r\n说明"\n',
        encoding="utf-8",
    )
    code, out, _err = run(runner, folder, "import", "--dry-run", str(batch))
    assert code == 0
    assert lines_of(out) == [
        "dup.csv:3: warning: 与本批 dup.csv:2 重复，只导入一次，用的是 dup.csv:2 的内容；"
        "但两行有不同：备注（本行“另一 说明”，dup.csv:2 为“第一行 第二行”）"
    ]
