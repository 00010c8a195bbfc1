"""Batch files that are too big, wrongly decoded or not what they say: each is refused with a
message that says what is really wrong, before its bytes are held in memory, and nothing is
written."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from tests.support.batches import HEADER, ROWS, write_csv, write_workbook
from tests.support.cli import run_cli
from tests.support.gitrepo import commits, git, snapshot

EN_HEADER = ["No", "Unit", "Date", "Title", "Category", "Reviewer"]


def run(runner: CliRunner, root: Path, *args: str) -> tuple[int, str, str]:
    return run_cli(runner, root, "--lang", "en", *args)


def _untouched(root: Path, before: dict[str, bytes]) -> None:
    assert snapshot(root) == before
    assert commits(root) == 1
    assert git(root, "status", "--porcelain", "--untracked-files=all") == ""


def test_big5_with_english_headers_is_refused_naming_encoding(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    rows = [
        EN_HEADER,
        ["1", "長春", "2003-8-14", "長春市國有企業改革與職工再就業調查報告", "調研", "王明"],
        ["2", "四平", "2003-8-20", "四平市農業產業化經營發展態勢良好", "綜合", "李四"],
    ]
    batch = write_csv(tmp_path / "big5.csv", rows, encoding="big5")
    before = snapshot(folder)
    code, out, err = run(runner, folder, "import", str(batch))
    assert code == 1, out + err
    assert "big5.csv: error: read as GB18030 the text is implausible" in out
    assert "--encoding" in out
    _untouched(folder, before)


def test_plain_gb18030_with_a_rare_character_is_still_read(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    batch = write_csv(tmp_path / "gb.csv", [HEADER, *ROWS], encoding="gb18030")
    code, out, err = run(runner, folder, "import", "--dry-run", str(batch))
    assert code == 0, out + err


@pytest.mark.parametrize("codec", ["base64", "rot13", "undefined", "zlib", "hex"])
def test_an_encoding_that_is_not_a_text_codec_is_a_usage_error(
    folder: Path, tmp_path: Path, runner: CliRunner, codec: str
) -> None:
    batch = write_csv(tmp_path / "a.csv", [HEADER, ROWS[0]], encoding="utf-8")
    code, out, err = run(runner, folder, "import", "--encoding", codec, str(batch))
    assert code == 2, out + err
    assert f"{codec} is not a text encoding" in err
    assert "Traceback" not in out + err


def test_a_batch_over_the_size_limit_is_refused_unread(
    folder: Path, tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [HEADER] + [
        [str(i), "长春", "2003-8-14", f"长春市信息{i}", "综合", "王明"] for i in range(3000)
    ]
    batch = write_csv(tmp_path / "big.csv", rows, encoding="utf-8")
    assert batch.stat().st_size > 100_000
    monkeypatch.setenv("GOVINFO_MAX_IMPORT_MB", "0.1")
    before = snapshot(folder)
    code, out, err = run(runner, folder, "import", str(batch))
    assert code == 1, out + err
    assert "big.csv: error: file is 0.2 MB, over the 0.1 MB import limit; not read" in out
    _untouched(folder, before)
    monkeypatch.setenv("GOVINFO_MAX_IMPORT_MB", "1")
    code, out, err = run(runner, folder, "import", "--dry-run", str(batch))
    assert code == 0, out + err


def test_a_cell_in_column_xfd_is_refused_naming_the_sheet(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    path = write_workbook(tmp_path / "far.xlsx", [HEADER, ROWS[0]])
    wb = openpyxl.load_workbook(path)
    ws = wb["汇总"]
    for row in range(3, 40):
        ws.cell(row=row, column=16384, value="x")
    wb.save(path)
    before = snapshot(folder)
    code, out, err = run(runner, folder, "import", str(path))
    assert code == 1, out + err
    assert "far.xlsx:汇总: error: cell XFD3 lies outside what can be imported" in out
    _untouched(folder, before)


def test_a_workbook_that_unpacks_too_large_is_refused_unread(
    folder: Path, tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = write_workbook(tmp_path / "plain.xlsx", [HEADER, ROWS[0]])
    path = tmp_path / "ws.xlsx"
    # A sheet of nothing but whitespace: 3 MB that deflate packs into a few KB.
    sheet = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    )
    sheet += " " * 3_000_000 + "</sheetData></worksheet>"
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = sheet.encode() if info.filename.endswith("sheet1.xml") else src.read(info)
            dst.writestr(info.filename, body)
    assert path.stat().st_size < 100_000
    monkeypatch.setenv("GOVINFO_MAX_IMPORT_MB", "0.1")
    before = snapshot(folder)
    code, out, err = run(runner, folder, "import", str(path))
    assert code == 1, out + err
    assert (
        "ws.xlsx: error: the workbook unpacks to 3 MB, over the 2 MB limit (20 times GOVINFO_MAX_IMPORT_MB); not read"
        in out
    )
    _untouched(folder, before)


def test_an_opendocument_sheet_that_unpacks_too_large_is_refused_unread(
    folder: Path, tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "ws.ods"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        dst.writestr(
            "mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED
        )
        dst.writestr("content.xml", "<office:document-content>" + " " * 3_000_000)
    assert path.stat().st_size < 100_000
    monkeypatch.setenv("GOVINFO_MAX_IMPORT_MB", "0.1")
    before = snapshot(folder)
    code, out, err = run(runner, folder, "import", str(path))
    assert code == 1, out + err
    assert "ws.ods: error: the workbook unpacks to 3 MB, over the 2 MB limit" in out
    _untouched(folder, before)


def test_a_formula_without_a_cached_value_is_named_as_such(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    path = write_workbook(
        tmp_path / "f.xlsx", [HEADER, ["1", "长春", "2003-8-14", '=CONCAT("长春", "调研")', "综合"]]
    )
    code, out, err = run(runner, folder, "import", str(path))
    assert code == 1, out + err
    assert (
        "f.xlsx:汇总:2: error: 标题: a formula without a cached value: open the file in Excel/WPS"
        in out
    )
    assert "is empty" not in out
