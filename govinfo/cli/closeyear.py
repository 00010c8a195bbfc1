"""``govinfo close-year YEAR``: the year's commendations and disqualifications, shown, and with
``--apply`` written into the registry's history and committed (SPEC §3)."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Annotated

import typer

from govinfo.cli import common
from govinfo.cli.output import OutOpt, check_out

if TYPE_CHECKING:
    import datetime as dt

    from govinfo.reports.closeyear import ClosePlan


def close_year(
    ctx: typer.Context,
    year: common.YearArg,
    apply: Annotated[
        bool,
        typer.Option(
            "--apply", help="Write the events into points.yaml and commit (default: only show)."
        ),
    ] = False,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="D",
            help="The date of the history events (default: today); must be after the year.",
        ),
    ] = None,
    out: OutOpt = None,
) -> None:
    """Show the year's outcome — the commended and the disqualified points with scores and
    reasons, scored as of the year's last day — and with --apply add a `commended` or
    `disqualified` event (with the year and the reason) to each point's history in points.yaml,
    at its place in date order, keeping every comment, and commit.

    Idempotent: when the registry already records this outcome, nothing changes and no commit
    is made. When it records a different one (the data changed since), the differences are
    shown and nothing is written (exit 1). Refused (exit 1) before the year's last day, and for
    a --date inside the year or before it. A preview on the year's last day needs no --date.
    """
    from govinfo.app.closeyear import (
        apply_close_year,
        close_year,
        refuse_early,
        undated_preview,
    )
    from govinfo.i18n import t

    if not apply:  # only the preview writes --out
        check_out(out)
    elif out is not None:  # said, not ignored: the table is the preview's
        from govinfo.errors import UsageError

        raise UsageError(t("cy_out_with_apply"))
    today = common.today()
    day, ahead = common.dated_record(date)
    undated = undated_preview(year, day, apply=apply, dated=date is not None)
    refuse_early(year, day, today, undated=undated)
    if not apply:
        closed = close_year(common.session(ctx), year, day, undated=undated)
        if ahead is not None:  # once the checks passed, and without "recorded all the same"
            later = {"option": "--date", "value": date, "today": today.isoformat()}
            common.Terminal().note(t("date_after_today_preview", **later))
        _show(ctx, closed.plan, closed.reasons, undated=undated)
        if out is not None and closed.plan.outcome:
            from govinfo.cli.output import write_table
            from govinfo.render.closeyear import outcome_table

            write_table(out, outcome_table(closed.plan, closed.reasons, undated=undated))
        _verdict(closed.plan, undated=undated)
        return
    options = common.state(ctx).options
    show = functools.partial(_show, ctx, applying=True)
    closed = apply_close_year(options, common.Terminal(), year, day, show, ahead)
    plan, result = closed.plan, closed.result
    if result is None:
        _verdict(plan)
        return
    _done(plan, result.commit, day)


def _done(plan: ClosePlan, commit: str | None, day: dt.date) -> None:
    """Say what the applied close recorded, and which points already had later history events
    (the new events went in before them, in date order)."""
    from govinfo.i18n import t

    later = [r.point.label for r in plan.add if any(ev.date > day for ev in r.point.history)]
    err = common.err_console()
    if later:
        err.print(
            t("cy_history_order", points=t("list_sep").join(later)), markup=False, soft_wrap=True
        )
    if commit:
        err.print(t("cy_done", n=len(plan.add), commit=commit[:10]), markup=False, soft_wrap=True)
    else:
        err.print(t("cy_done_no_commit", n=len(plan.add)), markup=False, soft_wrap=True)


def _show(
    ctx: typer.Context,
    plan: ClosePlan,
    reasons: dict[str, str],
    *,
    undated: bool = False,
    applying: bool = False,
) -> None:
    from govinfo.i18n import t
    from govinfo.render.closeyear import outcome_table
    from govinfo.render.table import print_table

    out = common.console(ctx)
    if plan.outcome:
        print_table(outcome_table(plan, reasons, undated=undated, applying=applying), out)
    else:
        out.print(t("cy_no_outcome", year=plan.year), markup=False, highlight=False)


def _verdict(plan: ClosePlan, *, undated: bool = False) -> None:
    from govinfo.errors import GovinfoError
    from govinfo.i18n import t
    from govinfo.render.closeyear import difference_table, recording_dates
    from govinfo.render.table import print_table

    err = common.err_console()
    if plan.state == "conflict":
        print_table(difference_table(plan), err)
        raise GovinfoError(t("cy_conflict", year=plan.year, n=len(plan.differences)))
    if plan.state == "done" and not plan.recorded:
        return  # nothing to record: _show said so
    if plan.state == "done":
        err.print(
            t("cy_already", year=plan.year, n=len(plan.recorded), date=recording_dates(plan)),
            markup=False,
            soft_wrap=True,
        )
    elif undated:
        err.print(
            t("cy_preview_undated", n=len(plan.add), year=plan.year), markup=False, soft_wrap=True
        )
    else:
        err.print(
            t("cy_preview", n=len(plan.add), date=plan.date.isoformat(), year=plan.year),
            markup=False,
            soft_wrap=True,
        )
