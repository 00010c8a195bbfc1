"""What a point did, or failed to do, outside the periodic obligations: long silences
(``inactive``) and late emergency reports, as the ``overdue`` command lists them (SPEC §2
"Overdue findings as of a day").

Late emergency reports come from :func:`govinfo.rules.pricer.late_report`, the same function
that prices the ``emergency-late`` deduction, so a finding and a deduction cannot disagree.

Readings of SPEC where it leaves room:

* ``inactive`` is judged on as-of alone, not on the ``--since`` window (SPEC ties the other
  four kinds to the window and this one to nothing): a point silent since before the window
  still shows.
* No rule set in force on as-of: no ``inactive`` findings (the requirement does not apply, as
  for periodic requirements).
* "Its latest own submission": the last of the point's own submissions (any category, as
  owner, not as co-submitter) dated on or before as-of in (date, id) order, so that of two on
  the same day the later id — the later in the point's sequence — is the reference.
* "Its latest provincial admitted/reinstated event": the latest dated on or before as-of.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import msgspec

from govinfo.model import Folder, HistoryKind, Point, Submission, Tier
from govinfo.rules.pricer import LateReport, Pricer, SubmissionIndex, late_report


class Inactivity(msgspec.Struct, frozen=True, gc=False, tag=True):
    """A point silent for more than ``limit`` days as of ``as_of``.

    ``reference``: the later of ``last_submission`` and ``entered`` (the latest provincial
    admitted/reinstated event, of kind ``entered_by``); ``submission``: the id of the latest own
    submission when its date is the reference day, else None; ``due`` = reference + limit.
    """

    point: str
    as_of: dt.date
    reference: dt.date
    limit: int
    due: dt.date
    entered: dt.date
    entered_by: HistoryKind
    rule_set: str
    last_submission: dt.date | None = None
    submission: str | None = None

    @property
    def silent_days(self) -> int:
        """Days from the reference day to as-of."""
        return (self.as_of - self.reference).days

    @property
    def days_overdue(self) -> int:
        return (self.as_of - self.due).days


def _entered(point: Point, day: dt.date) -> tuple[dt.date, HistoryKind] | None:
    """The latest provincial admitted/reinstated event dated on or before ``day``."""
    best: tuple[dt.date, HistoryKind] | None = None
    for ev in point.history:
        if (
            ev.tier is Tier.PROVINCIAL
            and ev.event in (HistoryKind.ADMITTED, HistoryKind.REINSTATED)
            and ev.date <= day
            and (best is None or ev.date >= best[0])
        ):
            best = (ev.date, ev.event)
    return best


def inactive_points(
    folder: Folder,
    as_of: dt.date,
    *,
    index: SubmissionIndex | None = None,
    pricer: Pricer | None = None,
) -> list[Inactivity]:
    """Every point holding the provincial tier on ``as_of`` whose reference day lies more than
    ``inactive_days`` (of the set in force on ``as_of``) before it, by point id."""
    pricer = pricer or Pricer(folder)
    rs = pricer.rule_set_on(as_of)
    if rs is None:
        return []
    index = index or SubmissionIndex.of(folder.submissions)
    limit = rs.requirements.inactive_days
    out: list[Inactivity] = []
    for point in folder.points:
        if not point.holds(Tier.PROVINCIAL, as_of):
            continue
        entered = _entered(point, as_of)
        if entered is None:  # cannot happen while the tier is held; kept for safety
            continue
        latest = index.latest_own(point.id, as_of)
        reference = entered[0]
        if latest is not None and latest.date >= reference:
            reference = latest.date
        if (as_of - reference).days <= limit:
            continue
        out.append(
            Inactivity(
                point=point.id,
                as_of=as_of,
                reference=reference,
                limit=limit,
                due=reference + dt.timedelta(days=limit),
                entered=entered[0],
                entered_by=entered[1],
                rule_set=rs.id,
                last_submission=latest.date if latest is not None else None,
                submission=latest.id if latest is not None and latest.date == reference else None,
            )
        )
    return out


def late_reports(
    folder: Folder,
    first_day: dt.date,
    last_day: dt.date,
    *,
    index: SubmissionIndex | None = None,
    pricer: Pricer | None = None,
) -> list[LateReport]:
    """The late emergency reports whose ``reported_at`` falls on ``first_day..last_day``, each
    judged by the rule set in force on its submission's date (as scoring judges it), by
    (point, deadline, submission id). ``last_day`` is as-of. As in scoring, a report made by
    as-of counts even when its submission is dated later (SPEC §2: an event counts "once its
    own date is on or before as-of, whatever the submission's date")."""
    pricer = pricer or Pricer(folder)
    subs: Iterable[Submission] = index.submissions if index is not None else folder.submissions
    out: list[LateReport] = []
    for sub in subs:
        reported = sub.reported_at
        if reported is None or not (first_day <= reported.date() <= last_day):
            continue
        found = late_report(sub, pricer.require_rule_set(sub.date, sub.id))
        if found is not None:
            out.append(found)
    out.sort(key=lambda r: (r.point, r.deadline, r.submission))
    return out
