"""render/wrap and render/fit: wrapping that never breaks a number, id or date, and column
widths that fit."""

from __future__ import annotations

import io
import random

from rich.cells import cell_len

from govinfo.render.console import fitting_console
from govinfo.render.fit import KeptMeasures, fit_widths
from govinfo.render.layout import fit_layout, layout_key, texts_key
from govinfo.render.narrow import block_lines
from govinfo.render.wrap import (
    cell_lens,
    cell_width,
    column_least,
    fits_whole,
    least_width,
    line_count,
    line_reach,
    wrap_cells,
    wrap_text,
)
from tests.support.layoutmemo import DictMemo


def printed_lines(columns: list[list[str]], widths: list[int]) -> int:
    """How many lines ``columns`` (each its header, then its cells) print at ``widths``: for the
    header (folded) and each row, its tallest cell as wrap_text wraps it."""
    rows = zip(*columns, strict=True)
    header = next(rows)
    tallest = max(len(wrap_text(h, w, fold=True)) for h, w in zip(header, widths, strict=True))
    return tallest + sum(
        max(len(wrap_text(c, w)) for c, w in zip(row, widths, strict=True)) for row in rows
    )


def test_wrap_breaks_beside_chinese_and_at_spaces_never_inside_a_run() -> None:
    text = "约稿《中小企业贷款难问题及建议》逾期 223 天未报，截至 2003-09-30"
    for width in range(10, 40):
        lines = wrap_text(text, width)
        assert all(cell_len(line) <= width for line in lines), (width, lines)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        runs = [run for line in lines for run in line.split()]
        assert "223" in "".join(lines)
        assert any("2003-09-30" in run for run in runs), (width, lines)


def test_a_run_wider_than_the_line_keeps_a_line_of_its_own_whole() -> None:
    assert wrap_text("编号 changchun-2003-0001 已报", 8) == ["编号", "changchun-2003-0001", "已报"]


def test_closing_punctuation_never_starts_a_line() -> None:
    for width in range(6, 20):
        for line in wrap_text("（默认：该年最后一天，若尚未到则为今天）。", width)[1:]:
            assert line[0] not in "，。）", (width, line)


def test_opening_brackets_never_end_a_line() -> None:
    for width in range(10, 30):
        for line in wrap_text(
            "通报的序号 n，填入发文字号格式（如 吉政办函〔{year}〕{n}号）。", width
        )[:-1]:
            assert line[-1] not in "（〔", (width, line)


def test_an_ordinal_keeps_its_number() -> None:
    """第 never ends a line, not even before the space ahead of its number (“排名第 / 4”)."""
    text = "2003年度得分 412.85 分，排名第 4，评为优秀直报点"
    for width in range(8, 34):
        lines = wrap_text(text, width)
        assert all(not line.endswith("第") for line in lines), (width, lines)
        assert any("第 4" in line for line in lines), (width, lines)


def test_punctuation_rules_never_cut_a_date() -> None:
    for width in range(10, 16):
        lines = wrap_text("已退出（2003-10-31）", width)
        assert any("2003-10-31" in line for line in lines), (width, lines)
        assert all(cell_len(line) <= width for line in lines), (width, lines)


def test_headers_fold_cells_do_not() -> None:
    assert wrap_text("instructions", 5, fold=True) == ["instr", "uctio", "ns"]
    assert wrap_text("592.80", 3) == ["592.80"]
    assert least_width("得分 592.80") == 6


def test_widths_natural_when_they_fit_else_text_gives_way_else_none() -> None:
    columns = [
        ["名次", "1", "10"],
        ["直报点", "长春市人民政府办公厅", "四平"],
        ["得分", "592.80", "9.50"],
    ]
    assert fit_widths(columns, 80) == [4, 20, 6]
    narrow = fit_widths(columns, 24)
    assert narrow is not None
    assert sum(narrow) + 3 * 2 <= 24
    assert narrow[2] == 6  # the score column is never narrower than its number
    assert fit_widths(columns, 12) is None


def test_headers_fold_to_one_height_where_the_room_allows() -> None:
    """Eight count columns under four-character headers in 72 cells: not one header whole and
    the others a character a line (four lines), but every header on at most two lines."""
    columns = [["名次", "1", "2"], ["直报点", "长春", "延边州"]]
    columns += [
        [f"{p}{k}", "331", "-6"] for p in ("本期", "累计") for k in ("报送", "采用", "批示", "调研")
    ]
    widths = fit_widths(columns, 72)
    assert widths is not None
    assert widths[1] == 6  # the short names stay whole
    assert (
        max(len(wrap_text(c[0], w, fold=True)) for c, w in zip(columns, widths, strict=True)) == 2
    )


