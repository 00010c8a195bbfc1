"""Where the tables printed on a terminal keep what fitting them found, with the folder's
results: the widths each was fitted to at each terminal width, and its measures with the wraps
tried (:class:`govinfo.render.layout.LayoutMemo`)."""

from __future__ import annotations

from govinfo.load.cache import Memo, ResultCache, Shelf
from govinfo.render.fit import KeptMeasures


class TableMemo:
    """A :class:`govinfo.render.layout.LayoutMemo` kept beside the results: the widths in one
    :class:`Memo` (small, read at once), the measures a :class:`Shelf` file a table (read only
    for a table fitted to a width not seen yet)."""

    def __init__(self, results: ResultCache) -> None:
        self._widths = Memo(results, "layouts")
        self._measures = Shelf(results, "measures")

    def get(self, key: str) -> list[int] | None:
        return self._widths.get(key)

    def put(self, key: str, value: list[int]) -> None:
        self._widths.put(key, value)

    def measures(self, key: str) -> KeptMeasures | None:
        return self._measures.get(key, KeptMeasures)

    def keep_measures(self, key: str, value: KeptMeasures) -> None:
        self._measures.put(key, value)
