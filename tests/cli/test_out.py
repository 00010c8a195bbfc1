"""One export story for people (issue 13 item 5): ``--out FILE`` on every command that prints a
table writes it in the folder's language (names, localised values, a BOM in CSV), atomically,
while ``--format csv|json`` on stdout stays SPEC's machine contract; ``overdue --out`` carries
each point's name, information officer and phone, and ``overdue --notice`` one reminder per
point."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from tests.support.cli import run_cli
from tests.support.folders import MakeFolder, copy_fixture
from tests.support.paths import FIXTURES


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
