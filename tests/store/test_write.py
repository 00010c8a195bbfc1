"""The shared write layer: paths, dirty check, commits, lock, journal and crash recovery."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from govinfo.errors import GovinfoError
from govinfo.store.place import MARK_NAME
from govinfo.store.write import (
    CRASH_EXIT_CODE,
    apply_changes,
    has_pending,
    locate,
    open_writer,
    recover,
)
from tests.support.gitrepo import commits, dirs, git, snapshot

PROJECT = Path(__file__).resolve().parents[2]

CHANGES = {
    "submissions/2003/cc/08.yaml": b"- id: cc-2003-0001\n  date: 2003-08-14\n",
    "submissions/2003/cc/09.yaml": b"- id: cc-2003-0002\n  date: 2003-09-01\n",
    "govinfo.yaml": "format: 1\noffice: 省政府办公厅信息处\nlanguage: zh\n".encode(),
}


def test_apply_writes_and_commits_once(repo: Path) -> None:
    result = apply_changes(repo, CHANGES, message="导入 x：新增 2 条", office="信息处")
    assert sorted(result.written) == sorted(CHANGES)
    assert result.commit is not None
    assert result.warnings == []
    assert git(repo, "status", "--porcelain") == ""
    assert git(repo, "log", "-1", "--format=%s").strip() == "导入 x：新增 2 条"
    assert commits(repo) == 2
    for rel, data in CHANGES.items():
        assert (repo / rel).read_bytes() == data
    # The same bytes again: nothing written, no commit.
    again = apply_changes(repo, CHANGES, message="again")
    assert again.written == []
    assert again.commit is None
    assert commits(repo) == 2
    assert not has_pending(repo)


def test_subfolder_commits_only_its_own_paths(tmp_path: Path) -> None:
    top = tmp_path / "big"
    (top / "data").mkdir(parents=True)
    git(top, "init", "-q")
    (top / "README").write_text("v1\n")
    (top / "data" / "govinfo.yaml").write_text("format: 1\n")
    git(top, "add", "-A")
    git(top, "commit", "-q", "-m", "init")
    # Someone's unrelated work in progress, staged and unstaged.
    (top / "README").write_text("v2\n")
    (top / "other.txt").write_text("x\n")
    git(top, "add", "other.txt")
    data = top / "data"
    place = locate(data)
    assert place.prefix == "data/"
    result = apply_changes(data, {"points.yaml": b"[]\n"}, message="points")
    assert result.commit is not None
    shown = git(top, "show", "--name-only", "--format=", "HEAD").split()
    assert shown == ["data/points.yaml"]
    status = git(top, "status", "--porcelain")
    assert " M README" in status
    assert "A  other.txt" in status


def test_refuses_uncommitted_changes(repo: Path) -> None:
    (repo / "govinfo.yaml").write_text("format: 1\n# hand edit\n")
    before = snapshot(repo)
    with pytest.raises(GovinfoError, match=r"govinfo\.yaml"):
        apply_changes(repo, CHANGES, message="m")
    assert snapshot(repo) == before
    assert commits(repo) == 1


@pytest.mark.parametrize(
    "rel", ["../x.yaml", "/etc/passwd", "a/../../x", "a\0b", "a\\b", "", "a//b", "./a"]
)
def test_refuses_paths_leaving_the_folder(repo: Path, rel: str) -> None:
    with pytest.raises(GovinfoError):
        apply_changes(repo, {rel: b"x"}, message="m")


def test_refuses_symlinks(repo: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (repo / "submissions").symlink_to(outside)
    with pytest.raises(GovinfoError):
        apply_changes(repo, {"submissions/2003.yaml": b"x"}, message="m")
    (repo / "points.yaml").symlink_to(outside / "p.yaml")
    with pytest.raises(GovinfoError):
        apply_changes(repo, {"points.yaml": b"x"}, message="m")
    assert list(outside.iterdir()) == []


def test_not_a_repository_writes_with_a_warning(tmp_path: Path) -> None:
    root = tmp_path / "plain"
    root.mkdir()
    result = apply_changes(root, CHANGES, message="m")
    assert result.commit is None
    assert len(result.warnings) == 1
    assert snapshot(root) == CHANGES
    assert locate(root).state_dir.is_relative_to(Path(os.environ["XDG_CACHE_HOME"]))


def test_identity_fallback(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("GIT_AUTHOR", "GIT_COMMITTER"):
        monkeypatch.delenv(f"{var}_NAME")
        monkeypatch.delenv(f"{var}_EMAIL")
    result = apply_changes(repo, {"points.yaml": b"[]\n"}, message="m", office="吉林省政府办公厅")
    assert result.commit is not None
    assert len(result.warnings) == 1
    assert "git config" in result.warnings[0]
    assert git(repo, "log", "-1", "--format=%an").strip() == "吉林省政府办公厅"


def recover_wait(root: Path) -> None:
    with open_writer(root, wait=0.2):
        pass


def test_second_writer_is_refused_naming_the_holder(repo: Path) -> None:
    with open_writer(repo, command="govinfo import a.xlsx"):
        with pytest.raises(GovinfoError) as err:
            recover_wait(repo)
        assert str(os.getpid()) in err.value.message
        assert "govinfo import a.xlsx" in err.value.message
    # Released: the next writer gets in.
    assert apply_changes(repo, {"points.yaml": b"[]\n"}, message="m").commit


def test_failed_commit_leaves_the_folder_untouched(repo: Path) -> None:
    hook = repo / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\nexit 1\n")
    hook.chmod(0o755)
    before, before_dirs = snapshot(repo), dirs(repo)
    with pytest.raises(GovinfoError):
        apply_changes(repo, CHANGES, message="m")
    assert snapshot(repo) == before
    assert dirs(repo) == before_dirs
    assert git(repo, "status", "--porcelain") == ""
    assert not has_pending(repo)


_CRASHING_WRITE = """
import sys
from pathlib import Path
from govinfo.store.write import apply_changes
changes = {k: v.encode() for k, v in eval(sys.argv[2]).items()}
apply_changes(Path(sys.argv[1]), changes, message="crash test")
"""


def _walk_crashes(root: Path, changes: dict[str, bytes], *, git_repo: bool) -> int:
    before, before_dirs = snapshot(root), dirs(root)
    after = {**before, **changes}
    before_commits = commits(root) if git_repo else 0
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    arg = repr({k: v.decode() for k, v in changes.items()})
    n = 0
    while True:
        n += 1
        env["GOVINFO_CRASH_AT"] = str(n)
        proc = subprocess.run(
            [sys.executable, "-c", _CRASHING_WRITE, str(root), arg],
            env=env,
            capture_output=True,
            check=False,
        )
        if proc.returncode == 0:
            break
        assert proc.returncode == CRASH_EXIT_CODE, proc.stderr.decode()
        notes = recover(root)  # the next command to take the lock
        assert len(notes) <= 1  # nothing left to do after the last step
        state = snapshot(root)
        assert state in (before, after), f"torn state after a crash at step {n}"
        assert not has_pending(root)
        if git_repo:
            assert git(root, "status", "--porcelain") == ""
            expected = before_commits if state == before else before_commits + 1
            assert commits(root) == expected
        if state == before:
            assert dirs(root) == before_dirs
        else:
            # Put the folder back for the next step of the walk.
            if git_repo:
                git(root, "reset", "-q", "--hard", "HEAD~1")
                git(root, "clean", "-qfd")
            else:
                for rel in changes:
                    (root / rel).unlink()
                for d in sorted(dirs(root) - before_dirs, reverse=True):
                    (root / d).rmdir()
            assert snapshot(root) == before
    assert snapshot(root) == after
    return n - 1  # the steps walked: the run at n went through without a crash


def test_crash_at_every_step_recovers_to_before_or_after(repo: Path) -> None:
    changes = {
        "govinfo.yaml": b"format: 1\noffice: x\n",
        "submissions/2003/cc/08.yaml": b"- id: a\n",
    }
    steps = _walk_crashes(repo, changes, git_repo=True)
    # prepare, 2 temps, sync, manifest, 2 renames, sync, commit, journal removed
    assert steps == 10


def test_crash_walk_outside_git(tmp_path: Path) -> None:
    root = tmp_path / "plain"
    root.mkdir()
    (root / "govinfo.yaml").write_bytes(b"format: 1\n")
    steps = _walk_crashes(root, {"points.yaml": b"[]\n"}, git_repo=False)
    assert steps == 7


def _crash_outside_git(root: Path, step: int) -> None:
    root.mkdir()
    (root / "govinfo.yaml").write_bytes(b"format: 1\n")
    env = {**os.environ, "PYTHONPATH": str(PROJECT), "GOVINFO_CRASH_AT": str(step)}
    proc = subprocess.run(
        [sys.executable, "-c", _CRASHING_WRITE, str(root), repr({"points.yaml": "[]\n"})],
        env=env,
        capture_output=True,
        check=False,
    )
    assert proc.returncode == CRASH_EXIT_CODE, proc.stderr.decode()


def test_outside_git_the_write_leaves_its_mark_and_recovery_takes_it_away(
    tmp_path: Path,
) -> None:
    """The mark (``.govinfo-write``) names the journal, which records its token; recovery
    removes both. A journal written before marks were (no ``root``) is still recovered."""
    root = tmp_path / "plain"
    _crash_outside_git(root, 4)  # past the point of no return
    place = locate(root)
    mark = json.loads((root / MARK_NAME).read_text(encoding="utf-8"))
    manifest = json.loads(place.journal_path.read_text(encoding="utf-8"))
    assert mark["token"] == manifest["root"]["token"]
    assert mark["journal"] == str(place.journal_path)
    del manifest["root"]  # as a journal of an earlier govinfo
    place.journal_path.write_text(json.dumps(manifest), encoding="utf-8")
    (root / MARK_NAME).unlink()
    assert recover(root) == ["已完成上次中断的写入（crash test）"]
    assert (root / "points.yaml").read_bytes() == b"[]\n"
    assert not has_pending(root)


def test_a_mark_without_its_journal_is_removed_without_a_word(tmp_path: Path) -> None:
    """A kill between the mark and the journal leaves the mark alone: nothing to recover."""
    root = tmp_path / "plain"
    _crash_outside_git(root, 1)
    locate(root).journal_path.unlink()
    assert has_pending(root)
    assert recover(root) == []
    assert not (root / MARK_NAME).exists()
    assert snapshot(root) == {"govinfo.yaml": b"format: 1\n"}
