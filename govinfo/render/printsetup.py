"""Print-ready sheets: what makes a govinfo workbook print cleanly from Excel or WPS.

Every sheet :func:`govinfo.render.export.xlsx_bytes` lays out (title row, header row, body,
notes) is dressed here: A4, fitted to the page's width, centred on the page; a Chinese font
family name (宋体, which WPS and Excel map on every system); a centred title; thin borders
round every cell of the table; the header rows printed again on each page; page numbers in the
footer (第 &P 页 共 &N 页); and each row's status in the colours the terminal uses.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from govinfo.i18n import t

FONT = "宋体"
TITLE_SIZE = 16
BODY_SIZE = 11

# Row styles (render.table.RICH_STYLES) → font colour on paper: the terminal's green, red,
# yellow and dim, dark enough to read when printed.
STYLE_COLOURS = {
    "good": "007A33",
    "bad": "C00000",
    "warn": "9C5700",
    "dim": "808080",
}
BOLD_STYLES = frozenset({"good", "bad", "total"})


def dress_sheet(
    ws: Any,
    *,
    ncols: int,
    nrows: int,
    styles: Sequence[str | None],
    first_row: int = 3,
) -> None:
    """Dress the openpyxl worksheet ``ws``: row 1 the title, row 2 the header, ``nrows`` rows
    of ``ncols`` cells from ``first_row`` (``styles[i]`` the style of the i-th, ``"total"`` for
    a total row), notes below."""
    from openpyxl.styles import Alignment, Border, Font, Side

    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for row in ws.iter_rows():
        for cell in row:
            font = cell.font
            cell.font = Font(
                name=FONT,
                size=font.size or BODY_SIZE,
                bold=font.bold,
                italic=font.italic,
                color=font.color,
            )
    title = ws.cell(row=1, column=1)
    title.font = Font(name=FONT, size=TITLE_SIZE, bold=True)
    title.alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 28
    last_row = first_row + nrows - 1
    for r in range(2, last_row + 1):
        style = styles[r - first_row] if r >= first_row and r - first_row < len(styles) else None
        colour = STYLE_COLOURS.get(style or "")
        for c in range(1, ncols + 1):
            cell = ws.cell(row=r, column=c)
            cell.border = border
            if colour is not None or style in BOLD_STYLES:
                cell.font = Font(
                    name=FONT,
                    size=BODY_SIZE,
                    bold=style in BOLD_STYLES or cell.font.bold,
                    color=colour,
                )
    setup = ws.page_setup
    setup.paperSize = ws.PAPERSIZE_A4
    setup.orientation = "landscape" if ncols > 6 else "portrait"
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.print_title_rows = "1:2"
    for footer in (ws.oddFooter, ws.evenFooter):
        footer.center.text = t("xlsx_page_footer")
        footer.center.font = f"{FONT},Regular"
        footer.center.size = 10


__all__ = ["FONT", "STYLE_COLOURS", "dress_sheet"]
