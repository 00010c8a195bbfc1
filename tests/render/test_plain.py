"""The table layout govinfo draws (off a terminal, and on one, fitted or not) prints what the
rich layout prints, without trailing spaces."""

from __future__ import annotations

import io
import re
from dataclasses import replace

import pytest
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from govinfo.render import table
from govinfo.render.columns import Column, ColumnKind
from govinfo.render.table import Table

SPEC = Table(
    columns=[
        Column("rank", "名次", ColumnKind.COUNT),
        Column("point", "直报点"),
        Column("score", "得分", ColumnKind.SCORE),
    ],
    rows=[["1", "长春", "592.80"], ["2", "省劳动保障厅", "72.50"], ["10", "图们", "-3.00"]],
    styles=["good", None, "bad"],
    title="2003年度政务信息直报点得分排名",
    footer=["计分规则：jl-2002、jl-2003"],
    section_ends=frozenset({0}),
)


def plain_lines() -> list[str]:
    out = io.StringIO()
    table.print_table(SPEC, Console(file=out, width=200, color_system=None))
    return out.getvalue().splitlines()


def rich_lines() -> list[str]:
    """What rich itself prints for SPEC at its natural width (the layout the plain one keeps:
    SIMPLE_HEAD box, no edge, numbers right-aligned, a rule after each group)."""
    from rich import box
    from rich.table import Table as RichTable

    reference = RichTable(
        title=SPEC.title,
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        title_justify="left",
    )
    for col in SPEC.columns:
        reference.add_column(col.header, justify="right" if col.numeric else "left")
    rows = table.display_rows(SPEC)
    for i, row in enumerate(rows):
        reference.add_row(*row, end_section=i in SPEC.section_ends and i != len(rows) - 1)
    out = io.StringIO()
    console = Console(file=out, width=200, color_system=None)
    console.print(reference)
    for line in SPEC.footer:
        console.print(line)
    return [line.rstrip() for line in out.getvalue().splitlines()]


def test_plain_layout_matches_rich() -> None:
    plain, rich = plain_lines(), rich_lines()
    # rich wraps a title longer than the table; the plain layout keeps it on one line.
    assert plain[0] == SPEC.title
    assert plain[1:] == rich[rich.index(plain[1]) :]
    assert all(line == line.rstrip() for line in plain), "no trailing spaces off a terminal"


@pytest.mark.parametrize("colour", [None, "truecolor"])
def test_plain_layout_written_directly_is_what_rich_writes(
    monkeypatch: pytest.MonkeyPatch, colour: str | None
) -> None:
    """Without colour the plain layout's rows go straight to the file; with colour, or on a
    recording console, rich writes them: the text read is the same."""
    out = io.StringIO()
    direct = Console(file=out, width=200, color_system=None)
    table.print_table(SPEC, direct)
    through_rich = Console(file=io.StringIO(), width=200, color_system=colour, record=True)
    table.print_table(SPEC, through_rich)
    assert out.getvalue() == through_rich.export_text(styles=False)
    assert "长春" in out.getvalue()


@pytest.mark.parametrize("colours", ["standard", "256", "truecolor"])
@pytest.mark.parametrize("no_color", [False, True])
@pytest.mark.parametrize("width", [200, 24])
def test_coloured_rows_are_what_rich_writes_for_them_as_one_styled_text(
    colours: str, no_color: bool, width: int
) -> None:
    """On a terminal the rows go to rich as segments a line each: byte for byte what rich
    writes for the same rows as one styled text (each line in its style's codes), in each
    colour system, under NO_COLOR (bold stays, colours go), fitted or not."""

    def console(out: io.StringIO) -> Console:
        return Console(
            file=out,
            width=width,
            force_terminal=True,
            color_system=colours,
            no_color=no_color,
        )

    out = io.StringIO()
    table.print_table(SPEC, console(out))
    printed = out.getvalue()
    every = Text.from_ansi(printed).plain.split("\n")
    rule = next(k for k, line in enumerate(every) if line.startswith("\u2500"))
    footer = next(k for k, line in enumerate(every) if line.startswith("计分规则"))
    # rich itself, given the same rows as one styled text (as print_plain once did)
    lines = every[rule + 1 : footer]
    reference = io.StringIO()
    body = Text(end="\n")
    styles = {"1": "bold green", "2": None, "10": "bold red"}  # SPEC's rows by rank
    style = None
    for k, line in enumerate(lines):
        first = line.split()[0] if line.strip() else ""
        # a row's first line starts with its rank; its wrapped lines, and a blank line, do not
        style = styles.get(first, style if first else None)
        body.append(line, style=style)
        body.append("" if k == len(lines) - 1 else "\n")
    console(reference).print(body, highlight=False, soft_wrap=True)
    assert every[rule] + "\n" + reference.getvalue() in printed
    assert "\x1b[1m" in printed or "\x1b[1;" in printed  # the bold of a good or bad row


