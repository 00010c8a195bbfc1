"""Files inside the data folder: safe paths, durable single-file writes, fsync helpers.

Every path a writer touches is given relative to the data folder with ``/`` and goes through
:func:`resolve_inside`, which refuses anything that would land outside the folder — absolute
paths, ``..``, NUL, backslashes, and any component that is a symbolic link (a link inside the
folder that points elsewhere is refused, never followed).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterable
from pathlib import Path

from govinfo.errors import GovinfoError
from govinfo.i18n import t
from govinfo.regular import read_regular

TEMP_SUFFIX = ".govinfo-tmp"

_changing = False  # see may_have_changed
_landed: bool | None = None  # see landed


def note_change() -> None:
    """Note that a file the clerk sees is about to change for good — the data folder past a
    write's point of no return, an export, a new folder moved into place. Called before the
    change, so that an interrupt landing in between still counts it."""
    global _changing
    _changing = True


def may_have_changed() -> bool:
    """Whether this process may have changed a file the clerk sees (:func:`note_change`) and
    not finished that change (:func:`note_landed`): until then an interrupted run has left
    everything as it was — a write not past its point of no return is rolled back, a
    half-built folder or an export's temporary file removed."""
    return _changing


def note_landed(*, committed: bool) -> None:
    """Note that a write to the data folder has landed: its files are in place and, when
    ``committed``, git has its commit — nothing of it is half-way any more, and an interrupt
    from here on can say it went in. A change noted after this one is half-way again."""
    global _changing, _landed
    _changing = False
    _landed = committed or bool(_landed)


def forget_run() -> None:
    """A new run of a command in this process (the suite runs many in one): nothing of it has
    changed or landed yet."""
    global _changing, _landed
    _changing, _landed = False, None


def landed() -> bool | None:
    """Whether a write of this process has landed (:func:`note_landed`): True when committed,
    False when written without a commit (a folder outside git), None when none has."""
    return _landed


def resolve_inside(root: Path, rel: str) -> Path:
    """The absolute path of ``rel`` (relative to ``root``, with ``/``) after checking that it stays
    inside ``root`` and passes through no symbolic link. ``root`` must already be resolved.

    Components that do not exist yet are fine (they will be created as plain folders).
    """
    bad = (
        not rel
        or "\0" in rel
        or "\\" in rel
        or rel.startswith("/")
        or (len(rel) > 1 and rel[1] == ":")  # a Windows drive
    )
    parts = rel.split("/")
    if bad or any(part in ("", ".", "..") for part in parts):
        raise GovinfoError(t("write_path_escapes", path=rel))
    for part in parts:
        if len(part.encode("utf-8")) > 255:
            raise GovinfoError(t("write_path_escapes", path=rel))
    current = root
    for part in parts:
        current = current / part
        if current.is_symlink():
            raise GovinfoError(t("write_path_symlink", path=rel))
        if not current.exists():
            break
    return root.joinpath(*parts)


def fsync_file(fd: int) -> None:
    # macOS's fsync does not reach the disk's platter; F_FULLFSYNC does.
    if sys.platform == "darwin":
        import fcntl

        with contextlib.suppress(OSError):
            fcntl.fcntl(fd, fcntl.F_FULLFSYNC)
            return
    os.fsync(fd)


def fsync_dirs(dirs: Iterable[Path]) -> None:
    """Make renames and new names in each folder durable (a no-op where folders cannot be
    opened, as on Windows)."""
    if sys.platform == "win32":
        return
    for d in sorted(set(dirs)):
        try:
            fd = os.open(d, os.O_RDONLY)
        except OSError:
            continue
        try:
            os.fsync(fd)
        except OSError:
            pass
        finally:
            os.close(fd)


def write_file(path: Path, data: bytes, *, sync: bool) -> None:
    """Write ``data`` to ``path`` (created or truncated), optionally fsync'ed."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o644)
    try:
        view = memoryview(data)
        while view:
            n = os.write(fd, view)
            view = view[n:]
        if sync:
            fsync_file(fd)
    finally:
        os.close(fd)


def sync_existing(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        fsync_file(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes, *, sync: bool = True) -> None:
    """Replace ``path`` with ``data`` all at once: a temporary file in the same folder, fsync,
    ``os.replace``, fsync of the folder. The temporary file is removed on any error."""
    temp = path.with_name(f".{path.name}.{os.getpid()}{TEMP_SUFFIX}")
    try:
        write_file(temp, data, sync=sync)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    if sync:
        fsync_dirs([path.parent])


def read_or_none(path: Path) -> bytes | None:
    """The bytes of the regular file at ``path``, None when there is none; a named pipe or a
    device in its place raises (``NotRegularFile``), never blocks."""
    try:
        return read_regular(path)
    except FileNotFoundError:
        return None


def fsync_dir(path: Path) -> None:
    """Make a rename inside ``path`` durable (a no-op where directories cannot be opened)."""
    fsync_dirs([path])


def write_bytes_atomic(target: Path, data: bytes) -> None:
    """Replace ``target`` with ``data`` so that a reader sees the old or the new file, never a
    torn one; missing parent folders are created; the temporary file is removed on any error."""
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, data)


def write_text_atomic(target: Path, text: str) -> None:
    write_bytes_atomic(target, text.encode("utf-8"))
