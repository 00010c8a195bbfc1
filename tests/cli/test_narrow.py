"""Narrow terminals (60–80 columns), in a real pseudo-terminal: an amount, a number, an id or a
date is never split over lines while a column that merely restates the others can give way;
a column left out is named in one note under its table, the same words in every command; a
name is not folded a character a line; the line of counts under overdue keeps each count with
its words."""

from __future__ import annotations

import functools
import itertools
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len

from tests.cli.test_widths import in_terminal, machine
from tests.support.cli import CLI_ARGV, run_entry_point
from tests.support.parsed import lend_packs, parse_once
from tests.support.paths import SAMPLE

LEFT_OUT = {"zh": "终端较窄，未显示：", "en": "The terminal is too narrow for: "}
RULE = "\u2500"
AS_OF = ["--as-of", "2003-12-31"]


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("narrow") / "data"
    shutil.copytree(SAMPLE, folder)
    return parse_once(folder, tmp_path_factory)


@pytest.fixture(autouse=True)
def _packs_lent(_isolated_env: None, data: Path) -> None:
    """Each test starts with the copy's files parsed once (:mod:`tests.support.parsed`)."""
    lend_packs(data)


@functools.cache
def markdown(data: Path, lang: str, *args: str) -> tuple[list[list[str]], list[str]]:
    """The command's table as Markdown (piped: every row on one line) — its rows' cells, and
    the lines under it (the same for every test: run once per folder and command line)."""
    done = run_entry_point([*CLI_ARGV, "--data", str(data), "--lang", lang, *args])
    assert done.returncode in (0, 3), done.stdout + done.stderr
    lines = done.stdout.splitlines()
    rows = [[c.strip() for c in line.strip("|").split("|")] for line in lines if line[:1] == "|"]
    after = [line for line in lines if line and line[:1] not in "|*"]
    return rows[2:], after  # the header and the alignment row left out


def shown(screen: str, columns: int) -> list[str]:
    lines = screen.splitlines()
    for line in lines:
        assert cell_len(line) <= columns, f"wider than {columns}: {line!r}\n{screen}"
    return lines


def note_of(screen: str, lang: str) -> str:
    """The note naming the columns left out (its lines joined), or ""."""
    joined = screen.replace("\n", "")
    start = joined.find(LEFT_OUT[lang])
    return "" if start < 0 else joined[start:]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_overdue_at_80_columns_keeps_each_amount_on_one_line(data: Path, lang: str) -> None:
    """`overdue` at 80 columns: each finding's amount (“1 小时 35 分钟”, “263 天”) is on one
    line, on the same line as its id or period and its due date when it is a table (说明 given
    way, and said so); each count under the table on one line with its words."""
    screen = in_terminal(["--lang", lang, "overdue", *AS_OF], 80, data)
    lines = shown(screen, 80)
    rows, under = markdown(data, lang, "overdue", *AS_OF, "--format", "markdown")
    is_table = any(line.startswith(RULE * 20) for line in lines)
    if lang == "zh":
        assert is_table, screen  # 80 columns hold the table without its 说明
    for row in rows:
        ref, due, amount = row[3], row[4], row[5]
        if is_table:
            assert any(ref in line and due in line and amount in line for line in lines), (
                f"{ref} {due} {amount!r} not on one line\n{screen}"
            )
        else:  # a record per block: every column, the amount whole on its line
            assert any(line.endswith(amount) for line in lines), f"{amount!r}\n{screen}"
            assert any(row[6] in line for line in lines) or row[6][:20] in screen
    note = note_of(screen, lang)
    if is_table:
        detail = {"zh": "说明", "en": "detail"}[lang]
        assert note.startswith(LEFT_OUT[lang] + detail), screen
    else:
        assert note == "", screen  # nothing left out of the blocks
    counts = under[0]  # “逾期 93 项：突发信息迟报 22、…、约稿逾期 62”
    sep = {"zh": "、", "en": ", "}[lang]
    items = counts.split("：" if lang == "zh" else ": ", 1)[1].split(sep)
    for item in items:
        assert any(item in line for line in lines), f"{item!r} split\n{screen}"


