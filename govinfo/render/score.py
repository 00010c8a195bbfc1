"""``score`` and ``explain`` reports as tables for people (the words of the current language)
and as records for CSV/JSON (SPEC §3 keys and values)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import msgspec

from govinfo.i18n import MESSAGES, t, tn
from govinfo.render.columns import Column, ColumnKind
from govinfo.render.groups import group_name
from govinfo.render.table import Table
from govinfo.render.words import describe
from govinfo.reports.explain import ExplainReport
from govinfo.reports.numbers import fixed, tidy
from govinfo.reports.rows import as_record, keys_of
from govinfo.reports.score import ScoreReport

COUNT, SCORE = ColumnKind.COUNT, ColumnKind.SCORE


class ExplainRecord(msgspec.Struct, frozen=True, gc=False):
    """One of the ``events`` of SPEC §3's ``explain`` JSON (the fields are its keys, in order)."""

    date: dt.date
    submission: str | None
    kind: str
    detail: str
    points: Decimal


EXPLAIN_KEYS = keys_of(ExplainRecord)

_STYLE = {"commended": "good", "disqualified": "bad", "left": "dim"}


def status_words(status: str, at_risk: bool, passed_over: tuple[str, ...] = ()) -> str:
    """“优秀”, “保留（有取消风险）”, “保留（未评优：信息失实）” …: a status as people read it,
    with why a point ranked high enough was passed over for commendation."""
    words = t(f"status_{status}")
    if passed_over:
        return t("status_passed_over", status=words, why=passed_over_words(passed_over))
    return t("status_at_risk", status=words) if at_risk else words


def passed_over_words(kinds: tuple[str, ...]) -> str:
    """The excluding events' kinds in words (信息失实 …); a kind without words as it is."""
    words = [t(f"adj_{kind}") if f"adj_{kind}" in MESSAGES else kind for kind in kinds]
    return t("list_sep").join(dict.fromkeys(words))


def no_submissions_note(report: ScoreReport) -> str | None:
    """A year without a single submission ranks every point 0 (but for what earlier items drew
    in it): say so rather than rank silently — and say why when the reason is that the year
    had not begun on the as-of day (nothing is counted before 1 January, and nobody is
    ranked)."""
    first = dt.date(report.year, 1, 1)
    if report.as_of < first:
        return t(
            "score_before_the_year",
            year=report.year,
            as_of=report.as_of.isoformat(),
            first=first.isoformat(),
        )
    if report.ranked == 0:  # an empty ranking: nobody to give 0 to
        key = "score_no_points_held" if report.registered else "score_no_points"
        return t(key, year=report.year, n=report.registered or 0)
    if report.submissions:
        return None
    key = "score_no_submissions_scored" if report.scored else "score_no_submissions"
    return t(key, year=report.year)


def filtered_out_note(report: ScoreReport) -> str | None:
    """Why ``--kind`` (with ``--top``) kept no row of a ranking that has rows: no point of that
    kind is ranked, or the best of them ranks below ``--top`` (ranks are those of the whole
    ranking, so ``--kind county --top 20`` may keep none); else None. Said on stderr: the
    JSON stays SPEC's."""
    if report.rows or report.ranked == 0 or report.kind is None:
        return None
    kind = t(f"kind_{report.kind.value}")
    if report.kind_best_rank is None:
        return t("score_kind_none", kind=kind, year=report.year)
    if report.top is None:
        return None
    key = "score_kind_below_top_in_group" if report.by_group else "score_kind_below_top"
    return t(key, kind=kind, top=report.top, best=report.kind_best_rank)


def closed_year_note(report: ScoreReport) -> str | None:
    """That the year's outcome recorded in the registry is no longer what the data gives (the
    data changed after close-year), else None: said on stderr only, never in a table (a year's
    tables go out with its 通报)."""
    if report.changed_since_closed is None:
        return None
    day, n = report.changed_since_closed
    return tn("score_changed_since_closed", n, year=report.year, date=day.isoformat())


def explain_note(report: ExplainReport) -> str | None:
    """Why a point has nothing to explain when the as-of day is before the year's 1 January
    (as :func:`no_submissions_note` says it of the ranking), else None."""
    first = dt.date(report.year, 1, 1)
    if report.as_of >= first:
        return None
    return t(
        "explain_before_the_year",
        year=report.year,
        as_of=report.as_of.isoformat(),
        first=first.isoformat(),
    )


