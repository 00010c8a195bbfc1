"""Files that are no table at all: said in the clerk's words (damaged, or not a spreadsheet),
never a parser's text or the advice to decode them with --encoding."""

from __future__ import annotations

import os
import random
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support.cli import run_cli as run
from tests.support.gitrepo import commits

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _docx(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")


def _binary(path: Path) -> None:
    rng = random.Random(7)
    path.write_bytes(b"\x00\x13" + bytes(rng.randrange(256) for _ in range(3000)))


@pytest.mark.parametrize(
    ("name", "make", "words"),
    [
        (
            "ole.xls",
            lambda p: p.write_bytes(OLE2 + b"\x00" * 7),
            "文件已损坏，或不是 Excel (.xls) 表格文件",
        ),
        ("w.xlsx", _docx, "这是 Word 文档，不是表格文件"),
        ("w.xls", _docx, "这是 Word 文档，不是表格文件"),
        ("junk.xls", _binary, "文件已损坏，或不是表格文件"),
        ("junk.xlsx", _binary, "文件已损坏，或不是表格文件"),
        (
            "text.xlsx",
            lambda p: p.write_text("报送单位,标题\n"),
            "文件已损坏，或不是 Excel (.xlsx) 表格文件",
        ),
        (
            "cut.xml.xls",
            lambda p: p.write_text(
                '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:'
                'spreadsheet"><Worksheet><Table><Row>'
            ),
            "无法作为 SpreadsheetML 表格读取：XML 在第 2 行第",
        ),
    ],
)
def test_not_a_table_in_the_clerks_words(
    folder: Path, tmp_path: Path, runner: CliRunner, name: str, make: object, words: str
) -> None:
    path = tmp_path / name
    make(path)  # type: ignore[operator]
    code, out, err = run(runner, folder, "import", str(path))
    assert code == 1, out + err
    assert f"{name}: error: {words}" in out
    for leak in ("Cfb", "Calamine", "BadZip", "workbook part", "--encoding", "ParseError"):
        assert leak not in out + err
    assert commits(folder) == 1
    code, out, _ = run(runner, folder, "--lang", "en", "import", str(path))
    assert "damaged" in out or "Word document" in out or "malformed" in out


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_a_usage_error_like_a_folder(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    pipe = tmp_path / "pipe.csv"
    os.mkfifo(pipe)
    code, out, err = run(runner, folder, "import", str(pipe))
    assert code == 2, out + err
    assert "不是普通文件" in err
    assert "找不到" not in err
    assert commits(folder) == 1
