"""The problems that need more than one file: unknown references, duplicate ids, days without a
rule set in force, rule sets taking effect the same day."""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection, Iterable, Iterator
from typing import Any

from govinfo.i18n import t, tn
from govinfo.load.filereader import NAMED_KINDS
from govinfo.load.records import ParsedFile, Ref
from govinfo.load.typos import Typos, defining_file
from govinfo.model import (
    Adjustment,
    Point,
    PointKind,
    Problem,
    RuleSet,
    Severity,
    Solicitation,
    SourceRef,
    Submission,
    Tier,
    rule_set_on,
)
from govinfo.text import ID_CUTOFF, closest

# The kinds of files a reference of this kind is judged against (a solicitation also asks
# the registry whether the point was addressed).
_REF_TARGETS = {
    "point": {"points"},
    "parent": {"points"},
    "folderpoint": {"points"},
    "solicitation": {"solicitations", "points"},
    "ruleday": {"rules"},
    "publication": {"rules"},
    "submission": {"submissions"},
}


# A reference of this kind that names nothing defined is an "unknown id" problem about the
# records of this kind of file.
_ID_TARGET = {
    "point": "points",
    "parent": "points",
    "folderpoint": "points",
    "solicitation": "solicitations",
}


def broken(parsed: Iterable[ParsedFile]) -> set[str]:
    """The kinds of the files that could not be read at all (a YAML mistake, not UTF-8 …).
    References into them are not judged: one mistake is one problem, not one more for every
    record elsewhere that names something the broken file would have defined. A file whose
    every record was left out for a bad field, each with its id read, is not broken: the ids
    it defines are known (``ParsedFile.unread``)."""
    return {
        pf.kind
        for pf in parsed
        if not pf.records
        and any(p.severity is Severity.ERROR for p in pf.problems)
        and not (pf.kind in NAMED_KINDS and pf.unread and None not in pf.unread)
    }


