"""Changes to the registry ``points.yaml`` as text: history events inserted under their
points in date order and new points appended at the end, emitted by :mod:`govinfo.yamltext.emit` and spliced in
by :mod:`govinfo.yamltext.splice`, so that every comment and byte already in the file stays. The
write layer (:mod:`govinfo.store.write`) then writes the text and commits it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from govinfo.i18n import t
from govinfo.model import Tier
from govinfo.yamltext.emit import emit_list_item
from govinfo.yamltext.fields import CONTACT_FIELDS, HISTORY_FIELDS, POINT_FIELDS, in_field_order
from govinfo.yamltext.splice import NewItem, append_many, insert_records, worded

POINTS_FILE = "points.yaml"


def history_record(
    day: dt.date,
    event: str,
    *,
    tier: Tier = Tier.PROVINCIAL,
    year: int | None = None,
    reason: str | None = None,
) -> dict[str, object]:
    """A history event in SPEC's field order; the tier is left out when it is the default."""
    record: dict[str, object] = {
        "date": day,
        "event": event,
        "tier": None if tier is Tier.PROVINCIAL else tier.value,
        "year": year,
        "reason": reason or None,
    }
    return in_field_order(record, HISTORY_FIELDS)


def with_history(text: str, events: Sequence[tuple[str, Mapping[str, object]]]) -> str:
    """``text`` with each (point id, event) added to that point's ``history:`` at its place in
    date order (SPEC §1: a history is ordered by date), after any event of the same day: a
    close-year dated before a later ``points retire`` goes before the retirement, not after."""
    if not events:
        return text
    items = [
        (pid, NewItem(emit_list_item(in_field_order(ev, HISTORY_FIELDS)), _day(ev.get("date"))))
        for pid, ev in events
    ]
    with worded(t):
        return append_many(text, items, "history", path=POINTS_FILE, key_order=POINT_FIELDS).text


def _day(value: object) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value or "")


def point_record(
    *,
    point_id: str,
    name: str,
    kind: str,
    tiers: Sequence[Tier],
    history: Sequence[Mapping[str, object]],
    short: str | None = None,
    aliases: Sequence[str] = (),
    parent: str | None = None,
    contact_name: str | None = None,
    contact_phone: str | None = None,
) -> dict[str, object]:
    """A new point in SPEC's field order (empty optional fields left out)."""
    contact = in_field_order({"name": contact_name, "phone": contact_phone}, CONTACT_FIELDS)
    record: dict[str, object] = {
        "id": point_id,
        "name": name,
        "short": short or None,
        "aliases": list(aliases) or None,
        "kind": kind,
        "parent": parent or None,
        "tiers": [tier.value for tier in tiers],
        "contact": contact if contact_name or contact_phone else None,
        "history": [dict(h) for h in history],
    }
    return in_field_order(record, POINT_FIELDS)


def with_point(text: str, record: Mapping[str, object]) -> str:
    """``text`` with the point ``record`` appended after the last point."""
    with worded(t):
        return insert_records(text, [NewItem(emit_list_item(record))], path=POINTS_FILE).text
