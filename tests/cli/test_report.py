"""`govinfo report YEAR`: the year-end tables (pure rows, terminal, xlsx, Markdown, CSV, --at)
on the fixture folder ``tests/fixtures/scoring``, checked against the JSON of `govinfo score`."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from govinfo.i18n import set_lang
from govinfo.load import WorkingTree, load_folder
from govinfo.render.export import BOM, csv_file_names
from govinfo.render.period import year_report_tables
from govinfo.render.table import Table, plain
from govinfo.render.yearend import bar_chart
from govinfo.render.yeartables import outcome_reason, why_left_out, year_end_tables
from govinfo.reports.period import period_report
from govinfo.reports.yearend import YearEnd, year_end
from govinfo.rules.annual import score_year
from govinfo.rules.periods import period
from tests.support.cli import run_cli as run
from tests.support.paths import FIXTURES

FIXTURE = FIXTURES / "scoring"
SHEETS = ["得分排名", "报送情况", "采用批示", "国办直报点", "月度走势", "优秀直报点", "取消资格"]
# issue 14: the year report gains the group rankings and the circular's lists; then the
# publications with the issues (期) its notice counts
SHEETS += ["刊物采用"]
SHEETS += ["市州排名", "县市区排名", "省直部门排名", "零报送零采用", "采用条目", "批示件目录"]
SHEETS += ["约稿完成情况"]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(FIXTURE, root)
    return root


def score_json(runner: CliRunner, data: Path, *args: str) -> dict[str, Any]:
    code, out, err = run(runner, data, "score", "2003", "--format", "json", *args)
    assert code == 0, err
    doc: dict[str, Any] = json.loads(out, parse_float=Decimal)
    return doc


def build(data: Path, as_of: str = "2003-12-31") -> YearEnd:
    import datetime as dt

    set_lang("zh")
    folder = load_folder(WorkingTree(data)).folder
    return year_end(folder, score_year(folder, 2003, dt.date.fromisoformat(as_of)))


def all_tables(data: Path, as_of: str = "2003-12-31") -> tuple[Table, ...]:
    """Every table of ``report 2003``: the year-end ones, then the year circular's."""
    import datetime as dt

    set_lang("zh")
    folder = load_folder(WorkingTree(data)).folder
    day = dt.date.fromisoformat(as_of)
    result = score_year(folder, 2003, day)
    circular = period_report(folder, period(2003, "year"), day, at_to=result)
    return year_report_tables(year_end_tables(year_end(folder, result)), circular)


def secret_titles(data: Path) -> list[str]:
    folder = load_folder(WorkingTree(data)).folder
    titles = [s.title for s in folder.submissions if s.is_secret]
    assert titles, "the fixture has a secret submission"
    return titles


# --- the rows -----------------------------------------------------------------------------------


def test_statistics_agree_with_the_scoring_counts(data: Path) -> None:
    ye = build(data)
    for p in ye.points:
        c = p.standing.counts
        assert sum(p.categories.values()) == c.submitted
        assert sum(p.research) == c.research
        assert p.levels.get("national", 0) == c.national_adopted
        assert sum(p.instructions.values()) == c.instructions
    by_id = {p.point.id: p for p in ye.points}
    # YG-2003-001 (due 05-15): changchun answered 05-08, siping 05-20, jilin never
    assert by_id["changchun"].solicitations == {"met": 1}
    assert by_id["siping"].solicitations == {"late": 1}
    assert by_id["jilin"].solicitations == {"missed": 1}
    # fgw (department) submitted research in Q2 and Q4; Q3 was charged
    assert by_id["fgw"].research == (0, 1, 0, 1)
    assert by_id["fgw"].research_missing == (3,)
    # changchun: zwxx (2002 item adopted 2003-01-06, its own 2003-03 item), gb-xinxi, and the
    # joint 专报 adoption it shares with nongan
    assert by_id["changchun"].publications == {"jl-zwxx": 2, "gb-xinxi": 1, "jl-zb": 1}
    assert by_id["nongan"].publications == {"jl-zb": 1}
    # jilin's item adopted twice by 专报 counts once there
    assert by_id["jilin"].publications == {"jl-zb": 1, "jl-mryq": 1}


