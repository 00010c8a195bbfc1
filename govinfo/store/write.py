"""The write layer every writing command shares (import, close-year, points add/retire/reinstate).

Use it like this::

    from govinfo.store.write import open_writer

    with open_writer(root, command="import") as w:   # lock taken, interrupted writes recovered
        for note in w.recovered:                       # tell the clerk what recovery did
            err_console.print(note)
        folder = load_folder(root)                     # read only after the lock is held
        old = w.read_bytes("points.yaml")              # None when the file does not exist
        result = w.apply(
            {"points.yaml": new_bytes, "submissions/2003/cc/08.yaml": other},
            message="导入 …：新增 2 条",
            office=folder.settings.office,             # commit author when git has no identity
            commit=True,                               # False for --no-commit
        )
        result.written   # data-relative paths whose bytes changed (unchanged ones are skipped)
        result.commit    # the new commit id, or None (nothing changed, no commit, or not a repo)
        result.warnings  # one-line warnings for stderr (not a git repository, identity fallback)

``apply_changes(root, changes, ...)`` does the same in one call; ``recover(root)`` takes the lock
just to finish or undo an interrupted write; ``has_pending(root)`` (kept in
:mod:`govinfo.store.place`, light to import) is a cheap check readers may use.

What ``apply`` guarantees:

- **Inside the folder.** Paths are relative to the data folder with ``/``; anything that would
  escape it (absolute, ``..``, NUL) or pass through a symbolic link is refused.
- **Hand edits are safe.** It refuses (nothing written) when a file it would change has
  uncommitted changes in git.
- **One writer.** An operating-system lock under the repository's ``.git/govinfo/`` (or the user
  cache folder when the data folder is not in a repository) — see :mod:`govinfo.store.lock`.
- **All or nothing, even across a crash.** A journal (``journal.json`` next to the lock):
  (1) a *prepare* manifest naming the temporary files; (2) the new contents written to temporary
  files beside their targets; (3) one fsync round (all files, then each folder once); (4) the
  manifest switched to *commit* (durably: this is the point of no return); (5) the renames and
  one more folder fsync round; (6) ``git commit --only`` the paths written; (7) the journal
  removed. After a crash, the next command that takes the lock rolls a *prepare* journal back
  (temporary files and new folders removed; the targets were never touched) and a *commit*
  journal forward (remaining renames, then the commit if it is missing). Either way the folder
  ends exactly as it was before or exactly as it is after, with at most the one commit.
  An error after the point of no return (git refusing the commit) undoes the write, unless the
  commit had already landed, in which case the write is finished; an interrupt (Ctrl-C) is
  handled as a crash: the journal stays for the next command.
- ``GOVINFO_CRASH_AT=N`` makes the process exit hard (``os._exit``) at the N-th durable step
  of ``apply``, so tests can walk every step; ``GOVINFO_INTERRUPT_AT=N`` sends it SIGINT there
  instead, as Ctrl-C would. Once the files are in place and the commit made, the write is
  noted as landed (``atomic.note_landed``): an interrupt after it says the write went in.
- A folder outside git is written the same way, without a commit and with a warning; its
  journal (kept by path) is tied to the folder by a mark (:mod:`govinfo.store.rootmark`).

Where the lock and journal live is :mod:`govinfo.store.place`; the journal file is
:mod:`govinfo.store.journal`; finishing or undoing an interrupted write is
:mod:`govinfo.store.recovery`.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govinfo import settings
from govinfo.errors import GitError, GovinfoError
from govinfo.i18n import error_text, os_error_text, t, tn
from govinfo.store import git
from govinfo.store.atomic import (
    TEMP_SUFFIX,
    atomic_write,
    fsync_dirs,
    note_change,
    note_landed,
    read_or_none,
    resolve_inside,
    sync_existing,
    write_file,
)
from govinfo.store.journal import (
    JOURNAL_VERSION,
    begin_journal,
    remove_dirs,
    remove_journal,
    sha,
    write_journal,
)
from govinfo.store.lock import Waiting, hold_lock
from govinfo.store.place import Place, has_pending, locate
from govinfo.store.recovery import (
    JournalCommitFailed,
    PendingWrite,
    RecoveryRefused,
    recover_locked,
    roll_back_prepared,
    roll_forward,
)

CRASH_EXIT_CODE = 86

_steps_taken = 0
_writes_done = 0  # writes completed by this process (see writes_done)


def forget_run() -> None:
    """A new run of a command in this process (the suite runs many in one): no step taken, no
    write done yet (``GOVINFO_CRASH_AT`` and ``GOVINFO_INTERRUPT_AT`` count this run's steps)."""
    global _steps_taken, _writes_done
    _steps_taken = _writes_done = 0


def writes_done() -> int:
    """How many writes this process completed (the CLI's last word when stdout is lost)."""
    return _writes_done


def _durable_step() -> None:
    """Count one durable step; exit hard at the step ``GOVINFO_CRASH_AT`` names, or be sent
    SIGINT (Ctrl-C) at the one ``GOVINFO_INTERRUPT_AT`` names (tests only)."""
    global _steps_taken
    _steps_taken += 1
    if settings.crash_at() == _steps_taken:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(CRASH_EXIT_CODE)
    if settings.interrupt_at() == _steps_taken:
        os.kill(os.getpid(), signal.SIGINT)


@dataclass
class WriteResult:
    written: list[str] = field(default_factory=list)
    commit: str | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass
class _Entry:
    rel: str
    target: Path
    temp: Path
    old: bytes | None
    new: bytes


def _temp_for(target: Path, txid: str) -> Path:
    return target.with_name(f".{target.name}.{txid}{TEMP_SUFFIX}")


def _missing_dirs(root: Path, rels: Sequence[str]) -> list[str]:
    """The folders (relative to root, parents first) that must be created for ``rels``."""
    missing: list[str] = []
    seen: set[str] = set()
    for rel in rels:
        parts = rel.split("/")[:-1]
        for i in range(1, len(parts) + 1):
            sub = "/".join(parts[:i])
            if sub in seen:
                continue
            seen.add(sub)
            if not (root / sub).exists():
                missing.append(sub)
    return missing


class Writer:
    """A data folder held under the write lock. Made by :func:`open_writer`."""

    def __init__(self, place: Place) -> None:
        self.place = place
        self.root = place.root
        self.recovered: list[str] = []

    @property
    def repo(self) -> Path | None:
        return self.place.repo

    def path(self, rel: str) -> Path:
        """The absolute path of ``rel``, refused if it would leave the folder."""
        return resolve_inside(self.root, rel)

    def read_bytes(self, rel: str) -> bytes | None:
        """The current bytes of ``rel``, or None when it does not exist."""
        return read_or_none(self.path(rel))

    def refuse_dirty(self, rels: Sequence[str]) -> None:
        """Raise when any of ``rels`` has uncommitted changes (nothing to do outside git)."""
        if self.repo is None or not rels:
            return
        dirty = git.dirty_paths(self.repo, [self.place.repo_rel(r) for r in rels])
        if dirty:  # the message names the git line that commits them
            mine = [d[len(self.place.prefix) :] for d in sorted(dirty)]
            how = git.commit_command(self.root, mine, t("write_dirty_commit"))
            raise GovinfoError(tn("write_dirty", len(dirty), paths=", ".join(mine[:5]), how=how))

    def refuse_git_lock(self) -> None:
        """Raise, before anything is written, when git's ``index.lock`` is in the way: the
        commit would fail. git never removes a lock left by a killed git; the message says how."""
        lock = git.index_lock(self.place.git_dir) if self.place.git_dir is not None else None
        if lock is not None:
            raise GitError(t("git_lock_left", path=lock))

    def apply(
        self,
        changes: Mapping[str, bytes],
        *,
        message: str,
        office: str = "",
        commit: bool = True,
    ) -> WriteResult:
        """Write ``changes`` (data-relative path → new bytes) all or nothing, then commit them.

        Files whose bytes would not change are left alone; when nothing changes, nothing is
        written and no commit is made.
        """
        result = WriteResult()
        entries: list[_Entry] = []
        txid = f"{os.getpid()}-{secrets.token_hex(4)}"
        for rel in sorted(changes):
            target = self.path(rel)
            if target.is_dir():
                raise GovinfoError(t("write_path_escapes", path=rel))
            old = read_or_none(target)
            new = changes[rel]
            if old == new:
                continue
            entries.append(_Entry(rel, target, _temp_for(target, txid), old, new))
        if not entries:
            return result
        rels = [e.rel for e in entries]
        self.refuse_dirty(rels)
        do_commit = commit and self.repo is not None
        env: dict[str, str] | None = None
        if do_commit:
            self.refuse_git_lock()
        if self.repo is None:
            result.warnings.append(t("write_not_git"))
        elif do_commit and not git.has_identity(self.repo):
            env = git.identity_env(office)
            result.warnings.append(t("git_no_identity", office=office or "govinfo"))
        if do_commit and self.repo is not None and git.detached_head(self.repo):
            result.warnings.append(t("git_detached_head"))

        created = _missing_dirs(self.root, rels)
        manifest: dict[str, Any] = {
            "version": JOURNAL_VERSION,
            "state": "prepare",
            "txid": txid,
            "prefix": self.place.prefix,
            "message": message,
            "commit": do_commit,
            "office": office,
            "identity_fallback": env is not None,
            "created_dirs": created,
            "files": [
                {
                    "path": e.rel,
                    "temp": e.temp.name,
                    "old": sha(e.old),
                    "new": sha(e.new),
                }
                for e in entries
            ],
        }
        try:
            begin_journal(self.place, manifest)  # outside git: the folder's mark first
        except OSError as err:
            raise GovinfoError(
                t(
                    "state_os_error",
                    path=err.filename or self.place.state_dir,
                    reason=os_error_text(err),
                )
            ) from None
        _durable_step()
        dirs = {e.target.parent for e in entries}
        try:
            for sub in created:
                (self.root / sub).mkdir()
                dirs.add((self.root / sub).parent)
            for e in entries:
                write_file(e.temp, e.new, sync=False)
                _durable_step()
            for e in entries:
                sync_existing(e.temp)
            fsync_dirs(dirs)
            _durable_step()
            note_change()  # from the next line on, an interrupt leaves the write to be finished
            manifest["state"] = "commit"
            write_journal(self.place, manifest, sync=True)
        except BaseException as exc:
            roll_back_prepared(self.place, manifest)
            if isinstance(exc, OSError):  # a read-only folder, no permission, a full disk
                raise GovinfoError(
                    t("write_os_error", path=exc.filename or self.root, reason=os_error_text(exc))
                ) from None
            raise
        _durable_step()

        try:
            for e in entries:
                os.replace(e.temp, e.target)
                _durable_step()
            fsync_dirs({e.target.parent for e in entries})
            if do_commit and self.repo is not None:
                _durable_step()
                result.commit = git.commit_paths(
                    self.repo, [self.place.repo_rel(r) for r in rels], message, env=env
                )
            # landed: the files in place, the commit made (recovery never undoes it now)
            note_landed(committed=result.commit is not None)
            _durable_step()
        except Exception as exc:
            # A failure after the point of no return (a refused commit, a full disk) puts the
            # folder back as it was — unless the commit did land (git failed only after it),
            # which is finished, never undone: undoing the files would leave a commit whose
            # files are gone from the folder.
            if do_commit and self._landed(rels):
                roll_forward(self.place, manifest)
            else:
                self._undo(entries, created, exc)
            if isinstance(exc, OSError):
                raise GovinfoError(
                    t("write_os_error", path=exc.filename or self.root, reason=os_error_text(exc))
                ) from None
            raise
        # An interrupt here (Ctrl-C, KeyboardInterrupt) is handled as a crash: the journal stays
        # and the next command finishes the write, whether or not git had made the commit.
        remove_journal(self.place)
        _durable_step()
        result.written = rels
        global _writes_done
        _writes_done += 1
        return result

    def _landed(self, rels: Sequence[str]) -> bool:
        """Whether HEAD already records ``rels`` as they are now in the folder."""
        if self.repo is None:
            return False
        try:
            return git.head_matches(self.repo, [self.place.repo_rel(r) for r in rels])
        except GovinfoError:
            return False

    def _undo(
        self, entries: Sequence[_Entry], created: Sequence[str], cause: BaseException
    ) -> None:
        """Put back what an ``apply`` that failed after its point of no return changed: the
        files, then git's index entries the failed commit made (checked: an index left ahead
        of the files is a refusal saying how to fix it, never silence). When the files cannot
        be put back (a full disk), the journal stays and the next run finishes the write."""
        if isinstance(cause, GovinfoError):
            why = error_text(cause)
        elif isinstance(cause, OSError):
            why = f"{cause.filename or self.root}: {os_error_text(cause)}"
        else:
            why = str(cause)
        try:
            for e in entries:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(e.temp)
                if e.old is None:
                    with contextlib.suppress(FileNotFoundError):
                        os.unlink(e.target)
                else:
                    atomic_write(e.target, e.old)
        except OSError as err:
            raise GovinfoError(
                t("write_undo_failed", cause=why, detail=f"{err.filename}: {os_error_text(err)}")
            ) from None
        remove_dirs(self.root, created)
        remove_journal(self.place)
        if self.repo is None:
            return
        # Only new files have index entries to undo (``git add -N``); the index entries of
        # files git already tracked are updated by the commit alone, which did not happen.
        head = git.has_head(self.repo)
        staged = [self.place.repo_rel(e.rel) for e in entries if e.old is None or not head]
        try:
            git.unstage_paths(self.repo, staged)
        except GovinfoError as err:
            raise GitError(
                t(
                    "git_index_not_restored",
                    cause=why,
                    detail=err.message.replace("\n", " "),
                    paths=" ".join(staged),
                )
            ) from None


def _command_line() -> str:
    return " ".join(["govinfo", *sys.argv[1:]]) if sys.argv else "govinfo"


@contextlib.contextmanager
def open_writer(
    root: Path, *, command: str | None = None, wait: float | None = None, waiting: Waiting = None
) -> Iterator[Writer]:
    """Hold the data folder's write lock for the ``with`` block (``waiting``: see hold_lock),
    after finishing or undoing any interrupted write (its notes in ``Writer.recovered``)."""
    place = locate(root)
    with hold_lock(place.lock_path, command=command or _command_line(), wait=wait, waiting=waiting):
        writer = Writer(place)
        writer.recovered = recover_locked(place)
        yield writer


def apply_changes(
    root: Path,
    changes: Mapping[str, bytes],
    *,
    message: str,
    office: str = "",
    commit: bool = True,
) -> WriteResult:
    """:meth:`Writer.apply` under a lock of its own; recovery notes come first in ``warnings``."""
    with open_writer(root) as w:
        result = w.apply(changes, message=message, office=office, commit=commit)
        result.warnings[:0] = w.recovered
        return result


def recover(root: Path) -> list[str]:
    """Take the lock just to finish or undo an interrupted write; returns what was done."""
    with open_writer(root) as w:
        return w.recovered


__all__ = [
    "CRASH_EXIT_CODE",
    "JournalCommitFailed",
    "PendingWrite",
    "Place",
    "RecoveryRefused",
    "WriteResult",
    "Writer",
    "apply_changes",
    "has_pending",
    "locate",
    "open_writer",
    "recover",
    "writes_done",
]
