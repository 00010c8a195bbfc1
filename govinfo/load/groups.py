"""The check of ``govinfo.yaml``'s ``groups:`` that needs the registry (issue 14): every
registered point in exactly one group. (Within the file — repeated ids, a kind or a point
listed twice — ``load.records`` checks; unknown points are references, checked with the rest.)

A point listed by a ``points:`` group whose kind a ``kinds:`` group takes too is in two groups:
the error is at the later of the two, where the second claim is written — a kind that takes
points an earlier group lists (at the kind), or a point whose kind an earlier group takes (at
the point) — naming the points by name and the group that already holds them."""

from __future__ import annotations

from collections.abc import Sequence

from govinfo.defaults import SETTINGS_FILE
from govinfo.i18n import t
from govinfo.model import Group, Point, Problem, Settings, Severity


def group_problems(settings: Settings, points: Sequence[Point]) -> list[Problem]:
    """Points in two groups (a ``points:`` group and a ``kinds:`` group), each at the later
    one; the registered points in no group, in one error at the ``groups`` key."""
    if not settings.groups:
        return []
    by_kind = {k: g for g in settings.groups for k in g.kinds}
    by_id = {p.id: p for p in points}
    order = {g.id: i for i, g in enumerate(settings.groups)}
    problems: list[Problem] = []
    listed: set[str] = set()
    # (kinds group, its kind's index, the earlier points group) → the points both take
    taken: dict[tuple[str, int, str], list[Point]] = {}
    for g in settings.groups:
        if not g.points:
            continue
        for point_id, (line, col) in zip(g.points, g.at, strict=True):
            listed.add(point_id)
            point = by_id.get(point_id)
            other = by_kind.get(point.kind) if point is not None else None
            if point is None or other is None:
                continue
            if order[other.id] < order[g.id]:
                words = t(
                    "group_listed_in_kind_group",
                    point=_named(point),
                    kind=point.kind.value,
                    other=_group(other),
                    group=_group(g),
                )
                problems.append(Problem(SETTINGS_FILE, line, col, Severity.ERROR, words))
            else:
                taken.setdefault((other.id, other.kinds.index(point.kind), g.id), []).append(point)
    groups = {g.id: g for g in settings.groups}
    for (gid, k, earlier), members in taken.items():
        g = groups[gid]
        line, col = g.at[k]
        words = t(
            "group_kind_takes_listed",
            group=_group(g),
            kind=g.kinds[k].value,
            other=_group(groups[earlier]),
            points=t("list_sep").join(_named(p) for p in members),
        )
        problems.append(Problem(SETTINGS_FILE, line, col, Severity.ERROR, words))
    where = settings.groups_at
    line, col = (where.line, where.col) if where is not None else (1, 1)
    missing = [p for p in points if p.id not in listed and p.kind not in by_kind]
    if missing:
        words = _missing_words(missing)
        problems.append(Problem(SETTINGS_FILE, line, col, Severity.ERROR, words))
    return problems


def _named(point: Point) -> str:
    return t("group_point_named", name=point.label, id=point.id)


def _group(group: Group) -> str:
    return t("group_named", name=group.name, id=group.id)


def _missing_words(missing: Sequence[Point]) -> str:
    """The points in no group, in one error (they share its place, the ``groups`` key): each
    by its name and id."""
    named = [_named(p) for p in missing]
    if len(named) == 1:
        return t("group_point_missing", point=named[0])
    return t("group_points_missing", n=len(named), points=t("list_sep").join(named))
