"""The periodic circular (issue 14) for people: its tables (terminal, xlsx, csv, Markdown) in
the current language (its JSON for programs: :mod:`govinfo.render.periodjson`).

Tables, in the order the 通报 uses them: 总体情况 (the totals, then the publications and the
issues that carried adopted items), one ranking per group (本期 beside 累计, 名次, 累计名次 and
the change against the previous period), 零报送·零采用, 采用条目, 批示件目录, 约稿完成情况.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from govinfo.i18n import MESSAGES, t
from govinfo.render.columns import Cell, Column, ColumnKind
from govinfo.render.groups import group_name
from govinfo.render.table import Table
from govinfo.render.words import ISSUE_NUMBER, issue_text, sentence_start
from govinfo.reports.period import FIGURE_KEYS, Figures, PeriodPoint, PeriodReport, sum_figures
from govinfo.rules.periods import Period

# the figures shown side by side in a group's ranking (本期 | 累计): the counts, then the score
_SIDE_BY_SIDE = (*FIGURE_KEYS[1:], FIGURE_KEYS[0])
_SCORES = ("score", "deductions")


def period_words(period: Period) -> str:
    """“2003年第三季度”, “2003年8月”, “2003年上半年”, “2003年度”."""
    if period.kind == "year":
        return t("period_year", year=period.year)
    return t(f"period_{period.kind}_{period.number}", year=period.year)


def report_title(report: PeriodReport) -> str:
    """The heading of the whole circular (Markdown, workbook properties)."""
    return t("pr_doc_title", province=report.province, period=period_words(report.period))


def from_january(report: PeriodReport) -> bool:
    """Whether the period starts on 1 January (the year, H1, Q1, January): its figures are
    those to date, shown once."""
    return report.first == dt.date(report.period.year, 1, 1)


def side_by_side(period: Figures, to_date: Figures, keys: Sequence[str], once: bool) -> list[Cell]:
    """The cells of the figures ``keys`` in a ranking, each 本期 then 累计 — or, for a period
    from 1 January (``once``: its 本期 is its 累计), 累计 alone."""
    cells: list[Cell] = []
    for k in keys:
        cells += [getattr(to_date, k)] if once else [getattr(period, k), getattr(to_date, k)]
    return cells


def definition_notes(report: PeriodReport) -> list[str]:
    """The footnote every table of the circular carries: what 本期 and 累计 mean (in words, not
    a command: the files are for people), and whether the period is over."""
    year_first = dt.date(report.period.year, 1, 1).isoformat()
    if from_january(report):
        notes = [t("pr_note_once", first=year_first, to=report.to.isoformat())]
    else:
        before = report.first - dt.timedelta(days=1)
        notes = [
            t(
                "pr_note_definition",
                first=year_first,
                before=before.isoformat(),
                to=report.to.isoformat(),
            )
        ]
    if not report.over:
        notes.append(
            t("pr_note_not_over", period=period_words(report.period), to=report.to.isoformat())
        )
    return notes


# --- tables ----------------------------------------------------------------------------------


def _count(key: str, header: str) -> Column:
    return Column(key, header, ColumnKind.COUNT)


def _score(key: str, header: str) -> Column:
    return Column(key, header, ColumnKind.SCORE)


def _span(first: dt.date, to: dt.date) -> str:
    return t("pr_span", first=first.isoformat(), to=to.isoformat())


def overview_table(report: PeriodReport) -> Table:
    """总体情况: the period's and the year-to-date totals, one row each."""
    columns = [Column("span", t("pr_col_span")), Column("days", t("pr_col_days"))]
    columns += [
        (_score if k in _SCORES else _count)(k, t(f"col_{k}"))
        for k in ("submitted", "adopted", "national_adopted", "instructions", "research")
    ]
    columns += [_score("deductions", t("col_deductions")), _score("score", t("col_score"))]
    year_first = dt.date(report.period.year, 1, 1)
    lines = [
        (t("pr_period"), report.first, report.totals_period),
        (t("pr_to_date"), year_first, report.totals_to_date),
    ]
    if from_january(report):  # the period's figures are those to date: one row
        lines = [(t("pr_period_to_date"), year_first, report.totals_to_date)]
    rows: list[list[Cell]] = []
    for label, first, f in lines:
        row: list[Cell] = [label, _span(first, report.to)]
        row += [getattr(f, c.key) for c in columns[2:]]
        rows.append(row)
    notes = [t("pr_note_totals"), *definition_notes(report)]
    return Table(
        key="overview",
        name=t("pr_sheet_overview"),
        title=t("pr_title_overview", period=period_words(report.period)),
        columns=columns,
        rows=rows,
        footer=notes,
    )


