"""Rows of ``govinfo score YEAR`` (SPEC §3): the ranking with counts and statuses."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import msgspec

from govinfo.model import PointKind
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


# SPEC §3's keys: the row's fields but the table's short name.
SCORE_KEYS = keys_of(ScoreRow, omit=("label",))


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


def score_report(
    result: YearScore, *, kind: PointKind | None = None, top: int | None = None
) -> ScoreReport:
    """The rows of ``result``: ``kind`` keeps the points of that kind, ``top`` those ranked
    ``top`` or better; both keep the ranks of the whole ranking."""
    rows = []
    for s in result.standings:
        if kind is not None and s.point.kind is not kind:
            continue
        if top is not None and s.rank > top:
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
            )
        )
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
