"""The operating-system lock that lets one writer at a time change a data folder.

``flock`` on Linux and macOS (released by the kernel when the holder dies, so a crash never leaves
a stale lock); ``msvcrt.locking`` on Windows, best effort. The lock file holds the holder's pid,
command line and start time, so that a refused writer can name who holds it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import socket
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from govinfo import settings
from govinfo.errors import GovinfoError
from govinfo.i18n import os_error_text, t

DEFAULT_WAIT_SECONDS = 5.0
_POLL_SECONDS = 0.05
# Windows locks are mandatory: the holder's details live after the locked byte.
_INFO_OFFSET = 1 if sys.platform == "win32" else 0


class LockBusy(GovinfoError):
    """Another live process holds the lock; ``holder`` is what its lock file says of it."""

    def __init__(self, message: str, holder: dict[str, object]) -> None:
        super().__init__(message)
        self.holder = holder


def wait_seconds() -> float:
    """How long a writer waits for the lock: ``GOVINFO_LOCK_WAIT`` seconds, default 5."""
    return settings.lock_wait_seconds()


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        with contextlib.suppress(OSError):
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


def _holder_info(command: str) -> bytes:
    info = {
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "command": command,
        "started": dt.datetime.now().isoformat(timespec="seconds"),
    }
    return json.dumps(info, ensure_ascii=False).encode("utf-8") + b"\n"


def read_holder(path: Path) -> dict[str, object]:
    """What the lock file says about its holder (empty when it says nothing readable)."""
    try:
        with path.open("rb") as fh:
            fh.seek(_INFO_OFFSET)
            raw = fh.read(4096)
        info = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError):
        return {}
    return info if isinstance(info, dict) else {}


# Told the lock's holder once, when a wait for it begins.
Waiting = Callable[[dict[str, object]], None] | None


@contextlib.contextmanager
def hold_lock(
    path: Path,
    *,
    command: str,
    wait: float | None = None,
    waiting: Waiting = None,
) -> Iterator[None]:
    """Hold the lock at ``path`` for the ``with`` block.

    Waits up to ``wait`` seconds (default :func:`wait_seconds`) for another holder to finish,
    then raises :class:`GovinfoError` naming the holder; ``waiting`` is told the holder once,
    when the wait begins (so that the clerk hears why nothing happens).
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o644)
    except OSError as err:  # a state folder that cannot be made (HOME a file, read-only .git)
        raise GovinfoError(
            t("state_os_error", path=err.filename or path, reason=os_error_text(err))
        ) from None
    try:
        deadline = time.monotonic() + (wait_seconds() if wait is None else wait)
        told = False
        while not _try_lock(fd):
            if not told and waiting is not None and time.monotonic() < deadline:
                waiting(read_holder(path))
                told = True
            if time.monotonic() >= deadline:
                info = read_holder(path)
                raise LockBusy(
                    t(
                        "lock_busy",
                        pid=info.get("pid", "?"),
                        host=info.get("host", "?"),
                        command=info.get("command", "?"),
                        started=info.get("started", "?"),
                        path=path,
                    ),
                    info,
                )
            time.sleep(_POLL_SECONDS)
        try:
            os.ftruncate(fd, _INFO_OFFSET)
            os.lseek(fd, _INFO_OFFSET, os.SEEK_SET)
            os.write(fd, _holder_info(command))
            yield
        finally:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, _INFO_OFFSET)
            _unlock(fd)
    finally:
        os.close(fd)
