"""“Did you mean” for a point not found: only a point whose name shares a distinctive part with
the name written — never one that shares no more than 市 or one character in another place."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govinfo.importers.points import PointIndex, related, stem
from govinfo.load import WorkingTree, load_folder
from tests.support.cli import run_cli as run
from tests.support.gitrepo import commit_all, git
from tests.support.paths import SAMPLE


@pytest.fixture(scope="module")
def sample_points() -> PointIndex:
    loaded = load_folder(WorkingTree(SAMPLE), years=())
    return PointIndex(loaded.folder.points)


def test_a_stem_is_a_name_without_the_words_every_name_ends_in() -> None:
    assert stem("长春市人民政府办公厅") == "长春"
    assert stem("省发展改革委") == "发展改革"
    assert stem("延边州") == "延边"
    assert stem("市") == "市"
    assert stem("省") == "省"
    assert stem("吉林省人事厅") == "人事"  # the province tells no department apart
    assert stem("新疆维吾尔自治区财政厅") == "财政"


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("长春县", "长春"),
        ("长春市政府", "长春"),
        ("長春市", "长春"),
        ("四平县", "四平"),
        ("省发改委", "省发展改革委"),
        ("吉林", "吉林市"),
        ("吉林市政府", "吉林市"),
        ("changchn", "长春"),
        ("sipin", "四平"),
        ("延边朝鲜族自治州", "延边州"),
        ("省财政", "省财政厅"),
        ("公王岭", "公主岭"),  # a slip of one character in three
        ("延吉市", None),  # shares 吉 and 市 with 吉林市: unrelated
        ("延吉", None),
        ("龙井市", None),
        ("省体育局", None),  # shares 省 and 局 with many
        ("长岭县", None),  # 长岭 is not 长白, one character apart
        ("吉林省人事厅", None),  # shares only the province with every department
        ("吉林省水产局", None),
        ("吉林省旅游局", None),
        ("吉林省财政局", "省财政厅"),
    ],
)
def test_did_you_mean_names_only_a_related_point(
    sample_points: PointIndex, written: str, hint: str | None
) -> None:
    assert sample_points.suggest(written) == hint


def test_names_in_latin_letters_are_alike_enough() -> None:
    assert related("changchn", "changchun")
    assert not related("延吉市", "吉林市")


def test_the_import_says_no_unrelated_point(tmp_path: Path, runner: CliRunner) -> None:
    root = tmp_path / "data"
    shutil.copytree(SAMPLE, root)
    git(root, "init", "-q")
    commit_all(root)
    batch = tmp_path / "b.csv"
    batch.write_text(
        "报送单位,报送日期,标题,类别\n延吉市,2003-11-05,甲,综合\n长春县,2003-11-05,乙,综合\n",
        encoding="utf-8",
    )
    code, out, _err = run(runner, root, "import", "--dry-run", str(batch))
    assert code == 1
    assert "b.csv:2: error: 报送单位“延吉市”不是已登记的直报点\n" in out
    assert "b.csv:3: error: 报送单位“长春县”不是已登记的直报点——是否指“长春”？\n" in out
