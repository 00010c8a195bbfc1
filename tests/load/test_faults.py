"""Each planted fault is reported at its exact path:line:col, all of them in one run."""

from __future__ import annotations

from pathlib import Path

import pytest

from govinfo.load import WorkingTree, load_folder
from govinfo.load.folder import scan_folder
from tests.support.folders import MakeFolder

SUB = "submissions/2003/changchun/08.yaml"

GOOD_SUB = """\
- id: cc-2003-0001
  date: 2003-08-14
  title: 长春市推进老工业基地调整改造
  category: research
  reviewer: 张三
  adoptions:
    - {publication: jl-zwxx, date: 2003-08-20, mode: single, issue: 第 88 期}
  instructions:
    - {leader: 洪虎, rank: governor, date: 2003-08-25}
"""


def problems_of(root: Path) -> list[tuple[str, int, int, str]]:
    result = load_folder(root)
    found = [(p.path, p.line, p.col, p.severity.value) for p in result.problems]
    # check streams year by year: it must find exactly what a whole load finds.
    scanned = scan_folder(WorkingTree(root))
    assert scanned.problems == result.problems
    assert (scanned.files, scanned.records) == (result.files, result.records)
    return found


def test_valid_folder_has_no_problems(make_folder: MakeFolder) -> None:
    root = make_folder({SUB: GOOD_SUB})
    result = load_folder(root)
    assert result.problems == []
    assert len(result.folder.submissions) == 1
    sub = result.folder.submissions[0]
    assert sub.point == "changchun"
    assert sub.source.line == 1
    assert sub.adoptions[0].issue == "第 88 期"


