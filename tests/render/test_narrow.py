"""render/narrow and render/table.give_way: on a narrow terminal an amount is not folded while
an optional column can give way (said in one note), a table that would still fold one is
printed a record per block, and a list under a table keeps each short item on one line."""

from __future__ import annotations

import io

import pytest
from rich.cells import cell_len
from rich.console import Console

from govinfo.render import table
from govinfo.render.columns import Column
from govinfo.render.narrow import wrap_items
from govinfo.render.table import Table

LATE = ["迟报 1 小时 35 分钟", "迟报 31 分钟"]
IDS = ["baicheng-2003-0157", "baicheng-2003-0016"]
SPEC = Table(
    columns=[
        Column("point", "直报点"),
        Column("ref", "编号"),
        Column("days", "逾期", right=True),
        Column("detail", "说明", optional=True),
    ],
    rows=[
        [
            "省安全监管局",
            IDS[0],
            LATE[0],
            "突发信息迟报：事发 2003-06-05 13:07，215 分钟后才报送（时限 120 分钟）",
        ],
        [
            "白城",
            IDS[1],
            LATE[1],
            "突发信息迟报：事发 2003-01-20 04:40，211 分钟后才报送（时限 180 分钟）",
        ],
    ],
    footer=["逾期 2 项：突发信息迟报 2"],
)


def shown(width: int, terminal: bool = True) -> list[str]:
    out = io.StringIO()
    console = Console(file=out, width=width, force_terminal=terminal, color_system=None)
    table.print_table(SPEC, console)
    lines = out.getvalue().splitlines()
    assert all(cell_len(line) <= width for line in lines) or not terminal
    return lines


@pytest.mark.parametrize("width", [48, 52, 56])
def test_an_optional_column_gives_way_before_an_amount_folds(width: int) -> None:
    """Where the table with its 说明 would fold “迟报 1 小时 35 分钟”, 说明 gives way and the
    note under the table says so; each amount is on its id's line."""
    lines = shown(width)
    assert "\u2500" * 20 in "\n".join(lines)  # a table
    for ref, late in zip(IDS, LATE, strict=True):
        assert any(ref in line and line.endswith(late) for line in lines), "\n".join(lines)
    assert "终端较窄，未显示：说明" in "".join(lines)
    assert not any("2003-06-05" in line for line in lines)  # the detail left out


@pytest.mark.parametrize("width", [60, 64])
def test_an_amount_keeps_its_width_where_the_room_allows(width: int) -> None:
    """Where every column fits with the amounts whole, the detail wraps instead of them: each
    amount on its id's line, every column shown, no note."""
    lines = shown(width)
    for ref, late in zip(IDS, LATE, strict=True):
        assert any(ref in line and late in line for line in lines), "\n".join(lines)
    assert any("2003-06-05" in line for line in lines)
    assert "未显示" not in "".join(lines)


def test_a_table_that_would_still_fold_an_amount_is_printed_in_blocks() -> None:
    """Too narrow even without 说明 (40 columns): a record per block, every column, each amount
    whole on its line — not “迟/报/1/小/时”; nothing left out, so no note."""
    lines = shown(40)
    assert not any(line.startswith("\u2500") for line in lines)
    for late in LATE:
        assert any(line.endswith(late) for line in lines), "\n".join(lines)
    assert "未显示" not in "".join(lines)
    assert any(line.startswith("说明") for line in lines)


def test_a_wide_terminal_or_a_pipe_leaves_nothing_out() -> None:
    for lines in (shown(140), shown(40, terminal=False)):
        text = "\n".join(lines)
        assert "2003-06-05 13:07" in text
        assert "未显示" not in text


COUNTS = {
    "、": "逾期 93 项：突发信息迟报 22、长期不报 1、舆情清单未报 3、调研信息未报 5、约稿逾期 62",
    ", ": "93 overdue: emergency late 22, inactive 1, opinion list missing 3, "
    "research missing 5, solicitation overdue 62",
}


@pytest.mark.parametrize("sep", sorted(COUNTS))
@pytest.mark.parametrize("width", range(44, 100, 3))
def test_a_count_under_a_table_stays_with_its_words(sep: str, width: int) -> None:
    """The counts line wrapped at any width: each item (“约稿逾期 62”) whole on one line, no
    line too wide, nothing lost or doubled (the space after a separator kept)."""
    text = COUNTS[sep]
    lines = wrap_items(text, width, sep)
    assert all(cell_len(line) <= width for line in lines), lines
    for item in text.split(": ", 1)[-1].split("：", 1)[-1].split(sep):
        assert any(item in line for line in lines), (item, lines)
    joined = (" " if sep == ", " else "").join(lines)
    assert joined == text, lines


def test_a_line_without_a_list_wraps_as_ever() -> None:
    text = "本期 = 截至 2003-08-31 的累计减去截至 2003-08-01 前一日的累计"
    assert wrap_items(text, 30, "、") == table_wrap(text, 30)


def table_wrap(text: str, width: int) -> list[str]:
    from govinfo.render.wrap import wrap_text

    return wrap_text(text, width)


def test_a_header_leaves_no_character_alone_on_its_last_line() -> None:
    """A folded header's last line of one Chinese character takes the one before it along
    (``期间/`` ``编号``, not ``期间/编`` ``号``), in as many lines; a cell's name keeps its
    first characters together (``省工商/局``), as the names' tests want it."""
    from govinfo.render.wrap import line_count, wrap_text

    assert wrap_text("期间/编号", 7, fold=True) == ["期间/", "编号"]
    assert wrap_text("舆情清单未报", 10, fold=True) == ["舆情清单", "未报"]
    assert wrap_text("本期得分", 6, fold=True) == ["本期", "得分"]
    assert wrap_text("省（工商", 6, fold=True) == ["省（工", "商"]  # an opening mark ends no line
    assert wrap_text("名次", 2, fold=True) == ["名", "次"]
    for text, width in (("期间/编号", 7), ("吉林省人民政府办公厅关于做好信息工作的通知", 20)):
        assert len(wrap_text(text, width, fold=True)) == line_count(text, width, fold=True)
    assert wrap_text("省工商局", 6) == ["省工商", "局"]
