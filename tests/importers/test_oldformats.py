"""The office's old spreadsheets: .xls, .ods, HTML "xls" and SpreadsheetML 2003, chosen by their
first bytes. The .xls and .ods under tests/fixtures/oldformats were saved by LibreOffice Calc from
a workbook with a merged title row, a header, four rows (dates as date cells and one as text)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from govinfo.i18n import t
from govinfo.importers.files import read_tables
from govinfo.importers.oldformats import sniff_format
from tests.support.cli import run_cli as run
from tests.support.gitrepo import commits, git
from tests.support.paths import FIXTURES

OLD = FIXTURES / "oldformats"


def month(root: Path, rel: str) -> list[dict[str, object]]:
    loaded = yaml.safe_load((root / rel).read_text(encoding="utf-8"))
    assert isinstance(loaded, list)
    return loaded


def assert_imported(folder: Path) -> None:
    assert commits(folder) == 2
    assert "新增 4 条" in git(folder, "log", "-1", "--format=%s")
    aug = month(folder, "submissions/2003/changchun/08.yaml")
    assert [r["title"] for r in aug] == ["长春市䶮字街道再就业调研", "长春市老工业基地改造情况"]
    assert aug[0]["date"] == dt.date(2003, 8, 14)
    assert aug[0]["category"] == "research"
    assert month(folder, "submissions/2003/siping/09.yaml")[0]["date"] == dt.date(2003, 9, 2)
    assert month(folder, "submissions/2003/fgw/09.yaml")[0]["date"] == dt.date(2003, 9, 3)


@pytest.mark.parametrize(
    ("fixture", "name"),
    [
        ("batch.xls", "三季度.xls"),
        ("batch.ods", "三季度.ods"),
        ("batch.xls", "三季度.csv"),  # the first bytes decide, not the name
    ],
)
def test_binary_workbooks_import(
    folder: Path, tmp_path: Path, runner: CliRunner, fixture: str, name: str
) -> None:
    path = tmp_path / name
    shutil.copy(OLD / fixture, path)
    code, out, err = run(runner, folder, "import", str(path))
    assert code == 0, out + err
    assert_imported(folder)
    # The same file again: the same dedupe as CSV and XLSX.
    code, out, err = run(runner, folder, "import", str(path))
    assert code == 0, out + err
    assert commits(folder) == 2
    assert "重复" in out


def test_xls_merged_title_is_read() -> None:
    tables, problems = read_tables(OLD / "batch.xls")
    assert problems == []
    assert tables[0].sheet == "报送"
    assert tables[0].merges == [(1, 1, 1, 6)]
    assert tables[0].rows[2] == (
        3,
        (1, "长春", dt.date(2003, 8, 14), "长春市䶮字街道再就业调研", "调研", "王明"),
    )


HTML = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
</head><body><table border="1">
<tr><td colspan="6">2003年第三季度信息报送</td></tr>
<tr><th>序号</th><th>报送单位</th><th>报送日期</th><th>标题</th><th>类别</th><th>审核人</th></tr>
<tr><td>1</td><td rowspan="2">长春</td><td>2003-8-14</td><td>长春市䶮字街道再就业调研</td>
    <td>调研</td><td rowspan="2">王明</td></tr>
<tr><td>2</td><td>2003/8/20</td><td>长春市老工业基地改造情况</td><td>综合</td></tr>
<tr><td>3</td><td>四平</td><td>2003年9月2日</td><td>四平市秋粮&nbsp;生产形势</td><td>调研</td>
    <td>李四</td></tr>
<tr><td>4</td><td>省发展改革委</td><td>2003.9.3</td><td>全省固定资产投资分析</td><td>问题</td>
    <td>赵六</td></tr>
</table></body></html>
"""


def test_html_xls_in_gb18030_with_spans(folder: Path, tmp_path: Path, runner: CliRunner) -> None:
    path = tmp_path / "导出.xls"
    path.write_bytes(HTML.encode("gb18030"))  # 䶮 is not in GB2312: the superset decodes it
    assert sniff_format(path) == "html"
    tables, problems = read_tables(path)
    assert problems == []
    # each span a merge, its value in its first cell, as Excel keeps one; the import carries
    # the merges down (assert_imported: 长春 and 王明 on both of their rows)
    assert tables[0].merges == [(1, 1, 1, 6), (3, 2, 4, 2), (3, 6, 4, 6)]
    assert tables[0].rows[3] == (4, ("2", None, "2003/8/20", "长春市老工业基地改造情况", "综合"))
    assert tables[0].rows[4][1][3] == "四平市秋粮生产形势"  # &nbsp; between Chinese: no space
    code, out, err = run(runner, folder, "import", str(path))
    assert code == 0, out + err
    assert "GB18030" in err
    assert_imported(folder)


