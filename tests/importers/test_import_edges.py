"""Imports that must not pass in silence: into a year whose outcome is already recorded."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from tests.support.cli import run_cli as run
from tests.support.gitrepo import commit_all, commits

BATCH = "报送单位,报送日期,标题,类别\n长春,{day},长春市再就业工作调研,调研\n"


def test_import_into_a_closed_year_warns(folder: Path, tmp_path: Path, runner: CliRunner) -> None:
    points = (folder / "points.yaml").read_text(encoding="utf-8")
    points = points.replace(
        "    - {date: 2001-01-01, event: admitted, tier: national}\n",
        "    - {date: 2001-01-01, event: admitted, tier: national}\n"
        "    - {date: 2003-01-10, event: commended, year: 2002, reason: 2002年度评为优秀}\n",
        1,
    )
    (folder / "points.yaml").write_text(points, encoding="utf-8")
    commit_all(folder, "close 2002")
    late = tmp_path / "补报2002.csv"
    late.write_text(BATCH.format(day="2002-11-03"), encoding="utf-8")
    code, out, err = run(runner, folder, "import", str(late))
    assert code == 0, out + err
    assert "2002 年度结果已记入名册（2003-01-10）" in err
    assert "close-year 2002" in err
    assert commits(folder) == 3

    current = tmp_path / "2003.csv"
    current.write_text(BATCH.format(day="2003-11-03"), encoding="utf-8")
    code, out, err = run(runner, folder, "import", str(current))
    assert code == 0, out + err
    assert "已记入名册" not in err
