"""The streams the clerk's terminal gives us, and the words it gives us. Text the streams
cannot encode is written one way on stdout and stderr alike — tables, messages, help and usage
errors: the dashes, curly quotes and drawing characters an English line or a table uses as
their ASCII look-alikes (``"`` ``'`` ``-`` ``...``, a rule as ``-``, the chart's blocks as ``#``
and ``=``), anything else as ``?`` — two for a character two columns wide, so a table stays
aligned — with one warning at the end, never a ``UnicodeEncodeError`` traceback or ``\\u``
escapes (``PYTHONIOENCODING=ascii``, a C locale without UTF-8, GBK). Arguments the system
handed over as undecodable bytes (a C locale without UTF-8 mode) are read as the UTF-8 they
are (:func:`typed`)."""

from __future__ import annotations

import codecs
import os
import re
import sys
from typing import TextIO

from govinfo.text import CHART_BARS, CHART_BARS_ASCII

_HANDLER = "govinfo-replace"
_replaced: list[int] = []
_encoding: list[str] = []  # the terminal's, as the run began (a lost stdout is put aside)

# What a terminal without them shows for the marks English text and the tables use: the
# same width, in ASCII. A character not here (and not a box-drawing one) is shown as ``?``.
_LOOK_ALIKES = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2013": "-",
    "\u2014": "-",
    "\u2026": "...",
    "\u00a0": " ",
    "\u3000": "  ",  # the ideographic space, two columns
    **dict(zip(CHART_BARS, CHART_BARS_ASCII, strict=True)),  # the trend chart's two bars
}


def look_alike(ch: str) -> str | None:
    """The ASCII that stands for ``ch`` where it cannot be written, or None: the marks of
    ``_LOOK_ALIKES``; a box-drawing line as ``-``, ``=`` or ``|``, a corner or a crossing as
    ``+``; any other block as ``#``."""
    found = _LOOK_ALIKES.get(ch)
    if found is not None or not "\u2500" <= ch <= "\u259f":
        return found
    if ch >= "\u2580":
        return "#"
    import unicodedata

    name = unicodedata.name(ch, "")
    if "VERTICAL" in name and "HORIZONTAL" not in name:
        return "|"
    if "HORIZONTAL" in name and "VERTICAL" not in name:
        return "=" if "DOUBLE" in name else "-"
    return "+"


def _replace(err: UnicodeError) -> tuple[str, int]:
    if not isinstance(err, UnicodeEncodeError):
        raise err
    from govinfo.text import display_width

    shown = []
    for ch in err.object[err.start : err.end]:
        alike = look_alike(ch)
        if alike is None:
            _replaced.append(1)
            alike = "?" * max(1, display_width(ch))
        shown.append(alike)
    return "".join(shown), err.end


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
    """Make stdout and stderr write what they cannot encode as :func:`_replace` does, counting
    it — not only where the encoding lacks Chinese: GBK lacks the trend chart's ▒, and even
    UTF-8 cannot hold the lone surrogates of a file name that was not UTF-8; such text is never
    taken for a lost output. A clerk who chose a handler that never fails
    (``PYTHONIOENCODING=gbk:backslashreplace``) keeps it, on both streams; stderr's own
    default (``backslashreplace``, which no clerk chose) gives way like stdout's."""
    codecs.register_error(_HANDLER, _replace)
    _encoding[:] = [getattr(sys.stdout, "encoding", None) or "?"]
    chosen = getattr(sys.stdout, "errors", None)
    errors = chosen if chosen in _NEVER_FAIL else _HANDLER
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors=errors)


def warn_if_replaced() -> None:
    """One line on stderr when any character could not be written."""
    if not _replaced:
        return
    from govinfo.i18n import tn

    encoding = _encoding[0] if _encoding else getattr(sys.stdout, "encoding", None) or "?"
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


def typed(word: str) -> str:
    """An argument as the clerk typed it: where the system could not decode its bytes (a C
    locale without UTF-8 mode hands ``阿斯县`` over as surrogate escapes, ``\\udce9…``) and they
    are UTF-8, the text they spell; anything else as it came."""
    if word.isprintable():  # surrogate escapes are not printable: none here
        return word
    try:
        return os.fsencode(word).decode("utf-8")
    except UnicodeError:
        return word
