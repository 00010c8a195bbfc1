"""The parse cache: a clean submission file's parsed records, kept until the file changes.

A clerk runs ``score``/``explain``/``overdue`` many times a day on a folder that barely changes;
parsing YAML dominates, so the records of each clean submission file are kept, keyed by what git
keys its index on — path, size, mtime_ns, ctime_ns, inode and device (an edit that keeps the
size and puts the mtime back still changes the ctime) — in one msgpack file per month of each
year (thousands of small cache files would cost more than they save; one a year would be
written again whole for an import into one month), and the registry, rules, solicitations and
adjustments in one ``base.pack``. Every pack is sealed as every cache file is
(:mod:`govinfo.load.cache`: checksum, cache format, govinfo's build), and one that fails is
discarded and rebuilt, never trusted.

Safety rules: a file that had any problem (or left a record out) is never cached (its problems are found again on
every run, so a cache can never hide an error, and messages stay in the run's language); a file
modified within the last two seconds (its ctime: the last 50 ms) before the pack is written is
not stored (git's "racy" rule: its times cannot yet tell a later edit apart); the cross-file
check always runs on everything. A file over ``GOVINFO_MAX_FILE_MB`` is never taken from the
cache (the loader reports it as on a cold read).
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path
from typing import Any

import msgspec

from govinfo.load.cache import cache_dir, read_sealed, write_sealed
from govinfo.load.records import ParsedFile, Ref
from govinfo.load.stamps import is_racy, stat_key
from govinfo.model import Adjustment, Point, RuleSet, Solicitation, Submission


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
        if parsed.problems or parsed.unread or is_racy(st, time.time_ns()):
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
        if parsed.problems or parsed.unread or is_racy(st, time.time_ns()):
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
        pack, entries = self._packs[year], {part: list[Entry]() for part in parts}
        for path in sorted(pack):
            if (held := entries.get(_part_of(path))) is not None:
                held.append(pack[path])
        for part, held in sorted(entries.items()):
            with contextlib.suppress(OSError):
                write_sealed(self.dir / f"{year}-{part}.pack", _encoder.encode(Pack(held)))
        with contextlib.suppress(OSError):  # the year's one pack of cache format 4, unread now
            (self.dir / f"{year}.pack").unlink()

    def save(self) -> None:
        """Write the packs that changed. A failure to write is not the clerk's problem: the
        next run simply parses again."""
        for year in sorted(self._dirty):
            self._save_year(year)
        if self._base_dirty and self._base is not None:
            pack = BasePack(sorted(self._base.values(), key=lambda e: e.path))
            with contextlib.suppress(OSError):
                write_sealed(self.dir / "base.pack", _encoder.encode(pack))
            self._base_dirty = False
