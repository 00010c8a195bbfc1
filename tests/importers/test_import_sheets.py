"""What a clerk's own sheets hold and an import must read as the clerk sees them: a date cell
with a time of day, merged cells, a named sheet, names as written, duplicates that differ."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from govinfo.importers.merges import across_at, carried_down
from govinfo.importers.tables import Table
from govinfo.importers.values import NoSuchDay, parse_day
from tests.support.batches import write_workbook as _write_workbook
from tests.support.cli import run_cli as run
from tests.support.gitrepo import commit_all, commits

HEAD = ["报送单位", "报送日期", "标题", "类别", "审核人"]


def write_workbook(path: Path, rows: list[list[object]], *, sheet: str = "一季度") -> Path:
    return _write_workbook(path, rows, sheet=sheet)


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
    book = write_workbook(
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


# --- merged cells ------------------------------------------------------------------------------


def merged_book(path: Path, *, across: bool = True) -> Path:
    """A 汇总表: a title row, the header, 长春's three rows under one merged 报送单位 cell, a
    row whose 类别 is covered by a merge across C:D, and padding under a merge that runs on."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "一季度"
    ws.append(["2003年一季度信息汇总表"])
    ws.append(HEAD)
    ws.append(["长春", dt.date(2003, 8, 22), "长春市合并一", "综合", "王明"])
    ws.append([None, dt.date(2003, 8, 23), "长春市合并二", "调研", "王明"])
    ws.append([None, dt.date(2003, 8, 24), "长春市合并三", "综合", "王明"])
    ws.append(["四平", dt.date(2003, 8, 25), "四平市跨列合并", None if across else "综合", "李四"])
    ws.append(["省发展改革委", dt.date(2003, 8, 26), "全省投资分析", "问题", "赵六"])
    ws.merge_cells("A1:E1")
    ws.merge_cells("A3:A5")
    if across:
        ws.merge_cells("C6:D6")
    ws.merge_cells("A7:A9")  # runs on over two empty rows: padding, not rows
    wb.save(path)
    return path


