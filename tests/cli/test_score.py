"""`govinfo score` and `govinfo explain` through the CLI on the fixture folder
``tests/fixtures/scoring`` (copied to a temporary folder), with golden outputs.

Set ``GOVINFO_UPDATE_GOLDEN=1`` to rewrite the golden files after an intended change.
"""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support.cli import compare_golden
from tests.support.cli import run_cli as run
from tests.support.folders import MakeFolder
from tests.support.paths import FIXTURES
from tests.support.paths import GOLDEN as GOLDEN_ROOT

FIXTURE = FIXTURES / "scoring"
GOLDEN = GOLDEN_ROOT / "scoring"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(FIXTURE, root)
    return root


def check_golden(name: str, text: str) -> None:
    compare_golden(GOLDEN / name, text)


GOLDEN_CASES = [
    ("score-2003.txt", ["score", "2003"]),
    ("score-2003.csv", ["score", "2003", "--format", "csv"]),
    ("score-2003.md", ["score", "2003", "--format", "markdown"]),
    ("score-2003.json", ["score", "2003", "--format", "json"]),
    ("score-2003-06-30-en.txt", ["--lang", "en", "score", "2003", "--as-of", "2003-06-30"]),
    ("explain-changchun-2003.txt", ["explain", "长春", "2003"]),
    ("explain-changchun-2003.csv", ["explain", "changchun", "2003", "--format", "csv"]),
    (
        "explain-changchun-2003.md",
        ["explain", "长春市人民政府办公厅", "2003", "--format", "markdown"],
    ),
    ("explain-siping-2003.json", ["explain", "siping", "2003", "--format", "json"]),
    ("explain-jilin-2003-en.txt", ["--lang", "en", "explain", "jilin", "2003"]),
]


@pytest.mark.parametrize(("name", "args"), GOLDEN_CASES, ids=[c[0] for c in GOLDEN_CASES])
def test_golden_outputs(runner: CliRunner, data: Path, name: str, args: list[str]) -> None:
    code, out, err = run(runner, data, *args)
    assert code == 0, err
    check_golden(name, out)


def test_score_json_matches_spec_shape(runner: CliRunner, data: Path) -> None:
    code, out, _ = run(runner, data, "score", "2003", "--format", "json")
    assert code == 0
    doc = json.loads(out, parse_float=Decimal)
    assert list(doc) == ["year", "as_of", "rule_sets", "points"]
    assert doc["rule_sets"] == ["jl-2002", "jl-2003"]
    keys = [
        "rank",
        "id",
        "name",
        "kind",
        "score",
        "submitted",
        "adopted",
        "national_adopted",
        "instructions",
        "research",
        "deductions",
        "status",
        "at_risk",
        "group",
        "group_rank",
    ]
    statuses = {}
    for row in doc["points"]:
        assert list(row) == keys
        assert isinstance(row["score"], int | Decimal)
        assert row["deductions"] <= 0
        assert isinstance(row["at_risk"], bool)
        statuses[row["id"]] = row["status"]
    # every status of SPEC §2 shows up in the fixture
    assert statuses == {
        "baicheng": "retained",  # first, but its inaccurate flag keeps it from commendation
        "changchun": "commended",
        "fgw": "commended",
        "tonghua": "left",
        "jilin": "retained",
        "nongan": "retained",
        "yushu": "exempt",
        "siping": "disqualified",
    }


def test_explain_accounts_for_every_score(runner: CliRunner, data: Path) -> None:
    _, out, _ = run(runner, data, "score", "2003", "--format", "json")
    for row in json.loads(out, parse_float=Decimal)["points"]:
        code, text, _ = run(runner, data, "explain", row["id"], "2003", "--format", "json")
        assert code == 0
        doc = json.loads(text, parse_float=Decimal)
        assert doc["score"] == row["score"]
        assert sum((e["points"] for e in doc["events"]), Decimal(0)) == row["score"]


def test_kind_and_top_filter_rows_but_keep_ranks(runner: CliRunner, data: Path) -> None:
    _, out, _ = run(runner, data, "score", "2003", "--kind", "county", "--format", "json")
    assert [(r["rank"], r["id"]) for r in json.loads(out)["points"]] == [
        (6, "nongan"),
        (7, "yushu"),
    ]
    _, out, _ = run(runner, data, "score", "2003", "--top", "2", "--format", "csv")
    assert [line.split(",")[1] for line in out.splitlines()[1:]] == ["baicheng", "changchun"]


