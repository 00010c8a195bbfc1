"""Where a data folder's files come from: the working tree, or the working tree with some files
replaced (an :class:`Overlay`: the folder as a write would leave it). A git revision is
:mod:`govinfo.load.gitrev`. Reading only: nothing here writes.
"""

from __future__ import annotations

import os
from collections.abc import Collection
from pathlib import Path
from typing import Protocol

from govinfo.errors import DataError
from govinfo.i18n import os_error_text, t
from govinfo.regular import NotRegularFile, read_regular


class FileSource(Protocol):
    """Where a data folder's files come from."""

    def describe(self) -> str: ...

    def files(self, years: Collection[int] | None) -> list[tuple[str, int]]:
        """(path relative to the data folder with ``/``, size in bytes), sorted by path.

        ``years`` (None: all) are the submission years to list whole; it may also carry
        ``edges`` (year → months) as :class:`govinfo.rules.years.YearSpan` does, for single
        month files of the years around them."""
        ...

    def read(self, path: str) -> bytes: ...


def wanted(path: str, years: Collection[int] | None) -> bool:
    if years is None or not path.startswith("submissions/"):
        return True
    parts = path.split("/")
    if len(parts) < 2 or not (parts[1].isascii() and parts[1].isdigit()):
        return True
    year = int(parts[1])
    if year in years:
        return True
    months = getattr(years, "edges", {}).get(year)
    if months is None:
        return False
    if len(parts) < 4 or not parts[3]:
        return True  # the year's folder itself: go in for the months wanted
    return parts[3][:2].isascii() and parts[3][:2].isdigit() and int(parts[3][:2]) in months


def _files_to_judge(folder: str, years: Collection[int] | None) -> Collection[int] | None:
    """``years`` when the files directly in ``folder`` must each be judged by :func:`wanted`;
    None when :func:`wanted` takes every one of them (judged once for the folder, not for
    each of tens of thousands of files)."""
    if years is None or not folder.startswith("submissions/"):
        return None if years is None or folder != "submissions" else years
    year = folder[12:].split("/", 1)[0]
    if not year.isdigit() or int(year) in years:
        return None
    return years


class WorkingTree:
    """The folder as it is on disk. Hidden entries (``.git``, ``.gitignore``) are skipped;
    a symbolic link is never followed (it is reported as a problem instead)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.links: list[str] = []
        self.irregular: list[str] = []
        self.unreadable: list[tuple[str, OSError]] = []  # folders that cannot be listed
        self.stats: dict[str, os.stat_result] = {}
        # Every link and other odd entry met by the listings of this run (path → what it is),
        # for the result cache's stamps: a new one must never find a stored answer.
        self.odd: dict[str, str] = {}
        self._listed: tuple[Collection[int] | None, list[tuple[str, int]]] | None = None

    def describe(self) -> str:
        return str(self.root)

    def files(self, years: Collection[int] | None) -> list[tuple[str, int]]:
        # Asked again for the same selection (a warm-path fingerprint, then the load): the
        # listing already made.
        if self._listed is not None and self._listed[0] is years:
            return list(self._listed[1])
        # A hot loop on large folders (hundreds of thousands of files): the d_type of a
        # directory entry answers "file or folder" without a system call; only files are
        # stat'ed, once, for their size and the cache's key.
        out: list[tuple[str, int]] = []
        stats = self.stats
        links: list[str] = []
        irregular: list[str] = []
        unreadable: list[tuple[str, OSError]] = []
        stack = [""]
        root = str(self.root)
        while stack:
            rel = stack.pop()
            prefix = rel + "/" if rel else ""
            each = _files_to_judge(rel, years)
            try:
                listing = os.scandir(os.path.join(root, rel) if rel else root)
            except OSError as err:  # no permission: the folder's error (the root's: refused)
                if not rel:
                    raise DataError(
                        t("file_unreadable_at", path=root, reason=os_error_text(err))
                    ) from None
                unreadable.append((rel, err))
                continue
            with listing as entries:
                for entry in entries:
                    name = entry.name
                    if name[0] == ".":
                        continue
                    path = prefix + name
                    if entry.is_file(follow_symlinks=False):
                        if each is None or wanted(path, each):
                            st = entry.stat(follow_symlinks=False)
                            stats[path] = st
                            out.append((path, st.st_size))
                    elif entry.is_dir(follow_symlinks=False):
                        if rel == "submissions" and not wanted(path + "/", years):
                            continue
                        stack.append(path)
                    elif entry.is_symlink():
                        links.append(path)  # refused, never followed
                    else:
                        irregular.append(path)  # a named pipe, a device, a socket: never opened
        self.links = links
        self.irregular = irregular
        self.unreadable = unreadable
        self.odd.update(dict.fromkeys(links, "link"))
        self.odd.update(dict.fromkeys((path for path, _err in unreadable), "unreadable"))
        self.odd.update(dict.fromkeys(irregular, "other"))
        out.sort()
        self._listed = (years, out)
        return list(out)

    def read(self, path: str) -> bytes:
        # Only a regular file is read: a link that appeared since the listing is refused
        # (ELOOP), a named pipe reads as empty and never blocks. os.path, not pathlib: 21,000
        # joins cost 0.1 s.
        try:
            return read_regular(os.path.join(self.root, path))
        except NotRegularFile:
            return b""


class Overlay:
    """The working tree with some files replaced (or added): the folder as it would be."""

    def __init__(self, root: Path, changes: dict[str, bytes]) -> None:
        self.base = WorkingTree(root)
        self.changes = changes

    @property
    def links(self) -> list[str]:
        return self.base.links

    @property
    def irregular(self) -> list[str]:
        return self.base.irregular

    @property
    def unreadable(self) -> list[tuple[str, OSError]]:
        return self.base.unreadable

    @property
    def stats(self) -> dict[str, os.stat_result]:
        """The files' stats for the parse cache; a changed file has none (never a cache hit)."""
        return {p: st for p, st in self.base.stats.items() if p not in self.changes}

    def describe(self) -> str:
        return self.base.describe()

    def files(self, years: Collection[int] | None) -> list[tuple[str, int]]:
        listing = dict(self.base.files(years))
        for path, data in self.changes.items():
            listing[path] = len(data)
        return sorted(listing.items())

    def read(self, path: str) -> bytes:
        data = self.changes.get(path)
        return data if data is not None else self.base.read(path)
