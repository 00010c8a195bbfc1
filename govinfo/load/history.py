"""History events that change nothing: the check ``check`` makes of each point's history
(a warning at the event), and the fast registry reader declines on."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import msgspec

from govinfo.load.filereader import FileReader
from govinfo.model import HistoryEvent, HistoryKind, Tier
from govinfo.yamltext.reader import Mapping, Scalar

_ENTERING = (HistoryKind.ADMITTED, HistoryKind.REINSTATED)
_LEAVING = (HistoryKind.DISQUALIFIED, HistoryKind.RETIRED)
# Written by a clerk (``points add/retire/reinstate``, by hand) to enter or leave a tier. A
# ``disqualified`` event records the year's assessment, made by close-year after the year: it
# stands for that even where the point had left already, and a retirement recorded after it
# (before close-year inserted it in date order) is the clerk's record of leaving for good.
_CHECKED = (HistoryKind.ADMITTED, HistoryKind.REINSTATED, HistoryKind.RETIRED)


class IdleEvent(msgspec.Struct, frozen=True, gc=False):
    """A history event that does not change whether the point holds its tier (see
    :func:`idle_events`): ``index`` into the history as given; ``held`` whether the tier is
    held at the end of that day without it; ``left`` the leaving event of that same day when
    that is why (a return on the day of a leaving still leaves the tier not held)."""

    index: int
    held: bool
    left: HistoryKind | None = None


def _held(events: Sequence[HistoryEvent], day: dt.date) -> bool:
    """:meth:`Point.holds` of ``events`` (one tier's) at the end of ``day``."""
    ins = [e.date for e in events if e.event in _ENTERING and e.date <= day]
    outs = [e.date for e in events if e.event in _LEAVING and e.date <= day]
    return bool(ins) and (not outs or max(ins) > max(outs))


def _alternates(history: Sequence[HistoryEvent]) -> bool:
    """Whether each tier's entering and leaving events, as given, alternate from an entering
    one on days that strictly follow each other: then every one of them changes whether the
    tier is held (an entering one follows a leaving one of an earlier day, or none; a leaving
    one an entering one of an earlier day), and none is idle."""
    last: dict[Tier, tuple[dt.date, bool]] = {}
    for e in history:
        entering = e.event in _ENTERING
        if not entering and e.event not in _LEAVING:
            continue
        prev = last.get(e.tier)
        if prev is None and not entering:
            return False
        if prev is not None and (prev[1] == entering or prev[0] >= e.date):
            return False
        last[e.tier] = (e.date, entering)
    return True


def idle_events(history: Sequence[HistoryEvent]) -> list[IdleEvent]:
    """The admitted, reinstated and retired events of ``history`` that change nothing: whether
    the point holds the event's tier at the end of its day (:meth:`Point.holds`) is the same
    with and without it. Such an event changes nothing on a later day either: a later day's
    answer depends on it only when it is the latest event of its kind by then, and then no
    event of the other kind lies between, so its own day's answer would depend on it too.

    Of two identical events (same day, kind and tier) only the later is named: each alone
    changes nothing while the other is there. A retirement after a disqualification is not
    named (see ``_CHECKED``)."""
    return [] if _alternates(history) else _judged(history)  # the common history: one pass


def _judged(history: Sequence[HistoryEvent]) -> list[IdleEvent]:
    """:func:`idle_events`, each event judged on its own."""
    idle: list[IdleEvent] = []
    for i, ev in enumerate(history):
        if ev.event not in _CHECKED:
            continue
        same = (ev.date, ev.event, ev.tier)
        others = [
            e
            for j, e in enumerate(history)
            if j != i
            and e.tier is ev.tier
            and e.date <= ev.date
            and not (j > i and (e.date, e.event, e.tier) == same)
        ]
        without = _held(others, ev.date)
        if _held([*others, ev], ev.date) != without:
            continue
        outs = [e for e in others if e.event in _LEAVING]
        last_out = max((e.date for e in outs), default=None)
        latest = [e.event for e in outs if e.date == last_out]
        if ev.event is HistoryKind.RETIRED and HistoryKind.DISQUALIFIED in latest:
            continue
        left = latest[-1] if ev.event in _ENTERING and last_out == ev.date else None
        idle.append(IdleEvent(i, without, left))
    return idle


def warn_idle(
    r: FileReader,
    point_id: str,
    pairs: tuple[tuple[HistoryEvent, Mapping], ...],
    tiers: tuple[Tier, ...],
) -> None:
    """A warning at each history event that changes nothing (:func:`idle_events`): a return on
    the day of a leaving, an admission of a point that holds the tier, a retirement of one that
    does not. Scoring reads the history as it is (SPEC); the clerk is told the event is idle."""
    events = [event for event, _node in pairs]
    for idle in idle_events(events):
        event, ev_node = pairs[idle.index]
        if event.tier not in tiers:
            continue  # an error already (history_tier_unlisted)
        at = ev_node.get("event") or ev_node
        line, col = (at.line, at.col) if isinstance(at, Scalar) else ev_node.first_key_pos()
        facts = {"id": point_id, "date": event.date.isoformat(), "tier": event.tier.value}
        if idle.left is not None:
            r.warning(line, col, "history_idle_same_day", left=idle.left.value, **facts)
        else:
            key = "history_idle_held" if idle.held else "history_idle_not_held"
            r.warning(line, col, key, event=event.event.value, **facts)
