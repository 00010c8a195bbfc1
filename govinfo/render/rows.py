"""A table's rows as lines of text, a column at a time (a year report's tables hold 200,000
cells): at the columns' natural widths, one line a row (:func:`natural_lines`), or at widths
fitted to a terminal, each cell wrapped to its column (:func:`fitted_lines`). Numbers are
right-aligned, columns ``gap`` spaces apart, and no line ends in spaces; a CJK character
is one character and two columns, so a cell is padded by ``str.ljust``/``rjust`` to the
length its column's width takes."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import repeat
from operator import sub

from govinfo.render.fit import fits_whole
from govinfo.render.wrap import wrap_text
from govinfo.text import display_width, display_widths


def natural_lines(
    columns: Sequence[Sequence[str]], headers: Sequence[str], numeric: Sequence[bool], gap: int
) -> tuple[list[int], list[str]]:
    """The columns' natural widths (their widest text, header included) and each row as one
    line at those widths, ``gap`` spaces between columns, numbers right-aligned, no trailing
    spaces. Done a column at a time (a year report's tables hold 200,000 cells): each cell
    measured once, and padded to its column's width by ``str.ljust``/``rjust`` to the length
    that width takes (a CJK character is one character, two columns)."""
    widths: list[int] = []
    padded: list[Sequence[str]] = []
    last = len(columns) - 1
    for j, (cells, header, right) in enumerate(zip(columns, headers, numeric, strict=True)):
        used = display_widths(cells)
        width = max(display_width(header), max(used, default=0))
        widths.append(width)
        last_left = j == last and not right  # its padding would only be stripped again
        padded.append(cells if last_left else _padded(cells, used, width, right))
    lines = map((" " * gap).join, zip(*padded, strict=True))
    return widths, list(map(str.rstrip, lines))


def _padded(cells: Sequence[str], used: Sequence[int], width: int, right: bool) -> list[str]:
    """``cells`` (``used`` columns wide each) padded to ``width`` columns, none cut: a wider
    one is left as it is."""
    lengths = map(sub, repeat(width), map(sub, used, map(len, cells)))
    return list(map(str.rjust if right else str.ljust, cells, lengths))


def fitted_lines(
    columns: Sequence[Sequence[str]], widths: Sequence[int], numeric: Sequence[bool], gap: int
) -> list[str]:
    """Each row at ``widths``: its cells wrapped to their columns with
    :func:`govinfo.render.wrap.wrap_text`, top-aligned, its lines joined by newlines. A column
    whose every cell fits whole is padded at once; only the others are wrapped cell by cell."""
    between = " " * gap
    whole: list[list[str] | None] = []  # a column's padded cells, when none of them wraps
    wrapped: list[list[list[str]]] = []  # else each cell's lines
    for cells, width, right in zip(columns, widths, numeric, strict=True):
        if fits_whole(cells, width):
            whole.append(_padded(cells, display_widths(cells), width, right))
            wrapped.append([])
        else:
            whole.append(None)
            wrapped.append([wrap_text(cell, width) for cell in cells])

    def piece(text: str, width: int, right: bool) -> str:
        pad = " " * (width - display_width(text))
        return pad + text if right else text + pad

    out: list[str] = []
    for i in range(len(columns[0]) if columns else 0):
        parts = [[p[i]] if p is not None else w[i] for p, w in zip(whole, wrapped, strict=True)]
        lines = []
        for k in range(max(map(len, parts))):
            pieces = []
            for part, padded, width, right in zip(parts, whole, widths, numeric, strict=True):
                if padded is not None:  # padded already, and one line
                    pieces.append(part[0] if k == 0 else " " * width)
                else:
                    pieces.append(piece(part[k] if k < len(part) else "", width, right))
            lines.append(between.join(pieces).rstrip())
        out.append("\n".join(lines))
    return out
