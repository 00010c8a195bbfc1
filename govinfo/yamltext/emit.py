"""The canonical YAML writer: records (mappings in a fixed key order) → block-style YAML text.

Every command that writes records (``init``, ``demo generate``, ``import``, ``close-year``,
``points``) turns them into text here, so the whole folder reads the same. Pure: no I/O, no
``yaml`` import; plain string building, because the generator writes a million records.

What comes out (SPEC §1, strict profile):

- block style; one space after ``:``; nested mappings and lists indented by two spaces; a list of
  short identifiers may be written in flow style (``tiers: [provincial, national]``);
- ``allow_unicode``: Chinese is written as itself, never escaped;
- a string is written plain unless a YAML 1.1 or 1.2 reader could take it for something else (a
  number, a date, a boolean, a null) or its characters need quoting; then single-quoted, or
  double-quoted with escapes when it holds a line break or a non-printable character;
- ``datetime.date`` as ``YYYY-MM-DD``, ``datetime.datetime`` as ``YYYY-MM-DDTHH:MM`` (local time:
  seconds and zones are refused), ``Decimal`` and ``int`` as their plain text, never a float;
- a key whose value is ``None`` is left out (SPEC: a null optional field is as if absent).

Keys are written in the mapping's own order; :mod:`govinfo.yamltext.fields` gives SPEC's field
order per record type.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from enum import Enum

# --- scalars ----------------------------------------------------------------------------------

# Characters that may stand in a plain or single-quoted scalar. Everything else (tab, line breaks
# including NEL and U+2028/2029, control characters, the BOM, DEL) forces double quotes.
_NEEDS_ESCAPES = re.compile(
    "[^\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)

# A plain scalar is unsafe when it starts with an indicator or a space, holds ``: `` or `` #``,
# ends with ``:`` or a space, or looks like a number, a date or a time in YAML 1.1 or 1.2
# (``010``, ``0x1F``, ``1e3``, ``1:20``, ``.5``, ``2003-08-14``, ``2003-08-14T09:30``...).
# Deliberately broad: quoting a string that did not need it costs two characters; missing one
# turns a title into a date.
_NEEDS_QUOTES = re.compile(
    r"""\A[-?:,\[\]{}#&*!|>'"%@`.\s]"""
    r"|: |\s#|:\Z|\s\Z"
    r"|\A[-+]?\.?[0-9][0-9A-Za-z_:.+-]*\Z"
    r"|\A[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
)

# Words a YAML 1.1 reader turns into booleans or null (compared lower-cased), and the merge and
# value keys.
_SPECIAL_WORDS = frozenset(
    {"y", "n", "yes", "no", "true", "false", "on", "off", "null", "~", "<<", "="}
)

_ESCAPES = {
    "\0": "\\0",
    "\x07": "\\a",
    "\x08": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\x0b": "\\v",
    "\x0c": "\\f",
    "\r": "\\r",
    "\x1b": "\\e",
    '"': '\\"',
    "\\": "\\\\",
    "\x85": "\\N",
    "\xa0": "\\_",
    "\u2028": "\\L",
    "\u2029": "\\P",
}

# Identifiers that may go unquoted inside a flow list (no ``,[]{}``, nothing to resolve).
_FLOW_ITEM = re.compile(r"[A-Za-z][A-Za-z0-9_.-]*\Z")
_FLOW_MAX = 72


