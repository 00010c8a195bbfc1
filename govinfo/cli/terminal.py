"""The streams the clerk's terminal gives us: text they cannot encode is written with
replacement (``?``) and one warning at the end, never a ``UnicodeEncodeError`` traceback
(``PYTHONIOENCODING=ascii``, a C locale without UTF-8)."""

from __future__ import annotations

import codecs
import sys
from typing import TextIO

_HANDLER = "govinfo-replace"
_replaced: list[int] = []


def _replace(err: UnicodeError) -> tuple[str, int]:
    if not isinstance(err, UnicodeEncodeError):
        raise err
    _replaced.append(err.end - err.start)
    return "?" * (err.end - err.start), err.end


def _cannot_encode(stream: TextIO) -> bool:
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
        if reconfigure is not None and _cannot_encode(stream):
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
