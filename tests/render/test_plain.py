"""The plain table layout (used past FAST_ROWS rows) prints what the rich layout prints."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from govinfo.render import table
from govinfo.render.table import Column, ColumnKind, Table

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


def render(monkeypatch: pytest.MonkeyPatch, fast_rows: int) -> list[str]:
    monkeypatch.setattr(table, "FAST_ROWS", fast_rows)
    out = io.StringIO()
    console = Console(file=out, width=200, color_system=None)
    table.print_rich(SPEC, console)
    return [line.rstrip() for line in out.getvalue().splitlines()]


def test_plain_layout_matches_rich(monkeypatch: pytest.MonkeyPatch) -> None:
    plain, rich = render(monkeypatch, 0), render(monkeypatch, 1000)
    # rich wraps a title longer than the table; the plain layout keeps it on one line.
    assert plain[0] == SPEC.title
    assert plain[1:] == rich[rich.index(plain[1]) :]


@pytest.mark.parametrize("colour", [None, "truecolor"])
def test_plain_layout_written_directly_is_what_rich_writes(
    monkeypatch: pytest.MonkeyPatch, colour: str | None
) -> None:
    """Without colour the plain layout's rows go straight to the file; with colour, or on a
    recording console, rich writes them: the text read is the same."""
    monkeypatch.setattr(table, "FAST_ROWS", 0)
    out = io.StringIO()
    direct = Console(file=out, width=200, color_system=None)
    table.print_rich(SPEC, direct)
    through_rich = Console(file=io.StringIO(), width=200, color_system=colour, record=True)
    table.print_rich(SPEC, through_rich)
    assert out.getvalue() == through_rich.export_text(styles=False)
    assert "长春" in out.getvalue()
