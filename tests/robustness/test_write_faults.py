"""Writes under faults (issue 12, items 1 and 2): recovery that proves before it acts, and every
git failure checked.

- A crash after the point of no return followed by a hand edit of a file the write names: the
  next command neither finishes nor undoes the write over the edit; it says which files and how
  to resolve it, readers go on reading, writers refuse.
- A commit that fails (a refusing hook, a full disk) leaves index, files and HEAD in agreement;
  when git cannot put its index back, the refusal says so and names the command that does.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from govinfo.store.write import CRASH_EXIT_CODE, has_pending, locate
from tests.robustness.test_crash import check, scored  # noqa: F401  (scored: a fixture)
from tests.support.batches import HEADER, ROWS, write_csv
from tests.support.cli import forked_cli
from tests.support.gitrepo import commits, git, snapshot, status


def journal(root: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads(locate(root).journal_path.read_text(encoding="utf-8"))
    return data


def journal_targets(root: Path) -> list[str]:
    files = journal(root)["files"]
    assert isinstance(files, list)
    return [str(f["path"]) for f in files]


# --- item 1: recovery proves before it acts -------------------------------------------------


def test_a_hand_edit_after_a_crash_is_never_overwritten_by_recovery(scored: Path) -> None:  # noqa: F811
    args = ["close-year", "2003", "--apply", "--date", "2004-01-10"]
    code, text = forked_cli(scored, *args, GOVINFO_CRASH_AT="4")  # past the point of no return
    assert code == CRASH_EXIT_CODE, text
    assert journal(scored)["state"] == "commit"
    points = scored / "points.yaml"
    edited = points.read_bytes() + "# 手工补记：待核\n".encode()
    points.write_bytes(edited)

    code, text = check(scored)  # a reader reads the folder as the clerk left it
    assert code == 0, text
    assert "cannot be finished" in text
    assert "points.yaml" in text
    assert "git checkout" in text
    assert str(locate(scored).journal_path) in text
    assert points.read_bytes() == edited
    assert has_pending(scored)

    # A writer refuses and changes nothing.
    code, text = forked_cli(scored, "points", "retire", "siping", "--date", "2004-01-11")
    assert code == 1
    assert "cannot be finished" in text
    assert points.read_bytes() == edited
    assert commits(scored.parent) == 1

    # The first way out the message gives: put the file back, let govinfo finish the write.
    git(scored, "checkout", "--", "points.yaml")
    code, text = check(scored)
    assert code == 0, text
    assert "finished an interrupted write" in text
    assert not has_pending(scored)
    assert commits(scored.parent) == 2
    assert status(scored) == ""


def test_an_interrupted_import_keeps_a_line_added_to_a_month_file(
    folder: Path, tmp_path: Path
) -> None:
    first = write_csv(tmp_path / "a.csv", [HEADER, ROWS[0], ROWS[2]], encoding="utf-8")
    code, text = forked_cli(folder, "import", str(first))
    assert code == 0, text
    second = write_csv(tmp_path / "b.csv", [HEADER, ROWS[1]], encoding="utf-8")
    # One file: 1 prepare, 2 temporary file, 3 sync, 4 the durable switch to *commit*; the
    # rename has not been made.
    code, text = forked_cli(folder, "import", str(second), GOVINFO_CRASH_AT="4")
    assert code == CRASH_EXIT_CODE, text
    (target,) = journal_targets(folder)
    month = folder / target
    edited = month.read_bytes() + b"# checked by phone 2003-08-21\n"
    month.write_bytes(edited)

    code, text = check(folder)
    assert code == 0, text
    assert "cannot be finished" in text
    assert target in text
    assert month.read_bytes() == edited
    assert has_pending(folder)
    assert commits(folder) == 2

    # The second way out: give the write up, keep the edit.
    temps = [p for p in month.parent.iterdir() if p.name.endswith(".govinfo-tmp")]
    assert temps
    assert all(str(p) in text for p in temps)
    for p in temps:
        p.unlink()
    locate(folder).journal_path.unlink()
    code, text = check(folder)
    assert code == 0, text
    assert month.read_bytes() == edited


def test_a_hand_edit_of_a_file_already_renamed_is_kept_too(folder: Path, tmp_path: Path) -> None:
    batch = write_csv(tmp_path / "a.csv", [HEADER, ROWS[0], ROWS[2]], encoding="utf-8")
    # Steps: 1 prepare, 2-3 temporary files, 4 sync, 5 commit, 6-7 renames: one file renamed.
    code, text = forked_cli(folder, "import", str(batch), GOVINFO_CRASH_AT="6")
    assert code == CRASH_EXIT_CODE, text
    renamed = folder / journal_targets(folder)[0]
    edited = renamed.read_bytes().replace(b"title:", b"title: ", 1)
    renamed.write_bytes(edited)
    code, text = check(folder)
    assert code == 0, text
    assert "cannot be finished" in text
    assert renamed.read_bytes() == edited
    assert has_pending(folder)


# --- item 2: a failed commit leaves index, files and HEAD in agreement ------------------------


def refusing_hook(root: Path, words: str = "policy: commits are closed today") -> None:
    """A real ``pre-commit`` hook in the repository that refuses every commit."""
    hooks = Path(git(root, "rev-parse", "--absolute-git-dir").strip()) / "hooks"
    hooks.mkdir(exist_ok=True)
    hook = hooks / "pre-commit"
    hook.write_text(f"#!/bin/sh\necho '{words}' >&2\nexit 1\n", encoding="utf-8")
    hook.chmod(0o755)


def imported_once(folder: Path, tmp_path: Path) -> Path:
    """The folder after one import (its August file for 长春 tracked); the batch for a second
    import into that same file."""
    first = write_csv(tmp_path / "a.csv", [HEADER, ROWS[0]], encoding="utf-8")
    code, text = forked_cli(folder, "import", str(first))
    assert code == 0, text
    return write_csv(tmp_path / "b.csv", [HEADER, ROWS[1]], encoding="utf-8")


@pytest.mark.parametrize("reset_fails", [False, True])
def test_a_refused_commit_of_tracked_files_leaves_the_index_as_the_files(
    folder: Path, tmp_path: Path, reset_fails: bool
) -> None:
    batch = imported_once(folder, tmp_path)
    refusing_hook(folder)
    before, head = snapshot(folder), git(folder, "rev-parse", "HEAD")
    env = {"GOVINFO_GIT_FAIL": "reset"} if reset_fails else {}
    code, text = forked_cli(folder, "import", str(batch), **env)
    assert code == 1, text
    assert "commits are closed today" in text
    assert "Traceback" not in text
    assert snapshot(folder) == before
    assert git(folder, "rev-parse", "HEAD") == head
    assert status(folder) == ""  # no "MM": the index never took the new content
    assert not has_pending(folder)


def test_an_index_git_cannot_put_back_is_a_refusal_naming_the_fix(
    folder: Path, tmp_path: Path
) -> None:
    refusing_hook(folder)
    batch = write_csv(tmp_path / "a.csv", [HEADER, ROWS[0]], encoding="utf-8")
    before = snapshot(folder)
    code, text = forked_cli(folder, "import", str(batch), GOVINFO_GIT_FAIL="reset")
    assert code == 1, text
    assert "Traceback" not in text
    assert "commits are closed today" in text
    assert "index could not be put back" in text
    assert snapshot(folder) == before
    fix = text.split("run git reset -q -- ", 1)[1].split(" before the next write", 1)[0]
    assert status(folder) != ""  # the intent-to-add entry git could not remove
    git(folder, "reset", "-q", "--", *fix.split())  # what the message says to do
    assert status(folder) == ""
    assert not has_pending(folder)


def _mount_tmpfs(where: Path, size: str) -> bool:
    where.mkdir(parents=True, exist_ok=True)
    if shutil.which("mount") is None:
        return False
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
        capture_output=True,
        check=False,
    )
    return done.returncode == 0


def test_a_full_disk_during_the_commit_leaves_index_files_and_head_agreeing(
    folder: Path, tmp_path: Path
) -> None:
    """git's object store on a real, small filesystem that is full: the commit fails with
    git's own words, and nothing disagrees afterwards."""
    batch = imported_once(folder, tmp_path)
    objects = Path(git(folder, "rev-parse", "--git-path", "objects").strip())
    objects = objects if objects.is_absolute() else folder / objects
    saved = tmp_path / "objects-saved"
    shutil.copytree(objects, saved)
    used = sum(p.stat().st_size + 4096 for p in saved.rglob("*"))
    if not _mount_tmpfs(objects, str(used + (1 << 20))):
        pytest.skip("mounting a small tmpfs is not permitted here (needs root)")
    try:
        shutil.copytree(saved, objects, dirs_exist_ok=True)
        fd = os.open(objects / "filler", os.O_WRONLY | os.O_CREAT)
        try:  # fill the filesystem to the last block
            while os.write(fd, b"\0" * 4096):
                pass
        except OSError:
            pass
        finally:
            os.close(fd)
        before, head = snapshot(folder), git(folder, "rev-parse", "HEAD")
        code, text = forked_cli(folder, "import", str(batch))
        assert code == 1, text
        assert "Traceback" not in text
        assert "git failed" in text
        assert snapshot(folder) == before
        assert git(folder, "rev-parse", "HEAD") == head
        assert status(folder) == ""
        assert not has_pending(folder)
    finally:
        subprocess.run(["umount", "-l", str(objects)], check=False)


