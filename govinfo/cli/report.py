"""``govinfo report YEAR``: the year-end tables on the terminal, or as xlsx / Markdown / CSV."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from govinfo.cli import common

if TYPE_CHECKING:
    from govinfo.render.table import Table


def report(
    ctx: typer.Context,
    year: common.YearArg,
    as_of: common.AsOfOpt = None,
    out: Annotated[
        str | None,
        typer.Option(
            "--out",
            metavar="PATH",
            help="Write the tables to a file instead: report.xlsx (one sheet per table), "
            "report.md (Markdown), or a folder DIR/ (one CSV per table, UTF-8 with BOM); "
            "通报.docx writes the notice itself (GB/T 9704-2012 layout, texts from notice.yaml).",
        ),
    ] = None,
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
            "event with its running total, as explain lists them.",
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
    """Print the year-end tables for the 通报: the ranking with statuses, per-point statistics
    (submissions by category, solicitations on time / late / missed, research per quarter,
    adoptions by level and publication, instructions by rank, deductions), the national points'
    national adoptions per quarter, the monthly trend with a bar chart, and the lists of
    commended and disqualified points with scores and reasons.

    Every number comes from the same scoring as `govinfo score`; secret titles never appear.
    Headers follow --lang. Refuses (exit 1) when what it reads has errors.
    """
    from govinfo.errors import UsageError
    from govinfo.i18n import t
    from govinfo.render.export import export_kind
    from govinfo.render.yearend import print_year_end, trend_chart
    from govinfo.render.yeartables import document_title, year_end_tables
    from govinfo.reports.yearend import year_end
    from govinfo.rules.annual import default_as_of, score_year

    day = common.date_option(as_of, "--as-of") or default_as_of(year, common.today())
    written = common.date_option(date, "--date")
    kind = None
    if out is not None:
        kind = "docx" if Path(out).suffix.lower() == ".docx" else export_kind(Path(out), out)
        if kind is None:
            raise UsageError(t("ye_out_unknown", path=out))
    if (template is not None or number is not None) and kind != "docx":
        raise UsageError(t("nt_out_conflict"))
    if statement_format not in ("docx", "xlsx"):
        raise UsageError(t("st_format_bad"))
    loaded = common.open_folder(ctx, years=common.scoring_years(year), at=at)
    result = score_year(loaded.folder, year, day)
    ye = year_end(loaded.folder, result)
    if kind == "docx" or statements is not None:
        from govinfo.cli.notice import write_notice_files

        write_notice_files(
            loaded,
            result,
            ye,
            out=Path(out) if kind == "docx" and out is not None else None,
            template=template,
            number=number,
            date=written,
            statements=Path(statements) if statements is not None else None,
            statement_format=statement_format,
        )
        if kind == "docx" or out is None:
            return
    tables = year_end_tables(ye)
    if out is None or kind is None:
        print_year_end(tables, common.console(), extra={"trend": trend_chart(ye)})
        return
    _write(Path(out), kind, document_title(ye), tables, trend_chart(ye, ascii_only=False))
    common.err_console().print(t("ye_written", path=out, n=len(tables)), markup=False)


def _write(path: Path, kind: str, title: str, tables: Sequence[Table], chart: list[str]) -> None:
    """Write the export (see :func:`write_files`)."""
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
    write_files(files, path)


def write_files(files: dict[Path, bytes], shown: Path) -> None:
    """Write every file atomically (temporary file + rename, per file): an export is not a
    change to the registry, so no lock and no commit. A failure names ``shown``."""
    from govinfo.errors import GovinfoError
    from govinfo.i18n import t
    from govinfo.store.atomic import write_bytes_atomic

    try:
        for target, data in files.items():
            write_bytes_atomic(target, data)
    except OSError as exc:
        raise GovinfoError(
            t("ye_write_failed", path=str(shown), error=exc.strerror or exc)
        ) from None
