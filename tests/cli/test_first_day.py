"""A clerk's first day with a new folder (an exploratory tester's findings): the folder found from
inside it, init naming the next step and taking --lang, dates after today warned of, rows dated
outside a point's time in the network, a closed year's note on points edits, --no-commit naming
the git line, names of a sensible length, the missing reviewer said of its column. Real files,
real git, in temp folders."""

from __future__ import annotations

import shlex
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support.cli import invoke
from tests.support.cli import run_cli as run
from tests.support.gitrepo import git
from tests.support.notices import copy_sample

HEAD = "报送单位,报送日期,标题,类别,审核人\n"


@pytest.fixture
def sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git-initialised copy of the sample folder, today 2004-01-15."""
    monkeypatch.setenv("GOVINFO_TODAY", "2004-01-15")
    return copy_sample(tmp_path)


@pytest.fixture
def new_folder(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``govinfo init 新处`` with point aa (甲市) admitted today, 2004-01-15."""
    monkeypatch.setenv("GOVINFO_TODAY", "2004-01-15")
    monkeypatch.chdir(tmp_path)
    code, _, err = invoke(runner, "init", "新处", "--office", "测试办")
    assert code == 0, err
    root = tmp_path / "新处"
    code, _, err = run(runner, root, "points", "add", "aa", "--name", "甲市人民政府办公厅",
                       "--short", "甲市", "--kind", "city")  # fmt: skip
    assert code == 0, err
    return root


