"""Word documents in the layout of GB/T 9704-2012 (党政机关公文格式), with python-docx.

The pieces every govinfo docx shares: the A4 page with the standard margins and the 22 × 28
document grid, paragraphs whose fonts are set for Latin *and* East Asian text (python-docx sets
only the Latin font; Word and WPS read ``w:rFonts/@w:eastAsia``), page numbers “— 1 —” right on
odd pages and left on even ones. :class:`~govinfo.render.table.Table`s as real Word tables are
:mod:`govinfo.render.docxtable`'s. Fonts are named, not embedded: they are on every office
machine.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Sequence
from itertools import combinations, pairwise
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor, Twips

from govinfo.render import docxfile
from govinfo.text import display_width

# GB/T 9704-2012 §5.2: A4, 版心 156 × 225 mm, top 37 mm, left 28 mm.
PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210, 297
TOP_MM, BOTTOM_MM, LEFT_MM, RIGHT_MM = 37, 35, 28, 26
LINES, CHARS = 22, 28
# 225 mm / 22 lines = 28.95 pt a line (579 twips); 156 mm / 28 characters = 15.79 pt a
# character, i.e. 16 pt − 0.21 pt: w:charSpace is that difference in 1/4096 pt.
LINE_PITCH_TWIPS = 579
# Lines are exact 28.9 pt, a hair under the pitch: 22 of them fit 225 mm even where an
# application rounds a line height up to the next point.
LINE_PT = Twips(LINE_PITCH_TWIPS - 1)
CHAR_SPACE = -849
CONDENSE_TWIPS = -5  # 1/20 pt: 16 pt − 0.25 pt fits the 15.79 pt grid cell

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEI = "黑体"
KAI = "楷体_GB2312"
SONG = "宋体"
LATIN = "Times New Roman"
RED = RGBColor(0xE6, 0x00, 0x12)

SIZE_2 = Pt(22)  # 二号
SIZE_3 = Pt(16)  # 三号
SIZE_4 = Pt(14)  # 四号
SIZE_TABLE = Pt(10.5)  # 五号, the attachments' tables


# The schema's order of the children we add (Word refuses a file with them out of order).
_PPR_ORDER = [
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
]
_RPR_ORDER = [
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
]
TBLPR_ORDER = [
    "tblStyle",
    "tblpPr",
    "tblOverlap",
    "bidiVisual",
    "tblStyleRowBandSize",
    "tblStyleColBandSize",
    "tblW",
    "jc",
    "tblCellSpacing",
    "tblInd",
    "tblBorders",
    "shd",
    "tblLayout",
    "tblCellMar",
    "tblLook",
]


def insert_ordered(parent: Any, el: Any, order: Sequence[str]) -> Any:
    """Put ``el`` into ``parent`` where the schema's ``order`` wants it (replacing one of the
    same tag)."""
    name = el.tag.split("}")[1]
    old = parent.find(qn(f"w:{name}"))
    if old is not None:
        parent.remove(old)
    after = order[order.index(name) + 1 :]
    for child in parent:
        tag = child.tag.split("}")[1] if "}" in str(child.tag) else ""
        if tag in after:
            child.addprevious(el)
            return el
    parent.append(el)
    return el


def new_document() -> Any:
    """An empty document: A4, GB margins, grid, default fonts and language, page numbers — a
    copy of one made once from python-docx's template, trimmed (:mod:`.docxfile`)."""
    return copy.deepcopy(_empty_document())


@functools.cache  # never given out: only copies are
def _empty_document() -> Any:
    doc = Document()
    styles = doc.styles
    normal = styles["Normal"]
    set_fonts(normal.element.get_or_add_rPr(), BODY_FONT)
    normal.font.size = SIZE_3
    pf = normal.paragraph_format
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = LINE_PT
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    _east_asian_language(styles.element)
    section = doc.sections[0]
    page_setup(section)
    page_numbers(doc, section)
    docxfile.trim(doc)  # once its footers name their style
    return doc


def _east_asian_language(styles: Any) -> None:
    """``w:lang w:eastAsia="zh-CN"`` in the document defaults and the Normal style."""
    defaults = styles.find(qn("w:docDefaults"))
    targets = []
    if defaults is not None:
        rpr_default = defaults.find(qn("w:rPrDefault"))
        if rpr_default is not None:
            rpr = rpr_default.find(qn("w:rPr"))
            if rpr is not None:
                targets.append(rpr)
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:styleId")) == "Normal":
            targets.append(style.get_or_add_rPr())
    for rpr in targets:
        # The grid's character pitch is the default East Asian size (三号) plus w:charSpace.
        for tag in ("w:sz", "w:szCs"):
            size = OxmlElement(tag)
            size.set(qn("w:val"), str(int(SIZE_3.pt * 2)))
            insert_ordered(rpr, size, _RPR_ORDER)
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = insert_ordered(rpr, OxmlElement("w:lang"), _RPR_ORDER)
        lang.set(qn("w:val"), "en-US")
        lang.set(qn("w:eastAsia"), "zh-CN")


