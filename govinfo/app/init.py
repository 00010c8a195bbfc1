"""Creating a new data folder (``govinfo init``), and where a new folder may go (``init``
and ``demo generate``)."""

from __future__ import annotations

from pathlib import Path

from govinfo import defaults
from govinfo.app.opening import place_refusal
from govinfo.app.options import Feedback, RunOptions, apply_language
from govinfo.errors import GovinfoError
from govinfo.i18n import t
from govinfo.text import shell_word


def init_folder(
    options: RunOptions,
    feedback: Feedback,
    directory: Path,
    *,
    office: str | None,
    province: str,
    language: str | None,
) -> None:
    """A new folder at ``directory`` (new or empty) with the default rule set, an empty
    registry, git and a first commit. The folder's ``language`` is ``--language``, else the
    ``--lang`` this run speaks (``init x --lang en`` makes an English folder), else zh; the
    comments of its files, its placeholder office and its commit message are in that
    language."""
    from govinfo.app.registry import in_language
    from govinfo.store.initdir import create_folder

    language = language or options.lang or "zh"
    apply_language(options, language)
    if language not in ("zh", "en"):
        raise GovinfoError(t("init_bad_language", value=language), exit_code=2)
    refuse_new_folder_place(directory)
    with in_language(language):
        files = new_folder_files(office, province, language)
        message = t("init_commit")
        office = office or t("init_office_default")
    if create_folder(directory, files, office=office, message=message):
        feedback.note(t("git_no_identity", office=office))
    feedback.note(t("init_done", path=str(directory), language=language))
    feedback.note(t("init_next", path=shell_word(str(directory))))


def refuse_new_folder_place(directory: Path) -> None:
    """Refuse (exit 1, before anything is made) to make a data folder at ``directory``: in a
    folder that does not exist (a usage error), where something is already (a data folder,
    or anything else), or inside a data folder — a folder above it holds ``govinfo.yaml``:
    the outer folder's commands would never read the inner one, and its git would take the
    inner one's files as its own. Refuses without git too: a data folder is a repository."""
    from govinfo.app.export import refuse_missing_folder
    from govinfo.store.initdir import require_git

    refuse_missing_folder(directory)  # the folder is made, in a folder that exists
    refusal = place_refusal(directory)
    if refusal is not None:
        raise GovinfoError(refusal)
    require_git()


def new_folder_files(office: str | None, province: str, language: str) -> list[tuple[str, str]]:
    """The files of a new folder — settings, an empty registry, the default rule set and a
    ``.gitignore`` — with their comments in the current language; a missing ``office`` is
    that language's placeholder, said to be one."""
    office_note = "init_yaml_office" if office else "init_yaml_office_placeholder"
    settings = defaults.SETTINGS_YAML.format(
        title=_comment("init_yaml_title"),
        office_note=_comment(office_note),
        office=_yaml_text(office or t("init_office_default")),
        province_note=_comment("init_yaml_province" if province else "init_yaml_province_empty"),
        province=_yaml_text(province),
        language_note=_comment("init_yaml_language"),
        language=language,
    )
    return [
        (defaults.SETTINGS_FILE, settings),
        ("points.yaml", defaults.POINTS_YAML.format(title=_comment("init_yaml_points"))),
        ("rules/default.yaml", defaults.DEFAULT_RULES_YAML),
        (".gitignore", defaults.GITIGNORE),
    ]


def _comment(key: str) -> str:
    """The message ``key`` as YAML comment lines."""
    return "\n".join("# " + line for line in t(key).split("\n"))


def _yaml_text(value: str) -> str:
    # Settings are free text chosen at the command line: quote them so YAML reads text back.
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
