"""An independent check of SPEC revision 4 (periods, groups, the 通报's JSON) and of §3's exit
codes and CSV rules, against the real command line.

Expectations are computed here from the raw YAML records (read with PyYAML, not govinfo's
reader) and from ``score`` JSON at two days — never by calling govinfo's own functions — so a
drift between the report and the contract shows up as a failure here."""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.support.cli import cli
from tests.support.folders import MakeFolder
from tests.support.paths import PROJECT

SAMPLE = PROJECT / "data"
TODAY = "2003-12-31"
F_KEYS = [
    "score",
    "submitted",
    "adopted",
    "national_adopted",
    "instructions",
    "research",
    "deductions",
]
REPORT_KEYS = [
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
POINT_KEYS = ["id", "name", "group", "rank", "rank_to_date", "period", "to_date"]
SCORE_ROW_KEYS = [
    "rank",
    "id",
    "name",
    "kind",
    "score",
    *F_KEYS[1:],
    "status",
    "at_risk",
    "group",
    "group_rank",
]
DEFAULT_GROUPS = [("city", "市州"), ("county", "县市区"), ("department", "省直部门")]


def run_json(root: Path, *args: str) -> Any:
    done = cli(root, *args, "--format", "json", GOVINFO_TODAY=TODAY)
    assert done.returncode == 0, done.stdout + done.stderr
    return json.loads(done.stdout)


SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml where built


def raw(path: Path) -> Any:
    """The file's YAML as plain data, parsed once per version of the file (the checks below
    read the sample's ~700 files many times over; they never change what they are given)."""
    stat = path.stat()
    return _parsed(path, stat.st_mtime_ns, stat.st_size)


@functools.cache
def _parsed(path: Path, _mtime_ns: int, _size: int) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER) or []


def day(value: object) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def tie_break(root: Path, on: dt.date) -> list[str]:
    """The ``annual.tie_break`` of the raw rule set with the latest effective_from ≤ ``on``."""
    sets = [raw(p) for p in sorted((root / "rules").glob("*.yaml"))]
    in_force = max(
        (s for s in sets if day(s["effective_from"]) <= on), key=lambda s: day(s["effective_from"])
    )
    return list(in_force["annual"]["tie_break"])


def competition_ranks(rows: dict[str, dict[str, Any]], keys: list[str]) -> dict[str, int]:
    """Competition ranking (1, 2, 2, 4) on ``keys`` descending, id ascending after."""
    order = sorted(rows, key=lambda i: (*(-Decimal(str(rows[i][k])) for k in keys), i))
    ranks: dict[str, int] = {}
    for n, pid in enumerate(order, start=1):
        prev = order[n - 2] if n > 1 else None
        same = prev is not None and all(
            Decimal(str(rows[pid][k])) == Decimal(str(rows[prev][k])) for k in keys
        )
        ranks[pid] = ranks[prev] if same and prev is not None else n
    return ranks


def submissions(root: Path, years: Iterable[int]) -> list[tuple[str, dict[str, Any]]]:
    out = []
    for year in years:
        for path in sorted((root / "submissions" / str(year)).glob("*/*.yaml")):
            out.extend((path.parent.name, rec) for rec in raw(path))
    return out


def holds_provincial(point: dict[str, Any], on: dt.date) -> bool:
    last_in = last_out = None
    for ev in point.get("history") or []:
        if ev.get("tier", "provincial") != "provincial" or day(ev["date"]) > on:
            continue
        if ev["event"] in ("admitted", "reinstated"):
            last_in = max(last_in or day(ev["date"]), day(ev["date"]))
        elif ev["event"] in ("disqualified", "retired"):
            last_out = max(last_out or day(ev["date"]), day(ev["date"]))
    return last_in is not None and (last_out is None or last_in > last_out)


