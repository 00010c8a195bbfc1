"""Columns whose cells list names (:attr:`govinfo.render.columns.Column.names`: 约稿完成情况's
按时报送单位, 逾期报送单位, 未报单位), as :mod:`govinfo.render.fit` fits them: a list is the
record of who reported, so a name in it is kept whole where the room allows — its column given
the width of its names (:func:`names_whole`) before a title or a detail is widened. How wide a
column's names are (:func:`name_widths`), and how many a layout keeps whole
(:func:`names_kept`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from govinfo.render.wrap import least_width, listed

NAME_MOST = 16  # a list's names are kept whole up to eight wide characters (names_whole) …
NAMES_LEAVE = 4  # … as the room allows, leaving a column that wraps two wide characters a line

Named = Sequence[Sequence[tuple[int, int]]]  # each column's names' widths (name_widths)


def name_widths(texts: Sequence[str], names: str) -> list[tuple[int, int]]:
    """The widths of the names ``texts`` (a column's cells) list ``names`` apart, each with its
    separator's mark as wrapping keeps it (“省建设厅、” 10, a list's last name without one:
    :func:`govinfo.render.wrap.listed`), narrowest first, each with how many names are that
    wide: a column as wide as one of them breaks none up to it. (A name of one unit, a word
    or a character, never breaks: it is left out.) Each text is gone through once, however
    often it comes; its lists are kept for wrapping them."""
    found: Counter[int] = Counter()
    for text, times in Counter(texts).items():
        for paragraph in text.split("\n"):
            for width in listed(paragraph, names)[2]:
                found[width] += times
    return sorted(found.items())


def listed_names(
    columns: Sequence[Sequence[str]], names: Sequence[str]
) -> list[list[tuple[int, int]]]:
    """The :func:`name_widths` of each of ``columns`` (each its header, then its cells) whose
    ``names`` (one separator a column, or none) says it lists names, none for the others — or
    none at all, for a table that lists none (most)."""
    named = [
        name_widths(col[1:], sep) if sep and col else []
        for col, sep in zip(columns, names or [""] * len(columns), strict=True)
    ]
    return named if any(named) else []


def names_kept(named: Named, widths: Sequence[int]) -> int:
    """How many of the names its columns list (``named``: each column's
    :func:`name_widths`, or none) a table at ``widths`` keeps whole."""
    return sum(
        n for sizes, width in zip(named, widths, strict=False) for w, n in sizes if w <= width
    )


def names_whole(
    least: Sequence[int], named: Named, cells: Sequence[int], headers: Sequence[str], room: int
) -> list[int]:
    """``least`` (a table's least widths) with each column that lists names (``named``: as for
    :func:`names_kept`; none: ``least`` as it is) as wide as one of its names up to
    :data:`NAME_MOST`, so as to keep the most names whole within ``room`` — of the ways that
    keep as many, the narrowest. The room comes out of the columns that wrap anywhere (a title,
    a detail), never out of a number's (its least width is its own): each column that wraps
    is kept :data:`NAMES_LEAVE` cells wide (its cells' width, ``cells``, when less), and the
    columns are as wide as their headers' widest words (``headers``: an English header's
    “missed”, not “mi/ss/ed”) where that keeps as many names whole; these are their least
    widths too. Where even the columns that wrap kept so narrow do not fit, ``least`` as it
    is. A
    name wider than its column still breaks, starting a line
    (:func:`govinfo.render.wrap.wrap_text`)."""
    if not named:
        return list(least)
    # The headers' words kept whole over every column, over the columns that never wrap (a
    # count's “missed”, not “mi/ss/ed”), or over none: of these, the first that keeps the most
    # names whole.
    found: tuple[int, list[int]] = (-1, list(least))
    for words in (lambda w, c: True, lambda w, c: w >= c, lambda w, c: False):
        base = [
            max(w, min(c, NAMES_LEAVE), least_width(h) if words(w, c) else 0)
            for w, c, h in zip(least, cells, headers, strict=True)
        ]
        if sum(base) <= room:
            kept, widths = _most_kept(base, named, room - sum(base))
            if kept > found[0]:
                found = kept, widths
    return found[1]


def _most_kept(base: list[int], named: Named, spare: int) -> tuple[int, list[int]]:
    """``base`` with the columns that list names widened within ``spare`` cells so as to keep
    the most names whole (of the ways that keep as many, the narrowest), and how many."""
    # the room the names columns take beyond their base widths: for each, the most names
    # kept whole so, and the widths (a column as wide as one of its names, or as it is)
    best: dict[int, tuple[int, tuple[int, ...]]] = {0: (0, ())}
    listing = [j for j, sizes in enumerate(named) if sizes]
    for j in listing:
        kept = sum(n for w, n in named[j] if w <= base[j])
        choices = [(0, base[j], kept)]
        for width, count in named[j]:
            if base[j] < width <= NAME_MOST:
                kept += count
                choices.append((width - base[j], width, kept))
        after: dict[int, tuple[int, tuple[int, ...]]] = {}
        for taken, (whole, chosen) in best.items():
            for more, width, count in choices:
                if taken + more <= spare and after.get(taken + more, (-1,))[0] < whole + count:
                    after[taken + more] = (whole + count, (*chosen, width))
        best = after
    _, (most, chosen) = max(best.items(), key=lambda item: (item[1][0], -item[0]))
    widths = list(base)
    for j, width in zip(listing, chosen, strict=True):
        widths[j] = width
    return most, widths


__all__ = ["NAMES_LEAVE", "NAME_MOST", "listed_names", "name_widths", "names_kept", "names_whole"]
