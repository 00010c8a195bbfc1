"""What a cached answer is keyed on: a stamp of every file a command reads.

A result (a year's scores, a point's explanation, ``check``'s problems) is stored under a
:func:`fingerprint` of the files it was computed from — each file's path and what git keys its
index on (:func:`stat_key`), and every symbolic link or other odd entry the listing met (the
load refuses them, so a new one must never find a stored answer) — plus the question asked.

The files are stamped by part of the folder (:func:`bucket`): everything outside the
submission years, and each year's files directly in its folder, each month's files and the
rest. Which parts a command reads follows from its years (:func:`bucket_wanted` agrees with
:func:`govinfo.load.sources.wanted` file by file), so a listing of more years than a command
needs — the one a child process made at start-up (:mod:`govinfo.load.prelist`) — gives the
very same fingerprint as a listing of just those years.

Light on purpose (``os``, ``hashlib``, ``array``, ``itertools``, ``operator``, ``time``): the
start-up child imports it.
"""

from __future__ import annotations

import hashlib
import os
import time
from array import array
from collections.abc import Collection, Iterable, Mapping, Sequence
from itertools import chain
from operator import attrgetter

RACY_NS = 2_000_000_000
CTIME_TICK_NS = 50_000_000
BASE = "-"
_TIMES = attrgetter("st_mtime_ns", "st_ctime_ns")
_OTHERS = attrgetter("st_size", "st_ino", "st_dev")


def stat_key(st: os.stat_result) -> tuple[int, int, int, int, int]:
    """What a cache entry is keyed on, as git keys its index: size, mtime_ns, ctime_ns, inode,
    device."""
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)


def is_racy(st: os.stat_result, now_ns: int) -> bool:
    """git's racy-clean rule: a file whose times are too recent may still change within the
    same timestamp, so it is not cached. The mtime gets :data:`RACY_NS` (filesystems that keep
    it in whole or even seconds; tools set it at will); the ctime, which only the kernel sets,
    from its clock, at every change, gets :data:`CTIME_TICK_NS` — more than one tick of that
    clock, so a second same-size edit that puts the mtime back always shows in the ctime."""
    return st.st_mtime_ns > now_ns - RACY_NS or st.st_ctime_ns > now_ns - CTIME_TICK_NS


def _digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


def bucket(path: str, *, odd: bool = False) -> str:
    """The part of the folder that ``path`` (relative, with ``/``) is stamped in:
    :data:`BASE` outside the submission years; ``"Y/top"`` for a file directly in year Y's
    folder, ``"Y/M"`` for one of month M (``MM.yaml``, or under a folder so named), ``"Y/other"``
    for any other; ``"Y/odd"`` for a link or other odd entry anywhere inside year Y's folder
    (``odd``: the listing meets those wherever it goes into the year)."""
    if not path.startswith("submissions/"):
        return BASE
    parts = path.split("/", 4)
    if not _digits(parts[1]):
        return BASE
    year = int(parts[1])
    if odd:
        return BASE if len(parts) == 2 else f"{year}/odd"
    if len(parts) < 4 or not parts[3]:
        return f"{year}/top"
    head = parts[3][:2]
    return f"{year}/{int(head)}" if _digits(head) else f"{year}/other"


def bucket_wanted(name: str, years: Collection[int] | None) -> bool:
    """Whether a listing of ``years`` (None: all; a :class:`govinfo.rules.years.YearSpan`'s
    ``edges`` read without importing it) holds the part ``name`` of :func:`bucket`."""
    if years is None or name == BASE:
        return True
    year, _, part = name.partition("/")
    if int(year) in years:
        return True
    months = getattr(years, "edges", {}).get(int(year))
    if months is None:
        return False
    if part in ("top", "odd"):
        return True
    return part != "other" and int(part) in months


