"""What the writer asks of git: init, identity, status of paths, commits (through
:mod:`govinfo.gitcmd`, the one place that starts git).

The data folder may be the root of its repository or a subfolder of a larger one, so paths given
to these functions are relative to the repository's top level unless said otherwise.
"""

from __future__ import annotations

import os
import shlex
from collections.abc import Sequence
from pathlib import Path

from govinfo import settings
from govinfo.gitcmd import git_binary, git_dir, locate, repo_root, run, text
from govinfo.text import shell_word

_FALLBACK_EMAIL = "govinfo@localhost"


def index_lock(git_dir: Path) -> Path | None:
    """The first of git's lock files that a commit needs and finds in the way, else None:
    ``index.lock``, ``HEAD.lock`` or the current branch's ``refs/heads/<branch>.lock``. Each is
    held by a git at work — or left by one that was killed (a git killed while it moved the
    branch leaves ``HEAD.lock`` or the branch's lock even after the commit landed); git never
    removes such a lock by itself, and every later commit or reset fails on it."""
    common = git_dir
    pointer = git_dir / "commondir"  # a linked worktree keeps its branches in the common dir
    if pointer.is_file():
        common = (git_dir / pointer.read_text(encoding="utf-8").strip()).resolve()
    candidates = [git_dir / "index.lock", git_dir / "HEAD.lock"]
    try:
        head = (git_dir / "HEAD").read_text(encoding="utf-8").strip()
    except OSError:
        head = ""
    if head.startswith("ref: refs/"):
        candidates.append(common / (head[5:] + ".lock"))
    for lock in candidates:
        if lock.exists():
            return lock
    return None


def init(path: Path) -> None:
    run(["init", "-q"], path)


def has_identity(cwd: Path) -> bool:
    """Whether git would know who is committing (user.name and user.email, or the env vars)."""
    for var, key in (("GIT_AUTHOR_NAME", "user.name"), ("GIT_AUTHOR_EMAIL", "user.email")):
        if settings.git_identity_in_env(var):
            continue
        if run(["config", "--get", key], cwd, check=False).returncode != 0:
            return False
    return True


def identity_env(office: str) -> dict[str, str]:
    """Environment that commits as the folder's office, for a git without a user identity."""
    name = office or "govinfo"
    return {
        "GIT_AUTHOR_NAME": name,
        "GIT_AUTHOR_EMAIL": _FALLBACK_EMAIL,
        "GIT_COMMITTER_NAME": name,
        "GIT_COMMITTER_EMAIL": _FALLBACK_EMAIL,
    }


def has_head(cwd: Path) -> bool:
    return run(["rev-parse", "--verify", "-q", "HEAD"], cwd, check=False).returncode == 0


def detached_head(cwd: Path) -> bool:
    """Whether HEAD names a commit rather than a branch (a commit made now is on no branch)."""
    return has_head(cwd) and run(["symbolic-ref", "-q", "HEAD"], cwd, check=False).returncode != 0


def commit_paths(
    cwd: Path, paths: Sequence[str], message: str, *, env: dict[str, str] | None = None
) -> str:
    """Commit exactly ``paths`` (relative to ``cwd``) and nothing else that may be staged.

    ``git commit --only`` records just these paths from the working tree and updates the index
    only when the commit is made: a commit that fails (a full disk, a refusing hook) leaves the
    index as it was. New files are first made known to git with ``git add -N`` (an intent-to-add
    entry, which the caller removes again with :func:`unstage_paths` when the commit fails).
    Returns the new commit's id.
    """
    if has_head(cwd):
        tracked = set(os.fsdecode(run(["ls-files", "-z", "--", *paths], cwd).stdout).split("\0"))
        new = [p for p in paths if p not in tracked]
        if new:
            run(["add", "-N", "--", *new], cwd, env=env)
        run(["commit", "-q", "--only", "-m", message, "--", *paths], cwd, env=env)
    else:  # an unborn branch: the paths alone too, what else is staged left staged
        run(["add", "--", *paths], cwd, env=env)
        run(["commit", "-q", "-m", message, "--", *paths], cwd, env=env)
    return text(["rev-parse", "HEAD"], cwd)


