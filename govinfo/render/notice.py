"""The 通报 as a Word document (issue 15), from a :class:`~govinfo.reports.notice.NoticeContent`.

Layout per GB/T 9704-2012 (see :mod:`govinfo.render.docx`): 版头 (red 发文机关标志, 发文字号, red
rule), title, 主送, the opening line, 一、总体情况, 二、表扬, 三、存在的问题, 四、下一步要求, 附件说明,
落款 and 成文日期; each 附件 on a new page; 版记 (抄送, 印发机关 and 印发日期 between rules) at the foot
of a last page of its own.

With an office template (``--template 红头.docx``) the template's own 版头, page setup and footers
are kept: the notice from the title on replaces the paragraph whose whole text is ``{{正文}}``
(or is appended to the end of the template's body when there is none), and ``{{发文字号}}``,
``{{年度}}`` and ``{{成文日期}}`` in any other paragraph become their values.

Every number said in the text is a field of the content, which the attachments show too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol, TypeVar

from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from govinfo.i18n import get_lang, t
from govinfo.model import Level, NoticeSettings
from govinfo.render import docx as d
from govinfo.render.groups import group_name
from govinfo.render.table import Cell, Column, ColumnKind, Table
from govinfo.reports.notice import Group, NoticeContent, RankedPoint, Shortfall
from govinfo.reports.numbers import tidy
from govinfo.reports.period import FIGURE_KEYS, standing_figures, sum_figures

BODY_PLACEHOLDER = "{{正文}}"
PLACEHOLDERS = ("{{发文字号}}", "{{年度}}", "{{成文日期}}")
CHINESE_NUMBERS = "一二三四五六七八九十"


class TemplateError(Exception):
    """The template is not a Word document python-docx can open."""


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


def _score(value: Decimal) -> str:
    return str(tidy(value))


def _sep() -> str:
    return t("list_sep")


def _names(points: Sequence[Any]) -> str:
    return _sep().join(p.name for p in points)


def _heading(doc: Any, n: int, text: str) -> None:
    d.add_paragraph(doc, t("nt_heading", n=_ordinal(n), text=text), font=d.HEI, indent_chars=2)


def _subheading(doc: Any, n: int, text: str) -> None:
    d.add_paragraph(doc, t("nt_subheading", n=_ordinal(n), text=text), font=d.KAI, indent_chars=2)


def _ordinal(n: int) -> str:
    if get_lang() == "zh":
        return CHINESE_NUMBERS[n - 1] if n <= 10 else str(n)
    return str(n)


def _body(doc: Any, text: str) -> None:
    d.add_paragraph(doc, text, indent_chars=2)


def title_text(content: NoticeContent) -> str:
    if content.final:
        return t("nt_title", year=content.year)
    return t("nt_title_interim", year=content.year, date=date_words(content.as_of))


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
    d.add_paragraph(doc, content.number or "", align=WD_ALIGN_PARAGRAPH.CENTER)
    d.add_rule(doc)
    d.add_paragraph(doc)


def _overview(doc: Any, content: NoticeContent) -> None:
    tot = content.totals
    levels = _sep().join(
        t("nt_level_count", level=t(f"nt_level_{lv.value}"), n=tot.levels.get(lv.value, 0))
        for lv in Level
    )
    _body(
        doc,
        t(
            "nt_overview",
            year=content.year,
            points=tot.points,
            submitted=tot.submitted,
            adopted=tot.adopted,
            levels=levels,
            instructions=tot.instructions,
            research=tot.research,
            issues=tot.issues,
        ),
    )
    if not content.final:
        _body(doc, t("nt_interim", date=date_words(content.as_of)))


def _with_scores(points: Sequence[RankedPoint]) -> str:
    return _sep().join(
        t("nt_point_score", name=rp.point.name, score=_score(rp.standing.score)) for rp in points
    )


def _commended(doc: Any, content: NoticeContent) -> None:
    if not content.final:
        _body(doc, t("nt_commend_later", year=content.year))
        return
    if not content.commended:
        _body(doc, t("nt_none"))
        return
    _body(doc, t("nt_commend_intro", year=content.year, top=content.commend_top))
    ids = {rp.point.id for rp in content.commended}
    n = 0
    for group in content.groups:
        members = [rp for rp in group.points if rp.point.id in ids]
        if not members:
            continue
        n += 1
        _subheading(doc, n, t("nt_group_count", group=group_name(group.info), n=len(members)))
        _body(doc, _with_scores(members) + t("nt_period_end"))


def _shortfall_text(rows: Sequence[Shortfall], key: str) -> str:
    parts = []
    for r in rows:
        if r.quarters:
            quarters = _sep().join(t(f"ye_q{q}") for q in r.quarters)
            parts.append(t("nt_point_quarters", name=r.point.name, quarters=quarters))
        else:
            parts.append(t(key, name=r.point.name, n=r.count))
    return _sep().join(parts)


def _problems(doc: Any, content: NoticeContent) -> None:
    sections: list[tuple[str, list[str]]] = []
    silent = []
    if content.zero_submitted:
        silent.append(t("nt_zero_submitted", names=_names(content.zero_submitted)))
    if content.zero_adopted:
        silent.append(t("nt_zero_adopted", names=_names(content.zero_adopted)))
    if silent:
        sections.append((t("nt_sub_silent"), silent))
    if content.solicitations_missed:
        text = _shortfall_text(content.solicitations_missed, "nt_point_times")
        sections.append((t("nt_sub_solicitations"), [t("nt_solicitations", names=text)]))
    if content.research_missing:
        text = _shortfall_text(content.research_missing, "nt_point_times")
        sections.append((t("nt_sub_research"), [t("nt_research", names=text)]))
    if content.emergency_late:
        text = _shortfall_text(content.emergency_late, "nt_point_times")
        sections.append((t("nt_sub_emergency"), [t("nt_emergency", names=text)]))
    if content.final and content.disqualified:
        text = _sep().join(
            t("nt_point_score", name=rp.point.name, score=_score(rp.standing.score))
            for rp in content.disqualified
        )
        below = _score(content.disqualify_below)
        sections.append((t("nt_sub_disqualified"), [t("nt_disqualified", names=text, below=below)]))
    elif content.at_risk:
        sections.append(
            (t("nt_sub_at_risk"), [t("nt_at_risk", names=_with_scores(content.at_risk))])
        )
    if not sections:
        _body(doc, t("nt_none"))
    for n, (title, paragraphs) in enumerate(sections, 1):
        _subheading(doc, n, title)
        for text in paragraphs:
            _body(doc, text)


def _requirements(doc: Any, content: Letter) -> None:
    paragraphs = content.settings.requirements or (t("nt_requirements_default"),)
    for text in paragraphs:
        _body(doc, text)
    # GB/T 9704 §7.3.5.4: 落款 never stands on a page without text.
    doc.paragraphs[-1].paragraph_format.keep_with_next = True


# --- attachments -------------------------------------------------------------------------------


def _count(key: str, header: str) -> Column:
    return Column(key, header, ColumnKind.COUNT)


def group_table(group: Group) -> Table:
    """附件1's table of one group: ranks, full name, score and the counts, with a 合计 row."""
    columns = [
        _count("group_rank", t("nt_col_group_rank")),
        _count("rank", t("nt_col_rank")),
        Column("point", t("ye_col_point_name")),
        Column("score", t("col_score"), ColumnKind.SCORE),
        _count("submitted", t("col_submitted")),
        _count("adopted", t("col_adopted")),
        _count("national_adopted", t("col_national_adopted")),
        _count("instructions", t("col_instructions")),
        _count("research", t("col_research")),
        Column("deductions", t("col_deductions"), ColumnKind.SCORE),
    ]
    figures = [standing_figures(rp.standing) for rp in group.points]
    rows: list[list[Cell]] = [
        [rp.group_rank, rp.standing.rank, rp.point.name, *(getattr(f, k) for k in FIGURE_KEYS)]
        for rp, f in zip(group.points, figures, strict=True)
    ]
    sums = sum_figures(figures)
    total: list[Cell] = [None, None, t("ye_total"), *(getattr(sums, k) for k in FIGURE_KEYS)]
    return Table(
        key=f"group_{group.info.id}",
        name=group_name(group.info),
        title=group_name(group.info),
        columns=columns,
        rows=rows,
        total=total,
    )


