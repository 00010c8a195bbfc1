"""`govinfo points list|show|add|retire|reinstate` with real git: every change one atomic write and
one commit through the write layer, `check` clean afterwards, refusals write nothing."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govinfo.load import WorkingTree, load_folder
from govinfo.model import Tier
from tests.support.cli import run_cli as run
from tests.support.paths import FIXTURES

FIXTURE = FIXTURES / "scoring"
COMMENT = "# 直报点名册（信息处）\n"


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True)
    return done.stdout


@pytest.fixture
def data(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(FIXTURE, root)
    points = root / "points.yaml"
    points.write_text(COMMENT + points.read_text(encoding="utf-8"), encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "first")
    return root


def commits(data: Path) -> int:
    return len(git(data, "log", "--oneline").splitlines())


def point(data: Path, pid: str):  # type: ignore[no-untyped-def]
    found = load_folder(WorkingTree(data)).folder.point(pid)
    assert found is not None
    return found


# --- reading ------------------------------------------------------------------------------------


def test_list_shows_kind_tiers_and_state_today(runner: CliRunner, data: Path) -> None:
    code, out, err = run(runner, data, "points", "list")
    assert code == 0, err
    assert "在列（省直报点、国办直报点）" in out  # changchun holds both
    assert "已退出（2003-10-31）" in out  # tonghua
    assert "共 8 个直报点，在列 7 个（其中国办直报点 1 个）" in out
    code, out, _ = run(runner, data, "points", "list", "--kind", "county", "--format", "json")
    doc = json.loads(out)
    assert [p["id"] for p in doc["points"]] == ["nongan", "yushu"]
    assert doc["points"][0]["parent"] == "changchun"
    assert doc["points"][0]["holds"] == ["provincial"]
    _, out, _ = run(runner, data, "points", "list", "--format", "csv")
    assert out.splitlines()[0] == "id,short,name,kind,parent,tiers,holds,state,since"
    assert "changchun,长春,长春市人民政府办公厅,city,,provincial national" in out


def test_an_empty_registry_still_says_the_day(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from govinfo.cli.main import app

    monkeypatch.setenv("GOVINFO_TODAY", "2004-01-15")
    fresh = tmp_path / "new"
    assert runner.invoke(app, ["init", str(fresh)]).exit_code == 0
    code, out, err = run(runner, fresh, "points", "list")
    assert code == 0, err
    assert out.rstrip().endswith("状态截至 2004-01-15")
    code, out, err = run(runner, fresh, "--lang", "en", "points", "list")
    assert code == 0, err
    assert out.rstrip().endswith("state as of 2004-01-15")


def test_show_gives_contact_history_and_scores(runner: CliRunner, data: Path) -> None:
    code, out, err = run(runner, data, "points", "show", "长春")
    assert code == 0, err
    assert "长春市人民政府办公厅（changchun）" in out
    assert "长春市" in out  # alias
    assert "历史记录" in out
    assert "历年得分" in out
    _, score, _ = run(runner, data, "score", "2003", "--format", "json")
    row = next(p for p in json.loads(score)["points"] if p["id"] == "changchun")
    line = next(ln for ln in out.splitlines() if ln.startswith("2003 "))
    assert line.split()[:3] == ["2003", str(row["rank"]), f"{row['score']:.2f}"]
    assert "优秀" in line
    code, out, _ = run(runner, data, "points", "show", "tonghua")
    assert "机构调整" in out
    assert run(runner, data, "points", "show", "nowhere")[0] == 1


def test_show_in_english_uses_ascii_brackets(runner: CliRunner, data: Path) -> None:
    """A county's card names its city as ``长春 (changchun)`` in English, as the title names
    the point; Chinese keeps the full-width brackets."""
    code, out, err = run(runner, data, "--lang", "en", "points", "show", "nongan")
    assert code == 0, err
    assert "长春 (changchun)" in out
    assert "（" not in out
    assert "）" not in out
    code, out, err = run(runner, data, "points", "show", "nongan")
    assert code == 0, err
    assert "长春（changchun）" in out


def test_show_lists_no_year_before_the_point_was_registered(
    runner: CliRunner, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A point registered after the folder's years on record has none of them: 历年得分 says
    so rather than list them all as 未参评."""
    monkeypatch.setenv("GOVINFO_TODAY", "2004-01-15")
    code, _, err = run(
        runner, data, "points", "add", "xinxian", "--name", "新县人民政府办公室", "--kind", "county"
    )
    assert code == 0, err
    code, out, err = run(runner, data, "points", "show", "xinxian")
    assert code == 0, err
    assert "未参评" not in out
    assert "尚无年度得分：入列以来还没有报送信息的年度" in out


