"""`govinfo close-year YEAR`: the outcome shown, written into points.yaml through the write layer
(comments kept, one commit), idempotent, and refused when it cannot be right."""

from __future__ import annotations

import difflib
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govinfo.load import WorkingTree, load_folder
from govinfo.model import HistoryKind
from tests.support.cli import run_cli as run
from tests.support.paths import FIXTURES

FIXTURE = FIXTURES / "scoring"
COMMENT = "# 直报点名册：由信息处维护，改动请提交 git\n"


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True)
    return done.stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The fixture folder as the subfolder data/ of a repository, with comments in points.yaml."""
    root = tmp_path / "repo"
    data = root / "data"
    shutil.copytree(FIXTURE, data)
    points = data / "points.yaml"
    text = points.read_text(encoding="utf-8")
    text = COMMENT + text.replace(
        "- id: siping\n", "# 四平：2003年两次约稿\n- id: siping\n"
    ).replace(
        "    - {date: 2001-01-01, event: admitted}\n- id: tonghua",
        "    - {date: 2001-01-01, event: admitted}  # 首批\n- id: tonghua",
    )
    points.write_text(text, encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "published")
    return data


def commits(data: Path) -> int:
    return len(git(data, "log", "--oneline").splitlines())


def outcome_events(data: Path, year: int = 2003) -> list[tuple[str, str, str, str | None]]:
    folder = load_folder(WorkingTree(data)).folder
    return [
        (p.id, ev.event.value, ev.date.isoformat(), ev.reason)
        for p in folder.points
        for ev in p.history
        if ev.event in (HistoryKind.COMMENDED, HistoryKind.DISQUALIFIED) and ev.year == year
    ]


def test_preview_shows_the_outcome_and_writes_nothing(runner: CliRunner, repo: Path) -> None:
    before = (repo / "points.yaml").read_bytes()
    code, out, err = run(runner, repo, "close-year", "2003", "--date", "2004-01-10")
    assert code == 0, err
    assert "长春市人民政府办公厅" in out
    assert "2003年度得分 17.25 分，排名第 2，评为优秀直报点" in out
    assert "2003年度得分 -1.5 分，低于 3 分" in out
    assert "--apply" in err
    assert (repo / "points.yaml").read_bytes() == before
    assert commits(repo) == 1


def test_preview_says_why_a_point_ranked_high_enough_is_not_commended(
    runner: CliRunner, repo: Path, tmp_path: Path
) -> None:
    """白城 ranks 1st but has 信息失实 in the year: the commended list starts at rank 2, and
    the preview (terminal and --out) says why, in the year-end tables' words."""
    table = tmp_path / "结果.md"
    code, out, err = run(runner, repo, "close-year", "2003", "--out", str(table))
    assert code == 0, err
    line = "白城市人民政府办公厅（第 1 名，20 分）因信息失实，不参加优秀评定"
    assert line in out
    assert line in table.read_text(encoding="utf-8")
    code, out, err = run(runner, repo, "--lang", "en", "close-year", "2003")
    assert code == 0, err
    assert (
        "白城市人民政府办公厅 (rank 1, score 20) is not eligible for commendation: "
        "inaccurate information"
    ) in out


def test_a_preview_says_the_outcome_is_to_be_recorded(
    runner: CliRunner, repo: Path, tmp_path: Path
) -> None:
    """Nothing is recorded by a preview: its title (and its --out file's) says “to be recorded
    on”; --apply's says “recorded on”."""
    table = tmp_path / "outcome.md"
    args = ("close-year", "2003", "--date", "2004-01-10")
    code, out, err = run(runner, repo, "--lang", "en", *args, "--out", str(table))
    assert code == 0, err
    title = "2003 outcome (scored as of 2003-12-31, to be recorded on 2004-01-10)"
    assert title in out
    assert title in table.read_text(encoding="utf-8")
    code, out, err = run(runner, repo, *args)
    assert code == 0, err
    assert "2003年度结果（按 2003-12-31 计分，拟于 2004-01-10 记入名册）" in out
    code, out, err = run(runner, repo, "--lang", "en", *args, "--apply")
    assert code == 0, err
    assert "2003 outcome (scored as of 2003-12-31, recorded on 2004-01-10)" in out


def test_out_with_apply_is_refused_not_ignored(
    runner: CliRunner, repo: Path, tmp_path: Path
) -> None:
    table = tmp_path / "结果.xlsx"
    args = ("close-year", "2003", "--apply", "--date", "2004-01-10", "--out", str(table))
    code, _, err = run(runner, repo, *args)
    assert code == 2
    assert "--out 只用于预览（不带 --apply）" in err
    assert "本次没有写入任何内容" in err
    assert commits(repo) == 1
    assert not table.exists()
    assert outcome_events(repo) == []


