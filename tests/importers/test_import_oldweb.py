"""HTML "xls" files as web systems export them: a data table wrapped in a layout table, line
breaks and &nbsp; in cells, several tables in one page."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from govinfo.importers.files import read_tables
from tests.support.cli import run_cli as run
from tests.support.gitrepo import commits

HEADER = "<tr><th>报送单位</th><th>报送日期</th><th>标题</th><th>类别</th></tr>"


def _row(title: str, point: str = "长春", date: str = "2003-8-14") -> str:
    return f"<tr><td>{point}</td><td>{date}</td><td>{title}</td><td>综合</td></tr>"


def test_a_table_inside_a_layout_table_is_read(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    path = tmp_path / "nest.xls"
    inner = f"<table>{HEADER}{_row('长春市春耕备耕情况')}</table>"
    path.write_text(
        f"<table><tr><td>系统导出</td></tr><tr><td>{inner}</td></tr></table>", encoding="utf-8"
    )
    tables, problems = read_tables(path)
    assert problems == []
    assert [t.sheet for t in tables] == ["表1", "表2"]
    assert tables[0].rows == [(1, ("系统导出",))]  # the outer cell keeps only its own text
    assert tables[1].rows[1] == (2, ("长春", "2003-8-14", "长春市春耕备耕情况", "综合"))
    code, out, err = run(runner, folder, "import", str(path))
    assert code == 0, out + err
    assert "nest.xls:表1:1: warning: 网页里的这个表格没有可识别的表头行" in out  # the layout table
    assert commits(folder) == 2


def test_a_small_table_in_a_title_cell_is_its_own_table(tmp_path: Path) -> None:
    path = tmp_path / "t.xls"
    path.write_text(
        f"<table>{HEADER}<tr><td>长春</td><td>2003-8-14</td>"
        "<td>长春市春耕<table><tr><td>附表</td></tr></table></td><td>综合</td></tr></table>",
        encoding="utf-8",
    )
    tables, _ = read_tables(path)
    assert tables[0].rows[1][1][2] == "长春市春耕"
    assert tables[1].rows == [(1, ("附表",))]


def test_nbsp_and_source_line_breaks_between_chinese_are_no_space(tmp_path: Path) -> None:
    path = tmp_path / "w.xls"
    path.write_text(
        f"<table>{HEADER}"
        + _row("通化市秋冬季&nbsp;森林防火部署")
        + _row("通化市秋冬季\n   森林防火部署")
        + _row("GDP&nbsp;增长 8%")
        + "</table>",
        encoding="utf-8",
    )
    tables, _ = read_tables(path)
    titles = [cells[2] for _n, cells in tables[0].rows[1:]]
    assert titles == ["通化市秋冬季森林防火部署", "通化市秋冬季森林防火部署", "GDP 增长 8%"]


def test_a_br_in_a_one_line_field_is_an_error_as_in_csv(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    path = tmp_path / "br.xls"
    path.write_text(
        f"<table>{HEADER}{_row('通化市秋冬季<br>森林防火部署')}</table>", encoding="utf-8"
    )
    code, out, err = run(runner, folder, "import", str(path))
    assert code == 1, out + err
    assert "br.xls:2: error: 标题里有换行（共 2 行，第一行是“通化市秋冬季”）" in out
    assert "<br>" in out
    assert commits(folder) == 1


def test_several_tables_are_named_like_sheets(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    path = tmp_path / "web2.xls"
    first = f"<table>{HEADER}{_row('长春市春耕备耕情况')}</table>"
    second = f"<table>{HEADER}{_row('四平市秋粮', '四平', '2003-9-2')}{_row('', '四平')}</table>"
    path.write_text(first + second, encoding="utf-8")
    code, out, err = run(runner, folder, "import", "--dry-run", str(path))
    assert code == 1
    assert "web2.xls:表2:3: error: 标题为空" in out
    code, out, err = run(runner, folder, "--lang", "en", "import", "--dry-run", str(path))
    assert "web2.xls:table2:3: error:" in out
    code, out, err = run(runner, folder, "import", "--sheet", "表1", str(path))
    assert code == 0, out + err
