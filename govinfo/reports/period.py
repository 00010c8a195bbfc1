"""The periodic circular of ``govinfo report PERIOD`` (issue 14, SPEC §3 revision 4), as data.

:func:`period_report` is the one entry point; a renderer (terminal tables, xlsx/csv/md, JSON,
the docx 通报) reads the :class:`PeriodReport` it returns and nothing else.

Definitions (also in README and in every report's footnote):

* **To date** (累计) figures are exactly those of ``govinfo score YEAR --as-of TO``: the same
  :func:`~govinfo.rules.annual.score_year`, its score and SPEC §2 counts.
* **Period** (本期) figures are the to-date figures at TO minus those at FROM − 1 day (nothing
  is subtracted when FROM is 1 January). So the months of a year add up to its quarters, halves
  and the year.
* ``rank`` orders a group's points by the period's score, then the ``tie_break`` counts of the
  period (the rule set in force on TO), all descending, then id — competition ranking on (score,
  tie-break counts); ``rank_to_date`` the same on the to-date figures; ``previous_rank`` the same
  on the previous period of the same length in the year (none for the year, H1, Q1, January),
  among the points listed now.

Readings where the issue leaves room:

* The points listed are those ``score`` ranks as of TO. For a point not ranked at FROM − 1 (not
  yet admitted) the to-date figures there are the sum of its events and its record counts as the
  engine gives them for every point, so that each period holds only what is dated in it.
* ``totals`` are the sums of the listed points' figures: a joint item counts for each of its
  points, as it does in their rows.
* The lists cover the listed points. ``adopted_items``: every adoption dated in the period, once
  per point it counts for; ``instructed_items`` likewise per instruction; ``silent``: the points
  whose period ``submitted`` or ``adopted`` is 0; ``solicitations``: every solicitation due in
  the period and issued by TO, with the points owing it that answered on time, late (after due,
  by TO) or not at all. Items in date order, then submission id, point order.
* ``publications``: for each publication of the rule sets used, how many adoptions were dated in
  the period and to date, and which issues (期, as written; an adoption without one counts in
  ``items`` only) carried them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from operator import attrgetter

import msgspec

from govinfo.model import Folder, Level
from govinfo.reports.explain import SECRET_TITLE
from govinfo.reports.groups import GroupInfo, folder_groups, group_of, ranks_within_groups
from govinfo.rules.annual import Counts, Standing, YearScore, score_year, year_counts
from govinfo.rules.events import ZERO
from govinfo.rules.obligations import ObligationKind, ObligationStatus, obligations
from govinfo.rules.periods import Period, previous_period

FIGURE_KEYS = (
    "score",
    "submitted",
    "adopted",
    "national_adopted",
    "instructions",
    "research",
    "deductions",
)


class Figures(msgspec.Struct, frozen=True, gc=False):
    """A point's (or the total) score and SPEC §2 counts over some span of days."""

    score: Decimal = ZERO
    submitted: int = 0
    adopted: int = 0
    national_adopted: int = 0
    instructions: int = 0
    research: int = 0
    deductions: Decimal = ZERO

    def get(self, name: str) -> Decimal:
        """A figure by name, as a Decimal (0 for a name it does not have, as SPEC §2's
        ranking does with an unknown tie-break)."""
        value = getattr(self, name, 0) if name in FIGURE_KEYS else 0
        return Decimal(value)

    def minus(self, other: Figures) -> Figures:
        return Figures(*(getattr(self, k) - getattr(other, k) for k in FIGURE_KEYS))


def standing_figures(s: Standing) -> Figures:
    c = s.counts
    return Figures(
        s.score,
        c.submitted,
        c.adopted,
        c.national_adopted,
        c.instructions,
        c.research,
        c.deductions,
    )


class PeriodPoint(msgspec.Struct, frozen=True, gc=False):
    id: str
    name: str
    label: str  # the short name, for tables
    kind: str
    group: str
    rank: int
    rank_to_date: int
    previous_rank: int | None  # in the previous period of the same length, None without one
    period: Figures
    to_date: Figures


