"""Help and usage errors in the user's language (issue 13 item 2): the folder's language when a
folder is found, else the locale's; placeholders a person reads, never Python types or pydantic's
words; exit 2 for usage errors."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer.main
from typer.testing import CliRunner

from govinfo.cli.main import app
from govinfo.i18n import HELP_ZH
from tests.support.cli import CLI, cli_env, invoke
from tests.support.folders import MakeFolder

PYTHON_WORDS = ("<", "list[", "Input should", "int range", "pydantic", "Path]")


def command_paths() -> Iterator[tuple[list[str], Any]]:
    def walk(command: Any, path: list[str]) -> Iterator[tuple[list[str], Any]]:
        yield path, command
        for name, sub in getattr(command, "commands", {}).items():
            yield from walk(sub, [*path, name])

    yield from walk(typer.main.get_command(app), [])


def test_every_command_and_parameter_has_chinese_help() -> None:
    missing = []
    for path, command in command_paths():
        key = " ".join(path)
        if key not in HELP_ZH:
            missing.append(key or "govinfo")
        for param in command.params:
            if not getattr(param, "hidden", False) and f"{key}:{param.name}" not in HELP_ZH:
                missing.append(f"{key}:{param.name}")
    assert not missing


def test_every_chinese_help_line_ends_its_sentence() -> None:
    """Each help text, -h/--help's own among them, ends with 。"""
    from govinfo.i18n import MESSAGES

    assert [k for k, text in HELP_ZH.items() if not text.endswith("。")] == []
    assert MESSAGES["usage_help_option"][0].endswith("。")


@pytest.mark.parametrize(
    ("lang", "words"),
    [("zh", ("用法：", "选项：", "显示本帮助并退出")), ("en", ("Usage:", "Options:", "Show this"))],
)
def test_every_help_speaks_the_folders_language(
    runner: CliRunner, make_folder: MakeFolder, lang: str, words: tuple[str, ...]
) -> None:
    root = make_folder()
    if lang == "en":
        settings = root / "govinfo.yaml"
        settings.write_text(
            settings.read_text(encoding="utf-8").replace("language: zh", "language: en"),
            encoding="utf-8",
        )
    for path, _ in command_paths():
        code, out, err = invoke(runner, "--data", str(root), *path, "--help")
        assert code == 0, (path, err)
        for word in words:
            assert word in out, (path, out)
        for word in PYTHON_WORDS:
            assert word not in out, (path, word, out)
    code, out, _ = invoke(runner, "--data", str(root), "score", "--help")
    assert ("年份" if lang == "zh" else "YEAR") in out
    code, out, _ = invoke(runner, "--data", str(root), "import", "--help")
    assert ("文件…" if lang == "zh" else "FILE...") in out


def test_usage_errors_in_chinese(runner: CliRunner, make_folder: MakeFolder) -> None:
    root = str(make_folder())
    cases = {
        ("score", "abc"): "年份的值无效：应为介于 1000 与 9998 之间的年份",
        ("score", "203"): "年份的值无效：应为介于 1000 与 9998 之间的年份",
        ("score", "2003", "--top", "0"): "--top 的值无效：应为不小于 1 的整数",
        ("overdue", "--soon", "0"): "--soon 的值无效：应为不小于 1 的整数",
        ("--lang", "fr", "score", "2003"): "--lang 的值无效：应为以下之一：zh、en",
        ("score", "2003", "--bogus"): "没有这个选项：--bogus",
        ("score", "2003", "--format", "xml"): "--format 的值无效：应为以下之一：table",
        ("explain",): "缺少直报点",
        ("points", "add", "x2"): "缺少 --name\n",
        ("score", "2003", "extra"): "多余的参数：extra",
        ("nonsense",): "没有这个命令：nonsense\n",
        ("explian", "changchun", "2003"): "没有这个命令：explian。是不是 explain？",
        ("point", "list"): "没有这个命令：point。是不是 points、init？",
        ("points", "lst"): "没有这个命令：lst。是不是 list？",
        ("score", "2003", "--as-of"): "选项 --as-of 后面要跟一个值",
        ("explain", "2003", "长春"): "之间的年份（四位数字，如 2003）。直报点应写在年份之前："
        "govinfo explain 直报点 2003\n",
    }
    for args, message in cases.items():
        code, _, err = invoke(runner, "--data", root, *args)
        assert code == 2, (args, err)
        assert message in err, (args, err)
        if args[-1] != "--as-of":  # click's parser raises that one without its command
            assert "用法：govinfo" in err
        for word in (*PYTHON_WORDS, "Error:", "Usage:"):
            assert word not in err, (args, err)


