"""A table's layout on a terminal (:func:`fit_layout`: its columns' widths and the gap between
them, found by :mod:`govinfo.render.fit`), and what is kept of it between runs
(:class:`LayoutMemo`): the layout found at each width, and the table's measures with the wraps
tried, so that a table printed again at the same width is not fitted again, and one printed at
a width not seen yet wraps only at the widths not tried yet."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

import msgspec

from govinfo.render.fit import (
    CLOSE_GAP,
    GAP,
    KeptMeasures,
    Measures,
    fitted,
    measure,
    restored,
)
from govinfo.render.wrap import least_width

# Whether a layout's widths (the second) may replace another's (the first).
Accept = Callable[[list[int], list[int]], bool]


class LayoutMemo(Protocol):
    """Layouts found before (:func:`fit_layout`), each under its :func:`layout_key`, as
    ``[gap, *widths]``, or ``[]`` for a table that cannot be fitted; and the tables'
    :class:`KeptMeasures`, each under its :func:`texts_key`."""

    def get(self, key: str) -> list[int] | None: ...

    def put(self, key: str, value: list[int]) -> None: ...

    def measures(self, key: str) -> KeptMeasures | None: ...

    def keep_measures(self, key: str, value: KeptMeasures) -> None: ...


def fit_layout(
    columns: Sequence[Sequence[str]],
    available: int,
    memo: LayoutMemo | None = None,
    floors: Sequence[int] = (),
    names: Sequence[str] = (),
) -> tuple[list[int], int] | None:
    """The widths of ``columns`` within ``available`` cells and the gap between them: three
    cells apart when the natural widths fit so, or when moving the columns two apart would
    neither wrap fewer lines nor keep more of the names they list whole; two apart when it
    would (an 80-column terminal then keeps a status or a name on one line rather than folding
    it in a narrow column); None when even two apart the least widths do not fit (print a
    record per block).

    With a ``memo``, a layout found for the very same texts, width and fitting code before is
    taken from it (the same answer: fitting is a function of these alone), and one found now
    is kept in it: a table printed again at the same terminal width is not fitted again. At a
    width not seen yet, the table's measures and the wraps tried at other widths are taken
    from it too (:class:`KeptMeasures`): only the widths not tried yet are wrapped.

    ``floors``: a width under which a column may not go (its cells whole: an amount such as
    “迟报 1 小时 35 分钟”), one per column, or none. ``names``: each column's separator of the
    names its cells list (:func:`govinfo.render.wrap.wrap_text`), or none."""
    if memo is None:
        return fitted(_floored(measure(columns, names), floors), available)
    try:
        texts = texts_key(columns, names)
    except UnicodeEncodeError:  # text msgpack cannot hold (surrogate escapes): not kept
        return fitted(_floored(measure(columns, names), floors), available)
    key = _at_width(f"{texts}{list(floors)}" if floors else texts, available)
    known = memo.get(key)
    if known is not None and (not known or _sound(known, len(columns), available)):
        return (known[1:], known[0]) if known else None
    measures = restored(columns, memo.measures(texts), names)
    if measures is None:
        measures, tried = measure(columns, names), -1
    else:
        tried = len(measures.sample.found)
    found = fitted(_floored(measures, floors), available)  # the wraps tried kept in both
    memo.put(key, [] if found is None else [found[1], *found[0]])
    if len(measures.sample.found) != tried:
        memo.keep_measures(texts, measures.kept())
    return found


def _floored(measures: Measures, floors: Sequence[int]) -> Measures:
    """``measures`` with no least width under its column's floor (none: as they are)."""
    if not floors:
        return measures
    least = [max(w, f) for w, f in zip(measures.least, floors, strict=True)]
    return dataclasses.replace(measures, least=least)


def headed_layout(
    headers: Sequence[str],
    cells: Sequence[Sequence[str]],
    available: int,
    memo: LayoutMemo | None = None,
    floors: Sequence[int] = (),
    accept: Accept | None = None,
    names: Sequence[str] = (),
) -> tuple[list[str], tuple[list[int], int] | None]:
    """:func:`fit_layout` of the columns (each its header, then its ``cells``; ``names`` as
    there), and the headers shown: where a fitted column is too narrow for a word of its
    header (“sub/mit/ted”), the columns as wide as their headers' words where the table fits
    so and ``accept`` takes it (“submitted” is read without a note under the table); else the
    headers' shorter forms (:func:`govinfo.i18n.short_headers`: “subm.”, then “sub”), all a
    step shorter at a time so that they read alike, fitted again — until no header that has a
    shorter form breaks inside a word, or none is left."""
    from govinfo.i18n import short_headers

    forms = [(h, *short_headers(h)) for h in headers]
    shown = list(headers)
    layout = fit_layout(
        [[h, *c] for h, c in zip(shown, cells, strict=True)], available, memo, floors, names
    )
    for step in range(1, max(map(len, forms), default=1)):
        pairs = zip(shown, layout[0] if layout else (), forms, strict=False)
        if not any(least_width(h) > w and len(f) > 1 for h, w, f in pairs):
            break
        if step == 1 and layout is not None:  # the whole words first, where the table fits
            need = [least_width(h) for h in headers]
            whole = _widened(
                need, headers, cells, available, memo, floors, layout[0], accept, names
            )
            if whole is not None:
                layout = whole
                break
        shown = [f[min(step, len(f) - 1)] for f in forms]
        layout = fit_layout(
            [[h, *c] for h, c in zip(shown, cells, strict=True)], available, memo, floors, names
        )
    return _words_whole(shown, cells, available, memo, floors, layout, accept, names)


