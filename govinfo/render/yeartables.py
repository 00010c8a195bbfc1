"""The year-end report's tables (:func:`year_end_tables`), laid out from the data of
:func:`govinfo.reports.yearend.year_end` with the words of the current language, in the order
the 通报 uses them (see :mod:`govinfo.reports.yearend` for what each holds): ``ranking``,
``submissions``, ``adoptions``, ``national``, ``trend``, ``commended``, ``disqualified`` (or
``at_risk`` before the year's last day)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from govinfo.i18n import MESSAGES, t
from govinfo.model import Category, Level, Rank
from govinfo.render.columns import Cell, Column, ColumnKind
from govinfo.render.score import score_table
from govinfo.render.table import Table
from govinfo.reports.numbers import tidy
from govinfo.reports.yearend import (
    QUARTERS,
    SOLICITATION_STATUSES,
    NoteRow,
    OutcomeRow,
    YearEnd,
)
from govinfo.rules.annual import Status
from govinfo.rules.events import ZERO
from govinfo.rules.obligations import ObligationStatus


def outcome_reason(row: OutcomeRow) -> str:
    """The reason of a commendation or disqualification in the current language, e.g.
    “2003年度得分 45.25 分，排名第 3，评为优秀直报点” / “2003年度得分 11.5 分，低于 12 分”."""
    score = tidy(row.score)
    if row.status is Status.COMMENDED:
        return t("ye_reason_commended", year=row.year, score=score, rank=row.rank)
    return t("ye_reason_disqualified", year=row.year, score=score, below=tidy(row.below))


def why_left_out(note: NoteRow) -> str:
    """Why a point is left out of a list: its admission day (exempt from disqualification),
    or the names of its excluding events (passed over for commendation)."""
    if note.admitted is not None:
        return note.admitted.isoformat()
    words = []
    for kind in note.excluded_by:
        key = f"adj_{kind}"
        words.append(t(key) if key in MESSAGES else kind)
    return t("list_sep").join(dict.fromkeys(words))


def _count(key: str, header: str) -> Column:
    return Column(key, header, ColumnKind.COUNT)


def _score(key: str, header: str) -> Column:
    return Column(key, header, ColumnKind.SCORE)


def _totals(columns: Sequence[Column], rows: Sequence[Sequence[Cell]], label_at: int) -> list[Cell]:
    """A 合计 row: the sum of every numeric column except ranks, the label in ``label_at``."""
    out: list[Cell] = []
    for i, col in enumerate(columns):
        if i == label_at:
            out.append(t("ye_total"))
        elif not col.numeric or col.key == "rank":
            out.append(None)
        elif col.kind is ColumnKind.SCORE:
            out.append(sum((c for r in rows if isinstance(c := r[i], Decimal)), ZERO))
        else:
            out.append(sum(c for r in rows if isinstance(c := r[i], int)))
    return out


def _summed(
    ye: YearEnd, key: str, columns: list[Column], rows: list[list[Cell]], label_at: int, note: str
) -> Table:
    """A table of counts per point or month: a 合计 row (label in column ``label_at``) when
    there are rows, ``note`` and the as-of note under it."""
    return Table(
        key=key,
        name=t(f"ye_sheet_{key}"),
        title=t(f"ye_title_{key}", year=ye.year),
        columns=columns,
        rows=rows,
        total=_totals(columns, rows, label_at) if rows else None,
        footer=[note, _as_of_note(ye)],
    )


def _as_of_note(ye: YearEnd) -> str:
    if ye.final:
        return t("ye_note_as_of", as_of=ye.as_of.isoformat())
    return t("ye_note_provisional", as_of=ye.as_of.isoformat())


def ranking_table(ye: YearEnd) -> Table:
    """The ranking, exactly as ``govinfo score`` shows it."""
    return replace(score_table(ye.ranking), key="ranking", name=t("ye_sheet_ranking"))


def submissions_table(ye: YearEnd) -> Table:
    pending = any(p.solicitations.get(ObligationStatus.PENDING.value) for p in ye.points)
    statuses = [s for s in SOLICITATION_STATUSES if pending or s is not ObligationStatus.PENDING]
    columns = [_count("rank", t("col_rank")), Column("point", t("col_point"))]
    columns += [_count(c.value, t(f"ye_cat_{c.value}")) for c in Category]
    columns.append(_count("submitted", t("ye_col_submitted_total")))
    columns.append(_count("solicited", t("ye_col_solicited")))
    columns += [_count(f"solicitation_{s.value}", t(f"ye_sol_{s.value}")) for s in statuses]
    # the quarters' research counts add up to 调研 (调研缺报季度 names the quarters missing):
    # on a narrow terminal they give way, rather than fold the points' names a character a line
    columns += [
        replace(
            _count(f"research_q{q}", t("ye_col_research_q", quarter=t(f"ye_q{q}"))), optional=True
        )
        for q in QUARTERS
    ]
    columns.append(Column("research_missing", t("ye_col_research_missing")))
    rows: list[list[Cell]] = []
    for p in ye.points:
        row: list[Cell] = [p.standing.rank, p.point.label]
        row += [p.categories.get(c.value, 0) for c in Category]
        row.append(p.standing.counts.submitted)
        row.append(sum(p.solicitations.values()))
        row += [p.solicitations.get(s.value, 0) for s in statuses]
        row += list(p.research)
        row.append(t("list_sep").join(t(f"ye_q{q}") for q in p.research_missing))
        rows.append(row)
    return _summed(ye, "submissions", columns, rows, 1, t("ye_note_submissions"))


def adoptions_table(ye: YearEnd) -> Table:
    columns = [
        _count("rank", t("col_rank")),
        Column("point", t("col_point")),
        _count("adopted", t("ye_col_adopted")),
    ]
    columns += [_count(f"level_{lv.value}", t(f"ye_level_{lv.value}")) for lv in Level]
    # each publication's count adds to its level's: on a narrow terminal they give way
    columns += [
        replace(_count(f"publication_{p.id}", p.name), optional=True) for p in ye.publications
    ]
    columns += [_count(f"instructions_{r.value}", t(f"ye_rank_{r.value}")) for r in Rank]
    columns.append(_score("deductions", t("col_deductions")))
    rows: list[list[Cell]] = []
    for p in ye.points:
        row: list[Cell] = [p.standing.rank, p.point.label, p.standing.counts.adopted]
        row += [p.levels.get(lv.value, 0) for lv in Level]
        row += [p.publications.get(pub.id, 0) for pub in ye.publications]
        row += [p.instructions.get(r.value, 0) for r in Rank]
        row.append(p.standing.counts.deductions)
        rows.append(row)
    return _summed(ye, "adoptions", columns, rows, 1, t("ye_note_adoptions"))


def national_table(ye: YearEnd) -> Table:
    columns = [Column("point", t("col_point"))]
    columns += [_count(f"q{q}", t(f"ye_q{q}")) for q in QUARTERS]
    columns += [
        _count("total", t("ye_col_year_total")),
        _count("rank", t("ye_col_provincial_rank")),
    ]
    rows: list[list[Cell]] = [[r.point.label, *r.quarters, r.total, r.rank] for r in ye.national]
    return _summed(
        ye,
        "national",
        columns,
        rows,
        0,
        t("ye_note_national") if rows else t("ye_note_no_national"),
    )


def trend_table(ye: YearEnd) -> Table:
    columns = [
        Column("month", t("ye_col_month")),
        _count("submitted", t("col_submitted")),
        _count("adopted", t("col_adopted")),
        _count("national_adopted", t("ye_col_of_which_national")),
    ]
    rows: list[list[Cell]] = [
        [t("ye_month", year=ye.year, n=m.month), m.submitted, m.adopted, m.national_adopted]
        for m in ye.months
    ]
    return _summed(ye, "trend", columns, rows, 0, t("ye_note_trend"))


def _outcome_columns() -> list[Column]:
    return [
        _count("rank", t("col_rank")),
        Column("point", t("ye_col_point_name")),
        _score("score", t("col_score")),
        Column("reason", t("ye_col_reason")),
    ]


def _outcome_table(
    ye: YearEnd, key: str, outcome: Sequence[OutcomeRow], style: str, notes: list[str]
) -> Table:
    """The commended or disqualified points with score and reason, ready for the 通报."""
    rows: list[list[Cell]] = [[r.rank, r.point.name, r.score, outcome_reason(r)] for r in outcome]
    return Table(
        key=key,
        name=t(f"ye_sheet_{key}"),
        title=t(f"ye_title_{key}", year=ye.year),
        columns=_outcome_columns(),
        rows=rows,
        styles=[style] * len(rows),
        footer=notes,
    )


def commended_table(ye: YearEnd) -> Table:
    notes = []
    if not ye.final:
        notes.append(t("ye_note_not_final", year=ye.year, as_of=ye.as_of.isoformat()))
    else:
        notes.append(
            t(
                "ye_note_commend_rule",
                top=ye.commend_top,
                rules=ye.annual_rule_set,
                n=len(ye.commended),
            )
        )
        for n in ye.passed_over:
            notes.append(
                t(
                    "ye_note_passed_over",
                    name=n.point.name,
                    rank=n.rank,
                    score=tidy(n.score),
                    why=why_left_out(n),
                )
            )
    return _outcome_table(ye, "commended", ye.commended, "good", notes)


def disqualified_table(ye: YearEnd) -> Table:
    if not ye.final:
        columns = [
            _count("rank", t("col_rank")),
            Column("point", t("ye_col_point_name")),
            _score("score", t("col_score")),
            _score("line", t("ye_col_line")),
        ]
        rows: list[list[Cell]] = [[r.rank, r.point.name, r.score, r.line] for r in ye.at_risk]
        return Table(
            key="at_risk",
            name=t("ye_sheet_at_risk"),
            title=t("ye_title_at_risk", year=ye.year, as_of=ye.as_of.isoformat()),
            columns=columns,
            rows=rows,
            styles=["warn"] * len(rows),
            footer=[t("ye_note_at_risk", below=tidy(ye.disqualify_below))],
        )
    below = tidy(ye.disqualify_below)
    notes = [t("ye_note_disqualify_rule", below=below, n=len(ye.disqualified))]
    for n in ye.exempt:
        notes.append(
            t(
                "ye_note_exempt",
                name=n.point.name,
                score=tidy(n.score),
                admitted=why_left_out(n),
                below=below,
            )
        )
    return _outcome_table(ye, "disqualified", ye.disqualified, "bad", notes)


def year_end_tables(ye: YearEnd) -> tuple[Table, ...]:
    """The report's tables in the order the 通报 uses them (see the module docstring)."""
    return (
        ranking_table(ye),
        submissions_table(ye),
        adoptions_table(ye),
        national_table(ye),
        trend_table(ye),
        commended_table(ye),
        disqualified_table(ye),
    )


def document_title(ye: YearEnd) -> str:
    """The heading of the whole report (Markdown, workbook properties)."""
    return t("ye_doc_title", province=ye.province, year=ye.year)