class PublicationLine(msgspec.Struct, frozen=True, gc=False):
    id: str
    name: str
    level: Level
    period_items: int
    period_issues: tuple[str, ...]
    to_date_items: int
    to_date_issues: tuple[str, ...]


class SilentPoint(msgspec.Struct, frozen=True, gc=False):
    point: str
    label: str
    group: str
    submitted: int
    adopted: int


class AdoptedItem(msgspec.Struct, frozen=True, gc=False):
    point: str
    label: str
    submission: str
    title: str  # ``[密]`` for a secret submission
    publication: str
    publication_name: str
    issue: str | None
    date: dt.date


class InstructedItem(msgspec.Struct, frozen=True, gc=False):
    point: str
    label: str
    submission: str
    title: str  # ``[密]`` for a secret submission
    leader: str
    rank: str
    date: dt.date


class SolicitationLine(msgspec.Struct, frozen=True, gc=False):
    id: str
    title: str  # the solicitation's topic
    issued: dt.date
    due: dt.date
    on_time: tuple[str, ...]
    late: tuple[str, ...]
    missed: tuple[str, ...]


class PeriodReport(msgspec.Struct, frozen=True, gc=False):
    """Everything a periodic circular shows (see the module docstring). ``first``..``to`` is the
    span counted (FROM..TO); ``over`` is whether the period had ended by as-of; ``previous`` the
    period the rank change compares with."""

    period: Period
    first: dt.date
    to: dt.date
    as_of: dt.date
    over: bool
    office: str
    province: str
    previous: Period | None
    tie_break: tuple[str, ...]
    rule_sets: tuple[str, ...]
    groups: tuple[GroupInfo, ...]
    points: tuple[PeriodPoint, ...]
    totals_period: Figures
    totals_to_date: Figures
    publications: tuple[PublicationLine, ...]
    silent: tuple[SilentPoint, ...]
    adopted_items: tuple[AdoptedItem, ...]
    instructed_items: tuple[InstructedItem, ...]
    solicitations: tuple[SolicitationLine, ...]

    def group_points(self, group: str) -> tuple[PeriodPoint, ...]:
        return tuple(p for p in self.points if p.group == group)


def _figures_at(folder: Folder, year: int, day: dt.date, ids: Iterable[str]) -> dict[str, Figures]:
    """The to-date figures of the points ``ids`` at the end of ``day`` (none before 1 January):
    a ranked point's from its standing; one not ranked that day (admitted later) from the same
    scoring's events and the engine's record counts, so that its periods still add up."""
    if day < dt.date(year, 1, 1):
        return {}
    result = score_year(folder, year, day)
    out = {s.point.id: standing_figures(s) for s in result.standings}
    missing = [pid for pid in ids if pid not in out]
    if missing:
        counts = year_counts(folder, year, day)
        for pid in missing:
            c = counts.get(pid) or Counts()
            events = result.events_of(pid)
            out[pid] = Figures(
                sum((e.points for e in events), ZERO),
                c.submitted,
                c.adopted,
                c.national_adopted,
                c.instructions,
                c.research,
                sum((e.points for e in events if e.points < 0), ZERO),
            )
    return out


def sum_figures(figures: Iterable[Figures]) -> Figures:
    """The sum of ``figures``: each figure added up over them in order, a figure at a time
    (a year's group totals add up two thousand points, twice)."""
    held, nothing = list(figures), Figures()
    return Figures(*(sum(map(attrgetter(k), held), getattr(nothing, k)) for k in FIGURE_KEYS))