def publications_table(report: PeriodReport) -> Table:
    """总体情况 by publication: adoptions and issues (期) of the period and to date, and which
    issues of the period carried them."""
    once = from_january(report)  # to date = the period: its columns once
    columns = [
        Column("publication", t("pr_col_publication")),
        Column("level", t("pr_col_level")),
        _count("period_items", t("pr_col_items_once" if once else "pr_col_period_items")),
        _count("period_issues", t("pr_col_issue_count_once" if once else "pr_col_period_issues")),
        *(
            ()
            if once
            else (
                _count("to_date_items", t("pr_col_to_date_items")),
                _count("to_date_issues", t("pr_col_to_date_issues")),
            )
        ),
        Column("issues", t("pr_col_issues_once" if once else "pr_col_issues")),
    ]
    rows: list[list[Cell]] = []
    for p in report.publications:
        to_date: list[Cell] = [] if once else [p.to_date_items, len(p.to_date_issues)]
        rows.append(
            [
                p.name,
                t(f"pr_level_{p.level.value}"),
                p.period_items,
                len(p.period_issues),
                *to_date,
                issues_text(p.period_issues),
            ]
        )
    # the total: adoptions (条次) and the distinct issues of every publication — the 期 the
    # notice says the adopted items were carried in
    pubs = report.publications
    total: list[Cell] = [t("ye_total"), None]
    total += [sum(p.period_items for p in pubs), sum(len(p.period_issues) for p in pubs)]
    if not once:
        total += [sum(p.to_date_items for p in pubs), sum(len(p.to_date_issues) for p in pubs)]
    return Table(
        key="publications",
        name=t("pr_sheet_publications"),
        title=t("pr_title_publications", period=period_words(report.period)),
        columns=columns,
        rows=rows,
        total=[*total, None] if rows else None,
        footer=[t("pr_note_publications")],
    )


def issues_text(issues: Sequence[str]) -> str:
    """The issues as written, joined; when every one reads 第N期, runs of three or more in a
    row are written as a range: 第119–123、125、127–130期 (no number is lost; in English
    “nos. 119–123, 125, 127–130”)."""
    numbers = []
    for issue in issues:
        m = ISSUE_NUMBER.fullmatch(issue.strip())
        if m is None:
            return t("list_sep").join(issues)
        numbers.append(int(m[1]))
    numbers = sorted(set(numbers))
    parts: list[str] = []
    i = 0
    while i < len(numbers):
        j = i
        while j + 1 < len(numbers) and numbers[j + 1] == numbers[j] + 1:
            j += 1
        if j - i >= 2:
            parts.append(f"{numbers[i]}–{numbers[j]}")
        else:
            parts += [str(n) for n in numbers[i : j + 1]]
        i = j + 1
    return t("pr_issue_numbers", numbers=t("list_sep").join(parts)) if parts else ""


def _change(p: PeriodPoint) -> str:
    """The move in rank against the previous period: ↑2, ↓1, — (no move)."""
    if p.previous_rank is None:
        return ""
    moved = p.previous_rank - p.rank
    if moved > 0:
        return f"↑{moved}"
    if moved < 0:
        return f"↓{-moved}"
    return "—"


