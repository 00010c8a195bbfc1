"""Fixtures for import tests: a committed data folder, and batch files made on the spot."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import MakeFolder


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout


def commit_all(root: Path, message: str = "init") -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)


def commits(root: Path) -> int:
    return int(git(root, "rev-list", "--count", "HEAD").strip())


@pytest.fixture
def folder(make_folder: MakeFolder) -> Path:
    """The small valid folder of the root conftest, in its own git repository, committed."""
    root = make_folder()
    git(root, "init", "-q")
    commit_all(root)
    return root
