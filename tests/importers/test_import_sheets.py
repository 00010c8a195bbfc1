"""What a clerk's own sheets hold and an import must read as the clerk sees them: a date cell
with a time of day, merged cells, a named sheet, names as written, duplicates that differ."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from govinfo.importers.values import NoSuchDay, parse_day
from tests.support.cli import run_cli as run
from tests.support.gitrepo import commits

HEAD = ["报送单位", "报送日期", "标题", "类别", "审核人"]


def workbook(path: Path, rows: list[list[object]], *, sheet: str = "一季度") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = sheet
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


# --- a date-only column holding a time of day ----------------------------------------------


def test_parse_day_keeps_the_time_it_drops() -> None:
    assert parse_day(dt.datetime(2003, 8, 14, 9, 30)) == (dt.date(2003, 8, 14), "09:30")
    assert parse_day(dt.datetime(2003, 8, 14, 9, 30, 15)) == (dt.date(2003, 8, 14), "09:30:15")
    assert parse_day(dt.datetime(2003, 8, 14)) == (dt.date(2003, 8, 14), None)
    assert parse_day(dt.date(2003, 8, 14)) == (dt.date(2003, 8, 14), None)
    assert parse_day("2003/8/14 9:30") == (dt.date(2003, 8, 14), "09:30")
    assert parse_day("2003年8月14日9时30分") == (dt.date(2003, 8, 14), "09:30")
    assert parse_day("2003-08-14 00:00:00") == (dt.date(2003, 8, 14), None)
    with pytest.raises(NoSuchDay) as caught:
        parse_day("2003-08-14 25:30")
    assert caught.value.reason == "time"
    with pytest.raises(ValueError):  # noqa: PT011 - the parser's one failure
        parse_day("2003-08-14 上午")


def test_a_date_cell_with_a_time_is_imported_on_its_day_with_a_warning(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    book = workbook(
        tmp_path / "dt.xlsx",
        [
            HEAD,
            ["长春", dt.datetime(2003, 8, 22, 9, 30), "长春市带时刻的日期", "综合", "王明"],
            ["长春", dt.datetime(2003, 8, 23), "长春市零点的日期", "综合", "王明"],
        ],
    )
    before = commits(folder)
    code, out, err = run(runner, folder, "import", str(book))
    assert code == 0, out + err
    assert out.count("warning") == 1
    assert (
        "dt.xlsx:一季度:2: warning: 报送日期“2003-08-22 09:30”带有时刻 09:30："
        "这一列只记日期，导入为 2003-08-22，时刻未导入\n"
    ) in out
    assert commits(folder) == before + 1
    text = (folder / "submissions/2003/changchun/08.yaml").read_text(encoding="utf-8")
    assert "date: 2003-08-22\n" in text
    assert "date: 2003-08-23\n" in text

    # the same sheet read by python-calamine (the reader of .xls/.ods, and of a renamed xlsx)
    other = tmp_path / "dt.dat"
    shutil.copy(book, other)
    code, out, _err = run(runner, folder, "--lang", "en", "import", "--dry-run", str(other))
    assert code == 0
    assert (
        "dt.dat:一季度:2: warning: 报送日期 “2003-08-22 09:30” has a time of day (09:30): "
        "the column holds a date only, so 2003-08-22 is imported and the time dropped\n"
    ) in out


def test_csv_text_with_a_time_reads_as_the_date_cell_would(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    batch = tmp_path / "t.csv"
    batch.write_text(
        ",".join(HEAD) + "\n长春,2003/8/22 9:30,长春市文本时刻,综合,王明\n"
        "长春,2003-08-23 00:00,长春市文本零点,综合,王明\n"
        "长春,2003-08-24 24:30,长春市不存在的时刻,综合,王明\n",
        encoding="utf-8",
    )
    code, out, _err = run(runner, folder, "import", "--dry-run", str(batch))
    assert code == 1
    assert "t.csv:2: warning: 报送日期“2003/8/22 9:30”带有时刻 09:30" in out
    assert "t.csv:3:" not in out
    assert "t.csv:4: error: 报送日期“2003-08-24 24:30”是不存在的时间" in out
