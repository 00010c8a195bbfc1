"""Candidate rows → the files to write, checked by the same validator as ``govinfo check``.

``plan_submissions`` dedupes rows against the folder and the batch, gives new records their ids
(``<point>-<year>-<NNNN>``, continuing each point's sequence) and splices them into their month
files in date order. ``plan_adoptions`` finds each adoption's submission and appends it to that
record's ``adoptions:``. Either way the new texts then go through ``app.write.checked_write``: the folder is
read again with the new files laid over it — ``parse_file`` per changed file, the cross-file
checks over everything — and each problem inside an inserted item is traced back to its row.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from govinfo.i18n import t
from govinfo.importers import differ
from govinfo.importers.columns import in_sheet_terms
from govinfo.importers.problems import ImportProblem, RowRef, error, warning
from govinfo.importers.rows import AdoptionRow, SubmissionRow
from govinfo.importers.values import fold, normalise_title
from govinfo.load import ParsedFile, parse_file
from govinfo.model import Folder, Problem, SourceRef, Submission
from govinfo.text import NAME_CUTOFF, closest
from govinfo.yamltext.emit import emit_list_item
from govinfo.yamltext.fields import ADOPTION_FIELDS, SUBMISSION_FIELDS, in_field_order
from govinfo.yamltext.splice import NewItem, Spliced, append_many, insert_records, worded

NEAR_DAYS = 7
MAX_ADOPTION_DAYS = 366
_SEQ_ID = re.compile(r"(.+)-(\d{4})-(\d+)")


# --- reading the folder, and reading it again with the new files ------------------------------


class ParseMemo:
    """``parse_file`` that remembers each file's result, so that reading the folder again with a
    few files changed parses only those."""

    def __init__(self, parse: Callable[[str, bytes], ParsedFile] = parse_file) -> None:
        self._parse = parse
        self._seen: dict[str, tuple[bytes, ParsedFile]] = {}

    def __call__(self, path: str, data: bytes) -> ParsedFile:
        hit = self._seen.get(path)
        if hit is not None and hit[0] == data:
            return hit[1]
        parsed = self._parse(path, data)
        self._seen[path] = (data, parsed)
        return parsed


@dataclass
class Counts:
    new: int = 0
    duplicate: int = 0


def total(counts: dict[str, Counts]) -> Counts:
    """New and duplicate rows over every point."""
    return Counts(sum(c.new for c in counts.values()), sum(c.duplicate for c in counts.values()))


class Tallied:
    """A batch's ``new`` and ``duplicates`` over every point, from its per-point ``counts``
    (the planner's ``Plan`` and the use case's ``ImportOutcome`` both report them)."""

    counts: dict[str, Counts]

    @property
    def new(self) -> int:
        return total(self.counts).new

    @property
    def duplicates(self) -> int:
        return total(self.counts).duplicate


@dataclass
class Plan(Tallied):
    changes: dict[str, bytes] = field(default_factory=dict)
    # per changed file: (first line, last line, row) of each inserted item
    spans: dict[str, list[tuple[int, int, RowRef]]] = field(default_factory=dict)
    problems: list[ImportProblem] = field(default_factory=list)
    counts: dict[str, Counts] = field(default_factory=dict)
    # per row: its fields' columns as the sheet heads them
    columns: dict[RowRef, Mapping[str, str]] = field(default_factory=dict)
    # per row: its points by id → as the sheet writes them
    names: dict[RowRef, Mapping[str, str]] = field(default_factory=dict)

    def count(self, point: str) -> Counts:
        return self.counts.setdefault(point, Counts())

    def add_file(self, path: str, spliced: Spliced, rows: list[RowRef]) -> None:
        self.changes[path] = spliced.text.encode("utf-8")
        self.spans[path] = [(a, b, r) for (a, b), r in zip(spliced.lines, rows, strict=True)]


def _where(src: SourceRef) -> str:
    return f"{src.path}:{src.line}"


def batch_problems(plan: Plan, problems: list[Problem], new: list[Problem]) -> list[ImportProblem]:
    """The problems of the folder as it would be that concern the batch: each problem inside an
    inserted item, at that item's row and naming the row's columns (not the YAML's field names);
    any other new error at its place in the folder."""
    fresh = {id(p) for p in new}
    out: list[ImportProblem] = []
    for p in problems:
        row = _row_of(plan, p)
        if row is not None:
            message = in_sheet_terms(p.message, plan.columns.get(row, {}))
            message = _as_written(message, plan.names.get(row, {}))
            out.append(ImportProblem(row, p.severity, message))
        elif p.is_error and id(p) in fresh:
            out.append(ImportProblem(SourceRef(p.path, p.line, p.col), p.severity, p.message))
    return out


def _as_written(message: str, names: Mapping[str, str]) -> str:
    """``message`` with each of the row's point ids (``siping``) as the sheet writes the
    point (四平): the validator speaks of the record, the clerk reads the row. Only whole ids,
    never inside a path (``submissions/2003/siping/08.yaml``) or a longer word."""
    if not names:
        return message
    ids = "|".join(re.escape(i) for i in sorted(names, key=len, reverse=True))
    pattern = rf"(?<![A-Za-z0-9_./-])(?:{ids})(?![A-Za-z0-9_./-])"
    return re.sub(pattern, lambda m: names[m[0]], message)


def _row_of(plan: Plan, p: Problem) -> RowRef | None:
    for first, last, row in plan.spans.get(p.path, ()):
        if first <= p.line <= last:
            return row
    return None


def _old_text(read: Callable[[str], bytes | None], path: str) -> str:
    data = read(path)
    return "" if data is None else data.decode("utf-8")


# --- submissions ------------------------------------------------------------------------------


def _next_sequences(subs: Iterable[Submission]) -> dict[tuple[str, int], int]:
    """The highest ``NNNN`` of ``<point>-<year>-NNNN`` ids per (point, year)."""
    top: dict[tuple[str, int], int] = {}
    for s in subs:
        m = _SEQ_ID.fullmatch(s.id)
        if m is not None:
            key = (m[1], int(m[2]))
            top[key] = max(top.get(key, 0), int(m[3]))
    return top


def plan_submissions(
    rows: list[SubmissionRow], folder: Folder, read: Callable[[str], bytes | None]
) -> Plan:
    """Dedupe ``rows`` against ``folder`` (the loaded years) and themselves, and splice the new
    ones into their month files (read through ``read``)."""
    plan = Plan(
        columns={row.where: row.columns for row in rows},
        names={row.where: row.names for row in rows},
    )
    exact: dict[tuple[str, dt.date, str], Submission] = {}
    by_title: dict[tuple[str, str], list[tuple[dt.date, str]]] = defaultdict(list)
    for s in folder.submissions:
        norm = normalise_title(s.title)
        exact.setdefault((s.point, s.date, norm), s)
        by_title[(s.point, norm)].append((s.date, _where(s.source)))
    labels = {p.id: p.label for p in folder.points}
    batch_first: dict[tuple[str, dt.date, str], SubmissionRow] = {}
    accepted: list[SubmissionRow] = []
    for row in rows:
        key = (row.point, row.date, row.norm)
        counts = plan.count(row.point)
        stored = exact.get(key)
        if stored is not None:
            counts.duplicate += 1
            plan.problems.append(_skipped(row, stored, labels))
            continue
        first = batch_first.get(key)
        if first is not None:
            counts.duplicate += 1
            plan.problems.append(_repeated(row, first))
            continue
        batch_first[key] = row
        near = _near(by_title.get((row.point, row.norm), ()), row.date)
        if near is not None:
            plan.problems.append(warning(row.where, t("import_possible_duplicate", where=near)))
        by_title[(row.point, row.norm)].append((row.date, str(row.where)))
        counts.new += 1
        accepted.append(row)

    taken = {s.id for s in folder.submissions}
    seq = _next_sequences(folder.submissions)
    files: dict[str, list[tuple[SubmissionRow, str]]] = defaultdict(list)
    for row in sorted(accepted, key=lambda r: r.date):  # stable: row order within a day
        year = row.date.year
        n = seq.get((row.point, year), 0)
        while True:
            n += 1
            new_id = f"{row.point}-{year}-{n:04d}"
            if new_id not in taken:
                break
        seq[(row.point, year)] = n
        taken.add(new_id)
        path = f"submissions/{year}/{row.point}/{row.date.month:02d}.yaml"
        record = in_field_order({"id": new_id, **row.record}, SUBMISSION_FIELDS)
        files[path].append((row, emit_list_item(record)))
    for path in sorted(files):
        entries = files[path]
        items = [NewItem(text, row.date.isoformat()) for row, text in entries]
        with worded(t):
            spliced = insert_records(_old_text(read, path), items, path=path)
        plan.add_file(path, spliced, [row.where for row, _ in entries])
    return plan


def _skipped(row: SubmissionRow, stored: Submission, labels: Mapping[str, str]) -> ImportProblem:
    """The warning for a row already in the folder: skipped — and, when it says something the
    record does not, what (listed with the warnings, not folded away with the duplicates)."""
    where = _where(stored.source)
    kept = differ.stored_facts(stored)
    if differ.facts(row.record) == kept:
        return warning(row.where, t("import_duplicate", where=where), "duplicate")
    kept_text = {name: differ.stored_text(stored, name, labels) for name in differ.FIELDS}
    diffs = differ.differences(
        differ.facts(row.record), kept, row.written, kept_text, row.columns, where
    )
    return warning(row.where, t("import_duplicate_differs", where=where, diffs=diffs))


def _repeated(row: SubmissionRow, first: SubmissionRow) -> ImportProblem:
    """The warning for a repeat of an earlier row of the batch: imported once, with the first
    row's values — and, when the two differ, where."""
    mine, kept = differ.facts(row.record), differ.facts(first.record)
    where = str(first.where)
    if mine == kept:
        return warning(row.where, t("import_repeat", where=where))
    diffs = differ.differences(mine, kept, row.written, first.written, row.columns, where)
    return warning(row.where, t("import_repeat_differs", where=where, diffs=diffs))


def _near(seen: Iterable[tuple[dt.date, str]], day: dt.date) -> str | None:
    """The closest record of the same title on another date within ``NEAR_DAYS``."""
    best: tuple[int, str] | None = None
    for other, where in seen:
        gap = abs((other - day).days)
        if 0 < gap <= NEAR_DAYS and (best is None or gap < best[0]):
            best = (gap, where)
    return None if best is None else best[1]


# --- adoptions --------------------------------------------------------------------------------


def _publication(folder: Folder, sub: Submission, text: str) -> tuple[str | None, str]:
    """The id of the publication ``text`` names in the rule set that scores ``sub`` (by id or
    by name, 《》 optional), and a hint for the message when there is none."""
    rs = folder.rule_set_on(sub.date)
    if rs is None:
        return None, ""
    if text in rs.publications:
        return text, ""
    want = fold(text).strip("《》<>")
    for pub in rs.publications.values():
        if fold(pub.name).strip("《》<>") == want or fold(pub.id) == want:
            return pub.id, ""
    names = {fold(p.name).strip("《》<>"): p.name for p in rs.publications.values()}
    close = closest(want, names, cutoff=NAME_CUTOFF)
    return None, t("import_did_you_mean", hint=names[close]) if close is not None else ""


def plan_adoptions(
    rows: list[AdoptionRow], folder: Folder, read: Callable[[str], bytes | None]
) -> Plan:
    """Find each row's submission, dedupe against its adoptions and the batch, and append the
    new adoptions to their records."""
    plan = Plan(columns={row.where: row.columns for row in rows})
    by_id = {s.id: s for s in folder.submissions}
    by_title: dict[tuple[str, str], list[Submission]] = defaultdict(list)
    for s in folder.submissions:
        by_title[(s.point, normalise_title(s.title))].append(s)
    seen: dict[tuple[str, str, dt.date, str, str | None], RowRef] = {}
    files: dict[str, list[tuple[AdoptionRow, str, str]]] = defaultdict(list)
    for row in rows:
        sub = _find_submission(row, by_id, by_title, plan)
        if sub is None:
            continue
        pub, hint = _publication(folder, sub, row.publication)
        if pub is None:
            plan.problems.append(
                error(
                    row.where,
                    t("import_unknown_publication", value=row.publication, id=sub.id, hint=hint),
                )
            )
            continue
        counts = plan.count(sub.point)
        key = (sub.id, pub, row.date, row.mode, row.issue)
        if any((a.publication, a.date, a.mode.value, a.issue) == key[1:] for a in sub.adoptions):
            counts.duplicate += 1
            plan.problems.append(
                warning(row.where, t("import_duplicate", where=_where(sub.source)), "duplicate")
            )
            continue
        first = seen.get(key)
        if first is not None:
            counts.duplicate += 1
            plan.problems.append(warning(row.where, t("import_repeat", where=str(first))))
            continue
        seen[key] = row.where
        counts.new += 1
        adoption: dict[str, Any] = {
            "publication": pub,
            "date": row.date,
            "mode": row.mode,
            "issue": row.issue,
        }
        text = emit_list_item(in_field_order(adoption, ADOPTION_FIELDS))
        files[sub.source.path].append((row, sub.id, text))
    for path in sorted(files):
        entries = files[path]
        with worded(t):
            spliced = append_many(
                _old_text(read, path),
                [(sid, NewItem(text)) for _row, sid, text in entries],
                "adoptions",
                path=path,
                key_order=SUBMISSION_FIELDS,
            )
        plan.add_file(path, spliced, [row.where for row, _s, _t in entries])
    return plan


def _find_submission(
    row: AdoptionRow,
    by_id: dict[str, Submission],
    by_title: dict[tuple[str, str], list[Submission]],
    plan: Plan,
) -> Submission | None:
    if row.submission is not None:
        sub = by_id.get(row.submission)
        if sub is None:
            hint = _id_hint(row.submission, by_id)
            plan.problems.append(
                error(row.where, t("import_unknown_submission", value=row.submission, hint=hint))
            )
        return sub
    assert row.point is not None
    assert row.norm is not None

    def within(s: Submission) -> bool:
        return s.date <= row.date and (row.date - s.date).days <= MAX_ADOPTION_DAYS

    same = by_title.get((row.point, row.norm), [])
    candidates = [s for s in same if within(s)]
    if not candidates and same:
        # the title is there, dated after the adoption or too long before it: say which
        plan.problems.append(error(row.where, _out_of_window(row, same)))
        return None
    if not candidates:
        # the point's titles in the window, for "did you mean" (白城市&农业节水灌溉进展)
        near = {n: subs for (p, n), subs in by_title.items() if p == row.point}
        titles = {n: s.title for n, subs in near.items() for s in subs if within(s)}
        close = closest(row.norm, titles, cutoff=NAME_CUTOFF)
        hint = t("import_did_you_mean", hint=titles[close]) if close else ""
        point = row.point_text or row.point
        plan.problems.append(
            error(row.where, t("import_no_such_submission", point=point, hint=hint))
        )
        return None
    candidates.sort(key=lambda s: (s.date, s.id))
    chosen = candidates[-1]
    if len(candidates) > 1:
        plan.problems.append(
            warning(
                row.where,
                t("import_several_submissions", n=len(candidates), id=chosen.id, date=chosen.date),
            )
        )
    return chosen


def _out_of_window(row: AdoptionRow, same: list[Submission]) -> str:
    """Why the submissions of the row's point and title cannot take its adoption: the first one
    dated after the adoption, else the last one, dated more than 366 days before it."""
    later = sorted((s for s in same if s.date > row.date), key=lambda s: (s.date, s.id))
    sub = later[0] if later else max(same, key=lambda s: (s.date, s.id))
    words = {
        "column": row.columns.get("date", "date"),
        "date": row.date.isoformat(),
        "submitted": sub.date.isoformat(),
        "id": sub.id,
    }
    key = "import_adoption_before_submission" if later else "import_adoption_too_late"
    return t(key, days=MAX_ADOPTION_DAYS, **words)


def _id_hint(written: str, by_id: Mapping[str, Submission]) -> str:
    """A "did you mean" for an unknown 信息编号: the id that differs only in letter case, full-width
    forms or the zeros of its number (SIPING-2003-0367, siping-2003-367), else the closest id of
    the same point and year."""
    key = fold(written)
    seq = _SEQ_ID.fullmatch(key)
    same = [
        sid
        for sid in by_id
        if sid.casefold() == key
        or (seq and (m := _SEQ_ID.fullmatch(sid.casefold())) and _same_number(m, seq))
    ]
    if not same:
        prefix = key.rsplit("-", 1)[0] + "-" if "-" in key else key
        ids = {sid.casefold(): sid for sid in by_id if sid.casefold().startswith(prefix)}
        close = closest(key, ids, cutoff=NAME_CUTOFF)
        same = [ids[close]] if close else []
    return t("import_did_you_mean", hint=same[0]) if same else ""


def _same_number(a: re.Match[str], b: re.Match[str]) -> bool:
    return a[1] == b[1] and a[2] == b[2] and int(a[3]) == int(b[3])
