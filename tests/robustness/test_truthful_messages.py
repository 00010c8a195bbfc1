"""Situations that were reported wrongly or not at all: each message now says what is really
the matter."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from govinfo.store.place import MARK_NAME
from govinfo.store.write import CRASH_EXIT_CODE, has_pending
from tests.support.batches import HEADER, ROWS, write_csv
from tests.support.cli import forked_cli
from tests.support.folders import MakeFolder
from tests.support.gitrepo import commits, git, snapshot

POINTS_ADD = [
    "points",
    "add",
    "yitong",
    "--name",
    "伊通满族自治县人民政府办公室",
    "--kind",
    "county",
]


def test_an_import_on_a_detached_head_warns(folder: Path, tmp_path: Path) -> None:
    head = git(folder, "rev-parse", "HEAD").strip()
    git(folder, "checkout", "-q", "--detach", head)
    batch = write_csv(tmp_path / "a.csv", [HEADER, ROWS[0]], encoding="utf-8")
    code, text = forked_cli(folder, "import", str(batch))
    assert code == 0, text
    assert "warning: git's HEAD is detached (on no branch)" in text
    assert commits(folder) == 2


def test_an_import_on_a_branch_does_not_warn(folder: Path, tmp_path: Path) -> None:
    batch = write_csv(tmp_path / "a.csv", [HEADER, ROWS[0]], encoding="utf-8")
    code, text = forked_cli(folder, "import", str(batch))
    assert code == 0, text
    assert "detached" not in text


def test_a_temporary_file_removed_by_git_clean_is_named_as_such(folder: Path) -> None:
    # Crash right after the point of no return, before the rename: the new points.yaml is only
    # in its temporary file, which git clean then removes.
    code, _text = forked_cli(folder, *POINTS_ADD, GOVINFO_CRASH_AT="4")
    assert code != 0
    assert git(folder, "status", "--porcelain", "--untracked-files=all").strip()
    git(folder, "clean", "-fq")
    code, text = forked_cli(folder, "check")
    assert "its temporary file" in text
    assert "is gone (git clean may have removed it)" in text
    assert "points.yaml still holds its earlier content" in text
    assert "has changed since" not in text


def test_a_target_edited_after_a_crash_is_still_called_changed(folder: Path) -> None:
    code, _text = forked_cli(folder, *POINTS_ADD, GOVINFO_CRASH_AT="4")
    assert code != 0
    git(folder, "clean", "-fq")
    with (folder / "points.yaml").open("a", encoding="utf-8") as fh:
        fh.write("# 手工添加的注释\n")
    code, text = forked_cli(folder, "check")
    assert "these files were changed after it" in text
    assert "points.yaml" in text


def test_a_folder_outside_git_replaced_after_a_crash_gets_nothing_of_the_old_write(
    make_folder: MakeFolder, tmp_path: Path
) -> None:
    """Outside git the journal is kept in the user's cache by the folder's path: a new folder
    made at that path after a crash finds it, and must get nothing of it. The old write (an
    import stopped after its journal, which made the point's folders) is neither undone nor
    finished on the new folder: the folders the clerk made there stay; the journal is set
    aside with one warning naming it; readers and writers go on (nothing of git said)."""
    root = make_folder()
    batch = write_csv(tmp_path / "a.csv", [HEADER, ROWS[0]], encoding="utf-8")
    code, _text = forked_cli(root, "import", str(batch), GOVINFO_CRASH_AT="2")
    assert code == CRASH_EXIT_CODE
    assert (root / "submissions" / "2003" / "changchun").is_dir()  # made by the write
    shutil.rmtree(root)
    make_folder()  # the clerk starts again at the same path, with the same empty folders
    (root / "submissions" / "2003" / "changchun").mkdir(parents=True)
    before = snapshot(root)
    code, text = forked_cli(root, "check")
    assert code == 0, text
    assert "an unfinished write (import" in text
    assert f"another data folder that was at {root} and is gone" in text
    assert "it was not applied to this folder" in text
    assert "undid an interrupted write" not in text
    assert "git " not in text.replace(str(root), "")
    aside = re.search(r"set aside as (\S+journal-[0-9a-f]{32}\.json)", text)
    assert aside is not None, text
    assert Path(aside.group(1)).is_file()  # named, kept, out of the way
    assert snapshot(root) == before
    assert (root / "submissions" / "2003" / "changchun").is_dir()  # the clerk's folder stays
    assert not has_pending(root)
    code, text = forked_cli(root, *POINTS_ADD)
    assert code == 0, text
    assert "unfinished write" not in text  # said once
    assert "yitong" in (root / "points.yaml").read_text(encoding="utf-8")
    assert not (root / MARK_NAME).exists()


@pytest.mark.parametrize("step", ["1", "4"])  # before / after the point of no return
def test_a_folder_outside_git_moved_after_a_crash_finishes_its_write_where_it_is(
    make_folder: MakeFolder, step: str
) -> None:
    """A folder moved after a crash carries its mark: the first command where it is now takes
    its journal over and undoes (prepare) or finishes (commit) the write there, saying where
    it came from; a new folder made at the old path gets nothing of it."""
    root = make_folder()
    before = snapshot(root)
    code, _text = forked_cli(root, *POINTS_ADD, GOVINFO_CRASH_AT=step)
    assert code == CRASH_EXIT_CODE
    moved = root.with_name("moved")
    root.rename(moved)
    make_folder()  # a new folder at the old path: run there first
    fresh = snapshot(root)
    code, text = forked_cli(root, "check")
    assert code == 0, text
    assert f"another data folder that was at {root} and is gone" in text
    assert snapshot(root) == fresh
    code, text = forked_cli(moved, "check")
    assert code == 0, text
    assert f"was moved here from {root} after a write to it was interrupted" in text
    added = "yitong" in (moved / "points.yaml").read_text(encoding="utf-8")
    if step == "1":
        assert "undid an interrupted write" in text
        assert snapshot(moved) == before
    else:
        assert "finished an interrupted write" in text
        assert added
        assert not any(p.name.endswith(".govinfo-tmp") for p in moved.rglob("*"))
    assert not (moved / MARK_NAME).exists()
    assert not has_pending(moved)
    code, text = forked_cli(moved, "check")
    assert code == 0, text
    assert "interrupted" not in text


def test_a_folder_outside_git_moved_after_a_crash_with_nothing_at_its_old_path(
    make_folder: MakeFolder,
) -> None:
    """The same with nothing made at the old path: the journal is found where it was kept."""
    root = make_folder()
    code, _text = forked_cli(root, *POINTS_ADD, GOVINFO_CRASH_AT="4")
    assert code == CRASH_EXIT_CODE
    moved = root.with_name("moved")
    root.rename(moved)
    code, text = forked_cli(moved, *POINTS_ADD)  # a writer: finishes first, then refuses the id
    assert f"was moved here from {root}" in text, text
    assert "finished an interrupted write" in text
    assert "yitong" in (moved / "points.yaml").read_text(encoding="utf-8")


def test_a_copy_of_a_folder_outside_git_taken_after_a_crash_is_not_written(
    make_folder: MakeFolder, tmp_path: Path
) -> None:
    """A copy taken while the write was unfinished, the original still in its place: the
    journal is the original's. The copy is read as it is and not written, and the clerk is
    told to run govinfo in the original first; the original then finishes the write."""
    root = make_folder()
    code, _text = forked_cli(root, *POINTS_ADD, GOVINFO_CRASH_AT="4")
    assert code == CRASH_EXIT_CODE
    copy = tmp_path / "copy"
    shutil.copytree(root, copy)
    before = snapshot(copy)
    code, text = forked_cli(copy, "check")
    assert code == 0, text
    assert f"is a copy of {root} made while a write to it (points add" in text
    code, text = forked_cli(copy, *POINTS_ADD)
    assert code == 1, text
    assert snapshot(copy) == before
    code, text = forked_cli(root, "check")
    assert code == 0, text
    assert "finished an interrupted write" in text
    assert "yitong" in (root / "points.yaml").read_text(encoding="utf-8")
