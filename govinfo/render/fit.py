"""Tables that fit the terminal and never hide or cut a number, an id or a date.

On a terminal :func:`govinfo.render.table.print_table` asks :func:`fit_widths` how wide each
column may be:

* a cell's text breaks only where a person would break it — at a space, or next to a wide (CJK)
  character — never inside a run of narrow characters (``592.50``, ``2003-09-30``,
  ``changchun``, ``迟报 31 分钟``'s ``31``): :func:`wrap_text`;
* so each column has a natural width (its longest cell on one line) and a least width (its
  longest unbreakable run); columns that hold only numbers, dates or ids have the two equal and
  are always shown whole;
* when the natural widths do not fit, the columns that can wrap (names, titles, details,
  headers) give up space: short cells stay whole, headers fold to one height, the others share
  what is left where it saves the most lines (judged on at most :data:`SAMPLE_ROWS` rows) —
  and the columns move closer (two cells apart, not three) when that leaves fewer lines
  wrapped (:func:`fit_layout`);
* when even the least widths do not fit, a table with optional columns leaves them out (with
  a note), else it is printed a record per block (:func:`block_lines`): one line per column,
  ``header  value``, a blank line between records.

Off a terminal nothing is wrapped: piped output keeps one row per line, never truncated.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from operator import sub

from rich.cells import cell_len

from govinfo.text import NARROW_MARKS, WIDE_CHARACTERS, counted, display_widths

NO_LINE_END = frozenset("（《「『【〔“‘([{")
NO_LINE_START = frozenset("，。、；：！？）》」』】〕…%,.;:!?)]}")
GAP = 3  # the rich layout's columns are three cells apart (a padding, the rule, a padding)
CLOSE_GAP = 2  # or two, with rich's collapsed padding, when that wraps fewer lines
HEADER_LEAST = 2  # a header may fold down to a wide character a line
SHORT = 8  # cells this wide or less are kept on one line when the room allows

# A unit that never breaks: a run of narrow, non-space characters, or one wide character.
_UNITS = re.compile(r"\s+|[^\s]")
# A text that wrapping leaves as it is when it fits: single plain spaces between words only.
_ONE_LINE = re.compile(r"\S+(?: \S+)*")
_ONE_LINE_EACH = re.compile(f"(?:{_ONE_LINE.pattern})?(?:\\n(?:{_ONE_LINE.pattern})?)*")  # per line


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


def cell_lens(texts: Sequence[str]) -> list[int]:
    """``cell_len`` of each of ``texts`` (a column), counted a column at a time where the texts
    are plain ASCII and common CJK (:func:`govinfo.text.display_widths`, the same widths)."""
    return display_widths(texts) if counted("".join(texts)) else list(map(cell_len, texts))


def column_least(texts: Sequence[str]) -> int:
    """The largest :func:`least_width` of ``texts`` (a column's cells), found in one pass over
    the column where its texts are plain ASCII and common CJK: its longest run of narrow
    characters, or 2 for a wide character."""
    joined = " ".join(texts)  # a space between cells: no run goes on from one to the next
    if not counted(joined):
        return max(map(least_width, texts), default=0)
    runs = max(map(len, _NARROW_RUNS(joined)), default=0)
    return max(runs, 2) if _WIDE_CHAR(joined) else runs


# In a counted text (govinfo.text.counted): the narrow characters other than the space, one
# column each, and the wide ones, two.
_NARROW_RUNS = re.compile(f"[\\x21-\\x7e{NARROW_MARKS}]+").findall
_WIDE_CHAR = re.compile(f"[{WIDE_CHARACTERS}]").search


def fits_whole(texts: Sequence[str], width: int) -> bool:
    """Whether each of ``texts`` (a column's cells) fits ``width`` and is empty or one line of
    words a single space apart — so :func:`wrap_text` leaves each as it is."""
    joined = "\n".join(texts)
    return (
        joined.count("\n") == max(len(texts) - 1, 0)
        and max(cell_lens(texts), default=0) <= width
        and _ONE_LINE_EACH.fullmatch(joined) is not None
    )


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


def _kinsoku(line: Sequence[str], sizes: Sequence[int], unit: str, size: int, width: int) -> int:
    """How many of ``line``'s units (``sizes`` wide) stay when ``unit`` (``size`` wide) must
    start the next line: closing marks (“。”, “）”) never start a line and opening ones (“（”,
    “《”) never end one, so whole units go down with them — unless that would not fit
    either."""
    keep = len(line)
    if unit in NO_LINE_START:
        while keep > 1 and line[keep - 1] in NO_LINE_START:
            keep -= 1
        if keep > 1 and line[keep - 1] != " ":
            keep -= 1
    while keep > 1 and line[keep - 1] in NO_LINE_END:
        keep -= 1
    if keep < len(line) and sum(sizes[keep:]) + size > width:
        return len(line)
    return keep


def _spans(units: Sequence[str], sizes: Sequence[int], width: int) -> list[tuple[int, int]]:
    """The lines a paragraph's units (spaces as ``" "``, ``sizes`` wide) fill at ``width``,
    each as the span ``(start, end)`` of the units it holds: a unit goes on the line while it
    fits, else starts the next (with :func:`_kinsoku`'s marks); a space never starts a line.
    Only widths are added up unit by unit, so counting the lines costs no text."""
    spans: list[tuple[int, int]] = []
    start = -1  # where the line being filled starts; -1 while nothing is on it
    used = 0  # its width, kept as it grows (summing it again each unit was quadratic)
    for end, (unit, size) in enumerate(zip(units, sizes, strict=True)):
        if unit == " " and start < 0:
            continue
        if unit != " " and start >= 0 and used + size > width:
            keep = _kinsoku(units[start:end], sizes[start:end], unit, size, width)
            spans.append((start, start + keep))
            start += keep
            used = sum(sizes[start:end])
        if start < 0:
            start = end
        used += size
    spans.append((start, len(units)) if start >= 0 else (len(units), len(units)))
    return spans


def _lines(
    text: str, width: int, fold: bool
) -> Iterator[tuple[Sequence[str], list[tuple[int, int]]]]:
    """Each paragraph of ``text`` as its units and the spans of them its lines hold."""
    for paragraph in text.split("\n"):
        units, sizes = _folded(_units(paragraph), width) if fold else _sized(paragraph)
        yield units, _spans(units, sizes, width)


def _whole(text: str, width: int) -> bool:
    """Whether ``text`` is one line of words a single space apart that fits ``width``: what
    wrapping leaves as it is (most cells, at most widths), known at once."""
    return cell_len(text) <= width and _ONE_LINE.fullmatch(text) is not None


def wrap_text(text: str, width: int, *, fold: bool = False) -> list[str]:
    """``text`` (any ``\\n`` kept) in lines at most ``width`` wide, broken only at spaces and
    next to wide characters; a unit wider than ``width`` gets a line of its own, whole — or,
    with ``fold`` (headers), is cut to fit."""
    if _whole(text, width):
        return [text]
    return [
        "".join(units[start:end]).rstrip()
        for units, spans in _lines(text, width, fold)
        for start, end in spans
    ]


@functools.lru_cache(maxsize=65536)
def line_count(text: str, width: int, fold: bool = False) -> int:
    """How many lines :func:`wrap_text` makes of ``text`` at ``width`` (counted, not built),
    kept for the texts and widths asked last: fitting a table asks it for each cell at many
    widths, twice over (three and two cells apart) and for each way of spending the room."""
    if _whole(text, width):
        return 1
    return sum(len(spans) for _, spans in _lines(text, width, fold))


@dataclass(frozen=True)
class Measures:
    """A table's columns measured once, for the layouts tried on them: each column's natural
    width (every text on one line) and least width (its widest unbreakable run, the header's
    at least :data:`HEADER_LEAST`)."""

    natural: list[int]
    least: list[int]


def measure(columns: Sequence[Sequence[str]]) -> Measures:
    """The :class:`Measures` of ``columns`` (each its texts: the header, then the cells)."""
    return Measures(
        natural=[max(cell_lens(col), default=0) for col in columns],
        least=[max(HEADER_LEAST, column_least(col[1:])) if col else 0 for col in columns],
    )


def fit_widths(
    columns: Sequence[Sequence[str]],
    available: int,
    *,
    gap: int = GAP,
    measures: Measures | None = None,
) -> list[int] | None:
    """Widths for ``columns`` (each its texts: the header, which may fold, then the cells)
    within ``available`` cells, ``gap`` between columns: the natural widths (every text on one
    line) when they fit; else every column at least its least width, the room left given, a
    step at a time, where it saves the most lines of the printed table; None when even the
    least widths do not fit. ``measures``: the columns' :func:`measure`, when known."""
    measured = measures or measure(columns)
    natural, least = measured.natural, measured.least
    room = available - gap * (len(columns) - 1)
    if sum(natural) <= room:
        return list(natural)
    if sum(least) > room:
        return None
    # Where to spend the room is judged on a sample of a long table's rows (its least widths,
    # which keep every number whole, come from all of them).
    columns = sampled(columns)
    cache: dict[tuple[int, int], list[int]] = {}

    def lines(j: int, width: int) -> list[int]:
        if (j, width) not in cache:
            cache[j, width] = [line_count(x, width, i == 0) for i, x in enumerate(columns[j])]
        return cache[j, width]

    # Short cells (a status, “今日到期”, “12 天”, a short name) broken over lines read worst and
    # cost least to keep whole: those columns get the width of their cells first, while half
    # the room is left.
    cells = [max(cell_lens(col[1:]), default=0) for col in columns]
    widths = _short_first(least, cells, room)
    # Then the headers, all on as few lines as the room allows: a header row of one height
    # reads better than some headers whole and the others folded a character a line.
    tallest = max(
        line_count(c[0], w, True) if c else 1 for c, w in zip(columns, widths, strict=True)
    )
    for height in range(1, tallest):
        trial = [
            max(w, _header_width(c[0], height)) if c else w
            for c, w in zip(columns, widths, strict=True)
        ]
        if sum(trial) <= room:
            widths = trial
            break
    folded = _spend(widths, room, natural, lines)
    # Unless that room was what kept a title or a name from folding over every row, or an
    # English header from breaking mid-word: then the widths given as before (the short
    # columns, their headers included, first; no header folded to one height) print fewer
    # lines, and are kept.
    before = _spend(_short_first(least, natural, room), room, natural, lines)
    return folded if _table_lines(folded, lines) <= _table_lines(before, lines) else before


def _short_first(least: Sequence[int], want: Sequence[int], room: int) -> list[int]:
    """``least`` with each column whose ``want`` is :data:`SHORT` or less widened to it, those
    that lack least first, while half the room left over is still spare."""
    widths = list(least)
    spare = room - sum(widths)
    for j in sorted(range(len(widths)), key=lambda k: want[k] - widths[k]):
        lack = want[j] - widths[j]
        if lack > 0 and want[j] <= SHORT and lack * 2 <= spare:
            widths[j] = want[j]
            spare -= lack
    return widths


def _table_lines(widths: Sequence[int], lines: Callable[[int, int], list[int]]) -> int:
    """How many lines the table takes at ``widths`` (``lines(j, w)``: column ``j``'s texts'
    lines at width ``w``, the header first): for each row, its tallest cell."""
    return sum(map(max, zip(*(lines(j, w) for j, w in enumerate(widths)), strict=True)))


def _spend(
    start: Sequence[int],
    room: int,
    natural: Sequence[int],
    lines: Callable[[int, int], list[int]],
) -> list[int]:
    """``start`` widened a step at a time, each step where it saves the most lines of the
    printed table, until ``room`` is spent or no step saves any (``lines(j, w)``: column
    ``j``'s texts' lines at width ``w``)."""
    widths = list(start)
    spare = room - sum(widths)
    while spare > 0:
        table = [lines(j, w) for j, w in enumerate(widths)]
        # per row: the most lines any column takes (top), the first column that takes them,
        # and the most of the others (rest: the row's height should that column shrink)
        rows = list(zip(*table, strict=True))
        top = list(map(max, rows))
        first = list(map(tuple.index, rows, top))
        rest = [sorted(counts)[-2] for counts in rows] if len(widths) > 1 else [1] * len(rows)
        led: list[list[int]] = [[] for _ in widths]  # the rows each column is first to top
        for i, j in enumerate(first):
            led[j].append(i)
        best: tuple[float, int, int] | None = None
        for j, w in enumerate(widths):
            now = table[j]
            # the next width at which this column's texts take fewer lines
            step = next(
                (v for v in range(w + 1, min(natural[j], w + spare) + 1) if lines(j, v) != now),
                None,
            )
            if step is None:
                continue
            # each row's height with this column at ``step``: at least what the others take
            floor = list(top)
            for i in led[j]:
                floor[i] = rest[i]
            new = lines(j, step)
            saved = sum(map(sub, top, map(max, floor, new)))
            # a column whose own texts take fewer lines is worth a little even when the row
            # stays as tall (another column keeps it so)
            gain = saved + (sum(now) - sum(new)) / 1000
            if best is None or gain / (step - w) > best[0]:
                best = (gain / (step - w), j, step)
        if best is None:
            break
        _, j, step = best
        spare -= step - widths[j]
        widths[j] = step
    return widths


def printed_lines(columns: Sequence[Sequence[str]], widths: Sequence[int]) -> int:
    """How many lines ``columns`` (each its header, then its cells) take at ``widths``: for the
    header and each row, its tallest cell once wrapped."""
    return _table_lines(
        widths, lambda j, w: [line_count(x, w, i == 0) for i, x in enumerate(columns[j])]
    )


def fit_layout(columns: Sequence[Sequence[str]], available: int) -> tuple[list[int], int] | None:
    """The widths of ``columns`` within ``available`` cells and the gap between them: three
    cells apart when the natural widths fit so, or when moving the columns two apart would not
    wrap fewer lines; two apart when it would (an 80-column terminal then keeps a status or a
    name on one line rather than folding it in a narrow column); None when even two apart the
    least widths do not fit (print a record per block)."""
    measures = measure(columns)
    wide = fit_widths(columns, available, gap=GAP, measures=measures)
    if wide == measures.natural:
        return wide, GAP
    close = fit_widths(columns, available, gap=CLOSE_GAP, measures=measures)
    if close is None:
        return None
    sample = sampled(columns)
    if wide is not None and printed_lines(sample, wide) <= printed_lines(sample, close):
        return wide, GAP
    return close, CLOSE_GAP


SAMPLE_ROWS = 300


def sampled(columns: Sequence[Sequence[str]]) -> Sequence[Sequence[str]]:
    """``columns`` with at most :data:`SAMPLE_ROWS` of their rows, spread evenly over the table
    (the header kept): fitting weighs each width against the lines it prints, row by row, and a
    few hundred rows judge that as well as thousands."""
    rows = len(columns[0]) - 1 if columns else 0
    if rows <= SAMPLE_ROWS:
        return columns
    step = rows / SAMPLE_ROWS
    keep = [1 + int(i * step) for i in range(SAMPLE_ROWS)]
    return [[col[0], *(col[k] for k in keep)] for col in columns]


def _header_width(header: str, height: int) -> int:
    """The narrowest width (at least :data:`HEADER_LEAST`) at which ``header`` folds into no
    more than ``height`` lines."""
    width = max(HEADER_LEAST, -(-cell_len(header) // height))
    while line_count(header, width, True) > height:
        width += 1
    return width


def block_lines(headers: Sequence[str], row: Sequence[str], width: int) -> list[str]:
    """One record as a block: a line per non-empty cell, the header then the value, the values
    lined up and wrapped (with :func:`wrap_text`) to fit ``width``."""
    label = max(cell_len(h) for h in headers)
    room = max(width - label - 2, 1)
    lines: list[str] = []
    for header, value in zip(headers, row, strict=True):
        if not value:
            continue
        pad = " " * (label - cell_len(header) + 2)
        for j, part in enumerate(wrap_text(value, room)):
            lines.append((header + pad if j == 0 else " " * (label + 2)) + part)
    return lines


__all__ = [
    "CLOSE_GAP",
    "GAP",
    "Measures",
    "block_lines",
    "cell_lens",
    "column_least",
    "fit_layout",
    "fit_widths",
    "fits_whole",
    "least_width",
    "line_count",
    "measure",
    "printed_lines",
    "sampled",
    "wrap_text",
]
