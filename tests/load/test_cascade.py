"""One bad field of a record that other files name is one problem, at the field: the record's id
is still known, so the references to it elsewhere are not errors too."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from govinfo import defaults
from govinfo.i18n import set_lang
from govinfo.load import WorkingTree, load_folder
from govinfo.load.folder import scan_folder
from govinfo.load.parsecache import ParseCache
from tests.support.aging import age, wait_out_ctime
from tests.support.folders import BASE_POINTS, MakeFolder

Found = list[tuple[str, int, int, str]]


def _sub(sub_id: str, day: str, extra: str = "") -> str:
    return (
        f"- id: {sub_id}\n  date: {day}\n  title: 第{sub_id}条信息\n  category: general\n"
        f"  reviewer: 张三\n{extra}"
    )


# Every kind of reference to changchun and to the two solicitations: the file's folder, a
# co-submitter, an adjustment, a solicitation's addressees, answers to a listed and to an
# ``all`` solicitation.
REFERENCES: dict[str, str | bytes] = {
    "solicitations/2003.yaml": (
        "- id: YG-1\n  issued: 2003-03-01\n  due: 2003-03-20\n  topic: 再就业\n"
        "  points: [changchun, siping]\n"
        "- id: YG-2\n  issued: 2003-03-01\n  due: 2003-03-25\n  topic: 税费改革\n  points: all\n"
    ),
    "submissions/2003/changchun/03.yaml": (
        _sub("cc-1", "2003-03-10", "  solicitation: YG-1\n")
        + _sub("cc-2", "2003-03-11", "  solicitation: YG-2\n")
    ),
    "submissions/2003/changchun/04.yaml": _sub("cc-3", "2003-04-02"),
    "submissions/2003/siping/03.yaml": _sub(
        "sp-1", "2003-03-12", "  co_submitters: [changchun]\n  solicitation: YG-2\n"
    ),
    "adjustments/2003.yaml": (
        "- id: adj-1\n  point: changchun\n  date: 2003-05-01\n  kind: inaccurate\n"
        "  reason: 失实\n  submission: cc-3\n"
    ),
}


def problems_of(root: Path) -> Found:
    result = load_folder(root)
    scanned = scan_folder(WorkingTree(root))  # check streams: the same problems
    assert scanned.problems == result.problems
    return [(p.path, p.line, p.col, p.severity.value) for p in result.problems]


def messages_of(root: Path, lang: str = "zh") -> list[str]:
    set_lang(lang)
    try:
        return [str(p) for p in load_folder(root).problems]
    finally:
        set_lang("zh")


def test_the_references_alone_are_clean(make_folder: MakeFolder) -> None:
    assert problems_of(make_folder(REFERENCES)) == []


@pytest.mark.parametrize(
    ("old", "new", "at"),
    [
        ('phone: "0431-88900001"', "phone: 13498696491", (7, 30)),  # a number, not text
        ("kind: city", "kind: City", (5, 9)),
        ("{date: 2001-01-01, event: admitted}", "{date: 2001-01-01, event: admited}", (9, 33)),
        ("{date: 2001-01-01, event: admitted}", "{date: 2001-02-30, event: admitted}", (9, 14)),
    ],
    ids=["phone-number", "kind-enum", "history-event", "history-date"],
)
def test_a_bad_field_of_a_point_is_one_error(
    make_folder: MakeFolder, old: str, new: str, at: tuple[int, int]
) -> None:
    points = BASE_POINTS.replace(old, new, 1)
    assert points != BASE_POINTS
    root = make_folder({**REFERENCES, "points.yaml": points})
    assert problems_of(root) == [("points.yaml", *at, "error")]


@pytest.mark.parametrize(
    ("old", "new", "at"),
    [
        ("due: 2003-03-20", "due: 2003-02-20", (3, 8)),  # before issued
        ("due: 2003-03-20", "due: 2003-02-30", (3, 8)),  # no such day
        ("issued: 2003-03-01\n  due: 2003-03-20", "issued: 2002-03-01\n  due: 2003-03-20", (2, 11)),
        ("points: [changchun, siping]", "points: [changchun, changchun]", (5, 11)),
    ],
    ids=["due-before-issued", "impossible-date", "issued-other-year", "addressee-repeat"],
)
def test_a_bad_field_of_a_solicitation_is_one_error(
    make_folder: MakeFolder, old: str, new: str, at: tuple[int, int]
) -> None:
    sols = str(REFERENCES["solicitations/2003.yaml"])
    assert old in sols
    root = make_folder({**REFERENCES, "solicitations/2003.yaml": sols.replace(old, new, 1)})
    assert problems_of(root) == [("solicitations/2003.yaml", *at, "error")]


def test_an_adjustment_naming_a_bad_submission_is_not_an_error(make_folder: MakeFolder) -> None:
    bad = _sub("cc-3", "2003-04-02").replace("category: general", "category: generl")
    root = make_folder({**REFERENCES, "submissions/2003/changchun/04.yaml": bad})
    assert problems_of(root) == [("submissions/2003/changchun/04.yaml", 4, 13, "error")]


def test_a_registry_of_one_bad_point_still_judges_references(make_folder: MakeFolder) -> None:
    # Every point of the file left out, each with its id read: the ids are known, so an
    # unknown point is still found (a registry that cannot be read at all judges nothing).
    one = BASE_POINTS.split("- id: siping")[0].replace("kind: city", "kind: City")
    root = make_folder({**REFERENCES, "points.yaml": one})
    assert problems_of(root) == [
        ("points.yaml", 5, 9, "error"),
        ("solicitations/2003.yaml", 5, 23, "error"),  # siping, now unregistered
        ("submissions/2003/siping/03.yaml", 1, 1, "error"),  # its folder
    ]


def test_a_point_without_a_readable_id_names_each_unknown_id_once(
    make_folder: MakeFolder,
) -> None:
    points = BASE_POINTS.replace("- id: changchun", "- idd: changchun", 1)
    root = make_folder({**REFERENCES, "points.yaml": points})
    assert problems_of(root) == [
        # The first reference in path order, standing for the 4 others.
        ("adjustments/2003.yaml", 2, 10, "error"),
        ("points.yaml", 1, 3, "warning"),  # unknown field idd
        ("points.yaml", 1, 3, "error"),  # no id
    ]
    assert messages_of(root, "en")[0] == (
        "adjustments/2003.yaml:2:10: error: changchun is not a registered point (4 more"
        " references to it are not listed: a record in points.yaml has no readable id;"
        " correct that first)"
    )
    # A typo elsewhere is still reported, once too.
    root = make_folder(
        {
            **REFERENCES,
            "points.yaml": points,
            "submissions/2003/siping/04.yaml": _sub(
                "sp-2", "2003-04-01", "  co_submitters: [fwg]\n"
            ),
        },
        name="typo",
    )
    assert [m for m in messages_of(root) if "fwg" in m] == [
        "submissions/2003/siping/04.yaml:6:19: error: fwg 不是已登记的直报点，是不是 fgw？"
    ]


def test_an_unknown_id_standing_for_several_references_has_no_did_you_mean(
    make_folder: MakeFolder,
) -> None:
    """changchun is unknown because its record's id cannot be read, not for a typo: the one
    error standing for its 5 references does not suggest the registered changchn."""
    points = BASE_POINTS.replace("- id: changchun", "- idd: changchun", 1).replace(
        "- id: fgw", "- id: changchn", 1
    )
    root = make_folder({**REFERENCES, "points.yaml": points})
    zh = [m for m in messages_of(root) if "changchun 不是" in m]
    assert zh == [
        "adjustments/2003.yaml:2:10: error: changchun 不是已登记的直报点（另有 4 处引用同一编号，"
        "不再逐一列出：points.yaml 中有记录读不出编号，请先改正）"
    ]
    en = [m for m in messages_of(root, "en") if "changchun is" in m]
    assert en == [
        "adjustments/2003.yaml:2:10: error: changchun is not a registered point (4 more"
        " references to it are not listed: a record in points.yaml has no readable id;"
        " correct that first)"
    ]
    # Named once, it is told as any unknown id: with the close one.
    one = {k: v for k, v in REFERENCES.items() if k == "submissions/2003/siping/03.yaml"}
    root = make_folder({**one, "points.yaml": points}, name="once")
    assert [m for m in messages_of(root) if "changchun 不是" in m] == [
        "submissions/2003/siping/03.yaml:6:19: error: changchun 不是已登记的直报点，是不是 changchn？"
    ]


def test_a_solicitation_without_a_readable_id(make_folder: MakeFolder) -> None:
    sols = str(REFERENCES["solicitations/2003.yaml"]).replace("- id: YG-1", "- id: [YG-1]")
    root = make_folder({**REFERENCES, "solicitations/2003.yaml": sols})
    assert problems_of(root) == [
        ("solicitations/2003.yaml", 1, 7, "error"),
        ("submissions/2003/changchun/03.yaml", 6, 17, "error"),  # the one answer to YG-1
    ]


def test_a_warm_parse_cache_judges_references_against_the_registry_as_it_is(
    make_folder: MakeFolder, tmp_path: Path
) -> None:
    # The submission files come from the cache with their references; the registry, edited
    # since, is parsed again and never stored while it has a problem.
    root = make_folder(REFERENCES)
    age(root)
    packs = tmp_path / "cache"
    assert load_folder(WorkingTree(root), cache=ParseCache(root, packs)).problems == []
    points = root / "points.yaml"
    points.write_text(BASE_POINTS.replace("kind: city", "kind: City", 1), encoding="utf-8")
    os.utime(points, (1_000_000_100, 1_000_000_100))
    wait_out_ctime()
    for _ in range(2):  # the second run as the first: nothing of the bad registry was kept
        warm = ParseCache(root, packs)
        result = load_folder(WorkingTree(root), cache=warm)
        assert warm.hits == 6  # the rule set and every file but the registry
        assert [(p.path, p.line, p.col) for p in result.problems] == [("points.yaml", 5, 9)]
        scanned = scan_folder(WorkingTree(root), cache=ParseCache(root, packs))
        assert scanned.problems == result.problems


def test_a_mistyped_addressee_does_not_make_the_answers_unaddressed(
    make_folder: MakeFolder,
) -> None:
    """siping mistyped in YG-1's addressees is one error, at the addressee: siping's answer to
    YG-1 is not also told "not addressed" (it is judged once the list is fixed)."""
    sols = str(REFERENCES["solicitations/2003.yaml"])
    answer = _sub("sp-2", "2003-03-13", "  solicitation: YG-1\n")
    files = {**REFERENCES, "submissions/2003/siping/04.yaml": answer.replace("03-13", "04-01")}
    root = make_folder({**files, "solicitations/2003.yaml": sols.replace("siping]", "sipnig]")})
    assert messages_of(root) == [
        "solicitations/2003.yaml:5:23: error: sipnig 不是已登记的直报点，是不是 siping？"
    ]
    # Spelled right but without siping, the answer is told: it was not addressed.
    root = make_folder(
        {**files, "solicitations/2003.yaml": sols.replace(", siping]", "]")}, name="without"
    )
    assert messages_of(root, "en") == [
        "submissions/2003/siping/04.yaml:6:17: warning: solicitation: YG-1 was not addressed"
        " to siping; no solicitation multiplier"
    ]


def test_a_mistyped_definition_is_said_at_the_first_reference(
    make_folder: MakeFolder,
) -> None:
    """changchun registered as changchn: its 5 references name an unknown id, and changchn is
    named by nothing — one mistake in the registry. Every reference is still an error at its
    value (SPEC: every problem, in one run), none with "did you mean changchn" (which would
    send the clerk to change the 5 references), and the first says where the mistake is."""
    points = BASE_POINTS.replace("- id: changchun", "- id: changchn", 1)
    root = make_folder({**REFERENCES, "points.yaml": points})
    said = messages_of(root)
    assert said[0] == (
        "adjustments/2003.yaml:2:10: error: changchun 不是已登记的直报点（另有 4 处引用同一编号，"
        "下面逐一列出：points.yaml 中登记的 changchn 无一处引用，多半是那里写错了，请先核对）"
    )
    assert len(said) == 5
    assert all(m.endswith("changchun 不是已登记的直报点") for m in said[1:]), said
    assert messages_of(root, "en")[0] == (
        "adjustments/2003.yaml:2:10: error: changchun is not a registered point (4 more"
        " references to it follow: changchn, defined in points.yaml, is named nowhere,"
        " so it is most likely mistyped there; check that first)"
    )
    # A solicitation's id, a publication of the rule set: the same.
    sols = str(REFERENCES["solicitations/2003.yaml"]).replace("id: YG-2", "id: YG-02")
    answers = {
        "submissions/2003/changchun/05.yaml": _sub("cc-5", "2003-05-02", ADOPTED),
        "submissions/2003/siping/05.yaml": _sub("sp-5", "2003-05-03", ADOPTED),
    }
    rules = defaults.DEFAULT_RULES_YAML.replace("  jl-zwxx:", "  jl-zwx: ", 1)
    root = make_folder(
        {**REFERENCES, **answers, "solicitations/2003.yaml": sols, "rules/default.yaml": rules},
        name="others",
    )
    found = problems_of(root)
    assert ("submissions/2003/changchun/03.yaml", 12, 17, "error") in found  # YG-2
    assert ("submissions/2003/changchun/05.yaml", 7, 21, "error") in found  # jl-zwxx
    assert len(found) == 4  # each of the two named twice
    said = messages_of(root)
    assert any("solicitations/2003.yaml 中登记的 YG-02 无一处引用" in m for m in said), said
    assert any("rules/default.yaml 中登记的 jl-zwx 无一处引用" in m for m in said), said
    assert not [m for m in said if "是不是" in m], said
    # A load of some years only (score, explain) cannot know that changchn is named nowhere:
    # each reference is told as it is.
    points_only = make_folder({**REFERENCES, "points.yaml": points}, name="partial")
    partial = [str(p) for p in load_folder(points_only, years=[2003]).problems]
    assert partial
    assert not [m for m in partial if "无一处引用" in m], partial


ADOPTED = "  adoptions:\n    - {publication: jl-zwxx, date: 2003-05-09, mode: single}\n"


def test_a_mistyped_reference_is_told_at_each_reference(make_folder: MakeFolder) -> None:
    """The id close to the unknown one is named elsewhere, so it is not the mistake: every
    reference is told, with its "did you mean"."""
    files = {
        **REFERENCES,
        "submissions/2003/siping/04.yaml": _sub("sp-2", "2003-04-01", "  co_submitters: [fgww]\n")
        + _sub("sp-3", "2003-04-02", "  co_submitters: [fgww]\n"),
        "submissions/2003/fgw/04.yaml": _sub("fg-1", "2003-04-03"),
    }
    assert messages_of(make_folder(files)) == [
        "submissions/2003/siping/04.yaml:6:19: error: fgww 不是已登记的直报点，是不是 fgw？",
        "submissions/2003/siping/04.yaml:12:19: error: fgww 不是已登记的直报点，是不是 fgw？",
    ]
