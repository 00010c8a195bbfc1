"""A head start for a warm answer: the data folder listed while the program starts.

A warm ``score`` spends as long stat'ing a large folder's files for the result cache's
fingerprint (tens of thousands of system calls) as Python spends importing the program. So the
console entry point (:mod:`govinfo.cli.start`), before it imports anything heavy, forks a child
that lists the folder and sends back its :func:`govinfo.load.stamps.stamps`; the command then
takes them (:func:`take`) instead of listing the folder itself — on the other core, the listing
costs nothing.

Only ever a speed-up, never a different answer: the command takes the stamps only when the
child listed the very folder the command opened, every year it reads, and nothing was written
since (:func:`forget`); otherwise it lists the folder itself, as it would without the child.
The child starts only for the commands that answer from the result cache, on a system that
can fork, without ``--no-cache``, ``--at`` or ``GOVINFO_NO_CACHE`` (``GOVINFO_PRELIST=0`` turns
it off too); it lists the years named on the command line (and today's) with the years around
them, or every year for ``points``. It reads, never writes, and never prints; it is stopped
when the command ends (:func:`stop`).

Light on purpose: it runs before the program's imports, and whatever it imports before the
child starts delays the child's answer by as much (``datetime`` is left to the program; the
child imports ``signal``, which the entry point has imported already).
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from collections.abc import Collection, Mapping, Sequence

from govinfo import settings
from govinfo.argv import folder_guess
from govinfo.defaults import SETTINGS_FILE

# The commands that answer from the result cache (SPEC §3): check lists every year and has its
# own cache of problems, so it gains nothing from a head start.
_READERS = frozenset({"score", "explain", "overdue", "report", "points"})
_YEAR = re.compile(r"(?:^|=)(\d{4})(?:$|[-HhQq]\d)")
_MAX_REPLY = 1 << 22


class _Child:
    def __init__(self, pid: int, fd: int, root: str) -> None:
        self.pid = pid
        self.fd = fd
        self.root = root
        self.reply: tuple[frozenset[int] | None, dict[str, str | None]] | None = None


_child: _Child | None = None
_unusable = False


def start(argv: Sequence[str], environ: Mapping[str, str] = os.environ) -> None:
    """Fork the child that lists the folder a reading command will open (see the module
    docstring); nothing when the command is not one of those or the system cannot fork."""
    global _child
    if _child is not None or not hasattr(os, "fork") or not settings.head_start(environ):
        return
    if "--no-cache" in argv or any(a == "--at" or a.startswith("--at=") for a in argv):
        return
    if not any(a in _READERS for a in argv) or any(a in ("-h", "--help") for a in argv):
        return
    root = _folder(argv, environ)
    if root is None:
        return
    years = None if "points" in argv else _years(argv, environ)
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return
    if pid == 0:  # the child: list, answer, leave — never back into the program
        code = 0
        try:
            import signal  # a Ctrl-C ends the child at once, whatever the program's handler

            signal.signal(signal.SIGINT, signal.SIG_DFL)
            os.close(read_end)
            _answer(write_end, root, years)
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    os.close(write_end)
    _child = _Child(pid, read_end, root)


def take(
    root: str | os.PathLike[str], spans: Sequence[Collection[int] | None]
) -> dict[str, str | None] | None:
    """The child's stamps when it listed ``root`` and every year of ``spans`` (None: all) and
    nothing was written since; else None (the caller lists the folder itself). Waits for the
    child to finish its listing."""
    child = _child
    if child is None or _unusable:
        return None
    if child.reply is None:
        child.reply = _receive(child)
    listed, parts = child.reply
    if not parts or os.path.realpath(root) != child.root:
        return None
    if listed is not None:
        for span in spans:
            if span is None or not set(span) | set(getattr(span, "edges", {})) <= listed:
                return None
    return parts


def forget() -> None:
    """The folder was written: no stamp taken before may serve again in this run."""
    global _unusable
    _unusable = True
    stop()


def stop() -> None:
    """Stop the child (a command that did not need it, or the end of the run) and reap it."""
    child = _child
    if child is None or child.fd < 0:
        return
    import signal

    with contextlib.suppress(OSError):
        os.kill(child.pid, signal.SIGKILL)
    _close(child)


def _close(child: _Child) -> None:
    with contextlib.suppress(OSError):
        os.close(child.fd)
    child.fd = -1
    with contextlib.suppress(OSError):
        os.waitpid(child.pid, 0)
    if child.reply is None:
        child.reply = (frozenset(), {})


def _folder(argv: Sequence[str], environ: Mapping[str, str]) -> str | None:
    """The folder the command will most likely open (``--data``, ``GOVINFO_DATA``, ``./data``,
    ``.``);
    only a guess — :func:`take` compares it with the folder the command did open."""
    given = folder_guess(argv, environ)
    try:
        if not os.path.isfile(os.path.join(given, SETTINGS_FILE)):
            return None
        return os.path.realpath(given)
    except (OSError, ValueError):
        return None


def _years(argv: Sequence[str], environ: Mapping[str, str]) -> frozenset[int]:
    """The years a command line is about — each year named (``2003``, ``2003-08``,
    ``2003Q3``, ``--as-of 2003-09-30``) and today's — with the two before and the one after
    (what a score, an overdue window or a notice reads around its year)."""
    named = {int(m.group(1)) for a in argv for m in [_YEAR.search(a)] if m}
    today = environ.get("GOVINFO_TODAY", "")
    named.add(int(today[:4]) if _YEAR.search(today) else time.localtime().tm_year)
    return frozenset(y + d for y in named for d in (-2, -1, 0, 1))


def _answer(fd: int, root: str, years: frozenset[int] | None) -> None:
    """In the child: list ``root``'s ``years`` and write the stamps to ``fd``."""
    from pathlib import Path

    from govinfo.load.sources import WorkingTree
    from govinfo.load.stamps import stamps

    tree = WorkingTree(Path(root))
    tree.files(years)
    parts = stamps(tree.stats, tree.odd)
    lines = ["*" if years is None else ",".join(map(str, sorted(years)))]
    lines += [f"{name} {stamp or '-'}" for name, stamp in sorted(parts.items())]
    data = ("\n".join(lines) + "\n").encode("ascii")
    while data:
        data = data[os.write(fd, data) :]
    os.close(fd)


def _receive(child: _Child) -> tuple[frozenset[int] | None, dict[str, str | None]]:
    """The child's answer (years listed, stamps), read to its end; nothing when it failed."""
    chunks: list[bytes] = []
    size = 0
    try:
        while size <= _MAX_REPLY:
            chunk = os.read(child.fd, 65536)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError:
        chunks = []
    _, status = _reap(child)
    if status != 0 or size > _MAX_REPLY:
        return frozenset(), {}
    try:
        head, *rest = b"".join(chunks).decode("ascii").splitlines()
        listed = None if head == "*" else frozenset(int(y) for y in head.split(",") if y)
        parts: dict[str, str | None] = {}
        for line in rest:
            name, stamp = line.split(" ")
            parts[name] = None if stamp == "-" else stamp
    except ValueError:
        return frozenset(), {}
    return listed, parts


def _reap(child: _Child) -> tuple[int, int]:
    with contextlib.suppress(OSError):
        os.close(child.fd)
    child.fd = -1
    try:
        pid, status = os.waitpid(child.pid, 0)
    except OSError:
        return child.pid, -1
    return pid, os.waitstatus_to_exitcode(status)
