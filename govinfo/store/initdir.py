"""Writing a new data folder (``govinfo init``)."""

from __future__ import annotations

from pathlib import Path

from govinfo import defaults
from govinfo.store import git
from govinfo.store.newfolder import write_new_folder


def _yaml_text(value: str) -> str:
    # Settings are free text chosen at the command line: quote them so YAML reads text back.
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def create_folder(target: Path, *, office: str, province: str, language: str) -> bool:
    """Write the files of a new folder into ``target`` (absent or empty, in a folder that
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
    # All at once, as a demo folder is: a stop or a full disk part-way leaves no half-made
    # folder that a second init would refuse as not empty (the message says nothing was written).
    write_new_folder(target, files.items())
    if git.repo_root(target) is None:
        git.init(target)
    env = None if git.has_identity(target) else git.identity_env(office)
    git.commit_paths(target, list(files), "govinfo init: 新建数据目录", env=env)
    return env is not None
