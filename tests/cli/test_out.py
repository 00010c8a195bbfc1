"""One export story for people (issue 13 item 5): ``--out FILE`` on every command that prints a
table writes it in the folder's language (names, localised values, a BOM in CSV), atomically,
while ``--format csv|json`` on stdout stays SPEC's machine contract; ``overdue --out`` carries
each point's name, information officer and phone, and ``overdue --notice`` one reminder per
point."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from tests.support.cli import run_cli
from tests.support.folders import MakeFolder, copy_fixture
from tests.support.paths import FIXTURES, SAMPLE


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return copy_fixture("scoring", tmp_path)


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "a CSV for people starts with a BOM"
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


def test_score_csv_for_people_and_for_programs(
    runner: CliRunner, data: Path, tmp_path: Path
) -> None:
    out = tmp_path / "得分.csv"
    code, stdout, err = run_cli(runner, data, "score", "2003", "--format", "csv", "--out", str(out))
    assert code == 0, err
    people = read_csv(out)
    assert people[0][:4] == ["名次", "直报点", "类别", "得分"]
    assert "状态" in people[0]
    statuses = {row[people[0].index("状态")] for row in people[1:]}
    assert "优秀" in statuses
    assert "commended" not in statuses
    assert "长春" in {row[1] for row in people[1:]}
    machine = list(csv.reader(io.StringIO(stdout)))
    assert not stdout.startswith("\ufeff")
    assert machine[0][:3] == ["rank", "id", "name"]
    assert "commended" in {row[machine[0].index("status")] for row in machine[1:]}


def test_score_xlsx_in_english(runner: CliRunner, data: Path, tmp_path: Path) -> None:
    out = tmp_path / "score.xlsx"
    code, _, err = run_cli(runner, data, "--lang", "en", "score", "2003", "--out", str(out))
    assert code == 0, err
    ws = load_workbook(out).worksheets[0]
    headers = [c.value for c in ws[2]]
    assert "Score" in headers or "score" in [str(h).lower() for h in headers]
    assert int(ws.page_setup.paperSize) == 9


def test_explain_export_keeps_titles_secret_stand_in_and_running_total(
    runner: CliRunner, data: Path, tmp_path: Path
) -> None:
    out = tmp_path / "长春.xlsx"
    code, _, err = run_cli(runner, data, "explain", "changchun", "2003", "--out", str(out))
    assert code == 0, err
    ws = load_workbook(out).worksheets[0]
    headers = [c.value for c in ws[2]]
    assert "标题" in headers
    assert "累计" in headers
    titles = [
        ws.cell(row=r, column=headers.index("标题") + 1).value for r in range(3, ws.max_row + 1)
    ]
    assert "[密]" in titles
    md = tmp_path / "长春.md"
    code, _, err = run_cli(runner, data, "explain", "changchun", "2003", "--out", str(md))
    assert code == 0, err
    assert "| 累计" in md.read_text(encoding="utf-8") or "累计 |" in md.read_text(encoding="utf-8")


def test_overdue_export_has_officer_and_phone_and_reminders(
    runner: CliRunner, make_folder: MakeFolder, tmp_path: Path
) -> None:
    root = make_folder()
    out = tmp_path / "逾期.csv"
    code, _, err = run_cli(runner, root, "overdue", "--as-of", "2003-09-30", "--out", str(out))
    assert code == 0, err
    rows = read_csv(out)
    assert rows[0][:4] == ["直报点", "全称", "信息员", "电话"]
    changchun = [r for r in rows[1:] if r[0] == "长春"]
    assert changchun
    assert all(r[1:4] == ["长春市人民政府办公厅", "王明", "0431-88900001"] for r in changchun)
    code, stdout, err = run_cli(runner, root, "overdue", "--as-of", "2003-09-30", "--notice")
    assert code == 0, err
    messages = [m for m in stdout.split("\n\n") if m.strip()]
    assert len(messages) == 3  # one per point with findings
    first = next(m for m in messages if "长春" in m)
    assert "王明" in first
    assert "2003-09-30" in first
    assert "逾期" in first
    assert "\n" not in first.strip()  # one line, to paste whole


def test_a_reminder_asks_to_send_only_what_is_still_owed(runner: CliRunner, tmp_path: Path) -> None:
    """A late emergency report was sent (late): a reminder asks to keep the time limit next
    time for it, and to send as soon as possible only what is still owed."""
    sample = tmp_path / "data"
    shutil.copytree(SAMPLE, sample)
    code, stdout, err = run_cli(runner, sample, "overdue", "--as-of", "2003-09-30", "--notice")
    assert code == 0, err
    messages = [m.strip() for m in stdout.split("\n\n") if m.strip()]
    only_late = [m for m in messages if m.endswith("。今后突发信息请严格按时限报送。")]
    both = [m for m in messages if m.endswith("。请尽快报送；今后突发信息请严格按时限报送。")]
    owed = [m for m in messages if m.endswith("。请尽快报送。")]
    assert only_late
    assert both
    assert owed
    assert len(only_late) + len(both) + len(owed) == len(messages)
    for m in only_late:
        assert "突发信息迟报" in m
        assert "应于" not in m  # nothing of it is still due
    for m in owed:
        assert "突发信息迟报" not in m


def test_points_list_out_and_an_unknown_extension(
    runner: CliRunner, data: Path, tmp_path: Path
) -> None:
    out = tmp_path / "名册.md"
    code, _, err = run_cli(runner, data, "points", "list", "--out", str(out))
    assert code == 0, err
    text = out.read_text(encoding="utf-8")
    assert "changchun" in text
    assert "长春市人民政府办公厅" in text
    bad = tmp_path / "名册.txt"
    code, _, err = run_cli(runner, data, "points", "list", "--out", str(bad))
    assert code == 2
    assert ".xlsx" in err
    assert not bad.exists()


def test_close_year_preview_out(runner: CliRunner, data: Path, tmp_path: Path) -> None:
    out = tmp_path / "年度结果.xlsx"
    code, _, err = run_cli(runner, data, "close-year", "2003", "--out", str(out))
    assert code == 0, err
    ws = load_workbook(out).worksheets[0]
    assert [c.value for c in ws[2]][:3] == ["名次", "直报点", "得分"]
    assert "长春市人民政府办公厅" in [c.value for c in ws["B"]]


def test_points_show_out_writes_history_and_years(
    runner: CliRunner, data: Path, tmp_path: Path
) -> None:
    book = tmp_path / "长春.xlsx"
    code, _, err = run_cli(runner, data, "points", "show", "changchun", "--out", str(book))
    assert code == 0, err
    workbook = load_workbook(book)
    assert workbook.sheetnames == ["历史记录", "历年得分"], "each sheet named for its table"
    sheets = workbook.worksheets
    assert "2003" in [str(c.value) for c in sheets[1]["A"]]
    one = tmp_path / "长春.csv"
    code, _, err = run_cli(runner, data, "points", "show", "changchun", "--out", str(one))
    assert code == 0, err
    rows = read_csv(one)
    titles = [row for row in rows if len(row) == 1]
    assert len(titles) == 2, "each table under its title, one below the other"
    assert [] in rows, "a blank row between the tables"


def test_import_out_writes_the_summary_and_a_bad_extension_imports_nothing(
    runner: CliRunner, data: Path, tmp_path: Path
) -> None:
    batch = FIXTURES / "oldformats" / "batch.xls"
    bad = tmp_path / "结果.txt"
    code, _, err = run_cli(runner, data, "import", str(batch), "--out", str(bad))
    assert code == 2
    assert not bad.exists()
    code, out, _ = run_cli(runner, data, "import", str(batch), "--dry-run")
    assert code == 0
    assert re.search(r"合计\s+4\s+0", out), "the refused run imported nothing: all 4 still new"
    summary = tmp_path / "结果.csv"
    code, _, err = run_cli(runner, data, "import", str(batch), "--out", str(summary))
    assert code == 0, err
    rows = read_csv(summary)
    assert rows[0] == ["直报点", "新增", "重复"]
    assert rows[-1] == ["合计", "4", "0"]


def test_import_whose_summary_file_cannot_be_written_still_says_what_it_imported(
    runner: CliRunner, data: Path, tmp_path: Path
) -> None:
    """The summary file is written after the import: when it cannot be (here its folder is a
    file), the import stands — its summary and commit line are shown, the failure is said on
    stderr, and the run exits 0 (SPEC: exit 1 means nothing was written); a second run finds
    every row a duplicate."""
    batch = FIXTURES / "oldformats" / "batch.xls"
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    code, out, err = run_cli(runner, data, "import", str(batch), "--out", str(blocker / "x.csv"))
    assert code == 0, err
    assert re.search(r"合计\s+4\s+0", out)
    assert "已导入" in err
    assert "x.csv" in err
    code, out, _ = run_cli(runner, data, "import", str(batch), "--dry-run")
    assert re.search(r"合计\s+0\s+4", out), "the first run imported the 4 rows"


def _sheet_rows(ws: Any) -> tuple[list[Any], list[dict[str, Any]]]:
    """A govinfo sheet's header (row 2) and its body rows as dicts, up to the first blank row."""
    headers = [c.value for c in ws[2]]
    rows = []
    for cells in ws.iter_rows(min_row=3):
        if all(c.value is None for c in cells):
            break
        rows.append({h: c for h, c in zip(headers, cells, strict=True)})
    return headers, rows