CASES: list[tuple[str, dict[str, str | bytes], list[tuple[str, int, int, str]]]] = [
    (
        "not-yaml",
        {SUB: "- id: a\n  title: [unclosed\n- id: b\n"},
        # where the bracket opened, not where YAML gave up: the message says “[” is never closed
        [(SUB, 2, 10, "error")],
    ),
    (
        "python-tag",
        {SUB: GOOD_SUB + "  note: !!python/object/apply:os.system ['touch PWNED']\n"},
        [(SUB, 10, 9, "error")],
    ),
    (
        "anchor-alias",
        {SUB: GOOD_SUB.replace("reviewer: 张三", "reviewer: &r 张三") + "  note: *r\n"},
        [(SUB, 5, 13, "error"), (SUB, 10, 9, "error")],
    ),
    (
        "duplicate-key",
        {SUB: GOOD_SUB + "  title: 又一个标题\n"},
        [(SUB, 10, 3, "error")],
    ),
    (
        "id-number",
        {
            "points.yaml": "- id: 010\n  name: x\n  kind: city\n  tiers: [provincial]\n  history: []\n"
        },
        [("points.yaml", 1, 7, "error")],
    ),
    (
        "mode-no",
        {SUB: GOOD_SUB.replace("mode: single", "mode: no")},
        [(SUB, 7, 54, "error")],
    ),
    (
        "number-for-text",
        {SUB: GOOD_SUB.replace("title: 长春市推进老工业基地调整改造", "title: 2003")},
        [(SUB, 3, 10, "error")],
    ),
    (
        "impossible-date",
        {"submissions/2003/changchun/02.yaml": GOOD_SUB.replace("2003-08-14", "2003-02-30")},
        [("submissions/2003/changchun/02.yaml", 2, 9, "error")],
    ),
    (
        "missing-required",
        {SUB: GOOD_SUB.replace("  category: research\n", "")},
        [(SUB, 1, 3, "error")],
    ),
    (
        "unknown-field",
        {SUB: GOOD_SUB + "  titel: x\n"},
        [(SUB, 10, 3, "warning")],
    ),
    (
        "unknown-co-submitter",
        {SUB: GOOD_SUB + "  co_submitters: [siping, tonghua]\n"},
        [(SUB, 10, 27, "error")],
    ),
    (
        "unknown-publication",
        {SUB: GOOD_SUB.replace("publication: jl-zwxx", "publication: jl-xxx")},
        [(SUB, 7, 21, "error")],
    ),
    (
        "unknown-solicitation",
        {SUB: GOOD_SUB + "  solicitation: YG-2003-999\n"},
        [(SUB, 10, 17, "error")],
    ),
    (
        "unknown-rank",
        {SUB: GOOD_SUB.replace("rank: governor", "rank: mayor")},
        [(SUB, 9, 26, "error")],
    ),
    (
        "duplicate-id-across-files",
        {SUB: GOOD_SUB, "submissions/2003/siping/09.yaml": GOOD_SUB.replace("08-", "09-")},
        [("submissions/2003/siping/09.yaml", 1, 3, "error")],
    ),
    (
        "wrong-month-file",
        {"submissions/2003/changchun/07.yaml": GOOD_SUB},
        [("submissions/2003/changchun/07.yaml", 2, 9, "error")],
    ),
    (
        "unknown-point-folder",
        {"submissions/2003/tonghua/08.yaml": GOOD_SUB},
        [("submissions/2003/tonghua/08.yaml", 1, 1, "error")],
    ),
    (
        "adoption-before-submission",
        {SUB: GOOD_SUB.replace("date: 2003-08-20", "date: 2003-08-01")},
        [(SUB, 7, 36, "error")],
    ),
    (
        "emergency-without-times",
        {SUB: GOOD_SUB.replace("category: research", "category: emergency")},
        [(SUB, 1, 3, "error"), (SUB, 1, 3, "error")],
    ),
    (
        "no-rule-set",
        {
            "submissions/1999/changchun/08.yaml": GOOD_SUB.replace("2003-08", "1999-08"),
        },
        [("submissions/1999/changchun/08.yaml", 2, 9, "error")],
    ),
    (
        "unknown-adjustment-submission",
        {
            "adjustments/2003.yaml": "- id: adj-1\n  point: siping\n  date: 2003-05-01\n"
            "  kind: manual\n  points: 2\n  reason: 表扬\n  submission: nope-1\n"
        },
        [("adjustments/2003.yaml", 7, 15, "error")],
    ),
    (
        "file-not-list",
        {SUB: "id: x\n"},
        [(SUB, 1, 1, "error")],
    ),
    (
        "empty-file",
        {SUB: ""},
        [(SUB, 1, 1, "warning")],
    ),
    (
        "misplaced-file",
        {"submissions/2003/changchun/13.yaml": GOOD_SUB},
        [("submissions/2003/changchun/13.yaml", 1, 1, "error")],
    ),
    (
        "invalid-utf8",
        {SUB: GOOD_SUB.encode() + b"  note: \xff\xfe\n"},
        [(SUB, 10, 9, "error")],
    ),
    (  # the first copy, left out for its bad field, still holds its id
        "duplicate-id-of-a-record-with-an-error",
        {SUB: GOOD_SUB.replace("rank: governor", "rank: mayor") + GOOD_SUB},
        [(SUB, 9, 26, "error"), (SUB, 10, 3, "error")],
    ),
    (
        "duplicate-point-id-of-a-point-with-an-error",
        {
            "points.yaml": "- id: baicheng\n  name: 白城\n  kind: citty\n  tiers: [provincial]\n"
            "  history:\n    - {date: 2001-01-01, event: admitted}\n"
            "- id: baicheng\n  name: 白城市\n  kind: city\n  tiers: [provincial]\n"
            "  history:\n    - {date: 2001-01-01, event: admitted}\n"
        },
        [("points.yaml", 3, 9, "error"), ("points.yaml", 7, 3, "error")],
    ),
    (
        "history-tier-unlisted",
        {
            "points.yaml": "- id: baicheng\n  name: 白城\n  kind: city\n  tiers: [provincial]\n"
            "  history:\n    - {date: 2001-01-01, event: admitted, tier: national}\n"
        },
        [("points.yaml", 6, 49, "error")],
    ),
]


