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
    """Standard output as the consoles write to it: ``sys.stdout`` as it is at each call (a
    test runner may swap it), with a failure to write raised as :class:`StdoutLost` — told
    apart from any other operating-system error."""

    def write(self, s: str) -> int:
        try:
            return sys.stdout.write(s)
        except (OSError, ValueError) as err:
            _note(err)
            raise StdoutLost(str(err)) from None

    def flush(self) -> None:
        try:
            sys.stdout.flush()
        except (OSError, ValueError) as err:
            _note(err)
            raise StdoutLost(str(err)) from None

    def isatty(self) -> bool:
        try:
            return sys.stdout.isatty()
        except (OSError, ValueError):
            return False

    def fileno(self) -> int:
        return sys.stdout.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(sys.stdout, "encoding", None) or "utf-8"


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
