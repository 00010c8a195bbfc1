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
            "report.md (Markdown), or a folder DIR/ (one CSV per table, UTF-8 with BOM).",
        ),
    ] = None,
    at: common.AtOpt = None,
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
    kind = None
    if out is not None:
        kind = export_kind(Path(out), out)
        if kind is None:
            raise UsageError(t("ye_out_unknown", path=out))
    loaded = common.open_folder(ctx, years=common.scoring_years(year), at=at)
    ye = year_end(loaded.folder, score_year(loaded.folder, year, day))
    tables = year_end_tables(ye)
    if out is None or kind is None:
        print_year_end(tables, common.console(), extra={"trend": trend_chart(ye)})
        return
    _write(Path(out), kind, document_title(ye), tables, trend_chart(ye, ascii_only=False))
    common.err_console().print(t("ye_written", path=out, n=len(tables)), markup=False)


def _write(path: Path, kind: str, title: str, tables: Sequence[Table], chart: list[str]) -> None:
    """Write the export atomically (temporary file + rename, per file): an export is not a
    change to the registry, so no lock and no commit."""
    from govinfo.errors import GovinfoError
    from govinfo.i18n import t
    from govinfo.render.export import csv_bytes, csv_file_names, markdown_document, xlsx_bytes
    from govinfo.store.atomic import write_bytes_atomic

    if kind == "xlsx":
        files = {path: xlsx_bytes(tables, title=title)}
    elif kind == "markdown":
        files = {path: markdown_document(title, tables, {"trend": chart}).encode("utf-8")}
    else:
        files = {
            path / name: csv_bytes(table)
            for name, table in zip(csv_file_names(tables), tables, strict=True)
        }
    try:
        for target, data in files.items():
            write_bytes_atomic(target, data)
    except OSError as exc:
        raise GovinfoError(
            t("ye_write_failed", path=str(path), error=exc.strerror or exc)
        ) from None