def test_apply_twice_records_each_outcome_once_in_one_commit(runner: CliRunner, repo: Path) -> None:
    old = (repo / "points.yaml").read_text(encoding="utf-8")
    code, _, err = run(runner, repo, "close-year", "2003", "--apply", "--date", "2004-01-10")
    assert code == 0, err
    assert commits(repo) == 2
    assert "close-year 2003" in git(repo, "log", "-1", "--format=%s")
    assert git(repo, "status", "--porcelain") == ""
    events = outcome_events(repo)
    assert sorted(e[:3] for e in events) == [
        ("changchun", "commended", "2004-01-10"),
        ("fgw", "commended", "2004-01-10"),
        ("siping", "disqualified", "2004-01-10"),
    ]
    assert ("siping", "disqualified", "2004-01-10", "2003年度得分 -1.5 分，低于 3 分") in events
    new = (repo / "points.yaml").read_text(encoding="utf-8")
    # only insertions: every byte the clerk wrote (comments included) is still there, in place
    ops = difflib.SequenceMatcher(None, old.splitlines(), new.splitlines()).get_opcodes()
    assert {op for op, *_ in ops} == {"equal", "insert"}
    assert new.startswith(COMMENT)
    assert "# 四平：2003年两次约稿\n" in new
    assert "admitted}  # 首批\n" in new
    assert run(runner, repo, "check")[0] == 0

    code, _, err = run(runner, repo, "close-year", "2003", "--apply", "--date", "2004-01-20")
    assert code == 0, err
    assert "已于 2004-01-10 记入名册" in err  # the date the events carry, not this --date
    assert commits(repo) == 2
    assert (repo / "points.yaml").read_text(encoding="utf-8") == new
    assert len(outcome_events(repo)) == 3


def test_reasons_are_written_in_the_folder_language(runner: CliRunner, repo: Path) -> None:
    code, out, _ = run(
        runner, repo, "--lang", "en", "close-year", "2003", "--apply", "--date", "2004-01-10"
    )
    assert code == 0
    assert "outcome" in out
    assert ("fgw", "commended", "2004-01-10", "2003年度得分 17 分，排名第 3，评为优秀直报点") in (
        outcome_events(repo)
    )
    assert git(repo, "log", "-1", "--format=%s").startswith("close-year 2003：")


@pytest.mark.parametrize("date", ["2003-12-31", "2003-06-01", "2002-01-10"])
def test_a_date_inside_the_year_or_before_is_refused(
    runner: CliRunner, repo: Path, date: str
) -> None:
    before = (repo / "points.yaml").read_bytes()
    code, _, err = run(runner, repo, "close-year", "2003", "--apply", "--date", date)
    assert code == 1
    assert date in err
    code, _, err = run(runner, repo, "--lang", "en", "close-year", "2003", "--date", date)
    assert code == 1
    assert f"--date {date} is inside 2003 or before it;" in err
    assert (repo / "points.yaml").read_bytes() == before
    assert commits(repo) == 1


