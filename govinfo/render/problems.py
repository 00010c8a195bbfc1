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
    (CJK) characters by display width. What the line holds that a terminal must not receive
    (control characters, bidi marks) is shown escaped (``\\x1b``, :func:`escape`), and the
    caret stays under its character. A line that shows as more than ``EXCERPT_CHARS``
    characters (a binary file, a minified export) is shown as the stretch around the caret,
    with … where it is cut: the problem's own line names the file, line and column in full."""
    text = line_text.rstrip("\r\n")
    at = min(max(col - 1, 0), len(text))  # the caret's character
    # Only a stretch around the caret can be shown (every character shows as one or more):
    # cut first, so that a line of megabytes costs no more than a short one.
    low, high = max(0, at - EXCERPT_CHARS), at + EXCERPT_CHARS
    pieces = [escape(ch, multiline=False) for ch in text[low:high].replace("\t", " ")]
    start, end = _around(list(map(len, pieces)), at - low, EXCERPT_CHARS)
    head = "…" if start + low > 0 else ""
    tail = "…" if end + low < len(text) else ""
    shown = head + "".join(pieces[start:end]) + tail
    pad = display_width(head + "".join(pieces[start : at - low]))
    gutter = f"{line_no:>5} | "
    return [gutter + shown, " " * (len(gutter) - 2) + "| " + " " * pad + "^"]


def _around(lengths: list[int], at: int, room: int) -> tuple[int, int]:
    """The stretch ``[start, end)`` of pieces (``lengths`` characters each) that shows the one
    at ``at``: all of them when they fit ``room``; else up to half the room before it, the
    rest after — and before it again when the line ends first."""
    if sum(lengths) <= room:
        return 0, len(lengths)
    start = end = at
    used = 0
    while start > 0 and used + lengths[start - 1] <= room // 2:
        start -= 1
        used += lengths[start]
    while end < len(lengths) and used + lengths[end] <= room:
        used += lengths[end]
        end += 1
    while start > 0 and used + lengths[start - 1] <= room:
        start -= 1
        used += lengths[start]
    return start, end


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
