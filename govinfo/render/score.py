"""``score`` and ``explain`` reports as tables for people (the words of the current language)
and as records for CSV/JSON (SPEC §3 keys and values)."""

from __future__ import annotations

from govinfo.i18n import t
from govinfo.render.groups import group_name
from govinfo.render.table import Column, TableSpec
from govinfo.reports.explain import ExplainReport
from govinfo.reports.numbers import fixed
from govinfo.reports.score import ScoreReport, ScoreRow

SCORE_KEYS = (
    "rank",
    "id",
    "name",
    "kind",
    "score",
    "submitted",
    "adopted",
    "national_adopted",
    "instructions",
    "research",
    "deductions",
    "status",
    "at_risk",
    "group",
    "group_rank",
)
EXPLAIN_KEYS = ("date", "submission", "kind", "detail", "points")

_STYLE = {"commended": "good", "disqualified": "bad", "left": "dim"}


def status_words(row: ScoreRow) -> str:
    words = t(f"status_{row.status}")
    return t("status_at_risk", status=words) if row.at_risk else words


def score_table(report: ScoreReport) -> TableSpec:
    columns = [
        Column("rank", t("col_rank"), numeric=True),
        Column("point", t("col_point")),
        Column("kind", t("col_kind")),
        Column("score", t("col_score"), numeric=True),
        Column("submitted", t("col_submitted"), numeric=True),
        Column("adopted", t("col_adopted"), numeric=True),
        Column("national_adopted", t("col_national_adopted"), numeric=True),
        Column("instructions", t("col_instructions"), numeric=True),
        Column("research", t("col_research"), numeric=True),
        Column("deductions", t("col_deductions"), numeric=True),
        Column("status", t("col_status")),
    ]
    rows = [
        (
            str(r.rank),
            r.label,
            t(f"kind_{r.kind}"),
            fixed(r.score),
            str(r.submitted),
            str(r.adopted),
            str(r.national_adopted),
            str(r.instructions),
            str(r.research),
            fixed(r.deductions),
            status_words(r),
        )
        for r in report.rows
    ]
    styles = [("warn" if r.at_risk else _STYLE.get(r.status)) for r in report.rows]
    section_ends: frozenset[int] = frozenset()
    if report.by_group:
        # 组内名次 and 分组 first; a rule between groups
        names = {g.id: group_name(g) for g in report.groups}
        columns = [
            Column("group_rank", t("col_group_rank"), numeric=True),
            Column("group", t("col_group")),
            *columns,
        ]
        rows = [
            (str(r.group_rank), names.get(r.group, r.group), *row)  # type: ignore[misc]
            for r, row in zip(report.rows, rows, strict=True)
        ]
        section_ends = frozenset(
            i
            for i in range(len(report.rows) - 1)
            if report.rows[i].group != report.rows[i + 1].group
        )
    as_of = report.as_of.isoformat()
    footer = [
        t(
            "score_footer_rules",
            ids=t("list_sep").join(report.rule_sets),
        )
    ]
    if report.final:
        footer.append(
            t(
                "score_footer_outcome",
                commended=report.commended,
                disqualified=report.disqualified,
                as_of=as_of,
            )
        )
    else:
        footer.append(t("score_footer_provisional", as_of=as_of, at_risk=report.at_risk))
    return TableSpec(
        columns=columns,
        rows=rows,
        styles=styles,
        title=t("score_title", year=report.year),
        footer=footer,
        section_ends=section_ends,
    )


def explain_table(report: ExplainReport) -> TableSpec:
    columns = [
        Column("date", t("col_date")),
        Column("submission", t("col_submission")),
        Column("title", t("col_title")),
        Column("what", t("col_what")),
        Column("points", t("col_points"), numeric=True),
        Column("total", t("col_total"), numeric=True),
    ]
    rows = [
        (
            r.date.isoformat(),
            r.submission or "",
            r.title or "",
            r.detail,
            fixed(r.points),
            fixed(r.total),
        )
        for r in report.rows
    ]
    styles = [("bad" if r.points < 0 else None) for r in report.rows]
    return TableSpec(
        columns=columns,
        rows=rows,
        styles=styles,
        title=t("explain_title", name=report.point.name, id=report.point.id, year=report.year),
        footer=[
            t(
                "explain_footer",
                score=fixed(report.score),
                n=len(report.rows),
                as_of=report.as_of.isoformat(),
            )
        ],
    )
