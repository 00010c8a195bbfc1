"""A standard output that is closed (``>&-``) or full (``>/dev/full``, a full disk).

Nothing printed can reach the clerk, but what the command did stands: after a write that was
completed (and committed) the run exits 0 and says on stderr that its summary could not be
printed; a reader exits 1 with a message — quietly when the output went into a pipe whose
reader stopped reading (``govinfo score 2003 | head``: the clerk asked for only the first
lines). Never a traceback.
"""

from __future__ import annotations

import errno
import io
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO


class _Closed(io.TextIOBase):
    """Stands for a standard output whose descriptor was closed before govinfo started
    (``sys.stdout`` is None then): every write fails as on a closed descriptor."""

    def write(self, s: str) -> int:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))

    def flush(self) -> None:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))


class StdoutLost(Exception):
    """Standard output could not be written: closed, full, or a broken pipe."""


_why: int | None = None  # the errno of the first failure to write standard output


def _note(err: BaseException) -> None:
    global _why
    if _why is None:
        _why = getattr(err, "errno", None)


class Guarded(io.TextIOBase):
    """Standard output as the consoles write to it: ``stream``, else ``sys.stdout`` as it is at
    each call (a test runner may swap it), with a failure to write raised as
    :class:`StdoutLost` — told apart from any other operating-system error."""

    def __init__(self, stream: IO[str] | None = None) -> None:
        super().__init__()
        self._stream = stream

    def _out(self) -> IO[str]:
        return sys.stdout if self._stream is None else self._stream

    def write(self, s: str) -> int:
        try:
            return self._out().write(s)
        except (OSError, ValueError) as err:
            _note(err)
            raise StdoutLost(str(err)) from None

    def flush(self) -> None:
        try:
            self._out().flush()
        except (OSError, ValueError) as err:
            _note(err)
            raise StdoutLost(str(err)) from None

    def isatty(self) -> bool:
        try:
            return self._out().isatty()
        except (OSError, ValueError):
            return False

    def fileno(self) -> int:
        return self._out().fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self._out(), "encoding", None) or "utf-8"

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return getattr(self._out(), "errors", None)


def put(text: str) -> None:
    """``text`` on standard output, flushed: an output closed or full is :class:`StdoutLost`
    (one line on stderr at the end of the run, never a traceback), as for the tables."""
    out = Guarded()
    out.write(text)
    out.flush()


def prepare() -> None:
    """At the start of a run: a closed standard output fails at the first print, like a full
    one, instead of leaving ``sys.stdout`` None."""
    if sys.stdout is None:
        sys.stdout = _Closed()


@contextmanager
def guarded_run() -> Iterator[None]:
    """While the program runs, ``sys.stdout`` itself is :class:`Guarded`: what click and Typer
    print of their own — ``--help``, ``--version``, a completion script — is lost as a table is
    (:class:`StdoutLost`, one line on stderr), never a traceback. Catching the ``OSError``
    afterwards would not do: click has no file to say it was standard output, and what it
    buffered could not be told from the rest. The real stream is put back at the end, for the
    last flush (:func:`lost`)."""
    real = sys.stdout
    sys.stdout = Guarded(real)
    try:
        yield
    finally:
        sys.stdout = real


def lost() -> bool:
    """Whether standard output can no longer be written (what is buffered cannot be flushed)."""
    try:
        sys.stdout.flush()
    except (OSError, ValueError) as err:
        _note(err)
        return True
    return False


def give_up() -> None:
    """Drop whatever is still buffered for the lost standard output, so nothing later (the exit
    itself) tries to write it again."""
    sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (for the rest of the run)


def lost_exit_code(code: int) -> int:
    """The run's exit code once its standard output was lost, after one line on stderr (none
    for a reader whose pipe was closed at the other end; a write command's says whether its
    write was done): 0 when a write of the folder was completed (what the clerk asked for was
    done), else 1."""
    from govinfo.app.write import meant_to_write, wrote_this_run
    from govinfo.i18n import t

    give_up()
    done = wrote_this_run()
    with_write = done and code == 0
    if _why == errno.EPIPE and not done and not meant_to_write():
        return code or 1  # a reader's pipe has all it wanted: nothing to say
    line = t("stdout_lost_after_write") if with_write else t("stdout_lost")
    try:
        sys.stderr.write(line + "\n")
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass
    return 0 if with_write else (code or 1)
