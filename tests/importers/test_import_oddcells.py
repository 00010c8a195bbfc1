"""Odd cells of old-format sheets, said as a clerk sees them: a time where a date belongs, a
number that is an Excel date serial, a formula saved without its value, a date form not read."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support.cli import run_cli as run
from tests.support.gitrepo import commits

ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)

MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
    '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" manifest:media-type='
    '"application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry '
    'manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
)


def _s(text: str) -> str:
    return (
        f'<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>'
    )


def write_ods(path: Path, date_cell: str, title_cell: str | None = None) -> None:
    """A real OpenDocument spreadsheet (as Calc writes one: mimetype first, stored) with a
    header row and one row whose 报送日期 and 标题 cells are given as ODF XML."""
    header = "".join(_s(x) for x in ("报送单位", "报送日期", "标题", "类别"))
    row = _s("长春") + date_cell + (title_cell or _s("长春市春耕备耕情况")) + _s("综合")
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODS_NS} '
        'office:version="1.2"><office:body><office:spreadsheet><table:table table:name="报送">'
        f"<table:table-row>{header}</table:table-row><table:table-row>{row}</table:table-row>"
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", MANIFEST, compress_type=zipfile.ZIP_DEFLATED)


def write_spreadsheetml(path: Path, date_cell: str, title_cell: str | None = None) -> None:
    header = "".join(
        f'<Cell><Data ss:Type="String">{x}</Data></Cell>'
        for x in ("报送单位", "报送日期", "标题", "类别")
    )
    title = title_cell or '<Cell><Data ss:Type="String">长春市春耕备耕情况</Data></Cell>'
    path.write_text(
        '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="报送"><Table>'
        f'<Row>{header}</Row><Row><Cell><Data ss:Type="String">长春</Data></Cell>{date_cell}'
        f'{title}<Cell><Data ss:Type="String">综合</Data></Cell></Row></Table></Worksheet></Workbook>',
        encoding="utf-8",
    )


def _date(kind: str, value: str) -> str:
    return f'<Cell><Data ss:Type="{kind}">{value}</Data></Cell>'


CASES = [
    (
        "time.ods",
        write_ods,
        '<table:table-cell office:value-type="time" office:time-value="PT09H30M00S">'
        "<text:p>09:30</text:p></table:table-cell>",
        None,
        "报送日期“09:30”是时刻，不是日期",
    ),
    (
        "fraction.ods",
        write_ods,
        '<table:table-cell office:value-type="float" office:value="0.3958333333333333">'
        "<text:p>0.40</text:p></table:table-cell>",
        None,
        "报送日期“09:30”是时刻，不是日期",
    ),
    (
        "time.xml.xls",
        write_spreadsheetml,
        _date("DateTime", "1899-12-31T09:30:00.000"),
        None,
        "报送日期“09:30”是时刻，不是日期",
    ),
    (
        "serial.ods",
        write_ods,
        '<table:table-cell office:value-type="float" office:value="37935">'
        "<text:p>37935</text:p></table:table-cell>",
        None,
        "报送日期“37935”是数字，不是日期：像 Excel 日期序号 2003-11-10",
    ),
    (
        "serial.xml.xls",
        write_spreadsheetml,
        _date("Number", "37935"),
        None,
        "报送日期“37935”是数字，不是日期：像 Excel 日期序号 2003-11-10",
    ),
    (
        "formula.ods",
        write_ods,
        _s("2003-11-10"),
        '<table:table-cell table:formula="of:=CONCATENATE(&quot;长春&quot;)"/>',
        "标题：公式没有缓存值：请在 Excel/WPS 中打开并保存后再导入",
    ),
    (
        "formula.xml.xls",
        write_spreadsheetml,
        _date("String", "2003-11-10"),
        '<Cell ss:Formula="=CONCATENATE(&quot;长春&quot;)"/>',
        "标题：公式没有缓存值：请在 Excel/WPS 中打开并保存后再导入",
    ),
    (
        "words.ods",
        write_ods,
        _s("2003年11月初"),
        None,
        "报送日期“2003年11月初”无法识别（应为 2003-08-14、2003/8/14、2003.8.14、2003年8月14日 或 20030814 等形式的日期）",
    ),
]


@pytest.mark.parametrize(("name", "write", "date", "title", "message"), CASES)
def test_odd_cells_are_said_as_the_clerk_sees_them(
    folder: Path,
    tmp_path: Path,
    runner: CliRunner,
    name: str,
    write: object,
    date: str,
    title: str | None,
    message: str,
) -> None:
    path = tmp_path / name
    write(path, date, title)  # type: ignore[operator]
    code, out, err = run(runner, folder, "import", str(path))
    assert code == 1, out + err
    assert f"{name}:报送:2: error: {message}" in out
    assert "标题为空" not in out
    assert commits(folder) == 1


def test_the_same_in_english(folder: Path, tmp_path: Path, runner: CliRunner) -> None:
    path = tmp_path / "serial.ods"
    write_ods(path, '<table:table-cell office:value-type="time" office:time-value="PT09H30M00S"/>')
    code, out, _ = run(runner, folder, "--lang", "en", "import", str(path))
    assert code == 1
    assert (
        "报送日期 “09:30” is a time of day, not a date (expected a date such as 2003-08-14" in out
    )


def test_a_year_alone_is_no_date_serial() -> None:
    from govinfo.importers.values import serial_date, time_of_day

    assert serial_date(2003) is None
    assert serial_date("37935") is not None
    assert serial_date(37935.0) is not None
    assert time_of_day("9:30") == "09:30"
    assert time_of_day("25:30") is None
    assert time_of_day(0.5) == "12:00"
    assert time_of_day(1.0) is None
