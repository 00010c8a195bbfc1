"""Rows as records: a row type (a msgspec Struct) declares its fields once, in the order of
SPEC §3's keys; the CSV header and the JSON/CSV records are derived from it here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from decimal import Decimal
from enum import Enum
from typing import Any

import msgspec

from govinfo.reports.numbers import tidy


def keys_of(row_type: type[msgspec.Struct], *, omit: Collection[str] = ()) -> tuple[str, ...]:
    """The record keys of ``row_type``: its fields in declaration order, less ``omit`` (fields
    for tables only)."""
    return tuple(name for name in row_type.__struct_fields__ if name not in omit)


def as_record(row: msgspec.Struct, keys: Sequence[str]) -> dict[str, Any]:
    """``row`` as a record under ``keys``: scores tidied (at most 2 decimals), dates as ISO
    text, enums as their values; everything else as is."""
    out: dict[str, Any] = {}
    for key in keys:
        value = getattr(row, key)
        if isinstance(value, Decimal):
            value = tidy(value)
        elif isinstance(value, dt.date):
            value = value.isoformat()
        elif isinstance(value, Enum):
            value = value.value
        out[key] = value
    return out
