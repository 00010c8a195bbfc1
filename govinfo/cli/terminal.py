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


def cannot_encode(stream: TextIO, text: str = "长春·—“”") -> bool:
    """Whether ``stream``'s encoding cannot hold ``text`` (by default: Chinese text)."""
    if holds_everything(stream):
        return False
    encoding = getattr(stream, "encoding", None) or "ascii"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return True
    return False


def holds_everything(stream: TextIO) -> bool:
    """Whether ``stream``'s encoding is one of Unicode's own, which hold every character."""
    try:
        name = codecs.lookup(getattr(stream, "encoding", None) or "ascii").name
    except LookupError:
        return False
    return name.startswith(("utf-8", "utf-16", "utf-32"))


def guard_streams() -> None:
    """Make stdout and stderr replace what their encoding cannot hold, counting it: any
    encoding but Unicode's own — GBK holds Chinese, but not every mark a table draws (the
    trend chart's ▒) nor every character a title may hold."""
    codecs.register_error(_HANDLER, _replace)
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and not holds_everything(stream):
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
