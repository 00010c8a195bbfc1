"""The fast path for plain submission files: yaml-rs reads the values, a byte-level scan the
positions, and typed checks build the very records the strict reader builds — or decline.

A file is "plain" when its whole text matches :data:`_PLAIN_FILE`: a block list of records
that each start ``- id: ...``, fields at two spaces, items of a field's list at four (``    - x``
or ``    - key: value`` with further keys at six), every scalar on one line, plain or quoted
without escapes, flow lists only of bare words, and comments and blank lines anywhere. That
grammar leaves out everything the strict profile judges by position or that a YAML 1.2 reader
treats differently from PyYAML: anchors, aliases, tags, directives, ``?`` and ``<<`` keys,
several documents, tabs, CR, a BOM, control and line-separator characters, block and
multi-line scalars, escapes. In such a file every line's role follows from its indentation, so
the positions the records and references carry (the ``id`` key, the ``date``, ``solicitation``
and ``publication`` values, each co-submitter) are read off the lines directly.

Any doubt declines: a value that the strict reader would report (wrong type, bad pattern,
unknown field, missing reviewer, a date in another month, …), a value PyYAML's YAML 1.1 would
read as something other than text (``yes``, ``010``, ``12:30``), or any error of yaml-rs. A
declined file goes to the positional reader, which alone produces problems, so messages and
positions stay those of the strict reader. ``tests/load/test_fast_yaml.py`` holds the two paths
to identical results on mutated and generated files.

The fast path is off when yaml-rs cannot be imported (a platform without its wheels) or when
``GOVINFO_FAST_YAML=0``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import msgspec
import yaml

from govinfo import settings
from govinfo.load.filereader import (
    MAX_LATE_DAYS,
    POINT_ID_RE,
    RECORD_ID_RE,
    RESERVED_NAMES,
    SUBMISSION_ID_RE,
    SUBMISSION_PATH,
    ParsedFile,
    Ref,
)
from govinfo.load.schema import _DATETIME_RE, yaml11_kind  # the strict reader's own
from govinfo.model import (
    Adoption,
    Category,
    Classification,
    Flag,
    Instruction,
    Mode,
    Rank,
    SourceRef,
    Submission,
)
from govinfo.text import BIDI_CONTROLS

_loads: Callable[..., Any] | None
try:
    from yaml_rs import loads as _rs_loads

    _loads = _rs_loads
except ImportError:  # pragma: no cover - a platform without yaml-rs wheels
    _loads = None


def available() -> bool:
    """Whether yaml-rs could be imported."""
    return _loads is not None


def enabled() -> bool:
    """Whether the fast path runs: yaml-rs is importable and ``GOVINFO_FAST_YAML`` is not 0."""
    return _loads is not None and settings.fast_yaml()


# --- the grammar of a plain file --------------------------------------------------------------

# Characters no plain file holds: C0 controls (tab, CR included), DEL, C1 controls (NEL), NBSP,
# the line and paragraph separators (line breaks to PyYAML, not to YAML 1.2), BOM, non-characters,
# and the bidi controls the strict reader refuses in text.
_BAD = r"\x00-\x1f\x7f-\xa0\u2028\u2029\ufeff\ufffe\uffff" + "".join(sorted(BIDI_CONTROLS))
_C = rf"[^{_BAD} :#]"  # a character of a plain scalar other than space, ':' and '#'
_FIRST = rf"[^{_BAD} \-?:,\[\]{{}}#&*!|>'\"%@`]"  # no indicator may start a plain scalar
# A run of ordinary characters is taken as one step (``++``), not a step a character: the same
# texts match in a quarter less time.
_PLAIN = rf"{_FIRST}(?:{_C}++|:(?={_C})|\#|[ ]++(?=[^ \n#:]))*+"
_SQ = rf"'(?:[^'{_BAD}]++|'')*+'"
_DQ = rf'"[^"\\{_BAD}]*+"'
_WORD = r"[A-Za-z0-9][A-Za-z0-9._-]*+"
_FLOW = rf"\[[ ]*+(?:{_WORD}(?:[ ]*+,[ ]*+{_WORD})*+)?[ ]*+\]"
_SCALAR = rf"(?:{_PLAIN}|{_SQ}|{_DQ})"
_VALUE = rf"(?:{_SCALAR}|{_FLOW})"
_COMMENT = rf"\#[^{_BAD}]*+"  # a CR or NEL in a comment would end the line for PyYAML
_TAIL = rf"(?:[ ]++{_COMMENT}|[ ]*+)\n"
_IGN = rf"(?:[ ]*+(?:{_COMMENT})?\n)*+"
_KEY = r"[a-z_]++:"
_ITEM_FIELD = rf"[ ]{{6}}{_KEY}(?:[ ]++{_VALUE})?{_TAIL}"
_ITEM_MAP = rf"[ ]{{4}}-[ ]{_KEY}(?:[ ]++{_VALUE})?{_TAIL}(?:{_IGN}{_ITEM_FIELD})*"
_ITEM_SCALAR = rf"[ ]{{4}}-[ ]{_SCALAR}{_TAIL}"
_BLOCK = (
    rf"(?:(?:{_IGN}(?:{_ITEM_MAP}|{_ITEM_SCALAR}))++"
    rf"|(?:{_IGN}[ ]{{4}}{_KEY}(?:[ ]++{_VALUE})?{_TAIL})++)"
)
_FIELD = rf"[ ]{{2}}{_KEY}(?:[ ]++{_VALUE}{_TAIL}|{_TAIL}{_BLOCK}?)"
_RECORD = rf"-[ ]id:[ ]++{_SCALAR}{_TAIL}(?:{_IGN}{_FIELD})*"
_PLAIN_FILE = re.compile(rf"{_IGN}(?:{_RECORD}{_IGN})++")

# The lines whose positions a submission's record and references carry; in a plain file a
# line's indentation says what it is.
_POSITIONS = re.compile(
    r"^(?:(?P<id>- )id|  (?P<date>date)|  (?P<sol>solicitation)|  (?P<co>co_submitters)"
    r"|(?:    - |      )(?P<pub>publication)):[ ]*",
    re.MULTILINE,
)
_BLOCK_ITEM = re.compile(rf"{_IGN}    - ")
_WORD_RE = re.compile(_WORD)


class _Decline(Exception):
    """The file is not for the fast path: the strict reader will read it."""


class _Where:
    """The positions one submission's record and references need."""

    __slots__ = ("co", "date", "id", "pubs", "sol")

    def __init__(self, line: int) -> None:
        self.id = line
        self.date: tuple[int, int] | None = None
        self.sol: tuple[int, int] | None = None
        self.co: list[tuple[int, int]] = []
        self.pubs: list[tuple[int, int]] = []


