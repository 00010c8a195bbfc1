"""What the 通报 of a half, quarter or month says, as data (issue 15 for periods).

:class:`PeriodNoticeContent` is assembled from one :class:`~govinfo.reports.period.PeriodReport`
(the figures, ranks, lists ``report PERIOD --format json`` shows) and the scoring at TO that
report was made from (``at_to``: the events behind 三、存在的问题 and the statements), so that
no number of the notice is computed apart.

Readings:

* **Commended** (二、表扬): in each group, the points whose rank of the period is at most
  :data:`PERIOD_COMMEND_TOP` (ties at the line included, as competition ranking gives them) and
  whose period score is above 0 — the leading units of each group, as published periodic
  circulars praise them. No one is disqualified before the year's end: 三、存在的问题 names the
  points at risk (below the pro-rata line as of TO) instead; a period that ends with the year,
  once over, names the disqualified as the year notice does.
* **Problems** are what is dated in the period: 零报送/零采用 from the period's figures (the
  report's ``silent``), and the deductions of the scoring at TO dated FROM..TO — 约稿 missed,
  research quarters and opinion months missing (dated on their due day), late emergency reports.
  A point that has left the network by TO (``score`` status ``left``: retired, or disqualified
  by close-year) is named in none of them — the report lists it, as ``score`` does, and the
  attachments mark it (``left``), but the notice criticises only the points it can reach.
* **Statements**: a point's scoring events dated in the period as ``explain`` lists them, the
  running total carried from the year's start (``brought_forward`` is the total before FROM),
  so that the last total is the to-date score.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import msgspec

from govinfo.model import Folder, NoticeSettings, Point
from govinfo.reports.explain import ExplainReport, explain_report
from govinfo.reports.groups import GroupInfo
from govinfo.reports.notice import (
    Letterhead,
    Shortfall,
    document_number,
    shortfalls,
    solicitation_shortfalls,
)
from govinfo.reports.period import PeriodPoint, PeriodReport
from govinfo.reports.yearend import year_end
from govinfo.rules.annual import Status, YearScore
from govinfo.rules.events import (
    EMERGENCY_LATE,
    OPINION_MISSING,
    RESEARCH_MISSING,
    ZERO,
)
from govinfo.rules.periods import Period

PERIOD_COMMEND_TOP = 3


class PeriodNoticeContent(Letterhead, frozen=True, gc=False):
    report: PeriodReport
    commend_top: int
    commended: tuple[PeriodPoint, ...]  # group order, then period rank
    final: bool  # the year is over and scored: outcomes instead of points at risk
    left: frozenset[str]  # the ids of the listed points that had left the network by TO
    disqualify_below: Decimal
    disqualified: tuple[PeriodPoint, ...]
    at_risk: tuple[PeriodPoint, ...]
    zero_submitted: tuple[PeriodPoint, ...]
    zero_adopted: tuple[PeriodPoint, ...]
    solicitations_missed: tuple[Shortfall, ...]
    research_missing: tuple[Shortfall, ...]
    opinion_missing: tuple[Shortfall, ...]
    emergency_late: tuple[Shortfall, ...]

    @property
    def year(self) -> int:
        return self.report.period.year

    @property
    def issues(self) -> tuple[int, int]:
        """How many issues (期) carried the adoptions of the period and of the year to date."""
        pubs = self.report.publications
        return (
            sum(len(p.period_issues) for p in pubs),
            sum(len(p.to_date_issues) for p in pubs),
        )


def period_notice_content(
    folder: Folder,
    report: PeriodReport,
    at_to: YearScore,
    settings: NoticeSettings,
    *,
    number: int | None = None,
    date: dt.date | None = None,
) -> PeriodNoticeContent:
    """The notice of ``report``'s period; ``at_to`` is the scoring at its TO that ``report`` was
    made from (``period_report(..., at_to=at_to)``)."""
    ye = year_end(folder, at_to)
    by_id = {p.id: p for p in report.points}
    full = {p.id: p for p in folder.points}
    left = frozenset(s.point.id for s in at_to.standings if s.status is Status.LEFT)
    named = [p for p in report.points if p.id not in left]  # the points problems may name
    listed = [full[p.id] for p in named]
    span = (report.first, report.to)
    return PeriodNoticeContent(
        report=report,
        office=report.office,
        settings=settings,
        number=document_number(settings.number, date or report.to, number),
        date=date or report.to,
        commend_top=PERIOD_COMMEND_TOP,
        commended=tuple(
            p for p in report.points if p.rank <= PERIOD_COMMEND_TOP and p.period.score > ZERO
        ),
        final=ye.final,
        left=left,
        disqualify_below=ye.disqualify_below,
        disqualified=tuple(by_id[r.point.id] for r in ye.disqualified if r.point.id in by_id),
        at_risk=tuple(
            by_id[r.point.id] for r in ye.at_risk if r.point.id in by_id and r.point.id not in left
        ),
        zero_submitted=tuple(p for p in named if p.period.submitted == 0),
        zero_adopted=tuple(p for p in named if p.period.submitted and p.period.adopted == 0),
        solicitations_missed=solicitation_shortfalls(folder, at_to, listed, span),
        research_missing=shortfalls(at_to, listed, RESEARCH_MISSING, span),
        opinion_missing=shortfalls(at_to, listed, OPINION_MISSING, span),
        emergency_late=shortfalls(at_to, listed, EMERGENCY_LATE, span),
    )


class PeriodStatement(msgspec.Struct, frozen=True, gc=False):
    """One point's 得分明细 for a period: ``explain`` holds the events dated in the period, each
    with the running total from the year's start; ``brought_forward`` is the total before the
    period, ``subtotal`` the period's sum, so ``brought_forward + subtotal`` is the to-date
    score (the last running total)."""

    point: Point
    row: PeriodPoint
    group: GroupInfo
    period: Period
    first: dt.date
    to: dt.date
    brought_forward: Decimal
    subtotal: Decimal
    explain: ExplainReport


def period_statements(
    folder: Folder, report: PeriodReport, at_to: YearScore
) -> tuple[PeriodStatement, ...]:
    """A statement for every listed point, in group then period-rank order."""
    points = {p.id: p for p in folder.points}
    groups = {g.id: g for g in report.groups}
    out = []
    for row in report.points:
        full = explain_report(folder, at_to, points[row.id])
        before = [r for r in full.rows if r.date < report.first]
        inside = tuple(r for r in full.rows if report.first <= r.date <= report.to)
        out.append(
            PeriodStatement(
                point=points[row.id],
                row=row,
                group=groups[row.group],
                period=report.period,
                first=report.first,
                to=report.to,
                brought_forward=before[-1].total if before else ZERO,
                subtotal=sum((r.points for r in inside), ZERO),
                explain=msgspec.structs.replace(full, rows=inside),
            )
        )
    return tuple(out)
