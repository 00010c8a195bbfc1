"""The words of ``govinfo import``: its problems (capped), its summary table per point, and the
one line that says what came in."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Protocol

from govinfo.i18n import t
from govinfo.render.columns import Cell, Column, ColumnKind
from govinfo.render.table import Table
from govinfo.text import escape

MAX_DUPLICATE_LINES = 20
MAX_WARNING_LINES = 50


class ProblemLike(Protocol):
    @property
    def is_error(self) -> bool: ...

    @property
    def kind(self) -> str: ...


class CountsLike(Protocol):
    new: int
    duplicate: int


class OutcomeLike(Protocol):
    """What an import did (``app.importing.ImportOutcome``)."""

    @property
    def counts(self) -> Mapping[str, CountsLike]: ...

    @property
    def labels(self) -> Mapping[str, str]: ...

    @property
    def written(self) -> list[str]: ...

    @property
    def commit(self) -> str | None: ...

    @property
    def new(self) -> int: ...

    @property
    def duplicates(self) -> int: ...

    @property
    def commit_line(self) -> str: ...


def problem_lines(problems: Iterable[ProblemLike]) -> list[str]:
    """Every error; the first duplicates and warnings, then how many more of each."""
    lines: list[str] = []
    shown_dup = shown_warn = 0
    more_dup = more_warn = 0
    for p in problems:
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
        lines.append(escape(str(p)))
    if more_dup:
        lines.append(t("import_more_problems", n=more_dup, what=t("import_what_duplicates")))
    if more_warn:
        lines.append(t("import_more_problems", n=more_warn, what=t("import_what_warnings")))
    return lines


def summary_table(outcome: OutcomeLike) -> Table:
    """New and duplicate rows per point, with their totals."""
    rows: list[list[Cell]] = []
    for point in sorted(outcome.counts):
        c = outcome.counts[point]
        rows.append([outcome.labels.get(point, point), c.new, c.duplicate])
    return Table(
        columns=[
            Column("point", t("import_col_point")),
            Column("new", t("import_col_new"), ColumnKind.COUNT),
            Column("duplicate", t("import_col_duplicate"), ColumnKind.COUNT),
        ],
        rows=rows,
        total=[t("import_total"), outcome.new, outcome.duplicates],
        key="import",
        name=t("import_sheet"),
        title=t("import_sheet"),
    )


def outcome_line(outcome: OutcomeLike, dry_run: bool) -> str:
    """What came in (or would have, with ``--dry-run``), and the commit made."""
    if dry_run:
        return t("import_dry_run", new=outcome.new, dup=outcome.duplicates)
    if not outcome.written:
        return t("import_nothing_new")
    if outcome.commit:
        return t("import_done", new=outcome.new, dup=outcome.duplicates, commit=outcome.commit[:10])
    line = t(
        "import_done_no_commit",
        new=outcome.new,
        dup=outcome.duplicates,
        files=len(outcome.written),
    )
    if not outcome.commit_line:  # outside git: nothing to commit, nothing refused later
        return line
    return line + "\n" + t("import_no_commit_next", how=outcome.commit_line)