def _positions(text: str) -> list[_Where]:
    """The positions of each record of a plain submission file, in file order."""
    out: list[_Where] = []
    cur: _Where | None = None
    line = 1
    last = 0
    count = text.count
    for m in _POSITIONS.finditer(text):
        start = m.start()
        line += count("\n", last, start)
        last = start
        what = m.lastgroup
        if what == "id":
            cur = _Where(line)
            out.append(cur)
            continue
        if cur is None:  # pragma: no cover - the grammar starts every file with a record
            raise _Decline
        pos = (line, m.end() - start + 1)
        if what == "date":
            cur.date = pos
        elif what == "sol":
            cur.sol = pos
        elif what == "pub":
            cur.pubs.append(pos)
        else:
            cur.co = _co_positions(text, m.end(), line, start)
    return out


def _co_positions(text: str, at: int, line: int, line_start: int) -> list[tuple[int, int]]:
    """Positions of the items of a ``co_submitters`` list whose value starts at ``at``."""
    if text.startswith("[", at):
        end = text.index("]", at)
        return [(line, m.start() + 1 - line_start) for m in _WORD_RE.finditer(text, at, end)]
    out: list[tuple[int, int]] = []
    pos = text.index("\n", at) + 1
    line += 1
    while m := _BLOCK_ITEM.match(text, pos):
        line += text.count("\n", pos, m.end())
        out.append((line, 7))
        pos = text.index("\n", m.end()) + 1
        line += 1
    return out


