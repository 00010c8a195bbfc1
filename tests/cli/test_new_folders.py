"""New folders as a clerk makes them (a clerk-QA round): ``demo generate`` gives a repository
with one commit, as ``init`` does, also inside a larger repository; neither makes a folder inside
a data folder, nor anything without git; an English folder's files speak English. Real files,
real git, in temp folders."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support.cli import invoke
from tests.support.cli import run_cli as run
from tests.support.gitrepo import git
from tests.support.notices import copy_sample

DEMO = ["demo", "generate"]
SMALL = ["--points", "6", "--submissions", "60", "--years", "2", "--seed", "7"]


@pytest.fixture(autouse=True)
def today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOVINFO_TODAY", "2004-01-15")


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """A git-initialised copy of the sample folder."""
    return copy_sample(tmp_path)


# --- 1. demo generate gives a repository with one commit, as init does --------------------------


def test_demo_generate_makes_a_repository_with_one_commit(
    runner: CliRunner, tmp_path: Path
) -> None:
    dest = tmp_path / "试用"
    code, _, err = invoke(runner, *DEMO, str(dest), *SMALL)
    assert code == 0, err
    assert "并提交到 git" in err
    assert git(dest, "rev-parse", "--show-toplevel").strip() == str(dest.resolve())
    assert git(dest, "log", "--format=%s").splitlines() == ["govinfo demo generate: 演示数据目录"]
    assert git(dest, "status", "--porcelain", "--untracked-files=all") == ""
    assert len(git(dest, "ls-files").splitlines()) > 20
    code, _, err = run(runner, dest, "points", "add", "aa", "--name", "甲市人民政府办公厅",
                       "--kind", "city")  # fmt: skip
    assert code == 0, err
    assert "不在 git 仓库中" not in err
    assert len(git(dest, "log", "--oneline").splitlines()) == 2
    assert run(runner, dest, "check", "--strict")[0] == 0


def test_demo_generate_into_the_empty_folder_it_stands_in(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    here = tmp_path / "空目录"
    here.mkdir()
    monkeypatch.chdir(here)
    code, _, err = invoke(runner, "--lang", "en", *DEMO, ".", *SMALL)
    assert code == 0, err
    assert "wrote . and committed it to git" in err
    assert (here / ".git").is_dir()
    assert git(here, "log", "--format=%s").splitlines() == ["govinfo demo generate: 演示数据目录"]
    assert git(here, "status", "--porcelain", "--untracked-files=all") == ""
    assert not [p for p in here.iterdir() if p.name.endswith(".govinfo-partial")]


def test_init_and_demo_inside_a_repository_commit_only_their_folder(
    runner: CliRunner, tmp_path: Path
) -> None:
    """In a subfolder of a larger repository (as the sample data/ is) both commit their folder
    into it — what the clerk has staged there stays staged, not committed — and make no
    repository of their own."""
    outer = tmp_path / "工作"
    outer.mkdir()
    git(outer, "init", "-q")
    (outer / "a.txt").write_text("a\n", encoding="utf-8")
    git(outer, "add", "a.txt")
    git(outer, "commit", "-qm", "base")
    (outer / "b.txt").write_text("b\n", encoding="utf-8")
    git(outer, "add", "b.txt")
    code, _, err = invoke(runner, *DEMO, str(outer / "演示"), *SMALL)
    assert code == 0, err
    code, _, err = invoke(runner, "init", str(outer / "新处"), "--office", "测试办")
    assert code == 0, err
    assert git(outer, "log", "--format=%s").splitlines() == [
        "govinfo init: 新建数据目录",
        "govinfo demo generate: 演示数据目录",
        "base",
    ]
    assert git(outer, "status", "--porcelain", "--untracked-files=all") == "A  b.txt\n"
    assert not (outer / "演示" / ".git").exists()
    assert not (outer / "新处" / ".git").exists()
    shown = git(outer, "-c", "core.quotePath=false", "show", "--name-only", "--format=", "HEAD~1")
    shown = shown.split()
    assert shown
    assert all(path.startswith("演示/") for path in shown)


def test_demo_without_a_git_identity_commits_as_the_office(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for var in ("AUTHOR", "COMMITTER"):
        monkeypatch.delenv(f"GIT_{var}_NAME")
        monkeypatch.delenv(f"GIT_{var}_EMAIL")
    dest = tmp_path / "anon"
    code, _, err = invoke(runner, *DEMO, str(dest), *SMALL)
    assert code == 0, err
    assert "git config" in err
    assert git(dest, "log", "--format=%an").strip() == "示范省人民政府办公厅"


@pytest.mark.parametrize("command", [["init"], [*DEMO, *SMALL]])
def test_without_git_nothing_is_made(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    """A data folder is a git repository: without git, init and demo generate refuse before
    anything is written (init used to leave its files behind, which a second run refused as not
    empty)."""
    bare = tmp_path / "bin"
    bare.mkdir()
    monkeypatch.setenv("PATH", str(bare))
    target = tmp_path / "新处"
    code, _, err = invoke(runner, *command[:2], str(target), *command[2:])
    assert code == 1
    assert "找不到 git 命令，请先安装 git" in err
    code, _, err = invoke(runner, "--lang", "en", *command[:2], str(target), *command[2:])
    assert code == 1
    assert "git is not installed" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bin"]


# --- 2. no data folder inside another -------------------------------------------------------


@pytest.mark.parametrize("command", [["init"], [*DEMO, *SMALL]])
def test_a_folder_inside_a_data_folder_is_refused(
    runner: CliRunner, sample: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    head = git(sample, "rev-parse", "HEAD")
    (sample / "附件").mkdir()
    monkeypatch.chdir(sample)
    for where in ("内层", "附件/内层"):
        code, _, err = invoke(runner, *command[:2], where, *command[2:])
        assert code == 1
        assert f"{where} 在数据目录 {sample.resolve()} 之内" in err
        assert "未做任何改动" in err
        code, _, err = invoke(runner, "--lang", "en", *command[:2], where, *command[2:])
        assert code == 1
        assert f"{where} is inside the data folder {sample.resolve()}" in err
        assert "nothing was written" in err
    assert not (sample / "内层").exists()
    assert list((sample / "附件").iterdir()) == []
    assert git(sample, "rev-parse", "HEAD") == head
    assert git(sample, "status", "--porcelain") == ""


def test_init_of_a_data_folder_itself_says_it_is_one(runner: CliRunner, sample: Path) -> None:
    before = git(sample, "rev-parse", "HEAD")
    code, _, err = invoke(runner, "init", str(sample))
    assert code == 1
    assert f"{sample} 已是数据目录（含 govinfo.yaml），未做任何改动" in err
    code, _, err = invoke(runner, "--lang", "en", *DEMO, str(sample), *SMALL)
    assert code == 1
    assert "is a data folder already" in err
    assert git(sample, "rev-parse", "HEAD") == before


# --- 3. an English folder's files speak English -------------------------------------------------


def test_an_english_folder_has_english_settings_and_check_reads_them(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = invoke(runner, "init", "新处", "--lang", "en")
    assert code == 0, err
    root = tmp_path / "新处"
    settings = (root / "govinfo.yaml").read_text(encoding="utf-8")
    points = (root / "points.yaml").read_text(encoding="utf-8")
    assert not re.search(r"[\u3000-\u9fff\uff00-\uffef]", settings + points), settings + points
    assert settings.startswith("# govinfo data folder settings\nformat: 1\n")
    assert 'office: "General Office of the Provincial People\'s Government"\n' in settings
    assert "placeholder: write your office's full name" in settings
    assert "# the province: fill in its name" in settings
    assert 'province: ""\n' in settings
    assert settings.endswith("language: en\n")
    assert git(root, "log", "--format=%s").splitlines() == ["govinfo init: new data folder"]
    code, out, err = run(runner, root, "check", "--strict")
    assert code == 0, out + err
    assert "0 errors, 0 warnings" in out


def test_a_chinese_folder_keeps_chinese_comments_and_given_values(
    runner: CliRunner, tmp_path: Path
) -> None:
    root = tmp_path / "直报点数据"
    code, _, err = invoke(runner, "init", str(root), "--office", "吉林省人民政府办公厅",
                          "--province", "吉林省")  # fmt: skip
    assert code == 0, err
    settings = (root / "govinfo.yaml").read_text(encoding="utf-8")
    assert settings.startswith("# govinfo 数据目录设置\nformat: 1\n")
    assert 'office: "吉林省人民政府办公厅"\n' in settings
    assert 'province: "吉林省"\n' in settings
    assert "占位" not in settings
    assert "请填写" not in settings
    code, out, err = run(runner, root, "check", "--strict")
    assert code == 0, out + err
    code, _, err = invoke(runner, "init", str(tmp_path / "空白"))
    assert code == 0, err
    blank = (tmp_path / "空白" / "govinfo.yaml").read_text(encoding="utf-8")
    assert 'office: "省人民政府办公厅"\n' in blank
    assert "请改为本机关全称" in blank
    assert "# 省份：请填写" in blank


def test_a_first_commit_of_a_repository_leaves_what_else_is_staged(
    runner: CliRunner, tmp_path: Path
) -> None:
    """In a repository with no commit yet, the folder is still all its first commit holds: a
    file the clerk staged elsewhere stays staged."""
    outer = tmp_path / "新仓库"
    outer.mkdir()
    git(outer, "init", "-q")
    (outer / "other.txt").write_text("x\n", encoding="utf-8")
    git(outer, "add", "other.txt")
    code, _, err = invoke(runner, "init", str(outer / "新处"), "--office", "测试办")
    assert code == 0, err
    shown = git(outer, "-c", "core.quotePath=false", "show", "--name-only", "--format=", "HEAD")
    assert shown.split()
    assert all(path.startswith("新处/") for path in shown.split())
    assert git(outer, "status", "--porcelain", "--untracked-files=all") == "A  other.txt\n"


def test_a_place_the_repository_ignores_gets_a_repository_of_its_own(
    runner: CliRunner, tmp_path: Path
) -> None:
    """Inside a repository whose .gitignore leaves the place out, the new folder cannot be
    committed there: it gets its own repository, as outside any, and the outer one is
    untouched."""
    outer = tmp_path / "工作"
    outer.mkdir()
    git(outer, "init", "-q")
    (outer / ".gitignore").write_text("ign/\n", encoding="utf-8")
    git(outer, "add", ".gitignore")
    git(outer, "commit", "-qm", "base")
    (outer / "ign").mkdir()
    for args in (
        ["init", str(outer / "ign" / "新处"), "--office", "测试办"],
        [*DEMO, str(outer / "ign" / "演示"), *SMALL],
    ):
        code, _, err = invoke(runner, *args)
        assert code == 0, err
    for name in ("新处", "演示"):
        inner = outer / "ign" / name
        assert (inner / ".git").is_dir()
        assert len(git(inner, "log", "--format=%s").splitlines()) == 1
        assert git(inner, "status", "--porcelain", "--untracked-files=all") == ""
    assert git(outer, "log", "--format=%s").splitlines() == ["base"]
