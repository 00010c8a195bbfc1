"""Typed reading of positioned YAML nodes: scalars into text, dates, decimals and enums, and
mappings into checked field dictionaries, every problem at the position SPEC §1 gives.

A scalar's type is decided from its text and style, never from PyYAML's YAML 1.1 guesses: a
quoted scalar is text; a plain one is text only when YAML 1.1 would also read it as text, so that
``id: 010`` or ``mode: no`` is an error naming the field rather than a silent 8 or False.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any, TypeVar

from govinfo.i18n import t
from govinfo.model import Problem, Severity
from govinfo.text import FIELD_CUTOFF, closest, control_characters, edge_blank
from govinfo.yamltext.hints import fullwidth_colon
from govinfo.yamltext.reader import Mapping, Node, Scalar, Sequence

E = TypeVar("E", bound=StrEnum)

_DATE_RE = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")
_DATETIME_RE = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2})$")
_NUMBER_RE = re.compile(r"^[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$")
_INT_RE = re.compile(r"^[-+]?[0-9]+$")
# What a score can hold: every number read is below this in size, so that products and sums of
# them stay far inside exact decimal arithmetic and the calendar (days, minutes).
MAX_NUMBER = Decimal(10) ** 12
MAX_NUMBER_TEXT = "10^12"
MAX_INTEGER_DIGITS = 40  # int() of a longer text is refused before it is converted

_KIND_NAMES = {
    "tag:yaml.org,2002:null": "null",
    "tag:yaml.org,2002:bool": "bool",
    "tag:yaml.org,2002:int": "number",
    "tag:yaml.org,2002:float": "number",
    "tag:yaml.org,2002:timestamp": "date",
}


_KIND_MEMO: dict[str, str] = {}
_MEMO_MAX_LEN = 24
_NULLS = frozenset(["", "~", "null", "Null", "NULL"])


def yaml11_kind(value: str) -> str:
    """What YAML 1.1 (PyYAML's safe loader) would read a plain scalar as: ``str``, ``null``,
    ``bool``, ``number``, ``date`` or ``other``."""
    if len(value) <= _MEMO_MAX_LEN:
        # Short plain values (kinds, dates, modes, ids) repeat across a folder: remember them.
        kind = _KIND_MEMO.get(value)
        if kind is None:
            kind = _KIND_MEMO[value] = _yaml11_kind(value)
            if len(_KIND_MEMO) > 100_000:
                _KIND_MEMO.clear()
        return kind
    return _yaml11_kind(value)


@functools.cache
def _resolvers() -> dict[str | None, list[tuple[str, re.Pattern[str]]]]:
    """PyYAML's implicit resolvers (YAML 1.1), imported when a value is first judged."""
    import yaml

    return yaml.resolver.Resolver.yaml_implicit_resolvers


def _yaml11_kind(value: str) -> str:
    first = value[:1]
    resolvers = _resolvers()
    for tag, regexp in resolvers.get(first, ()):
        if regexp.match(value):
            return _KIND_NAMES.get(tag, "other")
    if first and first not in resolvers:
        return "str"
    for tag, regexp in resolvers.get(None, ()):
        if regexp.match(value):
            return _KIND_NAMES.get(tag, "other")
    return "str"


class Invalid(Exception):
    """A value could not be read; the problem has already been recorded."""


Spec = dict[str, tuple[Callable[[Node, str], Any], bool]]


def _edge_words(first: str | None, last: str | None) -> str:
    """What a value has at its edges that does not show (see ``edge_blank``), both named."""
    if first is not None and last is not None:
        if first == last:
            return t("value_edge_blank_both", what=t("blank_" + first))
        return t("value_edge_blank_mixed", first=t("blank_" + first), last=t("blank_" + last))
    where, what = ("start", first) if first is not None else ("end", last)
    return t("value_edge_blank", where=t("edge_" + where), what=t(f"blank_{what}"))


class Reader:
    """Reads the nodes of one file, collecting problems with positions in ``path``."""

    def __init__(self, path: str, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems
        self.n_errors = 0
        # Values found bad whose error was reported before (a tag, by the YAML reader): they
        # make a record unclean as surely as a new error does.
        self.n_bad = 0

    # --- problems ---------------------------------------------------------------------------

    def error(self, line: int, col: int, key: str, **kw: object) -> None:
        self._error(line, col, t(key, **kw))

    def _error(self, line: int, col: int, message: str) -> None:
        self.n_errors += 1
        self.problems.append(Problem(self.path, line, col, Severity.ERROR, message))

    def warning(self, line: int, col: int, key: str, **kw: object) -> None:
        self.problems.append(Problem(self.path, line, col, Severity.WARNING, t(key, **kw)))

    def fullwidth_colon_error(self, node: Scalar, colon: int) -> None:
        """The error at a full-width colon written after a key (``title：``), the ``colon``-th
        character of ``node``'s text — one column further where the text is quoted."""
        at = node.col + colon + (0 if node.plain else 1)  # past the opening quote
        self.error(node.line, at, "yaml_hint_fullwidth_colon")

    def bad(self, node: Node, field: str, key: str, **kw: object) -> Invalid:
        """Record an error at ``node`` about ``field`` and return the exception to raise."""
        value = node.value if isinstance(node, Scalar) else ""
        message = t(key, field=field, value=value, **kw)
        if (blank := edge_blank(value)) is not None:
            # "point：　baishan 不是有效的直报点编号": the full-width space does not show
            message += _edge_words(*blank)
        self._error(node.line, node.col, message)
        return Invalid()

    # --- scalars ----------------------------------------------------------------------------

    def _scalar(self, node: Node, field: str, expected: str) -> Scalar:
        if isinstance(node, Scalar):
            if node.bad:
                raise Invalid()
            return node
        shape = "list" if isinstance(node, Sequence) else "mapping"
        self.error(
            node.line, node.col, "type_shape", field=field, expected=t(expected), shape=t(shape)
        )
        raise Invalid()

    def text(self, node: Node, field: str, *, max_len: int | None = None) -> str:
        s = self._scalar(node, field, "type_text")
        if s.plain:
            kind = yaml11_kind(s.value)
            if kind != "str":
                raise self.bad(node, field, "type_text_got", got=t("kind_" + kind))
        if not s.value.strip():
            raise self.bad(node, field, "type_text_empty")
        if bad := control_characters(s.value, keep="\t\n"):
            raise self.bad(node, field, "type_text_control", chars=" ".join(bad))
        if max_len is not None and len(s.value) > max_len:
            raise self.bad(node, field, "type_text_long", limit=max_len, length=len(s.value))
        return s.value

    def pattern(self, node: Node, field: str, regex: re.Pattern[str], hint: str) -> str:
        value = self.text_or_code(node, field)
        if not regex.fullmatch(value):
            raise self.bad(node, field, "type_pattern", hint=hint)
        return value

    def text_or_code(self, node: Node, field: str) -> str:
        """Text that may look like a number only when quoted (ids, codes, phone numbers)."""
        return self.text(node, field)

    def date(self, node: Node, field: str) -> dt.date:
        s = self._scalar(node, field, "type_date")
        m = _DATE_RE.match(s.value)
        if not m:
            raise self.bad(node, field, "type_date_format", hint=_date_fix(s.value))
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            raise self.bad(node, field, "type_date_impossible") from None

    def datetime(self, node: Node, field: str) -> dt.datetime:
        s = self._scalar(node, field, "type_datetime")
        m = _DATETIME_RE.match(s.value)
        if not m:
            raise self.bad(node, field, "type_datetime_format", hint=_date_fix(s.value))
        try:
            return dt.datetime(int(m[1]), int(m[2]), int(m[3]), int(m[4]), int(m[5]))
        except ValueError:
            raise self.bad(node, field, "type_date_impossible") from None

    def decimal(self, node: Node, field: str, *, signed: bool = False) -> Decimal:
        s = self._scalar(node, field, "type_number")
        if not s.plain or not _NUMBER_RE.match(s.value):
            raise self.bad(node, field, "type_number_got")
        try:
            value = Decimal(s.value)
        except InvalidOperation:  # pragma: no cover - the regex admits only valid numbers
            raise self.bad(node, field, "type_number_got") from None
        if not signed and value < 0:
            raise self.bad(node, field, "type_negative")
        if abs(value) >= MAX_NUMBER:
            raise self.bad(node, field, "type_too_large", limit=MAX_NUMBER_TEXT)
        return value

    def integer(self, node: Node, field: str, *, minimum: int = 0) -> int:
        s = self._scalar(node, field, "type_integer")
        if not s.plain or not _INT_RE.match(s.value):
            raise self.bad(node, field, "type_integer_got")
        if len(s.value.lstrip("+-0")) > MAX_INTEGER_DIGITS:
            raise self.bad(node, field, "type_too_large", limit=MAX_NUMBER_TEXT)
        value = int(s.value)
        if value < minimum:
            raise self.bad(node, field, "type_minimum", minimum=minimum)
        if value >= MAX_NUMBER:
            raise self.bad(node, field, "type_too_large", limit=MAX_NUMBER_TEXT)
        return value

    def enum(self, node: Node, field: str, enum: type[E]) -> E:
        s = self._scalar(node, field, "type_text")
        choices = ", ".join(m.value for m in enum)
        if s.plain and yaml11_kind(s.value) != "str":
            raise self.bad(
                node, field, "type_enum_got", got=t("kind_" + yaml11_kind(s.value)), choices=choices
            )
        try:
            return enum(s.value)
        except ValueError:
            hint = _hint(s.value, [m.value for m in enum])
            raise self.bad(node, field, "type_enum", choices=choices, hint=hint) from None

    def choice(self, node: Node, field: str, choices: Iterable[str]) -> str:
        s = self._scalar(node, field, "type_text")
        options = tuple(choices)
        if s.value not in options or (s.plain and yaml11_kind(s.value) != "str"):
            hint = _hint(s.value, options) if s.value not in options else ""
            raise self.bad(node, field, "type_enum", choices=", ".join(options), hint=hint)
        return s.value

    # --- collections ------------------------------------------------------------------------

    def sequence(self, node: Node, field: str) -> list[Node]:
        if isinstance(node, Sequence):
            return node.items
        if isinstance(node, Scalar) and node.bad:
            raise Invalid()
        got = "mapping" if isinstance(node, Mapping) else "kind_scalar"
        self.error(node.line, node.col, "type_shape", field=field, expected=t("list"), shape=t(got))
        raise Invalid()

    def mapping(self, node: Node, field: str) -> Mapping:
        if isinstance(node, Mapping):
            return node
        if isinstance(node, Scalar) and node.bad:
            raise Invalid()
        got = "list" if isinstance(node, Sequence) else "kind_scalar"
        self.error(
            node.line, node.col, "type_shape", field=field, expected=t("mapping"), shape=t(got)
        )
        raise Invalid()

    def list_of(
        self, node: Node, field: str, item: Callable[[Node, str], Any], *, partial: bool = False
    ) -> tuple[Any, ...]:
        """Read a list whose items ``item`` reads, reporting every bad item; then raise, or with
        ``partial`` return the good items (the caller judges the record by :meth:`clean_since`)."""
        items = self.sequence(node, field)
        out: list[Any] = []
        ok = True
        for i, sub in enumerate(items):
            try:
                out.append(item(sub, f"{field}[{i + 1}]"))
            except Invalid:
                ok = False
        if not ok and not partial:
            raise Invalid()
        return tuple(out)

    def mark(self) -> int:
        """A marker for :meth:`clean_since`: how many errors and bad values so far."""
        return self.n_errors + self.n_bad

    def clean_since(self, mark: int) -> bool:
        return self.n_errors + self.n_bad == mark

    def fields(
        self,
        node: Mapping,
        spec: Spec,
        *,
        record: str,
        partial: bool = False,
    ) -> dict[str, Any] | None:
        """Read a mapping by ``spec`` (field → (reader, required)).

        Unknown keys are warnings (with "did you mean"); a missing required field is an error at
        the mapping's first key; a null or empty optional field is as if absent. Returns the
        values read, or None when any field was bad — or with ``partial`` the good values
        always, so that checks across fields can still run and report.
        """
        values: dict[str, Any] = {}
        ok = True
        written: set[str] = set()  # fields written with a full-width colon: not missing
        for key, value in node.items:
            if key.bad:
                ok = False
                self.n_bad += 1
                continue
            name = key.value
            entry = spec.get(name)
            colon = fullwidth_colon(name) if entry is None else None
            if colon is not None and name[:colon].strip() in spec:
                # "title： 长春: 调研" is read as the key "title： 长春": the value is lost
                self.fullwidth_colon_error(key, colon)
                written.add(name[:colon].strip())
                ok = False
                continue
            if entry is None:
                close = closest(name, spec.keys(), cutoff=FIELD_CUTOFF)
                if close is not None:
                    self.warning(key.line, key.col, "unknown_field_hint", field=name, hint=close)
                else:
                    self.warning(key.line, key.col, "unknown_field", field=name, record=t(record))
                continue
            reader, required = entry
            if _is_null(value):
                if required:
                    self.error(value.line, value.col, "field_null", field=name)
                    ok = False
                continue
            try:
                values[name] = reader(value, name)
            except Invalid:
                ok = False
                self.n_bad += 1
        for name, (_, required) in spec.items():
            if required and name not in values and node.get(name) is None and name not in written:
                line, col = node.first_key_pos()
                self.error(line, col, "field_missing", field=name, record=t(record))
                ok = False
        return values if ok or partial else None


# A real day written otherwise than YYYY-MM-DD: "2004-1-5", "2004/1/5", "2004.01.05", one
# separator throughout; with a time "T9:30" (hour unpadded) for a date-time.
_LOOSE_DATE = re.compile(
    r"([0-9]{4})([-/.])([0-9]{1,2})\2([0-9]{1,2})(?:T([0-9]{1,2}):([0-9]{2}))?"
)


def _date_fix(value: str) -> str:
    """ "（应写作 2004-01-05）" when ``value`` is a real day (or day and time) written with an
    unpadded month, day or hour or another separator; "" otherwise — also for a date given
    where a date-time is wanted or the reverse, whose fix is not a matter of spelling."""
    m = _LOOSE_DATE.fullmatch(value)
    if m is None:
        return ""
    year, _, month, day, hour, minute = m.groups()
    try:
        when = dt.datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0))
    except ValueError:
        return ""
    fixed = when.date().isoformat() if hour is None else when.isoformat(timespec="minutes")
    return t("type_date_fix", fixed=fixed) if fixed != value else ""


def _is_null(node: Node) -> bool:
    if isinstance(node, Scalar) and not node.bad:
        if not node.plain:
            return node.value == ""
        return node.value in _NULLS
    return False


def _hint(value: str, choices: Iterable[str]) -> str:
    """“did you mean” the choice a misspelt value is closest to (``genral`` → ``general``)."""
    close = closest(value, choices, cutoff=FIELD_CUTOFF)
    return t("did_you_mean", hint=close) if close is not None else ""
