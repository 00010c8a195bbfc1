"""A deliberately simple, slow and literal implementation of SPEC §2 (scoring semantics).

It exists only to be compared with the engine in ``govinfo/rules`` + ``govinfo/reports``
(``tests/rules/test_scoring_differential.py``). It was written from ``/work/shared/SPEC.md`` alone,
without reading the engine, and it uses nothing of govinfo except the record types of
``govinfo.model`` (not even their helper methods: tier holding and the rule set in force are
re-implemented here from the SPEC sentences).

Each SPEC sentence is quoted in a comment above the code that implements it. Where SPEC is
ambiguous, the reading taken is written next to it, marked ``READING:``.

Speed is not a goal: every question ("does the point hold the tier on this day?") is answered
from scratch by walking the records.

Public functions:
- ``reference_score(folder, year, as_of)`` → the SPEC §3 ``score`` JSON shape (numbers as
  ``Decimal``, dates as ``YYYY-MM-DD`` strings).
- ``reference_explain(folder, point_id, year, as_of)`` → the SPEC §3 ``explain`` JSON shape
  (``detail`` is left out: it is free text for people).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Any

from govinfo.model import (
    Folder,
    HistoryKind,
    Level,
    Point,
    RuleSet,
    Solicitation,
    Submission,
    Tier,
)

CENT = Decimal("0.01")

# The explain order's kind groups: "Events are ordered by date, then adoption, instruction,
# deductions, then submission id, then position in the file".
GROUP_ADOPTION = 0
GROUP_INSTRUCTION = 1
GROUP_DEDUCTION = 2


class ReferenceRefusal(Exception):
    """The folder is one that ``score`` must refuse (a record needs a rule set where none is in
    force). The differential test never builds such folders."""


@dataclass
class Event:
    point: str
    date: dt.date
    submission: str | None
    kind: str  # adoption | instruction | a deduction name | manual
    points: Decimal  # already rounded to 2 decimals
    rule_set: str  # the id of the set that priced it
    group: int
    position: int  # position in the file (list index, or source line for adjustments)


# --- helpers re-implemented from SPEC §1 -------------------------------------------------


def rounded(value: Decimal) -> Decimal:
    # "Every event's points, deductions included, are rounded half-up (away from zero:
    # −0.125 → −0.13) to 2 decimals once, last".
    # Decimal's ROUND_HALF_UP rounds ties away from zero, for negatives as well.
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def rule_set_on(folder: Folder, day: dt.date) -> RuleSet | None:
    # "The rule set in force on a day is the one with the latest `effective_from` on or before
    # it."
    best: RuleSet | None = None
    for rs in folder.rule_sets:
        if rs.effective_from <= day and (best is None or rs.effective_from > best.effective_from):
            best = rs
    return best


def rule_set_required(folder: Folder, day: dt.date) -> RuleSet:
    # "A record that needs a rule set on a day with none in force is an error that `check`
    # reports, and `score` refuses (exit 1) rather than guess".
    rs = rule_set_on(folder, day)
    if rs is None:
        raise ReferenceRefusal(f"no rule set in force on {day}")
    return rs


def holds(point: Point, tier: Tier, day: dt.date) -> bool:
    # "A point holds a tier on a day when its latest admitted/reinstated event for that tier on
    # or before that day is later than its latest disqualified/retired one."
    # "(`tier` defaults to `provincial`)" — the model already fills the default in.
    # "An admitted and a retired event on the same day leave the tier not held." — "later"
    # is strict, so a tie is not held.
    latest_in: dt.date | None = None
    latest_out: dt.date | None = None
    for ev in point.history:
        if ev.tier != tier or ev.date > day:
            continue
        if ev.event in (HistoryKind.ADMITTED, HistoryKind.REINSTATED):
            if latest_in is None or ev.date > latest_in:
                latest_in = ev.date
        elif ev.event in (HistoryKind.DISQUALIFIED, HistoryKind.RETIRED) and (
            latest_out is None or ev.date > latest_out
        ):
            latest_out = ev.date
    if latest_in is None:
        return False
    return latest_out is None or latest_in > latest_out


def days(first: dt.date, last: dt.date) -> list[dt.date]:
    out = []
    day = first
    while day <= last:
        out.append(day)
        day += dt.timedelta(days=1)
    return out


def addressed_points(folder: Folder, sol: Solicitation) -> list[str]:
    # "`points` (list of point ids, or the text `all` = every point holding the provincial tier
    # on `issued`)"
    if sol.points is None:
        return [p.id for p in folder.points if holds(p, Tier.PROVINCIAL, sol.issued)]
    return list(sol.points)


def find_solicitation(folder: Folder, sol_id: str) -> Solicitation | None:
    for sol in folder.solicitations:
        if sol.id == sol_id:
            return sol
    return None


def find_point(folder: Folder, point_id: str) -> Point | None:
    for p in folder.points:
        if p.id == point_id:
            return p
    return None


def participants(sub: Submission) -> list[str]:
    return [sub.point, *sub.co_submitters]


# --- §2: every scoring event, whatever its date -------------------------------------------


def multiplier(folder: Folder, sub: Submission, rs: RuleSet) -> Decimal:
    # "2. Multiplier. The largest of: the category's multiplier, `solicited_on_time` (the
    # submission answers a solicitation addressed to its owner and is dated on or before that
    # solicitation's `due`), and 1."
    candidates = [Decimal(1)]
    # READING: a rule set that does not name a category's multiplier gives that category none
    # (it does not take part in the "largest of").
    if str(sub.category) in rs.multipliers:
        candidates.append(rs.multipliers[str(sub.category)])
    if sub.solicitation is not None:
        sol = find_solicitation(folder, sub.solicitation)
        # READING: "addressed to its owner" is `points` as written: an explicit list that names
        # the owner, or `all` = the owner held the provincial tier on `issued`. Holding the tier
        # on `due` is what makes a point *owe* an answer (the deduction), not what makes it
        # addressed. "A submission answering a solicitation not addressed to its owner earns no
        # multiplier (warning)."
        if (
            sol is not None
            and sub.point in addressed_points(folder, sol)
            and sub.date <= sol.due
            and "solicited_on_time" in rs.multipliers
        ):
            candidates.append(rs.multipliers["solicited_on_time"])
    return max(candidates)


def submission_events(folder: Folder, sub: Submission) -> list[Event]:
    # "A submission is scored under the rule set in force on its `date`"
    rs = rule_set_required(folder, sub.date)
    out: list[Event] = []
    people = participants(sub)
    n = Decimal(len(people))

    # "It multiplies adoption points only."
    mult = multiplier(folder, sub, rs)

    # "1. Adoptions. Each adoption is worth its publication's value for its mode."
    # "Within one `level`, under `stacking.same_level: highest`, take that level's adoptions in
    # date order (ties in list order): each scores the amount by which it raises the best value
    # so far at that level (nothing if it does not); under `sum`, each scores its value.
    # Levels are independent and add up."
    # READING: the stacking is over one submission's adoptions (an adoption list belongs to a
    # submission), across years: a January adoption is stacked on the December one before it,
    # which is also what "its points never depend on records dated after it" allows.
    for level in (Level.NATIONAL, Level.PROVINCIAL):
        at_level = [
            (i, a)
            for i, a in enumerate(sub.adoptions)
            if rs.publications[a.publication].level == level
        ]
        # Python's sort is stable: equal dates stay in list order.
        at_level.sort(key=lambda pair: pair[1].date)
        best = Decimal(0)
        for index, adoption in at_level:
            value = rs.publications[adoption.publication].value(adoption.mode)
            if rs.stacking.same_level == "highest":
                rise = value - best if value > best else Decimal(0)
                best = max(best, value)
            else:
                rise = value
            # "4. Joint submissions. Each adoption and instruction event is split equally
            # between the owner and its co-submitters." "(a rise is computed on the unrounded
            # values, then multiplied, split and rounded)"
            with localcontext() as ctx:
                ctx.prec = 60
                share = rounded(rise * mult / n)
            for person in people:
                out.append(
                    Event(
                        person,
                        adoption.date,
                        sub.id,
                        "adoption",
                        share,
                        rs.id,
                        GROUP_ADOPTION,
                        index,
                    )
                )

    # "3. Instructions. Worth the rank's value, each dated on its own day; under
    # `stacking.instructions: highest`, in date order (ties in list order) each scores the rise
    # over the best so far; under `sum`, each scores its value. An item need not be adopted to
    # earn instruction points."
    ordered = sorted(enumerate(sub.instructions), key=lambda pair: pair[1].date)
    best = Decimal(0)
    for index, ins in ordered:
        value = rs.instructions[ins.rank]
        if rs.stacking.instructions == "highest":
            rise = value - best if value > best else Decimal(0)
            best = max(best, value)
        else:
            rise = value
        with localcontext() as ctx:
            ctx.prec = 60
            share = rounded(rise / n)
        for person in people:
            out.append(
                Event(
                    person, ins.date, sub.id, "instruction", share, rs.id, GROUP_INSTRUCTION, index
                )
            )

    # "5. Deductions (negative events of the owner only, never split)."
    # "- `emergency-late`: `reported_at − occurred_at` strictly greater than
    # `emergency_deadline_minutes`; dated the day of `reported_at`; priced and judged by the
    # submission's rule set."
    # READING: only submissions of category `emergency` are emergency reports (the times are
    # "required when category is `emergency`"); times on another category are ignored.
    if (
        str(sub.category) == "emergency"
        and sub.occurred_at is not None
        and sub.reported_at is not None
    ):
        elapsed = sub.reported_at - sub.occurred_at
        if elapsed > dt.timedelta(minutes=rs.emergency_deadline_minutes):
            out.append(
                Event(
                    sub.point,
                    sub.reported_at.date(),
                    sub.id,
                    "emergency-late",
                    rounded(-abs(rs.deduction("emergency-late"))),
                    rs.id,
                    GROUP_DEDUCTION,
                    0,
                )
            )

    # "- `inaccurate`: the submission's flag; dated its `date`; the submission's rule set."
    if any(str(f) == "inaccurate" for f in sub.flags):
        out.append(
            Event(
                sub.point,
                sub.date,
                sub.id,
                "inaccurate",
                rounded(-abs(rs.deduction("inaccurate"))),
                rs.id,
                GROUP_DEDUCTION,
                0,
            )
        )
    return out


def solicitation_events(folder: Folder) -> list[Event]:
    # "- `solicitation-missed`: a point addressed by a solicitation, holding the provincial tier
    # on `due`, with no submission (as owner or co-submitter) answering it dated on or before
    # `due`; dated `due`; the set in force on `due`."
    out: list[Event] = []
    for sol in folder.solicitations:
        for point_id in addressed_points(folder, sol):
            point = find_point(folder, point_id)
            if point is None or not holds(point, Tier.PROVINCIAL, sol.due):
                continue
            answered = any(
                sub.solicitation == sol.id and point_id in participants(sub) and sub.date <= sol.due
                for sub in folder.submissions
            )
            if answered:
                continue
            rs = rule_set_required(folder, sol.due)
            out.append(
                Event(
                    point_id,
                    sol.due,
                    None,
                    "solicitation-missed",
                    rounded(-abs(rs.deduction("solicitation-missed"))),
                    rs.id,
                    GROUP_DEDUCTION,
                    0,
                )
            )
    return out


def periods(year: int) -> list[tuple[str, str, dt.date, dt.date]]:
    """(deduction name, category, first day, last day) of every quarter and month of ``year``."""
    out = []
    for q in range(4):
        first = dt.date(year, 3 * q + 1, 1)
        last_month = 3 * q + 3
        last = dt.date(year, last_month, calendar.monthrange(year, last_month)[1])
        out.append(("research-quarter-missing", "research", first, last))
    for m in range(1, 13):
        out.append(
            (
                "opinion-month-missing",
                "opinion-list",
                dt.date(year, m, 1),
                dt.date(year, m, calendar.monthrange(year, m)[1]),
            )
        )
    return out


def period_events(folder: Folder, year: int, as_of: dt.date) -> list[Event]:
    # "- `research-quarter-missing`, `opinion-month-missing`: for a point of the listed kinds
    # that held the provincial tier on every day of a finished quarter/month, fewer than `min`
    # of its own (owner) submissions of that category dated in it; dated the period's last
    # day; the set in force on that day (no set in force: the requirement does not apply)."
    # Only the periods of ``year`` can give events that count in ``year``.
    out: list[Event] = []
    for name, category, first, last in periods(year):
        # "'As-of' is the end of that day everywhere: a record, period or `due` dated on or
        # before it is known or finished."
        if last > as_of:
            continue
        rs = rule_set_on(folder, last)
        if rs is None:
            continue
        req = (
            rs.requirements.research_per_quarter
            if name == "research-quarter-missing"
            else rs.requirements.opinion_list_per_month
        )
        if req is None:
            continue
        for point in folder.points:
            if point.kind not in req.kinds:
                continue
            if not all(holds(point, Tier.PROVINCIAL, d) for d in days(first, last)):
                continue
            own = [
                s
                for s in folder.submissions
                if s.point == point.id and str(s.category) == category and first <= s.date <= last
            ]
            if len(own) < req.min:
                out.append(
                    Event(
                        point.id,
                        last,
                        None,
                        name,
                        rounded(-abs(rs.deduction(name))),
                        rs.id,
                        GROUP_DEDUCTION,
                        0,
                    )
                )
    return out


def adjustment_events(folder: Folder) -> list[Event]:
    # "- adjustments: `-|points|` if given (only `manual` is signed as written), else the
    # kind's deduction; dated their `date`; the set in force on that date."
    # READING: the set in force on the date "prices" the adjustment (and so appears in
    # `rule_sets`) even when `points` is written on it.
    out: list[Event] = []
    for adj in folder.adjustments:
        rs = rule_set_required(folder, adj.date)
        kind = str(adj.kind)
        if kind == "manual":
            if adj.points is None:
                raise ReferenceRefusal(f"manual adjustment {adj.id} without points")
            value = adj.points
        elif adj.points is not None:
            value = -abs(adj.points)
        else:
            value = -abs(rs.deduction(kind))
        out.append(
            Event(
                adj.point,
                adj.date,
                adj.submission,
                kind,
                rounded(value),
                rs.id,
                GROUP_DEDUCTION,
                adj.source.line,
            )
        )
    return out


def all_events(folder: Folder, year: int, as_of: dt.date) -> list[Event]:
    out: list[Event] = []
    for sub in folder.submissions:
        out.extend(submission_events(folder, sub))
    out.extend(solicitation_events(folder))
    out.extend(period_events(folder, year, as_of))
    out.extend(adjustment_events(folder))
    return out


def counted_events(folder: Folder, year: int, as_of: dt.date) -> list[Event]:
    # "every event is dated, counts in the year of its own date (a December item adopted in
    # January counts next year) and once its own date is on or before as-of, whatever the
    # submission's date"
    return [e for e in all_events(folder, year, as_of) if e.date.year == year and e.date <= as_of]


# --- counts -------------------------------------------------------------------------------


def counts(folder: Folder, point_id: str, year: int, as_of: dt.date) -> dict[str, int]:
    # "Counts per point and year use the records as written, not the stacked events, and only
    # records dated on or before as-of"
    def in_year(day: dt.date) -> bool:
        return day.year == year and day <= as_of

    own = [s for s in folder.submissions if s.point == point_id]
    own_or_joint = [s for s in folder.submissions if point_id in participants(s)]
    # "`submitted` (own submissions dated in the year)"
    submitted = sum(1 for s in own if in_year(s.date))
    # "`adopted` (own or joint submissions with an adoption dated in the year)"
    adopted = sum(1 for s in own_or_joint if any(in_year(a.date) for a in s.adoptions))

    # "`national_adopted` (… with an adoption whose publication is national-level in the rule
    # set that scores the submission)"
    # READING: "…" stands for "own or joint submissions with an adoption dated in the year":
    # the national adoption itself must be dated in the year (and on or before as-of).
    def national(s: Submission) -> bool:
        rs = rule_set_required(folder, s.date)
        return any(
            in_year(a.date) and rs.publications[a.publication].level == Level.NATIONAL
            for a in s.adoptions
        )

    national_adopted = sum(1 for s in own_or_joint if national(s))
    # "`instructions` (instructions dated in the year on own or joint submissions)"
    instructions = sum(1 for s in own_or_joint for i in s.instructions if in_year(i.date))
    # "`research` (own research submissions dated in the year)"
    research = sum(1 for s in own if str(s.category) == "research" and in_year(s.date))
    return {
        "submitted": submitted,
        "adopted": adopted,
        "national_adopted": national_adopted,
        "instructions": instructions,
        "research": research,
    }


# --- the annual outcome -------------------------------------------------------------------


def year_end(year: int) -> dt.date:
    return dt.date(year, 12, 31)


def score_points(folder: Folder, year: int, as_of: dt.date) -> tuple[dict[str, Any], list[Event]]:
    events = counted_events(folder, year, as_of)
    last_day = year_end(year)

    # "The thresholds, `commend_top`, `commend_excludes`, grace and `tie_break` come from the
    # rule set in force on the year's last day, even for an earlier as-of."
    annual_rs = rule_set_required(folder, last_day)
    annual = annual_rs.annual

    # "Ranked: the points holding the provincial tier on some day from 1 January to as-of."
    # Taken as written, also for an as-of after the year (SPEC says "the earlier of as-of and
    # the year's last day" where it means that, for `left`, and not here).
    first_day = dt.date(year, 1, 1)
    ranked = [
        p
        for p in folder.points
        if any(holds(p, Tier.PROVINCIAL, d) for d in days(first_day, as_of))
    ]

    rows: dict[str, dict[str, Any]] = {}
    for p in ranked:
        mine = [e for e in events if e.point == p.id]
        # "6. A year's score is the sum of that year's events dated on or before as-of"
        score = sum((e.points for e in mine), Decimal(0))
        c = counts(folder, p.id, year, as_of)
        # "`deductions` (the sum of the year's negative events: a number ≤ 0; a positive
        # `manual` adjustment is not a deduction)"
        deductions = sum((e.points for e in mine if e.points < 0), Decimal(0))
        rows[p.id] = {
            "id": p.id,
            "name": p.name,
            "kind": str(p.kind),
            "score": score,
            **c,
            "deductions": deductions,
        }

    # "Order: score, then the `tie_break` counts, all descending, then id ascending."
    def key_values(row: dict[str, Any]) -> tuple[Any, ...]:
        return (row["score"], *(row[name] for name in annual.tie_break))

    order = sorted(rows.values(), key=lambda r: r["id"])
    order.sort(key=key_values, reverse=True)  # stable: ids stay ascending within a tie

    # "Rank is competition ranking (1, 2, 2, 4) on (score, tie-break counts)."
    for row in order:
        row["rank"] = 1 + sum(1 for other in order if key_values(other) > key_values(row))

    # Revision 4: "by default the point kinds …; `govinfo.yaml` may set `groups:` … each point
    # in exactly one group … `score` JSON rows gain `group` and `group_rank` (on the year's
    # figures as of as-of)", ranked within the group as the year is ranked.
    def group_id(p: Point) -> str:
        for g in folder.settings.groups:
            if p.id in g.points or p.kind in g.kinds:
                return g.id
        return p.kind.value

    by_id = {p.id: p for p in ranked}
    for row in order:
        row["group"] = group_id(by_id[row["id"]])
    for row in order:
        row["group_rank"] = 1 + sum(
            1
            for other in order
            if other["group"] == row["group"] and key_values(other) > key_values(row)
        )

    threshold = annual.disqualify_below
    grace_month, grace_day = annual.grace_admitted_from
    grace_from = dt.date(year, grace_month, grace_day)
    finished = as_of >= last_day

    status: dict[str, str] = {}
    for p in ranked:
        row = rows[p.id]
        # "`left`: not holding the tier on the earlier of as-of and the year's last day."
        if not holds(p, Tier.PROVINCIAL, min(as_of, last_day)):
            status[p.id] = "left"
            continue
        # "`exempt`: below `disqualify_below` but admitted (a provincial `admitted` event, not
        # `reinstated`) on or after `grace_admitted_from` of that year."
        # READING: the admitted event is dated in that year, on or after the grace day, and
        # (like every record) on or before as-of to be known.
        admitted_late = any(
            ev.event == HistoryKind.ADMITTED
            and ev.tier == Tier.PROVINCIAL
            and grace_from <= ev.date <= last_day
            and ev.date <= as_of
            for ev in p.history
        )
        if row["score"] < threshold and admitted_late:
            status[p.id] = "exempt"
            continue
        # "Only once as-of is the year's last day: `disqualified` — below `disqualify_below`,
        # not left, not exempt;"
        if finished and row["score"] < threshold:
            status[p.id] = "disqualified"
            continue
        status[p.id] = "retained"

    if finished:
        # "`commended` — walk the order, skipping `left`, `exempt`, `disqualified` points and
        # those with a `commend_excludes` event (flag or adjustment) dated in the year; take
        # `commend_top`; when all of them are taken, add any point tied (same rank) with the
        # last one taken that passes the same skips."
        # READING: "a `commend_excludes` event" is any of the point's own counted events of
        # that year whose kind is named in the list (an `inaccurate` flag or adjustment, an
        # `emergency-concealed` adjustment, …).
        excludes = set(annual.commend_excludes)

        def passes(row: dict[str, Any]) -> bool:
            if status[row["id"]] in ("left", "exempt", "disqualified"):
                return False
            return not any(e.point == row["id"] and e.kind in excludes for e in events)

        taken: list[dict[str, Any]] = []
        for row in order:
            if len(taken) >= annual.commend_top:
                break
            if passes(row):
                taken.append(row)
        if taken and len(taken) == annual.commend_top:
            last_rank = taken[-1]["rank"]
            for row in order:
                if row not in taken and row["rank"] == last_rank and passes(row):
                    taken.append(row)
        for row in taken:
            status[row["id"]] = "commended"

    # "`at_risk` (only before the year's last day; never for `left` or `exempt` points):
    # score < `disqualify_below` × (days from 1 January to as-of inclusive ÷ days in the
    # year)."  Compared multiplied out, so that no division rounds.
    elapsed = (as_of - first_day).days + 1
    in_year = 366 if calendar.isleap(year) else 365
    for row in order:
        row["status"] = status[row["id"]]
        row["at_risk"] = (
            not finished
            and row["status"] not in ("left", "exempt")
            and row["score"] * in_year < threshold * elapsed
        )

    # "`rule_sets`: [ids that priced a counted event or gave the annual thresholds, by
    # effective_from]"
    # READING: the counted events of every point (not only the ranked ones).
    used = {e.rule_set for e in events} | {annual_rs.id}
    rule_sets = [rs.id for rs in sorted(folder.rule_sets, key=lambda r: r.effective_from)]
    rule_sets = [rid for rid in rule_sets if rid in used]

    keys = (
        "rank",
        "id",
        "name",
        "kind",
        "score",
        "submitted",
        "adopted",
        "national_adopted",
        "instructions",
        "research",
        "deductions",
        "status",
        "at_risk",
        "group",
        "group_rank",
    )
    result = {
        "year": year,
        "as_of": as_of.isoformat(),
        "rule_sets": rule_sets,
        "points": [{k: row[k] for k in keys} for row in order],
    }
    return result, events


def reference_score(folder: Folder, year: int, as_of: dt.date) -> dict[str, Any]:
    """SPEC §3 ``score`` JSON (numbers as Decimal)."""
    return score_points(folder, year, as_of)[0]


def explain_order(e: Event) -> tuple[Any, ...]:
    # "Events are ordered by date, then adoption, instruction, deductions, then submission id,
    # then position in the file"
    # READING: an event with no submission sorts before those with one (null first); events of
    # the deduction group that tie on all of this (e.g. two period deductions of one day) keep
    # no defined order — the differential test compares them as a set.
    return (e.date, e.group, e.submission or "", e.position)


def reference_explain(folder: Folder, point_id: str, year: int, as_of: dt.date) -> dict[str, Any]:
    """SPEC §3 ``explain`` JSON without ``detail`` (numbers as Decimal)."""
    events = sorted(
        (e for e in counted_events(folder, year, as_of) if e.point == point_id),
        key=explain_order,
    )
    return {
        "point": point_id,
        "year": year,
        "as_of": as_of.isoformat(),
        # "the points add up to `score`"
        "score": sum((e.points for e in events), Decimal(0)),
        "events": [
            {
                "date": e.date.isoformat(),
                "submission": e.submission,
                "kind": e.kind,
                "points": e.points,
            }
            for e in events
        ],
    }
