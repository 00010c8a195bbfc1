"""Ctrl-C as a clerk presses it: once, or twice in a hurry.

Python's own handler raises KeyboardInterrupt at every press, so a second press a moment after
the first broke into what the first set going — the line saying what was written (exit 130 and
nothing said, or a traceback of the import lock), the workers' cleanup. :func:`install` puts a
handler in its place that raises at a press and ignores the presses of the next second: a
double press is one Ctrl-C. A press after that raises again, as Python's would — for the rare
run whose interrupt Python swallowed and for a cleanup that hangs (a pipe nobody reads).

Python swallows a KeyboardInterrupt raised inside a callback, and importing runs one (an import
lock's): the run went on as if no key had been pressed. While the program and a command's
modules are imported, a press is therefore only noted and acted on once they are
(:func:`noted_only`). Kept light: the console entry point installs it before it imports
the program."""

from __future__ import annotations

import contextlib
import signal
import time
from collections.abc import Iterator
from types import FrameType

GRACE_SECONDS = 1.0  # presses this close to the one that raised are the same Ctrl-C
_raised_at: float | None = None
_noted: bool | None = None  # while noted, not raised: whether Ctrl-C was pressed


def install() -> None:
    """Put the handler in place of Python's own; left alone where Ctrl-C is ignored already
    (a command started in the background) or handled otherwise."""
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, _pressed)


@contextlib.contextmanager
def noted_only() -> Iterator[None]:
    """Within, a press is only noted; on leaving, KeyboardInterrupt is raised if there was
    one (and presses raise again): for the program's and a command's imports, where Python
    swallows a KeyboardInterrupt raised in an import lock's callback and the run went on."""
    global _noted, _raised_at
    _noted = False
    try:
        yield
    finally:
        pressed, _noted = _noted, None
    if pressed:
        _raised_at = time.monotonic()  # the presses of the next second are this one
        raise KeyboardInterrupt


def _pressed(signum: int, frame: FrameType | None) -> None:
    global _raised_at, _noted
    if _noted is not None:
        _noted = True
        return
    now = time.monotonic()
    if _raised_at is not None and now - _raised_at < GRACE_SECONDS:
        return  # the same Ctrl-C, pressed twice: the first one's work goes on
    _raised_at = now
    raise KeyboardInterrupt
