"""The registry for the ``points`` commands (pure): each point's standing on a day, its scores
year by year, and the checks a new point or a new history event must pass before anything is
written.

Readings where the issue leaves room:

* A point's state on a day: ``active`` when it holds any tier; otherwise the kind of its latest
  leaving event (``retired`` or ``disqualified``), or ``not-admitted`` when it never held one.
* ``--parent`` names its point as every point argument does (id, full name, short name or
  alias) and is written as that point's id; SPEC's "a county's city" is enforced: only a
  county has a parent, and it must be a city (``check`` reports the same in the file).
* A new point's name, short name and aliases must not be any other point's id, name, short name
  or alias: import and ``explain`` find points by those, and must find exactly one.
* History stays in date order: a retire/reinstate event dated before the point's latest history
  event is refused (the loader warns about the order, and the clerk meant something else).
* ``reinstate`` needs an earlier ``admitted`` event for the tier: a point never admitted is
  added, not reinstated.
* A retire/reinstate event must change whether the point holds the tier from its day: a
  reinstatement on the day the point retired or was disqualified leaves the tier not held (SPEC
  §2, Tiers) and is refused, as are retiring a point that does not hold the tier and
  reinstating one that does. ``close-year``'s events record the year's outcome and are not
  held to this (``commended`` never changes a tier).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

import msgspec

from govinfo.errors import DataError
from govinfo.holding import ENTERING, LEAVING, IdleEvent, idle_event, latest
from govinfo.model import Folder, HistoryEvent, HistoryKind, Point, PointKind, Tier
from govinfo.reports.passedover import passed_over
from govinfo.reports.recorded import recorded_status, recorded_years
from govinfo.rules.annual import Status, YearScore, default_as_of, score_year
from govinfo.text import MAX_NAME, MAX_SHORT, control_characters, fold

ID_RE_TEXT = "[a-z][a-z0-9-]{1,39}"


class PointState(msgspec.Struct, frozen=True, gc=False):
    point: Point
    day: dt.date
    holds: tuple[Tier, ...]
    state: str  # active | retired | disqualified | not-admitted
    since: dt.date | None  # the day of the event that put it in that state


def point_state(point: Point, day: dt.date) -> PointState:
    """Which tiers ``point`` holds at the end of ``day``, and why it holds none."""
    holds = tuple(tier for tier in point.tiers if point.holds(tier, day))
    known = [ev for ev in point.history if ev.date <= day]
    if holds:
        ins = [ev.date for ev in known if ev.event in ENTERING and ev.tier in holds]
        return PointState(point, day, holds, "active", max(ins) if ins else None)
    outs = [ev for ev in known if ev.event in LEAVING]
    if outs:
        last = max(outs, key=lambda ev: ev.date)
        return PointState(point, day, holds, last.event.value, last.date)
    return PointState(point, day, holds, "not-admitted", None)


def point_states(folder: Folder, day: dt.date) -> list[PointState]:
    return [point_state(p, day) for p in folder.points]


class YearRow(msgspec.Struct, frozen=True, gc=False):
    """A point's score in one year on record; ``rank`` None when it was not ranked that year,
    ``problem`` the error that stopped the year being scored (render phrases it)."""

    year: int
    as_of: dt.date
    rank: int | None = None
    score: Decimal | None = None
    submitted: int = 0
    adopted: int = 0
    status: str | None = None
    at_risk: bool = False
    problem: DataError | None = None
    passed_over: tuple[str, ...] = ()  # the kinds of events that kept it from commendation
    # A closed year (its outcome recorded by close-year) whose record for this point is not
    # ``status`` as computed now (the data changed since): the recorded status, and the day
    # the year's outcome was recorded. ``points show`` shows the record (it is the record),
    # with the computed figures beside it.
    recorded: str | None = None
    recorded_on: dt.date | None = None


def years_on_record(folder: Folder) -> list[int]:
    """The years that have submissions in the folder."""
    return sorted({s.date.year for s in folder.submissions})


def point_years(folder: Folder, point: Point, today: dt.date) -> list[YearRow]:
    """``point``'s rank, score and status in every year on record (as of its last day, or
    today for the running year), from the same scoring as ``govinfo score``; a year before
    the point's history begins is not its year (it was not yet in the registry)."""
    rows = []
    closed = recorded_years(folder.points)
    for year in years_on_record(folder):
        as_of = default_as_of(year, today)
        try:
            result = score_year(folder, year, as_of)
        except DataError as exc:
            rows.append(YearRow(year, as_of, problem=exc))
            continue
        s = result.standing_of(point.id)
        if s is None:
            if any(ev.date.year <= year for ev in point.history):  # else: not yet registered
                rows.append(YearRow(year, as_of))
            continue
        rows.append(
            YearRow(
                year,
                as_of,
                rank=s.rank,
                score=s.score,
                submitted=s.counts.submitted,
                adopted=s.counts.adopted,
                status=s.status.value,
                at_risk=s.at_risk,
                passed_over=passed_over(result).get(point.id, ()),
                **_as_recorded(point, result, s.status, closed),
            )
        )
    return rows


