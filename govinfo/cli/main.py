"""The ``govinfo`` application: global options and the list of commands.

Each command lives in its own module as a plain function and is listed here with one line
(:data:`COMMANDS`); ``common.guarded`` turns a ``GovinfoError`` into its message and exit code
in this one place. A run builds only the command its line names (:func:`for_line`), and command
modules import heavy libraries inside the command body, so a warm answer and ``--help`` stay
quick.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import sys
from collections.abc import Mapping, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from govinfo import __version__
from govinfo.app.options import apply_language
from govinfo.cli import anywhere, common, localised, params, stdout
from govinfo.cli.common import guarded
from govinfo.cli.usage import usage_language
from govinfo.i18n import get_lang, set_lang
from govinfo.load import prelist


class Language(StrEnum):
    """The values of ``--lang``: a value outside them is a usage error that names both."""

    zh = "zh"
    en = "en"


class RootGroup(anywhere.GlobalOptionsAnywhere, localised.LocalisedGroup):
    """govinfo itself: global options anywhere on the line (cli/anywhere), help and usage
    errors in the user's language (cli/usage)."""


params.install()


def _version(value: bool) -> None:
    if value:
        stdout.put(f"govinfo {__version__}\n")
        raise typer.Exit()


def main(
    ctx: typer.Context,
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            help="The data folder (default: $GOVINFO_DATA, else ./data when it holds govinfo.yaml, else the current folder when it does).",
        ),
    ] = None,
    lang: Annotated[
        Language | None,
        typer.Option(
            "--lang",
            case_sensitive=False,  # ZH, En: the language is the same
            help="Output language: zh or en (default: the folder's language).",
        ),
    ] = None,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help="Work everything out afresh from the files: use no cached results, parsed "
            "files or printed tables, and save none for later runs.",
        ),
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """govinfo: 政务信息直报点管理工具."""
    ctx.obj = common.State(data, None if lang is None else lang.value, no_cache)
    # until a folder is opened: the language the help and usage errors speak (cli/usage)
    apply_language(ctx.obj.options, get_lang())


# Every command, in the order of --help: its name → (its module in govinfo.cli, the function;
# None for a group of commands, whose module's ``app`` holds them).
COMMANDS: dict[str, tuple[str, str | None]] = {
    "init": ("init", "init"),
    "check": ("check", "check"),
    "demo": ("demo", None),
    "score": ("score", "score"),
    "explain": ("explain", "explain"),
    "overdue": ("overdue", "overdue"),
    "import": ("import_cmd", "import_cmd"),
    "report": ("report", "report"),
    "close-year": ("closeyear", "close_year"),
    "points": ("points", None),
}


def build(only: str | None = None) -> typer.Typer:
    """The application with every command, or with ``only`` that one (see :func:`for_line`)."""
    built = typer.Typer(
        name="govinfo",
        cls=RootGroup,
        help=(
            "The information division's tool for its network of points (信息直报点): "
            "check the data folder, score a year, list what is overdue, import batches, "
            "write the year-end tables."
        ),
        no_args_is_help=True,
        add_completion=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    built.callback()(main)
    for name, (module_name, function) in COMMANDS.items():
        if only is not None and name != only:
            continue
        module = importlib.import_module(f"govinfo.cli.{module_name}")
        if function is None:
            built.add_typer(module.app, name=name)
        else:
            built.command(name)(guarded(getattr(module, function)))
    return built


def for_line(args: Sequence[str], environ: Mapping[str, str] = os.environ) -> typer.Typer:
    """The application for one command line: only the command it names, when it names one —
    Typer reads the signature of every command it holds before it runs one (15 ms of a warm
    answer, with the imports of the modules not run) — else every command (the list in
    ``--help``, a mistyped name and its suggestion, shell completion)."""
    if any(name.startswith("_GOVINFO_COMPLETE") for name in environ):
        return build()
    name = command_name(args)
    return build(name if name in COMMANDS else None)


def command_name(args: Sequence[str]) -> str | None:
    """The command a line names: its first word after the global options (None when an
    option of the program itself, such as ``--help`` or ``--version``, comes first)."""
    hoisted = anywhere.hoist_global_options(list(args))
    i = 0
    while i < len(hoisted):
        word = hoisted[i]
        takes_value = anywhere.GLOBAL_OPTIONS.get(word.split("=", 1)[0])
        if takes_value is None:
            return None if word.startswith("-") else word
        i += 2 if takes_value and "=" not in word else 1
    return None


_whole: typer.Typer | None = None


def __getattr__(name: str) -> typer.Typer:
    """``app``: the application with every command (for tests and tools), built when first
    asked for."""
    global _whole
    if name != "app":
        raise AttributeError(name)
    if _whole is None:
        _whole = build()
    return _whole


def run() -> None:
    """Console entry point.

    Leaves with ``os._exit`` once output is flushed: freeing millions of records at interpreter
    exit costs seconds on a large folder and serves nothing. Only here, never inside tests.
    """
    import signal

    from govinfo.cli import ctrlc
    from govinfo.cli.terminal import guard_streams, warn_if_replaced

    ctrlc.install()  # a double press is one Ctrl-C
    code = 0
    try:
        stdout.prepare()
        guard_streams()
        with ctrlc.noted_only():  # building the command imports its modules
            program = for_line(sys.argv[1:])
        with stdout.guarded_run():
            program()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except stdout.StdoutLost:
        code = stdout.lost_exit_code(0)
    except KeyboardInterrupt:  # before Typer runs the command (building it, its imports)
        ctrlc.caught()
        code = common.EXIT_INTERRUPTED
        with contextlib.suppress(BaseException):  # its line in the language help would use
            set_lang(usage_language(sys.argv[1:]))
    # The command is over: a Ctrl-C now would change nothing it did, only break the last
    # flush below with a traceback.
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    except KeyboardInterrupt:  # it came as the command ended, before it could be ignored
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    if code == common.EXIT_INTERRUPTED:  # Typer's answer to Ctrl-C outside the command's body
        common.say_interrupted()
    if stdout.lost():  # what was still buffered could not be written either
        code = stdout.lost_exit_code(code)
    warn_if_replaced()
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.flush()
    prelist.stop()
    os._exit(code)
