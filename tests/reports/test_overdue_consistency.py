"""Findings and deductions never disagree (issue 4): every ``research-missing``,
``opinion-missing`` and ``solicitation-overdue`` finding as of a day has exactly one matching
deduction event in ``explain`` (and every ``emergency-late`` finding its ``emergency-late``
event); the other way round, every periodic or emergency deduction of the window is a finding,
and every ``solicitation-missed`` deduction is a finding unless the point answered after ``due``.

Checked over random folders (Hypothesis), over the overdue fixture through the CLI (the
``explain`` JSON), and over the 吉林 2003 sample when it is present.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from govinfo.cli.main import app
from govinfo.i18n import set_lang
from govinfo.model import Folder
from govinfo.render.words import period_words
from govinfo.reports.overdue import FindingKind
from tests.support.consistency import DEDUCTION_OF, check_consistent
from tests.support.paths import FIXTURES, SAMPLE
from tests.support.properties import SETTINGS, folders


@pytest.fixture(autouse=True)
def _zh() -> None:
    set_lang("zh")


@SETTINGS
@given(folders(), st.integers(0, 364) | st.just(364))
def test_findings_and_deductions_agree_on_random_folders(f: Folder, day: int) -> None:
    check_consistent(f, 2003, dt.date(2003, 1, 1) + dt.timedelta(days=day))


# --- the fixture, through the CLI: `overdue` JSON against `explain` JSON -------------------


def test_every_finding_has_one_deduction_in_explain(tmp_path: Path, runner: CliRunner) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "overdue", data)

    def cli(*args: str) -> dict[str, object]:
        result = runner.invoke(app, ["--data", str(data), *args, "--format", "json"])
        assert result.exit_code == 0, result.stderr
        doc: dict[str, object] = json.loads(result.stdout)
        return doc

    findings = cli("overdue", "--as-of", "2003-12-31")["findings"]
    assert isinstance(findings, list)
    checked = 0
    explained: dict[str, list[dict[str, str]]] = {}
    for x in findings:
        kind = FindingKind(x["kind"])
        if kind not in DEDUCTION_OF or kind is FindingKind.EMERGENCY_LATE:
            continue
        if x["point"] not in explained:
            events = cli("explain", x["point"], "2003", "--as-of", "2003-12-31")["events"]
            assert isinstance(events, list)
            explained[x["point"]] = events
        if kind is FindingKind.SOLICITATION_OVERDUE:
            words = f"约稿 {x['ref']} 未报"
        else:
            words = period_words(x["period"])
        hits = [
            e
            for e in explained[x["point"]]
            if e["kind"] == DEDUCTION_OF[kind] and e["date"] == x["due"] and words in e["detail"]
        ]
        assert len(hits) == 1, x
        checked += 1
    assert checked >= 15


# --- the 吉林 2003 sample -----------------------------------------------------------------


@pytest.mark.skipif(not (SAMPLE / "govinfo.yaml").is_file(), reason="no sample folder")
def test_the_sample_agrees() -> None:
    from govinfo.load import load_folder

    loaded = load_folder(SAMPLE, years=(2002, 2003))
    assert loaded.errors == 0
    for as_of in ("2003-03-31", "2003-09-30", "2003-12-31"):
        assert check_consistent(loaded.folder, 2003, dt.date.fromisoformat(as_of)) > 0
