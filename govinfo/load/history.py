"""History events that change nothing: the check ``check`` makes of each point's history
(a warning at the event), the fast registry reader declines on, and ``points retire`` and
``points reinstate`` refuse to add (:func:`govinfo.holding.idle_event`, one judgement for
all three)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from govinfo.holding import ENTERING, LEAVING, IdleEvent, idle_event
from govinfo.i18n import t
from govinfo.load.filereader import FileReader
from govinfo.model import HistoryEvent, HistoryKind, Tier
from govinfo.yamltext.reader import Mapping, Scalar

# Written by a clerk (``points add/retire/reinstate``, by hand) to enter or leave a tier. A
# ``disqualified`` event records the year's assessment, made by close-year after the year: it
# stands for that even where the point had left already, and a retirement recorded after it
# (before close-year inserted it in date order) is the clerk's record of leaving for good.
_CHECKED = (HistoryKind.ADMITTED, HistoryKind.REINSTATED, HistoryKind.RETIRED)


def _alternates(history: Sequence[HistoryEvent]) -> bool:
    """Whether each tier's entering and leaving events, as given, alternate from an entering
    one on days that strictly follow each other: then every one of them changes whether the
    tier is held (an entering one follows a leaving one of an earlier day, or none; a leaving
    one an entering one of an earlier day), and none is idle."""
    last: dict[Tier, tuple[dt.date, bool]] = {}
    for e in history:
        entering = e.event in ENTERING
        if not entering and e.event not in LEAVING:
            continue
        prev = last.get(e.tier)
        if prev is None and not entering:
            return False
        if prev is not None and (prev[1] == entering or prev[0] >= e.date):
            return False
        last[e.tier] = (e.date, entering)
    return True


def idle_events(history: Sequence[HistoryEvent]) -> list[IdleEvent]:
    """The admitted, reinstated and retired events of ``history`` that change nothing
    (:func:`~govinfo.holding.idle_event`), but for a retirement after a disqualification (see ``_CHECKED``).
    Such an event changes nothing on a later day either: a later day's answer depends on it
    only when it is the latest event of its kind by then, and then no event of the other kind
    lies between, so its own day's answer would depend on it too."""
    return [] if _alternates(history) else _judged(history)  # the common history: one pass


def _judged(history: Sequence[HistoryEvent]) -> list[IdleEvent]:
    """:func:`idle_events`, each event judged on its own."""
    idle: list[IdleEvent] = []
    for i, ev in enumerate(history):
        if ev.event not in _CHECKED:
            continue
        found = idle_event(history, i)
        if found is not None and not found.after_disqualification:
            idle.append(found)
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
        facts = {
            "id": point_id,
            "date": event.date.isoformat(),
            "tier": t(f"pt_tier_{event.tier.value}"),
            "event": t(f"pt_event_{event.event.value}"),
            "event_value": event.event.value,
        }
        if idle.left is not None:
            left = t(f"pt_event_{idle.left.value}")
            r.warning(line, col, "history_idle_same_day", left=left, **facts)
        else:
            key = "history_idle_held" if idle.held else "history_idle_not_held"
            r.warning(line, col, key, **facts)
