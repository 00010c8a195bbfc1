"""A new folder (``demo generate``) appears whole or not at all: built beside its place and
renamed into it — or, when an empty folder is there already, built inside it and moved up,
the folder itself kept; whatever stops the build leaves nothing where the clerk asked for it."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from govinfo.errors import GovinfoError
from govinfo.i18n import t
from govinfo.store.newfolder import partial_path, write_new_folder

FILES = [
    ("govinfo.yaml", "format: 1\n"),
    ("points.yaml", "[]\n"),
    ("submissions/2003/cc/08.yaml", "[]\n"),
]


def test_the_folder_is_written_whole(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()  # the folder it goes in is never made (app.demo checks it is there)
    write_new_folder(tmp_path / "a" / "demo", FILES)
    root = tmp_path / "a" / "demo"
    assert (root / "submissions/2003/cc/08.yaml").read_text(encoding="utf-8") == "[]\n"
    assert [p.name for p in (tmp_path / "a").iterdir()] == ["demo"]


def test_a_build_stopped_halfway_leaves_nothing(tmp_path: Path) -> None:
    def files() -> Iterator[tuple[str, str]]:
        yield from FILES
        raise KeyboardInterrupt  # Ctrl-C in the middle

    with pytest.raises(KeyboardInterrupt):
        write_new_folder(tmp_path / "demo", files())
    assert list(tmp_path.iterdir()) == []


def test_an_empty_destination_is_kept_with_its_permissions(tmp_path: Path) -> None:
    dest = tmp_path / "demo"
    dest.mkdir(mode=0o750)
    dest.chmod(0o750)
    write_new_folder(dest, FILES)
    assert (dest / "govinfo.yaml").is_file()
    if sys.platform != "win32":
        assert dest.stat().st_mode & 0o777 == 0o750
    assert [p.name for p in tmp_path.iterdir()] == ["demo"]


def test_a_destination_filled_meanwhile_is_refused_and_kept(tmp_path: Path) -> None:
    dest = tmp_path / "demo"

    def files() -> Iterator[tuple[str, str]]:
        yield from FILES
        dest.mkdir()
        (dest / "clerk.txt").write_text("kept", encoding="utf-8")

    with pytest.raises(GovinfoError) as refused:
        write_new_folder(dest, files())
    assert str(refused.value) == t("demo_dest_not_empty", path=str(dest))
    assert [p.name for p in tmp_path.iterdir()] == ["demo"]
    assert [p.name for p in dest.iterdir()] == ["clerk.txt"]


def test_a_folder_that_cannot_be_made_is_a_message(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    dest = tmp_path / "a-file" / "demo"
    with pytest.raises(GovinfoError) as refused:
        write_new_folder(dest, FILES)
    assert str(refused.value).startswith(
        t("demo_cannot_write", path=dest, reason="|").split("|")[0]
    )
    assert [p.name for p in tmp_path.iterdir()] == ["a-file"]


@pytest.mark.skipif(sys.platform == "win32", reason="a live process is never asked there")
def test_partial_folders_of_dead_processes_are_removed_and_of_live_ones_kept(
    tmp_path: Path,
) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    dest = tmp_path / "demo"
    stale = partial_path(dest, dead.pid)
    live = partial_path(dest, os.getppid())
    for folder in (stale, live):
        (folder / "submissions").mkdir(parents=True)
    write_new_folder(dest, FILES)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["demo", live.name])


def test_an_empty_folder_the_clerk_stands_in_is_filled_not_swapped(tmp_path: Path) -> None:
    """``mkdir d && cd d && govinfo demo generate .``: the folder the shell stands in is the
    one filled (a folder renamed over it would leave the shell in a deleted one)."""
    dest = tmp_path / "demo"
    dest.mkdir()
    before = dest.stat().st_ino
    write_new_folder(dest / ".", FILES)
    assert dest.stat().st_ino == before
    assert sorted(p.name for p in dest.iterdir()) == ["govinfo.yaml", "points.yaml", "submissions"]


def test_a_build_inside_stopped_halfway_leaves_the_folder_empty(tmp_path: Path) -> None:
    dest = tmp_path / "demo"
    dest.mkdir()

    def files() -> Iterator[tuple[str, str]]:
        yield from FILES
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_new_folder(dest, files())
    assert list(dest.iterdir()) == []


@pytest.mark.skipif(sys.platform == "win32", reason="a live process is never asked there")
def test_a_partial_folder_inside_left_by_a_dead_process_is_removed(tmp_path: Path) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    dest = tmp_path / "demo"
    (dest / f".{dead.pid}.govinfo-partial" / "submissions").mkdir(parents=True)
    write_new_folder(dest, FILES)
    assert sorted(p.name for p in dest.iterdir()) == ["govinfo.yaml", "points.yaml", "submissions"]


# --- a new folder under git (store.initdir.create_folder: init and demo generate) -------------


def _git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True)
    return done.stdout


@pytest.mark.parametrize("empty_there", [False, True])
def test_a_new_folder_outside_git_is_its_own_repository_with_one_commit(
    tmp_path: Path, empty_there: bool
) -> None:
    from govinfo.store.initdir import create_folder

    dest = tmp_path / "demo"
    if empty_there:
        dest.mkdir()  # built inside it, moved up with its .git
    assert not create_folder(dest, FILES, office="某办", message="第一次提交")
    assert _git(dest, "rev-parse", "--show-toplevel").strip() == str(dest.resolve())
    assert _git(dest, "log", "--format=%s").splitlines() == ["第一次提交"]
    assert _git(dest, "status", "--porcelain", "--untracked-files=all") == ""
    assert sorted(_git(dest, "ls-files").split()) == sorted(rel for rel, _ in FILES)
    assert [p.name for p in tmp_path.iterdir()] == ["demo"]


def test_a_commit_that_fails_leaves_nothing_outside_git(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The repository is made and committed in the partial folder: when git fails there, the
    folder never reaches its place (nothing half-made that a second run refuses)."""
    from govinfo.errors import GitError
    from govinfo.store.initdir import create_folder

    monkeypatch.setenv("GOVINFO_GIT_FAIL", "commit")
    with pytest.raises(GitError):
        create_folder(tmp_path / "demo", FILES, office="某办", message="m")
    assert list(tmp_path.iterdir()) == []
