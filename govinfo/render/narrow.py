"""What gives way on a terminal too narrow for a table (used by
:func:`govinfo.render.table.print_table`).

A number, an amount or a date is never cut (:mod:`govinfo.render.wrap`); nor, where the room
allows, is it folded over lines (“迟报/31/分钟”): its column keeps the width of its widest cell
(:func:`whole_floors`), the text columns (names, details) wrapping instead. When the table still
folds one, or folds a name two wide characters a line (:func:`cramp`), its optional columns
give way — overdue's 说明, score's 类别, a period ranking's to-date counts — with a line under
the table naming them (:func:`left_out_note`), the same words in every command; a table that
still cannot fit is printed a record per block (:func:`block_lines`). Where headers are shown
short (“sub”, “adp”), a line under the table says what they stand for
(:func:`short_headers_note`). The lines under a table wrap with each short item of a list whole
(:func:`print_wrapped`)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any

from rich.cells import cell_len

from govinfo.render.wrap import cell_width, wrap_text

FOLDED = 4  # a text column this narrow folds a name two wide characters a line (“省安/全监/管局”)
CHARACTER = 2  # … and this narrow, a character a line (“省/安/全/监/管/局”)


def whole_floors(
    whole: Sequence[bool], cells: Sequence[Sequence[int]], widths: Sequence[int] | None
) -> list[int]:
    """Each column's least width that keeps its cells whole where ``whole`` says so (numbers,
    amounts, dates; ``cells``: each column's cells' widths), 0 for the others — or none
    (``[]``) when the layout at ``widths`` (None: not found) folds no such cell."""
    floors = [max(w, default=0) if keep else 0 for keep, w in zip(whole, cells, strict=True)]
    if widths is not None and all(w >= f for w, f in zip(widths, floors, strict=True)):
        return []
    return floors if any(floors) else []


TALL = 4  # a header folded over more lines than this towers over its table


def tall_header(headers: Sequence[str], widths: Sequence[int] | None) -> bool:
    """Whether a header folds over more than :data:`TALL` lines at ``widths`` (None: the
    natural widths, where nothing folds) — a publication's name a character a line."""
    if widths is None:
        return False
    return any(len(wrap_text(h, w, fold=True)) > TALL for h, w in zip(headers, widths, strict=True))


AMOUNT = 3  # how cramped a layout is (:func:`cramp`): an amount, a number or a date folded
BLOCKS = 4  # … or no layout at all: a record per block


def cramp(
    whole: Sequence[bool], cells: Sequence[Sequence[int]], widths: Sequence[int] | None
) -> int:
    """How cramped a table fitted at ``widths`` (None: at its natural widths) reads: 0 when it
    folds nothing it should not; 1 when a name folds two wide characters a line (a text column
    :data:`FOLDED` cells wide or less, its cells wider), 2 when a character a line
    (:data:`CHARACTER`); :data:`AMOUNT` when a cell of a column ``whole`` says to keep whole
    (a number, an amount, a date) folds. ``cells``: each column's cells' widths."""
    level = 0
    for keep, sizes, width in zip(whole, cells, widths or (), strict=False):
        if width >= max(sizes, default=0):
            continue
        if keep:
            return AMOUNT
        if width <= CHARACTER:
            level = 2
        elif width <= FOLDED:
            level = max(level, 1)
    return level


def names_kept_at(
    columns: Sequence[Sequence[str]], names: Sequence[str]
) -> Callable[[Sequence[int]], int]:
    """How many of the names the ``columns`` (each its cells) list a layout at some widths
    keeps whole (:func:`govinfo.render.namelists.names_kept`; ``names``: each column's
    separator of its names, or none) — the names measured when first asked, once."""
    from govinfo.render.namelists import listed_names, names_kept

    @functools.cache
    def named() -> list[list[tuple[int, int]]]:  # a column that lists no names: not gone through
        lists = [["", *col] if sep else [] for col, sep in zip(columns, names, strict=True)]
        return listed_names(lists, names) if any(names) else []

    return lambda widths: names_kept(named(), widths)


def lines_at(
    columns: Sequence[Sequence[str]], names: Sequence[str]
) -> Callable[[Sequence[int]], int]:
    """How many lines the rows of a table (``columns``: each its cells; ``names``: as for
    :func:`names_kept_at`) take at some widths, counted as fitting counts them
    (:func:`govinfo.render.fit.table_lines`) on the rows it samples, wrapped as it wraps
    them (:class:`govinfo.render.fit.Wrapped`: each column at each width once): to weigh a
    layout against another — the rows sampled when first asked (most tables never are)."""
    from govinfo.render.fit import Wrapped, sampled, table_lines

    @functools.cache
    def sample() -> Wrapped:  # a header of nothing: only the rows are counted
        return Wrapped(sampled([["", *col] for col in columns]), names=names)

    return lambda widths: table_lines(widths, lambda j, w: sample().lines(j, w)[1:])


def left_out_note(headers: Sequence[str]) -> str:
    """The line under a table that names the columns a narrow terminal left out, and how to
    see them: the same words for every command."""
    from govinfo.i18n import t

    return t("table_left_out", columns=t("list_sep").join(headers))


