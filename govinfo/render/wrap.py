"""How a cell's text breaks into lines on a terminal (used by :mod:`govinfo.render.fit` to
fit a table's columns, and by the row lines of :mod:`govinfo.render.rows`).

A text breaks only where a person would break it — at a space, or next to a wide (CJK)
character — never inside a run of narrow characters (``592.50``, ``2003-09-30``,
``changchun``, ``迟报 31 分钟``'s ``31``): a run wider than the line gets a line of its own,
whole. Closing marks never start a line and opening ones never end one (:func:`wrap_text`).
Headers alone may fold a word to fit (``fold``).

Fitting asks how many lines a text takes at many widths: :func:`line_count` counts them
without building them, and :func:`line_reach` also says up to which width they stay the same,
so that the widths between are never tried.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence

from rich.cells import cell_len

NO_LINE_END = frozenset("（《「『【〔“‘([{")
NO_LINE_START = frozenset("，。、；：！？）》」』】〕…%,.;:!?)]}")

# A unit that never breaks: a run of narrow, non-space characters, or one wide character.
_UNITS = re.compile(r"\s+|[^\s]")
# A text that wrapping leaves as it is when it fits: single plain spaces between words only.
ONE_LINE = re.compile(r"\S+(?: \S+)*")


@functools.lru_cache(maxsize=8192)
def _units(text: str) -> tuple[str, ...]:
    """``text`` as the pieces a line may break between: spaces, single wide characters and
    runs of narrow characters (kept whole). Kept for the texts seen last: fitting a table
    wraps each cell at many widths."""
    units: list[str] = []
    run = ""
    for piece in _UNITS.findall(text):
        if not piece.isspace() and cell_len(piece) == 1:
            run += piece
            continue
        if run:
            units.append(run)
            run = ""
        units.append(piece)
    if run:
        units.append(run)
    return tuple(units)


def least_width(text: str) -> int:
    """The narrowest a column can be and still show ``text`` with no unit cut: its widest
    unbreakable run (a number, a date, an id, a latin word) or wide character."""
    return max((cell_len(u) for u in _units(text) if not u.isspace()), default=0)


Sized = tuple[tuple[str, ...], tuple[int, ...]]


@functools.lru_cache(maxsize=8192)
def _sized(paragraph: str) -> Sized:
    """A paragraph's units (:func:`_units`, any run of spaces as one ``" "``) and each one's
    width, measured once: fitting a table wraps each cell at many widths."""
    return _with_sizes(_units(paragraph))


def _with_sizes(units: Sequence[str]) -> Sized:
    """``units`` with any run of spaces as one ``" "``, and each one's width."""
    pieces = tuple(" " if u.isspace() else u for u in units)
    return pieces, tuple(map(cell_len, pieces))


def _folded(units: Sequence[str], width: int) -> Sized:
    """``units`` (:func:`_units`) with every run wider than ``width`` cut into pieces that fit
    (for headers: a word of a column's name may break, a number in a cell never does), any
    run of spaces as one ``" "``, and their widths."""
    out: list[str] = []
    for unit in units:
        while cell_len(unit) > width > 0:
            out.append(unit[:width])
            unit = unit[width:]
        out.append(unit)
    return _with_sizes(out)


# Wider than any terminal: the reach of a layout no width changes.
NEVER = 1 << 30


def _kinsoku(
    line: Sequence[str], sizes: Sequence[int], unit: str, size: int, width: int
) -> tuple[int, int]:
    """How many of ``line``'s units (``sizes`` wide) stay when ``unit`` (``size`` wide) must
    start the next line: closing marks (“。”, “）”) never start a line and opening ones (“（”,
    “《”) never end one, so whole units go down with them — unless that would not fit
    either. And the least wider width at which that choice would differ (:data:`NEVER`)."""
    keep = len(line)
    if unit in NO_LINE_START:
        while keep > 1 and line[keep - 1] in NO_LINE_START:
            keep -= 1
        if keep > 1 and line[keep - 1] != " ":
            keep -= 1
    while keep > 1 and line[keep - 1] in NO_LINE_END:
        keep -= 1
    if keep < len(line):
        down = sum(sizes[keep:]) + size
        if down > width:
            return len(line), down
    return keep, NEVER