@pytest.mark.parametrize(("lang", "columns"), [("zh", 70), ("zh", 60), ("en", 70), ("en", 60)])
def test_overdue_narrower_never_folds_an_amount(data: Path, lang: str, columns: int) -> None:
    """Narrower than 80, where even without 说明 an amount would fold, each finding is a block
    of lines (every column, nothing left out) rather than a table folding “1 小时/35 分钟”."""
    screen = in_terminal(["--lang", lang, "overdue", *AS_OF], columns, data)
    lines = shown(screen, columns)
    rows, _ = markdown(data, lang, "overdue", *AS_OF, "--format", "markdown")
    for row in rows:
        assert any(row[5] in line for line in lines), f"{row[5]!r} folded\n{screen}"
        assert any(row[3] in line for line in lines), f"{row[3]!r} split\n{screen}"
    assert note_of(screen, lang) == "", screen


@pytest.mark.parametrize(("lang", "columns"), [("en", 70), ("en", 66), ("zh", 60)])
def test_score_names_stay_readable_and_kind_gives_way(data: Path, lang: str, columns: int) -> None:
    """`score` at 60–70 columns: the points' names are not folded a character a line (at least
    three characters on a line: 类别 gives way, and the note says so), every number whole."""
    screen = in_terminal(["--lang", lang, "score", "2003"], columns, data)
    lines = shown(screen, columns)
    assert any(line.startswith(RULE * 20) for line in lines), screen  # a table, not blocks
    labels = [p["short"] or p["name"] for p in machine(data, "points", "list")["points"]]
    ranked = {p["id"] for p in machine(data, "score", "2003")["points"]}
    ids = [p["id"] for p in machine(data, "points", "list")["points"]]
    for point, label in zip(ids, labels, strict=True):
        if point in ranked:
            assert label[:3] in screen, f"{label} folded\n{screen}"
    kind = {"zh": "类别", "en": "kind"}[lang]
    assert note_of(screen, lang).startswith(LEFT_OUT[lang] + kind), screen
    for p in machine(data, "score", "2003")["points"]:
        for key in ("submitted", "adopted"):
            assert re.search(rf"(?<![\d.-]){p[key]}(?![\d.])", screen), (p, key)
        assert f"{p['score']:.2f}" in screen, p


@pytest.mark.parametrize("columns", [60, 70])
def test_score_folds_a_status_between_its_words(data: Path, columns: int) -> None:
    """`score` at 60 and 70 columns, where 状态 is too narrow for 取消资格: the status folds
    as 取消 over 资格, never 取消资 over 格 (the column holds words of a fixed vocabulary)."""
    screen = in_terminal(["score", "2003"], columns, data)
    lines = shown(screen, columns)
    disqualified = [i for i, line in enumerate(lines) if line.rstrip().endswith("取消")]
    assert disqualified, screen  # the sample has disqualified points, their status folded
    for i in disqualified:
        assert lines[i + 1].strip() == "资格", screen
    assert not re.search("取消资(?!格)", screen), screen


@pytest.mark.parametrize(("lang", "columns"), [("zh", 60), ("en", 60), ("en", 70)])
def test_points_list_gives_way_with_parent_and_tiers(data: Path, lang: str, columns: int) -> None:
    """`points list` at 60–70 columns: 上级 and 级别 (which today's state restates) give way,
    named in the note; no heading is broken inside a word, every id shows whole."""
    screen = in_terminal(["--lang", lang, "points", "list"], columns, data)
    lines = shown(screen, columns)
    assert any(line.startswith(RULE * 20) for line in lines), screen  # a table, not blocks
    parent, tiers = {"zh": ("上级", "级别"), "en": ("parent", "tiers")}[lang]
    assert note_of(screen, lang).startswith(f"{LEFT_OUT[lang]}{parent}"), screen
    assert tiers in note_of(screen, lang), screen
    for p in machine(data, "points", "list")["points"]:
        assert re.search(rf"^{re.escape(p['id'])} ", screen, re.MULTILINE), (p["id"], screen)