def csv(tmp_path: Path, name: str, *rows: str) -> Path:
    path = tmp_path / name
    path.write_text(HEAD + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


# --- 1. the folder found from inside it; init names the next step -------------------------------


def test_inside_the_folder_init_made_govinfo_finds_it(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GOVINFO_TODAY", "2004-01-15")
    monkeypatch.chdir(tmp_path)
    code, _, err = invoke(runner, "init", "新处", "--office", "测试办")
    assert code == 0, err
    assert "已新建数据目录 新处 并提交到 git" in err
    assert "下一步：cd 新处" in err
    assert "--data 新处" in err
    assert "GOVINFO_DATA=新处" in err
    assert "govinfo points add" in err
    monkeypatch.chdir(tmp_path / "新处")
    code, out, err = invoke(runner, "score", "2004")
    assert code == 0, err
    assert "找不到数据目录" not in err
    assert "新建的数据目录请先用 govinfo points add 登记直报点" in out  # under the table


def test_data_below_the_current_folder_comes_before_the_current_folder(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SPEC's order is kept: ./data when it holds govinfo.yaml, and only then the current
    folder itself."""
    monkeypatch.setenv("GOVINFO_TODAY", "2004-01-15")
    monkeypatch.chdir(tmp_path)
    for name, language in (("outer", "zh"), ("inner", "en")):
        code, _, err = invoke(runner, "init", name, "--language", language)
        assert code == 0, err
    (tmp_path / "inner").rename(tmp_path / "outer" / "data")  # init refuses to nest one
    monkeypatch.chdir(tmp_path / "outer")
    code, out, err = invoke(runner, "score", "2004")
    assert code == 0, err
    assert "no point held a tier in 2004" in out  # the English folder under ./data


def test_no_folder_anywhere_names_all_the_places(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = invoke(runner, "score", "2004")
    assert code == 1
    assert "找不到数据目录" in err
    assert "含 govinfo.yaml" in err
    assert "govinfo init" in err


def test_the_commands_a_hint_gives_work_as_printed(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A path with a space is quoted in the commands a hint names, and each hint names a
    command that works: ``--data`` a folder's ``data/`` when that is the data folder, ``init``
    of a new ``data/`` inside a folder that is not empty (init refuses a folder with files)."""
    monkeypatch.setenv("GOVINFO_TODAY", "2004-01-15")
    place = tmp_path / "信息 处"
    code, _, err = invoke(runner, "init", str(place))
    assert code == 0, err
    quoted = shlex.quote(str(place))  # a space: quoted
    assert f"cd {quoted} " in err
    assert f"--data {quoted}" in err
    assert f"GOVINFO_DATA={quoted}" in err
    # a folder with files, not a data folder: init a new data/ inside it
    full = tmp_path / "旧 文件"
    full.mkdir()
    (full / "名单.xlsx").write_bytes(b"")
    code, _, err = invoke(runner, "--data", str(full), "check")
    assert code == 1
    hint = f"govinfo init {shlex.quote(str(full / 'data'))}"
    assert hint in err, err
    code, _, err = invoke(runner, *shlex.split(hint)[1:])
    assert code == 0, err
    # the folder above the data folder: --data its data/
    code, _, err = invoke(runner, "--data", str(full), "check")
    assert code == 1
    assert f"--data {shlex.quote(str(full / 'data'))}" in err, err
    # a folder that does not exist yet: init it
    code, _, err = invoke(runner, "--data", str(tmp_path / "新 目录"), "check")
    assert f"govinfo init {shlex.quote(str(tmp_path / '新 目录'))}" in err, err
    # a folder inside the data folder, or one of its files: --data the data folder
    for inside in (full / "data" / "rules", full / "data" / "govinfo.yaml"):
        code, _, err = invoke(runner, "--data", str(inside), "check")
        assert code == 1
        assert f"--data {shlex.quote(str(full / 'data'))}" in err, err
    # nowhere init would take: no command offered, rather than one init refuses
    other = tmp_path / "其他"
    (other / "data").mkdir(parents=True)
    (other / "data" / "旧.txt").write_text("x", encoding="utf-8")
    (other / "名单.txt").write_text("x", encoding="utf-8")
    code, _, err = invoke(runner, "--data", str(other), "check")
    assert code == 1
    assert "给一个新的或空的目录" in err, err
    assert "govinfo init /" not in err, err


# --- 6. init --lang sets the folder's language unless --language does ----------------------------


@pytest.mark.parametrize(
    ("args", "written"),
    [
        (["--lang", "en"], "en"),
        (["--lang", "en", "--language", "zh"], "zh"),
        (["--language", "en"], "en"),
        ([], "zh"),
    ],
)
def test_init_language_follows_lang_unless_language_is_given(
    runner: CliRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    written: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = invoke(runner, "init", "emptyd", *args)
    assert code == 0, err
    settings = (tmp_path / "emptyd" / "govinfo.yaml").read_text(encoding="utf-8")
    assert f"language: {written}\n" in settings
    assert f"language: {written}" in err  # init says which it wrote


# --- 2. dates after today: a warning, not a refusal ----------------------------------------------


def test_close_year_ahead_of_today_warns_and_a_rerun_shows_the_recorded_date(
    runner: CliRunner, sample: Path
) -> None:
    code, _, err = run(runner, sample, "close-year", "2003", "--apply", "--date", "2004-01-20")
    assert code == 0, err
    assert "警告：--date 2004-01-20 晚于今天（2004-01-15）" in err
    code, out, err = run(runner, sample, "close-year", "2003", "--apply", "--date", "2004-01-10")
    assert code == 0, err
    assert "记入名册日期 2004-01-20" in out
    assert "2004-01-10" not in out
    assert "2003年度结果已于 2004-01-20 记入名册" in err
    assert "晚于今天" not in err


def test_points_edits_ahead_of_today_warn_in_both_languages(
    runner: CliRunner, sample: Path
) -> None:
    before = git(sample, "rev-parse", "HEAD")
    code, _, err = run(runner, sample, "points", "retire", "tonghua", "--date", "2099-01-01")
    assert code == 0, err
    assert "警告：--date 2099-01-01 晚于今天（2004-01-15）：是不是年份或月份写错了？照常记入" in err
    code, _, err = run(runner, sample, "--lang", "en", "points", "add", "later-x", "--name",
                       "以后的办公室", "--kind", "department", "--date", "2004-03-01")  # fmt: skip
    assert code == 0, err
    assert "warning: --date 2004-03-01 is later than today (2004-01-15)" in err
    assert len(git(sample, "log", "--oneline", f"{before.strip()}..").splitlines()) == 2
    code, _, err = run(runner, sample, "points", "reinstate", "tonghua", "--date", "2099-02-01")
    assert code == 0, err
    assert "晚于今天" in err
    code, _, err = run(runner, sample, "points", "add", "today-x", "--name", "今天的办公室",
                       "--kind", "department")  # fmt: skip
    assert code == 0, err
    assert "晚于今天" not in err


# --- 3. rows dated before a point was admitted; the empty ranking's hint --------------------------


def test_rows_before_admission_are_warned_of_and_the_empty_ranking_says_why(
    runner: CliRunner, new_folder: Path, tmp_path: Path
) -> None:
    batch = csv(tmp_path, "day1.csv", "甲市,2003-05-06,甲市春耕进展,综合,张三",
                "甲市,2004-01-15,甲市当日工作,综合,张三")  # fmt: skip
    code, out, err = run(runner, new_folder, "import", str(batch))
    assert code == 0, err
    assert "day1.csv:2: warning: 报送日期“2003-05-06”：甲市（aa）于 2004-01-15 才列为直报点" in out
    assert "day1.csv:3:" not in out  # the admission day itself is inside
    code, out, err = run(runner, new_folder, "score", "2003")
    assert code == 0, err
    assert "名册中有 1 个直报点，但该年度都不在列" in out  # under the table
    assert "新建的数据目录请先用" not in err
    code, _, err = run(runner, new_folder, "--lang", "en", "score", "2003", "--format", "json")
    assert code == 0, err
    assert "the registry holds 1 point, but none was in the network in 2003" in err


def test_rows_after_leaving_still_warn_through_the_same_check(
    runner: CliRunner, new_folder: Path, tmp_path: Path
) -> None:
    code, _, err = run(runner, new_folder, "points", "retire", "aa", "--date", "2004-01-15")
    assert code == 0, err
    batch = csv(tmp_path, "late.csv", "甲市,2004-01-16,甲市次日工作,综合,张三")
    code, out, _ = run(runner, new_folder, "--lang", "en", "import", str(batch))
    assert "late.csv:2: warning:" in out
    assert "left the network on 2004-01-15" in out


# --- 4. points edits dated inside a closed year ---------------------------------------------------


def test_points_add_inside_a_closed_year_gives_the_imports_note(
    runner: CliRunner, sample: Path
) -> None:
    code, _, err = run(runner, sample, "close-year", "2003", "--apply")
    assert code == 0, err
    code, _, err = run(runner, sample, "points", "add", "retro-x", "--name", "回溯测试办公室",
                       "--kind", "department", "--date", "2003-06-01")  # fmt: skip
    assert code == 0, err
    assert "2003 年度结果已记入名册（2004-01-15）" in err
    assert "请运行 govinfo close-year 2003 核对" in err
    code, _, err = run(runner, sample, "points", "add", "now-x", "--name", "现在的办公室",
                       "--kind", "department")  # fmt: skip
    assert code == 0, err
    assert "close-year" not in err  # 2004 is not closed


# --- 5. --no-commit names the git line; so does the refusal ---------------------------------------


def test_no_commit_names_the_git_line_that_commits_and_the_refusal_does_too(
    runner: CliRunner, new_folder: Path, tmp_path: Path
) -> None:
    first = csv(tmp_path, "day1.csv", "甲市,2004-01-15,甲市当日工作,综合,张三")
    code, _, err = run(runner, new_folder, "import", str(first), "--no-commit")
    assert code == 0, err
    assert "以后要改动它们的写入（import、points、close-year）都会被拒绝" in err
    line = err.split("核对后提交：", 1)[1].strip()
    folder = str(new_folder)  # …/新处: a word the shell reads as it is, so not quoted
    assert line.startswith(f"git -C {folder} add -- submissions/2004/aa/01.yaml && ")
    second = csv(tmp_path, "day2.csv", "甲市,2004-01-15,甲市当日又一项工作,综合,张三")
    code, _, err = run(runner, new_folder, "import", str(second))
    assert code == 1
    assert "拒绝写入：要修改的 1 个文件有未提交的改动" in err
    assert f"git -C {folder} add -- submissions/2004/aa/01.yaml" in err
    subprocess.run(line, shell=True, check=True, cwd=tmp_path)  # the line, as the clerk runs it
    assert git(new_folder, "status", "--porcelain") == ""
    assert "导入 day1.csv" in git(new_folder, "log", "-1", "--format=%s")
    code, _, err = run(runner, new_folder, "import", str(second))
    assert code == 0, err


# --- 7. names of a sensible length -------------------------------------------------------------------


def test_points_add_refuses_overlong_names_and_writes_nothing(
    runner: CliRunner, new_folder: Path
) -> None:
    before = (new_folder / "points.yaml").read_bytes()
    code, _, err = run(runner, new_folder, "points", "add", "longx", "--name", "长" * 300,
                       "--kind", "city")  # fmt: skip
    assert code == 1
    assert "--name 有 300 个字符，超过上限 50 个" in err
    code, _, err = run(runner, new_folder, "--lang", "en", "points", "add", "longx",
                       "--name", "乙市", "--short", "乙" * 21, "--kind", "city")  # fmt: skip
    assert code == 1
    assert "--short is 21 characters long, more than the 20 allowed" in err
    code, _, err = run(runner, new_folder, "points", "add", "longx", "--name", "丙" * 50,
                       "--short", "丙" * 20, "--kind", "city")  # fmt: skip
    assert code == 0, err
    assert (new_folder / "points.yaml").read_bytes() != before


# --- 8. the missing reviewer, said of its column -----------------------------------------------------


def test_missing_reviewer_is_said_of_the_column_in_both_languages(
    runner: CliRunner, new_folder: Path, tmp_path: Path
) -> None:
    batch = csv(tmp_path, "day1.csv", "甲市,2004-01-15,甲市当日工作,综合,")
    code, out, err = run(runner, new_folder, "import", str(batch), "--dry-run")
    assert code == 0, err
    assert "day1.csv:2: warning: 审核人为空（缺少审核签发人）" in out
    assert "审核签发人 审核人" not in out
    code, out, err = run(runner, new_folder, "--lang", "en", "import", str(batch), "--dry-run")
    assert code == 0, err
    assert "day1.csv:2: warning: 审核人 is empty (no reviewer given)" in out
    code, out, _ = run(runner, new_folder, "check")
    assert "reviewer" not in out  # nothing was written
