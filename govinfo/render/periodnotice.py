"""The 通报 of a half, quarter or month as a Word document (issue 15 for periods), from a
:class:`~govinfo.reports.periodnotice.PeriodNoticeContent`.

The page, 版头, 落款, 版记 and ``--template`` handling are the year notice's
(:func:`govinfo.render.letter.letter_docx`); the body says the period's figures with 累计
beside them, commends the leading points of each group, names the problems dated in the period
and attaches the group rankings (本期 | 累计) and the period's adopted and instructed items.
Every number said in the text is a field of the period report, which the attachments show too.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from govinfo.i18n import t
from govinfo.model import Level
from govinfo.render.columns import Cell, Column, ColumnKind
from govinfo.render.groups import group_heading, group_name
from govinfo.render.letter import (
    Attachment,
    body_paragraph,
    date_words,
    letter_body,
    letter_docx,
    list_separator,
    ordinal,
    subheading,
)
from govinfo.render.notice import SHORTFALLS, item_table, listed_or_counted, score_words
from govinfo.render.period import from_january, period_words, side_by_side
from govinfo.render.table import Table
from govinfo.reports.period import PeriodPoint, sum_figures
from govinfo.reports.periodnotice import PeriodNoticeContent

# The figures of 附件1, each 本期 | 累计 (a page is 156 mm wide: the counts a circular prints;
# the points by their short names, as ``report PERIOD``'s tables show them)
RANKING_FIGURES = ("submitted", "adopted", "score")


def _words(c: PeriodNoticeContent) -> str:
    return period_words(c.report.period)


def period_title(c: PeriodNoticeContent) -> str:
    """发文机关 + 事由 + 文种 (GB/T 9704 7.3.1), as the year's notice."""
    if c.report.over:
        return t("pn_title", issuer=c.issuer, period=_words(c))
    return t("pn_title_interim", issuer=c.issuer, period=_words(c), date=date_words(c.report.to))


def _names(points: Sequence[PeriodPoint]) -> str:
    return list_separator().join(p.name for p in points)


def _scores(points: Sequence[PeriodPoint], *, to_date: bool = False) -> str:
    return list_separator().join(
        t(
            "nt_point_score",
            name=p.name,
            score=score_words(p.to_date.score if to_date else p.period.score),
        )
        for p in points
    )


def _overview(doc: Any, c: PeriodNoticeContent) -> None:
    r = c.report
    now, sofar = r.totals_period, r.totals_to_date
    issues, issues_to_date = c.issues
    # A period from 1 January: its figures are those to date, said once (SPEC: nothing subtracted)
    body_paragraph(
        doc,
        t(
            "pn_overview_first" if from_january(r) else "pn_overview",
            period=_words(c),
            points=len(r.points),
            submitted=now.submitted,
            submitted_to_date=sofar.submitted,
            adopted=now.adopted,
            adopted_to_date=sofar.adopted,
            national=now.national_adopted,
            national_to_date=sofar.national_adopted,
            instructions=now.instructions,
            instructions_to_date=sofar.instructions,
            research=now.research,
            research_to_date=sofar.research,
            issues=issues,
            issues_to_date=issues_to_date,
            score=score_words(now.score),
            score_to_date=score_words(sofar.score),
        ),
    )
    if not r.over:
        body_paragraph(doc, t("pn_interim", date=date_words(r.to)))


def _commended(doc: Any, c: PeriodNoticeContent) -> None:
    if not c.commended:
        body_paragraph(doc, t("nt_none"))
        return
    body_paragraph(doc, t("pn_commend_intro", period=_words(c), top=c.commend_top))
    n = 0
    for info in c.report.groups:
        members = [p for p in c.commended if p.group == info.id]
        if not members:
            continue
        n += 1
        subheading(doc, n, t("nt_group_count", group=group_heading(info), n=len(members)))
        body_paragraph(doc, _scores(members) + t("nt_period_end"))


def _problems(doc: Any, c: PeriodNoticeContent) -> None:
    sections: list[tuple[str, str]] = []
    of = sum(1 for p in c.report.points if p.id not in c.left)
    for key, points in (("zero_submitted", c.zero_submitted), ("zero_adopted", c.zero_adopted)):
        if points:
            text = listed_or_counted(f"pn_{key}", _names(points), len(points), of)
            sections.append((t(f"pn_sub_{key}"), text))
    for field, title, say in SHORTFALLS:
        rows = getattr(c, field)
        if rows:
            sections.append((t(title), say(rows)))
    if c.final and c.disqualified:
        below = score_words(c.disqualify_below)
        sections.append(
            (
                t("nt_sub_disqualified"),
                t("nt_disqualified", names=_scores(c.disqualified, to_date=True), below=below),
            )
        )
    elif c.at_risk:
        names = _scores(c.at_risk, to_date=True)
        sections.append(
            (t("nt_sub_at_risk"), listed_or_counted("pn_at_risk", names, len(c.at_risk), of))
        )
    if not sections:
        body_paragraph(doc, t("nt_none"))
    for n, (title, text) in enumerate(sections, 1):
        subheading(doc, n, title)
        body_paragraph(doc, text)


