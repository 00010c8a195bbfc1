"""End-to-end differential test: random folders (the strategy of
``test_scoring_differential``) written as YAML files, read back by the real loader (which must
find no error), and ``govinfo score``/``explain --format json`` through the CLI compared with
the reference implementation of SPEC §2 (``tests/reference_scoring.py``).

This is the outside check's own set-up: files in, JSON out. Fewer examples than the in-memory
test, because each runs the CLI several times.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, Phase, given, settings
from typer.testing import CliRunner

from govinfo.cli.main import app
from govinfo.load import load_folder
from govinfo.model import Folder, HistoryKind, RuleSet, Submission
from tests.support import scoring_build as build
from tests.support.differential import canon, explain_chunks, folders
from tests.support.reference_scoring import reference_explain, reference_score

CLI_SETTINGS = settings(
    max_examples=100 if os.environ.get("GOVINFO_LONG_TESTS", "") not in ("", "0") else 12,
    deadline=None,
    derandomize=True,
    # shrinking through the CLI takes minutes; the in-memory test shrinks the same cases
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)


def num(value: Decimal) -> int | float:
    """A number YAML writes with the same digits (floats print their shortest round-trip
    text, so 0.125 is written ``0.125``; the loader reads the text as a Decimal)."""
    if value == value.to_integral_value():
        return int(value)
    as_float = float(value)
    assert Decimal(repr(as_float)) == value
    return as_float


def minute(value: dt.datetime) -> str:
    return value.strftime("%Y-%m-%dT%H:%M")


class NoAliasDumper(yaml.SafeDumper):
    """The folder's YAML profile refuses anchors; PyYAML would anchor a repeated date."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.dump(
        data, Dumper=NoAliasDumper, allow_unicode=True, sort_keys=False, default_flow_style=False
    )
    path.write_text(text, encoding="utf-8")


def rule_set_yaml(rs: RuleSet) -> dict[str, Any]:
    req = rs.requirements
    requirements: dict[str, Any] = {}
    if req.research_per_quarter is not None:
        requirements["research_per_quarter"] = {
            "kinds": [k.value for k in req.research_per_quarter.kinds],
            "min": req.research_per_quarter.min,
        }
    if req.opinion_list_per_month is not None:
        requirements["opinion_list_per_month"] = {
            "kinds": [k.value for k in req.opinion_list_per_month.kinds],
            "min": req.opinion_list_per_month.min,
        }
    requirements["inactive_days"] = req.inactive_days
    a = rs.annual
    return {
        "id": rs.id,
        "title": rs.title,
        "effective_from": rs.effective_from,
        "publications": {
            p.id: {
                "name": p.name,
                "level": p.level.value,
                "single": num(p.single),
                "combined": num(p.combined),
            }
            for p in rs.publications.values()
        },
        "instructions": {r.value: num(v) for r, v in rs.instructions.items()},
        "stacking": {
            "same_level": rs.stacking.same_level,
            "instructions": rs.stacking.instructions,
        },
        "multipliers": {k: num(v) for k, v in rs.multipliers.items()},
        "deductions": {k: num(v) for k, v in rs.deductions.items()},
        "emergency_deadline_minutes": rs.emergency_deadline_minutes,
        "requirements": requirements,
        "annual": {
            "commend_top": a.commend_top,
            "commend_excludes": list(a.commend_excludes),
            "disqualify_below": num(a.disqualify_below),
            "grace_admitted_from": f"{a.grace_admitted_from[0]:02d}-{a.grace_admitted_from[1]:02d}",
            "tie_break": list(a.tie_break),
        },
    }


def submission_yaml(s: Submission) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": s.id,
        "date": s.date,
        "title": s.title,
        "category": s.category.value,
        "reviewer": "审核人",
    }
    if s.co_submitters:
        out["co_submitters"] = list(s.co_submitters)
    if s.solicitation is not None:
        out["solicitation"] = s.solicitation
    if s.occurred_at is not None and s.reported_at is not None:
        out["occurred_at"] = minute(s.occurred_at)
        out["reported_at"] = minute(s.reported_at)
    if s.adoptions:
        out["adoptions"] = [
            {"publication": a.publication, "date": a.date, "mode": a.mode.value}
            for a in s.adoptions
        ]
    if s.instructions:
        out["instructions"] = [
            {"leader": i.leader, "rank": i.rank.value, "date": i.date} for i in s.instructions
        ]
    if s.flags:
        out["flags"] = [f.value for f in s.flags]
    return out


def write_folder(folder: Folder, root: Path) -> None:
    dump(root / "govinfo.yaml", {"format": 1, "office": "测试办公厅", "language": "en"})
    points = []
    for p in folder.points:
        history = []
        for ev in p.history:
            item: dict[str, Any] = {"date": ev.date, "event": ev.event.value, "tier": ev.tier.value}
            if ev.event in (HistoryKind.COMMENDED, HistoryKind.DISQUALIFIED) and ev.year:
                item["year"] = ev.year
            history.append(item)
        points.append(
            {
                "id": p.id,
                "name": p.name,
                "kind": p.kind.value,
                "tiers": [t.value for t in p.tiers],
                "history": history,
            }
        )
    dump(root / "points.yaml", points)
    for rs in folder.rule_sets:
        dump(root / "rules" / f"{rs.id}.yaml", rule_set_yaml(rs))
    by_year: dict[Path, list[dict[str, Any]]] = {}
    for sol in folder.solicitations:
        by_year.setdefault(root / "solicitations" / f"{sol.issued.year}.yaml", []).append(
            {
                "id": sol.id,
                "issued": sol.issued,
                "due": sol.due,
                "topic": sol.topic,
                "points": "all" if sol.points is None else list(sol.points),
            }
        )
    for adj in folder.adjustments:
        item = {"id": adj.id, "point": adj.point, "date": adj.date, "kind": adj.kind.value}
        if adj.points is not None:
            item["points"] = num(adj.points)
        item["reason"] = adj.reason
        if adj.submission is not None:
            item["submission"] = adj.submission
        by_year.setdefault(root / "adjustments" / f"{adj.date.year}.yaml", []).append(item)
    for s in folder.submissions:
        rel = Path("submissions", str(s.date.year), s.point, f"{s.date.month:02d}.yaml")
        by_year.setdefault(root / rel, []).append(submission_yaml(s))
    for path, records in by_year.items():
        dump(path, records)


