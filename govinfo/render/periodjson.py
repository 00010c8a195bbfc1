"""SPEC §3 revision 4's ``report PERIOD --format json`` document (keys in English whatever
``--lang``; the figures of a period that starts on 1 January are given twice, as the SPEC
shapes them, though its tables show them once)."""

from __future__ import annotations

from typing import Any

from govinfo.render.groups import group_name
from govinfo.reports.numbers import tidy
from govinfo.reports.period import FIGURE_KEYS, Figures, PeriodReport

_SCORES = ("score", "deductions")


def _figures(f: Figures) -> dict[str, Any]:
    return {k: tidy(getattr(f, k)) if k in _SCORES else getattr(f, k) for k in FIGURE_KEYS}


def period_document(report: PeriodReport) -> dict[str, Any]:
    """SPEC §3 revision 4's ``report PERIOD --format json`` document."""
    return {
        "period": report.period.label,
        "from": report.first.isoformat(),
        "to": report.to.isoformat(),
        "groups": [{"id": g.id, "name": group_name(g)} for g in report.groups],
        "points": [
            {
                "id": p.id,
                "name": p.name,
                "group": p.group,
                "rank": p.rank,
                "rank_to_date": p.rank_to_date,
                "period": _figures(p.period),
                "to_date": _figures(p.to_date),
            }
            for p in report.points
        ],
        "totals": {
            "period": _figures(report.totals_period),
            "to_date": _figures(report.totals_to_date),
        },
        "silent": [
            {"point": s.point, "submitted": s.submitted, "adopted": s.adopted}
            for s in report.silent
        ],
        "adopted_items": [
            {
                "point": i.point,
                "submission": i.submission,
                "title": i.title,
                "publication": i.publication,
                "issue": i.issue,
                "date": i.date.isoformat(),
            }
            for i in report.adopted_items
        ],
        "instructed_items": [
            {
                "point": i.point,
                "submission": i.submission,
                "title": i.title,
                "leader": i.leader,
                "rank": i.rank,
                "date": i.date.isoformat(),
            }
            for i in report.instructed_items
        ],
        "solicitations": [
            {
                "id": s.id,
                "title": s.title,
                "due": s.due.isoformat(),
                "on_time": list(s.on_time),
                "late": list(s.late),
                "missed": list(s.missed),
            }
            for s in report.solicitations
        ],
    }