def test_overdue_workbook_has_date_and_number_cells_and_the_counts_line(
    runner: CliRunner, data: Path, tmp_path: Path
) -> None:
    out = tmp_path / "逾期.xlsx"
    args = ("overdue", "--as-of", "2003-12-31")
    code, table, err = run_cli(runner, data, *args, "--out", str(out))
    assert code == 0, err
    findings = json.loads(run_cli(runner, data, *args, "--format", "json")[1])["findings"]
    ws = load_workbook(out).worksheets[0]
    headers, rows = _sheet_rows(ws)
    assert headers[6:8] == ["到期日", "逾期天数"]
    assert len(rows) == len(findings)
    kinds = set()
    for row, f in zip(rows, findings, strict=True):
        due, days = row["到期日"], row["逾期天数"]
        assert due.is_date
        assert due.number_format == "yyyy-mm-dd"
        assert due.value.date() == dt.date.fromisoformat(f["due"])
        if f["kind"] == "emergency-late":  # nothing is owed: the detail gives the minutes
            assert days.value is None
            assert "分钟" in row["说明"].value
        else:
            assert days.data_type == "n"
            assert days.value == f["days_overdue"]
            assert isinstance(days.value, int)
        kinds.add(f["kind"])
    assert {"emergency-late", "inactive"} <= kinds
    # the terminal's count per kind is the line under the sheet
    counts = table.strip().splitlines()[-1]
    assert counts.startswith("逾期 10 项：")
    assert counts in [c.value for c in ws["A"]]


