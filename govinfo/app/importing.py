"""Importing a batch (``govinfo import``): files in, one commit out — or, on any error, nothing at all.

1. Read every file (tables, header rows, candidate rows); problems are collected, not raised.
2. Under the write lock (after recovering any interrupted write), read the folder's registry,
   match the rows' points, then read the submission years the batch touches (and the years on
   either side, for the 7-day duplicate window and for adoptions of last year's items).
3. Plan: dedupe, ids, spliced month files.
4. ``checked_write``: the folder as it would be is validated; any error → nothing written,
   ``--dry-run`` → nothing written; else one atomic write and one commit whose message says
   what came in.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from govinfo.app.headcheck import refuse_points_not_in_head
from govinfo.app.opening import locate_folder
from govinfo.app.options import Feedback, Progress, RunOptions, apply_language
from govinfo.app.session import refusal
from govinfo.app.write import checked_write, folder_writer
from govinfo.errors import GovinfoError, UsageError
from govinfo.i18n import os_error_text, t
from govinfo.importers.columns import (
    ADOPTION_ALIASES,
    SUBMISSION_ALIASES,
    Mapping_,
    read_mapping,
)
from govinfo.importers.files import read_tables
from govinfo.importers.plan import (
    Counts,
    ParseMemo,
    Plan,
    Tallied,
    batch_problems,
    plan_adoptions,
    plan_submissions,
)
from govinfo.importers.points import PointIndex
from govinfo.importers.problems import ImportProblem, RowRef, error, warning
from govinfo.importers.rows import AdoptionRow, SubmissionRow, adoption_rows, submission_rows
from govinfo.importers.tables import Table
from govinfo.importers.totals import TOTALS
from govinfo.importers.years import year_warnings
from govinfo.load import WorkingTree, load_folder
from govinfo.load.folder import ParseCacheLike, read_settings
from govinfo.model import HistoryKind, Point
from govinfo.reports.recorded import recorded_years

if TYPE_CHECKING:
    from govinfo.reports.registry import PointState


@dataclass(frozen=True)
class ImportOptions:
    dry_run: bool = False
    mapping: Path | None = None
    encoding: str | None = None
    sheet: str | None = None
    commit: bool = True
    message: str | None = None
    adoptions: bool = False
    today: dt.date | None = None  # rows dated after it are warned about (a mistyped year)


@dataclass
class ImportOutcome(Tallied):
    notes: list[str] = field(default_factory=list)  # for stderr: encodings, recovery, git
    problems: list[ImportProblem] = field(default_factory=list)
    counts: dict[str, Counts] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)  # point id → short name
    rows: int = 0
    written: list[str] = field(default_factory=list)
    commit: str | None = None
    message: str = ""
    commit_line: str = ""  # --no-commit in git: the git line that commits what was written

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.is_error)


def import_batch(
    options: RunOptions, feedback: Feedback, files: list[Path], how: ImportOptions
) -> ImportOutcome:
    """Import ``files`` into the run's data folder (see the module docstring); the outcome's
    notes are said through ``feedback`` (as well as kept)."""
    root = locate_folder(options)
    apply_language(options, _folder_language(root))
    refuse_missing_files(files)
    cache = None
    if not options.no_cache:
        from govinfo.load.parsecache import ParseCache

        cache = ParseCache(root)
    command = "govinfo import " + " ".join(str(f) for f in files)
    with feedback.progress() as progress:
        outcome = run_import(root, files, how, progress=progress, command=command, cache=cache)
    for note in outcome.notes:
        feedback.note(note)
    return outcome


def refuse_missing_files(files: list[Path]) -> None:
    """A usage error (exit 2) naming every file given that is not there, is a folder, or cannot
    be read — in the clerk's language, before anything is read or locked."""
    wrong: list[str] = []
    for path in files:
        try:
            if not path.exists():
                wrong.append(t("import_no_file", file=str(path)))
            elif path.is_dir():
                wrong.append(t("import_file_is_folder", file=str(path)))
            elif not path.is_file():  # a named pipe, a device: reading it could wait forever
                wrong.append(t("import_not_regular_file", file=str(path)))
            elif not os.access(path, os.R_OK):
                wrong.append(t("import_file_unreadable", file=str(path)))
        except OSError as err:  # a name too long, …: the system's reason, in words
            wrong.append(t("import_file_os_error", file=str(path), reason=os_error_text(err)))
    if wrong:
        raise UsageError("\n".join(wrong))


def once_each(files: list[Path]) -> tuple[list[Path], list[ImportProblem]]:
    """``files`` with each file given again (the same name twice, or another path to it)
    dropped, and a warning at each: its rows would all be "repeats of the batch"."""
    kept: list[Path] = []
    problems: list[ImportProblem] = []
    for path in files:
        first = next((p for p in kept if _same_file(p, path)), None)
        if first is None:
            kept.append(path)
        else:
            message = t("import_file_twice", first=str(first))
            problems.append(warning(RowRef(path.name, None, 0), message))
    return kept, problems


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a == b or os.path.samefile(a, b)
    except OSError:
        return False