def score_table(report: ScoreReport) -> Table:
    """The ranking as people read it — the ``score`` command's table and the year-end report's
    first one."""
    columns = [
        Column("rank", t("col_rank"), COUNT),
        Column("point", t("col_point")),
        # the point's kind gives way on a narrow terminal, before its name folds
        Column("kind", t("col_kind"), optional=True, words=True),
        Column("score", t("col_score"), SCORE),
        Column("submitted", t("col_submitted"), COUNT),
        Column("adopted", t("col_adopted"), COUNT),
        Column("national_adopted", t("col_national_adopted"), COUNT),
        Column("instructions", t("col_instructions"), COUNT),
        Column("research", t("col_research"), COUNT),
        Column("deductions", t("col_deductions"), SCORE),
        Column("status", t("col_status"), words=True),
    ]
    rows = [
        (
            r.rank,
            r.label,
            t(f"kind_{r.kind}"),
            r.score,
            r.submitted,
            r.adopted,
            r.national_adopted,
            r.instructions,
            r.research,
            r.deductions,
            status_words(r.status, r.at_risk, r.passed_over),
        )
        for r in report.rows
    ]
    styles = [("warn" if r.at_risk else _STYLE.get(r.status)) for r in report.rows]
    section_ends: frozenset[int] = frozenset()
    if report.by_group:
        # 组内名次 and 分组 first; a rule between groups
        names = {g.id: group_name(g) for g in report.groups}
        columns = [
            Column("group_rank", t("col_group_rank"), COUNT),
            Column("group", t("col_group"), words=True),
            *columns,
        ]
        rows = [
            (r.group_rank, names.get(r.group, r.group), *row)  # type: ignore[misc]
            for r, row in zip(report.rows, rows, strict=True)
        ]
        section_ends = frozenset(
            i
            for i in range(len(report.rows) - 1)
            if report.rows[i].group != report.rows[i + 1].group
        )
    as_of = report.as_of.isoformat()
    footer = [t("score_footer_rules", ids=t("list_sep").join(report.rule_sets))]
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
    elif report.as_of >= dt.date(report.year, 1, 1):  # not begun: said above, nothing more
        footer.append(t("score_footer_provisional", as_of=as_of, at_risk=report.at_risk))
    return Table(
        columns=columns,
        rows=rows,
        styles=styles,
        title=t("score_title", year=report.year),
        name=t("score_sheet", year=report.year),
        footer=footer,
        section_ends=section_ends,
    )


def explain_table(report: ExplainReport) -> Table:
    columns = [
        Column("date", t("col_date"), ColumnKind.DATE),
        Column("submission", t("col_submission")),
        Column("title", t("col_title")),
        Column("what", t("col_what"), words=True),
        Column("points", t("col_points"), SCORE),
        Column("total", t("col_total"), SCORE),
    ]
    rows = [
        (
            r.date,
            r.submission or "",
            r.title or "",
            describe(r.event),
            r.points,
            r.total,
        )
        for r in report.rows
    ]
    styles = [("bad" if r.points < 0 else None) for r in report.rows]
    footer = [
        t(
            "explain_footer",
            score=fixed(report.score),
            n=len(report.rows),
            as_of=report.as_of.isoformat(),
        )
    ]
    early = explain_note(report)
    if early:
        footer.append(early)
    return Table(
        columns=columns,
        rows=rows,
        styles=styles,
        title=t("explain_title", name=report.point.name, id=report.point.id, year=report.year),
        name=t("explain_sheet", year=report.year),
        footer=footer,
    )


def explain_records(report: ExplainReport) -> list[dict[str, Any]]:
    """The ``events`` of SPEC §3's ``explain`` JSON, keys in SPEC's order (``detail`` in the
    current language)."""
    return [
        as_record(
            ExplainRecord(r.date, r.submission, r.kind, describe(r.event), r.points), EXPLAIN_KEYS
        )
        for r in report.rows
    ]


def explain_document(report: ExplainReport) -> dict[str, Any]:
    """SPEC §3's ``explain`` JSON document."""
    return {
        "point": report.point.id,
        "year": report.year,
        "as_of": report.as_of.isoformat(),
        "score": tidy(report.score),
        "events": explain_records(report),
    }
