"""The write journal (``journal.json`` beside the lock): written before any file is touched,
switched to *commit* at the point of no return, removed when the write is done — and read back
by :mod:`govinfo.store.recovery` after a crash."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from govinfo.errors import GovinfoError
from govinfo.i18n import t
from govinfo.store.atomic import TEMP_SUFFIX, atomic_write, fsync_dirs, read_or_none, resolve_inside
from govinfo.store.place import Place

JOURNAL_VERSION = 1


def sha(data: bytes | None) -> str | None:
    return None if data is None else hashlib.sha256(data).hexdigest()


def write_journal(place: Place, manifest: Mapping[str, Any], *, sync: bool) -> None:
    data = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
    atomic_write(place.journal_path, data, sync=sync)


def remove_journal(place: Place) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(place.journal_path)
    fsync_dirs([place.state_dir])


def remove_dirs(root: Path, created: Sequence[str]) -> None:
    for sub in reversed(created):
        with contextlib.suppress(OSError):
            (root / sub).rmdir()


def read_journal(place: Place) -> dict[str, Any] | None:
    raw = read_or_none(place.journal_path)
    if raw is None:
        return None
    try:
        manifest = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        manifest = None
    if (
        not isinstance(manifest, dict)
        or manifest.get("version") != JOURNAL_VERSION
        or manifest.get("state") not in ("prepare", "commit")
    ):
        raise GovinfoError(t("journal_unreadable", path=place.journal_path))
    return manifest


def journal_files(place: Place, manifest: Mapping[str, Any]) -> list[tuple[str, Path, Path]]:
    """(rel, target, temp) of each file the journal names, refusing any that leaves the folder."""
    out: list[tuple[str, Path, Path]] = []
    for f in manifest["files"]:
        rel, name = str(f["path"]), str(f["temp"])
        target = resolve_inside(place.root, rel)
        if not name.endswith(TEMP_SUFFIX) or "/" in name or "\\" in name or name.startswith(".."):
            raise GovinfoError(t("journal_unreadable", path=place.journal_path))
        out.append((rel, target, target.with_name(name)))
    return out
