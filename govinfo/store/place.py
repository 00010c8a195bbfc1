"""Where a data folder lives for the writer: its repository (if any) and the state folder that
holds govinfo's write lock and journal for it."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from govinfo import settings
from govinfo.store import git

STATE_DIR_NAME = "govinfo"
LOCK_NAME = "write.lock"
JOURNAL_NAME = "journal.json"
MARK_NAME = ".govinfo-write"  # left in a folder outside git by a write in flight (store.rootmark)


@dataclass(frozen=True)
class Place:
    """Where a data folder lives: its resolved path, its repository (if any), and the folder that
    holds govinfo's lock and journal for it."""

    root: Path
    repo: Path | None
    prefix: str  # the data folder relative to the repository top, "" or ending in "/"
    state_dir: Path
    git_dir: Path | None = None  # the repository's git directory (absolute)

    @property
    def lock_path(self) -> Path:
        return self.state_dir / LOCK_NAME

    @property
    def journal_path(self) -> Path:
        return self.state_dir / JOURNAL_NAME

    @property
    def mark_path(self) -> Path:
        return self.root / MARK_NAME

    def may_be_pending(self) -> bool:
        """Whether a write may wait for recovery: its journal is here, or the folder holds a
        write's mark (a folder moved after a crash: its journal is kept for its old path).
        Two stats; no lock taken, none of the writer imported."""
        return self.journal_path.exists() or self.mark_path.exists()

    def repo_rel(self, rel: str) -> str:
        return self.prefix + rel


def locate(root: Path) -> Place:
    """Find the repository (if any) and the state folder for the data folder ``root``."""
    root = root.resolve()
    found = git.locate(root)
    if found is None:
        key = hashlib.sha256(os.fsencode(root)).hexdigest()[:16]
        return Place(root, None, "", settings.user_cache_dir() / "folders" / key)
    top, gdir = found[0].resolve(), found[1]
    rel = root.relative_to(top).as_posix()
    prefix = "" if rel == "." else rel + "/"
    return Place(root, top, prefix, gdir / STATE_DIR_NAME, gdir)


def has_pending(root: Path) -> bool:
    """Whether an interrupted write waits for recovery (two stats; no lock taken). Here, with
    where the journal lives, so that a reader's start-up check imports none of the writer."""
    return locate(root).may_be_pending()
