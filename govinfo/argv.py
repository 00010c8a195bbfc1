"""A command line read before Click parses it — the folder the start-up listing guesses, the
language of the help and of a Ctrl-C's line while the program is still being imported. Imports
nothing of govinfo, so that the console entry point and every layer can use it before the
program is imported."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence

from govinfo.defaults import SETTINGS_FILE


def option_value(args: Sequence[str], name: str) -> str | None:
    """The value given to the option ``name`` (``--lang en``, ``--lang=en``) — the last one,
    as Click takes a repeated option — before any ``--`` (after it a word that looks like an
    option is an argument); or None."""
    value = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == name and i + 1 < len(args):
            value = args[i + 1]
        elif arg.startswith(name + "="):
            value = arg.split("=", 1)[1]
    return value


def folder_guess(args: Sequence[str], environ: Mapping[str, str]) -> str:
    """The data folder ``govinfo ARGS`` will most likely open: ``--data``, else
    ``GOVINFO_DATA``, else ``./data`` where it holds the settings file, else the current folder
    (app/opening.locate_folder decides for the command itself)."""
    given = option_value(args, "--data") or environ.get("GOVINFO_DATA")
    if given:
        return given
    return "data" if os.path.isfile(os.path.join("data", SETTINGS_FILE)) else "."
