"""One file of the data folder → its records, its problems and the references it makes.

``parse_file`` is pure (bytes in, values out) so that its result can be cached per file. What it
cannot judge alone — whether a point, solicitation or publication exists, whether a rule set is in
force on a day — it returns as :class:`Ref` values that ``folder.py`` resolves across files.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

import msgspec

from govinfo.i18n import t
from govinfo.load.schema import Invalid, Reader, Spec
from govinfo.load.yamlfile import Mapping, Node, Scalar, Sequence, parse_yaml
from govinfo.model import (
    DEDUCTION_NAMES,
    MULTIPLIER_NAMES,
    TIE_BREAK_NAMES,
    Adjustment,
    AdjustmentKind,
    Adoption,
    Annual,
    Category,
    Classification,
    Contact,
    Flag,
    HistoryEvent,
    HistoryKind,
    Instruction,
    Level,
    Mode,
    Point,
    PointKind,
    Problem,
    Publication,
    Rank,
    Requirement,
    Requirements,
    RuleSet,
    Settings,
    Solicitation,
    SourceRef,
    Stacking,
    Submission,
    Tier,
)

POINT_ID_RE = re.compile(r"[a-z][a-z0-9-]{1,39}")
SUBMISSION_ID_RE = re.compile(r"[A-Za-z0-9-]+")
RECORD_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
RULE_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
RESERVED_NAMES = frozenset(
    ["con", "nul", "aux", "prn"]
    + [f"com{i}" for i in range(1, 10)]
    + [f"lpt{i}" for i in range(1, 10)]
)
MAX_LATE_DAYS = 366

_SUBMISSION_PATH = re.compile(r"submissions/(\d{4})/([^/]+)/(\d{2})\.yaml")
_YEAR_FILE = re.compile(r"(solicitations|adjustments)/(\d{4})\.yaml")
_RULE_FILE = re.compile(r"rules/([^/]+)\.yaml")


class Ref(msgspec.Struct, frozen=True, array_like=True, gc=False):
    """A reference to check across files: ``kind`` is ``point``, ``solicitation``,
    ``publication``, ``ruleday`` or ``submission``; ``day`` is the date it is judged on and
    ``owner`` the submission's point (for solicitations)."""

    kind: str
    value: str
    line: int
    col: int
    day: dt.date | None = None
    owner: str | None = None


Record = Settings | Point | RuleSet | Solicitation | Adjustment | Submission


class ParsedFile(msgspec.Struct, frozen=True, gc=False):
    path: str
    kind: str  # settings, points, rules, solicitations, adjustments, submissions, unknown
    records: tuple[Any, ...]
    problems: tuple[Problem, ...]
    refs: tuple[Ref, ...]


def file_kind(path: str) -> str | None:
    """Which kind of file ``path`` (relative to the data folder) is, or None when govinfo does
    not read it. A ``.yaml`` in a place govinfo reads but under a wrong name is ``misplaced``."""
    if path == "govinfo.yaml":
        return "settings"
    if path == "points.yaml":
        return "points"
    top = path.split("/", 1)[0]
    if top == "submissions":
        return "submissions" if _SUBMISSION_PATH.fullmatch(path) else "misplaced"
    if top in ("solicitations", "adjustments"):
        m = _YEAR_FILE.fullmatch(path)
        return m[1] if m else "misplaced"
    if top == "rules":
        return "rules" if _RULE_FILE.fullmatch(path) else "misplaced"
    return None