def item_table(key: str, what: str, items: Sequence[tuple[str, str, str, dt.date]]) -> Table:
    """A numbered list of items: (point's full name, title, ``what`` happened, date)."""
    return Table(
        key=key,
        name=t(f"nt_att_{key}"),
        title=t(f"nt_att_{key}"),
        columns=[
            _count("n", t("nt_col_n")),
            Column("point", t("ye_col_point_name")),
            Column("title", t("nt_col_title")),
            Column(key, what),
            Column("date", t("nt_col_date")),
        ],
        rows=[
            [i, name, title, w, day.isoformat()] for i, (name, title, w, day) in enumerate(items, 1)
        ],
    )


def adopted_table(content: NoticeContent) -> Table:
    """附件2: the items adopted at the national level, in date order."""
    items = [
        (a.point.name, a.title, a.publication + (f"（{a.issue}）" if a.issue else ""), a.date)
        for a in content.adopted_items
        if a.level == Level.NATIONAL.value
    ]
    return item_table("adopted", t("nt_col_publication"), items)


def instructed_table(content: NoticeContent) -> Table:
    """附件3: the items leaders gave instructions on, in date order."""
    items = [
        (
            a.point.name,
            a.title,
            t(f"rank_{a.rank}") + (f"（{a.leader}）" if a.leader else ""),
            a.date,
        )
        for a in content.instructed_items
    ]
    return item_table("instructed", t("nt_col_instruction"), items)


