"""The year-end tables of ``govinfo report YEAR``, as data (issue 6).

:func:`year_end` gathers what the 通报 needs from one :class:`~govinfo.rules.annual.YearScore`;
:func:`year_end_tables` lays it out as :class:`~govinfo.reports.tables.DataTable`s, in order:

1. ``ranking`` — 年度得分排名: rank, point, kind, score, counts and status, as ``score`` shows;
2. ``submissions`` — per point: own submissions by category, solicitations answered on time /
   late / missed, research items per quarter and the quarters charged as missing;
3. ``adoptions`` — per point: adoptions by level and by publication, instructions by rank,
   deductions;
4. ``national`` — the national points (国办直报点): national adoptions per quarter and in total;
5. ``trend`` — the month-by-month submissions and adoptions across the province;
6. ``commended`` — the commended points with score and reason, ready for the 通报;
7. ``disqualified`` — the disqualified points likewise (before the year's last day, when there
   are no outcomes yet: ``at_risk``, the points below the pro-rata line).

Every number comes from the scoring core, so the report agrees with ``score`` and ``explain``:
ranking, counts, deductions and statuses from the standings; adoptions by level and
publication, instructions by rank and national adoptions from the same result's events;
solicitations and research quarters from :mod:`govinfo.rules.obligations`. Only submissions per
category, quarter and month are counted from the records, with the core's dates and as-of (their
sums are ``submitted`` and ``research``).

Readings where the issue leaves room:

* An "adoption" count is a count of submissions (own or joint) with an adoption dated in the
  period, as ``score``'s ``adopted``: a submission adopted twice by one publication counts once
  there, one adopted at two levels counts at each; a point's total is its ``adopted``, its
  national level its ``national_adopted``. A submission adopted in two months (or quarters)
  counts in each.
* The trend counts every submission of the folder once (a joint one too) by the month of its
  date, and adoptions by the month of the adoption.
* The national points are those listing the national tier that held it on some day of the year
  up to as-of.
* No table shows a title, so secret titles never appear.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal

import msgspec

from govinfo.i18n import MESSAGES, t
from govinfo.model import Category, Folder, HistoryKind, Level, Point, Rank, Tier
from govinfo.reports.numbers import tidy
from govinfo.reports.passedover import passed_over as passed_over_kinds
from govinfo.reports.score import ScoreReport, score_report
from govinfo.reports.tables import Cell, ColumnKind, DataColumn, DataTable
from govinfo.rules.annual import Standing, Status, YearScore
from govinfo.rules.calendar import day_of_year, days_in_year
from govinfo.rules.events import ADOPTION, INSTRUCTION, ZERO, round_points
from govinfo.rules.obligations import ObligationKind, ObligationStatus, obligations

QUARTERS = (1, 2, 3, 4)
MONTHS = tuple(range(1, 13))
SOLICITATION_STATUSES = (
    ObligationStatus.MET,
    ObligationStatus.LATE,
    ObligationStatus.MISSED,
    ObligationStatus.PENDING,
)


class PublicationColumn(msgspec.Struct, frozen=True, gc=False):
    id: str
    name: str
    level: Level


class PointStats(msgspec.Struct, frozen=True, gc=False):
    """One ranked point's statistics. Dict keys are enum values (``general``, ``met``,
    ``national``, ``jl-zb``, ``governor``)."""

    standing: Standing
    categories: dict[str, int]
    solicitations: dict[str, int]
    research: tuple[int, int, int, int]
    research_missing: tuple[int, ...]  # the quarters charged research-quarter-missing
    levels: dict[str, int]
    publications: dict[str, int]
    instructions: dict[str, int]

    @property
    def point(self) -> Point:
        return self.standing.point


class NationalRow(msgspec.Struct, frozen=True, gc=False):
    point: Point
    rank: int | None  # in the provincial ranking, None when not ranked
    quarters: tuple[int, int, int, int]
    total: int


class MonthRow(msgspec.Struct, frozen=True, gc=False):
    month: int
    submitted: int
    adopted: int
    national_adopted: int


class OutcomeRow(msgspec.Struct, frozen=True, gc=False):
    """A commended or disqualified point, with the reason written in the 通报 and the registry."""

    point: Point
    rank: int
    score: Decimal
    status: Status
    reason: str


class AtRiskRow(msgspec.Struct, frozen=True, gc=False):
    point: Point
    rank: int
    score: Decimal
    line: Decimal  # disqualify_below × elapsed days ÷ days in the year, to 2 decimals


class NoteRow(msgspec.Struct, frozen=True, gc=False):
    """A point the lists leave out and the clerk will be asked about: one passed over for
    commendation (``why`` names the excluding events) or exempt from disqualification (``why``
    is its admission day)."""

    point: Point
    rank: int
    score: Decimal
    why: str


class YearEnd(msgspec.Struct, frozen=True, gc=False):
    year: int
    as_of: dt.date
    final: bool
    province: str
    ranking: ScoreReport
    annual_rule_set: str
    disqualify_below: Decimal
    commend_top: int
    publications: tuple[PublicationColumn, ...]
    points: tuple[PointStats, ...]
    national: tuple[NationalRow, ...]
    months: tuple[MonthRow, ...]
    commended: tuple[OutcomeRow, ...]
    disqualified: tuple[OutcomeRow, ...]
    at_risk: tuple[AtRiskRow, ...]
    passed_over: tuple[NoteRow, ...]
    exempt: tuple[NoteRow, ...]


# --- the outcome, shared with close-year ------------------------------------------------------


def outcome_reason(year: int, standing: Standing, below: Decimal) -> str:
    """The reason of a commendation or disqualification in the current language, e.g.
    “2003年度得分 45.25 分，排名第 3，评为优秀直报点” / “2003年度得分 11.5 分，低于 12 分”."""
    score = tidy(standing.score)
    if standing.status is Status.COMMENDED:
        return t("ye_reason_commended", year=year, score=score, rank=standing.rank)
    return t("ye_reason_disqualified", year=year, score=score, below=tidy(below))


def year_outcome(result: YearScore) -> tuple[OutcomeRow, ...]:
    """The commended points (ranking order) then the disqualified ones; empty before the year's
    last day, when SPEC gives no such statuses."""
    below = result.annual_rule_set.annual.disqualify_below
    rows = []
    for status in (Status.COMMENDED, Status.DISQUALIFIED):
        for s in result.standings:
            if s.status is status:
                rows.append(
                    OutcomeRow(
                        s.point, s.rank, s.score, status, outcome_reason(result.year, s, below)
                    )
                )
    return tuple(rows)


# --- gathering ---------------------------------------------------------------------------------


def _quarter(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def _publication_columns(folder: Folder, used: Iterable[str]) -> tuple[PublicationColumn, ...]:
    """The publications of the rule sets ``used`` (sorted by effective_from): national level
    first, each in the order first listed; the name of the latest set that lists it."""
    by_id = {rs.id: rs for rs in folder.rule_sets}
    found: dict[str, PublicationColumn] = {}
    for rs_id in used:
        rs = by_id.get(rs_id)
        if rs is None:
            continue
        for pub in rs.publications.values():
            found[pub.id] = PublicationColumn(pub.id, pub.name, pub.level)
    order = list(Level)
    return tuple(sorted(found.values(), key=lambda p: order.index(p.level)))


def _exclusion_words(kinds: Iterable[str]) -> str:
    words = []
    for kind in kinds:
        key = f"adj_{kind}"
        words.append(t(key) if key in MESSAGES else kind)
    return t("list_sep").join(dict.fromkeys(words))


def year_end(folder: Folder, result: YearScore) -> YearEnd:
    """Everything the year-end tables show, from ``result`` (:func:`score_year` of ``folder``)."""
    year, as_of = result.year, result.as_of
    first = dt.date(year, 1, 1)
    last = min(dt.date(year, 12, 31), as_of)

    categories: dict[str, dict[str, int]] = {}
    research: dict[str, list[int]] = {}
    month_submitted = dict.fromkeys(MONTHS, 0)
    for sub in folder.submissions:
        if not first <= sub.date <= last:
            continue
        cats = categories.setdefault(sub.point, {})
        cats[sub.category.value] = cats.get(sub.category.value, 0) + 1
        if sub.category is Category.RESEARCH:
            research.setdefault(sub.point, [0, 0, 0, 0])[_quarter(sub.date) - 1] += 1
        month_submitted[sub.date.month] += 1

    levels: dict[str, dict[str, set[str]]] = {}
    pubs: dict[str, dict[str, set[str]]] = {}
    national_q: dict[str, list[set[str]]] = {}
    instructions: dict[str, dict[str, int]] = {}
    month_adopted: dict[int, set[str]] = {m: set() for m in MONTHS}
    month_national: dict[int, set[str]] = {m: set() for m in MONTHS}
    for point_id, events in result.events.items():
        for ev in events:
            if ev.kind == ADOPTION and ev.submission is not None:
                d = ev.detail
                level = d.level or ""
                levels.setdefault(point_id, {}).setdefault(level, set()).add(ev.submission)
                pubs.setdefault(point_id, {}).setdefault(d.publication or "", set()).add(
                    ev.submission
                )
                month_adopted[ev.date.month].add(ev.submission)
                if level == Level.NATIONAL:
                    month_national[ev.date.month].add(ev.submission)
                    quarters = national_q.setdefault(point_id, [set(), set(), set(), set()])
                    quarters[_quarter(ev.date) - 1].add(ev.submission)
            elif ev.kind == INSTRUCTION:
                ranks = instructions.setdefault(point_id, {})
                rank = ev.detail.rank or ""
                ranks[rank] = ranks.get(rank, 0) + 1

    obs = obligations(
        folder,
        first,
        dt.date(year, 12, 31),
        as_of,
        kinds=(ObligationKind.SOLICITATION, ObligationKind.RESEARCH),
    )
    solicited: dict[str, dict[str, int]] = {}
    research_missing: dict[str, list[int]] = {}
    for ob in obs:
        if ob.kind is ObligationKind.SOLICITATION:
            by_status = solicited.setdefault(ob.point, {})
            by_status[ob.status.value] = by_status.get(ob.status.value, 0) + 1
        elif ob.charged and ob.due.year == year:
            research_missing.setdefault(ob.point, []).append(_quarter(ob.due))

    stats = []
    for s in result.standings:
        pid = s.point.id
        q = research.get(pid, [0, 0, 0, 0])
        stats.append(
            PointStats(
                standing=s,
                categories=categories.get(pid, {}),
                solicitations=solicited.get(pid, {}),
                research=(q[0], q[1], q[2], q[3]),
                research_missing=tuple(sorted(set(research_missing.get(pid, ())))),
                levels={k: len(v) for k, v in levels.get(pid, {}).items()},
                publications={k: len(v) for k, v in pubs.get(pid, {}).items()},
                instructions=instructions.get(pid, {}),
            )
        )

    ranks = {s.point.id: s.rank for s in result.standings}
    national = []
    for p in folder.points:
        if Tier.NATIONAL not in p.tiers or not p.holds_some_day(Tier.NATIONAL, first, last):
            continue
        qs = national_q.get(p.id, [set(), set(), set(), set()])
        total = len(set().union(*qs))
        national.append(
            NationalRow(p, ranks.get(p.id), (len(qs[0]), len(qs[1]), len(qs[2]), len(qs[3])), total)
        )
    national.sort(key=lambda r: (-r.total, r.rank if r.rank is not None else 10**9, r.point.id))

    months = tuple(
        MonthRow(m, month_submitted[m], len(month_adopted[m]), len(month_national[m]))
        for m in MONTHS
        if dt.date(year, m, 1) <= as_of
    )

    annual = result.annual_rule_set.annual
    outcome = year_outcome(result)
    commended = tuple(r for r in outcome if r.status is Status.COMMENDED)
    disqualified = tuple(r for r in outcome if r.status is Status.DISQUALIFIED)

    at_risk = []
    if not result.final:
        elapsed = (as_of - first).days + 1
        line = round_points(annual.disqualify_below * elapsed / days_in_year(year))
        at_risk = [AtRiskRow(s.point, s.rank, s.score, line) for s in result.standings if s.at_risk]

    excluded = passed_over_kinds(result)
    passed_over = [
        NoteRow(s.point, s.rank, s.score, _exclusion_words(excluded[s.point.id]))
        for s in result.standings
        if s.point.id in excluded
    ]

    grace = day_of_year(year, annual.grace_admitted_from)
    exempt = []
    for s in result.standings:
        if s.status is Status.EXEMPT:
            admitted = [
                ev.date
                for ev in s.point.history
                if ev.event is HistoryKind.ADMITTED
                and ev.tier is Tier.PROVINCIAL
                and grace <= ev.date <= last
            ]
            day = max(admitted).isoformat() if admitted else ""
            exempt.append(NoteRow(s.point, s.rank, s.score, day))

    return YearEnd(
        year=year,
        as_of=as_of,
        final=result.final,
        province=folder.settings.province,
        ranking=score_report(result),
        annual_rule_set=result.annual_rule_set.id,
        disqualify_below=annual.disqualify_below,
        commend_top=annual.commend_top,
        publications=_publication_columns(folder, result.rule_sets),
        points=tuple(stats),
        national=tuple(national),
        months=months,
        commended=commended,
        disqualified=disqualified,
        at_risk=tuple(at_risk),
        passed_over=tuple(passed_over),
        exempt=tuple(exempt),
    )


# --- tables ------------------------------------------------------------------------------------

_STATUS_STYLE = {"commended": "good", "disqualified": "bad", "left": "dim"}


def _count(key: str, header: str) -> DataColumn:
    return DataColumn(key, header, ColumnKind.COUNT)


def _score(key: str, header: str) -> DataColumn:
    return DataColumn(key, header, ColumnKind.SCORE)


def _totals(
    columns: Sequence[DataColumn], rows: Sequence[Sequence[Cell]], label_at: int
) -> list[Cell]:
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


def _status_words(status: str, at_risk: bool, passed_over: tuple[str, ...] = ()) -> str:
    words = t(f"status_{status}")
    if passed_over:
        return t("status_passed_over", status=words, why=_exclusion_words(passed_over))
    return t("status_at_risk", status=words) if at_risk else words


def _as_of_note(ye: YearEnd) -> str:
    if ye.final:
        return t("ye_note_as_of", as_of=ye.as_of.isoformat())
    return t("ye_note_provisional", as_of=ye.as_of.isoformat())


def ranking_table(ye: YearEnd) -> DataTable:
    report = ye.ranking
    columns = [
        _count("rank", t("col_rank")),
        DataColumn("point", t("col_point")),
        DataColumn("kind", t("col_kind")),
        _score("score", t("col_score")),
        _count("submitted", t("col_submitted")),
        _count("adopted", t("col_adopted")),
        _count("national_adopted", t("col_national_adopted")),
        _count("instructions", t("col_instructions")),
        _count("research", t("col_research")),
        _score("deductions", t("col_deductions")),
        DataColumn("status", t("col_status")),
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
            _status_words(r.status, r.at_risk, r.passed_over),
        )
        for r in report.rows
    ]
    notes = [t("score_footer_rules", ids=t("list_sep").join(report.rule_sets))]
    if report.final:
        notes.append(
            t(
                "score_footer_outcome",
                commended=report.commended,
                disqualified=report.disqualified,
                as_of=report.as_of.isoformat(),
            )
        )
    else:
        notes.append(
            t("score_footer_provisional", as_of=report.as_of.isoformat(), at_risk=report.at_risk)
        )
    return DataTable(
        key="ranking",
        name=t("ye_sheet_ranking"),
        title=t("score_title", year=ye.year),
        columns=columns,
        rows=rows,
        styles=["warn" if r.at_risk else _STATUS_STYLE.get(r.status) for r in report.rows],
        notes=notes,
    )


def submissions_table(ye: YearEnd) -> DataTable:
    pending = any(p.solicitations.get(ObligationStatus.PENDING.value) for p in ye.points)
    statuses = [s for s in SOLICITATION_STATUSES if pending or s is not ObligationStatus.PENDING]
    columns = [_count("rank", t("col_rank")), DataColumn("point", t("col_point"))]
    columns += [_count(c.value, t(f"ye_cat_{c.value}")) for c in Category]
    columns.append(_count("submitted", t("ye_col_submitted_total")))
    columns.append(_count("solicited", t("ye_col_solicited")))
    columns += [_count(f"solicitation_{s.value}", t(f"ye_sol_{s.value}")) for s in statuses]
    columns += [
        _count(f"research_q{q}", t("ye_col_research_q", quarter=t(f"ye_q{q}"))) for q in QUARTERS
    ]
    columns.append(DataColumn("research_missing", t("ye_col_research_missing")))
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
    return DataTable(
        key="submissions",
        name=t("ye_sheet_submissions"),
        title=t("ye_title_submissions", year=ye.year),
        columns=columns,
        rows=rows,
        total=_totals(columns, rows, 1) if rows else None,
        notes=[t("ye_note_submissions"), _as_of_note(ye)],
    )


def adoptions_table(ye: YearEnd) -> DataTable:
    columns = [
        _count("rank", t("col_rank")),
        DataColumn("point", t("col_point")),
        _count("adopted", t("ye_col_adopted")),
    ]
    columns += [_count(f"level_{lv.value}", t(f"ye_level_{lv.value}")) for lv in Level]
    columns += [_count(f"publication_{p.id}", p.name) for p in ye.publications]
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
    return DataTable(
        key="adoptions",
        name=t("ye_sheet_adoptions"),
        title=t("ye_title_adoptions", year=ye.year),
        columns=columns,
        rows=rows,
        total=_totals(columns, rows, 1) if rows else None,
        notes=[t("ye_note_adoptions"), _as_of_note(ye)],
    )


def national_table(ye: YearEnd) -> DataTable:
    columns = [DataColumn("point", t("col_point"))]
    columns += [_count(f"q{q}", t(f"ye_q{q}")) for q in QUARTERS]
    columns += [
        _count("total", t("ye_col_year_total")),
        _count("rank", t("ye_col_provincial_rank")),
    ]
    rows: list[list[Cell]] = [[r.point.label, *r.quarters, r.total, r.rank] for r in ye.national]
    return DataTable(
        key="national",
        name=t("ye_sheet_national"),
        title=t("ye_title_national", year=ye.year),
        columns=columns,
        rows=rows,
        total=_totals(columns, rows, 0) if rows else None,
        notes=[t("ye_note_national") if rows else t("ye_note_no_national"), _as_of_note(ye)],
    )


def trend_table(ye: YearEnd) -> DataTable:
    columns = [
        DataColumn("month", t("ye_col_month")),
        _count("submitted", t("col_submitted")),
        _count("adopted", t("col_adopted")),
        _count("national_adopted", t("ye_col_of_which_national")),
    ]
    rows: list[list[Cell]] = [
        [t("ye_month", year=ye.year, n=m.month), m.submitted, m.adopted, m.national_adopted]
        for m in ye.months
    ]
    return DataTable(
        key="trend",
        name=t("ye_sheet_trend"),
        title=t("ye_title_trend", year=ye.year),
        columns=columns,
        rows=rows,
        total=_totals(columns, rows, 0) if rows else None,
        notes=[t("ye_note_trend"), _as_of_note(ye)],
    )


def _outcome_columns() -> list[DataColumn]:
    return [
        _count("rank", t("col_rank")),
        DataColumn("point", t("ye_col_point_name")),
        _score("score", t("col_score")),
        DataColumn("reason", t("ye_col_reason")),
    ]


def commended_table(ye: YearEnd) -> DataTable:
    rows: list[list[Cell]] = [[r.rank, r.point.name, r.score, r.reason] for r in ye.commended]
    notes = []
    if not ye.final:
        notes.append(t("ye_note_not_final", year=ye.year, as_of=ye.as_of.isoformat()))
    else:
        notes.append(
            t("ye_note_commend_rule", top=ye.commend_top, rules=ye.annual_rule_set, n=len(rows))
        )
        for n in ye.passed_over:
            notes.append(
                t(
                    "ye_note_passed_over",
                    name=n.point.name,
                    rank=n.rank,
                    score=tidy(n.score),
                    why=n.why,
                )
            )
    return DataTable(
        key="commended",
        name=t("ye_sheet_commended"),
        title=t("ye_title_commended", year=ye.year),
        columns=_outcome_columns(),
        rows=rows,
        styles=["good"] * len(rows),
        notes=notes,
    )


def disqualified_table(ye: YearEnd) -> DataTable:
    if not ye.final:
        columns = [
            _count("rank", t("col_rank")),
            DataColumn("point", t("ye_col_point_name")),
            _score("score", t("col_score")),
            _score("line", t("ye_col_line")),
        ]
        rows: list[list[Cell]] = [[r.rank, r.point.name, r.score, r.line] for r in ye.at_risk]
        return DataTable(
            key="at_risk",
            name=t("ye_sheet_at_risk"),
            title=t("ye_title_at_risk", year=ye.year, as_of=ye.as_of.isoformat()),
            columns=columns,
            rows=rows,
            styles=["warn"] * len(rows),
            notes=[t("ye_note_at_risk", below=tidy(ye.disqualify_below))],
        )
    rows = [[r.rank, r.point.name, r.score, r.reason] for r in ye.disqualified]
    notes = [t("ye_note_disqualify_rule", below=tidy(ye.disqualify_below), n=len(rows))]
    for n in ye.exempt:
        notes.append(
            t(
                "ye_note_exempt",
                name=n.point.name,
                score=tidy(n.score),
                admitted=n.why,
                below=tidy(ye.disqualify_below),
            )
        )
    return DataTable(
        key="disqualified",
        name=t("ye_sheet_disqualified"),
        title=t("ye_title_disqualified", year=ye.year),
        columns=_outcome_columns(),
        rows=rows,
        styles=["bad"] * len(rows),
        notes=notes,
    )


def year_end_tables(ye: YearEnd) -> tuple[DataTable, ...]:
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
