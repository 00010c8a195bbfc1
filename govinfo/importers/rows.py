"""Table rows → candidate submissions or adoptions, each with the row it came from.

A row whose recognised cells are all blank (template padding, a 合计 line) is skipped. Every
problem in a row is reported, naming the column as the sheet writes it and the value as written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from govinfo.i18n import t
from govinfo.importers.columns import (
    ADOPTION_ALIASES,
    ADOPTION_REQUIRED,
    SUBMISSION_ALIASES,
    SUBMISSION_REQUIRED,
    Header,
    Mapping_,
    find_header,
)
from govinfo.importers.points import PointIndex
from govinfo.importers.problems import ImportProblem, RowRef, error, warning
from govinfo.importers.tables import UNCACHED_FORMULA, Table
from govinfo.importers.values import (
    cell_text,
    normalise_title,
    parse_category,
    parse_classification,
    parse_date,
    parse_datetime,
    parse_mode,
    split_names,
)
from govinfo.model import Category, Point

CATEGORY_WORDS = "综合/调研/问题/突发/舆情清单"


@dataclass(frozen=True)
class SubmissionRow:
    where: RowRef
    point: str
    date: dt.date
    title: str
    norm: str  # the title as dedupe compares it
    record: dict[str, Any]  # the fields to write, without ``id``


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


class _Row:
    """One row's cells by field, and the problems found reading them."""

    def __init__(self, table: Table, header: Header, number: int, cells: tuple[object, ...]):
        self.where = table.ref(number)
        self.header = header
        self.cells = cells
        self.problems: list[ImportProblem] = []
        self.uncached: set[str] = set()  # fields whose cell is a formula without a value

    def raw(self, name: str) -> object:
        col = self.header.columns.get(name)
        if col is None or col >= len(self.cells):
            return None
        value = self.cells[col]
        if value is UNCACHED_FORMULA:
            if name not in self.uncached:
                self.uncached.add(name)
                self.fail("import_formula_uncached", name)
            return None
        return None if isinstance(value, str) and not value.strip() else value

    def label(self, name: str) -> str:
        return self.header.labels.get(name, name)

    def blank(self) -> bool:
        return all(self.raw(name) is None for name in self.header.columns)

    def fail(self, key: str, name: str, **kw: object) -> None:
        self.problems.append(error(self.where, t(key, column=self.label(name), **kw)))

    def text(self, name: str, *, required: bool = False) -> str | None:
        value = self.raw(name)
        if value is None:
            if required and name not in self.uncached:
                self.fail("import_missing_value", name)
            return None
        return cell_text(value)

    def parsed(self, name: str, parse: Callable[[object], Any], expected: str) -> Any:
        value = self.raw(name)
        if value is None:
            return None
        try:
            return parse(value)
        except ValueError:
            self.fail("import_bad_value", name, value=cell_text(value), expected=expected)
            return None

    def required(self, name: str, parse: Callable[[object], Any], expected: str) -> Any:
        if self.raw(name) is None:
            if name not in self.uncached:
                self.fail("import_missing_value", name)
            return None
        return self.parsed(name, parse, expected)

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
                "import_ambiguous_point", name, value=text, ids="、".join(p.id for p in found)
            )
        return None


def _header_or_problem(
    table: Table,
    aliases: dict[str, tuple[str, ...]],
    required: tuple[str, ...],
    mapping: Mapping_,
) -> tuple[Header | None, list[ImportProblem]]:
    header = find_header(table, aliases, mapping)
    if header is None:
        if not table.rows:
            return None, []
        return None, [error(table.ref(table.rows[0][0]), t("import_no_header"), "no-header")]
    problems: list[ImportProblem] = []
    for name in required:
        if name not in header.columns:
            problems.append(
                error(
                    table.ref(header.row),
                    t("import_missing_column", field=name, aliases="、".join(aliases[name][:4])),
                )
            )
    if header.ignored:
        problems.append(
            warning(
                table.ref(header.row),
                t("import_ignored_columns", columns="、".join(header.ignored)),
            )
        )
    return (None if any(p.is_error for p in problems) else header), problems


def submission_rows(
    table: Table, points: PointIndex, mapping: Mapping_
) -> tuple[list[SubmissionRow], list[ImportProblem]]:
    header, problems = _header_or_problem(table, SUBMISSION_ALIASES, SUBMISSION_REQUIRED, mapping)
    if header is None:
        return [], problems
    out: list[SubmissionRow] = []
    categories = mapping.categories
    for number, cells in table.rows:
        if number < header.data_from:
            continue
        row = _Row(table, header, number, cells)
        if row.blank():
            continue
        point_text = row.text("point", required=True)
        point = row.point("point", point_text, points) if point_text else None
        day = row.required("date", parse_date, "YYYY-MM-DD")
        title = row.text("title", required=True)
        category = row.required("category", lambda v: parse_category(v, categories), CATEGORY_WORDS)
        co: list[str] = []
        co_text = row.text("co_submitters")
        for name in split_names(co_text) if co_text else []:
            other = row.point("co_submitters", name, points)
            if other is not None and other.id not in co:
                co.append(other.id)
        record: dict[str, Any] = {
            "date": day,
            "title": title,
            "category": category.value if isinstance(category, Category) else None,
            "co_submitters": co or None,
            "solicitation": row.text("solicitation"),
            "occurred_at": row.parsed("occurred_at", parse_datetime, "YYYY-MM-DD HH:MM"),
            "reported_at": row.parsed("reported_at", parse_datetime, "YYYY-MM-DD HH:MM"),
            "reviewer": row.text("reviewer"),
            "classification": _value(
                row.parsed("classification", parse_classification, "公开/内部/秘密")
            ),
            "note": row.text("note"),
        }
        problems.extend(row.problems)
        if row.problems or point is None or day is None or not title:
            continue
        out.append(SubmissionRow(row.where, point.id, day, title, normalise_title(title), record))
    return out, problems


def adoption_rows(
    table: Table, points: PointIndex, mapping: Mapping_
) -> tuple[list[AdoptionRow], list[ImportProblem]]:
    header, problems = _header_or_problem(table, ADOPTION_ALIASES, ADOPTION_REQUIRED, mapping)
    if header is None:
        return [], problems
    if "submission" not in header.columns and not (
        "point" in header.columns and "title" in header.columns
    ):
        problems.append(error(table.ref(header.row), t("import_adoption_columns")))
        return [], problems
    out: list[AdoptionRow] = []
    for number, cells in table.rows:
        if number < header.data_from:
            continue
        row = _Row(table, header, number, cells)
        if row.blank():
            continue
        publication = row.text("publication", required=True)
        day = row.required("date", parse_date, "YYYY-MM-DD")
        mode = row.required("mode", parse_mode, "单条/综合")
        issue = row.text("issue")
        submission = row.text("submission")
        point_id: str | None = None
        norm: str | None = None
        if submission is None:
            point_text = row.text("point", required=True)
            title = row.text("title", required=True)
            point = row.point("point", point_text, points) if point_text else None
            point_id = point.id if point else None
            norm = normalise_title(title) if title else None
        problems.extend(row.problems)
        if row.problems or publication is None or day is None or mode is None:
            continue
        out.append(
            AdoptionRow(row.where, day, publication, mode.value, issue, submission, point_id, norm)
        )
    return out, problems


def _value(member: Any) -> Any:
    return None if member is None else member.value
