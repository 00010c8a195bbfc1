"""``score`` and ``explain`` reports as tables for people (the words of the current language)
and as records for CSV/JSON (SPEC §3 keys and values)."""

from __future__ import annotations

from govinfo.i18n import MESSAGES, t
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
)
EXPLAIN_KEYS = ("date", "submission", "kind", "detail", "points")

_STYLE = {"commended": "good", "disqualified": "bad", "left": "dim"}


def status_words(row: ScoreRow) -> str:
    return status_text(row.status, at_risk=row.at_risk, passed_over=row.passed_over)


def status_text(status: str, *, at_risk: bool, passed_over: tuple[str, ...] = ()) -> str:
    """A status in words, with why a point ranked high enough was not commended
    (保留（未评优：信息失实）) or that it is at risk."""
    words = t(f"status_{status}")
    if passed_over:
        return t("status_passed_over", status=words, why=passed_over_words(passed_over))
    return t("status_at_risk", status=words) if at_risk else words


def passed_over_words(kinds: tuple[str, ...]) -> str:
    """The excluding events' kinds in words (信息失实 …); a kind without words as it is."""
    words = [t(f"adj_{kind}") if f"adj_{kind}" in MESSAGES else kind for kind in kinds]
    return t("list_sep").join(dict.fromkeys(words))


def no_submissions_note(report: ScoreReport) -> str | None:
    """A year without a single submission ranks every point 0: say so rather than rank silently."""
    return t("score_no_submissions", year=report.year) if report.submissions == 0 else None


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
    as_of = report.as_of.isoformat()
    footer = [
        t(
            "score_footer_rules",
            ids=t("list_sep").join(report.rule_sets),
        )
    ]
    empty = no_submissions_note(report)
    if empty:
        footer.append(empty)
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