def check_report(
    root: Path, period: str, first: dt.date, to: dt.date, groups: dict[str, str]
) -> None:
    """Every rule of SPEC rev. 4 for ``report PERIOD --format json``; ``groups`` maps point id to
    its expected group id, in the expected group order (dict order of first appearance is not
    used: the report's own ``groups`` list is checked against the settings separately)."""
    year = first.year
    rep = run_json(root, "report", period)
    assert list(rep) == REPORT_KEYS
    assert (rep["period"], rep["from"], rep["to"]) == (period, first.isoformat(), to.isoformat())
    at_to = {
        r["id"]: r for r in run_json(root, "score", str(year), "--as-of", to.isoformat())["points"]
    }
    before = first - dt.timedelta(days=1)
    at_before: dict[str, dict[str, Any]] = {}
    if first.month != 1 or first.day != 1:
        at_before = {
            r["id"]: r
            for r in run_json(root, "score", str(year), "--as-of", before.isoformat())["points"]
        }
    # the points listed are those score lists as of TO
    assert sorted(p["id"] for p in rep["points"]) == sorted(at_to)
    group_order = [g["id"] for g in rep["groups"]]
    for p in rep["points"]:
        assert list(p) == POINT_KEYS
        assert list(p["period"]) == F_KEYS
        assert list(p["to_date"]) == F_KEYS
        assert p["name"] == at_to[p["id"]]["name"]
        assert p["group"] == groups[p["id"]]
        for k in F_KEYS:
            want_to = Decimal(str(at_to[p["id"]][k]))
            want_before = (
                Decimal(str(at_before[p["id"]][k])) if p["id"] in at_before else Decimal(0)
            )
            assert Decimal(str(p["to_date"][k])) == want_to, (p["id"], k)
            assert Decimal(str(p["period"][k])) == want_to - want_before, (p["id"], k)
            for v in (p["period"][k], p["to_date"][k]):
                assert isinstance(v, (int, float))
                assert not isinstance(v, bool)
                assert Decimal(str(v)) == Decimal(str(v)).quantize(Decimal("0.01"))
    # ranks within group: period then to date, tie-break of the set in force on TO
    keys = ["score", *tie_break(root, to)]
    for g in group_order:
        members = [p for p in rep["points"] if p["group"] == g]
        want = competition_ranks({p["id"]: p["period"] for p in members}, keys)
        want_td = competition_ranks({p["id"]: p["to_date"] for p in members}, keys)
        assert {p["id"]: p["rank"] for p in members} == want
        assert {p["id"]: p["rank_to_date"] for p in members} == want_td
    # points in group order, then by rank (then id)
    expected_order = sorted(
        rep["points"], key=lambda p: (group_order.index(p["group"]), p["rank"], p["id"])
    )
    assert [p["id"] for p in rep["points"]] == [p["id"] for p in expected_order]
    # totals
    for side in ("period", "to_date"):
        assert list(rep["totals"][side]) == F_KEYS
        for k in F_KEYS:
            assert Decimal(str(rep["totals"][side][k])) == sum(
                (Decimal(str(p[side][k])) for p in rep["points"]), Decimal(0)
            )
    # silent
    want_silent = [
        {"point": p["id"], "submitted": p["period"]["submitted"], "adopted": p["period"]["adopted"]}
        for p in rep["points"]
        if p["period"]["submitted"] == 0 or p["period"]["adopted"] == 0
    ]
    assert sorted(rep["silent"], key=lambda s: s["point"]) == sorted(
        want_silent, key=lambda s: s["point"]
    )
    # the item lists, from the raw records
    listed = set(at_to)
    adopted: list[dict[str, Any]] = []
    instructed: list[dict[str, Any]] = []
    for owner, sub in submissions(root, (year - 1, year)):
        title = "[密]" if sub.get("classification") == "secret" else sub["title"]
        counted = [pid for pid in [owner, *(sub.get("co_submitters") or [])] if pid in listed]
        for ad in sub.get("adoptions") or []:
            if first <= day(ad["date"]) <= to:
                adopted.extend(
                    {
                        "point": pid,
                        "submission": sub["id"],
                        "title": title,
                        "publication": ad["publication"],
                        "issue": ad.get("issue"),
                        "date": day(ad["date"]).isoformat(),
                    }
                    for pid in counted
                )
        for ins in sub.get("instructions") or []:
            if first <= day(ins["date"]) <= to:
                instructed.extend(
                    {
                        "point": pid,
                        "submission": sub["id"],
                        "title": title,
                        "leader": ins["leader"],
                        "rank": ins["rank"],
                        "date": day(ins["date"]).isoformat(),
                    }
                    for pid in counted
                )
    for got, want in ((rep["adopted_items"], adopted), (rep["instructed_items"], instructed)):
        assert [r["date"] for r in got] == sorted(r["date"] for r in got)
        key = lambda r: json.dumps(r, sort_keys=True, ensure_ascii=False)  # noqa: E731
        assert sorted(map(key, got)) == sorted(map(key, want))
        if want:
            assert list(got[0]) == list(want[0])
    # solicitations due in the period: answered on time, late (by TO) or not at all
    points = {p["id"]: p for p in raw(root / "points.yaml")}
    answers: dict[str, dict[str, dt.date]] = {}
    for owner, sub in submissions(root, (year,)):
        if sub.get("solicitation"):
            for pid in [owner, *(sub.get("co_submitters") or [])]:
                seen = answers.setdefault(sub["solicitation"], {})
                seen[pid] = min(seen.get(pid, day(sub["date"])), day(sub["date"]))
    want_sols = []
    for sol in (
        raw(root / "solicitations" / f"{year}.yaml")
        if (root / "solicitations" / f"{year}.yaml").exists()
        else []
    ):
        due, issued = day(sol["due"]), day(sol["issued"])
        if not (first <= due <= to and issued <= to):
            continue
        addressed = (
            [pid for pid, pt in points.items() if holds_provincial(pt, issued)]
            if sol["points"] == "all"
            else list(sol["points"])
        )
        owing = [pid for pid in addressed if pid in listed and holds_provincial(points[pid], due)]
        got_ans = answers.get(sol["id"], {})
        want_sols.append(
            {
                "id": sol["id"],
                "title": sol["topic"],
                "due": due.isoformat(),
                "on_time": sorted(p for p in owing if p in got_ans and got_ans[p] <= due),
                "late": sorted(p for p in owing if p in got_ans and due < got_ans[p] <= to),
                "missed": sorted(p for p in owing if p not in got_ans or got_ans[p] > to),
            }
        )
    assert [s["due"] for s in rep["solicitations"]] == sorted(
        s["due"] for s in rep["solicitations"]
    )
    assert sorted(rep["solicitations"], key=lambda s: s["id"]) == sorted(
        want_sols, key=lambda s: s["id"]
    )


