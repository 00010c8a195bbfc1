"""The operating system's reasons in the clerk's language: its own words (``strerror``) are
English, so a Chinese message carried "Read-only file system" or "File name too long"; every
such reason goes through ``i18n.os_error_text`` — Chinese for the common errno values, the
system's words in English or for any other."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govinfo.i18n import OS_ERRORS_ZH, os_error_text, set_lang
from tests.robustness.test_permissions_and_stdout import read_only
from tests.support.cli import run_cli
from tests.support.folders import copy_fixture

LONG_NAME = "名" * 100  # 300 bytes: longer than a file name may be


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return copy_fixture("scoring", tmp_path)


@pytest.mark.parametrize("name", sorted(OS_ERRORS_ZH))
def test_each_common_errno_has_chinese_words_and_english_keeps_the_systems(name: str) -> None:
    code = getattr(errno, name, None)
    if code is None:
        pytest.skip(f"{name} is not an errno of this system")
    err = OSError(code, os.strerror(code), "x")
    set_lang("zh")
    assert os_error_text(err) == OS_ERRORS_ZH[name]
    set_lang("en")
    try:
        assert os_error_text(err) == os.strerror(code)
    finally:
        set_lang("zh")


def test_any_other_error_keeps_the_systems_words() -> None:
    assert os_error_text(OSError(errno.EPIPE, os.strerror(errno.EPIPE))) == os.strerror(errno.EPIPE)
    assert os_error_text(OSError("no errno")) == "no errno"


def test_out_into_a_read_only_folder(runner: CliRunner, data: Path, tmp_path: Path) -> None:
    shelf = tmp_path / "只读"
    shelf.mkdir()
    with read_only(shelf):
        code, _, err = run_cli(runner, data, "score", "2003", "--out", str(shelf / "得分.xlsx"))
        assert code == 1, err
        reason = OS_ERRORS_ZH["EROFS"] if os.geteuid() == 0 else OS_ERRORS_ZH["EACCES"]
        assert f"无法写入 {shelf / '得分.xlsx'}：{reason}" in err
        assert "Read-only" not in err
        assert "Permission" not in err
        code, _, err = run_cli(
            runner, data, "--lang", "en", "score", "2003", "--out", str(shelf / "s.xlsx")
        )
        assert code == 1, err
        assert ("Read-only file system" if os.geteuid() == 0 else "Permission denied") in err
        code, _, err = run_cli(runner, data, "init", str(shelf / "新目录"))
        assert code == 1, err
        assert "Traceback" not in err
        assert f"无法写入 {shelf / '新目录'}：{reason}" in err
        assert "没有写入任何内容" in err
    assert list(shelf.iterdir()) == []


def test_out_through_a_file_and_a_name_too_long(
    runner: CliRunner, data: Path, tmp_path: Path
) -> None:
    code, _, err = run_cli(runner, data, "report", "2003", "--out", f"{data}/govinfo.yaml/表/")
    assert code == 1, err
    assert err.strip().endswith("：路径中有一段不是文件夹")
    long = tmp_path / f"{LONG_NAME}.xlsx"
    code, _, err = run_cli(runner, data, "score", "2003", "--out", str(long))
    assert code == 1, err
    assert err.strip() == f"无法写入 {long}：文件名太长"
    code, _, err = run_cli(runner, data, "report", "2003", "--out", str(long))
    assert code == 1, err
    assert err.strip() == f"无法写入 {long}：文件名太长"


def test_import_of_a_name_too_long_and_a_mapping_through_a_file(
    runner: CliRunner, data: Path, tmp_path: Path
) -> None:
    """Each is refused in words (exit 2), never a traceback, and nothing is imported."""
    long = tmp_path / f"{LONG_NAME}.csv"
    code, _, err = run_cli(runner, data, "import", str(long))
    assert code == 2, err
    assert err.strip() == f"无法读取要导入的文件：{long}：文件名太长"
    batch = tmp_path / "batch.csv"
    batch.write_text("直报点,日期,标题\n", encoding="utf-8")
    mapping = data / "govinfo.yaml" / "列.yaml"
    code, _, err = run_cli(runner, data, "import", str(batch), "--mapping", str(mapping))
    assert code == 2, err
    assert err.strip() == f"列映射文件 {mapping} 有误：路径中有一段不是文件夹"
    code, _, err = run_cli(
        runner,
        data,
        "report",
        "2003",
        "--out",
        str(tmp_path / "通报.docx"),
        "--template",
        str(tmp_path / f"{LONG_NAME}.docx"),
    )
    assert code == 2, err
    assert err.strip().endswith("：文件名太长")
