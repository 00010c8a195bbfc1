"""A table in four formats: rich (terminal), markdown, CSV and JSON (the last three written by
:mod:`govinfo.render.formats`).

Any command that prints rows (score, explain, overdue, points, report) describes its output
once as a :class:`Table` (localised headers, typed cells, a style per row, a title and footer
lines) for people, and as plain records (JSON keys and values, SPEC §3) for programs:

* ``table``    — :func:`print_table`: rich's layout drawn by govinfo, fitted to a terminal, coloured;
* ``markdown`` — :func:`~govinfo.render.formats.markdown_text`: a pipe table (tabulate, CJK-aware through wcwidth);
* ``csv``      — :func:`~govinfo.render.formats.csv_text`: the JSON keys as header, UTF-8 without BOM;
* ``json``     — :func:`~govinfo.render.formats.json_text`: the document, numbers as JSON numbers.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from itertools import chain
from typing import TYPE_CHECKING, Any, cast

from govinfo import settings
from govinfo.render.columns import Cell, Column, ColumnKind
from govinfo.reports.numbers import fixed, tidy
from govinfo.text import escape

if TYPE_CHECKING:
    from govinfo.render.layout import LayoutMemo


@dataclass(frozen=True)
class Table:
    """The one table model: every command's output for people is laid out as a ``Table``, and
    every format (rich, plain, Markdown, xlsx, CSV files) renders it.

    ``rows`` hold one cell per column — texts, whole numbers, exact scores or dates, so that
    a spreadsheet gets numbers as numbers and dates as dates; ``styles`` an optional style per row (``good``,
    ``bad``, ``warn``, ``dim`` or None); ``total`` an optional last row of sums, printed in
    bold under a rule; ``footer`` the lines under the table; ``section_ends`` the indexes of rows
    that end a group (a rule under them). ``key`` (a stable English name, ``ranking``, ``trend``
    …) and ``name`` (a short localised name: the xlsx sheet, the CSV file) name a table of a
    report with several."""

    columns: Sequence[Column]
    rows: Sequence[Sequence[Cell]]
    styles: Sequence[str | None] = ()
    title: str | None = None
    footer: Sequence[str] = field(default_factory=tuple)
    section_ends: frozenset[int] = frozenset()
    total: Sequence[Cell] | None = None
    key: str = ""
    name: str = ""

    def __post_init__(self) -> None:
        # Every text passes the one escaping function, whatever the format: no control character
        # from the data reaches a terminal or a file raw (a line break only in a ``lines`` column).
        def cells(row: Sequence[Cell]) -> list[Cell]:
            if _printable(row):
                return list(row)
            lines = [c.lines for c in self.columns]
            return [
                escape(c, multiline=i < len(lines) and lines[i]) if isinstance(c, str) else c
                for i, c in enumerate(row)
            ]

        set_ = object.__setattr__
        # Judged a whole table at once (a year report's tables hold 200,000 cells), cell by
        # cell only when something in it needs escaping; the rows of a table made from
        # another (dataclasses.replace) are not judged again.
        if type(self.rows) is not _Escaped:
            rows = _Escaped(list(row) for row in self.rows)  # the table's own rows
            if not _printable(chain.from_iterable(rows)):
                rows = _Escaped(cells(row) for row in rows)
            set_(self, "rows", rows)
        if self.total is not None:
            set_(self, "total", cells(self.total))
        if self.title is not None:
            set_(self, "title", escape(self.title))
        set_(self, "footer", tuple(escape(line) for line in self.footer))


class _Escaped(list[Sequence[Cell]]):
    """A table's rows once every text in them has passed :func:`escape`."""


def _printable(cells: Iterable[Cell]) -> bool:
    """Whether no text among ``cells`` holds anything :func:`escape` would change (a number's
    or None's text never does, so only the texts are looked at)."""
    return "".join([c for c in cells if isinstance(c, str)]).isprintable()


def display(cell: Cell, kind: ColumnKind) -> str:
    """How a cell reads in a table: scores with exactly 2 decimals, dates YYYY-MM-DD, "" for None."""
    if cell is None:
        return ""
    if isinstance(cell, Decimal):
        return fixed(cell) if kind is ColumnKind.SCORE else _tidy_text(cell)
    return str(cell)


def plain(cell: Cell) -> str:
    """How a cell is written to a CSV file: numbers as their plain text (at most 2 decimals)."""
    if cell is None:
        return ""
    if isinstance(cell, Decimal):
        return format(tidy(cell), "f")
    return str(cell)


def display_rows(table: Table) -> list[list[str]]:
    """Every row's display texts, the total row last."""
    columns = display_columns(table)
    if not columns:
        return [[] for _ in range(len(table.rows) + (table.total is not None))]
    return [list(row) for row in zip(*columns, strict=True)]