def test_a_merge_down_one_column_is_carried_to_each_row(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    book = merged_book(tmp_path / "q1.xlsx")
    code, out, _err = run(runner, folder, "import", "--dry-run", str(book))
    assert code == 1
    assert "报送单位为空" not in out
    assert out.count("error") == 1
    assert (
        "q1.xlsx:一季度:6: error: 类别为空：这一格在跨列合并的单元格 C6:D6 中，合并格的内容只在 C6；"
        "跨列合并不会带入各列（上下合并才会带入每一行），请取消合并后逐格填写\n"
    ) in out
    assert "q1.xlsx:一季度:8" not in out
    assert "q1.xlsx:一季度:9" not in out

    code, out, _err = run(runner, folder, "--lang", "en", "import", "--dry-run", str(book))
    assert "q1.xlsx:一季度:6: error: 类别 is empty: the cell is inside C6:D6, merged across" in out


def test_merged_rows_are_imported_under_the_merged_point(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    book = merged_book(tmp_path / "q1.xlsx", across=False)
    before = commits(folder)
    for copy in (book, shutil.copy(book, tmp_path / "q1.dat")):  # openpyxl, python-calamine
        code, out, err = run(runner, folder, "import", "--dry-run", str(copy))
        assert code == 0, out + err
        assert "warning" not in out
        assert re.search(r"^长春\s+3\s+0$", out, re.MULTILINE), out
    code, out, err = run(runner, folder, "import", str(book))
    assert code == 0, out + err
    assert commits(folder) == before + 1
    text = (folder / "submissions/2003/changchun/08.yaml").read_text(encoding="utf-8")
    for title in ("长春市合并一", "长春市合并二", "长春市合并三"):
        assert f"title: {title}\n" in text


def test_carried_down_costs_the_rows_not_the_span() -> None:
    rows = [(1, ("报送单位", "标题")), (2, ("长春", "一")), (3, (None, "二")), (50, (None, "三"))]
    merges = [(2, 1, 1_048_576, 1), (3, 1, 9, 1), (2, 2, 3, 3)]  # huge; overlapping; across
    table = Table("x.xlsx", "表", rows, merges)
    assert carried_down(table, 2, [0, 1]) == {(3, 0): "长春", (50, 0): "长春"}
    assert carried_down(table, 3, [0, 1]) == {}  # a merge that starts in the header is its own
    assert across_at(merges, 3, 2) == ("B2:C3", "B2")
    assert across_at(merges, 2, 1) is None  # the merge's own first cell


# --- a sheet with no rows -------------------------------------------------------------------


def test_an_empty_sheet_is_named(folder: Path, tmp_path: Path, runner: CliRunner) -> None:
    book = write_workbook(
        tmp_path / "q1.xlsx", [HEAD, ["长春", "2003-08-22", "长春市有数据", "综合"]]
    )
    wb = openpyxl.load_workbook(book)
    wb.create_sheet("空表")
    wb.save(book)
    code, out, _err = run(runner, folder, "import", "--dry-run", "--sheet", "空表", str(book))
    assert code == 1
    assert out == (
        "q1.xlsx:空表: error: 工作表“空表”里没有数据行（空表，或只有表头）；"
        "请确认选对了工作表（--sheet）\n"
    )
    code, out, _err = run(
        runner, folder, "--lang", "en", "import", "--dry-run", "--sheet", "空表", str(book)
    )
    assert out.startswith("q1.xlsx:空表: error: sheet “空表” holds no data rows")

    # a workbook of several sheets, none with rows: the file, as before
    empty = write_workbook(tmp_path / "two.xlsx", [])
    wb = openpyxl.load_workbook(empty)
    wb.create_sheet("乙")
    wb.save(empty)
    code, out, _err = run(runner, folder, "import", "--dry-run", str(empty))
    assert code == 1
    assert out.startswith("two.xlsx: error: 文件里没有数据行")


# --- points named as the sheet writes them ------------------------------------------------------


def test_messages_name_points_as_the_sheet_writes_them(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    (folder / "solicitations").mkdir()
    (folder / "solicitations/2003.yaml").write_text(
        "- id: YG-2003-001\n  issued: 2003-08-01\n  due: 2003-08-30\n  topic: 秋粮\n"
        "  points: [changchun]\n",
        encoding="utf-8",
    )
    commit_all(folder)
    batch = tmp_path / "co.csv"
    batch.write_text(
        "报送单位,报送日期,标题,类别,审核人,合报单位,约稿编号\n"
        "长春,2003-08-22,长春市合报自己,综合,王明,长春市、四平,\n"
        "四平,2003-08-23,四平市未约之稿,综合,李四,,YG-2003-001\n",
        encoding="utf-8",
    )
    code, out, _err = run(runner, folder, "import", "--dry-run", str(batch))
    assert code == 1
    assert "co.csv:2: error: 合报单位：长春市 是本条信息的报送单位本身\n" in out
    assert "co.csv:3: warning: 约稿编号：约稿 YG-2003-001 并未向 四平 约稿，不计约稿加成\n" in out
    assert "changchun" not in out
    assert "siping" not in out
    code, out, _err = run(runner, folder, "--lang", "en", "import", "--dry-run", str(batch))
    assert "co.csv:2: error: 合报单位: 长春市 is the submission's own point\n" in out

    log = tmp_path / "ad.csv"
    log.write_text("报送单位,标题,采用日期,刊物,采用方式\n四平,没有这条,2003-09-01,jl-zb,单条\n")
    code, out, _err = run(runner, folder, "import", "--adoptions", "--dry-run", str(log))
    assert code == 1
    assert "ad.csv:2: error: 在 四平 的信息中找不到此标题" in out


def test_ids_are_replaced_whole_and_never_inside_a_path() -> None:
    from govinfo.importers.plan import _as_written

    names = {"siping": "四平", "fgw": "省发展改革委"}
    assert _as_written("未向 siping 约稿", names) == "未向 四平 约稿"
    assert _as_written("见 submissions/2003/siping/08.yaml:3", names) == (
        "见 submissions/2003/siping/08.yaml:3"
    )
    assert _as_written("fgw-2003-0001 与 sipingx", names) == "fgw-2003-0001 与 sipingx"


# --- duplicates that say something else -------------------------------------------------------


def test_a_repeat_that_differs_says_where_and_which_row_was_kept(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    batch = tmp_path / "dup.csv"
    batch.write_text(
        ",".join(HEAD) + "\n长春,2003-08-22,长春市重复测试,综合,王明\n"
        "长春,2003-08-22,长春市重复测试,调研,\n"
        "长春,2003-08-22,长春市重复测试,综合,王明\n",
        encoding="utf-8",
    )
    code, out, err = run(runner, folder, "import", str(batch))
    assert code == 0, out + err
    assert (
        "dup.csv:3: warning: 与本批 dup.csv:2 重复，只导入一次，用的是 dup.csv:2 的内容；"
        "但两行有不同：类别（本行“调研”，dup.csv:2 为“综合”）；审核人（本行空，dup.csv:2 为“王明”）\n"
    ) in out
    assert "dup.csv:4: warning: 与本批 dup.csv:2 重复，只导入一次\n" in out
    text = (folder / "submissions/2003/changchun/08.yaml").read_text(encoding="utf-8")
    assert "category: general\n" in text
    assert "research" not in text

    # the same title again, now against the folder: skipped, and what it says otherwise named
    again = tmp_path / "again.csv"
    again.write_text(
        ",".join(HEAD) + ",合报单位\n长春,2003-08-22,长春市重复测试,调研,王明,四平\n"
        "长春,2003-08-22,长春市重复测试,综合,王明,\n",
        encoding="utf-8",
    )
    before = commits(folder)
    code, out, _err = run(runner, folder, "--lang", "en", "import", str(again))
    assert code == 0
    assert (
        "again.csv:2: warning: duplicate of submissions/2003/changchun/08.yaml:1; skipped, and "
        "the record in the folder is kept as it is — but they differ: 类别 (this row “调研”, "
        "submissions/2003/changchun/08.yaml:1 “general”); 合报单位 (this row “四平”, "
        "submissions/2003/changchun/08.yaml:1 empty)\n"
    ) in out
    assert (
        "again.csv:3: warning: duplicate of submissions/2003/changchun/08.yaml:1; skipped\n" in out
    )
    assert commits(folder) == before


# --- a Big5 file in traditional characters ----------------------------------------------------

TRADITIONAL_HEADERS = {
    "報送單位": "point",
    "直報點": "point",
    "單位名稱": "point",
    "報送日期": "date",
    "報送時間": "date",
    "標題": "title",
    "信息標題": "title",
    "題目": "title",
    "信息名稱": "title",
    "類別": "category",
    "信息類別": "category",
    "分類": "category",
    "約稿編號": "solicitation",
    "審核人": "reviewer",
    "簽發人": "reviewer",
    "密級": "classification",
    "合報單位": "co_submitters",
    "聯合報送單位": "co_submitters",
    "發生時間": "occurred_at",
    "事發時間": "occurred_at",
    "報告時間": "reported_at",
    "上報時間": "reported_at",
    "備註": "note",
    "說明": "note",
}


def test_traditional_headers_and_words_are_known() -> None:
    from govinfo.importers.columns import SUBMISSION_ALIASES, _alias_index, _clean_header
    from govinfo.importers.columns import Mapping_ as M
    from govinfo.importers.values import parse_category, parse_classification, parse_mode

    index = _alias_index(SUBMISSION_ALIASES, M())
    for header, name in TRADITIONAL_HEADERS.items():
        assert index.get(_clean_header(header)) == name, header
    words = {
        "綜合": "general",
        "調研報告": "research",
        "問題類": "problem",
        "突發事件": "emergency",
    }
    words |= {"緊急信息": "emergency", "輿情清單": "opinion-list", "社情民意清單": "opinion-list"}
    for word, value in words.items():
        assert parse_category(word).value == value, word
    assert [parse_classification(w).value for w in ("公開", "內部", "機密", "絕密")] == [
        "public",
        "internal",
        "secret",
        "secret",
    ]
    assert [parse_mode(w).value for w in ("單條", "綜合採用", "合編")] == [
        "single",
        "combined",
        "combined",
    ]


def test_a_big5_file_with_traditional_headers_imports(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    batch = tmp_path / "big5.csv"
    batch.write_bytes(
        "序號,報送單位,報送日期,標題,類別,密級,審核人,備註\n"
        "1,長春市,2003-08-22,長春市繁體測試,綜合,內部,王明,註\n"
        "2,四平,2003-08-23,四平市繁體調研,調研,公開,李四,\n".encode("big5")
    )
    code, out, _err = run(runner, folder, "import", "--dry-run", str(batch))
    assert code == 1
    assert "--encoding big5" in out
    code, out, err = run(runner, folder, "import", "--dry-run", "--encoding", "big5", str(batch))
    assert code == 1
    # the headers and words are known; a point's name is matched only as registered
    assert out.startswith(
        "big5.csv:2: error: 報送單位“長春市”不是已登记的直报点——是否指“长春”？\n"
    ), out
    assert out.count("error") == 1
    assert "以下列未导入" not in out

    batch.write_bytes(batch.read_bytes().replace("長春市".encode("big5"), "長春".encode("big5")))
    (folder / "points.yaml").write_text(
        (folder / "points.yaml")
        .read_text(encoding="utf-8")
        .replace("aliases: [长春市]", "aliases: [长春市, 長春]"),
        encoding="utf-8",
    )
    commit_all(folder)
    code, out, err = run(runner, folder, "import", "--encoding", "big5", str(batch))
    assert code == 0, out + err
    text = (folder / "submissions/2003/siping/08.yaml").read_text(encoding="utf-8")
    assert "category: research\n" in text
    assert "classification: public\n" in text
