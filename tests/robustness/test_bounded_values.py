"""Values in the data folder that are well formed but out of bounds: numbers no score can hold,
digits that are not ASCII in file and folder names. Each is an error in `check` at its place,
and the commands that compute refuse instead of crashing."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from tests.support.cli import run_cli
from tests.support.folders import MakeFolder

ADJUSTMENT = """\
- id: adj-1
  point: changchun
  date: 2003-05-01
  kind: manual
  points: {points}
  reason: 手工调整
"""


@pytest.mark.parametrize("points", ["-100000000000000000000000000", "1000000000000", "-1e3"])
def test_a_number_no_score_can_hold_is_an_error_at_its_value(
    make_folder: MakeFolder, runner: CliRunner, points: str
) -> None:
    root = make_folder({"adjustments/2003.yaml": ADJUSTMENT.format(points=points)})
    code, out, _err = run_cli(runner, root, "--lang", "en", "check")
    assert code == 1
    assert "adjustments/2003.yaml:5:11: error: points: " in out
    for command in (["score", "2003"], ["explain", "changchun", "2003"], ["report", "2003"]):
        code, out, err = run_cli(runner, root, "--lang", "en", *command)
        assert code == 1, out + err
        assert "refused" in err


def test_a_huge_value_in_a_rule_set_is_an_error(make_folder: MakeFolder, runner: CliRunner) -> None:
    root = make_folder()
    rules = (root / "rules/default.yaml").read_text(encoding="utf-8")
    rules = rules.replace("state-council: 10", "state-council: 99999999999999999999999999999")
    (root / "rules/default.yaml").write_text(rules, encoding="utf-8")
    code, out, _err = run_cli(runner, root, "--lang", "en", "check")
    assert code == 1
    assert "state-council: 99999999999999999999999999999 is too large" in out


def test_a_number_just_below_the_bound_is_scored(
    make_folder: MakeFolder, runner: CliRunner
) -> None:
    root = make_folder({"adjustments/2003.yaml": ADJUSTMENT.format(points="999999999999.99")})
    code, out, err = run_cli(runner, root, "--lang", "en", "score", "2003", "--format", "json")
    assert code == 0, out + err
    assert '"score": 9999999999' in out


MONTH = """\
- id: cc-1
  date: 2003-12-01
  title: 长春市信息
  category: general
  reviewer: 王明
"""


@pytest.mark.parametrize(
    "rel",
    [
        "submissions/2003/changchun/１２.yaml",  # full-width
        "submissions/2003/changchun/١٢.yaml",  # Arabic-Indic
        "submissions/２００３/changchun/12.yaml",
        "adjustments/２００３.yaml",
    ],
)
def test_non_ascii_digits_in_a_path_are_an_error_naming_the_file(
    make_folder: MakeFolder, runner: CliRunner, rel: str
) -> None:
    root = make_folder({rel: MONTH if rel.startswith("sub") else ""})
    code, out, _err = run_cli(runner, root, "--lang", "en", "check")
    assert code == 1
    assert out.startswith(f"{rel}:1:1: error: file in the wrong place or with a wrong name")


def test_non_ascii_digits_in_a_date_value_are_an_error(
    make_folder: MakeFolder, runner: CliRunner
) -> None:
    root = make_folder(
        {"submissions/2003/changchun/12.yaml": MONTH.replace("2003-12-01", "２００３-12-01")}
    )
    code, out, _err = run_cli(runner, root, "--lang", "en", "check")
    assert code == 1
    assert "submissions/2003/changchun/12.yaml:2:9: error: date" in out
