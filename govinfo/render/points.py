"""The ``points`` commands for people: the registry list, one point's card, its history and its
years; and the list as records for CSV/JSON."""

from __future__ import annotations

from typing import Any

from govinfo.i18n import t
from govinfo.model import Point, Tier
from govinfo.render.score import status_text
from govinfo.render.table import Column, TableSpec
from govinfo.reports.numbers import fixed
from govinfo.reports.registry import PointState, YearRow

LIST_KEYS = ("id", "short", "name", "kind", "parent", "tiers", "holds", "state", "since")


def tier_words(tiers: tuple[Tier, ...] | list[Tier]) -> str:
    return t("list_sep").join(t(f"pt_tier_{tier.value}") for tier in tiers)


def state_words(s: PointState) -> str:
    if s.state == "active":
        return t("pt_state_active", tiers=tier_words(s.holds))
    if s.state == "not-admitted":
        return t("pt_state_not-admitted")
    return t(f"pt_state_{s.state}", date=s.since.isoformat() if s.since else "")


def list_table(states: list[PointState], labels: dict[str, str]) -> TableSpec:
    """The registry list; ``labels`` names every point (for the parent column)."""
    columns = [
        Column("id", t("pt_col_id")),
        Column("short", t("pt_col_short")),
        Column("name", t("pt_col_name")),
        Column("kind", t("col_kind")),
        Column("parent", t("pt_col_parent")),
        Column("tiers", t("pt_col_tiers")),
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
    day = states[0].day.isoformat() if states else ""
    return TableSpec(
        columns=columns,
        rows=rows,
        styles=[None if s.state == "active" else "dim" for s in states],
        title=t("pt_list_title"),
        footer=[t("pt_list_footer", n=len(states), active=len(active), national=national, day=day)],
    )


def list_records(states: list[PointState], *, joined: bool) -> list[dict[str, Any]]:
    """One record per point; ``joined``: lists as space-separated text (for CSV)."""

    def many(items: tuple[Tier, ...]) -> Any:
        values = [tier.value for tier in items]
        return " ".join(values) if joined else values

    return [
        {
            "id": s.point.id,
            "short": s.point.short,
            "name": s.point.name,
            "kind": s.point.kind.value,
            "parent": s.point.parent,
            "tiers": many(s.point.tiers),
            "holds": many(s.holds),
            "state": s.state,
            "since": s.since.isoformat() if s.since else None,
        }
        for s in states
    ]


def card_lines(point: Point, state: PointState, parent: Point | None) -> list[str]:
    """The point's particulars as ``label  value`` lines under its name (empty ones left out)."""
    from govinfo.render.datatable import text_width

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
    pad = max(text_width(k) for k, _ in pairs)
    lines = [t("pt_show_title", name=point.name, id=point.id)]
    lines += [f"  {k}{' ' * (pad - text_width(k))}  {v}" for k, v in pairs]
    return lines


def parent_words(point: Point, parent: Point | None) -> str:
    if point.parent is None:
        return ""
    if parent is None:
        return point.parent
    return f"{parent.label}（{parent.id}）" if parent.label != parent.id else parent.id


def history_table(point: Point) -> TableSpec:
    columns = [
        Column("date", t("col_date")),
        Column("event", t("pt_col_event")),
        Column("tier", t("pt_col_tier")),
        Column("year", t("pt_col_year"), numeric=True),
        Column("reason", t("pt_col_reason")),
    ]
    rows = [
        (
            ev.date.isoformat(),
            t(f"pt_event_{ev.event.value}"),
            t(f"pt_tier_{ev.tier.value}"),
            str(ev.year) if ev.year is not None else "",
            ev.reason or "",
        )
        for ev in point.history
    ]
    return TableSpec(columns=columns, rows=rows, title=t("pt_history_title"))


def years_table(rows: list[YearRow]) -> TableSpec:
    columns = [
        Column("year", t("pt_col_year")),
        Column("rank", t("col_rank"), numeric=True),
        Column("score", t("col_score"), numeric=True),
        Column("submitted", t("col_submitted"), numeric=True),
        Column("adopted", t("col_adopted"), numeric=True),
        Column("status", t("col_status")),
        Column("as_of", t("pt_col_as_of")),
    ]
    out = []
    for r in rows:
        if r.problem is not None:
            out.append((str(r.year), "", "", "", "", r.problem, r.as_of.isoformat()))
        elif r.rank is None or r.score is None or r.status is None:
            out.append((str(r.year), "", "", "", "", t("cy_not_ranked"), r.as_of.isoformat()))
        else:
            status = status_text(r.status, at_risk=r.at_risk, passed_over=r.passed_over)
            out.append(
                (
                    str(r.year),
                    str(r.rank),
                    fixed(r.score),
                    str(r.submitted),
                    str(r.adopted),
                    status,
                    r.as_of.isoformat(),
                )
            )
    return TableSpec(columns=columns, rows=out, title=t("pt_years_title"))