@pytest.mark.parametrize(
    ("period", "first", "last"),
    [
        ("2003Q3", "2003-07-01", "2003-09-30"),
        ("2003H1", "2003-01-01", "2003-06-30"),
        ("2003-11", "2003-11-01", "2003-11-30"),
        ("2003", "2003-01-01", "2003-12-31"),
    ],
)
def test_sample_report_matches_the_contract(period: str, first: str, last: str) -> None:
    kinds = {p["id"]: p["kind"] for p in raw(SAMPLE / "points.yaml")}
    check_report(SAMPLE, period, dt.date.fromisoformat(first), dt.date.fromisoformat(last), kinds)


def test_sample_report_default_groups_are_the_kinds_in_order() -> None:
    rep = run_json(SAMPLE, "--lang", "zh", "report", "2003Q2")
    assert [(g["id"], g["name"]) for g in rep["groups"]] == DEFAULT_GROUPS


def test_to_is_cut_at_as_of() -> None:
    rep = run_json(SAMPLE, "report", "2003Q4", "--as-of", "2003-11-15")
    assert (rep["from"], rep["to"]) == ("2003-10-01", "2003-11-15")
    done = cli(SAMPLE, "report", "2003Q4", "--format", "json", GOVINFO_TODAY="2003-11-15")
    assert done.returncode == 0
    assert json.loads(done.stdout) == rep


def test_sample_score_group_rank() -> None:
    rows = run_json(SAMPLE, "score", "2003", "--as-of", "2003-08-31")["points"]
    kinds = {p["id"]: p["kind"] for p in raw(SAMPLE / "points.yaml")}
    keys = ["score", *tie_break(SAMPLE, dt.date(2003, 12, 31))]
    for row in rows:
        assert list(row) == SCORE_ROW_KEYS
        assert row["group"] == kinds[row["id"]]
    for group in {r["group"] for r in rows}:
        members = {r["id"]: r for r in rows if r["group"] == group}
        assert {i: r["group_rank"] for i, r in members.items()} == competition_ranks(members, keys)


def point(pid: str, name: str, kind: str, retired: str | None = None) -> str:
    """A points.yaml record admitted 2001-01-01 (and retired on ``retired``)."""
    out = f"- id: {pid}\n  name: {name}\n  kind: {kind}\n  tiers: [provincial]\n  history:\n"
    out += "    - {date: 2001-01-01, event: admitted}\n"
    return out + (f"    - {{date: {retired}, event: retired}}\n" if retired else "")