def test_show_gives_a_closed_years_status_as_the_registry_records_it(
    runner: CliRunner, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """2003 closed by hand with 白城 commended and nothing else: today's computation passes
    白城 over (信息失实) and commends 长春. ``points show`` gives the recorded status, marked,
    with the computed one beside it and the figures as computed; stderr says the year changed
    since, as ``score`` does; a point whose record agrees shows its status plainly."""
    monkeypatch.setenv("GOVINFO_TODAY", "2004-01-20")
    points = data / "points.yaml"
    text = points.read_text(encoding="utf-8").replace(
        "  name: 白城市人民政府办公厅\n  short: 白城\n  kind: city\n  tiers: [provincial]\n"
        "  history:\n    - {date: 2001-01-01, event: admitted}\n",
        "  name: 白城市人民政府办公厅\n  short: 白城\n  kind: city\n  tiers: [provincial]\n"
        "  history:\n    - {date: 2001-01-01, event: admitted}\n"
        "    - {date: 2004-01-10, event: commended, year: 2003}\n",
    )
    points.write_text(text, encoding="utf-8")
    git(data, "commit", "-qam", "2003 closed by hand")
    code, out, err = run(runner, data, "points", "show", "白城")
    assert code == 0, err
    line = next(ln for ln in out.splitlines() if ln.startswith("2003 "))
    assert line.split()[:3] == ["2003", "1", "20.00"]  # the figures as computed now
    assert "优秀（名册记录；现在计算为保留（未评优：信息失实））" in line
    assert "2003年度结果已于 2004-01-10 记入名册，白城记为优秀；此后数据有变动" in err
    assert "run govinfo close-year 2003" not in err
    code, out, err = run(runner, data, "--lang", "en", "points", "show", "changchun")
    assert code == 0, err
    assert "retained (as recorded; computed now: commended)" in out
    assert "长春 neither commended nor disqualified" in err
    assert "run govinfo close-year 2003 to see the differences" in err
    # 吉林市: retained, as recorded (nothing): plain
    code, out, err = run(runner, data, "points", "show", "jilin")
    assert code == 0, err
    line = next(ln for ln in out.splitlines() if ln.startswith("2003 "))
    assert "名册记录" not in line
    assert "注意" not in err


# --- writing ------------------------------------------------------------------------------------


def test_add_writes_one_point_and_commits(runner: CliRunner, data: Path) -> None:
    old = (data / "points.yaml").read_text(encoding="utf-8")
    code, _, err = run(
        runner,
        data,
        "points",
        "add",
        "yitong",
        "--name",
        "伊通满族自治县人民政府办公室",
        "--short",
        "伊通",
        "--kind",
        "county",
        "--parent",
        "siping",
        "--alias",
        "伊通县",
        "--contact",
        "王丽",
        "--phone",
        "0434-4221234",
        "--date",
        "2004-01-10",
    )
    assert code == 0, err
    assert commits(data) == 2
    assert "points add yitong" in git(data, "log", "-1", "--format=%s")
    assert git(data, "status", "--porcelain") == ""
    new = (data / "points.yaml").read_text(encoding="utf-8")
    assert new.startswith(old)  # appended; comments and every earlier byte kept
    p = point(data, "yitong")
    assert (p.name, p.short, p.parent, p.aliases) == (
        "伊通满族自治县人民政府办公室",
        "伊通",
        "siping",
        ("伊通县",),
    )
    assert p.contact is not None
    assert p.contact.phone == "0434-4221234"
    assert [(e.date.isoformat(), e.event.value, e.tier.value) for e in p.history] == [
        ("2004-01-10", "admitted", "provincial")
    ]
    assert run(runner, data, "check")[0] == 0
    _, out, _ = run(runner, data, "points", "list")
    assert "yitong" in out


def test_add_to_both_tiers(runner: CliRunner, data: Path) -> None:
    code, _, err = run(
        runner,
        data,
        "points",
        "add",
        "songyuan",
        "--name",
        "松原市人民政府办公厅",
        "--kind",
        "city",
        "--tier",
        "provincial",
        "--tier",
        "national",
    )
    assert code == 0, err
    p = point(data, "songyuan")
    assert [t.value for t in p.tiers] == ["provincial", "national"]
    assert {e.tier.value for e in p.history} == {"provincial", "national"}
    assert {e.date.isoformat() for e in p.history} == {"2003-12-31"}  # today
    assert run(runner, data, "check")[0] == 0


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["Yitong", "--name", "伊通", "--kind", "county"], "Yitong"),
        (["y", "--name", "伊通", "--kind", "county"], "y"),
        (["con", "--name", "伊通", "--kind", "county"], "con"),
        (["com1", "--name", "伊通", "--kind", "county"], "com1"),
        (["yi_tong", "--name", "伊通", "--kind", "county"], "yi_tong"),
        (["a" * 41, "--name", "伊通", "--kind", "county"], "a" * 41),
        (["siping", "--name", "伊通", "--kind", "county"], "siping"),
        (["yitong", "--name", "长春", "--kind", "county"], "changchun"),
        (["yitong", "--name", "伊通", "--alias", "长春市", "--kind", "county"], "changchun"),
        (["yitong", "--name", "伊通", "--kind", "county", "--parent", "nope"], "nope"),
        (["yitong", "--name", "伊通", "--kind", "county", "--parent", "四平县"], "是否指“四平”"),
        (["yitong", "--name", "伊通", "--kind", "department", "--parent", "siping"], "只有县市区"),
        (["yitong", "--name", "伊通", "--kind", "city", "--parent", "siping"], "不能有 --parent"),
        (["yitong", "--name", "伊通", "--kind", "county", "--parent", "农安"], "nongan 是县市区"),
        (["yitong", "--name", "伊通", "--kind", "county", "--parent", "fgw"], "fgw 是省直部门"),
        (["yitong", "--name", " ", "--kind", "county"], "--name"),
    ],
)
def test_bad_new_points_are_refused_and_nothing_is_written(
    runner: CliRunner, data: Path, args: list[str], words: str
) -> None:
    before = (data / "points.yaml").read_bytes()
    code, _, err = run(runner, data, "points", "add", *args)
    assert code == 1
    assert words in err
    assert (data / "points.yaml").read_bytes() == before
    assert commits(data) == 1