def test_score_where_every_column_fits_leaves_nothing_out(data: Path) -> None:
    """At 100 columns the whole ranking shows: 类别 too, and no note."""
    screen = in_terminal(["score", "2003"], 100, data)
    assert "类别" in screen
    assert note_of(screen, "zh") == "", screen


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_report_month_at_80_columns_names_what_each_ranking_left_out(data: Path, lang: str) -> None:
    """`report 2003-08` at 80 columns: each of the three rankings leaves out its to-date counts,
    and says so under it, once, with the same words as every command."""
    screen = in_terminal(["--lang", lang, "report", "2003-08"], 80, data)
    shown(screen, 80)
    joined = screen.replace("\n", "")
    assert joined.count(LEFT_OUT[lang]) == 3, screen
    titles = {"zh": r"^2003年8月\S*$", "en": r"^.*, August 2003$"}[lang]
    parts = re.split(f"({titles})", screen, flags=re.MULTILINE)
    ranking = {"zh": "排名", "en": "ranking"}[lang]
    what = {"zh": "累计报送", "en": "submitted (to date)"}[lang]
    rankings = [(t, body) for t, body in zip(parts[1::2], parts[2::2], strict=True) if ranking in t]
    assert len(rankings) == 3, screen
    for title, body in rankings:
        assert note_of(body, lang).startswith(LEFT_OUT[lang] + what), title + body


def at_columns(line: str, starts: list[int]) -> list[str]:
    """What ``line`` shows in each column that starts at ``starts`` (display columns), the
    last running to the line's end."""
    pieces = [""] * len(starts)
    x = 0
    for ch in line:
        column = sum(1 for s in starts if s <= x) - 1
        if column >= 0:
            pieces[column] += ch
        x += cell_len(ch)
    return [p.strip() for p in pieces]


def column_starts(lines: list[str]) -> list[int]:
    """The display columns at which a fitted table's columns start (``lines``: its headers and
    rows): two blank cells before each on every line, and something at it on one."""
    used: list[set[int]] = []
    for line in lines:
        x, taken = 0, set()
        for ch in line:
            if not ch.isspace():
                taken.update(range(x, x + cell_len(ch)))
            x += cell_len(ch)
        used.append(taken)
    width = max(map(cell_len, lines), default=0)
    return [
        x
        for x in range(width)
        if any(x in u for u in used)
        and (x == 0 or all(x - 1 not in u and x - 2 not in u for u in used))
    ]


def listed_names(
    screen: str, lang: str, data: Path
) -> tuple[list[tuple[str, list[list[str]]]], dict[str, Any]]:
    """What `report 2003Q4` (``screen``) shows in 约稿完成情况's three lists: each row's
    solicitation and the lines of each list; and the lists as JSON, by solicitation."""
    lines = screen.splitlines()
    wanted = {s["id"]: s for s in machine(data, "report", "2003Q4")["solicitations"]}
    first = next(i for i, line in enumerate(lines) if line.split(" ")[0] in wanted)
    assert lines[first - 1].startswith(RULE * 20), screen
    top = first - 1
    while lines[top - 1].startswith(" "):
        top -= 1
    body = []
    for line in lines[first:]:
        if not line.strip() or (line[:1] != " " and line.split(" ")[0] not in wanted):
            break  # the line under the table
        body.append(line)
    starts = column_starts([*lines[top - 1 : first - 1], *body])[-3:]
    rows: list[tuple[str, list[list[str]]]] = []
    for line in body:
        if line[:1] != " ":
            rows.append((line.split(" ")[0], [[], [], []]))
        for cell, piece in zip(rows[-1][1], at_columns(line, [0, *starts])[1:], strict=True):
            if piece:
                cell.append(piece)
    assert [r[0] for r in rows] == list(wanted), screen
    return rows, wanted


