"""The words the tables print are accepted as input, and a point not found gets "did you mean"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govinfo.cli.words import parse_finding_kind, parse_point_kind
from govinfo.importers.values import parse_category
from govinfo.model import Category, PointKind
from govinfo.reports.overdue import FindingKind
from tests.support.cli import run_cli as run
from tests.support.folders import MakeFolder


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("市州", PointKind.CITY),
        ("city", PointKind.CITY),
        ("City", PointKind.CITY),
        ("县市区", PointKind.COUNTY),
        ("ｃｏｕｎｔｙ", PointKind.COUNTY),
        ("省直部门", PointKind.DEPARTMENT),
        ("department", PointKind.DEPARTMENT),
    ],
)
def test_point_kinds(word: str, kind: PointKind) -> None:
    assert parse_point_kind(word) is kind


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("约稿逾期", FindingKind.SOLICITATION_OVERDUE),
        ("solicitation overdue", FindingKind.SOLICITATION_OVERDUE),
        ("solicitation-overdue", FindingKind.SOLICITATION_OVERDUE),
        ("突发信息迟报", FindingKind.EMERGENCY_LATE),
        ("emergency late", FindingKind.EMERGENCY_LATE),
        ("长期不报", FindingKind.INACTIVE),
        ("舆情清单未报", FindingKind.OPINION_MISSING),
        ("research missing", FindingKind.RESEARCH_MISSING),
    ],
)
def test_finding_types(word: str, kind: FindingKind) -> None:
    assert parse_finding_kind(word) is kind


@pytest.mark.parametrize(
    ("word", "category"),
    [("舆情清单", Category.OPINION_LIST), ("opinion list", Category.OPINION_LIST)],
)
def test_categories_as_printed(word: str, category: Category) -> None:
    assert parse_category(word) is category


SUB = """\
- id: changchun-2003-0001
  date: 2003-08-14
  title: 长春市再就业工作调研
  category: research
"""


@pytest.fixture
def root(make_folder: MakeFolder) -> Path:
    return make_folder({"submissions/2003/changchun/08.yaml": SUB})


def test_kind_words_on_the_command_line(root: Path, runner: CliRunner) -> None:
    by_id = [
        p["id"]
        for p in json.loads(run(runner, root, "score", "2003", "--format", "json")[1])["points"]
    ]
    for word in ("市州", "city"):
        code, out, err = run(runner, root, "score", "2003", "--kind", word, "--format", "json")
        assert code == 0, out + err
        assert [p["id"] for p in json.loads(out)["points"]] == [i for i in by_id if i != "fgw"]
    code, out, err = run(runner, root, "points", "list", "--kind", "省直部门", "--format", "json")
    assert code == 0, out + err
    assert [p["id"] for p in json.loads(out)["points"]] == ["fgw"]
    code, out, err = run(
        runner,
        root,
        "overdue",
        "--kind",
        "县市区",
        "--type",
        "约稿逾期",
        "--type",
        "emergency late",
    )
    assert code == 0, out + err


def test_an_unknown_word_is_a_usage_error_listing_the_words(root: Path, runner: CliRunner) -> None:
    code, out, err = run(runner, root, "score", "2003", "--kind", "区")
    assert code == 2
    assert "市州 (city)" in out + err
    code, out, err = run(runner, root, "overdue", "--type", "x")
    assert code == 2
    assert "舆情清单未报 (opinion-missing)、约稿逾期 (solicitation-overdue)" in out + err
    code, _, err = run(runner, root, "--lang", "en", "score", "2003", "--kind", "citi")
    assert code == 2
    assert (
        "Error: invalid value for --kind: “citi” is not one of: city, county, department\n" in err
    )
    code, _, err = run(runner, root, "--lang", "en", "overdue", "--type", "x")
    assert code == 2
    assert (
        "is not one of: inactive, research-missing, opinion-missing, "
        "solicitation-overdue, emergency-late\n"
    ) in err


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (["explain", "长春市政府", "2003"], "长春"),
        (["explain", "四平市", "2003"], "四平"),
        (["overdue", "--point", "changchn"], "长春"),
        (["points", "show", "省发改委"], "省发展改革委"),
        (["points", "retire", "sipin", "--reason", "撤销"], "四平"),
        (["points", "reinstate", "sipin"], "四平"),
    ],
)
def test_a_point_not_found_gets_did_you_mean(
    root: Path, runner: CliRunner, args: list[str], hint: str
) -> None:
    code, _out, err = run(runner, root, *args)
    assert code == 1
    assert f"是否指“{hint}”" in err


def test_every_type_the_chinese_help_names_is_accepted() -> None:
    """The words ``overdue --help`` lists for ``--type`` (in Chinese, a list after the colon
    and before the bracket) are the words the command takes."""
    from govinfo.i18n import HELP_ZH

    listed = HELP_ZH["overdue:types"].split("：", 1)[1].split("（", 1)[0]
    words = listed.split("、")
    assert len(words) == len(FindingKind)
    assert {parse_finding_kind(w) for w in words} == set(FindingKind)
