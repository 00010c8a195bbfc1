"""Problems as ``path:line:col: severity: message`` lines (with the source line and a caret
under the column, for people) or as the JSON shape of SPEC §3 (for programs)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable

from govinfo.model import Problem
from govinfo.text import display_width, escape, escape_json


def problem_json(problems: list[Problem]) -> str:
    errors = sum(1 for p in problems if p.is_error)
    payload = {
        "errors": errors,
        "warnings": len(problems) - errors,
        "problems": [
            {
                "path": p.path,
                "line": p.line,
                "col": p.col,
                "severity": p.severity.value,
                "message": p.message,
            }
            for p in problems
        ],
    }
    return escape_json(json.dumps(payload, ensure_ascii=False, indent=2))


EXCERPT_CHARS = 160  # a longer source line is shown as this many characters around the caret


def excerpt(line_text: str, col: int, line_no: int) -> list[str]:
    """The source line and a caret under column ``col`` (in characters), aligned for wide
    (CJK) characters by display width. A line longer than ``EXCERPT_CHARS`` (a binary file, a
    minified export) is shown as the stretch around the caret, with … where it is cut: the
    problem's own line names the file, line and column in full."""
    shown = line_text.rstrip("\r\n").replace("\t", " ")
    gutter = f"{line_no:>5} | "
    if len(shown) > EXCERPT_CHARS:
        start = max(0, min(col - 1 - EXCERPT_CHARS // 2, len(shown) - EXCERPT_CHARS))
        end = start + EXCERPT_CHARS
        head = "…" if start > 0 else ""
        shown = head + shown[start:end] + ("…" if end < len(shown) else "")
        col = col - start + len(head)
    before = shown[: max(col - 1, 0)]
    pad = display_width(before)
    return [gutter + shown, " " * (len(gutter) - 2) + "| " + " " * pad + "^"]


def problem_lines(
    problems: Iterable[Problem], source_line: Callable[[str, int], str | None]
) -> list[str]:
    """Each problem's line, followed by its excerpt when ``source_line(path, line)`` finds it."""
    out: list[str] = []
    for p in problems:
        out.append(escape(str(p)))
        if p.sheet is None:
            text = source_line(p.path, p.line)
            if text is not None and text.strip():
                out.extend(escape(line) for line in excerpt(text, p.col, p.line))
    return out