def test_overdue_workbook_without_findings_says_so(
    runner: CliRunner, data: Path, tmp_path: Path
) -> None:
    out = tmp_path / "逾期.xlsx"
    args = ("overdue", "--as-of", "2003-01-05", "--point", "changchun", "--out", str(out))
    code, _, err = run_cli(runner, data, *args)
    assert code == 0, err
    ws = load_workbook(out).worksheets[0]
    # no finding: one row saying so across the table, as every empty table of a workbook
    assert [r["直报点"].value for r in _sheet_rows(ws)[1]] == ["（无）"]
    assert any(str(c.value).startswith("截至 2003-01-05 没有逾期事项") for c in ws["A"])


@pytest.mark.parametrize(
    ("lang", "names"),
    [
        ("zh", ["2003年度得分排名", "2003年度得分明细", "直报点名册", "2003年度结果"]),
        ("en", ["2003 scores", "2003 scoring events", "Registry", "2003 outcome"]),
    ],
)
def test_a_one_table_workbook_names_its_sheet(
    runner: CliRunner, data: Path, tmp_path: Path, lang: str, names: list[str]
) -> None:
    commands = [
        ("score", "2003"),
        ("explain", "changchun", "2003"),
        ("points", "list"),
        ("close-year", "2003"),
    ]
    for i, (args, name) in enumerate(zip(commands, names, strict=True)):
        out = tmp_path / f"{i}.xlsx"
        code, _, err = run_cli(runner, data, "--lang", lang, *args, "--out", str(out))
        assert code == 0, err
        assert load_workbook(out).sheetnames == [name]


def test_report_and_explain_workbooks_hold_dates_as_dates(
    runner: CliRunner, data: Path, tmp_path: Path
) -> None:
    report = tmp_path / "通报.xlsx"
    code, _, err = run_cli(runner, data, "report", "2003", "--out", str(report))
    assert code == 0, err
    explain = tmp_path / "长春.xlsx"
    code, _, err = run_cli(runner, data, "explain", "changchun", "2003", "--out", str(explain))
    assert code == 0, err
    sheets = [*load_workbook(report).worksheets, *load_workbook(explain).worksheets]
    seen = 0
    for ws in sheets:
        headers, rows = _sheet_rows(ws)
        for header in ("日期", "截止日期"):
            if header not in headers:
                continue
            for row in rows:
                cell = row[header]
                assert cell.is_date, (ws.title, header, cell.value)
                assert cell.number_format == "yyyy-mm-dd"
                assert cell.value.year == 2003
                seen += 1
    assert seen > 10
    # numbers were numbers already: every count and score cell of the ranking is a number
    headers, rows = _sheet_rows(load_workbook(report).worksheets[0])
    for row in rows[:-1]:
        assert all(row[h].data_type == "n" for h in ("得分", "报送", "采用", "扣分"))


