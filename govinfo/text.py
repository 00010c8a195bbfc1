"""Plain-text helpers every layer may use (pure, no govinfo imports): how wide a text is on a
terminal, and which known word a mistyped one is closest to."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from wcwidth import wcswidth

# How alike a typed word and a known one must be (difflib's ratio) to be offered as "did you
# mean": field names are short and spelt by the clerk from the docs, so only a near miss;
# ids of the folder a little looser; names from an import file (folded, brackets stripped)
# loosest, since a spreadsheet's spelling of a point or publication drifts most.
FIELD_CUTOFF = 0.7
ID_CUTOFF = 0.6
NAME_CUTOFF = 0.5


def display_width(text: str) -> int:
    """Columns ``text`` takes on a terminal: a CJK character counts 2 (its length when wcwidth
    cannot tell, e.g. for control characters)."""
    width = wcswidth(text)
    return width if width >= 0 else len(text)


def closest(word: str, known: Iterable[str], *, cutoff: float) -> str | None:
    """The known word most like ``word`` when one is at least ``cutoff`` alike, else None."""
    found = difflib.get_close_matches(word, list(known), n=1, cutoff=cutoff)
    return found[0] if found else None
