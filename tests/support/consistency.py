"""The property that overdue findings and score deductions agree, checked on one folder."""

from __future__ import annotations

import datetime as dt

from govinfo.model import Folder
from govinfo.reports.explain import explain_report
from govinfo.reports.overdue import Finding, FindingKind, overdue_findings
from govinfo.rules.annual import score_year
from govinfo.rules.events import (
    EMERGENCY_LATE,
    OPINION_MISSING,
    RESEARCH_MISSING,
    SOLICITATION_MISSED,
    Event,
)

DEDUCTION_OF = {
    FindingKind.RESEARCH_MISSING: RESEARCH_MISSING,
    FindingKind.OPINION_MISSING: OPINION_MISSING,
    FindingKind.SOLICITATION_OVERDUE: SOLICITATION_MISSED,
    FindingKind.EMERGENCY_LATE: EMERGENCY_LATE,
}
FINDING_OF = {v: k for k, v in DEDUCTION_OF.items()}


def matches(finding: Finding, event: Event) -> bool:
    if event.point != finding.point or event.kind != DEDUCTION_OF.get(finding.kind):
        return False
    if finding.kind is FindingKind.EMERGENCY_LATE:
        # the finding is due on the deadline's day; the deduction is dated the report's day
        return event.submission == finding.ref
    if event.date != finding.due:
        return False
    if finding.kind is FindingKind.SOLICITATION_OVERDUE:
        return event.detail.ref == finding.ref
    return event.detail.period == finding.period


def answered_late(f: Folder, event: Event, as_of: dt.date) -> bool:
    sol = next(s for s in f.solicitations if s.id == event.detail.ref)
    return any(
        s.solicitation == sol.id
        and (s.point == event.point or event.point in s.co_submitters)
        and sol.due < s.date <= as_of
        for s in f.submissions
    )


def check_consistent(f: Folder, year: int, as_of: dt.date) -> int:
    """Assert the property for ``year`` scored as of ``as_of`` (the overdue window is the
    year up to as-of); return how many findings were matched."""
    found = [x for x in overdue_findings(f, as_of) if x.kind in DEDUCTION_OF]
    result = score_year(f, year, as_of)
    events = [e for evs in result.events.values() for e in evs if e.kind in FINDING_OF]
    for x in found:
        assert sum(1 for e in events if matches(x, e)) == 1, x
        # and explain shows that event, once, for the point
        point = next(p for p in f.points if p.id == x.point)
        rows = explain_report(f, result, point).rows
        assert sum(1 for e in result.events_of(x.point) if matches(x, e)) == 1
        assert len(rows) == len(result.events_of(x.point))
    for e in events:
        hits = [x for x in found if matches(x, e)]
        if e.kind == SOLICITATION_MISSED and not hits:
            assert answered_late(f, e, as_of), e
        else:
            assert len(hits) == 1, e
    return len(found)
