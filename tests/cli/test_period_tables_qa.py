"""`govinfo report PERIOD` as a clerk reads it (QA pass): a year that has not begun is refused
as a quarter is; files for people name no command; a period from 1 January shows its figures
once; what each adoption figure counts is said; English headers break at spaces; generated
words are localised; short Chinese headers stay whole."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support.cli import run_cli as run
from tests.support.paths import SAMPLE


@pytest.mark.parametrize("out", [None, "n2005.docx", "n2005.xlsx"])
def test_a_year_that_has_not_begun_is_refused_as_a_quarter_is(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, out: str | None
) -> None:
    monkeypatch.setenv("GOVINFO_TODAY", "2004-01-15")
    extra = () if out is None else ("--out", str(tmp_path / out))
    code, text, err = run(runner, SAMPLE, "report", "2005", *extra)
    assert code == 1, text + err
    assert err.strip() == "2005 从 2005-01-01 开始，截至 2004-01-15 尚未开始，没有可统计的数据"
    assert text == ""
    assert list(tmp_path.iterdir()) == []
    # a 成文日期 does not change that (it is not judged against a TO before the period)
    notice = tmp_path / "n.docx"
    code, _, err = run(
        runner, SAMPLE, "report", "2005", "--out", str(notice), "--date", "2004-01-01"
    )
    assert code == 1
    assert "尚未开始" in err
    assert not notice.exists()
    code, _, err = run(runner, SAMPLE, "--lang", "en", "report", "2004Q2")
    assert code == 1
    assert "2004Q2 begins on 2004-04-01: as of 2004-01-15 it has not begun" in err
    code, text, err = run(
        runner, SAMPLE, "report", "2003", "--as-of", "2002-12-31", "--format", "json"
    )
    assert code == 1
    assert text == ""
    assert "尚未开始" in err


def test_files_for_people_name_no_command_and_match_the_notice_title(
    runner: CliRunner, tmp_path: Path
) -> None:
    md = tmp_path / "q3.md"
    assert run(runner, SAMPLE, "report", "2003Q3", "--out", str(md))[0] == 0
    text = md.read_text("utf-8")
    assert "govinfo" not in text
    assert "--as-of" not in text
    assert text.startswith("# 吉林省2003年第三季度政务信息工作情况统计\n")
    assert "累计 = 2003-01-01 至 2003-09-30 的全年得分与条数" in text
    assert "本期 = 截至 2003-09-30 的累计减去截至 2003-06-30 的累计" in text
    folder = tmp_path / "csv"
    assert run(runner, SAMPLE, "--lang", "en", "report", "2003-08", "--out", f"{folder}/")[0] == 0
    for path in folder.iterdir():
        assert "govinfo" not in path.read_text("utf-8-sig")


@pytest.mark.parametrize("period", ["2003", "2003H1", "2003Q1", "2003-01"])
def test_a_period_from_1_january_shows_its_figures_once(
    runner: CliRunner, tmp_path: Path, period: str
) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "t.xlsx"
    assert run(runner, SAMPLE, "report", period, "--out", str(out))[0] == 0
    wb = load_workbook(out)
    cells = [str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value]
    assert not any(c.startswith("累计") for c in cells), [c for c in cells if "累计" in c]
    assert not any("本期 = " in c for c in cells)
    assert any(c.startswith("本期自1月1日起，本期即累计") for c in cells)
    code, text, _ = run(runner, SAMPLE, "report", period, "--format", "json")
    assert code == 0
    assert '"to_date"' in text
    assert '"rank_to_date"' in text


def _csv_tables(folder: Path) -> dict[str, list[list[str]]]:
    import csv
    import io

    return {
        p.name.split("-", 1)[1].removesuffix(".csv"): list(
            csv.reader(io.StringIO(p.read_text("utf-8-sig"), newline=""))
        )
        for p in folder.iterdir()
    }


def test_the_adoption_figures_say_what_they_count_and_reconcile(
    runner: CliRunner, tmp_path: Path
) -> None:
    """2003-08 in the sample: 刊物采用 counts adoptions (a joint item once: 201, of which 116
    national to date), 采用条目 lists a joint item per point (202 rows), the rankings count
    items per point (国办采用 117 to date: one national item is joint)."""
    folder = tmp_path / "aug"
    assert run(runner, SAMPLE, "report", "2003-08", "--out", f"{folder}/")[0] == 0
    tables = _csv_tables(folder)
    pubs = tables["刊物采用"]
    total = next(r for r in pubs if r[0] == "合计")
    assert total[pubs[0].index("本期采用")] == "201"
    national = next(r for r in pubs if r[1] == "国家级")
    assert national[pubs[0].index("累计采用")] == "116"
    items = [r for r in tables["采用条目"][1:] if len(r) > 4 and r[0].startswith("2003-")]
    assert len(items) == 202
    overview = tables["总体情况"]
    to_date = next(r for r in overview if r[0] == "累计")
    assert to_date[overview[0].index("国办采用")] == "117"
    md = tmp_path / "aug.md"
    assert run(runner, SAMPLE, "report", "2003-08", "--out", str(md))[0] == 0
    notes = md.read_text("utf-8")
    assert "一条信息每被一种刊物采用一次计一次，合报信息只计一次" in notes  # 刊物采用
    assert "合报信息在每个合报单位下各列一次，故行数可多于刊物表的采用合计" in notes  # 采用条目
    assert "采用、国办采用按条计，一条信息不论被采用几次计一条" in notes  # 总体情况
    instructed = notes.split("领导批示件目录", 1)[1].split("\n#", 1)[0]
    assert "每行一次批示" in instructed  # its own note, not 采用条目's
    assert "每行一次采用" not in instructed


def test_the_year_report_carries_the_issues_its_notice_counts(
    runner: CliRunner, tmp_path: Path
) -> None:
    folder = tmp_path / "year"
    assert run(runner, SAMPLE, "report", "2003", "--out", f"{folder}/")[0] == 0
    tables = _csv_tables(folder)
    pubs = tables["刊物采用"]
    total = next(r for r in pubs if r[0] == "合计")
    assert total[pubs[0].index("期数")] == "708"
    # a year's figures once, without 本期 (its tables' headers and notes alike)
    assert not [h for h in pubs[0] if h.startswith("本期")], pubs[0]
    silent = tables["零报送零采用"]
    assert not [h for h in silent[0] if h.startswith("本期")], silent[0]
    assert not [r for r in silent if r and r[0].startswith("本期")], silent
    md = tmp_path / "year.md"
    assert run(runner, SAMPLE, "report", "2003", "--out", str(md))[0] == 0
    assert "一条信息在几个月被采用的，每月各计 1 条" in md.read_text("utf-8")  # 月度走势
    notice = tmp_path / "n.docx"
    assert run(runner, SAMPLE, "report", "2003", "--out", str(notice))[0] == 0
    from docx import Document

    text = "".join(p.text for p in Document(str(notice)).paragraphs)
    assert "刊发于各级信息刊物708期" in text


def test_a_folder_with_no_adoptions_has_no_publication_total(
    runner: CliRunner, tmp_path: Path
) -> None:
    root = tmp_path / "new"
    assert run(runner, root, "init", str(root))[0] == 0
    for period in ("2003-08", "2003"):
        code, text, err = run(runner, root, "report", period)
        assert code == 0, err
        table = text.split("各刊物采用情况", 1)[1].split("\n\n", 1)[0]
        assert "（无）" in table
        assert "\n合计" not in table
