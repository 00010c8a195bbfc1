"""What the 通报 says, as data (issue 15): :class:`NoticeContent` assembled from the year-end
report (:func:`govinfo.reports.yearend.year_end`) and the events of the same scoring, so that
every number in the notice is the number ``score``, ``explain`` and ``report`` show.

Pure: no words (the renderer says them in zh or en), no files. The notice builder in
:mod:`govinfo.render.notice` takes only a :class:`NoticeContent`; a period report can assemble
one the same way.

Readings:

* Groups are the folder's (``groups:`` of govinfo.yaml, else the point kinds in SPEC order:
  市州, 县市区, 省直部门); a point's group rank is 1 + the number of its group's points ranked
  strictly above it in the province — the competition ranking on (score, tie-break counts)
  within the group that SPEC asks for, since the province's ranking is on the same key.
* Totals are the sums of the ranking rows (a joint item counts for each point it counts for, as
  in the attachments' 合计 row), so the text and the attachments agree by construction.
* ``issues`` counts the distinct (publication, issue) pairs that carried an adoption of the year.
* Item lists are in date order, an item once per point it counts for; a secret title is
  :data:`~govinfo.reports.explain.SECRET_TITLE`.
* 三、存在的问题 names no point that has left the network (``score`` status ``left`` at as-of:
  retired, or disqualified by an earlier close-year): criticism goes to the points it can still
  reach. The attachments list them as ``score`` does (``left`` holds their ids).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

import msgspec

from govinfo.model import Folder, Level, NoticeSettings, Point
from govinfo.reports.explain import SECRET_TITLE, ExplainReport, explain_report
from govinfo.reports.groups import GroupInfo, folder_groups, group_of
from govinfo.reports.passedover import passed_over
from govinfo.reports.yearend import NoteRow, PointStats, YearEnd
from govinfo.rules.annual import Standing, Status, YearScore
from govinfo.rules.events import (
    ADOPTION,
    EMERGENCY_LATE,
    INSTRUCTION,
    OPINION_MISSING,
    RESEARCH_MISSING,
    SOLICITATION_MISSED,
)
from govinfo.rules.obligations import ObligationKind, ObligationStatus, obligations


class Totals(msgspec.Struct, frozen=True, gc=False):
    points: int
    submitted: int
    adopted: int
    levels: dict[str, int]  # by Level value, in Level order
    both_levels: int  # counted at both levels: the levels add up to ``adopted`` plus this
    national_adopted: int
    instructions: int
    research: int
    issues: int
    deductions: Decimal
    score: Decimal


class RankedPoint(msgspec.Struct, frozen=True, gc=False):
    """A point as the notice and its statement show it: ranks in the province and its group."""

    stats: PointStats
    group: GroupInfo
    group_rank: int

    @property
    def point(self) -> Point:
        return self.stats.point

    @property
    def standing(self) -> Standing:
        return self.stats.standing


class Group(msgspec.Struct, frozen=True, gc=False):
    info: GroupInfo
    points: tuple[RankedPoint, ...]  # in rank order


class Shortfall(msgspec.Struct, frozen=True, gc=False):
    """A point named in 三、存在的问题: how many times (or which quarters) it fell short."""

    point: Point
    count: int
    quarters: tuple[int, ...] = ()
    late: int = 0  # of a 约稿's count: answered after due (the rest never answered)


class AdoptedItem(msgspec.Struct, frozen=True, gc=False):
    point: Point
    submission: str
    title: str
    publication: str
    level: str
    issue: str | None
    date: dt.date


class InstructedItem(msgspec.Struct, frozen=True, gc=False):
    point: Point
    submission: str
    title: str
    leader: str | None
    rank: str
    date: dt.date


class Letterhead(msgspec.Struct, frozen=True, gc=False):
    """Who issues a notice and how it is numbered and dated: the year's and a period's."""

    office: str
    settings: NoticeSettings
    number: str | None  # the 发文字号, formatted; None without --number or pattern
    date: dt.date  # 成文日期

    @property
    def issuer(self) -> str:
        return self.settings.issuer or self.office

    @property
    def signature(self) -> str:
        return self.settings.signature or self.issuer

    @property
    def printed_by(self) -> str:
        return self.settings.printed_by or self.issuer


class NoticeContent(Letterhead, frozen=True, gc=False):
    year: int
    as_of: dt.date
    final: bool
    province: str
    basis_rule_sets: tuple[str, ...]
    commend_top: int
    disqualify_below: Decimal
    totals: Totals
    groups: tuple[Group, ...]
    commended: tuple[RankedPoint, ...]  # ranking order
    passed_over: tuple[NoteRow, ...]  # ranked high enough, not commended: why (SPEC §2)
    left: frozenset[str]  # the ids of the points that had left the network by as-of
    disqualified: tuple[RankedPoint, ...]
    at_risk: tuple[RankedPoint, ...]  # before the year's end, instead of outcomes
    zero_submitted: tuple[Point, ...]
    zero_adopted: tuple[Point, ...]
    solicitations_missed: tuple[Shortfall, ...]
    research_missing: tuple[Shortfall, ...]
    opinion_missing: tuple[Shortfall, ...]
    emergency_late: tuple[Shortfall, ...]
    adopted_items: tuple[AdoptedItem, ...]
    instructed_items: tuple[InstructedItem, ...]


def ranked_points(folder: Folder, ye: YearEnd) -> tuple[Group, ...]:
    """The ranked points by the folder's groups (``groups:`` of govinfo.yaml, else one per kind,
    as ``report`` groups them), each group in rank order with its group ranks."""
    groups = []
    infos = folder_groups(folder.settings)
    for info in infos:
        members = [p for p in ye.points if group_of(infos, p.point) == info.id]
        rows = []
        for p in members:
            above = sum(1 for m in members if m.standing.rank < p.standing.rank)
            rows.append(RankedPoint(p, info, above + 1))
        if rows:
            groups.append(Group(info, tuple(rows)))
    return tuple(groups)


def document_number(pattern: str | None, issued: dt.date, n: int | str | None) -> str | None:
    """The 发文字号: ``pattern`` with ``{year}`` and ``{n}`` filled (``n`` a number, or the
    blank a draft leaves for it); None without both.
    ``{year}`` is the year the notice is issued, its 成文日期 ``issued`` (GB/T 9704 7.2.4), not
    the year the notice reports on: the 2003 notice dated 2004-01-10 is 〔2004〕."""
    if pattern is None or n is None:
        return None
    return pattern.replace("{year}", str(issued.year)).replace("{n}", str(n))


def shortfalls(
    result: YearScore,
    points: Sequence[Point],
    kind: str,
    span: tuple[dt.date, dt.date] | None = None,
) -> tuple[Shortfall, ...]:
    """The ``points`` with events of ``kind`` in ``result`` (dated in ``span``, first and last
    day, when given): how many, and for research the quarters."""
    out = []
    for p in points:
        events = [
            e
            for e in result.events_of(p.id)
            if e.kind == kind and (span is None or span[0] <= e.date <= span[1])
        ]
        if not events:
            continue
        quarters: tuple[int, ...] = ()
        if kind == RESEARCH_MISSING:
            quarters = tuple(
                sorted({int(e.detail.period.split("Q")[1]) for e in events if e.detail.period})
            )
        out.append(Shortfall(p, len(events), quarters))
    return tuple(out)


def solicitation_shortfalls(
    folder: Folder,
    result: YearScore,
    points: Sequence[Point],
    span: tuple[dt.date, dt.date] | None = None,
) -> tuple[Shortfall, ...]:
    """The ``points`` that did not answer a 约稿 by its due day (:func:`shortfalls` of
    ``solicitation-missed``), each with how many of those it answered late — after due, by the
    scoring's as-of, as ``report PERIOD``'s ``late`` — the rest being never answered
    (``missed``)."""
    first, last = span or (dt.date(result.year, 1, 1), dt.date(result.year, 12, 31))
    kinds = (ObligationKind.SOLICITATION,)
    late = {
        (ob.point, ob.ref)
        for ob in obligations(folder, first, last, result.as_of, kinds=kinds)
        if ob.status is ObligationStatus.LATE
    }
    out = []
    for row in shortfalls(result, points, SOLICITATION_MISSED, span):
        refs = [
            e.detail.ref
            for e in result.events_of(row.point.id)
            if e.kind == SOLICITATION_MISSED and first <= e.date <= last
        ]
        n = sum(1 for ref in refs if (row.point.id, ref) in late)
        out.append(Shortfall(row.point, row.count, late=n))
    return tuple(out)


def notice_content(
    folder: Folder,
    result: YearScore,
    ye: YearEnd,
    settings: NoticeSettings,
    *,
    number: int | None = None,
    date: dt.date | None = None,
) -> NoticeContent:
    """The notice of ``result``'s year: ``ye`` is :func:`year_end` of the same ``result``."""
    groups = ranked_points(folder, ye)
    by_id = {rp.point.id: rp for g in groups for rp in g.points}
    standings = result.standings
    left = frozenset(s.point.id for s in standings if s.status is Status.LEFT)
    # the points 三、存在的问题 may name: those still in the network
    named = [s for s in standings if s.point.id not in left]
    points = [s.point for s in named]
    rows = ye.ranking.rows

    subs = {s.id: s for s in folder.submissions}
    adopted: list[AdoptedItem] = []
    instructed: list[InstructedItem] = []
    issues: set[tuple[str, str]] = set()
    for s in standings:
        seen: set[tuple[str, str, dt.date]] = set()
        for ev in result.events_of(s.point.id):
            sub = subs.get(ev.submission or "")
            if sub is None:
                continue
            title = SECRET_TITLE if sub.is_secret else sub.title
            d = ev.detail
            if ev.kind == ADOPTION:
                key = (sub.id, d.publication or "", ev.date)
                if key in seen:
                    continue
                seen.add(key)
                issue = next(
                    (
                        a.issue
                        for a in sub.adoptions
                        if a.publication == d.publication and a.date == ev.date and a.issue
                    ),
                    None,
                )
                if issue:
                    issues.add((d.publication or "", issue))
                adopted.append(
                    AdoptedItem(
                        s.point,
                        sub.id,
                        title,
                        d.publication_name or "",
                        d.level or "",
                        issue,
                        ev.date,
                    )
                )
            elif ev.kind == INSTRUCTION:
                instructed.append(
                    InstructedItem(s.point, sub.id, title, d.leader, d.rank or "", ev.date)
                )
    order = {s.point.id: i for i, s in enumerate(standings)}
    adopted.sort(key=lambda a: (a.date, order[a.point.id], a.submission))
    instructed.sort(key=lambda a: (a.date, order[a.point.id], a.submission))

    levels = {lv.value: sum(p.levels.get(lv.value, 0) for p in ye.points) for lv in Level}
    totals = Totals(
        points=len(rows),
        submitted=sum(r.submitted for r in rows),
        adopted=sum(r.adopted for r in rows),
        levels=levels,
        both_levels=sum(p.both_levels for p in ye.points),
        national_adopted=sum(r.national_adopted for r in rows),
        instructions=sum(r.instructions for r in rows),
        research=sum(r.research for r in rows),
        issues=len(issues),
        deductions=sum((r.deductions for r in rows), Decimal(0)),
        score=sum((r.score for r in rows), Decimal(0)),
    )
    return NoticeContent(
        year=ye.year,
        as_of=ye.as_of,
        final=ye.final,
        province=ye.province,
        office=folder.settings.office,
        settings=settings,
        number=document_number(settings.number, date or ye.as_of, number),
        date=date or ye.as_of,
        basis_rule_sets=result.rule_sets,
        commend_top=ye.commend_top,
        disqualify_below=ye.disqualify_below,
        totals=totals,
        groups=groups,
        commended=tuple(by_id[r.point.id] for r in ye.commended),
        passed_over=ye.passed_over,
        left=left,
        disqualified=tuple(by_id[r.point.id] for r in ye.disqualified),
        at_risk=tuple(by_id[r.point.id] for r in ye.at_risk if r.point.id not in left),
        zero_submitted=tuple(s.point for s in named if s.counts.submitted == 0),
        zero_adopted=tuple(s.point for s in named if s.counts.submitted and s.counts.adopted == 0),
        solicitations_missed=solicitation_shortfalls(folder, result, points),
        research_missing=shortfalls(result, points, RESEARCH_MISSING),
        opinion_missing=shortfalls(result, points, OPINION_MISSING),
        emergency_late=shortfalls(result, points, EMERGENCY_LATE),
        adopted_items=tuple(adopted),
        instructed_items=tuple(instructed),
    )


class Statement(msgspec.Struct, frozen=True, gc=False):
    """One point's 得分明细: its ranks and every scoring event with the running total."""

    ranked: RankedPoint
    explain: ExplainReport
    final: bool  # the year's outcome decided (YearScore.final): a status is a verdict
    passed_over: tuple[str, ...] = ()  # ranked high enough, not commended: the events' kinds


def statements(folder: Folder, result: YearScore, content: NoticeContent) -> tuple[Statement, ...]:
    """A statement for every ranked point, in group then rank order; each one's last running
    total is its ``score``."""
    over = passed_over(result)
    return tuple(
        Statement(
            rp, explain_report(folder, result, rp.point), result.final, over.get(rp.point.id, ())
        )
        for g in content.groups
        for rp in g.points
    )