def _attachment_titles(content: NoticeContent) -> list[str]:
    return [
        t("nt_att_ranking", year=content.year),
        t("nt_att_adopted_title", year=content.year),
        t("nt_att_instructed_title", year=content.year),
    ]


Attachment = tuple[str, Sequence[tuple[str | None, Table]]]  # title, (caption, table) parts


def _attachments(content: NoticeContent) -> list[Attachment]:
    groups = [
        (t("nt_subheading", n=_ordinal(i), text=group_name(g.info)), group_table(g))
        for i, g in enumerate(content.groups, 1)
    ]
    titles = _attachment_titles(content)
    parts: list[Sequence[tuple[str | None, Table]]] = [
        groups,
        [(None, adopted_table(content))],
        [(None, instructed_table(content))],
    ]
    return list(zip(titles, parts, strict=True))


def attachment_pages(doc: Any, attachments: Sequence[Attachment]) -> None:
    """Each 附件 on a new page: “附件n” in 黑体, its title in 小标宋, then its tables (a caption
    in 楷体 above each where given; “无。” for a table without rows)."""
    for n, (title, parts) in enumerate(attachments, 1):
        d.page_break_before(d.add_paragraph(doc, t("nt_attachment", n=n), font=d.HEI))
        d.add_paragraph(doc)
        d.add_paragraph(
            doc, title, font=d.TITLE_FONT, size=d.SIZE_2, align=WD_ALIGN_PARAGRAPH.CENTER
        )
        d.add_paragraph(doc)
        for caption, table in parts:
            if caption:
                d.add_paragraph(doc, caption, font=d.KAI)
            if table.rows:
                d.add_table(doc, table)
            else:
                _body(doc, t("nt_none"))


def _attachment_note(doc: Any, titles: Sequence[str]) -> None:
    """附件说明: “附件：1．…” with the later items under the first one's title."""
    d.add_paragraph(doc).paragraph_format.keep_with_next = True
    for n, title in enumerate(titles, 1):
        p = d.add_paragraph(doc, indent_chars=2)
        p.paragraph_format.keep_with_next = True  # the list, 落款 and date stay on one page
        lead = t("nt_attachments_label") if n == 1 else ""
        if n > 1:
            p.paragraph_format.left_indent = Pt(d.SIZE_3.pt * len(t("nt_attachments_label")))
        d.add_run(p, f"{lead}{n}．{title}" if get_lang() == "zh" else f"{lead}{n}. {title}")


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