def later_than(today: dt.date, rows: Iterable[SubmissionRow | AdoptionRow]) -> list[ImportProblem]:
    """A warning at each row dated after ``today``: 2099 for 2009 is a slip the folder would
    take without a word (nothing forbids a date to come), and the year it lands in is not
    the one the clerk is scoring."""
    return [
        warning(
            row.where,
            t(
                "import_future_date",
                column=row.columns.get("date", "date"),
                value=row.date.isoformat(),
                today=today.isoformat(),
            ),
        )
        for row in rows
        if row.date > today
    ]


def outside_network(points: Iterable[Point], rows: Iterable[SubmissionRow]) -> list[ImportProblem]:
    """A warning at each row dated outside one of its points' time in the network (the owner
    or a co-submitter): before the point was first admitted, or after it left (it holds no
    tier that day: retired, or disqualified by close-year). The folder takes the row — the
    point's items are still its own — but a clerk who typed the wrong year or the wrong 单位
    hears of it. The warning names the point and the day it was admitted or left (and how)."""
    from govinfo.reports.registry import point_state

    by_id = {p.id: p for p in points}
    out: list[ImportProblem] = []
    for row in rows:
        for pid in (row.point, *(row.record.get("co_submitters") or ())):
            point = by_id.get(pid)
            if point is None:
                continue
            words = _outside_words(point, point_state(point, row.date), row)
            if words is not None:
                out.append(warning(row.where, words))
    return out


def _outside_words(point: Point, state: PointState, row: SubmissionRow) -> str | None:
    """What :func:`outside_network` says of ``row`` for ``point`` (None: the row is inside)."""
    names = {
        "column": row.columns.get("date", "date"),
        "value": row.date.isoformat(),
        "point": row.names.get(point.id, point.label),
        "id": point.id,
    }
    left = state.since
    if state.state in ("retired", "disqualified") and left is not None and row.date > left:
        how = t(f"pt_event_{state.state}")
        return t("import_after_leaving", left=left.isoformat(), how=how, **names)
    admitted = [ev.date for ev in point.history if ev.event is HistoryKind.ADMITTED]
    if state.state == "not-admitted" and admitted and row.date < min(admitted):
        return t("import_before_admission", admitted=min(admitted).isoformat(), **names)
    return None


def _folder_language(root: Path) -> str | None:
    try:
        return read_settings(WorkingTree(root)).language
    except GovinfoError:
        return None