def test_html_colspan_across_columns_is_not_copied(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    """A colspan over 标题 and 类别 keeps its value in 标题 alone, as a merge across columns in
    an xlsx does, and the empty 类别 is named with the merge — not filled with the title."""
    path = tmp_path / "导出.xls"
    path.write_bytes(
        HTML.replace(
            "<td>长春市䶮字街道再就业调研</td>\n    <td>调研</td>",
            '<td colspan="2">长春市䶮字街道再就业调研</td>',
        ).encode("gb18030")
    )
    tables, problems = read_tables(path)
    assert problems == []
    assert (3, 4, 3, 5) in tables[0].merges
    code, out, _ = run(runner, folder, "import", "--dry-run", str(path))
    assert code == 1
    assert (
        "导出.xls:3: error: 类别为空：这一格在跨列合并的单元格 D3:E3 中，合并格的内容只在 D3" in out
    )
    assert out.count("error") == 1


def test_html_with_utf8_meta_charset(tmp_path: Path) -> None:
    path = tmp_path / "u.xls"
    path.write_bytes(HTML.replace("gb2312", "utf-8").encode("utf-8"))
    tables, problems = read_tables(path)
    assert problems == []
    assert tables[0].rows[2][1][3] == "长春市䶮字街道再就业调研"


def test_html_without_a_table_is_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "empty.xls"
    path.write_bytes(b"<html><body>nothing</body></html>")
    tables, problems = read_tables(path)
    assert tables == []
    assert len(problems) == 1
    assert t("import_html_no_table") in problems[0].message


def _spreadsheetml(extra: str = "") -> str:
    rows = [
        ("Number", "1", "String", "长春", "DateTime", "2003-08-14T00:00:00.000"),
        ("Number", "2", "String", "长春市", "String", "2003/8/20"),
        ("Number", "3", "String", "四平", "String", "2003年9月2日"),
        ("Number", "4", "String", "省发展改革委", "DateTime", "2003-09-03T00:00:00"),
    ]
    titles = ["长春市䶮字街道再就业调研", "长春市老工业基地改造情况", "四平市秋粮生产形势"]
    titles.append("全省固定资产投资分析")
    kinds = ["调研", "综合", "调研", "问题"]
    people = ["王明", "王明", "李四", "赵六"]
    body = []
    for (t1, v1, t2, v2, t3, v3), title, kind, who in zip(rows, titles, kinds, people, strict=True):
        cells = [(t1, v1), (t2, v2), (t3, v3), ("String", title), ("String", kind)]
        cells.append(("String", who))
        body.append(
            "<Row>"
            + "".join(f'<Cell><Data ss:Type="{a}">{b}</Data></Cell>' for a, b in cells)
            + "</Row>"
        )
    header = "".join(
        f'<Cell><Data ss:Type="String">{h}</Data></Cell>'
        for h in ["序号", "报送单位", "报送日期", "标题", "类别", "审核人"]
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
{extra}<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
<Worksheet ss:Name="报送"><Table>
<Row><Cell ss:MergeAcross="5"><Data ss:Type="String">2003年第三季度信息报送</Data></Cell></Row>
<Row ss:Index="3">{header}</Row>
{"".join(body)}
</Table></Worksheet></Workbook>
"""


def test_spreadsheetml(folder: Path, tmp_path: Path, runner: CliRunner) -> None:
    path = tmp_path / "导出.xls"
    path.write_text(_spreadsheetml(), encoding="utf-8")
    assert sniff_format(path) == "spreadsheetml"
    tables, problems = read_tables(path)
    assert problems == []
    assert tables[0].merges == [(1, 1, 1, 6)]
    assert tables[0].rows[1][0] == 3  # ss:Index skips row 2
    assert tables[0].rows[2][1][:3] == (1, "长春", dt.date(2003, 8, 14))
    code, out, err = run(runner, folder, "import", str(path))
    assert code == 0, out + err
    assert_imported(folder)


def test_spreadsheetml_with_a_dtd_is_refused_unexpanded(tmp_path: Path) -> None:
    bomb = '<!DOCTYPE Workbook [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n'
    path = tmp_path / "bomb.xls"
    path.write_text(_spreadsheetml(bomb), encoding="utf-8")
    tables, problems = read_tables(path)
    assert tables == []
    assert len(problems) == 1
    assert "DTD" in problems[0].message


def test_damaged_xls_is_one_problem(folder: Path, tmp_path: Path, runner: CliRunner) -> None:
    data = (OLD / "batch.xls").read_bytes()
    path = tmp_path / "坏.xls"
    path.write_bytes(data[:600])
    code, out, err = run(runner, folder, "import", str(path))
    assert code == 1
    assert "坏.xls" in out + err
    assert "Traceback" not in out + err
    assert commits(folder) == 1


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("空.csv", b""),
        ("表头.csv", "报送单位,报送日期,标题,类别\r\n".encode()),
        (
            "空.xls",
            "<table><tr><th>报送单位</th><th>报送日期</th><th>标题</th><th>类别</th></tr></table>".encode(),
        ),
    ],
)
def test_an_empty_or_header_only_file_is_an_error(
    folder: Path, tmp_path: Path, runner: CliRunner, name: str, content: bytes
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    code, out, err = run(runner, folder, "import", str(path))
    assert code == 1, out + err
    assert f"{name}: error: 文件里没有数据行" in out + err
    assert commits(folder) == 1