def test_english_headers_keep_their_words_whole_where_the_room_allows() -> None:
    """Counts under English headers: the columns the counts need would break the headers
    inside words (“sub/mit/ted”); while the room allows, each column is as wide as its
    header's words, and a header folds only at its spaces."""
    columns = [["rank", "1", "10"], ["point", "长春", "省安全监管局"]]
    columns += [[h, "488", "29"] for h in ("submitted", "adopted", "in group")]
    widths = fit_widths(columns, 44)  # the least lines put “submitted” in 5 cells, “sub/mit/ted”
    assert widths is not None
    for column, width in zip(columns, widths, strict=True):
        assert least_width(column[0]) <= width, (column[0], widths)
    assert wrap_text("in group", widths[-1], fold=True) in (["in group"], ["in", "group"])


def test_headers_fold_to_one_height_only_where_that_prints_fewer_lines() -> None:
    """The province departments' ranking (18 columns): the room that folds every header to
    one height must not be what the names needed. At 91 columns that step (after the short
    cells, counted without their headers) left the names 2 cells, a character a line (33
    lines where 17 do: the names three characters a line); at 110 it left them 4 (19 lines
    where 15 do)."""
    names = ["省交通厅", "省公安厅", "省安全监管局", "省发展改革委", "省农委", "省劳动保障厅"]
    columns = [["名次", *map(str, range(1, 7))], ["直报点", *names]]
    for kind in ("报送", "采用", "国办采用", "批示", "调研"):
        columns += [[f"{p}{kind}", *["73"] * 6] for p in ("本期", "累计")]
    for kind in ("扣分", "得分"):
        columns += [[f"{p}{kind}", *["-14.25"] * 6] for p in ("本期", "累计")]
    columns += [["累计名次", *["12"] * 6], ["名次变化", *["↑10"] * 6]]
    narrow = fit_layout(columns, 91)
    assert narrow is not None
    assert narrow[0][1] > 2  # no name a character a line
    assert narrow[0][1] >= 6  # three characters a line
    assert printed_lines(columns, narrow[0]) == 17
    wide = fit_layout(columns, 110)
    assert wide is not None
    assert narrow[0][1] <= wide[0][1]
    assert printed_lines(columns, wide[0]) == 15


def test_columns_move_closer_only_when_that_wraps_fewer_lines() -> None:
    columns = [
        ["名次", "1", "5"],
        ["得分", "592.80", "403.20"],
        ["状态", "优秀", "保留（未评优：信息失实）"],
    ]
    natural = [4, 6, 24]
    # three cells apart when the natural widths fit so
    assert fit_layout(columns, 40) == (natural, 3)
    # 38 cells: three apart the status would fold, two apart it stays on one line
    assert fit_layout(columns, 38) == (natural, 2)
    # too narrow either way: two apart when that folds the status over fewer lines (22
    # cells: 5 lines, not 7), three apart when it would not (24 cells: 5 lines either way)
    assert fit_layout(columns, 22) == ([4, 6, 8], 2)
    assert printed_lines(columns, [4, 6, 8]) == 5
    assert printed_lines(columns, fit_widths(columns, 22) or []) == 7
    assert fit_layout(columns, 24) == ([4, 6, 8], 3)
    assert fit_layout(columns, 10) is None  # even two apart the numbers do not fit: blocks


def test_a_block_lines_up_labels_and_wraps_values() -> None:
    lines = block_lines(["名次", "直报点全称"], ["12", "吉林省发展和改革委员会办公室"], 24)
    assert lines[0] == "名次        12"
    assert all(cell_len(line) <= 24 for line in lines)
    assert lines[1].startswith("直报点全称  ")


def test_a_block_sets_a_value_too_wide_beside_its_label_under_it() -> None:
    """An id or a number never cut, nor run past the terminal's edge: a value with a run
    wider than the room beside the labels goes under its label, set in by two; where even
    that is too narrow, from the line's start."""
    headers = ["信息编号", "score (to date)"]
    lines = block_lines(headers, ["gongzhuling-2003-0060", "3399.80"], 30)
    assert lines == ["信息编号", "  gongzhuling-2003-0060", "score (to date)  3399.80"]
    lines = block_lines(headers, ["gongzhuling-2003-0060", "3399.80"], 22)
    assert lines[:2] == ["信息编号", "gongzhuling-2003-0060"]
    assert lines[2:] == ["score (to date)", "  3399.80"]
    assert all(cell_len(line) <= 22 for line in lines)
    # a label as wide as the line: every value under its label
    assert block_lines(["x" * 10, "y"], ["1", "2"], 10) == ["x" * 10, "  1", "y", "  2"]


