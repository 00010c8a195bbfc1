"""The fast path for a plain registry (``points.yaml``), as :mod:`govinfo.load.fast` is for
submission files: yaml-rs reads the values, a scan of the lines the positions, and typed checks
written to match ``_read_point`` (:mod:`govinfo.load.records`) build the very points the strict
reader builds — or decline, and the strict reader reads the file.

A registry is plain by the same grammar as a submission file (records that each start
``- id: ...``, ``contact`` a mapping at four spaces, ``history`` a list of mappings, ``tiers``
and ``aliases`` lists). The positions a point carries are its ``id`` key (the record's source)
and its ``parent`` value (a reference to another point); a field at two spaces is a point's own.

Beyond what :mod:`govinfo.load.fast` declines (a value YAML 1.1 would read as other than text,
any yaml-rs error, …), anything the strict reader would report makes this decline: an unknown
field, a missing or null required field, a tier listed twice, a history event for a tier the
point does not list, a history out of date order, an event that changes nothing or a name
longer than ``points add`` takes (warnings),
a ``parent`` on a point that is not a county, and a ``year`` not written in decimal digits — yaml-rs reads ``0x7D3`` as a number, the strict reader refuses it.
``tests/load/test_fast_points.py`` holds the two paths to identical results.
"""

from __future__ import annotations

import datetime as dt
import re
from itertools import pairwise
from typing import Any

from govinfo.load.fast import _Decline, _text, plain_values  # the submission path's, shared
from govinfo.load.filereader import POINT_ID_RE, RESERVED_NAMES, ParsedFile, Ref
from govinfo.load.history import idle_events
from govinfo.load.schema import _DATE_RE, MAX_NUMBER  # the strict reader's own
from govinfo.model import (
    Contact,
    HistoryEvent,
    HistoryKind,
    Point,
    PointKind,
    SourceRef,
    Tier,
)
from govinfo.text import MAX_NAME, MAX_SHORT

_POSITIONS = re.compile(
    r"^(?:(?P<id>- )id|  (?P<parent>parent)|    (?P<phone>phone)):[ ]*", re.MULTILINE
)
# Every ``year`` of a plain registry is a history event's (a ``year`` key elsewhere is an
# unknown field, which declines): its text as written.
_YEAR_TEXT = re.compile(r"^(?:    - |      )year:[ ]*+([^ \n]*)", re.MULTILINE)
_DECIMAL = re.compile(r"[-+]?[0-9]+")

_POINT_KEYS = frozenset(Point.__struct_fields__) - {"source"}
_CONTACT_KEYS = frozenset(Contact.__struct_fields__)
_HISTORY_KEYS = frozenset(HistoryEvent.__struct_fields__)
_DATES: dict[str, dt.date] = {}
_KIND = {m.value: m for m in PointKind}
_TIER = {m.value: m for m in Tier}
_EVENT = {m.value: m for m in HistoryKind}


class _Where:
    """What one point's record needs from its lines: the ``id`` key's line, the position of
    the ``parent`` value, and whether the contact's ``phone`` is quoted (a phone number is
    digits: the strict reader takes it quoted as text, and yaml-rs does not say which it was;
    in a plain registry a key at four spaces is the contact's, any other mapping there
    declines)."""

    __slots__ = ("id", "parent", "phone_quoted")

    def __init__(self, line: int) -> None:
        self.id = line
        self.parent: tuple[int, int] | None = None
        self.phone_quoted = False


def _positions(text: str) -> list[_Where]:
    """The positions of each point of a plain registry, in file order."""
    out: list[_Where] = []
    line = 1
    last = 0
    for m in _POSITIONS.finditer(text):
        start = m.start()
        line += text.count("\n", last, start)
        last = start
        what = m.lastgroup
        if what == "id":
            out.append(_Where(line))
        elif not out:  # pragma: no cover - the grammar starts every file with a record
            raise _Decline
        elif what == "parent":
            out[-1].parent = (line, m.end() - start + 1)
        else:
            out[-1].phone_quoted = text.startswith(("'", '"'), m.end())
    return out


def _date(value: Any) -> dt.date:
    day = _DATES.get(value) if type(value) is str else None
    if day is not None:
        return day
    m = _DATE_RE.match(value) if type(value) is str else None
    if m is None:
        raise _Decline
    try:
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        raise _Decline from None
    if len(_DATES) > 100_000:
        _DATES.clear()
    _DATES[value] = day
    return day


def _enum(value: Any, members: dict[str, Any]) -> Any:
    member = members.get(value) if type(value) is str else None
    if member is None:
        raise _Decline
    return member


def _items(value: Any) -> list[Any]:
    if type(value) is not list:
        raise _Decline
    return value