class CrossCheck:
    """The problems that need more than one file — unknown references, duplicate ids, days
    without a rule set in force, rule sets taking effect the same day — fed one file at a time,
    so that ``check`` can stream a large folder year by year without holding its records.

    Points, rule sets (sorted by ``effective_from``), solicitations and adjustments are given
    whole, with ``files``, the registry and solicitation files as parsed; submission files are
    added in path order (a duplicate is the later copy). References to submissions (from
    adjustments) are judged at :meth:`finish`, once every id is known.

    A record left out for a bad field still defines its id (``ParsedFile.unread``): naming it
    is no error; what needs its fields (a solicitation's dates and addressees, a point's tiers)
    is not judged. When a file of a kind holds a record whose id could not be read, a
    reference to an unknown id of that kind may well mean that record: each unknown id is then
    reported once, at its first reference, with how many more there are.
    """

    def __init__(
        self,
        points: list[Point],
        rule_sets: list[RuleSet],
        solicitations: list[Solicitation],
        adjustments: list[Adjustment],
        *,
        broken: Collection[str] = (),
        files: Iterable[ParsedFile] = (),
    ) -> None:
        self.problems: list[Problem] = []
        self._broken = set(broken)
        # Ids of records left out for an error, by kind; the kinds with a record whose id
        # could not be read, with the first such file.
        self._unread: dict[str, set[str]] = {kind: set() for kind in NAMED_KINDS}
        self._vague: dict[str, str] = {}
        # An unknown id of a vague kind: its first reference's problem, how to word it without
        # a "did you mean" (for when it stands for every reference), how many refer to it.
        self._held: dict[tuple[str, str], tuple[Problem, Callable[[], Problem] | None, int]] = {}
        # Unknown point, solicitation and publication ids, told at :meth:`finish` (typos.py);
        # the points and solicitations named.
        self._typos = Typos()
        self._used_points: set[str] = set()
        self._used_solicitations: set[str] = set()
        files = list(files)
        for pf in files:
            if pf.kind in ("points", "solicitations"):
                self._note_unread(pf)
        self.point_ids = {p.id for p in points} | self._unread["points"]
        self.by_point = {p.id: p for p in points}
        self.sol_by_id = {s.id: s for s in solicitations}
        self.rule_sets = tuple(rule_sets)
        self._first_submission: dict[str, SourceRef] = {}
        self._submission_refs: list[tuple[str, Ref]] = []
        self._good: set[tuple[str, str, Any]] = set()
        self._duplicates("dup_point", _in_order(points, files, "points"), {})
        self._duplicates("dup_solicitation", _in_order(solicitations, files, "solicitations"), {})
        self._duplicates("dup_adjustment", ((a.id, a.source) for a in adjustments), {})
        seen_dates: dict[Any, RuleSet] = {}
        for rs in rule_sets:
            other = seen_dates.get(rs.effective_from)
            if other is None:
                seen_dates[rs.effective_from] = rs
                continue
            self.problems.append(
                Problem(
                    rs.source.path,
                    rs.source.line,
                    rs.source.col,
                    Severity.ERROR,
                    t(
                        "rules_same_date",
                        id=rs.id,
                        other=other.id,
                        date=rs.effective_from.isoformat(),
                    ),
                )
            )

    def _duplicates(
        self, label: str, items: Iterator[tuple[str, SourceRef]], first: dict[str, SourceRef]
    ) -> None:
        """Report every record whose id repeats an earlier one, naming the first."""
        for key, src in items:
            first_src = first.get(key)
            if first_src is None:
                first[key] = src
                continue
            self.problems.append(
                Problem(
                    src.path,
                    src.line,
                    src.col,
                    Severity.ERROR,
                    t(
                        "duplicate_id",
                        what=t(label),
                        id=key,
                        first=f"{first_src.path}:{first_src.line}",
                    ),
                )
            )

    def _note_unread(self, pf: ParsedFile) -> None:
        for record_id in pf.unread:
            if record_id is not None:
                self._unread[pf.kind].add(record_id)
            else:
                self._vague.setdefault(pf.kind, pf.path)

    def _unknown(
        self,
        target: str,
        value: str,
        problem: Problem,
        plain: Callable[[], Problem] | None = None,
        where: str = "",
    ) -> None:
        """Report ``problem``, that ``value`` names no record of the ``target`` kind — or,
        when that kind is vague, hold it to report each such id once, at its first use;
        ``plain()`` is the problem without its "did you mean" (when it may have one), for when
        it stands for several references: the id is then most likely the unreadable record's,
        not a typo. ``where`` is the file that defines the records of that kind (points,
        solicitations): with it, the problem is held in ``_typos``."""
        if target not in self._vague:
            if where and plain is not None:
                self._typos.hold(target, value, problem, plain(), where)
            else:
                self.problems.append(problem)
            return
        held = self._held.get((target, value))
        if held is None:
            self._held[(target, value)] = (problem, plain, 1)
        else:
            first, first_plain, count = held
            if problem.sort_key() < first.sort_key():
                first, first_plain = problem, plain
            self._held[(target, value)] = (first, first_plain, count + 1)

    def _defined_in(self, target: str, where: str) -> Collection[str]:
        """The ids of ``target`` kind defined, for a publication those of the rule set in
        ``where``."""
        if target == "points":
            return self.point_ids
        if target == "solicitations":
            return self.sol_by_id
        rs = next((r for r in self.rule_sets if r.source.path == where), None)
        return rs.publications.keys() if rs is not None else ()

    def _without_hint(self, path: str, ref: Ref) -> Problem:
        """The problem with ``ref`` (an unknown id), without a "did you mean"."""
        problem = _check_ref(
            path, ref, self.point_ids, self.by_point, self.sol_by_id, self.rule_sets, hints=False
        )
        assert problem is not None
        return problem

    def _defined(self, kind: str) -> Collection[str]:
        """The ids a reference of ``kind`` may name without being unknown."""
        return self.sol_by_id if kind == "solicitation" else self.point_ids

    def add_file(self, pf: ParsedFile) -> None:
        point_ids = self.point_ids
        good = self._good
        if pf.kind == "submissions":
            if pf.unread:
                self._note_unread(pf)
            if not pf.records and pf.problems:
                self._broken |= broken([pf])
        for ref in pf.refs:
            kind = ref.kind
            if self._broken and not self._broken.isdisjoint(_REF_TARGETS.get(kind, ())):
                continue
            # Most references are fine and repeat (the same point, day, publication): a set
            # lookup answers them; only the rest take the full check.
            if kind == "point" or kind == "folderpoint":
                if ref.value in point_ids:
                    self._used_points.add(ref.value)
                    continue
            elif kind == "submission":
                self._submission_refs.append((pf.path, ref))
                continue
            elif kind == "solicitation":
                if ref.value in self.sol_by_id:
                    self._used_solicitations.add(ref.value)
                elif ref.value in self._unread["solicitations"]:
                    continue  # left out for an error: its dates and addressees are not known
            elif (kind, ref.value, ref.day) in good:
                continue
            problem = _check_ref(
                pf.path, ref, point_ids, self.by_point, self.sol_by_id, self.rule_sets
            )
            if problem is None:
                if kind != "solicitation":  # its answer depends on the owner too
                    good.add((kind, ref.value, ref.day))
            elif kind in _ID_TARGET and ref.value not in self._defined(kind):
                self._unknown(
                    _ID_TARGET[kind],
                    ref.value,
                    problem,
                    functools.partial(self._without_hint, pf.path, ref),
                    defining_file(kind, ref, self.rule_sets),
                )
            elif kind == "publication":
                where = defining_file(kind, ref, self.rule_sets)
                plain = self._without_hint(pf.path, ref)
                self._typos.hold("publications", ref.value, problem, plain, where)
            else:
                self.problems.append(problem)
        if pf.kind == "submissions":
            first = self._first_submission
            if pf.unread:
                self._duplicates("dup_submission", _in_order(pf.records, [pf], pf.kind), first)
                return
            for sub in pf.records:
                if sub.id in first:
                    self._duplicates("dup_submission", iter([(sub.id, sub.source)]), first)
                else:
                    first[sub.id] = sub.source

    def finish(self, *, full: bool) -> list[Problem]:
        """Every problem found. ``full`` says every submission year was added, so that an
        adjustment's submission can be looked up, and an id be known to be named nowhere
        (typos.py: without every year, each reference is told as it is)."""
        if full and "submissions" not in self._broken:
            known = self._unread["submissions"]
            for path, ref in self._submission_refs:
                if ref.value not in self._first_submission and ref.value not in known:
                    problem = Problem(
                        path,
                        ref.line,
                        ref.col,
                        Severity.ERROR,
                        t("unknown_submission", value=ref.value),
                    )
                    self._unknown("submissions", ref.value, problem)
        used: dict[str, Collection[str]] = {
            "points": self._used_points | {v for k, v, _ in self._good if k == "parent"},
            "solicitations": self._used_solicitations,
            "publications": {v for k, v, _ in self._good if k == "publication"},
        }
        self.problems.extend(self._typos.problems(self._defined_in, used, judge=full))
        for (target, _value), (first, plain, count) in self._held.items():
            if count > 1:
                more = tn("unknown_id_more", count - 1, count=count - 1, file=self._vague[target])
                bare = first if plain is None else plain()
                first = Problem(bare.path, bare.line, bare.col, bare.severity, bare.message + more)
            self.problems.append(first)
        self._held.clear()
        return self.problems


