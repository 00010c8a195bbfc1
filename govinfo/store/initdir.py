"""Writing a new data folder (``govinfo init``)."""

from __future__ import annotations

from pathlib import Path

from govinfo import defaults
from govinfo.errors import GovinfoError
from govinfo.i18n import os_error_text, t
from govinfo.store import git
from govinfo.store.atomic import note_change, write_text_atomic


def _yaml_text(value: str) -> str:
    # Settings are free text chosen at the command line: quote them so YAML reads text back.
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def create_folder(target: Path, *, office: str, province: str, language: str) -> bool:
    """Write the files of a new folder into ``target`` (created if needed, in a folder that
    exists), ``git init`` it when it is not inside a repository, and commit them. Returns True
    when the commit had to be made as the office because git has no user identity."""
    files = {
        "govinfo.yaml": defaults.SETTINGS_YAML.format(
            office=_yaml_text(office), province=_yaml_text(province), language=language
        ),
        "points.yaml": defaults.POINTS_YAML,
        "rules/default.yaml": defaults.DEFAULT_RULES_YAML,
        ".gitignore": defaults.GITIGNORE,
    }
    note_change()
    try:
        target.mkdir(exist_ok=True)
        for rel, text in files.items():
            write_text_atomic(target / rel, text)
    except OSError as err:  # a read-only disk, no permission, a full disk: said, not a traceback
        raise GovinfoError(
            t("init_cannot_write", path=err.filename or target, reason=os_error_text(err))
        ) from None
    if git.repo_root(target) is None:
        git.init(target)
    env = None if git.has_identity(target) else git.identity_env(office)
    git.commit_paths(target, list(files), "govinfo init: 新建数据目录", env=env)
    return env is not None