def broken_names(
    screen: str, lang: str, data: Path
) -> tuple[list[tuple[str, str, int]], list[int]]:
    """Each name 约稿完成情况's lists break over lines in ``screen`` (its solicitation, the
    name with its separator's mark, and its list), and each list's width on screen; checking
    that nothing of any list is lost."""
    sep = {"zh": "、", "en": ", "}[lang]
    mark = sep.rstrip()
    rows, wanted = listed_names(screen, lang, data)
    widths = [
        max(map(cell_len, (p for _, cells in rows for p in cells[j])), default=0) for j in range(3)
    ]
    broken = []
    for ident, cells in rows:
        for j, (key, parts) in enumerate(zip(("on_time", "late", "missed"), cells, strict=True)):
            text = parts[0] if parts else ""
            for before, part in itertools.pairwise(parts):
                if before.endswith(mark):
                    text += sep[len(mark) :] + part
                    continue
                start = text.rfind(sep) + len(sep) if sep in text else 0
                rest = part.split(mark, 1)
                broken.append((ident, text[start:] + rest[0] + (mark if len(rest) > 1 else ""), j))
                text += part
            assert (len(text.split(sep)) if text else 0) == len(wanted[ident][key]), (ident, key)
    return broken, widths


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_report_at_80_columns_breaks_lists_of_names_between_names(data: Path, lang: str) -> None:
    """`report 2003Q4` at 80 columns: in 约稿完成情况 the lists of the points that answered on
    time, late or not at all break only after a separator — inside a name only where that
    name (with its separator) is wider than its column, never where it fits (not
    “省安全/监管局” in a column of twelve); nothing is lost."""
    screen = in_terminal(["--lang", lang, "report", "2003Q4"], 80, data)
    shown(screen, 80)
    broken, widths = broken_names(screen, lang, data)
    for ident, name, j in broken:
        assert cell_len(name) > widths[j], f"{ident}: {name} broken\n{screen}"
    rows, _ = listed_names(screen, lang, data)
    assert any(len(cells[0]) > 2 for _, cells in rows), screen  # lists over several lines


