"""One YAML file's bytes → its node tree and problems in the user's language.

The strict reader itself (:mod:`govinfo.yamltext.reader`) is pure and wordless; this is where its
issues become :class:`Problem` values naming the file, and where the size limit
(``GOVINFO_MAX_FILE_MB``) is applied.
"""

from __future__ import annotations

from govinfo import settings
from govinfo.i18n import MESSAGES, os_error_text, t
from govinfo.model import Problem, Severity
from govinfo.yamltext.reader import Issue, Node, read_yaml

_MB = 1024 * 1024


def too_large(path: str, size: int) -> Problem:
    """The problem of a file of ``size`` bytes over the limit (it is not read)."""
    limit = settings.max_file_bytes() // _MB
    return Problem(path, 1, 1, Severity.ERROR, t("yaml_too_large", size=size // _MB, limit=limit))


def unreadable(path: str, err: OSError) -> Problem:
    """The problem of a file (or folder) the system would not let govinfo read: no permission,
    an I/O error — named with the system's reason in the user's language, never a traceback."""
    return Problem(path, 1, 1, Severity.ERROR, t("file_unreadable", reason=os_error_text(err)))


def issue_problem(path: str, issue: Issue) -> Problem:
    """The reader's ``issue`` in ``path`` as an error in the user's language."""
    params = dict(issue.params)
    if isinstance(params.get("field"), str):
        params["field"] = field_words(str(params["field"]))
    return Problem(path, issue.line, issue.col, Severity.ERROR, t(issue.key, **params))


def field_words(key: str) -> str:
    """The words the tables use for a field (title → 标题, name → 全称), else the key itself."""
    for prefix in ("col_", "pt_col_", "yaml_field_"):
        if prefix + key in MESSAGES:
            return t(prefix + key)
    return key


def parse_yaml(path: str, data: bytes) -> tuple[Node | None, list[Problem]]:
    """Read one YAML file under the strict profile (SPEC §1).

    Returns the root node (None for an empty file or one that cannot be read) and every problem
    found. ``path`` is the file's path relative to the data folder, used in problems.
    """
    if len(data) > settings.max_file_bytes():
        return None, [too_large(path, len(data))]
    root, issues = read_yaml(data)
    return root, [issue_problem(path, issue) for issue in issues]
