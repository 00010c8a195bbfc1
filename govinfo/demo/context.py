"""What every stage of the demo generator shares: its tuning constants, the planned items
(:class:`Notice`, :class:`Forced`) and the lookups computed once per run (:class:`Context`)."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple

from govinfo.demo import corpus
from govinfo.demo.plan import PointPlan, RuleInfo, Scenario

# Information flows dip at the Spring Festival (February) and in high summer.
MONTH_FACTOR = (0.9, 0.75, 1.0, 1.05, 1.1, 1.05, 1.0, 0.9, 1.0, 1.05, 1.05, 1.05)

FREE_CATEGORIES = {
    "city": (("general", 60), ("problem", 17), ("research", 9), ("emergency", 3)),
    "department": (("general", 66), ("problem", 14), ("research", 14), ("emergency", 1)),
    "county": (("general", 70), ("problem", 17), ("research", 8), ("emergency", 2)),
}
ADOPT_FACTOR = {
    "general": 1.0,
    "problem": 1.15,
    "research": 1.4,
    "emergency": 1.6,
    "opinion-list": 0.6,
}
COMBINED = {
    "general": 0.4,
    "problem": 0.3,
    "research": 0.15,
    "emergency": 0.1,
    "opinion-list": 0.5,
}
PROVINCIAL_PREFS: dict[str, tuple[tuple[str, int], ...]] = {
    "general": (("jl-zwxx", 60), ("jl-mryq", 25), ("jl-zb", 15)),
    "problem": (("jl-zwxx", 40), ("jl-zb", 30), ("jl-mryq", 15), ("jl-yqzb", 15)),
    "research": (("jl-zb", 45), ("jl-zwxx", 55)),
    "emergency": (("jl-mryq", 75), ("jl-zb", 25)),
    "opinion-list": (("jl-yqzb", 85), ("jl-zwxx", 15)),
}
# Issues a year per publication, for believable issue numbers.
ISSUES_PER_YEAR = {"gb-xinxi": 300, "jl-zb": 120, "jl-zwxx": 240, "jl-mryq": 250, "jl-yqzb": 48}
LEADER_PUBLICATIONS = frozenset({"jl-zb", "jl-mryq", "jl-yqzb"})


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


class Context:
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
