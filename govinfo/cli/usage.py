"""Help and usage errors in the user's language (issue 13 item 2).

The language is decided before the command line is parsed, cheaply: ``--lang`` if given; else
the data folder's ``language`` (``--data``, ``$GOVINFO_DATA`` or ``./data``: one line of its
``govinfo.yaml`` is read, nothing is parsed as YAML); else the locale's language (``LC_ALL``,
``LC_MESSAGES``, ``LANG``: ``zh_*`` → zh, another language → en); else — a locale that names no
language (``C``, ``POSIX``, ``C.UTF-8``, or none set, as on Windows) — zh, the program's own
default, unless standard output or error cannot be written in Chinese.

:class:`LocalisedGroup` is the root group. Every command of the tree gets a context whose help
and usage line this module writes: placeholders a person reads (``年份``, ``日期``,
``文件…``; ``YEAR``, ``DATE``, ``FILE...``), never a Python type; the English help is the
command's own text, the Chinese comes from :data:`govinfo.i18n.HELP_ZH`. A usage error (exit 2)
is re-worded in the same language: a missing or bad value names the argument or option and
what it should be, never pydantic's words.
"""

from __future__ import annotations

import ast
import inspect
import os
import re
import shutil
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Any

import typer
from typer.core import TyperGroup

from govinfo.i18n import HELP_ZH, either, get_lang, missing_text, set_lang, t
from govinfo.text import escape

# A parameter's placeholder by its name (zh, en); by its type when the name is not here.
PLACEHOLDERS: dict[str, tuple[str, str]] = {
    "year": ("年份", "YEAR"),
    "first_year": ("年份", "YEAR"),
    "as_of": ("日期", "DATE"),
    "since": ("日期", "DATE"),
    "date": ("日期", "DATE"),
    "point": ("直报点", "POINT"),
    "parent": ("直报点", "POINT"),
    "point_id": ("编号", "ID"),
    "files": ("文件…", "FILE..."),
    "out": ("文件", "FILE"),
    "mapping": ("文件", "FILE"),
    "statements": ("文件夹", "DIR"),
    "template": ("文件", "FILE"),
    "at": ("版本", "REV"),
    "top": ("N", "N"),
    "soon": ("N", "N"),
    "kind": ("类别", "KIND"),
    "types": ("类型", "TYPE"),
    "fmt": ("格式", "FORMAT"),
    "by": ("point|type", "point|type"),
    "data": ("文件夹", "DIR"),
    "directory": ("文件夹", "DIR"),
    "lang": ("zh|en", "zh|en"),
    "language": ("zh|en", "zh|en"),
    "period_text": ("期间", "PERIOD"),
    "encoding": ("编码", "ENCODING"),
    "sheet": ("工作表", "SHEET"),
    "message": ("说明", "TEXT"),
    "tiers": ("级别", "TIER"),
    "tier": ("级别", "TIER"),
    "aliases": ("名称", "NAME"),
    "name": ("名称", "NAME"),
    "short": ("简称", "NAME"),
    "contact": ("姓名", "NAME"),
    "phone": ("电话", "PHONE"),
    "number": ("序号", "N"),
    "statement_format": ("docx|xlsx", "docx|xlsx"),
    "seed": ("数", "N"),
    "points": ("数", "N"),
    "submissions": ("数", "N"),
    "years": ("数", "N"),
}
_BY_TYPE: dict[str, tuple[str, str]] = {
    "int": ("数", "N"),
    "path": ("路径", "PATH"),
    "enum": ("值", "VALUE"),
    "text": ("文字", "TEXT"),
}
# What a value of a parameter should be, for a usage error (by name, else by type).
_EXPECTED_BY_NAME = {"year": "usage_expect_year", "first_year": "usage_expect_year"}
_EXPECTED_BY_TYPE = {"int": "usage_expect_int", "path": "usage_expect_path"}
_LANGUAGE_LINE = re.compile(r"""^language:\s*["']?(zh|en)\b""", re.MULTILINE)
MAX_HELP_WIDTH = 100


# --- the language ---------------------------------------------------------------------------


def _option_value(args: Sequence[str], name: str) -> str | None:
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == name and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith(name + "="):
            return arg.split("=", 1)[1]
    return None


