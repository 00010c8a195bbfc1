"""What a generated folder is made of, before any record is drawn: the points with their habits,
the rule sets, the periods and their budgets. A :class:`Scenario` is built by ``jilin`` (the
sample) or ``synthetic`` and turned into files by ``engine``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources

import yaml

from govinfo.model import HistoryEvent, HistoryKind, Point, PointKind, SourceRef, Tier

_NOWHERE = SourceRef("points.yaml", 0, 0)


@dataclass(frozen=True, slots=True)
class PointPlan:
    """A reporting point: its registry record and how it behaves.

    ``weight`` is its share of the submissions budget; ``adopt`` the chance that an item is
    adopted; ``diligence`` the chance that an obligation (约稿, quarterly research, monthly
    opinion list) is met on time; ``instr`` scales the chance of a leader's instruction;
    ``national`` the chance that an adopted item also reaches the national publication (only
    while it holds the national tier).

    Lapses a scenario writes in on purpose, over whatever the dice decide: ``research_gaps``
    (year, quarter) in which the point sends no research item of its own at all,
    ``opinion_gaps`` (year, month) in which it sends no opinion list, and ``silent`` spans (first
    and last day, inclusive) in which it sends nothing — no free item, no answer to a notice, no
    periodic item.
    """

    id: str
    name: str
    short: str
    kind: str
    tiers: tuple[str, ...]
    history: tuple[Mapping[str, object], ...]
    subject: str  # who acts in a title: 长春市, 省财政厅, 农安县
    scope: str  # where a problem lies: 长春市, 全省, 农安县
    contact: tuple[str, str]  # 信息员 name, phone
    reviewers: tuple[str, ...]
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    weight: float = 1.0
    adopt: float = 0.25
    diligence: float = 0.85
    instr: float = 0.5
    national: float = 0.0
    inaccurate_months: tuple[tuple[int, int], ...] = ()  # (year, month): one item flagged
    research_gaps: tuple[tuple[int, int], ...] = ()  # (year, quarter 1-4)
    opinion_gaps: tuple[tuple[int, int], ...] = ()  # (year, month)
    silent: tuple[tuple[dt.date, dt.date], ...] = ()  # (first, last), inclusive
    model: Point = field(init=False, compare=False)

    def __post_init__(self) -> None:
        events = tuple(
            HistoryEvent(
                date=ev["date"],  # type: ignore[arg-type]
                event=HistoryKind(str(ev["event"])),
                tier=Tier(str(ev.get("tier", "provincial"))),
            )
            for ev in self.history
        )
        point = Point(
            id=self.id,
            name=self.name,
            kind=PointKind(self.kind),
            tiers=tuple(Tier(t) for t in self.tiers),
            history=events,
            source=_NOWHERE,
        )
        object.__setattr__(self, "model", point)

    def holds(self, day: dt.date, tier: Tier = Tier.PROVINCIAL) -> bool:
        return self.model.holds(tier, day)

    @property
    def lapses(self) -> bool:
        """Whether the scenario writes any gap or silence into this point's plan."""
        return bool(self.research_gaps or self.opinion_gaps or self.silent)

    def silent_on(self, day: dt.date) -> bool:
        return any(first <= day <= last for first, last in self.silent)

    def skips_research(self, day: dt.date) -> bool:
        return (day.year, (day.month - 1) // 3 + 1) in self.research_gaps

    def skips_opinion(self, day: dt.date) -> bool:
        return (day.year, day.month) in self.opinion_gaps

    def record(self) -> dict[str, object]:
        """The registry record, in SPEC's field order."""
        return {
            "id": self.id,
            "name": self.name,
            "short": self.short,
            "aliases": list(self.aliases) or None,
            "kind": self.kind,
            "parent": self.parent,
            "tiers": list(self.tiers),
            "contact": {"name": self.contact[0], "phone": self.contact[1]},
            "history": [dict(ev) for ev in self.history],
        }


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """What the generator needs to know of a rule set to write records it accepts."""

    id: str
    text: str
    effective_from: dt.date
    levels: Mapping[str, str]  # publication id → level
    research_kinds: tuple[str, ...]
    opinion_kinds: tuple[str, ...]
    deadline_minutes: int

    @classmethod
    def from_text(cls, text: str) -> RuleInfo:
        tree = yaml.safe_load(text)
        reqs = tree.get("requirements") or {}
        research = reqs.get("research_per_quarter") or {}
        opinion = reqs.get("opinion_list_per_month") or {}
        return cls(
            id=str(tree["id"]),
            text=text,
            effective_from=tree["effective_from"],
            levels={str(k): str(v["level"]) for k, v in tree["publications"].items()},
            research_kinds=tuple(research.get("kinds") or ()),
            opinion_kinds=tuple(opinion.get("kinds") or ()),
            deadline_minutes=int(tree.get("emergency_deadline_minutes", 120)),
        )


def packaged_rule_text(name: str) -> str:
    """The text of a rule set shipped with the package (``jl-2002``, ``jl-2003``)."""
    return resources.files("govinfo.demo").joinpath(f"{name}.yaml").read_text(encoding="utf-8")


@dataclass(frozen=True, slots=True)
class Period:
    """A stretch of one year that gets submissions: months ``first``..``last`` and the number of
    submissions to write in it."""

    year: int
    first: int
    last: int
    budget: int
    solicitations: int  # notices to issue in it
    solicitation_start: int = 1  # number of the first notice (YG-<year>-NNN)
    all_share: float = 0.15  # share of notices addressed to ``all``
    addressed: tuple[int, int] = (4, 12)  # how many points a targeted notice names


AdjustmentMaker = Callable[
    [int, Mapping[tuple[str, int], tuple[str, dt.date]]], list[dict[str, object]]
]


@dataclass(frozen=True, slots=True)
class Scenario:
    """Everything :func:`govinfo.demo.engine.folder_files` needs."""

    seed: str
    settings: Mapping[str, object]
    points: Sequence[PointPlan]
    rules: Sequence[RuleInfo]  # by effective_from
    periods: Sequence[Period]
    end: dt.date  # nothing is dated after this day
    governor: str
    vice_governors: tuple[str, ...]
    state_council: str
    # (year, first general item per (point, month)) → that year's adjustments
    adjustments: AdjustmentMaker
    governor_rate: float = 0.16
    leader_rate: float = 0.10
    joint_rate: float = 0.004
    late_emergency_rate: float = 0.2
    inaccurate_rate: float = 0.0  # chance per item (synthetic); the sample plans its own
    notice: str | None = None  # the text of notice.yaml, when the folder ships one

    def rule_on(self, day: dt.date) -> RuleInfo | None:
        found = None
        for rule in self.rules:
            if rule.effective_from <= day:
                found = rule
            else:
                break
        return found
