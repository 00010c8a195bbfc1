"""One point-month of records: titles, categories, co-submitters, adoptions and instructions,
drawn with the point-month's own random generator."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable, Mapping, Sequence

from govinfo.demo import corpus, titles
from govinfo.demo.context import (
    ADOPT_FACTOR,
    COMBINED,
    FREE_CATEGORIES,
    ISSUES_PER_YEAR,
    LEADER_PUBLICATIONS,
    PROVINCIAL_PREFS,
    Context,
    Forced,
)
from govinfo.demo.corpus import Topic
from govinfo.demo.plan import PointPlan, RuleInfo
from govinfo.model import Tier


def month_records(
    ctx: Context,
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
    per_year = ISSUES_PER_YEAR.get(publication, 200)
    return f"第{1 + (day.timetuple().tm_yday - 1) * per_year // 366}期"


def _record(
    ctx: Context,
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
        kinds = FREE_CATEGORIES[p.kind]
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


def _partner(ctx: Context, p: PointPlan, day: dt.date, rng: random.Random) -> PointPlan | None:
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


def _incident_place(ctx: Context, p: PointPlan, rng: random.Random) -> str:
    if p.kind == "city":
        return rng.choice([p.subject] + [c.subject for c in ctx.children.get(p.id, [])])
    if p.kind == "department" and ctx.cities:
        return rng.choice(ctx.cities).subject
    return p.subject


def _adoption(rng: random.Random, pub: str, day: dt.date, category: str) -> dict[str, object]:
    mode = "combined" if rng.random() < COMBINED.get(category, 0.3) else "single"
    return {"publication": pub, "date": day, "mode": mode, "issue": _issue(pub, day)}


def _adoptions(
    ctx: Context,
    p: PointPlan,
    day: dt.date,
    category: str,
    rule: RuleInfo,
    rng: random.Random,
) -> list[dict[str, object]]:
    end = ctx.sc.end
    if rng.random() >= p.adopt * ADOPT_FACTOR.get(category, 1.0):
        return []
    available = rule.levels
    if category == "emergency":
        first = day + dt.timedelta(days=rng.choice((0, 0, 1, 1, 2)))
    else:
        first = day + dt.timedelta(days=1 + min(40, int(rng.expovariate(1 / 3.5))))
    if first > end:
        return []
    pub = _pick(rng, PROVINCIAL_PREFS.get(category, ()), available)
    out = [_adoption(rng, pub, first, category)]
    if rng.random() < 0.07:
        others = {k: v for k, v in available.items() if k != pub}
        second = _pick(rng, PROVINCIAL_PREFS["problem"], others)
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
    ctx: Context,
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

    leader_read = [a for a in adoptions if a["publication"] in LEADER_PUBLICATIONS]
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