def period_report(
    folder: Folder, period: Period, as_of: dt.date, *, at_to: YearScore | None = None
) -> PeriodReport:
    """The circular of ``period`` as of ``as_of`` from ``folder`` (loaded with the submissions
    ``score`` reads for the period's year). ``at_to`` is ``score_year(folder, year, TO)`` when
    the caller has it already.

    Raises :class:`govinfo.errors.DataError` as :func:`score_year` does."""
    year = period.year
    first = period.first
    to = period.to(as_of)
    result = at_to if at_to is not None else score_year(folder, year, to)
    to_date = {s.point.id: standing_figures(s) for s in result.standings}
    before = _figures_at(folder, year, first - dt.timedelta(days=1), to_date)
    zero = Figures()
    in_period = {pid: f.minus(before.get(pid, zero)) for pid, f in to_date.items()}
    previous = previous_period(period)
    prev_figures: dict[str, Figures] = {}
    if previous is not None and to >= first:
        before_previous = _figures_at(folder, year, previous.first - dt.timedelta(days=1), to_date)
        prev_figures = {
            pid: before.get(pid, zero).minus(before_previous.get(pid, zero)) for pid in to_date
        }

    rs = folder.rule_set_on(to) or result.annual_rule_set
    tie_break = tuple(rs.annual.tie_break)
    groups = folder_groups(folder.settings)
    points = [s.point for s in result.standings]
    group_by_id = {p.id: group_of(groups, p) for p in points}
    ids = [p.id for p in points]

    def ranks(figs: dict[str, Figures]) -> dict[str, int]:
        return ranks_within_groups(
            ids,
            group_by_id.__getitem__,
            lambda pid: (figs[pid].score, *(figs[pid].get(n) for n in tie_break)),
            lambda pid: pid,
        )

    rank = ranks(in_period)
    rank_to_date = ranks(to_date)
    prev_rank = ranks(prev_figures) if prev_figures else {}
    order = {g.id: i for i, g in enumerate(groups)}
    rows = [
        PeriodPoint(
            id=p.id,
            name=p.name,
            label=p.label,
            kind=p.kind.value,
            group=group_by_id[p.id],
            rank=rank[p.id],
            rank_to_date=rank_to_date[p.id],
            previous_rank=prev_rank.get(p.id),
            period=in_period[p.id],
            to_date=to_date[p.id],
        )
        for p in points
    ]
    rows = _in_rank_order(rows, order, in_period, tie_break)

    listed = {r.id: r for r in rows}
    adopted, instructed, pubs = _items(folder, year, first, to, listed)
    silent = tuple(
        SilentPoint(r.id, r.label, r.group, r.period.submitted, r.period.adopted)
        for r in rows
        if r.period.submitted == 0 or r.period.adopted == 0
    )
    return PeriodReport(
        period=period,
        first=first,
        to=to,
        as_of=as_of,
        over=period.over(as_of),
        office=folder.settings.office,
        province=folder.settings.province,
        previous=previous,
        tie_break=tie_break,
        rule_sets=result.rule_sets,
        groups=groups,
        points=tuple(rows),
        totals_period=sum_figures(r.period for r in rows),
        totals_to_date=sum_figures(r.to_date for r in rows),
        publications=pubs,
        silent=silent,
        adopted_items=adopted,
        instructed_items=instructed,
        solicitations=_solicitations(folder, first, to, listed),
    )


def _in_rank_order(
    rows: list[PeriodPoint],
    order: dict[str, int],
    figs: dict[str, Figures],
    tie_break: tuple[str, ...],
) -> list[PeriodPoint]:
    """Group order, then the ranking order (score and tie-break counts descending, then id)."""
    rows.sort(key=lambda r: r.id)
    rows.sort(
        key=lambda r: (figs[r.id].score, *(figs[r.id].get(n) for n in tie_break)), reverse=True
    )
    rows.sort(key=lambda r: order[r.group])
    return rows


