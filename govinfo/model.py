"""The records of a data folder, as immutable values.

Pure: imports nothing of govinfo and does no I/O. Records are frozen ``msgspec.Struct``s
(cheap to build and to cache); every number is a ``Decimal`` read from its text; every record
carries the :class:`SourceRef` of the line it came from so that any later stage can point the
clerk at it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from enum import StrEnum

import msgspec

FORMAT_VERSION = 1


class SourceRef(msgspec.Struct, frozen=True, gc=False, array_like=True, omit_defaults=True):
    """Where a record or value was read: path relative to the data folder (with ``/``),
    1-based line and column (column in characters), and a sheet for imported rows.

    This and the submission's records are kept in the caches and sent from the parsing
    workers by the hundred thousand: as msgpack arrays, without the field names and the
    default values at the end (a year's packs 40% smaller, a cold run ~0.1 s shorter). They
    never reach a JSON document as they are (render builds those)."""

    path: str
    line: int
    col: int
    sheet: str | None = None

    def __str__(self) -> str:
        if self.sheet is not None:
            return f"{self.path}:{self.sheet}:{self.line}"
        return f"{self.path}:{self.line}:{self.col}"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class Problem(msgspec.Struct, frozen=True, gc=False):
    """One thing wrong with the input. ``message`` is already in the user's language."""

    path: str
    line: int
    col: int
    severity: Severity
    message: str
    sheet: str | None = None

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def sort_key(self) -> tuple[str, int, int]:
        return (self.path, self.line, self.col)

    def __str__(self) -> str:
        where = (
            f"{self.path}:{self.sheet}:{self.line}"
            if self.sheet is not None
            else f"{self.path}:{self.line}:{self.col}"
        )
        return f"{where}: {self.severity.value}: {self.message}"


# --- enumerations -------------------------------------------------------------------------


class PointKind(StrEnum):
    CITY = "city"
    COUNTY = "county"
    DEPARTMENT = "department"


class Tier(StrEnum):
    PROVINCIAL = "provincial"
    NATIONAL = "national"


class HistoryKind(StrEnum):
    ADMITTED = "admitted"
    DISQUALIFIED = "disqualified"
    REINSTATED = "reinstated"
    COMMENDED = "commended"
    RETIRED = "retired"


class Category(StrEnum):
    GENERAL = "general"
    RESEARCH = "research"
    PROBLEM = "problem"
    EMERGENCY = "emergency"
    OPINION_LIST = "opinion-list"


class Classification(StrEnum):
    PUBLIC = "public"
    INTERNAL = "internal"
    SECRET = "secret"


class Mode(StrEnum):
    SINGLE = "single"
    COMBINED = "combined"


class Rank(StrEnum):
    STATE_COUNCIL = "state-council"
    GOVERNOR = "governor"
    PROVINCIAL_LEADER = "provincial-leader"


class Level(StrEnum):
    NATIONAL = "national"
    PROVINCIAL = "provincial"


class AdjustmentKind(StrEnum):
    EMERGENCY_OMITTED = "emergency-omitted"
    EMERGENCY_CONCEALED = "emergency-concealed"
    INACCURATE = "inaccurate"
    MANUAL = "manual"


class Flag(StrEnum):
    INACCURATE = "inaccurate"


# --- folder settings and registry ----------------------------------------------------------


class Group(msgspec.Struct, frozen=True, gc=False):
    """One group of ``govinfo.yaml``'s ``groups:`` (issue 14): the points of ``kinds``, or the
    ``points`` listed. ``at`` holds the position of each kind or point as written, in order."""

    id: str
    name: str
    kinds: tuple[PointKind, ...] = ()
    points: tuple[str, ...] = ()
    at: tuple[tuple[int, int], ...] = ()
    source: SourceRef | None = None


class Settings(msgspec.Struct, frozen=True, gc=False):
    format: int = FORMAT_VERSION
    office: str = ""
    province: str = ""
    language: str = "zh"
    groups: tuple[Group, ...] = ()  # empty: the default groups, one per point kind
    groups_at: SourceRef | None = None  # the ``groups`` key, for problems about the whole list
    format_at: SourceRef | None = None  # the ``format`` value, for the refusal of another format
    format_text: str | None = None  # the ``format`` value as written (``02``), for that refusal


class Contact(msgspec.Struct, frozen=True, gc=False):
    name: str | None = None
    phone: str | None = None


class HistoryEvent(msgspec.Struct, frozen=True, gc=False):
    date: dt.date
    event: HistoryKind
    tier: Tier = Tier.PROVINCIAL
    year: int | None = None
    reason: str | None = None


def holds(history: Iterable[HistoryEvent], tier: Tier, day: dt.date) -> bool:
    """Whether a point with ``history`` holds ``tier`` at the end of ``day``.

    Its latest admitted/reinstated event for that tier on or before the day must be later
    than its latest disqualified/retired one; an admission and a retirement on the same day
    leave the tier not held.
    """
    last_in: dt.date | None = None
    last_out: dt.date | None = None
    for ev in history:
        if ev.tier is not tier or ev.date > day:
            continue
        if ev.event in (HistoryKind.ADMITTED, HistoryKind.REINSTATED):
            if last_in is None or ev.date > last_in:
                last_in = ev.date
        elif ev.event in (HistoryKind.DISQUALIFIED, HistoryKind.RETIRED) and (
            last_out is None or ev.date > last_out
        ):
            last_out = ev.date
    if last_in is None:
        return False
    return last_out is None or last_in > last_out


class Point(msgspec.Struct, frozen=True, gc=False):
    id: str
    name: str
    kind: PointKind
    tiers: tuple[Tier, ...]
    history: tuple[HistoryEvent, ...]
    source: SourceRef
    short: str | None = None
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    contact: Contact | None = None

    @property
    def label(self) -> str:
        """The name used in tables: the short name when there is one."""
        return self.short or self.name

    def holds(self, tier: Tier, day: dt.date) -> bool:
        """Whether the point holds ``tier`` at the end of ``day`` (:func:`holds`)."""
        return holds(self.history, tier, day)

    def holds_throughout(self, tier: Tier, first: dt.date, last: dt.date) -> bool:
        """Whether the point holds ``tier`` on every day from ``first`` to ``last``."""
        if not self.holds(tier, first):
            return False
        # The answer can only change on the day of a history event.
        return all(
            self.holds(tier, ev.date)
            for ev in self.history
            if ev.tier is tier and first < ev.date <= last
        )

    def holds_some_day(self, tier: Tier, first: dt.date, last: dt.date) -> bool:
        """Whether the point holds ``tier`` on at least one day from ``first`` to ``last``."""
        if self.holds(tier, first):
            return True
        return any(
            self.holds(tier, ev.date)
            for ev in self.history
            if ev.tier is tier and first < ev.date <= last
        )


# --- submissions ---------------------------------------------------------------------------


class Adoption(msgspec.Struct, frozen=True, gc=False, array_like=True, omit_defaults=True):
    publication: str
    date: dt.date
    mode: Mode
    issue: str | None = None


class Instruction(msgspec.Struct, frozen=True, gc=False, array_like=True, omit_defaults=True):
    leader: str
    rank: Rank
    date: dt.date
    note: str | None = None


class Submission(msgspec.Struct, frozen=True, gc=False, array_like=True, omit_defaults=True):
    id: str
    point: str
    date: dt.date
    title: str
    category: Category
    source: SourceRef
    co_submitters: tuple[str, ...] = ()
    solicitation: str | None = None
    occurred_at: dt.datetime | None = None
    reported_at: dt.datetime | None = None
    reviewer: str | None = None
    classification: Classification = Classification.INTERNAL
    adoptions: tuple[Adoption, ...] = ()
    instructions: tuple[Instruction, ...] = ()
    flags: tuple[Flag, ...] = ()
    note: str | None = None

    @property
    def is_secret(self) -> bool:
        return self.classification is Classification.SECRET

    def participants(self) -> tuple[str, ...]:
        """The owner followed by its co-submitters: those who share adoption points."""
        return (self.point, *self.co_submitters)


class Solicitation(msgspec.Struct, frozen=True, gc=False):
    id: str
    issued: dt.date
    due: dt.date
    topic: str
    source: SourceRef
    points: tuple[str, ...] | None = None  # None means "all"

    @property
    def addresses_all(self) -> bool:
        return self.points is None


class Adjustment(msgspec.Struct, frozen=True, gc=False):
    id: str
    point: str
    date: dt.date
    kind: AdjustmentKind
    reason: str
    source: SourceRef
    points: Decimal | None = None
    submission: str | None = None


# --- rule sets ------------------------------------------------------------------------------


class Publication(msgspec.Struct, frozen=True, gc=False):
    id: str
    name: str
    level: Level
    single: Decimal
    combined: Decimal

    def value(self, mode: Mode) -> Decimal:
        return self.single if mode is Mode.SINGLE else self.combined


class Stacking(msgspec.Struct, frozen=True, gc=False):
    same_level: str = "highest"  # highest | sum
    instructions: str = "sum"  # highest | sum


class Requirement(msgspec.Struct, frozen=True, gc=False):
    kinds: tuple[PointKind, ...]
    min: int


class Requirements(msgspec.Struct, frozen=True, gc=False):
    research_per_quarter: Requirement | None = None
    opinion_list_per_month: Requirement | None = None
    inactive_days: int = 30


class Annual(msgspec.Struct, frozen=True, gc=False):
    commend_top: int = 15
    commend_excludes: tuple[str, ...] = ()
    disqualify_below: Decimal = Decimal(12)
    grace_admitted_from: tuple[int, int] = (7, 1)  # (month, day)
    tie_break: tuple[str, ...] = ("national_adopted", "instructions", "adopted")


DEDUCTION_NAMES: tuple[str, ...] = (
    "solicitation-missed",
    "research-quarter-missing",
    "opinion-month-missing",
    "emergency-late",
    "emergency-omitted",
    "emergency-concealed",
    "inaccurate",
)

MULTIPLIER_NAMES: tuple[str, ...] = (
    "general",
    "research",
    "problem",
    "emergency",
    "opinion-list",
    "solicited_on_time",
)

TIE_BREAK_NAMES: tuple[str, ...] = (
    "national_adopted",
    "instructions",
    "adopted",
    "submitted",
    "research",
)


class RuleSet(msgspec.Struct, frozen=True, gc=False):
    id: str
    title: str
    effective_from: dt.date
    publications: dict[str, Publication]
    instructions: dict[Rank, Decimal]
    source: SourceRef
    basis: tuple[str, ...] = ()
    stacking: Stacking = Stacking()
    multipliers: dict[str, Decimal] = msgspec.field(default_factory=dict)
    deductions: dict[str, Decimal] = msgspec.field(default_factory=dict)
    emergency_deadline_minutes: int = 120
    requirements: Requirements = Requirements()
    annual: Annual = Annual()

    def multiplier(self, name: str) -> Decimal:
        return self.multipliers.get(name, Decimal(1))

    def deduction(self, name: str) -> Decimal:
        return self.deductions.get(name, Decimal(0))


def rule_set_on(rule_sets: tuple[RuleSet, ...], day: dt.date) -> RuleSet | None:
    """The rule set in force on ``day``: the latest ``effective_from`` on or before it.

    ``rule_sets`` must be sorted by ``effective_from`` (as :class:`Folder` keeps them).
    """
    found: RuleSet | None = None
    for rs in rule_sets:
        if rs.effective_from <= day:
            found = rs
        else:
            break
    return found


# --- the whole folder -----------------------------------------------------------------------


class Folder(msgspec.Struct, frozen=True, gc=False):
    """Everything read from a data folder. Collections are sorted for deterministic output:
    points by id, rule sets by ``effective_from``, submissions by (date, id)."""

    settings: Settings
    points: tuple[Point, ...]
    rule_sets: tuple[RuleSet, ...]
    solicitations: tuple[Solicitation, ...]
    adjustments: tuple[Adjustment, ...]
    submissions: tuple[Submission, ...]
    years: tuple[int, ...] | None = None  # the submission years loaded; None = all

    def point(self, point_id: str) -> Point | None:
        for p in self.points:
            if p.id == point_id:
                return p
        return None

    def rule_set_on(self, day: dt.date) -> RuleSet | None:
        return rule_set_on(self.rule_sets, day)


class NoticeSettings(msgspec.Struct, frozen=True, gc=False):
    """What an office writes once for its 通报 (``notice.yaml``); every field may be absent, the
    notice then uses ``office`` and plain defaults. ``number`` is the 发文字号 pattern with
    ``{year}`` (the year of issue: the 成文日期's, not the reported period's) and ``{n}``
    (``--number``); ``requirements`` the paragraphs of 四、下一步要求."""

    issuer: str | None = None  # 发文机关
    number: str | None = None  # 发文字号 pattern, e.g. 吉政办函〔{year}〕{n}号
    to: str | None = None  # 主送
    copy_to: tuple[str, ...] = ()  # 抄送
    printed_by: str | None = None  # 印发机关
    basis: str | None = None  # the rule named in the opening line, e.g. 《…考核办法》
    requirements: tuple[str, ...] = ()  # 四、下一步要求
    signature: str | None = None  # 落款
