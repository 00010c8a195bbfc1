"""``govinfo import FILE...``: spreadsheets of submissions (or, with ``--adoptions``, adoption
logs) into the data folder — validated whole, deduplicated, written atomically, one commit."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from govinfo.cli import common
from govinfo.errors import GovinfoError
from govinfo.i18n import t

if TYPE_CHECKING:
    from rich.console import Console

    from govinfo.importers.run import ImportOutcome

MAX_DUPLICATE_LINES = 20
MAX_WARNING_LINES = 50


def import_batch(
    ctx: typer.Context,
    files: Annotated[
        list[Path],
        typer.Argument(
            help="CSV, TSV or XLSX files (several may be given).",
            metavar="FILE",
            exists=True,
            dir_okay=False,
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
        typer.Option("--encoding", help="Encoding of CSV/TSV files (default: detected)."),
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
) -> None:
    """Import submissions from CSV/TSV/XLSX files: validate every row, skip duplicates, write
    the month files and make one commit; on any error nothing is written (exit 1)."""
    from govinfo.importers.run import ImportOptions, run_import

    st = common.state(ctx)
    root = common.locate_folder(st)
    settings_lang = _folder_language(root)
    common.apply_language(st, settings_lang)
    cache = None
    if not st.no_cache:
        from govinfo.load.cache import ParseCache

        cache = ParseCache(root)
    options = ImportOptions(
        dry_run=dry_run,
        mapping=mapping,
        encoding=encoding,
        sheet=sheet,
        commit=not no_commit,
        message=message,
        adoptions=adoptions,
    )
    err = common.err_console()
    with _progress(err) as progress:
        outcome = run_import(
            root,
            files,
            options,
            progress=progress,
            command="govinfo import " + " ".join(str(f) for f in files),
            cache=cache,
        )
    for note in outcome.notes:
        err.print(note, markup=False, highlight=False, soft_wrap=True)
    out = common.console()
    _print_problems(out, outcome)
    if outcome.errors:
        raise GovinfoError(t("import_refused", n=outcome.errors))
    _print_summary(out, outcome)
    if dry_run:
        line = t("import_dry_run", new=outcome.new, dup=outcome.duplicates)
    elif not outcome.written:
        line = t("import_nothing_new")
    elif outcome.commit:
        line = t("import_done", new=outcome.new, dup=outcome.duplicates, commit=outcome.commit[:10])
    else:
        line = t(
            "import_done_no_commit",
            new=outcome.new,
            dup=outcome.duplicates,
            files=len(outcome.written),
        )
    err.print(line, markup=False, highlight=False, soft_wrap=True)


def _folder_language(root: Path) -> str | None:
    from govinfo.load import WorkingTree
    from govinfo.load.folder import read_settings

    try:
        return read_settings(WorkingTree(root)).language
    except GovinfoError:
        return None


class _progress:
    """A progress bar on stderr (only on a terminal) fed ``(stage, done, total)``."""

    def __init__(self, console: Console) -> None:
        from rich.progress import Progress

        self.bar = Progress(console=console, transient=True, disable=not console.is_terminal)
        self.tasks: dict[str, object] = {}

    def __enter__(self) -> _progress:
        self.bar.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.bar.__exit__(None, None, None)

    def __call__(self, stage: str, done: int, total: int) -> None:
        from rich.progress import TaskID

        task = self.tasks.get(stage)
        if task is None:
            task = self.bar.add_task(t(f"import_progress_{stage}"), total=total)
            self.tasks[stage] = task
        assert isinstance(task, int)
        self.bar.update(TaskID(task), completed=done, total=total)


def _print_problems(out: Console, outcome: ImportOutcome) -> None:
    shown_dup = shown_warn = 0
    more_dup = more_warn = 0
    for p in outcome.problems:
        if not p.is_error:
            if p.kind == "duplicate":
                if shown_dup >= MAX_DUPLICATE_LINES:
                    more_dup += 1
                    continue
                shown_dup += 1
            else:
                if shown_warn >= MAX_WARNING_LINES:
                    more_warn += 1
                    continue
                shown_warn += 1
        out.print(str(p), markup=False, highlight=False, soft_wrap=True)
    if more_dup:
        what = t("import_what_duplicates")
        out.print(t("import_more_problems", n=more_dup, what=what), markup=False)
    if more_warn:
        what = t("import_what_warnings")
        out.print(t("import_more_problems", n=more_warn, what=what), markup=False)


def _print_summary(out: Console, outcome: ImportOutcome) -> None:
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAVY, show_footer=True)
    table.add_column(t("import_col_point"), footer=t("import_total"))
    table.add_column(t("import_col_new"), justify="right", footer=str(outcome.new))
    table.add_column(t("import_col_duplicate"), justify="right", footer=str(outcome.duplicates))
    for point in sorted(outcome.counts):
        c = outcome.counts[point]
        table.add_row(outcome.labels.get(point, point), str(c.new), str(c.duplicate))
    out.print(table)
