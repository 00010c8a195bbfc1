"""Ctrl-C as a clerk presses it: once, or twice in a hurry.

Python's own handler raises KeyboardInterrupt at every press, so a second press a moment after
the first broke into what the first set going: the line saying what was written (exit 130 and
nothing said, or a traceback of the import lock). :func:`install` puts a handler in its place
that raises at a press, as Python's does, but once govinfo has caught the KeyboardInterrupt
(:func:`caught`: the command's guard, the entry points) takes the presses of the next second
for the same Ctrl-C. A press after that raises again — for a line that cannot be written (a
pipe nobody reads) — and so does every press before govinfo caught the first: a
KeyboardInterrupt Python swallowed (raised inside a callback, the run goes on) is never
followed by a press that is ignored.

Importing runs such a callback (an import lock's): a press there printed "Exception ignored"
and the run went on to the end. While the program and a command are imported, a press is
therefore only noted, and raised as the imports end (:func:`noted_only`); a press a second or
more after the noted one raises at once (an import that hangs, on a share that went away).
A press that comes while such a callback runs — it runs after any import, a command's lazy
ones too — is raised a moment later, out of it (:func:`_out_of_imports`), not lost.
Kept light: the console entry point installs it before it imports the program."""

from __future__ import annotations

import contextlib
import signal
import time
from collections.abc import Iterator
from types import FrameType

GRACE_SECONDS = 1.0  # presses this soon after a Ctrl-C govinfo caught are that Ctrl-C
_caught_at: float | None = None
_noting = False
_noted_at: float | None = None  # while noting: when a press was first noted


def install() -> None:
    """Put the handler in place of Python's own; left alone where Ctrl-C is ignored already
    (a command started in the background) or handled otherwise."""
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, _pressed)


def caught() -> None:
    """govinfo caught a KeyboardInterrupt and is stopping: the presses of the next second are
    that Ctrl-C."""
    global _caught_at
    _caught_at = time.monotonic()


@contextlib.contextmanager
def noted_only() -> Iterator[None]:
    """Within, a press is only noted; KeyboardInterrupt is raised as the block ends if one was
    (also over an exception raised within, which it chains)."""
    global _noting, _noted_at
    _noting, _noted_at = True, None
    try:
        yield
    finally:
        pressed = _noted_at is not None
        _noting, _noted_at = False, None
        if pressed:
            raise KeyboardInterrupt


def _pressed(signum: int, frame: FrameType | None) -> None:
    global _noting, _noted_at
    now = time.monotonic()
    if _noting:
        if _noted_at is None:
            _noted_at = now
            return
        if now - _noted_at < GRACE_SECONDS:
            return
        _noting, _noted_at = False, None  # pressed again a second later: stop now
        _raise(frame, now)
        return
    if _caught_at is not None and now - _caught_at < GRACE_SECONDS:
        return  # the Ctrl-C being acted on, pressed twice: its line and exit go on
    _raise(frame, now)


RETRY_SECONDS = 0.01  # a press that came inside an import lock's callback, raised this later
_deferred_since: float | None = None


def _raise(frame: FrameType | None, now: float) -> None:
    """Raise KeyboardInterrupt — unless ``frame`` is an import lock's callback, which Python
    runs where an exception is only printed ("Exception ignored in …") and the run goes on:
    then the press comes again a moment later (:data:`RETRY_SECONDS`), out of it; for a second
    at most, then raised wherever it comes."""
    global _deferred_since
    if _in_lock_callback(frame) and hasattr(signal, "setitimer"):
        if _deferred_since is None:
            _deferred_since = now
        if now - _deferred_since < GRACE_SECONDS:
            signal.signal(signal.SIGALRM, _out_of_imports)
            signal.setitimer(signal.ITIMER_REAL, RETRY_SECONDS)
            return
    _deferred_since = None
    raise KeyboardInterrupt


def _out_of_imports(signum: int, frame: FrameType | None) -> None:
    """The press that came inside an import lock's callback, as if pressed now."""
    _pressed(signal.SIGINT, frame)


def _in_lock_callback(frame: FrameType | None) -> bool:
    """Whether ``frame`` runs importlib's own code called back (a module lock's weakref
    callback, ``cb``), where an exception cannot be raised to the caller."""
    return (
        frame is not None
        and frame.f_code.co_filename.startswith("<frozen importlib")
        and frame.f_code.co_name == "cb"
    )
