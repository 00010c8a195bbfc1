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
from govinfo.reports.explain import explain_report
from govinfo.reports.overdue import Finding, FindingKind, overdue_findings
from govinfo.rules.annual import score_year
from govinfo.rules.events import (
    EMERGENCY_LATE,
    OPINION_MISSING,
    RESEARCH_MISSING,
    SOLICITATION_MISSED,
    Event,
)
from tests.test_scoring_properties import SETTINGS, folders

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parent / "data"

DEDUCTION_OF = {
    FindingKind.RESEARCH_MISSING: RESEARCH_MISSING,
    FindingKind.OPINION_MISSING: OPINION_MISSING,
    FindingKind.SOLICITATION_OVERDUE: SOLICITATION_MISSED,
    FindingKind.EMERGENCY_LATE: EMERGENCY_LATE,
}
FINDING_OF = {v: k for k, v in DEDUCTION_OF.items()}


def matches(finding: Finding, event: Event) -> bool:
    if event.point != finding.point or event.kind != DEDUCTION_OF.get(finding.kind):
        return False
    if finding.kind is FindingKind.EMERGENCY_LATE:
        # the finding is due on the deadline's day; the deduction is dated the report's day
        return event.submission == finding.ref
    if event.date != finding.due:
        return False
    if finding.kind is FindingKind.SOLICITATION_OVERDUE:
        return event.detail.ref == finding.ref
    return event.detail.period == finding.period


def answered_late(f: Folder, event: Event, as_of: dt.date) -> bool:
    sol = next(s for s in f.solicitations if s.id == event.detail.ref)
    return any(
        s.solicitation == sol.id
        and (s.point == event.point or event.point in s.co_submitters)
        and sol.due < s.date <= as_of
        for s in f.submissions
    )


def check_consistent(f: Folder, year: int, as_of: dt.date) -> int:
    """Assert the property for ``year`` scored as of ``as_of`` (the overdue window is the
    year up to as-of); return how many findings were matched."""
    found = [x for x in overdue_findings(f, as_of) if x.kind in DEDUCTION_OF]
    result = score_year(f, year, as_of)
    events = [e for evs in result.events.values() for e in evs if e.kind in FINDING_OF]
    for x in found:
        assert sum(1 for e in events if matches(x, e)) == 1, x
        # and explain shows that event, once, for the point
        point = next(p for p in f.points if p.id == x.point)
        rows = explain_report(f, result, point).rows
        assert sum(1 for e in result.events_of(x.point) if matches(x, e)) == 1
        assert len(rows) == len(result.events_of(x.point))
    for e in events:
        hits = [x for x in found if matches(x, e)]
        if e.kind == SOLICITATION_MISSED and not hits:
            assert answered_late(f, e, as_of), e
        else:
            assert len(hits) == 1, e
    return len(found)


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
    shutil.copytree(HERE / "fixtures" / "overdue", data)

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
