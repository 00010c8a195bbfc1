"""The one wrapper through which govinfo talks to git.

Argument lists only, never a shell. A failure raises :class:`GitError` with git's own words. The
data folder may be the root of its repository or a subfolder of a larger one, so paths given to
these functions are relative to the repository's top level unless said otherwise.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

from govinfo.errors import GitError
from govinfo.i18n import t

_FALLBACK_EMAIL = "govinfo@localhost"
# How git says that one of its lock files is in the way (index.lock, HEAD.lock, a ref's .lock).
_LOCK_EXISTS = re.compile(r"Unable to create '([^']+\.lock)': File exists")


def _git_binary() -> str:
    found = shutil.which("git")
    if found is None:
        raise GitError(t("git_missing"))
    return found


def run(
    args: Sequence[str],
    cwd: Path,
    *,
    env: dict[str, str] | None = None,
    check: bool = True,
    input_bytes: bytes | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """Run ``git ARGS`` in ``cwd`` and return the completed process (stdout/stderr as bytes)."""
    full_env = None
    if env:
        full_env = dict(os.environ)
        full_env.update(env)
    proc = subprocess.run(
        [_git_binary(), *args],
        cwd=cwd,
        env=full_env,
        input=input_bytes,
        capture_output=True,
        check=False,
    )
    if check and proc.returncode != 0:
        detail = (
            proc.stderr.decode("utf-8", "replace").strip()
            or proc.stdout.decode("utf-8", "replace").strip()
        )
        left = _LOCK_EXISTS.search(detail)
        if left is not None:
            raise GitError(t("git_lock_left", path=left[1]))
        raise GitError(t("git_failed", cmd="git " + " ".join(args), detail=detail))
    return proc


def index_lock(git_dir: Path) -> Path | None:
    """git's ``index.lock`` in ``git_dir`` when it exists (a git at work, or one that was killed
    and left it behind: git never removes it by itself), else None."""
    lock = git_dir / "index.lock"
    return lock if lock.exists() else None


def text(args: Sequence[str], cwd: Path) -> str:
    """Run git and return its stdout as text, stripped of the final newline."""
    return run(args, cwd).stdout.decode("utf-8").rstrip("\n")


def repo_root(path: Path) -> Path | None:
    """The top level of the git work tree that holds ``path``, or None when it is not in one."""
    proc = run(["rev-parse", "--show-toplevel"], path, check=False)
    if proc.returncode != 0:
        return None
    return Path(proc.stdout.decode("utf-8").strip())


def git_dir(path: Path) -> Path | None:
    """The repository's ``.git`` directory (absolute), or None outside a repository."""
    proc = run(["rev-parse", "--absolute-git-dir"], path, check=False)
    if proc.returncode != 0:
        return None
    return Path(proc.stdout.decode("utf-8").strip())


def init(path: Path) -> None:
    run(["init", "-q"], path)


def has_identity(cwd: Path) -> bool:
    """Whether git would know who is committing (user.name and user.email, or the env vars)."""
    for var, key in (("GIT_AUTHOR_NAME", "user.name"), ("GIT_AUTHOR_EMAIL", "user.email")):
        if os.environ.get(var):
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

    New files are added first; ``git commit --only`` then records just these paths. Returns the
    new commit's id.
    """
    run(["add", "--", *paths], cwd, env=env)
    if has_head(cwd):
        run(["commit", "-q", "--only", "-m", message, "--", *paths], cwd, env=env)
    else:
        # An unborn branch has nothing to keep out of the commit but what is staged.
        run(["commit", "-q", "-m", message], cwd, env=env)
    return text(["rev-parse", "HEAD"], cwd)


def head_matches(cwd: Path, paths: Sequence[str]) -> bool:
    """Whether each of ``paths`` (relative to ``cwd``) exists in HEAD with exactly the content
    it has in the working tree — the commit that records them has been made."""
    if not paths or not has_head(cwd):
        return False
    listed = run(["ls-tree", "-z", "--full-tree", "HEAD", "--", *paths], cwd).stdout.decode("utf-8")
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
    out = run(
        ["status", "--porcelain=v1", "-z", "--untracked-files=all", "--", *paths], cwd
    ).stdout.decode("utf-8")
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


def resolve_rev(cwd: Path, rev: str) -> str | None:
    """The commit id that ``rev`` names, or None when it names none."""
    proc = run(["rev-parse", "--verify", "-q", f"{rev}^{{commit}}"], cwd, check=False)
    if proc.returncode != 0:
        return None
    return proc.stdout.decode("utf-8").strip()


def list_files_at(cwd: Path, commit: str, prefix: str) -> list[tuple[str, int, str]]:
    """(path relative to the repository top, size in bytes, mode) of every blob under
    ``prefix`` at ``commit``; mode ``120000`` is a symbolic link."""
    args = ["ls-tree", "-r", "-l", "-z", "--full-tree", commit]
    if prefix:
        args += ["--", prefix]
    out = run(args, cwd).stdout.decode("utf-8")
    files: list[tuple[str, int, str]] = []
    for entry in out.split("\0"):
        if not entry:
            continue
        meta, path = entry.split("\t", 1)
        parts = meta.split()
        if parts[1] != "blob":
            continue
        files.append((path, int(parts[3]), parts[0]))
    return files


class BlobReader:
    """Reads many files of one commit through a single ``git cat-file --batch`` process."""

    def __init__(self, cwd: Path, commit: str) -> None:
        self.commit = commit
        self._proc = subprocess.Popen(
            [_git_binary(), "cat-file", "--batch"],
            cwd=cwd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )

    def read(self, path: str) -> bytes:
        proc = self._proc
        assert proc.stdin is not None
        assert proc.stdout is not None
        proc.stdin.write(f"{self.commit}:{path}\n".encode())
        proc.stdin.flush()
        header = proc.stdout.readline().decode("utf-8").split()
        if len(header) < 3 or header[1] == "missing":
            raise GitError(
                t("git_failed", cmd=f"git cat-file {self.commit}:{path}", detail="missing")
            )
        size = int(header[2])
        data = proc.stdout.read(size)
        proc.stdout.read(1)  # the newline after the content
        return data

    def close(self) -> None:
        if self._proc.stdin is not None:
            self._proc.stdin.close()
        self._proc.wait()
        if self._proc.stdout is not None:
            self._proc.stdout.close()


def read_blob(cwd: Path, commit: str, path: str) -> bytes:
    """The bytes of ``path`` (relative to the repository top) at ``commit``."""
    return run(["show", f"{commit}:{path}"], cwd).stdout


def locate(path: Path) -> tuple[Path, Path] | None:
    """(work tree top, absolute git directory) of the repository holding ``path``, or None when
    ``path`` is not inside a work tree. One git call."""
    proc = run(["rev-parse", "--show-toplevel", "--absolute-git-dir"], path, check=False)
    if proc.returncode != 0:
        return None
    lines = proc.stdout.decode("utf-8").splitlines()
    if len(lines) < 2 or not lines[0]:
        return None
    return Path(lines[0]), Path(lines[1])


def unstage_paths(cwd: Path, paths: Sequence[str]) -> None:
    """Put the index entries of ``paths`` back as HEAD has them (best effort)."""
    if paths and has_head(cwd):
        run(["reset", "-q", "--", *paths], cwd, check=False)
