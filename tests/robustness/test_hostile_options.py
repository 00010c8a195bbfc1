"""Option values and environments that once gave tracebacks: each is now a message and the
right exit code (a usage error is exit 2)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support.cli import cli, cli_args, cli_env, run_cli
from tests.support.folders import BASE_POINTS, MakeFolder
from tests.support.paths import PROJECT, SAMPLE

OUT_OF_RANGE = {
    "soon-huge": (["overdue", "--soon", "99999999"], "--soon 99999999 is too large"),
    "soon-past-the-calendar": (
        ["overdue", "--as-of", "9998-12-31", "--soon", "14"],
        "--soon 14 is too large",
    ),
    "as-of-9999": (["overdue", "--as-of", "9999-12-31"], "--as-of 9999-12-31 is out of range"),
    "as-of-year-1": (["overdue", "--as-of", "0001-01-01"], "--as-of 0001-01-01 is out of range"),
    "since-year-1": (["overdue", "--since", "0001-01-01"], "--since 0001-01-01 is out of range"),
    "score-as-of-year-1": (
        ["score", "2003", "--as-of", "0001-01-01"],
        "--as-of 0001-01-01 is out of range",
    ),
    "no-such-day": (["overdue", "--as-of", "2003-02-29"], "--as-of 2003-02-29: no such day"),
    "no-such-day-score": (
        ["score", "2003", "--as-of", "2003-02-29"],
        "--as-of 2003-02-29: no such day",
    ),
    "not-a-date": (["overdue", "--as-of", "2003-2-1"], "--as-of 2003-2-1 is not a YYYY-MM-DD"),
    "year-of-three-digits": (["score", "203"], "YEAR: expected a year from 1000 to 9998"),
    "year-of-five-digits": (["close-year", "10000"], "YEAR: expected a year from 1000 to 9998"),
    "year-0999": (["explain", "changchun", "0999"], "YEAR: expected a year from 1000 to 9998"),
    "period-of-year-203": (["report", "0203"], "“0203” is not a period"),
    "top-0": (["score", "2003", "--top", "0"], "--top: expected a whole number, at least 1"),
    "lang-fr": (["--lang", "fr", "score", "2003"], "--lang: expected one of: zh, en"),
}


@pytest.mark.parametrize("case", list(OUT_OF_RANGE))
def test_out_of_range_options_are_usage_errors(folder: Path, runner: CliRunner, case: str) -> None:
    args, message = OUT_OF_RANGE[case]
    code, out, err = run_cli(runner, folder, "--lang", "en", *args)
    assert code == 2, out + err
    assert message in err
    assert "Traceback" not in out + err


def test_no_such_day_is_named_in_chinese(
    folder: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _out, err = run_cli(runner, folder, "overdue", "--as-of", "2003-02-29")
    assert code == 2
    assert "不存在的日期" in err
    assert "YYYY-MM-DD" not in err
    monkeypatch.setenv("GOVINFO_TODAY", "2003-02-30")  # the same for "today"
    code, _out, err = run_cli(runner, folder, "overdue")
    assert code == 2
    assert "GOVINFO_TODAY 的值 2003-02-30 是不存在的日期" in err
    assert "YYYY-MM-DD" not in err


@pytest.mark.parametrize("env", [{"PYTHONIOENCODING": "ascii"}, {"LC_ALL": "C", "LANG": "C"}])
def test_output_the_terminal_cannot_encode_is_replaced_with_a_warning(
    folder: Path, env: dict[str, str]
) -> None:
    extra = {**env, "PYTHONUTF8": "0"}
    proc = cli(folder, "--lang", "zh", "score", "2003", **extra)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "?" in proc.stdout
    warnings = [line for line in proc.stderr.splitlines() if "could not be written" in line]
    assert len(warnings) == 1
    assert "PYTHONIOENCODING=utf-8" in warnings[0]


@pytest.mark.parametrize("command", [["score", "2003"], ["report", "2003-08"]])
def test_json_on_a_terminal_that_cannot_encode_is_escaped_not_replaced(
    folder: Path, command: list[str]
) -> None:
    """score's and report's JSON alike: every name exact (``\\u`` escapes), not ``?``."""
    proc = cli(folder, *command, "--format", "json", PYTHONIOENCODING="ascii")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.isascii()
    assert "could not be written" not in proc.stderr
    names = {p["name"] for p in json.loads(proc.stdout)["points"]}
    assert "长春市人民政府办公厅" in names


def test_a_gbk_output_gets_the_whole_year_report_its_chart_in_ascii() -> None:
    """GBK (a Chinese Windows' code page) holds Chinese but not the trend chart's ▒: the
    year's tables are written whole — not cut off after the first as a lost output — the
    chart drawn with its ASCII pair (# and =, in the legend too), nothing lost, no warning."""

    def report(encoding: str) -> subprocess.CompletedProcess[bytes]:
        args = cli_args(SAMPLE, "--no-cache", "--lang", "zh", "report", "2003")
        env = cli_env(PYTHONIOENCODING=encoding, GOVINFO_TODAY="2003-12-31")
        return subprocess.run(args, cwd=PROJECT, env=env, capture_output=True, check=False)

    gbk, utf8 = report("gbk"), report("utf-8")
    assert gbk.returncode == 0, gbk.stderr.decode("gbk", "replace")
    assert "▒" in utf8.stdout.decode()
    assert gbk.stdout.decode("gbk") == utf8.stdout.decode().replace("█", "#").replace("▒", "=")
    assert "could not be written" not in gbk.stderr.decode("gbk")


def test_json_on_a_gbk_output_escapes_what_gbk_lacks(make_folder: MakeFolder) -> None:
    """A point's name with a character GBK lacks (㐀, CJK extension A): the JSON is written
    with \\u escapes, every name exact, not with a ? in its place."""
    points = BASE_POINTS.replace("name: 四平市人民政府办公厅", "name: 四㐀市人民政府办公厅")
    root = make_folder({"points.yaml": points})
    proc = cli(root, "score", "2003", "--format", "json", PYTHONIOENCODING="gbk")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.isascii()
    assert "could not be written" not in proc.stderr
    assert "四㐀市人民政府办公厅" in {p["name"] for p in json.loads(proc.stdout)["points"]}


def test_a_file_name_that_is_not_utf8_is_shown_not_taken_for_a_lost_output(
    make_folder: MakeFolder,
) -> None:
    """A file named in GBK (unpacked from a Windows archive: its name comes back with lone
    surrogates, which even UTF-8 cannot write): ``check`` names it, those bytes escaped as
    every unprintable character is (``\\udcb3``), and its JSON names it exactly."""
    root = make_folder()
    stray = root / "submissions" / "2003" / "changchun" / os.fsdecode(b"\xb3\xa4.yaml")
    stray.parent.mkdir(parents=True)
    stray.write_text("- id: x\n", encoding="utf-8")
    env = {"PYTHONIOENCODING": "utf-8", "LC_ALL": "C.UTF-8"}
    shown = cli(root, "--lang", "en", "check", **env)
    assert shown.returncode == 1, shown.stderr
    assert "submissions/2003/changchun/\\udcb3\\udca4.yaml" in shown.stdout
    assert "could not be written" not in shown.stderr
    assert "closed or full" not in shown.stderr
    machine = cli(root, "--lang", "en", "check", "--format", "json", **env)
    assert machine.stdout.isascii()
    paths = {p["path"] for p in json.loads(machine.stdout)["problems"]}
    assert "submissions/2003/changchun/\udcb3\udca4.yaml" in paths


def test_a_point_folder_whose_name_is_not_utf8_is_a_problem_in_a_large_year(
    tmp_path: Path,
) -> None:
    """A point's folder named in GBK, in a year large enough to be parsed on every core: its
    file is parsed here, not in a worker (whose answer could not carry the name), so the
    folder is named as the problem it is — never a traceback."""
    root = tmp_path / "data"
    shutil.copytree(SAMPLE, root)
    month = root / "submissions" / "2003" / "changchun" / "01.yaml"
    odd = root / "submissions" / "2003" / os.fsdecode(b"\xb3\xa4\xb4\xba")
    odd.mkdir()
    shutil.copy(month, odd / "01.yaml")
    for args in (["score", "2003"], ["check"]):
        proc = cli(
            root, "--lang", "en", "--no-cache", *args, GOVINFO_TODAY="2003-12-31", GOVINFO_JOBS="2"
        )
        assert proc.returncode == 1, proc.stderr
        assert "Traceback" not in proc.stderr
        assert "submissions/2003/\\udcb3\\udca4\\udcb4\\udcba/01.yaml" in proc.stdout + proc.stderr


def test_check_json_on_a_terminal_that_cannot_encode_is_escaped_not_replaced(
    folder: Path,
) -> None:
    """``check``'s JSON, like every other: exact in an ASCII locale (\\u escapes), not ?."""
    points = folder / "points.yaml"
    points.write_text(points.read_text(encoding="utf-8") + "- id: 坏\n", encoding="utf-8")
    proc = cli(folder, "--lang", "zh", "check", "--format", "json", PYTHONIOENCODING="ascii")
    assert proc.stdout.isascii()
    assert "could not be written" not in proc.stderr
    messages = [p["message"] for p in json.loads(proc.stdout)["problems"]]
    assert messages
    assert all("?" not in m for m in messages)
    assert any(any("\u4e00" <= ch <= "\u9fff" for ch in m) for m in messages)


@pytest.mark.parametrize("period", ["٢٠٠٣", "２００３Q1", "2003-٠٨", "99999", "2003Q5"])
def test_report_periods_not_written_in_ascii_digits_are_usage_errors(
    folder: Path, runner: CliRunner, period: str
) -> None:
    code, out, err = run_cli(runner, folder, "--lang", "en", "report", period)
    assert code == 2, out + err
    assert period in err
    assert "Traceback" not in out + err


@pytest.mark.parametrize(
    ("period", "message"),
    [("1000", "no rule set is in force on 1000-12-31"), ("9998-12", "it has not begun")],
)
def test_report_periods_at_the_calendar_edges_are_refused_with_a_message(
    folder: Path, runner: CliRunner, period: str, message: str
) -> None:
    code, out, err = run_cli(runner, folder, "--lang", "en", "report", period)
    assert code == 1, out + err
    assert message in err
    assert "Traceback" not in out + err
