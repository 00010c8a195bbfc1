"""What every record kind's reader shares: the file's :class:`ParsedFile` result, the
:class:`Ref` values it leaves for the cross-file check, which kind a path is, and
:class:`FileReader`, the field reader that knows the file's path."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import msgspec

from govinfo.defaults import SETTINGS_FILE
from govinfo.load.schema import Reader
from govinfo.model import (
    Adjustment,
    Point,
    Problem,
    RuleSet,
    Settings,
    Solicitation,
    SourceRef,
    Submission,
)
from govinfo.text import MAX_NAME
from govinfo.yamltext.hints import fullwidth_colon
from govinfo.yamltext.reader import Mapping, Node, Scalar, Sequence

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

SUBMISSION_PATH = re.compile(r"submissions/([0-9]{4})/([^/]+)/([0-9]{2})\.yaml")
YEAR_FILE = re.compile(r"(solicitations|adjustments)/([0-9]{4})\.yaml")
RULE_FILE = re.compile(r"rules/([^/]+)\.yaml")


class Ref(msgspec.Struct, frozen=True, array_like=True, gc=False):
    """A reference to check across files: ``kind`` is ``point``, ``parent`` (a point's
    parent: a registered city), ``solicitation``, ``publication``, ``ruleday`` or ``submission``; ``day`` is the date it is judged on and
    ``owner`` the submission's point (for solicitations)."""

    kind: str
    value: str
    line: int
    col: int
    day: dt.date | None = None
    owner: str | None = None


Record = Settings | Point | RuleSet | Solicitation | Adjustment | Submission


# The kinds of files whose records other files name by id: a record of these left out for an
# error still defines its id (``ParsedFile.unread``).
NAMED_KINDS = frozenset(["points", "solicitations", "submissions"])


class ParsedFile(msgspec.Struct, frozen=True, gc=False):
    path: str
    kind: str  # settings, points, rules, solicitations, adjustments, submissions, unknown
    records: tuple[Any, ...]
    problems: tuple[Problem, ...]
    refs: tuple[Ref, ...]
    # The records of a list file left out for an error in them (reported among ``problems``):
    # each one's id as written, or None when the id itself could not be read. The cross-file
    # check counts these ids as defined, so that one bad field is one error, not one more at
    # every record elsewhere that names the record.
    unread: tuple[str | None, ...] = ()
    # Where each record of ``unread`` starts (its ``id`` key when it has one), in the same
    # order: a left-out record's id still takes part in the check for duplicate ids.
    unread_at: tuple[SourceRef, ...] = ()


def file_kind(path: str) -> str | None:
    """Which kind of file ``path`` (relative to the data folder) is, or None when govinfo does
    not read it. A ``.yaml`` in a place govinfo reads but under a wrong name is ``misplaced``."""
    if path == SETTINGS_FILE:
        return "settings"
    if path == "points.yaml":
        return "points"
    if path == "notice.yaml":
        return "notice"
    top = path.split("/", 1)[0]
    if top == "submissions":
        return "submissions" if SUBMISSION_PATH.fullmatch(path) else "misplaced"
    if top in ("solicitations", "adjustments"):
        m = YEAR_FILE.fullmatch(path)
        return m[1] if m else "misplaced"
    if top == "rules":
        return "rules" if RULE_FILE.fullmatch(path) else "misplaced"
    return None


class FileReader(Reader):
    """Reads the records of one file; knows the file's path facts (year, month, point)."""

    def __init__(self, path: str, problems: list[Problem]) -> None:
        super().__init__(path, problems)
        self.refs: list[Ref] = []
        self.unread: list[str | None] = []  # see ParsedFile.unread
        self.unread_at: list[SourceRef] = []

    def ref(self, kind: str, node: Node, value: str, **kw: Any) -> None:
        self.refs.append(Ref(kind, value, node.line, node.col, **kw))

    def left_out(self, values: dict[str, Any], node: Mapping) -> None:
        """Note a record left out for an error in it: its ``id`` if that could be read, and
        where it is."""
        self.unread.append(values.get("id"))
        self.unread_at.append(self.source(node))

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

    def point_name(self, node: Node, field: str, *, limit: int = MAX_NAME) -> str:
        """A point's name, short name or alias: text, with a warning at it when it is longer
        than ``points add`` takes (counted as there, without the blanks at its edges)."""
        value = self.text(node, field)
        if (n := len(value.strip())) > limit:
            assert isinstance(node, Scalar)  # text() took it
            self.warning(node.line, node.col, "name_too_long", field=field, n=n, limit=limit)
        return value

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
                continue
            colon = fullwidth_colon(item.value) if isinstance(item, Scalar) else None
            if isinstance(item, Scalar) and colon is not None:  # "- id： a": a text, no record
                self.fullwidth_colon_error(item, colon)
            elif not (isinstance(item, Scalar) and item.bad):
                self.error(item.line, item.col, "record_not_mapping")
            self.unread.append(None)  # a record without a readable id
            self.unread_at.append(SourceRef(self.path, item.line, item.col))
        return out