def _double_quoted(text: str) -> str:
    out = ['"']
    for ch in text:
        esc = _ESCAPES.get(ch)
        if esc is not None:
            out.append(esc)
        elif _NEEDS_ESCAPES.match(ch):
            code = ord(ch)
            if code <= 0xFF:
                out.append(f"\\x{code:02X}")
            elif code <= 0xFFFF:
                out.append(f"\\u{code:04X}")
            else:
                out.append(f"\\U{code:08X}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def text_scalar(text: str) -> str:
    """A string as a YAML scalar that any YAML 1.1/1.2 reader reads back as exactly ``text``."""
    if not text:
        return "''"
    if _NEEDS_ESCAPES.search(text):
        return _double_quoted(text)
    if _NEEDS_QUOTES.search(text) or (len(text) <= 5 and text.lower() in _SPECIAL_WORDS):
        return "'" + text.replace("'", "''") + "'"
    return text


def scalar(value: object) -> str:
    """One value as YAML scalar text. Floats are refused: numbers are ``Decimal`` or ``int``."""
    if isinstance(value, str):
        # StrEnum members are str: write their value, not their repr.
        return text_scalar(value.value if isinstance(value, Enum) else value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"cannot write the number {value} in a data file")
        return format(value, "f")
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None or value.second or value.microsecond:
            raise ValueError(f"date-times are YYYY-MM-DDTHH:MM local time, not {value}")
        return value.strftime("%Y-%m-%dT%H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if value is None:
        return "null"
    if isinstance(value, Enum):
        return scalar(value.value)
    raise TypeError(f"cannot write a {type(value).__name__} as a YAML scalar: {value!r}")


# --- block structure --------------------------------------------------------------------------


def _flow_list(items: Sequence[object]) -> str | None:
    """``[a, b]`` when every item is a short identifier, else None (block style then)."""
    parts: list[str] = []
    for item in items:
        if not isinstance(item, str) or not _FLOW_ITEM.match(item):
            return None
        text = text_scalar(item.value if isinstance(item, Enum) else item)
        if text[0] == "'":
            return None
        parts.append(text)
    flow = "[" + ", ".join(parts) + "]"
    return flow if len(flow) <= _FLOW_MAX else None


def _mapping(m: Mapping[str, object], first: str, rest: str, out: list[str]) -> None:
    """Append the lines of mapping ``m``: the first line starts with ``first`` (e.g. ``"- "``),
    the others with ``rest``; nested blocks are indented two more spaces than ``rest``."""
    prefix = first
    written = False
    for key, value in m.items():
        if value is None:
            continue
        written = True
        k = scalar(key)
        if isinstance(value, Mapping):
            if value and any(v is not None for v in value.values()):
                out.append(f"{prefix}{k}:\n")
                child = rest + "  "
                _mapping(value, child, child, out)
            else:
                out.append(f"{prefix}{k}: {{}}\n")
        elif isinstance(value, list | tuple):
            if not value:
                out.append(f"{prefix}{k}: []\n")
            else:
                flow = _flow_list(value)
                if flow is not None:
                    out.append(f"{prefix}{k}: {flow}\n")
                else:
                    out.append(f"{prefix}{k}:\n")
                    _sequence(value, rest + "  ", out)
        else:
            out.append(f"{prefix}{k}: {scalar(value)}\n")
        prefix = rest
    if not written:  # an empty mapping
        out.append(f"{first}{{}}\n")


def _sequence(items: Iterable[object], indent: str, out: list[str]) -> None:
    dash = indent + "- "
    for item in items:
        if isinstance(item, Mapping):
            _mapping(item, dash, indent + "  ", out)
        elif isinstance(item, list | tuple):
            if not item:
                out.append(f"{dash}[]\n")
            else:
                flow = _flow_list(item)
                if flow is not None:
                    out.append(f"{dash}{flow}\n")
                else:
                    out.append(f"{indent}-\n")
                    _sequence(item, indent + "  ", out)
        else:
            out.append(f"{dash}{scalar(item)}\n")


def emit_list_item(record: Mapping[str, object]) -> str:
    """One record as an item of a top-level list (``- id: ...`` then ``  key: ...`` lines),
    ending with a newline. Keys in the record's order; ``None`` values left out."""
    out: list[str] = []
    _mapping(record, "- ", "  ", out)
    return "".join(out)


def emit_mapping(record: Mapping[str, object]) -> str:
    """A mapping as a whole document (``govinfo.yaml``, a rule set), ending with a newline."""
    out: list[str] = []
    _mapping(record, "", "", out)
    return "".join(out)


def emit_list(records: Iterable[Mapping[str, object]], *, header: str | None = None) -> str:
    """A whole list file: an optional ``#`` comment header, then the records separated by one
    blank line. An empty list is written ``[]`` so that the file is still a list."""
    parts: list[str] = []
    if header:
        parts.extend(f"# {line}\n" if line else "#\n" for line in header.splitlines())
    items = [emit_list_item(record) for record in records]
    if not items:
        parts.append("[]\n")
    else:
        if parts:
            parts.append("\n")
        parts.append("\n".join(items))
    return "".join(parts)
