"""How a cell's text breaks into lines on a terminal (used by :mod:`govinfo.render.fit` to
fit a table's columns, and by the row lines of :mod:`govinfo.render.rows`).

A text breaks only where a person would break it — at a space, or next to a wide (CJK)
character — never inside a run of narrow characters (``592.50``, ``2003-09-30``,
``changchun``, ``迟报 31 分钟``'s ``31``): a run wider than the line gets a line of its own,
whole. Closing marks never start a line and opening ones never end one (:func:`wrap_text`).
Headers alone may fold a word to fit (``fold``). A cell that lists names (``names``: their
separator, “长春、通化、省安全监管局”) breaks between them, each name whole on a line where it
fits, inside one only when it alone is wider than the line (:func:`_named`).

Fitting asks how many lines a text takes at many widths: :func:`line_count` counts them
without building them, and :func:`line_reach` also says up to which width they stay the same,
so that the widths between are never tried.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from itertools import accumulate

from rich.cells import cell_len

from govinfo.text import NARROW_MARKS, WIDE_CHARACTERS, counted, display_width, display_widths

NO_LINE_END = frozenset("（《「『【〔“‘([{第")  # 第 stays with its number: 排名第 4
NO_LINE_START = frozenset("，。、；：！？）》」』】〕…%,.;:!?)]}")

# A unit that never breaks: a run of narrow, non-space characters, or one wide character.
_UNITS = re.compile(r"\s+|[^\s]")
# In a counted text (govinfo.text.counted) the narrow characters other than the space are
# printable ASCII and NARROW_MARKS, one column each as cell_len counts them: its units are
# found at once.
_NARROW = f"\\x21-\\x7e{NARROW_MARKS}"
_COUNTED_UNITS = re.compile(f"\\s+|[{_NARROW}]+|\\S").findall
# A template's placeholder ({{正文}}, {{发文字号}}): one unit, never broken over two lines.
_PLACEHOLDER = re.compile(r"(\{\{[^{}\s]+\}\})")
# A text that wrapping leaves as it is when it fits: single plain spaces between words only.
ONE_LINE = re.compile(r"\S+(?: \S+)*")


@functools.lru_cache(maxsize=8192)
def _units(text: str) -> tuple[str, ...]:
    """``text`` as the pieces a line may break between: spaces, single wide characters,
    runs of narrow characters and template placeholders (kept whole). Kept for the texts
    seen last: fitting a table wraps each cell at many widths."""
    if "{{" in text:
        parts = _PLACEHOLDER.split(text)  # the placeholders at the odd places
        if len(parts) > 1:
            return tuple(u for k, p in enumerate(parts) for u in ((p,) if k % 2 else _units(p)))
    if counted(text):
        return tuple(_COUNTED_UNITS(text))
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


def cell_lens(texts: Sequence[str], shown: Sequence[int] | None = None) -> Sequence[int]:
    """``cell_len`` of each of ``texts`` (a column), counted a column at a time where the texts
    are plain ASCII and common CJK (:func:`govinfo.text.display_widths`, the same widths;
    ``shown``: those widths, when known)."""
    if not counted("".join(texts)):
        return list(map(cell_len, texts))
    return display_widths(texts) if shown is None else shown


@functools.lru_cache(maxsize=65536)
def cell_width(text: str) -> int:
    """``cell_len`` of ``text``, counted without going through it a character at a time where
    it is plain ASCII and common CJK (:func:`govinfo.text.display_width`, the same width).
    Kept for the texts measured last: fitting a table asks at every width it tries."""
    return display_width(text) if counted(text) else cell_len(text)


def least_width(text: str) -> int:
    """The narrowest a column can be and still show ``text`` with no unit cut: its widest
    unbreakable run (a number, a date, an id, a latin word) or wide character."""
    return max((cell_len(u) for u in _units(text) if not u.isspace()), default=0)


_ONE_LINE_EACH = re.compile(f"(?:{ONE_LINE.pattern})?(?:\\n(?:{ONE_LINE.pattern})?)*")  # per line


def column_least(texts: Sequence[str]) -> int:
    """The largest :func:`least_width` of ``texts`` (a column's cells), found in one pass over
    the column where its texts are plain ASCII and common CJK: its longest run of narrow
    characters, or 2 for a wide character."""
    joined = " ".join(texts)  # a space between cells: no run goes on from one to the next
    if not counted(joined):
        return max(map(least_width, texts), default=0)
    runs = max(map(len, _NARROW_RUNS(joined)), default=0)
    return max(runs, 2) if _WIDE_CHAR(joined) else runs


# In a counted text: the runs of narrow characters other than the space, and a wide character.
_NARROW_RUNS = re.compile(f"[{_NARROW}]+").findall
_WIDE_CHAR = re.compile(f"[{WIDE_CHARACTERS}]").search


def fits_whole(texts: Sequence[str], width: int, sizes: Sequence[int] | None = None) -> bool:
    """Whether each of ``texts`` (a column's cells) fits ``width`` and is empty or one line of
    words a single space apart — so :func:`wrap_text` leaves each as it is (``sizes``: the
    texts' :func:`cell_lens`, when known)."""
    joined = "\n".join(texts)
    return (
        joined.count("\n") == max(len(texts) - 1, 0)
        and max(cell_lens(texts) if sizes is None else sizes, default=0) <= width
        and _ONE_LINE_EACH.fullmatch(joined) is not None
    )


Sized = tuple[tuple[str, ...], tuple[int, ...]]


@functools.lru_cache(maxsize=8192)
def _sized(paragraph: str) -> Sized:
    """A paragraph's units (:func:`_units`, any run of spaces as one ``" "``) and their edges
    (:func:`_with_edges`), measured once: fitting a table wraps each cell at many widths."""
    units = _units(paragraph)
    # printable (no tab, no ideographic space …) and no two spaces together: its only spaces
    # are single ones, so its units need no mending
    return _with_edges(units, "  " not in paragraph and paragraph.isprintable())


def _with_edges(units: Sequence[str], single_spaces: bool = False) -> Sized:
    """``units`` with any run of spaces as one ``" "`` (as they are when ``single_spaces``:
    every space among them is one ``" "`` already), and their edges: how wide the units
    before each are, and (last) all of them — so the units from ``i`` to ``j`` are
    ``edges[j] - edges[i]`` wide."""
    pieces = tuple(units) if single_spaces else tuple(" " if u.isspace() else u for u in units)
    return pieces, tuple(accumulate(map(_unit_width, pieces), initial=0))


# A unit's width (:func:`cell_width`, kept apart from the cells'): a paragraph's units are a
# few characters each and come again and again (a CJK character, a word, a date), so looking
# each up costs less than measuring the paragraph's units as a column.
_unit_width = functools.lru_cache(maxsize=1 << 16)(cell_width.__wrapped__)


def _folded(units: Sequence[str], width: int) -> Sized:
    """``units`` (:func:`_units`) with every run wider than ``width`` cut into pieces that fit
    (for headers: a word of a column's name may break, a number in a cell never does), any
    run of spaces as one ``" "``, and their edges."""
    out: list[str] = []
    for unit in units:
        while cell_len(unit) > width > 0:
            out.append(unit[:width])
            unit = unit[width:]
        out.append(unit)
    return _with_edges(out)


# Wider than any terminal: the reach of a layout no width changes.
NEVER = 1 << 30


Listed = tuple[Sized, tuple[int, ...], tuple[int, ...]]


@functools.lru_cache(maxsize=8192)
def listed(paragraph: str, names: str) -> Listed:
    """A paragraph that lists names ``names`` apart as units, each name with its separator's
    mark (“长春、”, “Jilin City,”) one unit (the rest as :func:`_sized` has them), and their
    edges; and where those names of two units or more are among them, the narrowest first,
    and their widths."""
    units, _ = _sized(paragraph)
    mark = names.rstrip()
    out: list[str] = []
    found: list[tuple[int, int]] = []  # each name's width and place
    start = 0
    for end, unit in enumerate(units, 1):
        if end < len(units) and not (unit.endswith(mark) and (mark == names or units[end] == " ")):
            continue  # no separator after this unit (“, ”: its comma, then a space)
        first = start + (units[start] == " ")
        last = end - (units[end - 1] == " " and end - 1 > first)
        out += units[start:first]
        if last - first > 1:
            name = "".join(units[first:last])
            found.append((_unit_width(name), len(out)))
            out.append(name)
        else:
            out += units[first:last]
        out += units[last:end]
        start = end
    found.sort()
    return _with_edges(out, True), tuple(i for _, i in found), tuple(w for w, _ in found)


def _named(paragraph: str, names: str, width: int) -> tuple[Sized, int]:
    """A paragraph that lists names ``names`` apart as the units a line may break between at
    ``width``, and their edges: each name with its separator's mark (“长春、”) one unit where
    it fits ``width`` (:func:`listed`), else the pieces it takes wrapped alone
    (:func:`_pieces`: “省安全监管” “局、”), so that it starts a line where it can. And the
    least wider width at which a name is kept or broken otherwise (:data:`NEVER`: none is
    broken). Only the names broken are gone through: most fit, at most widths."""
    (units, edges), places, sizes = listed(paragraph, names)
    first = bisect_right(sizes, width)
    if first == len(sizes):
        return (units, edges), NEVER
    out: list[str] = []
    lefts: list[int] = []  # the edges, each name broken as its pieces
    done, bound, same = 0, sizes[first], True
    for place in sorted(places[first:]):
        pieces, steps, reach = _pieces(units[place], width)
        bound = min(bound, reach)
        same = same and steps[-1] == edges[place + 1] - edges[place]  # as measured whole
        out += units[done:place]
        out += pieces
        lefts += edges[done:place]
        lefts += [edges[place] + step for step in steps[:-1]]
        done = place + 1
    out += units[done:]
    lefts += edges[done:]
    return ((tuple(out), tuple(lefts)) if same else _with_edges(out, True)), bound


@functools.lru_cache(maxsize=8192)
def _pieces(name: str, width: int) -> tuple[tuple[str, ...], tuple[int, ...], int]:
    """A name wider than ``width`` as the lines it takes alone (:func:`_spans`), each one unit
    (a space that ends one, one of its own), their edges, and their reach."""
    units, edges = _sized(name)
    spans, reach = _spans(units, edges, width)
    out: list[str] = []
    for start, end in spans:
        piece = "".join(units[start:end])
        out += [piece.rstrip(" "), " "] if piece.endswith(" ") else [piece]
    return (*_with_edges(out, True), reach)


def _kinsoku(
    units: Sequence[str], edges: Sequence[int], start: int, over: int, width: int
) -> tuple[int, int]:
    """Where the next line starts when ``units[over]`` must start it and the line holds
    ``units[start:over]`` (``edges``: :func:`_with_edges`): closing marks (“。”, “）”, the
    ``)`` of a run ``).``) never start a line and opening ones (“（”, “《”, the ``(`` ending a
    run) never end one, so whole units go down with them — unless that would not fit either. And the least wider width at which that choice
    would differ (:data:`NEVER`)."""
    keep = over
    if units[over][:1] in NO_LINE_START:
        while keep > start + 1 and units[keep - 1][:1] in NO_LINE_START:
            keep -= 1
        if keep > start + 1 and units[keep - 1] != " ":
            keep -= 1
    while keep > start + 1 and _opens(units, keep):
        keep -= 1
    if keep < over:
        down = edges[over + 1] - edges[keep]
        if down > width:
            return over, down
    return keep, NEVER


def _opens(units: Sequence[str], k: int) -> bool:
    """Whether the line may not end before ``units[k]``: the unit before it opens (“（”, “第”),
    or is a space after one (“排名第 4”'s space goes down with 第)."""
    before = units[k - 1]
    if before == " " and k >= 2:
        before = units[k - 2]
    return before[-1:] in NO_LINE_END


def _spans(
    units: Sequence[str], edges: Sequence[int], width: int
) -> tuple[list[tuple[int, int]], int]:
    """The lines a paragraph's units (spaces as ``" "``; ``edges``: :func:`_with_edges`) fill
    at ``width``, each as the span ``(start, end)`` of the units it holds: a unit goes on the
    line while it fits, else starts the next (with :func:`_kinsoku`'s marks); a space never
    starts a paragraph and never moves down. The unit that does not fit is found by halving
    the edges, not by adding widths unit by unit: counting lines costs a few steps a line.

    And the lines' reach: the least wider width at which they could be others. Every choice
    made here is a width compared with ``width``: one that kept a unit on its line keeps it
    at any wider width; one that moved units down moves them down until ``width`` reaches the
    width compared. Up to the least of those, the very same spans are filled."""
    count = len(units)
    spans: list[tuple[int, int]] = []
    reach = NEVER
    start = 0
    while start < count and units[start] == " ":
        start += 1
    last = start  # the last unit on the line so far: the units after it are weighed
    while last < count:
        # the first unit after ``last`` that takes the line past ``width``; a space goes on
        # the line whatever its width, and the unit after it is past too
        over = bisect_right(edges, edges[start] + width, last + 2) - 1
        while over < count and units[over] == " ":
            over += 1
        if over >= count:
            break
        past = edges[over + 1] - edges[start]
        if units[over][:1] in NO_LINE_START or _opens(units, over):
            keep, down = _kinsoku(units, edges, start, over, width)
            reach = min(reach, past, down)
        else:  # no mark to keep with its neighbour: the unit simply starts the next line
            keep = over
            reach = min(reach, past)
        spans.append((start, keep))
        start, last = keep, over
    spans.append((start, count))
    return spans, reach


def _lines(
    text: str, width: int, fold: bool, names: str = ""
) -> Iterator[tuple[Sequence[str], list[tuple[int, int]], int]]:
    """Each paragraph of ``text`` as its units, the spans of them its lines hold, and their
    reach (:func:`_spans`; the next width, for a paragraph with a word cut at this one; the
    width of the narrowest name broken, for a list of names: :func:`_named`)."""
    for paragraph in text.split("\n"):
        bound = NEVER
        if fold:
            whole = _units(paragraph)
            units, edges = _folded(whole, width)
            # a word cut at this width is cut otherwise at the next (at 0 none is cut, yet)
            if width == 0 or len(units) != len(whole):
                bound = width + 1
        elif names:
            (units, edges), bound = _named(paragraph, names, width)
        else:
            units, edges = _sized(paragraph)
        spans, reach = _spans(units, edges, width)
        yield units, spans, min(reach, bound)


def _whole(text: str, size: int, width: int) -> bool:
    """Whether ``text`` (``size`` wide) is one line of words a single space apart that fits
    ``width``: what wrapping leaves as it is (most cells, at most widths), known at once."""
    return size <= width and ONE_LINE.fullmatch(text) is not None


def wrap_text(text: str, width: int, *, fold: bool = False, names: str = "") -> list[str]:
    """``text`` (any ``\\n`` kept) in lines at most ``width`` wide, broken only at spaces and
    next to wide characters; a unit wider than ``width`` gets a line of its own, whole — or,
    with ``fold`` (headers), is cut to fit. ``names``: the separator of a text that lists
    names (“、”), each kept whole on a line where it fits (:func:`_named`)."""
    if _whole(text, cell_width(text), width):
        return [text]
    return _wrapped(text, width, fold, names)


def wrap_cells(
    texts: Sequence[str],
    width: int,
    sizes: Sequence[int] | None = None,
    names: str = "",
    *,
    even: bool = False,
) -> list[list[str]]:
    """:func:`wrap_text` of each of ``texts`` (a column's cells; ``names``: as there; ``even``:
    words of a fixed vocabulary, folded as headers are, :func:`_no_widow`), the
    column measured at once (``sizes``: its :func:`cell_lens`, when known), each text wrapped
    once however often it comes (a finding's detail, a reporter's name): equal cells share one
    list of lines."""
    out: list[list[str]] = []
    done: dict[str, list[str]] = {}
    for text, size in zip(texts, cell_lens(texts) if sizes is None else sizes, strict=True):
        if _whole(text, size, width):
            out.append([text])
            continue
        lines = done.get(text)
        if lines is None:
            lines = done[text] = _wrapped(text, width, False, names, even)
        out.append(lines)
    return out


def _wrapped(text: str, width: int, fold: bool, names: str = "", even: bool = False) -> list[str]:
    return [
        "".join(units[start:end]).rstrip()
        for units, spans, _ in _lines(text, width, fold, names)
        for start, end in (_no_widow(units, spans, width) if fold or even else spans)
    ]


_HAN = re.compile("[\u4e00-\u9fa5]").fullmatch


def _no_widow(
    units: Sequence[str], spans: list[tuple[int, int]], width: int
) -> list[tuple[int, int]]:
    """A header's ``spans`` (or a status's, a kind's: ``取消/资格``), but a last line of one
    Chinese character takes the character before it down too (``期间/`` ``编号``, not
    ``期间/编`` ``号``) when the line above keeps two units or more and the two fit ``width``
    (a line above may be narrower: a combining mark is a unit of no width). The lines are as
    many, none wider: what fitting counts (:func:`line_reach`) is unchanged. (A cell's name keeps
    its first characters together instead: ``省工商/局`` reads as the name it starts.)"""
    if len(spans) < 2:
        return spans
    (first, moved), (last, end) = spans[-2], spans[-1]
    moved -= 1
    if (
        end - last == 1
        and width >= 4  # the last line's two characters
        and moved - first >= 2
        and _HAN(units[last])
        and _HAN(units[moved])
        and units[moved - 1] != " "
        and units[moved - 1][-1:] not in NO_LINE_END
    ):
        return [*spans[:-2], (first, moved), (moved, end)]
    return spans


def line_count(text: str, width: int, fold: bool = False, names: str = "") -> int:
    """How many lines :func:`wrap_text` makes of ``text`` at ``width`` (counted, not built)."""
    return line_reach(text, width, fold, names)[0]


@functools.lru_cache(maxsize=65536)
def line_reach(text: str, width: int, fold: bool = False, names: str = "") -> tuple[int, int]:
    """:func:`line_count` of ``text`` at ``width``, and the least wider width at which the
    count could be another (:func:`_spans`' reach; :data:`NEVER` for a text left whole): up
    to it, the lines are the same. Kept for the texts and widths asked last: fitting a table
    asks for each cell at many widths, twice over (three and two cells apart)."""
    size = cell_width(text)
    if _whole(text, size, width):
        return 1, NEVER
    # A line of words that is too wide now is left whole from its own width on: measured as
    # one text, which can be less than its units' widths added up (rich counts a character
    # after a zero-width joiner as nothing)
    count, reach = 0, size if ONE_LINE.fullmatch(text) else NEVER
    for _, spans, paragraph_reach in _lines(text, width, fold, names):
        count += len(spans)
        reach = min(reach, paragraph_reach)
    return count, reach
