"""``govinfo overdue``: who is late, on what, since when (SPEC §2 "Overdue findings", §3)."""

from __future__ import annotations

from typing import Annotated

import typer

from govinfo.cli import common
from govinfo.cli.complete import complete_point
from govinfo.cli.words import KindFilter, parse_finding_kind
from govinfo.errors import UsageError
from govinfo.i18n import t
from govinfo.render.overdue import GroupBy
from govinfo.render.table import OutputFormat
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
            help="Only findings of this type: inactive, research-missing, opinion-missing, solicitation-overdue or emergency-late, or the words the table prints (长期不报, 约稿逾期 …); repeat for several.",
        ),
    ] = None,
    by: Annotated[
        GroupBy,
        typer.Option("--by", help="Group the table by point (with its contact) or by type."),
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
    fmt: Annotated[
        OutputFormat, typer.Option("--format", help="Output: table, csv, json or markdown.")
    ] = OutputFormat.table,
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
    from govinfo.app.reports import check_since
    from govinfo.app.reports import overdue as overdue_use_case
    from govinfo.cli.output import emit
    from govinfo.render.overdue import (
        overdue_document,
        overdue_keys,
        overdue_records,
        overdue_table,
    )

    day = common.date_option(as_of, "--as-of") or common.today()
    if soon is not None and soon > (common.LAST_DAY - day).days:
        raise UsageError(t("soon_out_of_range", soon=soon, as_of=day, last=common.LAST_DAY))
    start = check_since(common.date_option(since, "--since"), day)
    report = overdue_use_case(
        common.session(ctx, at),
        day,
        since=start,
        point=point,
        kind=kind,
        types=types,
        soon=soon,
    )
    emit(
        fmt,
        spec=overdue_table(report, by),
        document=overdue_document(report),
        records=overdue_records(report),
        keys=overdue_keys(report),
    )
    if fail_on_findings and report.findings:
        raise typer.Exit(EXIT_FINDINGS)
