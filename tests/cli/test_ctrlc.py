"""Ctrl-C as a clerk presses it (:mod:`govinfo.cli.ctrlc`): a press raises; once govinfo has
caught it, the presses of the next second are that Ctrl-C; while modules are imported a press
is noted and raised as they end. The real presses at a terminal:
tests/robustness/test_interrupt.py."""

from __future__ import annotations

import importlib
import signal
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType

import pytest

from govinfo.cli import ctrlc


@pytest.fixture
def handler(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The handler installed in place of Python's own for the test, then Python's put back."""
    for name, value in (
        ("_caught_at", None),
        ("_noting", False),
        ("_noted_at", None),
        ("_deferred_since", None),
    ):
        monkeypatch.setattr(ctrlc, name, value)
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    alarm = signal.getsignal(signal.SIGALRM)
    try:
        ctrlc.install()
        assert signal.getsignal(signal.SIGINT) is not signal.default_int_handler
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, alarm)
        signal.signal(signal.SIGINT, before)


def press() -> None:
    signal.raise_signal(signal.SIGINT)


def test_presses_soon_after_a_caught_ctrl_c_are_that_ctrl_c(
    handler: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ctrlc, "GRACE_SECONDS", 60.0)  # no stall of a busy machine outlasts it
    with pytest.raises(KeyboardInterrupt):
        press()
    ctrlc.caught()
    press()  # the same Ctrl-C: nothing raised, its line and exit go on
    press()


def test_a_press_before_the_first_was_caught_raises_again(handler: None) -> None:
    """A KeyboardInterrupt Python swallowed (raised in a callback) is never followed by a
    press that is ignored."""
    with pytest.raises(KeyboardInterrupt):
        press()
    with pytest.raises(KeyboardInterrupt):  # nothing caught the first
        press()


def test_a_press_a_second_after_the_caught_one_raises_again(
    handler: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """For a line that cannot be written (a pipe nobody reads)."""
    monkeypatch.setattr(ctrlc, "GRACE_SECONDS", 0.05)
    with pytest.raises(KeyboardInterrupt):
        press()
    ctrlc.caught()
    time.sleep(0.1)
    with pytest.raises(KeyboardInterrupt):
        press()


def test_a_press_while_noting_is_raised_as_the_block_ends(
    handler: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While modules are imported a press is only noted (Python swallows a KeyboardInterrupt
    raised in an import lock's callback), and raised as the imports end."""
    monkeypatch.setattr(ctrlc, "GRACE_SECONDS", 60.0)
    reached = []

    def imports() -> None:
        with ctrlc.noted_only():
            press()  # nothing raised here
            press()
            reached.append(True)

    with pytest.raises(KeyboardInterrupt):
        imports()
    assert reached
    with ctrlc.noted_only():  # nothing pressed: nothing raised
        pass
    with pytest.raises(KeyboardInterrupt):  # noting is over: a press raises
        press()


def test_a_press_a_second_after_the_noted_one_raises_at_once(
    handler: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An import that hangs (a share that went away) can still be stopped."""
    monkeypatch.setattr(ctrlc, "GRACE_SECONDS", 0.05)
    reached = []

    def imports() -> None:
        with ctrlc.noted_only():
            press()
            time.sleep(0.1)
            press()  # raises here
            reached.append(True)

    with pytest.raises(KeyboardInterrupt):
        imports()
    assert not reached


def test_a_noted_press_is_raised_over_an_error_within(handler: None) -> None:
    def imports() -> None:
        with ctrlc.noted_only():
            press()
            raise ImportError("a module that could not be read")

    with pytest.raises(KeyboardInterrupt) as raised:
        imports()
    assert isinstance(raised.value.__context__, ImportError)


def test_a_ctrl_c_ignored_already_stays_ignored() -> None:
    """A command started in the background (SIGINT ignored) is left as it was started."""
    before = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        ctrlc.install()
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, before)


def _lock_callback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """importlib's own callback of a module lock (the function Python calls, after an import,
    where an exception raised cannot reach the caller), taken while a module of the test's
    own is imported."""
    (tmp_path / "govinfo_test_locked.py").write_text(
        "import importlib._bootstrap as b\nCB = b._module_locks[__name__].__callback__\n",
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    module = importlib.import_module("govinfo_test_locked")
    monkeypatch.delitem(sys.modules, "govinfo_test_locked")
    return module.CB  # type: ignore[no-any-return]


def _pressed_inside(callback: Callable[..., None]) -> list[str]:
    """Ctrl-C's handler run as ``callback`` runs, in its real frame: what it did there."""
    outcome: list[str] = []

    def in_callback(frame: FrameType, event: str, arg: object) -> None:
        if event == "call" and frame.f_code is callback.__code__:
            try:
                ctrlc._pressed(signal.SIGINT, frame)  # the press, as the callback runs
                outcome.append("deferred")
            except KeyboardInterrupt:
                outcome.append("raised inside")

    sys.setprofile(in_callback)
    try:
        callback(object())  # a lock not in the table: the callback does nothing else
    finally:
        sys.setprofile(None)
    return outcome


def test_a_press_inside_an_import_lock_callback_is_raised_a_moment_later(
    handler: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A press that comes while importlib runs a module lock's callback (after any import,
    a command's lazy ones too) would be printed as "Exception ignored" and lost, the run going
    on: it is raised a moment later, out of it."""
    assert _pressed_inside(_lock_callback(tmp_path, monkeypatch)) == ["deferred"]
    with pytest.raises(KeyboardInterrupt):  # out of the callback, within moments
        time.sleep(5)


def test_a_press_deferred_for_a_second_is_raised_where_it_comes(
    handler: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A press is not put off for ever (an import that hangs stays stoppable)."""
    callback = _lock_callback(tmp_path, monkeypatch)
    monkeypatch.setattr(ctrlc, "_deferred_since", time.monotonic() - ctrlc.GRACE_SECONDS)
    assert _pressed_inside(callback) == ["raised inside"]