# --- typed reading, exactly as the strict reader reads a submission ---------------------------
#
# msgspec converts a file's list of mappings into the structs below in one call — types, enum
# values, dates, unknown and missing keys, where any failure declines; Python then checks what
# the types do not say (text as PyYAML reads it, patterns, the month, the days of events) and
# builds the model's records, whose array layout msgspec does not fill from a mapping.


class _AdoptionIn(msgspec.Struct, forbid_unknown_fields=True, gc=False):
    publication: str
    date: dt.date
    mode: Mode
    issue: str | None = None


class _InstructionIn(msgspec.Struct, forbid_unknown_fields=True, gc=False):
    leader: str
    rank: Rank
    date: dt.date
    note: str | None = None


class _SubmissionIn(msgspec.Struct, forbid_unknown_fields=True, gc=False):
    """A submission as a file gives it. ``reviewer`` must be there (without it the strict
    reader warns); a null optional field is as if absent, but the two times of an emergency
    are UNSET when absent: the strict reader asks for both keys, null or not."""

    id: str
    date: dt.date
    title: str
    category: Category
    reviewer: str | None
    co_submitters: tuple[str, ...] | None = None
    solicitation: str | None = None
    occurred_at: str | msgspec.UnsetType | None = msgspec.UNSET
    reported_at: str | msgspec.UnsetType | None = msgspec.UNSET
    classification: Classification | None = None
    adoptions: tuple[_AdoptionIn, ...] | None = None
    instructions: tuple[_InstructionIn, ...] | None = None
    flags: tuple[Flag, ...] | None = None
    note: str | None = None


_FILE = list[_SubmissionIn]
# The first characters of every plain scalar PyYAML would read as other than text.
_YAML11_FIRST = frozenset(yaml.resolver.Resolver.yaml_implicit_resolvers)
_UNSET = msgspec.UNSET
_EMERGENCY = Category.EMERGENCY
_INTERNAL = Classification.INTERNAL


def _text(value: Any, max_len: int = 0) -> str:
    """Text as the strict reader takes it (declining also quoted text that YAML 1.1 would read
    as another type when plain: yaml-rs does not say whether a scalar was quoted)."""
    if (
        type(value) is not str
        or (value[:1] in _YAML11_FIRST and yaml11_kind(value) != "str")
        or not value.strip()
        or (max_len and len(value) > max_len)
    ):
        raise _Decline
    return value


def _optional_text(value: str | None) -> str | None:
    return None if value is None else _text(value)


def _pattern(value: Any, regex: re.Pattern[str]) -> str:
    if not regex.fullmatch(_text(value)):
        raise _Decline
    return value  # type: ignore[no-any-return]


def _datetime(value: str | msgspec.UnsetType | None) -> dt.datetime | None:
    if value is None or value is _UNSET:
        return None
    m = _DATETIME_RE.match(value)
    if m is None:
        raise _Decline
    try:
        return dt.datetime(int(m[1]), int(m[2]), int(m[3]), int(m[4]), int(m[5]))
    except ValueError:
        raise _Decline from None


def _event_day(when: dt.date, day: dt.date) -> dt.date:
    if when < day or (when - day).days > MAX_LATE_DAYS:
        raise _Decline
    return when


def _adoptions(
    given: tuple[_AdoptionIn, ...] | None, where: _Where, day: dt.date, refs: list[Ref]
) -> tuple[Adoption, ...]:
    if given is None:
        if where.pubs:
            raise _Decline
        return ()
    if len(given) != len(where.pubs):
        raise _Decline
    out = []
    for a, (line, col) in zip(given, where.pubs, strict=True):
        out.append(
            Adoption(
                _pattern(a.publication, RECORD_ID_RE),
                _event_day(a.date, day),
                a.mode,
                _optional_text(a.issue),
            )
        )
        refs.append(Ref("publication", a.publication, line, col, day=day))
    return tuple(out)


