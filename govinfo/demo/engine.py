"""Turns a :class:`Scenario` into a data folder, streaming.

Per year: the solicitation notices and who answers them, the periodic obligations (quarterly
research, monthly opinion lists) and the number of free items per point and month are planned
first — small tables, a few integers per point-month. Then each point-month's records are drawn
with an RNG of their own (seeded by seed, year, point and month, so the result never depends on
the order of generation), written to ``submissions/<year>/<point>/<MM>.yaml`` and dropped. At no
time is more than one file's text held in memory.
"""

from __future__ import annotations

import calendar
import datetime as dt
import os
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from govinfo.demo import corpus, titles
from govinfo.demo.corpus import Topic
from govinfo.demo.plan import Period, PointPlan, RuleInfo, Scenario
from govinfo.errors import GovinfoError
from govinfo.i18n import t
from govinfo.model import Tier
from govinfo.store.emit import emit_list, emit_mapping

# Information flows dip at the Spring Festival (February) and in high summer.
_MONTH_FACTOR = (0.9, 0.75, 1.0, 1.05, 1.1, 1.05, 1.0, 0.9, 1.0, 1.05, 1.05, 1.05)

_FREE_CATEGORIES = {
    "city": (("general", 60), ("problem", 17), ("research", 9), ("emergency", 3)),
    "department": (("general", 66), ("problem", 14), ("research", 14), ("emergency", 1)),
    "county": (("general", 70), ("problem", 17), ("research", 8), ("emergency", 2)),
}
_ADOPT_FACTOR = {
    "general": 1.0,
    "problem": 1.15,
    "research": 1.4,
    "emergency": 1.6,
    "opinion-list": 0.6,
}
_COMBINED = {
    "general": 0.4,
    "problem": 0.3,
    "research": 0.15,
    "emergency": 0.1,
    "opinion-list": 0.5,
}
_PROVINCIAL_PREFS: dict[str, tuple[tuple[str, int], ...]] = {
    "general": (("jl-zwxx", 60), ("jl-mryq", 25), ("jl-zb", 15)),
    "problem": (("jl-zwxx", 40), ("jl-zb", 30), ("jl-mryq", 15), ("jl-yqzb", 15)),
    "research": (("jl-zb", 45), ("jl-zwxx", 55)),
    "emergency": (("jl-mryq", 75), ("jl-zb", 25)),
    "opinion-list": (("jl-yqzb", 85), ("jl-zwxx", 15)),
}
# Issues a year per publication, for believable issue numbers.
_ISSUES_PER_YEAR = {"gb-xinxi": 300, "jl-zb": 120, "jl-zwxx": 240, "jl-mryq": 250, "jl-yqzb": 48}
_LEADER_PUBLICATIONS = frozenset({"jl-zb", "jl-mryq", "jl-yqzb"})


@dataclass
class GenerateResult:
    """What was written: file and record counts (for the CLI's closing line)."""

    files: int = 0
    points: int = 0
    submissions: int = 0
    solicitations: int = 0
    adjustments: int = 0
    by_year: dict[int, int] = field(default_factory=dict)


class Notice(NamedTuple):
    id: str
    issued: dt.date
    due: dt.date
    topic: str
    points: tuple[str, ...] | None  # None: all
    owed: tuple[str, ...]


class Forced(NamedTuple):
    """An item a point writes because it owes it: an answer to a notice, the quarter's research,
    the month's opinion list."""

    day: dt.date
    category: str
    solicitation: str | None = None
    topic_text: str | None = None
    late: bool = False


# --- files ------------------------------------------------------------------------------------


def prepare_destination(dest: Path) -> None:
    """Create ``dest``; refuse one that exists and is not an empty folder."""
    if dest.exists():
        if not dest.is_dir() or any(dest.iterdir()):
            raise GovinfoError(t("demo_dest_not_empty", path=str(dest)))
    else:
        dest.mkdir(parents=True)


def _write(path: Path, text: str) -> None:
    """Write via a temporary name and a rename, so that no file is ever seen half-written."""
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    os.replace(tmp, path)


# --- the whole folder -------------------------------------------------------------------------