def ignored(path: Path, cwd: Path) -> bool:
    """Whether the repository of ``cwd`` ignores ``path`` (``.gitignore``, ``info/exclude``):
    a folder there is none of that repository's business."""
    return run(["check-ignore", "-q", "--", str(path)], cwd, check=False).returncode == 0


def commit_folder(cwd: Path, message: str, *, env: dict[str, str] | None = None) -> str:
    """Commit everything in the new folder ``cwd`` as one commit, and nothing else that may be
    staged in its repository: one ``git add -A`` of the folder, one commit of the folder's
    paths (``git commit -- .``: git's ``--only``). A demo folder may hold tens of thousands of
    files: too many to name on a command line, and a commit each would take minutes. On an
    unborn branch as well (the repository's first commit: what else is staged stays staged,
    as :func:`commit_paths` leaves it). Returns the new commit's id."""
    run(["add", "-A", "--", "."], cwd, env=env)
    run(["commit", "-q", "-m", message, "--", "."], cwd, env=env)
    return text(["rev-parse", "HEAD"], cwd)


def head_matches(cwd: Path, paths: Sequence[str]) -> bool:
    """Whether each of ``paths`` (relative to ``cwd``) exists in HEAD with exactly the content
    it has in the working tree — the commit that records them has been made."""
    if not paths or not has_head(cwd):
        return False
    listed = os.fsdecode(run(["ls-tree", "-z", "--full-tree", "HEAD", "--", *paths], cwd).stdout)
    in_head: dict[str, str] = {}
    for entry in listed.split("\0"):
        if entry:
            meta, path = entry.split("\t", 1)
            in_head[path] = meta.split()[2]
    if any(p not in in_head for p in paths):
        return False
    hashed = text(["hash-object", "--", *paths], cwd).split("\n")
    return [in_head[p] for p in paths] == hashed


def dirty_paths(cwd: Path, paths: Sequence[str]) -> list[str]:
    """Those of ``paths`` (relative to ``cwd``) with changes not committed: modified, staged,
    or untracked. Paths that do not exist and are not tracked are clean."""
    if not paths:
        return []
    out = os.fsdecode(
        run(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--", *paths], cwd).stdout
    )
    dirty: list[str] = []
    entries = out.split("\0")
    i = 0
    while i < len(entries):
        entry = entries[i]
        i += 1
        if not entry:
            continue
        status, name = entry[:2], entry[3:]
        if status[0] in "RC":
            i += 1  # the rename's source path follows
        dirty.append(name)
    return dirty


def unstage_paths(cwd: Path, paths: Sequence[str]) -> None:
    """Put the index entries of ``paths`` back as HEAD has them (on an unborn branch: remove
    them). Raises :class:`GitError` when git cannot: the index would disagree with the files."""
    if not paths:
        return
    if has_head(cwd):
        run(["reset", "-q", "--", *paths], cwd)
    else:
        run(["rm", "-q", "--cached", "--ignore-unmatch", "--", *paths], cwd)


def commit_command(root: Path, rels: Sequence[str], message: str) -> str:
    """The shell line that commits ``rels`` (relative to the data folder ``root``) as govinfo
    would have: ``git -C ROOT add -- PATHS && git -C ROOT commit -m MESSAGE -- PATHS`` (only
    those paths, whatever else is staged), quoted for a POSIX shell — for the clerk to run."""
    folder = shell_word(str(root))
    paths = " ".join(shell_word(r) for r in rels)
    return (
        f"git -C {folder} add -- {paths} && "
        f"git -C {folder} commit -m {shlex.quote(message)} -- {paths}"
    )


__all__ = [
    "commit_command",
    "commit_folder",
    "commit_paths",
    "dirty_paths",
    "git_binary",
    "git_dir",
    "has_head",
    "has_identity",
    "head_matches",
    "identity_env",
    "index_lock",
    "init",
    "locate",
    "repo_root",
    "run",
    "text",
    "unstage_paths",
]
