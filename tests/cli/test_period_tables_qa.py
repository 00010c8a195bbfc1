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
