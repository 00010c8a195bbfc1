"""Points passed over for commendation: ranked high enough to be commended but excluded by an
event of the year (``commend_excludes`` in the rule set, e.g. inaccurate information)."""

from __future__ import annotations

from govinfo.rules.annual import Status, YearScore


def passed_over(result: YearScore) -> dict[str, tuple[str, ...]]:
    """Point id → the kinds of its excluding events (in event order, each once), for every
    retained point that would have been commended without them; empty before the year ends.
    Needs only the standings, so a cached result without per-point events serves."""
    if not result.final:
        return {}
    annual = result.annual_rule_set.annual
    commended = [s.rank for s in result.standings if s.status is Status.COMMENDED]
    last_rank = max(commended, default=None)
    room = len(commended) < annual.commend_top
    out: dict[str, tuple[str, ...]] = {}
    for s in result.standings:
        if s.status is not Status.RETAINED or not s.excluded:
            continue
        if room or (last_rank is not None and s.rank <= last_rank):
            out[s.point.id] = s.excluded_by
    return out
