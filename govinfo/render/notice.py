"""The 通报 as a Word document (issue 15), from a :class:`~govinfo.reports.notice.NoticeContent`.

The letter around it — 版头, title, 主送, 附件说明, 落款, 版记 and ``--template`` filling — is
:mod:`govinfo.render.letter`'s; this module writes the notice's own parts: 一、总体情况, 二、表扬,
三、存在的问题 (四、下一步要求 is the letter's), and the 附件 tables (group rankings, the items
adopted at the national level, the items leaders gave instructions on).

Every number said in the text is a field of the content, which the attachments show too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from govinfo.i18n import t
from govinfo.model import Level
from govinfo.render.groups import group_heading, group_name
from govinfo.render.letter import (
    Attachment,
    body_paragraph,
    date_words,
    letter_body,
    letter_docx,
    list_separator,
    ordinal,
    requirements_paragraphs,
    subheading,
)
from govinfo.render.table import Cell, Column, ColumnKind, Table
from govinfo.render.yeartables import why_left_out
from govinfo.reports.notice import Group, NoticeContent, RankedPoint, Shortfall
from govinfo.reports.numbers import tidy
from govinfo.reports.period import FIGURE_KEYS, standing_figures, sum_figures


def score_words(value: Decimal) -> str:
    """A score as the notice's sentences write it (at most two decimals, no trailing zeros)."""
    return str(tidy(value))


def _names(points: Sequence[Any]) -> str:
    return list_separator().join(p.name for p in points)


def title_text(content: NoticeContent) -> str:
    if content.final:
        return t("nt_title", year=content.year)
    return t("nt_title_interim", year=content.year, date=date_words(content.as_of))


