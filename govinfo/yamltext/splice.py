"""Splicing new records into YAML files without disturbing a byte of what the clerk wrote.

SPEC §1's writer rule: everything a writer does not change — comments, blank lines, key order,
quoting — stays as it was. These functions never re-emit existing text; they find where the
existing records begin and end (from the YAML parser's node positions) and insert the new text,
already emitted by :mod:`govinfo.yamltext.emit`, between whole lines.

- :func:`insert_records` adds list items to a file that is a list of records (a month file),
  keeping the records in date order: a new record goes after every existing record of the same or
  an earlier date, i.e. before the first existing record dated later.
- :func:`append_to_field` adds an item to a list field of one record, found by ``id``: an
  adoption to a submission's ``adoptions:``, a history event to a point's ``history:``
  (close-year, points retire/reinstate). An item that carries a date goes where the list's own
  ``date:`` values put it — before the first item dated later, as in :func:`insert_records` — so a
  history ordered by date (SPEC §1) stays so; an undated item goes at the end.

Both return :class:`Spliced` — the new text and the 1-based line range each inserted item
occupies, so that a validator's problems on the new text can be traced back to the row that
produced them. Inserted text follows the file's own conventions: its indentation of list items,
a blank line between records when the file separates them so, CRLF line ends, a BOM.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

import yaml

from govinfo.errors import GovinfoError

try:  # libyaml when available: the composer is the costly part
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - pure-Python PyYAML
    _Loader = yaml.SafeLoader

_BOM = "\ufeff"


class SpliceError(GovinfoError):
    """A text the splicer cannot insert into. Pure code has no words: it carries a message key and
    its parameters, which the caller (store, importers) puts into the user's language with
    :meth:`in_words`."""

    def __init__(self, key: str, /, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


@contextmanager
def worded(t: Callable[..., str]) -> Iterator[None]:
    """Within the block, a :class:`SpliceError` becomes a :class:`GovinfoError` whose message
    ``t`` (the caller's message catalogue) puts into words."""
    try:
        yield
    except SpliceError as err:
        raise GovinfoError(t(err.key, **err.params)) from None


@dataclass(frozen=True)
class NewItem:
    """A list item to insert: its emitted text (``- key: value`` lines, at column 0, ending in a
    newline) and the date it sorts by (``YYYY-MM-DD``; empty: :func:`append_to_field` puts it
    last)."""

    text: str
    date: str = ""


@dataclass(frozen=True)
class Spliced:
    text: str
    # For each new item, in the order given: (first line, last line), 1-based, inclusive.
    lines: list[tuple[int, int]]

    def item_at(self, line: int) -> int | None:
        """The index of the inserted item that covers ``line`` (1-based), or None."""
        for i, (first, last) in enumerate(self.lines):
            if first <= line <= last:
                return i
        return None


@dataclass(frozen=True)
class _Record:
    node: yaml.MappingNode
    start: int  # 0-based line of the item's "-"
    end: int  # 0-based line after its last content line
    dash_col: int

    def scalar(self, key: str) -> str | None:
        for k, v in self.node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return v.value if isinstance(v, yaml.ScalarNode) else None
        return None

    def field(self, key: str) -> tuple[yaml.ScalarNode, yaml.Node] | None:
        for k, v in self.node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return k, v
        return None


class _Doc:
    """A file's text split into lines, with its line-end convention and BOM set aside."""

    def __init__(self, text: str, path: str) -> None:
        self.path = path
        self.bom = text.startswith(_BOM)
        if self.bom:
            text = text[1:]
        self.newline = "\r\n" if "\r\n" in text else "\n"
        self.lines = text.splitlines(keepends=True)
        if self.lines and not self.lines[-1].endswith(("\n", "\r")):
            self.lines[-1] += self.newline
        try:
            self.root = yaml.compose(text, Loader=_Loader)
        except yaml.YAMLError as err:
            raise SpliceError("splice_not_yaml", path=path, detail=str(err)) from None

    def is_blank(self, i: int) -> bool:
        return not self.lines[i].strip()

    def content_end(self, node: yaml.Node) -> int:
        """The 0-based line after the node's last content line (trailing blank lines and
        comments belong to what follows)."""
        end = _last_line(node)
        while end > node.start_mark.line + 1 and self.is_blank(end - 1):
            end -= 1
        return end

    def records(self) -> list[_Record]:
        root = self.root
        if root is None:
            return []
        if not isinstance(root, yaml.SequenceNode) or (root.flow_style and root.value):
            raise SpliceError("splice_not_block_list", path=self.path)
        out: list[_Record] = []
        for node in root.value:
            if not isinstance(node, yaml.MappingNode):
                raise SpliceError("splice_not_block_list", path=self.path)
            start = node.start_mark.line
            while start > 0 and "-" not in self.lines[start][: node.start_mark.column]:
                start -= 1
            dash = self.lines[start].find("-")
            out.append(_Record(node, start, self.content_end(node), max(dash, 0)))
        return out

    def render(self, inserts: Sequence[_Insert]) -> Spliced:
        """The text with each insert placed before its 0-based line (stable for equal lines);
        the spans returned are those of each insert's ``body``, in the order given."""
        by_line = sorted(range(len(inserts)), key=lambda i: inserts[i].at)
        pieces: list[str] = []
        spans: dict[int, tuple[int, int]] = {}
        cursor = 0
        line_no = 0  # lines emitted so far
        for i in by_line:
            ins = inserts[i]
            chunk = self.lines[cursor : ins.at]
            pieces.extend(chunk)
            line_no += len(chunk)
            cursor = ins.at
            line_no += ins.before.count("\n")
            n = ins.body.count("\n")
            spans[i] = (line_no + 1, line_no + n)
            line_no += n + ins.after.count("\n")
            piece = ins.before + ins.body + ins.after
            if self.newline != "\n":
                piece = piece.replace("\n", self.newline)
            pieces.append(piece)
        pieces.extend(self.lines[cursor:])
        body = "".join(pieces)
        return Spliced((_BOM if self.bom else "") + body, [spans[i] for i in range(len(inserts))])


@dataclass(frozen=True)
class _Insert:
    at: int  # 0-based line the text goes before
    body: str  # the item (its span is reported)
    before: str = ""  # a separator or key line written with it
    after: str = ""


def _last_line(node: yaml.Node) -> int:
    """The 0-based line after the last character of the node's own content."""
    if isinstance(node, yaml.ScalarNode) or getattr(node, "flow_style", False):
        mark = node.end_mark
        return mark.line if mark.column == 0 else mark.line + 1
    children: list[yaml.Node] = []
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            children += [k, v]
    elif isinstance(node, yaml.SequenceNode):
        children = list(node.value)
    if not children:
        return node.start_mark.line + 1
    return max(_last_line(c) for c in children)


def _indent(text: str, cols: int) -> str:
    if cols <= 0:
        return text
    pad = " " * cols
    return "".join(pad + ln if ln.strip() else ln for ln in text.splitlines(keepends=True))


def _blank_between(doc: _Doc, records: Sequence[_Record]) -> bool | None:
    """Whether the file separates consecutive records with a blank line (None: can't tell)."""
    if len(records) < 2:
        return None
    a, b = records[0], records[1]
    return any(doc.is_blank(i) for i in range(a.end, b.start))


def insert_records(
    text: str, items: Sequence[NewItem], *, path: str = "", blank_between: bool = True
) -> Spliced:
    """Insert ``items`` (records of a list file) in date order among the records of ``text``.

    Existing records keep their bytes and their order. ``blank_between`` is used when the file
    has fewer than two records to show its own convention (the default matches ``emit_list``).
    """
    doc = _Doc(text, path)
    records = doc.records()
    blank = _blank_between(doc, records)
    if blank is None:
        blank = blank_between
    col = records[0].dash_col if records else 0
    dates = [r.scalar("date") or "" for r in records]
    # Position k means "before existing record k": after every record dated on or before the
    # new one. Records out of date order in the file are left where the clerk put them.
    inserts: list[_Insert] = []
    sep = "\n" if blank else ""
    order = sorted(range(len(items)), key=lambda i: items[i].date)
    for item in (items[i] for i in order):
        k = len(records)
        for i, d in enumerate(dates):
            if d > item.date:
                k = i
                break
        body = _indent(item.text, col)
        if not records:
            # Into a file with no records (perhaps comments only): blank lines only between.
            inserts.append(_Insert(_append_line(doc), body, before=sep if inserts else ""))
        elif k == 0:
            inserts.append(_Insert(records[0].start, body, after=sep))
        else:
            inserts.append(_Insert(records[k - 1].end, body, before=sep))
    spliced = doc.render(inserts)
    spans: list[tuple[int, int]] = [(0, 0)] * len(items)
    for pos, i in enumerate(order):
        spans[i] = spliced.lines[pos]
    return Spliced(spliced.text, spans)


def _append_line(doc: _Doc) -> int:
    """Where to add records to a file with none: after a ``[]`` is removed, else the end."""
    root = doc.root
    if isinstance(root, yaml.SequenceNode) and root.flow_style:
        line = root.start_mark.line
        start, end = root.start_mark.column, root.end_mark.column
        rest = doc.lines[line][:start] + doc.lines[line][end:]
        doc.lines[line] = rest if rest.strip() else ""
        return line + 1 if rest.strip() else line
    return len(doc.lines)


def append_to_field(
    text: str,
    record_id: str,
    field: str,
    item: NewItem,
    *,
    path: str = "",
    key_order: Sequence[str] = (),
) -> Spliced:
    """Append ``item`` to the list ``field`` of the record whose ``id`` is ``record_id``.

    The field is created when the record lacks it (or has it empty: ``field: []``, ``field:``),
    placed before the first key that ``key_order`` puts after it (else at the record's end).
    """
    doc = _Doc(text, path)
    records = doc.records()
    record = next((r for r in records if r.scalar("id") == record_id), None)
    if record is None:
        raise SpliceError("splice_no_record", path=path, id=record_id)
    key_col = record.node.value[0][0].start_mark.column if record.node.value else 2
    offset = _sequence_offset(records)
    found = record.field(field)
    if found is not None and isinstance(found[1], yaml.SequenceNode) and found[1].value:
        seq = found[1]
        if seq.flow_style:
            raise SpliceError("splice_flow_field", path=path, field=field, id=record_id)
        line = _dash_line(doc, seq.value[0])
        dash = max(doc.lines[line].find("-"), 0)
        return doc.render([_Insert(_place_in(doc, seq, item.date), _indent(item.text, dash))])
    if found is not None:
        key, value = found
        if not (
            (isinstance(value, yaml.SequenceNode) and not value.value)
            or (isinstance(value, yaml.ScalarNode) and value.value in ("", "~", "null", "Null"))
        ):
            raise SpliceError("splice_flow_field", path=path, field=field, id=record_id)
        # Replace "field: []" (or an empty value) by "field:" and put the list under it.
        line = key.start_mark.line
        old = doc.lines[line]
        ending = old[len(old.rstrip("\r\n")) :]
        comment = ""
        if value.end_mark.line == line:
            tail = old[value.end_mark.column :].rstrip("\r\n")
            if "#" in tail:
                comment = " " + tail[tail.index("#") :]
        doc.lines[line] = old[: key.end_mark.column] + ":" + comment + (ending or doc.newline)
        body = _indent(item.text, key.start_mark.column + offset)
        return doc.render([_Insert(line + 1, body)])
    # The field is missing: add it at its place in the canonical order.
    at = record.end
    if field in key_order:
        rank = key_order.index(field)
        for k, _v in record.node.value:
            if (
                isinstance(k, yaml.ScalarNode)
                and k.value in key_order
                and key_order.index(k.value) > rank
            ):
                at = k.start_mark.line
                break
    key_line = " " * key_col + field + ":\n"
    return doc.render([_Insert(at, _indent(item.text, key_col + offset), before=key_line)])


def _dash_line(doc: _Doc, node: yaml.Node) -> int:
    """The 0-based line of the ``-`` that opens the list item ``node``."""
    line = node.start_mark.line
    while line > 0 and "-" not in doc.lines[line][: node.start_mark.column]:
        line -= 1
    return line


def _place_in(doc: _Doc, seq: yaml.SequenceNode, date: str) -> int:
    """The 0-based line a new item of the block list ``seq`` goes before: for a ``date``, right
    after the item before the first one dated later (comments between them stay above the
    later item); otherwise, and when none is later, after the last item. Items without a
    scalar ``date`` never count as later; items out of order are left where they are."""
    if date:
        for i, node in enumerate(seq.value):
            if not isinstance(node, yaml.MappingNode):
                continue
            found = _Record(node, 0, 0, 0).scalar("date")
            if found is not None and found > date:
                return _dash_line(doc, node) if i == 0 else doc.content_end(seq.value[i - 1])
    return doc.content_end(seq)


def _sequence_offset(records: Sequence[_Record]) -> int:
    """How far this file indents a list under its key (0 for PyYAML's indentless style)."""
    for r in records:
        for k, v in r.node.value:
            if isinstance(v, yaml.SequenceNode) and v.value and not v.flow_style:
                return max(int(v.value[0].start_mark.column) - 2 - int(k.start_mark.column), 0)
    return 2


def append_many(
    text: str,
    items: Sequence[tuple[str, NewItem]],
    field: str,
    *,
    path: str = "",
    key_order: Sequence[str] = (),
) -> Spliced:
    """:func:`append_to_field` for several ``(record id, item)`` pairs, in order; each item's
    span is that in the final text."""
    spans: list[tuple[int, int]] = []
    for record_id, item in items:
        before = text.count("\n")
        spliced = append_to_field(text, record_id, field, item, path=path, key_order=key_order)
        text = spliced.text
        added = text.count("\n") - before
        first, last = spliced.lines[0]
        start = last - added + 1  # the first inserted line (a key line may precede the item)
        spans = [(a + added, b + added) if a >= start else (a, b) for a, b in spans]
        spans.append((first, last))
    return Spliced(text, spans)
