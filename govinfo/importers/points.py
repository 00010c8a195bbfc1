"""Names in a spreadsheet → registered points.

A point is matched by its id, full name, short name or one of its ``aliases`` (after NFKC folding
and with whitespace removed) — nothing else: no 市 is stripped, no prefix guessed. A near miss is
an error with "did you mean"; a name two points share is an error naming both.
"""

from __future__ import annotations

from collections.abc import Iterable

from govinfo.importers.values import fold
from govinfo.model import Point
from govinfo.text import NAME_CUTOFF, closest


class PointIndex:
    def __init__(self, points: Iterable[Point]) -> None:
        self.by_key: dict[str, list[Point]] = {}
        for p in points:
            keys = {fold(p.id), fold(p.name), *(fold(a) for a in p.aliases)}
            if p.short:
                keys.add(fold(p.short))
            for key in keys:
                self.by_key.setdefault(key, []).append(p)
        self._labels = {key: pts[0].label for key, pts in self.by_key.items()}

    def match(self, text: str) -> Point | list[Point] | None:
        """The point ``text`` names; a list when it names several; None when it names none."""
        found = self.by_key.get(fold(text))
        if not found:
            return None
        return found[0] if len(found) == 1 else found

    def suggest(self, text: str) -> str | None:
        """The label of the point closest to ``text``, if any is close."""
        close = closest(fold(text), self.by_key, cutoff=NAME_CUTOFF)
        return self._labels[close] if close is not None else None