def test_rows_on_a_terminal_respect_the_console_quiet_and_captured() -> None:
    """The rows go through rich like the header: a quiet console prints none of them, and a
    capture holds the whole table in order."""
    out = io.StringIO()
    quiet = Console(file=out, width=120, force_terminal=True, color_system="truecolor", quiet=True)
    table.print_table(SPEC, quiet)
    assert out.getvalue() == ""
    tty = Console(file=io.StringIO(), width=120, force_terminal=True, color_system="truecolor")
    with tty.capture() as captured:
        table.print_table(SPEC, tty)
    assert Text.from_ansi(captured.get()).plain.splitlines() == plain_lines()


def test_on_a_terminal_a_table_that_fits_is_printed_in_the_plain_layout() -> None:
    """A table whose natural width fits the terminal needs no fitting: the plain layout's lines
    (rich's layout, cell by cell costlier), coloured; one that does not fit is fitted by rich."""
    out = io.StringIO()
    tty = Console(file=out, width=120, force_terminal=True, color_system="truecolor")
    table.print_table(SPEC, tty)
    assert "\x1b[" in out.getvalue()  # statuses coloured as before
    assert Text.from_ansi(out.getvalue()).plain.splitlines() == plain_lines()
    narrow = io.StringIO()
    table.print_table(SPEC, Console(file=narrow, width=24, force_terminal=True, color_system=None))
    lines = narrow.getvalue().splitlines()
    assert all(cell_len(line) <= 24 for line in lines)
    assert any("592.80" in line for line in lines)  # the number whole, its name wrapped


def test_optional_columns_give_way_on_a_narrow_terminal_with_a_note() -> None:
    """A table too wide for the terminal even wrapped leaves out its optional columns, with a
    note naming them, before it falls back to a record per block; off a terminal, and where
    the whole table fits, nothing is left out."""
    columns = [Column("rank", "名次", ColumnKind.COUNT), Column("point", "直报点")]
    for k in ("报送", "采用", "批示"):
        columns.append(Column(f"period_{k}", f"本期{k}", ColumnKind.COUNT))
        columns.append(Column(f"to_date_{k}", f"累计{k}", ColumnKind.COUNT, optional=True))
    spec = Table(
        columns=columns,
        rows=[[1, "长春", 31, 331000, 14, 132000, 3, 20000]],
        footer=["组内名次按本期得分排列"],
    )

    def shown(width: int, terminal: bool) -> str:
        out = io.StringIO()
        console = Console(file=out, width=width, force_terminal=terminal, color_system=None)
        table.print_table(spec, console)
        return out.getvalue()

    narrow = shown(30, terminal=True)
    assert "331000" not in narrow
    assert "31" in narrow
    assert "14" in narrow
    assert "未显示：累计报送、累计采用、累计批示" in narrow.replace("\n", "")
    assert "\u2500" in narrow  # a table (its rule), not blocks
    assert "\n名次  1" not in narrow
    for wide in (shown(200, terminal=True), shown(30, terminal=False)):
        assert "331000" in wide
        assert "未显示" not in wide
    blocks = shown(12, terminal=True)  # too narrow even without them: every column, as blocks
    assert "331000" in blocks
    assert "未显示" not in blocks


def test_a_long_table_too_wide_for_the_terminal_is_fitted_not_printed_in_blocks() -> None:
    """A thousand rows with long titles on 60 columns: a table whose titles wrap (the widths
    judged on a sample of the rows), every line within the terminal, every id and number whole
    — not a block of lines per record."""
    rows = [
        [f"changchun-2003-{i:04d}", "长春市扎实推进药品市场整顿工作" * (1 + i % 3), f"{i}.50"]
        for i in range(1000)
    ]
    spec = Table(
        columns=[
            Column("submission", "信息编号"),
            Column("title", "标题"),
            Column("points", "分值", ColumnKind.SCORE),
        ],
        rows=rows,
    )
    out = io.StringIO()
    table.print_table(spec, Console(file=out, width=60, force_terminal=True, color_system=None))
    lines = out.getvalue().splitlines()
    assert all(cell_len(line) <= 60 for line in lines)
    assert lines[0].startswith("信息编号")  # a header row: a table, not blocks
    text = out.getvalue()
    for i in (0, 1, 499, 998, 999):
        assert f"changchun-2003-{i:04d}" in text
        assert f"{i}.50" in text
    assert len(lines) < 1000 * 4  # three lines at most a row, not a block of four or more


