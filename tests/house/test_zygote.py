"""The suite's quick processes (:mod:`tests.support.zygote`) run the command line as a new
interpreter does: the same output, messages and exit code, a write committed, and the
environment of the run, not of the zygote's start."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support.cli import cli
from tests.support.gitrepo import commit_all, commits, git
from tests.support.paths import SAMPLE

RUNS = [
    ("score", "2003"),
    ("score", "2003", "--format", "json"),
    ("explain", "nobody", "2003"),  # an error: exit 1, a message on stderr
    ("score", "2003", "--format", "yaml"),  # a usage error: exit 2
    ("report", "2003-08"),
    ("--help",),
]


@pytest.mark.parametrize("args", RUNS, ids=" ".join)
def test_a_quick_process_answers_as_a_new_interpreter(args: tuple[str, ...]) -> None:
    quick = cli(SAMPLE, *args, GOVINFO_NO_CACHE="1")
    new = cli(SAMPLE, *args, GOVINFO_NO_CACHE="1", fresh=True)
    assert (quick.returncode, quick.stdout, quick.stderr) == (
        new.returncode,
        new.stdout,
        new.stderr,
    )


def test_a_quick_process_writes_and_reads_its_own_environment(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(SAMPLE, root)
    git(root, "init", "-q")
    commit_all(root)
    done = cli(root, "points", "retire", "changchun", "--date", "2003-12-31")
    assert done.returncode == 0, done.stderr
    assert commits(root) == 2
    assert git(root, "status", "--short") == ""
    # the day comes from the run's environment
    early = cli(root, "score", "2003", "--format", "json", GOVINFO_TODAY="2003-03-31")
    late = cli(root, "score", "2003", "--format", "json", GOVINFO_TODAY="2003-12-31")
    assert early.returncode == late.returncode == 0
    assert early.stdout != late.stdout


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("lost", ["full", "pipe"])
def test_a_quick_process_loses_its_output_as_a_new_interpreter(lost: str) -> None:
    """A standard output that takes no writes (``/dev/full``, a pipe whose reader has gone):
    the same exit code and message from a quick process as from a new interpreter."""
    args = ("score", "2003")
    quick = cli(SAMPLE, *args, GOVINFO_NO_CACHE="1", lost=lost)
    new = cli(SAMPLE, *args, GOVINFO_NO_CACHE="1", lost=lost, fresh=True)
    assert (quick.returncode, quick.stdout, quick.stderr) == (
        new.returncode,
        new.stdout,
        new.stderr,
    )
    assert quick.returncode == 1
