"""Creating a new data folder (``govinfo init``)."""

from __future__ import annotations

from pathlib import Path

from govinfo.app.options import Feedback, RunOptions, apply_language
from govinfo.errors import GovinfoError
from govinfo.i18n import t


def init_folder(
    options: RunOptions,
    feedback: Feedback,
    directory: Path,
    *,
    office: str,
    province: str,
    language: str | None,
) -> None:
    """A new folder at ``directory`` (new or empty) with the default rule set, an empty
    registry, git and a first commit. The folder's ``language`` is ``--language``, else the
    ``--lang`` this run speaks (``init x --lang en`` makes an English folder), else zh."""
    from govinfo.app.export import refuse_missing_folder
    from govinfo.store.initdir import create_folder

    language = language or options.lang or "zh"
    apply_language(options, language)
    if language not in ("zh", "en"):
        raise GovinfoError(t("init_bad_language", value=language), exit_code=2)
    refuse_missing_folder(directory)  # the folder is made, in a folder that exists
    target = directory.resolve()
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise GovinfoError(t("init_not_empty", path=str(directory)))
    if create_folder(target, office=office, province=province, language=language):
        feedback.note(t("git_no_identity", office=office))
    feedback.note(t("init_done", path=str(directory), language=language))
    feedback.note(t("init_next", path=str(directory)))