@pytest.mark.parametrize("width", [24, 28, 32])
def test_a_fitted_table_is_laid_out_as_rich_lays_it_out(width: int) -> None:
    """Fitted to a narrow terminal, the table govinfo draws reads line for line as rich's table
    at the same widths and the same wrapped texts (headers folded and sitting on the rule,
    cells from the top, numbers right-aligned, columns two or three cells apart)."""
    from rich import box
    from rich.table import Table as RichTable

    from govinfo.render.fit import CLOSE_GAP
    from govinfo.render.layout import fit_layout
    from govinfo.render.wrap import wrap_text

    rows = table.display_rows(SPEC)
    texts = [[c.header, *(row[j] for row in rows)] for j, c in enumerate(SPEC.columns)]
    layout = fit_layout(texts, width)
    assert layout is not None
    widths, gap = layout
    reference = RichTable(
        box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, collapse_padding=gap == CLOSE_GAP
    )
    for j, col in enumerate(SPEC.columns):
        header = "\n".join(wrap_text(col.header, widths[j], fold=True))
        justify = "right" if col.numeric else "left"
        reference.add_column(header, justify=justify, no_wrap=True, width=widths[j])
    for i, row in enumerate(rows):
        cells = ["\n".join(wrap_text(cell, widths[j])) for j, cell in enumerate(row)]
        reference.add_row(*cells, end_section=i in SPEC.section_ends and i != len(rows) - 1)
    expected = io.StringIO()
    Console(file=expected, width=width, color_system=None).print(reference)
    out = io.StringIO()
    console = Console(file=out, width=width, force_terminal=True, color_system=None)
    table.print_table(SPEC, console)
    drawn = out.getvalue().splitlines()
    first = len(wrap_text(SPEC.title or "", width))  # the title's lines, then the table
    body = drawn[first : first + len(expected.getvalue().splitlines())]
    assert body == [line.rstrip() for line in expected.getvalue().splitlines()]


def test_a_table_of_no_columns_prints_its_title_rows_and_footer() -> None:
    """No command makes one, but a table without columns is printed (an empty line a row),
    on a terminal or not, rather than failing on its header."""
    for terminal in (False, True):
        console = Console(file=io.StringIO(), width=80, force_terminal=terminal, no_color=True)
        table.print_table(Table(columns=[], rows=[[], []], title="标题", footer=["注"]), console)
        assert console.file.getvalue() == "标题\n\n\n\n注\n"


@pytest.mark.parametrize("width", [30, 34, 40])
def test_a_word_of_a_status_or_a_kind_folds_two_characters_a_line(width: int) -> None:
    """A ``words`` column (a status, a kind of point) folded over two lines keeps two
    characters on the last (取消/资格, 省直/部门), as a header does, where a text column
    leaves one alone (省直部/门); the rows take as many lines either way."""
    rows = [
        [str(i), name, kind, f"{i}.00", status]
        for i, (name, kind, status) in enumerate(
            [
                ("省工商局", "省直部门", "取消资格"),
                ("长春", "市州", "优秀"),
                ("东丰", "县市区", "保留"),
            ]
        )
    ]
    spec = Table(
        columns=[
            Column("rank", "名次", ColumnKind.COUNT),
            Column("point", "直报点"),
            Column("kind", "类别", words=True),
            Column("score", "得分", ColumnKind.SCORE),
            Column("status", "状态", words=True),
        ],
        rows=rows,
    )
    plain = Table(columns=[replace(c, words=False) for c in spec.columns], rows=rows)
    broken = re.compile("取消资(?!格)|省直部(?!门)")

    def drawn(t: Table) -> str:
        out = io.StringIO()
        console = Console(file=out, width=width, force_terminal=True, color_system=None)
        table.print_table(t, console)
        return out.getvalue()

    text, as_text = drawn(spec), drawn(plain)
    assert all(cell_len(line) <= width for line in text.splitlines())
    assert not broken.search(text), text
    assert "资格" in text
    assert "部门" in text
    assert len(text.splitlines()) == len(as_text.splitlines())
    if width == 34:  # where a text column is 6 cells wide: 省直部/门
        assert broken.search(as_text), as_text


def test_a_word_moved_down_never_makes_a_line_wider_than_its_column() -> None:
    """The two characters a ``words`` cell brings down together are four cells wide: where
    the column is narrower (the line above held a mark of no width, é written as e and a
    combining accent), the lines stay as they were, each within the column."""
    from govinfo.render.wrap import wrap_cells

    assert wrap_cells(["取消资格"], 6, even=True) == [["取消", "资格"]]
    for width in (2, 3, 4, 5, 6):
        for text in ("e\u0301汉字", "取消资格", "省直部门", "县市区", "e\u0301\u0301汉字组"):
            for line in wrap_cells([text], width, even=True)[0]:
                assert cell_len(line) <= max(width, 2), (text, width, line)
