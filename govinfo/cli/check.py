"""``govinfo check``: validate the whole folder and print every problem."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from govinfo.cli import common
from govinfo.i18n import t


class CheckFormat(StrEnum):
    text = "text"
    json = "json"


def check(
    ctx: typer.Context,
    fmt: Annotated[
        CheckFormat,
        typer.Option("--format", help="Output: text (path:line:col lines) or json."),
    ] = CheckFormat.text,
    strict: Annotated[
        bool, typer.Option("--strict", help="Also fail (exit 1) when there are warnings.")
    ] = False,
    at: Annotated[str | None, typer.Option("--at", help=common.AT_HELP)] = None,
) -> None:
    """Check every file of the data folder and list every problem with file:line:col.

    Exit 1 when there is any error (or any warning with --strict), else 0.
    """
    from govinfo.cli.output import write_json_text
    from govinfo.render.problems import problem_json, problem_lines

    session = common.session(ctx, at)
    result = session.scan()
    problems = result.problems
    out = common.console(ctx)
    if fmt is CheckFormat.json:
        write_json_text(problem_json(problems) + "\n")
    else:
        for text in problem_lines(problems, session.source_lines()):
            out.print(text, markup=False, soft_wrap=True)
        out.print(
            t(
                "check_summary",
                files=result.files,
                records=result.records,
                errors=result.errors,
                warnings=result.warnings,
            ),
            markup=False,
            soft_wrap=True,
        )
    failed = result.errors > 0 or (strict and result.warnings > 0)
    raise typer.Exit(1 if failed else 0)
