"""`govinfo check` and `govinfo init` through the CLI, with real files and real git."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govinfo.cli.main import app
from tests.support.folders import BASE_POINTS, MakeFolder


def test_check_clean_folder_exits_0(make_folder: MakeFolder, runner: CliRunner) -> None:
    root = make_folder()
    result = runner.invoke(app, ["--data", str(root), "check"])
    assert result.exit_code == 0, result.output
    assert "0 个错误" in result.output


def test_check_reports_line_excerpt_and_caret(make_folder: MakeFolder, runner: CliRunner) -> None:
    root = make_folder(
        {
            "submissions/2003/siping/05.yaml": "- id: sp-1\n  date: 2003-05-01\n  title: 四平市春耕备耕\n  category: generl\n  reviewer: 李四\n"
        }
    )
    result = runner.invoke(app, ["--data", str(root), "--lang", "en", "check"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    first = lines.index(next(line for line in lines if line.startswith("submissions/")))
    assert lines[first].startswith("submissions/2003/siping/05.yaml:4:13: error: category: generl")
    assert lines[first + 1].endswith("|   category: generl")
    assert lines[first + 2].index("^") == lines[first + 1].index("generl")
    assert "1 error, 0 warnings" in result.output


@pytest.mark.parametrize("breaker", ["\u2028", "\u2029", "\x85", "\r"])
def test_the_excerpt_is_the_line_the_problem_names_past_any_line_break(
    make_folder: MakeFolder, runner: CliRunner, breaker: str
) -> None:
    """The YAML reader ends a line at U+2028, U+2029, NEL and a lone CR as well as at a
    newline (here inside a comment, so what follows is a line of its own, without a colon):
    the excerpt under the problem counts lines the same way and shows that line, not the
    one a count of newlines finds."""
    text = (
        f"- id: sp-1\n  # 备注{breaker}另起一行\n  date: 2003-05-01\n  title: 四平市春耕备耕\n"
        "  category: general\n  reviewer: 李四\n"
    )
    root = make_folder({"submissions/2003/siping/05.yaml": text})
    result = runner.invoke(app, ["--data", str(root), "--lang", "en", "check"])
    lines = result.output.split("\n")  # splitlines() would split at the breaker too
    at = next(i for i, line in enumerate(lines) if line.startswith("submissions/"))
    assert lines[at].startswith("submissions/2003/siping/05.yaml:3:1: error:")
    assert lines[at + 1] == "    3 | 另起一行"


def test_check_json_shape(make_folder: MakeFolder, runner: CliRunner) -> None:
    root = make_folder(
        {
            "submissions/2003/siping/05.yaml": "- id: sp-1\n  date: 2003-05-01\n  title: 四平\n  category: general\n"
        }
    )
    result = runner.invoke(app, ["--data", str(root), "check", "--format", "json"])
    assert result.exit_code == 0
    payload = json.loads(result.stdout)
    assert payload == {
        "errors": 0,
        "warnings": 1,
        "problems": [
            {
                "path": "submissions/2003/siping/05.yaml",
                "line": 1,
                "col": 3,
                "severity": "warning",
                "message": payload["problems"][0]["message"],
            }
        ],
    }
    strict = runner.invoke(app, ["--data", str(root), "check", "--strict"])
    assert strict.exit_code == 1


def test_locating_the_folder(
    make_folder: MakeFolder, runner: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    root = make_folder()
    monkeypatch.chdir(tmp_path)
    # ./data holds govinfo.yaml: found without options.
    assert runner.invoke(app, ["check"]).exit_code == 0
    # inside the folder itself (no ./data there): found too, after SPEC's places
    monkeypatch.chdir(root)
    assert runner.invoke(app, ["check"]).exit_code == 0
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    result = runner.invoke(app, ["check"])
    assert result.exit_code == 1
    assert "govinfo init" in result.output
    monkeypatch.setenv("GOVINFO_DATA", str(root))
    assert runner.invoke(app, ["check"]).exit_code == 0


def test_a_bad_field_of_a_point_is_one_problem_in_json(
    make_folder: MakeFolder, runner: CliRunner
) -> None:
    # changchun's kind is wrong: its month files, its co-submission and its adjustment still
    # name a registered point (tests/load/test_cascade.py has every kind of reference).
    root = make_folder(
        {
            "points.yaml": BASE_POINTS.replace("kind: city", "kind: City", 1),
            "submissions/2003/changchun/05.yaml": "- id: cc-1\n  date: 2003-05-01\n"
            "  title: 长春\n  category: general\n  reviewer: 张三\n",
            "submissions/2003/siping/05.yaml": "- id: sp-1\n  date: 2003-05-02\n"
            "  title: 四平\n  category: general\n  reviewer: 李四\n"
            "  co_submitters: [changchun]\n",
            "adjustments/2003.yaml": "- id: adj-1\n  point: changchun\n  date: 2003-05-03\n"
            "  kind: inaccurate\n  reason: 失实\n",
        }
    )
    result = runner.invoke(app, ["--data", str(root), "--lang", "en", "check", "--format", "json"])
    assert result.exit_code == 1
    assert json.loads(result.stdout) == {
        "errors": 1,
        "warnings": 0,
        "problems": [
            {
                "path": "points.yaml",
                "line": 5,
                "col": 9,
                "severity": "error",
                "message": "kind: City is not one of: city, county, department; did you mean city?",
            }
        ],
    }


def test_bad_format_is_one_clear_message(make_folder: MakeFolder, runner: CliRunner) -> None:
    root = make_folder({"govinfo.yaml": "format: 2\n"})
    result = runner.invoke(app, ["--data", str(root), "--lang", "en", "check"])
    assert result.exit_code == 1
    assert "govinfo.yaml:1:9: error: format: 2 is not supported" in result.output
    result = runner.invoke(app, ["--data", str(root), "check"])  # Chinese: "error:" as in problems
    assert "govinfo.yaml:1:9: error: 数据格式版本 format: 2 不受支持" in result.output
    # At the value wherever it is written, as every other problem.
    root.joinpath("govinfo.yaml").write_text("office: 某办公厅\nformat:   3  # 新版\n")
    result = runner.invoke(app, ["--data", str(root), "score", "2003"])
    assert result.exit_code == 1
    assert "govinfo.yaml:2:11: error: 数据格式版本 format: 3 不受支持" in result.output


def test_bad_format_names_the_value_as_written(make_folder: MakeFolder, runner: CliRunner) -> None:
    """``format: 02`` is named 02, as the clerk wrote it, not the number 2 read from it."""
    root = make_folder({"govinfo.yaml": "format: 02\n"})
    result = runner.invoke(app, ["--data", str(root), "check"])
    assert result.exit_code == 1
    assert "govinfo.yaml:1:9: error: 数据格式版本 format: 02 不受支持" in result.output
    result = runner.invoke(app, ["--data", str(root), "--lang", "en", "score", "2003"])
    assert result.exit_code == 1
    assert "govinfo.yaml:1:9: error: format: 02 is not supported" in result.output


def test_init_then_check_with_real_git(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "new"
    result = runner.invoke(app, ["init", str(target), "--office", "吉林省人民政府办公厅"])
    assert result.exit_code == 0, result.output
    log = subprocess.run(
        ["git", "log", "--format=%s"], cwd=target, capture_output=True, text=True, check=True
    )
    assert log.stdout.strip().splitlines() == ["govinfo init: 新建数据目录"]
    status = subprocess.run(
        ["git", "status", "--porcelain"], cwd=target, capture_output=True, text=True, check=True
    )
    assert status.stdout == ""
    check = runner.invoke(app, ["--data", str(target), "check", "--strict"])
    assert check.exit_code == 0, check.output
    again = runner.invoke(app, ["init", str(target)])
    assert again.exit_code == 1


def test_init_without_git_identity_commits_as_office(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for var in ("AUTHOR", "COMMITTER"):
        monkeypatch.delenv(f"GIT_{var}_NAME")
        monkeypatch.delenv(f"GIT_{var}_EMAIL")
    target = tmp_path / "anon"
    result = runner.invoke(app, ["init", str(target), "--office", "某省政府办公厅"])
    assert result.exit_code == 0, result.output
    assert "git config" in result.output
    author = subprocess.run(
        ["git", "log", "--format=%an"], cwd=target, capture_output=True, text=True, check=True
    )
    assert author.stdout.strip() == "某省政府办公厅"


def test_a_parent_that_is_not_a_countys_city_is_a_warning_at_the_value(
    make_folder: MakeFolder, runner: CliRunner
) -> None:
    # SPEC: parent is a county's city. fgw (a department) names a parent; lishu (a county)
    # names a county, yitong a department; gongzhuling names a city and is fine.
    counties = (
        "- id: gongzhuling\n  name: 公主岭市人民政府办公室\n  kind: county\n  parent: changchun\n"
        "  tiers: [provincial]\n  history:\n    - {date: 2001-01-01, event: admitted}\n"
        "- id: lishu\n  name: 梨树县人民政府办公室\n  kind: county\n  parent: gongzhuling\n"
        "  tiers: [provincial]\n  history:\n    - {date: 2001-01-01, event: admitted}\n"
        "- id: yitong\n  name: 伊通县人民政府办公室\n  kind: county\n  parent: fgw\n"
        "  tiers: [provincial]\n  history:\n    - {date: 2001-01-01, event: admitted}\n"
    )
    points = BASE_POINTS.replace("  kind: department\n", "  kind: department\n  parent: siping\n")
    root = make_folder({"points.yaml": points + counties})
    result = runner.invoke(app, ["--data", str(root), "--lang", "en", "check", "--format", "json"])
    assert result.exit_code == 0  # warnings: SPEC describes the field, scoring never reads it
    problems = json.loads(result.stdout)["problems"]
    assert [(p["line"], p["col"], p["severity"], p["message"]) for p in problems] == [
        (
            22,
            11,
            "warning",
            "parent is only for a county (it names the county's city); point fgw is of kind "
            "department and cannot have parent siping",
        ),
        (36, 11, "warning", "parent gongzhuling must be a city (kind: city); its kind is county"),
        (43, 11, "warning", "parent fgw must be a city (kind: city); its kind is department"),
    ]
    result = runner.invoke(app, ["--data", str(root), "check"])
    assert "points.yaml:22:11: warning: parent 只用于县市区" in result.output
    assert "points.yaml:36:11: warning: parent gongzhuling 须是市州" in result.output
    result = runner.invoke(app, ["--data", str(root), "check", "--strict"])
    assert result.exit_code == 1


def test_a_name_longer_than_points_add_takes_is_a_warning_at_it(
    make_folder: MakeFolder, runner: CliRunner
) -> None:
    """SPEC sets no limit on a name: one written by hand longer than ``points add`` takes
    (50 characters; 20 for a short name) is a warning naming the limit, not an error."""
    long_name = "吉林省发展和改革委员会办公室" * 4  # 56 characters
    points = BASE_POINTS.replace("吉林省发展和改革委员会办公室", long_name).replace(
        "short: 四平", "short: " + "四平市人民政府办公厅" * 2 + "办"
    )
    root = make_folder({"points.yaml": points})
    result = runner.invoke(app, ["--data", str(root), "--lang", "en", "check", "--format", "json"])
    assert result.exit_code == 0, result.output
    problems = json.loads(result.stdout)["problems"]
    assert [(p["line"], p["col"], p["severity"], p["message"]) for p in problems] == [
        (
            13,
            10,
            "warning",
            "short: 21 characters, more than the 20 that govinfo points add accepts "
            "(a full name is rarely over 30, a short name a few; names appear in every table)",
        ),
        (
            19,
            9,
            "warning",
            "name: 56 characters, more than the 50 that govinfo points add accepts "
            "(a full name is rarely over 30, a short name a few; names appear in every table)",
        ),
    ]
    result = runner.invoke(app, ["--data", str(root), "check"])
    assert result.exit_code == 0
    assert "points.yaml:13:10: warning: short：长度 21 超过 20 个字" in result.output
    assert "points.yaml:19:9: warning: name：长度 56 超过 50 个字" in result.output


def test_a_misspelt_value_gets_a_did_you_mean(make_folder: MakeFolder, runner: CliRunner) -> None:
    root = make_folder({"points.yaml": BASE_POINTS.replace("kind: city", "kind: ctiy", 1)})
    result = runner.invoke(app, ["--data", str(root), "check"])
    assert "kind：ctiy 不是可选值（可选：city, county, department），是不是 city？" in result.output
    far = make_folder(
        {"points.yaml": BASE_POINTS.replace("kind: city", "kind: town", 1)}, name="far"
    )
    result = runner.invoke(app, ["--data", str(far), "check"])
    assert "kind：town 不是可选值（可选：city, county, department）\n" in result.output


def test_a_parent_on_a_point_that_is_not_a_county_is_one_warning(
    make_folder: MakeFolder, runner: CliRunner
) -> None:
    # fgw (a department) names a county as its parent: one mistake, one warning (its parent is
    # not judged again as a county's city)
    county = (
        "- id: lishu\n  name: 梨树县人民政府办公室\n  kind: county\n  parent: changchun\n"
        "  tiers: [provincial]\n  history:\n    - {date: 2001-01-01, event: admitted}\n"
    )
    points = BASE_POINTS.replace("  kind: department\n", "  kind: department\n  parent: lishu\n")
    root = make_folder({"points.yaml": points + county})
    result = runner.invoke(app, ["--data", str(root), "--lang", "en", "check", "--format", "json"])
    problems = json.loads(result.stdout)["problems"]
    assert [(p["line"], p["severity"]) for p in problems] == [(22, "warning")]
    assert "cannot have parent lishu" in problems[0]["message"]


IDLE_POINTS = (
    BASE_POINTS.replace(
        "    - {date: 2001-01-01, event: admitted, tier: national}\n",
        "    - {date: 2001-01-01, event: admitted, tier: national}\n"
        "    - {date: 2002-01-01, event: retired, tier: national}\n"
        "    - {date: 2002-03-01, event: retired, tier: national}\n",
    ).replace(
        "    - {date: 2001-01-01, event: admitted}\n- id: fgw",
        "    - {date: 2001-01-01, event: admitted}\n"
        "    - {date: 2003-05-01, event: retired}\n"
        "    - {date: 2003-05-01, event: reinstated}\n"
        "- id: fgw",
    )
    + "    - {date: 2002-01-01, event: admitted}\n"
)


def _at(text: str, line_text: str, word: str) -> str:
    """``points.yaml:LINE:COL`` of ``word`` on the line that reads ``line_text``."""
    lines = text.splitlines()
    n = lines.index(line_text)
    return f"points.yaml:{n + 1}:{lines[n].index(word) + 1}"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_check_warns_at_a_history_event_that_changes_nothing(
    make_folder: MakeFolder, runner: CliRunner, lang: str
) -> None:
    """A return on the day of a leaving, an admission of a point that holds the tier, a
    retirement of one that has left it: ``points retire/reinstate`` refuse to write them; one
    already in the registry is a warning at its event (the score reads the history as SPEC
    says: a return on the day of a leaving leaves the tier not held)."""
    root = make_folder({"points.yaml": IDLE_POINTS})
    result = runner.invoke(app, ["--data", str(root), "--lang", lang, "check"])
    assert result.exit_code == 0, result.output
    out = result.output
    same_day = _at(IDLE_POINTS, "    - {date: 2003-05-01, event: reinstated}", "reinstated")
    held = _at(IDLE_POINTS, "    - {date: 2002-01-01, event: admitted}", "admitted")
    gone = _at(IDLE_POINTS, "    - {date: 2002-03-01, event: retired, tier: national}", "retired")
    if lang == "en":
        assert f"{same_day}: warning: point siping left the provincial tier on 2003-05-01 " in out
        assert "(retired); a return on the same day still leaves the tier not held" in out
        assert f"{held}: warning: point fgw already holds the provincial tier on 2002-01-01" in out
        assert (
            f"{gone}: warning: point changchun does not hold the national tier on 2002-03-01" in out
        )
        assert "0 errors, 3 warnings" in out
    else:
        # in the words of ``points reinstate``'s refusal, the file's value in brackets
        assert (
            f"{same_day}: warning: 直报点 siping 已于 2003-05-01 退出（省直报点），"
            "同一天的这条恢复记录（event: reinstated）仍按未持有计" in out
        )
        assert "恢复日期须晚于退出日期" in out
        assert (
            f"{held}: warning: 直报点 fgw 在 2002-01-01 已是省直报点，"
            "这条入列记录（event: admitted）不起任何作用" in out
        )
        assert (
            f"{gone}: warning: 直报点 changchun 在 2002-03-01 不是国办直报点，"
            "这条退出记录（event: retired）不起任何作用" in out
        )
        for raw in ("retired（", "provincial", "national 级别"):
            assert raw not in out
    assert out.count("changes nothing" if lang == "en" else "不起任何作用") == 3
    score = runner.invoke(
        app, ["--data", str(root), "score", "2003", "--as-of", "2003-12-31", "--format", "json"]
    )
    assert score.exit_code == 0, score.output
    statuses = {row["id"]: row["status"] for row in json.loads(score.stdout)["points"]}
    assert statuses["siping"] == "left"


def test_english_record_words_read_as_english(make_folder: MakeFolder, runner: CliRunner) -> None:
    """English says "duplicate submission id", not "duplicate a submission id"; and "required
    field … is missing from an adjustment" (words that serve "the folder settings" too, which
    "the folder settings is missing" did not)."""
    sub = "- id: sp-1\n  date: 2003-05-01\n  title: 四平市春耕备耕\n  category: general\n  reviewer: 李四\n"
    root = make_folder(
        {
            "submissions/2003/siping/05.yaml": sub,
            "submissions/2003/siping/06.yaml": sub.replace("05-01", "06-01"),
            "adjustments/2003.yaml": "- id: TZ-1\n  point: siping\n  date: 2003-05-01\n"
            "  kind: manual\n  points: -1\n",
        }
    )
    result = runner.invoke(app, ["--data", str(root), "--lang", "en", "check"])
    found = [line for line in result.output.splitlines() if ": error: " in line]
    assert found == [
        "adjustments/2003.yaml:1:3: error: required field reason is missing from an adjustment",
        "submissions/2003/siping/06.yaml:1:3: error: duplicate submission id sp-1 (first at"
        " submissions/2003/siping/05.yaml:1)",
    ]
    result = runner.invoke(app, ["--data", str(root), "check"])
    assert "submissions/2003/siping/06.yaml:1:3: error: 报送信息编号 sp-1 重复" in result.output
