"""Global options where a person types them: ``govinfo score 2003 --lang en`` as well as
``govinfo --lang en score 2003``.

Click only reads a group's options before the command's name, so the root group moves the
global options (and their values) to the front before parsing. Everything after ``--`` is left
as it is: there a word that looks like an option is an argument.
"""

from __future__ import annotations

from typing import Any

from typer.core import TyperGroup

# option -> whether it takes a value
GLOBAL_OPTIONS = {"--data": True, "--lang": True, "--no-cache": False}


def hoist_global_options(args: list[str]) -> list[str]:
    """``args`` with every global option (and its value) moved, in order, to the front."""
    front: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest.extend(args[i:])
            break
        name = arg.split("=", 1)[0]
        takes_value = GLOBAL_OPTIONS.get(name)
        if takes_value is None:
            rest.append(arg)
        elif takes_value and "=" not in arg and i + 1 < len(args):
            front.extend(args[i : i + 2])
            i += 1
        else:
            front.append(arg)
        i += 1
    return front + rest


class GlobalOptionsAnywhere(TyperGroup):
    """The root group: global options accepted before or after the command."""

    # ``ctx`` is typer's own (vendored) click Context; Any keeps this free of its private module.
    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        return super().parse_args(ctx, hoist_global_options(args))
