"""A 通报 as a letter (issue 15): what the year's notice (:mod:`govinfo.render.notice`) and a
period's (:mod:`govinfo.render.periodnotice`) share, on the GB/T 9704-2012 page of
:mod:`govinfo.render.docx`.

The built-in layout: 版头 (red 发文机关标志, 发文字号, red rule), title, 主送, the opening line, the
numbered sections, 附件说明, 落款 and 成文日期; each 附件 on a new page; 版记 (抄送, 印发机关 and
印发日期 between rules) at the foot of a last page of its own.

With an office template (``--template 红头.docx``) the template's own 版头, page setup and footers
are kept: the notice from the title to 成文日期 replaces the paragraph whose whole text is
``{{正文}}`` (or is appended to the end of the template's body when there is none), the 附件
follow the template's last paragraph, the 版记 stands at the foot of a last page of its own,
and ``{{发文字号}}``, ``{{年度}}`` and ``{{成文日期}}`` in any other paragraph become their
values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol, TypeVar

from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from govinfo.i18n import get_lang, t
from govinfo.model import NoticeSettings
from govinfo.render import docx as d
from govinfo.render.docxfile import document_bytes
from govinfo.render.docxtable import add_table
from govinfo.render.table import Table
from govinfo.render.template import open_template
from govinfo.reports.notice import document_number

BODY_PLACEHOLDER = "{{正文}}"
PLACEHOLDERS = ("{{发文字号}}", "{{年度}}", "{{成文日期}}")
CHINESE_NUMBERS = "一二三四五六七八九十"


class Letter(Protocol):
    """What the 版头, 落款 and 版记 of a notice read: the year's notice and a period's alike."""

    @property
    def year(self) -> int: ...
    @property
    def number(self) -> str | None: ...
    @property
    def date(self) -> dt.date: ...
    @property
    def settings(self) -> NoticeSettings: ...
    @property
    def issuer(self) -> str: ...
    @property
    def signature(self) -> str: ...
    @property
    def printed_by(self) -> str: ...


L = TypeVar("L", bound=Letter)


def date_words(day: dt.date) -> str:
    """成文日期 in Arabic numerals: 2004年1月10日 (English: 10 January 2004)."""
    return t("nt_date", y=day.year, m=day.month, d=day.day)


def list_separator() -> str:
    """What stands between the items of a list in a sentence (、 in Chinese)."""
    return t("list_sep")


def _heading(doc: Any, n: int, text: str, key: str = "nt_heading", font: str = d.HEI) -> None:
    """A heading kept with what follows it: 一、 in 黑体, or （一） in 楷体 (:func:`subheading`)."""
    d.add_paragraph(doc, t(key, n=ordinal(n), text=text), font=font, indent_chars=2, keep=True)


def subheading(doc: Any, n: int, text: str) -> None:
    """A （一） heading in 楷体, numbered ``n``."""
    _heading(doc, n, text, "nt_subheading", d.KAI)


def ordinal(n: int) -> str:
    """``n`` as a heading numbers it: 一, 二, … in Chinese up to 十, else Arabic."""
    if get_lang() == "zh":
        return CHINESE_NUMBERS[n - 1] if n <= 10 else str(n)
    return str(n)


def body_paragraph(doc: Any, text: str) -> None:
    """A paragraph of body text, indented two characters."""
    d.add_paragraph(doc, text, indent_chars=2)


def _letterhead(doc: Any, content: Letter) -> None:
    """The built-in 版头: the issuer in red 小标宋, the 发文字号 centred, a red rule."""
    for _ in range(2):
        d.add_paragraph(doc)
    d.add_paragraph(
        doc,
        content.issuer,
        font=d.TITLE_FONT,
        size=Pt(36),
        exact=Pt(48),
        align=WD_ALIGN_PARAGRAPH.CENTER,
        color=d.RED,
    )
    d.add_paragraph(doc)
    d.add_paragraph(doc, number_line(content), align=WD_ALIGN_PARAGRAPH.CENTER)
    d.add_rule(doc)
    d.add_paragraph(doc)


# Where a draft's 发文字号 leaves its number to be written in: two characters, room for three
# or four digits.
NUMBER_BLANK = "\u3000\u3000"


def number_line(content: Letter) -> str:
    """The 发文字号 as the 版头 shows it: the number; without ``--number``, the folder's pattern
    with the year of issue and a blank for the number, to be filled in once the document is
    registered (吉政办函〔2004〕　　号), on the line GB/T 9704 7.2.4 gives it; nothing without
    a pattern."""
    if content.number is not None:
        return content.number
    return document_number(content.settings.number, content.date, NUMBER_BLANK) or ""


def requirements_paragraphs(doc: Any, content: Letter) -> None:
    """The office's 下一步要求 (or the plain default), kept with the signature that follows."""
    paragraphs = content.settings.requirements or (t("nt_requirements_default"),)
    for text in paragraphs:
        body_paragraph(doc, text)
    # GB/T 9704 §7.3.5.4: 落款 never stands on a page without text.
    doc.paragraphs[-1].paragraph_format.keep_with_next = True


