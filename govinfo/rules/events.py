"""Scoring events: what each record is worth, on which day, to which point (SPEC §2).

A submission turns into adoption and instruction events for its owner and every co-submitter,
and into deduction events (``emergency-late``, ``inaccurate``) for its owner; an adjustment
turns into one event for its point; a charged obligation (see :mod:`govinfo.rules.obligations`)
into one deduction. Every event is dated, priced by one rule set, and its points are rounded
half-up (away from zero) to 2 decimals once, last.

Readings of SPEC where it leaves room (each is also listed in the scoring notes of the README):

* ``emergency-late`` is judged on any submission that carries both ``occurred_at`` and
  ``reported_at`` (SPEC's condition names only the two times, not the category).
* An instruction whose rank the submission's rule set does not price is worth 0.
* A solicitation addressed to ``all`` addresses the owner when the owner holds the provincial
  tier on the solicitation's ``issued`` day (SPEC's definition of ``all``).
* The rule set that "prices" an adjustment is the one in force on its date, also when the
  adjustment gives its own ``points`` (SPEC lists the set per deduction kind without exception);
  it is recorded only when one is in force.
* Explain order (SPEC §3): date, then adoptions, instructions, deductions (``manual`` included),
  then submission id with events that have no submission first, then position in the file
  (path, line, column, place in the record's list), then the deduction's name in SPEC's order.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

import msgspec

from govinfo.model import (
    DEDUCTION_NAMES,
)

ADOPTION = "adoption"
INSTRUCTION = "instruction"
MANUAL = "manual"
EMERGENCY_LATE = "emergency-late"
INACCURATE = "inaccurate"
SOLICITATION_MISSED = "solicitation-missed"
RESEARCH_MISSING = "research-quarter-missing"
OPINION_MISSING = "opinion-month-missing"
SOLICITED_ON_TIME = "solicited_on_time"

CENT = Decimal("0.01")
ZERO = Decimal(0)
ONE = Decimal(1)

# Explain order of event kinds on one day (SPEC §3): adoptions, instructions, deductions.
_GROUP = {ADOPTION: 0, INSTRUCTION: 1}
_KIND_ORDER = {name: i for i, name in enumerate((ADOPTION, INSTRUCTION, *DEDUCTION_NAMES, MANUAL))}
# Adoption/instruction dates are at most 366 days after the submission's date (SPEC §1).
MAX_LAG = dt.timedelta(days=366)


def round_points(value: Decimal) -> Decimal:
    """Half-up to 2 decimals, away from zero on a tie (−0.125 → −0.13)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


class Detail(msgspec.Struct, frozen=True, gc=False, omit_defaults=True):
    """What an event stands for, structured so that it can be said in any language.

    Adoption: ``publication`` (id), ``publication_name``, ``level``, ``mode``, ``value`` (the
    publication's value for the mode), ``rise`` (what ``highest`` stacking let it score; equal
    to ``value`` under ``sum``), ``multiplier`` and ``multiplier_reason`` (a category name or
    ``solicited_on_time``; None when 1), ``shares`` (owner + co-submitters).
    Instruction: ``leader``, ``rank``, ``value``, ``rise``, ``shares``.
    Deductions: ``ref`` (solicitation id), ``period`` (``2003-Q1`` / ``2003-02``), ``required``
    and ``found`` (periodic minimum and what was submitted), ``minutes`` and ``limit``
    (emergency-late), ``adjustment`` and ``reason`` (adjustments), ``value`` (the price).
    """

    publication: str | None = None
    publication_name: str | None = None
    level: str | None = None
    mode: str | None = None
    value: Decimal | None = None
    rise: Decimal | None = None
    multiplier: Decimal = ONE
    multiplier_reason: str | None = None
    shares: int = 1
    leader: str | None = None
    rank: str | None = None
    ref: str | None = None
    period: str | None = None
    required: int | None = None
    found: int | None = None
    minutes: int | None = None
    limit: int | None = None
    adjustment: str | None = None
    reason: str | None = None


class Event(msgspec.Struct, frozen=True, gc=False):
    """One dated scoring event of one point.

    ``kind`` is ``adoption``, ``instruction``, a deduction name or ``manual``; ``points`` is
    already rounded; ``rule_set`` is the id of the set that priced it (None for a ``manual``
    adjustment when no set is in force); ``key`` is the explain order (see module docstring).
    """

    date: dt.date
    point: str
    kind: str
    points: Decimal
    detail: Detail
    key: tuple[dt.date, int, str, str, int, int, int, int]
    submission: str | None = None
    rule_set: str | None = None

    @property
    def is_deduction(self) -> bool:
        return self.kind not in _GROUP


def event_key(
    date: dt.date,
    kind: str,
    submission: str | None,
    path: str = "",
    line: int = 0,
    col: int = 0,
    index: int = 0,
) -> tuple[dt.date, int, str, str, int, int, int, int]:
    """The sort key of an event in explain order (see the module docstring)."""
    return (
        date,
        _GROUP.get(kind, 2),
        submission or "",
        path,
        line,
        col,
        index,
        _KIND_ORDER.get(kind, len(_KIND_ORDER)),
    )


def deduction_event(
    *,
    point: str,
    kind: str,
    date: dt.date,
    amount: Decimal,
    rule_set: str | None,
    detail: Detail,
    submission: str | None = None,
    position: tuple[str, int, int] = ("", 0, 0),
) -> Event:
    """A negative event of ``point`` worth ``-|amount|`` (or ``amount`` as written for ``manual``)."""
    points = amount if kind == MANUAL else -abs(amount)
    return Event(
        date=date,
        point=point,
        kind=kind,
        points=round_points(points),
        detail=detail,
        key=event_key(date, kind, submission, *position),
        submission=submission,
        rule_set=rule_set,
    )