def loadable_by_score(folder: Folder, year: int) -> Folder:
    """The folder without the submissions `score YEAR` does not load (it reads years
    ``year-1`` and ``year`` whole, December of ``year-2`` and January of ``year+1``)."""
    kept = tuple(
        s
        for s in folder.submissions
        if year - 1 <= s.date.year <= year
        or (s.date.year, s.date.month) in ((year - 2, 12), (year + 1, 1))
    )
    ids = {s.id for s in kept}
    adjustments = tuple(
        a
        if a.submission is None or a.submission in ids
        else type(a)(**{**{f: getattr(a, f) for f in a.__struct_fields__}, "submission": None})
        for a in folder.adjustments
    )
    return Folder(
        settings=folder.settings,
        points=folder.points,
        rule_sets=folder.rule_sets,
        solicitations=folder.solicitations,
        adjustments=adjustments,
        submissions=kept,
    )


def cli_json(runner: CliRunner, root: Path, *args: str) -> dict[str, Any]:
    result = runner.invoke(app, ["--data", str(root), "--no-cache", *args])
    assert result.exit_code == 0, result.output
    doc: dict[str, Any] = json.loads(result.stdout, parse_float=Decimal)
    return doc


def compare_cli(runner: CliRunner, folder: Folder, year: int, as_of: dt.date) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "data"
        write_folder(folder, root)
        loaded = load_folder(root)
        errors = [str(p) for p in loaded.problems if p.is_error]
        assert errors == []
        # the loaded records are the generated ones (sources aside), so the reference scores
        # exactly what the CLI reads
        assert len(loaded.folder.submissions) == len(folder.submissions)
        ref_folder = loaded.folder
        day = as_of.isoformat()
        actual = cli_json(runner, root, "score", str(year), "--as-of", day, "--format", "json")
        expected = reference_score(ref_folder, year, as_of)
        assert canon(actual) == canon(expected)
        # every point's explain is held to the reference in memory (tests/rules/); through
        # the CLI, the three points with the most submissions (one run of the CLI each)
        busy = Counter(s.point for s in folder.submissions)
        for p in sorted(folder.points, key=lambda p: (-busy[p.id], p.id))[:3]:
            eng = cli_json(
                runner, root, "explain", p.id, str(year), "--as-of", day, "--format", "json"
            )
            ref = reference_explain(ref_folder, p.id, year, as_of)
            assert (eng["point"], eng["year"], eng["as_of"]) == (p.id, year, day)
            assert canon(eng["score"]) == canon(ref["score"]), p.id
            assert explain_chunks(eng["events"]) == explain_chunks(ref["events"]), p.id


@CLI_SETTINGS
@given(folders())
def test_cli_json_matches_reference(runner: CliRunner, case: tuple[Folder, int, dt.date]) -> None:
    folder, year, as_of = case
    compare_cli(runner, loadable_by_score(folder, year), year, as_of)


# --- what `score YEAR` does not load --------------------------------------------------------
# The CLI reads submissions/<year-1>/ and <year>/ only, after SPEC §1's "(so a year's score
# needs only that year's and the previous year's submissions)". Two records SPEC allows break
# that: an emergency reported late on 31 December but dated 1 January (its emergency-late
# event is dated by reported_at), and an adoption 366 days after a 31 December submission two
# years back (2002-12-31 + 366 days = 2004-01-01). The engine scores both in memory
# (tests/rules/test_scoring_refcheck.py); the command therefore also reads December of year-2 and
# January of year+1 (rules.years.scoring_years), and these two tests hold it to that.


def cli_score_and_reference(
    runner: CliRunner, folder: Folder, year: int, point: str
) -> tuple[Decimal, Decimal]:
    """``point``'s score in ``year`` from the CLI and from the reference (on the whole folder)."""
    last = dt.date(year, 12, 31)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "data"
        write_folder(folder, root)
        doc = cli_json(
            runner, root, "score", str(year), "--as-of", last.isoformat(), "--format", "json"
        )
        ref = reference_score(load_folder(root).folder, year, last)
    cli = next(r["score"] for r in doc["points"] if r["id"] == point)
    expected = next(r["score"] for r in ref["points"] if r["id"] == point)
    return Decimal(str(cli)), expected


def test_cli_loads_a_late_report_written_up_next_january(runner: CliRunner) -> None:
    f = build.folder(
        [build.point("aa")],
        [
            build.sub(
                "E1",
                "aa",
                "2004-01-01",
                "emergency",
                occurred="2003-12-31T19:30",
                reported="2003-12-31T23:30",
            )
        ],
    )
    cli, expected = cli_score_and_reference(runner, f, 2003, "aa")
    assert expected == -1
    assert cli == expected


def test_cli_loads_an_adoption_366_days_after_a_submission_two_years_back(
    runner: CliRunner,
) -> None:
    f = build.folder(
        [build.point("aa")],
        [build.sub("S1", "aa", "2002-12-31", adoptions=(build.ad("zb", "2004-01-01"),))],
    )
    cli, expected = cli_score_and_reference(runner, f, 2004, "aa")
    assert expected == 3  # 《专报》 single
    assert cli == expected