def test_national_points_and_trend(data: Path) -> None:
    ye = build(data)
    # jilin lists the national tier but has never been admitted to it
    assert [(r.point.id, r.quarters, r.total) for r in ye.national] == [
        ("changchun", (1, 0, 0, 0), 1)
    ]
    assert [m.month for m in ye.months] == list(range(1, 13))
    assert sum(m.submitted for m in ye.months) == 12
    jan = ye.months[0]
    assert (jan.submitted, jan.adopted) == (0, 1)  # the December 2002 item adopted in January
    assert sum(m.national_adopted for m in ye.months) == 4


def test_lists_for_the_notice(data: Path) -> None:
    ye = build(data)
    assert [(r.point.id, r.rank) for r in ye.commended] == [("changchun", 2), ("fgw", 3)]
    assert outcome_reason(ye.commended[0]) == "2003年度得分 17.25 分，排名第 2，评为优秀直报点"
    assert [r.point.id for r in ye.disqualified] == ["siping"]
    assert outcome_reason(ye.disqualified[0]) == "2003年度得分 -1.5 分，低于 3 分"
    assert [(n.point.id, why_left_out(n)) for n in ye.passed_over] == [("baicheng", "信息失实")]
    assert [(n.point.id, why_left_out(n)) for n in ye.exempt] == [("yushu", "2003-08-01")]


def test_before_the_year_ends_there_are_no_outcomes_but_an_at_risk_list(data: Path) -> None:
    ye = build(data, "2003-06-30")
    assert not ye.final
    assert ye.commended == ye.disqualified == ()
    assert [(r.point.id, r.line) for r in ye.at_risk] == [("siping", Decimal("1.49"))]
    assert [m.month for m in ye.months] == [1, 2, 3, 4, 5, 6]
    keys = [t.key for t in year_end_tables(ye)]
    assert keys[-1] == "at_risk"


def test_bar_chart_scales_and_never_hides_a_non_zero_value() -> None:
    lines = bar_chart(["1月", "12月"], [[10, 1], [0, 5]], ["#", "="], width=10)
    assert lines == ["1月  ########## 10", "      0", "12月 # 1", "     ===== 5"]


# --- the terminal -------------------------------------------------------------------------------


def test_terminal_report_shows_every_table_and_the_chart(runner: CliRunner, data: Path) -> None:
    code, out, err = run(runner, data, "report", "2003")
    assert code == 0, err
    for title in (
        "2003年度政务信息直报点得分排名",
        "2003年度各直报点信息报送情况",
        "2003年度各直报点信息采用、批示和扣分情况",
        "2003年度国办直报点信息被国务院办公厅采用情况",
        "2003年度全省政务信息报送、采用月度走势",
        "月度走势图",
        "2003年度优秀政务信息直报点名单",
        "2003年度取消直报点资格名单",
    ):
        assert title in out
    assert "█" in out
    assert "2003年度得分 -1.5 分，低于 3 分" in out
    for title in secret_titles(data):
        assert title not in out


