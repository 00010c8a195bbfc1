"""Which folder an outside-git journal belongs to: a mark the write leaves in the data folder
while it is in flight.

In a repository the journal lives in the repository's own ``.git/govinfo/``: it goes where the
folder goes and dies with it. Outside git it lives in the user's cache, keyed by the folder's
path (:mod:`govinfo.store.place`), and a path says nothing of *which* folder is there now: a
folder deleted after a crash and made again at the same path would find the old journal (and
have the old write undone or finished on it), a folder moved after a crash would leave its
journal behind and read as clean.

So a write outside git first leaves ``.govinfo-write`` in the data folder — a random token and
where its journal is — and the journal records the same token; both are removed together when
the write is done or recovered. The journal is the folder's only when the folder holds the mark
with its token. Why a token and not the folder's ``st_dev``/``st_ino`` (or its ctime, or a birth
time): a folder deleted and made again at once very often gets the very inode number it had
(ext4, tmpfs), a ctime changes with every file added and birth times are not kept everywhere,
while a folder moved to another disk, or restored from a copy, keeps none of them but is still
the folder the write was made to — the mark moves with the folder's files, and the token in it
is made for this one write (128 random bits: no other folder holds it). Hidden (a dot name): the
loader never lists it.

A folder that holds a mark naming a journal other than its own was moved (or copied) during an
unfinished write: the journal is found through the mark and, when the folder it was made for is
gone from its old path and no process holds that journal's lock, taken over — the write is
finished or undone where the folder is now. A mark whose journal is not on this computer, or is
another user's for this very folder, belongs to a write made elsewhere, in flight or interrupted
there: it is left alone, the folder is read as it is, and nothing is written here until that
write is finished where it was made.
"""

from __future__ import annotations

import json
import os
import re
import secrets
from pathlib import Path
from typing import Any

from govinfo.regular import read_regular
from govinfo.store.atomic import atomic_write, fsync_dirs
from govinfo.store.place import JOURNAL_NAME, MARK_NAME

MAX_MARK_BYTES = 1 << 16
_TOKEN = re.compile(r"[0-9a-f]{32}")


def mark_path(root: Path) -> Path:
    return root / MARK_NAME


def set_aside_path(journal: Path, token: str) -> Path:
    """Where a journal found at a path whose folder is another is kept (see recovery)."""
    return journal.with_name(f"journal-{token}.json")


def leave_mark(root: Path, journal: Path) -> dict[str, str]:
    """Write the mark into ``root`` (durably, before the journal that names it) and return
    what the journal records of it: the token and the folder's path (for messages)."""
    token = secrets.token_hex(16)
    body = {"token": token, "journal": os.fsdecode(journal), "root": os.fsdecode(root)}
    data = json.dumps(body, ensure_ascii=False).encode("utf-8", "surrogatepass")
    atomic_write(mark_path(root), data, sync=True)
    return {"token": token, "path": os.fsdecode(root)}


def read_mark(root: Path) -> dict[str, str] | None:
    """The mark in ``root`` (token, journal, root), or None when there is none or it is not
    one (a mark that cannot be read proves nothing: no journal is taken for it)."""
    try:
        raw = read_regular(mark_path(root), limit=MAX_MARK_BYTES)
        body = json.loads(raw.decode("utf-8", "surrogatepass"))
    except (OSError, ValueError):
        return None
    if not isinstance(body, dict) or not all(
        isinstance(body.get(k), str) for k in ("token", "journal", "root")
    ):
        return None
    # as leave_mark writes one: anything else (a damaged or hand-made file) names no journal
    journal = Path(body["journal"])
    if not (
        _TOKEN.fullmatch(body["token"]) and journal.is_absolute() and journal.name == JOURNAL_NAME
    ):
        return None
    return {k: str(body[k]) for k in ("token", "journal", "root")}


def remove_mark(root: Path) -> None:
    """Remove the mark, when there is one (a write in a repository leaves none)."""
    path = mark_path(root)
    if not os.path.lexists(path):  # one stat (unlinking asks a read-only disk: EROFS)
        return
    try:
        os.unlink(path)
    except FileNotFoundError:
        return
    fsync_dirs([root])


def belongs_here(root: Path, manifest: dict[str, Any]) -> bool:
    """Whether the journal ``manifest`` is the folder's at ``root``: it records no mark (a
    journal in a repository, or one written before marks were), or the folder holds its mark."""
    recorded = manifest.get("root")
    if not isinstance(recorded, dict):
        return True
    mark = read_mark(root)
    return mark is not None and mark["token"] == recorded.get("token")
