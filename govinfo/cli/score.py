"""``govinfo score YEAR``: the year's ranking with statuses (SPEC §2, §3)."""

from __future__ import annotations

from typing import Annotated

import typer

from govinfo.cli import common
from govinfo.cli.output import FormatOpt, OutOpt
from govinfo.cli.words import parse_point_kind
from govinfo.model import PointKind
from govinfo.render.columns import OutputFormat


def score(
    ctx: typer.Context,
    year: common.YearArg,
    as_of: common.AsOfOpt = None,
    kind: Annotated[
        PointKind | None,
        typer.Option(
            "--kind",
            metavar="KIND",
            parser=parse_point_kind,
            help="Show only points of this kind: city (市州), county (县市区) or department (省直部门); ranks stay those of the whole ranking.",
        ),
    ] = None,
    top: Annotated[
        int | None,
        typer.Option("--top", metavar="N", min=1, help="Show only rows ranked N or better."),
    ] = None,
    by_group: Annotated[
        bool,
        typer.Option(
            "--by-group",
            help="Show the ranking group by group (city, county, department, or the groups of "
            "govinfo.yaml), each with its rank within the group; --top N then keeps each "
            "group's first N.",
        ),
    ] = False,
    at: common.AtOpt = None,
    fmt: FormatOpt = OutputFormat.table,
    out: OutOpt = None,
) -> None:
    """Score a year and rank the points: score, counts and status (commended, disqualified,
    exempt, retained, left; at risk before the year ends).

    Reads that year's and the previous year's submissions (and the months around them that a
    score can depend on); refuses (exit 1) when what it reads has errors.
    """
    from govinfo.app.reports import score as score_use_case
    from govinfo.cli.output import check_out, emit
    from govinfo.render.score import (
        closed_year_note,
        filtered_out_note,
        no_submissions_note,
        score_table,
    )
    from govinfo.reports.groups import folder_groups
    from govinfo.reports.score import SCORE_KEYS, score_document, score_records
    from govinfo.rules.annual import default_as_of

    check_out(out)
    day = common.date_option(as_of, "--as-of") or default_as_of(year, common.today())
    session = common.session(ctx, at)
    groups = folder_groups(session.settings)
    report = score_use_case(
        session, year, day, kind=kind, top=top, groups=groups, by_group=by_group
    )
    common.footer_note(no_submissions_note(report), table=fmt is OutputFormat.table and not out)
    common.footer_note(closed_year_note(report), table=False)
    emit(
        ctx,
        fmt,
        spec=lambda: score_table(report),
        document=lambda: score_document(report),
        records=lambda: score_records(report),
        keys=SCORE_KEYS,
        out=out,
    )
    common.footer_note(filtered_out_note(report), table=False)  # under the empty table