def page_setup(section: Any) -> None:
    section.page_width = Mm(PAGE_WIDTH_MM)
    section.page_height = Mm(PAGE_HEIGHT_MM)
    section.top_margin = Mm(TOP_MM)
    section.bottom_margin = Mm(BOTTOM_MM)
    section.left_margin = Mm(LEFT_MM)
    section.right_margin = Mm(RIGHT_MM)
    # The page number's line sits 7 mm below the 版心.
    section.footer_distance = Mm(BOTTOM_MM - 7 - 5)
    section.header_distance = Mm(15)
    sect_pr = section._sectPr
    grid = sect_pr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect_pr.append(grid)
    grid.set(qn("w:type"), "linesAndChars")
    grid.set(qn("w:linePitch"), str(LINE_PITCH_TWIPS))
    grid.set(qn("w:charSpace"), str(CHAR_SPACE))


def set_fonts(rpr: Any, east_asian: str, latin: str = LATIN) -> None:
    """The run properties ``rpr`` name ``latin`` for Latin text and digits and ``east_asian``
    for Chinese (the attribute Word and WPS read)."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = insert_ordered(rpr, OxmlElement("w:rFonts"), _RPR_ORDER)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), latin)
    fonts.set(qn("w:eastAsia"), east_asian)


def add_run(
    paragraph: Any,
    text: str,
    *,
    font: str = BODY_FONT,
    size: Any = SIZE_3,
    bold: bool = False,
    color: RGBColor | None = None,
) -> Any:
    run = paragraph.add_run(text)
    rpr = run._element.get_or_add_rPr()
    set_fonts(rpr, font)
    run.font.size = size
    if size == SIZE_3:
        # 28 characters of 16 pt fill the 156 mm line only if each gives up 0.21 pt.
        spacing = OxmlElement("w:spacing")
        spacing.set(qn("w:val"), str(CONDENSE_TWIPS))
        insert_ordered(rpr, spacing, _RPR_ORDER)
    run.font.bold = bold
    if color is not None:
        run.font.color.rgb = color
    return run


def add_paragraph(
    doc: Any,
    text: str = "",
    *,
    font: str = BODY_FONT,
    size: Any = SIZE_3,
    align: WD_ALIGN_PARAGRAPH | None = None,
    indent_chars: int = 0,
    right_chars: float = 0,
    exact: Any = LINE_PT,
    color: RGBColor | None = None,
    bold: bool = False,
    keep: bool = False,
) -> Any:
    """A paragraph of ``text``, its fonts, size and exact line height set on the paragraph
    itself (so that an office template's styles cannot change it); ``indent_chars`` indents its
    first line by that many characters (正文 2); ``keep``: kept on the page of the paragraph
    that follows (a heading, a table's caption)."""
    p = doc.add_paragraph()
    pf = p.paragraph_format
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = exact
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    pf.keep_with_next = keep or None
    if align is not None:
        p.alignment = align
    if indent_chars:
        pf.first_line_indent = Pt(size.pt * indent_chars)
        ind = p._p.get_or_add_pPr().find(qn("w:ind"))
        if ind is not None:
            ind.set(qn("w:firstLineChars"), str(indent_chars * 100))
    if right_chars:
        pf.right_indent = Pt(size.pt * right_chars)
    no_snap(p)
    if text:
        add_run(p, text, font=font, size=size, color=color, bold=bold)
    return p


def no_snap(paragraph: Any) -> None:
    """Take ``paragraph`` off the character grid. The grid stays declared (Word and WPS show
    22 × 28 in their page setup), while the text keeps it by itself: exact 28.9 pt lines and
    三号 characters condensed by 0.25 pt give 22 lines of 28 characters in Word, WPS *and*
    LibreOffice — which, snapping, spreads a character wider than the 15.79 pt cell over two
    cells, and a 二号 title likewise everywhere."""
    el = OxmlElement("w:snapToGrid")
    el.set(qn("w:val"), "0")
    insert_ordered(paragraph._p.get_or_add_pPr(), el, _PPR_ORDER)


def page_break_before(paragraph: Any) -> Any:
    """``paragraph`` starts a new page (no empty page when the one before ends full)."""
    paragraph.paragraph_format.page_break_before = True
    return paragraph


def _field(paragraph: Any, instruction: str, *, font: str, size: Any) -> None:
    def fld(kind: str) -> Any:
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        return el

    begin = add_run(paragraph, "", font=font, size=size)
    begin._element.append(fld("begin"))
    instr = add_run(paragraph, "", font=font, size=size)
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    instr._element.append(text)
    end = add_run(paragraph, "", font=font, size=size)
    end._element.append(fld("separate"))
    add_run(paragraph, "1", font=font, size=size)
    add_run(paragraph, "", font=font, size=size)._element.append(fld("end"))


def page_numbers(doc: Any, section: Any) -> None:
    """“— N —” in 四号 宋体, a character in from the right on odd pages and from the left on
    even ones (different odd and even footers)."""
    doc.settings.odd_and_even_pages_header_footer = True
    for footer, odd in ((section.footer, True), (section.even_page_footer, False)):
        footer.is_linked_to_previous = False
        p = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
        page_number(p, odd=odd)


def page_number(p: Any, *, odd: bool) -> None:
    """Fill ``p`` (in a footer) with the page number of an odd or an even page."""
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT if odd else WD_ALIGN_PARAGRAPH.LEFT
    no_snap(p)
    pf = p.paragraph_format
    if odd:
        pf.right_indent = SIZE_4
    else:
        pf.left_indent = SIZE_4
    add_run(p, "— ", font=SONG, size=SIZE_4)
    _field(p, "PAGE", font=SONG, size=SIZE_4)
    add_run(p, " —", font=SONG, size=SIZE_4)


def char_width(text: str) -> float:
    """``text``'s width in CJK characters: digits and Latin letters are about 0.6 of one in the
    fonts offices use. A text of several lines is as wide as its widest."""
    return max(sum(0.6 if ch.isascii() else 1 for ch in line) for line in text.split("\n"))


# The 版心's width in points (156 mm).
LINE_WIDTH_PT = Mm(PAGE_WIDTH_MM - LEFT_MM - RIGHT_MM).pt
_NARROW_SIGNS = frozenset(" .,:;!'()[]")


def text_pt(text: str, size: Any = SIZE_3) -> float:
    """How wide ``text`` is set in ``size``, in points, as :func:`add_run` sets it: a Chinese
    character or full-width sign an em, a digit half (Times New Roman), a Latin letter about
    half and a space or narrow sign a quarter; each narrowed by a 三号 run's condensing. Exact
    for Chinese text and digits (“附件：1．”), near for English."""
    condense = CONDENSE_TWIPS / 20 if size == SIZE_3 else 0.0
    em = float(size.pt)
    return sum(
        (em if not ch.isascii() else em / 4 if ch in _NARROW_SIGNS else em / 2) + condense
        for ch in text
    )


def add_rule(doc: Any, *, color: str = "E60012", size_eighths: int = 12) -> Any:
    """An empty paragraph whose bottom border is a horizontal rule (the 版头's red line)."""
    p = add_paragraph(doc, exact=Pt(8))
    p_pr = p._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    bottom.set(qn("w:val"), "single")
    bottom.set(qn("w:sz"), str(size_eighths))
    bottom.set(qn("w:space"), "1")
    bottom.set(qn("w:color"), color)
    borders.append(bottom)
    insert_ordered(p_pr, borders, _PPR_ORDER)
    return p


# A 二号 title fills the 156 mm line with 20 Chinese characters (40 cells, a digit one).
TITLE_CELLS = 40


def title_lines(title: str, cells: int = TITLE_CELLS) -> str:
    """``title`` — its phrases ``\n`` apart (where its message lets it break: after the
    发文机关, before the subject, before an interim notice's “as of”) — set on the fewest lines
    that each fit ``cells``, the most even of those: “吉林省人民政府办公厅关于2003年第三季度 /
    全省政务信息工作情况的通报”, never “…全省政 / 务信息…”. A title that fits one line, or
    that no choice of breaks fits, is given whole, to be wrapped by the word processor. A
    space between two phrases (English) stays when they share a line and goes at a break."""
    phrases = title.split("\n")
    whole = "".join(phrases)
    if display_width(whole) <= cells:
        return whole
    edges = range(1, len(phrases))
    for n in range(1, len(phrases)):
        fits = []
        for chosen in combinations(edges, n):
            bounds = [0, *chosen, len(phrases)]
            lines = ["".join(phrases[a:b]).strip() for a, b in pairwise(bounds)]
            widest = max(map(display_width, lines))
            if widest <= cells:
                fits.append((widest, lines))
        if fits:
            return "\n".join(min(fits)[1])
    return whole