# --- item 8: an import may not commit a tree that fails check ---------------------------------

TONGHUA = """\
- id: tonghua
  name: 通化市人民政府办公厅
  short: 通化
  kind: city
  tiers: [provincial]
  history:
    - {date: 2001-01-01, event: admitted}
"""


def test_an_import_needing_a_point_only_in_uncommitted_registry_edits_is_refused(
    folder: Path, tmp_path: Path
) -> None:
    registry = folder / "points.yaml"
    registry.write_text(registry.read_text(encoding="utf-8") + TONGHUA, encoding="utf-8")
    before = snapshot(folder)
    rows = [HEADER, ["1", "通化", "2003-8-14", "通化市葡萄酒产业调研", "调研", "王明"]]
    batch = write_csv(tmp_path / "a.csv", rows, encoding="utf-8")
    code, text = forked_cli(folder, "import", str(batch))
    assert code == 1, text
    assert "points.yaml has uncommitted changes" in text
    assert "tonghua" in text
    assert snapshot(folder) == before
    assert commits(folder) == 1
    # As the message says: commit points.yaml, then import; HEAD then passes check.
    git(folder, "commit", "-qm", "admit tonghua", "--", "points.yaml")
    code, text = forked_cli(folder, "import", str(batch))
    assert code == 0, text
    code, text = forked_cli(folder, "check", "--at", "HEAD")
    assert code == 0, text


def test_an_import_of_committed_points_goes_ahead_beside_registry_edits(
    folder: Path, tmp_path: Path
) -> None:
    registry = folder / "points.yaml"
    registry.write_text(registry.read_text(encoding="utf-8") + TONGHUA, encoding="utf-8")
    batch = write_csv(tmp_path / "a.csv", [HEADER, ROWS[0]], encoding="utf-8")
    code, text = forked_cli(folder, "import", str(batch))
    assert code == 0, text
    assert commits(folder) == 2
    code, text = forked_cli(folder, "check", "--at", "HEAD")
    assert code == 0, text
    assert status(folder).strip() == "M points.yaml"  # the registry edit is left as it was
