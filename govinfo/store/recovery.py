"""Finishing or undoing a write a crash interrupted, from its journal: a *prepare* journal is
rolled back (the targets were never touched), a *commit* journal forward (remaining renames, then
the commit if it is missing)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from govinfo.errors import GitError, GovinfoError
from govinfo.i18n import os_error_text, t
from govinfo.store import git
from govinfo.store.atomic import fsync_dirs, note_change, read_or_none
from govinfo.store.journal import (
    journal_files,
    read_journal,
    read_journal_at,
    remove_dirs,
    remove_journal,
    sha,
)
from govinfo.store.lock import LockBusy, hold_lock
from govinfo.store.place import LOCK_NAME, Place
from govinfo.store.rootmark import belongs_here, read_mark, remove_mark, set_aside_path


class PendingWrite(GovinfoError):
    """An interrupted write is left pending with its journal kept: readers may go on reading
    the folder as it is (and say so); writers refuse."""


class JournalCommitFailed(PendingWrite):
    """An interrupted write was finished (the files are as after it) but its commit could not
    be made; the journal stays so that a later run makes it. Readers may go on reading."""


class RecoveryRefused(PendingWrite):
    """An interrupted write can be neither finished nor undone without destroying something: a
    file it names holds neither the content the journal expects before nor after the write (a
    hand edit since the crash). Nothing is changed; the message says how to resolve it."""


def roll_back_prepared(place: Place, manifest: Mapping[str, Any]) -> None:
    """Remove a *prepare* journal's temporary files and new folders (its targets were never
    touched), then the journal. A temporary file that exists but cannot be removed (a folder
    made read-only since) keeps the journal and refuses: dropping it would orphan the file."""
    for _rel, _target, temp in journal_files(place, manifest):
        if not os.path.lexists(temp):
            continue  # never written (on a read-only folder unlink would fail for it too)
        try:
            os.unlink(temp)
        except FileNotFoundError:
            pass
        except OSError as err:
            raise PendingWrite(
                t(
                    "journal_os_error",
                    path=temp,
                    reason=os_error_text(err),
                    journal=place.journal_path,
                )
            ) from None
    remove_dirs(place.root, [str(d) for d in manifest.get("created_dirs", [])])
    remove_journal(place)


def _prove_forward(place: Place, manifest: Mapping[str, Any]) -> list[tuple[Path, Path]]:
    """The renames that finish a *commit* journal, after proving that every target is in one of
    the two states the journal expects: as after the write (nothing left to do for it), or as
    before it with its temporary file holding the new content. Any other state (a hand edit
    since the crash, a temporary file gone or damaged) refuses, naming the files, before
    anything is touched."""
    renames: list[tuple[Path, Path]] = []
    changed: list[str] = []
    for (rel, target, temp), f in zip(
        journal_files(place, manifest), manifest["files"], strict=True
    ):
        now = sha(read_or_none(target))
        if now == f["new"]:
            continue  # renamed before the crash (a temporary file left beside it is stale)
        if now == f["old"] and sha(read_or_none(temp)) == f["new"]:
            renames.append((temp, target))
        elif now == f["old"]:
            # The new content is nowhere: its temporary file was removed (``git clean``, by
            # hand) — say that, not that the clerk's file changed, when it did not.
            # Refused, not failed: readers go on reading the folder as it is, writers refuse.
            if temp.exists():
                key = "journal_cannot_finish"
            else:
                key = "journal_temp_gone" if place.repo is not None else "journal_temp_gone_no_git"
            raise RecoveryRefused(t(key, path=place.journal_path, file=rel, temp=temp.name))
        else:
            changed.append(rel)
    if changed:
        temps = [
            str(temp) for _rel, _target, temp in journal_files(place, manifest) if temp.exists()
        ]
        raise RecoveryRefused(
            t(
                "journal_target_changed",
                message=manifest.get("message", ""),
                files=", ".join(changed),
                path=place.journal_path,
                temps=", ".join(temps) or t("journal_no_temps"),
            )
        )
    return renames


def roll_forward(place: Place, manifest: Mapping[str, Any]) -> None:
    note_change()  # this run now finishes the write: its files change
    files = journal_files(place, manifest)
    for temp, target in _prove_forward(place, manifest):
        os.replace(temp, target)
    for _rel, _target, temp in files:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
    fsync_dirs({target.parent for _rel, target, _temp in files})
    if manifest.get("commit") and place.repo is not None:
        paths = [place.repo_rel(rel) for rel, _t, _p in files]
        try:
            _commit_forward(place, place.repo, paths, manifest)
        except GovinfoError as err:
            raise JournalCommitFailed(
                t("journal_commit_failed", path=place.journal_path, detail=err.message)
            ) from None
    remove_journal(place)


def _commit_forward(
    place: Place, repo: Path, paths: list[str], manifest: Mapping[str, Any]
) -> None:
    """Make the interrupted write's commit unless it was made: the paths are clean, or HEAD
    already records their content (git was killed after the commit but before it refreshed
    its index: the index entries are put back as HEAD has them)."""
    # A git killed in the commit may leave its index.lock even when the commit is complete:
    # say so now (the journal stays until it is cleared) rather than at the next write.
    lock = git.index_lock(place.git_dir) if place.git_dir is not None else None
    if lock is not None:
        raise GitError(t("git_lock_left", path=lock))
    dirty = git.dirty_paths(repo, paths)
    if not dirty:
        return
    if git.head_matches(repo, sorted(dirty)):
        git.run(["reset", "-q", "--", *sorted(dirty)], repo)
        return
    env = None
    if manifest.get("identity_fallback") and not git.has_identity(repo):
        env = git.identity_env(str(manifest.get("office", "")))
    git.commit_paths(repo, sorted(dirty), str(manifest["message"]), env=env)


def recover_locked(place: Place) -> list[str]:
    """Finish or undo the interrupted write the journal names (notes of what was done), or
    raise :class:`PendingWrite` when it cannot be done now; an operating-system failure (a
    folder made read-only) is one too, never a traceback."""
    try:
        return _recover(place)
    except OSError as err:
        raise PendingWrite(
            t(
                "journal_os_error",
                path=err.filename or place.root,
                reason=os_error_text(err),
                journal=place.journal_path,
            )
        ) from None


def _recover(place: Place) -> list[str]:
    manifest = read_journal(place)
    if manifest is None:
        return _moved_here(place)
    if not belongs_here(place.root, manifest):
        return [_set_aside(place, manifest)]
    if place.prefix != manifest.get("prefix", place.prefix):
        # Another data folder of the same repository was interrupted: finish it where it is.
        assert place.repo is not None
        other = (place.repo / str(manifest["prefix"])).resolve()
        place = Place(other, place.repo, str(manifest["prefix"]), place.state_dir, place.git_dir)
    if manifest["state"] == "prepare":
        roll_back_prepared(place, manifest)
        return [t("journal_rolled_back", message=manifest.get("message", ""))]
    roll_forward(place, manifest)
    return [t("journal_completed", message=manifest.get("message", ""))]


def _set_aside(place: Place, manifest: Mapping[str, Any]) -> str:
    """Keep a journal whose folder is not the one now at its path (deleted and made again, or
    moved away) out of this folder's way, under a name of its own — never applied here: a
    folder moved away finds it through its mark (:func:`_moved_here`)."""
    recorded = manifest["root"]
    aside = set_aside_path(place.journal_path, str(recorded.get("token", "")))
    os.replace(place.journal_path, aside)
    fsync_dirs([place.state_dir])
    return t(
        "journal_other_folder",
        message=manifest.get("message", ""),
        root=recorded.get("path", place.root),
        path=aside,
    )


def _moved_here(place: Place) -> list[str]:
    """The interrupted write of a folder moved here after it (its mark names a journal kept
    for another path): taken over and finished or undone here, holding that journal's lock —
    unless the folder it was made for still holds the same mark at its old path (this one is a
    copy): then nothing is done and the clerk is told to run govinfo there first.

    A mark naming this folder's own journal, which is gone, is stale (a kill before the journal
    was written): removed — this run holds the lock every write to the folder from here takes.
    A mark whose journal is not here, or is another user's for this very folder, is a write
    made elsewhere (in flight or interrupted there): left alone, and pending here."""
    mark = read_mark(place.root)
    if mark is None:
        return []
    journal = Path(mark["journal"])
    if journal == place.journal_path:
        remove_mark(place.root)
        return []
    found: tuple[Path, dict[str, Any]] | None = None
    for candidate in (journal, set_aside_path(journal, mark["token"])):
        manifest = read_journal_at(candidate)
        recorded = manifest.get("root") if manifest is not None else None
        token = recorded.get("token") if isinstance(recorded, dict) else None
        if manifest is not None and token == mark["token"]:  # never a journal without one
            found = (candidate, manifest)
            break
    old = Path(str(found[1]["root"].get("path", ""))) if found is not None else None
    if found is None or old == place.root:
        raise PendingWrite(t("journal_elsewhere", mark=place.mark_path, journal=journal))
    candidate, manifest = found
    assert old is not None
    if (read_mark(old) or {}).get("token") == mark["token"]:
        raise PendingWrite(
            t("journal_copy_of", old=old, message=manifest.get("message", ""), path=candidate)
        )
    # A writer still at work on the old place holds its lock (LockBusy: the folder is read as
    # it is); a lock that cannot even be taken there leaves the write pending too.
    try:
        with hold_lock(candidate.parent / LOCK_NAME, command="govinfo (recovery)", wait=0):
            place.state_dir.mkdir(parents=True, exist_ok=True)
            os.replace(candidate, place.journal_path)
            fsync_dirs([place.state_dir, candidate.parent])
    except LockBusy:
        raise
    except GovinfoError as err:
        raise PendingWrite(err.message) from None
    return [t("journal_moved_here", old=old), *_recover(place)]
