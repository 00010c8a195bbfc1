"""Crash safety: a crash at every durable step of every writing command, and git's own lock
files left behind by a killed git.

After each crash, once the next govinfo command (``check``) has run, the folder is exactly as
before or exactly as after, ``check`` is clean, and git holds at most the one commit with
nothing left uncommitted.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from govinfo.cli.main import app
from govinfo.load import load_folder
from govinfo.store.write import CRASH_EXIT_CODE, has_pending, locate
from tests.support.batches import HEADER, ROWS, write_csv
from tests.support.cli import LONG, LineRunner, forked_cli
from tests.support.gitrepo import commits, git, snapshot, status

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "scoring"


def check(root: Path) -> tuple[int, str]:
    result = LineRunner().invoke(app, ["--data", str(root), "--lang", "en", "check"])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout + result.stderr


def walk_crashes(root: Path, args: list[str]) -> int:
    """Crash ``govinfo ARGS`` at step 1, 2, … until it runs through; after each crash run
    ``check`` and hold the folder to before-or-after. Returns the number of steps walked."""
    before, base = snapshot(root), commits(root)
    code, text = forked_cli(root, *args)
    assert code == 0, text
    after = snapshot(root)
    assert after != before
    subject = git(root, "log", "-1", "--format=%s")
    git(root, "reset", "-q", "--hard", "HEAD~1")
    git(root, "clean", "-qfd")
    assert snapshot(root) == before

    outcomes = []
    step = 0
    while True:
        step += 1
        code, text = forked_cli(root, *args, GOVINFO_CRASH_AT=str(step))
        if code == 0:
            break
        assert code == CRASH_EXIT_CODE, text
        pending = has_pending(root)  # not after the last step: the journal is gone
        code, text = check(root)  # the next govinfo command finishes or undoes the write
        assert code == 0, text
        assert ("interrupted write" in text) == pending
        assert not has_pending(root)
        state = snapshot(root)
        assert state in (before, after), f"torn folder after a crash at step {step}"
        assert status(root) == "", f"uncommitted files after a crash at step {step}"
        if state == before:
            assert commits(root) == base
            outcomes.append("before")
        else:
            assert commits(root) == base + 1
            assert git(root, "log", "-1", "--format=%s") == subject
            outcomes.append("after")
            git(root, "reset", "-q", "--hard", "HEAD~1")
            git(root, "clean", "-qfd")
    assert snapshot(root) == after
    assert commits(root) == base + 1
    # Every crash before the point of no return undoes, every one after it finishes.
    assert outcomes == sorted(outcomes, key=["before", "after"].index)
    assert {"before", "after"} == set(outcomes)
    return step - 1


@pytest.fixture
def scored(tmp_path: Path) -> Path:
    """The scoring fixture (a year with commendations and disqualifications) as the subfolder
    ``data/`` of a repository."""
    data = tmp_path / "repo" / "data"
    shutil.copytree(FIXTURE, data)
    git(data.parent, "init", "-q")
    git(data.parent, "add", "-A")
    git(data.parent, "commit", "-qm", "published")
    return data


@pytest.mark.skipif(
    not LONG, reason="GOVINFO_LONG_TESTS=1: steps 3, 7 and 9 are walked by test_import_crash.py"
)
def test_crash_walk_import(folder: Path, tmp_path: Path) -> None:
    batch = write_csv(tmp_path / "a.csv", [HEADER, ROWS[0], ROWS[2]], encoding="utf-8")
    # two month files: prepare, 2 temps, sync, manifest, 2 renames, sync, commit, journal
    assert walk_crashes(folder, ["import", str(batch)]) == 10


def test_crash_walk_points_add(folder: Path) -> None:
    args = ["points", "add", "yitong", "--name", "伊通满族自治县人民政府办公室"]
    args += ["--kind", "county", "--parent", "siping", "--date", "2003-12-01"]
    assert walk_crashes(folder, args) == 8


@pytest.mark.skipif(not LONG, reason="GOVINFO_LONG_TESTS=1: the same write path as points add")
@pytest.mark.parametrize("verb", ["retire", "reinstate"])
def test_crash_walk_points_retire_and_reinstate(folder: Path, verb: str) -> None:
    if verb == "reinstate":
        code, text = forked_cli(folder, "points", "retire", "siping", "--date", "2003-11-01")
        assert code == 0, text
    assert walk_crashes(folder, ["points", verb, "siping", "--date", "2003-12-01"]) == 8


def test_crash_walk_close_year(scored: Path) -> None:
    args = ["close-year", "2003", "--apply", "--date", "2004-01-10"]
    assert walk_crashes(scored, args) == 8


# --- git's lock files ----------------------------------------------------------------------


def index_lock(root: Path) -> Path:
    git_dir = locate(root).git_dir
    assert git_dir is not None
    return git_dir / "index.lock"


def test_a_left_index_lock_refuses_the_write_and_says_how_to_clear_it(
    folder: Path, tmp_path: Path
) -> None:
    batch = write_csv(tmp_path / "a.csv", [HEADER, ROWS[0]], encoding="utf-8")
    lock = index_lock(folder)
    lock.write_bytes(b"")  # as a git killed in the middle of a commit leaves it
    before = snapshot(folder)
    code, text = forked_cli(folder, "import", str(batch))
    assert code == 1
    assert str(lock) in text
    assert "delete it" in text
    assert snapshot(folder) == before
    assert not has_pending(folder)
    assert commits(folder) == 1
    lock.unlink()  # what the message says to do
    code, text = forked_cli(folder, "import", str(batch))
    assert code == 0, text
    assert commits(folder) == 2
    assert status(folder) == ""


def test_a_lock_left_during_recovery_is_named_and_readers_go_on(
    folder: Path, tmp_path: Path
) -> None:
    batch = write_csv(tmp_path / "a.csv", [HEADER, ROWS[0], ROWS[2]], encoding="utf-8")
    before = snapshot(folder)
    # Step 9 is the commit: the crash comes after the renames, before git has recorded them.
    code, _ = forked_cli(folder, "import", str(batch), GOVINFO_CRASH_AT="8")
    assert code == CRASH_EXIT_CODE
    lock = index_lock(folder)
    lock.write_bytes(b"")  # as if git had been killed with it
    code, text = check(folder)
    assert code == 0, text  # the reader reads the finished files
    assert str(lock) in text
    after = snapshot(folder)
    assert after != before
    assert has_pending(folder)  # the commit is still owed
    # A writer refuses, naming the lock, and writes nothing.
    code, text = forked_cli(folder, "points", "retire", "siping", "--date", "2003-12-01")
    assert code == 1
    assert str(lock) in text
    assert snapshot(folder) == after
    lock.unlink()
    code, text = check(folder)
    assert code == 0, text
    assert "finished an interrupted write" in text
    assert not has_pending(folder)
    assert commits(folder) == 2
    assert status(folder) == ""


@pytest.mark.parametrize("name", ["index.lock", "HEAD.lock", "branch"])
def test_a_lock_left_by_a_git_that_did_commit_is_named_at_once(
    folder: Path, tmp_path: Path, name: str
) -> None:
    """A git killed as its commit completed leaves its index's lock — or, killed while it moved
    the branch, ``HEAD.lock`` or the branch's lock, on which every later commit or ``git reset``
    fails (exit 1). The next command names it; once it is gone the write is finished and git
    works again."""
    batch = write_csv(tmp_path / "a.csv", [HEADER, ROWS[0], ROWS[2]], encoding="utf-8")
    # Step 9 comes right after the commit.
    code, _ = forked_cli(folder, "import", str(batch), GOVINFO_CRASH_AT="9")
    assert code == CRASH_EXIT_CODE
    lock = index_lock(folder)
    if name != "index.lock":
        branch = git(folder, "symbolic-ref", "HEAD").strip()
        lock = (
            lock.with_name("HEAD.lock") if name == "HEAD.lock" else lock.parent / (branch + ".lock")
        )
    lock.write_bytes(b"")
    code, text = check(folder)
    assert code == 0, text
    assert str(lock) in text  # said by the next command, not only by the next write
    assert has_pending(folder)
    lock.unlink()
    code, text = check(folder)
    assert code == 0, text
    assert not has_pending(folder)
    assert commits(folder) == 2
    assert status(folder) == ""
    git(folder, "reset", "-q", "--hard", "HEAD~1")  # failed in test_sigkill on a left HEAD.lock
    assert commits(folder) == 1


def test_git_killed_after_its_commit_but_before_its_index(folder: Path, tmp_path: Path) -> None:
    batch = write_csv(tmp_path / "a.csv", [HEADER, ROWS[0]], encoding="utf-8")
    # Step 7 comes right after the commit: the journal still says it is owed.
    code, _ = forked_cli(folder, "import", str(batch), GOVINFO_CRASH_AT="7")
    assert code == CRASH_EXIT_CODE
    assert commits(folder) == 2
    # git, killed between writing HEAD and renaming index.lock, leaves the old index.
    git(folder, "read-tree", "HEAD~1")
    assert status(folder) != ""
    code, text = check(folder)
    assert code == 0, text
    assert not has_pending(folder)
    assert commits(folder) == 2  # no second, empty commit
    assert status(folder) == ""


@pytest.mark.skipif(not hasattr(os, "fork"), reason="a process group of its own")
def test_ctrl_c_right_after_git_made_the_commit(folder: Path, tmp_path: Path) -> None:
    """Ctrl-C reaches govinfo and its git together, just after git committed: the write is
    finished by the next command — never undone under a commit that records it."""
    hook = folder / ".git" / "hooks" / "post-commit"
    hook.write_text("#!/bin/sh\nkill -INT 0\nsleep 1\n")  # SIGINT to the whole group
    hook.chmod(0o755)
    batch = write_csv(tmp_path / "a.csv", [HEADER, ROWS[0], ROWS[2]], encoding="utf-8")
    before = snapshot(folder)
    code, text = forked_cli(folder, "import", str(batch), own_group=True)
    assert code != 0, text
    hook.unlink()
    code, text = check(folder)
    assert code == 0, text
    assert not has_pending(folder)
    assert snapshot(folder) != before
    assert commits(folder) == 2
    assert status(folder) == ""
    assert len(load_folder(folder).folder.submissions) == 2


def test_a_stale_write_lock_file_does_not_block(folder: Path, tmp_path: Path) -> None:
    """govinfo's own lock is the kernel's (flock): a holder that died leaves the file, never
    the lock, and the next writer goes straight in without waiting."""
    batch = write_csv(tmp_path / "a.csv", [HEADER, ROWS[0]], encoding="utf-8")
    code, _ = forked_cli(folder, "import", str(batch), GOVINFO_CRASH_AT="3")
    assert code == CRASH_EXIT_CODE
    place = locate(folder)
    assert place.lock_path.exists()
    assert b'"pid"' in place.lock_path.read_bytes()  # the dead holder's details are still there
    code, text = forked_cli(folder, "import", str(batch), GOVINFO_LOCK_WAIT="0")
    assert code == 0, text
    assert "undid an interrupted write" in text
    assert commits(folder) == 2


@pytest.mark.parametrize(
    ("files", "raw"),
    [
        ([{"path": "../outside.yaml", "temp": ".outside.yaml.1.govinfo-tmp"}], None),
        ([{"path": "points.yaml", "temp": "../../outside.yaml"}], None),
        ([{"path": "/tmp/outside.yaml", "temp": ".x.govinfo-tmp"}], None),
        (None, b"{not json"),
        (None, b'{"version": 99, "state": "commit"}'),
    ],
    ids=["path-escapes", "temp-escapes", "absolute", "not-json", "unknown-version"],
)
def test_a_tampered_journal_is_refused_and_touches_nothing(
    folder: Path, tmp_path: Path, files: list[dict[str, str]] | None, raw: bytes | None
) -> None:
    import json

    place = locate(folder)
    place.state_dir.mkdir(parents=True, exist_ok=True)
    for name in ("outside.yaml", ".outside.yaml.1.govinfo-tmp"):
        (tmp_path / name).write_bytes(b"- id: planted\n")
    manifest = {
        "version": 1,
        "state": "commit",
        "txid": "t",
        "prefix": "",
        "message": "m",
        "commit": True,
        "office": "",
        "identity_fallback": False,
        "created_dirs": [],
        "files": [{**f, "old": None, "new": "0" * 64} for f in files or []],
    }
    place.journal_path.write_bytes(raw if raw is not None else json.dumps(manifest).encode())
    before, outside = snapshot(folder), _around(tmp_path)
    code, text = check(folder)
    assert code == 1
    assert str(place.journal_path) in text or "leaves the data folder" in text
    assert snapshot(folder) == before
    assert _around(tmp_path) == outside
    assert commits(folder) == 1


def _around(tmp_path: Path) -> dict[str, bytes]:
    """What an escaping path could reach: everything under the test's folder and the files
    directly beside it (``../../x`` from the data folder), without reading the other tests'
    folders — one of them holds a 4 GB sparse file."""
    beside = {
        f"../{p.name}": p.read_bytes()
        for p in sorted(tmp_path.parent.iterdir())
        if p.is_file() and not p.is_symlink()
    }
    return {**beside, **snapshot(tmp_path)}
