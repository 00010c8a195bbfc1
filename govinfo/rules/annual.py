"""A year's scores as of a day, the ranking and the annual outcome (SPEC §2).

:func:`score_year` is the one entry point: it prices every event dated in the year and on or
before as-of, sums them per point, counts the records, ranks the points that held the
provincial tier on some day of the year up to as-of, and gives each its status.

Readings of SPEC where it leaves room:

* "Only once as-of is the year's last day" is read as as-of on or after 31 December.
* "Ranked: holding the provincial tier on some day from 1 January to as-of" is taken as
  written, also when as-of lies after the year (then days of the next year count).
* ``exempt`` needs a provincial ``admitted`` event dated from ``grace_admitted_from`` to
  31 December of the year and on or before as-of (a record after as-of is not known yet).
* A ``commend_excludes`` event is any event of the point counted in the year whose kind is
  listed (an ``inaccurate`` flag or adjustment, an ``emergency-concealed`` adjustment, or any
  other deduction name the rule set lists), whatever its points.
* ``rule_sets`` lists the sets that priced any counted event of any point (ranked or not), plus
  the set that gave the annual thresholds, by ``effective_from`` then id.
* A tie-break name the engine does not know counts 0 for every point.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum

import msgspec

from govinfo.model import Category, Folder, HistoryKind, Level, Point, RuleSet, Tier
from govinfo.rules.calendar import day_of_year, days_in_year
from govinfo.rules.events import MAX_LAG, ZERO, Event
from govinfo.rules.obligations import charged_events, obligations
from govinfo.rules.pricer import Pricer, SubmissionIndex, could_score_after


class Status(StrEnum):
    COMMENDED = "commended"
    DISQUALIFIED = "disqualified"
    EXEMPT = "exempt"
    RETAINED = "retained"
    LEFT = "left"


class Counts(msgspec.Struct, gc=False):
    """Per point and year, from the records as written (SPEC §2 "Counts")."""

    submitted: int = 0
    adopted: int = 0
    national_adopted: int = 0
    instructions: int = 0
    research: int = 0
    deductions: Decimal = ZERO

    def get(self, name: str) -> Decimal | int:
        value = getattr(self, name, 0)
        return value if isinstance(value, int | Decimal) else 0


class Standing(msgspec.Struct, frozen=True, gc=False):
    """One ranked point: its rank (competition ranking), score, counts and status."""

    point: Point
    rank: int
    score: Decimal
    counts: Counts
    status: Status
    at_risk: bool
    excluded: bool  # has a commend_excludes event in the year
    excluded_by: tuple[str, ...] = ()  # the kinds of those events, each once, in event order


class YearScore(msgspec.Struct, frozen=True, gc=False):
    """The outcome of :func:`score_year`. ``standings`` are in ranking order; ``events`` holds
    every point's counted events (ranked or not) in explain order; ``final`` is whether as-of is
    on or after the year's last day (statuses ``commended``/``disqualified`` only then)."""

    year: int
    as_of: dt.date
    final: bool
    standings: tuple[Standing, ...]
    events: dict[str, list[Event]]
    rule_sets: tuple[str, ...]
    annual_rule_set: RuleSet

    def events_of(self, point_id: str) -> list[Event]:
        return self.events.get(point_id, [])

    def score_of(self, point_id: str) -> Decimal:
        return sum((e.points for e in self.events_of(point_id)), ZERO)

    def standing_of(self, point_id: str) -> Standing | None:
        for s in self.standings:
            if s.point.id == point_id:
                return s
        return None


def default_as_of(year: int, today: dt.date) -> dt.date:
    """SPEC §2: the year's last day, or today if earlier."""
    return min(dt.date(year, 12, 31), today)


def year_events(
    folder: Folder,
    year: int,
    as_of: dt.date,
    *,
    pricer: Pricer | None = None,
    index: SubmissionIndex | None = None,
) -> list[Event]:
    """Every event of every point dated in ``year`` and on or before ``as_of``, in explain order."""
    return _scan(folder, year, as_of, pricer, index)[0]


