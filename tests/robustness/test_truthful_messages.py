"""Situations that were reported wrongly or not at all: each message now says what is really
the matter."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.support.batches import HEADER, ROWS, write_csv
from tests.support.cli import forked_cli
from tests.support.folders import MakeFolder
from tests.support.gitrepo import commits, git

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


def test_a_folder_outside_git_replaced_after_a_crash_is_read_and_named_without_git(
    make_folder: MakeFolder,
) -> None:
    """Outside git the journal is kept in the user's cache by the folder's path: a new folder
    made at that path after a crash finds it. Readers read the new folder as it is (with the
    note); writers refuse; neither message speaks of git."""
    root = make_folder()
    code, _text = forked_cli(root, *POINTS_ADD, GOVINFO_CRASH_AT="4")
    assert code != 0
    shutil.rmtree(root)
    make_folder()  # the clerk starts again at the same path
    code, text = forked_cli(root, "check")
    assert code == 0, text
    assert "its temporary file" in text
    assert "the data folder replaced by another of the same name" in text
    assert "git" not in text
    code, text = forked_cli(root, *POINTS_ADD)
    assert code == 1, text
    assert "the data folder replaced by another of the same name" in text
    assert not (root / "points.yaml").read_text(encoding="utf-8").count("yitong")
