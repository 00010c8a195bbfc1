"""Rows of ``govinfo overdue`` (SPEC §2 "Overdue findings as of a day", §3): who is late, on
what, since when.

Built on the scoring core, so that a finding and a deduction cannot disagree:

* ``research-missing`` / ``opinion-missing`` — the *charged* research/opinion
  :class:`~govinfo.rules.obligations.Obligation` objects whose period ends in the window;
* ``solicitation-overdue`` — the solicitation obligations due in the window and still
  *outstanding* as of as-of (an answer after ``due`` clears the finding; scoring keeps the
  deduction);
* ``emergency-late`` — :func:`~govinfo.rules.activity.late_reports` (scoring's ``late_report``);
* ``inactive`` — :func:`~govinfo.rules.activity.inactive_points`.

The window runs from ``since`` (default 1 January of the as-of year) to as-of, both included.
Findings are ordered by point id, kind (as text), ``due``, then period or ref.

``--soon N`` adds *upcoming* items: solicitations and research/opinion periods falling due in
the N days after as-of and not yet met as of as-of. They carry the kind they will have if they
stay unmet and a negative ``days_overdue`` (as-of − due, as for findings); they are never mixed
into ``findings``.

Readings of SPEC where it leaves room (see also :mod:`govinfo.rules.activity`):

* "Ordered by … kind" is the kind as text (``emergency-late`` < ``inactive`` <
  ``opinion-missing`` < ``research-missing`` < ``solicitation-overdue``); tables use the same
  order, so a point's lines read as its JSON does.
* ``emergency-late`` is judged as scoring judges it (:func:`~govinfo.rules.pricer.late_report`:
  any submission with both times, by the set in force on its date), by its ``reported_at``
  day whatever the submission's own date — so findings and deductions never disagree.
* JSON keys are exactly SPEC's; the only addition is ``upcoming``, and only with ``--soon``.
* A point that has left the network by as-of (retired, or disqualified by ``close-year``, and
  not reinstated) keeps its findings — SPEC defines them by what was owed while it was in
  the network, and the JSON is a contract — but :attr:`OverdueReport.left` names it, so that
  tables mark it (已退出) and ``--notice`` writes it no reminder (one it could not answer).

Which submission years are needed (:func:`govinfo.rules.years.window_years`, :func:`more_years`): the window's
years and the one before (an answer, a late report or a point's latest submission may sit just
before the window); then, only when the folder shows it, earlier years: a solicitation due in
the window (or soon) issued before the first year read (its answers may date from ``issued``),
and a point holding the tier on as-of with no own submission among the years read whose latest
admission is older than them (its latest submission may lie between the two). A late report
is looked for among the submissions read, as scoring does (its ``reported_at`` is in practice the
day of its ``date``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from enum import StrEnum

import msgspec

from govinfo.holding import LEAVING, latest
from govinfo.model import Folder, HistoryKind, Point, PointKind, Tier
from govinfo.rules.activity import Inactivity, inactive_points, late_reports
from govinfo.rules.obligations import (
    Obligation,
    ObligationKind,
    ObligationStatus,
    obligations,
)
from govinfo.rules.pricer import LateReport, Pricer, SubmissionIndex


class FindingKind(StrEnum):
    INACTIVE = "inactive"
    RESEARCH_MISSING = "research-missing"
    OPINION_MISSING = "opinion-missing"
    SOLICITATION_OVERDUE = "solicitation-overdue"
    EMERGENCY_LATE = "emergency-late"


# One order for people and programs: the kinds as text (the JSON order, SPEC §2).
KIND_ORDER: tuple[FindingKind, ...] = tuple(sorted(FindingKind, key=lambda k: k.value))


_OF_OBLIGATION = {
    ObligationKind.RESEARCH: FindingKind.RESEARCH_MISSING,
    ObligationKind.OPINION: FindingKind.OPINION_MISSING,
    ObligationKind.SOLICITATION: FindingKind.SOLICITATION_OVERDUE,
}


class Finding(msgspec.Struct, frozen=True, gc=False):
    """One finding (or, with ``upcoming``, one thing falling due soon). ``fact`` is what the
    scoring core found — the obligation, the silence, the late report — from which render
    phrases the ``detail`` of SPEC §3."""

    point: str
    kind: FindingKind
    due: dt.date
    days_overdue: int
    # The three are tagged structs, so that a report read back from the result cache knows
    # which one each finding holds.
    fact: Obligation | Inactivity | LateReport
    period: str | None = None
    ref: str | None = None
    upcoming: bool = False

    def sort_key(self) -> tuple[str, str, dt.date, str]:
        return (self.point, self.kind.value, self.due, self.period or self.ref or "")


class LeftPoint(msgspec.Struct, frozen=True, gc=False):
    """A point that no longer holds the provincial tier on the as-of day: the leaving event
    (``retired`` or ``disqualified``) that put it out, and its day."""

    point: str
    event: HistoryKind
    date: dt.date


class OverdueReport(msgspec.Struct, frozen=True, gc=False):
    """The findings chosen by the filters, in SPEC order; ``upcoming`` is None unless asked
    (``soon`` days); ``points`` holds every point by id (names and contacts for tables);
    ``left`` the points among the findings (and upcoming items) that have left the network by
    the as-of day — their findings stand (SPEC), but tables mark them and no reminder is sent
    to them."""

    as_of: dt.date
    since: dt.date
    findings: tuple[Finding, ...]
    points: dict[str, Point]
    upcoming: tuple[Finding, ...] | None = None
    soon: int | None = None
    kinds: frozenset[FindingKind] | None = None  # the kinds asked for (None: every kind)
    left: tuple[LeftPoint, ...] = ()  # in id order

    def left_by_id(self) -> dict[str, LeftPoint]:
        return {x.point: x for x in self.left}

    def counts(self) -> dict[FindingKind, int]:
        """Findings per kind (every kind asked for, 0 included), in :data:`KIND_ORDER`."""
        out = dict.fromkeys((k for k in KIND_ORDER if self.kinds is None or k in self.kinds), 0)
        for f in self.findings:
            out[f.kind] += 1
        return out


# --- findings ----------------------------------------------------------------------------


def left_point(point: Point, as_of: dt.date) -> LeftPoint | None:
    """How ``point`` left the network, when it does not hold the provincial tier at the end
    of ``as_of`` and a retirement or disqualification is why (the latest one by then; of one
    day's, the last written); None while it holds the tier, or when it never left (a point
    admitted later has no findings to mark)."""
    if point.holds(Tier.PROVINCIAL, as_of):
        return None
    last = latest(
        ev
        for ev in point.history
        if ev.tier is Tier.PROVINCIAL and ev.event in LEAVING and ev.date <= as_of
    )
    return None if last is None else LeftPoint(point.id, last.event, last.date)


def left_points(
    points: Iterable[Point], ids: Collection[str], as_of: dt.date
) -> tuple[LeftPoint, ...]:
    """:func:`left_point` of each of ``points`` whose id is in ``ids``, in id order."""
    found = (left_point(p, as_of) for p in points if p.id in ids)
    return tuple(sorted((x for x in found if x is not None), key=lambda x: x.point))


def _of_obligation(ob: Obligation, *, upcoming: bool = False) -> Finding:
    return Finding(
        point=ob.point,
        kind=_OF_OBLIGATION[ob.kind],
        due=ob.due,
        days_overdue=ob.days_overdue,
        fact=ob,
        period=ob.period,
        ref=ob.ref,
        upcoming=upcoming,
    )


def overdue_findings(
    folder: Folder,
    as_of: dt.date,
    since: dt.date | None = None,
    *,
    index: SubmissionIndex | None = None,
    pricer: Pricer | None = None,
) -> list[Finding]:
    """Every finding as of the end of ``as_of`` (SPEC §2), window ``since``..``as_of``
    (``since`` default: 1 January of the as-of year), in SPEC order."""
    since = since or dt.date(as_of.year, 1, 1)
    index = index or SubmissionIndex.of(folder.submissions)
    pricer = pricer or Pricer(folder)
    out: list[Finding] = []
    for ob in obligations(folder, since, as_of, as_of, index=index, pricer=pricer):
        # Periodic: exactly the periods scoring charges. Solicitations: still unanswered.
        wanted = ob.outstanding if ob.kind is ObligationKind.SOLICITATION else ob.charged
        if wanted:
            out.append(_of_obligation(ob))
    for item in inactive_points(folder, as_of, index=index, pricer=pricer):
        out.append(
            Finding(
                point=item.point,
                kind=FindingKind.INACTIVE,
                due=item.due,
                days_overdue=item.days_overdue,
                fact=item,
                ref=item.submission,
            )
        )
    for late in late_reports(folder, since, as_of, index=index, pricer=pricer):
        due = late.deadline.date()
        out.append(
            Finding(
                point=late.point,
                kind=FindingKind.EMERGENCY_LATE,
                due=due,
                days_overdue=(as_of - due).days,
                fact=late,
                ref=late.submission,
            )
        )
    out.sort(key=Finding.sort_key)
    return out


def upcoming_items(
    folder: Folder,
    as_of: dt.date,
    days: int,
    *,
    index: SubmissionIndex | None = None,
    pricer: Pricer | None = None,
) -> list[Finding]:
    """Solicitations and research/opinion periods falling due in the ``days`` days after
    ``as_of`` and not met as of ``as_of``, in SPEC order, marked ``upcoming``."""
    if days < 1:
        return []
    first = as_of + dt.timedelta(days=1)
    last = as_of + dt.timedelta(days=days)
    obs = obligations(folder, first, last, as_of, index=index, pricer=pricer, unfinished=True)
    out = [_of_obligation(ob, upcoming=True) for ob in obs if ob.status is ObligationStatus.PENDING]
    out.sort(key=Finding.sort_key)
    return out


def _keep(
    items: Iterable[Finding],
    points: Collection[str] | None,
    kinds: Collection[FindingKind] | None,
) -> tuple[Finding, ...]:
    return tuple(
        f
        for f in items
        if (points is None or f.point in points) and (kinds is None or f.kind in kinds)
    )


def overdue_report(
    folder: Folder,
    as_of: dt.date,
    *,
    since: dt.date | None = None,
    point: Point | None = None,
    point_kind: PointKind | None = None,
    kinds: Collection[FindingKind] | None = None,
    soon: int | None = None,
) -> OverdueReport:
    """The findings as of ``as_of`` kept by the filters — one ``point``, points of
    ``point_kind``, finding ``kinds`` — and, with ``soon``, what falls due in that many days."""
    since = since or dt.date(as_of.year, 1, 1)
    index = SubmissionIndex.of(folder.submissions)
    pricer = Pricer(folder)
    chosen: set[str] | None = None
    if point is not None or point_kind is not None:
        chosen = {
            p.id
            for p in folder.points
            if (point is None or p.id == point.id) and (point_kind is None or p.kind is point_kind)
        }
    findings = _keep(
        overdue_findings(folder, as_of, since, index=index, pricer=pricer), chosen, kinds
    )
    upcoming = None
    if soon is not None:
        upcoming = _keep(
            upcoming_items(folder, as_of, soon, index=index, pricer=pricer), chosen, kinds
        )
    named = {f.point for f in (*findings, *(upcoming or ()))}
    return OverdueReport(
        as_of=as_of,
        since=since,
        findings=findings,
        points={p.id: p for p in folder.points},
        upcoming=upcoming,
        soon=soon,
        kinds=None if kinds is None else frozenset(kinds),
        left=left_points(folder.points, named, as_of),
    )


# --- which submission years to read ------------------------------------------------------


def default_since(as_of: dt.date) -> dt.date:
    return dt.date(as_of.year, 1, 1)


def more_years(
    folder: Folder, since: dt.date, as_of: dt.date, soon: int | None = None
) -> range | None:
    """The submission years to read instead of ``folder.years`` when what was read cannot
    settle every finding (see the module docstring); None when it can."""
    if folder.years is None or not folder.years:
        return None
    first_read = min(folder.years)
    start = first_read
    horizon = as_of + dt.timedelta(days=soon or 0)
    for sol in folder.solicitations:
        if since <= sol.due <= horizon and sol.issued <= as_of:
            start = min(start, sol.issued.year)
    read_from = dt.date(first_read, 1, 1)
    with_own = {s.point for s in folder.submissions if s.date <= as_of}
    for p in folder.points:
        if p.id in with_own or not p.holds(Tier.PROVINCIAL, as_of):
            continue
        entered = [
            ev.date
            for ev in p.history
            if ev.tier is Tier.PROVINCIAL
            and ev.event in (HistoryKind.ADMITTED, HistoryKind.REINSTATED)
            and ev.date <= as_of
        ]
        if entered and max(entered) < read_from:
            start = min(start, max(entered).year)
    if start >= first_read:
        return None
    return range(start, max(folder.years) + 1)