def display_columns(table: Table) -> list[Sequence[str]]:
    """Every column's display texts, the total row's last (none for a table of no columns)."""
    rows = [*table.rows, *([table.total] if table.total is not None else [])]
    if not rows:
        return [[] for _ in table.columns]
    cells = zip(*rows, strict=True)  # a row of another length is a ValueError
    return [display_column(col, c.kind) for col, c in zip(cells, table.columns, strict=True)]


def display_column(cells: Sequence[Cell], kind: ColumnKind) -> Sequence[str]:
    """:func:`display` of each of a column's ``cells``, done a column at a time: the usual
    columns — texts and whole numbers, or scores — in one pass each."""
    held = set(map(type, cells))
    if held == {str}:
        return cast("Sequence[str]", cells)
    if Decimal not in held and type(None) not in held:
        return list(map(str, cells))  # texts, whole numbers (and text enums) as they read
    if held == {Decimal}:
        # Each value written once: a column of item scores holds a few values many times
        # (equal decimals read the same, 1.0 and 1.00 alike).
        numbers = cast("Sequence[Decimal]", cells)
        write = fixed if kind is ColumnKind.SCORE else _tidy_text
        texts = {value: write(value) for value in set(numbers)}
        return list(map(texts.__getitem__, numbers))
    return [cell if type(cell) is str else display(cell, kind) for cell in cells]


def _tidy_text(value: Decimal) -> str:
    return format(tidy(value), "f")


@dataclass(frozen=True)
class Shown:
    """What a table shows on a terminal: each column's display texts (a column at a time: a
    year report's tables hold 200,000 cells), a style per row and the rows that end a group —
    the total row (bold, under a rule) included."""

    columns: list[Sequence[str]]
    styles: list[str | None]
    ends: frozenset[int]

    @functools.cached_property
    def widths(self) -> list[list[int]]:
        """Each column's cells' display widths (:func:`govinfo.text.display_widths`), measured
        once for every layout that needs them."""
        from govinfo.text import display_widths

        return [display_widths(column) for column in self.columns]

    def select(self, keep: Sequence[int]) -> Shown:
        """The columns ``keep`` of this table as shown (their widths, once measured, kept)."""
        fewer = Shown([self.columns[j] for j in keep], self.styles, self.ends)
        if "widths" in self.__dict__:  # functools.cached_property keeps it there
            fewer.__dict__["widths"] = [self.widths[j] for j in keep]
        return fewer

    def rows(self) -> list[Sequence[str]]:
        if not self.columns:
            return [() for _ in self.styles]
        return list(zip(*self.columns, strict=True))


def _layout(table: Table) -> Shown:
    styles: list[str | None] = list(table.styles) + [None] * (len(table.rows) - len(table.styles))
    ends = table.section_ends
    if table.total is not None:
        styles.append("total")
        ends = ends | {len(table.rows) - 1}
    return Shown(display_columns(table), styles, ends)


# Row styles → rich styles (only visible on a terminal without NO_COLOR).
RICH_STYLES = {
    "good": "bold green",
    "bad": "bold red",
    "warn": "yellow",
    "dim": "dim",
    "total": "bold",
}


def print_table(spec: Table, console: Any, *, ascii_only: bool | None = None) -> None:
    """Print ``spec`` on a rich ``console`` in the plain layout (:func:`print_plain`: rich's
    table layout, drawn by govinfo, no trailing spaces). Off a terminal, or where the table's
    natural width fits the terminal, every row is one line. On a terminal too narrow for it the
    table is fitted without cutting a number, id or date (:func:`govinfo.render.layout.fit_layout`:
    text wraps first); when even that cannot fit, or folds an amount or a name, its optional
    columns give way, with a note (:func:`give_way`), else it is printed a record per block.
    Box lines are ASCII when ``ascii_only`` (default: the environment variable
    ``GOVINFO_ASCII`` is set), for consoles that draw box characters double-width."""
    if ascii_only is None:
        ascii_only = settings.ascii_only()
    shown = _layout(spec)
    if not console.is_terminal:  # piped: rows never wrapped, never padded to a width
        print_plain(spec, shown, console, ascii_only=ascii_only)
        return
    memo = getattr(console, "layouts", None)  # layouts found before (fitting_console)
    spec, shown, layout = give_way(spec, shown, console.width, memo)
    if layout is None:
        print_blocks(spec, shown, console)
        return
    widths, gap = layout
    print_plain(spec, shown, console, ascii_only=ascii_only, widths=widths, gap=gap)


