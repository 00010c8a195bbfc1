"""The ``points`` commands for people: the registry list, one point's card, its history and its
years; and the list as records for CSV/JSON."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import msgspec

from govinfo.i18n import error_text, t
from govinfo.model import HistoryKind, Point, PointKind, Tier
from govinfo.render.columns import Cell, Column, ColumnKind
from govinfo.render.score import status_words
from govinfo.render.table import Table
from govinfo.reports.recorded import RECORDED_STATUSES
from govinfo.reports.registry import PointState, RegistryProblem, YearRow
from govinfo.reports.rows import as_record, keys_of


class PointRecord(msgspec.Struct, frozen=True, gc=False):
    """A point of ``points list`` as JSON/CSV (the fields are its keys, in order); ``tiers``
    and ``holds`` are lists in JSON and space-separated text in CSV."""

    id: str
    short: str | None
    name: str
    kind: PointKind
    parent: str | None
    tiers: list[str] | str
    holds: list[str] | str
    state: str
    since: dt.date | None


LIST_KEYS = keys_of(PointRecord)


def registry_problem_text(problem: RegistryProblem) -> str:
    """Why an edit of the registry is refused, in the current language."""
    facts = {k: _fact(v) for k, v in problem.facts.items()}
    return t(f"pt_{problem.code}", **facts)


def _fact(value: object) -> object:
    if isinstance(value, Tier):
        return t(f"pt_tier_{value.value}")
    if isinstance(value, HistoryKind):
        return t(f"pt_event_{value.value}")
    if isinstance(value, PointKind):
        return t(f"kind_{value.value}")
    return value


def tier_words(tiers: tuple[Tier, ...] | list[Tier]) -> str:
    return t("list_sep").join(t(f"pt_tier_{tier.value}") for tier in tiers)


def state_words(s: PointState) -> str:
    if s.state == "active":
        return t("pt_state_active", tiers=tier_words(s.holds))
    if s.state == "not-admitted":
        return t("pt_state_not-admitted")
    return t(f"pt_state_{s.state}", date=s.since.isoformat() if s.since else "")


def list_table(states: list[PointState], labels: dict[str, str], day: dt.date) -> Table:
    """The registry list on ``day``; ``labels`` names every point (for the parent column)."""
    columns = [
        Column("id", t("pt_col_id")),
        Column("short", t("pt_col_short")),
        Column("name", t("pt_col_name")),
        Column("kind", t("col_kind"), words=True),
        Column("parent", t("pt_col_parent"), optional=True),  # gives way on a narrow terminal
        Column("tiers", t("pt_col_tiers"), optional=True, names=t("list_sep")),  # state says it too
        Column("state", t("pt_col_state")),
    ]
    rows = [
        (
            s.point.id,
            s.point.short or "",
            s.point.name,
            t(f"kind_{s.point.kind.value}"),
            labels.get(s.point.parent or "", s.point.parent or ""),
            tier_words(s.point.tiers),
            state_words(s),
        )
        for s in states
    ]
    active = [s for s in states if s.state == "active"]
    national = sum(1 for s in active if Tier.NATIONAL in s.holds)
    return Table(
        columns=columns,
        rows=rows,
        styles=[None if s.state == "active" else "dim" for s in states],
        title=t("pt_list_title"),
        name=t("pt_list_sheet"),
        footer=[
            t(
                "pt_list_footer",
                n=len(states),
                active=len(active),
                national=national,
                day=day.isoformat(),
            )
        ],
    )


def list_records(states: list[PointState], *, joined: bool) -> list[dict[str, Any]]:
    """One record per point; ``joined``: lists as space-separated text (for CSV)."""

    def many(items: tuple[Tier, ...]) -> list[str] | str:
        values = [tier.value for tier in items]
        return " ".join(values) if joined else values

    return [
        as_record(
            PointRecord(
                s.point.id,
                s.point.short,
                s.point.name,
                s.point.kind,
                s.point.parent,
                many(s.point.tiers),
                many(s.holds),
                s.state,
                s.since,
            ),
            LIST_KEYS,
        )
        for s in states
    ]


def card_lines(point: Point, state: PointState, parent: Point | None) -> list[str]:
    """The point's particulars as ``label  value`` lines under its name (empty ones left out)."""
    from govinfo.text import display_width

    contact = point.contact
    who = ""
    if contact is not None:
        who = "  ".join(x for x in (contact.name, contact.phone) if x)
    pairs = [
        (t("pt_col_id"), point.id),
        (t("pt_col_name"), point.name),
        (t("pt_col_short"), point.short or ""),
        (t("pt_col_aliases"), t("list_sep").join(point.aliases)),
        (t("col_kind"), t(f"kind_{point.kind.value}")),
        (t("pt_col_parent"), parent_words(point, parent)),
        (t("pt_col_tiers"), tier_words(point.tiers)),
        (t("pt_col_contact"), who),
        (t("pt_col_state_on", day=state.day.isoformat()), state_words(state)),
    ]
    pairs = [(k, v) for k, v in pairs if v]
    pad = max(display_width(k) for k, _ in pairs)
    lines = [t("pt_show_title", name=point.name, id=point.id)]
    lines += [f"  {k}{' ' * (pad - display_width(k))}  {v}" for k, v in pairs]
    return lines


