"""The caches' common ground, and the result cache.

A cache cannot lie: every cache file is sealed (:func:`seal`) with a header naming the cache
format and govinfo's build (:func:`build`: its version and the stat of each of its files) and a
SHA-256 of its payload; a file that is not a regular file, is larger than
:data:`MAX_CACHE_BYTES`, is foreign, or whose checksum or decoding fails is discarded and
rebuilt, never trusted. The caches live outside the tracked tree — under the repository's
``.git/govinfo/cache/`` or, outside git, the user cache folder (:func:`cache_dir`) — and may
be deleted at any time.

The result cache (:class:`ResultCache`) keeps a command's answer under a :func:`fingerprint`
of every file it read and the question asked (the result fingerprint covers
``GOVINFO_MAX_FILE_MB``); beside the results, a :class:`Memo` keeps the widths tables were
fitted to (and a :class:`Shelf` the tables' measures), and :func:`settings_key` the folder's
settings. The parse cache is :mod:`govinfo.load.parsecache`.

The cache is not the data folder: it writes its own files here (:func:`write_sealed`, a
temporary file renamed into place, without fsync — a pack lost in a crash is only parsed
again), while everything in the data folder is written by :mod:`govinfo.store` alone.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import time
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from stat import S_ISREG
from typing import Generic, TypeVar

import msgspec

from govinfo import __version__, gitcmd, settings
from govinfo.defaults import SETTINGS_FILE
from govinfo.load import stamps
from govinfo.load.stamps import is_racy, stat_key
from govinfo.regular import read_regular

# 2: standings name the events that excluded a point from commendation; 3: sealed files
# (checksum and version), entries keyed on ctime and device too
# 4: results keyed on the stamps of the folder's parts (govinfo.load.stamps)
# 5: a year's parsed submission files in a pack per month
# 6: submissions (and their adoptions, instructions and source) as arrays, defaults left out
CACHE_FORMAT = 6
T = TypeVar("T")
MAX_CACHE_BYTES = 1 << 30  # a larger cache file is not govinfo's: discarded unread
_MAGIC = b"govinfo-cache"


def seal(payload: bytes) -> bytes:
    """A cache file: one header line (magic, cache format, govinfo's :func:`build`, the
    payload's SHA-256), then the payload."""
    digest = hashlib.sha256(payload).hexdigest()
    head = f"{CACHE_FORMAT} {build()} {digest}".encode("ascii")
    return _MAGIC + b" " + head + b"\n" + payload


def unseal(data: bytes) -> bytes | None:
    """The payload of a cache file written by this very build of govinfo whose checksum
    holds, else None (damaged, foreign, truncated)."""
    head, sep, payload = data.partition(b"\n")
    parts = head.split(b" ")
    if not sep or len(parts) != 4 or parts[0] != _MAGIC:
        return None
    if parts[1] != str(CACHE_FORMAT).encode() or parts[2] != build().encode("ascii"):
        return None
    if hashlib.sha256(payload).hexdigest().encode("ascii") != parts[3]:
        return None
    return payload


@functools.cache
def build() -> str:
    """Which govinfo writes and reads the caches: its version and a digest of its own files
    (:func:`tree_stamps`) — so that a program edited in place (an editable install, a
    patched file) never takes the parses and answers of the program before."""
    top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # the govinfo package
    stamp = repr(stamps.tree_stamps(top)).encode("utf-8", "surrogatepass")
    return f"{__version__}+{hashlib.sha256(stamp).hexdigest()[:16]}"


def read_sealed(path: Path) -> bytes | None:
    """The payload of the cache file at ``path``, or None when there is none to trust: missing,
    not a regular file (a named pipe, a link to a device: never opened, never waited on), over
    :data:`MAX_CACHE_BYTES`, or failing :func:`unseal`."""
    try:
        data = read_regular(path, limit=MAX_CACHE_BYTES)
    except OSError:
        return None
    return unseal(data)


_encoder = msgspec.msgpack.Encoder()


def cache_dir(root: Path) -> Path:
    """Where the packs of the data folder at ``root`` live (git is asked where its repository
    is: see :func:`cache_dir_in`)."""
    return cache_dir_in(root, gitcmd.git_dir(root))


def cache_dir_in(root: Path, git_dir: Path | None) -> Path:
    """Where the packs of the data folder at ``root`` live: in the git directory of its
    repository, else (``git_dir`` None) in the user's cache folder."""
    key = hashlib.sha256(os.fsencode(root.resolve())).hexdigest()[:16]
    if git_dir is not None:
        return git_dir / "govinfo" / "cache" / key
    return settings.user_cache_dir() / key


def write_sealed(target: Path, payload: bytes) -> None:
    """Replace the cache file ``target`` with ``payload`` sealed, by a rename, so a reader never
    sees a torn pack (and a hostile file in its place — a pipe, a link — is replaced, not
    opened)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(tmp, flags, 0o644)  # data, not a program (os.open's default is 0o777)
        with os.fdopen(fd, "wb") as fh:
            fh.write(seal(payload))
        os.replace(tmp, target)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


# --- results: a year's scores, keyed by everything they were computed from ---------------------


def fingerprint(
    parts: Mapping[str, str | None], spans: Sequence[Collection[int] | None], extra: str
) -> str | None:
    """The key of a result computed from the parts of the folder that ``spans`` read (their
    :func:`govinfo.load.stamps.stamps`), for the question ``extra``, under this cache format,
    govinfo version and file-size limit; None when a file is too new to trust its times
    (git's racy rule)."""
    head = f"{CACHE_FORMAT}\0{__version__}\0{settings.max_file_bytes()}\0{extra}"
    return stamps.fingerprint(parts, spans, head)


@dataclass(frozen=True)
class Stored(Generic[T]):
    """A stored result and the key it was stored under."""

    key: str
    value: T


class ResultCache:
    """Computed results (e.g. a year's ``YearScore``) stored under a fingerprint of their inputs.

    Only results computed from a folder without errors are stored, so a hit never skips a
    refusal; any change to any file read gives another fingerprint and a miss.
    """

    def __init__(self, root: Path, directory: Path | None = None) -> None:
        self.dir = directory or cache_dir(root)

    def peek(self, name: str, kind: type[T]) -> Stored[T] | None:
        """What is stored under ``name`` with the key it was stored under, or None (nothing
        stored, or nothing to trust: see :func:`read_sealed`). Read before the caller's key
        is known — a warm answer decodes while the folder is being listed — and served only
        when that key is the one stored (:meth:`get`)."""
        found = self._read(name)
        if found is None:
            return None
        value = _decoded(found[1], kind)
        return None if value is None else Stored(found[0], value)

    def get(self, name: str, key: str, kind: type[T]) -> T | None:
        """What is stored under ``name`` when it was stored under ``key``, else None."""
        found = self._read(name)
        if found is None or found[0] != key:
            return None
        return _decoded(found[1], kind)

    def _read(self, name: str) -> tuple[str, bytes] | None:
        data = read_sealed(self.dir / f"{name}.result")
        if data is None:
            return None
        head, _, body = data.partition(b"\n")
        return head.decode("ascii", "replace"), body

    def put(self, name: str, key: str, value: object) -> None:
        try:
            body = _encoder.encode(value)
        except UnicodeEncodeError:
            return  # text msgpack cannot hold (a file name's surrogate escapes): computed again
        with contextlib.suppress(OSError):
            write_sealed(self.dir / f"{name}.result", key.encode("ascii") + b"\n" + body)


def _decoded(body: bytes, kind: type[T]) -> T | None:
    try:
        return msgspec.msgpack.decode(body, type=kind)
    except (msgspec.DecodeError, msgspec.ValidationError, ValueError):
        return None


MEMO_ENTRIES = 256  # a memo keeps the answers used last, this many


class Memo:
    """Answers worked out before, each under a key that pins everything it depends on — the
    widths a table was fitted to on a terminal (:func:`govinfo.render.layout.fit_layout`), under
    a digest of the table's texts, the terminal's width and the fitting code — kept in one
    pack beside the results (named ``name``): read on the first lookup, written again on each
    new answer, the ones used longest ago dropped past :data:`MEMO_ENTRIES`. Sealed as every
    cache file is: a pack that fails its checksum is never read, only rebuilt."""

    def __init__(self, results: ResultCache, name: str) -> None:
        self.results = results
        self.name = name
        self._known: dict[str, list[int]] | None = None

    def _entries(self) -> dict[str, list[int]]:
        if self._known is None:
            found = self.results.get(self.name, str(CACHE_FORMAT), dict[str, list[int]])
            self._known = found or {}
        return self._known

    def get(self, key: str) -> list[int] | None:
        """The answer kept under ``key``, or None. An answer used is kept as if new (in this
        run's copy: written with the next new answer)."""
        known = self._entries()
        found = known.pop(key, None)
        if found is not None:
            known[key] = found
        return found

    def put(self, key: str, value: list[int]) -> None:
        """Keep ``value`` under ``key`` (and write the pack)."""
        known = self._entries()
        known.pop(key, None)
        known[key] = value
        while len(known) > MEMO_ENTRIES:
            del known[next(iter(known))]
        self.results.put(self.name, str(CACHE_FORMAT), known)


SHELF_ENTRIES = 64  # a shelf keeps the answers used last, this many


class Shelf:
    """Answers too large to share one pack as a :class:`Memo`'s do — a table's measures with
    the wraps tried (:class:`govinfo.render.fit.KeptMeasures`) — each in a file of its own
    beside the results (``name`` and the key's head), under a key that pins everything it
    depends on; the answers used longest ago removed past :data:`SHELF_ENTRIES`."""

    def __init__(self, results: ResultCache, name: str) -> None:
        self.results = results
        self.name = name

    def _file(self, key: str) -> str:
        return f"{self.name}-{key[:32]}"

    def get(self, key: str, kind: type[T]) -> T | None:
        """The answer kept under ``key``, or None; one used is kept as if new."""
        found = self.results.get(self._file(key), key, kind)
        if found is not None:
            with contextlib.suppress(OSError):
                os.utime(self.results.dir / f"{self._file(key)}.result")
        return found

    def put(self, key: str, value: object) -> None:
        """Keep ``value`` under ``key``, and remove the answers used longest ago."""
        self.results.put(self._file(key), key, value)
        kept: list[tuple[int, str]] = []
        with contextlib.suppress(OSError), os.scandir(self.results.dir) as entries:
            for entry in entries:
                name = entry.name
                if name.startswith(f"{self.name}-") and name.endswith(".result"):
                    with contextlib.suppress(OSError):  # gone meanwhile: another run pruned
                        if entry.is_file(follow_symlinks=False):
                            kept.append((entry.stat(follow_symlinks=False).st_mtime_ns, entry.path))
        for _, path in sorted(kept)[:-SHELF_ENTRIES]:
            with contextlib.suppress(OSError):
                os.unlink(path)


def settings_key(root: Path) -> str | None:
    """What the settings of the folder at ``root`` are kept under with the results: the stat
    key of its ``govinfo.yaml`` (as the parse cache keys a file) and the size limit in force —
    None when that file is not a regular file or is too new to trust its times (git's racy
    rule), so that its settings are read from the file itself."""
    try:
        st = os.lstat(root / SETTINGS_FILE)
    except OSError:
        return None
    if not S_ISREG(st.st_mode) or is_racy(st, time.time_ns()):
        return None
    return " ".join(map(str, (*stat_key(st), settings.max_file_bytes())))
