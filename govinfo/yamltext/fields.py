"""SPEC §1's field order per record type, and :func:`in_field_order` to put a record into it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

SETTINGS_FIELDS = ("format", "office", "province", "language")
POINT_FIELDS = ("id", "name", "short", "aliases", "kind", "parent", "tiers", "contact", "history")
CONTACT_FIELDS = ("name", "phone")
HISTORY_FIELDS = ("date", "event", "tier", "year", "reason")
SUBMISSION_FIELDS = (
    "id",
    "date",
    "title",
    "category",
    "co_submitters",
    "solicitation",
    "occurred_at",
    "reported_at",
    "reviewer",
    "classification",
    "adoptions",
    "instructions",
    "flags",
    "note",
)
ADOPTION_FIELDS = ("publication", "date", "mode", "issue")
INSTRUCTION_FIELDS = ("leader", "rank", "date", "note")
SOLICITATION_FIELDS = ("id", "issued", "due", "topic", "points")
ADJUSTMENT_FIELDS = ("id", "point", "date", "kind", "points", "reason", "submission")


def in_field_order(record: Mapping[str, object], fields: Sequence[str]) -> dict[str, object]:
    """``record`` with the keys named in ``fields`` first, in that order, then any others in the
    record's own order (so that an unknown field the clerk wrote is kept, not dropped)."""
    ordered = {key: record[key] for key in fields if key in record}
    for key, value in record.items():
        if key not in ordered:
            ordered[key] = value
    return ordered
