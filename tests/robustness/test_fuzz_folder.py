"""Fuzzing the whole folder: one file of a valid folder (registry, rule set, solicitations,
adjustments or a month of submissions) mutated by Hypothesis — lines deleted, duplicated,
re-indented, cut; values retyped; junk appended — then ``check``, ``score``, ``explain`` and
``overdue`` run on it. The only outcomes allowed are "read" (exit 0) or "problems reported"
(exit 1 with a message): any traceback fails the test. A mutation that leaves the folder valid
is scored like any other folder, so scoring meets the odd values the checks let through.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govinfo.cli.main import app
from tests.support.cli import LineRunner, fuzz_examples

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "scoring"
FILES = sorted(p.relative_to(FIXTURE).as_posix() for p in FIXTURE.rglob("*.yaml"))

VALUES = [
    '"010"',
    "010",
    "yes",
    "no",
    "null",
    "~",
    "[]",
    "{}",
    "''",
    "2003-02-30",
    "2003-13-01",
    "2003-08-14T25:61",
    "0001-01-01",
    "9999-12-31",
    "-1",
    "0",
    "-0.125",
    "1e999",
    ".inf",
    ".nan",
    "99999999999999999999999",
    "x" * 300,
    "长春",
    "changchun",
    "siping",
    "jl-zb",
    "gb-xinxi",
    "all",
    "governor",
    "national",
    "combined",
    "research",
    "emergency",
    "secret",
    "[changchun, changchun]",
    "{publication: jl-zb, date: 2003-08-20, mode: single}",
    "- nested",
    "!!str x",
    "&a x",
    "*a",
]

line_ops = st.lists(
    st.tuples(
        st.sampled_from(["delete", "duplicate", "reindent", "cut", "retype", "junk"]),
        st.integers(0, 400),
        st.integers(0, 100),
    ),
    min_size=1,
    max_size=5,
)


def mutate(text: str, ops: list[tuple[str, int, int]]) -> str:
    lines = text.split("\n")
    for what, index, extra in ops:
        if not lines:
            break
        i = index % len(lines)
        line = lines[i]
        if what == "delete":
            del lines[i]
        elif what == "duplicate":
            lines.insert(i, line)
        elif what == "reindent":
            lines[i] = " " * (extra % 9) + line.lstrip(" ")
        elif what == "cut":
            lines[i] = line[: extra % (len(line) + 1)]
        elif what == "retype" and ":" in line:
            key, _, _ = line.partition(":")
            lines[i] = f"{key}: {VALUES[extra % len(VALUES)]}"
        elif what == "junk":
            lines[i] = line + ["'", '"', "[", "{", ": x", " #", "\t", "\\", "%", "@"][extra % 10]
    return "\n".join(lines)


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fuzzfolder") / "data"
    shutil.copytree(FIXTURE, root)
    return root


COMMANDS = [
    ["check"],
    ["score", "2003"],
    ["score", "2003", "--as-of", "2003-06-30", "--format", "json"],
    ["explain", "changchun", "2003", "--format", "json"],
    ["overdue", "--as-of", "2003-12-31"],
]


@settings(
    max_examples=fuzz_examples(25),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(file=st.sampled_from(FILES), ops=line_ops, command=st.sampled_from(COMMANDS))
def test_a_mutated_folder_is_read_or_reported(
    work: Path, file: str, ops: list[tuple[str, int, int]], command: list[str]
) -> None:
    original = (FIXTURE / file).read_text(encoding="utf-8")
    (work / file).write_text(mutate(original, ops), encoding="utf-8")
    try:
        result = LineRunner().invoke(
            app, ["--data", str(work), "--no-cache", "--lang", "en", *command]
        )
    finally:
        (work / file).write_text(original, encoding="utf-8")
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code in (0, 1), result.output
    if result.exit_code == 1:
        assert "error" in result.stdout + result.stderr, result.output
