"""A command line read before Click parses it (the language of its help, of a Ctrl-C's line
while the program is still being imported): nothing imported, so that the console entry point
can use it before the program is."""

from __future__ import annotations

from collections.abc import Sequence


def option_value(args: Sequence[str], name: str) -> str | None:
    """The value given to the option ``name`` (``--lang en``, ``--lang=en``), the first one,
    before any ``--`` (after it a word that looks like an option is an argument); or None."""
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == name and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith(name + "="):
            return arg.split("=", 1)[1]
    return None
