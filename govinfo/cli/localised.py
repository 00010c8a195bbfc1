"""The root group that parses, helps and complains in the user's language, and its usage errors
(exit 2): a missing or bad value names the argument or option and what it should be, never
pydantic's or click's words; a mistyped command or option gets "did you mean"; a point written
after its year gets the order. The language and the help are :mod:`govinfo.cli.usage`'s."""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import typer
from typer.core import TyperGroup

from govinfo.cli.usage import (
    LocalisedContext,
    param_label,
    type_name,
    usage_language,
    usage_line,
)
from govinfo.i18n import either, missing_text, set_lang, t
from govinfo.text import escape

# What a value of a parameter should be, for a usage error (by name, else by type).
_EXPECTED_BY_NAME = {"year": "usage_expect_year", "first_year": "usage_expect_year"}
_EXPECTED_BY_TYPE = {"int": "usage_expect_int", "path": "usage_expect_path"}


class LocalUsageError(typer.BadParameter):
    """A usage error (exit 2) already in the user's words; shown as usage, hint, message."""

    def show(self, file: Any = None) -> None:
        lines = []
        if self.ctx is not None:
            lines.append(usage_line(self.ctx))
            lines.append(t("usage_try_help", command=self.ctx.command_path))
            lines.append("")
        lines.append(t("usage_error", message=self.message))
        # sys.stderr itself, as every message: click's own stderr would write an ASCII
        # terminal raw UTF-8 (cli.terminal)
        typer.echo("\n".join(lines), file=sys.stderr)

    def format_message(self) -> str:
        return self.message


_EXTRA_ARGS = re.compile(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)")
# click's words, typer's suggestions after them: No such command 'point'. Did you mean 'points',
# 'init'? (each name as Python writes a string)
_NAME = "(?:" + r"'(?:[^'\\]|\\.)*'" + "|" + r'"(?:[^"\\]|\\.)*"' + ")"
_NO_COMMAND = re.compile(
    rf"No such command ({_NAME})\.(?: Did you mean ({_NAME}(?:, {_NAME})*)\?)?"
)
_NEEDS_VALUE = re.compile(r"Option '(.*)' requires (?:an argument|\d+ arguments)")
_TAKES_NO_VALUE = re.compile(r"Option '(.*)' does not take a value")


def reworded(exc: Any) -> LocalUsageError:
    """``exc`` (a click/typer usage error) in the user's words."""
    from typer._click import exceptions as errors

    param = getattr(exc, "param", None)
    if isinstance(exc, errors.MissingParameter) and param is not None:
        message = missing_text(param.name or "", param_label(param))
    elif isinstance(exc, errors.NoSuchOption):
        message = t("usage_no_such_option", option=exc.option_name)
        if exc.possibilities:
            message += t("usage_did_you_mean", options=", ".join(sorted(exc.possibilities)))
    elif isinstance(exc, errors.BadParameter) and param is not None:
        if exc.__cause__ is not None or str(exc.message).startswith(("Input should", "Value ")):
            # the type's own words (pydantic's): say what the value should be instead
            message = t("usage_bad_value", name=param_label(param), expected=_expected(param))
        else:
            message = t("usage_bad_value_because", name=param_label(param), why=exc.message)
        message += _swapped_hint(param, exc.ctx)
    else:
        text = str(exc.message)
        extra, command, needs = (
            _EXTRA_ARGS.search(text),
            _NO_COMMAND.search(text),
            _NEEDS_VALUE.search(text),
        )
        if extra:
            message = t("usage_extra_args", args=extra.group(1))
        elif command:
            message = _no_such_command(command)
        elif needs:
            message = t("usage_needs_value", option=needs.group(1))
        elif _TAKES_NO_VALUE.search(text):
            message = t("usage_takes_no_value", option=exc.option_name)
        elif text == "Missing command.":
            message = t("usage_missing_command")
        else:
            message = text
    new = LocalUsageError(message, ctx=exc.ctx)
    new.exit_code = 2
    return new


def _swapped_hint(param: Any, ctx: Any) -> str:
    """A hint when a point was asked for and a year given before it (``explain 2003 长春``,
    as ``score 2003`` is written): the first argument, taken as the point, is a year."""
    given = ctx.params.get("point") if ctx is not None and param.name == "year" else None
    if isinstance(given, str) and re.fullmatch(r"[0-9]{4}", given.strip()):
        return t("usage_point_before_year", command=ctx.command_path, year=given.strip())
    return ""


def _no_such_command(found: re.Match[str]) -> str:
    """ "no such command" in the user's words, with the commands typer suggests, if any."""
    names = [ast.literal_eval(n) for n in re.findall(_NAME, found.group(2) or "")]
    message = t(
        "usage_no_such_command", command=escape(ast.literal_eval(found.group(1)), multiline=False)
    )
    if names:
        choices = [t("usage_command_name", name=name) for name in names]
        message += t("usage_did_you_mean_command", commands=either(choices))
    return message


def _expected(param: Any) -> str:
    kind = type_name(param)
    if kind == "enum":
        desc = getattr(param, "type_descriptor", None)
        choices = getattr(desc, "choices", None) or []
        values = [str(getattr(c, "value", c)) for c in choices]
        return t("usage_expect_one_of", values=t("list_sep").join(values))
    key = _EXPECTED_BY_NAME.get(param.name or "") or _EXPECTED_BY_TYPE.get(kind)
    if key is None:
        return t("usage_expect_text")
    info = getattr(getattr(param, "type_descriptor", None), "parameter_info", None)
    low, high = getattr(info, "min", None), getattr(info, "max", None)
    if key == "usage_expect_year" and low is not None and high is not None:
        return t("usage_expect_year_range", min=low, max=high)
    if key == "usage_expect_int" and (low is not None or high is not None):
        which = (
            "range" if low is not None and high is not None else "min" if high is None else "max"
        )
        return t(f"usage_expect_int_{which}", min=low, max=high)
    return t(key)


@contextmanager
def in_user_words() -> Iterator[None]:
    """Re-raise a click/typer usage error in the user's words (exit 2)."""
    from typer._click import exceptions as errors

    try:
        yield
    except LocalUsageError:
        raise
    except errors.NoArgsIsHelpError:
        raise
    except errors.UsageError as exc:
        raise reworded(exc) from None


def _localise(command: Any) -> None:
    """Give every command of the tree the localised context (an instance attribute: the
    command objects are built afresh for each run)."""
    command.context_class = LocalisedContext
    for sub in getattr(command, "commands", {}).values():
        _localise(sub)


class LocalisedGroup(TyperGroup):
    """The root group: decides the language first, then parses, helps and complains in it."""

    def main(self, args: Sequence[str] | None = None, *rest: Any, **kwargs: Any) -> Any:
        import sys

        argv = list(sys.argv[1:] if args is None else args)
        set_lang(usage_language(argv))
        _localise(self)
        return super().main(argv, *rest, **kwargs)

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        with in_user_words():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx: Any) -> Any:
        with in_user_words():
            return super().invoke(ctx)
