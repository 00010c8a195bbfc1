"""A crash at any durable step of `govinfo import` leaves the folder before or after, once the
next command has run; two writers at once: the second is refused, naming the first."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govinfo.cli.main import app
from govinfo.store.write import CRASH_EXIT_CODE, has_pending, open_writer, recover
from tests.support.batches import HEADER, ROWS, write_csv
from tests.support.cli import CLI_ARGV, LineRunner, run_entry_point
from tests.support.gitrepo import commits, git, snapshot


def cli(root: Path, *args: str, crash_at: int | None = None) -> subprocess.CompletedProcess[str]:
    """The console entry point in a process of its own (a quick one: forked by the suite's
    zygote), which dies at the durable step ``crash_at``."""
    env = {} if crash_at is None else {"GOVINFO_CRASH_AT": str(crash_at)}
    return run_entry_point([*CLI_ARGV, "--data", str(root), *args], **env)


def test_crash_steps_of_an_import(folder: Path, tmp_path: Path) -> None:
    # Two month files: prepare 1, temps 2-3, sync 4, manifest 5, renames 6-7, sync 8,
    # commit 9, journal removed 10.
    batch = write_csv(tmp_path / "a.csv", [HEADER, ROWS[0], ROWS[2]], encoding="utf-8")
    before, base = snapshot(folder), commits(folder)
    for step in (3, 7, 9):
        proc = cli(folder, "import", str(batch), crash_at=step)
        assert proc.returncode == CRASH_EXIT_CODE, proc.stderr
        assert has_pending(folder)
        assert len(recover(folder)) == 1  # what the next command does first
        state = snapshot(folder)
        assert git(folder, "status", "--porcelain", "--untracked-files=all") == ""
        if step < 5:
            assert state == before
            assert commits(folder) == base
        else:
            assert state != before
            assert commits(folder) == base + 1
            assert "新增 2 条" in git(folder, "log", "-1", "--format=%s")
            git(folder, "reset", "-q", "--hard", "HEAD~1")
            git(folder, "clean", "-qfd")
        assert snapshot(folder) == before

    # The next import itself finishes the interrupted one, then finds nothing new.
    assert cli(folder, "import", str(batch), crash_at=7).returncode == CRASH_EXIT_CODE
    proc = cli(folder, "--lang", "en", "import", str(batch))
    assert proc.returncode == 0, proc.stderr
    assert "finished an interrupted write" in proc.stderr
    assert "nothing new" in proc.stderr
    assert commits(folder) == base + 1
    assert LineRunner().invoke(app, ["--data", str(folder), "check"]).exit_code == 0


def test_second_writer_is_refused(
    folder: Path, tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GOVINFO_LOCK_WAIT", "0.2")
    batch = write_csv(tmp_path / "a.csv", [HEADER, *ROWS], encoding="utf-8")
    with open_writer(folder, command="govinfo import other.xlsx"):
        result = runner.invoke(app, ["--data", str(folder), "--lang", "en", "import", str(batch)])
    assert result.exit_code == 1
    assert f"pid {os.getpid()}" in result.stderr
    assert "govinfo import other.xlsx" in result.stderr
    assert commits(folder) == 1
    result = runner.invoke(app, ["--data", str(folder), "import", str(batch)])
    assert result.exit_code == 0, result.output


def test_a_reader_finishes_an_interrupted_write_first(folder: Path, tmp_path: Path) -> None:
    batch = write_csv(tmp_path / "a.csv", [HEADER, ROWS[0], ROWS[2]], encoding="utf-8")
    base = commits(folder)
    assert cli(folder, "import", str(batch), crash_at=7).returncode == CRASH_EXIT_CODE
    proc = cli(folder, "--lang", "en", "check")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "finished an interrupted write" in proc.stderr
    assert not has_pending(folder)
    assert commits(folder) == base + 1
    assert git(folder, "status", "--porcelain", "--untracked-files=all") == ""
