"""Shell completion through Typer's own protocol (the environment variables the bash, zsh and
fish scripts set), on a real folder: commands, options, point ids and short names, years."""

from __future__ import annotations

import re
import shlex
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govinfo.cli.main import app
from tests.support.cli import cli, cli_args, cli_env
from tests.support.folders import MakeFolder

PERIOD = re.compile(r"(?<![\w-])\d{4}(?:H[12]|Q[1-4]|-\d{2})?(?![\w-])")
SUB = "- id: {pid}-{year}-0001\n  date: {year}-08-14\n  title: 调研\n  category: research\n"


def complete(runner: CliRunner, shell: str, words: str, env: dict[str, str] | None = None) -> str:
    """What the shell would be offered after typing ``words`` (a trailing space: a new word)."""
    variables = {"_GOVINFO_COMPLETE": f"complete_{shell}", **(env or {})}
    if shell == "bash":
        variables["COMP_WORDS"] = words
        variables["COMP_CWORD"] = str(len(words.split()) - (0 if words.endswith(" ") else 1))
    else:
        variables["_TYPER_COMPLETE_ARGS"] = words
        variables["_TYPER_COMPLETE_FISH_ACTION"] = "get-args"
    result = runner.invoke(app, [], prog_name="govinfo", env=variables)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return result.output


@pytest.fixture
def root(make_folder: MakeFolder) -> Path:
    return make_folder(
        {
            "submissions/2002/changchun/08.yaml": SUB.format(pid="changchun", year=2002),
            "submissions/2003/siping/08.yaml": SUB.format(pid="siping", year=2003),
        }
    )


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_commands_points_and_years(runner: CliRunner, root: Path, shell: str) -> None:
    env = {"GOVINFO_DATA": str(root)}
    assert "explain" in complete(runner, shell, "govinfo ex", env)
    assert "close-year" in complete(runner, shell, "govinfo cl", env)
    points = complete(runner, shell, "govinfo explain ", env)
    assert all(pid in points for pid in ("changchun", "siping", "fgw"))
    assert "四平" in complete(runner, shell, "govinfo explain 四", env)
    assert "changchun" in complete(runner, shell, "govinfo points show ch", env)
    assert "siping" in complete(runner, shell, "govinfo overdue --point s", env)
    years = complete(runner, shell, "govinfo score ", env)
    assert "2003" in years
    assert "2002" in years
    assert "--as-of" in complete(runner, shell, "govinfo score 2003 --a", env)
    periods = PERIOD.findall(complete(runner, shell, "govinfo report 2003", env))
    assert {"2003", "2003H1", "2003Q4", "2003-08"} <= set(periods)
    assert not any(p.startswith("2002") for p in periods)
    quarters = PERIOD.findall(complete(runner, shell, "govinfo report 2003Q", env))
    assert quarters == [f"2003Q{q}" for q in range(1, 5)]
    assert {"2002", "2003"} <= set(
        PERIOD.findall(complete(runner, shell, "govinfo report 20", env))
    )


def test_data_given_on_the_line_before_or_after(runner: CliRunner, root: Path) -> None:
    assert "siping" in complete(runner, "bash", f"govinfo --data {root} explain s")
    assert "siping" in complete(runner, "bash", f"govinfo explain --data {root} s")


def test_no_folder_or_a_damaged_registry_offers_nothing(
    runner: CliRunner, root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    assert complete(runner, "bash", "govinfo explain ").split() == []
    (root / "points.yaml").write_bytes(b"\xff\xfe\x00garbage: [unclosed\n- id: \x00")
    (root / "submissions" / "2003").rename(root / "submissions" / "not-a-year")
    env = {"GOVINFO_DATA": str(root)}
    assert complete(runner, "bash", "govinfo explain ", env).split() == []
    assert complete(runner, "bash", "govinfo score ", env).split() == ["2002"]


def test_the_script_is_printed_for_the_shell_the_clerk_is_in() -> None:
    """``--show-completion`` names no shell: Typer finds the shell among the command's
    ancestors. Started from bash (``; true`` keeps bash from handing its process over), it
    prints bash's script whatever word follows."""
    line = f"{shlex.join(cli_args(Path('.'), '--show-completion'))}; true"
    proc = subprocess.run(
        ["bash", "-c", line], env=cli_env(), capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "_COMPLETE=complete_bash" in proc.stdout
    assert "complete -o default -F" in proc.stdout


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_each_shell_has_its_script(shell: str) -> None:
    """Every shell the README names has a script. Typer's switch that takes the shell's name
    instead of finding it keeps the test apart from whatever started the suite; it is read
    when the command line is built, so the run needs a process of its own."""
    proc = cli(
        Path("."), "--show-completion", shell, _TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION="1"
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert f"complete_{shell}" in proc.stdout
