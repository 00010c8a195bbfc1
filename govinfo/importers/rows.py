"""Table rows → candidate submissions or adoptions, each with the row it came from.

A row whose recognised cells are all blank (template padding) is skipped, a 合计 row with a note.
Every problem in a row is reported, naming the column as the sheet writes it and the value as written.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from govinfo.i18n import t
from govinfo.importers.columns import (
    ADOPTION_ALIASES,
    ADOPTION_REQUIRED,
    SUBMISSION_ALIASES,
    SUBMISSION_REQUIRED,
    Header,
    Mapping_,
    column_names,
    header_or_problem,
)
from govinfo.importers.merges import Carried, across_at, carried_down
from govinfo.importers.points import PointIndex
from govinfo.importers.problems import ImportProblem, RowRef, error, warning
from govinfo.importers.tables import UNCACHED_FORMULA, Table
from govinfo.importers.totals import rows_below
from govinfo.importers.values import (
    HIGHER_SECRET,
    NoSuchDay,
    cell_text,
    fold_word,
    normalise_title,
    parse_category,
    parse_classification,
    parse_datetime,
    parse_day,
    parse_mode,
    serial_date,
    split_names,
    time_of_day,
)
from govinfo.model import Category, Point

# Fields whose cell may hold several lines: a note, and a list of names (one a line is a list).
MULTI_LINE = frozenset({"note", "co_submitters"})
_BREAK = re.compile(r"\r\n|[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]")


@dataclass(frozen=True)
class SubmissionRow:
    where: RowRef
    point: str
    date: dt.date
    title: str
    norm: str  # the title as dedupe compares it
    record: dict[str, Any]  # the fields to write, without ``id``
    columns: Mapping[str, str]  # field → its column as the sheet heads it (``column_names``)
    # the row's points (owner, co-submitters) by id → as the sheet writes them, for messages
    names: Mapping[str, str] = field(default_factory=dict)
    # field → the cell as the sheet writes it, for messages (a repeat that says otherwise)
    written: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class AdoptionRow:
    where: RowRef
    date: dt.date
    publication: str  # as written: an id or a name
    mode: str
    issue: str | None
    submission: str | None  # an id, when the sheet gives one
    point: str | None  # else the point and title
    norm: str | None
    point_text: str | None  # the point as the sheet writes it, for messages
    columns: Mapping[str, str]  # field → its column as the sheet heads it (``column_names``)


class _Row:
    """One row's cells by field, and the problems found reading them."""

    def __init__(
        self,
        table: Table,
        header: Header,
        number: int,
        cells: tuple[object, ...],
        carried: Carried | None = None,
    ):
        self.where = table.ref(number)
        self.header = header
        self.cells = cells
        self.number = number
        self.merges = table.merges
        self.carried = carried or {}  # values merges carry down into this row's empty cells
        self.delimiter = table.delimiter
        self.html = table.source == "html"
        self.problems: list[ImportProblem] = []
        # fields whose cell is already reported unreadable: a formula without a value, or a
        # line break in a one-line field
        self.unreadable: set[str] = set()
        self.garbled: int | None = None  # see found()
        self.doubted: set[str] = set()  # several-line cells warned of as swallowed rows

    def raw(self, name: str) -> object:
        value = self._own(name)
        if value is None:
            value = self.carried.get((self.number, self.header.columns.get(name, -1)))
            if value is None:
                return None
        if value is UNCACHED_FORMULA:
            if name not in self.unreadable:
                self.unreadable.add(name)
                self.fail("import_formula_uncached", name)
            return None
        if isinstance(value, str) and name not in MULTI_LINE and _BREAK.search(value.strip()):
            if name not in self.unreadable:
                self.unreadable.add(name)
                self.line_break(name, value)
            return None
        if isinstance(value, str) and name in MULTI_LINE and name not in self.doubted:
            self.doubted.add(name)
            if self.delimiter is not None:
                self.rows_in(name, value, self.delimiter)
        return None if isinstance(value, str) and not value.strip() else value

    def _own(self, name: str) -> object:
        """The row's own cell of field ``name`` (None when blank), not what a merge carries."""
        col = self.header.columns.get(name)
        if col is None or col >= len(self.cells):
            return None
        value = self.cells[col]
        return None if isinstance(value, str) and not value.strip() else value

    def missing(self, name: str) -> None:
        """Report a required cell that is empty — saying so when a merge across columns left it
        empty (its value sits in the merge's first cell, and is not carried across)."""
        if name in self.unreadable:
            return
        across = across_at(self.merges, self.number, self.header.columns.get(name, -1))
        if across is None:
            self.fail("import_missing_value", name)
        else:
            self.fail("import_missing_merged_across", name, range=across[0], cell=across[1])

    def rows_in(self, name: str, value: str, delimiter: str) -> None:
        """Warn when a cell that may hold several lines (备注) holds a line that looks like a
        whole row of the file (as many delimiters as the columns read): a stray quote opened it
        and another closed it later, and the rows between went into it unseen."""
        need = max(len(self.header.columns) - 1, 2)
        lines = _BREAK.split(value.strip())
        for k, line in enumerate(lines[1:], start=2):
            if (n := line.count(delimiter)) >= need:
                self.problems.append(
                    warning(
                        self.where,
                        t(
                            "import_rows_in_cell",
                            column=self.label(name),
                            lines=len(lines),
                            k=k,
                            n=n,
                            delim=delimiter,
                        ),
                    )
                )
                return

    def line_break(self, name: str, value: str) -> None:
        """Report a line break in a one-line cell. In a CSV file, lines after the first that
        hold the delimiter are rows swallowed by a quote that opened the cell and closed too late."""
        lines = _BREAK.split(value.strip())
        swallowed = self.delimiter is not None and any(self.delimiter in x for x in lines[1:])
        fix = t(
            "import_line_break_csv"
            if swallowed
            else ("import_line_break_html" if self.html else "import_line_break_sheet")
        )
        self.fail("import_line_break", name, lines=len(lines), first=lines[0].strip(), fix=fix)
        if swallowed and self.garbled is None:
            self.garbled = len(self.problems)

    def found(self) -> list[ImportProblem]:
        """The row's problems. In a CSV row that swallowed rows after it, only the line break
        (the cells are read for breaks first): a quote closed in the wrong place moved every
        cell after it, so what the other cells hold (or miss) says nothing."""
        return self.problems if self.garbled is None else self.problems[: self.garbled]

    def failed(self) -> bool:
        """Whether the row has an error (a warning leaves it to be imported)."""
        return any(p.is_error for p in self.problems)

    def label(self, name: str) -> str:
        return self.header.labels.get(name, name)

    def blank(self) -> bool:
        """Whether no recognised cell holds a value; every cell is read, so that the unreadable
        ones are reported first, in column order."""
        if all(self._own(name) is None for name in self.header.columns):
            return True  # nothing of its own: padding, even where a merge reaches into it
        values = [self.raw(name) for name in self.header.columns]
        return all(value is None for value in values) and not self.unreadable

    def fail(self, key: str, name: str, **kw: object) -> None:
        self.problems.append(error(self.where, t(key, column=self.label(name), **kw)))

    def text(self, name: str, *, required: bool = False) -> str | None:
        value = self.raw(name)
        if value is None:
            if required:
                self.missing(name)
            return None
        return cell_text(value)

    def parsed(self, name: str, parse: Callable[[object], Any], expected: str) -> Any:
        value = self.raw(name)
        if value is None:
            return None
        try:
            return parse(value)
        except NoSuchDay as bad:
            self.fail(
                f"import_no_such_{bad.reason}",
                name,
                value=cell_text(value),
                year=bad.year,
                month=bad.month,
                day=bad.day,
            )
            return None
        except ValueError:
            self.fail("import_bad_value", name, value=cell_text(value), expected=expected)
            return None

    def required(self, name: str, parse: Callable[[object], Any], expected: str) -> Any:
        if self.raw(name) is None:
            self.missing(name)
            return None
        return self.parsed(name, parse, expected)

    def day(self, name: str) -> dt.date | None:
        """A required date-only field (报送日期, 采用日期). A time of day that came with it — an
        Excel date cell holding a date-time, or the same as text — is dropped with a warning
        naming it (a time of 00:00 silently)."""
        value = self.raw(name)
        if (clock := time_of_day(value)) is not None:
            self.fail("import_time_not_date", name, value=clock, forms=t("import_date_forms"))
            return None
        if (serial := serial_date(value)) is not None:
            self.fail("import_serial_date", name, value=cell_text(value), day=serial.isoformat())
            return None
        got: tuple[dt.date, str | None] | None
        got = self.required(name, parse_day, t("import_date_forms"))
        if got is None:
            return None
        day, time = got
        if time is not None:
            value = cell_text(self.raw(name))
            self.problems.append(
                warning(
                    self.where,
                    t(
                        "import_time_dropped",
                        column=self.label(name),
                        value=value,
                        time=time,
                        date=day.isoformat(),
                    ),
                )
            )
        return day

    def point(self, name: str, text: str, points: PointIndex) -> Point | None:
        found = points.match(text)
        if isinstance(found, Point):
            return found
        if found is None:
            hint = points.suggest(text)
            self.fail(
                "import_unknown_point",
                name,
                value=text,
                hint=t("import_did_you_mean", hint=hint) if hint else "",
            )
        else:
            self.fail(
                "import_ambiguous_point",
                name,
                value=text,
                ids=t("list_sep").join(p.id for p in found),
            )
        return None


