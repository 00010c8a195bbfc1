"""The streams the clerk's terminal gives us: text they cannot encode is written with
replacement (``?``) and one warning at the end, never a ``UnicodeEncodeError`` traceback
(``PYTHONIOENCODING=ascii``, a C locale without UTF-8)."""

from __future__ import annotations

import codecs
import re
import sys
from typing import TextIO

_HANDLER = "govinfo-replace"
_replaced: list[int] = []


def _replace(err: UnicodeError) -> tuple[str, int]:
    if not isinstance(err, UnicodeEncodeError):
        raise err
    _replaced.append(err.end - err.start)
    return "?" * (err.end - err.start), err.end


def cannot_encode(stream: TextIO, text: str) -> bool:
    """Whether ``stream``'s encoding cannot hold ``text`` exactly: a code page that lacks
    one of its characters (GBK and ▒), or a lone surrogate — a file name that was not
    UTF-8 — that no encoding holds."""
    if text.isascii():
        return False
    try:
        text.encode(getattr(stream, "encoding", None) or "ascii")
    except (UnicodeEncodeError, LookupError):
        return True
    return False


# Error handlers that never fail on a character: a clerk who chose one keeps it.
_NEVER_FAIL = frozenset(
    {"replace", "backslashreplace", "xmlcharrefreplace", "namereplace", "ignore"}
)


def guard_streams() -> None:
    """Make stdout and stderr replace what they cannot encode, counting it, unless the clerk
    chose a handler that never fails (``PYTHONIOENCODING=gbk:backslashreplace``) — and not
    only where the encoding lacks Chinese: GBK lacks the trend chart's ▒, and even UTF-8
    cannot hold the lone surrogates of a file name that was not UTF-8. Such text is never
    taken for a lost output."""
    codecs.register_error(_HANDLER, _replace)
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and getattr(stream, "errors", None) not in _NEVER_FAIL:
            reconfigure(errors=_HANDLER)


def warn_if_replaced() -> None:
    """One line on stderr when any character could not be written."""
    if not _replaced:
        return
    from govinfo.i18n import tn

    encoding = getattr(sys.stdout, "encoding", None) or "?"
    try:
        sys.stderr.write(tn("output_replaced", sum(_replaced), encoding=encoding) + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _json_escape(m: re.Match[str]) -> str:
    code = ord(m[0])
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def ascii_json(text: str) -> str:
    """JSON text with every non-ASCII character as a ``\\u`` escape (outside strings JSON has
    none): the same document on a terminal that cannot show Chinese, nothing replaced."""
    return _NON_ASCII.sub(_json_escape, text)
