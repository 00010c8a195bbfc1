"""``report … --template`` with a file that is no Word document: refused (exit 2) before anything
is written, saying why in the clerk's language — never python-docx's English words."""

from __future__ import annotations

import io
import os
import shutil
import zipfile
from pathlib import Path

import pytest
from docx import Document
from openpyxl import Workbook
from typer.testing import CliRunner

from govinfo.i18n import set_lang
from govinfo.render.template import TemplateError, open_template
from tests.support.cli import run_cli
from tests.support.paths import FIXTURES, SAMPLE


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("template") / "data"
    shutil.copytree(SAMPLE, dest)
    return dest


def _xlsx(path: Path) -> None:
    Workbook().save(path)


def _text(path: Path) -> None:
    path.write_text("not a docx", encoding="utf-8")


def _ole(path: Path, stream: str | None) -> None:
    """The start of an OLE compound file as Office 97-2003 writes it: the header (512-byte
    sectors), then a directory sector with the root entry and the main stream."""

    def entry(name: str, kind: int) -> bytes:
        encoded = (name + "\0").encode("utf-16-le")
        head = encoded.ljust(64, b"\0") + len(encoded).to_bytes(2, "little") + bytes([kind])
        return head.ljust(128, b"\0")

    header = bytearray(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1".ljust(512, b"\0"))
    header[0x1E:0x20] = (9).to_bytes(2, "little")  # 512-byte sectors; the directory in sector 0
    names = [("Root Entry", 5), ("1Table", 2)] + ([(stream, 2)] if stream else [])
    path.write_bytes(bytes(header) + b"".join(entry(n, k) for n, k in names).ljust(512, b"\0"))


def _doc(path: Path) -> None:
    _ole(path, "WordDocument")


def _xls(path: Path) -> None:  # a real Excel 97-2003 workbook
    shutil.copyfile(FIXTURES / "oldformats" / "batch.xls", path)


def _ppt(path: Path) -> None:
    _ole(path, "PowerPoint Document")


def _other_ole(path: Path) -> None:  # e.g. a .msg or an old Visio file: no Office stream named
    _ole(path, None)


def _cut(path: Path) -> None:
    buffer = io.BytesIO()
    Document().save(buffer)
    path.write_bytes(buffer.getvalue()[:2000])


def _zip(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("a.txt", "x")


CASES = [
    (_xlsx, "q3.xlsx", "是 Excel 工作簿，不是 Word 文档（.docx）", "it is an Excel workbook"),
    (_text, "bad.docx", "不是 Word 文档（.docx）", "not a Word document (.docx)"),
    (_doc, "old.doc", "是旧版 Word 文档（.doc），请在 Word 中另存为 .docx", "old Word document"),
    # the OLE signature is shared: only a WordDocument stream makes it a .doc
    (_xls, "old.xls", "是旧版 Excel 工作簿（.xls），不是 Word 文档（.docx）", "old Excel workbook"),
    (_ppt, "old.ppt", "是旧版 PowerPoint 演示文稿（.ppt），不是 Word 文档（.docx）", "(.ppt)"),
    (
        _other_ole,
        "other.doc",
        "是旧版 Office 文件，但不是 Word 文档；模板须是 Word 文档（.docx）",
        "old Office file, but not a Word",
    ),
    (_cut, "cut.docx", "不是完整的 Word 文档（.docx），文件可能已损坏", "may be damaged"),
    (_zip, "zip.docx", "不是完整的 Word 文档（.docx），文件可能已损坏", "may be damaged"),
]


@pytest.mark.parametrize(("make", "name", "zh", "en"), CASES, ids=[c[1] for c in CASES])
@pytest.mark.parametrize("period", ["2003-08", "2003"])
def test_a_template_that_is_no_docx_is_refused_in_the_clerks_words(
    folder: Path,
    tmp_path: Path,
    runner: CliRunner,
    make: object,
    name: str,
    zh: str,
    en: str,
    period: str,
) -> None:
    template = tmp_path / name
    make(template)  # type: ignore[operator]
    out = tmp_path / "z.docx"
    args = ("report", period, "--template", str(template), "--out", str(out))
    code, _, err = run_cli(runner, folder, *args)
    assert code == 2, err
    assert err.strip() == f"无法打开模板 {template}：{zh}"
    code, _, err = run_cli(runner, folder, "--lang", "en", *args)
    assert code == 2, err
    assert err.startswith(f"cannot open the template {template}: ")
    assert en in err
    assert "content type" not in err
    assert "Package" not in err
    assert not out.exists()


def test_a_missing_template_or_a_folder_is_named(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    template = tmp_path / "红头.docx"
    args = ("report", "2003-08", "--template", str(template), "--out", str(tmp_path / "z.docx"))
    code, _, err = run_cli(runner, folder, *args)
    assert code == 2, err
    assert err.strip() == f"无法打开模板 {template}：文件不存在"
    code, _, err = run_cli(runner, folder, "--lang", "en", *args)
    assert code == 2, err
    assert err.strip() == f"cannot open the template {template}: there is no such file"
    args = ("report", "2003", "--template", str(tmp_path), "--out", str(tmp_path / "z.docx"))
    code, _, err = run_cli(runner, folder, *args)
    assert code == 2, err
    assert err.strip() == f"无法打开模板 {tmp_path}：这是一个文件夹，不是文件"


def test_a_template_that_cannot_be_read_gives_the_systems_reason(tmp_path: Path) -> None:
    set_lang("zh")
    with pytest.raises(TemplateError) as raised:
        open_template(tmp_path)  # a folder: read_bytes fails as an unreadable file does
    assert str(raised.value) == "这是一个文件夹，不是文件"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file whatever its mode")
def test_an_unreadable_template_says_permission(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    template = tmp_path / "红头.docx"
    Document().save(str(template))
    template.chmod(0)
    args = ("report", "2003-08", "--template", str(template), "--out", str(tmp_path / "z.docx"))
    code, _, err = run_cli(runner, folder, *args)
    assert code == 2, err
    assert err.startswith(f"无法打开模板 {template}：")
    assert "Permission" not in err