def _imprint_rows(content: Letter) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    if content.settings.copy_to:
        rows.append((t("nt_copy_to", names=t("nt_copy_sep").join(content.settings.copy_to)), ""))
    rows.append((content.printed_by, t("nt_printed_on", date=date_words(content.date))))
    return rows


def _imprint_table(container: Any, rows: list[tuple[str, str]]) -> Any:
    """版记's lines (抄送, then 印发机关 … 印发日期) between a thick rule, a thin one and a thick
    one: a one-column table with only those borders, in ``container`` (the body or a footer)."""
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
    for row, (left, right) in zip(table.rows, rows, strict=True):
        cell = row.cells[0]
        cell.width = width
        p = cell.paragraphs[0]
        d.no_snap(p)
        pf = p.paragraph_format
        pf.left_indent = d.SIZE_4
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


Section = tuple[str, Callable[[Any], None]]  # a 一、 heading and what writes its paragraphs


def letter_body(
    doc: Any,
    letter: Letter,
    title: str,
    opening: Callable[[str], str],
    sections: Sequence[Section],
    attachments: Sequence[Attachment],
) -> None:
    """A notice from the title to the attachments, appended to ``doc``: the title, 主送, the
    opening line (``opening(basis)``), the numbered sections, 附件说明, 落款 and 成文日期, then
    the attachments, each on a new page."""
    d.add_paragraph(
        doc, title, font=d.TITLE_FONT, size=d.SIZE_2, exact=Pt(34), align=WD_ALIGN_PARAGRAPH.CENTER
    )
    d.add_paragraph(doc)
    to = letter.settings.to or t("nt_to_default")
    d.add_paragraph(doc, to if to.endswith(("：", ":")) else to + t("nt_colon"))
    _body(doc, opening(letter.settings.basis or t("nt_basis_default")))
    for n, (heading, fill) in enumerate(sections, 1):
        _heading(doc, n, heading)
        fill(doc)
    _attachment_note(doc, [title for title, _ in attachments])
    _signature(doc, letter)
    attachment_pages(doc, attachments)


def build_body(doc: Any, content: NoticeContent) -> None:
    """The year's notice from the title to the attachments, appended to ``doc``."""
    letter_body(
        doc,
        content,
        title_text(content),
        lambda basis: t("nt_opening", basis=basis, year=content.year),
        [
            (t("nt_h_overview"), lambda doc: _overview(doc, content)),
            (t("nt_h_commended"), lambda doc: _commended(doc, content)),
            (t("nt_h_problems"), lambda doc: _problems(doc, content)),
            (t("nt_h_requirements"), lambda doc: _requirements(doc, content)),
        ],
        _attachments(content),
    )


def notice_docx(content: NoticeContent, template: Path | None = None) -> bytes:
    """The notice as .docx bytes: the built-in layout with its 版头, or ``template`` filled."""
    return letter_docx(content, build_body, template)


def letter_docx(content: L, build: Callable[[Any, L], None], template: Path | None = None) -> bytes:
    """A notice as .docx bytes, its body (title to attachments) written by ``build``: the
    built-in layout with its 版头 and 版记, or ``template`` filled."""
    if template is None:
        doc = d.new_document()
        _letterhead(doc, content)
        build(doc, content)
        _imprint_page(doc, content)
        return d.document_bytes(doc)
    return _fill_template(template, content, build)


def _fill_template(template: Path, content: L, build: Callable[[Any, L], None]) -> bytes:
    from docx import Document

    try:
        doc = Document(str(template))
    except Exception as exc:  # python-docx raises several kinds for a file that is not a docx
        raise TemplateError(str(exc) or type(exc).__name__) from None
    body = doc.element.body
    values = {
        "{{发文字号}}": content.number or "",
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
    before = list(body)
    build(doc, content)
    # The template's own footers stay: its 版记 goes after the attachments, on a new page.
    d.page_break_before(d.add_paragraph(doc))
    _imprint_table(doc, _imprint_rows(content))
    new = [el for el in body if el not in before and el.tag != qn("w:sectPr")]
    if anchor is not None:
        for el in new:
            anchor.addprevious(el)
        body.remove(anchor)
    return d.document_bytes(doc)


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
