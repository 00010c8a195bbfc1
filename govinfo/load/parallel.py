"""Parsing many submission files on all cores (a cold load of a large year).

Workers are forked (Linux only: they inherit the loaded code and the run's language), read and
parse their share of the files themselves, and send back the results as msgpack, which decodes
into the same records several times faster than pickling them. The parent is one of the
processes that parse: once it has run ``meanwhile`` it takes pieces too, so that its share is
neither sent back nor decoded and no process is left idle. Elsewhere, or for few files, the
caller parses in-process.

The processes share nothing but pipes: the pieces' numbers are written into one pipe before the
workers are forked, and every process takes the next by reading four bytes of it (a pipe hands
each read its own bytes); each worker writes what it parsed into a pipe of its own. No lock is
shared, so a worker killed at any moment cannot leave another process waiting for it: when the
parent is stopped (Ctrl-C, an error) it kills its workers and reaps them at once — a pool whose
workers were blocked writing large results could leave it waiting for ever — and a piece a
worker took but did not send back (it died) is parsed by the parent.
"""

from __future__ import annotations

import contextlib
import gc
import os
import select
import signal
import struct
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import msgspec

from govinfo import settings
from govinfo.load.records import ParsedFile, Ref, parse_file, read_and_parse
from govinfo.load.sources import WorkingTree
from govinfo.model import Problem, SourceRef, Submission

MIN_FILES = 400
CHUNK = 64  # the fewest files in a piece
CHUNKS_PER_WORKER = 8  # else a large year goes in this many pieces a process (measured on
# 21,845 files: pieces of 64 cost the main process twice the time receiving them, and the parse
# a fifth longer, than about 1,400 do; eight a process still share the work out evenly)

_NUMBER = struct.Struct("<I")  # a piece's number in the pipe of pieces
MAX_PIECES = 1024  # their numbers fit in a pipe's buffer, written before any worker reads
PIPE_BYTES = 1 << 20  # a worker's pipe holds a piece's results or so: it seldom waits to send
_FRAME = struct.Struct("<II")  # a worker's answer: the piece's number and the length of its blob


class _Result(msgspec.Struct, array_like=True, gc=False):
    path: str
    records: tuple[Submission, ...]
    problems: tuple[Problem, ...]
    refs: tuple[Ref, ...]
    unread: tuple[str | None, ...]
    unread_at: tuple[SourceRef, ...]


_encoder = msgspec.msgpack.Encoder()
_decoder = msgspec.msgpack.Decoder(list[_Result])


def workers() -> int:
    """How many worker processes a parallel parse would fork (0: parse in-process):
    ``GOVINFO_JOBS`` when it is set, else every core (at most 8)."""
    if not sys.platform.startswith("linux"):
        return 0
    asked = settings.jobs()
    if asked is not None:
        return asked if asked > 1 else 0
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    # Every core: on a clerk's own machine they are free. (On a shared, busy machine two
    # workers can run slower than one process; load-average rules were tried and misjudged
    # short runs, so the choice stays simple and predictable.)
    return min(cpus, 8) if cpus > 1 else 0


def _parse(root: Path, paths: list[str]) -> Iterator[ParsedFile]:
    from govinfo.load import fast

    tree = WorkingTree(root)  # its read never follows a link that appeared after the listing
    on, limit = fast.enabled(), settings.max_file_bytes()  # the environment, once a piece

    def parse(path: str, data: bytes) -> ParsedFile:
        return parse_file(path, data, fast_path=on, limit=limit)

    for path in paths:
        yield read_and_parse(tree.read, path, parse)


def _next_piece(pieces_fd: int) -> int | None:
    """The number of the next piece nobody has taken, or None when all are taken."""
    raw = os.read(pieces_fd, _NUMBER.size)
    return _NUMBER.unpack(raw)[0] if raw else None


def _work(
    root: Path, pieces: list[list[str]], pieces_fd: int, out: int, parent: int, prctl: Any
) -> None:
    """A worker's life: take pieces and send back what they hold until none is left; then
    leave without running anything of the parent's (its buffers, its exit handlers)."""
    code = 1
    try:
        # Ctrl-C reaches every process of the terminal's group: the workers leave it to the
        # parent, which stops them. SIGINT was held back while forking: none is born listening.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
        if prctl is not None:  # die with the parent, even when it is killed: no worker goes
            prctl(1, signal.SIGKILL)  # on parsing for a parent that is gone (PR_SET_PDEATHSIG)
        if os.getppid() != parent:  # it died before this worker asked to die with it
            return
        gc.disable()
        while (piece := _next_piece(pieces_fd)) is not None:
            blob = _encoder.encode(
                [
                    _Result(pf.path, pf.records, pf.problems, pf.refs, pf.unread, pf.unread_at)
                    for pf in _parse(root, pieces[piece])
                ]
            )
            _write_all(out, _FRAME.pack(piece, len(blob)))
            _write_all(out, blob)
        code = 0
    finally:
        os._exit(code)


def _prctl() -> Any:
    """Linux's ``prctl``, found before the workers are forked, or None."""
    try:
        import ctypes

        call = ctypes.CDLL(None).prctl
        call.argtypes = [ctypes.c_int, ctypes.c_ulong]
        return call
    except (OSError, AttributeError):  # pragma: no cover - no prctl: the pipe's EPIPE ends them
        return None


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


