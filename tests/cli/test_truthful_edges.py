"""What the tables must not hide: an empty year, and why a high-ranked point was not commended."""

from __future__ import annotations

import functools
import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support.cli import LineRunner
from tests.support.cli import run_cli as run
from tests.support.folders import MakeFolder
from tests.support.paths import SAMPLE


def test_a_year_without_submissions_says_so(make_folder: MakeFolder, runner: CliRunner) -> None:
    root = make_folder()
    code, out, err = run(runner, root, "score", "2003")
    assert code == 0, out + err
    assert "2003 年度没有任何报送记录" in err
    assert "2003 年度没有任何报送记录" in out  # the footer: a printed table carries it too
    code, out, err = run(runner, root, "--lang", "en", "score", "2003", "--format", "json")
    assert code == 0
    assert "no submissions at all in 2003" in err
    assert json.loads(out)["year"] == 2003  # the JSON document is SPEC's, unchanged


def test_a_year_scored_only_by_earlier_items_does_not_say_every_score_is_0(
    tmp_path: Path, runner: CliRunner
) -> None:
    """Early in January a year has no submission yet, but a December item adopted on 8
    January scores in it: the note says where the scores come from, not that all are 0."""
    root = tmp_path / "data"
    shutil.copytree(SAMPLE, root)
    december = root / "submissions/2003/changchun/12.yaml"
    text = december.read_text(encoding="utf-8")
    item = "- id: changchun-2003-0488\n  date: 2003-12-31\n"
    assert text.endswith("\n")
    assert text.rindex("- id:") == text.index(item)  # the file's last item: the adoption goes after
    adoption = (
        "  adoptions:\n    - publication: gb-xinxi\n      date: 2004-01-08\n      mode: single\n"
    )
    december.write_text(text + adoption, encoding="utf-8")
    code, out, err = run(runner, root, "score", "2004", "--as-of", "2004-01-15")
    assert code == 0, out + err
    assert "以下排名全为 0 分" not in out + err
    said = "2004 年度没有任何报送记录：以下得分只来自此前报送的信息在本年度的采用、批示或扣分"
    assert said in err
    assert said in out  # the footer
    code, out, err = run(runner, root, "--lang", "en", "score", "2004", "--as-of", "2004-01-15")
    assert "the scores below come only from earlier items adopted" in err, err
    assert "every score below is 0" not in out + err


def test_a_year_with_submissions_has_no_such_note(
    make_folder: MakeFolder, runner: CliRunner
) -> None:
    root = make_folder(
        {
            "submissions/2003/changchun/08.yaml": """\
            - id: changchun-2003-0001
              date: 2003-08-14
              title: 长春市再就业工作调研
              category: research
            """
        }
    )
    code, out, err = run(runner, root, "score", "2003")
    assert code == 0, out + err
    assert "没有任何报送记录" not in out + err
    assert "年度未结束" not in out  # not begun, so not "not over" either


def test_an_as_of_before_the_year_says_so_not_that_the_year_is_empty(
    runner: CliRunner,
) -> None:
    """``score 2003 --as-of 2002-05-01``: nothing is counted because 2003 had not begun on
    that day — the sample has submissions enough in 2003."""
    code, out, err = run(runner, SAMPLE, "score", "2003", "--as-of", "2002-05-01")
    assert code == 0, out + err
    said = "截至 2002-05-01，2003 年度尚未开始（2003-01-01 起）"
    assert said in err
    assert said in out  # the footer
    assert "没有任何报送记录" not in out + err
    args = ["--lang", "en", "score", "2003", "--as-of", "2002-12-31", "--format", "json"]
    code, out, err = run(runner, SAMPLE, *args)
    assert code == 0
    assert "as of 2002-12-31, 2003 has not begun (it begins on 2003-01-01)" in err
    assert json.loads(out)["points"] == []  # SPEC's answer for that day, unchanged


def test_explain_as_of_before_the_year_says_so(runner: CliRunner) -> None:
    code, out, err = run(runner, SAMPLE, "explain", "changchun", "2003", "--as-of", "2002-05-01")
    assert code == 0, out + err
    said = "截至 2002-05-01，2003 年度尚未开始（2003-01-01 起）"
    assert said in err
    assert said in out  # the footer
    args = ["--lang", "en", "explain", "changchun", "2003", "--as-of", "2002-12-31"]
    code, out, err = run(runner, SAMPLE, *args, "--format", "json")
    assert code == 0
    assert "as of 2002-12-31, 2003 has not begun (it begins on 2003-01-01)" in err
    assert json.loads(out)["events"] == []
    code, out, err = run(runner, SAMPLE, "explain", "changchun", "2003", "--as-of", "2003-01-01")
    assert "尚未开始" not in out + err


@pytest.mark.parametrize(
    ("command", "lang", "words"),
    [
        (["score", "2003"], "zh", "保留（未评优：信息失实）"),
        (["score", "2003"], "en", "retained (not commended: inaccurate information)"),
        (["points", "show", "siping"], "zh", "保留（未评优：信息失实）"),
        (["report", "2003"], "zh", "保留（未评优：信息失实）"),
    ],
)
def test_a_point_passed_over_shows_why(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, command: list[str], lang: str, words: str
) -> None:
    monkeypatch.setenv("GOVINFO_TODAY", "2004-01-10")
    monkeypatch.setenv("COLUMNS", "200")
    code, out, err = run(runner, SAMPLE, "--lang", lang, "--no-cache", *command)
    assert code == 0, out + err
    if command[0] == "points":
        siping = [line for line in out.splitlines() if line.startswith("2003 ")]
    else:
        siping = [line for line in out.splitlines() if line.split()[1:2] == ["四平"]]
    assert siping, out
    assert words in siping[0]
    assert _statuses_2003()["siping"] == "retained"  # SPEC's value, unchanged


@functools.cache
def _statuses_2003() -> dict[str, str]:
    """Each point's status in ``score 2003 --format json`` on 10 January 2004 (the same for
    every case above: run once)."""
    assert os.environ["GOVINFO_TODAY"] == "2004-01-10"
    code, out, err = run(LineRunner(), SAMPLE, "--no-cache", "score", "2003", "--format", "json")
    assert code == 0, out + err
    return {p["id"]: p["status"] for p in json.loads(out)["points"]}


def test_a_late_emergency_shows_how_late_it_was(runner: CliRunner) -> None:
    args = ["--no-cache", "overdue", "--as-of", "2003-09-30", "--type", "emergency-late"]
    code, out, err = run(runner, SAMPLE, *args)
    assert code == 0, out + err
    line = next(x for x in out.splitlines() if "baicheng-2003-0016" in x)
    assert "突发信息迟报" in line  # its 事项 says it was late; 逾期 says by how much
    assert "31 分钟" in line  # 211 minutes after it occurred, against a limit of 180
    assert "253 天" not in line
    line = next(x for x in out.splitlines() if "baicheng-2003-0157" in x)
    assert "1 小时 35 分钟" in line
    code, out, _ = run(runner, SAMPLE, "--lang", "en", *args)
    assert "31 min" in next(x for x in out.splitlines() if "baicheng-2003-0016" in x)
    code, out, _ = run(runner, SAMPLE, *args, "--format", "json")
    finding = next(f for f in json.loads(out)["findings"] if f["ref"] == "baicheng-2003-0016")
    assert finding["days_overdue"] == 253  # SPEC: as-of minus the deadline's day
