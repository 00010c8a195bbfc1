"""The period report's tables on an 80-column terminal (QA pass): an English header breaks
only at a space, shown shorter where its words do not fit (“subm.”, then “sub”); a Chinese
header breaks only between its two-character words (本期/得分, never 本期得/分, never 名/次) —
or, in 约稿完成情况, whose lists of names take the room first, a character a line (约/稿/按/时);
generated words are in the report's language (“nos. 175, 178”, “Governor”), data as written."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator

import pytest
from rich.console import Console

from govinfo.i18n import set_lang
from govinfo.load import WorkingTree, load_folder
from govinfo.model import Folder
from govinfo.render.period import period_tables
from govinfo.render.table import print_table
from govinfo.reports.period import period_report
from govinfo.rules.periods import parse_period
from govinfo.rules.years import scoring_years
from tests.support.paths import SAMPLE

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


@pytest.fixture(scope="module")
def sample() -> Folder:
    loaded = load_folder(WorkingTree(SAMPLE), years=scoring_years(2003))
    assert loaded.errors == 0
    return loaded.folder


@pytest.fixture
def lang() -> Iterator[None]:
    yield
    set_lang("zh")


def headers_at_80(folder: Folder, period: str, language: str) -> dict[str, tuple[list[str], str]]:
    """Each table's title → (its header lines, all it printed), on an 80-column terminal."""
    set_lang(language)
    found = parse_period(period)
    assert found is not None
    report = period_report(folder, found, dt.date(2003, 12, 31))
    out: dict[str, tuple[list[str], str]] = {}
    for table in period_tables(report):
        console = Console(file=io.StringIO(), width=80, force_terminal=True, color_system=None)
        print_table(table, console)
        text = ANSI.sub("", console.file.getvalue())  # type: ignore[attr-defined]
        lines = text.split("\n")
        rule = next(k for k, line in enumerate(lines) if line.startswith("\u2500"))
        out[table.title] = (lines[1:rule], text)
    return out


def test_english_headers_break_only_at_spaces(sample: Folder, lang: None) -> None:
    tables = headers_at_80(sample, "2003-08", "en")
    words = set()
    for header, _ in tables.values():
        words |= {w for line in header for w in line.split()}
    assert not {"mit", "ted", "adop", "poin", "publicatio", "rio", "d)", "issu", "topi"} & words
    city = tables["City ranking, August 2003"][0]
    assert city[-1].split()[:7] == ["#", "point", "sub", "adp", "nat", "ins", "res"]
    said = " ".join(tables["City ranking, August 2003"][1].split())
    assert "short headers: sub = submitted, adp = adopted, nat = national, " in said
    assert "(to" in words  # the to-date figures say so
    # The solicitations' counts read on one line, spelled out under the table, not "mis/sed".
    solicitations, printed = tables["Solicitations due, August 2003"]
    assert solicitations[-1].split()[:6] == ["sol.", "topic", "due", "ot", "lt", "ms"]
    said = " ".join(printed.split())
    assert "short headers: sol. = solicitation, ot = on time, lt = late, ms = missed" in said
    assert not {"mis", "sed", "la", "te", "topi"} & words


def test_chinese_headers_break_between_words(sample: Folder, lang: None) -> None:
    tables = headers_at_80(sample, "2003-08", "zh")
    city = tables["2003年8月市州排名"][0]
    tokens = {w for line in city for w in line.split()}
    assert tokens <= {"名次", "直报点", "本期", "累计", "报送", "采用", "国办", "批示", "调研"} | {
        "扣分",
        "得分",
        "变化",
    }, tokens
    pubs = tables["2003年8月各刊物采用情况"][1]
    assert "国家级采用" not in pubs
    assert "国家级" in pubs
    # 约稿完成情况's lists of names take the room their names need first (a name is the
    # record of who reported): its counts' headers may then stand a character a line
    # (约/稿/按/时), never cut inside a word otherwise (约稿按/时)
    sols = tables["2003年8月约稿完成情况"][0]
    assert all(len(w) % 2 == 0 or len(w) == 1 for line in sols for w in line.split()), sols


def test_generated_words_are_english(sample: Folder, lang: None) -> None:
    tables = headers_at_80(sample, "2003-08", "en")
    pubs = tables["Adoptions by publication, August 2003"][1]
    assert "nos. 175, 178," in pubs
    assert "第175" not in pubs
    assert "、" not in pubs
    instructed = tables["Items that drew instructions, August 2003"][1]
    assert "Governor" in instructed
    assert "governor" not in instructed
    adopted = tables["Items adopted, August 2003"][1]
    assert "no. 140" in adopted
    assert "第140期" not in adopted


def test_solicitation_headers_name_counts_and_points_apart(sample: Folder, lang: None) -> None:
    """The counts say “on time”, “late”, “missed”; the lists of points who answered say so
    (“answered on time by” …, at 80 columns “on time by”, “late by”, “missed by”)."""
    set_lang("en")
    found = parse_period("2003-08")
    assert found is not None
    report = period_report(sample, found, dt.date(2003, 12, 31))
    table = next(t for t in period_tables(report) if t.key == "solicitations")
    headers = [c.header for c in table.columns]
    assert headers[3:] == [
        "on time",
        "late",
        "missed",
        "answered on time by",
        "answered late by",
        "not answered by",
    ]
    assert len(set(headers)) == len(headers)
    narrow = headers_at_80(sample, "2003-08", "en")["Solicitations due, August 2003"][0]
    assert " ".join(narrow).split().count("by") == 3, narrow


def test_notice_cells_in_english() -> None:
    from govinfo.render.words import issue_cell, leader_cell

    set_lang("en")
    try:
        # the issue in English words, as the tables write it; a name is data, as written
        assert issue_cell("《吉林政务信息》", "第119期") == "《吉林政务信息》 (no. 119)"
        assert issue_cell("《吉林政务信息》", "2003-45") == "《吉林政务信息》 (2003-45)"
        assert leader_cell("governor", "洪虎") == "Governor (洪虎)"
        assert leader_cell("state-council", None) == "State Council leader"
    finally:
        set_lang("zh")
    assert issue_cell("《吉林政务信息》", "第119期") == "《吉林政务信息》（第119期）"
    assert leader_cell("governor", "洪虎") == "省长（洪虎）"
    # a record that names the rank already is not told it twice
    assert leader_cell("state-council", "国务院领导同志") == "国务院领导同志"
    assert issue_cell("《专报》", None) == "《专报》"


def test_the_publications_note_says_plainly_what_issues_are(sample: Folder, lang: None) -> None:
    tables = headers_at_80(sample, "2003-08", "en")
    note = " ".join(tables["Adoptions by publication, August 2003"][1].split())
    assert "issues is how many different issues carried these adoptions" in note
    assert "the number of issues the notice gives" in note
