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


def cannot_encode(stream: TextIO) -> bool:
    """Whether ``stream``'s encoding cannot hold Chinese text."""
    encoding = getattr(stream, "encoding", None) or "ascii"
    try:
        "长春·—“”".encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return True
    return False


def guard_streams() -> None:
    """Make stdout and stderr replace what their encoding cannot hold, counting it."""
    codecs.register_error(_HANDLER, _replace)
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and cannot_encode(stream):
            reconfigure(errors=_HANDLER)


def warn_if_replaced() -> None:
    """One line on stderr when any character could not be written."""
    if not _replaced:
        return
    from govinfo.i18n import t

    encoding = getattr(sys.stdout, "encoding", None) or "?"
    try:
        sys.stderr.write(t("output_replaced", n=sum(_replaced), encoding=encoding) + "\n")
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
