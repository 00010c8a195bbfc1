"""Every table of every command, printed in a real pseudo-terminal at 60 to 200 columns, shows
each number, id and date whole and no line wider than the terminal (issue 13 item 1).

One subprocess of the CLI per command and width; the numbers to look for come from the same
command's JSON (or `score`'s, for the tables that show its figures)."""

from __future__ import annotations

import fcntl
import functools
import json
import os
import re
import shutil
import struct
import sys
import termios
from collections import Counter
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len

from tests.support.cli import CLI_ARGV, run_entry_point
from tests.support.folders import copy_fixture
from tests.support.parsed import lend_packs, parse_once
from tests.support.paths import FIXTURES, SAMPLE

WIDTHS = [60, 80, 100, 120, 200]
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
NARROW_RUN = re.compile(r"[!-~\u2013]+")  # what a cut would break: runs of narrow characters


def in_terminal(args: list[str], columns: int, data: Path) -> str:
    """What ``govinfo ARGS`` shows in a pseudo-terminal ``columns`` wide (colour off): the
    console entry point run in a forked child whose standard streams are the terminal (a real
    process on a real terminal, without the cost of starting Python each time)."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    env.update(NO_COLOR="1", TERM="xterm", GOVINFO_DATA=str(data))
    pid = os.fork()
    if pid == 0:  # the child: never returns
        _run_on_terminal(master, slave, env, args)
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    assert code in (0, 3), b"".join(chunks).decode("utf-8", "replace")
    text = ANSI.sub("", b"".join(chunks).decode("utf-8").replace("\r\n", "\n"))
    # What the terminal shows of each line: the transient progress display redraws its line
    # after a carriage return as often as it refreshes (a count that follows the machine's
    # load), and erases it at the end.
    return "\n".join(line.rpartition("\r")[2] for line in text.split("\n"))


def _run_on_terminal(master: int, slave: int, env: dict[str, str], args: list[str]) -> None:
    """In the forked child: the terminal as its controlling terminal and its three streams,
    set up as a starting interpreter sets them (line-buffered text on a terminal), then the
    console entry point, which leaves by ``os._exit``."""
    try:
        os.close(master)
        os.setsid()
        fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
        for fd in (0, 1, 2):
            os.dup2(slave, fd)
        os.close(slave)
        os.environ.clear()
        os.environ.update(env)
        encoding = getattr(sys.__stdout__, "encoding", None) or "utf-8"
        sys.stdin = open(0, encoding=encoding, closefd=False)  # noqa: SIM115
        sys.stdout = open(1, "w", encoding=encoding, closefd=False, buffering=1)  # noqa: SIM115
        sys.stderr = open(  # noqa: SIM115
            2, "w", encoding=encoding, errors="backslashreplace", closefd=False, buffering=1
        )
        sys.argv = ["govinfo", *args]
        from govinfo.cli.start import run

        run()
    except BaseException:
        import traceback

        traceback.print_exc()
    finally:
        os._exit(99)


@functools.cache
def machine(data: Path, *args: str) -> Any:
    """The command's JSON (the same at every width: run once per folder and command)."""
    done = run_entry_point([*CLI_ARGV, "--data", str(data), *args, "--format", "json"])
    assert done.returncode in (0, 3), done.stdout + done.stderr
    return json.loads(done.stdout, parse_float=Decimal)


def number(value: Any, places: bool) -> str:
    return f"{Decimal(value):.2f}" if places else str(value)


def score_numbers(doc: Any) -> Iterator[str]:
    for row in doc["points"]:
        yield number(row["rank"], False)
        yield number(row["score"], True)
        yield number(row["deductions"], True)
        for key in ("submitted", "adopted", "national_adopted", "instructions", "research"):
            yield number(row[key], False)


def explain_numbers(doc: Any) -> Iterator[str]:
    for event in doc["events"]:
        yield event["date"]
        yield number(event["points"], True)
        if event["submission"]:
            yield event["submission"]


def overdue_numbers(doc: Any) -> Iterator[str]:
    for finding in doc["findings"]:
        yield finding["due"]
        if finding["kind"] != "emergency-late" and finding["days_overdue"]:  # 0: 今日到期
            yield number(finding["days_overdue"], False)