def test_a_message_off_a_terminal_is_one_line_however_long() -> None:
    """Piped or redirected, a message is never broken at the console's width (rich's default
    would break a long path in two at 80 columns)."""
    buf = io.StringIO()
    console = fitting_console(file=buf, width=40, force_terminal=False)
    text = "已写入 /tmp/govinfo-bench/check10000：2323 个文件，200 个直报点，10000 条报送信息"
    console.print(text, markup=False)
    assert buf.getvalue() == text + "\n"


def test_a_message_on_a_terminal_keeps_a_date_and_its_time_together() -> None:
    """A reminder's 事发 2003-01-16 15:34 broken by the terminal's width moves whole to the
    next line: the time never starts a line by itself."""
    text = "贵单位有 4 项信息报送事项逾期：突发信息迟报：事发 2003-01-16 15:34，384 分钟后才报送"
    for width in range(30, 80):
        buf = io.StringIO()
        console = fitting_console(file=buf, width=width, force_terminal=True, color_system=None)
        console.print(text, markup=False)
        lines = buf.getvalue().splitlines()
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        assert any("2003-01-16 15:34" in line for line in lines), (width, lines)
        assert all(cell_len(line) <= width for line in lines), (width, lines)


COLUMN = [
    "长春市人民政府办公厅",
    "关于“春耕备耕”工作的报告——吉林",
    "2003-09-30",
    "迟报 31 分钟",
    "",
    "a  b",
    " 前后有空格 ",
    "（延边）朝鲜族自治州",
    "592.50",
]


def test_a_column_measured_at_once_is_measured_as_its_cells_one_by_one() -> None:
    """The column-at-a-time widths, least widths and "fits whole" of a fitted table are what
    the cell-by-cell rules give, on counted text and on text that falls back (·, a tab, a
    line break, an emoji)."""
    fallback = ["长春·吉林", "a\tb", "两行\n文字", "火\U0001f525"]
    for column in (COLUMN, COLUMN + fallback, fallback, COLUMN[2:3], [], [""]):
        assert cell_lens(column) == [cell_len(x) for x in column]
        assert list(map(cell_width, column)) == [cell_len(x) for x in column]
        assert column_least(column) == max(map(least_width, column), default=0)
        for width in range(0, 40):
            assert wrap_cells(column, width) == [wrap_text(x, width) for x in column]
            whole = all(wrap_text(x, width) == [x] for x in column)
            if fits_whole(column, width):
                assert whole, (column, width)
            elif width >= max(cell_lens(column), default=0):  # each fits: only spacing left
                assert not whole, (column, width)


def test_lines_counted_are_the_lines_wrapped() -> None:
    """line_count (what fitting asks, at every width) counts what wrap_text prints, for texts
    of every kind of unit: wide characters, runs, spaces, line breaks and the marks that may
    not start or end a line, headers folded or not."""
    rnd = random.Random(16)
    pieces = [*"长春市（）《》。，、 —“”…第", "ab", "2003-09-30", "12", "\n", "  "]
    texts = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 24))) for _ in range(300)]
    for text in [*texts, *COLUMN]:
        for width in range(0, 30, 3):
            for fold in (False, True):
                assert line_count(text, width, fold) == len(wrap_text(text, width, fold=fold))


def test_lines_are_the_same_up_to_their_reach() -> None:
    """line_reach's reach (how far fitting may skip widths) never skips a width at which a
    text wraps otherwise: from the width asked up to the reach, wrap_text gives the very same
    lines, headers folded or not."""
    rnd = random.Random(1604)
    pieces = [*"长春市（）《》。，、 —“”…%!(第", "ab", "2003-09-30", "12", "\n", "  ", "abcdefghij"]
    pieces += ["\u200d", "\ufe0f", "\U0001f468", "\u0301", "\u200b"]  # joiners, marks, emoji
    texts = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 30))) for _ in range(400)]
    for text in [*texts, *COLUMN]:
        for fold in (False, True):
            wrapped = [wrap_text(text, width, fold=fold) for width in range(60)]  # once a width
            for width in range(0, 36):
                lines = wrapped[width]
                count, reach = line_reach(text, width, fold)
                assert count == len(lines)
                for wider in range(width + 1, min(reach, 60)):
                    assert wrapped[wider] == lines, (text, width, wider)


