"""Option values coerced without pydantic (govinfo/cli/params.py) are exactly Typer's: the
same value, or the same refusal in the same words, for every parameter of every command."""

from __future__ import annotations

import subprocess
import sys
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
import typer
from typer._click import Context
from typer._click.exceptions import BadParameter
from typer._coercion import build_runtime_param
from typer.core import _TyperParameter

from govinfo.cli.main import app
from tests.support.cli import cli_env
from tests.support.paths import PROJECT, SAMPLE


def parameters() -> list[tuple[str, Any, Any]]:
    """(command path, click command, parameter) for every Typer parameter of govinfo."""
    found = []

    def walk(command: Any, path: str) -> None:
        for param in command.params:
            if isinstance(param, _TyperParameter):
                found.append((f"{path} {param.name}", command, param))
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, f"{path} {name}".strip())

    walk(typer.main.get_command(app), "")
    return found


def candidates(param: Any) -> list[Any]:
    """Values worth trying on ``param``: its default, plain ones and wrong ones."""
    annotation = param.type_descriptor.annotation
    values: list[Any] = ["", "x", " 1", "-1", "+5", "0", "07", "2003", "99999", "1e3", "data"]
    values += ["changchun", "市州", "city", "CITY", "zh", "2003-08-01", "a\0b"]
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        for member in annotation:
            values += [member, member.value, str(member.value).upper()]
    if param.default is not None and not callable(param.default):
        values.append(param.default)
    return values


def outcome(coerce: Any, value: Any, param: Any, ctx: Any) -> tuple[str, Any]:
    try:
        return "value", coerce(value, param=param, ctx=ctx)
    except BadParameter as exc:
        return "refused", exc.format_message()
    except Exception as exc:
        return "error", f"{type(exc).__name__}: {exc}"


@pytest.mark.parametrize(("where", "command", "param"), parameters(), ids=lambda x: str(x))
def test_plain_coercion_is_typers(where: str, command: Any, param: Any) -> None:
    ctx = Context(command)
    ours = param.get_runtime_param()
    theirs = build_runtime_param(param.type_descriptor)
    assert type(ours) is not type(theirs) or param.type_descriptor.file_annotation is not None
    for value in candidates(param):
        if param.multiple or param.nargs == -1:
            value = (value,) if not isinstance(value, (list, tuple)) else value
        assert outcome(ours.coerce, value, param, ctx) == outcome(
            theirs.coerce, value, param, ctx
        ), (where, value)


def test_a_warm_read_command_does_not_import_pydantic(tmp_path: Path) -> None:
    probe = (
        "import sys\n"
        "from govinfo.cli.main import app\n"
        "try:\n"
        f"    app(['--data', {str(SAMPLE)!r}, '--no-cache', 'explain', 'changchun', '2003',"
        " '--as-of', '2003-06-30', '--format', 'json'])\n"
        "except SystemExit as exc:\n"
        "    assert exc.code in (0, None), exc.code\n"
        "print('pydantic' in sys.modules, file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=PROJECT,
        env=cli_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().splitlines()[-1] == "False"
