"""Whether a history event changes whether a point holds its tier (pure; imports only the
model): the one judgement behind ``check``'s warning at an idle event in ``points.yaml``
(load) and the refusal of ``points retire`` / ``points reinstate`` to add one (reports), and
which of several events is the latest (:func:`latest`). Usable by every layer, like the model
it reads."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import msgspec

from govinfo.model import HistoryEvent, HistoryKind, holds

ENTERING = (HistoryKind.ADMITTED, HistoryKind.REINSTATED)
LEAVING = (HistoryKind.DISQUALIFIED, HistoryKind.RETIRED)


def latest(events: Iterable[HistoryEvent]) -> HistoryEvent | None:
    """The latest of ``events`` by date; of one day's, the last written (a history is read in
    the order it is written). None for none."""
    found = None
    for ev in events:
        if found is None or ev.date >= found.date:
            found = ev
    return found


class IdleEvent(msgspec.Struct, frozen=True, gc=False):
    """A history event that does not change whether the point holds its tier (see
    :func:`idle_event`): ``index`` into the history as given; ``held`` whether the tier is
    held at the end of that day without it; ``left`` the leaving event of that same day when
    that is why (a return on the day of a leaving still leaves the tier not held);
    ``after_disqualification`` for a retirement whose point's latest leaving by then is a
    disqualification (``check`` lets it be: the clerk's record of leaving for
    good; ``points retire`` refuses it)."""

    index: int
    held: bool
    left: HistoryKind | None = None
    after_disqualification: bool = False


def idle_event(history: Sequence[HistoryEvent], index: int) -> IdleEvent | None:
    """Why ``history[index]`` (an entering or leaving event) changes nothing, or None when it
    changes something: whether the point holds the event's tier at the end of its day
    (:func:`holds`) is the same with and without it. ``check`` warns at such an event in the
    file; ``points retire/reinstate`` refuse to add one (the new event last).

    Of two identical events (same day, kind and tier) only the later is idle: each alone
    changes nothing while the other is there."""
    ev = history[index]
    same = (ev.date, ev.event, ev.tier)
    others = [
        e
        for j, e in enumerate(history)
        if j != index
        and e.tier is ev.tier
        and e.date <= ev.date
        and not (j > index and (e.date, e.event, e.tier) == same)
    ]
    without = holds(others, ev.tier, ev.date)
    if holds([*others, ev], ev.tier, ev.date) != without:
        return None
    outs = [e for e in others if e.event in LEAVING]
    last_out = max((e.date for e in outs), default=None)
    latest = [e.event for e in outs if e.date == last_out]
    left = latest[-1] if ev.event in ENTERING and last_out == ev.date else None
    after = ev.event is HistoryKind.RETIRED and HistoryKind.DISQUALIFIED in latest
    return IdleEvent(index, without, left, after)