# --- attachments -------------------------------------------------------------------------------


def ranking_table(c: PeriodNoticeContent, group: str) -> Table:
    """附件1's table of one group: 名次, the point, each figure 本期 | 累计, 累计名次, and a
    合计 row — the same figures as ``report PERIOD``'s group ranking. A period from 1 January
    shows each figure once (its 本期 is its 累计), as ``report`` does."""
    once = from_january(c.report)
    columns = [
        Column("rank", t("col_rank"), ColumnKind.COUNT),
        Column("point", t("ye_col_point_name")),
    ]
    for k in RANKING_FIGURES:
        kind = ColumnKind.SCORE if k == "score" else ColumnKind.COUNT
        if once:
            columns.append(Column(k, t(f"col_{k}"), kind))
            continue
        columns.append(Column(f"period_{k}", t("pr_col_period_of", what=t(f"col_{k}")), kind))
        columns.append(Column(f"to_date_{k}", t("pr_col_to_date_of", what=t(f"col_{k}")), kind))
    if not once:
        columns.append(Column("rank_to_date", t("pr_col_rank_to_date"), ColumnKind.COUNT))
    members = c.report.group_points(group)
    rows: list[list[Cell]] = []
    for p in members:
        row: list[Cell] = [
            p.rank,
            p.label + (t("nt_left_mark") if p.id in c.left else ""),
            *side_by_side(p.period, p.to_date, RANKING_FIGURES, once),
        ]
        rows.append(row if once else [*row, p.rank_to_date])
    now = sum_figures(p.period for p in members)
    sofar = sum_figures(p.to_date for p in members)
    total: list[Cell] = [None, t("ye_total"), *side_by_side(now, sofar, RANKING_FIGURES, once)]
    if not once:
        total.append(None)
    info = next(g for g in c.report.groups if g.id == group)
    return Table(
        key=f"group_{group}",
        name=group_name(info),
        title=group_name(info),
        columns=columns,
        rows=rows,
        total=total if rows else None,
    )


def _full_names(c: PeriodNoticeContent) -> dict[str, str]:
    return {p.id: p.name for p in c.report.points}


def adopted_items_table(c: PeriodNoticeContent) -> Table:
    """附件2: every adoption dated in the period, once per point it counts for, in date order."""
    from govinfo.render.words import issue_cell

    names = _full_names(c)
    items = [
        (names[a.point], a.title, issue_cell(a.publication_name, a.issue), a.date)
        for a in c.report.adopted_items
    ]
    return item_table("period_adopted", t("nt_col_publication"), items)


def instructed_items_table(c: PeriodNoticeContent) -> Table:
    """附件3: every instruction dated in the period, in date order."""
    from govinfo.render.words import leader_cell

    names = _full_names(c)
    items = [
        (names[a.point], a.title, leader_cell(a.rank, a.leader), a.date)
        for a in c.report.instructed_items
    ]
    return item_table("period_instructed", t("nt_col_instruction"), items)


def _attachment_titles(c: PeriodNoticeContent) -> list[str]:
    ranking = "pn_att_ranking_once" if from_january(c.report) else "pn_att_ranking"
    return [
        t(ranking, period=_words(c)),
        t("pn_att_adopted", period=_words(c)),
        t("pn_att_instructed", period=_words(c)),
    ]


def _attachments(c: PeriodNoticeContent) -> list[Attachment]:
    rankings = [
        (t("nt_subheading", n=ordinal(i), text=group_heading(g)), ranking_table(c, g.id))
        for i, g in enumerate(c.report.groups, 1)
    ]
    r = c.report
    # 附件1 shows 本期 beside 累计 (but for a period from 1 January): its 注 says what they are
    definition = None if from_january(r) else t("pn_definition", year=r.period.year)
    # 附件2 lists adoptions (条次), the text counts items (条): its 注 reconciles them
    national = {p.id for p in r.publications if p.level is Level.NATIONAL}
    national_rows = sum(1 for a in r.adopted_items if a.publication in national)
    counted = t("pn_count_note", rows=len(r.adopted_items), national_rows=national_rows)
    t1, t2, t3 = _attachment_titles(c)
    return [
        (t1, rankings, definition),
        (t2, [(None, adopted_items_table(c))], counted),
        (t3, [(None, instructed_items_table(c))], None),
    ]


def build_period_body(doc: Any, c: PeriodNoticeContent) -> None:
    """The period's notice from the title to the attachments, appended to ``doc``."""
    letter_body(
        doc,
        c,
        period_title(c),
        lambda basis: t("pn_opening", basis=basis, period=_words(c)),
        (_overview, _commended, _problems),
        _attachments(c),
    )


def period_notice_docx(c: PeriodNoticeContent, template: Path | None = None) -> bytes:
    """The period's notice as .docx bytes: the built-in layout, or ``template`` filled."""
    return letter_docx(c, build_period_body, period_title(c), template)
