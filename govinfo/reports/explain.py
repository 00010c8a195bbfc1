"""Rows of ``govinfo explain POINT YEAR`` (SPEC §3): a point's events with a running total,
and the words that say what each event is."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import msgspec

from govinfo.i18n import t
from govinfo.model import Folder, Point
from govinfo.reports.numbers import tidy
from govinfo.rules.annual import YearScore
from govinfo.rules.events import ADOPTION, INSTRUCTION, ONE, ZERO, Event

SECRET_TITLE = "[密]"


class ExplainRow(msgspec.Struct, frozen=True, gc=False):
    date: dt.date
    submission: str | None
    title: str | None  # ``[密]`` for a secret submission; None without a submission
    kind: str
    detail: str
    points: Decimal
    total: Decimal


class ExplainReport(msgspec.Struct, frozen=True, gc=False):
    point: Point
    year: int
    as_of: dt.date
    score: Decimal
    rows: tuple[ExplainRow, ...]


def find_point(folder: Folder, text: str) -> Point | None:
    """The point whose id, full name, short name or alias is ``text`` (in that order of trust)."""
    for attr in ("id", "name", "short"):
        for p in folder.points:
            if getattr(p, attr) == text:
                return p
    for p in folder.points:
        if text in p.aliases:
            return p
    return None


def period_words(period: str) -> str:
    """``2003-Q1`` → “2003年第1季度”, ``2003-02`` → “2003年2月” (current language)."""
    year, _, rest = period.partition("-")
    if rest.startswith("Q"):
        return t("period_quarter", year=year, n=int(rest[1:]))
    return t("period_month", year=year, n=int(rest))


def _stacking_words(value: Decimal | None, rise: Decimal | None) -> str:
    if value is None or rise is None or rise == value:
        return ""
    if rise == 0:
        return t("ev_no_rise")
    return t("ev_rise", rise=tidy(rise))


def describe(event: Event) -> str:
    """What ``event`` is, in the current language, e.g. “《吉林政务信息》单条采用 ×2 调研”,
    “省长批示（洪虎）”, “约稿 YG-2003-031 未报”."""
    d = event.detail
    if event.kind == ADOPTION:
        text = t("ev_adoption", publication=d.publication_name, mode=t(f"mode_{d.mode}"))
        if d.multiplier != ONE and d.multiplier_reason is not None:
            text += t("ev_multiplier", m=tidy(d.multiplier), why=t(f"mult_{d.multiplier_reason}"))
        text += _stacking_words(d.value, d.rise)
        if d.shares > 1:
            text += t("ev_shared", n=d.shares)
        return text
    if event.kind == INSTRUCTION:
        text = t("ev_instruction", rank=t(f"rank_{d.rank}"))
        if d.leader:
            text += t("ev_leader", leader=d.leader)
        text += _stacking_words(d.value, d.rise)
        if d.shares > 1:
            text += t("ev_shared", n=d.shares)
        return text
    if d.adjustment is not None:
        return t(
            "ev_adjustment",
            kind=t(f"adj_{event.kind}"),
            adjustment=d.adjustment,
            reason=d.reason or "",
        )
    if d.period is not None:
        return t(
            f"ded_{event.kind}",
            period=period_words(d.period),
            required=d.required,
            found=d.found,
        )
    return t(f"ded_{event.kind}", ref=d.ref, minutes=d.minutes, limit=d.limit)


def explain_report(folder: Folder, result: YearScore, point: Point) -> ExplainReport:
    """Every counted event of ``point`` in ``result``'s year, in explain order, with totals."""
    titles = {s.id: s for s in folder.submissions}
    rows = []
    total = ZERO
    for ev in result.events_of(point.id):
        total += ev.points
        title = None
        if ev.submission is not None:
            sub = titles.get(ev.submission)
            if sub is not None:
                title = SECRET_TITLE if sub.is_secret else sub.title
        rows.append(
            ExplainRow(
                date=ev.date,
                submission=ev.submission,
                title=title,
                kind=ev.kind,
                detail=describe(ev),
                points=ev.points,
                total=total,
            )
        )
    return ExplainReport(
        point=point, year=result.year, as_of=result.as_of, score=total, rows=tuple(rows)
    )


def explain_records(report: ExplainReport) -> list[dict[str, Any]]:
    """The ``events`` of SPEC §3's ``explain`` JSON, keys in SPEC's order."""
    return [
        {
            "date": r.date.isoformat(),
            "submission": r.submission,
            "kind": r.kind,
            "detail": r.detail,
            "points": tidy(r.points),
        }
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
