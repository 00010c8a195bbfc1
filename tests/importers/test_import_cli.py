"""`govinfo import` end to end: real CSV/TSV/XLSX files, real git, the CLI through Typer."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import openpyxl
import yaml
from typer.testing import CliRunner

from govinfo.cli.main import app
from tests.support.batches import (
    HEADER,
    ROWS,
    write_csv,
)
from tests.support.cli import run_cli as run
from tests.support.folders import MakeFolder
from tests.support.gitrepo import commit_all, commits, git


def month(root: Path, rel: str) -> list[dict[str, object]]:
    loaded = yaml.safe_load((root / rel).read_text(encoding="utf-8"))
    assert isinstance(loaded, list)
    return loaded


def test_gb18030_csv_keeps_rare_characters(folder: Path, tmp_path: Path, runner: CliRunner) -> None:
    batch = write_csv(tmp_path / "2003Q3调研信息.csv", [HEADER, *ROWS], encoding="gb18030")
    code, out, err = run(runner, folder, "import", str(batch))
    assert code == 0, out + err
    assert "GB18030" in err
    assert commits(folder) == 2
    assert git(folder, "status", "--porcelain") == ""
    subject = git(folder, "log", "-1", "--format=%s").strip()
    assert subject == "导入 2003Q3调研信息.csv：新增 4 条，重复 0 条"
    aug = month(folder, "submissions/2003/changchun/08.yaml")
    assert [r["id"] for r in aug] == ["changchun-2003-0001", "changchun-2003-0002"]
    assert aug[0]["title"] == "长春市䶮字街道再就业调研"
    assert aug[0]["category"] == "research"
    sep = month(folder, "submissions/2003/fgw/09.yaml")
    assert sep[0]["date"] == dt.date(2003, 9, 3)
    assert re.search(r"长春\s+2\s+0", out)

    # The same file again: nothing new, no commit.
    code, out, err = run(runner, folder, "import", str(batch))
    assert code == 0, out + err
    assert commits(folder) == 2
    assert "重复" in out
    assert (
        "duplicate of submissions/2003/changchun/08.yaml:1" in out
        or "与 submissions/2003/changchun/08.yaml:1 重复" in out
    )


def test_bom_csv_and_utf16_tsv(folder: Path, tmp_path: Path, runner: CliRunner) -> None:
    bom = write_csv(tmp_path / "a.csv", [HEADER, ROWS[0]], encoding="utf-8-sig")
    tsv = write_csv(tmp_path / "b.tsv", [HEADER, ROWS[2]], encoding="utf-16", delim="\t")
    code, out, err = run(runner, folder, "--lang", "en", "import", str(bom), str(tsv))
    assert code == 0, out + err
    assert "a.csv: read as UTF-8 (BOM)" in err
    assert "b.tsv: read as UTF-16" in err
    assert (
        git(folder, "log", "-1", "--format=%s").strip()
        == "import a.csv、b.tsv: 2 new, 0 duplicates"
    )
    assert month(folder, "submissions/2003/siping/09.yaml")[0]["title"] == "四平市秋粮生产形势"


def test_bad_row_refuses_everything(folder: Path, tmp_path: Path, runner: CliRunner) -> None:
    bad = [*ROWS, ["5", "长春县", "2003-9-31", "无名信息", "杂项", ""]]
    batch = write_csv(tmp_path / "batch.csv", [HEADER, *bad], encoding="utf-8")
    before = commits(folder)
    code, out, err = run(runner, folder, "--lang", "en", "import", str(batch))
    assert code == 1
    assert (
        "batch.csv:6: error: 报送单位 “长春县” is not a registered point — did you mean 长春?"
        in out
    )
    assert (
        "batch.csv:6: error: 报送日期 “2003-9-31” is not a real date: 2003-09 has no day 31" in out
    )
    assert (
        "batch.csv:6: error: 类别 “杂项” is not understood (expected 综合 (general), "
        "调研 (research), 问题 (problem), 突发 (emergency) or 舆情清单 (opinion list))" in out
    )
    assert "nothing written" in err
    assert commits(folder) == before
    assert git(folder, "status", "--porcelain", "--untracked-files=all") == ""


def test_validator_problems_map_to_rows(folder: Path, tmp_path: Path, runner: CliRunner) -> None:
    header = [*HEADER, "约稿编号"]
    rows = [
        ["1", "长春", "2003-8-14", "x" * 201, "综合", "王明", ""],
        ["2", "四平", "2003-8-15", "四平", "综合", "李四", "YG-2003-999"],
    ]
    batch = write_csv(tmp_path / "v.csv", [header, *rows], encoding="utf-8")
    code, out, _err = run(runner, folder, "import", str(batch))
    assert code == 1
    # at the row, naming the column as the sheet heads it (not the YAML's title, solicitation)
    assert "v.csv:2: error: 标题：长度 201 超过 200 个字\n" in out
    assert "v.csv:3: error: 约稿编号：YG-2003-999 不是已登记的约稿\n" in out
    assert git(folder, "status", "--porcelain", "--untracked-files=all") == ""


def test_dry_run_writes_nothing(folder: Path, tmp_path: Path, runner: CliRunner) -> None:
    batch = write_csv(tmp_path / "a.csv", [HEADER, *ROWS], encoding="utf-8")
    code, out, err = run(runner, folder, "import", "--dry-run", str(batch))
    assert code == 0, out + err
    assert "4" in out
    assert "--dry-run" in err
    assert commits(folder) == 1
    assert not (folder / "submissions").exists()


def test_the_summary_says_the_duplicates_are_skipped(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    first = write_csv(tmp_path / "a.csv", [HEADER, ROWS[0]], encoding="utf-8")
    code, out, err = run(runner, folder, "import", str(first))
    assert code == 0, out + err
    batch = write_csv(tmp_path / "c.csv", [HEADER, *ROWS], encoding="utf-8")
    code, out, err = run(runner, folder, "--lang", "en", "import", "--dry-run", str(batch))
    assert code == 0, out + err
    said = out + err
    assert "dry run: 3 new would be imported, 1 duplicate skipped; nothing written" in said
    code, out, err = run(runner, folder, "import", "--dry-run", str(batch))
    assert "试运行（--dry-run）：将新增 3 条，跳过重复 1 条；未写入任何内容" in out + err
    code, out, err = run(runner, folder, "--lang", "en", "import", str(batch))
    assert code == 0, out + err
    assert "imported: 3 new, 1 duplicate skipped; commit " in out + err
    assert git(folder, "log", "-1", "--format=%s").strip() == "import c.csv: 3 new, 1 duplicate"


def test_duplicates_within_batch_and_near_dates(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    rows = [
        ["1", "长春", "2003-8-14", "长春 市 就业 形势", "综合", "王明"],
        ["2", "长春", "2003-8-14", "长春市就业形势", "综合", "王明"],  # same after folding
        ["3", "长春", "2003-8-18", "长春市就业形势", "综合", "王明"],  # 4 days later
        ["4", "长春", "2003-9-18", "长春市就业形势", "综合", "王明"],  # a month later: fine
    ]
    batch = write_csv(tmp_path / "d.csv", [HEADER, *rows], encoding="utf-8")
    code, out, err = run(runner, folder, "--lang", "en", "import", str(batch))
    assert code == 0, out + err
    assert "d.csv:3: warning: repeats d.csv:2 in this batch; imported once" in out
    assert "d.csv:4: warning: possible duplicate of d.csv:2" in out
    assert "d.csv:5" not in out
    assert len(month(folder, "submissions/2003/changchun/08.yaml")) == 2
    assert len(month(folder, "submissions/2003/changchun/09.yaml")) == 1


def test_month_file_comments_survive_and_order_by_date(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    rel = "submissions/2003/changchun/08.yaml"
    clerk = (
        "# 长春 8月（手工录入，勿删注释）\n"
        "- id: cc-a\n"
        "  date: 2003-08-10\n"
        "  title: '“三农”问题调研'   # 引号照旧\n"
        "  category: research\n"
        "  reviewer: 王明\n"
        "\n"
        "# 下旬\n"
        "- id: cc-b\n"
        "  date: 2003-08-25\n"
        "  title: 月末情况\n"
        "  category: general\n"
        "  reviewer: 王明\n"
    )
    (folder / rel).parent.mkdir(parents=True)
    (folder / rel).write_text(clerk, encoding="utf-8")
    commit_all(folder, "clerk")
    batch = write_csv(tmp_path / "a.csv", [HEADER, ROWS[0], ROWS[1]], encoding="utf-8")
    code, out, err = run(runner, folder, "import", str(batch))
    assert code == 0, out + err
    text = (folder / rel).read_text(encoding="utf-8")
    kept = iter(text.splitlines())
    for line in clerk.splitlines():
        assert any(line == other for other in kept), line
    assert [r["id"] for r in yaml.safe_load(text)] == [
        "cc-a",
        "changchun-2003-0001",
        "changchun-2003-0002",
        "cc-b",
    ]
    assert code == 0
    check = runner.invoke(app, ["--data", str(folder), "check"])
    assert check.exit_code == 0, check.output


def test_folder_inside_a_larger_repository(
    make_folder: MakeFolder, tmp_path: Path, runner: CliRunner
) -> None:
    top = tmp_path / "office"
    top.mkdir()
    git(top, "init", "-q")
    (top / "notes.txt").write_text("v1\n")
    root = make_folder(name="office/data")
    commit_all(top)
    (top / "notes.txt").write_text("v2, not for the import commit\n")
    batch = write_csv(tmp_path / "a.csv", [HEADER, *ROWS], encoding="utf-8")
    code, out, err = run(runner, root, "import", str(batch))
    assert code == 0, out + err
    files = git(top, "show", "--name-only", "--format=", "HEAD").split()
    assert files
    assert all(f.startswith("data/submissions/2003/") for f in files)
    assert git(top, "status", "--porcelain") == " M notes.txt\n"


def test_xlsx_title_row_and_merged_header(folder: Path, tmp_path: Path, runner: CliRunner) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "三季度"
    ws["A1"] = "2003年第三季度调研信息汇总表"
    ws.merge_cells("A1:F1")
    # A two-row header: 报送单位 and 报送日期 merged down; 信息 spanning 标题 and 类别.
    ws["A2"], ws["B2"], ws["C2"], ws["E2"] = "报送单位", "报送日期", "信息", "审核人"
    ws.merge_cells("A2:A3")
    ws.merge_cells("B2:B3")
    ws.merge_cells("C2:D2")
    ws.merge_cells("E2:E3")
    ws["C3"], ws["D3"] = "标题", "类别"
    ws.append(["长春", dt.datetime(2003, 8, 14), "长春市再就业工作调研", "调研", "王明"])
    ws.append(["四平", "2003.9.2", "四平市秋粮生产形势", "综合", "李四"])
    ws.append(["长春县", "2003-9-3", "错误单位", "综合", "李四"])
    for _ in range(5):
        ws.append([None, None, None])  # empty trailing rows
    path = tmp_path / "q3.xlsx"
    wb.save(path)
    code, out, _err = run(runner, folder, "--lang", "en", "import", str(path))
    assert code == 1
    assert out.startswith("q3.xlsx:三季度:6: error: 报送单位 “长春县” is not a registered point")
    ws.delete_rows(6)
    wb.save(path)
    code, out, err = run(runner, folder, "import", str(path))
    assert code == 0, out + err
    assert month(folder, "submissions/2003/changchun/08.yaml")[0]["category"] == "research"
    assert month(folder, "submissions/2003/siping/09.yaml")[0]["date"] == dt.date(2003, 9, 2)


def test_xlsx_whose_dimension_lies(folder: Path, tmp_path: Path, runner: CliRunner) -> None:
    import zipfile

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    for r in ROWS:
        ws.append(r)
    good = tmp_path / "good.xlsx"
    wb.save(good)
    wps = tmp_path / "wps.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(wps, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data, n = re.subn(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:A1"', data)
                assert n == 1
            dst.writestr(info, data)
    check = openpyxl.load_workbook(wps, read_only=True)
    assert check.active.calculate_dimension() == "A1:A1"  # what a naive reader would trust
    code, out, err = run(runner, folder, "import", str(wps))
    assert code == 0, out + err
    assert "新增 4 条" in git(folder, "log", "-1", "--format=%s")


def test_adoption_log(folder: Path, tmp_path: Path, runner: CliRunner) -> None:
    batch = write_csv(tmp_path / "a.csv", [HEADER, *ROWS], encoding="utf-8")
    assert run(runner, folder, "import", str(batch))[0] == 0
    log = [
        ["刊物", "期号", "采用日期", "采用方式", "信息编号", "报送单位", "标题"],
        ["《吉林政务信息》", "第45期", "2003-8-20", "单条", "changchun-2003-0001", "", ""],
        ["jl-zb", "第12期", "2003-9-10", "综合", "", "四平", "四平市秋粮生产形势"],
        ["jl-zb", "第12期", "2003-9-10", "综合", "", "四平", "四平市秋粮生产形势"],
        ["国办信息", "1", "2003-9-10", "单条", "", "长春", "没有这条"],
    ]
    adopt = write_csv(tmp_path / "采用.csv", log, encoding="gb18030")
    code, out, _err = run(runner, folder, "--lang", "en", "import", "--adoptions", str(adopt))
    assert code == 1
    assert "采用.csv:5: error" in out
    adopt = write_csv(tmp_path / "采用.csv", log[:4], encoding="gb18030")
    code, out, err = run(runner, folder, "--lang", "en", "import", "--adoptions", str(adopt))
    assert code == 0, out + err
    assert "采用.csv:4: warning: repeats 采用.csv:3" in out
    aug = month(folder, "submissions/2003/changchun/08.yaml")
    assert aug[0]["adoptions"] == [
        {
            "publication": "jl-zwxx",
            "date": dt.date(2003, 8, 20),
            "mode": "single",
            "issue": "第45期",
        }
    ]
    sep = month(folder, "submissions/2003/siping/09.yaml")
    assert sep[0]["adoptions"][0]["mode"] == "combined"
    before = commits(folder)
    code, out, err = run(runner, folder, "import", "--adoptions", str(adopt))
    assert code == 0, out + err
    assert commits(folder) == before


def test_workbook_sheets_without_a_header_are_skipped(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = "填表说明"
    notes["A1"] = "请按月填报，日期格式为 2003-8-14"
    data = wb.create_sheet("八月")
    data.append(HEADER)
    data.append(ROWS[0])
    wb.create_sheet("Sheet3")
    path = tmp_path / "w.xlsx"
    wb.save(path)
    code, out, err = run(runner, folder, "--lang", "en", "import", str(path))
    assert code == 0, out + err
    assert "w.xlsx:填表说明:1: warning: this sheet has no header row" in out
    code, out, _err = run(
        runner, folder, "--lang", "en", "import", "--sheet", "填表说明", str(path)
    )
    assert code == 1
    assert "w.xlsx:填表说明:1: error: no header row found" in out


def test_folder_outside_git(make_folder: MakeFolder, tmp_path: Path, runner: CliRunner) -> None:
    root = make_folder(name="plain")
    batch = write_csv(tmp_path / "a.csv", [HEADER, ROWS[0]], encoding="utf-8")
    code, out, err = run(runner, root, "--lang", "en", "import", str(batch))
    assert code == 0, out + err
    assert "not in a git repository" in err
    assert len(month(root, "submissions/2003/changchun/08.yaml")) == 1
