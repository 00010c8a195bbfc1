"""Groups of points and ranking within a group (issue 14, SPEC §3 revision 4).

By default one group per point kind — city, county, department, in that order; a folder may
define its own in ``govinfo.yaml`` (``groups:``). Pure: the names of the default groups are
words, so a default group carries ``name`` None and the renderers name it by its kind.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import TypeVar

import msgspec

from govinfo.model import Point, PointKind, Settings

T = TypeVar("T")


class GroupInfo(msgspec.Struct, frozen=True, gc=False):
    """``id``; ``name`` as the folder writes it, None for a default group (named by its kind,
    which is then ``id``)."""

    id: str
    name: str | None
    kinds: tuple[PointKind, ...] = ()
    points: tuple[str, ...] = ()


def folder_groups(settings: Settings) -> tuple[GroupInfo, ...]:
    """The folder's groups in order: ``groups:`` of ``govinfo.yaml``, else one per kind."""
    if settings.groups:
        return tuple(GroupInfo(g.id, g.name, g.kinds, g.points) for g in settings.groups)
    return tuple(GroupInfo(k.value, None, (k,)) for k in PointKind)


def group_of(groups: Sequence[GroupInfo], point: Point) -> str:
    """The id of ``point``'s group: the group listing it, else the one taking its kind. (``check``
    makes every point fall in exactly one; a point in none, in a folder with errors, is put in
    the last group rather than lost.)"""
    for g in groups:
        if point.id in g.points:
            return g.id
    for g in groups:
        if point.kind in g.kinds:
            return g.id
    return groups[-1].id


def competition_ranks(
    items: Iterable[T], key: Callable[[T], tuple[Decimal, ...]], ident: Callable[[T], str]
) -> list[tuple[T, int]]:
    """``items`` ordered by ``key`` descending then ``ident`` ascending, each with its
    competition rank (1, 2, 2, 4) on ``key`` (SPEC §2)."""
    ordered = sorted(items, key=ident)
    ordered.sort(key=key, reverse=True)
    out: list[tuple[T, int]] = []
    previous: tuple[Decimal, ...] | None = None
    rank = 0
    for pos, item in enumerate(ordered, start=1):
        k = key(item)
        if k != previous:
            rank = pos
        previous = k
        out.append((item, rank))
    return out


def ranks_within_groups(
    items: Iterable[T],
    group: Callable[[T], str],
    key: Callable[[T], tuple[Decimal, ...]],
    ident: Callable[[T], str],
) -> dict[str, int]:
    """Each item's competition rank within its group, by ``ident``."""
    by_group: dict[str, list[T]] = {}
    for item in items:
        by_group.setdefault(group(item), []).append(item)
    ranks: dict[str, int] = {}
    for members in by_group.values():
        for item, rank in competition_ranks(members, key, ident):
            ranks[ident(item)] = rank
    return ranks
