"""A problem found in a batch file, at the row a spreadsheet shows."""

from __future__ import annotations

from dataclasses import dataclass

from govinfo.model import Severity, SourceRef


@dataclass(frozen=True)
class RowRef:
    """Where a row came from: the file as the clerk named it, the sheet (None for CSV) and the
    row number as the spreadsheet shows it (1-based, title and header rows counted)."""

    file: str
    sheet: str | None
    row: int

    def __str__(self) -> str:
        where = self.file if self.sheet is None else f"{self.file}:{self.sheet}"
        return f"{where}:{self.row}" if self.row else where


@dataclass(frozen=True)
class ImportProblem:
    """A problem at a batch row (``file[:sheet]:row``), or at a place in the data folder
    (``path:line:col``) when the batch makes a file there wrong."""

    where: RowRef | SourceRef
    severity: Severity
    message: str
    # "duplicate": a row skipped as already present; "no-header": a sheet without a header row
    kind: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def __str__(self) -> str:
        return f"{self.where}: {self.severity.value}: {self.message}"

    def sort_key(self) -> tuple[int, str, str, int]:
        w = self.where
        if isinstance(w, RowRef):
            return (0, w.file, w.sheet or "", w.row)
        return (1, w.path, "", w.line)


def error(where: RowRef | SourceRef, message: str, kind: str = "") -> ImportProblem:
    return ImportProblem(where, Severity.ERROR, message, kind)


def warning(where: RowRef | SourceRef, message: str, kind: str = "") -> ImportProblem:
    return ImportProblem(where, Severity.WARNING, message, kind)