def _co_submitters(
    co: tuple[str, ...] | None, where: _Where, point: str, refs: list[Ref]
) -> tuple[str, ...]:
    if co is None:
        return ()
    if len(co) != len(where.co) or point in co or len(set(co)) != len(co):
        raise _Decline
    for item, (line, col) in zip(co, where.co, strict=True):
        if not POINT_ID_RE.fullmatch(_text(item)) or item in RESERVED_NAMES:
            raise _Decline
        refs.append(Ref("point", item, line, col))
    return co


def _submission(
    s: _SubmissionIn, where: _Where, path: str, year: int, point: str, month: int, refs: list[Ref]
) -> Submission:
    """One record as the strict reader reads it, appending its references to ``refs`` in the
    strict reader's order."""
    day = s.date
    if day.year != year or day.month != month or where.date is None:
        raise _Decline
    co = _co_submitters(s.co_submitters, where, point, refs)
    refs.append(Ref("ruleday", "date", *where.date, day=day))
    sol = s.solicitation
    if sol is not None:
        if where.sol is None:  # pragma: no cover - the scan finds every solicitation key
            raise _Decline
        refs.append(
            Ref("solicitation", _pattern(sol, RECORD_ID_RE), *where.sol, day=day, owner=point)
        )
    occurred = _datetime(s.occurred_at)
    reported = _datetime(s.reported_at)
    if occurred is not None and reported is not None and reported < occurred:
        raise _Decline
    if s.category is _EMERGENCY and (s.occurred_at is _UNSET or s.reported_at is _UNSET):
        raise _Decline
    instructions = s.instructions
    return Submission(
        _pattern(s.id, SUBMISSION_ID_RE),
        point,
        day,
        _text(s.title, 200),
        s.category,
        SourceRef(path, where.id, 3),
        co,
        sol,
        occurred,
        reported,
        _optional_text(s.reviewer),
        _INTERNAL if s.classification is None else s.classification,
        _adoptions(s.adoptions, where, day, refs),
        ()
        if instructions is None
        else tuple(
            Instruction(_text(i.leader), i.rank, _event_day(i.date, day), _optional_text(i.note))
            for i in instructions
        ),
        () if s.flags is None else s.flags,
        _optional_text(s.note),
    )


def plain_values(data: bytes, limit: int | None = None) -> tuple[str, Any] | None:
    """A plain file's text (ending in a newline, for the position scans) and its values as
    yaml-rs reads them — or None when the file is over ``limit`` (``GOVINFO_MAX_FILE_MB`` in
    bytes; None: read it now), not UTF-8, not plain, or refused by yaml-rs."""
    if _loads is None or len(data) > (settings.max_file_bytes() if limit is None else limit):
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    scan = text if text.endswith("\n") else text + "\n"
    if _PLAIN_FILE.fullmatch(scan) is None:
        return None
    try:
        return scan, _loads(text, parse_datetime=False)
    except Exception:  # yaml-rs refuses it (a duplicate key, …): the strict reader says why
        return None


def fast_submissions(path: str, data: bytes, limit: int | None = None) -> ParsedFile | None:
    """The file ``path`` (a month of submissions) read by the fast path, exactly as
    ``parse_file`` would read it — or None when the file is not plain or anything in it is a
    problem, and the strict reader must read it. ``limit``: ``GOVINFO_MAX_FILE_MB`` in bytes
    (None: read it now)."""
    m = SUBMISSION_PATH.fullmatch(path)
    if m is None:
        return None
    year, point, month = int(m[1]), m[2], int(m[3])
    if not 1 <= month <= 12 or not POINT_ID_RE.fullmatch(point) or point in RESERVED_NAMES:
        return None
    plain = plain_values(data, limit)
    if plain is None:
        return None
    scan, raw = plain
    refs = [Ref("folderpoint", point, 1, 1)]
    try:
        wheres = _positions(scan)
        if type(raw) is not list or len(raw) != len(wheres):
            return None
        given = msgspec.convert(raw, _FILE)
        records = tuple(
            _submission(item, where, path, year, point, month, refs)
            for item, where in zip(given, wheres, strict=True)
        )
    except (_Decline, msgspec.ValidationError):
        return None
    return ParsedFile(path, "submissions", records, (), tuple(refs))
