"""Global options before or after the command: the same run either way, for every command."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from govinfo.cli.anywhere import hoist_global_options
from govinfo.cli.main import app
from tests.support.folders import MakeFolder

SUBMISSION = """\
- id: changchun-2003-0001
  date: 2003-08-14
  title: 长春市再就业工作调研
  category: research
"""

COMMANDS = [
    ["check"],
    ["score", "2003"],
    ["score", "2003", "--format", "json"],
    ["explain", "changchun", "2003"],
    ["overdue", "--as-of", "2003-12-31"],
    ["report", "2003"],
    ["close-year", "2003"],
    ["points", "list"],
    ["points", "show", "changchun"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c))
def test_global_options_after_the_command(
    make_folder: MakeFolder, runner: CliRunner, command: list[str]
) -> None:
    root = make_folder({"submissions/2003/changchun/08.yaml": SUBMISSION})
    before = runner.invoke(app, ["--data", str(root), "--lang", "en", "--no-cache", *command])
    after = runner.invoke(app, [*command, "--lang", "en", "--data", str(root), "--no-cache"])
    mixed = runner.invoke(app, [command[0], f"--data={root}", *command[1:], "--lang=en"])
    assert before.exit_code in (0, 1), before.output
    assert "No such option" not in after.output
    assert (after.exit_code, after.stdout, after.stderr) == (
        before.exit_code,
        before.stdout,
        before.stderr,
    )
    assert (mixed.exit_code, mixed.stdout) == (before.exit_code, before.stdout)
    assert (before.stdout + before.stderr).strip()


def test_import_with_options_after(
    make_folder: MakeFolder, runner: CliRunner, tmp_path: Path
) -> None:
    root = make_folder()
    batch = tmp_path / "b.csv"
    batch.write_text(
        "报送单位,报送日期,标题,类别\n长春,2003-8-14,长春调研,调研\n", encoding="utf-8"
    )
    result = runner.invoke(
        app, ["import", str(batch), "--dry-run", "--lang", "en", "--data", str(root)]
    )
    assert result.exit_code == 0, result.output
    assert "长春" in result.stdout


def test_hoisting_keeps_order_values_and_what_follows_a_double_dash() -> None:
    args = ["score", "2003", "--lang", "en", "--format", "json", "--data=d", "--no-cache"]
    assert hoist_global_options(args) == [
        "--lang", "en", "--data=d", "--no-cache", "score", "2003", "--format", "json",
    ]  # fmt: skip
    assert hoist_global_options(["import", "--", "--lang"]) == ["import", "--", "--lang"]
    assert hoist_global_options(["score", "--lang"]) == ["--lang", "score"]


def test_a_bad_language_after_the_command_is_a_usage_error(
    make_folder: MakeFolder, runner: CliRunner
) -> None:
    root = make_folder()
    result = runner.invoke(app, ["score", "2003", "--lang", "fr", "--data", str(root)])
    assert result.exit_code == 2
    assert "--lang 的值无效：应为以下之一：zh、en" in result.stderr