def parent_words(point: Point, parent: Point | None) -> str:
    if point.parent is None:
        return ""
    if parent is None:
        return point.parent
    if parent.label == parent.id:
        return parent.id
    return t("pt_point_named", name=parent.label, id=parent.id)


def history_table(point: Point) -> Table:
    columns = [
        Column("date", t("col_date"), ColumnKind.DATE),
        Column("event", t("pt_col_event")),
        Column("tier", t("pt_col_tier")),
        Column("year", t("pt_col_year"), ColumnKind.COUNT),
        Column("reason", t("pt_col_reason")),
    ]
    rows = [
        (
            ev.date,
            t(f"pt_event_{ev.event.value}"),
            t(f"pt_tier_{ev.tier.value}"),
            ev.year,
            ev.reason or "",
        )
        for ev in point.history
    ]
    title = t("pt_history_title")
    return Table(columns=columns, rows=rows, title=title, key="history", name=title)


def years_table(rows: list[YearRow]) -> Table:
    columns = [
        Column("year", t("pt_col_year"), ColumnKind.COUNT),
        Column("rank", t("col_rank"), ColumnKind.COUNT),
        Column("score", t("col_score"), ColumnKind.SCORE),
        Column("submitted", t("col_submitted"), ColumnKind.COUNT),
        Column("adopted", t("col_adopted"), ColumnKind.COUNT),
        Column("status", t("col_status"), words=True),
        Column("as_of", t("pt_col_as_of"), ColumnKind.DATE),
    ]
    out: list[tuple[Cell, ...]] = []
    for r in rows:
        year, as_of = r.year, r.as_of
        if r.problem is not None:
            out.append((year, None, None, None, None, error_text(r.problem), as_of))
        elif r.rank is None or r.score is None or r.status is None:
            out.append((year, None, None, None, None, t("cy_not_ranked"), as_of))
        else:
            out.append((year, r.rank, r.score, r.submitted, r.adopted, year_status(r), as_of))
    title = t("pt_years_title")
    footer = () if out else (t("pt_no_years"),)
    return Table(columns=columns, rows=out, title=title, key="years", name=title, footer=footer)


def year_status(r: YearRow) -> str:
    """A year's status as people read it: as ``score`` words it, or — for a closed year whose
    record differs from today's computation — the recorded status, marked, with the computed
    one beside it (“保留（名册记录；现在计算为取消资格）”)."""
    computed = status_words(r.status or "", r.at_risk, r.passed_over)
    if r.recorded is None:
        return computed
    return t("pt_year_recorded", recorded=t(f"status_{r.recorded}"), computed=computed)


def recorded_notes(point: Point, rows: Sequence[YearRow]) -> list[str]:
    """For stderr: one note per closed year whose recorded outcome for ``point`` is not what
    is computed now (the data changed after close-year), as ``score`` says it of the year."""
    notes = []
    for r in rows:
        if r.recorded is None or r.recorded_on is None or r.status is None:
            continue
        none = r.recorded not in RECORDED_STATUSES  # the registry recorded neither
        notes.append(
            t(
                "pt_year_changed_since_closed" + ("_none" if none else ""),
                point=point.label,
                year=r.year,
                date=r.recorded_on.isoformat(),
                recorded=t(f"status_{r.recorded}"),
                computed=status_words(r.status, r.at_risk, r.passed_over),
            )
        )
    return notes
