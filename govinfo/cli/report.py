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
    from govinfo.app.notice import NoticeOptions
    from govinfo.app.reports import YearReport
    from govinfo.app.session import Session
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
            "report.md (Markdown), or a folder DIR/ (one CSV per table, UTF-8 with BOM); "
            "通报.docx writes the notice itself, for the year or the period (GB/T 9704-2012 "
            "layout, texts from notice.yaml).",
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
    number: Annotated[
        int | None,
        typer.Option(
            "--number",
            min=1,
            help="The notice's serial number n, put into notice.yaml's number pattern "
            "(e.g. 吉政办函〔{year}〕{n}号).",
        ),
    ] = None,
    template: Annotated[
        Path | None,
        typer.Option(
            "--template",
            metavar="FILE.docx",
            help="Fill the office's own letterhead template instead of the built-in 版头: the "
            "notice replaces its paragraph {{正文}} (or goes at its end).",
        ),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="YYYY-MM-DD",
            help="The notice's 成文日期 (default: the as-of day).",
        ),
    ] = None,
    statements: Annotated[
        str | None,
        typer.Option(
            "--statements",
            metavar="DIR",
            help="Write one statement per point into DIR: ranks, score and every scoring "
            "event (of the period, for a half, quarter or month) with its running total from "
            "the year's start, as explain lists them.",
        ),
    ] = None,
    statement_format: Annotated[
        str,
        typer.Option(
            "--statement-format",
            metavar="docx|xlsx",
            help="The statements' file format: docx (default) or xlsx.",
        ),
    ] = "docx",
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
    from govinfo.app.notice import NoticeOptions
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
        kind = "docx" if Path(out).suffix.lower() == ".docx" else export_kind(Path(out), out)
        if kind is None:
            raise UsageError(t("ye_out_unknown", path=out))
    notice = NoticeOptions(
        out=Path(out) if kind == "docx" and out is not None else None,
        template=template,
        number=number,
        date=common.date_option(date, "--date"),
        statements=Path(statements) if statements is not None else None,
        statement_format=statement_format,
    )
    notice.check(period)
    if period.kind == "year":
        _year_report(ctx, period, given, out, kind, fmt, at, notice)
        return
    day = given or common.today()
    if day < period.first:
        raise GovinfoError(
            t("report_not_begun", period=period.label, first=period.first.isoformat(), as_of=day)
        )
    if notice.wanted:
        _period_notice(ctx, period, day, at, notice)
        if notice.out is not None or out is None:
            return
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
    notice: NoticeOptions,
) -> None:
    """The year-end tables, then the group rankings and the lists of the year's circular; or
    the notice and the statements (``notice``)."""
    from govinfo.app.reports import year_report
    from govinfo.i18n import t
    from govinfo.render.period import period_document, year_report_tables
    from govinfo.render.table import json_text
    from govinfo.render.yearend import print_year_end, trend_chart
    from govinfo.render.yeartables import document_title, year_end_tables
    from govinfo.rules.annual import default_as_of

    year = period.year
    day = given or default_as_of(year, common.today())
    session = common.session(ctx, at)
    both: YearReport | None
    if notice.wanted:
        both = _notice(session, period, day, out, notice)
        if both is None:
            return
    else:
        both = year_report(session, period, day)
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


def _notice(
    session: Session, period: Period, day: dt.date, out: str | None, notice: NoticeOptions
) -> YearReport | None:
    """Write the notice and the statements; then the year's tables too (not from the result
    cache: the notice reads the folder itself) when ``--out`` asks for them as well, else
    None."""
    from govinfo.app.notice import write_notice
    from govinfo.app.reports import YearReport
    from govinfo.reports.period import period_report
    from govinfo.reports.yearend import year_end
    from govinfo.rules.annual import score_year

    loaded = session.load_year(period.year)
    result = score_year(loaded.folder, period.year, day)
    ye = year_end(loaded.folder, result)
    _notice_written(notice, write_notice(session, loaded.folder, result, ye, notice))
    if notice.out is not None or out is None:
        return None
    return YearReport(ye, period_report(loaded.folder, period, day, at_to=result))


def _period_notice(
    ctx: typer.Context, period: Period, as_of: dt.date, at: str | None, notice: NoticeOptions
) -> None:
    """The notice and/or the statements of a half, quarter or month."""
    from govinfo.app.notice import write_period_notice

    session = common.session(ctx, at)
    loaded = session.load_year(period.year)
    _notice_written(notice, write_period_notice(session, loaded.folder, period, as_of, notice))


def _notice_written(notice: NoticeOptions, n: int) -> None:
    from govinfo.i18n import t

    if notice.out is not None:
        common.err_console().print(t("nt_written", path=str(notice.out)), markup=False)
    if notice.statements is not None:
        common.err_console().print(t("st_written", n=n, path=str(notice.statements)), markup=False)


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
