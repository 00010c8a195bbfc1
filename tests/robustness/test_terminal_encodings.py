"""A terminal that cannot show Chinese (``PYTHONIOENCODING=ascii``) and a C locale without
UTF-8 mode: every stream written one way — messages, usage errors and tables alike — with
``?`` (two for a wide character) for what cannot be written, ASCII for the marks and the
drawing, one warning; never ``\\u`` escapes or raw bytes. Each run is a real process started
under those variables (``cli``: a new interpreter)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support.cli import cli
from tests.support.gitrepo import commit_all, git
from tests.support.paths import SAMPLE

ASCII = {"PYTHONIOENCODING": "ascii", "PYTHONUTF8": "0"}
C_LOCALE = {"LC_ALL": "POSIX", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
LANGS = ["zh", "en"]


def _warnings(err: str) -> list[str]:
    return [line for line in err.splitlines() if "could not be written" in line]


def _written_like_a_table(proc: subprocess.CompletedProcess[str]) -> None:
    """Both streams in ASCII, no escapes, the one warning."""
    assert "Traceback" not in proc.stderr
    assert proc.stdout.isascii(), proc.stdout
    assert proc.stderr.isascii(), proc.stderr
    assert "\\u" not in proc.stdout + proc.stderr
    assert len(_warnings(proc.stderr)) == 1, proc.stderr


@pytest.mark.parametrize("lang", LANGS)
def test_messages_on_an_ascii_terminal_are_written_as_the_tables_are(lang: str) -> None:
    """An error naming a point (it was ``\\u6ca1\\u6709…`` in both languages): the point's
    name as ``?``, the curly quotes and the dash as ASCII."""
    proc = cli(SAMPLE, "--no-cache", "--lang", lang, "explain", "吉林", "2003", **ASCII)
    assert proc.returncode == 1, proc.stderr
    _written_like_a_table(proc)
    assert '"????"' in proc.stderr  # “吉林”
    if lang == "en":
        assert 'no point named "????" (give its id, full name or short name) - ' in proc.stderr
        assert "did you mean ??????" in proc.stderr


@pytest.mark.parametrize("lang", LANGS)
def test_notes_and_success_lines_on_an_ascii_terminal(tmp_path: Path, lang: str) -> None:
    """A refused import and a point added (its success line): as every message."""
    root = tmp_path / "data"
    shutil.copytree(SAMPLE, root)
    git(root, "init", "-q")
    commit_all(root)
    refused = cli(
        root, "--lang", lang, "import", str(tmp_path / "三季度.xls"), "--dry-run", **ASCII
    )
    assert refused.returncode == 2, refused.stderr
    _written_like_a_table(refused)
    assert "??????.xls" in refused.stderr
    added = cli(
        root,
        "--lang",
        lang,
        "points",
        "add",
        "asx",
        "--name",
        "阿斯县人民政府办公室",
        "--kind",
        "county",
        "--parent",
        "四平",
        "--short",
        "阿斯",
        **ASCII,
    )
    assert added.returncode == 0, added.stderr
    _written_like_a_table(added)
    assert "asx" in added.stderr


@pytest.mark.parametrize("lang", LANGS)
def test_usage_errors_on_an_ascii_terminal_are_written_as_the_tables_are(lang: str) -> None:
    """A usage error in Chinese was written in raw UTF-8 bytes, past the guard."""
    proc = cli(SAMPLE, "--lang", lang, "score", "abc", **ASCII)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.isascii(), proc.stderr
    assert "\\u" not in proc.stderr
    if lang == "zh":
        assert len(_warnings(proc.stderr)) == 1
        assert ' score -h"' in proc.stderr  # “govinfo score -h”: its quotes in ASCII
    else:
        assert _warnings(proc.stderr) == []
        assert "Error: invalid value for YEAR" in proc.stderr


def _right_edges(lines: list[str], values: list[str]) -> set[int]:
    """Where each of ``values`` ends on its line (a right-aligned column: one place)."""
    return {line.index(value) + len(value) for line, value in zip(lines, values, strict=True)}


@pytest.mark.parametrize("lang", LANGS)
def test_tables_on_an_ascii_terminal_stay_aligned(lang: str) -> None:
    """Names of two and three characters, each shown as ``?`` two columns a character: the
    columns after them line up, and the rule is ``-``, not a line of ``?``."""
    proc = cli(SAMPLE, "--no-cache", "--lang", lang, "score", "2003", "--top", "4", **ASCII)
    assert proc.returncode == 0, proc.stderr
    _written_like_a_table(proc)
    lines = proc.stdout.splitlines()
    rows = [line for line in lines if re.match(r"\s+[1-4]\s", line)]
    assert len(rows) == 4
    assert {len(re.findall(r"\?+", row)[0]) for row in rows} == {4, 6}  # 长春, 吉林市
    scores = [re.search(r"\d+\.\d\d", row)[0] for row in rows]  # type: ignore[index]
    assert len(_right_edges(rows, scores)) == 1
    rule = next(line for line in lines if set(line) <= set("-?") and len(line) > 20)
    assert set(rule) == {"-"}


def test_a_c_locale_reads_a_chinese_argument_as_typed() -> None:
    """``LC_ALL=POSIX`` without UTF-8 mode: Python hands ``长春`` over as surrogate escapes;
    the point is found, as it would be in any locale."""
    proc = cli(SAMPLE, "--no-cache", "explain", "长春", "2003", **C_LOCALE)
    assert proc.returncode == 0, proc.stderr
    assert "(changchun)" in proc.stdout
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("lang", LANGS)
def test_a_c_locale_never_shows_surrogate_escapes_of_utf8(tmp_path: Path, lang: str) -> None:
    """A name that is no point and a file that does not exist, both typed in Chinese: shown
    as ``?`` (two a character), never as ``\\udce9…``."""
    unknown = cli(SAMPLE, "--no-cache", "--lang", lang, "explain", "阿斯县", "2003", **C_LOCALE)
    assert unknown.returncode == 1
    _written_like_a_table(unknown)
    assert '"??????"' in unknown.stderr
    missing = cli(SAMPLE, "--lang", lang, "import", str(tmp_path / "三季度.xls"), **C_LOCALE)
    assert missing.returncode == 2
    _written_like_a_table(missing)
    assert "??????.xls" in missing.stderr


@pytest.mark.parametrize("lang", LANGS)
def test_a_c_locale_adds_a_point_named_in_chinese_and_commits(tmp_path: Path, lang: str) -> None:
    """The name read as typed is written to points.yaml, and the commit — its message in
    Chinese, or naming the point — is made: the system's ASCII could not pass either to git
    (a ``UnicodeEncodeError`` traceback; the name had been refused as a broken quote)."""
    root = tmp_path / "data"
    shutil.copytree(SAMPLE, root)
    git(root, "init", "-q")
    commit_all(root)
    name = "阿斯县人民政府办公室"
    args = ["points", "add", "asx", "--name", name, "--kind", "county", "--parent", "四平"]
    proc = cli(root, "--lang", lang, *args, **C_LOCALE)
    assert proc.returncode == 0, proc.stderr
    _written_like_a_table(proc)
    assert f"name: {name}\n" in (root / "points.yaml").read_text(encoding="utf-8")
    assert git(root, "status", "--porcelain") == ""
    assert name in git(root, "log", "-1", "--format=%s")
