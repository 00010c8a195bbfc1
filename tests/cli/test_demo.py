"""`govinfo demo generate` through the CLI."""

from __future__ import annotations

import filecmp
from pathlib import Path

from typer.testing import CliRunner

from govinfo.cli.main import app
from tests.support.paths import SAMPLE

DATA = SAMPLE


def test_demo_generate_then_check_and_score(runner: CliRunner, tmp_path: Path) -> None:
    dest = tmp_path / "demo"
    args = ["demo", "generate", str(dest), "--points", "12", "--submissions", "300", "--seed", "5"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert runner.invoke(app, ["--data", str(dest), "check", "--strict"]).exit_code == 0
    assert runner.invoke(app, ["--data", str(dest), "score", "2003"]).exit_code == 0
    again = runner.invoke(app, args)
    assert again.exit_code == 1  # the folder is no longer empty


def test_demo_sample_is_the_committed_data(runner: CliRunner, tmp_path: Path) -> None:
    dest = tmp_path / "sample"
    result = runner.invoke(app, ["demo", "generate", str(dest), "--sample", "jilin-2003"])
    assert result.exit_code == 0, result.output
    cmp = filecmp.dircmp(dest, DATA)
    assert not cmp.left_only
    assert not cmp.right_only


def test_demo_bad_size_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["demo", "generate", str(tmp_path / "x"), "--points", "0"])
    assert result.exit_code == 2
