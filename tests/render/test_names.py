"""render/wrap and render/fit on a cell that lists names (约稿完成情况's 按时报送单位 …): a line
breaks between names, inside one only where it alone (with its separator) is wider than the
column; the fitter gives a column that lists names the width of its names where the room
allows, before a title's (as many names whole as it can, up to eight characters each), while
its least width — how narrow the table may go before it is printed a record per block — is as
for any text."""

from __future__ import annotations

import random

import pytest
from rich.cells import cell_len

from govinfo.render.fit import measure
from govinfo.render.layout import fit_layout, layout_key, texts_key
from govinfo.render.namelists import NAME_MOST, name_widths, names_whole
from govinfo.render.narrow import block_lines
from govinfo.render.rows import fitted_lines
from govinfo.render.wrap import line_count, line_reach, wrap_cells, wrap_text
from govinfo.text import display_widths
from tests.support.layoutmemo import DictMemo

NAMES = [
    "长春",
    "通化",
    "延边州",
    "吉林市",
    "白山",
    "梅河口",
    "公主岭",
    "省农委",
    "省财政厅",
    "省外经贸厅",
    "省劳动保障厅",
    "省安全监管局",
    "省发展改革委",
    "省国土资源厅",
]
LIST = "、".join(NAMES)


def breaks_between_names(text: str, lines: list[str], width: int, sep: str) -> None:
    """``lines`` (``text`` wrapped at ``width``) are at most ``width`` wide, lose nothing but
    the spaces they break at, and each ends after a separator — or inside a name wider than
    ``width`` with its separator's mark, one that starts a line."""
    mark = sep.rstrip()
    assert all(cell_len(line) <= width for line in lines), (width, lines)
    pos, starts, broken = 0, set(), []
    for k, line in enumerate(lines):
        while text[pos : pos + 1] == " ":
            pos += 1
        assert text.startswith(line, pos), (text, lines)
        starts.add(pos)
        pos += len(line)
        if k < len(lines) - 1 and not line.endswith(mark):
            start = text.rfind(sep, 0, pos) + len(sep) if sep in text[:pos] else 0
            end = text.find(mark, pos)
            name = text[start : len(text) if end < 0 else end + len(mark)]
            assert cell_len(name) > width, f"{name} broken at {width}: {lines}"
            broken.append(start)
    assert text[pos:].strip() == ""
    assert set(broken) <= starts, f"a broken name does not start a line at {width}: {lines}"


@pytest.mark.parametrize("width", range(2, 40))
def test_a_list_of_names_breaks_only_between_names_where_they_fit(width: int) -> None:
    lines = wrap_text(LIST, width, names="、")
    breaks_between_names(LIST, lines, width, "、")
    assert line_count(LIST, width, names="、") == len(lines)


def test_a_name_wider_than_its_column_breaks_and_starts_a_line() -> None:
    """At 10 cells 省劳动保障厅、 (14) cannot be whole: it starts a line and breaks as any text,
    the 、 never starting one; the names that fit stay whole (any text would break them)."""
    text = "长春、省劳动保障厅、白山"
    assert wrap_text(text, 10) == ["长春、省劳", "动保障厅、", "白山"]
    assert wrap_text(text, 10, names="、") == ["长春、", "省劳动保障", "厅、白山"]
    assert wrap_text("白山、省安全监管局、延边州", 12, names="、") == [
        "白山、",
        "省安全监管",
        "局、延边州",
    ]
    assert wrap_text("吉林市、辽源、桦甸", 8, names="、") == ["吉林市、", "辽源、", "桦甸"]
    assert wrap_text("吉林市、辽源、桦甸", 8) == ["吉林市、", "辽源、桦", "甸"]


def test_numbers_and_closing_marks_keep_their_rules_in_a_list_of_names() -> None:
    """A run of narrow characters is never cut, even in a name too wide to keep whole; a
    separator never starts a line where it can stay with its name."""
    text = "长春、changchun-2003-0001号、省工商局、第 4 名"
    for width in range(4, 30):
        lines = wrap_text(text, width, names="、")
        assert any("changchun-2003-0001" in line for line in lines), (width, lines)
        assert not any(line.startswith("、") for line in lines), (width, lines)
        assert all(not line.endswith("第") for line in lines), (width, lines)


def test_english_names_keep_their_words_together() -> None:
    text = "Changchun, Jilin City, Provincial Bureau of Work Safety, Siping"
    assert wrap_text(text, 16, names=", ") == [
        "Changchun,",
        "Jilin City,",
        "Provincial",
        "Bureau of Work",
        "Safety, Siping",
    ]
    for width in range(12, 40):
        breaks_between_names(text, wrap_text(text, width, names=", "), width, ", ")


