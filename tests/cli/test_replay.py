"""A table printed again from the result cache (``govinfo.cli.replay``, issue 16): the text a
run wrote is written again only when the answers and every way of showing them are the same
— then byte for byte — and never when anything else decides what is printed."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govinfo import __version__
from govinfo.app.options import Quiet, RunOptions
from govinfo.app.session import Session
from govinfo.cli.main import app
from govinfo.load.cache import build
from govinfo.load.stamps import tree_stamps
from govinfo.render import table, yearend
from tests.cli.test_widths import in_terminal
from tests.support.aging import age
from tests.support.cli import CLI_ARGV, LineRunner, run_entry_point
from tests.support.parsed import lend_packs, parse_once
from tests.support.paths import SAMPLE

TABLES = [
    ["report", "2003"],
    ["report", "2003-08"],
    ["score", "2003"],
    ["explain", "changchun", "2003"],
    ["overdue", "--as-of", "2003-09-30"],
]


def git_copy(parent: Path) -> Path:
    """A copy of the sample in a git repository of its own (its caches kept there)."""
    root = parent / "data"
    shutil.copytree(SAMPLE, root)
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    age(root)
    return root


@pytest.fixture(scope="module")
def parsed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return parse_once(git_copy(tmp_path_factory.mktemp("replay")), tmp_path_factory)


@pytest.fixture
def sample(_isolated_env: None, parsed: Path) -> Path:
    """The module's copy, its caches emptied but for the packs of its files parsed once
    (:mod:`tests.support.parsed`): for the tests that change none of its files. Nothing of
    a run before is kept: no answer, no table printed."""
    lend_packs(parsed)
    return parsed


@pytest.fixture
def own_sample(tmp_path: Path) -> Path:
    """A copy of the test's own, for a test that changes its files."""
    return git_copy(tmp_path)


@pytest.fixture(scope="module")
def uncached(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., str]:
    """What a run with no cache prints (``--no-cache``, so drawn from a cold read), for a
    command line and variables: the same for every copy of the sample, so drawn once for the
    module, on a copy of its own."""
    root = tmp_path_factory.mktemp("uncached") / "data"
    shutil.copytree(SAMPLE, root)
    drawn: dict[tuple[tuple[str, ...], tuple[tuple[str, str], ...]], str] = {}

    def draw(*args: str, **env: str) -> str:
        key = (args, tuple(sorted(env.items())))
        if key not in drawn:
            drawn[key] = run(LineRunner(), root, "--no-cache", *args, **env)
        return drawn[key]

    return draw


def kept(root: Path) -> list[Path]:
    return sorted((root / ".git" / "govinfo" / "cache").rglob("printed-*"))


def run(runner: CliRunner, root: Path, *args: str, **env: str) -> str:
    result = runner.invoke(app, ["--data", str(root), *args], env=env or None)
    assert result.exit_code == 0, result.output
    return result.output