def usage_language(args: Sequence[str]) -> str:
    """zh or en for the help and usage errors of ``govinfo ARGS`` (see the module docstring)."""
    lang = (_option_value(args, "--lang") or "").lower()  # as --lang takes it: ZH, En
    if lang in ("zh", "en"):
        return lang
    data = _option_value(args, "--data") or os.environ.get("GOVINFO_DATA") or "data"
    settings = Path(data) / "govinfo.yaml"
    try:
        head = settings.read_text(encoding="utf-8", errors="replace")[:4096]
    except OSError:
        head = None
    if head is not None:
        found = _LANGUAGE_LINE.search(head)
        return found.group(1) if found else "zh"  # SPEC: a folder's language defaults to zh
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        language = os.environ.get(var, "").split(".")[0].split("_")[0].lower()
        if language in ("", "c", "posix"):
            continue  # names no language (a server's C.UTF-8, Windows: none set)
        return "zh" if language == "zh" else "en"
    return "zh" if _shows_chinese() else "en"


def _shows_chinese() -> bool:
    """Whether standard output and error can be written in Chinese (not with
    ``PYTHONIOENCODING=ascii``, nor on a console whose code page lacks it)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            "用法".encode(getattr(stream, "encoding", None) or "ascii")
        except (LookupError, UnicodeEncodeError):
            return False
    return True


# --- names and placeholders ------------------------------------------------------------------


def _type_name(param: Any) -> str:
    desc = getattr(param, "type_descriptor", None)
    annotation = getattr(desc, "annotation", None)
    if getattr(desc, "is_path", False) or annotation is Path:
        return "path"
    if getattr(desc, "is_choice", False) or (
        isinstance(annotation, type) and issubclass(annotation, Enum)
    ):
        return "enum"
    if annotation is int:
        return "int"
    return "text"


def placeholder(param: Any) -> str:
    """The word a person reads for ``param``'s value in the current language."""
    zh, en = PLACEHOLDERS.get(param.name or "", _BY_TYPE[_type_name(param)])
    return zh if get_lang() == "zh" else en


def _command_path(ctx: Any) -> str:
    """``score``, ``points list`` … (the root is ``""``)."""
    names = []
    while ctx is not None and ctx.parent is not None:
        names.append(ctx.info_name or "")
        ctx = ctx.parent
    return " ".join(reversed(names))


def _help_text(key: str, english: str | None) -> str:
    if get_lang() == "zh" and key in HELP_ZH:
        return HELP_ZH[key]
    return inspect.cleandoc(english or "")


def param_help(path: str, param: Any) -> str:
    return _help_text(f"{path}:{param.name}", getattr(param, "help", None))


def command_help(path: str, command: Any) -> str:
    return _help_text(path, command.help)


def _param_label(param: Any) -> str:
    """How a usage error names ``param``: the option (``--as-of``) or the placeholder."""
    if getattr(param, "param_type_name", "") == "option" and param.opts:
        return str(max(param.opts, key=len))
    return placeholder(param)


# --- help ------------------------------------------------------------------------------------


def usage_line(ctx: Any) -> str:
    command = ctx.command
    pieces = [ctx.command_path]
    if any(p.param_type_name == "option" for p in command.params) or True:
        pieces.append(t("usage_options"))
    for param in command.params:
        if param.param_type_name != "argument" or getattr(param, "hidden", False):
            continue
        word = placeholder(param)
        if param.nargs != 1 and not word.endswith(("…", "...")):
            word += "…" if get_lang() == "zh" else "..."
        pieces.append(word if param.required else f"[{word}]")
    if isinstance(command, TyperGroup):
        pieces.append(t("usage_command"))
    return t("usage_prefix") + " ".join(pieces)


def _help_width() -> int:
    return max(60, min(shutil.get_terminal_size((80, 24)).columns, MAX_HELP_WIDTH))