def _as_recorded(
    point: Point, result: YearScore, computed: Status, closed: dict[int, dt.date]
) -> dict[str, Any]:
    """A :class:`YearRow`'s ``recorded`` and ``recorded_on`` (empty: the year is not closed,
    or its record for the point is what is computed now)."""
    if not result.final or result.year not in closed:
        return {}
    status, day = recorded_status(point, result.year, computed)
    if status is computed:
        return {}
    return {"recorded": status.value, "recorded_on": day or closed[result.year]}


class PointCard(msgspec.Struct, frozen=True, gc=False):
    """What ``points show`` prints of one point: its state today, its parent (a county's
    city, when registered) and its years."""

    state: PointState
    parent: Point | None
    years: tuple[YearRow, ...]


def point_card(folder: Folder, point: Point, today: dt.date) -> PointCard:
    parent = folder.point(point.parent) if point.parent else None
    return PointCard(point_state(point, today), parent, tuple(point_years(folder, point, today)))


# --- checks before writing ---------------------------------------------------------------------


class RegistryProblem(msgspec.Struct, frozen=True, gc=False):
    """Why an edit of the registry is refused: ``code`` names the check (``bad_id``,
    ``id_taken``, ``not_holding`` …), ``facts`` the values it found; render phrases it. A
    :class:`~govinfo.model.Tier`, :class:`~govinfo.model.HistoryKind` or
    :class:`~govinfo.model.PointKind` among the facts is read as its name."""

    code: str
    facts: dict[str, object]


def _problem(code: str, **facts: object) -> RegistryProblem:
    return RegistryProblem(code, facts)


def _names(p: Point) -> Iterable[str]:
    yield p.id
    yield p.name
    if p.short:
        yield p.short
    yield from p.aliases


def new_point_problems(
    folder: Folder,
    *,
    point_id: str,
    name: str,
    short: str | None,
    aliases: Sequence[str],
    kind: PointKind,
    parent: str | None,
    parent_point: Point | None,
    id_ok: bool,
    parent_hint: str | None = None,
) -> list[RegistryProblem]:
    """Everything wrong with a new point (empty: fine).
    ``id_ok``: the id matches the slug pattern and is not a reserved device name (the loader's
    own test, passed in so that this layer need not import the loader). ``parent`` is the
    ``--parent`` as given, ``parent_point`` the point it names (None: none), ``parent_hint``
    the closest name when it names none."""
    problems: list[RegistryProblem] = []
    if not id_ok:
        problems.append(_problem("bad_id", id=point_id, pattern=ID_RE_TEXT))
    for p in folder.points:
        if p.id == point_id:
            problems.append(_problem("id_taken", id=point_id, name=p.name))
        elif p.id.casefold() == point_id.casefold():
            problems.append(_problem("id_case", id=point_id, other=p.id))
    if not fold(name):
        problems.append(_problem("empty", field="--name"))
    # Names are compared as imports match them (folded): one that folds to a name already used
    # would make every later import naming it ambiguous.
    taken: dict[str, tuple[Point, str]] = {}
    for p in folder.points:
        for n in _names(p):
            taken.setdefault(fold(n), (p, n))
    given = [("--name", name)]
    if short is not None:
        given.append(("--short", short))
    given += [("--alias", a) for a in aliases]
    seen: set[str] = set()
    for option, text in given:
        if bad := control_characters(text):
            problems.append(_problem("control", option=option, chars=" ".join(bad)))
            continue
        limit = MAX_SHORT if option == "--short" else MAX_NAME
        if len(text.strip()) > limit:
            problems.append(_problem("too_long", option=option, n=len(text.strip()), limit=limit))
            continue
        key = fold(text)
        if not key:
            if option != "--name":  # an empty name is named above
                problems.append(_problem("empty", field=option))
            continue
        other, as_written = taken.get(key, (None, ""))
        if other is not None and other.id != point_id:
            if as_written == text:
                problems.append(_problem("name_taken", option=option, value=text, other=other.id))
            else:
                problems.append(
                    _problem(
                        "name_folds", option=option, value=text, other=other.id, name=as_written
                    )
                )
        if key in seen and option == "--alias":
            problems.append(_problem("alias_repeat", value=text))
        seen.add(key)
    if parent is not None:
        problems += _parent_problems(point_id, kind, parent, parent_point, parent_hint)
    return problems