def no_drawing(monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on, drawing a table fails: what is printed can only be printed again."""

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a table was drawn")

    monkeypatch.setattr(table, "print_table", refuse)
    monkeypatch.setattr(yearend, "print_year_end", refuse)
    monkeypatch.setattr("govinfo.cli.output.print_table", refuse)


@pytest.mark.parametrize("args", TABLES, ids=" ".join)
def test_a_table_printed_before_is_printed_again_byte_for_byte(
    sample: Path,
    runner: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
    uncached: Callable[..., str],
    args: list[str],
) -> None:
    drawn = uncached(*args)
    assert run(runner, sample, *args) == drawn  # drawn, and kept
    assert kept(sample)
    no_drawing(monkeypatch)
    assert run(runner, sample, *args) == drawn


def test_what_is_asked_or_shown_otherwise_is_drawn(
    sample: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch, uncached: Callable[..., str]
) -> None:
    """Each way of asking and of showing gets its own text: another language, terminal
    width, period or drawing, asked after one was kept, is drawn as it should be (not the
    kept text printed), then kept and printed again in its turn."""
    ways: list[tuple[list[str], dict[str, str]]] = [
        (["report", "2003-08"], {}),
        (["--lang", "en", "report", "2003-08"], {}),
        (["report", "2003-08"], {"COLUMNS": "60"}),
        (["report", "2003-07"], {}),
        (["report", "2003-08"], {"GOVINFO_ASCII": "1"}),
        (["report", "2003-08", "--as-of", "2003-08-20"], {}),
    ]
    seen = set()
    for args, env in ways:
        drawn = uncached(*args, **env)
        seen.add(drawn)
        assert run(runner, sample, *args, **env) == drawn
        with monkeypatch.context() as patched:
            no_drawing(patched)
            assert run(runner, sample, *args, **env) == drawn
    assert len(seen) >= 5  # COLUMNS alone changes nothing off a terminal


def test_a_changed_file_is_printed_afresh(own_sample: Path, runner: CliRunner) -> None:
    sample = own_sample
    before = run(runner, sample, "score", "2003")
    points = sample / "points.yaml"
    text = points.read_text(encoding="utf-8")
    assert "short: 长春\n" in text
    points.write_text(text.replace("short: 长春\n", "short: 春城\n"), encoding="utf-8")
    age(sample, 1_100_000_000)
    after = run(runner, sample, "score", "2003")
    assert after != before
    assert after == run(runner, sample, "--no-cache", "score", "2003")


@pytest.mark.parametrize(
    ("flags", "env"),
    [(["--no-cache"], {}), ([], {"GOVINFO_REPLAY": "0"}), ([], {"GOVINFO_NO_CACHE": "1"})],
    ids=["--no-cache", "GOVINFO_REPLAY=0", "GOVINFO_NO_CACHE=1"],
)
def test_the_switches_draw_every_time(
    sample: Path, runner: CliRunner, flags: list[str], env: dict[str, str]
) -> None:
    for _ in range(2):
        run(runner, sample, *flags, "score", "2003", **env)
    assert not kept(sample)


def test_only_answers_of_the_result_cache_are_printed_again(sample: Path) -> None:
    """``Session.served``: the keys of the answers, None as soon as anything shown may come
    from elsewhere — the folder loaded outside an answer, or no cache."""
    day = dt.date(2003, 12, 31)
    session = Session(RunOptions(data=sample), Quiet())
    assert session.served() == ()
    session.score(2003, day)
    first = session.served()
    assert first is not None
    assert len(first) == 1
    session.score(2003, day)  # served from the cache this time: the same key again
    assert session.served() == (first[0], first[0])
    session.load(())
    assert session.served() is None
    session.score(2003, day)
    assert session.served() is None
    uncached = Session(RunOptions(data=sample, no_cache=True), Quiet())
    uncached.score(2003, day)
    assert uncached.served() is None


def test_a_table_that_could_not_be_written_is_not_kept(sample: Path) -> None:
    """Standard output full (``> /dev/full``): the run fails as it always did, nothing is
    kept, and the next run prints the whole table."""
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    command = [*CLI_ARGV, "score", "2003"]  # real processes (quick ones, forked by the zygote)
    failed = run_entry_point(command, lost="full", GOVINFO_DATA=str(sample))
    assert failed.returncode == 1
    assert not kept(sample)
    whole = run_entry_point(command, GOVINFO_DATA=str(sample))
    again = run_entry_point(command, GOVINFO_DATA=str(sample))
    assert whole.returncode == again.returncode == 0, whole.stderr + again.stderr
    assert kept(sample)
    assert again.stdout == whole.stdout
    assert whole.stdout.count("\n") > 40


def test_on_a_terminal_the_text_printed_again_is_the_text_drawn(
    sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a pseudo-terminal, at two widths: the second run at each width prints again what
    the first drew, and that is what drawing prints."""
    in_terminal(["report", "2003"], 100, sample)  # the answers kept: no progress bar below
    for columns in (80, 120):
        first = in_terminal(["report", "2003"], columns, sample)
        assert in_terminal(["report", "2003"], columns, sample) == first
    assert kept(sample)
    monkeypatch.setenv("GOVINFO_REPLAY", "0")
    assert in_terminal(["report", "2003"], 120, sample) == first


def test_another_window_or_login_prints_again_and_any_other_variable_draws(
    sample: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The shell's whereabouts (a `cd`, another window, another ssh login) do not decide what
    is shown; any other variable, known to govinfo or not, may."""
    drawn = run(runner, sample, "score", "2003", WINDOWID="1", OLDPWD="/a", SSH_CLIENT="x 1 22")
    with monkeypatch.context() as patched:
        no_drawing(patched)
        again = run(runner, sample, "score", "2003", WINDOWID="2", OLDPWD="/b", SSH_CLIENT="y 2 22")
        assert again == drawn
    monkeypatch.setenv("SOME_TOOL_SETTING", "1")
    no_drawing(monkeypatch)
    with pytest.raises(AssertionError, match="a table was drawn"):
        runner.invoke(app, ["--data", str(sample), "score", "2003"], catch_exceptions=False)


def test_the_code_a_text_is_kept_under_sees_a_file_edited_in_place(tmp_path: Path) -> None:
    """The program's part of the key holds each file of govinfo (its build: the caches' too),
    rich and wcwidth with its stat key: an edit that keeps the size (a package patched in
    place, no new version) is another key, and so is a new file."""
    (tmp_path / "cells.py").write_text("WIDTH = 1\n")
    before = tree_stamps(str(tmp_path))
    os.utime(tmp_path / "cells.py", ns=(10**18, 10**18))
    after = tree_stamps(str(tmp_path))
    (tmp_path / "new.py").write_text("")
    assert len({repr(before), repr(after), repr(tree_stamps(str(tmp_path)))}) == 3
    assert build().startswith(f"{__version__}+")
