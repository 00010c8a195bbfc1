"""A command line read before Click parses it — the folder the start-up listing guesses, the
language of the help and of a Ctrl-C's line while the program is still being imported. Imports
nothing of govinfo, so that the console entry point and every layer can use it before the
program is imported."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence

from govinfo.defaults import SETTINGS_FILE


def option_values(args: Sequence[str], name: str) -> list[str]:
    """The values given to the option ``name`` (``--lang en``, ``--lang=en``), in order,
    before any ``--`` (after it a word that looks like an option is an argument)."""
    values = []
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == name and i + 1 < len(args):
            values.append(args[i + 1])
        elif arg.startswith(name + "="):
            values.append(arg.split("=", 1)[1])
    return values


def option_value(args: Sequence[str], name: str) -> str | None:
    """The value ``name`` takes: the last given, as Click takes a repeated option; or None."""
    values = option_values(args, name)
    return values[-1] if values else None


def asked_language(args: Sequence[str]) -> str | None:
    """The language asked for: the last ``--lang`` that is one (zh or en, in any case; a
    ``--lang fr`` after ``--lang en`` is Click's error to report, in English); or None."""
    asked = [v.lower() for v in option_values(args, "--lang") if v.lower() in ("zh", "en")]
    return asked[-1] if asked else None


def folder_guess(args: Sequence[str], environ: Mapping[str, str]) -> str:
    """The data folder ``govinfo ARGS`` will most likely open: ``--data``, else
    ``GOVINFO_DATA``, else ``./data`` where it holds the settings file, else the current folder
    (app/opening.locate_folder decides for the command itself)."""
    given = option_value(args, "--data") or environ.get("GOVINFO_DATA")
    if given:
        return given
    return "data" if os.path.isfile(os.path.join("data", SETTINGS_FILE)) else "."
