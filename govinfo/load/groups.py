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
    the registered points in no group, in one error at the ``groups`` key."""
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
    missing = [p for p in points if p.id not in listed and p.kind not in by_kind]
    if missing:
        words = _missing_words(missing)
        problems.append(Problem(SETTINGS_FILE, line, col, Severity.ERROR, words))
    return problems


def _missing_words(missing: Sequence[Point]) -> str:
    """The points in no group, in one error (they share its place, the ``groups`` key): each
    by its name and id."""
    named = [t("group_point_named", name=p.label, id=p.id) for p in missing]
    if len(named) == 1:
        return t("group_point_missing", point=named[0])
    return t("group_points_missing", n=len(named), points=t("list_sep").join(named))
