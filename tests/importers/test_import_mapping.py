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
