"""The ``govinfo`` application: global options and the list of commands.

Each command lives in its own module as a plain function and is registered here with one line;
``common.guarded`` turns a ``GovinfoError`` into its message and exit code in this one place.
Command modules import heavy libraries inside the command body, so ``--help`` stays quick.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from govinfo import __version__
from govinfo.app.options import apply_language
from govinfo.cli import (
    anywhere,
    check,
    closeyear,
    common,
    demo,
    explain,
    import_cmd,
    init,
    overdue,
    params,
    points,
    report,
    score,
    stdout,
    usage,
)
from govinfo.cli.common import guarded
from govinfo.i18n import get_lang
from govinfo.load import prelist


class RootGroup(anywhere.GlobalOptionsAnywhere, usage.LocalisedGroup):
    """govinfo itself: global options anywhere on the line (cli/anywhere), help and usage
    errors in the user's language (cli/usage)."""


params.install()

app = typer.Typer(
    name="govinfo",
    cls=RootGroup,
    help=(
        "政务信息直报点管理工具 — the information division's tool for the network of "
        "direct-reporting points: check the data folder, score a year, list what is overdue, "
        "import batches, write the year-end tables."
    ),
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"govinfo {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            help="The data folder (default: $GOVINFO_DATA, else ./data when it holds govinfo.yaml).",
        ),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option("--lang", help="Output language: zh or en (default: the folder's language)."),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Read every file again; do not use the parse cache.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """govinfo: 政务信息直报点管理工具."""
    if lang is not None and lang not in ("zh", "en"):
        raise typer.BadParameter("zh or en", param_hint="--lang")
    ctx.obj = common.State(data, lang, no_cache)
    # until a folder is opened: the language the help and usage errors speak (cli/usage)
    apply_language(ctx.obj.options, get_lang())


app.command("init")(guarded(init.init))
app.command("check")(guarded(check.check))
demo.app.command("generate")(guarded(demo.generate))
app.add_typer(demo.app, name="demo")
app.command("score")(guarded(score.score))
app.command("explain")(guarded(explain.explain))
app.command("overdue")(guarded(overdue.overdue))
app.command("import")(guarded(import_cmd.import_cmd))
app.command("report")(guarded(report.report))
app.command("close-year")(guarded(closeyear.close_year))
app.add_typer(points.app, name="points")


def run() -> None:
    """Console entry point.

    Leaves with ``os._exit`` once output is flushed: freeing millions of records at interpreter
    exit costs seconds on a large folder and serves nothing. Only here, never inside tests.
    """
    from govinfo.cli.terminal import guard_streams, warn_if_replaced

    code = 0
    stdout.prepare()
    guard_streams()
    try:
        app()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except stdout.StdoutLost:
        code = stdout.lost_exit_code(0)
    if stdout.lost():  # what was still buffered could not be written either
        code = stdout.lost_exit_code(code)
    warn_if_replaced()
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.flush()
    prelist.stop()
    os._exit(code)