def _check_ref(
    path: str,
    ref: Ref,
    point_ids: set[str],
    by_point: dict[str, Point],
    sol_by_id: dict[str, Solicitation],
    rule_sets: tuple[RuleSet, ...],
    *,
    hints: bool = True,
) -> Problem | None:
    """The problem with ``ref``, None when there is none; with ``hints``, an unknown id close
    to a known one is told "did you mean"."""

    def err(key: str, **kw: object) -> Problem:
        return Problem(path, ref.line, ref.col, Severity.ERROR, t(key, **kw))

    def _hint(value: str, known: Collection[str]) -> str:
        return _did_you_mean(value, known) if hints else ""

    kind = ref.kind
    if kind == "point":
        if ref.value not in point_ids:
            return err("unknown_point", value=ref.value, hint=_hint(ref.value, point_ids))
    elif kind == "parent":
        # SPEC: ``parent`` is a county's city (the county side is checked with the record).
        if ref.value not in point_ids:
            return err("unknown_point", value=ref.value, hint=_hint(ref.value, point_ids))
        parent = by_point.get(ref.value)  # None: left out for an error; its kind is not known
        if parent is not None and parent.kind is not PointKind.CITY:
            # a warning: SPEC describes the field, and scoring never reads it
            message = t("parent_not_city", value=ref.value, kind=parent.kind.value)
            return Problem(path, ref.line, ref.col, Severity.WARNING, message)
    elif kind == "folderpoint":
        if ref.value not in point_ids:
            return err(
                "submission_folder_unknown", point=ref.value, hint=_hint(ref.value, point_ids)
            )
    elif kind == "ruleday":
        assert ref.day is not None
        if rule_set_on(rule_sets, ref.day) is None:
            return err("no_rule_set", field=ref.value, value=ref.day.isoformat())
    elif kind == "publication":
        assert ref.day is not None
        rs = rule_set_on(rule_sets, ref.day)
        if rs is not None and ref.value not in rs.publications:
            return err(
                "unknown_publication",
                value=ref.value,
                rules=rs.id,
                date=ref.day.isoformat(),
                hint=_hint(ref.value, rs.publications.keys()),
            )
    elif kind == "solicitation":
        sol = sol_by_id.get(ref.value)
        if sol is None:
            return err(
                "unknown_solicitation", value=ref.value, hint=_hint(ref.value, sol_by_id.keys())
            )
        assert ref.day is not None
        if ref.day < sol.issued:
            return err(
                "solicitation_before_issued",
                value=ref.value,
                date=ref.day.isoformat(),
                issued=sol.issued.isoformat(),
            )
        owner = ref.owner or ""
        if sol.points is not None:
            # An addressee that names no registered point (an error at the solicitation) may
            # well be this owner mistyped: its answers are judged once the list is fixed.
            addressed = owner in sol.points or not point_ids.issuperset(sol.points)
        else:
            point = by_point.get(owner)
            if point is None:
                # Not registered (an error at the file's folder already) or left out for an
                # error: its tiers are not known.
                return None
            addressed = point.holds(Tier.PROVINCIAL, sol.issued)
        if not addressed:
            return Problem(
                path,
                ref.line,
                ref.col,
                Severity.WARNING,
                t("solicitation_not_addressed", value=ref.value, point=owner),
            )
    return None


def _did_you_mean(value: str, known: Collection[str]) -> str:
    close = closest(value, known, cutoff=ID_CUTOFF)
    return t("did_you_mean", hint=close) if close is not None else ""


def _in_order(
    records: Iterable[Point | Solicitation | Submission], files: Iterable[ParsedFile], kind: str
) -> Iterator[tuple[str, SourceRef]]:
    """The ids of ``records`` and of the records of ``kind`` that ``files`` left out for an
    error (``ParsedFile.unread``), each with where it is, in the order of the files: a record
    with a bad field still holds its id, and a later copy of that id is a duplicate, reported
    in the same run as the bad field."""
    found = [(r.id, r.source) for r in records]
    for pf in files:
        if pf.kind == kind:
            found += ((i, at) for i, at in zip(pf.unread, pf.unread_at, strict=True) if i)
    found.sort(key=lambda item: (item[1].path, item[1].line, item[1].col))
    return iter(found)