def _data_rows(table: Table, header: Header, notes: list[ImportProblem]) -> Iterator[_Row]:
    """The rows below ``header`` with a value in its columns; a 合计 row a note, a hidden one warned."""
    carried = carried_down(table, header.data_from, header.columns.values())
    for number, cells in rows_below(table, header.data_from, notes):
        row = _Row(table, header, number, cells, carried)
        if not row.blank():
            if number in table.hidden_rows:
                notes.append(warning(row.where, t("import_hidden_row")))
            yield row


def submission_rows(
    table: Table, points: PointIndex, mapping: Mapping_
) -> tuple[list[SubmissionRow], list[ImportProblem]]:
    header, problems = header_or_problem(table, SUBMISSION_ALIASES, SUBMISSION_REQUIRED, mapping)
    if header is None:
        return [], problems
    out: list[SubmissionRow] = []
    categories = mapping.categories
    words = t("import_category_words")  # as the message lists them
    columns = column_names(SUBMISSION_ALIASES, header.labels)
    for row in _data_rows(table, header, problems):
        point_text = row.text("point", required=True)
        point = row.point("point", point_text, points) if point_text else None
        day = row.day("date")
        title = row.text("title", required=True)
        category = row.required("category", lambda v: parse_category(v, categories), words)
        co: list[str] = []
        names = {point.id: point_text} if point is not None and point_text else {}
        co_text = row.text("co_submitters")
        for name in split_names(co_text) if co_text else []:
            other = row.point("co_submitters", name, points)
            if other is not None and point is not None and other.id == point.id:
                # said here, as the sheet writes it (长春), not by the check of the record (its id)
                row.fail("import_co_submitter_owner", "co_submitters", value=name)
            elif other is not None and other.id not in co:
                co.append(other.id)
                names[other.id] = name
        record: dict[str, Any] = {
            "date": day,
            "title": title,
            "category": category.value if isinstance(category, Category) else None,
            "co_submitters": co or None,
            "solicitation": row.text("solicitation"),
            "occurred_at": row.parsed("occurred_at", parse_datetime, "YYYY-MM-DD HH:MM"),
            "reported_at": row.parsed("reported_at", parse_datetime, "YYYY-MM-DD HH:MM"),
            "reviewer": row.text("reviewer"),
            "classification": _value(_classification(row)),
            "note": row.text("note"),
        }
        problems.extend(row.found())
        if row.failed() or point is None or day is None or not title:
            continue
        norm = normalise_title(title)
        written = {name: row.text(name) or "" for name in header.columns}
        out.append(
            SubmissionRow(row.where, point.id, day, title, norm, record, columns, names, written)
        )
    return out, problems


