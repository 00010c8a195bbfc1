"""Builders for scoring tests: model objects made directly in Python, short to write."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal
from typing import Any

from govinfo.model import (
    Adjustment,
    AdjustmentKind,
    Adoption,
    Annual,
    Category,
    Flag,
    Folder,
    HistoryEvent,
    HistoryKind,
    Instruction,
    Level,
    Mode,
    Point,
    PointKind,
    Publication,
    Rank,
    Requirement,
    Requirements,
    RuleSet,
    Settings,
    Solicitation,
    SourceRef,
    Stacking,
    Submission,
    Tier,
)

_lines = itertools.count(1)


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def dtm(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def src(path: str = "t.yaml") -> SourceRef:
    return SourceRef(path, next(_lines), 3)


def D(text: str | int) -> Decimal:
    return Decimal(str(text))


def pub(pid: str, name: str, level: str, single: str, combined: str) -> Publication:
    return Publication(pid, name, Level(level), D(single), D(combined))


STD_PUBLICATIONS = {
    "gb": pub("gb", "国务院办公厅信息刊物", "national", "6", "3"),
    "zb": pub("zb", "《专报》", "provincial", "3", "1.5"),
    "zwxx": pub("zwxx", "《吉林政务信息》", "provincial", "1", "0.5"),
    "mryq": pub("mryq", "《每日要情》", "provincial", "1", "0.5"),
    "yqzb": pub("yqzb", "《舆论监督与群众意见建议专报》", "provincial", "2", "1"),
}
STD_DEDUCTIONS = {
    "solicitation-missed": D(2),
    "research-quarter-missing": D(1),
    "opinion-month-missing": D("0.5"),
    "emergency-late": D(1),
    "emergency-omitted": D(2),
    "emergency-concealed": D(5),
    "inaccurate": D(3),
}
STD_REQUIREMENTS = Requirements(
    research_per_quarter=Requirement((PointKind.CITY, PointKind.DEPARTMENT), 1),
    opinion_list_per_month=Requirement((PointKind.CITY,), 1),
    inactive_days=30,
)
NO_REQUIREMENTS = Requirements()


def rules(
    rid: str = "std",
    effective: str = "2000-01-01",
    *,
    publications: dict[str, Publication] | None = None,
    same_level: str = "highest",
    instructions_stacking: str = "sum",
    multipliers: dict[str, str] | None = None,
    requirements: Requirements = NO_REQUIREMENTS,
    annual: Annual | None = None,
    **kw: Any,
) -> RuleSet:
    mult = multipliers or {"research": "2", "problem": "1.5", "solicited_on_time": "1.5"}
    return RuleSet(
        id=rid,
        title=rid,
        effective_from=d(effective),
        publications=publications or dict(STD_PUBLICATIONS),
        instructions={
            Rank.STATE_COUNCIL: D(10),
            Rank.GOVERNOR: D(3),
            Rank.PROVINCIAL_LEADER: D(2),
        },
        source=SourceRef(f"rules/{rid}.yaml", 1, 1),
        stacking=Stacking(same_level=same_level, instructions=instructions_stacking),
        multipliers={k: D(v) for k, v in mult.items()},
        deductions=dict(STD_DEDUCTIONS),
        requirements=requirements,
        annual=annual or Annual(commend_excludes=("inaccurate", "emergency-concealed")),
        **kw,
    )


def point(
    pid: str,
    kind: str = "county",
    admitted: str = "2000-01-01",
    *more: tuple[str, str],
    name: str | None = None,
    short: str | None = None,
) -> Point:
    """A point admitted to the provincial tier on ``admitted``; ``more`` adds (date, event)."""
    history = [HistoryEvent(d(admitted), HistoryKind.ADMITTED)]
    history += [HistoryEvent(d(day), HistoryKind(ev)) for day, ev in more]
    return Point(
        id=pid,
        name=name or f"{pid}全称",
        kind=PointKind(kind),
        tiers=(Tier.PROVINCIAL,),
        history=tuple(history),
        source=SourceRef("points.yaml", next(_lines), 3),
        short=short or pid,
    )


def ad(publication: str, date: str, mode: str = "single") -> Adoption:
    return Adoption(publication, d(date), Mode(mode))


def ins(rank: str, date: str, leader: str = "洪虎") -> Instruction:
    return Instruction(leader, Rank(rank), d(date))


def sub(
    sid: str,
    owner: str,
    date: str,
    category: str = "general",
    *,
    adoptions: tuple[Adoption, ...] = (),
    instructions: tuple[Instruction, ...] = (),
    co: tuple[str, ...] = (),
    solicitation: str | None = None,
    occurred: str | None = None,
    reported: str | None = None,
    inaccurate: bool = False,
    secret: bool = False,
    title: str | None = None,
) -> Submission:
    from govinfo.model import Classification

    day = d(date)
    return Submission(
        id=sid,
        point=owner,
        date=day,
        title=title or f"{sid} 标题",
        category=Category(category),
        source=SourceRef(f"submissions/{day.year}/{owner}/{day.month:02d}.yaml", next(_lines), 3),
        co_submitters=co,
        solicitation=solicitation,
        occurred_at=dtm(occurred) if occurred else None,
        reported_at=dtm(reported) if reported else None,
        classification=Classification.SECRET if secret else Classification.INTERNAL,
        adoptions=adoptions,
        instructions=instructions,
        flags=(Flag.INACCURATE,) if inaccurate else (),
    )


def solicitation(sid: str, issued: str, due: str, points: tuple[str, ...] | None) -> Solicitation:
    return Solicitation(
        id=sid,
        issued=d(issued),
        due=d(due),
        topic=f"{sid} 约稿",
        source=SourceRef(f"solicitations/{d(issued).year}.yaml", next(_lines), 3),
        points=points,
    )


def adjustment(
    aid: str,
    owner: str,
    date: str,
    kind: str,
    points: str | None = None,
    submission: str | None = None,
) -> Adjustment:
    return Adjustment(
        id=aid,
        point=owner,
        date=d(date),
        kind=AdjustmentKind(kind),
        reason=f"{aid} 原因",
        source=SourceRef(f"adjustments/{d(date).year}.yaml", next(_lines), 3),
        points=D(points) if points is not None else None,
        submission=submission,
    )


def folder(
    points: list[Point],
    subs: list[Submission] | tuple[Submission, ...] = (),
    *,
    rule_sets: tuple[RuleSet, ...] | None = None,
    solicitations: tuple[Solicitation, ...] = (),
    adjustments: tuple[Adjustment, ...] = (),
) -> Folder:
    return Folder(
        settings=Settings(),
        points=tuple(sorted(points, key=lambda p: p.id)),
        rule_sets=tuple(sorted(rule_sets or (rules(),), key=lambda r: r.effective_from)),
        solicitations=solicitations,
        adjustments=adjustments,
        submissions=tuple(sorted(subs, key=lambda s: (s.date, s.id))),
    )
