"""Outside git, a write's mark (``.govinfo-write``) in a folder shared by several users or
computers: a run that cannot see the mark's journal leaves the mark alone, reads the folder as
it is and writes nothing; a journal another process holds the lock of is not taken over; a mark
that is not one a write leaves (damaged, hand-made) names no journal and never crashes a run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from govinfo.store.lock import LockBusy, hold_lock
from govinfo.store.place import LOCK_NAME, MARK_NAME
from govinfo.store.write import (
    CRASH_EXIT_CODE,
    PendingWrite,
    apply_changes,
    has_pending,
    locate,
    recover,
)
from tests.support.gitrepo import snapshot

PROJECT = Path(__file__).resolve().parents[2]
_CRASHING_WRITE = """
import sys
from pathlib import Path
from govinfo.store.write import apply_changes
apply_changes(Path(sys.argv[1]), {"points.yaml": b"[]\\n"}, message="crash test")
"""


def _crashed(root: Path, step: int) -> None:
    """``root``, a folder outside git, with a write of points.yaml killed at ``step``."""
    root.mkdir()
    (root / "govinfo.yaml").write_bytes(b"format: 1\n")
    env = {**os.environ, "PYTHONPATH": str(PROJECT), "GOVINFO_CRASH_AT": str(step)}
    proc = subprocess.run(
        [sys.executable, "-c", _CRASHING_WRITE, str(root)],
        env=env,
        capture_output=True,
        check=False,
    )
    assert proc.returncode == CRASH_EXIT_CODE, proc.stderr.decode()


def test_another_users_run_leaves_the_mark_and_the_write_to_its_owner(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another user (another cache folder) finds the mark of a write whose journal it cannot
    see: it removes nothing and writes nothing; the owner's next run finishes the write."""
    root = tmp_path / "shared"
    _crashed(root, 4)  # past the point of no return: the write must be finished
    torn = snapshot(root)
    owner_cache = os.environ["XDG_CACHE_HOME"]
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "other-user-cache"))
    with pytest.raises(PendingWrite) as pending:
        recover(root)
    assert "不在本机的这个位置" in pending.value.message
    assert (root / MARK_NAME).exists()
    assert snapshot(root) == torn
    with pytest.raises(PendingWrite):  # a writer refuses: the folder is another's to finish
        apply_changes(root, {"govinfo.yaml": b"format: 1\noffice: x\n"}, message="x")
    monkeypatch.setenv("XDG_CACHE_HOME", owner_cache)
    assert recover(root) == ["已完成上次中断的写入（crash test）"]
    assert (root / "points.yaml").read_bytes() == b"[]\n"
    assert not (root / MARK_NAME).exists()
    assert not has_pending(root)


def test_a_journal_whose_lock_is_held_is_not_taken_over(tmp_path: Path) -> None:
    """A folder moved while its write is still held by the process at the old place: the
    run at the new place reads it as it is, and takes the journal over once the lock is free."""
    root = tmp_path / "old"
    _crashed(root, 4)
    old_place = locate(root)
    moved = root.with_name("new")
    root.rename(moved)
    with hold_lock(old_place.state_dir / LOCK_NAME, command="a writer at work", wait=0):
        with pytest.raises(LockBusy):
            recover(moved)
        assert old_place.journal_path.exists()
        assert (moved / MARK_NAME).exists()
    notes = recover(moved)
    assert notes[-1] == "已完成上次中断的写入（crash test）"
    assert (moved / "points.yaml").read_bytes() == b"[]\n"
    assert not has_pending(moved)


@pytest.mark.parametrize(
    "body",
    [
        {"token": "a/b", "journal": "/tmp/x/journal.json", "root": "/tmp/x"},
        {"token": "0" * 32, "journal": "", "root": "/tmp/x"},
        {"token": "0" * 32, "journal": "relative/journal.json", "root": "/tmp/x"},
        {"token": "0" * 32, "journal": "/etc/passwd", "root": "/tmp/x"},
        ["not", "a", "mark"],
    ],
)
def test_a_mark_not_made_by_a_write_names_no_journal(tmp_path: Path, body: object) -> None:
    root = tmp_path / "plain"
    root.mkdir()
    (root / "govinfo.yaml").write_bytes(b"format: 1\n")
    (root / MARK_NAME).write_text(json.dumps(body), encoding="utf-8")
    assert recover(root) == []
    apply_changes(root, {"points.yaml": b"[]\n"}, message="after a damaged mark")
    assert (root / "points.yaml").read_bytes() == b"[]\n"
    assert not has_pending(root)
