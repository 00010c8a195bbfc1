"""Writing a whole new folder (``demo generate``): into a destination that is absent or empty,
every file through the atomic writer, then one fsync round so that the folder is on disk when
the command returns."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from govinfo.errors import GovinfoError
from govinfo.i18n import t
from govinfo.store.atomic import atomic_write, fsync_dirs, resolve_inside, sync_existing


def write_new_folder(dest: Path, files: Iterable[tuple[str, str]]) -> None:
    """Create ``dest`` and write ``files`` — (path relative to ``dest`` with ``/``, text) — into
    it, each file all at once. Refuses (``GovinfoError``) a ``dest`` that exists and is not an
    empty folder. Files are fsync'ed in one round at the end rather than one by one: a demo
    folder may hold tens of thousands of files."""
    if dest.exists():
        if not dest.is_dir() or any(dest.iterdir()):
            raise GovinfoError(t("demo_dest_not_empty", path=str(dest)))
    else:
        dest.mkdir(parents=True)
    root = dest.resolve()
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
    fsync_dirs(folders | {root.parent})
