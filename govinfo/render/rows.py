"""A table's rows as lines of text, a column at a time (a year report's tables hold 200,000
cells): at the columns' natural widths, one line a row (:func:`natural_lines`), or at widths
fitted to a terminal, each cell wrapped to its column (:func:`fitted_lines`); and its header
row (:func:`header_lines`). Numbers are right-aligned, columns ``gap`` spaces apart, and no
line ends in spaces; a CJK character is one character and two columns, so a cell is padded by
``str.ljust``/``rjust`` to the length its column's width takes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import repeat
from operator import sub
from typing import Any

from govinfo.render.wrap import cell_lens, fits_whole, wrap_cells, wrap_text
from govinfo.text import display_width, display_widths


def natural_lines(
    columns: Sequence[Sequence[str]],
    shown: Sequence[Sequence[int]],
    headers: Sequence[str],
    numeric: Sequence[bool],
    gap: int,
) -> tuple[list[int], list[str]]:
    """The columns' natural widths (their widest text, header included) and each row as one
    line at those widths, ``gap`` spaces between columns, numbers right-aligned, no trailing
    spaces. Done a column at a time (a year report's tables hold 200,000 cells): each cell
    measured once (``shown``: each column's :func:`govinfo.text.display_widths`), and padded to
    its column's width by ``str.ljust``/``rjust`` to the length that width takes (a CJK
    character is one character, two columns)."""
    widths = natural_widths(shown, headers)
    padded: list[Sequence[str]] = []
    last = len(columns) - 1
    for j, (cells, used, width, right) in enumerate(
        zip(columns, shown, widths, numeric, strict=True)
    ):
        last_left = j == last and not right  # its padding would only be stripped again
        padded.append(cells if last_left else _padded(cells, used, width, right))
    lines = map((" " * gap).join, zip(*padded, strict=True))
    return widths, list(map(str.rstrip, lines))


def natural_widths(shown: Sequence[Sequence[int]], headers: Sequence[str]) -> list[int]:
    """Each column's natural width: its widest text on one line, header included (``shown``:
    each column's :func:`govinfo.text.display_widths`)."""
    return [
        max(display_width(header), max(used, default=0))
        for used, header in zip(shown, headers, strict=True)
    ]


def _padded(cells: Sequence[str], used: Sequence[int], width: int, right: bool) -> list[str]:
    """``cells`` (``used`` columns wide each) padded to ``width`` columns, none cut: a wider
    one is left as it is."""
    lengths = map(sub, repeat(width), map(sub, used, map(len, cells)))
    return list(map(str.rjust if right else str.ljust, cells, lengths))


def header_lines(
    headers: Sequence[str], widths: Sequence[int], numeric: Sequence[bool], gap: int, fold: bool
) -> list[str]:
    """The header row at ``widths``, ``gap`` spaces between columns: each header folded to its
    column where the table is fitted to a terminal (``fold``), all of them aligned to the
    bottom (they sit on the rule), as rich lays them out."""
    if fold:
        parts = [wrap_text(h, w, fold=True) for h, w in zip(headers, widths, strict=True)]
    else:
        parts = [[h] for h in headers]
    height = max((len(part) for part in parts), default=0)  # no columns: no header
    out = []
    for k in range(height):
        pieces = []
        for part, w, right in zip(parts, widths, numeric, strict=True):
            at = k - (height - len(part))
            text = part[at] if 0 <= at < len(part) else ""
            pad = " " * (w - display_width(text))
            pieces.append(pad + text if right else text + pad)
        out.append((" " * gap).join(pieces).rstrip())
    return out


def fitted_lines(
    columns: Sequence[Sequence[str]],
    shown: Sequence[Sequence[int]],
    widths: Sequence[int],
    numeric: Sequence[bool],
    gap: int,
    names: Sequence[str] = (),
    words: Sequence[bool] = (),
) -> list[str]:
    """Each row at ``widths``: its cells wrapped to their columns with
    :func:`govinfo.render.wrap.wrap_text` (``names``: each column's separator of the names its
    cells list, or none; ``words``: which columns hold words of a fixed vocabulary, none folded
    to leave one character alone), top-aligned, its lines joined by newlines. Done a
    column at a time, a line of the rows at a time: a column whose every cell fits whole is
    padded at once, the others' cells are wrapped (:func:`govinfo.render.wrap.wrap_cells`),
    and the rows' first lines are joined together, then the second lines of the rows that
    have two, and so on. ``shown``: each column's :func:`govinfo.text.display_widths`."""
    between = " " * gap
    # each column's cells padded, where every cell is one line, whole; else their lines
    whole: list[list[str] | None] = []
    wrapped: list[list[list[str]] | None] = []
    seps = names or [""] * len(columns)
    evens = words or [False] * len(columns)
    for cells, used, width, right, sep, even in zip(
        columns, shown, widths, numeric, seps, evens, strict=True
    ):
        sizes = cell_lens(cells, used)
        every = fits_whole(cells, width, sizes)
        whole.append(_padded(cells, used, width, right) if every else None)
        wrapped.append(None if every else wrap_cells(cells, width, sizes, sep, even=even))
    heights = [1] * (len(columns[0]) if columns else 0)
    for lines in wrapped:
        if lines is not None:
            heights = list(map(max, heights, map(len, lines)))
    out: list[str] = []
    for k in range(max(heights, default=0)):
        rows = range(len(heights)) if k == 0 else [i for i, h in enumerate(heights) if h > k]
        pieces: list[Sequence[str]] = []
        for padded, lines, width, right in zip(whole, wrapped, widths, numeric, strict=True):
            if lines is None:
                pieces.append(
                    padded if k == 0 and padded is not None else [" " * width] * len(rows)
                )
                continue
            texts = [cell[k] if k < len(cell) else "" for cell in map(lines.__getitem__, rows)]
            pieces.append(_padded(texts, display_widths(texts), width, right))
        joined = map(str.rstrip, map(between.join, zip(*pieces, strict=True)))
        if k == 0:
            out = list(joined)
        else:
            for i, line in zip(rows, joined, strict=True):
                out[i] += "\n" + line
    return out


def row_segments(
    texts: Sequence[str],
    styles: Sequence[str | None],
    ends: frozenset[int],
    looks: Mapping[str, str],
) -> list[Any]:
    """The rows as rich segments, a segment a line in the row's style (its rich style in
    ``looks``: :data:`govinfo.render.table.RICH_STYLES`), a
    blank line after each group's end, the last line ended: what rich makes of them as one
    styled text, without its pass over that text line by line (split, wrap, divide — most of
    a year report's time on a terminal)."""
    from rich.segment import Segment
    from rich.style import Style

    parsed = {name: Style.parse(spec) for name, spec in looks.items()}
    newline = Segment("\n")
    last = len(texts) - 1
    out = []
    for i, (text, style) in enumerate(zip(texts, styles, strict=True)):
        look = parsed.get(style or "")
        for k, line in enumerate(text.split("\n")):
            if k:
                out.append(newline)
            out.append(Segment(line, look))
        out.append(Segment("\n\n") if i in ends and i != last else newline)
    return out
