"""What an import says about a row names the column as the clerk's sheet heads it, and says
what is actually wrong."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govinfo.importers.columns import in_sheet_terms
from tests.support.cli import run_cli as run
from tests.support.gitrepo import commits, git

# The aliases a sheet may use, not the usual 报送日期/发生时间/报告时间.
SHEET = "单位,日期,信息标题,信息类别,签发人,事发时间,上报时间\n"


def test_validator_problems_name_the_sheets_own_headers(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    batch = tmp_path / "s.csv"
    batch.write_text(
        SHEET + "长春,2003-08-22,长春市时间测试,突发,王明,2003-08-22 10:00,2003-08-21 09:00\n"
        "长春,1990-08-22,长春市早年测试,综合,王明,,\n",
        encoding="utf-8",
    )
    code, out, _err = run(runner, folder, "import", "--dry-run", str(batch))
    assert code == 1
    assert "s.csv:2: error: 上报时间：2003-08-21 09:00 早于 事发时间\n" in out
    assert "s.csv:3: error: 日期：1990-08-22 这天没有生效的计分规则\n" in out
    for field in ("reported_at", "occurred_at", "date"):
        assert field not in out

    code, out, _err = run(runner, folder, "--lang", "en", "import", "--dry-run", str(batch))
    assert code == 1
    assert "s.csv:2: error: 上报时间: 2003-08-21 09:00 is before 事发时间\n" in out
    assert "s.csv:3: error: 日期: no rule set is in force on 1990-08-22\n" in out


def test_a_column_the_sheet_lacks_is_named_as_usual(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    batch = tmp_path / "e.csv"
    batch.write_text(
        "报送单位,报送日期,标题,类别,审核人\n长春,2003-08-22,长春市突发测试,突发,王明\n",
        encoding="utf-8",
    )
    code, out, _err = run(runner, folder, "import", "--dry-run", str(batch))
    assert code == 1
    assert "e.csv:2: error: 突发信息缺少必填字段 发生时间\n" in out
    assert "e.csv:2: error: 突发信息缺少必填字段 报告时间\n" in out

    lacking = tmp_path / "m.csv"
    lacking.write_text("单位,标题,类别\n长春,长春市缺列测试,综合\n", encoding="utf-8")
    code, out, _err = run(runner, folder, "import", str(lacking))
    assert code == 1
    assert "m.csv:1: error: 缺少报送日期列（可用的列名：报送日期、日期、报送时间、date" in out


def test_an_empty_cell_is_named_without_a_stray_space(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    """Chinese text: no space between a Chinese header and 为空, one after a Latin header."""
    zh = tmp_path / "z.csv"
    zh.write_text(
        "报送单位,报送日期,标题,类别\n,2003-08-22,长春市空格测试,综合\n", encoding="utf-8"
    )
    code, out, _err = run(runner, folder, "import", "--dry-run", str(zh))
    assert code == 1
    assert "z.csv:2: error: 报送单位为空\n" in out
    en = tmp_path / "e.csv"
    en.write_text(
        "point,date,title,category\n,2003-08-22,长春市空格测试,general\n", encoding="utf-8"
    )
    code, out, _err = run(runner, folder, "import", "--dry-run", str(en))
    assert code == 1
    assert "e.csv:2: error: point 为空\n" in out
    code, out, _err = run(runner, folder, "--lang", "en", "import", "--dry-run", str(en))
    assert "e.csv:2: error: point is empty\n" in out


def test_adoption_problems_name_the_adoption_logs_headers(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    first = tmp_path / "s.csv"
    first.write_text(
        "报送单位,报送日期,标题,类别,审核人\n长春,2003-08-22,长春市采用测试,综合,王明\n",
        encoding="utf-8",
    )
    code, out, err = run(runner, folder, "import", str(first))
    assert code == 0, out + err
    log = tmp_path / "a.csv"
    log.write_text(
        "信息编号,刊物,刊发日期,采用方式,期号\nchangchun-2003-0001,jl-zb,2003-08-10,单条,第1期\n",
        encoding="utf-8",
    )
    before = commits(folder)
    code, out, _err = run(runner, folder, "import", "--adoptions", str(log))
    assert code == 1
    assert "a.csv:2: error: 刊发日期：2003-08-10 早于信息报送日期 2003-08-22\n" in out
    code, out, _err = run(runner, folder, "--lang", "en", "import", "--adoptions", str(log))
    assert code == 1
    # "the submission's date" is the sentence's own word, not a column
    assert (
        "a.csv:2: error: 刊发日期: 2003-08-10 is before the submission's date 2003-08-22\n" in out
    )
    assert commits(folder) == before
    assert git(folder, "status", "--porcelain", "--untracked-files=all") == ""


def test_in_sheet_terms_replaces_only_where_a_field_is_named() -> None:
    columns = {"date": "日期", "reviewer": "签发人", "occurred_at": "事发时间", "title": "题目"}
    assert in_sheet_terms("date：x 早于 date y", columns) == "日期：x 早于 date y"
    assert in_sheet_terms("缺少审核签发人 reviewer", columns) == "签发人为空（缺少审核签发人）"
    assert in_sheet_terms("no reviewer given", columns) == "no reviewer given"
    assert in_sheet_terms("missing required field title", columns) == "missing required field 题目"
    assert in_sheet_terms("before occurred_at, see x", columns) == "before 事发时间, see x"
    # a value that happens to spell a field, or holds one inside it, is kept as written
    assert in_sheet_terms("solicitation：title 不是已登记的约稿", columns) == (
        "solicitation：title 不是已登记的约稿"
    )
    assert in_sheet_terms("x my_occurred_at_2 y", columns) == "x my_occurred_at_2 y"
    # an English sentence's own last word stays (review: "is not a known 约稿")
    columns["solicitation"] = "约稿"
    assert in_sheet_terms("zz-9 is not a known solicitation", columns) == (
        "zz-9 is not a known solicitation"
    )
    assert in_sheet_terms("at 2003-08-21T09:05.", columns) == "at 2003-08-21 09:05."


def test_a_date_in_the_right_form_that_does_not_exist_says_so(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    batch = tmp_path / "d.csv"
    batch.write_text(
        "报送单位,报送日期,标题,类别,审核人,发生时间,报告时间\n"
        "长春,2003-02-30,长春市日期测试一,综合,王明,,\n"
        "长春,2003-13-01,长春市日期测试二,综合,王明,,\n"
        "长春,2003年2月29日,长春市日期测试三,突发,王明,2003-02-01 25:00,2003-02-31 10:00\n"
        "长春,2004-02-29,长春市闰日,综合,王明,,\n",
        encoding="utf-8",
    )
    code, out, _err = run(runner, folder, "import", "--dry-run", str(batch))
    assert code == 1
    assert "d.csv:2: error: 报送日期“2003-02-30”是不存在的日期：2003 年 2 月没有 30 日\n" in out
    assert "d.csv:3: error: 报送日期“2003-13-01”是不存在的日期：没有 13 月\n" in out
    assert "d.csv:4: error: 报送日期“2003年2月29日”是不存在的日期：2003 年 2 月没有 29 日\n" in out
    assert "d.csv:4: error: 发生时间“2003-02-01 25:00”是不存在的时间" in out
    assert "d.csv:4: error: 报告时间“2003-02-31 10:00”是不存在的日期：2003 年 2 月没有 31 日" in out
    assert "YYYY" not in out
    assert "d.csv:5: error" not in out  # 2004 is a leap year (a day after today: a warning)

    code, out, _err = run(runner, folder, "--lang", "en", "import", "--dry-run", str(batch))
    assert code == 1
    assert (
        "d.csv:2: error: 报送日期 “2003-02-30” is not a real date: 2003-02 has no day 30\n" in out
    )
    assert "d.csv:3: error: 报送日期 “2003-13-01” is not a real date: there is no month 13\n" in out
    assert "d.csv:4: error: 发生时间 “2003-02-01 25:00” is not a real time" in out


def test_a_file_that_is_not_there_is_a_usage_error_in_the_clerks_words(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    good = tmp_path / "好.csv"
    good.write_text(
        "报送单位,报送日期,标题,类别,审核人\n长春,2003-08-22,长春市文件测试,综合,王明\n",
        encoding="utf-8",
    )
    missing = tmp_path / "没有.csv"
    before = commits(folder)
    code, out, err = run(runner, folder, "import", str(good), str(missing), str(tmp_path))
    assert code == 2, out + err
    assert f"找不到要导入的文件：{missing}" in err
    assert f"{tmp_path} 是文件夹，不是要导入的文件" in err
    for english in ("does not exist", "Usage", "Error", "invalid value"):
        assert english not in out + err
    assert commits(folder) == before

    code, out, err = run(runner, folder, "--lang", "en", "import", str(missing))
    assert code == 2
    assert f"no such file to import: {missing}" in err
    assert "无" not in err

    code, out, err = run(runner, folder, "import", "--mapping", "没有.yaml", str(good))
    assert code == 2
    assert "找不到列映射文件：没有.yaml" in err
    assert "Errno" not in err
    assert commits(folder) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file whatever its mode")
def test_an_unreadable_file_is_named(folder: Path, tmp_path: Path, runner: CliRunner) -> None:
    locked = tmp_path / "锁.csv"
    locked.write_text("报送单位,报送日期,标题,类别\n", encoding="utf-8")
    locked.chmod(0)
    try:
        code, out, err = run(runner, folder, "import", str(locked))
    finally:
        locked.chmod(0o644)
    assert code == 2, out + err
    assert f"没有权限读取要导入的文件：{locked}" in err


def test_a_row_dated_after_today_is_imported_with_a_warning(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    """2099 for 2009: nothing forbids a date to come, but the clerk hears of it."""
    batch = tmp_path / "f.csv"
    batch.write_text(
        "报送单位,报送日期,标题,类别,审核人\n"
        "长春,2003-12-31,长春市今天报送,综合,王明\n"
        "长春,2099-08-22,长春市年份写错,综合,王明\n",
        encoding="utf-8",
    )
    code, out, _err = run(runner, folder, "import", "--dry-run", str(batch))
    assert code == 0
    assert (
        "f.csv:3: warning: 报送日期“2099-08-22”晚于今天（2003-12-31）：是不是年份或月份写错了？"
        in out
    )
    assert "f.csv:2:" not in out


def test_a_row_dated_after_its_point_left_is_imported_with_a_warning(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    """A retired or disqualified point's row after the day it left: imported (its items are
    its own), but the clerk hears which point left, how and when."""
    code, _, err = run(runner, folder, "points", "retire", "siping", "--date", "2003-06-30")
    assert code == 0, err
    points = folder / "points.yaml"
    points.write_text(
        points.read_text(encoding="utf-8")
        + "    - {date: 2003-09-01, event: disqualified, year: 2002}\n",  # fgw, the last point
        encoding="utf-8",
    )
    git(folder, "commit", "-qam", "fgw disqualified")
    batch = tmp_path / "f.csv"
    batch.write_text(
        "报送单位,报送日期,标题,类别,审核人\n"
        "四平,2003-06-30,四平市退出当日报送,综合,李四\n"
        "四平,2003-07-02,四平市退出后报送,综合,李四\n"
        "省发展改革委,2003-09-02,发改委取消资格后报送,综合,王五\n"
        "长春,2003-09-02,长春市照常报送,综合,王明\n",
        encoding="utf-8",
    )
    before = commits(folder)
    code, out, err = run(runner, folder, "import", str(batch))
    assert code == 0, err
    assert (
        "f.csv:3: warning: 报送日期“2003-07-02”：四平（siping）已于 2003-06-30 退出，"
        "此后不在直报点之列；该行照常导入，请核对日期和报送单位" in out
    )
    assert (
        "f.csv:4: warning: 报送日期“2003-09-02”：省发展改革委（fgw）已于 2003-09-01 取消资格" in out
    )
    assert "f.csv:2:" not in out  # the day it left
    assert "f.csv:5:" not in out
    assert commits(folder) == before + 1
    assert (folder / "submissions/2003/siping/07.yaml").exists()
    batch.write_text(
        "报送单位,报送日期,标题,类别,审核人\n四平,2003-08-02,四平市八月报送,综合,李四\n",
        encoding="utf-8",
    )
    code, out, _ = run(runner, folder, "--lang", "en", "import", "--dry-run", str(batch))
    assert code == 0
    assert (
        "f.csv:2: warning: 报送日期 “2003-08-02”: 四平 (siping) left the network on 2003-06-30 "
        "(retired); the row is imported all the same — check its date and point" in out
    )
    batch.write_text(  # a co-submitter that left is named too, as the sheet writes it
        "报送单位,报送日期,标题,类别,审核人,合报单位\n长春,2003-08-03,两市联合报送,综合,王明,四平\n",
        encoding="utf-8",
    )
    code, out, _ = run(runner, folder, "import", "--dry-run", str(batch))
    assert code == 0
    assert "f.csv:2: warning: 报送日期“2003-08-03”：四平（siping）已于 2003-06-30 退出" in out
    assert "长春（" not in out