def test_lines_counted_and_their_reach_hold_for_lists_of_names() -> None:
    """line_reach counts what wrap_text prints for a list of names, and from the width asked
    up to its reach the very lines are the same (fitting skips those widths)."""
    rnd = random.Random(2003)
    words = [*NAMES, "changchun-2003", "（延边）朝鲜族自治州", "第 4", "a b", "", "省 工商局"]
    texts = ["、".join(rnd.choice(words) for _ in range(rnd.randint(1, 12))) for _ in range(300)]
    texts += [t.replace("、", ", ") for t in texts[:60]] + [LIST, LIST + "\n" + LIST]
    for text in texts:
        names = ", " if ", " in text else "、"
        for width in range(0, 34):
            lines = wrap_text(text, width, names=names)
            count, reach = line_reach(text, width, False, names)
            assert count == len(lines), (text, width)
            for wider in range(width + 1, min(reach, 50)):
                assert wrap_text(text, wider, names=names) == lines, (text, width, wider)


CELLS = [LIST, "长春、通化", "", "省安全监管局"]
COLUMNS = [
    ["约稿编号", "YG-2003-001", "YG-2003-002", "YG-2003-003", "YG-2003-004"],
    ["按时报送单位", *CELLS],
]
NAMED = ["", "、"]


def test_a_column_of_lists_may_be_as_narrow_as_any_text() -> None:
    """Naming a column's lists changes neither its least width (a wide character: no wider
    for a long name) nor its natural width: a terminal with room for the list four cells wide
    still shows the table, the long names broken (the widths of its names are measured
    besides, for the fitter to keep them whole where the room allows)."""
    named, plain = measure(COLUMNS, NAMED), measure(COLUMNS)
    assert (named.least, named.natural) == (plain.least, plain.natural)
    assert named.least == [11, 2]
    assert plain.named == []
    assert named.named[0] == []
    assert named.named[1][-1] == (14, 3)
    found = fit_layout(COLUMNS, 17, names=NAMED)
    assert found is not None
    assert found[0][0] == 11
    assert sum(found[0]) + found[1] <= 17


def test_rows_drawn_wrap_a_list_as_wrap_text_does() -> None:
    cells = [c[1:] for c in COLUMNS]
    shown = [display_widths(c) for c in cells]
    for width in (2, 6, 12, 14, 20):
        assert wrap_cells(CELLS, width, names="、") == [
            wrap_text(c, width, names="、") for c in CELLS
        ]
        rows = fitted_lines(cells, shown, [11, width], [False, False], 2, NAMED)
        assert [line[13:] for line in rows[0].split("\n")] == wrap_text(LIST, width, names="、")
    assert fitted_lines(cells, shown, [11, 12], [False] * 2, 2) != fitted_lines(
        cells, shown, [11, 12], [False] * 2, 2, NAMED
    )


def test_a_layout_kept_for_lists_is_kept_apart() -> None:
    """The memo keeps a table's layout with its lists named apart from the same texts
    unnamed (they wrap otherwise); naming none is naming nothing."""
    assert texts_key(COLUMNS, NAMED) != texts_key(COLUMNS)
    assert texts_key(COLUMNS, ["", ""]) == texts_key(COLUMNS)
    assert layout_key(COLUMNS, 30, NAMED) != layout_key(COLUMNS, 30)


def test_a_record_per_block_keeps_names_whole_too() -> None:
    """Where a table is printed a record per block, a list's lines break between names."""
    for width in (24, 30, 36, 50):
        lines = block_lines(["约稿编号", "按时报送单位"], ["YG-2003-001", LIST], width, NAMED)
        if width == 24:  # the id wider than the room beside the labels: under its label
            assert lines[:2] == ["约稿编号", "  YG-2003-001"]
            lines = lines[1:]
        else:
            assert lines[0] == "约稿编号      YG-2003-001"
        assert lines[1].startswith("按时报送单位  ")  # the label, then the lines lined up
        values = [lines[1][8:], *(line[14:] for line in lines[2:])]
        breaks_between_names(LIST, values, width - 14, "、")
    plain = block_lines(["约稿编号", "按时报送单位"], ["YG-2003-001", LIST], 36)
    assert plain != block_lines(["约稿编号", "按时报送单位"], ["YG-2003-001", LIST], 36, NAMED)


def test_the_widths_of_a_columns_names_with_their_marks() -> None:
    """name_widths: each name with its separator's mark as wrapping keeps it (a list's last
    name without one), each width with how many names are that wide, a cell that comes
    twice counted twice; English names with their comma, their words together."""
    cells = ["长春、省建设厅、白山", "省建设厅", "", "长春、省建设厅、白山"]
    assert name_widths(cells, "、") == [(4, 2), (6, 2), (8, 1), (10, 2)]
    # a name that is one unit (a word, a character) never breaks: it is not counted
    assert name_widths(["Changchun, Jilin City", "Siping"], ", ") == [(10, 1)]
    assert name_widths(["长春"], "、") == [(4, 1)]


TOPICS = [
    "城市居民最低生活保障工作情况",
    "林区经济和林业职工生活情况",
    "前三季度经济运行情况",
    "年度工作完成情况及明年工作打算",
]
MISSED = ["四平、省环保局", "", "松原、东丰", "省统计局"]
REPORT = [COLUMNS[0], ["约稿题目", *TOPICS], COLUMNS[1], ["未报单位", *MISSED]]
REPORT_NAMED = ["", "", "、", "、"]


