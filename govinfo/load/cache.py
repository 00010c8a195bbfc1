"""The parse cache: per submission year, one pack of the files' parsed records.

A clerk runs ``score``/``explain``/``overdue`` many times a day on a folder that barely changes;
parsing YAML dominates, so the records of each clean submission file are kept, keyed by what git
keys its index on — path, size, mtime_ns, ctime_ns, inode and device (an edit that keeps the
size and puts the mtime back still changes the ctime) — in one msgpack file per year (thousands
of small cache files would cost more than they save).

A cache cannot lie: every cache file is sealed (:func:`seal`) with a header naming the cache
format and govinfo's version and a SHA-256 of its payload; a file that is not a regular file, is
larger than :data:`MAX_CACHE_BYTES`, is foreign, or whose checksum or decoding fails is
discarded and rebuilt, never trusted. A file over ``GOVINFO_MAX_FILE_MB`` is never taken from
the cache (the loader reports it as on a cold read), and the result fingerprint covers the limit.

Safety rules: a file that had any problem is never cached (its problems are found again on
every run, so a cache can never hide an error, and messages stay in the run's language); a file
modified within the last two seconds (its ctime: the last 50 ms) before the pack is written is not
stored (git's "racy" rule: its times cannot yet tell a later edit apart); the cross-file check
always runs on
everything. The cache lives outside the tracked tree — under the repository's
``.git/govinfo/cache/`` or, outside git, the user cache folder — and may be deleted at any time.

The cache is not the data folder: it writes its own files here (:func:`_write_pack`, a temporary
file renamed into place, without fsync — a pack lost in a crash is only parsed again), while
everything in the data folder is written by :mod:`govinfo.store` alone.
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
from typing import Any, Generic, TypeVar

import msgspec

from govinfo import __version__, gitcmd, settings
from govinfo.load import stamps
from govinfo.load.records import ParsedFile, Ref
from govinfo.load.stamps import is_racy, stat_key
from govinfo.model import Adjustment, Point, RuleSet, Solicitation, Submission
from govinfo.regular import read_regular

# 2: standings name the events that excluded a point from commendation; 3: sealed files
# (checksum and version), entries keyed on ctime and device too
# 4: results keyed on the stamps of the folder's parts (govinfo.load.stamps)
# 5: a year's parsed submission files in a pack per month
CACHE_FORMAT = 5
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
    stamp = repr(stamps.tree_stamps(top)).encode("utf-8", "surrogateescape")
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


class Entry(msgspec.Struct, array_like=True, gc=False):
    path: str
    key: tuple[int, int, int, int, int]  # stat_key
    records: tuple[Submission, ...]
    refs: tuple[Ref, ...]


class Pack(msgspec.Struct, gc=False):
    entries: list[Entry]


class BaseEntry(msgspec.Struct, array_like=True, gc=False):
    """A registry, rules, solicitations or adjustments file (one of the record lists is used)."""

    path: str
    key: tuple[int, int, int, int, int]  # stat_key
    kind: str
    refs: tuple[Ref, ...]
    points: tuple[Point, ...] = ()
    rule_sets: tuple[RuleSet, ...] = ()
    solicitations: tuple[Solicitation, ...] = ()
    adjustments: tuple[Adjustment, ...] = ()

    def records(self) -> tuple[Any, ...]:
        return self.points or self.rule_sets or self.solicitations or self.adjustments


class BasePack(msgspec.Struct, gc=False):
    entries: list[BaseEntry]


_BASE_FIELDS = {
    "points": "points",
    "rules": "rule_sets",
    "solicitations": "solicitations",
    "adjustments": "adjustments",
}
_encoder = msgspec.msgpack.Encoder()
_decoder = msgspec.msgpack.Decoder(Pack)
_base_decoder = msgspec.msgpack.Decoder(BasePack)


def cache_dir(root: Path) -> Path:
    """Where the packs of the data folder at ``root`` live."""
    key = hashlib.sha256(os.fsencode(root.resolve())).hexdigest()[:16]
    gdir = gitcmd.git_dir(root)
    if gdir is not None:
        return gdir / "govinfo" / "cache" / key
    return settings.user_cache_dir() / key


def _write_pack(target: Path, payload: bytes) -> None:
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


# A year's parsed submission files are kept in a pack per month (``2003-08.pack``: the files
# named ``08.yaml``) and one for the rest (``2003-other.pack``): an import into a month
# writes that month's pack again, not the whole year's.
_PARTS = (*(f"{m:02d}" for m in range(1, 13)), "other")


def _part_of(path: str) -> str:
    """The pack, within its year's, of the submission file at ``path``."""
    name = path[path.rfind("/") + 1 :]
    part = name[:2]
    return part if name[2:] == ".yaml" and part in _PARTS else "other"


