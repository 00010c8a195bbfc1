"""Tables that fit the terminal and never hide or cut a number, an id or a date.

On a terminal :func:`govinfo.render.table.print_table` asks :func:`fit_widths` how wide each
column may be:

* a cell's text breaks only where a person would break it — at a space, or next to a wide (CJK)
  character — never inside a run of narrow characters (``592.50``, ``2003-09-30``): see
  :mod:`govinfo.render.wrap`;
* so each column has a natural width (its longest cell on one line) and a least width (its
  longest unbreakable run); columns that hold only numbers, dates or ids have the two equal and
  are always shown whole;
* when the natural widths do not fit, the columns that can wrap (names, titles, details,
  headers) give up space: short cells stay whole, headers fold to one height, the others share
  what is left where it saves the most lines (judged on at most :data:`SAMPLE_ROWS` rows) —
  and the columns move closer (two cells apart, not three) when that leaves fewer lines
  wrapped (:func:`govinfo.render.layout.fit_layout`);
* a column that lists names (约稿完成情况's) first gets the width of its names, as many as
  the room allows (:mod:`govinfo.render.namelists`);
* yet a name is not folded a character a line to save a few lines: a column that wraps is
  kept :data:`READABLE` cells wide (four wide characters), or as near that as a few more
  lines allow; and an English header keeps its words whole where the room allows (else
  :func:`govinfo.render.layout.headed_layout` shows it shorter);
* when even the least widths do not fit, or the table folds an amount or a name, one with
  optional columns leaves them out, with a note (:mod:`govinfo.render.narrow`); else it is
  printed a record per block (:func:`govinfo.render.narrow.block_lines`): a line per
  column, ``header  value``.

Off a terminal nothing is wrapped: piped output keeps one row per line, never truncated.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import compress, repeat
from operator import itemgetter, le, ne

import msgspec
from rich.cells import cell_len

from govinfo.render.namelists import listed_names, names_kept, names_whole
from govinfo.render.wrap import NEVER, cell_lens, column_least, least_width, line_count, line_reach

GAP = 3  # the rich layout's columns are three cells apart (a padding, the rule, a padding)
CLOSE_GAP = 2  # or two, with rich's collapsed padding, when that wraps fewer lines
HEADER_LEAST = 2  # a header may fold down to a wide character a line
SHORT = 8  # cells this wide or less are kept on one line when the room allows
READABLE = 8  # a column that wraps (a name) is kept this wide (four wide characters) …
FEW_LINES = 3  # … when that costs the table no more than a few lines (see fit_widths)


@dataclass(frozen=True)
class Measures:
    """A table's columns measured once, for the layouts tried on them: each column's natural
    width (every text on one line) and least width (its widest unbreakable run, the header's
    at least :data:`HEADER_LEAST`), and a sample of its rows (:func:`sampled`) wrapped at the
    widths tried, for all of them (:class:`Wrapped`); and the widths of the names its
    columns list, from all its rows (:func:`govinfo.render.namelists.listed_names`)."""

    natural: list[int]
    least: list[int]
    sample: Wrapped
    named: list[list[tuple[int, int]]] = field(default_factory=list)

    def kept(self) -> KeptMeasures:
        """These measures as kept between runs (:class:`KeptMeasures`)."""
        wrapped = [(j, w, c, r) for (j, w), (c, r, _) in self.sample.found.items()]
        return KeptMeasures(self.natural, self.least, wrapped, self.named)


class KeptMeasures(msgspec.Struct, array_like=True, frozen=True):
    """A table's :class:`Measures` as kept between runs
    (:meth:`govinfo.render.layout.LayoutMemo.measures`): the natural and least widths, and each
    sampled column's texts wrapped at each width tried — ``(column, width, lines, reaches)``,
    as :class:`Wrapped` found them, and its names' widths. A table fitted to a width not seen
    yet starts from them, and wraps only at the widths not tried yet."""

    natural: list[int]
    least: list[int]
    wrapped: list[tuple[int, int, list[int], list[int]]]
    named: list[list[tuple[int, int]]] = msgspec.field(default_factory=list)


def measure(columns: Sequence[Sequence[str]], names: Sequence[str] = ()) -> Measures:
    """The :class:`Measures` of ``columns`` (each its texts: the header, then the cells;
    ``names``: each column's separator of the names its cells list, :func:`wrap_text`)."""
    return Measures(
        natural=[max(cell_lens(col), default=0) for col in columns],
        least=[max(HEADER_LEAST, column_least(col[1:])) if col else 0 for col in columns],
        sample=Wrapped(sampled(columns), names=names),
        named=listed_names(columns, names),
    )


def restored(
    columns: Sequence[Sequence[str]], kept: KeptMeasures | None, names: Sequence[str] = ()
) -> Measures | None:
    """The :class:`Measures` of ``columns`` (``names``: as for :func:`measure`) from ``kept``
    — None when nothing is kept, or what is kept does not have the shape of this table's
    measures. (The values are those measured: kept sealed, under a digest of these very texts,
    names and the fitting code; only their shape, and that no least width is under a header's,
    are checked here. Even a wrong width never cuts a number, an id or a date: wrapping never
    breaks a run of narrow characters.)"""
    if kept is None or not len(kept.natural) == len(kept.least) == len(columns):
        return None
    if len(kept.named) not in (0, len(columns)):
        return None
    if min(kept.least, default=HEADER_LEAST) < HEADER_LEAST or min(kept.natural, default=0) < 0:
        return None
    sample = sampled(columns)
    for j, width, lines, reaches in kept.wrapped:
        if not (
            0 <= j < len(sample) and width >= 0 and len(lines) == len(reaches) == len(sample[j])
        ):
            return None
    return Measures(kept.natural, kept.least, Wrapped(sample, kept.wrapped, names), kept.named)


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
    lines = measured.sample.lines
    cells = [max(cell_lens(col[1:]), default=0) for col in measured.sample.columns]
    # A list of names is the record of who reported: its column gets its names' width first.
    headers = [c[0] if c else "" for c in measured.sample.columns]
    least = names_whole(least, measured.named, cells, headers, room)
    widths = _fit_from(least, room, measured)
    most = few_more(table_lines(widths, lines))
    # An English header broken inside a word (“sub/mit/ted”) reads as no word at all: the
    # columns are kept as wide as their headers' words, those that need least first, while
    # the room allows and that costs the table no more than a few lines (a header that still
    # must break may be shown in its short form: govinfo.render.table).
    words = _whole_words(least, headers, room)
    if words != least:
        found = _fit_from(words, room, measured)
        if table_lines(found, lines) <= most:
            least, widths = words, found
    # A name folded a character a line (“省/安/全/监/管/局”) is read worst of all: each column
    # that can wrap is given :data:`READABLE` cells (or its natural width, when less), else
    # as near that as a wide character at a time, leftmost first (a row's name comes first),
    # as long as that costs the table no more than a few lines (:func:`few_more`) over the
    # layout that prints fewest, and folds no header over more lines.
    floors = list(least)
    for j in range(len(floors)):
        target = min(cells[j], READABLE)
        # what it has (up to that) is kept while the columns after it are tried
        floors[j] = max(least[j], min(widths[j], target))
        for floor in range(target, floors[j], -2):
            trial = [*floors[:j], floor, *floors[j + 1 :]]
            if sum(trial) > room:
                continue
            found = _fit_from(trial, room, measured)
            # nor the headers folded over more lines (“信/息/员” for a wider name)
            taller = _header_lines(found, lines) > _header_lines(widths, lines)
            if not taller and table_lines(found, lines) <= most:
                floors, widths = trial, found
                break
    return widths


def _whole_words(least: Sequence[int], headers: Sequence[str], room: int) -> list[int]:
    """``least`` with each column widened to its header's widest word (:func:`least_width`),
    those that need least first, while the widths fit ``room``."""
    widths = list(least)
    spare = room - sum(widths)
    want = [max(w, least_width(h)) for w, h in zip(widths, headers, strict=True)]
    for j in sorted(range(len(widths)), key=lambda k: want[k] - widths[k]):
        lack = want[j] - widths[j]
        if 0 < lack <= spare:
            widths[j] = want[j]
            spare -= lack
    return widths


def _header_lines(widths: Sequence[int], lines: Callable[[int, int], list[int]]) -> int:
    """How many lines the header row takes at ``widths`` (``lines``: as for
    :func:`table_lines`)."""
    return max((lines(j, w)[0] for j, w in enumerate(widths)), default=1)


def few_more(lines: int) -> int:
    """The most lines a table that prints ``lines`` at best may take to keep its names
    readable: a tenth more, and at least :data:`FEW_LINES` more."""
    return lines + max(FEW_LINES, lines // 10)


def _fit_from(least: Sequence[int], room: int, measured: Measures) -> list[int]:
    """Widths of at least ``least`` within ``room`` for the table ``measured``: the room left
    given where it saves the most lines of the printed table (see :func:`fit_widths`)."""
    natural = measured.natural
    columns = measured.sample.columns
    lines, reach = measured.sample.lines, measured.sample.reach
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
    folded = _spend(widths, room, natural, lines, reach)
    # Unless that room was what kept a title or a name from folding over every row, or an
    # English header from breaking mid-word: then the widths given as before (the short
    # columns, their headers included, first; no header folded to one height) print fewer
    # lines, and are kept.
    before = _spend(_short_first(least, natural, room), room, natural, lines, reach)
    return folded if table_lines(folded, lines) <= table_lines(before, lines) else before


class Wrapped:
    """Columns (each its header, then its cells) wrapped at the widths fitting tries, each
    column at each width once: every text's line count and reach (:func:`line_reach`). At a
    wider width a text is wrapped again only when the width is past its reach at the widest
    width short of it wrapped already; until then its lines are the same."""

    def __init__(
        self,
        columns: Sequence[Sequence[str]],
        tried: Iterable[tuple[int, int, list[int], list[int]]] = (),
        names: Sequence[str] = (),
    ) -> None:
        """``tried``: the wraps found before (:class:`KeptMeasures`), ``(column, width,
        lines, reaches)``; ``names``: as for :func:`measure`."""
        self.columns = columns
        self.names = list(names) or [""] * len(columns)
        self.found: dict[tuple[int, int], tuple[list[int], list[int], int]] = {}
        self.widths: list[list[int]] = [[] for _ in columns]  # each column's, as wrapped
        for j, width, lines, reaches in tried:
            self.found[j, width] = lines, reaches, min(reaches, default=NEVER)
            self.widths[j].append(width)

    def _at(self, j: int, width: int) -> tuple[list[int], list[int], int]:
        found = self.found.get((j, width))
        if found is not None:
            return found
        texts = self.columns[j]
        below = max((w for w in self.widths[j] if w < width), default=None)
        if below is None:
            counts, reaches = [0] * len(texts), [0] * len(texts)
            again: Iterable[int] = range(len(texts))
        else:  # the texts this width is past the reach of, found without a loop in Python
            counts, reaches = map(list, self.found[j, below][:2])
            again = list(compress(range(len(texts)), map(le, reaches, repeat(width))))
        names = self.names[j]
        for i in again:
            counts[i], reaches[i] = line_reach(texts[i], width, i == 0, "" if i == 0 else names)
        found = self.found[j, width] = counts, reaches, min(reaches, default=NEVER)
        self.widths[j].append(width)
        return found

    def lines(self, j: int, width: int) -> list[int]:
        """Column ``j``'s texts' lines at ``width``, the header (folded) first."""
        return self._at(j, width)[0]

    def reach(self, j: int, width: int) -> int:
        """The least wider width at which column ``j``'s texts could take other lines."""
        return self._at(j, width)[2]


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


def table_lines(widths: Sequence[int], lines: Callable[[int, int], list[int]]) -> int:
    """How many lines the table takes at ``widths`` (``lines(j, w)``: column ``j``'s texts'
    lines at width ``w``, the header first): for each row, its tallest cell."""
    return sum(map(max, zip(*(lines(j, w) for j, w in enumerate(widths)), strict=True)))


def _spend(
    start: Sequence[int],
    room: int,
    natural: Sequence[int],
    lines: Callable[[int, int], list[int]],
    reach: Callable[[int, int], int],
) -> list[int]:
    """``start`` widened a step at a time, each step where it saves the most lines of the
    printed table, until ``room`` is spent or no step saves any (``lines(j, w)``: column
    ``j``'s texts' lines at width ``w``; ``reach(j, w)``: the least wider width at which they
    could be others, see :func:`line_reach`)."""
    widths = list(start)
    spare = room - sum(widths)
    # each column's next step from a width (the spare room only shrinks, so a step found is
    # kept, and tried while the room lasts): see _next_step
    steps: dict[tuple[int, int], tuple[int, _Pick, list[int], int] | None] = {}
    while widths and spare > 0:
        table = [lines(j, w) for j, w in enumerate(widths)]
        top = list(map(max, repeat(1), *table))  # each row's height: its tallest cell
        best: tuple[float, int, int] | None = None
        for j, w in enumerate(widths):
            if (j, w) not in steps:
                steps[j, w] = _next_step(j, w, min(natural[j], w + spare), lines, reach)
            found = steps[j, w]
            if found is None or found[0] > w + spare:
                continue
            step, pick, new, own = found
            # the lines saved: in the rows where this column's cell takes fewer lines at
            # ``step`` (elsewhere the row stays as it is), down to what the others take
            others = (pick(counts) for k, counts in enumerate(table) if k != j)
            saved = sum(pick(top)) - sum(map(max, repeat(1), new, *others))
            # a column whose own texts take fewer lines is worth a little even when the row
            # stays as tall (another column keeps it so)
            gain = saved + own / 1000
            if best is None or gain / (step - w) > best[0]:
                best = (gain / (step - w), j, step)
        if best is None:
            break
        _, j, step = best
        spare -= step - widths[j]
        widths[j] = step
    return widths


def _next_step(
    j: int,
    w: int,
    limit: int,
    lines: Callable[[int, int], list[int]],
    reach: Callable[[int, int], int],
) -> tuple[int, _Pick, list[int], int] | None:
    """The next width up to ``limit`` at which column ``j`` (now ``w`` wide) takes other
    lines — looked for only where its texts could (short of a reach, every text wraps as
    before) — with what picks the rows whose lines change out of a column's lines (few, as
    a rule: picked rather than looked through), their lines there, and the lines the column
    saves itself; None when there is none."""
    now, step = lines(j, w), w
    while (step := reach(j, step)) <= limit and lines(j, step) == now:
        pass
    if step > limit:
        return None
    new = lines(j, step)
    rows = list(compress(range(len(new)), map(ne, now, new)))
    pick = _picker(rows)
    return step, pick, list(pick(new)), sum(now) - sum(new)


_Pick = Callable[[Sequence[int]], Sequence[int]]


def _picker(rows: Sequence[int]) -> _Pick:
    """What takes the items at ``rows`` (one or more) out of a sequence, as a tuple."""
    if len(rows) == 1:
        row = rows[0]
        return lambda items: (items[row],)
    return itemgetter(*rows)


def fitted(measures: Measures, available: int) -> tuple[list[int], int] | None:
    """The widths of the table ``measures`` measured within ``available`` cells, and the gap
    between them (see :func:`govinfo.render.layout.fit_layout`); None when even two apart
    the least widths do not fit."""
    columns = measures.sample.columns  # the widths need only the count of the columns
    wide = fit_widths(columns, available, gap=GAP, measures=measures)
    if wide == measures.natural:
        return wide, GAP
    close = fit_widths(columns, available, gap=CLOSE_GAP, measures=measures)
    if close is None:
        return None
    lines = measures.sample.lines  # the lines the sample printed, as fitting counted them
    # (unless closer the columns keep more of the names they list whole)
    if (
        wide is not None
        and table_lines(wide, lines) <= table_lines(close, lines)
        and names_kept(measures.named, close) <= names_kept(measures.named, wide)
    ):
        return wide, GAP
    return close, CLOSE_GAP


SAMPLE_ROWS = 150  # measured on the year report's, a month's and overdue's tables of a
# 50,000-submission year at 80–160 columns: layouts judged on 150 rows print within 1% as many
# lines as those judged on 300 (the year's fewer), and are found in two thirds of the time


def sampled(columns: Sequence[Sequence[str]]) -> Sequence[Sequence[str]]:
    """``columns`` with at most :data:`SAMPLE_ROWS` of their rows, spread evenly over the table
    (the header kept): fitting weighs each width against the lines it prints, row by row, and a
    hundred and fifty rows judge that as well as thousands."""
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


__all__ = [
    "CLOSE_GAP",
    "GAP",
    "KeptMeasures",
    "Measures",
    "Wrapped",
    "fit_widths",
    "fitted",
    "measure",
    "restored",
    "sampled",
    "table_lines",
]