def point_ids(doc: Any) -> Iterator[str]:
    for point in doc["points"]:
        yield point["id"]


def period_numbers(doc: Any) -> Iterator[str]:
    for row in doc["points"]:
        yield number(row["rank"], False)
        for figures in (row["period"], row["to_date"]):
            yield number(figures["score"], True)
            yield number(figures["deductions"], True)
            for key in ("submitted", "adopted", "national_adopted", "instructions", "research"):
                yield number(figures[key], False)


def period_numbers_narrow(doc: Any) -> Iterator[str]:
    """What the period ranking shows on a terminal too narrow for every column: the period's
    figures, the to-date score and ranks (the note under it names the to-date counts left
    out, as issue 13 allows: “the short-name columns only with a one-line note”)."""
    for row in doc["points"]:
        yield number(row["rank"], False)
        yield number(row["to_date"]["score"], True)
        figures = row["period"]
        yield number(figures["score"], True)
        yield number(figures["deductions"], True)
        for key in ("submitted", "adopted", "national_adopted", "instructions", "research"):
            yield number(figures[key], False)


# what a case must show instead when a table says it left optional columns out
NARROW = {"report-period": period_numbers_narrow}
LEFT_OUT = ("终端较窄，未显示", "The terminal is too narrow for")


# command → (its arguments, the JSON the numbers come from (none: they are listed), which of
# them must show, how many times at least: all of them, or each once)
CASES: dict[str, tuple[list[str], list[str], Callable[[Any], Iterator[str]], bool]] = {
    "score": (["score", "2003"], ["score", "2003"], score_numbers, True),
    "explain": (
        ["explain", "changchun", "2003"],
        ["explain", "changchun", "2003"],
        explain_numbers,
        True,
    ),
    "overdue": (
        ["overdue", "--as-of", "2003-09-30"],
        ["overdue", "--as-of", "2003-09-30"],
        overdue_numbers,
        True,
    ),
    "report": (["report", "2003"], ["score", "2003"], score_numbers, True),
    "overdue-notice": (
        ["overdue", "--as-of", "2003-09-30", "--notice"],
        ["overdue", "--as-of", "2003-09-30"],
        lambda d: (f["due"] for f in d["findings"] if f["kind"] != "emergency-late"),
        True,
    ),
    "report-period": (["report", "2003Q3"], ["report", "2003Q3"], period_numbers, True),
    "points-list": (["points", "list"], ["points", "list"], point_ids, True),
    "points-show": (["points", "show", "changchun"], ["score", "2003"], lambda d: iter(()), False),
    "close-year": (
        ["close-year", "2003", "--date", "2004-01-05"],
        ["score", "2003"],
        lambda d: (
            number(r["score"], True)
            for r in d["points"]
            if r["status"] in ("commended", "disqualified")
        ),
        True,
    ),
    "check": (["check"], ["check"], lambda d: (str(d["errors"]), str(d["warnings"])), False),
    # the import summary: new and duplicate rows of an old .xls per point, and the totals
    "import": (
        ["import", str(FIXTURES / "oldformats" / "batch.xls"), "--dry-run"],
        [],
        lambda d: iter(["2", "0", "1", "0", "1", "0", "4", "0"]),
        True,
    ),
}


@pytest.fixture(scope="module")
def parsed_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return parse_once(copy_fixture("scoring", tmp_path_factory.mktemp("widths")), tmp_path_factory)


@pytest.fixture
def data(_isolated_env: None, parsed_data: Path) -> Path:
    """The scoring fixture, which the tests only read, its files parsed once for them all."""
    lend_packs(parsed_data)
    return parsed_data


@pytest.fixture(scope="module")
def parsed_sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("sample") / "data"
    shutil.copytree(SAMPLE, folder)
    return parse_once(folder, tmp_path_factory)


@pytest.fixture
def sample(_isolated_env: None, parsed_sample: Path) -> Path:
    """A copy of the sample the tests only read, its files parsed once for them all
    (:mod:`tests.support.parsed`): each starts as its second run would."""
    lend_packs(parsed_sample)
    return parsed_sample