def test_default_date_is_today_and_today_inside_the_year_is_refused(
    runner: CliRunner, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # conftest fixes today at 2003-12-31: the year's last day, still inside it
    assert run(runner, repo, "close-year", "2003", "--apply")[0] == 1
    monkeypatch.setenv("GOVINFO_TODAY", "2004-01-05")
    assert run(runner, repo, "close-year", "2003", "--apply")[0] == 0
    assert {e[2] for e in outcome_events(repo)} == {"2004-01-05"}


def test_refused_before_the_year_is_over(
    runner: CliRunner, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GOVINFO_TODAY", "2003-06-30")
    code, out, err = run(runner, repo, "close-year", "2003", "--date", "2004-01-10")
    assert code == 1
    assert out == ""
    assert "govinfo score 2003" in err
    code, out, err = run(runner, repo, "--lang", "en", "close-year", "2003", "--apply")
    assert code == 1
    assert "2003 is not over (today is 2003-06-30)" in err


def test_a_different_recorded_outcome_is_refused_and_shown(runner: CliRunner, repo: Path) -> None:
    # today is 2003-12-31: a --date in 2004 is after it, and warned at when it is written
    code, _, err = run(runner, repo, "close-year", "2003", "--apply", "--date", "2004-01-10")
    assert code == 0, err
    assert "--date 2004-01-10 晚于今天" in err
    # an adoption of siping's May item arrives late: 2003's outcome changes
    month = repo / "submissions" / "2003" / "siping" / "05.yaml"
    month.write_text(
        month.read_text(encoding="utf-8")
        + "    - {publication: gb-xinxi, date: 2003-05-30, mode: single}\n",
        encoding="utf-8",
    )
    git(repo, "commit", "-qam", "siping: a national adoption")
    before = (repo / "points.yaml").read_bytes()
    code, _, err = run(runner, repo, "close-year", "2003", "--apply", "--date", "2004-01-11")
    assert code == 1
    assert "四平" in err
    assert "取消资格（2004-01-10 记入）" in err
    assert "保留（第 " in err
    assert "晚于今天" not in err  # refused: no warning that it is recorded all the same
    assert (repo / "points.yaml").read_bytes() == before
    assert commits(repo) == 3
    # the preview says the same, and records nothing: no "recorded all the same"
    code, _, err = run(runner, repo, "close-year", "2003", "--date", "2004-01-11")
    assert code == 1
    assert "--date 2004-01-11 晚于今天" in err
    assert "照常记入" not in err


def test_score_and_report_of_a_closed_year_say_when_the_data_changed_since(
    runner: CliRunner, repo: Path, tmp_path: Path
) -> None:
    assert run(runner, repo, "close-year", "2003", "--apply", "--date", "2004-01-10")[0] == 0
    for args in (("score", "2003"), ("report", "2003", "--format", "json")):
        code, _, err = run(runner, repo, *args)
        assert code == 0
        assert "记入名册" not in err, args
    month = repo / "submissions" / "2003" / "siping" / "05.yaml"
    month.write_text(
        month.read_text(encoding="utf-8")
        + "    - {publication: gb-xinxi, date: 2003-05-30, mode: single}\n",
        encoding="utf-8",
    )
    note = (
        "2003年度结果已于 2004-01-10 记入名册，此后数据有变动，现在的计算与记录有 1 个直报点不同；"
        "运行 govinfo close-year 2003 查看差异"
    )
    notice = tmp_path / "通报.docx"
    for args in (
        ("score", "2003"),
        ("score", "2003", "--format", "json"),
        ("report", "2003"),
        ("report", "2003", "--out", str(notice)),
    ):
        code, out, err = run(runner, repo, *args)
        assert code == 0
        assert note in err, args
        assert "记入名册" not in out, args  # said, never put in a table or a document
    # before the year's end there is no outcome to compare
    code, _, err = run(runner, repo, "score", "2003", "--as-of", "2003-11-30")
    assert "记入名册" not in err


def test_a_hand_edit_of_points_yaml_is_never_overwritten(runner: CliRunner, repo: Path) -> None:
    points = repo / "points.yaml"
    points.write_text(points.read_text(encoding="utf-8") + "# 未提交的修改\n", encoding="utf-8")
    before = points.read_bytes()
    code, _, err = run(runner, repo, "close-year", "2003", "--apply", "--date", "2004-01-10")
    assert code == 1
    assert "points.yaml" in err
    assert points.read_bytes() == before
    assert commits(repo) == 1


def test_a_preview_on_the_last_day_needs_no_date(runner: CliRunner, repo: Path) -> None:
    # conftest fixes today at 2003-12-31: a preview shows the outcome and writes nothing
    before = (repo / "points.yaml").read_bytes()
    code, out, err = run(runner, repo, "close-year", "2003")
    assert code == 0, out + err
    assert "--date" not in out + err.split("（或用")[0]
    assert "close-year 2003 --apply" in err
    assert "评为优秀直报点" in out
    assert "2004-01-01" not in out + err
    assert (repo / "points.yaml").read_bytes() == before
    # a --date the clerk gives is still checked, preview or not
    code, _, err = run(runner, repo, "close-year", "2003", "--date", "2003-12-31")
    assert code == 1
    assert "2003-12-31" in err


def test_events_go_before_a_later_retirement_in_date_order(runner: CliRunner, repo: Path) -> None:
    # a clerk retires two points in March, then closes 2003 with a January date: the year-end
    # events go in before the retirements (SPEC §1: a history is ordered by date)
    for point in ("siping", "changchun"):
        code, _, err = run(runner, repo, "points", "retire", point, "--date", "2004-03-01")
        assert code == 0, err
    old = (repo / "points.yaml").read_text(encoding="utf-8")
    code, _, err = run(runner, repo, "close-year", "2003", "--apply", "--date", "2004-01-10")
    assert code == 0, err
    assert "新记录已按日期插在其前" in err
    new = (repo / "points.yaml").read_text(encoding="utf-8")
    ops = difflib.SequenceMatcher(None, old.splitlines(), new.splitlines()).get_opcodes()
    assert {op for op, *_ in ops} == {"equal", "insert"}
    assert "# 四平：2003年两次约稿\n" in new
    folder = load_folder(WorkingTree(repo)).folder
    history = {
        p.id: [(ev.date.isoformat(), ev.event.value) for ev in p.history] for p in folder.points
    }
    assert history["siping"][-2:] == [("2004-01-10", "disqualified"), ("2004-03-01", "retired")]
    assert history["changchun"][-2:] == [("2004-01-10", "commended"), ("2004-03-01", "retired")]
    assert history["fgw"][-1] == ("2004-01-10", "commended")
    code, out, _ = run(runner, repo, "check", "--strict")
    assert code == 0, out
    assert "0 个警告" in out
