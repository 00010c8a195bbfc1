"""Help and usage errors in the user's language (issue 13 item 2); the errors are worded in
:mod:`govinfo.cli.localised`.

The language is decided before the command line is parsed, cheaply: ``--lang`` if given; else
the data folder's ``language`` (``--data``, ``$GOVINFO_DATA`` or ``./data``: one line of its
``govinfo.yaml`` is read, nothing is parsed as YAML); else the locale's language (``LC_ALL``,
``LC_MESSAGES``, ``LANG``: ``zh_*`` → zh, another language → en); else — a locale that names no
language (``C``, ``POSIX``, ``C.UTF-8``, or none set, as on Windows) — zh, the program's own
default, unless standard output or error cannot be written in Chinese.

:class:`govinfo.cli.localised.LocalisedGroup` is the root group. Every command of the tree gets a context whose help
and usage line this module writes: placeholders a person reads (``年份``, ``日期``,
``文件…``; ``YEAR``, ``DATE``, ``FILE...``), never a Python type; the English help is the
command's own text, the Chinese comes from :data:`govinfo.i18n.HELP_ZH`. A usage error (exit 2)
is re-worded in the same language: a missing or bad value names the argument or option and
what it should be, never pydantic's words.
"""

from __future__ import annotations

import inspect
import os
import re
import shutil
import sys
from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from typing import Any

import typer
from typer.core import TyperGroup

from govinfo.argv import asked_language, folder_guess
from govinfo.defaults import SETTINGS_FILE
from govinfo.i18n import HELP_ZH, get_lang, t

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
_LANGUAGE_LINE = re.compile(r"""^language:\s*["']?(zh|en)\b""", re.MULTILINE)
MAX_HELP_WIDTH = 100


# --- the language ---------------------------------------------------------------------------


def usage_language(args: Sequence[str]) -> str:
    """zh or en for the help and usage errors of ``govinfo ARGS`` (see the module docstring)."""
    lang = asked_language(args)  # as --lang takes it: ZH, En
    if lang is not None:
        return lang
    settings = Path(folder_guess(args, os.environ)) / SETTINGS_FILE
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


def type_name(param: Any) -> str:
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
    zh, en = PLACEHOLDERS.get(param.name or "", _BY_TYPE[type_name(param)])
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


def param_label(param: Any) -> str:
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


__all__ = ["LocalisedContext", "help_text", "placeholder", "usage_language", "usage_line"]
