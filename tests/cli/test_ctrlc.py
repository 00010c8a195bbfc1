"""Ctrl-C pressed twice in a hurry is one Ctrl-C; pressed again a second later, it raises again
(:mod:`govinfo.cli.ctrlc`). The real presses at a terminal: tests/robustness/test_interrupt.py."""

from __future__ import annotations

import signal
import time
from collections.abc import Iterator

import pytest

from govinfo.cli import ctrlc


@pytest.fixture
def handler(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The handler installed in place of Python's own for the test, then Python's put back."""
    monkeypatch.setattr(ctrlc, "_raised_at", None)
    monkeypatch.setattr(ctrlc, "_noted", None)
    monkeypatch.setattr(ctrlc, "GRACE_SECONDS", 0.2)
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        ctrlc.install()
        assert signal.getsignal(signal.SIGINT) is not signal.default_int_handler
        yield
    finally:
        signal.signal(signal.SIGINT, before)


def test_a_press_soon_after_the_first_is_the_same_ctrl_c(handler: None) -> None:
    with pytest.raises(KeyboardInterrupt):
        signal.raise_signal(signal.SIGINT)
    signal.raise_signal(signal.SIGINT)  # the same Ctrl-C: nothing raised
    signal.raise_signal(signal.SIGINT)


def test_a_press_after_the_grace_raises_again(handler: None) -> None:
    """For a run whose first interrupt Python swallowed, or a cleanup that hangs."""
    with pytest.raises(KeyboardInterrupt):
        signal.raise_signal(signal.SIGINT)
    time.sleep(0.25)
    with pytest.raises(KeyboardInterrupt):
        signal.raise_signal(signal.SIGINT)


def test_a_ctrl_c_ignored_already_stays_ignored() -> None:
    """A command started in the background (SIGINT ignored) is left as it was started."""
    before = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        ctrlc.install()
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, before)


def test_a_press_while_noting_is_raised_on_leaving_then_presses_raise_again(
    handler: None,
) -> None:
    """While the program's modules are imported a press is only noted (Python swallows a
    KeyboardInterrupt raised in an import lock's callback): it is raised once they are."""
    reached = []

    def imports() -> None:
        with ctrlc.noted_only():
            signal.raise_signal(signal.SIGINT)  # nothing raised here
            reached.append(True)

    with pytest.raises(KeyboardInterrupt):
        imports()
    assert reached
    time.sleep(0.25)  # past the grace
    with pytest.raises(KeyboardInterrupt):
        signal.raise_signal(signal.SIGINT)
    with ctrlc.noted_only():  # nothing pressed: nothing raised
        pass