POINTS_SIX = (
    point("alpha", "甲市人民政府办公厅", "city")
    + point("beta", "乙市人民政府办公厅", "city")
    + point("gamma", "丙县人民政府办公室", "county")
    + point("delta", "丁县人民政府办公室", "county")
    + point("epsilon", "省戊厅办公室", "department")
    + point("zeta", "省己厅办公室", "department", retired="2003-05-10")
)


def sub(
    sid: str,
    date: str,
    *,
    adopted: str | None = None,
    co: str | None = None,
    secret: bool = False,
    instructed: str | None = None,
    solicitation: str | None = None,
) -> str:
    lines = [
        f"- id: {sid}",
        f"  date: {date}",
        f"  title: 关于{sid}的情况",
        "  category: general",
        "  reviewer: 张三",
    ]
    if co:
        lines.append(f"  co_submitters: [{co}]")
    if secret:
        lines.append("  classification: secret")
    if solicitation:
        lines.append(f"  solicitation: {solicitation}")
    if adopted:
        lines.append(
            f"  adoptions: [{{publication: jl-zwxx, date: {adopted}, mode: single, issue: 第1期}}]"
        )
    if instructed:
        lines.append(f"  instructions: [{{leader: 李四, rank: governor, date: {instructed}}}]")
    return "\n".join(lines) + "\n"


HAND_FILES: dict[str, str | bytes] = {
    "points.yaml": POINTS_SIX,
    "submissions/2003/alpha/03.yaml": sub("a1", "2003-03-03", adopted="2003-03-20")
    + sub("a2", "2003-03-28", adopted="2003-04-02", co="gamma", instructed="2003-04-05"),
    "submissions/2003/beta/04.yaml": sub(
        "b1", "2003-04-01", adopted="2003-04-03", secret=True, solicitation="YG-1"
    ),
    "submissions/2003/beta/05.yaml": sub("b2", "2003-05-20", adopted="2003-05-21"),
    "submissions/2003/delta/06.yaml": sub("d1", "2003-06-01", solicitation="YG-1"),
    "submissions/2003/epsilon/04.yaml": sub("e1", "2003-04-10", adopted="2003-04-11"),
    "solicitations/2003.yaml": """\
        - id: YG-1
          issued: 2003-03-25
          due: 2003-04-15
          topic: 春耕情况
          points: all
    """,
}


def test_hand_folder_default_groups(make_folder: MakeFolder) -> None:
    root = make_folder(HAND_FILES)
    kinds = {p["id"]: p["kind"] for p in raw(root / "points.yaml")}
    check_report(root, "2003Q2", dt.date(2003, 4, 1), dt.date(2003, 6, 30), kinds)
    check_report(root, "2003-04", dt.date(2003, 4, 1), dt.date(2003, 4, 30), kinds)
    rep = run_json(root, "report", "2003Q2")
    secret = [r for r in rep["adopted_items"] if r["submission"] == "b1"]
    assert [r["title"] for r in secret] == ["[密]"]
    joint = [r["point"] for r in rep["instructed_items"] if r["submission"] == "a2"]
    assert sorted(joint) == ["alpha", "gamma"]
    # by hand: beta answered YG-1 on time, delta late; zeta, retired after due, still owed it
    sol = rep["solicitations"][0]
    assert (sol["on_time"], sol["late"]) == (["beta"], ["delta"])
    assert sol["missed"] == ["alpha", "epsilon", "gamma", "zeta"]


GROUPED_SETTINGS = (
    "format: 1\noffice: 吉林省人民政府办公厅\nprovince: 吉林省\nlanguage: zh\n"
    "groups:\n"
    "  - {id: east, name: 东部, points: [beta, delta]}\n"
    "  - {id: west, name: 西部, points: [alpha, gamma]}\n"
    "  - {id: dept, name: 省直, kinds: [department]}\n"
)


