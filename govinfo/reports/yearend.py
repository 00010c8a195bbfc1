"""The data of ``govinfo report YEAR``'s year-end tables (issue 6): facts, no words.

:func:`year_end` gathers what the 通报 needs from one :class:`~govinfo.rules.annual.YearScore`;
:func:`govinfo.render.yeartables.year_end_tables` lays it out as tables, in order:

1. ``ranking`` — 年度得分排名: rank, point, kind, score, counts and status, as ``score`` shows;
2. ``submissions`` — per point: own submissions by category, solicitations answered on time /
   late / missed, research items per quarter and the quarters charged as missing;
3. ``adoptions`` — per point: adoptions by level and by publication, instructions by rank,
   deductions;
4. ``national`` — the national points (国办直报点): national adoptions per quarter and in total;
5. ``trend`` — the month-by-month submissions and adoptions across the province;
6. ``commended`` — the commended points with score and reason, ready for the 通报;
7. ``disqualified`` — the disqualified points likewise (before the year's last day, when there
   are no outcomes yet: ``at_risk``, the points below the pro-rata line).

Every number comes from the scoring core, so the report agrees with ``score`` and ``explain``:
ranking, counts, deductions and statuses from the standings; adoptions by level and
publication, instructions by rank and national adoptions from the same result's events;
solicitations and research quarters from :mod:`govinfo.rules.obligations`. Only submissions per
category, quarter and month are counted from the records, with the core's dates and as-of (their
sums are ``submitted`` and ``research``).

Readings where the issue leaves room:

* An "adoption" count is a count of submissions (own or joint) with an adoption dated in the
  period, as ``score``'s ``adopted``: a submission adopted twice by one publication counts once
  there, one adopted at two levels counts at each (``both_levels`` says how many did, so that
  the levels' sum less it is the total); a point's total is its ``adopted``, its national level
  its ``national_adopted``. A submission adopted in two months (or quarters)
  counts in each.
* The trend counts every submission of the folder once (a joint one too) by the month of its
  date, and adoptions by the month of the adoption.
* The national points are those listing the national tier that held it on some day of the year
  up to as-of.
* No table shows a title, so secret titles never appear.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

import msgspec

from govinfo.model import Category, Folder, HistoryKind, Level, Point, Tier
from govinfo.reports.passedover import passed_over as passed_over_kinds
from govinfo.reports.score import ScoreReport, score_report
from govinfo.rules.annual import Standing, Status, YearScore
from govinfo.rules.calendar import day_of_year, days_in_year
from govinfo.rules.events import ADOPTION, INSTRUCTION, round_points
from govinfo.rules.obligations import ObligationKind, ObligationStatus, obligations

QUARTERS = (1, 2, 3, 4)
MONTHS = tuple(range(1, 13))
SOLICITATION_STATUSES = (
    ObligationStatus.MET,
    ObligationStatus.LATE,
    ObligationStatus.MISSED,
    ObligationStatus.PENDING,
)


class PublicationColumn(msgspec.Struct, frozen=True, gc=False):
    id: str
    name: str
    level: Level


class PointStats(msgspec.Struct, frozen=True, gc=False):
    """One ranked point's statistics. Dict keys are enum values (``general``, ``met``,
    ``national``, ``jl-zb``, ``governor``)."""

    standing: Standing
    categories: dict[str, int]
    solicitations: dict[str, int]
    research: tuple[int, int, int, int]
    research_missing: tuple[int, ...]  # the quarters charged research-quarter-missing
    levels: dict[str, int]
    publications: dict[str, int]
    instructions: dict[str, int]
    both_levels: int = 0  # the items counted in more than one of ``levels`` (adopted at both)

    @property
    def point(self) -> Point:
        return self.standing.point


class NationalRow(msgspec.Struct, frozen=True, gc=False):
    point: Point
    rank: int | None  # in the provincial ranking, None when not ranked
    quarters: tuple[int, int, int, int]
    total: int


class MonthRow(msgspec.Struct, frozen=True, gc=False):
    month: int
    submitted: int
    adopted: int
    national_adopted: int


class OutcomeRow(msgspec.Struct, frozen=True, gc=False):
    """A commended or disqualified point in ``year``, with what its reason (in the 通报 and the
    registry, phrased by render) states: score, rank, and the line ``below`` which points are
    disqualified."""

    point: Point
    rank: int
    score: Decimal
    status: Status
    year: int
    below: Decimal


class AtRiskRow(msgspec.Struct, frozen=True, gc=False):
    point: Point
    rank: int
    score: Decimal
    line: Decimal  # disqualify_below × elapsed days ÷ days in the year, to 2 decimals


class NoteRow(msgspec.Struct, frozen=True, gc=False):
    """A point the lists leave out and the clerk will be asked about: one passed over for
    commendation (``excluded_by``: the kinds of its excluding events, in event order) or exempt
    from disqualification (``admitted``: its admission day, None when not found)."""

    point: Point
    rank: int
    score: Decimal
    excluded_by: tuple[str, ...] = ()
    admitted: dt.date | None = None


class YearEnd(msgspec.Struct, frozen=True, gc=False):
    year: int
    as_of: dt.date
    final: bool
    province: str
    ranking: ScoreReport
    annual_rule_set: str
    disqualify_below: Decimal
    commend_top: int
    publications: tuple[PublicationColumn, ...]
    points: tuple[PointStats, ...]
    national: tuple[NationalRow, ...]
    months: tuple[MonthRow, ...]
    commended: tuple[OutcomeRow, ...]
    disqualified: tuple[OutcomeRow, ...]
    at_risk: tuple[AtRiskRow, ...]
    passed_over: tuple[NoteRow, ...]
    exempt: tuple[NoteRow, ...]


# --- the outcome, shared with close-year ------------------------------------------------------


def passed_over_notes(result: YearScore) -> tuple[NoteRow, ...]:
    """The points ranked high enough for commendation but passed over (an excluding event of
    the year), in ranking order, each with the kinds of its excluding events; none before the
    year's last day. The 通报, the year-end tables and the close-year preview name them."""
    excluded = passed_over_kinds(result)
    return tuple(
        NoteRow(s.point, s.rank, s.score, excluded_by=excluded[s.point.id])
        for s in result.standings
        if s.point.id in excluded
    )


