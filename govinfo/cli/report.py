"""``govinfo report PERIOD``: the year-end tables, or a month's, quarter's or half-year's
circular (issue 14), on the terminal, as xlsx / Markdown / CSV, or as JSON."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from govinfo.cli import common
from govinfo.cli.complete import complete_period

if TYPE_CHECKING:
    from govinfo.app.notice import NoticeOptions
    from govinfo.app.reports import Circular
    from govinfo.render.table import Table


NOTICE_SUFFIX = ".docx"  # --out FILE.docx writes the 通报; any other target, the tables


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
            autocompletion=complete_period,
        ),
    ],
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="DATE",
            help="As known at the end of this day (default: the period's last day, or today "
            "if earlier).",
        ),
    ] = None,
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
            "(e.g. 吉政办函〔{year}〕{n}号; {year} is the year of the notice's date, --date).",
        ),
    ] = None,
    template: Annotated[
        Path | None,
        typer.Option(
            "--template",
            metavar="FILE.docx",
            help="Fill the office's own letterhead template instead of the built-in "
            "letterhead: the notice replaces its paragraph {{正文}} (or goes at its end).",
        ),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="YYYY-MM-DD",
            help="The date the notice bears (default: today, or the period's last counted "
            "day if that is later).",
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
    """Print the tables of a period's notice (通报), or write the notice itself (--out
    通报.docx) and a statement for each point (--statements DIR).

    A year (2003) gives the year-end tables — the ranking with statuses, per-point statistics,
    adoptions by level and publication, the national points, the monthly trend, the commended
    and disqualified points — then the adoptions and issues per publication, the ranking
    within each group and the lists below.

    A half, quarter or month (2003H1, 2003Q3, 2003-08) gives: the Overview (totals of the
    period and to date, adoptions and issues per publication), one ranking per group (city,
    county, department or the groups of govinfo.yaml) with each figure for the period beside
    the figure to date, the rank, the rank to date and the change against the previous period,
    then the points with nothing submitted or adopted, Items adopted, Items that drew
    instructions and Solicitations due.

    The figures run from the period's first day to the earlier of its last day and --as-of
    (default today). To date is exactly `govinfo score YEAR --as-of TO`; the period's figure
    is that minus the same at the day before the period began; a period from 1 January shows
    each figure once. Secret titles read [密]. Refuses (exit 1) when what it reads has errors, and
    a period — a year too — that has not begun by then.
    """
    from govinfo.app import reports
    from govinfo.app.notice import NoticeOptions

    period = reports.period_or_refuse(period_text)
    given = common.date_option(as_of, "--as-of")
    kind = _out_kind(out)
    notice = NoticeOptions(
        out=Path(out) if kind == "docx" and out is not None else None,
        template=template,
        number=number,
        date=common.date_option(date, "--date"),
        statements=Path(statements) if statements is not None else None,
        statement_format=statement_format,
    )
    notice.check(period, given or common.today())
    notice = notice.dated(period, given or common.today(), common.today())
    data = reports.circular(
        lambda: common.session(ctx, at),
        period,
        given,
        common.today(),
        notice=notice,
        to_file=out is not None,
    )
    _notice_written(notice, data.statements)
    if data.circular is not None:
        _show(ctx, data, out, kind, fmt)
    if data.year_end is not None:
        from govinfo.render.score import closed_year_note

        common.footer_note(closed_year_note(data.year_end.ranking), table=False)


def _out_kind(out: str | None) -> str | None:
    """What ``--out`` asks for: ``docx`` (the notice), an export kind (``xlsx``, ``markdown``,
    ``csv`` for a folder of CSVs: ending in ``/`` or one that exists), None without it; a usage
    error (exit 2) for a path of no kind — without an extension too — or whose folder does not
    exist (a folder of CSVs is made, in a folder that exists), and for a file's name (.docx,
    .xlsx, .md) that an existing folder has (``app.export.refuse_out_file``, as every --out)."""
    from govinfo.app.export import refuse_missing_folder, refuse_out_file
    from govinfo.errors import UsageError
    from govinfo.i18n import either, t
    from govinfo.render.export import EXPORT_SUFFIXES, export_kind

    if out is None:
        return None
    suffix = Path(out).suffix.lower()
    if suffix == NOTICE_SUFFIX or (suffix in EXPORT_SUFFIXES and not out.endswith(("/", "\\"))):
        refuse_out_file(Path(out), out)  # a file: never an existing folder of that name
        return "docx" if suffix == NOTICE_SUFFIX else EXPORT_SUFFIXES[suffix]
    kind = export_kind(Path(out), out)
    if kind is None:
        suffixes = either([NOTICE_SUFFIX, *EXPORT_SUFFIXES])
        bare = Path(out).suffix == ""
        words = t("ye_out_no_suffix" if bare else "ye_out_unknown", path=out, suffixes=suffixes)
        raise UsageError(words)
    refuse_missing_folder(Path(out), out)
    return kind


def _notice_written(notice: NoticeOptions, statements: int | None) -> None:
    """Say on stderr where the notice and the statements were written."""
    from govinfo.i18n import t

    if notice.out is not None:
        common.err_console().print(t("nt_written", path=str(notice.out)), markup=False)
    if notice.statements is not None:
        common.err_console().print(
            t("st_written", n=statements, path=str(notice.statements)), markup=False
        )


def _show(
    ctx: typer.Context, data: Circular, out: str | None, kind: str | None, fmt: ReportFormat
) -> None:
    """The circular on stdout (tables, or JSON), or its tables written to ``out``. Tables
    printed before from the same answers, in the same way, are printed again as they were
    (``cli.replay``: nothing of the tables' rendering is imported then)."""
    from govinfo.cli.replay import printed

    circular = data.circular
    assert circular is not None
    if fmt is ReportFormat.json and out is None:
        from govinfo.cli.output import write_json
        from govinfo.render.periodjson import period_document

        write_json(period_document(circular))
        return
    if out is None or kind is None:
        printed(ctx, lambda: _print_tables(ctx, data))
        return
    from govinfo.app.export import export_tables
    from govinfo.i18n import t
    from govinfo.render.period import report_title
    from govinfo.render.yearend import trend_chart
    from govinfo.render.yeartables import document_title

    ye = data.year_end
    title = report_title(circular) if ye is None else document_title(ye)
    chart = [] if ye is None else trend_chart(ye, ascii_only=False)
    tables = _tables(data)
    export_tables(Path(out), kind, title, tables, {"trend": chart})
    common.err_console().print(t("ye_written", path=out, n=len(tables)), markup=False)


def _tables(data: Circular) -> tuple[Table, ...]:
    """The circular's tables; a year's begin with the year-end tables."""
    from govinfo.render.period import period_tables, year_report_tables
    from govinfo.render.yeartables import year_end_tables

    assert data.circular is not None
    if data.year_end is None:
        return period_tables(data.circular)
    return year_report_tables(year_end_tables(data.year_end), data.circular)


def _print_tables(ctx: typer.Context, data: Circular) -> None:
    """The circular's tables on the terminal (a year's with its monthly trend: its bars in
    ASCII where the output cannot hold both of them, GBK lacking ▒)."""
    import sys

    from govinfo.cli.terminal import cannot_encode
    from govinfo.render.yearend import ascii_wanted, print_year_end, trend_chart

    extra = None
    if data.year_end is not None:
        plain = ascii_wanted() or cannot_encode(sys.stdout, "\u2588\u2592")
        extra = {"trend": trend_chart(data.year_end, ascii_only=plain)}
    print_year_end(_tables(data), common.console(ctx), extra=extra)