@pytest.mark.parametrize(
    "args",
    [
        ("score", "2003"),
        ("explain", "changchun", "2003"),
        ("overdue", "--as-of", "2003-09-30"),
        ("points", "list"),
        ("points", "show", "changchun"),
        ("close-year", "2003"),
        ("report", "2003"),
        ("report", "2003Q3"),
    ],
)
def test_out_into_a_folder_that_does_not_exist_is_refused(
    runner: CliRunner, data: Path, tmp_path: Path, args: tuple[str, ...]
) -> None:
    """A typo in a folder's name is told (exit 2, the folder named), never made into new
    folders where nobody finds the file."""
    missing = tmp_path / "报表" / "2003"
    code, out, err = run_cli(runner, data, *args, "--out", str(missing / "结果.xlsx"))
    assert code == 2, err
    assert f"文件夹 {missing} 不存在" in err
    assert "没有写入任何内容" in err
    assert out == "", "refused before the command's work"
    assert not (tmp_path / "报表").exists()
    code, _, err = run_cli(runner, data, "--lang", "en", *args, "--out", str(missing / "r.md"))
    assert code == 2, err
    assert f"the folder {missing} does not exist" in err
    assert not (tmp_path / "报表").exists()


def test_a_folder_govinfo_makes_must_be_in_a_folder_that_exists(
    runner: CliRunner, data: Path, tmp_path: Path
) -> None:
    """report --out DIR/ (one CSV per table) and --statements DIR/ make DIR itself, never the
    folders above it."""
    for option in ("--out", "--statements"):
        code, _, err = run_cli(runner, data, "report", "2003", option, f"{tmp_path}/typo/csv/")
        assert code == 2, err
        assert f"文件夹 {tmp_path / 'typo'} 不存在" in err
        assert not (tmp_path / "typo").exists()
    code, _, err = run_cli(runner, data, "report", "2003", "--out", f"{tmp_path}/csv/")
    assert code == 0, err
    assert len(list((tmp_path / "csv").glob("*.csv"))) > 5


def test_import_out_into_a_missing_folder_imports_nothing(
    runner: CliRunner, data: Path, tmp_path: Path
) -> None:
    batch = FIXTURES / "oldformats" / "batch.xls"
    code, _, err = run_cli(runner, data, "import", str(batch), "--out", f"{tmp_path}/no/x.csv")
    assert code == 2, err
    assert f"文件夹 {tmp_path / 'no'} 不存在" in err
    code, out, _ = run_cli(runner, data, "import", str(batch), "--dry-run")
    assert re.search(r"合计\s+4\s+0", out), "nothing was imported: all 4 still new"


def test_init_and_demo_make_their_folder_only_in_a_folder_that_exists(
    runner: CliRunner, tmp_path: Path
) -> None:
    from govinfo.cli.main import app

    for args in (["init"], ["demo", "generate", "--points", "3", "--submissions", "5"]):
        result = runner.invoke(app, [*args, str(tmp_path / "typo" / "数据")])
        assert result.exit_code == 2, result.output
        assert f"文件夹 {tmp_path / 'typo'} 不存在" in result.stderr
        assert not (tmp_path / "typo").exists()
    result = runner.invoke(app, ["demo", "generate", str(tmp_path / "demo"), "--points", "3"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "demo" / "govinfo.yaml").is_file()


def test_a_points_workbook_holds_years_as_numbers(runner: CliRunner, tmp_path: Path) -> None:
    sample, out = tmp_path / "data", tmp_path / "长春.xlsx"
    shutil.copytree(SAMPLE, sample)
    code, _, err = run_cli(runner, sample, "points", "show", "changchun", "--out", str(out))
    assert code == 0, err
    seen = 0
    for ws in load_workbook(out).worksheets:
        headers, rows = _sheet_rows(ws)
        for row in rows if "年度" in headers else []:
            year = row["年度"]
            if year.value is not None:
                assert year.data_type == "n", (ws.title, year.value)
                assert year.value in (2002, 2003), (ws.title, year.value)
                seen += 1
    assert seen >= 4  # two years scored, two commendations in the history
