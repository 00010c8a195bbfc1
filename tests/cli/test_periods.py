"""`govinfo report PERIOD` (issue 14): periods, 本期/累计, ranks within groups, the lists, the
JSON of SPEC §3 revision 4, the exports, and `groups:` in govinfo.yaml."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from govinfo.load import WorkingTree, load_folder
from govinfo.model import Folder, Level
from govinfo.reports.groups import competition_ranks
from govinfo.reports.period import FIGURE_KEYS, Figures, PeriodReport, period_report, sum_figures
from govinfo.rules.periods import (
    Period,
    parse_period,
    period,
    period_hint,
    periods_of,
    previous_period,
)
from govinfo.rules.years import scoring_years
from tests.support.cli import run_cli as run
from tests.support.folders import MakeFolder
from tests.support.paths import FIXTURES, SAMPLE

FIXTURE = FIXTURES / "scoring"
YEAR_END = dt.date(2003, 12, 31)


def as_json(text: str) -> Any:
    return json.loads(text, parse_float=Decimal)


# --- periods -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2003", "2003-01-01", "2003-12-31"),
        ("2003H1", "2003-01-01", "2003-06-30"),
        ("2003H2", "2003-07-01", "2003-12-31"),
        ("2003Q1", "2003-01-01", "2003-03-31"),
        ("2003Q3", "2003-07-01", "2003-09-30"),
        ("2004Q1", "2004-01-01", "2004-03-31"),
        ("2003-02", "2003-02-01", "2003-02-28"),
        ("2004-02", "2004-02-01", "2004-02-29"),
        ("2003-12", "2003-12-01", "2003-12-31"),
    ],
)
def test_a_period_runs_from_its_first_to_its_last_day(text: str, first: str, last: str) -> None:
    p = parse_period(text)
    assert p is not None
    assert (p.label, p.first.isoformat(), p.last.isoformat()) == (text, first, last)


@pytest.mark.parametrize(
    "text", ["2003Q5", "2003Q0", "2003H3", "2003-13", "2003-00", "03", "2003q1", "2003-8", "x"]
)
def test_what_is_not_a_period(text: str) -> None:
    assert parse_period(text) is None


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("2003-Q3", "2003Q3"),
        ("2003q1", "2003Q1"),
        ("2003 h2", "2003H2"),
        ("２００３Ｑ３", "2003Q3"),
        ("2003-8", "2003-08"),
        ("2003/08", "2003-08"),
        ("2003.12", "2003-12"),
        ("2003年8月", "2003-08"),
        ("2003年第三季度", "2003Q3"),
        ("2003年4季度", "2003Q4"),
        ("2003年下半年", "2003H2"),
        ("2003年度", "2003"),
        ("2003Q5", None),
        ("2003-13", None),
        ("2003Q3", None),  # a period already: nothing to hint
        ("03", None),
        ("x", None),
    ],
)
def test_a_period_written_another_way_gets_a_hint(text: str, hint: str | None) -> None:
    assert period_hint(text) == hint


def test_the_previous_period_stays_in_the_year() -> None:
    assert previous_period(period(2003, "quarter", 3)) == period(2003, "quarter", 2)
    assert previous_period(period(2003, "month", 8)) == period(2003, "month", 7)
    assert previous_period(period(2003, "half", 2)) == period(2003, "half", 1)
    for first in ("2003", "2003H1", "2003Q1", "2003-01"):
        p = parse_period(first)
        assert p is not None
        assert previous_period(p) is None


def test_competition_ranking_shares_ranks_and_skips() -> None:
    items = [("d", 5), ("a", 7), ("c", 7), ("b", 9), ("e", 5), ("f", 1)]
    ranked = competition_ranks(items, lambda i: (Decimal(i[1]),), lambda i: i[0])
    assert [(i[0], r) for i, r in ranked] == [
        ("b", 1),
        ("a", 2),
        ("c", 2),
        ("d", 4),
        ("e", 4),
        ("f", 6),
    ]


# --- the sample folder: definitions and hand-worked figures ----------------------------------


@pytest.fixture(scope="module")
def sample() -> Folder:
    loaded = load_folder(WorkingTree(SAMPLE), years=scoring_years(2003))
    assert loaded.errors == 0
    return loaded.folder


@pytest.fixture(scope="module")
def reports(sample: Folder) -> dict[str, PeriodReport]:
    out = {}
    for kind in ("year", "half", "quarter", "month"):
        for p in periods_of(2003, kind):
            out[p.label] = period_report(sample, p, YEAR_END)
    return out


def by_point(report: PeriodReport) -> dict[str, Any]:
    return {p.id: p for p in report.points}


def test_months_add_up_to_quarters_halves_and_the_year(reports: dict[str, PeriodReport]) -> None:
    year = by_point(reports["2003"])
    months = [by_point(reports[p.label]) for p in periods_of(2003, "month")]
    quarters = [by_point(reports[p.label]) for p in periods_of(2003, "quarter")]
    halves = [by_point(reports[p.label]) for p in periods_of(2003, "half")]

    def total(rows: list[dict[str, Any]], pid: str) -> Figures:
        return sum_figures(r[pid].period for r in rows if pid in r)

    for pid, row in year.items():
        assert total(months, pid) == row.period == row.to_date, pid
        assert total(quarters, pid) == row.period, pid
        assert total(halves, pid) == row.period, pid
        for q in range(4):
            assert total(months[3 * q : 3 * q + 3], pid) == total([quarters[q]], pid), (pid, q)
        assert total(quarters[:2], pid) == total([halves[0]], pid)
    # and so do the totals
    sums = sum_figures(reports[p.label].totals_period for p in periods_of(2003, "month"))
    assert sums == reports["2003"].totals_to_date
    assert reports["2003-12"].totals_to_date == reports["2003"].totals_to_date


def explain_events(runner: CliRunner, point: str) -> list[dict[str, Any]]:
    code, out, err = run(runner, SAMPLE, "explain", point, "2003", "--format", "json")
    assert code == 0, err
    events: list[dict[str, Any]] = as_json(out)["events"]
    return events


def hand_worked(folder: Folder, events: list[dict[str, Any]], pid: str, p: Period) -> Figures:
    """A point's figures over ``p`` worked out from the records and explain's events, without
    subtracting two rankings: the events dated in the period; the submissions dated in it; a
    submission counts as adopted in the period when its first adoption of the year falls in it."""
    first, last = p.first, p.last
    dated = [e for e in events if first.isoformat() <= e["date"] <= last.isoformat()]
    submitted = research = adopted = national = instructions = 0
    for sub in folder.submissions:
        if sub.point == pid and first <= sub.date <= last:
            submitted += 1
            research += sub.category.value == "research"
        if pid not in sub.participants():
            continue
        in_year = [a for a in sub.adoptions if a.date.year == 2003]
        if in_year and first <= min(a.date for a in in_year) <= last:
            adopted += 1
        rules = folder.rule_set_on(sub.date)
        assert rules is not None
        national_days = [
            a.date for a in in_year if rules.publications[a.publication].level is Level.NATIONAL
        ]
        if national_days and first <= min(national_days) <= last:
            national += 1
        instructions += sum(1 for i in sub.instructions if first <= i.date <= last)
    return Figures(
        score=sum((Decimal(str(e["points"])) for e in dated), Decimal(0)),
        submitted=submitted,
        adopted=adopted,
        national_adopted=national,
        instructions=instructions,
        research=research,
        deductions=sum((Decimal(str(e["points"])) for e in dated if e["points"] < 0), Decimal(0)),
    )


@pytest.mark.parametrize("point", ["changchun", "dehui", "czt"])
def test_the_sample_periods_agree_with_hand_worked_figures(
    runner: CliRunner, sample: Folder, reports: dict[str, PeriodReport], point: str
) -> None:
    events = explain_events(runner, point)
    for label, report in reports.items():
        row = by_point(report)[point]
        want = hand_worked(sample, events, point, report.period)
        assert row.period == want, label


@pytest.mark.parametrize(("label", "as_of"), [("2003Q2", None), ("2003-08", "2003-08-20")])
def test_to_date_is_exactly_score_as_of_to(
    runner: CliRunner, label: str, as_of: str | None
) -> None:
    extra = ["--as-of", as_of] if as_of else []
    code, out, err = run(runner, SAMPLE, "report", label, "--format", "json", *extra)
    assert code == 0, err
    doc = as_json(out)
    code, out, err = run(runner, SAMPLE, "score", "2003", "--as-of", doc["to"], "--format", "json")
    assert code == 0, err
    score = {r["id"]: r for r in as_json(out)["points"]}
    assert [p["id"] for p in doc["points"]]
    assert {p["id"] for p in doc["points"]} == set(score)
    for p in doc["points"]:
        assert p["to_date"] == {k: score[p["id"]][k] for k in FIGURE_KEYS}
        # rank_to_date is score's group_rank
        assert p["rank_to_date"] == score[p["id"]]["group_rank"]
        assert p["group"] == score[p["id"]]["group"]


def test_a_period_not_over_says_so(runner: CliRunner) -> None:
    code, out, err = run(runner, SAMPLE, "report", "2003-08", "--as-of", "2003-08-20")
    assert code == 0, err
    assert "2003年8月尚未结束，数据截至 2003-08-20" in out  # the period in words, not 2003-08
    doc = as_json(
        run(runner, SAMPLE, "report", "2003-08", "--as-of", "2003-08-20", "--format", "json")[1]
    )
    assert (doc["from"], doc["to"]) == ("2003-08-01", "2003-08-20")
    code, out, _ = run(runner, SAMPLE, "report", "2003-07")
    assert "尚未结束" not in out


def test_ranks_within_groups_follow_score_then_tie_break(reports: dict[str, PeriodReport]) -> None:
    report = reports["2003Q3"]
    assert [g.id for g in report.groups] == ["city", "county", "department"]
    seen_groups = []
    for g in report.groups:
        rows = report.group_points(g.id)
        assert rows
        seen_groups += [r.group for r in rows]
        for a, b in itertools.pairwise(rows):
            ka = (a.period.score, *(a.period.get(n) for n in report.tie_break))
            kb = (b.period.score, *(b.period.get(n) for n in report.tie_break))
            assert ka > kb or (ka == kb and a.id < b.id)
            assert a.rank == b.rank if ka == kb else a.rank < b.rank
        assert rows[0].rank == 1
    # points in group order
    assert [r.group for r in report.points] == seen_groups


# --- the CLI on the small fixture: lists, secret titles, JSON shape, exports -----------------


@pytest.fixture
def data(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(FIXTURE, root)
    return root


def test_json_has_the_shape_of_spec_revision_4(runner: CliRunner, data: Path) -> None:
    code, out, err = run(runner, data, "report", "2003Q2", "--format", "json")
    assert code == 0, err
    doc = as_json(out)
    assert list(doc) == [
        "period",
        "from",
        "to",
        "groups",
        "points",
        "totals",
        "silent",
        "adopted_items",
        "instructed_items",
        "solicitations",
    ]
    assert (doc["period"], doc["from"], doc["to"]) == ("2003Q2", "2003-04-01", "2003-06-30")
    assert doc["groups"] == [
        {"id": "city", "name": "市州"},
        {"id": "county", "name": "县市区"},
        {"id": "department", "name": "省直部门"},
    ]
    figures = list(FIGURE_KEYS)
    for p in doc["points"]:
        assert list(p) == ["id", "name", "group", "rank", "rank_to_date", "period", "to_date"]
        assert list(p["period"]) == figures == list(p["to_date"])
    assert list(doc["totals"]) == ["period", "to_date"]
    assert list(doc["totals"]["period"]) == figures
    order = {g["id"]: i for i, g in enumerate(doc["groups"])}
    keys = [(order[p["group"]], p["rank"]) for p in doc["points"]]
    assert keys == sorted(keys)
    for p in doc["silent"]:
        assert list(p) == ["point", "submitted", "adopted"]
        assert p["submitted"] == 0 or p["adopted"] == 0
    for i in doc["adopted_items"]:
        assert list(i) == ["point", "submission", "title", "publication", "issue", "date"]
    for i in doc["instructed_items"]:
        assert list(i) == ["point", "submission", "title", "leader", "rank", "date"]
    for s in doc["solicitations"]:
        assert list(s) == ["id", "title", "due", "on_time", "late", "missed"]
    dates = [i["date"] for i in doc["adopted_items"]]
    assert dates == sorted(dates)


def test_the_lists_of_a_month(runner: CliRunner, data: Path) -> None:
    """May 2003 in the fixture: changchun's secret joint item with nongan, adopted on 12 May,
    answers YG-2003-001 (due 15 May, addressed to changchun, jilin and siping)."""
    code, out, err = run(runner, data, "report", "2003-05", "--format", "json")
    assert code == 0, err
    doc = as_json(out)
    secret = [i for i in doc["adopted_items"] if i["submission"] == "changchun-2003-0002"]
    assert [(i["point"], i["title"], i["publication"], i["date"]) for i in secret] == [
        ("changchun", "[密]", "jl-zb", "2003-05-12"),
        ("nongan", "[密]", "jl-zb", "2003-05-12"),
    ]
    [sol] = doc["solicitations"]
    assert sol["id"] == "YG-2003-001"
    assert sol["due"] == "2003-05-15"
    assert "changchun" in sol["on_time"]
    assert sorted(sol["on_time"] + sol["late"] + sol["missed"]) == ["changchun", "jilin", "siping"]
    silent = {s["point"] for s in doc["silent"]}
    period = {p["id"]: p["period"] for p in doc["points"]}
    assert silent == {pid for pid, f in period.items() if f["submitted"] == 0 or f["adopted"] == 0}
    code, table, _ = run(runner, data, "report", "2003-05")
    assert code == 0
    assert "长春市非典防治工作中需要关注的问题" not in table
    assert "[密]" in table
    for title in (
        "总体情况",
        "市州排名",
        "零报送·零采用",
        "采用信息目录",
        "批示件目录",
        "约稿完成情况",
    ):
        assert title in table


def test_exports_carry_the_new_tables(runner: CliRunner, data: Path) -> None:
    xlsx = data.parent / "2003Q2.xlsx"
    code, _, err = run(runner, data, "report", "2003Q2", "--out", str(xlsx))
    assert code == 0, err
    wb = load_workbook(xlsx)
    assert wb.sheetnames == [
        "总体情况",
        "刊物采用",
        "市州排名",
        "县市区排名",
        "省直部门排名",
        "零报送零采用",
        "采用条目",
        "批示件目录",
        "约稿完成情况",
    ]
    ws = wb["市州排名"]
    headers = [c.value for c in ws[2]]
    assert headers[:4] == ["名次", "直报点", "本期报送", "累计报送"]
    assert headers[-3:] == ["累计得分", "累计名次", "名次变化"]
    doc = as_json(run(runner, data, "report", "2003Q2", "--format", "json")[1])
    cities = [p for p in doc["points"] if p["group"] == "city"]
    rows = list(ws.iter_rows(min_row=3, max_row=2 + len(cities), values_only=True))
    for row, p in zip(rows, cities, strict=True):
        assert row[0] == p["rank"]
        assert Decimal(str(row[headers.index("本期得分")])) == p["period"]["score"]
        assert Decimal(str(row[headers.index("累计得分")])) == p["to_date"]["score"]
        assert row[headers.index("累计名次")] == p["rank_to_date"]
    text = "".join(str(c.value) for s in wb for r in s.iter_rows() for c in r)
    assert "长春市非典防治工作中需要关注的问题" not in text
    folder = data.parent / "csv"
    assert run(runner, data, "report", "2003Q2", "--out", f"{folder}/")[0] == 0
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == 9
    assert all(p.read_bytes().startswith(b"\xef\xbb\xbf") for p in folder.iterdir())
    md = data.parent / "q2.md"
    assert run(runner, data, "--lang", "en", "report", "2003Q2", "--out", str(md))[0] == 0
    text = md.read_text("utf-8")
    assert "City ranking, Q2 2003" in text  # a title begins with a capital, as the others do
    assert "period = to date at 2003-06-30 minus to date at 2003-03-31" in text


def test_warm_run_gives_the_same_report(runner: CliRunner, data: Path) -> None:
    first = run(runner, data, "report", "2003-05", "--format", "json")
    again = run(runner, data, "report", "2003-05", "--format", "json")
    cold = run(runner, data, "--no-cache", "report", "2003-05", "--format", "json")
    assert first[0] == 0
    assert first == again == cold


def test_bad_or_unbegun_periods_are_refused(runner: CliRunner, data: Path) -> None:
    code, out, err = run(runner, data, "report", "2003Q5")
    assert (code, out) == (2, "")
    assert "2003Q5" in err
    assert "是不是" not in err
    code, out, err = run(runner, data, "report", "2003-Q3")  # as overdue writes a quarter
    assert (code, out) == (2, "")
    assert "“2003-Q3”不是报告期，是不是 2003Q3？" in err
    code, _, err = run(runner, data, "--lang", "en", "report", "2003年8月")
    assert code == 2
    assert "“2003年8月” is not a period; did you mean 2003-08?" in err
    code, out, err = run(runner, data, "report", "2003Q3", "--as-of", "2003-06-30")
    assert (code, out) == (1, "")
    assert "2003-07-01" in err


# --- score: group, group_rank and --by-group -----------------------------------------------

TIES = {
    "points.yaml": """\
        - {id: changchun, name: 长春市人民政府办公厅, short: 长春, kind: city, tiers: [provincial], history: [{date: 2001-01-01, event: admitted}]}
        - {id: siping, name: 四平市人民政府办公厅, short: 四平, kind: city, tiers: [provincial], history: [{date: 2001-01-01, event: admitted}]}
        - {id: tonghua, name: 通化市人民政府办公厅, short: 通化, kind: city, tiers: [provincial], history: [{date: 2001-01-01, event: admitted}]}
        - {id: fgw, name: 吉林省发展和改革委员会办公室, short: 省发展改革委, kind: department, tiers: [provincial], history: [{date: 2001-01-01, event: admitted}]}
        """,
    # changchun and siping: one item worth 1 each; tonghua: two combined items worth 0.5 each,
    # the same score but more adopted (a tie-break count); fgw: 3
    "submissions/2003/changchun/02.yaml": """\
        - {id: cc-1, date: 2003-02-10, title: 甲, category: general, reviewer: 王, adoptions: [{publication: jl-zwxx, date: 2003-02-12, mode: single}]}
        """,
    "submissions/2003/siping/02.yaml": """\
        - {id: sp-1, date: 2003-02-11, title: 乙, category: general, reviewer: 王, adoptions: [{publication: jl-mryq, date: 2003-02-13, mode: single}]}
        """,
    "submissions/2003/tonghua/02.yaml": """\
        - {id: th-1, date: 2003-02-10, title: 丙, category: general, reviewer: 王, adoptions: [{publication: jl-zwxx, date: 2003-02-12, mode: combined}]}
        - {id: th-2, date: 2003-02-11, title: 丁, category: general, reviewer: 王, adoptions: [{publication: jl-zwxx, date: 2003-02-14, mode: combined}]}
        """,
    "submissions/2003/fgw/02.yaml": """\
        - {id: fg-1, date: 2003-02-10, title: 戊, category: general, reviewer: 王, adoptions: [{publication: jl-zb, date: 2003-02-12, mode: single}]}
        """,
}


def test_ranks_within_a_group_with_ties(runner: CliRunner, make_folder: MakeFolder) -> None:
    root = make_folder(TIES)
    code, out, err = run(runner, root, "report", "2003Q1", "--format", "json")
    assert code == 0, err
    doc = as_json(out)
    ranks = [(p["id"], p["group"], p["rank"]) for p in doc["points"]]
    assert ranks == [
        ("tonghua", "city", 1),
        ("changchun", "city", 2),
        ("siping", "city", 2),
        ("fgw", "department", 1),
    ]
    code, out, err = run(runner, root, "score", "2003", "--as-of", "2003-03-31", "--format", "json")
    rows = {r["id"]: r for r in as_json(out)["points"]}
    assert {k: (r["rank"], r["group"], r["group_rank"]) for k, r in rows.items()} == {
        "fgw": (1, "department", 1),
        "tonghua": (2, "city", 1),
        "changchun": (3, "city", 2),
        "siping": (3, "city", 2),
    }
    code, out, err = run(runner, root, "score", "2003", "--as-of", "2003-03-31", "--by-group")
    assert code == 0, err
    lines = [
        line.split() for line in out.splitlines() if line.split()[:1] and line.split()[0].isdigit()
    ]
    assert [line[:4] for line in lines] == [
        ["1", "市州", "2", "通化"],
        ["2", "市州", "3", "长春"],
        ["2", "市州", "3", "四平"],
        ["1", "省直部门", "1", "省发展改革委"],
    ]
    code, out, _ = run(
        runner, root, "score", "2003", "--by-group", "--top", "1", "--format", "json"
    )
    assert [r["id"] for r in as_json(out)["points"]] == ["tonghua", "fgw"]


GROUPS = """\
    format: 1
    office: 吉林省人民政府办公厅
    groups:
      - id: first
        name: 一类考核单位
        points: [changchun, fgw]
      - id: second
        name: 二类考核单位
        points: [siping, tonghua]
    """


def test_groups_of_the_folder(runner: CliRunner, make_folder: MakeFolder) -> None:
    root = make_folder({**TIES, "govinfo.yaml": GROUPS})
    assert run(runner, root, "check")[0] == 0
    doc = as_json(run(runner, root, "report", "2003Q1", "--format", "json")[1])
    assert doc["groups"] == [
        {"id": "first", "name": "一类考核单位"},
        {"id": "second", "name": "二类考核单位"},
    ]
    assert [(p["id"], p["group"], p["rank"]) for p in doc["points"]] == [
        ("fgw", "first", 1),
        ("changchun", "first", 2),
        ("tonghua", "second", 1),
        ("siping", "second", 2),
    ]
    _code, out, _ = run(runner, root, "report", "2003Q1")
    assert "一类考核单位排名" in out


def test_check_names_every_group_problem(runner: CliRunner, make_folder: MakeFolder) -> None:
    bad = """\
        format: 1
        groups:
          - id: a
            name: 甲
            kinds: [city]
            points: [fgw]
          - id: b
            name: 乙
            points: [changchun, nosuch]
          - id: b
            name: 丙
            kinds: [city]
        """
    root = make_folder({**TIES, "govinfo.yaml": bad})
    code, out, _ = run(runner, root, "--lang", "en", "check")
    assert code == 1
    lines = [line for line in out.splitlines() if line.startswith("govinfo.yaml:")]
    assert lines == [
        "govinfo.yaml:3:5: error: group a needs either kinds or points (not both, not neither)",
        "govinfo.yaml:9:25: error: nosuch is not a registered point",
        "govinfo.yaml:10:5: error: group id b repeats",
    ]
    # once readable: a point in two groups, a point in none
    root = make_folder(
        {
            **TIES,
            "govinfo.yaml": """\
                format: 1
                groups:
                  - {id: a, name: 甲, kinds: [city]}
                  - {id: b, name: 乙, points: [changchun, siping]}
                """,
        },
        name="data2",
    )
    code, out, _ = run(runner, root, "--lang", "en", "check")
    assert code == 1
    lines = [line for line in out.splitlines() if line.startswith("govinfo.yaml:")]
    assert lines == [
        "govinfo.yaml:2:1: error: point 省发展改革委 (fgw) is in no group (groups must cover every point)",
        "govinfo.yaml:4:31: error: 长春 (changchun) is already in the earlier group “甲” (a) by its kind city; it cannot be in group “乙” (b) too (every point is in exactly one group)",
        "govinfo.yaml:4:42: error: 四平 (siping) is already in the earlier group “甲” (a) by its kind city; it cannot be in group “乙” (b) too (every point is in exactly one group)",
    ]
    code, _, _err = run(runner, root, "report", "2003Q1")
    assert code == 1


def test_points_in_no_group_are_one_error_naming_them(
    runner: CliRunner, make_folder: MakeFolder
) -> None:
    only_departments = """\
        format: 1
        groups:
          - {id: a, name: 甲, kinds: [department]}
        """
    root = make_folder({**TIES, "govinfo.yaml": only_departments})
    code, out, _ = run(runner, root, "check")
    assert code == 1
    lines = [line for line in out.splitlines() if line.startswith("govinfo.yaml:")]
    assert lines == [
        "govinfo.yaml:2:1: error: 以下 3 个直报点不属于任何分组（groups 须覆盖每个直报点）："
        "长春（changchun）、四平（siping）、通化（tonghua）"
    ]
    assert "1 个错误" in out
    code, out, _ = run(runner, root, "--lang", "en", "check", "--format", "json")
    doc = as_json(out)
    assert doc["errors"] == 1
    assert [p["message"] for p in doc["problems"]] == [
        "3 points are in no group (groups must cover every point): "
        "长春 (changchun), 四平 (siping), 通化 (tonghua)"
    ]
    one = """\
        format: 1
        groups:
          - {id: a, name: 甲, kinds: [department]}
          - {id: b, name: 乙, points: [changchun, siping]}
        """
    root = make_folder({**TIES, "govinfo.yaml": one}, name="data2")
    code, out, _ = run(runner, root, "check")
    assert code == 1
    assert (
        "govinfo.yaml:2:1: error: 直报点通化（tonghua）不属于任何分组（groups 须覆盖每个直报点）"
        in out
    )


def test_issue_lists_are_written_as_ranges_without_losing_one() -> None:
    from govinfo.i18n import set_lang
    from govinfo.render.period import issues_text

    set_lang("zh")
    assert (
        issues_text(["第3期", "第1期", "第2期", "第5期", "第7期", "第8期", "第9期"])
        == "第1–3、5、7–9期"
    )
    assert issues_text(["第1期", "第2期"]) == "第1、2期"
    assert issues_text(["2003-45", "第2期"]) == "2003-45、第2期"
    assert issues_text([]) == ""


def test_a_point_admitted_later_keeps_its_earlier_joint_item_out_of_the_period(
    runner: CliRunner, make_folder: MakeFolder
) -> None:
    """tonghua, admitted on 1 June, shares a joint item adopted in February: as of June it is
    ranked and that item is in its to-date figures, but not in June's."""
    files = dict(TIES)
    files["points.yaml"] = files["points.yaml"].replace(
        "short: 通化, kind: city, tiers: [provincial], history: [{date: 2001-01-01",
        "short: 通化, kind: city, tiers: [provincial], history: [{date: 2003-06-01",
    )
    files["submissions/2003/tonghua/02.yaml"] = ""
    files["submissions/2003/changchun/02.yaml"] = """\
        - {id: cc-1, date: 2003-02-10, title: 甲, category: general, reviewer: 王, co_submitters: [tonghua], adoptions: [{publication: jl-zb, date: 2003-02-12, mode: single}]}
        """
    root = make_folder(files)
    code, out, err = run(runner, root, "report", "2003-06", "--format", "json")
    assert code == 0, err
    th = next(p for p in as_json(out)["points"] if p["id"] == "tonghua")
    assert (th["period"]["adopted"], th["to_date"]["adopted"]) == (0, 1)
    # June: only its missing opinion list (−0.5); to date: the February share (1.5) too
    assert (th["period"]["score"], th["to_date"]["score"]) == (Decimal("-0.5"), 1)


def test_the_year_as_a_period(runner: CliRunner, data: Path) -> None:
    """`report 2003 --format json`: the year's circular, 本期 equal to 累计; the year's tables
    on the terminal end with the group rankings and the lists."""
    code, out, err = run(runner, data, "report", "2003", "--format", "json")
    assert code == 0, err
    doc = as_json(out)
    assert (doc["period"], doc["from"], doc["to"]) == ("2003", "2003-01-01", "2003-12-31")
    assert all(p["period"] == p["to_date"] for p in doc["points"])
    assert all(p["rank"] == p["rank_to_date"] for p in doc["points"])
    code, out, _ = run(runner, data, "report", "2003")
    assert code == 0
    titles = [
        "直报点得分排名",
        "2003年度市州排名",
        "2003年度零报送·零采用单位",
        "2003年度约稿完成情况",
    ]
    positions = [out.index(title) for title in titles]
    assert positions == sorted(positions)
