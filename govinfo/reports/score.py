"""Rows of ``govinfo score YEAR`` (SPEC §3): the ranking with counts and statuses."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import msgspec

from govinfo.model import PointKind, Settings
from govinfo.reports.groups import GroupInfo, folder_groups, group_of, ranks_within_groups
from govinfo.reports.passedover import passed_over
from govinfo.reports.recorded import closed_and_changed
from govinfo.reports.rows import as_record, keys_of
from govinfo.rules.annual import Status, YearScore


class ScoreRow(msgspec.Struct, frozen=True, gc=False):
    """One ranked point; the fields are SPEC §3's ``points`` keys, in order, and ``label``."""

    rank: int
    id: str
    name: str
    label: str  # the short name, for tables
    kind: str
    score: Decimal
    submitted: int
    adopted: int
    national_adopted: int
    instructions: int
    research: int
    deductions: Decimal
    status: str
    at_risk: bool
    group: str = ""  # issue 14: the point's group
    group_rank: int = 0  # its rank within the group, on the same figures as ``rank``
    # the kinds of the events that kept a point ranked high enough from commendation
    passed_over: tuple[str, ...] = ()


# SPEC §3's keys: the row's fields but the table's short name and the passed-over reason.
SCORE_KEYS = keys_of(ScoreRow, omit=("label", "passed_over"))


class ScoreReport(msgspec.Struct, frozen=True, gc=False):
    """The ranking rows chosen by the filters (ranks are those of the whole ranking), the rule
    sets used, and the outcome counts of the whole ranking (not only the rows shown)."""

    year: int
    as_of: dt.date
    final: bool
    rule_sets: tuple[str, ...]
    rows: tuple[ScoreRow, ...]
    commended: int
    disqualified: int
    at_risk: int
    submissions: int  # in the year, all points (0: the ranking is empty of data)
    groups: tuple[GroupInfo, ...] = ()
    by_group: bool = False
    ranked: int = 0  # points in the whole ranking (0: none held a tier in the year)
    registered: int | None = None  # points in the registry, asked when none was ranked
    # a closed year whose data changed since: the day its outcome was recorded, and how many
    # points' recorded outcome is not today's (reports.recorded)
    changed_since_closed: tuple[dt.date, int] | None = None
    # the filters, and the best rank shown (group rank under by_group) among the points of
    # ``kind`` — None when no point of that kind is ranked: a ``--top`` that keeps no row of
    # the kind says why (render.score.filtered_out_note)
    kind: PointKind | None = None
    top: int | None = None
    kind_best_rank: int | None = None
    # points of the whole ranking whose score is not 0: with no submission in the year, what
    # earlier items drew in it (adopted in January, reported after midnight)
    scored: int = 0


def score_report(
    result: YearScore,
    *,
    kind: PointKind | None = None,
    top: int | None = None,
    groups: tuple[GroupInfo, ...] | None = None,
    by_group: bool = False,
    registered: int | None = None,
) -> ScoreReport:
    """The rows of ``result``: ``kind`` keeps the points of that kind, ``top`` those ranked
    ``top`` or better; both keep the ranks of the whole ranking. Each row names its group of
    ``groups`` (default: one per kind) and its rank within it (issue 14: the same order as the
    ranking, restricted to the group); ``by_group`` orders the rows group by group, by that
    rank, and ``top`` then keeps the rows ranked ``top`` or better within their group."""
    excluded = passed_over(result)
    groups = groups if groups is not None else folder_groups(Settings())
    tie_break = result.annual_rule_set.annual.tie_break
    group_by_id = {s.point.id: group_of(groups, s.point) for s in result.standings}
    group_rank = ranks_within_groups(
        result.standings,
        lambda s: group_by_id[s.point.id],
        lambda s: (s.score, *(Decimal(s.counts.get(n)) for n in tie_break)),
        lambda s: s.point.id,
    )
    rows = []
    kind_best_rank: int | None = None
    for s in result.standings:
        if kind is not None and s.point.kind is not kind:
            continue
        shown_rank = group_rank[s.point.id] if by_group else s.rank
        if kind_best_rank is None or shown_rank < kind_best_rank:
            kind_best_rank = shown_rank
        if top is not None and shown_rank > top:
            continue
        c = s.counts
        rows.append(
            ScoreRow(
                rank=s.rank,
                id=s.point.id,
                name=s.point.name,
                label=s.point.label,
                kind=s.point.kind.value,
                score=s.score,
                submitted=c.submitted,
                adopted=c.adopted,
                national_adopted=c.national_adopted,
                instructions=c.instructions,
                research=c.research,
                deductions=c.deductions,
                status=s.status.value,
                at_risk=s.at_risk,
                group=group_by_id[s.point.id],
                group_rank=group_rank[s.point.id],
                passed_over=excluded.get(s.point.id, ()),
            )
        )
    if by_group:
        order = {g.id: i for i, g in enumerate(groups)}
        rows.sort(key=lambda r: (order.get(r.group, len(order)), r.group_rank, r.rank, r.id))
    statuses = [s.status for s in result.standings]
    return ScoreReport(
        year=result.year,
        as_of=result.as_of,
        final=result.final,
        rule_sets=result.rule_sets,
        rows=tuple(rows),
        commended=statuses.count(Status.COMMENDED),
        disqualified=statuses.count(Status.DISQUALIFIED),
        at_risk=sum(1 for s in result.standings if s.at_risk),
        submissions=sum(s.counts.submitted for s in result.standings),
        groups=groups,
        by_group=by_group,
        ranked=len(result.standings),
        registered=registered,
        changed_since_closed=closed_and_changed(result),
        kind=kind,
        top=top,
        kind_best_rank=kind_best_rank,
        scored=sum(1 for s in result.standings if s.score),
    )


def score_records(report: ScoreReport) -> list[dict[str, Any]]:
    """The ``points`` of SPEC §3's ``score`` JSON, one dict per row, keys in SPEC's order."""
    return [as_record(r, SCORE_KEYS) for r in report.rows]


def score_document(report: ScoreReport) -> dict[str, Any]:
    """SPEC §3's ``score`` JSON document."""
    return {
        "year": report.year,
        "as_of": report.as_of.isoformat(),
        "rule_sets": list(report.rule_sets),
        "points": score_records(report),
    }
