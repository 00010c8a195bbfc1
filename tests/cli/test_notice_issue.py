"""The 通报 as a clerk checks it before it is sent (issue 15, QA pass): the 发文字号's year is
the year of issue, a 成文日期 before the period's figures end is refused, the 版记 of a template
comes last, the title names the 发文机关, the method notes stand as a 注, late and missed 约稿
apart, the commendation says truthfully how its list was drawn, a silent network is said in a
sentence, and a usage error names only the options given."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from docx import Document
from typer.testing import CliRunner

from tests.support.cli import run_cli
from tests.support.paths import SAMPLE


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("issue") / "data"
    shutil.copytree(SAMPLE, dest)
    return dest


def _text(path: Path) -> str:
    return "\n".join(p.text for p in Document(str(path)).paragraphs)


def _notice(runner: CliRunner, folder: Path, out: Path, *args: str) -> str:
    code, _, err = run_cli(runner, folder, *args[:2], "--out", str(out), *args[2:])
    assert code == 0, err
    return _text(out)


def test_the_number_takes_the_year_of_issue(
    folder: Path, tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GOVINFO_TODAY", "2004-01-15")
    text = _notice(
        runner,
        folder,
        tmp_path / "n.docx",
        "report",
        "2003",
        "--number",
        "5",
        "--date",
        "2004-01-10",
    )
    assert "吉政办函〔2004〕5号" in text.splitlines()
    assert "〔2003〕" not in text
    # without --date the 成文日期 is the period's last counted day, and the number its year
    text = _notice(runner, folder, tmp_path / "q.docx", "report", "2003Q3", "--number", "7")
    assert "吉政办函〔2003〕7号" in text.splitlines()
    assert "2003年9月30日" in text.splitlines()


def test_the_template_number_takes_the_year_of_issue(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    tpl = Document()
    tpl.add_paragraph("{{发文字号}}")
    tpl.add_paragraph("{{年度}}")
    tpl.add_paragraph("{{正文}}")
    tpl.save(str(tmp_path / "红头.docx"))
    text = _notice(
        runner,
        folder,
        tmp_path / "n.docx",
        "report",
        "2003-08",
        "--template",
        str(tmp_path / "红头.docx"),
        "--number",
        "3",
        "--date",
        "2004-01-02",
    )
    lines = text.splitlines()
    assert lines[:2] == ["吉政办函〔2004〕3号", "2003"]  # 年度 stays the year reported on
