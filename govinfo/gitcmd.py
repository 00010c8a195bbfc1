"""The one way govinfo starts git, shared by the reader (``load``) and the writer (``store``).

Argument lists only, never a shell. A failure raises :class:`GitError` with git's own words. Only
the running of git and finding the repository live here; what is read at a revision is
:mod:`govinfo.load.gitrev`'s, what is written and committed is :mod:`govinfo.store.git`'s.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

from govinfo import settings
from govinfo.errors import GitError
from govinfo.i18n import t

# How git says that one of its lock files is in the way (index.lock, HEAD.lock, a ref's .lock).
_LOCK_EXISTS = re.compile(r"Unable to create '([^']+\.lock)': File exists")


def git_binary() -> str:
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
    full_env: dict[str, str | bytes] | None = None
    if env:
        full_env = {**os.environ, **{name: _passable(value) for name, value in env.items()}}
    if args and settings.git_fail() == args[0]:
        proc = subprocess.CompletedProcess(
            list(args), 128, b"", b"fatal: failed on purpose (GOVINFO_GIT_FAIL)"
        )
    else:
        proc = subprocess.run(
            [git_binary(), *map(_passable, args)],
            cwd=cwd,
            env=full_env,  # bytes values: see _passable
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


def _passable(word: str) -> str | bytes:
    """``word`` as the system can pass it to git: as it is, unless the file system's encoding
    cannot hold it (a C locale without UTF-8 mode and a Chinese commit message or office): its
    UTF-8 then, which git takes — surrogate escapes back to the bytes they stand for."""
    if word.isascii():
        return word
    try:
        os.fsencode(word)
    except UnicodeEncodeError:
        return word.encode("utf-8", "surrogateescape")
    return word


def text(args: Sequence[str], cwd: Path) -> str:
    """Run git and return its stdout as text, stripped of the final newline."""
    return os.fsdecode(run(args, cwd).stdout).rstrip("\n")


def repo_root(path: Path) -> Path | None:
    """The top level of the git work tree that holds ``path``, or None when it is not in one."""
    proc = run(["rev-parse", "--show-toplevel"], path, check=False)
    if proc.returncode != 0:
        return None
    return Path(os.fsdecode(proc.stdout).strip())


def git_dir(path: Path) -> Path | None:
    """The repository's ``.git`` directory (absolute), or None outside a repository."""
    proc = run(["rev-parse", "--absolute-git-dir"], path, check=False)
    if proc.returncode != 0:
        return None
    return Path(os.fsdecode(proc.stdout).strip())


def locate(path: Path) -> tuple[Path, Path] | None:
    """(work tree top, absolute git directory) of the repository holding ``path``, or None when
    ``path`` is not inside a work tree. One git call."""
    proc = run(["rev-parse", "--show-toplevel", "--absolute-git-dir"], path, check=False)
    if proc.returncode != 0:
        return None
    lines = os.fsdecode(proc.stdout).splitlines()
    if len(lines) < 2 or not lines[0]:
        return None
    return Path(lines[0]), Path(lines[1])


class BlobReader:
    """Reads many files of one commit through a single ``git cat-file --batch`` process."""

    def __init__(self, cwd: Path, commit: str) -> None:
        self.commit = commit
        self._proc = subprocess.Popen(
            [git_binary(), "cat-file", "--batch"],
            cwd=cwd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )

    def read(self, path: str) -> bytes:
        proc = self._proc
        assert proc.stdin is not None
        assert proc.stdout is not None
        proc.stdin.write(os.fsencode(f"{self.commit}:{path}\n"))
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