def test_hand_folder_custom_groups(make_folder: MakeFolder) -> None:
    root = make_folder({**HAND_FILES, "govinfo.yaml": GROUPED_SETTINGS})
    done = cli(root, "check", GOVINFO_TODAY=TODAY)
    assert done.returncode == 0, done.stdout + done.stderr
    rep = run_json(root, "report", "2003Q2")
    assert rep["groups"] == [
        {"id": "east", "name": "东部"},
        {"id": "west", "name": "西部"},
        {"id": "dept", "name": "省直"},
    ]
    groups = {"beta": "east", "delta": "east", "alpha": "west", "gamma": "west"}
    groups |= {"epsilon": "dept", "zeta": "dept"}
    check_report(root, "2003Q2", dt.date(2003, 4, 1), dt.date(2003, 6, 30), groups)
    rows = run_json(root, "score", "2003")["points"]
    assert {r["id"]: r["group"] for r in rows} == {r["id"]: groups[r["id"]] for r in rows}


@pytest.mark.parametrize(
    "groups",
    [
        "  - {id: a, name: 甲, kinds: [city, county]}\n  - {id: b, name: 乙, points: [alpha, epsilon]}\n",
        "  - {id: a, name: 甲, kinds: [city, county]}\n",
    ],
    ids=["point-in-two-groups", "point-in-no-group"],
)
def test_check_refuses_groups_that_do_not_partition(make_folder: MakeFolder, groups: str) -> None:
    settings = "format: 1\noffice: 办公厅\nprovince: 吉林省\nlanguage: zh\ngroups:\n" + groups
    root = make_folder({**HAND_FILES, "govinfo.yaml": settings})
    done = cli(root, "check", GOVINFO_TODAY=TODAY)
    assert done.returncode == 1
    assert "govinfo.yaml:" in done.stdout
    assert "error" in done.stdout
    assert cli(root, "report", "2003Q2", "--format", "json", GOVINFO_TODAY=TODAY).returncode == 1
    assert cli(root, "score", "2003", "--format", "json", GOVINFO_TODAY=TODAY).returncode == 1


@pytest.mark.parametrize("period", ["2003Q5", "2003H3", "2003-13", "03Q1", "2003-Q1", "2003q1x"])
def test_bad_period_is_usage(make_folder: MakeFolder, period: str) -> None:
    done = cli(make_folder(HAND_FILES), "report", period, GOVINFO_TODAY=TODAY)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Traceback" not in done.stderr


def test_exit_codes(make_folder: MakeFolder) -> None:
    good = make_folder(HAND_FILES)
    for args in (
        ("check",),
        ("score", "2003"),
        ("explain", "alpha", "2003"),
        ("overdue",),
        ("report", "2003Q2"),
        ("points", "list"),
    ):
        assert cli(good, *args, GOVINFO_TODAY=TODAY).returncode == 0, args
    assert cli(good, "explain", "nobody", "2003", GOVINFO_TODAY=TODAY).returncode == 1
    assert cli(good, "overdue", "--fail-on-findings", GOVINFO_TODAY=TODAY).returncode == 3
    assert cli(good, "score", "2003", "--format", "yaml", GOVINFO_TODAY=TODAY).returncode == 2
    assert cli(good, "score", "2003", "--as-of", "2003/12/31", GOVINFO_TODAY=TODAY).returncode == 2
    bad = make_folder(
        {**HAND_FILES, "submissions/2003/alpha/07.yaml": "- id: x1\n  date: 2003-07-40\n"},
        name="bad",
    )
    for args in (
        ("check",),
        ("score", "2003"),
        ("explain", "alpha", "2003"),
        ("overdue",),
        ("report", "2003Q2"),
        ("report", "2003"),
    ):
        done = cli(bad, *args, GOVINFO_TODAY=TODAY)
        assert done.returncode == 1, args
        assert "Traceback" not in done.stderr


def test_csv_stdout_and_out(make_folder: MakeFolder, tmp_path: Path) -> None:
    root = make_folder(HAND_FILES)
    rows = run_json(root, "score", "2003")["points"]
    done = cli(root, "score", "2003", "--format", "csv", GOVINFO_TODAY=TODAY)
    assert done.returncode == 0
    assert not done.stdout.startswith("\ufeff")
    assert done.stdout.splitlines()[0] == ",".join(rows[0])
    out = tmp_path / "out"
    done = cli(root, "report", "2003", "--out", f"{out}/", GOVINFO_TODAY=TODAY)
    assert done.returncode == 0, done.stdout + done.stderr
    files = sorted(out.glob("*.csv"))
    assert files
    for f in files:
        assert f.read_bytes().startswith(b"\xef\xbb\xbf"), f
