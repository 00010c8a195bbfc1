"""Writing a whole new folder (``demo generate``) into a destination that is absent or empty.

The folder is built under a name that says what it is and moved into place once every file is
written and on disk: an interrupted run — Ctrl-C, a kill, a full disk — never leaves a
half-made folder where the clerk asked for one, which ``check`` would take for a whole one and
a second run would refuse as not empty.

- An absent destination is built beside it (``.<name>.<pid>.govinfo-partial``) and renamed
  into place in one step.
- An empty folder that is already there stays the folder it is — a shell may stand in it, it
  may be a mount point or another user's — so the build goes inside it
  (``.<pid>.govinfo-partial``) and its entries are moved up, ``govinfo.yaml`` last: a stop in
  those few renames leaves no ``govinfo.yaml``, so nothing takes the folder for a data folder.

Ctrl-C and an error remove what was built; a partial folder left by a process that was killed
outright is removed by the next run for the same destination.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from govinfo.defaults import SETTINGS_FILE
from govinfo.errors import GovinfoError
from govinfo.i18n import os_error_text, t
from govinfo.store.atomic import (
    atomic_write,
    fsync_dirs,
    note_change,
    resolve_inside,
    sync_existing,
)

PARTIAL_SUFFIX = ".govinfo-partial"


def write_new_folder(
    dest: Path,
    files: Iterable[tuple[str, str]],
    *,
    prepare: Callable[[Path], None] | None = None,
) -> None:
    """Create ``dest`` holding ``files`` — (path relative to ``dest`` with ``/``, text) — all at
    once (see the module docstring). Refuses (``GovinfoError``) a ``dest`` that exists and is
    not an empty folder, and says so when the folder cannot be written. Files are fsync'ed in
    one round at the end rather than one by one: a demo folder may hold tens of thousands.
    ``prepare`` is given the partial folder once every file is in it, before it is moved into
    place (``git init`` and the first commit): what it adds moves with the rest, and a stop or
    an error in it leaves nothing, as one while the files are written does."""
    target = dest.resolve()
    inside = target.is_dir()
    try:
        if inside:
            remove_stale_partials(target, ".")
    except OSError as err:
        raise _cannot_write(err, dest) from None
    if not _absent_or_empty(target):
        raise GovinfoError(t("demo_dest_not_empty", path=str(dest)))
    try:
        if inside:
            partial = target / f".{os.getpid()}{PARTIAL_SUFFIX}"
        else:
            remove_stale_partials(target.parent, f".{target.name}.")
            partial = partial_path(target, os.getpid())
        partial.mkdir()
    except OSError as err:
        raise _cannot_write(err, dest) from None
    moved: list[Path] = []
    try:
        _fill(partial, files)
        if prepare is not None:
            prepare(partial)
        note_change()  # an interrupt from here on may land after the folder is in place
        if inside:
            _move_entries_up(partial, target, dest, moved)
        else:
            _move_into_place(partial, target, dest)
    except BaseException as exc:
        shutil.rmtree(partial, ignore_errors=True)
        for entry in moved:  # what reached the clerk's folder before the stop
            shutil.rmtree(entry, ignore_errors=True)
        if isinstance(exc, OSError):
            raise _cannot_write(exc, dest) from None
        raise
    fsync_dirs([target if inside else target.parent])


def partial_path(target: Path, pid: int) -> Path:
    """Where the process ``pid`` builds the folder ``target``."""
    return target.with_name(f".{target.name}.{pid}{PARTIAL_SUFFIX}")


def remove_stale_partials(folder: Path, prefix: str) -> None:
    """Remove the partial folders in ``folder`` named ``prefix<pid>`` + the suffix left by
    processes no longer running (killed before they could remove their own); those of a live
    process are its work in progress."""
    for entry in folder.iterdir():
        name = entry.name
        if not (name.startswith(prefix) and name.endswith(PARTIAL_SUFFIX)):
            continue
        pid = name[len(prefix) : -len(PARTIAL_SUFFIX)]
        if pid.isdigit() and not _running(int(pid)):
            shutil.rmtree(entry, ignore_errors=True)


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return False  # an earlier process that had this pid: this one has not begun yet
    if sys.platform == "win32":
        return True  # os.kill would end the process there, not ask about it: keep its folder
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # alive, someone else's
    return True


def _absent_or_empty(path: Path) -> bool:
    """Whether ``path`` is absent or an empty folder (a live run's partial folder aside)."""
    if not path.exists():
        return True
    try:
        return path.is_dir() and all(_is_partial(entry.name) for entry in path.iterdir())
    except OSError:
        return False


def _is_partial(name: str) -> bool:
    return (
        name.startswith(".")
        and name.endswith(PARTIAL_SUFFIX)
        and name[1 : -len(PARTIAL_SUFFIX)].isdigit()
    )


def _fill(root: Path, files: Iterable[tuple[str, str]]) -> None:
    """Write ``files`` into the new folder ``root``, then make them and their folders durable."""
    written: list[Path] = []
    folders = {root}
    for rel, text in files:
        target = resolve_inside(root, rel)
        if target.parent not in folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            folders.update(target.parents[: len(target.relative_to(root).parts) - 1])
        atomic_write(target, text.encode("utf-8"), sync=False)
        written.append(target)
    for target in written:
        sync_existing(target)
    fsync_dirs(folders)


def _move_into_place(partial: Path, target: Path, dest: Path) -> None:
    """Rename ``partial`` to ``target`` (absent, or an empty folder whose permissions it
    takes): one step on POSIX, which renames a folder onto an empty one; Windows will not, so
    there the empty folder is removed first."""
    with contextlib.suppress(OSError):
        os.chmod(partial, stat.S_IMODE(target.stat().st_mode))
    try:
        os.rename(partial, target)
    except OSError:
        if not (target.is_dir() and _absent_or_empty(target)):
            # another run, or the clerk, filled it meanwhile
            raise GovinfoError(t("demo_dest_not_empty", path=str(dest))) from None
        target.rmdir()
        os.rename(partial, target)


def _move_entries_up(partial: Path, target: Path, dest: Path, moved: list[Path]) -> None:
    """Move what was built in ``partial`` (inside ``target``) up into ``target``,
    ``govinfo.yaml`` last, noting each entry in ``moved``; then remove ``partial``."""
    entries = sorted(partial.iterdir(), key=lambda entry: entry.name == SETTINGS_FILE)
    for entry in entries:
        place = target / entry.name
        if place.exists() or place.is_symlink():
            # the clerk, or another run, put something there meanwhile
            raise GovinfoError(t("demo_dest_not_empty", path=str(dest)))
        os.rename(entry, place)
        moved.append(place)
    partial.rmdir()


def _cannot_write(err: OSError, dest: Path) -> GovinfoError:
    return GovinfoError(t("demo_cannot_write", path=str(dest), reason=os_error_text(err)))