def _spans(
    units: Sequence[str], sizes: Sequence[int], width: int
) -> tuple[list[tuple[int, int]], int]:
    """The lines a paragraph's units (spaces as ``" "``, ``sizes`` wide) fill at ``width``,
    each as the span ``(start, end)`` of the units it holds: a unit goes on the line while it
    fits, else starts the next (with :func:`_kinsoku`'s marks); a space never starts a line.
    Only widths are added up unit by unit, so counting the lines costs no text.

    And the lines' reach: the least wider width at which they could be others. Every choice
    made here is a width compared with ``width``: one that kept a unit on its line keeps it
    at any wider width; one that moved units down moves them down until ``width`` reaches the
    width compared. Up to the least of those, the very same spans are filled."""
    spans: list[tuple[int, int]] = []
    reach = NEVER
    start = -1  # where the line being filled starts; -1 while nothing is on it
    used = 0  # its width, kept as it grows (summing it again each unit was quadratic)
    for end, (unit, size) in enumerate(zip(units, sizes, strict=True)):
        if unit == " " and start < 0:
            continue
        if unit != " " and start >= 0 and used + size > width:
            keep, down = _kinsoku(units[start:end], sizes[start:end], unit, size, width)
            reach = min(reach, used + size, down)
            spans.append((start, start + keep))
            start += keep
            used = sum(sizes[start:end])
        if start < 0:
            start = end
        used += size
    spans.append((start, len(units)) if start >= 0 else (len(units), len(units)))
    return spans, reach


def _lines(
    text: str, width: int, fold: bool
) -> Iterator[tuple[Sequence[str], list[tuple[int, int]], int]]:
    """Each paragraph of ``text`` as its units, the spans of them its lines hold, and their
    reach (:func:`_spans`; the next width, for a paragraph with a word cut at this one)."""
    for paragraph in text.split("\n"):
        if fold:
            whole = _units(paragraph)
            units, sizes = _folded(whole, width)
            # a word cut at this width is cut otherwise at the next (at 0 none is cut, yet)
            cut = width == 0 or len(units) != len(whole)
        else:
            (units, sizes), cut = _sized(paragraph), False
        spans, reach = _spans(units, sizes, width)
        yield units, spans, width + 1 if cut else reach


def _whole(text: str, width: int) -> bool:
    """Whether ``text`` is one line of words a single space apart that fits ``width``: what
    wrapping leaves as it is (most cells, at most widths), known at once."""
    return cell_len(text) <= width and ONE_LINE.fullmatch(text) is not None


def wrap_text(text: str, width: int, *, fold: bool = False) -> list[str]:
    """``text`` (any ``\\n`` kept) in lines at most ``width`` wide, broken only at spaces and
    next to wide characters; a unit wider than ``width`` gets a line of its own, whole — or,
    with ``fold`` (headers), is cut to fit."""
    if _whole(text, width):
        return [text]
    return [
        "".join(units[start:end]).rstrip()
        for units, spans, _ in _lines(text, width, fold)
        for start, end in spans
    ]


def line_count(text: str, width: int, fold: bool = False) -> int:
    """How many lines :func:`wrap_text` makes of ``text`` at ``width`` (counted, not built)."""
    return line_reach(text, width, fold)[0]


@functools.lru_cache(maxsize=65536)
def line_reach(text: str, width: int, fold: bool = False) -> tuple[int, int]:
    """:func:`line_count` of ``text`` at ``width``, and the least wider width at which the
    count could be another (:func:`_spans`' reach; :data:`NEVER` for a text left whole): up
    to it, the lines are the same. Kept for the texts and widths asked last: fitting a table
    asks for each cell at many widths, twice over (three and two cells apart)."""
    if _whole(text, width):
        return 1, NEVER
    count, reach = 0, NEVER
    for _, spans, paragraph_reach in _lines(text, width, fold):
        count += len(spans)
        reach = min(reach, paragraph_reach)
    return count, reach


__all__ = [
    "NEVER",
    "NO_LINE_END",
    "NO_LINE_START",
    "ONE_LINE",
    "least_width",
    "line_count",
    "line_reach",
    "wrap_text",
]
