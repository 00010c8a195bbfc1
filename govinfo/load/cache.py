"""The parse cache: per submission year, one pack of the files' parsed records.

A clerk runs ``score``/``explain``/``overdue`` many times a day on a folder that barely changes;
parsing YAML dominates, so the records of each clean submission file are kept, keyed by path,
size, mtime_ns and inode, in one msgpack file per year (thousands of small cache files would
cost more than they save). The pack's header carries the cache format and govinfo's version; a
pack that does not decode, or is foreign, is ignored and rebuilt.

Safety rules: a file that had any problem is never cached (its problems are found again on
every run, so a cache can never hide an error, and messages stay in the run's language); a file
modified within the last two seconds before the pack is written is not stored (git's "racy"
rule: its mtime cannot yet tell a later edit apart); the cross-file check always runs on
everything. The cache lives outside the tracked tree — under the repository's
``.git/govinfo/cache/`` or, outside git, the user cache folder — and may be deleted at any time.

The cache is not the data folder: it writes its own files here (:func:`_write_pack`, a temporary
file renamed into place, without fsync — a pack lost in a crash is only parsed again), while
everything in the data folder is written by :mod:`govinfo.store` alone.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import time
from pathlib import Path
from typing import Any, TypeVar

import msgspec

from govinfo import __version__, gitcmd, settings
from govinfo.load.records import ParsedFile, Ref
from govinfo.model import Adjustment, Point, RuleSet, Solicitation, Submission

CACHE_FORMAT = 2  # 2: standings name the events that excluded a point from commendation
T = TypeVar("T")
RACY_NS = 2_000_000_000


class Entry(msgspec.Struct, array_like=True, gc=False):
    path: str
    size: int
    mtime_ns: int
    ino: int
    records: tuple[Submission, ...]
    refs: tuple[Ref, ...]


class Pack(msgspec.Struct, gc=False):
    cache_format: int
    version: str
    entries: list[Entry]


class BaseEntry(msgspec.Struct, array_like=True, gc=False):
    """A registry, rules, solicitations or adjustments file (one of the record lists is used)."""

    path: str
    size: int
    mtime_ns: int
    ino: int
    kind: str
    refs: tuple[Ref, ...]
    points: tuple[Point, ...] = ()
    rule_sets: tuple[RuleSet, ...] = ()
    solicitations: tuple[Solicitation, ...] = ()
    adjustments: tuple[Adjustment, ...] = ()

    def records(self) -> tuple[Any, ...]:
        return self.points or self.rule_sets or self.solicitations or self.adjustments


class BasePack(msgspec.Struct, gc=False):
    cache_format: int
    version: str
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
    key = hashlib.sha256(str(root.resolve()).encode("utf-8")).hexdigest()[:16]
    gdir = gitcmd.git_dir(root)
    if gdir is not None:
        return gdir / "govinfo" / "cache" / key
    return settings.user_cache_dir() / key


def _write_pack(target: Path, data: bytes) -> None:
    """Replace the cache file ``target`` by a rename, so a reader never sees a torn pack."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, target)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


