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
    assert f"列映射文件 {mapping} 有误：\n  m.yaml:6:1: 不认识的键 extra" in err
    assert "字段 generall" not in err
    assert commits(folder) == 1
    code, _out, err = run(
        runner, folder, "--lang", "en", "import", "--mapping", str(mapping), str(batch)
    )
    assert "m.yaml:5:7: unknown category generall" in err
    assert "m.yaml:6:1: unknown key extra" in err
    assert f"mapping file {mapping} is wrong:\n  m.yaml:6:1: unknown key extra" in err
    assert not [line for line in err.splitlines() if line != line.rstrip()]


def test_two_columns_of_one_field_are_named_at_the_sheets_header(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    """A mapping file may give one field several headers (one file for the layouts of several
    offices); a sheet holding two of them is told at its header which one was read — not
    left with a baffling 缺少标题列 when 题目 was mapped to the point."""
    mapping = tmp_path / "map.yaml"
    mapping.write_text("columns: {来文单位: 报送单位, 时间: 报送日期, 题目: point}\n", "utf-8")
    batch = tmp_path / "m2.csv"
    batch.write_text(
        "来文单位,时间,题目,类别,审核人\n长春,2003-08-14,长春市春耕备耕情况,综合,王明\n", "utf-8"
    )
    code, out, err = run(runner, folder, "import", "--mapping", str(mapping), str(batch))
    assert code == 1
    said = out + err
    assert (
        "m2.csv:1: warning: 列“题目”与列“来文单位”都是报送单位列，只读取了“来文单位”"
        "（请删去一列，或在 --mapping 中改名）"
    ) in said
    assert "m2.csv:1: error: 缺少标题列" in said
    # one mapping for two offices' layouts: each sheet has one of the two headers
    mapping.write_text(
        "columns: {来文单位: 报送单位, 报送部门: 报送单位, 时间: 报送日期}\n", "utf-8"
    )
    other = tmp_path / "m3.csv"
    other.write_text(
        "报送部门,时间,标题,类别,审核人\n长春,2003-08-15,长春市秋季造林,综合,王明\n", "utf-8"
    )
    args = ["import", "--mapping", str(mapping), str(batch), str(other)]
    code, out, err = run(runner, folder, *args)
    assert code == 0, out + err
    assert "都是" not in out + err


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


def test_a_block_line_with_a_full_width_colon_is_pointed_at(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    """``社会：综合`` on a line of its own among other pairs: YAML misses a ':' there; the
    clerk is told of the full-width colon at itself, not of a missing colon at the line."""
    mapping = tmp_path / "map.yaml"
    mapping.write_text("categories:\n  经济: 综合\n  社会：综合\n", encoding="utf-8")
    batch = tmp_path / "a.csv"
    batch.write_text(BATCH, encoding="utf-8")
    code, _out, err = run(runner, folder, "import", "--mapping", str(mapping), str(batch))
    assert code == 2
    assert "map.yaml:3:5: error: 这里用了全角冒号“：”，请改为半角冒号“:”（后跟一个空格）" in err
    assert "缺少冒号" not in err
    assert commits(folder) == 1


def test_of_two_columns_of_one_field_the_usual_header_is_read(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    """日期 left of 报送日期: the column headed 报送日期 is read, not the leftmost; a header the
    --mapping names is read before either."""
    batch = tmp_path / "two.csv"
    batch.write_text(
        "报送单位,日期,标题,类别,报送日期,审核人\n长春,2003-08-02,长春市春耕备耕情况,综合,2003-08-14,王明\n",
        "utf-8",
    )
    code, out, err = run(runner, folder, "import", "--no-commit", str(batch))
    assert code == 0, out + err
    assert (
        "two.csv:1: warning: 列“日期”与列“报送日期”都是报送日期列，只读取了“报送日期”"
        "（请删去一列，或在 --mapping 中改名）"
    ) in out + err
    assert (folder / "submissions/2003/changchun/08.yaml").exists()
    assert "2003-08-14" in (folder / "submissions/2003/changchun/08.yaml").read_text("utf-8")
    assert "2003-08-02" not in (folder / "submissions/2003/changchun/08.yaml").read_text("utf-8")
    mapping = tmp_path / "map.yaml"
    mapping.write_text("columns: {来文日期: date}\n", "utf-8")
    batch.write_text(
        "报送单位,报送日期,标题,类别,来文日期,审核人\n长春,2003-09-02,长春市秋季造林,综合,2003-09-14,王明\n",
        "utf-8",
    )
    args = ["--lang", "en", "import", "--no-commit", "--mapping", str(mapping), str(batch)]
    code, out, err = run(runner, folder, *args)
    assert code == 0, out + err
    assert (
        "two.csv:1: warning: the columns “报送日期” and “来文日期” both give the date (报送日期): "
        "only “来文日期” is read"
    ) in out + err
    assert "2003-09-14" in (folder / "submissions/2003/changchun/09.yaml").read_text("utf-8")