def names_broken(columns: list[list[str]], widths: list[int], named: list[str]) -> list[str]:
    """The names (each with its separator) that the lists of ``columns`` — Chinese, no
    spaces — break over lines at ``widths``."""
    broken = []
    for col, width, sep in zip(columns, widths, named, strict=True):
        for text in col[1:] if sep else ():
            lines = wrap_text(text, width, names=sep)
            assert "".join(lines) == text
            ends = {len("".join(lines[: k + 1])) for k in range(len(lines) - 1)}
            start = 0
            for name in text.split(sep):
                end = min(start + len(name) + len(sep), len(text))
                if any(start < e < end for e in ends):
                    broken.append(text[start:end])
                start = end
    return broken


@pytest.mark.parametrize("width", [44, 46, 52, 60, 80])
def test_lists_are_given_the_width_of_their_names_before_a_title(width: int) -> None:
    """Where the room allows, a column that lists names is as wide as its widest name with
    its 、 (省劳动保障厅、, 14 cells; 省环保局, 8), the room taken from the topic — kept two
    characters a line at least — and never from the id, which stays whole: no name is broken.
    (Fitted as any text, the list not reported was narrower than 省环保局: “省环/保局”.)"""
    found = fit_layout(REPORT, width, names=REPORT_NAMED)
    assert found is not None
    widths, gap = found
    assert sum(widths) + gap * 3 <= width
    assert widths[0] == 11, widths
    assert widths[1] >= 4, widths
    assert widths[2] >= 14, widths
    assert widths[3] >= 8, widths
    assert names_broken(REPORT, widths, REPORT_NAMED) == []
    # the same texts, their lists not named, are fitted as any text: names broken
    plain = fit_layout(REPORT, 46)
    assert plain is not None
    assert "省环保局" in names_broken(REPORT, plain[0], REPORT_NAMED), plain


def test_where_the_room_is_short_the_most_names_are_kept_whole() -> None:
    """At 42 columns not every list can be as wide as its names: the widths keep the most
    names whole (the list of those on time, fourteen cells, over the short list of those not
    reported), the topic still two characters a line, the id whole."""
    found = fit_layout(REPORT, 42, names=REPORT_NAMED)
    assert found is not None
    widths, gap = found
    assert sum(widths) + gap * 3 <= 42
    assert widths[0] == 11, widths
    assert widths[1] >= 4, widths
    assert widths[2] == 14, widths
    broken = names_broken(REPORT, widths, REPORT_NAMED)
    assert broken == ["省环保局", "省统计局"], (widths, broken)
    # too narrow for that: the least widths, as for any text; the names break
    narrow = fit_layout(REPORT, 30, names=REPORT_NAMED)
    assert narrow is not None
    assert narrow[0][0] == 11


def test_a_header_s_words_are_kept_whole_where_that_costs_no_name() -> None:
    """names_whole: the headers' words are kept whole (a count's “missed”, not “mi/ss/ed”)
    where that keeps as many names whole; where the room is short, the names come first —
    the counts' headers may then fold — and a header word over a column that wraps (a
    topic's) goes before one over a count."""
    least, cells = [2, 1, 4], [12, 1, 14]  # a topic, a count, a list of names
    named = [[], [], [(6, 2), (14, 1)]]  # two names of 6 cells, one of 14
    headers = ["topic", "missed", "on time by"]
    # the room for all of it: every header's words, and every name whole
    assert names_whole(least, named, cells, headers, 40) == [5, 6, 14]
    # short: the topic's word gives way first, then the count's, before a name
    assert names_whole(least, named, cells, headers, 24) == [4, 6, 14]
    assert names_whole(least, named, cells, headers, 20) == [4, 1, 14]
    assert names_whole(least, named, cells, headers, 14) == [4, 1, 6]


def test_a_very_long_name_is_not_worth_a_title_folded() -> None:
    """A name wider than NAME_MOST (eight wide characters) does not widen its column: it
    breaks, starting a line, while the topics take the room."""
    long_name = "省人民政府驻北京办事处"  # 22 cells
    assert cell_len(long_name) > NAME_MOST
    columns = [
        ["约稿题目", *(t * 3 for t in TOPICS)],
        ["未报单位", "长春、通化", long_name, "白山", "长春、通化"],
    ]
    found = fit_layout(columns, 50, names=["", "、"])
    assert found is not None
    assert 6 <= found[0][1] < cell_len(long_name), found


def test_the_widths_of_names_are_kept_with_the_measures() -> None:
    """A table's names' widths are kept with its measures (as msgpack, as the memo keeps
    them), and a layout found from kept measures is the layout found afresh."""

    memo = DictMemo(packed=True)
    for width in (80, 44, 60, 52):
        assert fit_layout(REPORT, width, memo, names=REPORT_NAMED) == fit_layout(
            REPORT, width, names=REPORT_NAMED
        ), width
    (kept,) = memo.kept_measures.values()
    assert kept.named == measure(REPORT, REPORT_NAMED).named
    assert kept.named[2][-1] == (14, 3)
    assert kept.named[3] == [(4, 1), (6, 2), (8, 2)]
