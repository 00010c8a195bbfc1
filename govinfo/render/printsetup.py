"""Print-ready sheets: what makes a govinfo workbook print cleanly from Excel or WPS.

Every cell :func:`govinfo.render.export.xlsx_bytes` writes takes one :class:`Look`: a Chinese
font family name (宋体, which WPS and Excel map on every system); a centred title; thin
borders round every cell of the table; each row's status in the colours the terminal uses.
Each sheet is set up for print by :func:`page_setup`: A4, fitted to the page's width, centred
on the page, the header rows printed again on each page, page numbers in the footer
(第 &P 页 共 &N 页).

A :class:`Stylist` gives cells their looks through openpyxl once per distinct look and copies
that look's style record to every other cell wearing it: openpyxl hashes every font, border
and alignment it is given, which made the styling most of a workbook's writing time.
"""

from __future__ import annotations

from copy import copy
from dataclasses import dataclass
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
HEADER_FILL = "DDEBF7"
NOTE_COLOUR = "555555"


@dataclass(frozen=True)
class Look:
    """How one cell looks on paper: its font (always :data:`FONT`), fill, border, alignment
    and number format."""

    size: int = BODY_SIZE
    bold: bool = False
    italic: bool = False
    colour: str | None = None
    fill: str | None = None
    boxed: bool = False  # a thin black line on every side
    horizontal: str | None = None
    indent: int = 0  # in steps of about a character, from the left
    vertical: str | None = None
    wrap: bool = False
    number_format: str = "General"


TITLE = Look(size=TITLE_SIZE, bold=True, horizontal="center", vertical="center")
HEADER = Look(bold=True, fill=HEADER_FILL, boxed=True, horizontal="center", vertical="center")
NOTE = Look(italic=True, colour=NOTE_COLOUR, vertical="top", wrap=True)
NONE_ROW = Look(boxed=True, horizontal="center", vertical="center")  # an empty table's “（无）”


def body_look(
    style: str | None, *, number_format: str, top: bool, wrap: bool, indent: bool = False
) -> Look:
    """A table cell's look: its row's ``style`` (a status colour, bold for the good, the bad
    and the total row), its ``number_format``, read from the ``top`` when a cell of its row
    wraps, wrapped itself when ``wrap``, and a step in from the left when ``indent``."""
    return Look(
        bold=style in BOLD_STYLES,
        colour=STYLE_COLOURS.get(style or ""),
        boxed=True,
        horizontal="left" if indent else None,
        indent=1 if indent else 0,
        vertical="top" if top else None,
        wrap=wrap,
        number_format=number_format,
    )


class Stylist:
    """Gives openpyxl cells of one workbook their :class:`Look`."""

    def __init__(self) -> None:
        self._records: dict[Look, Any] = {}

    def dress(self, cell: Any, look: Look) -> None:
        record = self._records.get(look)
        if record is not None:  # openpyxl's style record: indexes into the workbook's lists
            cell._style = copy(record)
            return
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        cell.font = Font(
            name=FONT,
            size=look.size,
            bold=look.bold or None,
            italic=look.italic or None,
            color=look.colour,
        )
        if look.fill is not None:
            cell.fill = PatternFill("solid", fgColor=look.fill)
        if look.boxed:
            thin = Side(style="thin", color="000000")
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        if look.horizontal or look.vertical or look.wrap:
            cell.alignment = Alignment(
                horizontal=look.horizontal,
                indent=look.indent,
                vertical=look.vertical,
                wrap_text=look.wrap or None,
            )
        cell.number_format = look.number_format
        self._records[look] = copy(cell._style)


def page_setup(ws: Any, *, ncols: int) -> None:
    """Set the openpyxl worksheet ``ws`` (a table ``ncols`` wide, its title in row 1 and its
    header in row 2) up for print."""
    ws.row_dimensions[1].height = 28
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


__all__ = [
    "FONT",
    "HEADER",
    "NONE_ROW",
    "NOTE",
    "STYLE_COLOURS",
    "TITLE",
    "Look",
    "Stylist",
    "body_look",
    "page_setup",
]