def test_a_layout_found_before_is_taken_from_the_memo() -> None:
    """fit_layout with a memo gives what it gives without one, keeps it under a key of the
    texts and the width, and the next time takes it from the memo (a planted layout shows it
    is taken); an entry that is not a layout of the table is not taken but replaced."""
    columns = [["名称", *COLUMN[:2]], ["说明", *(t * 3 for t in COLUMN[:2])], ["分", "1", "592.50"]]
    memo = DictMemo()
    found = fit_layout(columns, 30, memo)
    assert found == fit_layout(columns, 30)
    key = layout_key(columns, 30)
    assert found is not None
    assert memo.kept == {key: [found[1], *found[0]]}
    assert key != layout_key(columns, 31)
    assert key != layout_key([*columns[:2], ["分", "1", "592.5"]], 30)
    memo.kept[key] = [2, 8, 8, 8]
    assert fit_layout(columns, 30, memo) == ([8, 8, 8], 2)
    memo.kept[key] = [2, 8, 8]  # a column short: not this table's
    assert fit_layout(columns, 30, memo) == found
    assert memo.kept[key] == [found[1], *found[0]]
    memo.kept[layout_key(columns, 5)] = []  # kept as "cannot be fitted"
    assert fit_layout(columns, 5, memo) is None
    memo.kept[key] = [3, 1 << 40, 9, 9]  # wider than the terminal: not a layout of it
    assert fit_layout(columns, 30, memo) == found
    named = [["文件", "2003/\udce9.yaml"], ["说明", "无法读取的名称" * 5]]  # no msgpack text
    assert fit_layout(named, 20, memo) == fit_layout(named, 20)


def test_a_table_fitted_at_a_new_width_starts_from_its_kept_measures() -> None:
    """At a width not seen yet, fit_layout takes the table's measures and the wraps tried at
    other widths from the memo, and finds what it finds without one (on a table long enough
    to be sampled, at widths up and down); what it wrapped anew is kept too. Kept measures
    planted are used; ones not of the table's shape, or with a least width under a header's,
    are not, and are replaced."""
    rnd = random.Random(2026)
    words = ["长春市", "（", "）", "《", "》", "。", "2003-09-30", "592.50", "信息", "采用", " "]
    names = ["".join(rnd.choice(words) for _ in range(rnd.randint(1, 6))) for _ in range(400)]
    titles = ["".join(rnd.choice(words) for _ in range(rnd.randint(3, 30))) for _ in range(400)]
    columns = [["名称", *names], ["标题与说明", *titles], ["分", *(str(i) for i in range(400))]]
    memo = DictMemo()
    texts = texts_key(columns)
    tried = 0
    for width in (70, 45, 90, 52, 45, 61):
        assert fit_layout(columns, width, memo) == fit_layout(columns, width), width
        assert list(memo.kept_measures) == [texts]
        assert len(memo.kept_measures[texts].wrapped) >= tried
        tried = len(memo.kept_measures[texts].wrapped)
    assert layout_key(columns, 61) in memo.kept
    kept = memo.kept_measures[texts]
    memo.kept_measures[texts] = KeptMeasures([5, 6, 7], kept.least, kept.wrapped)
    assert fit_layout(columns, 100, memo) == ([5, 6, 7], 3)  # the planted widths were used
    lines, reaches = kept.wrapped[0][2], kept.wrapped[0][3]
    short = [(*kept.wrapped[0][:2], lines[:-1], reaches[:-1])]  # a row short: not this table's
    memo.kept_measures[texts] = KeptMeasures(kept.natural, kept.least, short)
    assert fit_layout(columns, 66, memo) == fit_layout(columns, 66)
    assert memo.kept_measures[texts].natural == kept.natural  # measured again, and kept
    memo.kept_measures[texts] = KeptMeasures(kept.natural[:2], kept.least[:2], [])
    assert fit_layout(columns, 67, memo) == fit_layout(columns, 67)
    memo.kept_measures[texts] = KeptMeasures(kept.natural, [1, *kept.least[1:]], kept.wrapped)
    assert fit_layout(columns, 68, memo) == fit_layout(columns, 68)  # a least under a header's