def short_headers_note(
    headers: Sequence[str], shown: Sequence[str], footer: Sequence[str] = ()
) -> str | None:
    """The line under a table that says what the short headers a narrow terminal shows stand
    for (“short headers: sub = submitted, adp = adopted”), each once, or None when it shows
    none: ``shown`` are the ``headers`` as fitted (:func:`govinfo.i18n.short_headers`). Only
    an abbreviation is said (:func:`_abbreviates`: not “issues” for “issues (period)”, “late
    by” for “answered late by”, nor “#”), and not one the table's ``footer`` spells out
    already (“State Council (SC)”); one with its header's “(to date)” is said without it."""
    from govinfo.i18n import short_headers, t

    said: dict[str, str] = {}
    for header, short in zip(headers, shown, strict=True):
        if short == header or short not in short_headers(header):
            continue
        form, word = _bare(short), _bare(header)
        if not _abbreviates(form, word) or any(f"({form})" in line for line in footer):
            continue
        said.setdefault(form, t("table_short_header", short=form, full=word))
    if not said:
        return None
    return t("table_short_headers", headers=t("list_sep").join(said.values()))


def _bare(header: str) -> str:
    """``header`` without its closing words in brackets (“adp (to date)” → “adp”)."""
    head, bracket, _ = header.rpartition(" (")
    return head if bracket and header.endswith(")") and head else header


def _abbreviates(form: str, header: str) -> bool:
    """Whether ``form`` shortens a word of ``header``: a word of it that is not one of the
    header's is made of the header's letters in their order (“adp”, “nat.”, “SC”), where a
    new word (“missed by” for “not answered by”) is not."""
    words = header.lower().split()
    short = "".join(w.rstrip(".") for w in form.lower().split() if w not in words)
    if not any(c.isalpha() for c in short):
        return False
    letters = iter(header.lower())
    return all(c in letters for c in short)


def print_wrapped(text: str | None, console: Any, style: str | None = None) -> None:
    """``text`` in lines that fit the console, broken where :func:`wrap.wrap_text` may, a
    short item of a list kept whole (:func:`wrap_items`: “约稿逾期 62”, not “约稿逾/期
    62”)."""
    from rich.text import Text

    from govinfo.i18n import t

    if text is None:
        return
    for line in wrap_items(text, console.width, t("list_sep")):
        console.print(Text(line, style=style or ""), highlight=False, soft_wrap=True)


def wrap_items(text: str, width: int, sep: str) -> list[str]:
    """:func:`govinfo.render.wrap.wrap_text` of ``text`` — a line that lists items ``sep``
    apart (“突发信息迟报 22、约稿逾期 62”) — except that a short item (at most half of
    ``width``) is never broken over two lines: it starts the next line whole, its count with
    its words."""
    items = text.split(sep)
    if len(items) == 1 or "\n" in text:
        return wrap_text(text, width)
    lines: list[str] = []
    line = ""
    for k, item in enumerate(items):
        piece = item + sep if k < len(items) - 1 else item
        if cell_width((line + piece).rstrip()) <= width:
            line += piece
            continue
        if line and cell_width(piece.rstrip()) <= width // 2:
            lines.append(line.rstrip())
            line = piece.lstrip()
            continue
        joined = line + piece
        *done, line = wrap_text(joined, width) or [""]
        line += joined[len(joined.rstrip()) :]  # the space after a separator kept
        lines += done
    return [*lines, line.rstrip()] if line.strip() else lines


def block_lines(
    headers: Sequence[str], row: Sequence[str], width: int, names: Sequence[str] = ()
) -> list[str]:
    """One record as a block: a line per non-empty cell, the header then the value, the values
    lined up and wrapped (with :func:`govinfo.render.wrap.wrap_text`; ``names``: each cell's
    separator of the names it lists, or none) to fit ``width``. A value with a run wider
    than the room beside the headers (an id, a number: never cut, nor run past the
    terminal's edge where the whole line holds it) goes under its header, set in by two."""
    label = max(cell_len(h) for h in headers)
    room = max(width - label - 2, 1)
    lines: list[str] = []
    for header, value, sep in zip(headers, row, names or [""] * len(row), strict=True):
        if not value:
            continue
        parts = wrap_text(value, room, names=sep)
        if label + 2 + max(map(cell_len, parts)) > width:  # set in by two where it fits so
            under = ["  " + part for part in wrap_text(value, max(width - 2, 1), names=sep)]
            if max(map(cell_len, under)) > width:
                under = wrap_text(value, width, names=sep)
            lines += [header, *under]
            continue
        pad = " " * (label - cell_len(header) + 2)
        for j, part in enumerate(parts):
            lines.append((header + pad if j == 0 else " " * (label + 2)) + part)
    return lines


__all__ = [
    "AMOUNT",
    "BLOCKS",
    "CHARACTER",
    "FOLDED",
    "block_lines",
    "cramp",
    "left_out_note",
    "names_kept_at",
    "print_wrapped",
    "short_headers_note",
    "whole_floors",
    "wrap_items",
]