def year_counts(
    folder: Folder,
    year: int,
    as_of: dt.date,
    *,
    pricer: Pricer | None = None,
    index: SubmissionIndex | None = None,
) -> dict[str, Counts]:
    """The record counts of every point that has any (``deductions`` left at 0: they are the
    sum of the negative events, which :func:`score_year` fills in)."""
    return _scan(folder, year, as_of, pricer, index)[1]


def _scan(
    folder: Folder,
    year: int,
    as_of: dt.date,
    pricer: Pricer | None,
    index: SubmissionIndex | None,
) -> tuple[list[Event], dict[str, Counts]]:
    """One pass over the submissions that can matter to ``year``: their events dated in the
    year up to ``as_of`` and the record counts; then adjustments and charged obligations."""
    first = dt.date(year, 1, 1)
    last = min(dt.date(year, 12, 31), as_of)
    events: list[Event] = []
    counts: dict[str, Counts] = {}
    if last < first:
        return events, counts
    pricer = pricer or Pricer(folder)
    index = index or SubmissionIndex.of(folder.submissions)

    def of(point: str) -> Counts:
        c = counts.get(point)
        if c is None:
            c = counts[point] = Counts()
        return c

    national = Level.NATIONAL
    for sub in index.between(first - MAX_LAG, last):
        if sub.date >= first:
            own = of(sub.point)
            own.submitted += 1
            if sub.category is Category.RESEARCH:
                own.research += 1
        elif not could_score_after(sub, first):
            continue
        if sub.adoptions or sub.instructions or sub.flags or sub.reported_at is not None:
            for ev in pricer.submission_events(sub):
                if first <= ev.date <= last:
                    events.append(ev)
        if sub.adoptions:
            adopted = [a for a in sub.adoptions if first <= a.date <= last]
            if adopted:
                pubs = pricer.require_rule_set(sub.date, sub.id).publications
                is_national = False
                for a in adopted:
                    pub = pubs.get(a.publication)
                    if pub is not None and pub.level is national:
                        is_national = True
                        break
                for p in sub.participants():
                    c = of(p)
                    c.adopted += 1
                    if is_national:
                        c.national_adopted += 1
        if sub.instructions:
            n = 0
            for instruction in sub.instructions:
                if first <= instruction.date <= last:
                    n += 1
            if n:
                for p in sub.participants():
                    of(p).instructions += n
    # SPEC §2: an event "counts in the year of its own date and once its own date is on or
    # before as-of, whatever the submission's date" — also a late report made on 31 December
    # and written up in January, whose submission the date window above does not read.
    for sub in index.off_day_reports:
        assert sub.reported_at is not None
        if not first - MAX_LAG <= sub.date <= last and first <= sub.reported_at.date() <= last:
            for ev in pricer.submission_events(sub):
                if first <= ev.date <= last:
                    events.append(ev)
    for adj in folder.adjustments:
        if first <= adj.date <= last:
            events.append(pricer.adjustment_event(adj))
    obs = obligations(folder, first, last, as_of, index=index, pricer=pricer)
    events.extend(charged_events(obs, pricer))
    events.sort(key=lambda e: e.key)
    return events, counts


def _admitted_in_grace(point: Point, year: int, since: dt.date, as_of: dt.date) -> bool:
    end = min(dt.date(year, 12, 31), as_of)
    return any(
        ev.event is HistoryKind.ADMITTED and ev.tier is Tier.PROVINCIAL and since <= ev.date <= end
        for ev in point.history
    )


