"""Random small folders for the differential tests (built directly as ``govinfo.model`` records,
valid in the loader's sense), and the canonical forms in which engine and reference are compared."""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from govinfo.model import (
    DEDUCTION_NAMES,
    TIE_BREAK_NAMES,
    Adjustment,
    AdjustmentKind,
    Adoption,
    Annual,
    Category,
    Flag,
    Folder,
    HistoryEvent,
    HistoryKind,
    Instruction,
    Level,
    Mode,
    Point,
    PointKind,
    Publication,
    Rank,
    Requirement,
    Requirements,
    RuleSet,
    Settings,
    Solicitation,
    SourceRef,
    Stacking,
    Submission,
    Tier,
)
from tests.support.reference_scoring import (
    GROUP_ADOPTION,
    GROUP_DEDUCTION,
    GROUP_INSTRUCTION,
)

D = Decimal
# GOVINFO_LONG_TESTS=1 runs ten times as many examples.
_LONG = os.environ.get("GOVINFO_LONG_TESTS", "") not in ("", "0")
DIFF_SETTINGS = settings(
    max_examples=1000 if _LONG else 100,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

VALUES = [D("0.5"), D(1), D("1.5"), D(2), D(3), D(6), D("0.125"), D("0.333"), D(0)]
MULTIPLIERS = [D(1), D("1.5"), D(2), D("1.25"), D("1.333"), D("0.5")]
DEDUCTION_VALUES = [D("0.5"), D(1), D(2), D(3), D("0.25"), D("0.125"), D("0.005"), D(0)]
PUBLICATION_IDS = ("gb", "zb", "zwxx", "yq")
EXCLUDABLE = [
    "inaccurate",
    "emergency-concealed",
    "emergency-omitted",
    "emergency-late",
    "manual",
    "solicitation-missed",
    "opinion-month-missing",
    "research-quarter-missing",
]

# Strategies built once (building them per draw costs more than the scoring under test).
S_BOOL = st.booleans()
S_VALUE = st.sampled_from(VALUES)
S_INSTRUCTION_VALUE = st.sampled_from(VALUES[:6])
S_MULTIPLIER = st.sampled_from(MULTIPLIERS)
S_DEDUCTION = st.sampled_from(DEDUCTION_VALUES)
S_LEVEL = st.sampled_from(list(Level))
S_POINT_KIND = st.sampled_from(list(PointKind))
S_KINDS = st.lists(S_POINT_KIND, unique=True, max_size=3).map(tuple)
S_STACKING = st.sampled_from(["highest", "sum"])
S_CATEGORY = st.sampled_from(list(Category))
S_MODE = st.sampled_from(list(Mode))
S_RANK = st.sampled_from(list(Rank))
S_ADOPTION_LAG = st.sampled_from([0, 0, 3, 3, 40, 200, 365, 366])
S_INSTRUCTION_LAG = st.sampled_from([0, 2, 2, 60, 300, 366])
# reported_at: on the submission's day, the next day (a Dec 31 report dated into January) or
# the day before
S_REPORT_DAY = st.sampled_from([0, 0, 0, 1, -1])
S_REPORT_MINUTE = st.sampled_from([0, 600, 1420])
S_DELAY = st.sampled_from([0, 30, 59, 60, 61, 119, 120, 121, 240, 241, 1500])
S_LATE_DELAY = st.sampled_from([1500, 241, 121, 60])
S_HISTORY_STEP = st.sampled_from([0, 1, 30, 90, 200])
S_OUT = st.sampled_from([HistoryKind.RETIRED, HistoryKind.DISQUALIFIED])
S_IN = st.sampled_from([HistoryKind.REINSTATED, HistoryKind.ADMITTED])
S_DUE_LAG = st.sampled_from([0, 5, 20, 45, 80])
S_MANUAL = st.sampled_from([D(2), D("-1.5"), D("0.125"), D("-0.125"), D("-0.005")])
S_ADJ_POINTS = st.sampled_from([None, None, D(1), D("-2"), D("0.125"), D(0)])
S_ADJ_KIND = st.sampled_from(list(AdjustmentKind))
S_MONTHS = st.integers(0, 4095)


@functools.cache
def _sampled(values: tuple[Any, ...]) -> st.SearchStrategy[Any]:
    return st.sampled_from(values)


def sampled(values: Any) -> st.SearchStrategy[Any]:
    """``st.sampled_from(values)``, built once for the same values: a strategy built anew in
    every draw is validated anew, which cost these tests more than the scoring under test
    (strategies built from it, ``st.lists`` of it, are then Hypothesis's own cached ones)."""
    return _sampled(tuple(values))


@functools.cache
def day_between(first: dt.date, last: dt.date) -> st.SearchStrategy[dt.date]:
    return st.integers(0, (last - first).days).map(lambda n: first + dt.timedelta(days=n))


def special_days(year: int) -> list[dt.date]:
    """Days where off-by-one mistakes live: period ends and starts, leap day, year ends."""
    out = [dt.date(year, m, d) for m, d in ((1, 1), (3, 31), (4, 1), (6, 30), (7, 1), (9, 30))]
    out += [dt.date(year, 2, 28), dt.date(year, 3, 1), dt.date(year, 12, 30)]
    if year % 4 == 0:
        out.append(dt.date(year, 2, 29))
    return out


# --- rule sets ----------------------------------------------------------------------------


@st.composite
def rule_sets(draw: st.DrawFn, year: int) -> tuple[RuleSet, ...]:
    first_from = draw(sampled([dt.date(2000, 1, 1), dt.date(year - 1, 1, 1)]))
    second_from = draw(
        st.one_of(
            day_between(dt.date(year - 1, 2, 1), dt.date(year + 1, 6, 1)),
            sampled([dt.date(year, 1, 1), dt.date(year, 12, 31), dt.date(year, 4, 1)]),
        )
    )
    out = []
    for n, effective in enumerate((first_from, second_from)):
        pubs = {}
        for pid in PUBLICATION_IDS:
            if pid == "gb":
                level = Level.NATIONAL
            elif pid == "yq":
                # the same publication may change level between sets
                level = draw(S_LEVEL)
            else:
                level = Level.PROVINCIAL
            pubs[pid] = Publication(pid, f"刊物{pid}", level, draw(S_VALUE), draw(S_VALUE))
        multipliers = {"research": draw(S_MULTIPLIER), "problem": draw(S_MULTIPLIER)}
        if draw(st.integers(0, 4)):
            multipliers["solicited_on_time"] = draw(S_MULTIPLIER)
        for name in ("general", "emergency", "opinion-list"):
            if draw(st.integers(0, 2)) == 0:
                multipliers[name] = draw(S_MULTIPLIER)
        research = Requirement(draw(S_KINDS), draw(st.integers(1, 2))) if draw(S_BOOL) else None
        opinion = Requirement(draw(S_KINDS), 1) if draw(st.integers(0, 3)) else None
        excludes = draw(st.lists(sampled(EXCLUDABLE), unique=True, max_size=3))
        tie_break = draw(st.permutations(TIE_BREAK_NAMES))[: draw(st.integers(0, 5))]
        out.append(
            RuleSet(
                id=f"rs-{n}",
                title=f"rules {n}",
                effective_from=effective,
                publications=pubs,
                instructions={r: draw(S_INSTRUCTION_VALUE) for r in Rank},
                source=SourceRef(f"rules/rs-{n}.yaml", 1, 1),
                stacking=Stacking(same_level=draw(S_STACKING), instructions=draw(S_STACKING)),
                multipliers=multipliers,
                deductions={name: draw(S_DEDUCTION) for name in DEDUCTION_NAMES},
                emergency_deadline_minutes=draw(sampled([60, 120, 240])),
                requirements=Requirements(research, opinion, 30),
                annual=Annual(
                    commend_top=draw(st.integers(0, 4)),
                    commend_excludes=tuple(excludes),
                    disqualify_below=draw(sampled([D(1), D(3), D("4.5"), D(12)])),
                    grace_admitted_from=draw(sampled([(7, 1), (4, 1), (10, 15)])),
                    tie_break=tuple(tie_break),
                ),
            )
        )
    return tuple(sorted(out, key=lambda rs: rs.effective_from))


# --- points -------------------------------------------------------------------------------


@st.composite
def history(draw: st.DrawFn, year: int, tier: Tier) -> list[HistoryEvent]:
    """An admission, then 0–3 changes in and out (same-day pairs included)."""
    start = draw(
        st.one_of(
            st.just(dt.date(year - 3, 1, 1)),
            day_between(dt.date(year - 1, 1, 1), dt.date(year, 12, 31)),
            sampled(special_days(year)),
        )
    )
    events = [HistoryEvent(start, HistoryKind.ADMITTED, tier)]
    holding = True
    day = start
    for _ in range(draw(st.integers(0, 3))):
        day = day + dt.timedelta(days=draw(S_HISTORY_STEP))
        if day > dt.date(year + 1, 1, 31):
            break
        kind = draw(S_OUT) if holding else draw(S_IN)
        events.append(HistoryEvent(day, kind, tier, year=day.year - 1))
        holding = not holding
    if draw(st.integers(0, 5)) == 0:
        events.append(HistoryEvent(dt.date(year, 1, 20), HistoryKind.COMMENDED, tier, year - 1))
    return sorted(events, key=lambda e: e.date)


@st.composite
def points(draw: st.DrawFn, year: int) -> tuple[Point, ...]:
    n = draw(st.integers(3, 8))
    out = []
    for i in range(n):
        provincial = draw(st.integers(0, 7)) != 0  # a few national-only points
        national = not provincial or draw(st.integers(0, 2)) == 0
        tiers: list[Tier] = []
        hist: list[HistoryEvent] = []
        if provincial:
            tiers.append(Tier.PROVINCIAL)
            hist += draw(history(year, Tier.PROVINCIAL))
        if national:
            tiers.append(Tier.NATIONAL)
            hist += draw(history(year, Tier.NATIONAL))
        out.append(
            Point(
                id=f"p{i}",
                name=f"第{i}直报点",
                kind=draw(S_POINT_KIND),
                tiers=tuple(tiers),
                history=tuple(sorted(hist, key=lambda e: e.date)),
                source=SourceRef("points.yaml", 1 + 10 * i, 3),
            )
        )
    return tuple(out)


# --- the folder ---------------------------------------------------------------------------


def rule_set_on(sets: tuple[RuleSet, ...], day: dt.date) -> RuleSet:
    found = [rs for rs in sets if rs.effective_from <= day]
    assert found
    return found[-1]


@st.composite
def folders(draw: st.DrawFn) -> tuple[Folder, int, dt.date]:
    year = draw(sampled([2003, 2004]))
    last = dt.date(year, 12, 31)
    sets = draw(rule_sets(year))
    # submissions reach back far enough for a 366-day-late adoption into the year
    first = (
        dt.date(year - 2, 12, 1)
        if sets[0].effective_from.year < year - 1
        else sets[0].effective_from
    )
    pts = draw(points(year))
    ids = [p.id for p in pts]
    s_ids = sampled(ids)

    sols = []
    for k in range(draw(st.integers(0, 4))):
        issued = draw(day_between(dt.date(year - 1, 9, 1), last))
        due = issued + dt.timedelta(days=draw(S_DUE_LAG))
        addressed = (
            None
            if draw(S_BOOL)
            else tuple(draw(st.lists(s_ids, unique=True, min_size=1, max_size=4)))
        )
        sols.append(
            Solicitation(
                id=f"YG-{k}",
                issued=issued,
                due=due,
                topic=f"约稿{k}",
                source=SourceRef(f"solicitations/{issued.year}.yaml", 1 + 6 * k, 3),
                points=addressed,
            )
        )

    subs: list[Submission] = []

    def path(owner: str, date: dt.date) -> SourceRef:
        return SourceRef(
            f"submissions/{date.year}/{owner}/{date.month:02d}.yaml", 1 + 20 * len(subs), 3
        )

    def submission(
        owner: str,
        date: dt.date,
        sol: Solicitation | None,
        category: Category | None = None,
        report_day: int | None = None,
    ) -> Submission:
        # ids whose order differs from date order
        sid = f"S{draw(st.integers(0, 99)):02d}x{len(subs)}"
        rs = rule_set_on(sets, date)
        category = category or draw(S_CATEGORY)
        adoptions = tuple(
            Adoption(
                draw(sampled(sorted(rs.publications))),
                date + dt.timedelta(days=draw(S_ADOPTION_LAG)),
                draw(S_MODE),
            )
            for _ in range(draw(st.integers(0, 3)))
        )
        instructions = tuple(
            Instruction(f"领导{j}", draw(S_RANK), date + dt.timedelta(days=draw(S_INSTRUCTION_LAG)))
            for j in range(draw(st.integers(0, 2)) if draw(S_BOOL) else 0)
        )
        others = [p for p in ids if p != owner]
        co = tuple(draw(st.lists(sampled(others), unique=True, max_size=3)))
        occurred = reported = None
        if category is Category.EMERGENCY:
            reported = dt.datetime.combine(
                date + dt.timedelta(days=draw(S_REPORT_DAY) if report_day is None else report_day),
                dt.time(0, 30),
            ) + dt.timedelta(minutes=draw(S_REPORT_MINUTE))
            delay = draw(S_DELAY if report_day is None else S_LATE_DELAY)
            occurred = reported - dt.timedelta(minutes=delay)
        flags = (Flag.INACCURATE,) if draw(st.integers(0, 6)) == 0 else ()
        return Submission(
            id=sid,
            point=owner,
            date=date,
            title=f"标题{len(subs)}",
            category=category,
            source=path(owner, date),
            co_submitters=co,
            solicitation=sol.id if sol is not None else None,
            occurred_at=occurred,
            reported_at=reported,
            adoptions=adoptions,
            instructions=instructions,
            flags=flags,
        )

    # free submissions, spread over the previous year and the year, many near the turn
    s_free_day = st.one_of(
        day_between(first, last),
        day_between(dt.date(year - 1, 12, 1), dt.date(year, 1, 31)),
        sampled(special_days(year)),
    )
    for _ in range(draw(st.integers(0, 14))):
        subs.append(submission(draw(s_ids), draw(s_free_day), None))
    # emergencies written up a day after they were reported, across as-of and the year's end
    for _ in range(draw(st.integers(0, 2))):
        day = draw(
            st.one_of(st.just(dt.date(year + 1, 1, 1)), day_between(dt.date(year, 1, 2), last))
        )
        subs.append(submission(draw(s_ids), day, None, Category.EMERGENCY, -1))
    # answers to solicitations: on time, late, by an addressed point or not
    for sol in sols:
        for _ in range(draw(st.integers(0, 3))):
            lag = draw(sampled([0, 1, (sol.due - sol.issued).days, 10, 60]))
            date = sol.issued + dt.timedelta(days=lag)
            if date > last:
                continue
            owner = draw(sampled(list(sol.points or ids)))
            if draw(st.integers(0, 4)) == 0:
                owner = draw(s_ids)
            subs.append(submission(owner, date, sol))
    # research and opinion lists in some months (one draw per point and category)
    for p in pts:
        for category in (Category.RESEARCH, Category.OPINION_LIST):
            mask = draw(S_MONTHS)
            for month in range(1, 13):
                if mask >> (month - 1) & 1:
                    date = dt.date(year, month, (1, 15, 28)[month % 3])
                    subs.append(
                        Submission(
                            id=f"R{month:02d}{category.value[0]}{p.id}",
                            point=p.id,
                            date=date,
                            title="例行",
                            category=category,
                            source=path(p.id, date),
                        )
                    )

    adjs = []
    for k in range(draw(st.integers(0, 5))):
        kind = draw(S_ADJ_KIND)
        amount = draw(S_MANUAL) if kind is AdjustmentKind.MANUAL else draw(S_ADJ_POINTS)
        point = draw(s_ids)
        own = [s.id for s in subs if s.point == point]
        adj_date = draw(st.one_of(day_between(dt.date(year - 1, 12, 1), last), s_free_day))
        adjs.append(
            Adjustment(
                id=f"ADJ-{k}",
                point=point,
                date=adj_date,
                kind=kind,
                reason="原因",
                source=SourceRef(f"adjustments/{adj_date.year}.yaml", 1 + 7 * k, 3),
                points=amount,
                submission=draw(sampled([None, *own])) if own else None,
            )
        )
    adjs.sort(key=lambda a: (a.source.path, a.source.line))
    sols.sort(key=lambda s: (s.source.path, s.source.line))

    folder = Folder(
        settings=Settings(office="测试"),
        points=pts,
        rule_sets=sets,
        solicitations=tuple(sols),
        adjustments=tuple(adjs),
        submissions=tuple(sorted(subs, key=lambda s: (s.date, s.id))),
    )
    as_of = draw(
        st.one_of(
            st.just(last),
            day_between(dt.date(year, 1, 1), last),
            sampled(special_days(year)),
            sampled([dt.date(year + 1, 1, 1), dt.date(year + 1, 2, 15), dt.date(year - 1, 12, 31)]),
        )
    )
    return folder, year, as_of


# --- comparison -----------------------------------------------------------------------------


def canon(value: Any) -> Any:
    """Numbers as exact 2-decimal text, so that 1.5 == 1.50 and a difference prints clearly."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, Decimal | int | float):
        d = Decimal(str(value))
        assert d == d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), value
        if d == 0:
            d = Decimal(0)  # −0 and 0 are the same JSON number
        return f"{d:.2f}"  # 3, 3.0 and Decimal("3.00") are the same JSON number
    if isinstance(value, dict):
        return {k: canon(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [canon(v) for v in value]
    raise TypeError(type(value))


GROUPS = {"adoption": GROUP_ADOPTION, "instruction": GROUP_INSTRUCTION}


def explain_chunks(events: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """The explain events cut into runs of one (date, kind group). Adoptions and instructions
    keep their order; a run of deductions is compared as a set (SPEC does not order deductions
    of one day that have no submission or file position in common)."""
    chunks: dict[tuple[str, int], list[tuple[Any, ...]]] = defaultdict(list)
    order: list[tuple[str, int]] = []
    for e in events:
        key = (e["date"], GROUPS.get(e["kind"], GROUP_DEDUCTION))
        if key not in chunks:
            order.append(key)
        chunks[key].append((e["submission"] or "", e["kind"], canon(e["points"])))
    assert len(order) == len(set(order)), "explain events out of (date, kind group) order"
    return [
        (key, sorted(chunks[key]) if key[1] == GROUP_DEDUCTION else chunks[key]) for key in order
    ]
