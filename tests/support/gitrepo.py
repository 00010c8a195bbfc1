"""Real git in the tests' folders: run it, commit everything, count commits, look at the tree."""

from __future__ import annotations

import subprocess
from pathlib import Path


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout


def commit_all(root: Path, message: str = "init") -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)


def commits(root: Path) -> int:
    return int(git(root, "rev-list", "--count", "HEAD").strip())


def status(root: Path) -> str:
    return git(root, "status", "--porcelain", "--untracked-files=all")


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` (outside .git), with its bytes."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".git" not in p.relative_to(root).parts
    }


def dirs(root: Path) -> set[str]:
    return {
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if p.is_dir() and ".git" not in p.relative_to(root).parts
    }
