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
