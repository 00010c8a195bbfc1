"""A layout memo (govinfo.render.layout.LayoutMemo) kept in memory, for the fitting tests."""

from __future__ import annotations

import msgspec

from govinfo.render.fit import KeptMeasures


class DictMemo:
    """A LayoutMemo in memory; with ``packed``, the measures kept go through msgpack as the
    result cache keeps them."""

    def __init__(self, *, packed: bool = False) -> None:
        self.kept: dict[str, list[int]] = {}
        self.kept_measures: dict[str, KeptMeasures] = {}
        self.packed = packed

    def get(self, key: str) -> list[int] | None:
        return self.kept.get(key)

    def put(self, key: str, value: list[int]) -> None:
        self.kept[key] = value

    def measures(self, key: str) -> KeptMeasures | None:
        return self.kept_measures.get(key)

    def keep_measures(self, key: str, value: KeptMeasures) -> None:
        if self.packed:
            value = msgspec.msgpack.decode(msgspec.msgpack.encode(value), type=KeptMeasures)
        self.kept_measures[key] = value
