"""Shared by the robustness tests: a committed data folder, the real CLI in a subprocess, and
the switches for the long runs (``GOVINFO_LONG_TESTS=1``, ``GOVINFO_FUZZ_EXAMPLES=N``)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import MakeFolder
from tests.importers.conftest import commit_all, git

PROJECT = Path(__file__).resolve().parents[2]
CLI = "from govinfo.cli.main import run; run()"  # the console entry point

LONG = os.environ.get("GOVINFO_LONG_TESTS", "") not in ("", "0")


def fuzz_examples(default: int) -> int:
    """How many Hypothesis examples a fuzz test runs: ``GOVINFO_FUZZ_EXAMPLES``, else
    ``default`` (ten times that with ``GOVINFO_LONG_TESTS=1``)."""
    raw = os.environ.get("GOVINFO_FUZZ_EXAMPLES", "")
    if raw.isdigit():
        return int(raw)
    return default * 10 if LONG else default


def cli_env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    for var in ("GOVINFO_CRASH_AT", "GOVINFO_LOCK_WAIT"):
        env.pop(var, None)
    env.update(extra)
    return env


def cli_args(root: Path, *args: str) -> list[str]:
    return [sys.executable, "-c", CLI, "--data", str(root), "--lang", "en", *args]


def cli(root: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run the real ``govinfo`` in a process of its own (English messages)."""
    return subprocess.run(
        cli_args(root, *args),
        cwd=PROJECT,
        env=cli_env(**env),
        capture_output=True,
        text=True,
        check=False,
    )


def status(root: Path) -> str:
    return git(root, "status", "--porcelain", "--untracked-files=all")


@pytest.fixture
def folder(make_folder: MakeFolder) -> Path:
    """The small valid folder of the root conftest, in its own git repository, committed."""
    root = make_folder()
    git(root, "init", "-q")
    commit_all(root)
    return root