def _mapping(value: Any, keys: frozenset[str]) -> dict[str, Any]:
    """A mapping with only known keys (an unknown key is a warning of the strict reader)."""
    if type(value) is not dict or not keys.issuperset(value):
        raise _Decline
    return value


def _point_id(value: Any) -> str:
    text = _text(value)
    if not POINT_ID_RE.fullmatch(text) or text in RESERVED_NAMES:
        raise _Decline
    return text


def _name(value: Any, limit: int) -> str:
    """A name, short name or alias; one longer than ``points add`` takes is a warning of the
    strict reader."""
    text = _text(value)
    if len(text.strip()) > limit:
        raise _Decline
    return text


def _contact(value: Any, phone_quoted: bool) -> Contact:
    fields = _mapping(value, _CONTACT_KEYS)
    kw = {}
    name = fields.get("name")
    if name is not None:
        kw["name"] = _text(name)
    phone = fields.get("phone")
    if phone is not None:
        kw["phone"] = _quoted_text(phone) if phone_quoted else _text(phone)
    return Contact(**kw)


def _quoted_text(value: Any) -> str:
    """A quoted scalar's text as the strict reader takes it: any text but blank (a quoted
    scalar of a plain file holds no control character and no escape)."""
    if type(value) is not str or not value.strip():
        raise _Decline
    return value


def _history_event(value: Any, tiers: tuple[Tier, ...]) -> HistoryEvent:
    e = _mapping(value, _HISTORY_KEYS)
    kw: dict[str, Any] = {}
    tier = e.get("tier")
    tier = Tier.PROVINCIAL if tier is None else _enum(tier, _TIER)
    if tier not in tiers:
        raise _Decline
    kw["tier"] = tier
    year = e.get("year")
    if year is not None:
        if type(year) is not int or not 1900 <= year < MAX_NUMBER:
            raise _Decline
        kw["year"] = year
    reason = e.get("reason")
    if reason is not None:
        kw["reason"] = _text(reason)
    return HistoryEvent(_date(e.get("date")), _enum(e.get("event"), _EVENT), **kw)


def _point(raw: Any, where: _Where, path: str, refs: list[Ref]) -> Point:
    """One point as the strict reader reads it, appending its parent reference to ``refs``;
    a null optional field is as if absent."""
    v = _mapping(raw, _POINT_KEYS)
    get = v.get
    tiers = tuple(_enum(tier, _TIER) for tier in _items(get("tiers")))
    if len(set(tiers)) != len(tiers):
        raise _Decline
    history = tuple(_history_event(e, tiers) for e in _items(get("history")))
    if any(later.date < earlier.date for earlier, later in pairwise(history)):
        raise _Decline  # a warning of the strict reader
    if idle_events(history):
        raise _Decline  # a warning of the strict reader at the event
    kw: dict[str, Any] = {}
    value = get("short")
    if value is not None:
        kw["short"] = _name(value, MAX_SHORT)
    value = get("aliases")
    if value is not None:
        kw["aliases"] = tuple(_name(alias, MAX_NAME) for alias in _items(value))
    kind = _enum(get("kind"), _KIND)
    value = get("parent")
    if value is not None:
        if where.parent is None:  # pragma: no cover - the scan finds every parent key
            raise _Decline
        if kind is not PointKind.COUNTY:  # only a county has a parent (SPEC)
            raise _Decline
        kw["parent"] = _point_id(value)
        refs.append(Ref("parent", value, *where.parent))
    value = get("contact")
    if value is not None:
        kw["contact"] = _contact(value, where.phone_quoted)
    return Point(
        _point_id(get("id")),
        _name(get("name"), MAX_NAME),
        kind,
        tiers,
        history,
        SourceRef(path, where.id, 3),
        **kw,
    )


def fast_points(path: str, data: bytes, limit: int | None = None) -> ParsedFile | None:
    """``points.yaml`` read by the fast path, exactly as ``parse_file`` would read it — or None
    when the file is not plain or anything in it is a problem, and the strict reader must
    read it. ``limit``: ``GOVINFO_MAX_FILE_MB`` in bytes (None: read it now)."""
    plain = plain_values(data, limit)
    if plain is None:
        return None
    scan, raw = plain
    if not all(_DECIMAL.fullmatch(text) for text in _YEAR_TEXT.findall(scan)):
        return None
    refs: list[Ref] = []
    try:
        wheres = _positions(scan)
        if type(raw) is not list or len(raw) != len(wheres):
            return None
        records = tuple(
            _point(item, where, path, refs) for item, where in zip(raw, wheres, strict=True)
        )
    except _Decline:
        return None
    return ParsedFile(path, "points", records, (), tuple(refs))
