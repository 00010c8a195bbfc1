"""Report data turned into sentences, in the current language: what a scoring event is (the
``detail`` of ``explain``), what an overdue finding is (the ``detail`` of ``overdue``), periods
and spans of days. The JSON outputs carry these texts too (SPEC §3), so they are built here, from
the structured rows the reports return, and nowhere else."""

from __future__ import annotations

import re
from decimal import Decimal

from govinfo.i18n import t
from govinfo.model import HistoryKind
from govinfo.reports.numbers import tidy
from govinfo.reports.overdue import Finding
from govinfo.rules.activity import Inactivity
from govinfo.rules.events import ADOPTION, INSTRUCTION, ONE, Event
from govinfo.rules.obligations import Obligation, ObligationKind
from govinfo.rules.pricer import LateReport


def sentence_start(text: str) -> str:
    """``text`` as a table cell or a sentence begins it: its first letter upper-case (“Governor”;
    Chinese as it is)."""
    return text[:1].upper() + text[1:]


# An issue written the usual way, 第119期 (spaces allowed around the number).
ISSUE_NUMBER = re.compile(r"第\s*(\d+)\s*期")


def issue_text(issue: str | None) -> str:
    """One issue as the tables show it: 第140期 (in English “no. 140”); an issue not written
    第N期 as written."""
    m = ISSUE_NUMBER.fullmatch((issue or "").strip())
    return t("pr_issue_number", number=int(m[1])) if m else issue or ""


def issue_cell(publication: str, issue: str | None) -> str:
    """A publication with the issue that carried an item: “《吉林政务信息》（第119期）”, in English
    “《吉林政务信息》 (no. 119)” — the issue in the tables' words (:func:`issue_text`); the name
    is data, as written."""
    return (
        t("cell_publication_issue", publication=publication, issue=issue_text(issue))
        if issue
        else publication
    )


def leader_cell(rank: str, leader: str | None) -> str:
    """Who gave an instruction: “省长（洪虎）”, “Governor (洪虎)” — or the leader alone where
    the record names the rank already (“国务院领导同志”, not “国务院领导（国务院领导同志）”)."""
    words = sentence_start(t(f"rank_{rank}"))
    if not leader:
        return words
    if leader.startswith(t(f"rank_{rank}")):
        return leader
    return t("cell_rank_leader", rank=words, leader=leader)


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


def days_words(n: int) -> str:
    """“12 天” / “12 days”, “1 day”."""
    return t("od_day" if abs(n) == 1 else "od_days", n=abs(n))


def late_span(minutes: int) -> str:
    """“31 分钟”, “2 小时 5 分钟”, “3 小时”: how far past its limit a report came."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return t("od_minutes", n=rest)
    if not rest:
        return t("od_hours", n=hours)
    return t("od_hours_minutes", h=hours, m=rest)


def when_words(days_overdue: int) -> str:
    """“逾期 12 天”, “今日到期”, “3 天后到期”."""
    if days_overdue > 0:
        return t("od_when_late", days=days_words(days_overdue))
    if days_overdue == 0:
        return t("od_when_today")
    return t("od_when_soon", days=days_words(days_overdue))


def _obligation_words(ob: Obligation, upcoming: bool) -> str:
    n = ob.days_overdue
    if ob.kind is ObligationKind.SOLICITATION:
        if upcoming:
            return t("od_solicitation_soon", topic=ob.topic, days=days_words(n))
        if n == 0:
            return t("od_solicitation_today", topic=ob.topic)
        return t("od_solicitation_late", topic=ob.topic, days=days_words(n))
    stem = "od_research" if ob.kind is ObligationKind.RESEARCH else "od_opinion"
    return t(
        f"{stem}_soon" if upcoming else stem,
        period=period_words(ob.period or ""),
        required=ob.required,
        found=ob.answered_by(ob.due),
        when=when_words(n),
    )


def _inactive_words(item: Inactivity) -> str:
    if item.submission is not None:
        return t(
            "od_inactive_since_submission",
            date=item.reference.isoformat(),
            days=days_words(item.silent_days),
            limit=item.limit,
        )
    key = (
        "od_inactive_since_reinstated"
        if item.entered_by is HistoryKind.REINSTATED
        else "od_inactive_since_admitted"
    )
    return t(
        key, date=item.reference.isoformat(), days=days_words(item.silent_days), limit=item.limit
    )


def _late_words(late: LateReport) -> str:
    return t(
        "od_emergency_late",
        occurred=late.occurred_at.isoformat(sep=" ", timespec="minutes"),
        minutes=late.minutes,
        limit=late.limit,
    )


def finding_detail(finding: Finding) -> str:
    """What an overdue finding (or upcoming item) is, e.g. “约稿《…》逾期 12 天未报”."""
    fact = finding.fact
    if isinstance(fact, Obligation):
        return _obligation_words(fact, finding.upcoming)
    if isinstance(fact, Inactivity):
        return _inactive_words(fact)
    return _late_words(fact)