@pytest.mark.parametrize("columns", WIDTHS)
@pytest.mark.parametrize("case", sorted(CASES))
def test_every_number_shows_whole(case: str, columns: int, data: Path) -> None:
    args, json_args, wanted, every = CASES[case]
    screen = in_terminal(args, columns, data)
    for line in screen.splitlines():
        assert cell_len(line.rstrip()) <= columns, f"wider than {columns}: {line!r}"
    assert "…" not in screen, screen
    shown = Counter(NARROW_RUN.findall(screen))
    if any(note in screen.replace("\n", "") for note in LEFT_OUT):
        wanted = NARROW.get(case, wanted)  # (the year report's groups: its ranking shows all)
    expected = Counter(wanted(machine(data, *json_args) if json_args else None))
    if not every:
        expected = Counter(set(expected))
    missing = expected - shown
    assert not missing, f"not shown whole at {columns} columns: {missing}\n{screen}"


def test_a_table_fitted_before_is_printed_the_same_from_its_kept_widths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A table fitted to a terminal keeps its widths with the folder's caches; printed again
    at the same width it is the same, and so it is when the kept widths are damaged. (Drawn
    each time: not the text printed before, see tests/cli/test_replay.py.)"""
    monkeypatch.setenv("GOVINFO_REPLAY", "0")
    data = copy_fixture("scoring", tmp_path / "data")
    in_terminal(["score", "2003"], 60, data)  # cold: with progress on the terminal
    kept = list(Path(os.environ["XDG_CACHE_HOME"]).rglob("layouts.result"))
    assert kept, "score at 60 columns is fitted, and its widths kept"
    for pack in kept:
        pack.unlink()
    fitted = in_terminal(["score", "2003"], 60, data)  # warm, fitted again
    assert all(pack.exists() for pack in kept)
    assert in_terminal(["score", "2003"], 60, data) == fitted  # from the kept widths
    for pack in kept:
        pack.write_bytes(b"not a pack")
    assert in_terminal(["score", "2003"], 60, data) == fitted
    assert in_terminal(["score", "2003"], 60, data) == fitted


def test_a_table_at_a_width_not_seen_yet_prints_as_fitted_afresh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Printed at a second terminal width, a table starts from its measures kept at the first
    (a file each beside the results) and prints what it prints with nothing kept — and the
    same when those files are damaged."""
    monkeypatch.setenv("GOVINFO_REPLAY", "0")
    data = copy_fixture("scoring", tmp_path / "data")
    in_terminal(["overdue", "--as-of", "2003-09-30"], 60, data)
    kept = list(Path(os.environ["XDG_CACHE_HOME"]).rglob("measures-*.result"))
    assert kept, "overdue at 60 columns is fitted, and its measures kept"
    at_72 = in_terminal(["overdue", "--as-of", "2003-09-30"], 72, data)
    for pack in Path(os.environ["XDG_CACHE_HOME"]).rglob("*.result"):
        if pack.name.startswith("measures-") or pack.name == "layouts.result":
            pack.unlink()
    assert in_terminal(["overdue", "--as-of", "2003-09-30"], 72, data) == at_72
    in_terminal(["overdue", "--as-of", "2003-09-30"], 60, data)
    for pack in Path(os.environ["XDG_CACHE_HOME"]).rglob("*.result"):
        if pack.name.startswith("measures-"):
            pack.write_bytes(b"not a pack")
        elif pack.name == "layouts.result":
            pack.unlink()
    assert in_terminal(["overdue", "--as-of", "2003-09-30"], 72, data) == at_72


def test_a_name_is_not_folded_a_character_a_line_at_80_columns(sample: Path) -> None:
    """The sample's overdue at 80 columns: the least lines put the point names 2 cells wide,
    “省安全监管局” a character a line over six and the header “直/报/点” over three; a few
    lines more keep them at least two characters a line."""
    screen = in_terminal(["overdue", "--as-of", "2003-09-30"], 80, sample)
    header = screen.split("\u2500")[0].splitlines()[1:]  # under the title, over the rule
    assert len(header) <= 2, screen  # “直报/点”, not “直/报/点”
    assert re.search(r"^省安", screen, re.MULTILINE), screen  # not “省/安/全/监/管/局”