# title, (caption, table) parts, and a 注 under the tables (how their figures are counted) or None
Attachment = tuple[str, Sequence[tuple[str | None, Table]], str | None]


def attachment_pages(doc: Any, attachments: Sequence[Attachment]) -> None:
    """Each 附件 on a new page: “附件n” in 黑体, its title in 小标宋, then its tables (a caption
    in 楷体 above each where given; “无。” for a table without rows), then its 注 in 四号, when
    a table has rows."""
    for n, (title, parts, note) in enumerate(attachments, 1):
        d.page_break_before(d.add_paragraph(doc, t("nt_attachment", n=n), font=d.HEI))
        d.add_paragraph(doc)
        d.add_paragraph(
            doc,
            d.title_lines(title),  # over a line: broken between phrases, not in its brackets
            font=d.TITLE_FONT,
            size=d.SIZE_2,
            align=WD_ALIGN_PARAGRAPH.CENTER,
        )
        d.add_paragraph(doc)
        for caption, table in parts:
            if caption:
                d.add_paragraph(doc, caption, font=d.KAI, keep=True)
            if table.rows:
                add_table(doc, table)
            else:
                body_paragraph(doc, t("nt_none"))
        if note and any(table.rows for _, table in parts):
            d.add_paragraph(doc, t("nt_table_note", text=note), size=d.SIZE_4, exact=Pt(22))


def _attachment_note(doc: Any, titles: Sequence[str]) -> None:
    """附件说明 (GB/T 9704 7.3.6): “附件：1．…” two characters in, the later items' numbers
    under the first one's; a name longer than its line is broken between its phrases (before
    “（本期、累计）”, never inside the brackets), its later lines under its first character (a
    hanging indent)."""
    d.add_paragraph(doc).paragraph_format.keep_with_next = True
    label = t("nt_attachments_label")
    indent = d.SIZE_3.pt * 2  # 左空二字
    for n, title in enumerate(titles, 1):
        number = f"{n}．" if get_lang() == "zh" else f"{n}. "
        name_at = indent + d.text_pt(label + number)  # where the name's first character stands
        starts = indent if n == 1 else indent + d.text_pt(label)
        p = d.add_paragraph(doc)
        pf = p.paragraph_format
        pf.keep_with_next = True  # the list, 落款 and date stay on one page
        pf.left_indent = Pt(name_at)
        pf.first_line_indent = Pt(starts - name_at)
        cells = int((d.LINE_WIDTH_PT - name_at) / d.text_pt("一") * 2)  # two to a character
        lead = label if n == 1 else ""
        d.add_run(p, lead + number + d.title_lines(title, cells))


def _signature(doc: Any, content: Letter) -> None:
    """落款 centred over 成文日期, which stands four characters from the right edge."""
    date = date_words(content.date)
    for _ in range(2):
        d.add_paragraph(doc).paragraph_format.keep_with_next = True
    extra = max(0.0, (d.char_width(date) - d.char_width(content.signature)) / 2)
    signature = d.add_paragraph(
        doc, content.signature, align=WD_ALIGN_PARAGRAPH.RIGHT, right_chars=4 + extra
    )
    signature.paragraph_format.keep_with_next = True
    d.add_paragraph(doc, date, align=WD_ALIGN_PARAGRAPH.RIGHT, right_chars=4)


# A line of 版记: its text, what stands at its right end, and the label its later lines stand
# after (抄送：), or "".
ImprintRow = tuple[str, str, str]


def _imprint_rows(content: Letter) -> list[ImprintRow]:
    rows: list[ImprintRow] = []
    if content.settings.copy_to:
        names = t("nt_copy_sep").join(content.settings.copy_to)
        text = t("nt_copy_to", names=names)
        rows.append((text, "", text[: text.index(names)]))
    rows.append((content.printed_by, t("nt_printed_on", date=date_words(content.date)), ""))
    return rows


