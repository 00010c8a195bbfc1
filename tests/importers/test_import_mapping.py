"""--mapping files: the tool's own Chinese words as targets, every problem at once with its
line and column, an unknown section refused, a category value called a category."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from govinfo.importers.columns import SUBMISSION_ALIASES, read_mapping
from tests.support.cli import run_cli as run
from tests.support.gitrepo import commits, git

BATCH = "来文单位,报送日期,标题,类别\n长春,2003-08-14,长春市春耕备耕情况,经济\n"


def test_chinese_targets_are_understood(folder: Path, tmp_path: Path, runner: CliRunner) -> None:
    mapping = tmp_path / "m.yaml"
    mapping.write_text(
        "columns:\n  来文单位: 报送单位\ncategories:\n  经济: 综合\n", encoding="utf-8"
    )
    got = read_mapping(mapping, SUBMISSION_ALIASES)
    assert got.columns == {"来文单位": "point"}
    assert got.categories == {"经济": "general"}
    batch = tmp_path / "a.csv"
    batch.write_text(BATCH, encoding="utf-8")
    code, out, err = run(runner, folder, "import", "--mapping", str(mapping), str(batch))
    assert code == 0, out + err
    assert "category: general" in git(folder, "show", "HEAD")


def test_every_problem_at_once_with_positions(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    mapping = tmp_path / "m.yaml"
    mapping.write_text(
        "columns:\n  来文单位: 报送单位x\n  文题: title\ncategories:\n  经济: generall\nextra: 1\n",
        encoding="utf-8",
    )
    batch = tmp_path / "a.csv"
    batch.write_text(BATCH, encoding="utf-8")
    code, _out, err = run(runner, folder, "import", "--mapping", str(mapping), str(batch))
    assert code == 2
    assert "m.yaml:2:9: 不认识的字段 报送单位x（可用：point（报送单位）" in err
    assert (
        "m.yaml:5:7: 不认识的类别 generall（可用：综合、调研、问题、突发、舆情清单，或 general"
        in err
    )
    assert "m.yaml:6:1: 不认识的键 extra" in err
    assert "字段 generall" not in err
    assert commits(folder) == 1
    code, _out, err = run(
        runner, folder, "--lang", "en", "import", "--mapping", str(mapping), str(batch)
    )
    assert "m.yaml:5:7: unknown category generall" in err
    assert "m.yaml:6:1: unknown key extra" in err


def test_two_columns_mapped_to_one_field_are_named_at_the_mapping_file(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    mapping = tmp_path / "map.yaml"
    mapping.write_text("columns: {来文单位: 报送单位, 时间: 报送日期, 题目: point}\n", "utf-8")
    batch = tmp_path / "m2.csv"
    batch.write_text(
        "来文单位,时间,题目,类别,审核人\n长春,2003-08-14,长春市春耕备耕情况,综合,王明\n", "utf-8"
    )
    code, _out, err = run(runner, folder, "import", "--mapping", str(mapping), str(batch))
    assert code == 2
    assert (
        "map.yaml:1:37: 列 来文单位 和 题目 都映射到了字段 point（报送单位）：一个字段只能取自一列"
        in err
    )
    assert "缺少标题列" not in err
    mapping.write_text("columns: {来文单位: 报送单位, 来文单位（盖章）: 报送单位}\n", "utf-8")
    assert (
        "都映射到了字段 point"
        in run(runner, folder, "import", "--mapping", str(mapping), str(batch))[2]
    )
    mapping.write_text("columns: {来文单位: 报送单位, 时间: 报送日期, 题目: 标题}\n", "utf-8")
    code, out, err = run(runner, folder, "import", "--mapping", str(mapping), str(batch))
    assert code == 0, out + err


def test_a_full_width_colon_is_pointed_at_and_the_pair_shown_as_written(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    mapping = tmp_path / "map.yaml"
    mapping.write_text(
        "columns:\n  来文单位: 报送单位\n  时间: 报送日期\n  题目: 标题\n"
        "categories: {经济: 综合, 社会：综合, 文化}\n",
        encoding="utf-8",
    )
    batch = tmp_path / "a.csv"
    batch.write_text(BATCH, encoding="utf-8")
    code, _out, err = run(runner, folder, "import", "--mapping", str(mapping), str(batch))
    assert code == 2
    assert (
        "map.yaml:5:24: “社会：综合”中的冒号是全角的“：”，YAML 不把它当作冒号，"
        "整段成了一个没有值的名称：应写成“社会: 综合”（半角冒号加空格）"
    ) in err
    assert "map.yaml:5:29: “文化”后面没有值（应写成“文化: 值”，冒号后有空格）" in err
    assert "不认识的类别 （" not in err
    code, _out, err = run(
        runner, folder, "--lang", "en", "import", "--mapping", str(mapping), str(batch)
    )
    assert "map.yaml:5:24: the colon in “社会：综合” is the full-width “：”" in err