def test_english_headers_break_only_at_spaces_at_80_columns(sample: Path) -> None:
    """The sample's scores in English at 80 columns: eleven columns leave the counts too
    narrow for “submitted” or “instructions” (“sub/mit/ted”); the headers are shown in their
    short forms instead (“sub”, “ins”), every word of them whole."""
    from govinfo import i18n

    screen = in_terminal(["--lang", "en", "score", "2003"], 80, sample)
    header = screen.split("\u2500")[0].splitlines()[1:]  # under the title, over the rule
    words = {word for key, (_, en) in i18n.MESSAGES.items() for word in en.split()}
    words |= {form for _, forms in i18n.SHORT_HEADERS.values() for form in forms}
    assert header, screen
    for line in header:
        assert set(line.split()) <= words, screen
    assert "sub" in header[-1].split(), screen
    # … and said in full under the table
    assert (
        "short headers: sub = submitted, adp = adopted, nat = national,\n"
        "ins = instructions, res = research, ded = deductions\n"
    ) in screen, screen


@pytest.mark.parametrize(
    ("columns", "title", "folded"),
    [
        (120, "2003 submissions per point", set()),
        # “topic” has no short form: at 80 columns the names' lists take its room
        (80, "Solicitations due, 2003", {"topi", "c"}),
    ],
)
def test_english_year_report_headers_break_only_at_spaces(
    sample: Path, columns: int, title: str, folded: set[str]
) -> None:
    """The year's submissions per point at 120 columns (“gene/ral”, “resear/ch Q1” before)
    and its solicitations at 80 (“mi/ss/ed”, “solicitatio/n”): every header in whole words
    or in its short form, the short forms said in full under the table."""
    from govinfo import i18n

    screen = in_terminal(["--lang", "en", "report", "2003"], columns, sample)
    table = screen.split(f"\n{title}\n", 1)[1]
    header = table.split("\u2500")[0].splitlines()
    words = {word for key, (_, en) in i18n.MESSAGES.items() for word in en.split()}
    words |= {w for _, forms in i18n.SHORT_HEADERS.values() for f in forms for w in f.split()}
    words |= folded
    assert header, table[:600]
    for line in header:
        assert set(line.split()) <= words, "\n".join(header)
    note = " ".join(table.split("\nshort headers: ", 1)[1].split("\n")[:3])
    assert "ot = on time, lt = late, ms = missed" in note, note


def test_english_headers_are_whole_words_where_the_table_fits_them(sample: Path) -> None:
    """At 120 columns the scores' counts fit under their whole words when the statuses wrap a
    little more: “submitted”, not “subm.”, and no note of short headers; in Chinese, nor at
    any width."""
    screen = in_terminal(["--lang", "en", "score", "2003"], 120, sample)
    header = screen.split("\u2500")[0].splitlines()[1:]
    assert header[-1].split()[:5] == ["rank", "point", "kind", "score", "submitted"], screen
    assert "short headers" not in screen
    for columns in (80, 120):
        assert "表头简称" not in in_terminal(["score", "2003"], columns, sample)


def test_english_headers_kept_whole_cost_the_table_few_lines(sample: Path) -> None:
    """A header's words are kept whole only where that costs the table no more than a few
    lines: at 70 columns the English `report 2003Q4` is about as long as the Chinese (the same
    tables and cells), not a fifth longer for “adopted (period)” whole over a list of issue
    numbers one a line."""
    zh = in_terminal(["report", "2003Q4"], 70, sample).count("\n")
    en = in_terminal(["--lang", "en", "report", "2003Q4"], 70, sample).count("\n")
    assert en <= zh * 1.1, (en, zh)


@pytest.mark.parametrize(
    ("lang", "title"), [("en", "Items adopted"), ("zh", "2003年度采用信息目录")]
)
def test_a_header_s_words_are_worth_lines_where_they_unfold_a_name(
    sample: Path, lang: str, title: str
) -> None:
    """At 60 columns the year's adopted items keep the point's name two characters a line
    (“白城”, not “白/城”), though the wider columns take more lines than folding the names
    a character a line would: a name folded so is the worst a table reads."""
    screen = in_terminal(["--lang", lang, "report", "2003"], 60, sample)
    table = screen.split(title, 1)[1]
    first = next(line for line in table.splitlines() if line.startswith("2003-"))
    assert first.split()[1] == "白城", table[:600]
