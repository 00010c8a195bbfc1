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
from govinfo.i18n import os_error_text, t
from govinfo.store.atomic import TEMP_SUFFIX, atomic_write, fsync_dirs, read_or_none, resolve_inside
from govinfo.store.place import Place
from govinfo.store.rootmark import leave_mark, remove_mark

JOURNAL_VERSION = 1


def sha(data: bytes | None) -> str | None:
    return None if data is None else hashlib.sha256(data).hexdigest()


def write_journal(place: Place, manifest: Mapping[str, Any], *, sync: bool) -> None:
    # surrogatepass: a name that is not UTF-8 (unpacked from a Windows archive) round-trips
    data = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8", "surrogatepass")
    atomic_write(place.journal_path, data, sync=sync)


def begin_journal(place: Place, manifest: dict[str, Any]) -> None:
    """Write a write's first (*prepare*) journal. Outside git, the data folder's mark first
    (:mod:`govinfo.store.rootmark`), its token recorded in the journal as ``root``: a journal
    found later at this path is applied only to the folder that holds the mark."""
    place.state_dir.mkdir(parents=True, exist_ok=True)
    if place.repo is None:
        try:
            manifest["root"] = leave_mark(place.root, place.journal_path)
        except OSError as err:
            raise GovinfoError(
                t("write_os_error", path=err.filename or place.root, reason=os_error_text(err))
            ) from None
    write_journal(place, manifest, sync=False)


def remove_journal(place: Place) -> None:
    """Remove the journal, then the folder's mark (outside git: :mod:`govinfo.store.rootmark`)."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(place.journal_path)
    fsync_dirs([place.state_dir])
    remove_mark(place.root)


def remove_dirs(root: Path, created: Sequence[str]) -> None:
    for sub in reversed(created):
        with contextlib.suppress(OSError):
            (root / sub).rmdir()


def read_journal(place: Place) -> dict[str, Any] | None:
    return read_journal_at(place.journal_path)


def read_journal_at(path: Path) -> dict[str, Any] | None:
    """The journal at ``path``, None when there is none; refused when it is not one."""
    raw = read_or_none(path)
    if raw is None:
        return None
    try:
        manifest = json.loads(raw.decode("utf-8", "surrogatepass"))
    except (UnicodeDecodeError, ValueError):
        manifest = None
    if (
        not isinstance(manifest, dict)
        or manifest.get("version") != JOURNAL_VERSION
        or manifest.get("state") not in ("prepare", "commit")
    ):
        raise GovinfoError(t("journal_unreadable", path=path))
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
