"""Planning a year before any record is drawn: the solicitation notices and who answers them,
the periodic obligations (quarterly research, monthly opinion lists), lapses, and how many free
items each point writes each month."""

from __future__ import annotations

import calendar
import datetime as dt
import random
from collections.abc import Callable, Sequence

from govinfo.demo import corpus, titles
from govinfo.demo.context import MONTH_FACTOR, Context, Forced, Notice
from govinfo.demo.plan import Period, PointPlan, RuleInfo
from govinfo.model import Tier


def _weighted_sample(
    rng: random.Random, items: Sequence[PointPlan], weights: Sequence[float], k: int
) -> list[PointPlan]:
    """``k`` distinct items, drawn with the given weights (Efraimidis–Spirakis keys)."""
    keyed = sorted(((rng.random() ** (1.0 / w), i) for i, w in enumerate(weights)), reverse=True)
    return [items[i] for _, i in keyed[:k]]


def plan_notices(ctx: Context, period: Period, rng: random.Random) -> list[Notice]:
    if period.solicitations <= 0:
        return []
    year = period.year
    first = dt.date(year, period.first, 3)
    last_day = dt.date(year, period.last, calendar.monthrange(year, period.last)[1])
    # Leave room after the last due date for late answers inside the period.
    last = min(last_day, ctx.sc.end) - dt.timedelta(days=38)
    if last <= first:
        return []
    span = (last - first).days
    used: set[str] = set()
    order = {p.id: i for i, p in enumerate(ctx.sc.points)}
    notices: list[Notice] = []
    for i in range(period.solicitations):
        issued = first + dt.timedelta(days=int(span * (i + rng.random()) / period.solicitations))
        due = issued + dt.timedelta(days=rng.randint(7, 20))
        candidates = [
            text
            for text, months in corpus.SOLICITATION_TOPICS
            if (not months or issued.month in months)
            and ("非典" not in text or titles.topical(ctx.sars, year, issued.month))
        ]
        fresh = [c for c in candidates if c not in used] or candidates
        topic = rng.choice(fresh)
        used.add(topic)
        holders = [p for p in ctx.sc.points if p.holds(issued)]
        if not holders:
            continue
        addressed: list[PointPlan]
        if rng.random() < period.all_share:
            points: tuple[str, ...] | None = None
            addressed = holders
        else:
            k = min(len(holders), rng.randint(*period.addressed))
            weights = [{"city": 5.0, "department": 2.0}.get(p.kind, 1.0) for p in holders]
            addressed = sorted(
                _weighted_sample(rng, holders, weights, k), key=lambda p: order[p.id]
            )
            points = tuple(p.id for p in addressed)
        owed = tuple(p.id for p in addressed if p.holds(due))
        number = period.solicitation_start + len(notices)
        notices.append(Notice(f"YG-{year}-{number:03d}", issued, due, topic, points, owed))
    return notices


def _days_between(ctx: Context, p: PointPlan, first: dt.date, last: dt.date) -> list[dt.date]:
    last = min(last, ctx.sc.end)
    return [
        first + dt.timedelta(days=i)
        for i in range((last - first).days + 1)
        if p.holds(first + dt.timedelta(days=i))
    ]


def plan_answers(
    ctx: Context, notices: Sequence[Notice], rng: random.Random
) -> dict[tuple[str, int], list[Forced]]:
    """Who answers each notice, when, and how: on time, late or not at all."""
    forced: dict[tuple[str, int], list[Forced]] = {}
    for notice in notices:
        for pid in notice.owed:
            p = ctx.by_id[pid]
            r = rng.random()
            if r < p.diligence:
                days = _days_between(ctx, p, notice.issued + dt.timedelta(days=1), notice.due)
                late = False
            elif r < p.diligence + (1.0 - p.diligence) * 0.5:
                days = _days_between(
                    ctx,
                    p,
                    notice.due + dt.timedelta(days=1),
                    notice.due + dt.timedelta(days=15),
                )
                late = True
            else:
                continue  # missed
            if not days:
                continue
            day = rng.choice(days)
            category = rng.choices(("research", "general", "problem"), (35, 50, 15))[0]
            forced.setdefault((pid, day.month), []).append(
                Forced(day, category, notice.id, notice.topic, late)
            )
    return forced


def _skip_chance(p: PointPlan) -> float:
    """How often a point lets a periodic obligation slide."""
    return max(0.0, min(0.6, (0.93 - p.diligence) * 1.2))


def _owes(
    ctx: Context,
    p: PointPlan,
    first: dt.date,
    last: dt.date,
    kinds: Callable[[RuleInfo], tuple[str, ...]],
) -> bool:
    """Whether ``p`` owes the periodic item of the days ``first``..``last`` (a quarter's
    research, a month's opinion list): they end by the scenario's end, the rule set in force
    on the last asks it of ``p``'s kind (``kinds``: the kinds a rule set asks it of), and
    ``p`` holds the provincial tier throughout."""
    if last > ctx.sc.end:
        return False
    rule = ctx.sc.rule_on(last)
    if rule is None or p.kind not in kinds(rule):
        return False
    return p.model.holds_throughout(Tier.PROVINCIAL, first, last)


