"""One file of the data folder → its records, its problems and the references it makes.

The reader every kind shares is :mod:`govinfo.load.filereader`; rule sets are read by
:mod:`govinfo.load.rulesfile`, submissions by :mod:`govinfo.load.submissionfile`; settings, points, solicitations, adjustments and submissions here.

``parse_file`` is pure (bytes in, values out) so that its result can be cached per file. What it
cannot judge alone — whether a point, solicitation or publication exists, whether a rule set is in
force on a day — it returns as :class:`Ref` values that ``folder.py`` resolves across files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from govinfo.load.filereader import (
    NAMED_KINDS,
    POINT_ID_RE,
    RECORD_ID_RE,
    RESERVED_NAMES,
    SUBMISSION_ID_RE,
    SUBMISSION_PATH,
    YEAR_FILE,
    FileReader,
    ParsedFile,
    Ref,
    file_kind,
)
from govinfo.load.history import warn_idle
from govinfo.load.rulesfile import read_rules
from govinfo.load.schema import Invalid, Spec
from govinfo.load.submissionfile import read_submissions
from govinfo.load.text import parse_yaml, too_large, unreadable
from govinfo.model import (
    Adjustment,
    AdjustmentKind,
    Contact,
    Group,
    HistoryEvent,
    HistoryKind,
    Point,
    PointKind,
    Problem,
    Settings,
    Solicitation,
    SourceRef,
    Tier,
)
from govinfo.text import MAX_SHORT
from govinfo.yamltext.reader import Mapping, Node, Scalar

# --- settings -------------------------------------------------------------------------------


def _read_settings(r: FileReader, root: Node | None) -> list[Settings]:
    if root is None or not isinstance(root, Mapping):
        r.error(1, 1, "settings_not_mapping")
        return []
    spec: Spec = {
        "format": (r.integer, True),
        "office": (r.text, False),
        "province": (r.text, False),
        "language": (lambda n, f: r.choice(n, f, ("zh", "en")), False),
        "groups": (lambda n, f: _read_groups(r, n, f), False),
    }
    values = r.fields(root, spec, record="rec_settings")
    if values is None:
        return []
    key = next((k for k, _ in root.items if k.value == "groups"), None)
    if key is not None:
        values["groups_at"] = SourceRef(r.path, key.line, key.col)
    fmt = root.get("format")
    if fmt is not None:
        values["format_at"] = SourceRef(r.path, fmt.line, fmt.col)
        if isinstance(fmt, Scalar):
            values["format_text"] = fmt.value
    return [Settings(**values)]


def _read_groups(r: FileReader, node: Node, field: str) -> tuple[Group, ...]:
    """``groups:`` (issue 14): an ordered list of ``{id, name, kinds}`` or ``{id, name,
    points}``. A repeated id, a kind or a point in two groups, a group with both or neither
    of ``kinds`` and ``points`` are errors here; whether every registered point is in exactly
    one group needs the registry (``load.groups``)."""
    start = r.mark()

    def one(m_node: Node, f: str) -> Group:
        m = r.mapping(m_node, f)
        spec: Spec = {
            "id": (lambda n, g: r.pattern(n, g, RECORD_ID_RE, "[A-Za-z0-9._-]"), True),
            "name": (r.text, True),
            "kinds": (
                lambda n, g: r.list_of(n, g, lambda x, h: (r.enum(x, h, PointKind), x)),
                False,
            ),
            "points": (lambda n, g: r.list_of(n, g, lambda x, h: (r.point_ref(x, h), x)), False),
        }
        values = r.fields(m, spec, record="rec_group")
        if values is None:
            raise Invalid()
        kinds = values.pop("kinds", ())
        points = values.pop("points", ())
        if bool(kinds) == bool(points):
            line, col = m.first_key_pos()
            r.error(line, col, "group_kinds_or_points", id=values["id"])
            raise Invalid()
        items = kinds or points
        line, col = m.first_key_pos()
        return Group(
            kinds=tuple(k for k, _ in kinds),
            points=tuple(p for p, _ in points),
            at=tuple((x.line, x.col) for _, x in items),
            source=SourceRef(r.path, line, col),
            **values,
        )

    groups: tuple[Group, ...] = r.list_of(node, field, one, partial=True)
    seen_ids: set[str] = set()
    seen_members: dict[tuple[bool, str], str] = {}
    for g in groups:
        if g.id in seen_ids:
            assert g.source is not None
            r.error(g.source.line, g.source.col, "group_duplicate", id=g.id)
        seen_ids.add(g.id)
        members = [(True, k.value) for k in g.kinds] + [(False, p) for p in g.points]
        for (is_kind, member), (line, col) in zip(members, g.at, strict=True):
            other = seen_members.get((is_kind, member))
            if other is not None:
                r.error(line, col, "group_member_twice", value=member, group=g.id, other=other)
            else:
                seen_members[(is_kind, member)] = g.id
    if not r.clean_since(start):
        raise Invalid()
    return groups


# --- points ---------------------------------------------------------------------------------


def _read_points(r: FileReader, root: Node | None, empty: bool) -> list[Point]:
    points: list[Point] = []
    for node in r.records_of(root, empty):
        point = _read_point(r, node)
        if point is not None:
            points.append(point)
    return points


def _read_contact(r: FileReader, node: Node, field: str) -> Contact:
    m = r.mapping(node, field)
    values = r.fields(m, {"name": (r.text, False), "phone": (r.text, False)}, record="rec_contact")
    if values is None:
        raise Invalid()
    return Contact(**values)


def _read_history_event(r: FileReader, node: Node, field: str) -> tuple[HistoryEvent, Node]:
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


def _read_point(r: FileReader, node: Mapping) -> Point | None:
    spec: Spec = {
        "id": (r.point_id, True),
        "name": (r.point_name, True),
        "short": (lambda n, f: r.point_name(n, f, limit=MAX_SHORT), False),
        "aliases": (lambda n, f: r.list_of(n, f, r.point_name), False),
        "kind": (lambda n, f: r.enum(n, f, PointKind), True),
        "parent": (r.point_id, False),
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
    warn_idle(r, point_id, pairs, tiers)
    kind = values.get("kind")
    parent_node = node.get("parent")
    if "parent" in values:
        # A county's parent is judged across the registry as a ``parent`` reference (registered,
        # and a city); another kind's is one warning here, its id only checked as registered.
        assert parent_node is not None
        county = kind is None or kind is PointKind.COUNTY
        r.ref("parent" if county else "point", parent_node, values["parent"])
        if kind is not None and not county:
            r.warning(  # as a parent that is not a city (load.crosscheck)
                parent_node.line,
                parent_node.col,
                "parent_not_county",
                id=point_id,
                value=values["parent"],
                kind=kind.value,
            )
    if len(set(tiers)) != len(tiers):
        tiers_node = node.get("tiers")
        assert tiers_node is not None
        r.error(tiers_node.line, tiers_node.col, "tiers_repeat")
    if not r.clean_since(start):
        r.left_out(values, node)
        return None
    history = tuple(sorted((e for e, _ in pairs), key=lambda e: e.date))
    return Point(history=history, source=r.source(node), **values)


# --- solicitations and adjustments ----------------------------------------------------------


def _read_solicitations(
    r: FileReader, root: Node | None, empty: bool, year: int
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
        if _solicitation_dates(r, node, values, year) and r.clean_since(start):
            out.append(Solicitation(source=r.source(node), **values))
        else:
            r.left_out(values, node)
    return out


def _solicitation_dates(r: FileReader, node: Mapping, values: dict[str, Any], year: int) -> bool:
    """Whether a solicitation's ``issued`` falls in the file's year and its ``due`` on or after
    it (an error where not); then its ``due`` needs a rule set in force."""
    issued_node = node.get("issued")
    due_node = node.get("due")
    if issued_node is None or due_node is None or "issued" not in values or "due" not in values:
        return False
    if not r.in_year(issued_node, "issued", values["issued"], year):
        return False
    if values["due"] < values["issued"]:
        r.error(
            due_node.line,
            due_node.col,
            "solicitation_due_before",
            value=values["due"].isoformat(),
        )
        return False
    r.ref("ruleday", due_node, "due", day=values["due"])
    return True


def _read_adjustments(r: FileReader, root: Node | None, empty: bool, year: int) -> list[Adjustment]:
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


# --- entry point ----------------------------------------------------------------------------


def oversized_file(path: str, size: int) -> ParsedFile:
    """What ``parse_file`` says of a file over ``GOVINFO_MAX_FILE_MB``, without its bytes: the
    loader never reads such a file into memory."""
    kind = file_kind(path)
    if kind is None or kind == "misplaced":
        return parse_file(path, b"")
    return ParsedFile(path, kind, (), (too_large(path, size),), ())


def read_and_parse(
    read: Callable[[str], bytes], path: str, parse: Callable[[str, bytes], ParsedFile]
) -> ParsedFile:
    """``parse`` of the file at ``path`` as ``read`` gives it; a file that cannot be read (no
    permission, an I/O error) is one error at 1:1 with the system's reason (never stored in
    the parse cache: it has a problem)."""
    try:
        data = read(path)
    except OSError as err:
        kind = file_kind(path)
        if kind is None or kind == "misplaced":
            return parse_file(path, b"")
        return ParsedFile(path, kind, (), (unreadable(path, err),), ())
    return parse(path, data)


def parse_file(
    path: str, data: bytes, *, fast_path: bool | None = None, limit: int | None = None
) -> ParsedFile:
    """Read the file at ``path`` (relative to the data folder, with ``/``) from ``data``.

    A plain submission file or registry is read by the fast path (``load/fast.py``,
    ``load/fastpoints.py``) unless ``fast_path`` is False (None: unless ``GOVINFO_FAST_YAML``
    turns it off); the result is the same either way. ``limit`` is ``GOVINFO_MAX_FILE_MB`` in
    bytes when the caller has read it already (a loop over thousands of files reads the
    environment once)."""
    kind = file_kind(path)
    if kind is None:
        return ParsedFile(path, "unknown", (), (), ())
    if fast_path is not False and kind in ("submissions", "points"):
        from govinfo.load import fast  # loaded on first use: most commands read no submissions

        on = fast.enabled() if fast_path is None else fast.available()
        if on and kind == "submissions":
            parsed = fast.fast_submissions(path, data, limit)
        elif on:
            from govinfo.load.fastpoints import fast_points

            parsed = fast_points(path, data, limit)
        else:
            parsed = None
        if parsed is not None:
            return parsed
    problems: list[Problem] = []
    r = FileReader(path, problems)
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
        elif kind == "notice":
            from govinfo.load.notice import read_notice_settings

            records = list(read_notice_settings(r, root))
        elif kind == "rules":
            records = list(read_rules(r, root, path))
        elif kind in ("solicitations", "adjustments"):
            m = YEAR_FILE.fullmatch(path)
            assert m is not None
            year = int(m[2])
            if kind == "solicitations":
                records = list(_read_solicitations(r, root, empty, year))
            else:
                records = list(_read_adjustments(r, root, empty, year))
        elif kind == "submissions":
            m = SUBMISSION_PATH.fullmatch(path)
            assert m is not None
            year, point, month = int(m[1]), m[2], int(m[3])
            if not 1 <= month <= 12:
                r.error(1, 1, "file_misplaced")
            elif not POINT_ID_RE.fullmatch(point) or point in RESERVED_NAMES:
                r.error(1, 1, "submission_folder_bad", point=point)
            else:
                r.refs.append(Ref("folderpoint", point, 1, 1))
                records = list(read_submissions(r, root, empty, year, point, month))
    problems.sort(key=Problem.sort_key)
    named = kind in NAMED_KINDS
    unread, unread_at = (tuple(r.unread), tuple(r.unread_at)) if named else ((), ())
    return ParsedFile(path, kind, tuple(records), tuple(problems), tuple(r.refs), unread, unread_at)


__all__ = ["ParsedFile", "Ref", "file_kind", "oversized_file", "parse_file"]