def _items(
    folder: Folder, year: int, first: dt.date, to: dt.date, listed: dict[str, PeriodPoint]
) -> tuple[tuple[AdoptedItem, ...], tuple[InstructedItem, ...], tuple[PublicationLine, ...]]:
    """The adoptions and instructions dated ``first..to`` of the listed points, and per
    publication the adoptions and issues of the period and of the year to ``to``."""
    year_first = dt.date(year, 1, 1)
    adopted: list[tuple[tuple[dt.date, str, int], AdoptedItem]] = []
    instructed: list[tuple[tuple[dt.date, str, int], InstructedItem]] = []
    period_items: dict[str, int] = {}
    period_issues: dict[str, set[str]] = {}
    year_items: dict[str, int] = {}
    year_issues: dict[str, set[str]] = {}
    pub_info: dict[str, tuple[str, Level]] = {}
    for sub in folder.submissions:
        if not (sub.adoptions or sub.instructions):
            continue
        title = SECRET_TITLE if sub.is_secret else sub.title
        who = [p for p in sub.participants() if p in listed]
        rs = folder.rule_set_on(sub.date)
        for a in sub.adoptions:
            if not year_first <= a.date <= to:
                continue
            pub = rs.publications.get(a.publication) if rs is not None else None
            name = pub.name if pub is not None else a.publication
            if pub is not None:
                pub_info.setdefault(a.publication, (pub.name, pub.level))
            year_items[a.publication] = year_items.get(a.publication, 0) + 1
            if a.issue:
                year_issues.setdefault(a.publication, set()).add(a.issue)
            if a.date < first:
                continue
            period_items[a.publication] = period_items.get(a.publication, 0) + 1
            if a.issue:
                period_issues.setdefault(a.publication, set()).add(a.issue)
            for pos, pid in enumerate(who):
                item = AdoptedItem(
                    pid, listed[pid].label, sub.id, title, a.publication, name, a.issue, a.date
                )
                adopted.append(((a.date, sub.id, pos), item))
        for ins in sub.instructions:
            if not first <= ins.date <= to:
                continue
            for pos, pid in enumerate(who):
                instructed.append(
                    (
                        (ins.date, sub.id, pos),
                        InstructedItem(
                            pid,
                            listed[pid].label,
                            sub.id,
                            title,
                            ins.leader,
                            ins.rank.value,
                            ins.date,
                        ),
                    )
                )
    levels = list(Level)
    pubs = sorted(
        (
            PublicationLine(
                pid,
                pub_info.get(pid, (pid, Level.PROVINCIAL))[0],
                pub_info.get(pid, (pid, Level.PROVINCIAL))[1],
                period_items.get(pid, 0),
                tuple(sorted(period_issues.get(pid, ()), key=_issue_key)),
                n,
                tuple(sorted(year_issues.get(pid, ()), key=_issue_key)),
            )
            for pid, n in year_items.items()
        ),
        key=lambda p: (levels.index(p.level), p.id),
    )
    adopted.sort(key=lambda x: x[0])
    instructed.sort(key=lambda x: x[0])
    return (
        tuple(i for _, i in adopted),
        tuple(i for _, i in instructed),
        tuple(pubs),
    )


def _issue_key(issue: str) -> tuple[int, str]:
    """Issues as written (``第12期``, ``2003-45``): by their last run of digits, then the text."""
    digits = ""
    for ch in reversed(issue):
        if ch.isdigit():
            digits = ch + digits
        elif digits:
            break
    return (int(digits) if digits else -1, issue)


def _solicitations(
    folder: Folder, first: dt.date, to: dt.date, listed: dict[str, PeriodPoint]
) -> tuple[SolicitationLine, ...]:
    """Every solicitation due ``first..to`` (and issued by ``to``): who owing it answered on
    time, late (by ``to``) or not at all."""
    by_sol: dict[str, dict[ObligationStatus, list[str]]] = {}
    for ob in obligations(folder, first, to, to, kinds=(ObligationKind.SOLICITATION,)):
        if ob.ref is None or ob.point not in listed:
            continue
        by_sol.setdefault(ob.ref, {}).setdefault(ob.status, []).append(ob.point)
    out = []
    for sol in folder.solicitations:
        if not (first <= sol.due <= to and sol.issued <= to):
            continue
        found = by_sol.get(sol.id, {})
        out.append(
            SolicitationLine(
                sol.id,
                sol.topic,
                sol.issued,
                sol.due,
                tuple(sorted(found.get(ObligationStatus.MET, ()))),
                tuple(sorted(found.get(ObligationStatus.LATE, ()))),
                tuple(sorted(found.get(ObligationStatus.MISSED, ()))),
            )
        )
    out.sort(key=lambda s: (s.due, s.id))
    return tuple(out)