def terminal_layout(
    spec: Table, shown: Shown, width: int, memo: LayoutMemo | None = None
) -> tuple[Table, tuple[list[int] | None, int] | None]:
    """How ``spec`` is shown on a terminal ``width`` cells wide: ``(None, GAP)`` when every row
    fits on one line at its natural widths, ``(widths, gap)`` when it must be fitted
    (:func:`govinfo.render.layout.headed_layout`, through ``memo``), None when it cannot be
    shown as a table; and ``spec`` with the headers it shows (shorter, where fitted)."""
    from govinfo.render.fit import GAP, few_more
    from govinfo.render.layout import headed_layout
    from govinfo.render.narrow import (
        cramp,
        lines_at,
        names_kept_at,
        short_headers_note,
        whole_floors,
    )
    from govinfo.render.rows import natural_widths

    natural = natural_widths(shown.widths, [c.header for c in spec.columns])
    if sum(natural) + GAP * (len(natural) - 1) <= width:
        return spec, (None, GAP)
    whole = _whole(spec)
    titles, names = [c.header for c in spec.columns], [c.names for c in spec.columns]
    kept, lines = names_kept_at(shown.columns, names), lines_at(shown.columns, names)

    # The columns widened for a header's words (after) against the layout before: no more
    # cramped, no name of a list broken, and no more than a few lines longer — unless less
    # cramped (a name no longer folded a character a line is worth the lines).
    def accept(before: list[int], after: list[int]) -> bool:
        worse = cramp(whole, shown.widths, after) - cramp(whole, shown.widths, before)
        if worse > 0 or kept(after) < kept(before):
            return False
        return worse < 0 or lines(after) <= few_more(lines(before))

    headers, layout = headed_layout(titles, shown.columns, width, memo, (), accept, names)
    floors = whole_floors(whole, shown.widths, None if layout is None else layout[0])
    if floors:  # a number, amount or date folded: whole, where the room allows
        found = headed_layout(titles, shown.columns, width, memo, floors, accept, names)
        if found[1] is not None:
            headers, layout = found
    columns = [replace(c, header=h) for c, h in zip(spec.columns, headers, strict=True)]
    note = short_headers_note(titles, headers, spec.footer)  # what “sub”, “adp” stand for
    footer = (note, *spec.footer) if note else spec.footer
    return replace(spec, columns=columns, footer=footer), layout


def _print_line(text: str | None, console: Any) -> None:
    """``text`` on one line, however long (off a terminal)."""
    if text is not None:
        console.print(text, markup=False, highlight=False, soft_wrap=True)


def _whole(spec: Table) -> list[bool]:
    """Which of ``spec``'s columns hold numbers, amounts (“12 天”) or dates: kept whole."""
    return [c.numeric or c.kind is ColumnKind.DATE for c in spec.columns]


def give_way(
    spec: Table, shown: Shown, width: int, memo: LayoutMemo | None = None
) -> tuple[Table, Shown, tuple[list[int] | None, int] | None]:
    """What of ``spec`` a terminal ``width`` cells wide shows, as shown, and its layout
    (:func:`terminal_layout`; None: a record per block, every column). The whole table, unless
    it cannot be fitted, or folds an amount or a name (:func:`govinfo.render.narrow.cramp`) or
    a header over many lines (:func:`~govinfo.render.narrow.tall_header`): then without its
    optional columns, a note under it, where that reads better and folds no name a character a
    line (in place of blocks: none at all). A table that would still fold an amount (or cannot
    be fitted) is printed a record per block."""
    from govinfo.render.narrow import AMOUNT, BLOCKS, cramp, tall_header

    fitted, layout = terminal_layout(spec, shown, width, memo)
    full = BLOCKS if layout is None else cramp(_whole(spec), shown.widths, layout[0])
    tall = layout is not None and tall_header([c.header for c in fitted.columns], layout[0])
    narrower = without_optional(spec) if full or tall else None  # the note names them
    if narrower is not None:
        fewer = shown.select([j for j, c in enumerate(spec.columns) if not c.optional])
        narrower, found = terminal_layout(narrower, fewer, width, memo)
        less = BLOCKS if found is None else cramp(_whole(narrower), fewer.widths, found[0])
        if less < (1 if full == BLOCKS else min(full, 2)):  # blocks read better than folds
            return narrower, fewer, found
        if (
            tall
            and less <= full
            and not tall_header([c.header for c in narrower.columns], found and found[0])
        ):
            return narrower, fewer, found  # a table under headers that do not tower over it
    if layout is None or full >= AMOUNT:
        return spec, shown, None  # “迟/报/31/分/钟”: a record per block keeps it whole
    return fitted, shown, layout


