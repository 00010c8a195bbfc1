"""`govinfo overdue` through the CLI on the fixture folder ``tests/fixtures/overdue`` (copied
to a temporary folder): golden outputs in every format, filters, ``--soon``, the exit codes and
the submission years it reads.

The fixture (2003, rule set = SPEC's default): 长春 misses August's opinion list and Q3's research
item; 吉林市 answers YG-2003-001 late (05-20) and never answers YG-2003-002; 四平 is admitted on
08-15 (owes no Q3 research and no August list) and sends nothing; 通化 retires on 07-15 after
missing Q2's research item; 省发展改革委 answers YG-2003-002 late (09-25) and misses Q3's
research; 农安 answers YG-2003-002 jointly with 长春 and reports an emergency 270 minutes late.
YG-2002-009 (due 2003-01-10) is answered by 长春 in December 2002. YG-2003-003 falls due on
10-10.

Set ``GOVINFO_UPDATE_GOLDEN=1`` to rewrite the golden files after an intended change.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support.cli import compare_golden
from tests.support.cli import run_cli as run
from tests.support.folders import MakeFolder
from tests.support.paths import FIXTURES
from tests.support.paths import GOLDEN as GOLDEN_ROOT

FIXTURE = FIXTURES / "overdue"
GOLDEN = GOLDEN_ROOT / "overdue"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(FIXTURE, root)
    return root


def findings(runner: CliRunner, data: Path, *args: str) -> list[tuple[str, str, str | None]]:
    code, out, err = run(runner, data, "overdue", *args, "--format", "json")
    assert code == 0, err
    return [(f["point"], f["kind"], f["period"] or f["ref"]) for f in json.loads(out)["findings"]]


def check_golden(name: str, text: str) -> None:
    compare_golden(GOLDEN / name, text)


SEPT = ["overdue", "--as-of", "2003-09-30"]
GOLDEN_CASES = [
    ("overdue-2003-09-30.txt", SEPT),
    ("overdue-2003-09-30.json", [*SEPT, "--format", "json"]),
    ("overdue-2003-09-30.csv", [*SEPT, "--format", "csv"]),
    ("overdue-2003-09-30.md", [*SEPT, "--format", "markdown"]),
    ("overdue-2003-09-30-by-type-en.txt", ["--lang", "en", *SEPT, "--by", "type"]),
    ("overdue-2003-09-30-soon.txt", [*SEPT, "--soon", "14"]),
    ("overdue-2003-09-30-soon.json", [*SEPT, "--soon", "14", "--format", "json"]),
    ("overdue-2003-09-30-soon.csv", [*SEPT, "--soon", "14", "--format", "csv"]),
    ("overdue-today.json", ["overdue", "--format", "json"]),  # GOVINFO_TODAY=2003-12-31
]


@pytest.mark.parametrize(("name", "args"), GOLDEN_CASES, ids=[c[0] for c in GOLDEN_CASES])
def test_golden_outputs(runner: CliRunner, data: Path, name: str, args: list[str]) -> None:
    code, out, err = run(runner, data, *args)
    assert code == 0, err
    check_golden(name, out)


def test_json_matches_spec_shape(runner: CliRunner, data: Path) -> None:
    code, out, _ = run(runner, data, *SEPT, "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert list(doc) == ["as_of", "findings"]
    assert doc["as_of"] == "2003-09-30"
    keys = ["point", "kind", "period", "ref", "due", "days_overdue", "detail"]
    for f in doc["findings"]:
        assert list(f) == keys
        assert f["kind"] in {
            "inactive",
            "research-missing",
            "opinion-missing",
            "solicitation-overdue",
            "emergency-late",
        }
        assert isinstance(f["days_overdue"], int)
        assert f["days_overdue"] >= 0
    order = [
        (f["point"], f["kind"], f["due"], f["period"] or f["ref"] or "") for f in doc["findings"]
    ]
    assert order == sorted(order)
    # the issue's own example, and “due today” for a period ending on as-of
    details = {(f["point"], f["period"] or f["ref"]): f["detail"] for f in doc["findings"]}
    assert details[("jilin", "YG-2003-002")] == "约稿《东北老工业基地调整改造进展》逾期 12 天未报"
    assert details[("changchun", "2003-Q3")].endswith("今日到期")


def test_csv_header_is_the_json_keys(runner: CliRunner, data: Path) -> None:
    _, out, _ = run(runner, data, *SEPT, "--format", "csv")
    assert out.splitlines()[0] == "point,kind,period,ref,due,days_overdue,detail"
    _, out, _ = run(runner, data, *SEPT, "--format", "csv", "--soon", "14")
    assert out.splitlines()[0] == "point,kind,period,ref,due,days_overdue,detail,upcoming"


def test_the_table_shows_each_points_officer_once(runner: CliRunner, data: Path) -> None:
    _, out, _ = run(runner, data, *SEPT)
    assert out.count("李华 0432-62010002") == 1
    assert out.count("赵丽 0434-32250003") == 1  # 四平 has three findings
    assert "逾期 10 项" in out


# --- the scenarios of the issue --------------------------------------------------------------


def test_answered_late_is_a_finding_only_until_the_answer(runner: CliRunner, data: Path) -> None:
    assert ("jilin", "solicitation-overdue", "YG-2003-001") in findings(
        runner, data, "--as-of", "2003-05-19"
    )
    assert ("jilin", "solicitation-overdue", "YG-2003-001") not in findings(
        runner, data, "--as-of", "2003-05-20"
    )
    assert ("fgw", "solicitation-overdue", "YG-2003-002") in findings(
        runner, data, "--as-of", "2003-09-24"
    )
    assert ("fgw", "solicitation-overdue", "YG-2003-002") not in findings(
        runner, data, "--as-of", "2003-09-25"
    )
    # …while scoring keeps the deduction
    code, out, _ = run(runner, data, "explain", "fgw", "2003", "--format", "json")
    assert code == 0
    missed = [e for e in json.loads(out)["events"] if e["kind"] == "solicitation-missed"]
    assert (missed[0]["date"], missed[0]["detail"]) == ("2003-09-18", "约稿 YG-2003-002 未报")


def test_joint_answer_clears_the_co_submitter_and_last_years_answer_counts(
    runner: CliRunner, data: Path
) -> None:
    got = findings(runner, data, "--as-of", "2003-12-31")
    refs = {(p, r) for p, k, r in got if k == "solicitation-overdue"}
    assert ("nongan", "YG-2003-002") not in refs  # co-submitter of 长春's answer
    assert ("changchun", "YG-2002-009") not in refs  # answered 2002-12-28
    assert ("tonghua", "YG-2003-002") not in refs  # retired before it was issued


def test_retired_and_newly_admitted_points(runner: CliRunner, data: Path) -> None:
    got = findings(runner, data, "--as-of", "2003-12-31")
    assert [x for x in got if x[0] == "tonghua"] == [("tonghua", "research-missing", "2003-Q2")]
    siping = [x for x in got if x[0] == "siping"]
    assert ("siping", "research-missing", "2003-Q3") not in siping  # admitted 08-15
    assert ("siping", "opinion-missing", "2003-08") not in siping
    assert ("siping", "opinion-missing", "2003-09") in siping
    assert ("siping", "research-missing", "2003-Q4") in siping


def test_quarter_boundary_through_the_cli(runner: CliRunner, data: Path) -> None:
    q3 = ("changchun", "research-missing", "2003-Q3")
    assert q3 not in findings(runner, data, "--as-of", "2003-09-29")
    assert q3 in findings(runner, data, "--as-of", "2003-09-30")
    code, out, _ = run(runner, data, "overdue", "--as-of", "2003-10-01", "--format", "json")
    assert code == 0
    (f,) = [
        f
        for f in json.loads(out)["findings"]
        if f["point"] == "changchun" and f["period"] == "2003-Q3"
    ]
    assert f["days_overdue"] == 1


def test_filters(runner: CliRunner, data: Path) -> None:
    for name in ("siping", "四平", "四平市人民政府办公厅"):
        assert {p for p, _, _ in findings(runner, data, *SEPT[1:], "--point", name)} == {"siping"}
    assert {p for p, _, _ in findings(runner, data, *SEPT[1:], "--point", "长春市")} == {
        "changchun"
    }  # an alias
    assert {p for p, _, _ in findings(runner, data, *SEPT[1:], "--kind", "county")} == {"nongan"}
    got = findings(runner, data, *SEPT[1:], "--type", "inactive", "--type", "emergency-late")
    assert got == [
        ("nongan", "emergency-late", "nongan-2003-0001"),
        ("nongan", "inactive", "nongan-2003-0001"),
        ("siping", "inactive", None),
    ]
    got = findings(runner, data, *SEPT[1:], "--since", "2003-07-01", "--type", "research-missing")
    assert got == [
        ("changchun", "research-missing", "2003-Q3"),
        ("fgw", "research-missing", "2003-Q3"),
    ]


def test_a_type_filter_counts_only_the_chosen_types(runner: CliRunner, data: Path) -> None:
    args = [*SEPT, "--type", "inactive", "--type", "emergency-late"]
    code, out, err = run(runner, data, *args)
    assert code == 0, err
    assert "逾期 3 项：突发信息迟报 1、长期不报 2\n" in out
    assert "舆情清单未报" not in out
    assert "约稿逾期" not in out
    code, out, err = run(runner, data, "--lang", "en", *args, "--format", "markdown")
    assert code == 0, err
    assert out.endswith("\n3 overdue: emergency late 1, inactive 2\n"), out


# --- exit codes ------------------------------------------------------------------------------


def test_the_counts_line_names_only_the_kinds_found(runner: CliRunner, data: Path) -> None:
    code, out, err = run(runner, data, *SEPT, "--point", "siping", "--soon", "14")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[-2] == "逾期 3 项：长期不报 1、舆情清单未报 1、约稿逾期 1"
    assert lines[-1] == "今后 14 天内没有其他到期事项"
    code, out, err = run(runner, data, "--lang", "en", *SEPT, "--point", "siping", "--soon", "14")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[-2] == "3 overdue: inactive 1, opinion list missing 1, solicitation overdue 1"
    assert lines[-1] == "nothing else falls due within 14 days"


def test_the_soon_line_says_what_the_rows_show(runner: CliRunner, data: Path) -> None:
    code, out, err = run(runner, data, *SEPT, "--point", "changchun", "--soon", "14")
    assert code == 0, err
    assert "10 天后到期" in out
    assert out.splitlines()[-1] == "另有 1 项将在 14 天内到期（逾期栏写作“N 天后到期”，不计入逾期）"
    args = ("--lang", "en", *SEPT, "--soon", "14")
    code, out, err = run(runner, data, *args, "--point", "changchun")
    assert code == 0, err
    assert "due in 10 days" in out
    assert out.splitlines()[-1] == (
        "1 more falls due within 14 days (shown “due in N days” in the overdue column, "
        "not counted as overdue)"
    )
    code, out, err = run(runner, data, *args)
    assert code == 0, err
    assert out.splitlines()[-1].startswith("2 more fall due within 14 days (shown “due in N days”")


def test_an_english_reminder_counts_its_items_in_words(runner: CliRunner, data: Path) -> None:
    code, out, err = run(runner, data, "--lang", "en", *SEPT, "--notice")
    assert code == 0, err
    assert "item(s)" not in out
    assert "吉林市, attn. 李华: as of 2003-09-30, 1 reporting item is overdue: " in out
    assert "四平, attn. 赵丽: as of 2003-09-30, 3 reporting items are overdue: " in out
    code, out, err = run(runner, data, *SEPT, "--notice")
    assert code == 0, err
    assert "贵单位有 1 项信息报送事项逾期" in out


def test_a_point_that_has_left_is_marked_and_gets_no_reminder(
    runner: CliRunner, data: Path, tmp_path: Path
) -> None:
    """通化 retired on 07-15 after missing Q2's research: the finding stands (the JSON is
    SPEC's, unchanged), the tables mark the point as left, and --notice writes it no reminder
    but says so on stderr, once."""
    assert ("tonghua", "research-missing", "2003-Q2") in findings(runner, data, *SEPT[1:])
    code, out, err = run(runner, data, *SEPT, "--point", "通化", "--format", "json")
    assert code == 0, err
    assert "left" not in out
    for args in ([], ["--by", "type"]):
        code, out, err = run(runner, data, *SEPT, *args)
        assert code == 0, err
        assert "通化 已退出" in out
        assert "长春 已退出" not in out
    code, out, err = run(runner, data, "--lang", "en", *SEPT)
    assert "通化 (left)" in out
    sheet = tmp_path / "逾期.csv"
    code, out, err = run(runner, data, *SEPT, "--notice", "--out", str(sheet))
    assert code == 0, err
    assert "通化" not in out
    assert "长春王明同志" in out
    assert err.count("通化") == 1
    assert "1 个直报点已退出直报点之列，未写提醒：通化（tonghua，2003-07-15 退出）" in err
    assert "通化 已退出" in sheet.read_text(encoding="utf-8-sig")
    code, out, err = run(runner, data, "--lang", "en", *SEPT, "--notice")
    assert code == 0, err
    assert (
        "no reminder for 1 point that has left the network: 通化 (tonghua, retired 2003-07-15)"
        in err
    )
    # only the left point: no reminder at all, and not "nothing is overdue"
    code, out, err = run(runner, data, *SEPT, "--point", "tonghua", "--notice")
    assert code == 0, err
    assert out == ""
    assert "未写提醒：通化" in err
    assert "没有逾期事项" not in err


def test_exit_0_with_or_without_findings_and_3_only_when_asked(
    runner: CliRunner, data: Path
) -> None:
    assert run(runner, data, *SEPT)[0] == 0
    assert run(runner, data, *SEPT, "--fail-on-findings")[0] == 3
    code, out, _ = run(runner, data, *SEPT, "--fail-on-findings", "--format", "json")
    assert code == 3
    assert json.loads(out)["findings"]  # the output is still printed
    # nothing overdue: 0 even with --fail-on-findings; upcoming items do not count
    args = ["overdue", "--as-of", "2003-01-05", "--point", "changchun", "--soon", "30"]
    code, out, _ = run(runner, data, *args, "--fail-on-findings")
    assert code == 0
    assert "截至 2003-01-05 没有逾期事项" in out
    assert "另有 1 项将在 30 天内到期" in out  # January's opinion list


@pytest.mark.parametrize(
    "args",
    [
        ["--as-of", "2003-9-30"],
        ["--since", "2003/01/01"],
        ["--as-of", "2003-09-30", "--since", "2003-10-01"],
        ["--type", "late"],
        ["--kind", "province"],
        ["--by", "month"],
        ["--soon", "0"],
        ["--format", "xlsx"],
    ],
)
def test_exit_2_on_bad_options(runner: CliRunner, data: Path, args: list[str]) -> None:
    code, out, _ = run(runner, data, "overdue", *args)
    assert code == 2
    assert out == ""


def test_exit_1_on_an_unknown_point_or_data_errors(runner: CliRunner, data: Path) -> None:
    code, _, err = run(runner, data, *SEPT, "--point", "长白山")
    assert code == 1
    assert "长白山" in err
    (data / "submissions" / "2003" / "jilin" / "10.yaml").write_text(
        "- id: jilin-2003-0099\n  date: 2003-10-45\n  title: x\n  category: general\n",
        encoding="utf-8",
    )
    code, out, err = run(runner, data, *SEPT)
    assert code == 1
    assert out == ""
    assert "submissions/2003/jilin/10.yaml" in err


# --- the years it reads ----------------------------------------------------------------------


def test_reads_back_to_a_silent_points_last_submission(
    runner: CliRunner, make_folder: MakeFolder
) -> None:
    # fgw (admitted 2001-01-01) last sent something in June 2001: the first read (2002–2003)
    # does not see it, so overdue reads back to 2001 for the reference day and ref.
    root = make_folder(
        {
            "submissions/2001/fgw/06.yaml": """\
                - id: fgw-2001-0007
                  date: 2001-06-20
                  title: 全省固定资产投资情况
                  category: research
                  reviewer: 周平
                """,
        }
    )
    code, out, err = run(
        runner,
        root,
        "overdue",
        "--as-of",
        "2003-09-30",
        "--point",
        "fgw",
        "--type",
        "inactive",
        "--format",
        "json",
    )
    assert code == 0, err
    (f,) = json.loads(out)["findings"]
    assert (f["ref"], f["due"]) == ("fgw-2001-0007", "2001-07-20")
    assert f["days_overdue"] == (dt.date(2003, 9, 30) - dt.date(2001, 7, 20)).days


def test_at_rev_lists_what_was_overdue_at_a_tag(runner: CliRunner, make_folder: MakeFolder) -> None:
    # YG-1 is unanswered at the tag; the answer is committed afterwards.
    answer = "submissions/2003/siping/03.yaml"
    root = make_folder(
        {
            "solicitations/2003.yaml": """\
                - id: YG-1
                  issued: 2003-03-01
                  due: 2003-03-10
                  topic: 春耕备耕情况
                  points: [siping]
                """,
        }
    )

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)

    git("init", "-q")
    git("add", "-A")
    git("commit", "-qm", "first")
    git("tag", "v1")
    (root / answer).parent.mkdir(parents=True)
    (root / answer).write_text(
        "- id: sp-1\n  date: 2003-03-20\n  title: 四平市春耕备耕\n  category: general\n"
        "  solicitation: YG-1\n  reviewer: 李四\n",
        encoding="utf-8",
    )
    git("add", "-A")
    git("commit", "-qm", "answer")
    args = [
        "overdue",
        "--as-of",
        "2003-03-31",
        "--type",
        "solicitation-overdue",
        "--format",
        "json",
    ]
    code, out, err = run(runner, root, *args, "--at", "v1")
    assert code == 0, err
    assert [f["ref"] for f in json.loads(out)["findings"]] == ["YG-1"]
    code, out, err = run(runner, root, *args)
    assert code == 0, err
    assert json.loads(out)["findings"] == []
    assert run(runner, root, *args, "--at", "no-such-tag")[0] == 1


def test_a_late_report_written_up_in_january_is_found(
    make_folder: MakeFolder, runner: CliRunner
) -> None:
    late = (
        "- id: cc-2004-0001\n  date: 2004-01-01\n  title: 长春市一起火灾\n  category: emergency\n"
        "  occurred_at: 2003-12-31T19:30\n  reported_at: 2003-12-31T23:30\n  reviewer: 王明\n"
    )
    root = make_folder({"submissions/2004/changchun/01.yaml": late})
    code, out, err = run(
        runner,
        root,
        "overdue",
        "--as-of",
        "2003-12-31",
        "--type",
        "emergency-late",
        "--format",
        "json",
    )
    assert code == 0, err
    assert [f["ref"] for f in json.loads(out)["findings"]] == ["cc-2004-0001"]
