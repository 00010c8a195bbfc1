"""``govinfo explain POINT YEAR``: every scoring event of one point in one year."""

from __future__ import annotations

from typing import Annotated

import typer

from govinfo.cli import common
from govinfo.cli.complete import complete_point
from govinfo.cli.output import FormatOpt
from govinfo.render.columns import OutputFormat


def explain(
    ctx: typer.Context,
    point: Annotated[
        str,
        typer.Argument(
            metavar="POINT",
            help="The point: its id, full name or short name.",
            autocompletion=complete_point,
        ),
    ],
    year: common.YearArg,
    as_of: common.AsOfOpt = None,
    at: common.AtOpt = None,
    fmt: FormatOpt = OutputFormat.table,
    out: Annotated[
        str | None,
        typer.Option(
            "--out",
            metavar="FILE",
            help="Also write the scoring events to FILE: .xlsx (print-ready), .csv (with a BOM) "
            "or .md, each with its running total, in the language of the output (--lang).",
        ),
    ] = None,
) -> None:
    """List every scoring event of a point in a year, in date order, with a running total
    whose last line equals the point's score in `govinfo score`.

    Secret titles show as [密]. An unknown point is refused (exit 1).
    """
    from govinfo.app.reports import explain as explain_use_case
    from govinfo.cli.output import check_out, emit
    from govinfo.render.score import (
        EXPLAIN_KEYS,
        explain_document,
        explain_note,
        explain_records,
        explain_table,
    )
    from govinfo.rules.annual import default_as_of

    check_out(out)
    day = common.date_option(as_of, "--as-of") or default_as_of(year, common.today())
    report = explain_use_case(common.session(ctx, at), point, year, day)
    common.footer_note(explain_note(report), table=fmt is OutputFormat.table and not out)
    emit(
        ctx,
        fmt,
        spec=lambda: explain_table(report),
        document=lambda: explain_document(report),
        records=lambda: explain_records(report),
        keys=EXPLAIN_KEYS,
        out=out,
    )
