"""The problems that need more than one file: unknown references, duplicate ids, days without a
rule set in force, rule sets taking effect the same day."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from typing import Any

from govinfo.i18n import t
from govinfo.load.records import ParsedFile, Ref
from govinfo.model import (
    Adjustment,
    Point,
    Problem,
    RuleSet,
    Severity,
    Solicitation,
    SourceRef,
    Tier,
    rule_set_on,
)
from govinfo.text import ID_CUTOFF, closest

# The kinds of files a reference of this kind is judged against (a solicitation also asks
# the registry whether the point was addressed).
_REF_TARGETS = {
    "point": {"points"},
    "folderpoint": {"points"},
    "solicitation": {"solicitations", "points"},
    "ruleday": {"rules"},
    "publication": {"rules"},
    "submission": {"submissions"},
}


def broken(parsed: Iterable[ParsedFile]) -> set[str]:
    """The kinds of the files that could not be read at all (a YAML mistake, not UTF-8 …).
    References into them are not judged: one mistake is one problem, not one more for every
    record elsewhere that names something the broken file would have defined."""
    return {
        pf.kind
        for pf in parsed
        if not pf.records and any(p.severity is Severity.ERROR for p in pf.problems)
    }


class CrossCheck:
    """The problems that need more than one file — unknown references, duplicate ids, days
    without a rule set in force, rule sets taking effect the same day — fed one file at a time,
    so that ``check`` can stream a large folder year by year without holding its records.

    Points, rule sets (sorted by ``effective_from``), solicitations and adjustments are given
    whole; submission files are added in path order (a duplicate is the later copy). References
    to submissions (from adjustments) are judged at :meth:`finish`, once every id is known.
    """

    def __init__(
        self,
        points: list[Point],
        rule_sets: list[RuleSet],
        solicitations: list[Solicitation],
        adjustments: list[Adjustment],
        *,
        broken: Collection[str] = (),
    ) -> None:
        self.problems: list[Problem] = []
        self._broken = set(broken)
        self.point_ids = {p.id for p in points}
        self.by_point = {p.id: p for p in points}
        self.sol_by_id = {s.id: s for s in solicitations}
        self.rule_sets = tuple(rule_sets)
        self._first_submission: dict[str, SourceRef] = {}
        self._submission_refs: list[tuple[str, Ref]] = []
        self._good: set[tuple[str, str, Any]] = set()
        self._duplicates("rec_point", ((p.id, p.source) for p in points), {})
        self._duplicates("rec_solicitation", ((s.id, s.source) for s in solicitations), {})
        self._duplicates("rec_adjustment", ((a.id, a.source) for a in adjustments), {})
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

    def add_file(self, pf: ParsedFile) -> None:
        point_ids = self.point_ids
        good = self._good
        if pf.kind == "submissions" and not pf.records and pf.problems:
            self._broken |= broken([pf])
        for ref in pf.refs:
            kind = ref.kind
            if self._broken and not self._broken.isdisjoint(_REF_TARGETS.get(kind, ())):
                continue
            # Most references are fine and repeat (the same point, day, publication): a set
            # lookup answers them; only the rest take the full check.
            if kind == "point" or kind == "folderpoint":
                if ref.value in point_ids:
                    continue
            elif kind == "submission":
                self._submission_refs.append((pf.path, ref))
                continue
            elif (kind, ref.value, ref.day) in good:
                continue
            problem = _check_ref(
                pf.path, ref, point_ids, self.by_point, self.sol_by_id, self.rule_sets
            )
            if problem is None:
                if kind != "solicitation":  # its answer depends on the owner too
                    good.add((kind, ref.value, ref.day))
            else:
                self.problems.append(problem)
        if pf.kind == "submissions":
            first = self._first_submission
            for sub in pf.records:
                if sub.id in first:
                    self._duplicates("rec_submission", iter([(sub.id, sub.source)]), first)
                else:
                    first[sub.id] = sub.source

    def finish(self, *, full: bool) -> list[Problem]:
        """Every problem found. ``full`` says every submission year was added, so that an
        adjustment's submission can be looked up."""
        if full and "submissions" not in self._broken:
            for path, ref in self._submission_refs:
                if ref.value not in self._first_submission:
                    self.problems.append(
                        Problem(
                            path,
                            ref.line,
                            ref.col,
                            Severity.ERROR,
                            t("unknown_submission", value=ref.value),
                        )
                    )
        return self.problems


def _check_ref(
    path: str,
    ref: Ref,
    point_ids: set[str],
    by_point: dict[str, Point],
    sol_by_id: dict[str, Solicitation],
    rule_sets: tuple[RuleSet, ...],
) -> Problem | None:
    def err(key: str, **kw: object) -> Problem:
        return Problem(path, ref.line, ref.col, Severity.ERROR, t(key, **kw))

    kind = ref.kind
    if kind == "point":
        if ref.value not in point_ids:
            return err("unknown_point", value=ref.value, hint=_hint(ref.value, point_ids))
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
            addressed = owner in sol.points
        else:
            point = by_point.get(owner)
            addressed = point is not None and point.holds(Tier.PROVINCIAL, sol.issued)
        if not addressed:
            return Problem(
                path,
                ref.line,
                ref.col,
                Severity.WARNING,
                t("solicitation_not_addressed", value=ref.value, point=owner),
            )
    return None


def _hint(value: str, known: Collection[str]) -> str:
    close = closest(value, known, cutoff=ID_CUTOFF)
    return t("did_you_mean", hint=close) if close is not None else ""