def _overview(doc: Any, content: NoticeContent) -> None:
    tot = content.totals
    levels = list_separator().join(
        t("nt_level_count", level=t(f"nt_level_{lv.value}"), n=tot.levels.get(lv.value, 0))
        for lv in Level
    )
    if tot.both_levels:
        # the levels then add up to more than the total: say by how many, and why
        levels += t("nt_levels_both", n=tot.both_levels)
    body_paragraph(
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
    national_rows = sum(1 for a in content.adopted_items if a.level == Level.NATIONAL.value)
    body_paragraph(doc, t("nt_count_note", rows=national_rows))
    if not content.final:
        body_paragraph(doc, t("nt_interim", date=date_words(content.as_of)))


def _with_scores(points: Sequence[RankedPoint]) -> str:
    return list_separator().join(
        t("nt_point_score", name=rp.point.name, score=score_words(rp.standing.score))
        for rp in points
    )


def _commended(doc: Any, content: NoticeContent) -> None:
    if not content.final:
        body_paragraph(doc, t("nt_commend_later", year=content.year))
        return
    if not content.commended:
        body_paragraph(doc, t("nt_none"))
        return
    body_paragraph(doc, t("nt_commend_intro", year=content.year, top=content.commend_top))
    ids = {rp.point.id for rp in content.commended}
    n = 0
    for group in content.groups:
        members = [rp for rp in group.points if rp.point.id in ids]
        if not members:
            continue
        n += 1
        subheading(doc, n, t("nt_group_count", group=group_heading(group.info), n=len(members)))
        body_paragraph(doc, _with_scores(members) + t("nt_period_end"))
    if content.passed_over:
        # why the list reaches past the top N: the words `report YEAR` prints under its table,
        # written as the notice writes numbers (第5名，403.2分: no spaces beside them)
        notes = t("nt_passed_over_sep").join(
            t(
                "nt_passed_over_note",
                name=note.point.name,
                rank=note.rank,
                score=score_words(note.score),
                why=why_left_out(note),
            )
            for note in content.passed_over
        )
        body_paragraph(doc, t("nt_passed_over", notes=notes))


def shortfall_words(rows: Sequence[Shortfall], key: str) -> str:
    """The points short of a requirement in one sentence: each with its missing quarters, or
    with its count in the words of ``key``."""
    parts = []
    for r in rows:
        if r.quarters:
            quarters = list_separator().join(t(f"ye_q{q}") for q in r.quarters)
            parts.append(t("nt_point_quarters", name=r.point.name, quarters=quarters))
        else:
            parts.append(t(key, name=r.point.name, n=r.count))
    return list_separator().join(parts)


def silent_heading(zero_submitted: bool, zero_adopted: bool) -> str:
    """The heading of the 零报送 / 零采用 section, naming only what it holds."""
    if zero_submitted and zero_adopted:
        return t("nt_sub_silent")
    return t("nt_sub_zero_submitted" if zero_submitted else "nt_sub_zero_adopted")


# The shortfalls of 三、存在的问题 in order: (content field, heading key, sentence key)
SHORTFALLS = (
    ("solicitations_missed", "nt_sub_solicitations", "nt_solicitations"),
    ("research_missing", "nt_sub_research", "nt_research"),
    ("opinion_missing", "pn_sub_opinion", "pn_opinion"),
    ("emergency_late", "nt_sub_emergency", "nt_emergency"),
)


def _problems(doc: Any, content: NoticeContent) -> None:
    sections: list[tuple[str, list[str]]] = []
    silent = []
    if content.zero_submitted:
        silent.append(t("nt_zero_submitted", names=_names(content.zero_submitted)))
    if content.zero_adopted:
        silent.append(t("nt_zero_adopted", names=_names(content.zero_adopted)))
    if silent:
        heading = silent_heading(bool(content.zero_submitted), bool(content.zero_adopted))
        sections.append((heading, silent))
    for field, title, key in SHORTFALLS:
        rows = getattr(content, field)
        if rows:
            text = shortfall_words(rows, "nt_point_times")
            sections.append((t(title), [t(key, names=text)]))
    if content.final and content.disqualified:
        text = list_separator().join(
            t("nt_point_score", name=rp.point.name, score=score_words(rp.standing.score))
            for rp in content.disqualified
        )
        below = score_words(content.disqualify_below)
        sections.append((t("nt_sub_disqualified"), [t("nt_disqualified", names=text, below=below)]))
    elif content.at_risk:
        sections.append(
            (t("nt_sub_at_risk"), [t("nt_at_risk", names=_with_scores(content.at_risk))])
        )
    if not sections:
        body_paragraph(doc, t("nt_none"))
    for n, (title, paragraphs) in enumerate(sections, 1):
        subheading(doc, n, title)
        for text in paragraphs:
            body_paragraph(doc, text)


# --- attachments -------------------------------------------------------------------------------


def _count(key: str, header: str) -> Column:
    return Column(key, header, ColumnKind.COUNT)


def group_table(group: Group, left: frozenset[str] = frozenset()) -> Table:
    """附件1's table of one group: ranks, full name (marked 已退出 for a point in ``left``),
    score and the counts, with a 合计 row."""
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
        [
            rp.group_rank,
            rp.standing.rank,
            rp.point.name + (t("nt_left_mark") if rp.point.id in left else ""),
            *(getattr(f, k) for k in FIGURE_KEYS),
        ]
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
    from govinfo.render.words import issue_cell

    items = [
        (a.point.name, a.title, issue_cell(a.publication, a.issue), a.date)
        for a in content.adopted_items
        if a.level == Level.NATIONAL.value
    ]
    return item_table("adopted", t("nt_col_publication"), items)


def instructed_table(content: NoticeContent) -> Table:
    """附件3: the items leaders gave instructions on, in date order."""
    from govinfo.render.words import leader_cell

    items = [
        (a.point.name, a.title, leader_cell(a.rank, a.leader), a.date)
        for a in content.instructed_items
    ]
    return item_table("instructed", t("nt_col_instruction"), items)


def _attachment_titles(content: NoticeContent) -> list[str]:
    return [
        t("nt_att_ranking", year=content.year),
        t("nt_att_adopted_title", year=content.year),
        t("nt_att_instructed_title", year=content.year),
    ]


def _attachments(content: NoticeContent) -> list[Attachment]:
    groups = [
        (t("nt_subheading", n=ordinal(i), text=group_heading(g.info)), group_table(g, content.left))
        for i, g in enumerate(content.groups, 1)
    ]
    titles = _attachment_titles(content)
    parts: list[Sequence[tuple[str | None, Table]]] = [
        groups,
        [(None, adopted_table(content))],
        [(None, instructed_table(content))],
    ]
    return list(zip(titles, parts, strict=True))


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
            (t("nt_h_requirements"), lambda doc: requirements_paragraphs(doc, content)),
        ],
        _attachments(content),
    )


def notice_docx(content: NoticeContent, template: Path | None = None) -> bytes:
    """The notice as .docx bytes: the built-in layout with its 版头, or ``template`` filled."""
    return letter_docx(content, build_body, template)