@pytest.mark.parametrize(
    ("locale", "usage", "message"),
    [
        ("zh_CN.UTF-8", "用法：", "应为介于 1000 与 9998 之间的年份"),
        ("en_US.UTF-8", "Usage:", "expected a year"),
        ("de_DE", "Usage:", "expected a year"),
        # no language named: the program's own, Chinese (a server's locale; Windows sets none)
        ("C.UTF-8", "用法：", "应为介于 1000 与 9998 之间的年份"),
        ("POSIX", "用法：", "应为介于 1000 与 9998 之间的年份"),
        ("", "用法：", "应为介于 1000 与 9998 之间的年份"),
    ],
)
def test_without_a_folder_the_locale_decides(
    runner: CliRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    locale: str,
    usage: str,
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)  # no ./data here
    for var in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", locale)
    code, _, err = invoke(runner, "score", "abc")
    assert code == 2
    assert usage in err
    assert message in err
    code, out, _ = invoke(runner, "--help")
    assert code == 0
    assert usage in out


def test_without_a_folder_nor_a_language_a_terminal_without_chinese_gets_english(
    tmp_path: Path,
) -> None:
    env = {**cli_env(), "LANG": "C.UTF-8", "PYTHONIOENCODING": "ascii"}
    for var in ("LC_ALL", "LC_MESSAGES", "GOVINFO_DATA"):
        env.pop(var, None)
    done = subprocess.run(
        [sys.executable, "-c", CLI, "score", "abc"],
        cwd=tmp_path,  # no ./data here
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "Usage:" in done.stderr
    assert "expected a year" in done.stderr


def test_lang_option_wins(runner: CliRunner, make_folder: MakeFolder) -> None:
    code, _, err = invoke(runner, "--data", str(make_folder()), "--lang", "en", "score", "abc")
    assert code == 2
    assert "invalid value for YEAR: expected a year from 1000 to 9998" in err
    code, _, err = invoke(
        runner, "--data", str(make_folder()), "--lang", "en", "points", "add", "x"
    )
    assert code == 2
    assert "Error: missing --name\n" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nonsense"], "Error: no such command 'nonsense'\n"),
        (
            ["explian", "changchun", "2003"],
            "Error: no such command 'explian'. Did you mean 'explain'?",
        ),
        (["point", "list"], "Error: no such command 'point'. Did you mean 'points' or 'init'?"),
        (
            ["explain", "2003", "changchun"],
            "(four digits, e.g. 2003). The point comes before the year: govinfo explain POINT 2003\n",
        ),
    ],
)
def test_a_mistyped_command_or_swapped_arguments_in_english(
    runner: CliRunner, make_folder: MakeFolder, args: list[str], message: str
) -> None:
    code, _, err = invoke(runner, "--data", str(make_folder()), "--lang", "en", *args)
    assert code == 2
    assert message in err


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("score 2003", "score"),
        ("--lang en score 2003", "score"),
        ("--data=d --no-cache points show x", "points"),
        ("score 2003 --data d", "score"),
        ("--help", None),
        ("--version score", None),
        ("--data d", None),
        ("scor 2003", "scor"),
    ],
)
def test_a_run_builds_only_the_command_its_line_names(line: str, name: str | None) -> None:
    from govinfo.cli.main import COMMANDS, command_name, for_line

    assert command_name(line.split()) == name
    built = typer.main.get_command(for_line(line.split(), environ={}))
    assert isinstance(built, typer.core.TyperGroup)
    wanted = [name] if name in COMMANDS else list(COMMANDS)
    assert set(built.commands) == set(wanted)
    completing = typer.main.get_command(for_line(line.split(), {"_GOVINFO_COMPLETE": "x"}))
    assert isinstance(completing, typer.core.TyperGroup)
    assert set(completing.commands) == set(COMMANDS)
