"""The year-end report for people: its tables one after another on the terminal, and the
month-by-month bar chart drawn with characters (also put into the Markdown file)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from govinfo import settings
from govinfo.i18n import t
from govinfo.render.table import Table, print_table
from govinfo.reports.yearend import YearEnd
from govinfo.text import CHART_BARS, CHART_BARS_ASCII, display_width

CHART_WIDTH = 40


def ascii_wanted() -> bool:
    """``GOVINFO_ASCII`` asks for ASCII drawing (consoles that draw box characters double-width)."""
    return settings.ascii_only()


def trend_chart(ye: YearEnd, *, ascii_only: bool | None = None) -> list[str]:
    """The monthly submissions and adoptions as bars: a legend line, then two lines a month."""
    if ascii_only is None:
        ascii_only = ascii_wanted()
    symbols = CHART_BARS_ASCII if ascii_only else CHART_BARS
    labels = [t("ye_month", year=ye.year, n=m.month) for m in ye.months]
    series = [[m.submitted for m in ye.months], [m.adopted for m in ye.months]]
    head = t("ye_chart_title") + "  " + t("ye_chart_legend", a=symbols[0], b=symbols[1])
    return [head, *bar_chart(labels, series, symbols, width=CHART_WIDTH)]


def print_year_end(
    tables: Sequence[Table], console: Any, *, extra: dict[str, list[str]] | None = None
) -> None:
    """Every table on ``console`` (an empty one as its title and “无”), each followed by its
    notes and by ``extra[table.key]`` lines (the chart after the trend)."""
    for i, table in enumerate(tables):
        if i:
            console.print()
        # The title on a line of its own: inside the table it would wrap at the table's width.
        console.print(table.title, markup=False, highlight=False, soft_wrap=True)
        if table.rows:
            print_table(replace(table, title=None), console)
        else:
            console.print("  " + t("ye_none"), markup=False, highlight=False)
            for note in table.footer:
                console.print(note, markup=False, highlight=False, soft_wrap=True)
        lines = (extra or {}).get(table.key)
        if lines:
            console.print()
            for line in lines:
                console.print(line, markup=False, highlight=False, soft_wrap=True)


def bar_chart(
    labels: Sequence[str],
    series: Sequence[Sequence[int]],
    symbols: Sequence[str],
    *,
    width: int = 40,
) -> list[str]:
    """A horizontal bar chart: per label one line per series, ``symbol`` repeated in proportion
    to the value (the largest value fills ``width``; any value above 0 shows at least one),
    then the value. The label stands on the first line of its group."""
    top = max((v for values in series for v in values), default=0)
    pad = max((display_width(label) for label in labels), default=0)
    lines = []
    for i, label in enumerate(labels):
        for k, values in enumerate(series):
            value = values[i]
            n = 0 if top == 0 else round(value * width / top)
            if value > 0:
                n = max(n, 1)
            head = label if k == 0 else ""
            head += " " * (pad - display_width(head))
            lines.append(f"{head} {symbols[k] * n} {value}".rstrip())
    return lines
