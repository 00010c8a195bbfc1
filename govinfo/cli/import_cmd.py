"""``govinfo import FILE...``: spreadsheets of submissions (or, with ``--adoptions``, adoption
logs) into the data folder — validated whole, deduplicated, written atomically, one commit."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from govinfo.cli import common
from govinfo.cli.output import OutOpt
from govinfo.errors import GovinfoError
from govinfo.i18n import t

if TYPE_CHECKING:
    from govinfo.render.table import Table


def import_cmd(
    ctx: typer.Context,
    files: Annotated[
        list[Path],
        typer.Argument(
            help='CSV, TSV, XLSX, XLS or ODS files, or the HTML and SpreadsheetML "xls" files web systems export (several may be given).',
            metavar="FILE",
            show_default=False,
        ),
    ],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Check and show what would come in; write nothing.")
    ] = False,
    mapping: Annotated[
        Path | None,
        typer.Option("--mapping", help="YAML file naming columns: {columns: {表头: field}}."),
    ] = None,
    encoding: Annotated[
        str | None,
        typer.Option("--encoding", help="Encoding of CSV/TSV and HTML files (default: detected)."),
    ] = None,
    sheet: Annotated[
        str | None,
        typer.Option("--sheet", help="Read only this sheet of a workbook (default: every sheet)."),
    ] = None,
    no_commit: Annotated[
        bool, typer.Option("--no-commit", help="Write the files but do not commit them.")
    ] = False,
    message: Annotated[
        str | None, typer.Option("--message", "-m", help="The commit message to use.")
    ] = None,
    adoptions: Annotated[
        bool,
        typer.Option(
            "--adoptions",
            help="The files are adoption logs (publication, issue, date, mode; id or point+title).",
        ),
    ] = False,
    out: OutOpt = None,
) -> None:
    """Import submissions from CSV/TSV/XLSX/XLS/ODS files: validate every row, skip duplicates, write
    the month files and make one commit; on any error nothing is written (exit 1)."""
    from govinfo.app.importing import ImportOptions, import_batch
    from govinfo.cli.output import check_out

    check_out(out)  # a wrong extension or folder is refused before anything is imported

    how = ImportOptions(
        dry_run=dry_run,
        mapping=mapping,
        encoding=encoding,
        sheet=sheet,
        commit=not no_commit,
        message=message,
        adoptions=adoptions,
        today=common.today(),
    )
    outcome = import_batch(common.state(ctx).options, common.Terminal(), files, how)
    from govinfo.render.imports import outcome_line, problem_lines, summary_table
    from govinfo.render.table import print_table

    console = common.console()
    for line in problem_lines(outcome.problems):
        console.print(line, markup=False, highlight=False, soft_wrap=True)
    if outcome.errors:
        raise GovinfoError(t("import_refused", n=outcome.errors))
    summary = summary_table(outcome)
    try:
        print_table(summary, console)
    finally:  # the summary file is written even when standard output is lost
        common.Terminal().note(outcome_line(outcome, dry_run))
        if out is not None:
            _write_summary(out, summary, imported=bool(outcome.written))


def _write_summary(out: str, summary: Table, *, imported: bool) -> None:
    """The summary to ``out``, after the import. When that fails once the import was written,
    the import stands: the failure is said on stderr and the run exits 0 (exit 1 says nothing
    was written), as when standard output is lost."""
    from govinfo.cli.output import write_table
    from govinfo.i18n import error_text

    try:
        write_table(out, summary)
    except GovinfoError as failed:
        if not imported:
            raise
        common.Terminal().note(t("out_failed_after_import", error=error_text(failed)))
