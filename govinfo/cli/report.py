"""``govinfo report PERIOD``: the year-end tables, or a month's, quarter's or half-year's
circular (issue 14), on the terminal, as xlsx / Markdown / CSV, or as JSON."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from govinfo.cli import common

if TYPE_CHECKING:
    from govinfo.render.table import Table
    from govinfo.reports.period import PeriodReport
    from govinfo.rules.periods import Period


class ReportFormat(StrEnum):
    table = "table"
    json = "json"


def report(
    ctx: typer.Context,
    period_text: Annotated[
        str,
        typer.Argument(
            metavar="PERIOD",
            help="A year (2003), a half (2003H1, 2003H2), a quarter (2003Q1 … 2003Q4) or a "
            "month (2003-08).",
        ),
    ],
    as_of: common.AsOfOpt = None,
    out: Annotated[
        str | None,
        typer.Option(
            "--out",
            metavar="PATH",
            help="Write the tables to a file instead: report.xlsx (one sheet per table), "
            "report.md (Markdown), or a folder DIR/ (one CSV per table, UTF-8 with BOM).",
        ),
    ] = None,
    fmt: Annotated[
        ReportFormat,
        typer.Option(
            "--format",
            help="Output on stdout: table (for people) or json (the period report of SPEC §3).",
        ),
    ] = ReportFormat.table,
    at: common.AtOpt = None,
) -> None:
    """Print the tables of a period's circular (通报).

    A year (2003) gives the year-end tables — the ranking with statuses, per-point statistics,
    adoptions by level and publication, the national points, the monthly trend, the commended
    and disqualified points — then the ranking within each group and the lists below.

    A half, quarter or month (2003H1, 2003Q3, 2003-08) gives: 总体情况 (totals of the period
    and to date, adoptions and issues per publication), one ranking per group (市州, 县市区,
    省直部门 or the groups of govinfo.yaml) with 本期 beside 累计, 名次, 累计名次 and the change
    against the previous period, then 零报送·零采用, 采用条目, 批示件目录 and 约稿完成情况.

    The figures run from the period's first day to the earlier of its last day and --as-of
    (default today). 累计 (to date) is exactly `govinfo score YEAR --as-of TO`; 本期 is that
    minus the same at the day before the period began. Secret titles read [密]. Refuses
    (exit 1) when what it reads has errors.
    """
    from govinfo.errors import GovinfoError, UsageError
    from govinfo.i18n import t
    from govinfo.render.export import export_kind
    from govinfo.rules.periods import parse_period

    period = parse_period(period_text)
    if period is None:
        raise UsageError(t("report_bad_period", value=period_text))
    given = common.date_option(as_of, "--as-of")
    kind = None
    if out is not None:
        kind = export_kind(Path(out), out)
        if kind is None:
            raise UsageError(t("ye_out_unknown", path=out))
    if period.kind == "year":
        _year_report(ctx, period, given, out, kind, fmt, at)
        return
    day = given or common.today()
    if day < period.first:
        raise GovinfoError(
            t("report_not_begun", period=period.label, first=period.first.isoformat(), as_of=day)
        )
    circular = _period_report(ctx, period, day, at)
    _show(circular, out, kind, fmt)


def _show(circular: PeriodReport, out: str | None, kind: str | None, fmt: ReportFormat) -> None:
    from govinfo.i18n import t
    from govinfo.render.period import period_document, period_tables, report_title
    from govinfo.render.table import json_text
    from govinfo.render.yearend import print_year_end

    if fmt is ReportFormat.json and out is None:
        common.console().file.write(json_text(period_document(circular)))
        return
    tables = period_tables(circular)
    if out is None or kind is None:
        print_year_end(tables, common.console())
        return
    _write(Path(out), kind, report_title(circular), tables, [])
    common.err_console().print(t("ye_written", path=out, n=len(tables)), markup=False)


def _year_report(
    ctx: typer.Context,
    period: Period,
    given: dt.date | None,
    out: str | None,
    kind: str | None,
    fmt: ReportFormat,
    at: str | None,
) -> None:
    """The year-end tables, then the group rankings and the lists of the year's circular."""
    from govinfo.app.reports import year_report
    from govinfo.i18n import t
    from govinfo.render.period import period_document, year_report_tables
    from govinfo.render.table import json_text
    from govinfo.render.yearend import print_year_end, trend_chart
    from govinfo.render.yeartables import document_title, year_end_tables
    from govinfo.rules.annual import default_as_of

    year = period.year
    day = given or default_as_of(year, common.today())
    both = year_report(common.session(ctx, at), period, day)
    circular = both.circular
    if fmt is ReportFormat.json and out is None:
        common.console().file.write(json_text(period_document(circular)))
        return
    ye = both.year_end
    tables = year_report_tables(year_end_tables(ye), circular)
    if out is None or kind is None:
        print_year_end(tables, common.console(), extra={"trend": trend_chart(ye)})
        return
    _write(Path(out), kind, document_title(ye), tables, trend_chart(ye, ascii_only=False))
    common.err_console().print(t("ye_written", path=out, n=len(tables)), markup=False)


def _period_report(
    ctx: typer.Context, period: Period, as_of: dt.date, at: str | None
) -> PeriodReport:
    """The circular of ``period`` as of ``as_of`` (see ``app.reports.period_circular``)."""
    from govinfo.app.reports import period_circular

    return period_circular(common.session(ctx, at), period, as_of)


def _write(path: Path, kind: str, title: str, tables: Sequence[Table], chart: list[str]) -> None:
    """The export's files, written atomically (see ``app.reports.write_export``)."""
    from govinfo.app.reports import write_export
    from govinfo.render.export import csv_bytes, csv_file_names, markdown_document, xlsx_bytes

    if kind == "xlsx":
        files = {path: xlsx_bytes(tables, title=title)}
    elif kind == "markdown":
        files = {path: markdown_document(title, tables, {"trend": chart}).encode("utf-8")}
    else:
        files = {
            path / name: csv_bytes(table)
            for name, table in zip(csv_file_names(tables), tables, strict=True)
        }
    write_export(path, files)
