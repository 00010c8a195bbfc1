"""A synthetic province of any size (``govinfo demo generate DIR --points N ...``).

Places are named from a table of syllables (宜平市, 永丰县 ...) so that names and ids stay unique
up to tens of thousands of points; departments are the usual provincial 厅局. Everything is drawn
from ``random.Random`` seeded by the given seed, never from the clock or the global RNG.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import random
from collections.abc import Iterator, Mapping

from govinfo.defaults import DEFAULT_RULES_YAML
from govinfo.demo import corpus, titles
from govinfo.demo.plan import (
    AdjustmentMaker,
    Period,
    PointPlan,
    RuleInfo,
    Scenario,
)
from govinfo.model import Tier

PROVINCE = "示范省"
OFFICE = "示范省人民政府办公厅"
MAX_POINTS = 50_000
_RESERVED = frozenset(
    {"con", "nul", "aux", "prn"}
    | {f"com{i}" for i in range(1, 10)}
    | {f"lpt{i}" for i in range(1, 10)}
)


def _place_names(rng: random.Random) -> Iterator[tuple[str, str]]:
    """(name, id) pairs, all different: two syllables first, then three, each in shuffled order."""
    for size in (2, 3):
        combos = list(itertools.permutations(corpus.PLACE_SYLLABLES, size))
        rng.shuffle(combos)
        for combo in combos:
            ident = "".join(py for _, py in combo)
            if ident not in _RESERVED:
                yield "".join(ch for ch, _ in combo), ident


def _rules(first_year: int, years: int) -> list[RuleInfo]:
    """The default rule set ``init`` writes (from 2000, or the first year if earlier) and, for a
    folder of two years or more, a revision from 1 April of the second year that makes
    《每日要情》 and the governor's instructions worth more."""
    base = DEFAULT_RULES_YAML
    start = min(dt.date(2000, 1, 1), dt.date(first_year, 1, 1))
    default = _replace(base, ("effective_from: 2000-01-01", f"effective_from: {start.isoformat()}"))
    rules = [RuleInfo.from_text(default)]
    if years >= 2:
        year = first_year + 1
        revised = _replace(
            base,
            ("id: default", f"id: revised-{year}"),
            ("（默认）", f"（{year}年调整）"),
            ("effective_from: 2000-01-01", f"effective_from: {year}-04-01"),
            ("single: 1, combined: 0.5}\n  jl-yqzb", "single: 1.5, combined: 0.75}\n  jl-yqzb"),
            ("governor: 3,", "governor: 4,"),
        )
        rules.append(RuleInfo.from_text(revised))
    return rules


def _replace(text: str, *pairs: tuple[str, str]) -> str:
    for old, new in pairs:
        if old not in text:
            raise ValueError(f"rule template lacks {old!r}")
        text = text.replace(old, new, 1)
    return text


def _phone(rng: random.Random, area: str) -> str:
    if rng.random() < 0.3:
        return f"13{rng.choice('0345689')}{rng.randint(0, 99999999):08d}"
    return f"{area}-{rng.choice('5689')}{rng.randint(0, 9999999):07d}"


