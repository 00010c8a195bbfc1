"""The house stays readable (issue 11): every Typer command is options, one app call and one
render call — its body (docstring aside) under 40 lines — and no module grows past 450 lines,
apart from the message catalogue."""

from __future__ import annotations

import ast
import inspect
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import typer

from govinfo.cli.main import app

PACKAGE = Path(__file__).resolve().parents[2] / "govinfo"
MAX_BODY = 40
MAX_MODULE = 450
# Every user-facing word in zh and en: long by nature, one entry a line.
CATALOGUES = {PACKAGE / "i18n.py"}


def _commands(group: typer.Typer, prefix: str = "") -> Iterator[tuple[str, Callable[..., Any]]]:
    if group.registered_callback is not None and group.registered_callback.callback is not None:
        yield (prefix or "govinfo").strip() + " (callback)", group.registered_callback.callback
    for command in group.registered_commands:
        assert command.callback is not None
        yield prefix + (command.name or command.callback.__name__), command.callback
    for sub in group.registered_groups:
        assert sub.typer_instance is not None
        yield from _commands(sub.typer_instance, f"{prefix}{sub.name} ")


def body_lines(fn: Callable[..., Any]) -> int:
    """Lines of ``fn``'s body, from its first statement after the docstring to its end (the
    options in the signature are declarations, not logic)."""
    node = ast.parse(textwrap.dedent(inspect.getsource(inspect.unwrap(fn)))).body[0]
    assert isinstance(node, ast.FunctionDef)
    body = node.body
    first = body[0]
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
        body = body[1:]
    if not body:
        return 0
    end = body[-1].end_lineno
    assert end is not None
    return end - body[0].lineno + 1


COMMANDS = dict(_commands(app))


def test_every_command_is_found() -> None:
    for name in ("check", "score", "report", "import", "close-year", "points add"):
        assert name in COMMANDS


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_command_function_is_short(name: str) -> None:
    assert body_lines(COMMANDS[name]) < MAX_BODY, f"{name}: move the logic into govinfo/app/"


def test_body_lines_counts_the_body_only() -> None:
    def sample(x: int) -> int:
        """Docstring."""
        y = x + 1
        return y

    assert body_lines(sample) == 2


def test_modules_are_small() -> None:
    big = {
        str(path.relative_to(PACKAGE)): n
        for path in sorted(PACKAGE.rglob("*.py"))
        if path not in CATALOGUES
        and (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE
    }
    assert big == {}, "split these along their seams"
