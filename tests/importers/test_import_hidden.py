"""Rows and sheets a workbook hides are read like the others — hiding is not deleting — with a
warning at each, since a clerk may have hidden a withdrawn row to leave it out: XLSX (rows hidden
by hand or filtered out, hidden sheets), .ods and SpreadsheetML (rows and sheets). A sheet chosen
by --sheet is no surprise and gets no warning."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

from typer.testing import CliRunner

from govinfo.importers.tables import HiddenRows
from tests.importers.test_import_oddcells import MANIFEST, ODS_NS, _s
from tests.support.cli import run_cli as run
from tests.support.gitrepo import git

HEADER = ["报送单位", "报送日期", "标题", "类别", "审核人"]
TITLES = ["长春市林区冬季防火", "长春市作废的一条（已隐藏）", "长春市人参产业", "长春市筛掉的一条"]
ROW_WARNING = "此行在表格中被隐藏（隐藏行或被筛选掉），仍与其他行一样导入；不应导入的行请从表中删除"


def write_hidden_xlsx(path: Path) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "报送"
    ws.append(HEADER)
    for day, title in enumerate(TITLES, start=6):
        ws.append(["长春", dt.date(2003, 8, day), title, "综合", "王明"])
    ws.row_dimensions[3].hidden = True  # hidden by hand
    ws.auto_filter.ref = "A1:E5"
    ws.row_dimensions[5].hidden = True  # what a filter does to the rows it leaves out
    other = wb.create_sheet("作废")
    other.append(HEADER)
    other.append(["四平", dt.date(2003, 8, 20), "四平市作废表里的一条", "综合", "李四"])
    other.sheet_state = "hidden"
    wb.save(path)
    return path


def warnings_of(out: str) -> list[str]:
    return [x for x in out.splitlines() if ": warning: " in x]


def test_hidden_rows_and_a_hidden_sheet_of_an_xlsx_are_imported_with_a_warning_at_each(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    path = write_hidden_xlsx(tmp_path / "hidden.xlsx")
    code, out, err = run(runner, folder, "import", str(path))
    assert code == 0, out + err
    assert warnings_of(out) == [
        "hidden.xlsx:作废:1: warning: 工作表“作废”在表格中被隐藏，其中的行仍与其他工作表一样导入；"
        "不应导入的表请删除，或用 --sheet 只选要导入的表",
        f"hidden.xlsx:报送:3: warning: {ROW_WARNING}",
        f"hidden.xlsx:报送:5: warning: {ROW_WARNING}",
    ]
    assert "新增 5 条" in git(folder, "log", "-1", "--format=%s")  # imported as before
    code, out, _err = run(runner, folder, "import", "--dry-run", "--sheet", "作废", str(path))
    assert code == 0
    assert "隐藏" not in out  # chosen by name: no surprise (its row is a duplicate by now)
    code, out, _err = run(runner, folder, "--lang", "en", "import", "--dry-run", str(path))
    assert (
        "hidden.xlsx:报送:3: warning: this row is hidden in the sheet (hidden or filtered out)"
        " and is imported like the others; delete a row that should not be imported"
    ) in out
    assert "hidden.xlsx:作废:1: warning: the sheet “作废” is hidden in the workbook" in out


def test_an_xlsx_without_hidden_rows_has_no_such_warning(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    from tests.support.batches import write_workbook

    rows: list[list[object]] = [
        HEADER,
        ["长春", "2003-08-14", "长春市春耕备耕情况", "综合", "王明"],
    ]
    path = write_workbook(tmp_path / "plain.xlsx", rows)
    code, out, err = run(runner, folder, "import", "--dry-run", str(path))
    assert code == 0, out + err
    assert "隐藏" not in out


def _ods_row(cells: list[str], attrs: str = "") -> str:
    return f"<table:table-row{attrs}>{''.join(_s(c) for c in cells)}</table:table-row>"


def test_hidden_rows_and_sheets_of_an_ods_are_warned_of(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    """As Calc writes them: a row collapsed by hand, one left out by a filter, a block of a
    million empty hidden rows below the data, and a sheet whose style says display false."""
    rows = [
        _ods_row(HEADER),
        _ods_row(["长春", "2003-08-06", TITLES[0], "综合", "王明"]),
        _ods_row(
            ["长春", "2003-08-07", TITLES[1], "综合", "王明"], ' table:visibility="collapsed"'
        ),
        _ods_row(["长春", "2003-08-08", TITLES[2], "综合", "王明"]),
        _ods_row(["长春", "2003-08-09", TITLES[3], "综合", "王明"], ' table:visibility="filter"'),
        '<table:table-row table:number-rows-repeated="1048000" table:visibility="collapsed">'
        "<table:table-cell/></table:table-row>",
    ]
    hidden_sheet = _ods_row(HEADER) + _ods_row(
        ["四平", "2003-08-20", "四平市作废的一条", "综合", "李四"]
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODS_NS} '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" office:version="1.2">'
        '<office:automatic-styles><style:style style:name="ta2" style:family="table">'
        '<style:table-properties table:display="false"/></style:style></office:automatic-styles>'
        '<office:body><office:spreadsheet><table:table table:name="报送">'
        f'{"".join(rows)}</table:table><table:table table:name="作废" table:style-name="ta2">'
        f"{hidden_sheet}</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    path = tmp_path / "hidden.ods"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", MANIFEST, compress_type=zipfile.ZIP_DEFLATED)
    code, out, err = run(runner, folder, "import", "--dry-run", str(path))
    assert code == 0, out + err
    assert warnings_of(out) == [
        "hidden.ods:作废:1: warning: 工作表“作废”在表格中被隐藏，其中的行仍与其他工作表一样导入；"
        "不应导入的表请删除，或用 --sheet 只选要导入的表",
        f"hidden.ods:报送:3: warning: {ROW_WARNING}",
        f"hidden.ods:报送:5: warning: {ROW_WARNING}",
    ]
    assert "将新增 5 条" in err


def test_hidden_rows_and_sheets_of_spreadsheetml_are_warned_of(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    def row(cells: list[str], attrs: str = "") -> str:
        inner = "".join(f'<Cell><Data ss:Type="String">{c}</Data></Cell>' for c in cells)
        return f"<Row{attrs}>{inner}</Row>"

    shown = row(HEADER) + row(["长春", "2003-08-06", TITLES[0], "综合", "王明"])
    shown += row(["长春", "2003-08-07", TITLES[1], "综合", "王明"], ' ss:Hidden="1"')
    hidden = row(HEADER) + row(["四平", "2003-08-20", "四平市作废的一条", "综合", "李四"])
    options = (
        '<WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel">'
        "<Visible>SheetHidden</Visible></WorksheetOptions>"
    )
    path = tmp_path / "web.xls"
    path.write_text(
        '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">'
        f'<Worksheet ss:Name="报送"><Table>{shown}</Table></Worksheet>'
        f'<Worksheet ss:Name="作废"><Table>{hidden}</Table>{options}</Worksheet></Workbook>',
        encoding="utf-8",
    )
    code, out, err = run(runner, folder, "import", "--dry-run", str(path))
    assert code == 0, out + err
    assert warnings_of(out) == [
        "web.xls:作废:1: warning: 工作表“作废”在表格中被隐藏，其中的行仍与其他工作表一样导入；"
        "不应导入的表请删除，或用 --sheet 只选要导入的表",
        f"web.xls:报送:3: warning: {ROW_WARNING}",
    ]


def test_hidden_rows_are_runs_looked_up_by_row_number() -> None:
    rows = HiddenRows([(9, 1_048_000), (3, 3)])
    assert [n for n in range(1, 12) if n in rows] == [3, 9, 10, 11]
    assert 1_048_000 in rows
    assert 1_048_001 not in rows
    assert not HiddenRows()
    assert 3 not in HiddenRows()


def test_hidden_rows_are_numbered_by_r_or_by_counting_when_a_writer_leaves_r_out() -> None:
    from govinfo.importers.limits import _hidden_rows

    found: set[int] = set()
    plain = b'<row r="1"><c r="A1"/></row><row r="2" spans="1:5"><c r="A2"/></row>'
    assert _hidden_rows(plain, 0, found) == 2
    assert found == set()
    assert _hidden_rows(b"<row><c/></row><x:row><c/></x:row>", 2, found) == 4
    marked = b'<row r="7" hidden="1"></row><row></row><row hidden="true"><c/></row>'
    assert _hidden_rows(marked, 4, found) == 9
    assert found == {7, 9}