def test_bad_kind_is_a_usage_error(runner: CliRunner, data: Path) -> None:
    assert (
        run(runner, data, "points", "add", "yitong", "--name", "伊通", "--kind", "village")[0] == 2
    )


def test_retire_and_reinstate_append_history_and_commit(
    runner: CliRunner, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GOVINFO_TODAY", "2004-01-20")
    code, _, err = run(
        runner, data, "points", "retire", "四平", "--date", "2004-01-15", "--reason", "机构撤并"
    )
    assert code == 0, err
    assert commits(data) == 2
    p = point(data, "siping")
    assert (p.history[-1].event.value, p.history[-1].reason) == ("retired", "机构撤并")
    _, out, _ = run(runner, data, "points", "list")
    assert "已退出（2004-01-15）" in out
    # retiring again: it no longer holds the tier
    assert run(runner, data, "points", "retire", "siping", "--date", "2004-01-20")[0] == 1
    code, _, err = run(runner, data, "points", "reinstate", "siping", "--date", "2004-03-01")
    assert code == 0, err
    assert commits(data) == 3
    assert point(data, "siping").history[-1].event.value == "reinstated"
    assert run(runner, data, "check")[0] == 0
    assert (data / "points.yaml").read_text(encoding="utf-8").startswith(COMMENT)


def test_national_tier_events(runner: CliRunner, data: Path) -> None:
    # changchun leaves the national tier only
    code, _, err = run(
        runner, data, "points", "retire", "changchun", "--tier", "national", "--date", "2004-01-02"
    )
    assert code == 0, err
    p = point(data, "changchun")
    assert p.history[-1].tier.value == "national"
    # siping does not list the national tier; jilin lists it but was never admitted to it
    assert run(runner, data, "points", "reinstate", "siping", "--tier", "national")[0] == 1
    code, _, err = run(runner, data, "points", "reinstate", "jilin", "--tier", "national")
    assert code == 1
    assert "从未" in err


def test_history_stays_in_date_order(runner: CliRunner, data: Path) -> None:
    # tonghua retired on 2003-10-31: a reinstatement before that is refused
    code, _, err = run(runner, data, "points", "reinstate", "tonghua", "--date", "2003-05-01")
    assert code == 1
    assert "2003-10-31" in err
    assert commits(data) == 1


def test_uncommitted_hand_edits_are_not_overwritten(runner: CliRunner, data: Path) -> None:
    points = data / "points.yaml"
    points.write_text(points.read_text(encoding="utf-8") + "# 草稿\n", encoding="utf-8")
    before = points.read_bytes()
    code, _, err = run(runner, data, "points", "retire", "siping", "--date", "2004-01-15")
    assert code == 1
    assert "points.yaml" in err
    assert points.read_bytes() == before
    assert commits(data) == 1


def test_reinstating_on_the_day_it_left_is_refused(runner: CliRunner, data: Path) -> None:
    # SPEC: a return and a leaving event on the same day leave the tier not held, so a
    # reinstatement dated the day of the retirement would change nothing: refused, not written.
    code, _, err = run(runner, data, "points", "retire", "siping", "--date", "2004-03-01")
    assert code == 0, err
    before = (data / "points.yaml").read_bytes()
    code, _, err = run(runner, data, "points", "reinstate", "四平", "--date", "2004-03-01")
    assert code == 1
    assert "恢复日期须晚于退出日期 2004-03-01" in err
    assert "已记录" not in err
    code, _, err = run(
        runner, data, "--lang", "en", "points", "reinstate", "siping", "--date", "2004-03-01"
    )
    assert code == 1
    assert "must be dated after 2004-03-01" in err
    assert (data / "points.yaml").read_bytes() == before
    assert commits(data) == 2
    # the day after, it holds the tier again; retiring on that same day then changes it back
    code, _, err = run(runner, data, "points", "reinstate", "siping", "--date", "2004-03-02")
    assert code == 0, err
    assert point(data, "siping").holds(Tier.PROVINCIAL, dt.date(2004, 3, 2))
    code, _, err = run(runner, data, "points", "retire", "siping", "--date", "2004-03-02")
    assert code == 0, err
    assert not point(data, "siping").holds(Tier.PROVINCIAL, dt.date(2004, 3, 2))
    assert run(runner, data, "check")[0] == 0


def test_reinstating_on_the_day_of_a_disqualification_is_refused(
    runner: CliRunner, data: Path
) -> None:
    points = data / "points.yaml"
    text = points.read_text(encoding="utf-8").replace(
        "    - {date: 2003-08-01, event: admitted}",
        "    - {date: 2003-08-01, event: admitted}\n"
        "    - {date: 2004-01-10, event: disqualified, year: 2003}",
    )
    points.write_text(text, encoding="utf-8")
    git(data, "commit", "-qam", "yushu disqualified")
    code, _, err = run(runner, data, "points", "reinstate", "yushu", "--date", "2004-01-10")
    assert code == 1
    assert "取消资格" in err
    assert "2004-01-10" in err
    assert points.read_text(encoding="utf-8") == text


def test_a_refusal_comes_before_the_future_date_warning_and_says_why(
    runner: CliRunner, data: Path
) -> None:
    """Retiring a point disqualified by close-year, dated after today: refused first, with the
    event that made it leave and the point as the clerk knows it; no warning that the event is
    "recorded all the same"."""
    points = data / "points.yaml"
    text = points.read_text(encoding="utf-8").replace(
        "    - {date: 2003-08-01, event: admitted}",
        "    - {date: 2003-08-01, event: admitted}\n"
        "    - {date: 2003-12-31, event: disqualified, year: 2003}",
    )
    points.write_text(text, encoding="utf-8")
    git(data, "commit", "-qam", "yushu disqualified")
    # today is 2003-12-31 (the runner's GOVINFO_TODAY): 2004-01-16 is after it
    code, _, err = run(
        runner, data, "points", "retire", "yushu", "--date", "2004-01-16", "--reason", "x"
    )
    assert code == 1
    assert "晚于今天" not in err
    assert "照常记入" not in err
    assert "榆树（yushu）已于 2003-12-31 取消资格（省直报点），在 2004-01-16 不是省直报点" in err
    code, _, err = run(
        runner, data, "--lang", "en", "points", "retire", "榆树", "--date", "2004-01-16"
    )
    assert code == 1
    assert "later than today" not in err
    assert "榆树 (yushu) left the provincial tier on 2003-12-31 (disqualified)" in err
    # a retired point: the retirement and its day
    code, _, err = run(runner, data, "points", "retire", "通化", "--date", "2004-02-01")
    assert code == 1
    assert "晚于今天" not in err
    assert "通化（tonghua）已于 2003-10-31 退出（省直报点）" in err
    # reinstating one that holds the tier names the day it entered it
    code, _, err = run(runner, data, "points", "reinstate", "siping", "--date", "2004-02-01")
    assert code == 1
    assert "晚于今天" not in err
    assert "四平（siping）自 2001-01-01 入列起一直是省直报点" in err
    assert points.read_text(encoding="utf-8") == text
    assert commits(data) == 2
    # an event that is allowed still gets the warning, then is written
    code, _, err = run(runner, data, "points", "retire", "siping", "--date", "2004-02-01")
    assert code == 0, err
    assert err.index("晚于今天") < err.index("已记录")
    assert commits(data) == 3


def test_adding_a_refused_point_says_no_future_date_warning(runner: CliRunner, data: Path) -> None:
    code, _, err = run(
        runner, data, "points", "add", "siping", "--name", "x", "--kind", "city",
        "--date", "2004-02-01",
    )  # fmt: skip
    assert code == 1
    assert "晚于今天" not in err
    assert commits(data) == 1


@pytest.mark.parametrize("given", ["siping", "四平市人民政府办公厅", "四平", "四平市"])
def test_parent_is_named_like_every_point_argument(
    runner: CliRunner, data: Path, given: str
) -> None:
    points = data / "points.yaml"
    points.write_text(
        points.read_text(encoding="utf-8").replace(
            "  short: 四平\n", "  short: 四平\n  aliases: [四平市]\n"
        ),
        encoding="utf-8",
    )
    git(data, "commit", "-qam", "alias")
    code, _, err = run(
        runner,
        data,
        "points",
        "add",
        "yitong",
        "--name",
        "伊通",
        "--kind",
        "county",
        "--parent",
        given,
    )
    assert code == 0, err
    assert point(data, "yitong").parent == "siping"  # written as the id
    assert run(runner, data, "check")[0] == 0


def test_a_parent_that_is_no_city_is_refused_in_english(runner: CliRunner, data: Path) -> None:
    code, _, err = run(
        runner,
        data,
        "--lang",
        "en",
        "points",
        "add",
        "abc7",
        "--name",
        "测试八",
        "--kind",
        "department",
        "--parent",
        "changchun",
    )
    assert code == 1
    assert "a department point cannot have --parent changchun" in err
    code, _, err = run(
        runner,
        data,
        "--lang",
        "en",
        "points",
        "add",
        "abc8",
        "--name",
        "测试九",
        "--kind",
        "county",
        "--parent",
        "nongan",
    )
    assert code == 1
    assert "--parent nongan must be a city, but nongan is a county point" in err
    assert commits(data) == 1