def _definition_list(rows: list[tuple[str, str]], width: int) -> list[str]:
    """``  term  text`` rows, the texts lined up and wrapped (a long term on a line of its
    own, as click does)."""
    from rich.cells import cell_len

    from govinfo.render.wrap import wrap_text

    term_width = min(max((cell_len(term) for term, _ in rows), default=0), 30)
    indent = 2 + term_width + 2
    lines = []
    for term, text in rows:
        wrapped = wrap_text(text, max(width - indent, 20)) if text else [""]
        if cell_len(term) > term_width:
            lines.append("  " + term)
            lines.extend(" " * indent + part for part in wrapped)
            continue
        pad = " " * (term_width - cell_len(term) + 2)
        lines.append(("  " + term + pad + wrapped[0]).rstrip())
        lines.extend(" " * indent + part for part in wrapped[1:])
    return lines


def help_text(ctx: Any) -> str:
    """The whole ``--help`` of ``ctx``'s command in the current language."""
    from govinfo.render.wrap import wrap_text

    command = ctx.command
    path = _command_path(ctx)
    width = _help_width()
    out = [usage_line(ctx), ""]
    for paragraph in command_help(path, command).split("\n\n"):
        text = " ".join(paragraph.split()) if get_lang() == "en" else paragraph.strip()
        out.extend("  " + line for line in wrap_text(text, width - 2))
        out.append("")
    arguments, options = [], []
    for param in command.get_params(ctx):
        if getattr(param, "hidden", False):
            continue
        if param.param_type_name == "argument":
            arguments.append((placeholder(param), param_help(path, param)))
            continue
        names = ", ".join(sorted(param.opts, key=len)) + (
            ", " + ", ".join(param.secondary_opts) if param.secondary_opts else ""
        )
        if not (param.is_flag or param.count):
            names += " " + placeholder(param)
        text = t("usage_help_option") if param.name == "help" else param_help(path, param)
        options.append((names, text))
    if arguments:
        out.append(t("usage_arguments"))
        out.extend(_definition_list(arguments, width))
        out.append("")
    if options:
        out.append(t("usage_options_heading"))
        out.extend(_definition_list(options, width))
        out.append("")
    if isinstance(command, TyperGroup):
        rows = []
        for name in command.list_commands(ctx):
            sub = command.commands[name]
            if sub.hidden:
                continue
            first = command_help((path + " " + name).strip(), sub).split("\n\n")[0]
            rows.append((name, " ".join(first.split()) if get_lang() == "en" else first.strip()))
        out.append(t("usage_commands"))
        out.extend(_definition_list(rows, width))
        out.append("")
    return "\n".join(out).rstrip() + "\n"


class LocalisedContext(typer.Context):
    """A context whose help and usage line speak the user's language."""

    def get_usage(self) -> str:
        return usage_line(self)

    def get_help(self) -> str:
        return help_text(self).rstrip("\n")


# --- usage errors ----------------------------------------------------------------------------


class LocalUsageError(typer.BadParameter):
    """A usage error (exit 2) already in the user's words; shown as usage, hint, message."""

    def show(self, file: Any = None) -> None:
        lines = []
        if self.ctx is not None:
            lines.append(usage_line(self.ctx))
            lines.append(t("usage_try_help", command=self.ctx.command_path))
            lines.append("")
        lines.append(t("usage_error", message=self.message))
        typer.echo("\n".join(lines), err=True)

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
        message = missing_text(param.name or "", _param_label(param))
    elif isinstance(exc, errors.NoSuchOption):
        message = t("usage_no_such_option", option=exc.option_name)
        if exc.possibilities:
            message += t("usage_did_you_mean", options=", ".join(sorted(exc.possibilities)))
    elif isinstance(exc, errors.BadParameter) and param is not None:
        if exc.__cause__ is not None or str(exc.message).startswith(("Input should", "Value ")):
            # the type's own words (pydantic's): say what the value should be instead
            message = t("usage_bad_value", name=_param_label(param), expected=_expected(param))
        else:
            message = t("usage_bad_value_because", name=_param_label(param), why=exc.message)
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
    kind = _type_name(param)
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
def _in_user_words() -> Iterator[None]:
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
        with _in_user_words():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx: Any) -> Any:
        with _in_user_words():
            return super().invoke(ctx)


__all__ = ["LocalisedGroup", "help_text", "placeholder", "usage_language", "usage_line"]
