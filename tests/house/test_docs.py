"""Docs that cannot drift: every command has help text and an example in the README."""

from __future__ import annotations

from pathlib import Path

from typer.main import get_command
from typer.testing import CliRunner

from govinfo.cli.main import app

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def command_paths() -> list[list[str]]:
    root = get_command(app)
    paths: list[list[str]] = []
    for name, cmd in root.commands.items():  # type: ignore[attr-defined]
        sub = getattr(cmd, "commands", None)
        if sub:
            paths += [[name, s] for s in sub]
        else:
            paths.append([name])
    return paths


def test_every_command_has_help_and_readme_example(runner: CliRunner) -> None:
    paths = command_paths()
    assert len(paths) >= 2
    for path in paths:
        result = runner.invoke(app, [*path, "--help"])
        assert result.exit_code == 0, path
        assert len(result.output.strip().splitlines()) >= 3, path
        assert f"govinfo {' '.join(path)}" in README, f"README lacks an example of {path}"


def test_readme_commands_match_ci() -> None:
    """README's test command is exactly what CI runs, and so are the checks it names after it."""
    ci = (Path(__file__).resolve().parents[2] / ".ci" / "run").read_text(encoding="utf-8")
    ci_lines = [line.split("#")[0].strip() for line in ci.splitlines()]
    assert "python -m pytest" in README
    assert "python -m pytest" in ci_lines
    for check in ("ruff check govinfo tests", "ruff format --check govinfo tests"):
        assert check in ci_lines
    assert "mypy --strict govinfo" in ci_lines
    assert "lint-imports" in ci_lines
    readme_says = README.split("Run the whole test suite", 1)[1].split("```", 1)[0]
    for tool in ("ruff", "mypy", "lint-imports"):
        assert tool in readme_says, f"README does not say CI runs {tool}"
