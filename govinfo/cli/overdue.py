"""``govinfo overdue``: who is late, on what, since when (SPEC §2 "Overdue findings", §3)."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from govinfo.cli import common
from govinfo.cli.complete import complete_point
from govinfo.cli.output import FormatOpt, OutOpt
from govinfo.cli.words import KindFilter, parse_finding_kind
from govinfo.i18n import t
from govinfo.render.columns import OutputFormat
from govinfo.render.overdue import GroupBy
from govinfo.reports.overdue import FindingKind

EXIT_FINDINGS = 3


def overdue(
    ctx: typer.Context,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of", metavar="DATE", help="As known at the end of this day (default: today)."
        ),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="DATE",
            help="Start of the window (default: 1 January of the as-of year); inactive points are listed whatever the window.",
        ),
    ] = None,
    point: Annotated[
        str | None,
        typer.Option(
            "--point",
            metavar="POINT",
            help="Only this point: its id, full name, short name or alias.",
            autocompletion=complete_point,
        ),
    ] = None,
    kind: KindFilter = None,
    types: Annotated[
        list[FindingKind] | None,
        typer.Option(
            "--type",
            metavar="TYPE",
            parser=parse_finding_kind,
            help="Only findings of this type: inactive, research-missing, opinion-missing, solicitation-overdue or emergency-late, or the words the table prints in either language (solicitation overdue, 约稿逾期 …); repeat for several.",
        ),
    ] = None,
    by: Annotated[
        GroupBy,
        typer.Option("--by", help="Group the table by point (with its officer) or by type."),
    ] = GroupBy.point,
    soon: Annotated[
        int | None,
        typer.Option(
            "--soon",
            metavar="N",
            min=1,
            help='Also list solicitations and periods falling due in the next N days (upcoming; JSON key "upcoming").',
        ),
    ] = None,
    at: common.AtOpt = None,
    fmt: FormatOpt = OutputFormat.table,
    out: OutOpt = None,
    notice: Annotated[
        bool,
        typer.Option(
            "--notice",
            help="Print one reminder message per point (what is overdue, since when, by when), "
            "ready to paste into SMS or chat, instead of the table.",
        ),
    ] = False,
    fail_on_findings: Annotated[
        bool,
        typer.Option("--fail-on-findings", help="Exit 3 when anything is overdue (for scripts)."),
    ] = False,
) -> None:
    """List what is overdue as of a day: inactive points, missing research per quarter, missing
    opinion lists per month, unanswered solicitations, late emergency reports.

    Exit 0 whether or not there are findings (3 with --fail-on-findings when there are); an
    unknown point or data with errors is refused (exit 1).
    """
    from govinfo.app.reports import check_window
    from govinfo.app.reports import overdue as overdue_use_case
    from govinfo.cli.output import check_out, emit, write_table
    from govinfo.render import overdue as shown
    from govinfo.render.reminders import overdue_sheet

    check_out(out)
    day = common.date_option(as_of, "--as-of") or common.today()
    start = check_window(common.date_option(since, "--since"), day, soon, common.LAST_DAY)
    session = common.session(ctx, at)
    report = overdue_use_case(
        session,
        day,
        since=start,
        point=point,
        kind=kind,
        types=types,
        soon=soon,
    )
    if notice:
        _print_reminders(ctx, report, session.load(years=()).folder.settings.office)
        if out is not None:
            write_table(out, overdue_sheet(report))
    else:
        emit(
            ctx,
            fmt,
            spec=lambda: shown.overdue_table(report, by),
            document=lambda: shown.overdue_document(report),
            records=lambda: shown.overdue_records(report),
            keys=shown.overdue_keys(report),
            out=out,
            sheet=lambda: overdue_sheet(report),
        )
    if fail_on_findings and report.findings:
        raise typer.Exit(EXIT_FINDINGS)


def _print_reminders(ctx: typer.Context, report: Any, office: str) -> None:
    """The reminders on stdout, a blank line between them; each message is one line (to paste
    whole) when piped or redirected."""
    from govinfo.render.reminders import reminders, unreminded_note

    messages = reminders(report, office)
    unreminded = unreminded_note(report)  # points that have left: their findings, no reminder
    if unreminded is not None:
        common.err_console().print(unreminded, markup=False, highlight=False, soft_wrap=True)
    elif not messages:
        common.err_console().print(t("rm_none", as_of=report.as_of.isoformat()), markup=False)
    out = common.console(ctx)  # on a terminal a message breaks where no number is cut
    for i, message in enumerate(messages):
        if i:
            out.print("")
        out.print(message, markup=False, highlight=False, soft_wrap=True)