def test_english_headers_and_ascii_chart(
    runner: CliRunner, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GOVINFO_ASCII", "1")
    code, out, _ = run(runner, data, "--lang", "en", "report", "2003")
    assert code == 0
    assert "2003 submissions per point" in out
    assert "█" not in out
    assert "####" in out


# --- exports ------------------------------------------------------------------------------------


def test_xlsx_has_a_sheet_per_table_and_agrees_with_score(runner: CliRunner, data: Path) -> None:
    out = data.parent / "通报2003.xlsx"
    code, stdout, err = run(runner, data, "report", "2003", "--out", str(out))
    assert code == 0, err
    assert stdout == ""
    assert "通报2003.xlsx" in err
    wb = load_workbook(out)
    assert wb.sheetnames == SHEETS
    ws = wb["得分排名"]
    assert ws["A1"].value == "2003年度政务信息直报点得分排名"
    assert ws.freeze_panes == "A3"
    headers = [c.value for c in ws[2]]
    assert headers == [
        "名次",
        "直报点",
        "类别",
        "得分",
        "报送",
        "采用",
        "国办采用",
        "批示",
        "调研",
        "扣分",
        "状态",
    ]
    doc = score_json(runner, data)
    names = {p.id: p.label for p in load_folder(WorkingTree(data)).folder.points}
    rows = list(ws.iter_rows(min_row=3, max_row=2 + len(doc["points"]), values_only=True))
    assert len(rows) == len(doc["points"]) == 8
    for row, want in zip(rows, doc["points"], strict=True):
        rank, label, _, score, submitted, adopted, national, instr, research, ded, _ = row
        assert isinstance(rank, int)
        assert isinstance(submitted, int)
        assert isinstance(score, int | float)
        assert isinstance(ded, int | float)
        assert (rank, label) == (want["rank"], names[want["id"]])
        assert Decimal(str(score)) == want["score"]
        assert Decimal(str(ded)) == want["deductions"]
        assert (submitted, adopted, national, instr, research) == (
            want["submitted"],
            want["adopted"],
            want["national_adopted"],
            want["instructions"],
            want["research"],
        )
    assert ws["D3"].number_format == "0.00"
    # a column of Chinese names is wide enough: 省发展改革委 is 6 wide characters
    assert ws.column_dimensions["B"].width >= 12
    # the statistics sheets carry the same counts
    stats = wb["报送情况"]
    head = [c.value for c in stats[2]]
    assert head[:8] == ["名次", "直报点", "综合", "调研", "问题", "突发", "舆情清单", "报送合计"]
    col = head.index("报送合计")
    total_row = 3 + len(doc["points"])
    assert stats.cell(row=total_row, column=2).value == "合计"
    assert stats.cell(row=total_row, column=col + 1).value == sum(
        p["submitted"] for p in doc["points"]
    )
    adoptions = wb["采用批示"]
    head = [c.value for c in adoptions[2]]
    assert "《专报》" in head
    assert "省长批示" in head
    by_rank = {
        r[0]: r for r in adoptions.iter_rows(min_row=3, max_row=total_row - 1, values_only=True)
    }
    for want in doc["points"]:
        row = by_rank[want["rank"]]
        assert row[head.index("采用条数")] == want["adopted"]
        assert row[head.index("国家级采用")] == want["national_adopted"]
    commended = wb["优秀直报点"]
    assert [c.value for c in commended[3]] == [
        2,
        "长春市人民政府办公厅",
        17.25,
        "2003年度得分 17.25 分，排名第 2，评为优秀直报点",
    ]
    text = "".join(str(c.value) for s in wb for r in s.iter_rows() for c in r)
    for title in secret_titles(data):
        assert title not in text


def test_xlsx_in_english(runner: CliRunner, data: Path) -> None:
    out = data.parent / "report.xlsx"
    assert run(runner, data, "--lang", "en", "report", "2003", "--out", str(out))[0] == 0
    wb = load_workbook(out)
    assert wb.sheetnames[0] == "Ranking"
    assert [c.value for c in wb["Ranking"][2]][:4] == ["rank", "point", "kind", "score"]


def test_csv_folder_has_a_bom_and_round_trips(runner: CliRunner, data: Path) -> None:
    out = data.parent / "通报"
    code, _, err = run(runner, data, "report", "2003", "--out", f"{out}/")
    assert code == 0, err
    tables = all_tables(data)
    names = csv_file_names(tables)
    assert sorted(p.name for p in out.iterdir()) == sorted(names)
    assert names[0] == "01-得分排名.csv"
    assert sorted(names) == names  # the files sort in the tables' order (10 after 09)
    assert len(names) >= 10
    for name, table in zip(names, tables, strict=True):
        raw = (out / name).read_bytes()
        assert raw.startswith(BOM.encode("utf-8"))
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
        assert rows[0] == [c.header for c in table.columns]
        want = [[plain(c) for c in r] for r in table.rows]
        if table.total is not None:
            want.append([plain(c) for c in table.total])
        assert rows[1:] == want
    ranking = list(csv.DictReader(io.StringIO((out / names[0]).read_text("utf-8-sig"))))
    doc = score_json(runner, data)
    assert [Decimal(r["得分"]) for r in ranking] == [p["score"] for p in doc["points"]]


def test_markdown_holds_every_table_and_the_chart(runner: CliRunner, data: Path) -> None:
    out = data.parent / "report.md"
    assert run(runner, data, "report", "2003", "--out", str(out))[0] == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# 吉林省2003年度政务信息直报点工作统计\n")
    for i, table in enumerate(all_tables(data), 1):
        assert f"## {i}. {table.title}" in text
    assert "| 名次 | 直报点" in text.replace("|   名次 |", "| 名次 |")
    assert "```text\n月度走势图" in text
    for title in secret_titles(data):
        assert title not in text


def test_unknown_export_kind_is_a_usage_error(runner: CliRunner, data: Path) -> None:
    out = data.parent / "report.pdf"
    code, _, err = run(runner, data, "report", "2003", "--out", str(out))
    assert code == 2
    assert "report.pdf" in err
    assert "只支持 .docx、.xlsx、.md、.markdown 文件，或一个文件夹" in err
    assert not out.exists()
    code, _, err = run(runner, data, "--lang", "en", "report", "2003Q1", "--out", str(out))
    assert code == 2
    assert "give a .docx, .xlsx, .md or .markdown file, or a folder ending in /" in err
    code, _, err = run(runner, data, "score", "2003", "--out", str(out))
    assert code == 2
    assert "只支持 .csv、.xlsx、.md、.markdown 文件" in err
    assert not out.exists()


def test_out_without_extension_or_slash_is_a_usage_error(runner: CliRunner, data: Path) -> None:
    out = data.parent / "通报"
    code, _, err = run(runner, data, "report", "2003-08", "--out", str(out))
    assert code == 2
    assert err.strip() == (
        f"--out {out}：没有扩展名；请写 .docx、.xlsx、.md、.markdown 文件，"
        f"或一个以 / 结尾的文件夹（{out}/，每张表一个 CSV）"
    )
    assert not out.exists()
    code, _, err = run(runner, data, "--lang", "en", "report", "2003", "--out", str(out))
    assert code == 2
    assert f"--out {out}: no extension; give a .docx, .xlsx, .md or .markdown file" in err
    assert f"a folder ending in / ({out}/, one CSV per table)" in err
    assert not out.exists()
    out.mkdir()  # a folder that exists is a folder, with or without the /
    code, _, err = run(runner, data, "report", "2003-08", "--out", str(out))
    assert code == 0, err
    assert len(list(out.iterdir())) > 1


def test_out_of_a_table_that_names_a_folder_is_refused(runner: CliRunner, data: Path) -> None:
    folder = data.parent / "得分.xlsx"
    folder.mkdir()
    code, _, err = run(runner, data, "score", "2003", "--out", str(folder))
    assert code == 2
    assert err.strip() == f"--out {folder}：这是一个文件夹，请写一个文件名"
    assert list(folder.iterdir()) == []
    code, _, err = run(runner, data, "--lang", "en", "score", "2003", "--out", str(folder))
    assert code == 2
    assert err.strip() == f"--out {folder}: this is a folder; give a file name"
    code, _, err = run(runner, data, "score", "2003", "--out", str(data.parent / "得分"))
    assert code == 2
    assert "只支持 .csv、.xlsx、.md、.markdown 文件" in err


@pytest.mark.parametrize("name", ["得分.xlsx", "通报.docx", "表.md"])
@pytest.mark.parametrize("period", ["2003", "2003-08"])
def test_out_of_a_report_that_names_a_folder_is_refused_before_any_work(
    runner: CliRunner, data: Path, name: str, period: str
) -> None:
    """A file's name that an existing folder has: refused as score refuses it (exit 2), not
    taken for a folder of CSVs nor failed after the work; ``--at nope`` shows the refusal
    comes before the folder is read (reading it would fail with exit 1)."""
    folder = data.parent / name
    folder.mkdir()
    for extra in ((), ("--at", "nope")):
        code, _, err = run(runner, data, "report", period, "--out", str(folder), *extra)
        assert code == 2, err
        assert err.strip() == f"--out {folder}：这是一个文件夹，请写一个文件名"
    code, _, err = run(runner, data, "--lang", "en", "report", period, "--out", str(folder))
    assert code == 2
    assert err.strip() == f"--out {folder}: this is a folder; give a file name"
    assert list(folder.iterdir()) == []
    for command in (("score", "2003"), ("overdue",), ("explain", "长春", "2003")):
        if name.endswith(".docx"):
            continue  # no table command writes a .docx
        code, _, err = run(runner, data, *command, "--out", str(folder))
        assert code == 2, err
        assert err.strip() == f"--out {folder}：这是一个文件夹，请写一个文件名"
    assert list(folder.iterdir()) == []


# --- --at ---------------------------------------------------------------------------------------


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True)