def plan_obligations(
    ctx: Context,
    period: Period,
    forced: dict[tuple[str, int], list[Forced]],
    rng: random.Random,
) -> None:
    """Add each point's quarterly research and monthly opinion list, unless it skips them."""
    year = period.year
    for p in ctx.sc.points:
        for q in range(4):
            months = [m for m in range(3 * q + 1, 3 * q + 4) if period.first <= m <= period.last]
            if len(months) < 3:
                continue
            q_first = dt.date(year, months[0], 1)
            q_last = dt.date(year, months[-1], calendar.monthrange(year, months[-1])[1])
            if not _owes(ctx, p, q_first, q_last, lambda rule: rule.research_kinds):
                continue
            already = any(
                f.category == "research" and not f.late and q_first <= f.day <= q_last
                for m in months
                for f in forced.get((p.id, m), [])
            )
            if already or rng.random() < _skip_chance(p):
                continue
            days = _days_between(ctx, p, q_first, q_last)
            weights = [2.0 if d.month == months[-1] else 1.0 for d in days]
            day = rng.choices(days, weights)[0]
            forced.setdefault((p.id, day.month), []).append(Forced(day, "research"))
        for month in range(period.first, period.last + 1):
            m_first = dt.date(year, month, 1)
            m_last = dt.date(year, month, calendar.monthrange(year, month)[1])
            if not _owes(ctx, p, m_first, m_last, lambda rule: rule.opinion_kinds):
                continue
            if rng.random() < _skip_chance(p):
                continue
            days = _days_between(ctx, p, m_first.replace(day=20), m_last)
            day = rng.choice(days)
            forced.setdefault((p.id, month), []).append(Forced(day, "opinion-list"))


def apply_lapses(ctx: Context, forced: dict[tuple[str, int], list[Forced]]) -> None:
    """Take out what the scenario's gaps and silences forbid: nothing owed is sent on a silent
    day, no research item in a research gap (an answer to a notice is then written as a general
    item), no opinion list in an opinion gap. Done after the budget is shared out, so that a lapse
    changes its own point's records and no other's: the items it does not send are not made up
    by anyone else, and the period ends that many items short of its budget."""
    for key in sorted(forced):
        p = ctx.by_id[key[0]]
        if not p.lapses:
            continue
        kept: list[Forced] = []
        for f in forced[key]:
            if p.silent_on(f.day) or (f.category == "opinion-list" and p.skips_opinion(f.day)):
                continue
            if f.category == "research" and p.skips_research(f.day):
                if f.solicitation is None:
                    continue
                f = f._replace(category="general")
            kept.append(f)
        if kept:
            forced[key] = kept
        else:
            del forced[key]


def allocate(
    ctx: Context,
    period: Period,
    forced: dict[tuple[str, int], list[Forced]],
    rng: random.Random,
) -> dict[tuple[str, int], int]:
    """How many free items each point writes each month, so that forced + free is exactly the
    period's budget (before the scenario's lapses take some out). When obligations alone exceed
    it, some are dropped (they become misses)."""
    total_forced = sum(len(v) for v in forced.values())
    if total_forced > period.budget:
        keys = sorted(forced)
        flat = [(key, i) for key in keys for i in range(len(forced[key]))]
        keep = set(rng.sample(range(len(flat)), period.budget))
        kept: dict[tuple[str, int], list[Forced]] = {}
        for n, (key, i) in enumerate(flat):
            if n in keep:
                kept.setdefault(key, []).append(forced[key][i])
        forced.clear()
        forced.update(kept)
        return {}
    remaining = period.budget - total_forced
    cells: list[tuple[tuple[str, int], float]] = []
    for p in ctx.sc.points:
        for month in range(period.first, period.last + 1):
            active = len(ctx.active_days(p, period.year, month))
            if not active or p.weight <= 0:
                continue
            ndays = calendar.monthrange(period.year, month)[1]
            weight = p.weight * MONTH_FACTOR[month - 1] * active / ndays * rng.uniform(0.75, 1.25)
            cells.append(((p.id, month), weight))
    total = sum(w for _, w in cells)
    if not cells or total <= 0:
        return {}
    shares = [(key, remaining * w / total) for key, w in cells]
    counts = {key: int(share) for key, share in shares}
    left = remaining - sum(counts.values())
    by_fraction = sorted(range(len(shares)), key=lambda i: (-(shares[i][1] % 1.0), i))
    for i in by_fraction[:left]:
        counts[shares[i][0]] += 1
    return counts