def adoption_rows(
    table: Table, points: PointIndex, mapping: Mapping_
) -> tuple[list[AdoptionRow], list[ImportProblem]]:
    header, problems = header_or_problem(table, ADOPTION_ALIASES, ADOPTION_REQUIRED, mapping)
    if header is None:
        return [], problems
    if "submission" not in header.columns and not (
        "point" in header.columns and "title" in header.columns
    ):
        problems.append(error(table.ref(header.row), t("import_adoption_columns")))
        return [], problems
    out: list[AdoptionRow] = []
    columns = column_names(ADOPTION_ALIASES, header.labels)
    for row in _data_rows(table, header, problems):
        publication = row.text("publication", required=True)
        day = row.day("date")
        mode = row.required("mode", parse_mode, t("import_mode_words"))
        issue = row.text("issue")
        submission = row.text("submission")
        point_id: str | None = None
        norm: str | None = None
        point_text: str | None = None
        if submission is None:
            point_text = row.text("point", required=True)
            title = row.text("title", required=True)
            point = row.point("point", point_text, points) if point_text else None
            point_id = point.id if point else None
            norm = normalise_title(title) if title else None
        problems.extend(row.found())
        if row.failed() or publication is None or day is None or mode is None:
            continue
        out.append(
            AdoptionRow(
                row.where,
                day,
                publication,
                mode.value,
                issue,
                submission,
                point_id,
                norm,
                point_text,
                columns,
            )
        )
    return out, problems


def _classification(row: _Row) -> Any:
    """密级; 机密 and 绝密 are kept as 秘密 (the folder's highest), with a warning saying so."""
    found = row.parsed("classification", parse_classification, t("import_secret_words"))
    if found is not None and fold_word(cell_text(row.raw("classification"))) in HIGHER_SECRET:
        text = cell_text(row.raw("classification"))
        row.problems.append(warning(row.where, t("import_secret_kept", value=text)))
    return found


def _value(member: Any) -> Any:
    return None if member is None else member.value
