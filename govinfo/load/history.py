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
# Written by a clerk (``points add/retire/reinstate``, by hand) to enter or leave a tier; a
# ``disqualified`` event records the year's assessment too, and stands for that even when the
# point had left the tier already (retired between the year's end and close-year).
_CHECKED = (HistoryKind.ADMITTED, HistoryKind.REINSTATED, HistoryKind.RETIRED)


class IdleEvent(msgspec.Struct, frozen=True, gc=False):
    """A history event that does not change whether the point holds its tier (see
    :func:`idle_events`): ``index`` into the history as given; ``held`` whether the tier was
    held before it; ``left`` the leaving event of that same day when it is one (a return on the
    day of a leaving still leaves the tier not held)."""

    index: int
    held: bool
    left: HistoryKind | None = None


def idle_events(history: Sequence[HistoryEvent]) -> list[IdleEvent]:
    """The admitted, reinstated and retired events of ``history`` that change nothing: replayed
    in date order (the order given for one day), an event is idle when whether the point holds
    its tier at the end of that day (:meth:`Point.holds`) is the same with and without it. Such
    an event can change nothing on a later day either (that day's answer depends on it only
    through the latest event of its kind, which is this one, on its own day already)."""
    last_in: dict[Tier, dt.date] = {}
    last_out: dict[Tier, tuple[dt.date, HistoryKind]] = {}
    idle: list[IdleEvent] = []

    def held(in_day: dt.date | None, out_day: dt.date | None) -> bool:
        return in_day is not None and (out_day is None or in_day > out_day)

    for i in sorted(range(len(history)), key=lambda i: history[i].date):
        ev = history[i]
        in_day = last_in.get(ev.tier)
        out = last_out.get(ev.tier)
        out_day = None if out is None else out[0]
        before = held(in_day, out_day)
        if ev.event in _ENTERING:
            after = held(ev.date, out_day)
            last_in[ev.tier] = ev.date
        elif ev.event in _LEAVING:
            after = held(in_day, ev.date)
            last_out[ev.tier] = (ev.date, ev.event)
        else:
            continue
        if ev.event in _CHECKED and before == after:
            same_day = out is not None and out[0] == ev.date and ev.event in _ENTERING
            idle.append(IdleEvent(i, before, out[1] if same_day and out is not None else None))
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
