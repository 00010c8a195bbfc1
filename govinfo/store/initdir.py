"""Writing a new data folder under git (``govinfo init``, ``govinfo demo generate``)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from govinfo.store import git
from govinfo.store.newfolder import write_new_folder


def require_git() -> None:
    """Raise :class:`~govinfo.errors.GitError` (“git is not installed”) when git cannot be
    found: a new folder is a git repository, so without git nothing is made — asked before
    anything is generated or written."""
    git.git_binary()


def create_folder(
    dest: Path, files: Iterable[tuple[str, str]], *, office: str, message: str
) -> bool:
    """Write ``files`` — (path relative to ``dest`` with ``/``, text) — as the new folder
    ``dest`` (absent or empty, in a folder that exists) and commit all of it as one commit
    (``message``). Returns True when the commit had to be made as ``office`` because git has
    no user identity.

    Outside a repository the folder gets its own: ``git init`` and the commit are made in the
    folder while it is built, before it is moved into place (:func:`write_new_folder`), so a
    stop part-way leaves nothing, as it does while the files are written. Inside a repository
    (``dest`` a subfolder of a larger one, as the sample ``data/`` is) the folder is committed
    into it once in place, with nothing else that is staged there — unless the repository
    ignores that place (``.gitignore``): then the folder gets its own, as outside one."""
    require_git()
    target = dest.resolve()
    where = target if target.is_dir() else target.parent
    outer = git.repo_root(where)
    if outer is not None and git.ignored(target, where):
        outer = None  # a place the repository ignores: the folder gets a repository of its own
    as_office: list[bool] = []

    def commit(folder: Path) -> None:
        env = None if git.has_identity(folder) else git.identity_env(office)
        as_office.append(env is not None)
        git.commit_folder(folder, message, env=env)

    if outer is None:

        def own_repository(partial: Path) -> None:
            git.init(partial)
            commit(partial)

        write_new_folder(dest, files, prepare=own_repository)
    else:
        write_new_folder(dest, files)
        commit(target)
    return as_office[0]