class ParseCache:
    """Looks up and stores parsed submission files of one data folder."""

    def __init__(self, root: Path, directory: Path | None = None) -> None:
        self.root = root
        self.dir = directory or cache_dir(root)
        self._packs: dict[str, dict[str, Entry]] = {}
        self._dirty: set[str] = set()
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
        pack = self._packs.get(year)
        if pack is None:
            pack = {}
            try:
                data = (self.dir / f"{year}.pack").read_bytes()
                decoded = _decoder.decode(data)
                if decoded.cache_format == CACHE_FORMAT and decoded.version == __version__:
                    pack = {e.path: e for e in decoded.entries}
            except (OSError, msgspec.DecodeError, msgspec.ValidationError, ValueError):
                pack = {}  # missing, corrupt or foreign: rebuilt from the files
            self._packs[year] = pack
        return pack

    def lookup(self, path: str, st: os.stat_result) -> ParsedFile | None:
        """The cached parse of ``path`` when the file is unchanged, else None."""
        if not path.startswith("submissions/"):
            return self._lookup_base(path, st)
        year = path[12:16]
        pack = self._packs.get(year)
        entry = (pack if pack is not None else self._pack(year)).get(path)
        if (
            entry is None
            or entry.size != st.st_size
            or entry.mtime_ns != st.st_mtime_ns
            or entry.ino != st.st_ino
        ):
            self.misses += 1
            return None
        self.hits += 1
        return ParsedFile(path, "submissions", entry.records, (), entry.refs)

    def _base_entries(self) -> dict[str, BaseEntry]:
        if self._base is None:
            self._base = {}
            try:
                decoded = _base_decoder.decode((self.dir / "base.pack").read_bytes())
                if decoded.cache_format == CACHE_FORMAT and decoded.version == __version__:
                    self._base = {e.path: e for e in decoded.entries}
            except (OSError, msgspec.DecodeError, msgspec.ValidationError, ValueError):
                pass
        return self._base

    def _lookup_base(self, path: str, st: os.stat_result) -> ParsedFile | None:
        entry = self._base_entries().get(path)
        if (
            entry is None
            or entry.size != st.st_size
            or entry.mtime_ns != st.st_mtime_ns
            or entry.ino != st.st_ino
        ):
            return None
        self.hits += 1
        return ParsedFile(path, entry.kind, entry.records(), (), entry.refs)

    def _store_base(self, parsed: ParsedFile, st: os.stat_result) -> None:
        field = _BASE_FIELDS.get(parsed.kind)
        if field is None:
            return
        entries = self._base_entries()
        if parsed.problems or st.st_mtime_ns > time.time_ns() - RACY_NS:
            if entries.pop(parsed.path, None) is not None:
                self._base_dirty = True
            return
        entries[parsed.path] = BaseEntry(
            parsed.path,
            st.st_size,
            st.st_mtime_ns,
            st.st_ino,
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
        if parsed.problems or st.st_mtime_ns > time.time_ns() - RACY_NS:
            if pack.pop(parsed.path, None) is not None:
                self._dirty.add(year)
            return
        pack[parsed.path] = Entry(
            parsed.path, st.st_size, st.st_mtime_ns, st.st_ino, parsed.records, parsed.refs
        )
        self._dirty.add(year)

    def forget_missing(self, year: str, present: set[str]) -> None:
        """Drop entries of files that no longer exist."""
        pack = self._pack(year)
        gone = [p for p in pack if p not in present]
        for p in gone:
            del pack[p]
        if gone:
            self._dirty.add(year)

    def release(self, year: str) -> None:
        """Write the year's pack if it changed, and let go of it (a streaming check holds one
        year at a time)."""
        if year in self._dirty:
            self._save_year(year)
            self._dirty.discard(year)
        self._packs.pop(year, None)

    def _save_year(self, year: str) -> None:
        pack = Pack(
            CACHE_FORMAT, __version__, sorted(self._packs[year].values(), key=lambda e: e.path)
        )
        with contextlib.suppress(OSError):
            _write_pack(self.dir / f"{year}.pack", _encoder.encode(pack))

    def save(self) -> None:
        """Write the packs that changed. A failure to write is not the clerk's problem: the
        next run simply parses again."""
        for year in sorted(self._dirty):
            self._save_year(year)
        self._dirty.clear()
        if self._base_dirty and self._base is not None:
            pack = BasePack(
                CACHE_FORMAT, __version__, sorted(self._base.values(), key=lambda e: e.path)
            )
            with contextlib.suppress(OSError):
                _write_pack(self.dir / "base.pack", _encoder.encode(pack))
            self._base_dirty = False


# --- results: a year's scores, keyed by everything they were computed from ---------------------


def fingerprint(stats: dict[str, os.stat_result], extra: str) -> str | None:
    """A digest of every file's path, size, mtime_ns and inode, plus ``extra`` (the question
    asked); None when a file is too new to trust its mtime (git's racy rule)."""
    digest = hashlib.sha256(f"{CACHE_FORMAT}\0{__version__}\0{extra}\n".encode())
    racy = time.time_ns() - RACY_NS
    for path in sorted(stats):
        st = stats[path]
        if st.st_mtime_ns > racy:
            return None
        digest.update(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ino}\n".encode())
    return digest.hexdigest()


class ResultCache:
    """Computed results (e.g. a year's ``YearScore``) stored under a fingerprint of their inputs.

    Only results computed from a folder without errors are stored, so a hit never skips a
    refusal; any change to any file read gives another fingerprint and a miss.
    """

    def __init__(self, root: Path, directory: Path | None = None) -> None:
        self.dir = directory or cache_dir(root)

    def get(self, name: str, key: str, kind: type[T]) -> T | None:
        try:
            data = (self.dir / f"{name}.result").read_bytes()
        except OSError:
            return None
        head, _, body = data.partition(b"\n")
        if head.decode("ascii", "replace") != key:
            return None
        try:
            return msgspec.msgpack.decode(body, type=kind)
        except (msgspec.DecodeError, msgspec.ValidationError, ValueError):
            return None

    def put(self, name: str, key: str, value: object) -> None:
        with contextlib.suppress(OSError):
            _write_pack(
                self.dir / f"{name}.result", key.encode("ascii") + b"\n" + _encoder.encode(value)
            )