def score_year(folder: Folder, year: int, as_of: dt.date) -> YearScore:
    """Score ``year`` as of the end of ``as_of`` (SPEC §2).

    Raises :class:`govinfo.errors.DataError` when a record needs a rule set on a day with none
    in force, or when none is in force on the year's last day (the annual thresholds).
    """
    pricer = Pricer(folder)
    index = SubmissionIndex.of(folder.submissions)
    year_last = dt.date(year, 12, 31)
    annual_rs = pricer.require_rule_set(year_last, str(year))
    annual = annual_rs.annual
    events, counts = _scan(folder, year, as_of, pricer, index)

    by_point: dict[str, list[Event]] = {}
    used: set[str] = {annual_rs.id}
    for ev in events:
        by_point.setdefault(ev.point, []).append(ev)
        if ev.rule_set is not None:
            used.add(ev.rule_set)

    first = dt.date(year, 1, 1)
    final = as_of >= year_last
    # "Ranked: the points holding the provincial tier on some day from 1 January to as-of":
    # nobody when as-of comes before the year (a year not begun yet, the default as-of being
    # today); Point.holds_some_day would judge 1 January, a day after as-of.
    ranked = [
        p
        for p in folder.points
        if as_of >= first and p.holds_some_day(Tier.PROVINCIAL, first, as_of)
    ]
    excludes = set(annual.commend_excludes)
    scores: dict[str, Decimal] = {}
    point_counts: dict[str, Counts] = {}
    excluded: dict[str, tuple[str, ...]] = {}
    for p in ranked:
        evs = by_point.get(p.id, [])
        c = counts.get(p.id) or Counts()
        c.deductions = sum((e.points for e in evs if e.points < 0), ZERO)
        point_counts[p.id] = c
        scores[p.id] = sum((e.points for e in evs), ZERO)
        excluded[p.id] = tuple(dict.fromkeys(e.kind for e in evs if e.kind in excludes))

    tie_names = annual.tie_break

    def rank_key(p: Point) -> tuple[Decimal, ...]:
        c = point_counts[p.id]
        return (scores[p.id], *(Decimal(c.get(n)) for n in tie_names))

    ranked.sort(key=lambda p: p.id)
    ranked.sort(key=rank_key, reverse=True)

    # Statuses before the commendation walk.
    left_day = min(as_of, year_last)
    grace_from = day_of_year(year, annual.grace_admitted_from)
    below = annual.disqualify_below
    elapsed = (as_of - first).days + 1
    total_days = days_in_year(year)
    base: dict[str, Status] = {}
    for p in ranked:
        score = scores[p.id]
        if not p.holds(Tier.PROVINCIAL, left_day):
            base[p.id] = Status.LEFT
        elif score < below and _admitted_in_grace(p, year, grace_from, as_of):
            base[p.id] = Status.EXEMPT
        elif final and score < below:
            base[p.id] = Status.DISQUALIFIED
        else:
            base[p.id] = Status.RETAINED

    ranks: dict[str, int] = {}
    prev_key: tuple[Decimal, ...] | None = None
    for pos, p in enumerate(ranked, start=1):
        key = rank_key(p)
        ranks[p.id] = ranks[ranked[pos - 2].id] if key == prev_key else pos
        prev_key = key

    if final:
        taken = 0
        last_rank: int | None = None
        for p in ranked:
            if base[p.id] is not Status.RETAINED or excluded[p.id]:
                continue
            if taken < annual.commend_top:
                base[p.id] = Status.COMMENDED
                taken += 1
                last_rank = ranks[p.id]
            elif last_rank is not None and ranks[p.id] == last_rank:
                base[p.id] = Status.COMMENDED
            else:
                break

    standings = []
    for p in ranked:
        status = base[p.id]
        at_risk = (
            not final
            and status not in (Status.LEFT, Status.EXEMPT)
            # score < below × elapsed ÷ total, without dividing
            and scores[p.id] * total_days < below * elapsed
        )
        standings.append(
            Standing(
                point=p,
                rank=ranks[p.id],
                score=scores[p.id],
                counts=point_counts[p.id],
                status=status,
                at_risk=at_risk,
                excluded=bool(excluded[p.id]),
                excluded_by=excluded[p.id],
            )
        )
    by_id = {rs.id: rs for rs in folder.rule_sets}
    rule_sets = tuple(sorted(used, key=lambda i: (by_id[i].effective_from, i)))
    return YearScore(
        year=year,
        as_of=as_of,
        final=final,
        standings=tuple(standings),
        events=by_point,
        rule_sets=rule_sets,
        annual_rule_set=annual_rs,
    )
