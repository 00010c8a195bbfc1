"""Closing a year: its commendations and disqualifications, planned against the registry, and
with ``apply`` written into the points' history through ``checked_write`` and committed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from govinfo.app.opening import locate_folder
from govinfo.app.options import Feedback, RunOptions
from govinfo.app.registry import commit_points, in_language, points_text
from govinfo.app.session import Session
from govinfo.app.write import folder_writer
from govinfo.errors import GovinfoError
from govinfo.i18n import t
from govinfo.model import Folder
from govinfo.reports.closeyear import ClosePlan, close_plan, history_events
from govinfo.rules.annual import score_year
from govinfo.store.write import WriteResult


@dataclass(frozen=True)
class Closed:
    plan: ClosePlan
    reasons: dict[str, str]  # each outcome's reason by point id, in the folder's language
    result: WriteResult | None  # None: nothing written (a preview, done already, a conflict)


def undated_preview(year: int, day: dt.date, *, apply: bool, dated: bool) -> bool:
    """A preview records nothing: on the year's last day it needs no ``--date`` of its own
    (it then shows the outcome without a recording date)."""
    return not apply and not dated and day <= dt.date(year, 12, 31)


def refuse_early(year: int, day: dt.date, today: dt.date, *, undated: bool = False) -> None:
    """Refused (exit 1) before the year's last day, and for a ``day`` inside the year (unless
    an ``undated`` preview)."""
    last = dt.date(year, 12, 31)
    if today < last:
        raise GovinfoError(t("cy_not_over", year=year, today=today.isoformat()))
    if day <= last and not undated:
        raise GovinfoError(t("cy_date_inside", year=year, date=day.isoformat()))


def plan_of(folder: Folder, year: int, day: dt.date) -> tuple[ClosePlan, dict[str, str]]:
    """The plan, and each outcome's reason by point id in the folder's language (the reasons
    are written into the folder)."""
    from govinfo.render.yeartables import outcome_reason

    plan = close_plan(folder, score_year(folder, year, dt.date(year, 12, 31)), day)
    with in_language(folder.settings.language):
        return plan, {r.point.id: outcome_reason(r) for r in plan.outcome}


def close_year(
    session: Session,
    year: int,
    day: dt.date,
    *,
    undated: bool = False,
) -> Closed:
    """The year's outcome, planned (nothing written); an ``undated`` preview plans as of the
    day after the year."""
    if undated:
        day = dt.date(year + 1, 1, 1)
    plan, reasons = plan_of(session.load_year(year).folder, year, day)
    return Closed(plan, reasons, None)


def apply_close_year(
    options: RunOptions,
    feedback: Feedback,
    year: int,
    day: dt.date,
    show: Callable[[ClosePlan, dict[str, str]], None],
    ahead: str | None = None,
) -> Closed:
    """Under the write lock: plan the outcome, ``show`` it, and when it is new add each
    point's event to its history (in date order) and commit. ``ahead``: the warning that
    ``day`` is after today, said only when the events are written (not before a refusal)."""
    with folder_writer(
        locate_folder(options), f"govinfo close-year {year} --apply", feedback.note
    ) as writer:
        folder = Session(options, feedback, place=writer.place).load_year(year).folder
        plan, reasons = plan_of(folder, year, day)
        show(plan, reasons)
        if plan.state != "new":
            return Closed(plan, reasons, None)
        if ahead is not None:
            feedback.note(ahead)
        from govinfo.store.registry import with_history

        text = with_history(points_text(writer), history_events(plan, reasons))
        commended = sum(1 for r in plan.add if r.status.value == "commended")
        with in_language(folder.settings.language):
            message = t(
                "cy_commit",
                year=year,
                commended=commended,
                disqualified=len(plan.add) - commended,
                date=day.isoformat(),
            )
        result = commit_points(
            writer, text, feedback, message=message, office=folder.settings.office
        )
    return Closed(plan, reasons, result)
