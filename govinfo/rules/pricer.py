"""Records → events: the :class:`Pricer` prices submissions and adjustments of one folder by the
rule set in force on their day (SPEC §2), :func:`late_report` judges an emergency report, and
:class:`SubmissionIndex` finds a point's submissions by day. The events themselves, their kinds
and order are in :mod:`govinfo.rules.events`; the readings of SPEC are listed there."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal
from operator import attrgetter

import msgspec

from govinfo.errors import NoRuleSetError, UnknownPublicationError
from govinfo.model import (
    Adjustment,
    AdjustmentKind,
    Category,
    Flag,
    Folder,
    Point,
    RuleSet,
    Solicitation,
    Submission,
    Tier,
    rule_set_on,
)
from govinfo.rules.events import (
    ADOPTION,
    EMERGENCY_LATE,
    INACCURATE,
    INSTRUCTION,
    MAX_LAG,
    ONE,
    SOLICITED_ON_TIME,
    ZERO,
    Detail,
    Event,
    deduction_event,
    event_key,
    round_points,
)


def _shared(
    participants: Sequence[str],
    date: dt.date,
    kind: str,
    points: Decimal,
    detail: Detail,
    key: tuple[dt.date, int, str, str, int, int, int, int],
    sub: Submission,
    rs: RuleSet,
) -> list[Event]:
    """One event per participant of ``sub`` (the owner and every co-submitter), each worth
    its share ``points``."""
    return [
        Event(
            date=date,
            point=point,
            kind=kind,
            points=points,
            detail=detail,
            key=key,
            submission=sub.id,
            rule_set=rs.id,
        )
        for point in participants
    ]


class Pricer:
    """Turns records of one folder into events. Build once per folder and reuse: it caches the
    rule set of each day, the points by id and the solicitations by id."""

    def __init__(self, folder: Folder) -> None:
        self.folder = folder
        self.points: dict[str, Point] = {p.id: p for p in folder.points}
        self.solicitations: dict[str, Solicitation] = {s.id: s for s in folder.solicitations}
        self._rule_sets = folder.rule_sets
        self._by_day: dict[dt.date, RuleSet | None] = {}
        self._addressed: dict[tuple[str, str], bool] = {}

    def rule_set_on(self, day: dt.date) -> RuleSet | None:
        try:
            return self._by_day[day]
        except KeyError:
            found = self._by_day[day] = rule_set_on(self._rule_sets, day)
            return found

    def require_rule_set(self, day: dt.date, what: str) -> RuleSet:
        """The set in force on ``day``; a :class:`NoRuleSetError` naming ``what`` when there is none."""
        rs = self.rule_set_on(day)
        if rs is None:
            raise NoRuleSetError(day, what)
        return rs

    def addresses(self, solicitation: Solicitation, point_id: str) -> bool:
        """Whether ``solicitation`` is addressed to ``point_id`` (``all``: every point holding the
        provincial tier on ``issued``)."""
        if solicitation.points is not None:
            return point_id in solicitation.points
        cache_key = (solicitation.id, point_id)
        found = self._addressed.get(cache_key)
        if found is None:
            point = self.points.get(point_id)
            found = point is not None and point.holds(Tier.PROVINCIAL, solicitation.issued)
            self._addressed[cache_key] = found
        return found

    def multiplier(self, sub: Submission, rs: RuleSet) -> tuple[Decimal, str | None]:
        """The largest of the category's multiplier, ``solicited_on_time`` (when it applies) and 1,
        with the name of the one chosen (None for 1)."""
        best, why = ONE, None
        cat = rs.multipliers.get(sub.category)  # a StrEnum: looks up as its value
        if cat is not None and cat > best:
            best, why = cat, str(sub.category.value)
        if sub.solicitation is not None:
            sol = self.solicitations.get(sub.solicitation)
            if sol is not None and sub.date <= sol.due and self.addresses(sol, sub.point):
                on_time = rs.multipliers.get(SOLICITED_ON_TIME)
                if on_time is not None and on_time > best:
                    best, why = on_time, SOLICITED_ON_TIME
        return best, why

    def submission_events(self, sub: Submission) -> list[Event]:
        """Every event ``sub`` gives rise to, whatever its date, in no particular order."""
        rs = self.require_rule_set(sub.date, sub.id)
        out: list[Event] = []
        participants = sub.participants() if sub.co_submitters else (sub.point,)
        path, line, col = sub.source.path, sub.source.line, sub.source.col
        if sub.adoptions:
            self._adoption_events(sub, rs, participants, out)
        if sub.instructions:
            self._instruction_events(sub, rs, participants, out)
        late = late_report(sub, rs)
        if late is not None:
            price = rs.deduction(EMERGENCY_LATE)
            out.append(
                deduction_event(
                    point=sub.point,
                    kind=EMERGENCY_LATE,
                    date=late.reported_at.date(),
                    amount=price,
                    rule_set=rs.id,
                    detail=Detail(minutes=late.minutes, limit=late.limit, value=price),
                    submission=sub.id,
                    position=(path, line, col),
                )
            )
        if Flag.INACCURATE in sub.flags:
            price = rs.deduction(INACCURATE)
            out.append(
                deduction_event(
                    point=sub.point,
                    kind=INACCURATE,
                    date=sub.date,
                    amount=price,
                    rule_set=rs.id,
                    detail=Detail(value=price),
                    submission=sub.id,
                    position=(path, line, col),
                )
            )
        return out

    def _adoption_events(
        self, sub: Submission, rs: RuleSet, participants: Sequence[str], out: list[Event]
    ) -> None:
        multiplier, why = self.multiplier(sub, rs)
        shares = len(participants)
        highest = rs.stacking.same_level != "sum"
        adoptions = sub.adoptions
        order: Iterable[int] = range(len(adoptions))
        if highest and len(adoptions) > 1:
            # date order, ties in list order (sorted is stable)
            order = sorted(order, key=lambda i: adoptions[i].date)
        best: dict[str, Decimal] = {}
        src = sub.source
        for i in order:
            adoption = adoptions[i]
            pub = rs.publications.get(adoption.publication)
            if pub is None:
                raise UnknownPublicationError(adoption.publication, sub.id)
            value = pub.value(adoption.mode)
            if highest:
                so_far = best.get(pub.level, ZERO)
                if value > so_far:
                    rise = value - so_far
                    best[pub.level] = value
                else:
                    rise = ZERO
            else:
                rise = value
            amount = rise
            if multiplier != ONE:
                amount = amount * multiplier
            if shares != 1:
                amount = amount / shares
            points = round_points(amount)
            detail = Detail(
                publication=pub.id,
                publication_name=pub.name,
                level=pub.level,
                mode=adoption.mode,
                value=value,
                rise=rise,
                multiplier=multiplier,
                multiplier_reason=why,
                shares=shares,
            )
            key = event_key(adoption.date, ADOPTION, sub.id, src.path, src.line, src.col, i)
            out += _shared(participants, adoption.date, ADOPTION, points, detail, key, sub, rs)

    def _instruction_events(
        self, sub: Submission, rs: RuleSet, participants: Sequence[str], out: list[Event]
    ) -> None:
        shares = len(participants)
        highest = rs.stacking.instructions == "highest"
        instructions = sub.instructions
        order: Iterable[int] = range(len(instructions))
        if highest and len(instructions) > 1:
            order = sorted(order, key=lambda i: instructions[i].date)
        best = ZERO
        src = sub.source
        for i in order:
            ins = instructions[i]
            value = rs.instructions.get(ins.rank, ZERO)
            if highest:
                if value > best:
                    rise = value - best
                    best = value
                else:
                    rise = ZERO
            else:
                rise = value
            points = round_points(rise / shares if shares != 1 else rise)
            detail = Detail(leader=ins.leader, rank=ins.rank, value=value, rise=rise, shares=shares)
            key = event_key(ins.date, INSTRUCTION, sub.id, src.path, src.line, src.col, i)
            out += _shared(participants, ins.date, INSTRUCTION, points, detail, key, sub, rs)

    def adjustment_event(self, adj: Adjustment) -> Event:
        """The event of ``adj``: ``-|points|`` when given (``manual``: as written), else the
        kind's deduction in the set in force on its date."""
        rs = self.rule_set_on(adj.date)
        kind = adj.kind.value
        if adj.points is not None:
            amount = adj.points
        elif adj.kind is AdjustmentKind.MANUAL:
            amount = ZERO  # a manual adjustment without points is an error check reports
        else:
            amount = self.require_rule_set(adj.date, adj.id).deduction(kind)
        return deduction_event(
            point=adj.point,
            kind=kind,
            date=adj.date,
            amount=amount,
            rule_set=rs.id if rs is not None else None,
            detail=Detail(adjustment=adj.id, reason=adj.reason, value=amount),
            submission=adj.submission,
            position=(adj.source.path, adj.source.line, adj.source.col),
        )