class ParseCache:
    """Looks up and stores parsed submission files of one data folder."""

    def __init__(self, root: Path, directory: Path | None = None) -> None:
        self.root = root
        self.dir = directory or cache_dir(root)
        self._packs: dict[str, dict[str, Entry]] = {}
        self._dirty: dict[str, set[str]] = {}  # each year's packs that changed
        self._base: dict[str, BaseEntry] | None = None
        self._base_dirty = False
        self.hits = 0
        self.misses = 0

    @staticmethod
    def _year_of(path: str) -> str | None:
        parts = path.split("/")
        if len(parts) == 4 and parts[0] == "submissions":
            return parts[1]
        return None

    def _pack(self, year: str) -> dict[str, Entry]:
        """The year's entries, from its packs (one a month, one for the rest)."""
        pack = self._packs.get(year)
        if pack is None:
            pack = {}
            for part in _PARTS:  # one missing, damaged or foreign: its files parsed again
                payload = read_sealed(self.dir / f"{year}-{part}.pack")
                with contextlib.suppress(msgspec.DecodeError, msgspec.ValidationError, ValueError):
                    if payload is not None:
                        pack.update((e.path, e) for e in _decoder.decode(payload).entries)
            self._packs[year] = pack
        return pack

    def _changed(self, year: str, part: str) -> None:
        self._dirty.setdefault(year, set()).add(part)

    def lookup(self, path: str, st: os.stat_result) -> ParsedFile | None:
        """The cached parse of ``path`` when the file is unchanged, else None."""
        if not path.startswith("submissions/"):
            return self._lookup_base(path, st)
        year = path[12:16]
        pack = self._packs.get(year)
        entry = (pack if pack is not None else self._pack(year)).get(path)
        if entry is None or entry.key != stat_key(st):
            self.misses += 1
            return None
        self.hits += 1
        return ParsedFile(path, "submissions", entry.records, (), entry.refs)

    def _base_entries(self) -> dict[str, BaseEntry]:
        if self._base is None:
            self._base = {}
            payload = read_sealed(self.dir / "base.pack")
            try:
                if payload is not None:
                    self._base = {e.path: e for e in _base_decoder.decode(payload).entries}
            except (msgspec.DecodeError, msgspec.ValidationError, ValueError):
                pass
        return self._base

    def _lookup_base(self, path: str, st: os.stat_result) -> ParsedFile | None:
        entry = self._base_entries().get(path)
        if entry is None or entry.key != stat_key(st):
            return None
        self.hits += 1
        return ParsedFile(path, entry.kind, entry.records(), (), entry.refs)

    def _store_base(self, parsed: ParsedFile, st: os.stat_result) -> None:
        field = _BASE_FIELDS.get(parsed.kind)
        if field is None:
            return
        entries = self._base_entries()
        if parsed.problems or is_racy(st, time.time_ns()):
            if entries.pop(parsed.path, None) is not None:
                self._base_dirty = True
            return
        entries[parsed.path] = BaseEntry(
            parsed.path,
            stat_key(st),
            parsed.kind,
            parsed.refs,
            **{field: parsed.records},
        )
        self._base_dirty = True

    def store(self, parsed: ParsedFile, st: os.stat_result) -> None:
        """Remember a freshly parsed file, unless it had problems or is too new to trust."""
        if not parsed.path.startswith("submissions/"):
            self._store_base(parsed, st)
            return
        year = self._year_of(parsed.path)
        if year is None or parsed.kind != "submissions":
            return
        pack = self._pack(year)
        if parsed.problems or is_racy(st, time.time_ns()):
            if pack.pop(parsed.path, None) is not None:
                self._changed(year, _part_of(parsed.path))
            return
        pack[parsed.path] = Entry(parsed.path, stat_key(st), parsed.records, parsed.refs)
        self._changed(year, _part_of(parsed.path))

    def forget_missing(self, year: str, present: set[str]) -> None:
        """Drop entries of files that no longer exist."""
        pack = self._pack(year)
        gone = [p for p in pack if p not in present]
        for p in gone:
            del pack[p]
            self._changed(year, _part_of(p))

    def release(self, year: str) -> None:
        """Write the year's packs that changed, and let go of them (a streaming check holds
        one year at a time)."""
        self._save_year(year)
        self._packs.pop(year, None)

    def _save_year(self, year: str) -> None:
        parts = self._dirty.pop(year, set())
        if not parts:
            return
        entries: dict[str, list[Entry]] = {part: [] for part in parts}
        for path in sorted(self._packs[year]):
            held = entries.get(_part_of(path))
            if held is not None:
                held.append(self._packs[year][path])
        for part, held in sorted(entries.items()):
            with contextlib.suppress(OSError):
                _write_pack(self.dir / f"{year}-{part}.pack", _encoder.encode(Pack(held)))

    def save(self) -> None:
        """Write the packs that changed. A failure to write is not the clerk's problem: the
        next run simply parses again."""
        for year in sorted(self._dirty):
            self._save_year(year)
        if self._base_dirty and self._base is not None:
            pack = BasePack(sorted(self._base.values(), key=lambda e: e.path))
            with contextlib.suppress(OSError):
                _write_pack(self.dir / "base.pack", _encoder.encode(pack))
            self._base_dirty = False


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
            _write_pack(self.dir / f"{name}.result", key.encode("ascii") + b"\n" + body)


def _decoded(body: bytes, kind: type[T]) -> T | None:
    try:
        return msgspec.msgpack.decode(body, type=kind)
    except (msgspec.DecodeError, msgspec.ValidationError, ValueError):
        return None


MEMO_ENTRIES = 256  # a memo keeps the answers used last, this many


class Memo:
    """Answers worked out before, each under a key that pins everything it depends on — the
    widths a table was fitted to on a terminal (:func:`govinfo.render.fit.fit_layout`), under
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


def settings_key(root: Path) -> str | None:
    """What the settings of the folder at ``root`` are kept under with the results: the stat
    key of its ``govinfo.yaml`` (as the parse cache keys a file) and the size limit in force —
    None when that file is not a regular file or is too new to trust its times (git's racy
    rule), so that its settings are read from the file itself."""
    try:
        st = os.lstat(root / "govinfo.yaml")
    except OSError:
        return None
    if not S_ISREG(st.st_mode) or is_racy(st, time.time_ns()):
        return None
    return " ".join(map(str, (*stat_key(st), settings.max_file_bytes())))