def write_folder(dest: Path, scenario: Scenario) -> GenerateResult:
    """Write the scenario's folder into ``dest`` (created; must be absent or empty)."""
    prepare_destination(dest)
    result = GenerateResult(points=len(scenario.points))
    _write(dest / "govinfo.yaml", emit_mapping(scenario.settings))
    _write(dest / "points.yaml", emit_list(p.record() for p in scenario.points))
    if scenario.notice is not None:
        _write(dest / "notice.yaml", scenario.notice)
        result.files += 1
    (dest / "rules").mkdir()
    for rule in scenario.rules:
        _write(dest / "rules" / f"{rule.id}.yaml", rule.text)
    result.files += 2 + len(scenario.rules)
    ctx = _Context(scenario)
    for period in scenario.periods:
        _write_period(dest, ctx, period, result)
    return result


class _Context:
    """Lookups computed once per run."""

    def __init__(self, scenario: Scenario) -> None:
        self.sc = scenario
        self.by_id = {p.id: p for p in scenario.points}
        children: dict[str, list[PointPlan]] = {}
        for p in scenario.points:
            if p.parent:
                children.setdefault(p.parent, []).append(p)
        self.children = children
        self.cities = [p for p in scenario.points if p.kind == "city"]
        self.departments = [p for p in scenario.points if p.kind == "department"]
        # Days on which the provincial tier can change, per point: elsewhere a month is all-in
        # or all-out.
        self.change_days = {
            p.id: tuple(
                ev["date"]
                for ev in p.history
                if ev.get("tier", "provincial") == "provincial" and isinstance(ev["date"], dt.date)
            )
            for p in scenario.points
        }
        self.sars = corpus.TOPIC_BY_KEY["feidian"]
        self._month_days: dict[tuple[int, int], tuple[dt.date, ...]] = {}

    def month_days(self, year: int, month: int) -> tuple[dt.date, ...]:
        """Every day of the month up to the scenario's end (shared, computed once)."""
        days = self._month_days.get((year, month))
        if days is None:
            first = dt.date(year, month, 1)
            last = min(dt.date(year, month, calendar.monthrange(year, month)[1]), self.sc.end)
            days = tuple(first + dt.timedelta(days=i) for i in range((last - first).days + 1))
            self._month_days[(year, month)] = days
        return days

    def active_days(self, p: PointPlan, year: int, month: int) -> Sequence[dt.date]:
        """The days of the month on which ``p`` holds the provincial tier, up to the end."""
        days = self.month_days(year, month)
        if not days:
            return days
        first, last = days[0], days[-1]
        if not any(first < d <= last for d in self.change_days[p.id]):
            return days if p.holds(first) else ()
        return [d for d in days if p.holds(d)]

    def rule_on(self, day: dt.date) -> RuleInfo:
        rule = self.sc.rule_on(day)
        if rule is None:  # a scenario always covers its own days
            raise ValueError(f"no rule set in force on {day}")
        return rule


def _write_period(dest: Path, ctx: _Context, period: Period, result: GenerateResult) -> None:
    sc = ctx.sc
    year = period.year
    rng = random.Random(f"{sc.seed}/plan/{year}")
    notices = _plan_notices(ctx, period, rng)
    if notices:
        (dest / "solicitations").mkdir(exist_ok=True)
        _write(
            dest / "solicitations" / f"{year}.yaml", emit_list(_notice_record(n) for n in notices)
        )
        result.files += 1
        result.solicitations += len(notices)
    forced = _plan_answers(ctx, notices, rng)
    _plan_obligations(ctx, period, forced, rng)
    free = _allocate(ctx, period, forced, rng)
    _apply_lapses(ctx, forced)

    year_dir = dest / "submissions" / str(year)
    firsts: dict[tuple[str, int], tuple[str, dt.date]] = {}
    written = 0
    for p in sc.points:
        seq = 0
        recent: set[str] = set()
        point_dir = year_dir / p.id
        for month in range(period.first, period.last + 1):
            items = forced.get((p.id, month), [])
            n_free = free.get((p.id, month), 0)
            if not items and not n_free:
                continue
            mrng = random.Random(f"{sc.seed}/{year}/{p.id}/{month}")
            records, seq = _month_records(
                ctx, p, year, month, items, n_free, mrng, seq, recent, firsts
            )
            if not records:
                continue
            point_dir.mkdir(parents=True, exist_ok=True)
            _write(point_dir / f"{month:02d}.yaml", emit_list(records))
            result.files += 1
            written += len(records)
    result.submissions += written
    result.by_year[year] = result.by_year.get(year, 0) + written

    adjustments = sc.adjustments(year, firsts)
    if adjustments:
        (dest / "adjustments").mkdir(exist_ok=True)
        _write(dest / "adjustments" / f"{year}.yaml", emit_list(adjustments))
        result.files += 1
        result.adjustments += len(adjustments)