def stamps(
    stats: Mapping[str, os.stat_result], odd: Mapping[str, str], *, now: int | None = None
) -> dict[str, str | None]:
    """Every part's stamp (:func:`bucket`): a SHA-256 of its files' paths and
    :func:`stat_key`\\s and of its odd entries (path → what it is); None for a part holding a
    file too new to trust its times at ``now`` (nanoseconds; default: the clock's) — see
    :func:`is_racy`."""
    files: dict[str, list[str]] = {}
    parts_of: dict[tuple[str, str] | str, list[str]] = {}  # bucket() by what it reads of a path
    for path in stats:
        parts = path.split("/", 4)
        # below a point's folder: its year and the first two letters of the next name; else
        # the path itself (the base files, a year's top: a few)
        shape = (
            (parts[1], parts[3][:2])
            if len(parts) > 3 and parts[3] and parts[0] == "submissions"
            else path
        )
        listed = parts_of.get(shape)
        if listed is None:
            listed = parts_of[shape] = files.setdefault(bucket(path), [])
        listed.append(path)
    odds: dict[str, list[str]] = {}
    for path in odd:
        odds.setdefault(bucket(path, odd=True), []).append(path)
    now = time.time_ns() if now is None else now
    return {
        name: _stamp(sorted(files.get(name, ())), stats, sorted(odds.get(name, ())), odd, now)
        for name in files.keys() | odds.keys()
    }


def _stamp(
    paths: list[str],
    stats: Mapping[str, os.stat_result],
    odd_paths: list[str],
    odd: Mapping[str, str],
    now: int,
) -> str | None:
    listed = list(map(stats.__getitem__, paths))
    try:
        times = array("q", chain.from_iterable(map(_TIMES, listed)))
        others = array("Q", chain.from_iterable(map(_OTHERS, listed)))
    except OverflowError:  # a time past 2262 or before 1678: stamped as text, never refused
        if any(is_racy(stats[p], now) for p in paths):
            return None
        digest = hashlib.sha256(b"text\n")
        _names(digest, (f"{p}\0{stat_key(stats[p])}" for p in paths))
    else:
        if times and (max(times[0::2]) > now - RACY_NS or max(times[1::2]) > now - CTIME_TICK_NS):
            return None
        digest = hashlib.sha256(f"{len(paths)} {len(odd_paths)}\n".encode())
        _names(digest, paths)
        digest.update(times.tobytes() + others.tobytes())
    _names(digest, (f"{odd[p]}:{p}" for p in odd_paths))
    return digest.hexdigest()


def _names(digest: hashlib._Hash, names: Iterable[str]) -> None:
    # Names the operating system gave that are not UTF-8 come back with lone surrogates: a GBK
    # name on Linux as surrogate escapes, an unpaired UTF-16 half on Windows as itself. Each is
    # hashed as its own three bytes (no text of real characters has them), never refused.
    digest.update(("\0".join(names) + "\n").encode("utf-8", "surrogatepass"))


def fingerprint(
    parts: Mapping[str, str | None], spans: Sequence[Collection[int] | None], head: str
) -> str | None:
    """A digest of ``head`` (the question asked, the cache format, the limits in force) and
    of the stamps of the parts of the folder that any of ``spans`` reads; None when one of
    them is too new to trust (see :func:`stamps`)."""
    digest = hashlib.sha256(head.encode("utf-8", "surrogatepass") + b"\n")  # as _names
    for name in sorted(parts):
        if any(bucket_wanted(name, span) for span in spans):
            stamp = parts[name]
            if stamp is None:
                return None
            digest.update(f"{name} {stamp}\n".encode("ascii"))
    return digest.hexdigest()


def tree_stamps(top: str) -> list[tuple[str, tuple[int, int, int, int, int]]]:
    """Each file under ``top`` (but compiled bytecode; a linked folder followed, once) by its
    path there, with its :func:`stat_key` — a file gone while listed is left out."""
    found = []
    seen: set[tuple[int, int]] = set()  # folders walked, by device and inode: no link loops
    for folder, subfolders, files in os.walk(top, followlinks=True):
        here = _stat(folder)
        if here is None or (here.st_dev, here.st_ino) in seen:
            subfolders[:] = []
            continue
        seen.add((here.st_dev, here.st_ino))
        subfolders[:] = sorted(d for d in subfolders if d != "__pycache__")
        for name in sorted(files):
            path = os.path.join(folder, name)
            st = _stat(path)
            if st is not None:
                found.append((os.path.relpath(path, top), stat_key(st)))
    return found


def _stat(path: str) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None
