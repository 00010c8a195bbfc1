"""No traceback from a read-only data folder or a lost standard output (issue 12, items 12 and 14).

- A read-only data folder: writers refuse with a message (exit 1) and leave no journal; when an
  interrupted write can be neither finished nor undone because the folder turned read-only,
  readers still read (and say a write is pending), writers refuse saying how to resolve it.
- A closed or full standard output: after an import that committed, exit 0 and one line on
  stderr; a reader exits 1 with a message.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from govinfo.store.write import CRASH_EXIT_CODE, has_pending
from tests.support.batches import HEADER, ROWS, write_csv
from tests.support.cli import PROJECT, cli, cli_args, cli_env, forked_cli
from tests.support.folders import MakeFolder
from tests.support.gitrepo import commit_all, commits, git, snapshot, status

RETIRE = ["points", "retire", "siping", "--date", "2003-12-01"]


@pytest.fixture
def subfolder(make_folder: MakeFolder) -> Path:
    """The small valid folder as ``data/`` inside a repository (so ``.git`` stays writable
    when the folder is made read-only), committed."""
    root = make_folder(name="repo/data")
    git(root.parent, "init", "-q")
    commit_all(root.parent)
    return root


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """``folder`` read-only for this process: a read-only bind mount when running as root
    (permissions do not stop root), else the write permission taken away."""
    if os.geteuid() != 0:
        modes = {p: p.stat().st_mode for p in [folder, *folder.rglob("*")] if p.is_dir()}
        for p in modes:
            p.chmod(modes[p] & ~0o222)
        try:
            yield
        finally:
            for p, mode in modes.items():
                p.chmod(mode)
        return
    mounted = subprocess.run(["mount", "--bind", str(folder), str(folder)], check=False)
    if mounted.returncode != 0:
        pytest.skip("a read-only bind mount is not permitted here")
    try:
        remount = ["mount", "-o", "remount,bind,ro", str(folder)]
        if subprocess.run(remount, check=False).returncode != 0:
            pytest.skip("a read-only bind mount is not permitted here")
        yield
    finally:
        subprocess.run(["umount", str(folder)], check=False)


# --- item 12: a read-only data folder ----------------------------------------------------------


def test_a_writer_on_a_read_only_folder_refuses_without_a_traceback(
    subfolder: Path, tmp_path: Path
) -> None:
    batch = write_csv(tmp_path / "a.csv", [HEADER, ROWS[0]], encoding="utf-8")
    before = snapshot(subfolder)
    with read_only(subfolder):
        for args in (RETIRE, ["import", str(batch)]):
            code, text = forked_cli(subfolder, *args)
            assert code == 1, text
            assert "Traceback" not in text
            assert "cannot write the data folder" in text
            assert not has_pending(subfolder)  # no journal left for later commands
        code, text = forked_cli(subfolder, "check")
        assert code == 0, text
    assert snapshot(subfolder) == before
    assert status(subfolder.parent) == ""


def test_a_write_that_cannot_be_undone_on_a_read_only_folder_leaves_readers_working(
    subfolder: Path,
) -> None:
    before = snapshot(subfolder)
    # Step 2: the temporary file is written, the journal says *prepare*.
    code, text = forked_cli(subfolder, *RETIRE, GOVINFO_CRASH_AT="2")
    assert code == CRASH_EXIT_CODE, text
    with read_only(subfolder):
        for args in (["check"], ["score", "2003"]):
            code, text = forked_cli(subfolder, *args)
            assert code == 0, text  # readers read the folder as it is
            assert "Traceback" not in text
            assert "neither finished nor undone" in text
            assert "writable" in text
        code, text = forked_cli(subfolder, *RETIRE)
        assert code == 1, text
        assert "Traceback" not in text
        assert "neither finished nor undone" in text
        assert has_pending(subfolder)
    code, text = forked_cli(subfolder, "check")  # writable again: the write is undone
    assert code == 0, text
    assert "undid an interrupted write" in text
    assert not has_pending(subfolder)
    assert snapshot(subfolder) == before


# --- item 14: a closed or full standard output -------------------------------------------------


def run_lost(root: Path, how: str, *args: str) -> subprocess.CompletedProcess[str]:
    """The real ``govinfo`` with its standard output closed (``>&-``), full (``/dev/full``)
    or a pipe nobody reads any more (``| head`` once it has its lines). A full or broken
    output is given to a quick process (:func:`~tests.support.cli.cli`); a closed one to a new
    interpreter, which starts differently without a descriptor 1 (``sys.stdout`` is None)."""
    if how in ("full", "pipe"):
        return cli(root, *args, lost=how)
    return subprocess.run(
        cli_args(root, *args),
        cwd=PROJECT,
        env=cli_env(),
        stdin=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        preexec_fn=lambda: os.close(1),
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("how", ["closed", "full"])
def test_an_import_that_committed_exits_0_when_its_summary_cannot_be_printed(
    folder: Path, tmp_path: Path, how: str
) -> None:
    batch = write_csv(tmp_path / "a.csv", [HEADER, ROWS[0], ROWS[2]], encoding="utf-8")
    proc = run_lost(folder, how, "import", str(batch))
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "summary could not be printed" in proc.stderr
    assert commits(folder) == 2
    assert status(folder) == ""


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("how", ["closed", "full"])
@pytest.mark.parametrize(
    "args",
    [
        ["score", "2003"],
        ["check"],
        ["points", "list"],
        ["score", "2003", "--format", "json"],
        ["score", "2003", "--format", "csv"],
        ["overdue", "--as-of", "2003-09-30", "--format", "markdown"],
        ["check", "--format", "json"],
        ["--help"],
        ["--version"],
        ["score", "--help"],
        ["points", "add", "--help"],
    ],
)
def test_a_reader_whose_output_is_lost_exits_1_with_a_message(
    folder: Path, how: str, args: list[str]
) -> None:
    proc = run_lost(folder, how, *args)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "cannot print the result" in proc.stderr


@pytest.mark.parametrize("args", [["score", "2003"], ["points", "list"]])
def test_a_reader_piped_into_a_closed_pipe_exits_1_quietly(folder: Path, args: list[str]) -> None:
    """``govinfo score 2003 | head -3``: the pipe's reader stopped once it had its lines — no
    message about it (the clerk cut the output on purpose), exit 1 as for any lost output."""
    proc = run_lost(folder, "pipe", *args)
    assert proc.returncode == 1, proc.stderr
    assert "cannot print the result" not in proc.stderr
    assert "Traceback" not in proc.stderr


def test_an_import_into_a_closed_pipe_still_says_its_summary_was_lost(
    folder: Path, tmp_path: Path
) -> None:
    batch = write_csv(tmp_path / "a.csv", [HEADER, ROWS[0], ROWS[2]], encoding="utf-8")
    proc = run_lost(folder, "pipe", "import", str(batch))
    assert proc.returncode == 0, proc.stderr
    assert "summary could not be printed" in proc.stderr
    assert commits(folder) == 2


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("how", ["pipe", "full"])
def test_an_imports_summary_file_is_written_when_its_stdout_is_lost(
    folder: Path, tmp_path: Path, how: str
) -> None:
    """``import --out summary.csv`` with standard output lost: the import commits and the
    summary file is still written — it does not depend on the terminal."""
    batch = write_csv(tmp_path / "a.csv", [HEADER, ROWS[0], ROWS[2]], encoding="utf-8")
    summary = tmp_path / "summary.csv"
    proc = run_lost(folder, how, "import", str(batch), "--out", str(summary))
    assert proc.returncode == 0, proc.stderr
    assert commits(folder) == 2
    text = summary.read_text(encoding="utf-8-sig")
    assert "new" in text
    assert "duplicate" in text


def test_a_lost_stdout_is_not_confused_with_success_of_a_refused_write(
    folder: Path, tmp_path: Path
) -> None:
    """A write refused (its point unknown) with stdout full is still exit 1."""
    rows = [HEADER, ["1", "无此单位", "2003-8-14", "某标题", "调研", "王明"]]
    batch = write_csv(tmp_path / "a.csv", rows, encoding="utf-8")
    proc = cli(folder, "import", str(batch))
    assert proc.returncode == 1
    lost = run_lost(folder, "full", "import", str(batch))
    assert lost.returncode == 1, lost.stderr
    assert "Traceback" not in lost.stderr
    assert commits(folder) == 1


def test_a_write_stopped_by_a_closed_pipe_says_so(folder: Path) -> None:
    """``govinfo close-year 2003 --apply | head -1``: close-year shows the outcome before it
    writes, so the closed pipe stops it before the write — nothing is written, and that is
    said (exit 1 with the message), never a silent exit as for a reader cut on purpose."""
    apply = ["close-year", "2003", "--date", "2004-01-05", "--apply"]
    proc = run_lost(folder, "pipe", *apply)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "cannot print the result" in proc.stderr
    assert commits(folder) == 1
    assert cli(folder, *apply).returncode == 0  # the same write, with its output read, is made
    assert commits(folder) == 2
