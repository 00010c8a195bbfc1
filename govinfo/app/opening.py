"""Opening the data folder: finding it, and making it whole before it is read — a write that
was interrupted (a crash, a kill) finished or undone first."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from govinfo import settings
from govinfo.app.options import Feedback, RunOptions
from govinfo.defaults import SETTINGS_FILE
from govinfo.errors import DataError
from govinfo.i18n import t
from govinfo.load import prelist
from govinfo.text import shell_word

if TYPE_CHECKING:
    from govinfo.store.place import Place


def locate_folder(options: RunOptions) -> Path:
    """The data folder: ``--data``, else ``GOVINFO_DATA``, else ``./data`` when it holds a
    ``govinfo.yaml`` (SPEC §1), else the current folder when it holds one itself (a clerk
    standing inside the folder); otherwise a one-line error naming ``govinfo init``."""
    given = options.data
    if given is None:
        given = settings.data_folder()
    if given is not None:
        if not (given / SETTINGS_FILE).is_file():
            raise DataError(_not_a_folder(given))
        return given.resolve()
    for default in (Path("data"), Path()):
        if (default / SETTINGS_FILE).is_file():
            return default.resolve()
    raise DataError(t("no_data_folder"))


def _not_a_folder(given: Path) -> str:
    """Why ``given`` cannot be read, with a command that helps and works as printed: ``--data``
    the data folder it is in or that its ``data/`` is, else ``govinfo init`` of itself or of a
    ``data/`` inside it where init would make one, else none."""
    inner = given / "data"
    try:
        target = given.resolve()
        if (inner / SETTINGS_FILE).is_file():
            found: Path | None = inner
        else:
            found = folder_above(target)
        if found is not None:
            return t(
                "data_not_folder_inner", path=given, inner=found, command=shell_word(str(found))
            )
        for place, key in ((given, "data_not_folder"), (inner, "data_not_folder_full")):
            if place.parent.is_dir() and place_refusal(place) is None:
                return t(key, path=given, command=shell_word(str(place)))
    except OSError:  # a folder that cannot be looked into: no command to offer
        pass
    return t("data_not_folder_none", path=given)


def place_refusal(directory: Path) -> str | None:
    """Why a data folder cannot be made at ``directory``
    (:func:`govinfo.app.init.refuse_new_folder_place`, the folder it would go in aside), or
    None when it can."""
    target = directory.resolve()
    if (target / SETTINGS_FILE).is_file():
        return t("init_is_folder", path=str(directory))
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        return t("init_not_empty", path=str(directory))
    above = folder_above(target)
    if above is not None:
        return t("init_inside_folder", path=str(directory), folder=str(above))
    return None


def folder_above(target: Path) -> Path | None:
    """The data folder ``target`` (resolved) lies inside, if any."""
    for above in target.parents:
        if (above / SETTINGS_FILE).is_file():
            return above
    return None


def finish_interrupted_write(place: Place, feedback: Feedback) -> None:
    """Before reading: when a write was interrupted (a crash, a kill), finish or undo it first,
    so that every command sees the folder exactly as before or exactly as after that write.

    A reader never fails for a writer: when a live govinfo still holds the lock after the
    usual wait, or the interrupted write's files are in place but git could not record them
    (its message says why and what to do), the folder is read as it is — every file whole."""
    if not place.may_be_pending():  # two stats: no lock taken, none of the writer imported
        return
    prelist.forget()  # the folder listed at start-up may be the one before the recovery
    from govinfo.store.lock import LockBusy  # the writer, only when there is a write to finish
    from govinfo.store.write import PendingWrite, recover

    try:
        notes = recover(place.root)
    except LockBusy as busy:
        info = busy.holder
        notes = [t("read_during_write", pid=info.get("pid", "?"), command=info.get("command", "?"))]
    except PendingWrite as pending:  # readers read the folder as it is; writers refuse
        notes = [pending.message]
    for note in notes:
        feedback.note(note)
