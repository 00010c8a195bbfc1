"""The result caches of the read commands (issue 16): a warm run prints exactly what a run
without the cache prints, byte for byte, and a warm run really is served from the cache (it
parses nothing, so the parse cache's packs, removed before it, are not written again)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govinfo.app import reports
from govinfo.app.options import Quiet, RunOptions
from govinfo.app.session import Session, result_slot
from govinfo.cli.main import app
from govinfo.errors import GovinfoError
from tests.support.aging import age
from tests.support.paths import FIXTURES, SAMPLE

COMMANDS = [
    ["score", "2003"],
    ["explain", "changchun", "2003"],
    ["explain", "长春", "2003", "--as-of", "2003-06-30", "--format", "json"],
    ["overdue", "--as-of", "2003-09-30"],
    ["overdue", "--as-of", "2003-12-31", "--format", "json", "--soon", "30"],
    ["overdue", "--as-of", "2003-09-30", "--by", "type", "--kind", "department"],
    ["report", "2003"],
    ["report", "2003", "--format", "json"],
    ["report", "2003-08"],
    ["report", "2003Q3", "--format", "json"],
    ["points", "show", "changchun"],
    ["points", "show", "省物价局"],
]


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cached") / "data"
    shutil.copytree(SAMPLE, root)
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    age(root)
    return root


def cache_files(root: Path, pattern: str) -> list[Path]:
    return sorted((root / ".git" / "govinfo" / "cache").rglob(pattern))


def invoke(
    runner: CliRunner, root: Path, args: list[str], *, no_cache: bool = False, replay: bool = True
) -> str:
    flags = ["--no-cache"] if no_cache else []
    env = None if replay else {"GOVINFO_REPLAY": "0"}
    result = runner.invoke(app, ["--data", str(root), *flags, *args], env=env)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a))
def test_a_warm_run_prints_what_an_uncached_run_prints(
    sample: Path, runner: CliRunner, args: list[str]
) -> None:
    uncached = invoke(runner, sample, args, no_cache=True)
    filled = invoke(runner, sample, args)  # parsed from the packs an earlier command left
    packs = {pack: pack.with_suffix(".away") for pack in cache_files(sample, "*.pack")}
    for pack, away in packs.items():  # set aside: a run that parsed would write new ones
        pack.rename(away)
    try:
        warm = invoke(runner, sample, args)
        drawn = invoke(runner, sample, args, replay=False)  # from the stored result
        assert not cache_files(sample, "*.pack"), "the warm run parsed: no result was served"
    finally:
        for pack, away in packs.items():
            away.rename(pack)
    assert filled == uncached
    assert warm == uncached
    assert drawn == uncached


def test_explain_follows_a_change_and_an_error(runner: CliRunner, tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(SAMPLE, root)
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    age(root)
    args = ["explain", "changchun", "2003", "--format", "json"]
    before = invoke(runner, root, args)
    assert invoke(runner, root, args) == before
    month = root / "submissions" / "2003" / "changchun" / "05.yaml"
    text = month.read_text(encoding="utf-8")
    # An adoption counted as combined becomes a single one: the point's events change.
    assert "mode: combined" in text
    month.write_text(text.replace("mode: combined", "mode: single", 1), encoding="utf-8")
    age(root, 1_000_000_100)
    after = invoke(runner, root, args)
    assert after != before
    assert after == invoke(runner, root, args, no_cache=True)
    # An error planted after a warm run is still refused: the fingerprint changes.
    month.write_text(text.replace("category: ", "category: x", 1), encoding="utf-8")
    age(root, 1_000_000_200)
    assert runner.invoke(app, ["--data", str(root), *args]).exit_code == 1


def test_the_read_commands_keep_a_bounded_number_of_results() -> None:
    questions = [f"explain\0p{i}\02003\02003-12-31" for i in range(1000)]
    names = {result_slot("explain-2003", q) for q in questions}
    assert len(names) == 16
    assert result_slot("explain-2003", questions[0]) == result_slot("explain-2003", questions[0])


QUIET_POINT = """
- id: quietx
  name: 某某县人民政府办公室
  short: 某某
  kind: county
  tiers: [provincial]
  history:
    - date: 2001-03-01
      event: admitted
