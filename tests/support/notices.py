"""The notices, statements and JSON of the sample's 2003 that several modules read back
(tests/cli/test_notice_wording.py, test_notice.py, test_period_notice.py): made once a test
process from a git copy of the sample — a year's statements alone take seconds — and only read
by the tests (the ``sample_reports`` fixture of tests/conftest.py). The modules that read them
are marked :data:`GROUP` (an ``xdist_group``), which tests/conftest.py runs first and together,
so that one worker makes them for all (also with ``--dist loadgroup``)."""

from __future__ import annotations

import functools
import json
import shutil
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from docx import Document

from tests.support.cli import LineRunner, run_cli
from tests.support.gitrepo import commit_all, git
from tests.support.paths import SAMPLE

TODAY = "2004-01-15"
GROUP = pytest.mark.xdist_group("sample_reports")


def copy_sample(parent: Path) -> Path:
    """A copy of the sample in ``parent/data``, in a git repository of its own, committed."""
    folder = parent / "data"
    shutil.copytree(SAMPLE, folder)
    git(folder, "init", "-q")
    commit_all(folder)
    return folder


def make(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """``out``: the files made (``st08``, ``sty``, ``st01``: a month's, the year's and
    January's statements as Word files, ``stx``: August's as workbooks; the notices
    ``m08.docx``, ``y.docx``, ``m11.docx``, ``q1.docx``, ``interim.docx``, ``en.docx``,
    ``en08.docx`` and the workbook ``r08.xlsx``); ``folder``; the JSON ``json08``, ``json11``,
    ``score`` and ``explain_liaoyuan``; ``terminal_2003``: the year's report as printed."""
    folder = copy_sample(tmp_path_factory.mktemp("wording"))
    out = tmp_path_factory.mktemp("out")
    mp = pytest.MonkeyPatch()
    mp.setenv("GOVINFO_TODAY", TODAY)
    mp.setenv("NO_COLOR", "1")
    runner = LineRunner()
    runs: list[tuple[str, ...]] = [
        # a notice and its statements from one run, as a clerk makes them
        ("report", "2003-08", "--statements", str(out / "st08"), "--out", str(out / "m08.docx")),
        ("report", "2003", "--statements", str(out / "sty"), "--out", str(out / "y.docx")),
        ("report", "2003-01", "--statements", str(out / "st01")),
        ("report", "2003-08", "--statements", str(out / "stx"), "--statement-format", "xlsx"),
        ("report", "2003-11", "--out", str(out / "m11.docx")),
        ("report", "2003Q1", "--out", str(out / "q1.docx")),
        ("report", "2003", "--as-of", "2003-06-30", "--out", str(out / "interim.docx")),
        ("report", "2003-08", "--out", str(out / "r08.xlsx")),
        ("--lang", "en", "report", "2003", "--out", str(out / "en.docx")),
        ("--lang", "en", "report", "2003-08", "--out", str(out / "en08.docx")),
    ]
    made: dict[str, Any] = {"out": out, "folder": folder}
    try:
        for args in runs:
            code, _, err = run_cli(runner, folder, *args)
            assert code == 0, (args, err)
        for key, args in {
            "json08": ("report", "2003-08", "--format", "json"),
            "json11": ("report", "2003-11", "--format", "json"),
            "score": ("score", "2003", "--format", "json"),
            "explain_liaoyuan": ("explain", "liaoyuan", "2003", "--format", "json"),
        }.items():
            code, text, err = run_cli(runner, folder, *args)
            assert code == 0, err
            made[key] = json.loads(text)
        code, text, err = run_cli(runner, folder, "report", "2003")
        assert code == 0, err
        made["terminal_2003"] = text
    finally:
        mp.undo()
    return made


def flat(text: str) -> str:
    """A paragraph's text with its line breaks taken out (the 通报's title is set on two
    lines)."""
    return text.replace("\n", "")


class ReadBack(NamedTuple):
    """A Word file's text as python-docx reads it: its paragraphs' (``Paragraph.text``) and
    its tables' cells' (``table.rows[r].cells[c].text``)."""

    paragraphs: tuple[str, ...]
    tables: tuple[tuple[tuple[str, ...], ...], ...]


def read_back(path: Path) -> ReadBack:
    """``path`` read with python-docx once a test process for each state of the file (its
    inode, size and times): the statements :func:`make` writes — a Word file a point, over a
    hundred — are read by several tests, 30–40 ms each."""
    st = path.stat()
    return _read_back(path, (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns))


@functools.cache
def _read_back(path: Path, _state: tuple[int, int, int, int]) -> ReadBack:
    doc = Document(str(path))
    return ReadBack(
        tuple(p.text for p in doc.paragraphs),
        tuple(tuple(tuple(c.text for c in r.cells) for r in t.rows) for t in doc.tables),
    )
