"""``govinfo demo generate``: determinism, the committed sample byte for byte, SPEC §1's rules
over every generated record, and the sample's shape (who, how many, what happened in 2003)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from govinfo.app.demo import generate, generate_sample
from govinfo.errors import GovinfoError, UsageError
from govinfo.load import LoadResult, load_folder
from govinfo.reports.overdue import FindingKind, overdue_findings
from govinfo.rules.annual import Status, score_year
from tests.support.paths import SAMPLE

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

SLUG = re.compile(r"[a-z][a-z0-9-]{1,39}\Z")
RECORD_ID = re.compile(r"[A-Za-z0-9-]+\Z")
DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}\Z")
RESERVED = {
    "con",
    "nul",
    "aux",
    "prn",
    *(f"com{i}" for i in range(1, 10)),
    *(f"lpt{i}" for i in range(1, 10)),
}


def read(path: Path) -> Any:
    return yaml.load(path.read_bytes(), Loader=Loader)


def files_of(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def holds(point: dict[str, Any], day: dt.date, tier: str = "provincial") -> bool:
    last_in = last_out = None
    for ev in point["history"]:
        if ev.get("tier", "provincial") != tier or ev["date"] > day:
            continue
        if ev["event"] in ("admitted", "reinstated"):
            last_in = ev["date"] if last_in is None else max(last_in, ev["date"])
        elif ev["event"] in ("disqualified", "retired"):
            last_out = ev["date"] if last_out is None else max(last_out, ev["date"])
    return last_in is not None and (last_out is None or last_in > last_out)


class Folder:
    """A generated folder read with yaml.safe_load, checked against SPEC §1 as it is read."""

    def __init__(self, root: Path) -> None:
        self.root = root
        settings_ = read(root / "govinfo.yaml")
        assert settings_ == {
            "format": 1,
            "office": settings_["office"],
            "province": settings_["province"],
            "language": "zh",
        }
        self.points: dict[str, dict[str, Any]] = {}
        for p in read(root / "points.yaml"):
            self.points[p["id"]] = p
        self.rules = sorted(
            (read(path) | {"_file": path.stem} for path in (root / "rules").glob("*.yaml")),
            key=lambda r: r["effective_from"],
        )
        self.solicitations: dict[str, dict[str, Any]] = {}
        for path in sorted((root / "solicitations").glob("*.yaml")):
            for n in read(path):
                n["_year"] = int(path.stem)
                self.solicitations[n["id"]] = n
        self.adjustments: list[dict[str, Any]] = []
        for path in sorted((root / "adjustments").glob("*.yaml")):
            for a in read(path):
                a["_year"] = int(path.stem)
                self.adjustments.append(a)
        self.submissions: list[dict[str, Any]] = []
        for path in sorted((root / "submissions").glob("*/*/*.yaml")):
            records = read(path)
            assert isinstance(records, list)
            assert records, f"{path} is empty"
            for s in records:
                s["_point"] = path.parent.name
                s["_year"] = int(path.parent.parent.name)
                s["_month"] = int(path.stem)
                self.submissions.append(s)

    def rule_on(self, day: dt.date) -> dict[str, Any]:
        found = None
        for rule in self.rules:
            if rule["effective_from"] <= day:
                found = rule
        assert found is not None, f"no rule set in force on {day}"
        return found

    def addressed(self, notice: dict[str, Any]) -> list[str]:
        if notice["points"] == "all":
            return [pid for pid, p in self.points.items() if holds(p, notice["issued"])]
        return list(notice["points"])

    def check_spec(self) -> None:
        pts = self.points
        for pid, p in pts.items():
            assert SLUG.match(pid), pid
            assert pid not in RESERVED
            assert p["kind"] in ("city", "county", "department")
            assert p["name"]
            assert isinstance(p["name"], str)
            assert set(p["tiers"]) <= {"provincial", "national"}
            assert len(set(p["tiers"])) == len(p["tiers"])
            if "parent" in p:
                assert pts[p["parent"]]["kind"] == "city"
            assert set(p["contact"]) == {"name", "phone"}
            assert all(isinstance(v, str) for v in p["contact"].values())
            dates = [ev["date"] for ev in p["history"]]
            assert dates == sorted(dates), f"{pid}: history out of order"
            assert any(ev["event"] == "admitted" for ev in p["history"])
            for ev in p["history"]:
                assert ev["event"] in (
                    "admitted",
                    "disqualified",
                    "reinstated",
                    "commended",
                    "retired",
                )
                assert ev.get("tier", "provincial") in p["tiers"]
                if ev["event"] in ("commended", "disqualified"):
                    assert isinstance(ev["year"], int)
        froms = [r["effective_from"] for r in self.rules]
        assert len(set(froms)) == len(froms)
        for r in self.rules:
            assert r["id"] == r["_file"]

        ids: Counter[str] = Counter()
        for n in self.solicitations.values():
            ids[n["id"]] += 1
            assert n["issued"].year == n["_year"]
            assert n["due"] >= n["issued"]
            assert n["topic"]
            if n["points"] != "all":
                assert n["points"]
                assert all(pid in pts for pid in n["points"])
                assert len(set(n["points"])) == len(n["points"])
        sub_ids = {s["id"] for s in self.submissions}
        for a in self.adjustments:
            ids[a["id"]] += 1
            assert a["point"] in pts
            assert a["date"].year == a["_year"]
            assert a["kind"] in ("emergency-omitted", "emergency-concealed", "inaccurate", "manual")
            assert a["reason"]
            if a["kind"] == "manual":
                assert isinstance(a["points"], int | float)
            if "submission" in a:
                assert a["submission"] in sub_ids
            self.rule_on(a["date"])
        for s in self.submissions:
            ids[s["id"]] += 1
            owner = s["_point"]
            assert owner in pts
            assert RECORD_ID.match(s["id"])
            day = s["date"]
            assert isinstance(day, dt.date)
            assert (day.year, day.month) == (s["_year"], s["_month"]), s["id"]
            assert isinstance(s["title"], str)
            assert 1 <= len(s["title"]) <= 200
            assert s["category"] in ("general", "research", "problem", "emergency", "opinion-list")
            co = s.get("co_submitters", [])
            assert owner not in co
            assert len(set(co)) == len(co)
            assert all(c in pts for c in co)
            if "solicitation" in s:
                notice = self.solicitations[s["solicitation"]]
                assert day >= notice["issued"]
                # Only points the notice addressed answer it (anything else is a warning).
                assert owner in self.addressed(notice)
            if s["category"] == "emergency":
                assert DATETIME.match(s["occurred_at"])
                assert DATETIME.match(s["reported_at"])
                assert s["occurred_at"] <= s["reported_at"]
                assert s["reported_at"][:10] == day.isoformat()
            else:
                assert "occurred_at" not in s
                assert "reported_at" not in s
            assert s["reviewer"]  # a missing reviewer is a warning
            assert s.get("classification", "internal") in ("public", "internal", "secret")
            assert set(s.get("flags", [])) <= {"inaccurate"}
            rule = self.rule_on(day)
            for a in s.get("adoptions", []):
                assert a["publication"] in rule["publications"], (s["id"], a["publication"])
                assert a["mode"] in ("single", "combined")
                assert day <= a["date"] <= day + dt.timedelta(days=366)
            for i in s.get("instructions", []):
                assert i["rank"] in ("state-council", "governor", "provincial-leader")
                assert i["leader"]
                assert day <= i["date"] <= day + dt.timedelta(days=366)
            known = {
                "id", "date", "title", "category", "co_submitters", "solicitation", "occurred_at",
                "reported_at", "reviewer", "classification", "adoptions", "instructions", "flags",
                "note", "_point", "_year", "_month",
            }  # fmt: skip
            assert set(s) <= known
        duplicates = [i for i, n in ids.items() if n > 1]
        assert not duplicates, duplicates


# --- the committed sample ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("sample") / "data"
    generate_sample(dest)
    return dest


@pytest.fixture(scope="module")
def sample() -> Folder:
    return Folder(SAMPLE)


@pytest.fixture(scope="module")
def sample_loaded() -> LoadResult:
    return load_folder(SAMPLE)


def test_sample_loads_without_a_single_problem(sample_loaded: LoadResult) -> None:
    assert [str(p) for p in sample_loaded.problems] == []
    assert sample_loaded.errors == 0
    assert sample_loaded.files == len(files_of(SAMPLE))


def test_sample_2003_ends_with_every_status(sample_loaded: LoadResult) -> None:
    result = score_year(sample_loaded.folder, 2003, dt.date(2003, 12, 31))
    status = {s.point.id: s.status for s in result.standings}
    counts = Counter(status.values())
    assert set(counts) == set(Status)
    assert counts[Status.COMMENDED] == 15
    assert counts[Status.DISQUALIFIED] == 5
    assert status["tumen"] is Status.LEFT
    assert status["hunchun"] is Status.EXEMPT  # admitted on 1 July: grace is inclusive
    assert status["changbai"] is Status.EXEMPT
    assert status["lishu"] is Status.RETAINED  # reinstated in March, not admitted
    # Commendation skips points with an inaccurate flag or a concealment in the year.
    excluded = [s for s in result.standings[:15] if s.excluded]
    assert excluded
    assert all(s.status is not Status.COMMENDED for s in excluded)
    # The weak points miss 12 clearly, the others pass it clearly: the outcome is robust.
    below = [s.score for s in result.standings if s.status is Status.DISQUALIFIED]
    above = [s.score for s in result.standings if s.status in (Status.RETAINED, Status.COMMENDED)]
    assert max(below) < 10 < 14 < min(above)


def test_sample_quarter_ends_show_every_kind_of_finding(sample_loaded: LoadResult) -> None:
    """A few points let an obligation slide or go quiet for weeks (jilin.py's lapses), so that
    ``overdue`` at the end of September and of December lists every kind of finding."""
    folder = sample_loaded.folder
    september = overdue_findings(folder, dt.date(2003, 9, 30))
    december = overdue_findings(folder, dt.date(2003, 12, 31))
    for findings in (september, december):
        assert {f.kind for f in findings} == set(FindingKind)

    def of(findings: list[Any], kind: FindingKind) -> set[tuple[str, str | None]]:
        return {(f.point, f.period) for f in findings if f.kind is kind}

    research = {("sft", "2003-Q1"), ("jyt", "2003-Q2"), ("slt", "2003-Q3"), ("wjj", "2003-Q3")}
    opinion = {("liaoyuan", "2003-05"), ("baishan", "2003-08")}
    assert of(september, FindingKind.RESEARCH_MISSING) == research
    assert of(september, FindingKind.OPINION_MISSING) == opinion
    assert of(december, FindingKind.RESEARCH_MISSING) == research | {("lyt", "2003-Q4")}
    assert of(december, FindingKind.OPINION_MISSING) == opinion | {("liaoyuan", "2003-11")}
    assert of(september, FindingKind.INACTIVE) == {("wjj", None)}
    assert of(december, FindingKind.INACTIVE) == {("linjiang", None)}
    # 省物价局 is quiet for 40-70 days around the end of September; 临江 from mid-November on.
    days: dict[str, list[dt.date]] = {}
    for s in folder.submissions:
        days.setdefault(s.point, []).append(s.date)
    before = max(d for d in days["wjj"] if d <= dt.date(2003, 9, 30))
    after = min(d for d in days["wjj"] if d > dt.date(2003, 9, 30))
    assert 40 <= (after - before).days <= 70
    assert (dt.date(2003, 9, 30) - before).days > 40
    assert 40 <= (dt.date(2003, 12, 31) - max(days["linjiang"])).days <= 70


def test_sample_is_the_committed_data_byte_for_byte(sample_copy: Path) -> None:
    made, committed = files_of(sample_copy), files_of(SAMPLE)
    assert sorted(made) == sorted(committed)
    different = [name for name in made if made[name] != committed[name]]
    assert not different, f"regenerate data/ with generate_sample: {different[:5]}"


def test_sample_follows_the_spec(sample: Folder) -> None:
    sample.check_spec()


def test_sample_registry(sample: Folder) -> None:
    pts = sample.points
    kinds = Counter(p["kind"] for p in pts.values())
    assert kinds["city"] == 9
    assert kinds["department"] >= 20
    assert kinds["county"] >= 12
    national = {p["short"] for p in pts.values() if "national" in p["tiers"]}
    assert national == {"长春", "吉林市", "四平", "通化", "白城", "松原", "延边州"}
    assert all(
        p["tiers"] == ["provincial", "national"] for p in pts.values() if "national" in p["tiers"]
    )
    assert "长春市" in pts["changchun"]["aliases"]
    assert "延边朝鲜族自治州" in pts["yanbian"]["aliases"]
    assert pts["fgw"]["short"] == "省发展改革委"
    assert all(p["parent"] for p in pts.values() if p["kind"] == "county")
    settings_ = read(SAMPLE / "govinfo.yaml")
    assert settings_["office"] == "吉林省人民政府办公厅"
    assert settings_["province"] == "吉林省"


def test_sample_rule_sets(sample: Folder) -> None:
    by_id = {r["id"]: r for r in sample.rules}
    assert set(by_id) == {"jl-2002", "jl-2003"}
    assert by_id["jl-2002"]["effective_from"] == dt.date(2002, 1, 1)
    assert by_id["jl-2003"]["effective_from"] == dt.date(2003, 4, 1)
    assert "jl-yqzb" not in by_id["jl-2002"]["publications"]
    assert by_id["jl-2003"]["publications"]["jl-yqzb"]["single"] == 2
    assert by_id["jl-2003"]["annual"]["grace_admitted_from"] == "07-01"
    # jl-2003 is SPEC §1's example, comments and alignment included.
    text = (SAMPLE / "rules" / "jl-2003.yaml").read_text(encoding="utf-8")
    assert (
        "  gb-xinxi:  {name: 国务院办公厅信息刊物, level: national,   single: 6, combined: 3}\n"
        in text
    )
    assert "grace_admitted_from: 07-01        # points admitted on or after this day" in text


def test_sample_2003_in_numbers(sample: Folder) -> None:
    subs = [s for s in sample.submissions if s["_year"] == 2003]
    assert 5000 <= len(subs) <= 8000
    adopted = sum(1 for s in subs if s.get("adoptions"))
    assert 0.20 <= adopted / len(subs) <= 0.35
    governor = [
        i
        for s in sample.submissions
        for i in s.get("instructions", [])
        if i["rank"] == "governor" and dt.date(2003, 1, 1) <= i["date"] <= dt.date(2003, 8, 15)
    ]
    assert len(governor) >= 70
    assert {i["leader"] for i in governor} == {"洪虎"}
    notices = [n for n in sample.solicitations.values() if n["_year"] == 2003]
    assert 55 <= len(notices) <= 65
    assert [n["id"] for n in notices][:2] == ["YG-2003-001", "YG-2003-002"]
    assert any(n["points"] == "all" for n in notices)
    requests = sum(len(sample.addressed(n)) for n in notices)
    assert 800 <= requests <= 900
    cats = Counter(s["category"] for s in subs)
    assert cats["opinion-list"] >= 60
    assert cats["research"] >= 100
    assert cats["emergency"] >= 20
    assert sum(1 for s in subs if s.get("classification") == "secret") >= 3
    assert sum(1 for s in subs if s.get("co_submitters")) >= 3
    assert sum(1 for s in subs if s.get("flags")) >= 3
    kinds = {a["kind"] for a in sample.adjustments}
    assert {"emergency-omitted", "manual", "inaccurate"} <= kinds
    assert any(a["kind"] == "manual" and a["points"] > 0 for a in sample.adjustments)


def test_sample_has_late_emergencies_and_late_answers(sample: Folder) -> None:
    late = 0
    for s in sample.submissions:
        if s["category"] != "emergency" or s["_year"] != 2003:
            continue
        took = dt.datetime.fromisoformat(s["reported_at"]) - dt.datetime.fromisoformat(
            s["occurred_at"]
        )
        late += took > dt.timedelta(minutes=sample.rule_on(s["date"])["emergency_deadline_minutes"])
    assert late >= 5
    answers = [s for s in sample.submissions if "solicitation" in s]
    on_time = [s for s in answers if s["date"] <= sample.solicitations[s["solicitation"]]["due"]]
    assert len(on_time) > 0.8 * len(answers) > 0
    assert len(answers) > len(on_time)


def test_sample_has_a_december_item_adopted_in_january(sample: Folder) -> None:
    assert any(
        s["date"].year == 2002 and s["date"].month == 12 and a["date"].year == 2003
        for s in sample.submissions
        for a in s.get("adoptions", [])
    )


def test_sample_lives_behind_each_status(sample: Folder) -> None:
    """The registry history that makes left and exempt possible (the scores decide the rest)."""
    pts = sample.points
    for p in pts.values():
        assert any(ev["event"] == "admitted" for ev in p["history"])
    year = (dt.date(2003, 1, 1), dt.date(2003, 12, 31))
    retired = [
        pid
        for pid, p in pts.items()
        if any(ev["event"] == "retired" and year[0] <= ev["date"] <= year[1] for ev in p["history"])
    ]
    assert retired
    assert not any(holds(pts[pid], year[1]) for pid in retired)
    late_admitted = [
        pid
        for pid, p in pts.items()
        if any(
            ev["event"] == "admitted" and ev.get("tier", "provincial") == "provincial"
            and ev["date"] >= dt.date(2003, 7, 1)
            for ev in p["history"]
        )
    ]  # fmt: skip
    assert len(late_admitted) >= 1
    assert sum(1 for p in pts.values() if p["history"][0]["date"] <= dt.date(2001, 1, 1)) > 40
    # Points that submit nothing before admission or after retirement.
    for s in sample.submissions:
        assert holds(pts[s["_point"]], s["date"]), s["id"]


# --- synthetic folders ------------------------------------------------------------------------


def test_same_seed_same_bytes_other_seed_other_folder(tmp_path: Path) -> None:
    args = {"points": 15, "submissions": 400, "years": 2}
    generate(tmp_path / "a", seed=7, **args)
    generate(tmp_path / "b", seed=7, **args)
    generate(tmp_path / "c", seed=8, **args)
    a, b, c = (files_of(tmp_path / x) for x in "abc")
    assert a == b
    assert a != c


def test_small_scale_smoke(tmp_path: Path) -> None:
    result = generate(tmp_path / "d", seed=1, points=50, submissions=2000, years=2, first_year=2010)
    assert result.submissions == 4000
    assert result.by_year == {2010: 2000, 2011: 2000}
    assert result.points == 50
    folder = Folder(tmp_path / "d")
    folder.check_spec()
    loaded = load_folder(tmp_path / "d")
    assert [str(p) for p in loaded.problems] == []
    assert len(loaded.folder.submissions) == 4000
    assert len(folder.submissions) == 4000
    assert len(folder.points) == 50
    assert {r["id"] for r in folder.rules} == {"default", "revised-2011"}
    assert Counter(s["_year"] for s in folder.submissions) == {2010: 2000, 2011: 2000}
    assert any(s.get("adoptions") for s in folder.submissions)


@settings(max_examples=8, deadline=None)
@given(
    seed=st.integers(0, 2**32),
    points=st.integers(1, 14),
    submissions=st.integers(0, 150),
    years=st.integers(1, 2),
)
@example(seed=27094, points=1, submissions=1, years=1)  # its one point retired before the year
@example(seed=851181, points=1, submissions=1, years=2)  # … and left in the first of two years
def test_any_generated_folder_follows_the_spec(
    tmp_path_factory: pytest.TempPathFactory, seed: int, points: int, submissions: int, years: int
) -> None:
    dest = tmp_path_factory.mktemp("gen")
    result = generate(dest / "f", seed=seed, points=points, submissions=submissions, years=years)
    folder = Folder(dest / "f")
    folder.check_spec()
    loaded = load_folder(dest / "f")
    assert [str(p) for p in loaded.problems] == []
    # Every record's source points at its own `id:` line.
    lines: dict[str, list[str]] = {}
    records = [*loaded.folder.points, *loaded.folder.submissions, *loaded.folder.solicitations]
    for rec in records:
        path = rec.source.path
        if path not in lines:
            lines[path] = (dest / "f" / path).read_text(encoding="utf-8").splitlines()
        line = lines[path][rec.source.line - 1]
        assert line[rec.source.col - 1 :].startswith(f"id: {rec.id}") or line[
            rec.source.col - 1 :
        ].startswith(f"id: '{rec.id}'")
    assert len(folder.submissions) == result.submissions == submissions * years
    assert len(folder.points) == points


def test_records_stay_in_their_month(tmp_path: Path) -> None:
    generate(tmp_path / "m", seed=3, points=6, submissions=300, years=1, first_year=2004)
    for path in (tmp_path / "m" / "submissions" / "2004").glob("*/*.yaml"):
        month = int(path.stem)
        last = calendar.monthrange(2004, month)[1]
        for s in read(path):
            assert dt.date(2004, month, 1) <= s["date"] <= dt.date(2004, month, last)


def test_refuses_a_non_empty_destination(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "keep.txt").write_text("clerk's file", encoding="utf-8")
    with pytest.raises(GovinfoError, match="x"):
        generate(tmp_path / "x", seed=1, points=3, submissions=10, years=1)
    assert [p.name for p in (tmp_path / "x").iterdir()] == ["keep.txt"]
    with pytest.raises(GovinfoError):
        generate_sample(tmp_path / "x")


def test_an_existing_empty_destination_is_fine(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    generate(tmp_path / "empty", seed=1, points=3, submissions=10, years=1)
    assert (tmp_path / "empty" / "govinfo.yaml").is_file()


@pytest.mark.parametrize(
    "kwargs",
    [
        {"points": 0, "submissions": 10, "years": 1},
        {"points": 5, "submissions": -1, "years": 1},
        {"points": 5, "submissions": 10, "years": 0},
        {"points": 5, "submissions": 10, "years": 1, "first_year": 1900},
    ],
)
def test_bad_sizes_are_usage_errors(tmp_path: Path, kwargs: dict[str, int]) -> None:
    with pytest.raises(UsageError):
        generate(tmp_path / "u", seed=1, **kwargs)
    assert not (tmp_path / "u").exists()


def test_unknown_sample_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="jilin-2003"):
        generate_sample(tmp_path / "s", "hebei-2004")