def year_outcome(result: YearScore) -> tuple[OutcomeRow, ...]:
    """The commended points (ranking order) then the disqualified ones; empty before the year's
    last day, when SPEC gives no such statuses."""
    below = result.annual_rule_set.annual.disqualify_below
    rows = []
    for status in (Status.COMMENDED, Status.DISQUALIFIED):
        for s in result.standings:
            if s.status is status:
                rows.append(OutcomeRow(s.point, s.rank, s.score, status, result.year, below))
    return tuple(rows)


# --- gathering ---------------------------------------------------------------------------------


def _in_several(sets: Iterable[set[str]]) -> int:
    """How many submissions are in more than one of ``sets``."""
    seen: set[str] = set()
    several: set[str] = set()
    for subs in sets:
        several |= seen & subs
        seen |= subs
    return len(several)


def _quarter(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def _publication_columns(folder: Folder, used: Iterable[str]) -> tuple[PublicationColumn, ...]:
    """The publications of the rule sets ``used`` (sorted by effective_from): national level
    first, each in the order first listed; the name of the latest set that lists it."""
    by_id = {rs.id: rs for rs in folder.rule_sets}
    found: dict[str, PublicationColumn] = {}
    for rs_id in used:
        rs = by_id.get(rs_id)
        if rs is None:
            continue
        for pub in rs.publications.values():
            found[pub.id] = PublicationColumn(pub.id, pub.name, pub.level)
    order = list(Level)
    return tuple(sorted(found.values(), key=lambda p: order.index(p.level)))


def year_end(folder: Folder, result: YearScore) -> YearEnd:
    """Everything the year-end tables show, from ``result`` (:func:`score_year` of ``folder``)."""
    year, as_of = result.year, result.as_of
    first = dt.date(year, 1, 1)
    last = min(dt.date(year, 12, 31), as_of)

    categories: dict[str, dict[str, int]] = {}
    research: dict[str, list[int]] = {}
    month_submitted = dict.fromkeys(MONTHS, 0)
    for sub in folder.submissions:
        if not first <= sub.date <= last:
            continue
        cats = categories.setdefault(sub.point, {})
        cats[sub.category.value] = cats.get(sub.category.value, 0) + 1
        if sub.category is Category.RESEARCH:
            research.setdefault(sub.point, [0, 0, 0, 0])[_quarter(sub.date) - 1] += 1
        month_submitted[sub.date.month] += 1

    levels: dict[str, dict[str, set[str]]] = {}
    pubs: dict[str, dict[str, set[str]]] = {}
    national_q: dict[str, list[set[str]]] = {}
    instructions: dict[str, dict[str, int]] = {}
    month_adopted: dict[int, set[str]] = {m: set() for m in MONTHS}
    month_national: dict[int, set[str]] = {m: set() for m in MONTHS}
    for point_id, events in result.events.items():
        for ev in events:
            if ev.kind == ADOPTION and ev.submission is not None:
                d = ev.detail
                level = d.level or ""
                levels.setdefault(point_id, {}).setdefault(level, set()).add(ev.submission)
                pubs.setdefault(point_id, {}).setdefault(d.publication or "", set()).add(
                    ev.submission
                )
                month_adopted[ev.date.month].add(ev.submission)
                if level == Level.NATIONAL:
                    month_national[ev.date.month].add(ev.submission)
                    quarters = national_q.setdefault(point_id, [set(), set(), set(), set()])
                    quarters[_quarter(ev.date) - 1].add(ev.submission)
            elif ev.kind == INSTRUCTION:
                ranks = instructions.setdefault(point_id, {})
                rank = ev.detail.rank or ""
                ranks[rank] = ranks.get(rank, 0) + 1

    obs = obligations(
        folder,
        first,
        dt.date(year, 12, 31),
        as_of,
        kinds=(ObligationKind.SOLICITATION, ObligationKind.RESEARCH),
    )
    solicited: dict[str, dict[str, int]] = {}
    research_missing: dict[str, list[int]] = {}
    for ob in obs:
        if ob.kind is ObligationKind.SOLICITATION:
            by_status = solicited.setdefault(ob.point, {})
            by_status[ob.status.value] = by_status.get(ob.status.value, 0) + 1
        elif ob.charged and ob.due.year == year:
            research_missing.setdefault(ob.point, []).append(_quarter(ob.due))

    stats = []
    for s in result.standings:
        pid = s.point.id
        q = research.get(pid, [0, 0, 0, 0])
        stats.append(
            PointStats(
                standing=s,
                categories=categories.get(pid, {}),
                solicitations=solicited.get(pid, {}),
                research=(q[0], q[1], q[2], q[3]),
                research_missing=tuple(sorted(set(research_missing.get(pid, ())))),
                levels={k: len(v) for k, v in levels.get(pid, {}).items()},
                publications={k: len(v) for k, v in pubs.get(pid, {}).items()},
                instructions=instructions.get(pid, {}),
                both_levels=_in_several(levels.get(pid, {}).values()),
            )
        )

    ranks = {s.point.id: s.rank for s in result.standings}
    national = []
    for p in folder.points:
        if Tier.NATIONAL not in p.tiers or not p.holds_some_day(Tier.NATIONAL, first, last):
            continue
        qs = national_q.get(p.id, [set(), set(), set(), set()])
        total = len(set().union(*qs))
        national.append(
            NationalRow(p, ranks.get(p.id), (len(qs[0]), len(qs[1]), len(qs[2]), len(qs[3])), total)
        )
    national.sort(key=lambda r: (-r.total, r.rank if r.rank is not None else 10**9, r.point.id))

    months = tuple(
        MonthRow(m, month_submitted[m], len(month_adopted[m]), len(month_national[m]))
        for m in MONTHS
        if dt.date(year, m, 1) <= as_of
    )

    annual = result.annual_rule_set.annual
    outcome = year_outcome(result)
    commended = tuple(r for r in outcome if r.status is Status.COMMENDED)
    disqualified = tuple(r for r in outcome if r.status is Status.DISQUALIFIED)

    at_risk = []
    if not result.final:
        elapsed = (as_of - first).days + 1
        line = round_points(annual.disqualify_below * elapsed / days_in_year(year))
        at_risk = [AtRiskRow(s.point, s.rank, s.score, line) for s in result.standings if s.at_risk]

    passed_over = passed_over_notes(result)

    grace = day_of_year(year, annual.grace_admitted_from)
    exempt = []
    for s in result.standings:
        if s.status is Status.EXEMPT:
            admitted = [
                ev.date
                for ev in s.point.history
                if ev.event is HistoryKind.ADMITTED
                and ev.tier is Tier.PROVINCIAL
                and grace <= ev.date <= last
            ]
            day = max(admitted) if admitted else None
            exempt.append(NoteRow(s.point, s.rank, s.score, admitted=day))

    return YearEnd(
        year=year,
        as_of=as_of,
        final=result.final,
        province=folder.settings.province,
        ranking=score_report(result, registered=len(folder.points)),
        annual_rule_set=result.annual_rule_set.id,
        disqualify_below=annual.disqualify_below,
        commend_top=annual.commend_top,
        publications=_publication_columns(folder, result.rule_sets),
        points=tuple(stats),
        national=tuple(national),
        months=months,
        commended=commended,
        disqualified=disqualified,
        at_risk=tuple(at_risk),
        passed_over=tuple(passed_over),
        exempt=tuple(exempt),
    )