class _FileReader(Reader):
    """Reads the records of one file; knows the file's path facts (year, month, point)."""

    def __init__(self, path: str, problems: list[Problem]) -> None:
        super().__init__(path, problems)
        self.refs: list[Ref] = []

    def ref(self, kind: str, node: Node, value: str, **kw: Any) -> None:
        self.refs.append(Ref(kind, value, node.line, node.col, **kw))

    def in_year(self, node: Node, field: str, day: dt.date, year: int) -> bool:
        """Whether ``day`` falls in the file's ``year``; an error at ``node`` when it does not."""
        if day.year == year:
            return True
        self.error(
            node.line, node.col, "date_wrong_year", field=field, value=day.isoformat(), year=year
        )
        return False

    def source(self, node: Mapping) -> SourceRef:
        id_node = None
        for k, _ in node.items:
            if k.value == "id":
                id_node = k
                break
        if id_node is not None:
            return SourceRef(self.path, id_node.line, id_node.col)
        line, col = node.first_key_pos()
        return SourceRef(self.path, line, col)

    # --- shared field readers ---------------------------------------------------------------

    def point_id(self, node: Node, field: str) -> str:
        value = self.text(node, field)
        if not POINT_ID_RE.fullmatch(value) or value in RESERVED_NAMES:
            raise self.bad(node, field, "bad_point_id")
        return value

    def point_ref(self, node: Node, field: str) -> str:
        value = self.point_id(node, field)
        self.ref("point", node, value)
        return value

    def text_list(self, node: Node, field: str) -> tuple[str, ...]:
        return self.list_of(node, field, self.text)

    def top_list(self, root: Node | None, data_empty: bool) -> list[Node]:
        if root is None:
            self.warning(1, 1, "file_empty")
            return []
        if isinstance(root, Scalar) and root.plain and root.value == "":
            self.warning(1, 1, "file_empty")
            return []
        if not isinstance(root, Sequence):
            self.error(1, 1, "file_not_list")
            return []
        return root.items

    def records_of(self, root: Node | None, data_empty: bool) -> list[Mapping]:
        out: list[Mapping] = []
        for item in self.top_list(root, data_empty):
            if isinstance(item, Mapping):
                out.append(item)
            elif not (isinstance(item, Scalar) and item.bad):
                self.error(item.line, item.col, "record_not_mapping")
        return out


# --- settings -------------------------------------------------------------------------------


def _read_settings(r: _FileReader, root: Node | None) -> list[Settings]:
    if root is None or not isinstance(root, Mapping):
        r.error(1, 1, "settings_not_mapping")
        return []
    spec: Spec = {
        "format": (r.integer, True),
        "office": (r.text, False),
        "province": (r.text, False),
        "language": (lambda n, f: r.choice(n, f, ("zh", "en")), False),
    }
    values = r.fields(root, spec, record="rec_settings")
    if values is None:
        return []
    return [Settings(**values)]


# --- points ---------------------------------------------------------------------------------


def _read_points(r: _FileReader, root: Node | None, empty: bool) -> list[Point]:
    points: list[Point] = []
    for node in r.records_of(root, empty):
        point = _read_point(r, node)
        if point is not None:
            points.append(point)
    return points


def _read_contact(r: _FileReader, node: Node, field: str) -> Contact:
    m = r.mapping(node, field)
    values = r.fields(m, {"name": (r.text, False), "phone": (r.text, False)}, record="rec_contact")
    if values is None:
        raise Invalid()
    return Contact(**values)


def _read_history_event(r: _FileReader, node: Node, field: str) -> tuple[HistoryEvent, Node]:
    m = r.mapping(node, field)
    spec: Spec = {
        "date": (r.date, True),
        "event": (lambda n, f: r.enum(n, f, HistoryKind), True),
        "tier": (lambda n, f: r.enum(n, f, Tier), False),
        "year": (lambda n, f: r.integer(n, f, minimum=1900), False),
        "reason": (r.text, False),
    }
    values = r.fields(m, spec, record="rec_history")
    if values is None:
        raise Invalid()
    return HistoryEvent(**values), m


def _read_point(r: _FileReader, node: Mapping) -> Point | None:
    spec: Spec = {
        "id": (r.point_id, True),
        "name": (r.text, True),
        "short": (r.text, False),
        "aliases": (r.text_list, False),
        "kind": (lambda n, f: r.enum(n, f, PointKind), True),
        "parent": (r.point_ref, False),
        "tiers": (lambda n, f: r.list_of(n, f, lambda m, g: r.enum(m, g, Tier)), True),
        "contact": (lambda n, f: _read_contact(r, n, f), False),
        "history": (
            lambda n, f: r.list_of(n, f, lambda m, g: _read_history_event(r, m, g), partial=True),
            True,
        ),
    }
    start = r.mark()
    values = r.fields(node, spec, record="rec_point", partial=True)
    assert values is not None
    pairs: tuple[tuple[HistoryEvent, Mapping], ...] = values.pop("history", ())
    tiers: tuple[Tier, ...] = values.get("tiers", tuple(Tier))
    point_id = values.get("id", "?")
    previous: dt.date | None = None
    for event, ev_node in pairs:
        if event.tier not in tiers:
            tier_node = ev_node.get("tier") or ev_node
            line, col = (
                (tier_node.line, tier_node.col)
                if isinstance(tier_node, Scalar)
                else ev_node.first_key_pos()
            )
            r.error(line, col, "history_tier_unlisted", tier=event.tier.value, id=point_id)
        if previous is not None and event.date < previous:
            date_node = ev_node.get("date")
            if date_node is not None:
                r.warning(date_node.line, date_node.col, "history_order", id=point_id)
        previous = event.date
    if len(set(tiers)) != len(tiers):
        tiers_node = node.get("tiers")
        assert tiers_node is not None
        r.error(tiers_node.line, tiers_node.col, "tiers_repeat")
    if not r.clean_since(start):
        return None
    history = tuple(sorted((e for e, _ in pairs), key=lambda e: e.date))
    return Point(history=history, source=r.source(node), **values)