def group_tables(report: PeriodReport) -> list[Table]:
    """One ranking per group: 名次, the point, each figure 本期 | 累计, 累计名次, 名次变化 — for a
    period from 1 January, each figure once (本期 is 累计, 名次 is 累计名次)."""
    with_change = report.previous is not None
    once = from_january(report)
    columns = [_count("rank", t("col_rank")), Column("point", t("col_point"))]
    for k in _SIDE_BY_SIDE:
        make = _score if k in _SCORES else _count
        if once:
            columns.append(make(f"period_{k}", t(f"col_{k}")))
            continue
        columns.append(make(f"period_{k}", t("pr_col_period_of", what=t(f"col_{k}"))))
        # on a narrow terminal the to-date figures give way, all but the score
        to_date = make(f"to_date_{k}", t("pr_col_to_date_of", what=t(f"col_{k}")))
        columns.append(replace(to_date, optional=k != "score"))
    if not once:
        columns.append(_count("rank_to_date", t("pr_col_rank_to_date")))
    if with_change:
        columns.append(Column("change", t("pr_col_change")))
    tables = []
    for g in report.groups:
        members = report.group_points(g.id)
        rows: list[list[Cell]] = []
        for p in members:
            row: list[Cell] = [
                p.rank,
                p.label,
                *side_by_side(p.period, p.to_date, _SIDE_BY_SIDE, once),
            ]
            if not once:
                row.append(p.rank_to_date)
            if with_change:
                row.append(_change(p))
            rows.append(row)
        tie_break = t("list_sep").join(
            t(f"col_{n}") if f"col_{n}" in MESSAGES else n for n in report.tie_break
        )
        notes = [t("pr_note_ranking_once" if once else "pr_note_ranking", tie_break=tie_break)]
        if with_change and report.previous is not None:
            notes.append(t("pr_note_change", previous=period_words(report.previous)))
        notes += definition_notes(report)
        name = group_name(g)
        tables.append(
            Table(
                key=f"group_{g.id}",
                name=sentence_start(t("pr_sheet_group", group=name)),
                title=sentence_start(
                    t("pr_title_group", period=period_words(report.period), group=name)
                ),
                columns=columns,
                rows=rows,
                total=_group_total(columns, members, with_change, once) if rows else None,
                footer=notes,
            )
        )
    return tables


def _group_total(
    columns: list[Column], members: tuple[PeriodPoint, ...], with_change: bool, once: bool
) -> list[Cell]:
    period = sum_figures(p.period for p in members)
    to_date = sum_figures(p.to_date for p in members)
    row: list[Cell] = [None, t("ye_total"), *side_by_side(period, to_date, _SIDE_BY_SIDE, once)]
    if not once:
        row.append(None)
    if with_change:
        row.append(None)
    assert len(row) == len(columns)
    return row


def silent_table(report: PeriodReport) -> Table:
    names = {g.id: group_name(g) for g in report.groups}
    once = from_january(report)  # the period is all there is: no 本期
    columns = [
        Column("point", t("col_point")),
        Column("group", t("col_group"), words=True),
        *(
            _count(k, t(f"col_{k}") if once else t("pr_col_period_of", what=t(f"col_{k}")))
            for k in ("submitted", "adopted")
        ),
        Column("what", t("pr_col_silent_what")),
    ]
    rows: list[list[Cell]] = []
    for s in report.silent:
        what = t("pr_zero_submitted") if s.submitted == 0 else t("pr_zero_adopted")
        rows.append([s.label, names.get(s.group, s.group), s.submitted, s.adopted, what])
    return Table(
        key="silent",
        name=t("pr_sheet_silent"),
        title=t("pr_title_silent", period=period_words(report.period)),
        columns=columns,
        rows=rows,
        styles=["bad" if s.submitted == 0 else "warn" for s in report.silent],
        footer=[t("pr_note_silent_once" if once else "pr_note_silent")],
    )