"""


def test_overdue_that_reaches_back_is_served_warm_and_follows_the_older_year(
    runner: CliRunner, tmp_path: Path
) -> None:
    """A point admitted in 2001 that has sent nothing makes ``overdue`` read the years since
    (its inactivity counts from its admission): the result is stored under everything read, so
    a warm run parses nothing — and an edit in 2002 is still seen."""
    root = tmp_path / "data"
    shutil.copytree(SAMPLE, root)
    with (root / "points.yaml").open("a", encoding="utf-8") as f:
        f.write(QUIET_POINT)
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    age(root)
    args = ["overdue", "--as-of", "2003-09-30", "--format", "json"]
    uncached = invoke(runner, root, args, no_cache=True)
    assert "quietx" in uncached
    assert invoke(runner, root, args) == uncached
    for pack in cache_files(root, "*.pack"):
        pack.unlink()
    assert invoke(runner, root, args) == uncached
    assert not cache_files(root, "*.pack"), "the warm run parsed: no result was served"
    # A change in 2002 only (read because of the widening) gives another answer.
    old = root / "submissions" / "2002" / "changchun" / "10.yaml"
    old.write_text(old.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    age(root, 1_000_000_100)
    assert not cache_files(root, "*.pack")
    invoke(runner, root, args)
    assert cache_files(root, "*.pack"), "an edit in the older year was not seen"


def test_check_is_served_warm_and_sees_edits_links_and_the_language(
    runner: CliRunner, tmp_path: Path
) -> None:
    """A folder unchanged since the last ``check`` gets its problems back without a file
    parsed; an edit, a new symbolic link and the other language each give a fresh check."""
    root = tmp_path / "data"
    shutil.copytree(SAMPLE, root)
    month = root / "submissions" / "2003" / "changchun" / "05.yaml"
    text = month.read_text(encoding="utf-8")
    month.write_text(text.replace("category: ", "category: x", 1), encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    age(root)

    def check(*flags: str) -> tuple[int, str]:
        result = runner.invoke(app, ["--data", str(root), *flags, "check"])
        return result.exit_code, result.output

    cold = check("--no-cache")
    assert cold[0] == 1
    assert "05.yaml" in cold[1]
    assert check() == cold
    for pack in cache_files(root, "*.pack"):
        pack.unlink()
    assert check() == cold
    assert not cache_files(root, "*.pack"), "the warm check parsed: no result was served"
    english = check("--lang", "en")
    assert english == check("--lang", "en", "--no-cache")
    assert english != cold
    (root / "submissions" / "2003" / "link.yaml").symlink_to(month)
    linked = check()
    assert linked == check("--no-cache")
    assert "link.yaml" in linked[1]
    month.write_text(text, encoding="utf-8")
    age(root, 1_000_000_100)
    fixed = check()
    assert fixed == check("--no-cache")
    assert "05.yaml" not in fixed[1]


@pytest.mark.skipif(
    sys.getfilesystemencoding() != "utf-8", reason="names are read back as UTF-8 here"
)
def test_names_that_are_not_utf8_give_what_no_cache_gives(tmp_path: Path) -> None:
    """A file named in GBK (unpacked from a Windows archive: Python reads its name back with
    surrogate escapes) and a point typed in such bytes: with the cache, what ``--no-cache``
    gives — the file reported, the point refused — never a UnicodeEncodeError."""
    root = tmp_path / "data"
    shutil.copytree(FIXTURES / "scoring", root)
    stray = root / "submissions" / "2003" / "changchun" / os.fsdecode(b"\xb3\xa4\xb4\xba.yaml")
    stray.write_text("- id: x\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    age(root)
    day = dt.date(2003, 12, 31)

    def answers(no_cache: bool) -> list[object]:
        got: list[object] = [Session(RunOptions(data=root, no_cache=no_cache), Quiet()).scan()]
        for ask in (
            lambda s: s.score(2003, day),
            lambda s: reports.explain(s, os.fsdecode(b"\xb3\xa4"), 2003, day),
        ):
            with pytest.raises(GovinfoError) as refused:
                ask(Session(RunOptions(data=root, no_cache=no_cache), Quiet()))
            got.append(str(refused.value))
        return got

    uncached = answers(no_cache=True)
    assert uncached[0].errors == 1  # type: ignore[attr-defined]
    assert answers(no_cache=False) == uncached
    assert answers(no_cache=False) == uncached


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_check_tells_a_link_from_a_named_pipe_of_the_same_name(
    runner: CliRunner, tmp_path: Path
) -> None:
    """A symbolic link and a named pipe are both reported by name; a link replaced by a pipe
    of the same name (even one called ``|``) gives the pipe's message, as ``--no-cache``."""
    root = tmp_path / "data"
    shutil.copytree(FIXTURES / "scoring", root)
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    age(root)

    def check(*flags: str) -> tuple[int, str]:
        result = runner.invoke(app, ["--data", str(root), *flags, "check"])
        return result.exit_code, result.output

    odd = root / "|"
    odd.symlink_to("points.yaml")
    linked = check("--no-cache")
    assert check() == linked
    odd.unlink()
    os.mkfifo(odd)
    piped = check("--no-cache")
    assert piped != linked
    assert check() == piped


MISTYPED = [
    ["explain", "长春市政府", "2003"],
    ["points", "show", "长春市政府"],
    ["overdue", "--as-of", "2003-09-30", "--point", "长春市政府"],
]


@pytest.mark.parametrize("args", MISTYPED, ids=lambda a: a[0])
def test_a_mistyped_point_is_refused_from_the_registry_alone(
    runner: CliRunner, tmp_path: Path, args: list[str]
) -> None:
    """A point's name that the registry does not hold is refused before a year's files are
    read: none is parsed (no month's pack of the parse cache is written), and a broken submission
    file does not hide the name's refusal — with or without the cache. A broken registry is
    refused as before, for the name cannot be judged without it."""
    root = tmp_path / "data"
    shutil.copytree(SAMPLE, root)
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    age(root)
    result = runner.invoke(app, ["--data", str(root), *args])
    assert result.exit_code == 1
    assert "没有名为“长春市政府”的直报点" in result.output
    assert not cache_files(root, "20*.pack"), "a year was read to refuse a name"

    month = root / "submissions" / "2003" / "changchun" / "05.yaml"
    month.write_text(month.read_text(encoding="utf-8").replace("category: ", "category: x", 1))
    age(root, 1_000_000_100)
    for flags in ([], ["--no-cache"]):
        result = runner.invoke(app, ["--data", str(root), *flags, *args])
        assert result.exit_code == 1
        assert "没有名为“长春市政府”的直报点" in result.output
    right = [a.replace("长春市政府", "changchun") for a in args]
    result = runner.invoke(app, ["--data", str(root), *right])
    assert result.exit_code == 1
    assert "05.yaml" in result.output
    assert "没有名为" not in result.output

    points = root / "points.yaml"
    points.write_text(points.read_text(encoding="utf-8").replace("kind: city", "kind: town", 1))
    age(root, 1_000_000_200)
    result = runner.invoke(app, ["--data", str(root), *args])
    assert result.exit_code == 1
    assert "points.yaml" in result.output
    assert "没有名为" not in result.output
