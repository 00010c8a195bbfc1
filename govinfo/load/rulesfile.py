"""A rule-set file (``rules/<id>.yaml``) → its :class:`RuleSet`: one flat reader per part of
the file, each taking the file's reader ``r``, the node and its field path."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from functools import partial
from typing import Any

from govinfo.i18n import t
from govinfo.load.filereader import RECORD_ID_RE, RULE_ID_RE, FileReader
from govinfo.load.schema import Invalid, Spec
from govinfo.model import (
    DEDUCTION_NAMES,
    MULTIPLIER_NAMES,
    TIE_BREAK_NAMES,
    Annual,
    Level,
    PointKind,
    Publication,
    Rank,
    Requirement,
    Requirements,
    RuleSet,
    Stacking,
)
from govinfo.yamltext.reader import Mapping, Node

# What ``annual.commend_excludes`` may name: a deduction event or a manual adjustment.
EXCLUDE_NAMES = (*DEDUCTION_NAMES, "manual")
_RANKS = tuple(x.value for x in Rank)


def _fields(r: FileReader, m: Mapping, spec: Spec, record: str) -> dict[str, Any]:
    values = r.fields(m, spec, record=record)
    if values is None:
        raise Invalid()
    return values


def _publication(r: FileReader, n: Node, f: str) -> dict[str, Any]:
    spec: Spec = {
        "name": (r.text, True),
        "level": (lambda x, g: r.enum(x, g, Level), True),
        "single": (r.decimal, True),
        "combined": (r.decimal, True),
    }
    return _fields(r, r.mapping(n, f), spec, "rec_publication")


def _publications(r: FileReader, n: Node, f: str) -> dict[str, Publication]:
    m = r.mapping(n, f)
    out: dict[str, Publication] = {}
    ok = True
    for key, value in m.items:
        try:
            pub_id = r.pattern(key, f, RECORD_ID_RE, "[A-Za-z0-9._-]")
            out[pub_id] = Publication(id=pub_id, **_publication(r, value, f"{f}.{pub_id}"))
        except Invalid:
            ok = False
    if not ok:
        raise Invalid()
    if not out:
        raise r.bad(m, f, "rules_empty")
    return out


def _named_numbers(
    r: FileReader, n: Node, f: str, names: tuple[str, ...], required: tuple[str, ...]
) -> dict[str, Decimal]:
    m = r.mapping(n, f)
    out: dict[str, Decimal] = {}
    ok = True
    for key, value in m.items:
        if key.value not in names:
            r.error(
                key.line,
                key.col,
                "rules_unknown_name",
                field=f,
                name=key.value,
                choices=", ".join(names),
            )
            ok = False
            continue
        try:
            out[key.value] = r.decimal(value, f"{f}.{key.value}")
        except Invalid:
            ok = False
    line, col = m.first_key_pos()
    for name in required:
        if name not in out and m.get(name) is None:
            r.error(line, col, "field_missing", field=f"{f}.{name}", record=t("rec_rules"))
            ok = False
    if not ok:
        raise Invalid()
    return out


def _instructions(r: FileReader, n: Node, f: str) -> dict[Rank, Decimal]:
    values = _named_numbers(r, n, f, _RANKS, _RANKS)
    return {Rank(k): v for k, v in values.items()}


def _stacking(r: FileReader, n: Node, f: str) -> Stacking:
    spec: Spec = {
        "same_level": (lambda x, g: r.choice(x, g, ("highest", "sum")), True),
        "instructions": (lambda x, g: r.choice(x, g, ("highest", "sum")), True),
    }
    return Stacking(**_fields(r, r.mapping(n, f), spec, "rec_rules"))


def _requirement(r: FileReader, n: Node, f: str) -> Requirement:
    spec: Spec = {
        "kinds": (lambda x, g: r.list_of(x, g, lambda y, h: r.enum(y, h, PointKind)), True),
        "min": (lambda x, g: r.integer(x, g, minimum=0), True),
    }
    return Requirement(**_fields(r, r.mapping(n, f), spec, "rec_rules"))


def _requirements(r: FileReader, n: Node, f: str) -> Requirements:
    spec: Spec = {
        "research_per_quarter": (partial(_requirement, r), False),
        "opinion_list_per_month": (partial(_requirement, r), False),
        "inactive_days": (lambda x, g: r.integer(x, g, minimum=1), True),
    }
    return Requirements(**_fields(r, r.mapping(n, f), spec, "rec_rules"))


def _month_day(r: FileReader, n: Node, f: str) -> tuple[int, int]:
    s = r.text(n, f)
    m = re.fullmatch(r"([0-9]{2})-([0-9]{2})", s)
    if not m:
        raise r.bad(n, f, "rules_month_day")
    try:
        dt.date(2000, int(m[1]), int(m[2]))
    except ValueError:
        raise r.bad(n, f, "type_date_impossible") from None
    return int(m[1]), int(m[2])


def _names_list(r: FileReader, n: Node, f: str, names: tuple[str, ...]) -> tuple[str, ...]:
    return r.list_of(n, f, lambda x, g: r.choice(x, g, names))


def _annual(r: FileReader, n: Node, f: str) -> Annual:
    spec: Spec = {
        "commend_top": (lambda x, g: r.integer(x, g, minimum=0), True),
        "commend_excludes": (lambda x, g: _names_list(r, x, g, EXCLUDE_NAMES), False),
        "disqualify_below": (r.decimal, True),
        "grace_admitted_from": (partial(_month_day, r), False),
        "tie_break": (lambda x, g: _names_list(r, x, g, TIE_BREAK_NAMES), False),
    }
    return Annual(**_fields(r, r.mapping(n, f), spec, "rec_rules"))


def read_rules(r: FileReader, root: Node | None, path: str) -> list[RuleSet]:
    """The rule set of the file at ``path`` (empty, with problems, when it is not valid)."""
    if root is None or not isinstance(root, Mapping):
        r.error(1, 1, "rules_not_mapping")
        return []
    file_id = path[len("rules/") : -len(".yaml")]
    spec: Spec = {
        "id": (lambda n, f: r.pattern(n, f, RULE_ID_RE, "[A-Za-z0-9._-]"), True),
        "title": (r.text, True),
        "basis": (r.text_list, False),
        "effective_from": (r.date, True),
        "publications": (partial(_publications, r), True),
        "instructions": (partial(_instructions, r), True),
        "stacking": (partial(_stacking, r), True),
        "multipliers": (lambda n, f: _named_numbers(r, n, f, MULTIPLIER_NAMES, ()), True),
        "deductions": (
            lambda n, f: _named_numbers(r, n, f, DEDUCTION_NAMES, DEDUCTION_NAMES),
            True,
        ),
        "emergency_deadline_minutes": (lambda n, f: r.integer(n, f, minimum=1), True),
        "requirements": (partial(_requirements, r), True),
        "annual": (partial(_annual, r), True),
    }
    values = r.fields(root, spec, record="rec_rules")
    if values is None:
        return []
    if values["id"] != file_id:
        id_node = root.get("id")
        assert id_node is not None
        r.error(id_node.line, id_node.col, "rules_id_file", value=values["id"], file=file_id)
        return []
    return [RuleSet(source=r.source(root), **values)]