def _widened(
    need: Sequence[int],
    headers: Sequence[str],
    cells: Sequence[Sequence[str]],
    available: int,
    memo: LayoutMemo | None,
    floors: Sequence[int],
    before: list[int],
    accept: Accept | None,
    names: Sequence[str],
) -> tuple[list[int], int] | None:
    """The layout of the columns under ``headers`` with each at least as wide as it ``need``s
    (and its floor), where the table fits so and ``accept`` takes its widths after
    ``before`` (a header's words are not worth a name folded two characters a line); else
    None."""
    wider = [max(n, f) for n, f in zip(need, floors or [0] * len(need), strict=True)]
    found = fit_layout(
        [[h, *c] for h, c in zip(headers, cells, strict=True)], available, memo, wider, names
    )
    if found is None or (accept is not None and not accept(before, found[0])):
        return None
    return found


# A Chinese header of two-character words (本期得分, 累计国办采用, 名次): folded between its words
# where its column is too narrow for it, never inside one (本期/得分, not 本期得/分).
_CJK_WORDS = re.compile(r"(?:[\u4e00-\u9fff]{2}){1,4}")
CJK_WORD = 4  # the cells of a two-character word


def word_lines(header: str) -> str | None:
    """``header`` a word a line, when it is Chinese words of two characters (“本期\\n得分”);
    None for any other."""
    if _CJK_WORDS.fullmatch(header) is None:
        return None
    return "\n".join(header[k : k + 2] for k in range(0, len(header), 2))


def _words_whole(
    shown: list[str],
    cells: Sequence[Sequence[str]],
    available: int,
    memo: LayoutMemo | None,
    floors: Sequence[int],
    layout: tuple[list[int], int] | None,
    accept: Accept | None,
    names: Sequence[str],
) -> tuple[list[str], tuple[list[int], int] | None]:
    """``shown`` and ``layout``, fitted again where a header still breaks inside a word (an
    English word, a two-character Chinese word) with its column as wide as its widest word —
    where the table fits so and ``accept`` takes the widths (the old, then the new: a header's
    words are not worth a name folded two characters a line); each Chinese header too wide for
    its column a word a line."""
    if layout is None:
        return shown, layout
    words = [word_lines(h) for h in shown]
    need = [
        least_width(h) if w is None else min(CJK_WORD, len(h) * 2)
        for h, w in zip(shown, words, strict=True)
    ]
    if any(n > w for n, w in zip(need, layout[0], strict=True)):
        found = _widened(need, shown, cells, available, memo, floors, layout[0], accept, names)
        layout = found or layout
    lined = [
        h if w is None or len(h) * 2 <= width else w
        for h, w, width in zip(shown, words, layout[0], strict=True)
    ]
    return lined, layout


def _sound(known: Sequence[int], count: int, available: int) -> bool:
    """Whether ``known`` is a layout of ``count`` columns within ``available`` cells as
    :func:`fit_layout` keeps one: ``[gap, *widths]``."""
    gap, widths = known[0], known[1:]
    return (
        len(widths) == count
        and gap in (GAP, CLOSE_GAP)
        and min(widths, default=0) >= 0
        and sum(widths) + gap * (count - 1) <= available
    )


def layout_key(columns: Sequence[Sequence[str]], available: int, names: Sequence[str] = ()) -> str:
    """A digest of all that :func:`fit_layout` depends on: the texts of ``columns`` (and the
    names they list: :func:`texts_key`), the width ``available``, and the code that fits and
    measures them (:func:`_fitting_code`)."""
    return _at_width(texts_key(columns, names), available)


def texts_key(columns: Sequence[Sequence[str]], names: Sequence[str] = ()) -> str:
    """A digest of all that a table's :class:`govinfo.render.fit.Measures` depend on: the
    texts of ``columns``, the separators of the names they list (``names``, where any) and the
    code that measures them (:func:`_fitting_code`)."""
    digest = hashlib.sha256(_fitting_code())
    digest.update(msgspec.msgpack.encode([columns, names] if any(names) else columns))
    return digest.hexdigest()


def _at_width(texts: str, available: int) -> str:
    """The :func:`layout_key` of the table whose :func:`texts_key` is ``texts``."""
    return hashlib.sha256(f"{texts}\0{available}".encode("ascii")).hexdigest()


@functools.cache
def _fitting_code() -> bytes:
    """A digest of the code that fits and measures a table, so that a layout kept under one
    is never taken under another: govinfo's version and the source of this module,
    :mod:`govinfo.render.fit`, :mod:`govinfo.render.namelists`, :mod:`govinfo.render.wrap`
    and :mod:`govinfo.text`; rich's
    width tables (its ``cells`` module and the files of its Unicode data, by name and size:
    they change with rich's version) and the one ``UNICODE_VERSION`` picks; Python's Unicode
    database."""
    import unicodedata

    import rich.cells

    from govinfo import __version__, text
    from govinfo.render import fit, namelists, wrap

    digest = hashlib.sha256(__version__.encode())
    digest.update(f"{os.environ.get('UNICODE_VERSION')}\0{unicodedata.unidata_version}".encode())
    with contextlib.suppress(OSError, TypeError):
        sources = (__file__, fit.__file__, namelists.__file__, wrap.__file__, text.__file__)
        for path in (*sources, rich.cells.__file__):
            digest.update(Path(path).read_bytes())
        tables = Path(rich.cells.__file__).parent / "_unicode_data"
        names = sorted((e.name, e.stat().st_size) for e in os.scandir(tables) if e.is_file())
        digest.update(repr(names).encode())
    return digest.digest()


__all__ = ["LayoutMemo", "fit_layout", "headed_layout", "layout_key", "texts_key"]
