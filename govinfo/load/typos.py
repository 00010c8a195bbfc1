"""One mistyped definition, said where it is: an id named several times that nothing defines,
while the id closest to it is defined and named nowhere (``changchun`` registered as
``changchn``, a rule set listing ``jl-zwx`` for ``jl-zwxx``), is the definition's typo. Every
reference is still an error at its value (SPEC: every problem, in one run), but none says
"did you mean" the mistyped definition — that would send the clerk to change them all — and
the first says where the typo most likely is. :class:`CrossCheck` holds its unknown point,
solicitation and publication ids here and asks, once every reference is in, how to word
them."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator

from govinfo.i18n import tn
from govinfo.load.filereader import Ref
from govinfo.model import Problem, RuleSet, rule_set_on
from govinfo.text import ID_CUTOFF, closest


def defining_file(kind: str, ref: Ref, rule_sets: tuple[RuleSet, ...]) -> str:
    """The file whose records a reference of ``kind`` names: the registry, the solicitation
    file of the reference's year, the rule set in force on its day ("" when none is)."""
    if kind == "publication":
        assert ref.day is not None
        rs = rule_set_on(rule_sets, ref.day)
        return rs.source.path if rs is not None else ""
    if kind == "solicitation":
        return f"solicitations/{ref.day.year}.yaml" if ref.day is not None else ""
    return "points.yaml"


class Typos:
    """The unknown ids of one kind of target (``points``, ``solicitations``,
    ``publications``), each with its references' problems, each problem also without its
    "did you mean", and the file that defines that kind."""

    def __init__(self) -> None:
        self._held: dict[tuple[str, str], tuple[list[tuple[Problem, Problem]], str]] = {}

    def hold(self, target: str, value: str, problem: Problem, plain: Problem, where: str) -> None:
        held = self._held.get((target, value))
        if held is None:
            self._held[(target, value)] = ([(problem, plain)], where)
        else:
            held[0].append((problem, plain))

    def problems(
        self,
        defined: Callable[[str, str], Collection[str]],
        used: dict[str, Collection[str]],
        *,
        judge: bool = True,
    ) -> Iterator[Problem]:
        """The held problems. An id named more than once whose close match among
        ``defined(target, file)`` is in no reference (``used[target]``): every reference
        without "did you mean" (that would send the clerk to change the references), the
        first naming the likely mistyped definition and how many more follow; any other id,
        every reference as it is. Not ``judge``d (not every year read: what the other years
        name is not known), every reference as it is."""
        for (target, value), (found, where) in self._held.items():
            found.sort(key=lambda pair: pair[0].sort_key())
            close = None
            if judge and len(found) > 1:
                close = closest(value, defined(target, where), cutoff=ID_CUTOFF)
            if close is None or close in used[target]:
                yield from (problem for problem, _ in found)
                continue
            bare = found[0][1]
            n = len(found) - 1
            more = tn("unknown_id_typo", n, count=n, close=close, file=where)
            yield Problem(bare.path, bare.line, bare.col, bare.severity, bare.message + more)
            yield from (plain for _, plain in found[1:])  # every problem, SPEC §1
        self._held.clear()
