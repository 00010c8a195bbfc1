"""``close-year`` for people: the outcome to record, and the differences when the registry
already records another one."""

from __future__ import annotations

from collections.abc import Mapping

from govinfo.i18n import t
from govinfo.render.columns import Column, ColumnKind
from govinfo.render.table import Table
from govinfo.reports.closeyear import ClosePlan
from govinfo.reports.numbers import fixed, tidy

_STYLE = {"commended": "good", "disqualified": "bad"}


def outcome_table(
    plan: ClosePlan,
    reasons: Mapping[str, str],
    *,
    undated: bool = False,
    applying: bool = False,
) -> Table:
    """The outcome to record; ``reasons`` by point id (in the folder's language, as they are
    written into the registry). ``undated``: a preview without a recording date; ``applying``:
    ``--apply`` records it (a preview's title says it is to be recorded on its date)."""
    columns = [
        Column("rank", t("col_rank"), ColumnKind.COUNT),
        Column("point", t("ye_col_point_name")),
        Column("score", t("col_score"), ColumnKind.SCORE),
        Column("outcome", t("cy_col_outcome")),
        Column("reason", t("ye_col_reason")),
    ]
    rows = [
        (
            r.rank,
            r.point.name,
            r.score,
            t(f"status_{r.status.value}"),
            reasons[r.point.id],
        )
        for r in plan.outcome
    ]
    return Table(
        columns=columns,
        rows=rows,
        styles=[_STYLE.get(r.status.value) for r in plan.outcome],
        title=_title(plan, undated=undated, applying=applying),
        name=t("cy_sheet", year=plan.year),
        footer=passed_over_lines(plan),
    )


def _title(plan: ClosePlan, *, undated: bool, applying: bool) -> str:
    if undated:
        return t("cy_title_undated", year=plan.year)
    recorded = (plan.state == "done" and bool(plan.recorded)) or (applying and plan.state == "new")
    key = "cy_title" if recorded else "cy_title_preview"
    return t(key, year=plan.year, date=recording_dates(plan))


def passed_over_lines(plan: ClosePlan) -> list[str]:
    """One line per point passed over for commendation, with its rank, score and why (the
    year-end tables' words), so that a gap in the commended ranks is explained."""
    from govinfo.render.yeartables import why_left_out

    return [
        t(
            "ye_note_passed_over",
            name=n.point.name,
            rank=n.rank,
            score=tidy(n.score),
            why=why_left_out(n),
        )
        for n in plan.passed_over
    ]


def difference_table(plan: ClosePlan) -> Table:
    columns = [
        Column("point", t("col_point")),
        Column("recorded", t("cy_col_recorded")),
        Column("computed", t("cy_col_computed")),
    ]
    rows = []
    for d in plan.differences:
        recorded = (
            t("cy_recorded", event=t(f"status_{d.recorded.value}"), date=d.recorded_date)
            if d.recorded is not None and d.recorded_date is not None
            else t("cy_nothing")
        )
        if d.computed is None or d.rank is None or d.score is None:
            computed = t("cy_not_ranked")
        else:
            computed = t(
                "cy_computed",
                status=t(f"status_{d.computed}"),
                rank=d.rank,
                score=fixed(d.score),
            )
        rows.append((d.point.label, recorded, computed))
    return Table(
        columns=columns,
        rows=rows,
        title=t("cy_diff_title", year=plan.year),
        name=t("cy_diff_sheet"),
    )


def recording_dates(plan: ClosePlan) -> str:
    """The day the outcome is recorded on: the ``--date`` of a new record; for one already in
    the registry, the date(s) its events carry (a re-run's ``--date`` records nothing)."""
    if plan.state != "done" or not plan.recorded:
        return plan.date.isoformat()
    return t("list_sep").join(sorted({r.date.isoformat() for r in plan.recorded}))