def _parent_problems(
    point_id: str, kind: PointKind, parent: str, found: Point | None, hint: str | None
) -> list[RegistryProblem]:
    """SPEC: ``parent`` is a county's city."""
    if kind is not PointKind.COUNTY:
        return [_problem("parent_not_county", parent=parent, kind=kind)]
    if parent == point_id:
        return [_problem("parent_self")]
    if found is None:
        return [_problem("parent_unknown", parent=parent, hint=hint or "")]
    if found.kind is not PointKind.CITY:
        return [_problem("parent_not_city", parent=parent, id=found.id, kind=found.kind)]
    return []


def history_problem(
    point: Point, event: HistoryKind, tier: Tier, day: dt.date
) -> RegistryProblem | None:
    """Why ``event`` (retired or reinstated) for ``tier`` on ``day`` cannot be recorded, or None.

    An event that enters or leaves a tier must change whether the point holds it from ``day``
    (:func:`~govinfo.holding.idle_event`, the judgement ``check`` warns with); one that
    would not is refused with the reason: the point does not hold the tier, already holds it, or left it
    on that same day (SPEC: a return and a leaving event on one day leave the tier not held)."""
    named = {"id": point.id, "point": point.label}
    if tier not in point.tiers:
        return _problem("tier_unlisted", **named, tier=tier.value)
    last = latest(point.history)
    if last is not None and day < last.date:
        return _problem("date_order", **named, date=day.isoformat(), latest=last.date.isoformat())
    if event in ENTERING or event in LEAVING:
        history = (*point.history, HistoryEvent(day, event, tier=tier))
        idle = idle_event(history, len(point.history))
        if idle is not None:
            return _unchanged(point, event, idle, tier, day)
    if event is HistoryKind.REINSTATED and not any(
        ev.event is HistoryKind.ADMITTED and ev.tier is tier and ev.date <= day
        for ev in point.history
    ):
        return _problem("never_admitted", **named, tier=tier)
    return None


def _last_of(
    point: Point, kinds: tuple[HistoryKind, ...], tier: Tier, day: dt.date
) -> HistoryEvent | None:
    """The point's latest event of ``kinds`` for ``tier`` on or before ``day`` (of one day's
    events, the last written)."""
    return latest(
        ev for ev in point.history if ev.event in kinds and ev.tier is tier and ev.date <= day
    )


def _unchanged(
    point: Point, event: HistoryKind, idle: IdleEvent, tier: Tier, day: dt.date
) -> RegistryProblem:
    """Why ``event`` would leave the point's holding of ``tier`` from ``day`` as it is, with
    the event that put it where it is (the leaving or the entering, and its day)."""
    named = {"id": point.id, "point": point.label, "tier": tier}
    if event in LEAVING:
        left = _last_of(point, LEAVING, tier, day)
        if left is None:  # never held it by that day
            return _problem("not_holding", **named, date=day)
        return _problem(
            "not_holding_since", **named, date=day, left=left.event, since=left.date.isoformat()
        )
    if idle.held:
        entered = _last_of(point, ENTERING, tier, day)
        if entered is None:
            return _problem("already_holding", **named, date=day)
        return _problem(
            "already_holding_since",
            **named,
            date=day,
            entered=entered.event,
            since=entered.date.isoformat(),
        )
    if idle.left is not None:
        return _problem("left_same_day", **named, date=day.isoformat(), left=idle.left)
    return _problem("no_change", **named, date=day.isoformat())
