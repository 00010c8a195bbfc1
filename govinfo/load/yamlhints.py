"""YAML mistakes in the clerk's words, with the likely fix.

The YAML parser names what it met (“mapping values are not allowed in this context”); a clerk
needs what went wrong in her own terms and how to put it right. The common mistakes — a
half-width colon followed by a space inside a value, a tab, an unclosed quote or bracket, a line
indented differently from its neighbours, a key without its colon — are recognised from the
parser's message and the text of the line; anything else keeps the parser's words.
"""

from __future__ import annotations

import re
from typing import Any

from govinfo.i18n import MESSAGES, t

# "  title: 长春: 调研" → indent "  ", key "title"
_KEY_LINE = re.compile(r"^(\s*(?:-\s+)*)([^\s:#'\"{}\[\],][^:#]*?):(\s|$)")


def _line(text: str, number: int) -> str:
    lines = text.splitlines()
    return lines[number - 1] if 0 < number <= len(lines) else ""


def _field_words(key: str) -> str:
    """The words a table uses for a field (title → 标题, name → 全称), else the key itself."""
    for prefix in ("col_", "pt_col_", "yaml_field_"):
        if prefix + key in MESSAGES:
            return t(prefix + key)
    return key


def yaml_mistake(text: str, exc: Any) -> tuple[int, int, str]:
    """(line, column, message) for a ``yaml.MarkedYAMLError`` raised while reading ``text``."""
    problem = str(exc.problem or "")
    context = str(exc.context or "")
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    start = exc.context_mark
    start_line = start.line + 1 if start is not None else line
    source = _line(text, line)

    if problem.startswith("mapping values are not allowed"):
        m = _KEY_LINE.match(source)
        if m is not None and col - 1 > m.end(2):
            return line, col, t("yaml_hint_colon", field=_field_words(m[2].strip()))
        return line, col, t("yaml_hint_indent_deeper")
    if "tab character" in problem or "'\\t'" in problem:
        return line, col, t("yaml_hint_tab")
    if "quoted scalar" in context:
        return start_line, start.column + 1 if start else col, t("yaml_hint_quote")
    if "flow sequence" in context or "flow mapping" in context:
        opening, closing = ("[", "]") if "sequence" in context else ("{", "}")
        return (
            start_line,
            start.column + 1 if start else col,
            t("yaml_hint_bracket", open=opening, close=closing),
        )
    if "expected <block end>" in problem or problem in (
        "did not find expected key",
        "did not find expected '-' indicator",
    ):
        return line, col, t("yaml_hint_indent")
    if "could not find expected ':'" in problem:
        return start_line, start.column + 1 if start else col, t("yaml_hint_no_colon")
    return line, col, t("yaml_syntax", detail=problem or context or str(exc))
