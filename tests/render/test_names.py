"""render/wrap and render/fit on a cell that lists names (约稿完成情况's 按时报送单位 …): a line
breaks between names, inside one only where it alone (with its separator) is wider than the
column — and the fitter's least widths, and so how narrow a column may be, are as for any
text."""

from __future__ import annotations

import random

import pytest
from rich.cells import cell_len

from govinfo.render.fit import measure
from govinfo.render.layout import fit_layout, layout_key, texts_key
from govinfo.render.narrow import block_lines
from govinfo.render.rows import fitted_lines
from govinfo.render.wrap import line_count, line_reach, wrap_cells, wrap_text
from govinfo.text import display_widths

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
    still shows the table, the long names broken."""
    named, plain = measure(COLUMNS, NAMED), measure(COLUMNS)
    assert (named.least, named.natural) == (plain.least, plain.natural)
    assert named.least == [11, 2]
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
        assert lines[0] == "约稿编号      YG-2003-001"
        assert lines[1].startswith("按时报送单位  ")  # the label, then the lines lined up
        values = [lines[1][8:], *(line[14:] for line in lines[2:])]
        breaks_between_names(LIST, values, width - 14, "、")
    plain = block_lines(["约稿编号", "按时报送单位"], ["YG-2003-001", LIST], 36)
    assert plain != block_lines(["约稿编号", "按时报送单位"], ["YG-2003-001", LIST], 36, NAMED)