class LateReport(msgspec.Struct, frozen=True, gc=False, tag=True):
    """An emergency reported later than its rule set allows: ``minutes`` from ``occurred_at``
    to ``reported_at`` (strictly more than ``limit``), ``deadline`` = occurred_at + limit."""

    submission: str
    point: str
    occurred_at: dt.datetime
    reported_at: dt.datetime
    minutes: int
    limit: int
    deadline: dt.datetime
    rule_set: str


def late_report(sub: Submission, rs: RuleSet) -> LateReport | None:
    """Whether ``sub`` (judged by ``rs``, the set in force on its date) was reported late; the
    ``emergency-late`` deduction of scoring and the finding of ``overdue`` both come from here."""
    if sub.occurred_at is None or sub.reported_at is None:
        return None
    delay = sub.reported_at - sub.occurred_at
    limit = rs.emergency_deadline_minutes
    allowed = dt.timedelta(minutes=limit)
    if delay <= allowed:
        return None
    return LateReport(
        submission=sub.id,
        point=sub.point,
        occurred_at=sub.occurred_at,
        reported_at=sub.reported_at,
        minutes=int(delay.total_seconds() // 60),
        limit=limit,
        deadline=sub.occurred_at + allowed,
        rule_set=rs.id,
    )


def could_score_after(sub: Submission, day: dt.date) -> bool:
    """Whether ``sub`` can give rise to an event dated on or after ``day`` (a cheap test that
    lets a year's scoring skip most of the previous year's submissions)."""
    if sub.date >= day:
        return True
    for a in sub.adoptions:
        if a.date >= day:
            return True
    for i in sub.instructions:
        if i.date >= day:
            return True
    return sub.reported_at is not None and sub.reported_at.date() >= day


class SubmissionIndex:
    """The folder's submissions indexed once: by date (for range scans), by owner, by
    participant (owner or co-submitter), by owner and category, and by solicitation.

    ``off_day_reports`` are the submissions whose ``reported_at`` day lies before their date or
    more than :data:`MAX_LAG` after it: their ``emergency-late`` event falls outside the date
    window a year's scan reads, so the scan must look at them on their own.
    """

    @classmethod
    def of(cls, submissions: Sequence[Submission]) -> SubmissionIndex:
        """The index of ``submissions``, built once for the same tuple: a run that scores a
        year, lists its obligations and reports on it over one folder (three indexes of
        ``folder.submissions`` in a ``report``) indexes it once. A list is indexed anew (it
        could change between calls)."""
        global _LAST
        if type(submissions) is not tuple:
            return cls(submissions)
        last = _LAST
        if last is not None and last[0] is submissions:
            return last[1]
        index = cls(submissions)
        _LAST = (submissions, index)
        return index

    def __init__(self, submissions: Sequence[Submission]) -> None:
        subs = list(submissions)
        if any(subs[i].date > subs[i + 1].date for i in range(len(subs) - 1)):
            # (date, id) order: by id, then (stably) by date — two sorts on one attribute
            # each take less than half the time of one on a pair built per submission
            subs.sort(key=attrgetter("id"))
            subs.sort(key=attrgetter("date"))
        self.submissions: list[Submission] = subs
        self.dates: list[dt.date] = [s.date for s in subs]
        self._oc_subs: dict[tuple[str, str], list[Submission]] = {}
        self._oc_dates: dict[tuple[str, str], list[dt.date]] = {}
        self.by_solicitation: dict[str, list[Submission]] = {}
        self.off_day_reports: list[Submission] = []
        oc_subs, oc_dates, by_sol = self._oc_subs, self._oc_dates, self.by_solicitation
        for s in subs:
            if s.reported_at is not None:
                lag = s.reported_at.date() - s.date
                if lag.days < 0 or lag > MAX_LAG:
                    self.off_day_reports.append(s)
            # Category is a StrEnum: it hashes and compares as its value, and is faster to use
            key = (s.point, s.category)
            found = oc_subs.get(key)
            if found is None:
                oc_subs[key] = [s]
                oc_dates[key] = [s.date]
            else:
                found.append(s)
                oc_dates[key].append(s.date)
            if s.solicitation is not None:
                by_sol.setdefault(s.solicitation, []).append(s)

    def between(self, first: dt.date, last: dt.date) -> list[Submission]:
        """Submissions dated ``first..last`` (both included), in (date, id) order."""
        lo = bisect.bisect_left(self.dates, first)
        hi = bisect.bisect_right(self.dates, last)
        return self.submissions[lo:hi]

    def latest_own(self, point: str, day: dt.date) -> Submission | None:
        """``point``'s own submission dated on or before ``day`` that is last in (date, id)
        order, whatever its category; None when it has none."""
        best: Submission | None = None
        for category in Category:
            dates = self._oc_dates.get((point, category))
            if not dates:
                continue
            i = bisect.bisect_right(dates, day)
            if i:
                found = self._oc_subs[(point, category)][i - 1]
                if best is None or (found.date, found.id) > (best.date, best.id):
                    best = found
        return best

    def own_between(
        self, point: str, category: str, first: dt.date, last: dt.date
    ) -> list[Submission]:
        """``point``'s own submissions of ``category`` dated ``first..last``, by (date, id)."""
        dates = self._oc_dates.get((point, category))
        if not dates:
            return []
        lo = bisect.bisect_left(dates, first)
        hi = bisect.bisect_right(dates, last)
        return self._oc_subs[(point, category)][lo:hi]


# The last tuple indexed by SubmissionIndex.of, and its index.
_LAST: tuple[tuple[Submission, ...], SubmissionIndex] | None = None