@pytest.mark.parametrize(
    ("lang", "columns"),
    [("zh", 80), ("zh", 100), ("zh", 120), ("en", 80), ("en", 100), ("en", 120)],
)
def test_report_keeps_each_listed_name_whole_where_the_room_allows(
    data: Path, lang: str, columns: int
) -> None:
    """`report 2003Q4`: the lists of 约稿完成情况 are the record of who reported, so their
    columns are given the width of their names before a title is widened — at 80 columns
    (Chinese) no name of five characters or fewer with its 、 is broken (not “四/平、”,
    “省环/保局”, “省建设/厅、”, as when the list of those not reported was four cells wide),
    and at 100 and 120 none at all — nor in English at 80, where the headers' words give way
    first (“mi/ss/ed”); the topics wrap instead, two characters a line or more;
    no number or date is folded."""
    screen = in_terminal(["--lang", lang, "report", "2003Q4"], columns, data)
    lines = shown(screen, columns)
    broken, _ = broken_names(screen, lang, data)
    if columns > 80:
        assert not broken, f"{broken}\n{screen}"
    else:
        assert all(cell_len(name) > 10 for _, name, _ in broken), f"{broken}\n{screen}"
    _, wanted = listed_names(screen, lang, data)
    for ident, solicitation in wanted.items():
        row = next(i for i, line in enumerate(lines) if line.startswith(ident + " "))
        assert solicitation["due"] in lines[row], screen  # the date whole, on the row's line
    title = next(line for line in lines if line.startswith("YG-2003-049")).split()[1]
    assert cell_len(title) >= 4, screen  # the topic two characters a line at least


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_report_at_30_columns_keeps_every_line_within_the_terminal(data: Path, lang: str) -> None:
    """At 30 columns the quarter's tables are printed a record per block; a value too wide
    beside its label (“信息编号  gongzhuling-2003-0060”, “score (to date)  3399.80”) goes under
    it, so that no line runs past the edge, where the terminal would break an id in two."""
    screen = in_terminal(["--lang", lang, "report", "2003Q4"], 30, data)
    shown(screen, 30)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_year_tables_at_80_columns_leave_out_breakdowns_rather_than_fold_names(
    data: Path, lang: str
) -> None:
    """`report 2003` at 80 columns: 报送情况 leaves out its quarters' research counts and
    采用批示 its count per publication — not every name folded a character a line (长/春), not
    a publication's name fifteen lines tall over its column, not blocks of 17 lines a point."""
    screen = in_terminal(["--lang", lang, "report", "2003", *AS_OF], 80, data)
    lines = shown(screen, 80)
    title = {"zh": "2003年度各直报点信息报送情况", "en": "2003 submissions per point"}[lang]
    start = lines.index(title)
    rows = [line for line in lines[start : start + 40] if re.match(r"^ ?\d+ ", line)]
    assert len(rows) >= 20, "\n".join(lines[start : start + 40])
    assert any(re.match(r"^ 1\s+长春\s", row) for row in rows)
    assert not any(re.match(r"^ *\d+\s+\S\s", row) for row in rows)  # no name a character a line
    quarters = {"zh": "一季度调研", "en": "research Q1"}[lang]
    publication = "《吉林政务信息》"
    notes = [note_of(part, lang) for part in screen.split(LEFT_OUT[lang])[1:]]
    joined = screen.replace("\n", "")
    assert joined.count(LEFT_OUT[lang] + quarters) == 1, notes
    assert publication in joined.split(LEFT_OUT[lang])[2], notes
    adoptions = {
        "zh": "2003年度各直报点信息采用、批示和扣分情况",
        "en": "2003 adoptions, instructions and deductions per point",
    }[lang]
    at = lines.index(adoptions)
    rule = next(i for i in range(at, len(lines)) if lines[i].startswith(RULE))
    assert rule - at - 1 <= 4, "\n".join(lines[at : rule + 1])  # the header: no tower


def test_points_list_at_80_columns_keeps_each_tier_whole(data: Path) -> None:
    """The tiers column lists names (省直报点、国办直报点): each stays on one line, never
    省直报/点."""
    screen = in_terminal(["points", "list"], 80, data)
    shown(screen, 80)
    assert "省直报点、" in screen
    assert "国办直报点" in screen
    assert not re.search(r"省直报\s*$", screen, flags=re.MULTILINE), screen


def test_explain_at_80_columns_leaves_no_character_of_a_detail_alone(data: Path) -> None:
    """explain's 计分事项 is a phrase: 《专报》单条/采用, not 《专报》单条采/用."""
    screen = in_terminal(["explain", "changchun", "2003", *AS_OF], 80, data)
    lines = shown(screen, 80)
    top = next(i for i, line in enumerate(lines) if line.startswith(RULE))
    body = [line for line in lines[top + 1 :] if line.strip()][:200]
    starts = column_starts(body)
    assert len(starts) == 6, starts
    details = [at_columns(line, starts)[3] for line in body]
    # a character alone under a line that ends in a word of its own (after a space, “×1.5 问/
    # 题” still happens: the rule leaves a line above its spaces)
    alone = [
        (above, d)
        for above, d in itertools.pairwise(details)
        if len(d) == 1 and not d.isascii() and above and " " not in above[-2:]
    ]
    assert not alone, alone
    assert "采用" in details
