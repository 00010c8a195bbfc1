"""Turns a :class:`Scenario` into a data folder, streaming.

Per year: the solicitation notices and who answers them, the periodic obligations (quarterly
research, monthly opinion lists) and the number of free items per point and month are planned
first — small tables, a few integers per point-month. Then each point-month's records are drawn
with an RNG of their own (seeded by seed, year, point and month, so the result never depends on
the order of generation), handed on as the text of ``submissions/<year>/<point>/<MM>.yaml`` and
dropped. At no time is more than one file's text held in memory. This module writes nothing:
:func:`folder_files` yields the files, and the caller writes them through the store. Planning is
:mod:`govinfo.demo.planning`, one point-month :mod:`govinfo.demo.month`.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass, field

from govinfo.defaults import SETTINGS_FILE
from govinfo.demo.context import Context, Notice
from govinfo.demo.month import month_records
from govinfo.demo.plan import Period, Scenario
from govinfo.demo.planning import (
    allocate,
    apply_lapses,
    plan_answers,
    plan_notices,
    plan_obligations,
)
from govinfo.yamltext.emit import emit_list, emit_mapping


@dataclass
class GenerateResult:
    """What was written: file and record counts (for the CLI's closing line)."""

    files: int = 0
    points: int = 0
    submissions: int = 0
    solicitations: int = 0
    adjustments: int = 0
    by_year: dict[int, int] = field(default_factory=dict)


# --- the whole folder -------------------------------------------------------------------------


def folder_files(scenario: Scenario, result: GenerateResult) -> Iterator[tuple[str, str]]:
    """The scenario's folder as (path relative to the folder, text) pairs, one file at a time, so
    that a folder of any size streams; ``result`` counts what was produced as it goes. Writing
    them is the caller's business (through the store's atomic writer)."""
    result.points = len(scenario.points)
    yield SETTINGS_FILE, emit_mapping(scenario.settings)
    yield "points.yaml", emit_list(p.record() for p in scenario.points)
    if scenario.notice is not None:
        yield "notice.yaml", scenario.notice
        result.files += 1
    for rule in scenario.rules:
        yield f"rules/{rule.id}.yaml", rule.text
    result.files += 2 + len(scenario.rules)
    ctx = Context(scenario)
    for period in scenario.periods:
        yield from _period_files(ctx, period, result)


def _period_files(
    ctx: Context, period: Period, result: GenerateResult
) -> Iterator[tuple[str, str]]:
    sc = ctx.sc
    year = period.year
    rng = random.Random(f"{sc.seed}/plan/{year}")
    notices = plan_notices(ctx, period, rng)
    if notices:
        yield f"solicitations/{year}.yaml", emit_list(_notice_record(n) for n in notices)
        result.files += 1
        result.solicitations += len(notices)
    forced = plan_answers(ctx, notices, rng)
    plan_obligations(ctx, period, forced, rng)
    free = allocate(ctx, period, forced, rng)
    apply_lapses(ctx, forced)

    firsts: dict[tuple[str, int], tuple[str, dt.date]] = {}
    written = 0
    for p in sc.points:
        seq = 0
        recent: set[str] = set()
        for month in range(period.first, period.last + 1):
            items = forced.get((p.id, month), [])
            n_free = free.get((p.id, month), 0)
            if not items and not n_free:
                continue
            mrng = random.Random(f"{sc.seed}/{year}/{p.id}/{month}")
            records, seq = month_records(
                ctx, p, year, month, items, n_free, mrng, seq, recent, firsts
            )
            if not records:
                continue
            yield f"submissions/{year}/{p.id}/{month:02d}.yaml", emit_list(records)
            result.files += 1
            written += len(records)
    result.submissions += written
    result.by_year[year] = result.by_year.get(year, 0) + written

    adjustments = sc.adjustments(year, firsts)
    if adjustments:
        yield f"adjustments/{year}.yaml", emit_list(adjustments)
        result.files += 1
        result.adjustments += len(adjustments)


def _notice_record(n: Notice) -> dict[str, object]:
    return {
        "id": n.id,
        "issued": n.issued,
        "due": n.due,
        "topic": n.topic,
        "points": "all" if n.points is None else list(n.points),
    }
