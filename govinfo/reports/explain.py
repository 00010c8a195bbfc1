"""Rows of ``govinfo explain POINT YEAR`` (SPEC §3): a point's events with a running total.
Each row carries its :class:`~govinfo.rules.events.Event`; :mod:`govinfo.render.words` says
what it is."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import msgspec

from govinfo.model import Folder, Point
from govinfo.rules.annual import YearScore
from govinfo.rules.events import ZERO, Event

SECRET_TITLE = "[密]"


class ExplainRow(msgspec.Struct, frozen=True, gc=False):
    date: dt.date
    submission: str | None
    title: str | None  # ``[密]`` for a secret submission; None without a submission
    kind: str
    event: Event  # what the event is, phrased by render (``describe``)
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
                event=ev,
                points=ev.points,
                total=total,
            )
        )
    return ExplainReport(
        point=point, year=result.year, as_of=result.as_of, score=total, rows=tuple(rows)
    )
