"""Git hygiene, proven on `govinfo import`: hand edits are never overwritten (judged per file),
a folder outside git is written with a warning and no commit, and commits carry the author
from git config — or the folder's office, with a warning that says how to set one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from govinfo.cli.main import app
from govinfo.store.write import locate
from tests.support.batches import HEADER, ROWS, write_csv
from tests.support.cli import LineRunner
from tests.support.folders import MakeFolder
from tests.support.gitrepo import commits, git, snapshot, status

AUGUST = "submissions/2003/changchun/08.yaml"


def run(root: Path, *args: str) -> tuple[int, str, str]:
    result = LineRunner().invoke(app, ["--data", str(root), "--lang", "en", *args])
    return result.exit_code, result.stdout, result.stderr


def batch(tmp_path: Path, name: str, *rows: list[str]) -> str:
    return str(write_csv(tmp_path / name, [HEADER, *rows], encoding="utf-8"))


@pytest.mark.parametrize("edit", ["modified", "staged", "untracked", "deleted"])
def test_import_refuses_to_touch_a_file_with_uncommitted_edits(
    folder: Path, tmp_path: Path, edit: str
) -> None:
    if edit != "untracked":
        code, out, err = run(folder, "import", batch(tmp_path, "a.csv", ROWS[0]))
        assert code == 0, out + err
    month = folder / AUGUST
    if edit == "deleted":
        month.unlink()
    else:
        month.parent.mkdir(parents=True, exist_ok=True)
        with month.open("a", encoding="utf-8") as fh:
            fh.write("# 手工补充的说明\n")
    if edit == "staged":
        git(folder, "add", AUGUST)
    before, base = snapshot(folder), commits(folder)
    code, out, err = run(folder, "import", batch(tmp_path, "b.csv", ROWS[1]))
    assert code == 1, out + err
    assert AUGUST in err
    assert "uncommitted changes" in err
    assert snapshot(folder) == before
    assert commits(folder) == base


def test_a_hand_edit_elsewhere_does_not_block_and_is_left_alone(
    folder: Path, tmp_path: Path
) -> None:
    code, out, err = run(folder, "import", batch(tmp_path, "a.csv", ROWS[0]))
    assert code == 0, out + err
    edited = (folder / AUGUST).read_text(encoding="utf-8") + "# 手工补充的说明\n"
    (folder / AUGUST).write_text(edited, encoding="utf-8")
    notes = folder / "notes.txt"
    notes.write_text("未提交的笔记\n", encoding="utf-8")
    code, out, err = run(folder, "import", batch(tmp_path, "b.csv", ROWS[3]))
    assert code == 0, out + err
    shown = git(folder, "show", "--name-only", "--format=", "HEAD").split()
    assert shown == ["submissions/2003/fgw/09.yaml"]
    assert (folder / AUGUST).read_text(encoding="utf-8") == edited
    assert status(folder) == f" M {AUGUST}\n?? notes.txt\n"


def test_import_outside_git_writes_with_a_warning_and_no_commit(
    make_folder: MakeFolder, tmp_path: Path
) -> None:
    root = make_folder(name="plain")
    code, out, err = run(root, "import", batch(tmp_path, "a.csv", ROWS[0], ROWS[2]))
    assert code == 0, out + err
    assert "not in a git repository" in err
    assert "files written without a commit" in err
    assert (root / AUGUST).is_file()
    assert not (root / ".git").exists()
    state = locate(root).state_dir  # lock and journal live in the user's cache, not the folder
    assert state.is_relative_to(Path(os.environ["XDG_CACHE_HOME"]))
    assert not any(p.name.startswith(".") for p in root.rglob("*"))
    # The same batch again: all duplicates, nothing written.
    code, out, err = run(root, "import", batch(tmp_path, "a.csv", ROWS[0], ROWS[2]))
    assert code == 0, out + err
    assert "nothing new" in err


def test_points_add_outside_git_writes_with_a_warning(make_folder: MakeFolder) -> None:
    root = make_folder(name="plain")
    code, out, err = run(root, "points", "add", "yitong", "--name", "伊通", "--kind", "county")
    assert code == 0, out + err
    assert "not in a git repository" in err
    assert "yitong" in (root / "points.yaml").read_text(encoding="utf-8")


@pytest.fixture
def no_identity(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No identity in the environment (after ``folder`` made its first commit)."""
    for var in ("GIT_AUTHOR", "GIT_COMMITTER"):
        monkeypatch.delenv(f"{var}_NAME", raising=False)
        monkeypatch.delenv(f"{var}_EMAIL", raising=False)
    monkeypatch.delenv("EMAIL", raising=False)


@pytest.mark.usefixtures("no_identity")
@pytest.mark.parametrize("scope", ["repository", "global"])
def test_import_commits_as_the_author_git_config_names(
    folder: Path, tmp_path: Path, scope: str
) -> None:
    where = "--local" if scope == "repository" else "--global"
    git(folder, "config", where, "user.name", "李秘书")
    git(folder, "config", where, "user.email", "li@example.org")
    code, out, err = run(folder, "import", batch(tmp_path, "a.csv", ROWS[0]))
    assert code == 0, out + err
    assert "git config" not in err
    assert (
        git(folder, "log", "-1", "--format=%an <%ae>|%cn").strip()
        == "李秘书 <li@example.org>|李秘书"
    )


@pytest.mark.usefixtures("no_identity")
def test_import_without_a_git_identity_commits_as_the_office_and_says_how_to_set_one(
    folder: Path, tmp_path: Path
) -> None:
    code, out, err = run(folder, "import", batch(tmp_path, "a.csv", ROWS[0]))
    assert code == 0, out + err
    assert "git config --global user.name" in err
    assert git(folder, "log", "-1", "--format=%an").strip() == "吉林省人民政府办公厅"
    assert status(folder) == ""