def _item_table(
    report: PeriodReport,
    key: str,
    words: str,
    extra: list[Column],
    rows: list[list[Cell]],
) -> Table:
    """A list of items (采用条目, 批示件目录): date, point, submission, title, then ``extra``;
    ``rows`` hold the first four cells and the extra ones; ``words`` names the sheet and title
    keys (``pr_sheet_<words>``, ``pr_title_<words>``)."""
    columns = [
        Column("date", t("col_date"), ColumnKind.DATE),
        Column("point", t("col_point")),
        Column("submission", t("col_submission")),
        Column("title", t("col_title")),
        *extra,
    ]
    return Table(
        key=key,
        name=t(f"pr_sheet_{words}"),
        title=t(f"pr_title_{words}", period=period_words(report.period)),
        columns=columns,
        rows=rows,
        footer=[t(f"pr_note_{words}")],
    )


def adopted_table(report: PeriodReport) -> Table:
    extra = [Column("publication", t("pr_col_publication")), Column("issue", t("pr_col_issue"))]
    rows: list[list[Cell]] = [
        [i.date, i.label, i.submission, i.title, i.publication_name, issue_text(i.issue)]
        for i in report.adopted_items
    ]
    return _item_table(report, "adopted_items", "adopted", extra, rows)


def instructed_table(report: PeriodReport) -> Table:
    extra = [Column("leader", t("pr_col_leader")), Column("rank", t("pr_col_leader_rank"))]
    rows: list[list[Cell]] = [
        [i.date, i.label, i.submission, i.title, i.leader, sentence_start(t(f"ye_rank_{i.rank}"))]
        for i in report.instructed_items
    ]
    return _item_table(report, "instructed_items", "instructed", extra, rows)


def solicitations_table(report: PeriodReport) -> Table:
    labels = {p.id: p.label for p in report.points}
    order = {p.id: i for i, p in enumerate(report.points)}
    sep = t("list_sep")

    def names(ids: tuple[str, ...]) -> str:
        # by short name in the report's order (group, then rank), as every other list of it
        ranked = sorted(ids, key=lambda i: (order.get(i, len(order)), i))
        return sep.join(labels.get(i, i) for i in ranked)

    columns = [
        Column("id", t("pr_col_solicitation")),
        Column("title", t("pr_col_topic")),
        Column("due", t("pr_col_due"), ColumnKind.DATE),
        _count("on_time_n", t("ye_sol_met")),
        _count("late_n", t("ye_sol_late")),
        _count("missed_n", t("ye_sol_missed")),
        Column("on_time", t("pr_col_on_time_points"), names=sep),
        Column("late", t("pr_col_late_points"), names=sep),
        Column("missed", t("pr_col_missed_points"), names=sep),
    ]
    rows: list[list[Cell]] = [
        [
            s.id,
            s.title,
            s.due,
            len(s.on_time),
            len(s.late),
            len(s.missed),
            names(s.on_time),
            names(s.late),
            names(s.missed),
        ]
        for s in report.solicitations
    ]
    return Table(
        key="solicitations",
        name=t("pr_sheet_solicitations"),
        title=t("pr_title_solicitations", period=period_words(report.period)),
        columns=columns,
        rows=rows,
        footer=[t("pr_note_solicitations", to=report.to.isoformat())],
    )


def list_tables(report: PeriodReport) -> list[Table]:
    """The lists a circular carries: 零报送·零采用, 采用条目, 批示件目录, 约稿完成情况."""
    return [
        silent_table(report),
        adopted_table(report),
        instructed_table(report),
        solicitations_table(report),
    ]


def period_tables(report: PeriodReport) -> tuple[Table, ...]:
    """Every table of the circular, in the order of the module docstring."""
    return (
        overview_table(report),
        publications_table(report),
        *group_tables(report),
        *list_tables(report),
    )


def year_report_tables(year_end: Sequence[Table], report: PeriodReport) -> tuple[Table, ...]:
    """``report YEAR``: the seven year-end tables, then the year's adoptions and issues by
    publication (the 期 its notice gives), the group rankings and the lists of the year's
    circular."""
    return (*year_end, publications_table(report), *group_tables(report), *list_tables(report))
