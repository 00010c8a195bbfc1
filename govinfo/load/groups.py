"""The check of ``govinfo.yaml``'s ``groups:`` that needs the registry (issue 14): every
registered point in exactly one group. (Within the file — repeated ids, a kind or a point
listed twice — ``load.records`` checks; unknown points are references, checked with the rest.)"""

from __future__ import annotations

from collections.abc import Sequence

from govinfo.i18n import t
from govinfo.model import Point, Problem, Settings, Severity

SETTINGS_FILE = "govinfo.yaml"


def group_problems(settings: Settings, points: Sequence[Point]) -> list[Problem]:
    """A point listed by id in one group whose kind another group takes, at the id as written;
    a registered point in no group, at the ``groups`` key."""
    if not settings.groups:
        return []
    by_kind = {k: g.id for g in settings.groups for k in g.kinds}
    kind_of = {p.id: p.kind for p in points}
    problems: list[Problem] = []
    listed: set[str] = set()
    for g in settings.groups:
        if not g.points:
            continue
        for point_id, (line, col) in zip(g.points, g.at, strict=True):
            listed.add(point_id)
            kind = kind_of.get(point_id)
            other = by_kind.get(kind) if kind is not None else None
            if other is not None:
                problems.append(
                    Problem(
                        SETTINGS_FILE,
                        line,
                        col,
                        Severity.ERROR,
                        t("group_member_twice", value=point_id, group=g.id, other=other),
                    )
                )
    where = settings.groups_at
    line, col = (where.line, where.col) if where is not None else (1, 1)
    for p in points:
        if p.id not in listed and p.kind not in by_kind:
            problems.append(
                Problem(SETTINGS_FILE, line, col, Severity.ERROR, t("group_point_missing", id=p.id))
            )
    return problems