def _history(
    rng: random.Random, national: bool, first_year: int, years: int
) -> tuple[dict[str, object], ...]:
    """Mostly admitted two years before the first year; a few admitted later, retired, or
    disqualified at a year's start and perhaps reinstated."""
    span_first = dt.date(first_year, 1, 15)
    span_days = (dt.date(first_year + years - 1, 12, 1) - span_first).days
    events: list[dict[str, object]] = []
    if national:
        events.append(
            {"date": dt.date(first_year - 3, 1, 1), "event": "admitted", "tier": "national"}
        )
    roll = rng.random()
    if roll < 0.04 and span_days > 0:
        admitted = span_first + dt.timedelta(days=rng.randint(0, span_days))
        events.append({"date": admitted, "event": "admitted", "reason": "吸收为直报点"})
    else:
        admitted = dt.date(first_year - 2, 1, 1)
        events.append({"date": admitted, "event": "admitted"})
    roll = rng.random()
    last = dt.date(first_year + years - 1, 12, 31)
    if roll < 0.02:
        # Retired inside the folder's years, never before them: a point that left before the
        # first year would hold no day of it, and a one-point folder would then have no
        # submission at all.
        since = max(admitted, span_first)
        gap = (last - since).days
        if gap > 30:
            retired = since + dt.timedelta(days=rng.randint(30, gap))
            events.append({"date": retired, "event": "retired", "reason": "长期不报信息，予以清理"})
    elif roll < 0.04 and years >= 2:
        year = rng.randint(first_year + 1, first_year + years - 1)
        out = dt.date(year, 1, 25)
        if out > admitted:
            events.append(
                {
                    "date": out,
                    "event": "disqualified",
                    "year": year - 1,
                    "reason": f"{year - 1}年度得分低于12分",
                }
            )
            if rng.random() < 0.5:
                back = out + dt.timedelta(days=rng.randint(30, 200))
                events.append(
                    {"date": back, "event": "reinstated", "reason": "整改到位，恢复直报点资格"}
                )
    events.sort(key=lambda ev: ev["date"])  # type: ignore[arg-type,return-value]
    return tuple(events)