def run_import(
    root: Path,
    files: list[Path],
    options: ImportOptions,
    *,
    progress: Progress,
    command: str | None = None,
    cache: ParseCacheLike | None = None,
) -> ImportOutcome:
    """Import ``files`` into the data folder at ``root``; see the module docstring."""
    report = progress
    out = ImportOutcome()
    aliases = ADOPTION_ALIASES if options.adoptions else SUBMISSION_ALIASES
    mapping = read_mapping(options.mapping, aliases) if options.mapping else Mapping_()
    files, twice = once_each(files)
    tables: list[Table] = []
    for i, path in enumerate(files):
        found, problems = read_tables(
            path, display=path.name, encoding=options.encoding, sheet=options.sheet
        )
        tables += found
        out.problems += problems
        report("read", i + 1, len(files))
    for table in tables:
        out.notes += table.notes

    with folder_writer(root, command, out.notes.append) as writer:
        memo = ParseMemo()
        source = WorkingTree(writer.root)
        registry = load_folder(source, years=(), parse=memo)
        if registry.errors:
            raise refusal(registry.problems, registry.errors)
        folder = registry.folder
        points = PointIndex(folder.points)
        out.labels = {p.id: p.label for p in folder.points}

        sub_rows: list[SubmissionRow] = []
        adopt_rows: list[AdoptionRow] = []
        headerless: dict[str, list[ImportProblem]] = {}
        with_header: set[str] = set()
        rows_of: Counter[str] = Counter()
        for table in tables:
            if options.adoptions:
                got_a, problems = adoption_rows(table, points, mapping)
                adopt_rows += got_a
                rows_of[table.file] += len(got_a) + _counted(problems)
            else:
                got_s, problems = submission_rows(table, points, mapping)
                sub_rows += got_s
                rows_of[table.file] += len(got_s) + _counted(problems)
            missing = [p for p in problems if p.kind == "no-header"]
            if missing and table.sheet is not None and options.sheet is None:
                headerless.setdefault(table.file, []).extend(missing)
                problems = [p for p in problems if p.kind != "no-header"]
            elif not missing:
                with_header.add(table.file)
            out.problems += problems
        for file, problems in headerless.items():
            # A workbook's other sheets (notes, a cover page) are skipped when some sheet of it
            # has a header; a workbook where none has one is an error.
            if file in with_header:
                pages = {tb.file for tb in tables if tb.source == "html"}
                said = t("import_table_skipped" if file in pages else "import_sheet_skipped")
                out.problems += [warning(p.where, said, "no-header") for p in problems]
            else:
                out.problems += problems
        out.problems += empty_files(files, rows_of, out.problems, tables) + twice
        if options.today is not None:
            out.problems += later_than(options.today, [*sub_rows, *adopt_rows])
        out.problems += outside_network(folder.points, sub_rows)
        out.rows = len(sub_rows) + len(adopt_rows)

        dates = [r.date for r in sub_rows] + [r.date for r in adopt_rows]
        years = sorted({d.year + k for d in dates for k in (-1, 0, 1)})
        loaded = load_folder(
            source,
            years=years,
            parse=memo,
            cache=cache,
            progress=lambda d, n: report("load", d, n),
        )
        if loaded.errors:
            raise refusal(loaded.problems, loaded.errors)
        plan: Plan
        if options.adoptions:
            plan = plan_adoptions(adopt_rows, loaded.folder, writer.read_bytes)
        else:
            plan = plan_submissions(sub_rows, loaded.folder, writer.read_bytes)
        out.problems += plan.problems
        out.counts = plan.counts
        if plan.changes:
            out.notes += closed_year_notes(folder.points, {d.year for d in dates})
            added = {row for spans in plan.spans.values() for *_, row in spans}
            closed = recorded_years(folder.points)
            out.problems += year_warnings([*sub_rows, *adopt_rows], closed, added)
        held = options.dry_run or any(p.is_error for p in out.problems)
        if options.commit and plan.changes and not held:
            refuse_points_not_in_head(writer, plan.counts)
        checked = checked_write(
            writer,
            plan.changes,
            loaded.problems,
            years=years,
            message=options.message or _message(files, out, options.adoptions),
            office=folder.settings.office,
            commit=options.commit,
            hold=held,
            parse=memo,
            cache=cache,
            progress=lambda d, n: report("check", d, n),
        )
        if plan.changes:
            out.problems += batch_problems(plan, checked.problems, checked.new)
        out.problems.sort(key=ImportProblem.sort_key)
        out.message = options.message or _message(files, out, options.adoptions)
        if checked.result is not None:
            out.written = checked.result.written
            out.commit = checked.result.commit
            out.notes += checked.result.warnings
            if not options.commit and out.written and writer.repo is not None:
                from govinfo.store.git import commit_command

                out.commit_line = commit_command(writer.root, out.written, out.message)
    return out


def _counted(problems: list[ImportProblem]) -> int:
    """The problems that stand for a row of the file (a skipped totals row stands for none)."""
    return sum(1 for p in problems if p.kind != TOTALS)


def empty_files(
    files: list[Path],
    rows_of: Counter[str],
    problems: list[ImportProblem],
    tables: Iterable[Table] = (),
) -> list[ImportProblem]:
    """One error for each file that gave no rows and no other problem: an empty or header-only
    file is a mistake (the wrong file, an export that failed), never a silent success. When the
    file's rows came from one sheet (``--sheet``, or a workbook of one sheet), the error names
    it (``file:sheet``), as every import position does."""
    told = {p.where.file for p in problems if isinstance(p.where, RowRef) and p.kind != TOTALS}
    sheets: dict[str, set[str | None]] = {}
    for table in tables:
        sheets.setdefault(table.file, set()).add(table.sheet)
    out: list[ImportProblem] = []
    for path in files:
        if rows_of[path.name] or path.name in told:
            continue
        read = sheets.get(path.name, set())
        sheet = next(iter(read)) if len(read) == 1 else None
        if sheet is None:
            out.append(error(RowRef(path.name, None, 0), t("import_empty_file")))
        else:
            out.append(error(RowRef(path.name, sheet, 0), t("import_empty_sheet", sheet=sheet)))
    return out


def closed_year_notes(
    points: Iterable[Point], years: set[int], key: str = "import_closed_year"
) -> list[str]:
    """A note for each year of the batch whose outcome is already recorded in the registry
    (``commended``/``disqualified`` events naming it): the new rows may change that outcome.
    ``key``: the words (``points add``/``retire``/``reinstate`` say it of their event)."""
    recorded = recorded_years(points)
    return [t(key, year=y, date=recorded[y].isoformat()) for y in sorted(years) if y in recorded]


def _message(files: list[Path], out: ImportOutcome, adoptions: bool) -> str:
    names = "、".join(p.name for p in files)
    key = "import_commit_adoptions" if adoptions else "import_commit"
    return t(key, files=names, new=out.new, dup=out.duplicates)