# --- planning: notices, obligations, budget ---------------------------------------------------


def _notice_record(n: Notice) -> dict[str, object]:
    return {
        "id": n.id,
        "issued": n.issued,
        "due": n.due,
        "topic": n.topic,
        "points": "all" if n.points is None else list(n.points),
    }


def _weighted_sample(
    rng: random.Random, items: Sequence[PointPlan], weights: Sequence[float], k: int
) -> list[PointPlan]:
    """``k`` distinct items, drawn with the given weights (Efraimidis–Spirakis keys)."""
    keyed = sorted(((rng.random() ** (1.0 / w), i) for i, w in enumerate(weights)), reverse=True)
    return [items[i] for _, i in keyed[:k]]


def _plan_notices(ctx: _Context, period: Period, rng: random.Random) -> list[Notice]:
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


def _days_between(ctx: _Context, p: PointPlan, first: dt.date, last: dt.date) -> list[dt.date]:
    last = min(last, ctx.sc.end)
    return [
        first + dt.timedelta(days=i)
        for i in range((last - first).days + 1)
        if p.holds(first + dt.timedelta(days=i))
    ]


def _plan_answers(
    ctx: _Context, notices: Sequence[Notice], rng: random.Random
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


def _plan_obligations(
    ctx: _Context,
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
            if q_last > ctx.sc.end:
                continue
            rule = ctx.sc.rule_on(q_last)
            if rule is None or p.kind not in rule.research_kinds:
                continue
            if not p.model.holds_throughout(Tier.PROVINCIAL, q_first, q_last):
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
            if m_last > ctx.sc.end:
                continue
            rule = ctx.sc.rule_on(m_last)
            if rule is None or p.kind not in rule.opinion_kinds:
                continue
            if not p.model.holds_throughout(Tier.PROVINCIAL, m_first, m_last):
                continue
            if rng.random() < _skip_chance(p):
                continue
            days = _days_between(ctx, p, m_first.replace(day=20), m_last)
            day = rng.choice(days)
            forced.setdefault((p.id, month), []).append(Forced(day, "opinion-list"))


def _apply_lapses(ctx: _Context, forced: dict[tuple[str, int], list[Forced]]) -> None:
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


def _allocate(
    ctx: _Context,
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
            weight = p.weight * _MONTH_FACTOR[month - 1] * active / ndays * rng.uniform(0.75, 1.25)
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


# --- one point-month --------------------------------------------------------------------------


def _month_records(
    ctx: _Context,
    p: PointPlan,
    year: int,
    month: int,
    forced: Sequence[Forced],
    n_free: int,
    rng: random.Random,
    seq: int,
    recent: set[str],
    firsts: dict[tuple[str, int], tuple[str, dt.date]],
) -> tuple[list[dict[str, object]], int]:
    days = ctx.active_days(p, year, month)
    if not days:
        n_free = 0
    planned: list[tuple[dt.date, int, Forced | None]] = [
        (f.day, i, f) for i, f in enumerate(forced)
    ]
    if n_free:
        weights = [1.0 if d.weekday() < 5 else 0.15 for d in days]
        for j, day in enumerate(rng.choices(days, weights, k=n_free)):
            planned.append((day, len(forced) + j, None))
    if p.silent:  # what it would have written on those days is never sent
        planned = [item for item in planned if not p.silent_on(item[0])]
    planned.sort(key=lambda item: (item[0], item[1]))
    flag_month = (year, month) in p.inaccurate_months
    this_month: set[str] = set()
    records = []
    for day, _, item in planned:
        seq += 1
        sid = f"{p.id}-{year}-{seq:04d}"
        record = _record(ctx, p, sid, day, item, rng, recent | this_month)
        this_month.add(str(record["title"]))
        if (
            item is None
            and record["category"] in ("general", "emergency")
            and ((flag_month and "flags" not in record) or rng.random() < ctx.sc.inaccurate_rate)
        ):
            record["flags"] = ["inaccurate"]
            record["note"] = rng.choice(corpus.INACCURATE_NOTES)
            flag_month = False
        elif item is None and record["category"] == "general":
            firsts.setdefault((p.id, month), (sid, day))
        records.append(record)
    recent.clear()
    recent.update(this_month)
    return records, seq


def _pick(
    rng: random.Random, prefs: Iterable[tuple[str, int]], available: Mapping[str, str]
) -> str:
    options = [(pub, w) for pub, w in prefs if pub in available]
    if not options:
        options = [(pub, 1) for pub, level in available.items() if level == "provincial"]
    return rng.choices([o[0] for o in options], [o[1] for o in options])[0]


def _issue(publication: str, day: dt.date) -> str:
    per_year = _ISSUES_PER_YEAR.get(publication, 200)
    return f"第{1 + (day.timetuple().tm_yday - 1) * per_year // 366}期"


def _record(
    ctx: _Context,
    p: PointPlan,
    sid: str,
    day: dt.date,
    item: Forced | None,
    rng: random.Random,
    avoid: set[str],
) -> dict[str, object]:
    sc = ctx.sc
    year, month = day.year, day.month
    rule = ctx.rule_on(day)
    topic: Topic | None = None
    co: list[str] | None = None
    subject = p.subject
    solicitation = None
    note = None
    if item is None:
        kinds = _FREE_CATEGORIES[p.kind]
        category = rng.choices([k for k, _ in kinds], [w for _, w in kinds])[0]
        if category == "emergency" and p.kind == "department" and "anquan" not in p.topics:
            category = "general"
        if category == "research" and p.skips_research(day):
            category = "general"
        if category in ("general", "research") and rng.random() < sc.joint_rate:
            partner = _partner(ctx, p, day, rng)
            if partner is not None:
                co = [partner.id]
                subject = f"{p.subject}、{partner.subject}"
    else:
        category = item.category
        solicitation = item.solicitation
        if item.late:
            note = corpus.LATE_ANSWER_NOTE

    title = ""
    for _ in range(6):  # avoid repeating a title the point used this month or last
        if item is not None and item.topic_text is not None:
            title = titles.answer_title(rng, item.topic_text, p.scope, category == "research")
        elif category == "opinion-list":
            title = titles.opinion_title(rng, p.subject, year, month)
        elif category == "emergency":
            title = titles.emergency_title(
                rng, _incident_place(ctx, p, rng), titles.topical(ctx.sars, year, month)
            )
        else:
            topic = titles.pick_topic(rng, p.topics, year, month)
            if category == "research":
                title = titles.research_title(rng, topic, p.scope)
            elif category == "problem":
                title = titles.problem_title(rng, topic, p.scope)
            else:
                title = titles.general_title(rng, topic, subject, p.scope, year, month)
        if title not in avoid:
            break

    record: dict[str, object] = {"id": sid, "date": day, "title": title, "category": category}
    if co:
        record["co_submitters"] = co
    if solicitation:
        record["solicitation"] = solicitation
    if category == "emergency":
        reported = dt.datetime(year, month, day.day, rng.randint(7, 22), rng.randint(0, 59))
        deadline = rule.deadline_minutes
        if rng.random() < sc.late_emergency_rate:
            delay = deadline + rng.randint(5, 300)
        else:
            delay = rng.randint(15, max(16, min(deadline - 5, 115)))
        record["occurred_at"] = reported - dt.timedelta(minutes=delay)
        record["reported_at"] = reported
    record["reviewer"] = rng.choice(p.reviewers)
    secret = {"emergency": 0.05, "problem": 0.006}.get(category, 0.0008)
    if rng.random() < secret:
        record["classification"] = "secret"
    adoptions = _adoptions(ctx, p, day, category, rule, rng)
    if adoptions:
        record["adoptions"] = adoptions
    instructions = _instructions(ctx, p, day, category, topic, adoptions, rng)
    if instructions:
        record["instructions"] = instructions
    if note:
        record["note"] = note
    return record


def _partner(ctx: _Context, p: PointPlan, day: dt.date, rng: random.Random) -> PointPlan | None:
    """A co-submitter for a joint item: a city with one of its counties, a county with its city,
    a department with another department."""
    if p.kind == "city":
        pool = ctx.children.get(p.id, [])
    elif p.kind == "county":
        pool = [ctx.by_id[p.parent]] if p.parent in ctx.by_id else []
    else:
        pool = ctx.departments
    pool = [q for q in pool if q.id != p.id and q.holds(day) and not q.silent_on(day)]
    return rng.choice(pool) if pool else None


def _incident_place(ctx: _Context, p: PointPlan, rng: random.Random) -> str:
    if p.kind == "city":
        return rng.choice([p.subject] + [c.subject for c in ctx.children.get(p.id, [])])
    if p.kind == "department" and ctx.cities:
        return rng.choice(ctx.cities).subject
    return p.subject


def _adoption(rng: random.Random, pub: str, day: dt.date, category: str) -> dict[str, object]:
    mode = "combined" if rng.random() < _COMBINED.get(category, 0.3) else "single"
    return {"publication": pub, "date": day, "mode": mode, "issue": _issue(pub, day)}


def _adoptions(
    ctx: _Context,
    p: PointPlan,
    day: dt.date,
    category: str,
    rule: RuleInfo,
    rng: random.Random,
) -> list[dict[str, object]]:
    end = ctx.sc.end
    if rng.random() >= p.adopt * _ADOPT_FACTOR.get(category, 1.0):
        return []
    available = rule.levels
    if category == "emergency":
        first = day + dt.timedelta(days=rng.choice((0, 0, 1, 1, 2)))
    else:
        first = day + dt.timedelta(days=1 + min(40, int(rng.expovariate(1 / 3.5))))
    if first > end:
        return []
    pub = _pick(rng, _PROVINCIAL_PREFS.get(category, ()), available)
    out = [_adoption(rng, pub, first, category)]
    if rng.random() < 0.07:
        others = {k: v for k, v in available.items() if k != pub}
        second = _pick(rng, _PROVINCIAL_PREFS["problem"], others)
        later = first + dt.timedelta(days=rng.randint(1, 10))
        if later <= end and second != pub:
            out.append(_adoption(rng, second, later, category))
    national = [k for k, level in available.items() if level == "national"]
    if national and category != "opinion-list":
        chance = p.national if p.holds(day, Tier.NATIONAL) else 0.004
        if category in ("research", "problem"):
            chance *= 1.4
        if rng.random() < chance:
            later = first + dt.timedelta(days=rng.randint(3, 25))
            if later <= end:
                out.append(_adoption(rng, rng.choice(national), later, "research"))
    return out


def _instructions(
    ctx: _Context,
    p: PointPlan,
    day: dt.date,
    category: str,
    topic: Topic | None,
    adoptions: Sequence[Mapping[str, object]],
    rng: random.Random,
) -> list[dict[str, object]]:
    sc = ctx.sc
    end = sc.end
    out: list[dict[str, object]] = []
    if topic is not None and rng.random() < 0.5:
        dept = "省" + corpus.TOPIC_DEPARTMENT.get(topic.key, "有关部门")
    elif p.kind == "department":
        dept = p.subject
    else:
        dept = "有关部门"

    def add(leader: str, rank: str, when: dt.date, with_note: bool) -> None:
        if when > end:
            return
        entry: dict[str, object] = {"leader": leader, "rank": rank, "date": when}
        if with_note:
            entry["note"] = rng.choice(corpus.INSTRUCTION_NOTES).format(dept=dept)
        out.append(entry)

    leader_read = [a for a in adoptions if a["publication"] in _LEADER_PUBLICATIONS]
    boost = 1.6 if category in ("research", "problem") else 1.0
    if leader_read:
        seen = leader_read[0]["date"]
        assert isinstance(seen, dt.date)
        if rng.random() < sc.governor_rate * p.instr * boost:
            add(sc.governor, "governor", seen + dt.timedelta(days=rng.randint(0, 4)), True)
        if sc.vice_governors and rng.random() < sc.leader_rate * p.instr * boost:
            leader = rng.choice(sc.vice_governors)
            add(
                leader,
                "provincial-leader",
                seen + dt.timedelta(days=rng.randint(0, 5)),
                rng.random() < 0.6,
            )
    elif category == "emergency" and rng.random() < 0.1:
        add(sc.governor, "governor", day + dt.timedelta(days=rng.randint(0, 1)), True)
    for a in adoptions:
        if a["publication"] == "gb-xinxi" and rng.random() < 0.05:
            seen = a["date"]
            assert isinstance(seen, dt.date)
            add(
                sc.state_council,
                "state-council",
                seen + dt.timedelta(days=rng.randint(2, 10)),
                False,
            )
    out.sort(key=lambda e: e["date"])  # type: ignore[arg-type,return-value]
    return out
