"""Ctrl-C as a clerk presses it: once, or twice in a hurry.

Python's own handler raises KeyboardInterrupt at every press, so a second press a moment after
the first broke into what the first set going — the line saying what was written (exit 130 and
nothing said, or a traceback of the import lock), the workers' cleanup. :func:`install` puts a
handler in its place that raises at a press and ignores the presses of the next second: a
double press is one Ctrl-C. A press after that raises again, as Python's would — for the rare
run whose interrupt Python swallowed (raised inside a callback during an import, the run goes
on) and for a cleanup that hangs (a pipe nobody reads). Kept light: the console entry point
installs it before it imports the program."""

from __future__ import annotations

import signal
import time
from types import FrameType

GRACE_SECONDS = 1.0  # presses this close to the one that raised are the same Ctrl-C
_raised_at: float | None = None


def install() -> None:
    """Put the handler in place of Python's own; left alone where Ctrl-C is ignored already
    (a command started in the background) or handled otherwise."""
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, _pressed)


def _pressed(signum: int, frame: FrameType | None) -> None:
    global _raised_at
    now = time.monotonic()
    if _raised_at is not None and now - _raised_at < GRACE_SECONDS:
        return  # the same Ctrl-C, pressed twice: the first one's work goes on
    _raised_at = now
    raise KeyboardInterrupt
