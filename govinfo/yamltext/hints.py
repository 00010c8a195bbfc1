"""YAML mistakes as the clerk would name them, with the likely fix — as issue keys, no words.

The YAML parser names what it met (“mapping values are not allowed in this context”); a clerk
needs what went wrong in her own terms and how to put it right. The common mistakes — a
half-width colon followed by a space inside a value, a tab, an unclosed quote or bracket, a line
indented differently from its neighbours, a key without its colon or with a full-width one (``：``)
— are recognised from the parser's message and the text of the line, and placed where the fix
goes (an unclosed bracket at the line where it opened, a full-width colon at itself); anything
else keeps the parser's words (``yaml_syntax``).
"""

from __future__ import annotations

import re
from typing import Any

# "  title: 长春: 调研" → the key "title"
_KEY_LINE = re.compile(r"^(\s*(?:-\s+)*)([^\s:#'\"{}\[\],][^:#]*?):(\s|$)")
# A key as written: a word (``category``, ``标题``) or a quoted text (``"title"``, ``'标题'``)
_KEY = (
    r"""(?:(?:[A-Za-z_]|[^\x00-\x7f\s：])[^\s:：#{}\[\],"']*"""
    r"""|"(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*')"""
)
# "  category： general", "- '标题'：x" → the full-width colon after the key
_FULLWIDTH_KEY = re.compile(rf"^\s*(?:-\s+)*{_KEY}\s*(：)")
# The text of a line up to a full-width colon the parser stopped at, when it is a key's:
# from the line's start or a flow mapping's "{" or ",", in block or flow style
_KEY_BEFORE = re.compile(rf"(?:^|[{{,])\s*(?:-\s+)*{_KEY}\s*$")


def _line(text: str, number: int) -> str:
    lines = text.splitlines()
    return lines[number - 1] if 0 < number <= len(lines) else ""


def fullwidth_colon(line: str) -> int | None:
    """The 0-based column of the full-width colon that ``line`` writes after its key in place
    of ``:``, or None."""
    m = _FULLWIDTH_KEY.match(line)
    return m.start(1) if m is not None else None


def _fullwidth(text: str, *numbers: int) -> tuple[int, int, str, dict[str, object]] | None:
    """The full-width-colon mistake on the first of the lines ``numbers`` that has one."""
    for number in numbers:
        col = fullwidth_colon(_line(text, number))
        if col is not None:
            return number, col + 1, "yaml_hint_fullwidth_colon", {}
    return None


def _tab_at(text: str, number: int, col: int) -> bool:
    """Whether the character at ``number``:``col`` is a tab (libyaml's "found character that
    cannot start any token" does not say which character it found)."""
    return _line(text, number)[col - 1 : col] == "\t"


def yaml_mistake(text: str, exc: Any) -> tuple[int, int, str, dict[str, object]]:
    """(line, column, issue key, params) for a ``yaml.MarkedYAMLError`` met reading ``text``."""
    problem = str(exc.problem or "")
    context = str(exc.context or "")
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    start = exc.context_mark
    opened = (start.line + 1, start.column + 1) if start is not None else (line, col)

    text_of_line = _line(text, line)
    if text_of_line[col - 1 : col] == "：" and _KEY_BEFORE.search(text_of_line[: col - 1]):
        # '- "id"：a', '{"title"：x}': the parser stops at the colon after a quoted key
        return line, col, "yaml_hint_fullwidth_colon", {}
    if problem.startswith("mapping values are not allowed"):
        # "- id： a" then "  date: …": the first line is read as text that runs on into the
        # second, whose colon is then out of place.
        if (found := _fullwidth(text, line, line - 1)) is not None:
            return found
        m = _KEY_LINE.match(_line(text, line))
        if m is not None and col - 1 > m.end(2):
            return line, col, "yaml_hint_colon", {"field": m[2].strip()}
        return line, col, "yaml_hint_indent_deeper", {}
    if "tab character" in problem or "'\\t'" in problem or _tab_at(text, line, col):
        return line, col, "yaml_hint_tab", {}
    if "quoted scalar" in context:
        return *opened, "yaml_hint_quote", {}
    if "flow sequence" in context or "flow mapping" in context:
        pair = ("[", "]") if "sequence" in context else ("{", "}")
        return *opened, "yaml_hint_bracket", {"open": pair[0], "close": pair[1]}
    if "expected <block end>" in problem or problem in (
        "did not find expected key",
        "did not find expected '-' indicator",
    ):
        return line, col, "yaml_hint_indent", {}
    if "could not find expected ':'" in problem:
        if (found := _fullwidth(text, opened[0])) is not None:
            return found
        return *opened, "yaml_hint_no_colon", {}
    return line, col, "yaml_syntax", {"detail": problem or context or str(exc)}