def _points(rng: random.Random, n: int, first_year: int, years: int) -> list[PointPlan]:
    n_city = max(1, n // 12)
    n_dept = min(len(corpus.DEPARTMENTS), n // 5)
    n_county = n - n_city - n_dept
    names = _place_names(rng)
    plans: list[PointPlan] = []
    cities: list[tuple[str, str]] = []  # (id, area code)
    for _ in range(n_city):
        place, pid = next(names)
        area = f"0{rng.randint(310, 999)}"
        cities.append((pid, area))
        national = rng.random() < 0.4
        plans.append(
            PointPlan(
                id=pid,
                name=f"{place}市人民政府办公厅",
                short=place,
                aliases=(f"{place}市",),
                kind="city",
                tiers=("provincial", "national") if national else ("provincial",),
                history=_history(rng, national, first_year, years),
                subject=f"{place}市",
                scope=f"{place}市",
                contact=(titles.person(rng), _phone(rng, area)),
                reviewers=(titles.person(rng), titles.person(rng)),
                weight=5.0 * rng.lognormvariate(0, 0.4),
                adopt=rng.uniform(0.2, 0.38),
                diligence=rng.uniform(0.75, 0.99),
                instr=rng.uniform(0.5, 1.5),
                national=0.12 if national else 0.0,
            )
        )
    for _ in range(n_county):
        place, pid = next(names)
        parent, area = rng.choice(cities)
        suffix = "县" if rng.random() < 0.75 else "区"
        plans.append(
            PointPlan(
                id=pid,
                name=f"{place}{suffix}人民政府办公室",
                short=place,
                aliases=(f"{place}{suffix}",),
                kind="county",
                parent=parent,
                tiers=("provincial",),
                history=_history(rng, False, first_year, years),
                subject=f"{place}{suffix}",
                scope=f"{place}{suffix}",
                contact=(titles.person(rng), _phone(rng, area)),
                reviewers=(titles.person(rng), titles.person(rng)),
                weight=rng.lognormvariate(0, 0.5),
                adopt=rng.uniform(0.12, 0.32),
                diligence=rng.uniform(0.55, 0.97),
                instr=rng.uniform(0.1, 0.6),
            )
        )
    for pid, full, short, topics in corpus.DEPARTMENTS[:n_dept]:
        plans.append(
            PointPlan(
                id=pid,
                name=f"{PROVINCE}{full}",
                short=f"省{short}",
                kind="department",
                tiers=("provincial",),
                history=_history(rng, False, first_year, years),
                subject=f"省{short}",
                scope="全省",
                topics=topics,
                contact=(titles.person(rng), _phone(rng, "0100")),
                reviewers=(titles.person(rng), titles.person(rng)),
                weight=1.5 * rng.lognormvariate(0, 0.4),
                adopt=rng.uniform(0.15, 0.32),
                diligence=rng.uniform(0.6, 0.98),
                instr=rng.uniform(0.3, 1.0),
            )
        )
    return _every_year_held(plans, first_year, years)


def _every_year_held(plans: list[PointPlan], first_year: int, years: int) -> list[PointPlan]:
    """``plans``, with the first point kept in the network throughout when some year of the
    folder would have no point holding a day of it (a small folder whose points all left, or
    came later): such a year would have no submission at all."""
    for year in range(first_year, first_year + years):
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        if not any(p.model.holds_some_day(Tier.PROVINCIAL, first, last) for p in plans):
            keep = plans[0]
            national = tuple(ev for ev in keep.history if ev.get("tier") == "national")
            admitted = {"date": dt.date(first_year - 2, 1, 1), "event": "admitted"}
            history = tuple(sorted((*national, admitted), key=lambda ev: str(ev["date"])))
            plans[0] = dataclasses.replace(keep, history=history)
            break
    return plans


def _adjustment_maker(seed: int, plans: list[PointPlan]) -> AdjustmentMaker:
    """The office's hand-recorded adjustments of a year: a few per 25 points."""

    def make(
        year: int, firsts: Mapping[tuple[str, int], tuple[str, dt.date]]
    ) -> list[dict[str, object]]:
        rng = random.Random(f"govinfo-demo/{seed}/adjustments/{year}")
        count = min(40, max(1, len(plans) // 25))
        refs = sorted(firsts.items())
        rows: list[dict[str, object]] = []
        for _ in range(count):
            kind = rng.choices(
                ("emergency-omitted", "manual", "inaccurate", "emergency-concealed"), (4, 4, 2, 1)
            )[0]
            if kind == "inaccurate":
                if not refs:
                    continue
                (pid, _), (sid, day) = rng.choice(refs)
                when = min(day + dt.timedelta(days=rng.randint(5, 20)), dt.date(year, 12, 31))
                rows.append(
                    {
                        "point": pid,
                        "date": when,
                        "kind": kind,
                        "reason": rng.choice(corpus.INACCURATE_NOTES),
                        "submission": sid,
                    }
                )
                continue
            when = dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(0, 364))
            holders = [p for p in plans if p.holds(when)]
            if not holders:
                continue
            p = rng.choice(holders)
            row: dict[str, object] = {"point": p.id, "date": when, "kind": kind}
            if kind == "manual":
                bonus = rng.choice((-2, -1, 1, 2, 3))
                row["points"] = bonus
                row["reason"] = "经研究给予加分" if bonus > 0 else "报送信息不规范，经提醒仍未改正"
            elif kind == "emergency-omitted":
                row["reason"] = f"{p.subject}发生突发事件未按规定报送信息，经核实为漏报"
            else:
                row["reason"] = f"{p.subject}瞒报突发事件伤亡情况"
            rows.append(row)
        rows.sort(key=lambda r: (str(r["date"]), str(r["point"])))
        return [{"id": f"TZ-{year}-{n:03d}", **row} for n, row in enumerate(rows, start=1)]

    return make


def scenario(*, seed: int, points: int, submissions: int, years: int, first_year: int) -> Scenario:
    rng = random.Random(f"govinfo-demo/{seed}/registry")
    plans = _points(rng, points, first_year, years)
    periods = [
        Period(
            year,
            1,
            12,
            budget=submissions,
            solicitations=min(60, 5 + points),
            all_share=0.1,
            addressed=(min(4, points), min(12, points)),
        )
        for year in range(first_year, first_year + years)
    ]
    return Scenario(
        seed=f"govinfo-demo/{seed}",
        settings={"format": 1, "office": OFFICE, "province": PROVINCE, "language": "zh"},
        points=plans,
        rules=_rules(first_year, years),
        periods=periods,
        end=dt.date(first_year + years - 1, 12, 31),
        governor=titles.person(rng),
        vice_governors=("常务副省长", "分管副省长"),
        state_council="国务院领导同志",
        adjustments=_adjustment_maker(seed, plans),
        governor_rate=0.12,
        leader_rate=0.06,
        late_emergency_rate=0.15,
        inaccurate_rate=0.0008,
    )
