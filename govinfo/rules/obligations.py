"""Point-level obligations: what a point owes by a day, and whether it delivered (SPEC §2).

Three kinds, each an :class:`Obligation` of its own so that scoring (which charges the missed
ones as deductions) and the ``overdue`` and year-end commands (which list them) read the same
objects:

* ``solicitation`` — a 约稿 addressed to the point (``all``: every point holding the provincial
  tier on ``issued``) that the point owes because it holds the provincial tier on ``due``;
  answered by a submission (own or joint) naming the solicitation.
* ``research`` — a finished quarter in which a point of the listed kinds held the provincial tier
  on every day; answered by its own ``research`` submissions dated in the quarter.
* ``opinion`` — the same per month, answered by its own ``opinion-list`` submissions.

An obligation is built *as of* a day: it knows only answers dated on or before it.

Readings of SPEC where it leaves room:

* Research/opinion obligations exist only for finished periods (last day on or before as-of):
  whether a point held its tier on every day of an unfinished period is not known yet. On
  request (``unfinished=True``, for ``overdue --soon``) unfinished periods are listed too, as
  pending: the point must hold the tier from the period's first day (or as-of, if later) to
  as-of; such obligations are never charged.
* A solicitation issued after as-of is not known and owes nothing yet. For one whose ``due`` is
  after as-of (pending), "holds the provincial tier on ``due``" is judged on as-of.
* A requirement whose ``min`` is 0 still yields (always met) obligations.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from enum import StrEnum

import msgspec

from govinfo.model import Folder, SourceRef, Tier
from govinfo.rules.calendar import months, quarters
from govinfo.rules.events import (
    OPINION_MISSING,
    RESEARCH_MISSING,
    SOLICITATION_MISSED,
    Detail,
    Event,
    deduction_event,
)
from govinfo.rules.pricer import Pricer, SubmissionIndex


class ObligationKind(StrEnum):
    SOLICITATION = "solicitation"
    RESEARCH = "research"
    OPINION = "opinion"


class ObligationStatus(StrEnum):
    MET = "met"  # enough answers dated on or before due
    LATE = "late"  # due has passed, answered only after due (still charged in scoring)
    MISSED = "missed"  # due has passed (or is today), no answer at all yet
    PENDING = "pending"  # due is after as-of and not met yet


_DEDUCTION = {
    ObligationKind.SOLICITATION: SOLICITATION_MISSED,
    ObligationKind.RESEARCH: RESEARCH_MISSING,
    ObligationKind.OPINION: OPINION_MISSING,
}
_CATEGORY = {ObligationKind.RESEARCH: "research", ObligationKind.OPINION: "opinion-list"}


class Answer(msgspec.Struct, frozen=True, gc=False):
    submission: str
    date: dt.date


class Obligation(msgspec.Struct, frozen=True, gc=False, tag=True):
    """One thing a point owes.

    ``start``: the solicitation's ``issued`` or the period's first day; ``due``: the
    solicitation's ``due`` or the period's last day; ``period``: ``2003-Q1`` / ``2003-02`` (None
    for solicitations); ``ref``: the solicitation id (None for periods); ``required``: how many
    answers meet it (1, or the requirement's ``min``); ``answers``: the answering submissions
    dated on or before ``as_of``, by (date, id); ``rule_set``/``price``: the set in force on
    ``due`` and its deduction for a miss (None when no set is in force); ``source``: the
    solicitation's record.
    """

    kind: ObligationKind
    point: str
    start: dt.date
    due: dt.date
    as_of: dt.date
    required: int
    answers: tuple[Answer, ...]
    period: str | None = None
    ref: str | None = None
    topic: str | None = None
    rule_set: str | None = None
    price: Decimal | None = None
    source: SourceRef | None = None

    @property
    def deduction_name(self) -> str:
        return _DEDUCTION[self.kind]

    def answered_by(self, day: dt.date) -> int:
        """How many known answers are dated on or before ``day``."""
        return sum(1 for a in self.answers if a.date <= day)

    @property
    def finished(self) -> bool:
        """Whether ``due`` is on or before as-of."""
        return self.due <= self.as_of

    @property
    def charged(self) -> bool:
        """Scoring charges a deduction: due has passed and it was not met by ``due``."""
        return self.finished and self.answered_by(self.due) < self.required

    @property
    def outstanding(self) -> bool:
        """Still not met as of as-of although due has passed (the ``overdue`` findings)."""
        return self.finished and self.answered_by(self.as_of) < self.required

    @property
    def days_overdue(self) -> int:
        return (self.as_of - self.due).days

    @property
    def status(self) -> ObligationStatus:
        if self.answered_by(self.due) >= self.required:
            return ObligationStatus.MET
        if not self.finished:
            return ObligationStatus.PENDING
        if self.answered_by(self.as_of) >= self.required:
            return ObligationStatus.LATE
        return ObligationStatus.MISSED

    def sort_key(self) -> tuple[str, str, dt.date, str]:
        return (self.point, self.kind.value, self.due, self.period or self.ref or "")


def obligations(
    folder: Folder,
    first_day: dt.date,
    last_day: dt.date,
    as_of: dt.date,
    *,
    kinds: Iterable[ObligationKind] | None = None,
    index: SubmissionIndex | None = None,
    pricer: Pricer | None = None,
    unfinished: bool = False,
) -> list[Obligation]:
    """Every obligation of every point whose ``due`` falls in ``first_day..last_day``, as known
    on ``as_of``, sorted by (point, kind, due, period or ref).

    Research and opinion obligations come only for periods finished by ``as_of`` unless
    ``unfinished`` (then also those ending after it, judged on what is known on ``as_of``);
    solicitations only when issued on or before ``as_of``. Pass ``index``/``pricer`` to reuse
    ones already built for the same folder.
    """
    wanted = set(kinds) if kinds is not None else set(ObligationKind)
    index = index or SubmissionIndex.of(folder.submissions)
    pricer = pricer or Pricer(folder)
    out: list[Obligation] = []
    if ObligationKind.SOLICITATION in wanted:
        out.extend(_solicitations(folder, first_day, last_day, as_of, index, pricer))
    periodic_last = last_day if unfinished else min(last_day, as_of)
    if ObligationKind.RESEARCH in wanted:
        out.extend(
            _periodic(
                folder, ObligationKind.RESEARCH, first_day, periodic_last, as_of, index, pricer
            )
        )
    if ObligationKind.OPINION in wanted:
        out.extend(
            _periodic(
                folder, ObligationKind.OPINION, first_day, periodic_last, as_of, index, pricer
            )
        )
    out.sort(key=Obligation.sort_key)
    return out


def _solicitations(
    folder: Folder,
    first_day: dt.date,
    last_day: dt.date,
    as_of: dt.date,
    index: SubmissionIndex,
    pricer: Pricer,
) -> Iterable[Obligation]:
    for sol in folder.solicitations:
        if not (first_day <= sol.due <= last_day) or sol.issued > as_of:
            continue
        judged_on = min(sol.due, as_of)
        addressed = (
            sol.points
            if sol.points is not None
            else tuple(p.id for p in folder.points if p.holds(Tier.PROVINCIAL, sol.issued))
        )
        rs = pricer.rule_set_on(sol.due)
        price = rs.deduction(SOLICITATION_MISSED) if rs is not None else None
        # Answers by participant, built once per solicitation (an `all` notice to 2,000
        # points must not scan every answer for every point).
        answers_of: dict[str, list[Answer]] = {}
        for s in index.by_solicitation.get(sol.id, ()):
            if s.date <= as_of:
                answer = Answer(s.id, s.date)
                for participant in (s.point, *s.co_submitters):
                    answers_of.setdefault(participant, []).append(answer)
        seen: set[str] = set()
        for point_id in addressed:
            if point_id in seen:
                continue
            seen.add(point_id)
            point = pricer.points.get(point_id)
            if point is None or not point.holds(Tier.PROVINCIAL, judged_on):
                continue
            answers = tuple(answers_of.get(point_id, ()))
            yield Obligation(
                kind=ObligationKind.SOLICITATION,
                point=point_id,
                start=sol.issued,
                due=sol.due,
                as_of=as_of,
                required=1,
                answers=answers,
                ref=sol.id,
                topic=sol.topic,
                rule_set=rs.id if rs is not None else None,
                price=price,
                source=sol.source,
            )


def _periodic(
    folder: Folder,
    kind: ObligationKind,
    first_day: dt.date,
    last_day: dt.date,
    as_of: dt.date,
    index: SubmissionIndex,
    pricer: Pricer,
) -> Iterable[Obligation]:
    category = _CATEGORY[kind]
    periods = (
        quarters(first_day, last_day)
        if kind is ObligationKind.RESEARCH
        else months(first_day, last_day)
    )
    for label, start, end in periods:
        rs = pricer.rule_set_on(end)
        if rs is None:
            continue  # no set in force: the requirement does not apply
        req = (
            rs.requirements.research_per_quarter
            if kind is ObligationKind.RESEARCH
            else rs.requirements.opinion_list_per_month
        )
        if req is None:
            continue
        price = rs.deduction(_DEDUCTION[kind])
        for point in folder.points:
            if point.kind not in req.kinds:
                continue
            # An unfinished period: known only up to as-of.
            if not point.holds_throughout(Tier.PROVINCIAL, min(start, as_of), min(end, as_of)):
                continue
            answers = tuple(
                Answer(s.id, s.date)
                for s in index.own_between(point.id, category, start, min(end, as_of))
            )
            yield Obligation(
                kind=kind,
                point=point.id,
                start=start,
                due=end,
                as_of=as_of,
                required=req.min,
                answers=answers,
                period=label,
                rule_set=rs.id,
                price=price,
            )


def charged_events(items: Iterable[Obligation], pricer: Pricer) -> list[Event]:
    """The deduction events of the charged obligations among ``items`` (dated ``due``, owner
    only, priced by the set in force on ``due``)."""
    out: list[Event] = []
    for ob in items:
        if not ob.charged:
            continue
        if ob.price is None:
            pricer.require_rule_set(ob.due, ob.ref or ob.period or ob.point)
        price = ob.price if ob.price is not None else Decimal(0)
        src = ob.source
        detail = (
            Detail(ref=ob.ref, value=price)
            if ob.kind is ObligationKind.SOLICITATION
            else Detail(
                period=ob.period,
                required=ob.required,
                found=ob.answered_by(ob.due),
                value=price,
            )
        )
        out.append(
            deduction_event(
                point=ob.point,
                kind=ob.deduction_name,
                date=ob.due,
                amount=price,
                rule_set=ob.rule_set,
                detail=detail,
                position=(src.path, src.line, src.col) if src is not None else ("", 0, 0),
            )
        )
    return out
