"""Parsing many submission files on all cores (a cold load of a large year).

Workers are forked (Linux only: they inherit the loaded code and the run's language), read and
parse their share of the files themselves, and send back the results as msgpack, which decodes
into the same records several times faster than pickling them. The parent is one of the
processes that parse: once it has read the other files, it takes pieces from the end of the list
while the workers take them from its start, so that a core's share is neither sent back nor
decoded and no process is left idle. Elsewhere, or for few files, the caller parses in-process.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
from collections.abc import Callable
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


class _Result(msgspec.Struct, array_like=True, gc=False):
    path: str
    records: tuple[Submission, ...]
    problems: tuple[Problem, ...]
    refs: tuple[Ref, ...]
    unread: tuple[str | None, ...]
    unread_at: tuple[SourceRef, ...]


_encoder = msgspec.msgpack.Encoder()
_decoder = msgspec.msgpack.Decoder(list[_Result])
_root: Path | None = None
_pieces: list[list[str]] = []
_taken: Any = None  # a shared array of flags: which pieces a process has taken


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


def _take(piece: int) -> bool:
    """Whether this process takes ``piece``: no other process has (the workers take the
    pieces from the first, the parent from the last, so they meet once)."""
    with _taken.get_lock():
        if _taken[piece]:
            return False
        _taken[piece] = 1
        return True


def _parse(paths: list[str]) -> list[ParsedFile]:
    from govinfo.load import fast

    assert _root is not None
    tree = WorkingTree(_root)  # its read never follows a link that appeared after the listing
    on, limit = fast.enabled(), settings.max_file_bytes()  # the environment, once a piece

    def parse(path: str, data: bytes) -> ParsedFile:
        return parse_file(path, data, fast_path=on, limit=limit)

    return [read_and_parse(tree.read, path, parse) for path in paths]


def _work(piece: int) -> bytes:
    gc.disable()
    if not _take(piece):
        return _encoder.encode([])
    out = [
        _Result(pf.path, pf.records, pf.problems, pf.refs, pf.unread, pf.unread_at)
        for pf in _parse(_pieces[piece])
    ]
    return _encoder.encode(out)


def _deaf_to_interrupts() -> None:
    """A worker's start: SIGINT ignored, then let through (see :func:`parse_many`)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def parse_many(
    root: Path, paths: list[str], meanwhile: Callable[[], None] | None = None
) -> dict[str, ParsedFile]:
    """Parse the submission files ``paths`` (relative to ``root``) on all cores: forked
    workers take pieces of the list from its start while this process runs ``meanwhile``,
    then takes pieces from its end (what it parses itself is not sent back and forth).
    multiprocessing is imported here, only when a parse is this large: most runs (a warm
    answer, a small year) never start a worker."""
    import multiprocessing

    global _root, _pieces, _taken
    count = max(workers(), 1)
    # This process parses too, beside the workers: once it has run ``meanwhile`` it would
    # otherwise only wait (and a worker fewer would leave a busy machine's cores to others).
    size = max(CHUNK, -(-len(paths) // ((count + 1) * CHUNKS_PER_WORKER)))
    _root = root
    _pieces = [paths[i : i + size] for i in range(0, len(paths), size)]
    ctx = multiprocessing.get_context("fork")
    _taken = ctx.Array("b", len(_pieces))
    results: dict[str, ParsedFile] = {}

    def receive(blob: bytes) -> None:
        for r in _decoder.decode(blob):
            results[r.path] = ParsedFile(
                r.path, "submissions", r.records, r.problems, r.refs, r.unread, r.unread_at
            )

    # Ctrl-C reaches every process of the terminal's group: the workers leave it to this one,
    # which stops them (the pool's exit), rather than each print a traceback and drop its
    # piece of work. SIGINT is held back while they are forked, so none is born listening.
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        # GOVINFO_JOBS=500: no more workers than there are pieces
        pool = ctx.Pool(min(count, len(_pieces)), initializer=_deaf_to_interrupts)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
    try:
        with pool:
            blobs = pool.imap(_work, range(len(_pieces)))
            received = 0
            if meanwhile is not None:
                meanwhile()
            for piece in reversed(range(len(_pieces))):
                if not _take(piece):
                    break  # a worker has it, and every piece before it
                for pf in _parse(_pieces[piece]):
                    results[pf.path] = pf
                # What the workers sent meanwhile is decoded now, not all at the end.
                while received < len(_pieces):
                    try:
                        blob = blobs.next(timeout=0)
                    except multiprocessing.TimeoutError:
                        break
                    receive(blob)
                    received += 1
            for blob in blobs:
                receive(blob)
    finally:  # the path list and the shared flags are not kept past the parse
        _root, _pieces, _taken = None, [], None
    return results