def _imprint_table(container: Any, rows: list[ImprintRow]) -> Any:
    """版记's lines (抄送, then 印发机关 … 印发日期) between a thick rule, a thin one and a thick
    one: a one-column table with only those borders, in ``container`` (the body or a footer).
    Each line stands a character in from either side; a 抄送 longer than a line goes on under
    the first name, after “抄送：” (GB/T 9704 7.4.2)."""
    width = Mm(d.PAGE_WIDTH_MM - d.LEFT_MM - d.RIGHT_MM)
    if hasattr(container, "settings"):
        table = container.add_table(rows=len(rows), cols=1)
    else:
        table = container.add_table(len(rows), 1, width)
    borders = OxmlElement("w:tblBorders")
    for edge, size in (("top", 8), ("bottom", 8), ("insideH", 4)):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), str(size))
        el.set(qn("w:space"), "0")
        el.set(qn("w:color"), "000000")
        borders.append(el)
    for edge in ("left", "right", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    d.insert_ordered(table._tbl.tblPr, borders, d.TBLPR_ORDER)
    for row, (left, right, label) in zip(table.rows, rows, strict=True):
        cell = row.cells[0]
        cell.width = width
        p = cell.paragraphs[0]
        d.no_snap(p)
        pf = p.paragraph_format
        hang = d.text_pt(label, d.SIZE_4)
        pf.left_indent = Pt(d.SIZE_4.pt + hang)
        pf.first_line_indent = Pt(-hang) if label else None
        pf.right_indent = d.SIZE_4
        pf.line_spacing = Pt(28)
        if right:
            pf.tab_stops.add_tab_stop(width - d.SIZE_4 * 2, alignment=WD_TAB_ALIGNMENT.RIGHT)
            d.add_run(p, f"{left}\t{right}", size=d.SIZE_4)
        else:
            d.add_run(p, left, size=d.SIZE_4)
    return table


def _imprint_page(doc: Any, content: Letter) -> None:
    """版记 at the foot of a last page of its own: a last section whose footers (odd and even)
    hold the 版记 above the page number, so that it sits on the bottom of the 版心 in Word, WPS
    and LibreOffice alike."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    rows = _imprint_rows(content)
    for footer, odd in ((section.footer, True), (section.even_page_footer, False)):
        footer.is_linked_to_previous = False
        number = footer.paragraphs[0]
        table = _imprint_table(footer, rows)
        table._tbl.addnext(number._p)
        d.page_number(number, odd=odd)


Write = Callable[[Any, L], None]  # what writes a section's paragraphs of a notice
# a notice's sections (一、 to 四、): 总体情况, 表彰, 存在问题, 下一步要求
_HEADINGS = ("nt_h_overview", "nt_h_commended", "nt_h_problems", "nt_h_requirements")


def letter_body(
    doc: Any,
    letter: L,
    title: str,
    opening: Callable[[str], str],
    sections: tuple[Write[L], Write[L], Write[L]],
    attachments: Sequence[Attachment],
) -> None:
    """A notice from the title to the attachments, appended to ``doc``: the title, 主送, the
    opening line (``opening(basis)``), the numbered sections — 总体情况, 表彰, 存在问题 (each
    written by one of ``sections``) and 下一步要求 (:func:`requirements_paragraphs`) —
    附件说明, 落款 and 成文日期, then the attachments, each on a new page."""
    title = d.title_lines(title)  # broken where a clerk would break it
    d.add_paragraph(
        doc, title, font=d.TITLE_FONT, size=d.SIZE_2, exact=Pt(34), align=WD_ALIGN_PARAGRAPH.CENTER
    )
    d.add_paragraph(doc)
    to = letter.settings.to or t("nt_to_default")
    d.add_paragraph(doc, to if to.endswith(("：", ":")) else to + t("nt_colon"))
    body_paragraph(doc, opening(letter.settings.basis or t("nt_basis_default")))
    parts = (*sections, requirements_paragraphs)
    for n, (key, fill) in enumerate(zip(_HEADINGS, parts, strict=True), 1):
        _heading(doc, n, t(key))
        fill(doc, letter)
    _attachment_note(doc, [title for title, _, _ in attachments])
    _signature(doc, letter)
    attachment_pages(doc, attachments)


def letter_docx(
    content: L, build: Callable[[Any, L], None], title: str, template: Path | None = None
) -> bytes:
    """A notice titled ``title`` as .docx bytes, its body (title to attachments) written by
    ``build``: the built-in layout with its 版头 and 版记, or ``template`` filled."""
    if template is None:
        doc = d.new_document()
        _letterhead(doc, content)
        build(doc, content)
        _imprint_page(doc, content)
    else:
        doc = _fill_template(template, content, build)
    return document_bytes(doc, title, content.issuer)


def _fill_template(template: Path, content: L, build: Callable[[Any, L], None]) -> Any:
    """``template`` with the notice in it (the document): from the title to 成文日期 in place
    of ``{{正文}}`` (the template's paragraphs after it follow the 成文日期, where GB/T 9704 puts
    a 附注), the 附件 after the template's last paragraph, and the 版记 at the foot of a last
    page of its own, as the built-in layout has it — above the template's own footer on that
    page."""
    doc = open_template(template)
    body = doc.element.body
    values = {
        "{{发文字号}}": number_line(content),
        "{{年度}}": str(content.year),
        "{{成文日期}}": date_words(content.date),
    }
    anchor = None
    for p in doc.paragraphs:
        text = p.text
        if text.strip() == BODY_PLACEHOLDER and anchor is None:
            anchor = p._p
            continue
        if any(key in text for key in PLACEHOLDERS):
            _replace_in_paragraph(p, values)
    before = set(body)
    build(doc, content)
    new = [el for el in body if el not in before and el.tag != qn("w:sectPr")]
    if anchor is not None:
        # the letter up to its 成文日期: the 附件 begin with the first paragraph on a new page
        for el in new:
            if el.find(f"{qn('w:pPr')}/{qn('w:pageBreakBefore')}") is not None:
                break
            anchor.addprevious(el)
        body.remove(anchor)  # the 附件 stay at the end, after what the template has below it
    _template_imprint_page(doc, content)
    return doc


def _template_imprint_page(doc: Any, content: Letter) -> None:
    """版记 in the footers of a last section of its own, as :func:`_imprint_page`, each footer
    holding a copy of the template's own (its page number, …) below the 版记."""
    sources: dict[str, tuple[Any, Any] | None] = {
        "default": _footer_source(doc, "footer"),
        "even": None,
    }
    if doc.settings.odd_and_even_pages_header_footer:
        sources["even"] = _footer_source(doc, "even_page_footer")
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.different_first_page_header_footer = False
    numbering = section._sectPr.find(qn("w:pgNumType"))
    if numbering is not None and numbering.get(qn("w:start")) is not None:
        del numbering.attrib[qn("w:start")]  # the page numbers run on, not from 1 again
    rows = _imprint_rows(content)
    for footer, key in ((section.footer, "default"), (section.even_page_footer, "even")):
        if key == "even" and not doc.settings.odd_and_even_pages_header_footer:
            continue
        footer.is_linked_to_previous = False
        first = footer.paragraphs[0]._p
        table = _imprint_table(footer, rows)
        first.addprevious(table._tbl)
        source = sources[key]
        if source is not None:
            _copy_footer(source, footer)
            if footer._element[-1].tag == qn("w:p"):  # a footer ends with a paragraph
                first.getparent().remove(first)


def _footer_source(doc: Any, which: str) -> tuple[Any, Any] | None:
    """The footer (``footer`` or ``even_page_footer``) the template's last section shows, from
    the last section that defines it: its element and part (a section's proxy would follow the
    document's last ``w:sectPr`` into the section added after it); None when none does."""
    for section in reversed(doc.sections):
        footer = getattr(section, which)
        if not footer.is_linked_to_previous:
            return footer._element, footer.part
    return None


def _copy_footer(source: tuple[Any, Any], footer: Any) -> None:
    """Append a copy of the paragraphs and tables of ``source`` (a footer's element and part) to
    ``footer``, each relationship (a picture, a link) made again from ``footer``'s own part."""
    import copy

    rel_ns = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    element, source_part = source
    part, into = footer.part, footer._element
    for el in list(element):
        el = copy.deepcopy(el)
        for node in el.iter():
            for name, value in list(node.attrib.items()):
                if name.startswith(rel_ns) and value in source_part.rels:
                    rel = source_part.rels[value]
                    if rel.is_external:
                        new_id = part.relate_to(rel.target_ref, rel.reltype, is_external=True)
                    else:
                        new_id = part.relate_to(rel.target_part, rel.reltype)
                    node.set(name, new_id)
        into.append(el)


def _replace_in_paragraph(p: Any, values: dict[str, str]) -> None:
    """Replace placeholders in ``p``: the whole text goes into its first run (keeping that run's
    look, e.g. the template's red or its font), the other runs are emptied."""
    text = p.text
    for key, value in values.items():
        text = text.replace(key, value)
    runs = p.runs
    if not runs:
        return
    runs[0].text = text
    for run in runs[1:]:
        run.text = ""
