"""Help and usage errors read as written: a template's placeholder (``{{正文}}``) is never broken
over two lines of help, a missing file to import is named without the usage line's ``…``, and
``--lang`` takes its values whatever their case."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from govinfo.cli.main import app
from govinfo.render.wrap import wrap_text
from tests.cli.test_usage import command_paths
from tests.support.folders import MakeFolder

PLACEHOLDER = re.compile(r"\{\{[^{}\s]+\}\}")


def test_a_placeholder_is_one_unit_when_wrapped() -> None:
    text = "用本单位的版头模板代替内置版头：通报正文替换模板中的 {{正文}} 段落（没有则接在末尾）。"
    for width in range(10, 60):
        lines = wrap_text(text, width)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        assert any("{{正文}}" in line for line in lines), (width, lines)


def test_a_run_that_starts_with_a_closing_mark_never_starts_a_line() -> None:
    text = "Print the tables of a period's circular (通报)."
    for width in range(8, 50):
        lines = wrap_text(text, width)
        assert all(not line.startswith((")", "）")) for line in lines), (width, lines)
        assert all(not line.endswith("(") for line in lines), (width, lines)
    assert wrap_text("the 版头 (red 发文机关标志", 18) == ["the 版头 (red 发文", "机关标志"]
    assert wrap_text("a circular (通报).", 16) == ["a circular (通", "报)."]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("columns", ["60", "70"])
def test_help_at_a_narrow_terminal_keeps_placeholders_whole(
    runner: CliRunner,
    make_folder: MakeFolder,
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
    columns: str,
) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    root = str(make_folder())
    seen = 0
    for path, _ in command_paths():
        result = runner.invoke(app, ["--data", root, "--lang", lang, *path, "--help"])
        assert result.exit_code == 0, (path, result.stderr)
        lines = result.stdout.splitlines()
        assert all(len(line) <= int(columns) for line in lines if line.isascii()), path
        for line in lines:
            assert not line.rstrip().endswith("{{"), (path, line)
            assert not line.lstrip().startswith("正文}}"), (path, line)
        seen += len(PLACEHOLDER.findall(result.stdout))
    assert seen >= 1  # report --help names {{正文}}, whole


def test_import_without_a_file_says_what_is_missing(
    runner: CliRunner, make_folder: MakeFolder
) -> None:
    root = str(make_folder())
    result = runner.invoke(app, ["--data", root, "import"])
    assert result.exit_code == 2
    assert "错误：缺少要导入的文件（CSV、TSV、XLSX、XLS 或 ODS，可给多个）\n" in result.stderr
    assert "缺少文件…" not in result.stderr
    result = runner.invoke(app, ["--data", root, "--lang", "en", "import"])
    assert result.exit_code == 2
    assert "Error: missing the file to import (CSV, TSV, XLSX, XLS or ODS;" in result.stderr
    result = runner.invoke(app, ["--data", root, "score"])
    assert result.exit_code == 2
    assert "错误：缺少年份\n" in result.stderr


@pytest.mark.parametrize(("given", "title"), [("EN", "2003 scores"), ("Zh", "2003年度")])
def test_lang_takes_either_case(
    runner: CliRunner, make_folder: MakeFolder, given: str, title: str
) -> None:
    root = str(make_folder())
    result = runner.invoke(app, ["--data", root, "--lang", given, "score", "2003"])
    assert result.exit_code == 0, result.stderr
    assert title in result.stdout
    result = runner.invoke(app, ["--data", root, f"--lang={given}", "score", "abc"])
    assert result.exit_code == 2
    assert ("invalid value for YEAR" if given == "EN" else "年份") in result.stderr


def test_lang_of_another_language_is_a_usage_error(
    runner: CliRunner, make_folder: MakeFolder
) -> None:
    result = runner.invoke(app, ["--data", str(make_folder()), "--lang", "fr", "score", "2003"])
    assert result.exit_code == 2
    assert "错误：--lang 的值无效：应为以下之一：zh、en" in result.stderr


def test_english_help_says_in_english_what_the_english_tables_print(
    runner: CliRunner, make_folder: MakeFolder
) -> None:
    """English help keeps Chinese for names and examples of data (市州, 伊通, 吉政办函〔…〕) only:
    the tables and words it describes are the English tables' (“Overview”, “rank to date”)."""
    root = str(make_folder())
    chinese_words = ["政务信息", "吉林省", "总体情况", "零报送", "采用条目", "批示件", "约稿完成"]
    chinese_words += ["本期", "累计", "名次", "成文日期", "版头"]
    for path, _ in command_paths():
        result = runner.invoke(app, ["--data", root, "--lang", "en", *path, "--help"])
        assert result.exit_code == 0, (path, result.stderr)
        text = result.stdout.replace("\n", " ")
        assert not [w for w in chinese_words if w in text], (path, text)
    result = runner.invoke(app, ["--data", root, "--lang", "en", "report", "--help"])
    text = " ".join(result.stdout.split())
    assert "Overview" in text
    assert "rank to date" in text
    assert "default: the period's last day" in text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_help_names_the_values_an_option_takes(
    runner: CliRunner, make_folder: MakeFolder, lang: str
) -> None:
    """Both languages say the same: --tier takes provincial or national, --kind city, county or
    department, --parent any name of the city, import --encoding is for HTML files too."""
    root = str(make_folder())

    def help_of(*path: str) -> str:
        result = runner.invoke(app, ["--data", root, "--lang", lang, *path, "--help"])
        assert result.exit_code == 0, result.stderr
        return "".join(result.stdout.split())

    for path in (["points", "add"], ["points", "retire"], ["points", "reinstate"]):
        shown = help_of(*path)
        assert "provincial" in shown
        assert "national" in shown
    added = help_of("points", "add")
    assert "city" in added
    assert "City" not in added
    assert ("全称" if lang == "zh" else "fullname") in added.split("--parent")[1]
    assert "HTML" in help_of("import")
    assert ("累计" if lang == "zh" else "runningtotal") in help_of("explain").split("--out")[1]


def test_chinese_help_says_as_much_as_the_english() -> None:
    """A paragraph of the English help (what a command refuses, its exit codes, …) has its
    Chinese one: the clerk reads the Chinese."""
    from govinfo.i18n import HELP_ZH

    def paragraphs(text: str) -> int:
        return len([p for p in text.strip().split("\n\n") if p.strip()])

    short = {
        " ".join(path) or "govinfo": (
            paragraphs(command.help or ""),
            paragraphs(HELP_ZH[" ".join(path)]),
        )
        for path, command in command_paths()
        if paragraphs(command.help or "") != paragraphs(HELP_ZH[" ".join(path)])
    }
    assert not short, short