def test_report_at_reproduces_the_published_tables(runner: CliRunner, tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    data = repo / "data"
    shutil.copytree(FIXTURE, data)
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "published")
    git(repo, "tag", "v2003")
    month = data / "submissions" / "2003" / "siping" / "05.yaml"
    month.write_text(
        month.read_text(encoding="utf-8")
        + "    - {publication: gb-xinxi, date: 2003-05-30, mode: single}\n",
        encoding="utf-8",
    )
    git(repo, "commit", "-qam", "an adoption arrives")

    def ranking(*extra: str) -> list[list[str]]:
        out = tmp_path / f"out{len(extra)}"
        code, _, err = run(runner, data, "report", "2003", "--out", f"{out}/", *extra)
        assert code == 0, err
        text = (out / "01-得分排名.csv").read_text("utf-8-sig")
        return list(csv.reader(io.StringIO(text)))

    old, new = ranking("--at", "v2003"), ranking()
    assert old != new
    for rows, extra in ((old, ("--at", "v2003")), (new, ())):
        doc = score_json(runner, data, *extra)
        assert [Decimal(r[3]) for r in rows[1:]] == [p["score"] for p in doc["points"]]
    assert run(runner, data, "report", "2003", "--at", "nope")[0] == 1


def test_markdown_cells_escape_pipes_and_line_breaks(runner: CliRunner, data: Path) -> None:
    """A title holding ``|`` stays in its cell, in `explain --format markdown` and in the
    report's Markdown file alike (both write their tables through one function)."""
    month = data / "submissions" / "2003" / "changchun" / "03.yaml"
    old = "关于长春市老工业基地改造的调查与思考"
    new = "长春市A|B两地=SUM(1,2)对比"
    month.write_text(month.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    code, out, err = run(runner, data, "explain", "长春", "2003", "--format", "markdown")
    assert code == 0, err
    report = data.parent / "report.md"
    assert run(runner, data, "report", "2003", "--out", str(report))[0] == 0
    for text in (out, report.read_text(encoding="utf-8")):
        lines = text.splitlines()
        rows = [i for i, line in enumerate(lines) if "changchun-2003-0001" in line]
        assert rows
        for i in rows:
            assert "长春市A\\|B两地=SUM(1,2)对比" in lines[i]
            rule = next(ln for ln in reversed(lines[:i]) if ln.startswith(("|:", "|-")))
            # as many cell borders as the table's rule line (an escaped pipe is no border)
            assert lines[i].replace("\\|", "").count("|") == rule.count("|")


def test_markdown_cell_writes_a_line_break_as_br() -> None:
    from govinfo.render.formats import markdown_table

    text = markdown_table(["a|b", "n"], [["x\ny", "1"], ["p\r\nq", "2"]], [False, True])
    lines = text.splitlines()
    assert len(lines) == 4
    assert lines[0].startswith("| a\\|b ")
    assert "x<br>y" in lines[2]
    assert "p<br>q" in lines[3]
