"""The 通报 as a Word document (issue 15), from a :class:`~govinfo.reports.notice.NoticeContent`.

The letter around it — 版头, title, 主送, 附件说明, 落款, 版记 and ``--template`` filling — is
:mod:`govinfo.render.letter`'s; this module writes the notice's own parts: 一、总体情况, 二、表扬,
三、存在的问题 (四、下一步要求 is the letter's), and the 附件 tables (group rankings, the items
adopted at the national level, the items leaders gave instructions on).

Every number said in the text is a field of the content, which the attachments show too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from decimal import Decimal
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
from govinfo.render.table import Table
from govinfo.render.yeartables import why_left_out
from govinfo.reports.notice import Group, NoticeContent, RankedPoint, Shortfall
from govinfo.reports.numbers import tidy
from govinfo.reports.period import FIGURE_KEYS, standing_figures, sum_figures
from govinfo.reports.yearend import NoteRow


def score_words(value: Decimal) -> str:
    """A score as the notice's sentences write it (at most two decimals, no trailing zeros)."""
    return str(tidy(value))


def _names(points: Sequence[Any]) -> str:
    return list_separator().join(p.name for p in points)


def title_text(content: NoticeContent) -> str:
    """发文机关 + 事由 + 文种 (GB/T 9704 7.3.1): 吉林省人民政府办公厅关于2003年度…的通报."""
    issuer = content.issuer
    if content.final:
        return t("nt_title", issuer=issuer, year=content.year)
    return t("nt_title_interim", issuer=issuer, year=content.year, date=date_words(content.as_of))


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
    n = len(content.commended)
    if content.passed_over or n != content.commend_top:
        # the list is not “the top N”: say how many were commended, and below why
        body_paragraph(doc, t("nt_commend_intro_count", year=content.year, n=n))
    else:
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
        body_paragraph(doc, t("nt_passed_over", notes=passed_over_words(content.passed_over)))


def passed_over_words(notes: Sequence[NoteRow]) -> str:
    """Why the commended reach past the top N: the points passed over, with rank and score in
    the words `report YEAR` prints under its table (written as the notice writes numbers:
    第5名，403.2分), those passed over for the same reason in one clause."""
    by_why: dict[str, list[str]] = {}
    for note in notes:
        point = t(
            "nt_passed_over_point",
            name=note.point.name,
            rank=note.rank,
            score=score_words(note.score),
        )
        by_why.setdefault(why_left_out(note), []).append(point)
    return t("nt_passed_over_sep").join(
        t("nt_passed_over_note", names=list_separator().join(points), why=why)
        for why, points in by_why.items()
    )


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


def listed_or_counted(key: str, names: str, n: int, of: int) -> str:
    """``n`` points in the sentence ``key``: by name, or — when they would be most of the ``of``
    points the notice may name — by their count (``key``_most): a notice names the exceptions,
    not the whole network; 附件1 shows every point's figures."""
    if n * 2 <= of:
        return t(key, names=names)
    who = t("nt_all_of", of=of) if n == of else t("nt_most_of", n=n, of=of)
    return t(f"{key}_most", who=who)


def silent_heading(zero_submitted: bool, zero_adopted: bool) -> str:
    """The heading of the 零报送 / 零采用 section, naming only what it holds."""
    if zero_submitted and zero_adopted:
        return t("nt_sub_silent")
    return t("nt_sub_zero_submitted" if zero_submitted else "nt_sub_zero_adopted")


def _sentence(key: str) -> Callable[[Sequence[Shortfall]], str]:
    return lambda rows: t(key, names=shortfall_words(rows, "nt_point_times"))


def solicitation_sentences(rows: Sequence[Shortfall]) -> str:
    """The 约稿 not answered by their due day: those never answered (未报送) and those answered
    late (逾期报送) in a sentence each, a point in both when it did both."""
    missed = [Shortfall(r.point, r.count - r.late) for r in rows if r.count > r.late]
    late = [Shortfall(r.point, r.late) for r in rows if r.late]
    sentences = []
    if missed:
        sentences.append(
            t("nt_solicitations_missed", names=shortfall_words(missed, "nt_point_times"))
        )
    if late:
        sentences.append(t("nt_solicitations_late", names=shortfall_words(late, "nt_point_times")))
    return t("nt_sentence_sep").join(sentences)


# The shortfalls of 三、存在的问题 in order: (content field, heading key, what says the rows)
SHORTFALLS: tuple[tuple[str, str, Callable[[Sequence[Shortfall]], str]], ...] = (
    ("solicitations_missed", "nt_sub_solicitations", solicitation_sentences),
    ("research_missing", "nt_sub_research", _sentence("nt_research")),
    ("opinion_missing", "pn_sub_opinion", _sentence("pn_opinion")),
    ("emergency_late", "nt_sub_emergency", _sentence("nt_emergency")),
)


def _problems(doc: Any, content: NoticeContent) -> None:
    sections: list[tuple[str, list[str]]] = []
    silent = []
    of = sum(1 for g in content.groups for rp in g.points if rp.point.id not in content.left)
    so_far = "" if content.final else "_interim"  # the year not over: 今年以来, not 全年
    for key, points in (
        ("nt_zero_submitted", content.zero_submitted),
        ("nt_zero_adopted", content.zero_adopted),
    ):
        if points:
            silent.append(listed_or_counted(key + so_far, _names(points), len(points), of))
    if silent:
        heading = silent_heading(bool(content.zero_submitted), bool(content.zero_adopted))
        sections.append((heading, silent))
    for field, title, say in SHORTFALLS:
        rows = getattr(content, field)
        if rows:
            sections.append((t(title), [say(rows)]))
    if content.final and content.disqualified:
        text = list_separator().join(
            t("nt_point_score", name=rp.point.name, score=score_words(rp.standing.score))
            for rp in content.disqualified
        )
        below = score_words(content.disqualify_below)
        sections.append((t("nt_sub_disqualified"), [t("nt_disqualified", names=text, below=below)]))
    elif content.at_risk:
        names = _with_scores(content.at_risk)
        text = listed_or_counted("nt_at_risk", names, len(content.at_risk), of)
        sections.append((t("nt_sub_at_risk"), [text]))
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
    national_rows = sum(1 for a in content.adopted_items if a.level == Level.NATIONAL.value)
    t1, t2, t3 = _attachment_titles(content)
    return [
        (t1, groups, None),
        # 附件2 lists adoptions (条次), the text counts items (条): the 注 reconciles them
        (t2, [(None, adopted_table(content))], t("nt_count_note", rows=national_rows)),
        (t3, [(None, instructed_table(content))], None),
    ]


def build_body(doc: Any, content: NoticeContent) -> None:
    """The year's notice from the title to the attachments, appended to ``doc``."""
    letter_body(
        doc,
        content,
        title_text(content),
        lambda basis: t("nt_opening", basis=basis, year=content.year),
        (_overview, _commended, _problems),
        _attachments(content),
    )


def notice_docx(content: NoticeContent, template: Path | None = None) -> bytes:
    """The notice as .docx bytes: the built-in layout with its 版头, or ``template`` filled."""
    return letter_docx(content, build_body, title_text(content), template)