class _Inbox:
    """What the workers send back, read from their pipes (not blocking) as it comes: between
    the files this process parses, so that no worker waits long to send."""

    def __init__(self, results: dict[str, ParsedFile], done: set[int]) -> None:
        self.results = results
        self.done = done
        self.open: dict[int, bytearray] = {}
        self._poll = select.poll()

    def add(self, fd: int) -> None:
        os.set_blocking(fd, False)
        self.open[fd] = bytearray()
        self._poll.register(fd, select.POLLIN)

    def close(self) -> None:
        for fd in self.open:
            os.close(fd)
        self.open.clear()

    def take(self, *, wait: bool) -> None:
        """Read what the workers have written (``wait``: until one of them has written, or
        every worker has finished), decoding each piece once whole."""
        if not self.open:
            return
        for fd, _event in self._poll.poll(None if wait else 0):
            buffer = self.open[fd]
            while True:
                try:
                    chunk = os.read(fd, PIPE_BYTES)
                except BlockingIOError:  # all it has written is read
                    break
                if not chunk:  # the worker has finished, or died
                    self._poll.unregister(fd)
                    os.close(fd)
                    del self.open[fd]
                    break
                buffer += chunk
            self._decode(buffer)

    def _decode(self, buffer: bytearray) -> None:
        """Decode the whole pieces at the start of ``buffer``, and drop them from it."""
        at = 0
        while len(buffer) - at >= _FRAME.size:
            piece, size = _FRAME.unpack_from(buffer, at)
            end = at + _FRAME.size + size
            if len(buffer) < end:
                break
            with memoryview(buffer) as view, view[at + _FRAME.size : end] as blob:
                found = _decoder.decode(blob)
            for r in found:
                self.results[r.path] = ParsedFile(
                    r.path, "submissions", r.records, r.problems, r.refs, r.unread, r.unread_at
                )
            self.done.add(piece)
            at = end
        del buffer[:at]


def parse_many(
    root: Path, paths: list[str], meanwhile: Callable[[], None] | None = None
) -> dict[str, ParsedFile]:
    """Parse the submission files ``paths`` (relative to ``root``) on all cores: forked
    workers take pieces of the list while this process runs ``meanwhile``, then this process
    takes pieces too (what it parses itself is not sent back and forth)."""
    count = max(workers(), 1)
    # This process parses too, beside the workers: once it has run ``meanwhile`` it would
    # otherwise only wait (and a worker fewer would leave a busy machine's cores to others).
    size = max(
        CHUNK,
        -(-len(paths) // ((count + 1) * CHUNKS_PER_WORKER)),
        -(-len(paths) // MAX_PIECES),
    )
    pieces = [paths[i : i + size] for i in range(0, len(paths), size)]
    results: dict[str, ParsedFile] = {}
    done: set[int] = set()
    inbox = _Inbox(results, done)
    pids: list[int] = []
    finished = False
    pieces_fd, fill = os.pipe()
    reaping = _reaping_ourselves()
    try:
        # Every piece's number is in the pipe before any worker starts (at most 4 KiB: one
        # write); its writing end closed, a read past the last number says there are no more.
        try:
            _write_all(fill, b"".join(_NUMBER.pack(i) for i in range(len(pieces))))
        finally:
            os.close(fill)
        prctl = _prctl()
        parent = os.getpid()
        held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            for _ in range(min(count, len(pieces))):
                take, out = os.pipe()
                with contextlib.suppress(OSError):  # a smaller pipe: the worker waits more
                    _set_pipe_size(out, PIPE_BYTES)
                try:
                    pid = os.fork()
                except OSError:  # no more processes allowed: fewer workers, or none
                    os.close(take)
                    os.close(out)
                    break
                if pid == 0:  # pragma: no cover - the worker (coverage does not follow forks)
                    try:
                        for fd in (take, *inbox.open):
                            os.close(fd)
                        _work(root, pieces, pieces_fd, out, parent, prctl)
                    finally:
                        os._exit(1)
                os.close(out)
                pids.append(pid)
                inbox.add(take)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
        if meanwhile is not None:
            meanwhile()
        while (piece := _next_piece(pieces_fd)) is not None:
            for pf in _parse(root, pieces[piece]):
                results[pf.path] = pf
                inbox.take(wait=False)  # what the workers sent meanwhile, not all at the end
            done.add(piece)
        while inbox.open:
            inbox.take(wait=True)
        for piece in range(len(pieces)):  # taken by a worker that died before sending it back
            if piece not in done:
                for pf in _parse(root, pieces[piece]):
                    results[pf.path] = pf
        finished = True
    finally:
        # A second Ctrl-C waits until every worker is stopped and reaped, every pipe closed.
        held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            os.close(pieces_fd)
            inbox.close()
            _stop(pids, kill=not finished)
        finally:
            reaping()
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
    return results


def _set_pipe_size(fd: int, size: int) -> None:
    """Make the pipe of ``fd`` hold ``size`` bytes (Linux; raises OSError where it cannot)."""
    import fcntl

    fcntl.fcntl(fd, getattr(fcntl, "F_SETPIPE_SZ", 1031), size)


def _reaping_ourselves() -> Callable[[], None]:
    """Reap the workers here, not by the kernel: a SIGCHLD ignored (inherited through exec)
    would have them reaped at once, their pids free to be another process's when killed.
    Returns what puts the setting back."""

    def ignore_again() -> None:
        signal.signal(signal.SIGCHLD, signal.SIG_IGN)

    try:
        if signal.getsignal(signal.SIGCHLD) is signal.SIG_IGN:
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            return ignore_again
    except ValueError:  # pragma: no cover - not the main thread: the setting stays
        pass
    return lambda: None


def _stop(pids: list[int], *, kill: bool) -> None:
    """Reap the workers (each has closed its pipe: it is leaving); ``kill``: the parent
    stopped early, and kills them all first, wherever they are."""
    if kill:
        for pid in pids:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
    for pid in pids:
        with contextlib.suppress(ChildProcessError):  # reaped already (SIGCHLD ignored)
            os.waitpid(pid, 0)