def without_optional(spec: Table) -> Table | None:
    """``spec`` without its optional columns, a note under it naming them
    (:func:`govinfo.render.narrow.left_out_note`) — or None when it has none."""
    from govinfo.render.narrow import left_out_note

    keep = [j for j, c in enumerate(spec.columns) if not c.optional]
    if len(keep) == len(spec.columns):
        return None
    return replace(
        spec,
        columns=[spec.columns[j] for j in keep],
        rows=_Escaped([row[j] for j in keep] for row in spec.rows),  # escaped as they were
        total=None if spec.total is None else [spec.total[j] for j in keep],
        footer=(*spec.footer, left_out_note([c.header for c in spec.columns if c.optional])),
    )


def print_blocks(spec: Table, shown: Shown, console: Any) -> None:
    """``spec`` a record per block (the layout that fits any terminal): the title, then for
    each row a line per cell, ``header  value``, a blank line between rows, then the footer."""
    from rich.text import Text

    from govinfo.render.narrow import block_lines, print_wrapped

    rows, styles = shown.rows(), shown.styles
    headers, names = [c.header for c in spec.columns], [c.names for c in spec.columns]
    print_wrapped(spec.title, console)
    # All the records as one text printed once (a print per line cost rich's whole round
    # each time: seconds for a year's group rankings on an 80-column terminal).
    body = Text(end="\n")
    for row, style in zip(rows, styles, strict=True):
        body.append("\n")  # a blank line before each record
        for line in block_lines(headers, row, console.width, names):
            body.append(line, style=RICH_STYLES.get(style or "") or None)
            body.append("\n")
    if rows:
        body.right_crop(1)  # the last line's own end is the print's
        console.print(body, highlight=False, soft_wrap=True)
    if spec.footer:
        console.print("")
    for line in spec.footer:
        print_wrapped(line, console)


def print_plain(
    spec: Table,
    shown: Shown,
    console: Any,
    *,
    ascii_only: bool = False,
    widths: Sequence[int] | None = None,
    gap: int = 3,
) -> None:
    """Print ``spec`` with the rich table's layout (header, a rule, rows with ``gap`` spaces
    between columns, numbers right-aligned, a blank line between groups), measuring CJK text
    with wcwidth, no trailing spaces. At its natural widths by default, one line per row; at
    ``widths`` (fitted to a terminal by :func:`govinfo.render.layout.fit_layout`) each cell is
    wrapped to its column with :func:`govinfo.render.wrap.wrap_text` — headers folded and
    aligned to the bottom, cells to the top, as rich lays them out. The title is never wrapped
    to the table's width."""

    from govinfo.render.narrow import print_wrapped
    from govinfo.render.rows import fitted_lines, header_lines, natural_lines, row_segments

    styles, ends = shown.styles, shown.ends
    headers = [c.header for c in spec.columns]
    numeric = [c.numeric for c in spec.columns]
    names = [c.names for c in spec.columns]  # lists of names: kept whole where they fit
    words = [c.words for c in spec.columns]  # a status, a kind: 取消/资格, not 取消资/格
    fitted = widths is not None
    natural: list[str] = []  # each row's line, at natural widths
    if widths is None:
        widths, natural = natural_lines(shown.columns, shown.widths, headers, numeric, gap)
        natural = natural or [""] * len(styles)  # a table of no columns: empty lines
    rule = ("-" if ascii_only else "\u2500") * (sum(widths) + gap * (len(widths) - 1))
    say = print_wrapped if console.is_terminal else _print_line
    say(spec.title, console)
    for text in header_lines(headers, widths, numeric, gap, fitted):
        console.print(text, markup=False, highlight=False, soft_wrap=True, style="bold")
    console.print(rule, markup=False, highlight=False, soft_wrap=True)
    # The rows as one text printed once: a print per row costs rich's whole round (options,
    # size, buffer) each time — seconds for the year report's 24,000 lines. As rich: a blank
    # line between groups.
    texts = (
        fitted_lines(shown.columns, shown.widths, widths, numeric, gap, names, words)
        if fitted
        else natural
    )
    last = len(styles) - 1
    if not styles:
        pass
    elif console.color_system is None and not console.record:
        # Without colour there is nothing for rich to do: the text goes straight to its file.
        for i in ends:
            if i < last:
                texts[i] += "\n"
        console.file.write("\n".join(texts) + "\n")
    else:  # through rich (colour, recording, capture, quiet), as segments ready to write
        from rich.segment import Segments

        segments = Segments(row_segments(texts, styles, ends, RICH_STYLES))
        console.print(segments, highlight=False, soft_wrap=True, end="")
    for text in spec.footer:
        say(text, console)