@pytest.mark.parametrize(("files", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_fault_reported_at_exact_position(
    make_folder: MakeFolder,
    files: dict[str, str | bytes],
    expected: list[tuple[str, int, int, str]],
) -> None:
    root = make_folder(files)
    assert problems_of(root) == expected


def test_every_planted_fault_in_one_run(make_folder: MakeFolder) -> None:
    """A dozen faults, each in a month file of its own, all reported in one run."""
    files: dict[str, str | bytes] = {}
    expected: list[tuple[str, int, int, str]] = []
    month = 0
    for _name, case_files, case_expected in CASES:
        if list(case_files) != [SUB] or isinstance(case_files[SUB], bytes) or month == 12:
            continue
        month += 1
        path = SUB.replace("08.yaml", f"{month:02d}.yaml")
        content = case_files[SUB]
        assert isinstance(content, str)
        files[path] = content.replace("2003-08-", f"2003-{month:02d}-").replace(
            "cc-2003-0001", f"cc-2003-{month:04d}"
        )
        expected += [(path, line, col, sev) for _, line, col, sev in case_expected]
    assert month == 12
    root = make_folder(files)
    assert problems_of(root) == sorted(expected)


def test_tag_is_never_executed(make_folder: MakeFolder, tmp_path: Path) -> None:
    marker = tmp_path / "PWNED"
    payload = f"- !!python/object/apply:os.system ['touch {marker}']\n"
    root = make_folder({SUB: payload})
    problems = problems_of(root)
    assert (SUB, 1, 3, "error") in problems
    assert not marker.exists()


def test_bad_format_refuses_whole_folder(make_folder: MakeFolder) -> None:
    from govinfo.errors import DataError

    root = make_folder({"govinfo.yaml": "format: 2\n"})
    with pytest.raises(DataError, match="format"):
        load_folder(root)


def test_alias_bomb_is_not_expanded(make_folder: MakeFolder) -> None:
    lines = ['- id: x\n  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n']
    prev = "a"
    for i in range(9):
        name = f"b{i}"
        lines.append(
            f"  {name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"
        )
        prev = name
    root = make_folder({SUB: "".join(lines)})
    problems = problems_of(root)
    assert any(p[3] == "error" for p in problems)


def test_deep_nesting_is_refused(make_folder: MakeFolder) -> None:
    # libyaml stops flow nesting itself (at its own limit, at its own position) ...
    root = make_folder({SUB: "[" * 10_000 + "]" * 10_000 + "\n"})
    problems = problems_of(root)
    assert [(p[0], p[1], p[3]) for p in problems] == [(SUB, 1, "error")]
    # ... and block nesting stops at 64 levels, at the first node too deep.
    deep = "".join("  " * i + "- \n" for i in range(70)) + "  " * 70 + "- x\n"
    root = make_folder({SUB: deep})
    assert problems_of(root) == [(SUB, 65, 129, "error")]


def test_size_limit(make_folder: MakeFolder, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOVINFO_MAX_FILE_MB", "0.001")
    root = make_folder({SUB: GOOD_SUB * 20})
    assert (SUB, 1, 1, "error") in problems_of(root)


def _messages(root: Path, lang: str) -> list[str]:
    from govinfo.i18n import set_lang

    set_lang(lang)
    try:
        return [str(p) for p in load_folder(root).problems]
    finally:
        set_lang("zh")


def test_an_adoption_s_and_an_instruction_s_date_are_named_as_such(
    make_folder: MakeFolder,
) -> None:
    """Both are written ``date``, as is the submission's own: the message says which it is."""
    root = make_folder({SUB: GOOD_SUB.replace("date: 2003-08-14", "date: 2003-08-28")})
    assert _messages(root, "zh") == [
        f"{SUB}:7:36: error: 采用日期 date：2003-08-20 早于信息报送日期 2003-08-28",
        f"{SUB}:9:42: error: 批示日期 date：2003-08-25 早于信息报送日期 2003-08-28",
    ]
    assert _messages(root, "en") == [
        f"{SUB}:7:36: error: adoption date (date): 2003-08-20 is before the submission's date"
        " 2003-08-28",
        f"{SUB}:9:42: error: instruction date (date): 2003-08-25 is before the submission's date"
        " 2003-08-28",
    ]
    late = GOOD_SUB.replace("date: 2003-08-25", "date: 2004-09-25")
    assert _messages(make_folder({SUB: late}, name="late"), "zh") == [
        f"{SUB}:9:42: error: 批示日期 date：2004-09-25 比信息报送日期 2003-08-14 晚了 366 天以上"
    ]


@pytest.mark.parametrize(
    ("written", "fix"),
    [
        ("2003-8-14", "（应写作 2003-08-14）"),
        ("2003/8/14", "（应写作 2003-08-14）"),
        ("2003.08.14", "（应写作 2003-08-14）"),
        ("2003-2-30", ""),  # no such day: no fix to offer
        ("2003-08-14T09:00", ""),  # a date-time where a date goes: not a spelling slip
        ("20030814", ""),
    ],
)
def test_a_date_spelt_otherwise_offers_the_fix(
    make_folder: MakeFolder, written: str, fix: str
) -> None:
    root = make_folder({SUB: GOOD_SUB.replace("date: 2003-08-14", f"date: {written}")})
    assert _messages(root, "zh") == [
        f"{SUB}:2:9: error: date：{written} 不是 YYYY-MM-DD 格式的日期{fix}"
    ]


def test_a_date_time_spelt_otherwise_offers_the_fix(make_folder: MakeFolder) -> None:
    times = "  occurred_at: 2003-8-14T7:30\n  reported_at: 2003-08-14T09:00\n"
    root = make_folder({SUB: GOOD_SUB.replace("  reviewer:", times + "  reviewer:")})
    assert _messages(root, "en") == [
        f"{SUB}:5:16: error: occurred_at: 2003-8-14T7:30 is not a YYYY-MM-DDTHH:MM date-time"
        " (write it as 2003-08-14T07:30)"
    ]
