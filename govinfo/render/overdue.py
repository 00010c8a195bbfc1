"""The ``overdue`` report as a table for people: grouped by point (its information officer's
name and phone on the group's first row, so a clerk can ring the point about everything it owes)
or by finding kind; upcoming items (``--soon``) dimmed after each group's findings; a footer
counting the findings per kind; and the findings as SPEC §3's JSON and CSV records."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from enum import StrEnum
from typing import Any

import msgspec

from govinfo.i18n import t, tn
from govinfo.render.columns import Column
from govinfo.render.table import Table
from govinfo.render.words import days_words, finding_detail, late_span, when_words
from govinfo.reports.overdue import KIND_ORDER, Finding, FindingKind, OverdueReport
from govinfo.reports.rows import as_record, keys_of
from govinfo.rules.pricer import LateReport


class FindingRecord(msgspec.Struct, frozen=True, gc=False):
    """A finding as SPEC §3's JSON object (the fields are its keys, in order)."""

    point: str
    kind: FindingKind
    period: str | None
    ref: str | None
    due: dt.date
    days_overdue: int
    detail: str


FINDING_KEYS = keys_of(FindingRecord)


class GroupBy(StrEnum):
    point = "point"
    type = "type"


def _contact(report: OverdueReport, point_id: str) -> str:
    point = report.points.get(point_id)
    contact = point.contact if point is not None else None
    parts = [x for x in (contact.name, contact.phone) if x] if contact is not None else []
    return " ".join(parts) if parts else t("od_no_contact")


def point_label(report: OverdueReport, point_id: str, left: Collection[str] = ()) -> str:
    """The point's name in a table; marked 已退出 when it is among ``left``, the points that
    have left the network by the as-of day (their findings stand, but nobody is chased)."""
    point = report.points.get(point_id)
    label = point.label if point is not None else point_id
    return label + t("od_left_mark") if point_id in left else label


def overdue_words(f: Finding) -> str:
    """How overdue a finding is, in words: how late a late report came, else the days since
    its due day (or “due today”)."""
    if isinstance(f.fact, LateReport):
        # how late the report came (its 事项 says 迟报 already); JSON's days_overdue stays
        # SPEC's days since the deadline
        return late_span(f.fact.minutes - f.fact.limit)
    if f.days_overdue > 0:
        return days_words(f.days_overdue)
    return when_words(f.days_overdue)


def _groups(report: OverdueReport, by: GroupBy) -> list[list[Finding]]:
    """Findings then upcoming items, per group: points in id order, or kinds in
    :data:`KIND_ORDER`; inside a group, SPEC order."""
    groups: dict[str, list[Finding]] = {}
    for f in (*report.findings, *(report.upcoming or ())):
        groups.setdefault(f.point if by is GroupBy.point else f.kind.value, []).append(f)
    order = sorted(groups) if by is GroupBy.point else [k.value for k in KIND_ORDER]
    return [groups[key] for key in order if key in groups]


def counts_line(report: OverdueReport) -> str:
    """The line under every overdue table (terminal or file): how many findings of each kind
    there are (the kinds with none left out), or that there are none as of the day."""
    counts = report.counts()
    n = sum(counts.values())
    if not n:
        return t("od_footer_none", as_of=report.as_of.isoformat())
    words = t("list_sep").join(
        t("od_footer_count", kind=t(f"od_kind_{k.value}"), n=c) for k, c in counts.items() if c
    )
    return t("od_footer_counts", n=n, counts=words)


def overdue_table(report: OverdueReport, by: GroupBy = GroupBy.point) -> Table:
    lead = [
        Column("point", t("od_col_point")),
        Column("contact", t("od_col_contact")),
        Column("kind", t("od_col_kind")),
    ]
    if by is GroupBy.type:
        lead = [lead[2], lead[0], lead[1]]
    columns = [
        *lead,
        Column("ref", t("od_col_ref")),
        Column("due", t("od_col_due")),
        Column("days", t("od_col_days"), right=True),
        Column("detail", t("od_col_detail"), optional=True),  # gives way on a narrow terminal
    ]
    rows: list[tuple[str, ...]] = []
    styles: list[str | None] = []
    ends: set[int] = set()
    left = report.left_by_id()
    for group in _groups(report, by):
        for i, f in enumerate(group):
            point = point_label(report, f.point, left)
            contact = _contact(report, f.point)
            kind = t(f"od_soon_{f.kind.value}" if f.upcoming else f"od_kind_{f.kind.value}")
            if by is GroupBy.point:
                head = (point, contact, kind) if i == 0 else ("", "", kind)
            else:
                head = (kind if i == 0 else "", point, contact)
            rows.append(
                (
                    *head,
                    f.period or f.ref or "",
                    f.due.isoformat(),
                    overdue_words(f),
                    finding_detail(f),
                )
            )
            styles.append("dim" if f.upcoming else ("warn" if f.days_overdue == 0 else None))
        ends.add(len(rows) - 1)
    footer = [counts_line(report)]
    if report.upcoming is not None and report.soon is not None:
        soon = tn("od_footer_soon", len(report.upcoming), days=report.soon)
        footer.append(soon if report.upcoming else t("od_footer_soon_none", days=report.soon))
    return Table(
        columns=columns,
        rows=rows,
        styles=styles,
        title=t("od_title", as_of=report.as_of.isoformat(), since=report.since.isoformat()),
        footer=footer,
        section_ends=frozenset(ends),
    )


def finding_record(f: Finding) -> dict[str, Any]:
    """The finding as SPEC §3's JSON object, keys in SPEC's order."""
    record = FindingRecord(
        f.point, f.kind, f.period, f.ref, f.due, f.days_overdue, finding_detail(f)
    )
    return as_record(record, FINDING_KEYS)


def overdue_document(report: OverdueReport) -> dict[str, Any]:
    """SPEC §3's ``overdue`` JSON document; an ``upcoming`` list (same keys) only with
    ``--soon``."""
    doc: dict[str, Any] = {
        "as_of": report.as_of.isoformat(),
        "findings": [finding_record(f) for f in report.findings],
    }
    if report.upcoming is not None:
        doc["upcoming"] = [finding_record(f) for f in report.upcoming]
    return doc


def overdue_keys(report: OverdueReport) -> tuple[str, ...]:
    """The CSV header: the finding keys, plus ``upcoming`` with ``--soon``."""
    return FINDING_KEYS if report.upcoming is None else (*FINDING_KEYS, "upcoming")


def overdue_records(report: OverdueReport) -> list[dict[str, Any]]:
    """CSV rows: the findings, then (with ``--soon``) the upcoming items, each with
    ``upcoming`` true or false."""
    if report.upcoming is None:
        return [finding_record(f) for f in report.findings]
    return [
        {**finding_record(f), "upcoming": f.upcoming} for f in (*report.findings, *report.upcoming)
    ]