# --- rule sets ------------------------------------------------------------------------------


def _read_rules(r: _FileReader, root: Node | None, path: str) -> list[RuleSet]:
    if root is None or not isinstance(root, Mapping):
        r.error(1, 1, "rules_not_mapping")
        return []
    file_id = path[len("rules/") : -len(".yaml")]

    def number(n: Node, f: str) -> Decimal:
        return r.decimal(n, f)

    def publication(n: Node, f: str) -> dict[str, Any]:
        m = r.mapping(n, f)
        spec: Spec = {
            "name": (r.text, True),
            "level": (lambda x, g: r.enum(x, g, Level), True),
            "single": (number, True),
            "combined": (number, True),
        }
        values = r.fields(m, spec, record="rec_publication")
        if values is None:
            raise Invalid()
        return values

    def publications(n: Node, f: str) -> dict[str, Publication]:
        m = r.mapping(n, f)
        out: dict[str, Publication] = {}
        ok = True
        for key, value in m.items:
            try:
                pub_id = r.pattern(key, f, RECORD_ID_RE, "[A-Za-z0-9._-]")
                out[pub_id] = Publication(id=pub_id, **publication(value, f"{f}.{pub_id}"))
            except Invalid:
                ok = False
        if not ok:
            raise Invalid()
        if not out:
            raise r.bad(m, f, "rules_empty")
        return out

    def named_numbers(
        n: Node, f: str, names: tuple[str, ...], required: tuple[str, ...]
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

    ranks = tuple(x.value for x in Rank)

    def instructions(n: Node, f: str) -> dict[Rank, Decimal]:
        values = named_numbers(n, f, ranks, ranks)
        return {Rank(k): v for k, v in values.items()}

    def stacking(n: Node, f: str) -> Stacking:
        m = r.mapping(n, f)
        spec: Spec = {
            "same_level": (lambda x, g: r.choice(x, g, ("highest", "sum")), True),
            "instructions": (lambda x, g: r.choice(x, g, ("highest", "sum")), True),
        }
        values = r.fields(m, spec, record="rec_rules")
        if values is None:
            raise Invalid()
        return Stacking(**values)

    def requirement(n: Node, f: str) -> Requirement:
        m = r.mapping(n, f)
        spec: Spec = {
            "kinds": (lambda x, g: r.list_of(x, g, lambda y, h: r.enum(y, h, PointKind)), True),
            "min": (lambda x, g: r.integer(x, g, minimum=0), True),
        }
        values = r.fields(m, spec, record="rec_rules")
        if values is None:
            raise Invalid()
        return Requirement(**values)

    def requirements(n: Node, f: str) -> Requirements:
        m = r.mapping(n, f)
        spec: Spec = {
            "research_per_quarter": (requirement, False),
            "opinion_list_per_month": (requirement, False),
            "inactive_days": (lambda x, g: r.integer(x, g, minimum=1), True),
        }
        values = r.fields(m, spec, record="rec_rules")
        if values is None:
            raise Invalid()
        return Requirements(**values)

    def month_day(n: Node, f: str) -> tuple[int, int]:
        s = r.text(n, f)
        m = re.fullmatch(r"(\d{2})-(\d{2})", s)
        if not m:
            raise r.bad(n, f, "rules_month_day")
        try:
            dt.date(2000, int(m[1]), int(m[2]))
        except ValueError:
            raise r.bad(n, f, "type_date_impossible") from None
        return int(m[1]), int(m[2])

    def names_list(n: Node, f: str, names: tuple[str, ...]) -> tuple[str, ...]:
        return r.list_of(n, f, lambda x, g: r.choice(x, g, names))

    def annual(n: Node, f: str) -> Annual:
        m = r.mapping(n, f)
        spec: Spec = {
            "commend_top": (lambda x, g: r.integer(x, g, minimum=0), True),
            "commend_excludes": (
                lambda x, g: names_list(x, g, EXCLUDE_NAMES),
                False,
            ),
            "disqualify_below": (number, True),
            "grace_admitted_from": (month_day, False),
            "tie_break": (lambda x, g: names_list(x, g, TIE_BREAK_NAMES), False),
        }
        values = r.fields(m, spec, record="rec_rules")
        if values is None:
            raise Invalid()
        return Annual(**values)

    spec: Spec = {
        "id": (lambda n, f: r.pattern(n, f, RULE_ID_RE, "[A-Za-z0-9._-]"), True),
        "title": (r.text, True),
        "basis": (r.text_list, False),
        "effective_from": (r.date, True),
        "publications": (publications, True),
        "instructions": (instructions, True),
        "stacking": (stacking, True),
        "multipliers": (
            lambda n, f: named_numbers(n, f, MULTIPLIER_NAMES, ()),
            True,
        ),
        "deductions": (lambda n, f: named_numbers(n, f, DEDUCTION_NAMES, DEDUCTION_NAMES), True),
        "emergency_deadline_minutes": (lambda n, f: r.integer(n, f, minimum=1), True),
        "requirements": (requirements, True),
        "annual": (annual, True),
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


# What ``annual.commend_excludes`` may name: a deduction event or a manual adjustment.
EXCLUDE_NAMES = (*DEDUCTION_NAMES, "manual")


# --- solicitations and adjustments ----------------------------------------------------------


def _read_solicitations(
    r: _FileReader, root: Node | None, empty: bool, year: int
) -> list[Solicitation]:
    out: list[Solicitation] = []

    def addressed(n: Node, f: str) -> tuple[str, ...] | None:
        if isinstance(n, Scalar) and n.value == "all" and not n.bad:
            return None
        if isinstance(n, Scalar):
            raise r.bad(n, f, "solicitation_points")
        ids = r.list_of(n, f, r.point_ref)
        if len(set(ids)) != len(ids):
            raise r.bad(n, f, "list_repeat")
        return ids

    spec: Spec = {
        "id": (lambda n, f: r.pattern(n, f, RECORD_ID_RE, "[A-Za-z0-9._-]"), True),
        "issued": (r.date, True),
        "due": (r.date, True),
        "topic": (r.text, True),
        "points": (addressed, True),
    }
    for node in r.records_of(root, empty):
        start = r.mark()
        values = r.fields(node, spec, record="rec_solicitation", partial=True)
        assert values is not None
        issued_node = node.get("issued")
        due_node = node.get("due")
        if issued_node is None or due_node is None or "issued" not in values or "due" not in values:
            continue
        if not r.in_year(issued_node, "issued", values["issued"], year):
            continue
        if values["due"] < values["issued"]:
            r.error(
                due_node.line,
                due_node.col,
                "solicitation_due_before",
                value=values["due"].isoformat(),
            )
            continue
        r.ref("ruleday", due_node, "due", day=values["due"])
        if not r.clean_since(start):
            continue
        out.append(Solicitation(source=r.source(node), **values))
    return out


def _read_adjustments(
    r: _FileReader, root: Node | None, empty: bool, year: int
) -> list[Adjustment]:
    out: list[Adjustment] = []
    spec: Spec = {
        "id": (lambda n, f: r.pattern(n, f, RECORD_ID_RE, "[A-Za-z0-9._-]"), True),
        "point": (r.point_ref, True),
        "date": (r.date, True),
        "kind": (lambda n, f: r.enum(n, f, AdjustmentKind), True),
        "points": (lambda n, f: r.decimal(n, f, signed=True), False),
        "reason": (r.text, True),
        "submission": (lambda n, f: r.pattern(n, f, SUBMISSION_ID_RE, "[A-Za-z0-9-]"), False),
    }
    for node in r.records_of(root, empty):
        start = r.mark()
        values = r.fields(node, spec, record="rec_adjustment", partial=True)
        assert values is not None
        date_node = node.get("date")
        if date_node is None or "date" not in values or "kind" not in values:
            continue
        if not r.in_year(date_node, "date", values["date"], year):
            continue
        if values["kind"] is AdjustmentKind.MANUAL and "points" not in values:
            line, col = node.first_key_pos()
            r.error(line, col, "adjustment_manual_points")
            continue
        r.ref("ruleday", date_node, "date", day=values["date"])
        sub_node = node.get("submission")
        if "submission" in values and sub_node is not None:
            r.ref("submission", sub_node, values["submission"])
        if not r.clean_since(start):
            continue
        out.append(Adjustment(source=r.source(node), **values))
    return out


# --- submissions ----------------------------------------------------------------------------


def _read_submissions(
    r: _FileReader, root: Node | None, empty: bool, year: int, point: str, month: int
) -> list[Submission]:
    out: list[Submission] = []

    def adoption(n: Node, f: str) -> tuple[dict[str, Any], Mapping]:
        m = r.mapping(n, f)
        spec: Spec = {
            "publication": (lambda x, g: r.pattern(x, g, RECORD_ID_RE, "[A-Za-z0-9._-]"), True),
            "date": (r.date, True),
            "mode": (lambda x, g: r.enum(x, g, Mode), True),
            "issue": (r.text, False),
        }
        values = r.fields(m, spec, record="rec_adoption", partial=True)
        assert values is not None
        return values, m

    def instruction(n: Node, f: str) -> tuple[dict[str, Any], Mapping]:
        m = r.mapping(n, f)
        spec: Spec = {
            "leader": (r.text, True),
            "rank": (lambda x, g: r.enum(x, g, Rank), True),
            "date": (r.date, True),
            "note": (r.text, False),
        }
        values = r.fields(m, spec, record="rec_instruction", partial=True)
        assert values is not None
        return values, m

    spec: Spec = {
        "id": (lambda n, f: r.pattern(n, f, SUBMISSION_ID_RE, "[A-Za-z0-9-]"), True),
        "date": (r.date, True),
        "title": (lambda n, f: r.text(n, f, max_len=200), True),
        "category": (lambda n, f: r.enum(n, f, Category), True),
        "co_submitters": (lambda n, f: r.list_of(n, f, r.point_ref), False),
        "solicitation": (lambda n, f: r.pattern(n, f, RECORD_ID_RE, "[A-Za-z0-9._-]"), False),
        "occurred_at": (r.datetime, False),
        "reported_at": (r.datetime, False),
        "reviewer": (r.text, False),
        "classification": (lambda n, f: r.enum(n, f, Classification), False),
        "adoptions": (lambda n, f: r.list_of(n, f, adoption, partial=True), False),
        "instructions": (lambda n, f: r.list_of(n, f, instruction, partial=True), False),
        "flags": (lambda n, f: r.list_of(n, f, lambda x, g: r.enum(x, g, Flag)), False),
        "note": (r.text, False),
    }
    for node in r.records_of(root, empty):
        start = r.mark()
        values = r.fields(node, spec, record="rec_submission", partial=True)
        assert values is not None
        sub = _check_submission(r, node, values, year, point, month)
        if not r.clean_since(start):
            continue
        if sub is not None:
            out.append(sub)
    return out


def _check_submission(
    r: _FileReader, node: Mapping, values: dict[str, Any], year: int, point: str, month: int
) -> Submission | None:
    """Checks across the fields of one submission, on whatever fields could be read, so that
    every problem of the record is reported; the record itself only when it is whole."""
    start = r.mark()
    day: dt.date | None = values.get("date")
    date_node = node.get("date")
    if day is not None and date_node is not None:
        if day.year != year or day.month != month:
            r.error(
                date_node.line,
                date_node.col,
                "submission_wrong_month",
                value=day.isoformat(),
                year=year,
                month=month,
            )
        r.ref("ruleday", date_node, "date", day=day)
    co: tuple[str, ...] = values.get("co_submitters", ())
    co_node = node.get("co_submitters")
    if co and isinstance(co_node, Sequence):
        seen: set[str] = set()
        for item_node in co_node.items:
            item = item_node.value if isinstance(item_node, Scalar) else None
            if item is None:
                continue
            if item == point:
                r.error(item_node.line, item_node.col, "co_submitter_owner", value=item)
            elif item in seen:
                r.error(
                    item_node.line,
                    item_node.col,
                    "list_repeat_value",
                    field="co_submitters",
                    value=item,
                )
            seen.add(item)
    if values.get("category") is Category.EMERGENCY:
        line, col = node.first_key_pos()
        for field in ("occurred_at", "reported_at"):
            if field not in values and node.get(field) is None:
                r.error(line, col, "emergency_missing", field=field)
    occurred = values.get("occurred_at")
    reported = values.get("reported_at")
    rep_node = node.get("reported_at")
    if occurred is not None and reported is not None and reported < occurred and rep_node:
        r.error(
            rep_node.line,
            rep_node.col,
            "reported_before_occurred",
            value=reported.isoformat(timespec="minutes"),
        )
    if node.get("reviewer") is None:
        line, col = node.first_key_pos()
        r.warning(line, col, "reviewer_missing")
    sol = values.get("solicitation")
    sol_node = node.get("solicitation")
    if sol is not None and sol_node is not None and day is not None:
        r.ref("solicitation", sol_node, sol, day=day, owner=point)
    adoption_values = values.pop("adoptions", ())
    instruction_values = values.pop("instructions", ())
    for a_values, a_node in (*adoption_values, *instruction_values):
        when = a_values.get("date")
        if day is not None and when is not None:
            _check_event_date(r, a_node, day, when)
    for a_values, a_node in adoption_values:
        pub_node = a_node.get("publication")
        if day is not None and "publication" in a_values and pub_node is not None:
            r.ref("publication", pub_node, a_values["publication"], day=day)
    if not r.clean_since(start):
        return None
    try:
        return Submission(
            point=point,
            source=r.source(node),
            adoptions=tuple(Adoption(**v) for v, _ in adoption_values),
            instructions=tuple(Instruction(**v) for v, _ in instruction_values),
            **values,
        )
    except TypeError:
        return None  # a required field was missing: already reported


def _check_event_date(r: _FileReader, node: Mapping, day: dt.date, when: dt.date) -> None:
    date_node = node.get("date")
    assert date_node is not None
    if when < day:
        r.error(
            date_node.line,
            date_node.col,
            "event_before_submission",
            value=when.isoformat(),
            date=day.isoformat(),
        )
    elif (when - day).days > MAX_LATE_DAYS:
        r.error(
            date_node.line,
            date_node.col,
            "event_too_late",
            value=when.isoformat(),
            date=day.isoformat(),
            days=MAX_LATE_DAYS,
        )


# --- entry point ----------------------------------------------------------------------------


def oversized_file(path: str, size: int) -> ParsedFile:
    """What ``parse_file`` says of a file over ``GOVINFO_MAX_FILE_MB``, without its bytes: the
    loader never reads such a file into memory."""
    from govinfo.load.yamlfile import too_large

    kind = file_kind(path)
    if kind is None or kind == "misplaced":
        return parse_file(path, b"")
    return ParsedFile(path, kind, (), (too_large(path, size),), ())


def parse_file(path: str, data: bytes, *, fast_path: bool = True) -> ParsedFile:
    """Read the file at ``path`` (relative to the data folder, with ``/``) from ``data``.

    A plain submission file is read by the fast path (``fast.py``) unless ``fast_path`` is
    False; the result is the same either way."""
    kind = file_kind(path)
    if kind is None:
        return ParsedFile(path, "unknown", (), (), ())
    if fast_path and kind == "submissions":
        from govinfo.load import fast  # it imports this module: loaded on first use

        if fast.ENABLED and (parsed := fast.fast_submissions(path, data)) is not None:
            return parsed
    problems: list[Problem] = []
    r = _FileReader(path, problems)
    if kind == "misplaced":
        r.error(1, 1, "file_misplaced")
        return ParsedFile(path, kind, (), tuple(problems), ())
    root, parse_problems = parse_yaml(path, data)
    problems.extend(parse_problems)
    fatal = any(p.is_error for p in parse_problems) and root is None
    records: list[Any] = []
    empty = not data.strip()
    if not fatal:
        if kind == "settings":
            records = list(_read_settings(r, root))
        elif kind == "points":
            records = list(_read_points(r, root, empty))
        elif kind == "rules":
            records = list(_read_rules(r, root, path))
        elif kind in ("solicitations", "adjustments"):
            m = _YEAR_FILE.fullmatch(path)
            assert m is not None
            year = int(m[2])
            if kind == "solicitations":
                records = list(_read_solicitations(r, root, empty, year))
            else:
                records = list(_read_adjustments(r, root, empty, year))
        elif kind == "submissions":
            m = _SUBMISSION_PATH.fullmatch(path)
            assert m is not None
            year, point, month = int(m[1]), m[2], int(m[3])
            if not 1 <= month <= 12:
                r.error(1, 1, "file_misplaced")
            elif not POINT_ID_RE.fullmatch(point) or point in RESERVED_NAMES:
                r.error(1, 1, "submission_folder_bad", point=point)
            else:
                r.refs.append(Ref("folderpoint", point, 1, 1))
                records = list(_read_submissions(r, root, empty, year, point, month))
    problems.sort(key=Problem.sort_key)
    return ParsedFile(path, kind, tuple(records), tuple(problems), tuple(r.refs))