def test_a_top_that_keeps_no_row_of_the_kind_says_why(runner: CliRunner, data: Path) -> None:
    """``--kind county --top 5`` keeps nothing when the best county ranks 6th of all points:
    the empty table is explained on stderr, in both languages; the JSON stays SPEC's."""
    code, out, err = run(runner, data, "score", "2003", "--kind", "县市区", "--top", "5")
    assert code == 0, err
    assert "农安" not in out
    assert "没有名次在前 5 的县市区（该类最高为第 6 名）" in err
    assert "各组内排名用 --by-group" in err
    code, out, err = run(runner, data, "--lang", "en", "score", "2003", "--kind", "county",
                         "--top", "5", "--format", "json")  # fmt: skip
    assert code == 0, err
    assert json.loads(out)["points"] == []
    assert set(json.loads(out)) == {"year", "as_of", "rule_sets", "points"}
    assert "no county point is in the top 5 (the best of them is ranked 6)" in err
    assert "--by-group" in err
    code, out, err = run(runner, data, "score", "2003", "--kind", "county", "--top", "6")
    assert code == 0, err
    assert "农安" in out
    assert "没有名次" not in err
    code, out, err = run(runner, data, "score", "2003", "--kind", "county", "--top", "1",
                         "--by-group")  # fmt: skip
    assert code == 0, err
    assert "农安" in out  # first of its group
    assert "没有" not in err


def test_a_kind_with_no_point_says_so(runner: CliRunner, make_folder: MakeFolder) -> None:
    root = make_folder()  # two cities and a department
    code, _, err = run(runner, root, "score", "2003", "--kind", "county", "--top", "3")
    assert code == 0, err
    assert "2003 年度排名中没有县市区直报点" in err
    code, _, err = run(runner, root, "--lang", "en", "score", "2003", "--kind", "county")
    assert code == 0, err
    assert "no county point is in the 2003 ranking" in err


def test_unknown_point_is_refused(runner: CliRunner, data: Path) -> None:
    code, out, err = run(runner, data, "explain", "长春县", "2003")
    assert code == 1
    assert out == ""
    assert "长春县" in err


def test_bad_options_are_usage_errors(runner: CliRunner, data: Path) -> None:
    assert run(runner, data, "score", "2003", "--as-of", "2003-02-30")[0] == 2
    assert run(runner, data, "score", "2003", "--top", "0")[0] == 2
    assert run(runner, data, "score", "2003", "--kind", "village")[0] == 2
    assert run(runner, data, "score", "2003", "--format", "xml")[0] == 2


def test_a_folder_with_errors_is_refused(runner: CliRunner, data: Path) -> None:
    bad = data / "submissions" / "2003" / "siping" / "05.yaml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("general", "genral"), encoding="utf-8")
    code, out, err = run(runner, data, "score", "2003")
    assert code == 1
    assert out == ""
    assert "govinfo check" in err
    assert "submissions/2003/siping/05.yaml" in err


def test_score_reads_only_the_year_and_the_one_before(runner: CliRunner, data: Path) -> None:
    # An error in a year score does not read cannot stop it.
    far = data / "submissions" / "2001" / "siping" / "01.yaml"
    far.parent.mkdir(parents=True)
    far.write_text("- id: x\n  date: 2001-01-40\n", encoding="utf-8")
    assert run(runner, data, "score", "2003", "--format", "json")[0] == 0
    assert run(runner, data, "score", "2002", "--format", "json")[0] == 1


def test_as_of_defaults_to_today_within_the_year(
    runner: CliRunner, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GOVINFO_TODAY", "2003-06-30")
    _, today, _ = run(runner, data, "score", "2003", "--format", "json")
    _, given, _ = run(runner, data, "score", "2003", "--as-of", "2003-06-30", "--format", "json")
    assert json.loads(today)["as_of"] == "2003-06-30"
    assert today == given


def test_a_registry_without_points_says_there_is_no_one_to_rank(
    runner: CliRunner, make_folder: MakeFolder
) -> None:
    root = make_folder({"points.yaml": "[]\n"})
    code, out, err = run(runner, root, "score", "2003")
    assert code == 0, err
    assert "2003 年度没有在列的直报点，无可排名" in out  # under the table
    assert "2003 年度没有在列的直报点，无可排名" in err  # piped: stderr says it on the screen
    assert "以下排名全为 0 分" not in out + err
    code, out, err = run(runner, root, "score", "2003", "--format", "json")
    assert code == 0, err
    assert json.loads(out)["points"] == []
    assert "2003 年度没有在列的直报点，无可排名" in err  # no table to say it: stderr does
