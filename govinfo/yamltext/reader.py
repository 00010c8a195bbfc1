"""The strict YAML reader: bytes → a small tree of positioned nodes, plus problems.

It reads the event stream (libyaml's C parser when PyYAML has it, pure Python otherwise) and
builds its own nodes, so that nothing is ever constructed from a tag, an alias is never expanded
(no "billion laughs"), nesting is bounded, duplicate keys are caught at the repeated key, and
every scalar keeps its text, its style (plain or quoted) and its 1-based line and column in
characters. Typing a scalar is the record validator's business (``load/schema.py``).

Pure: bytes in, nodes and :class:`Issue` values out, no I/O and no words — an issue names its
message by key; :mod:`govinfo.load.text` turns issues into problems in the user's language.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

from govinfo.yamltext.hints import yaml_mistake

MAX_DEPTH = 64


@functools.cache
def _loader() -> type:
    """libyaml's loader where PyYAML has it. PyYAML is imported on the first text read, not
    with the module: a run answered from the caches reads no YAML and never loads it."""
    import yaml

    try:
        return yaml.CSafeLoader
    except AttributeError:  # pragma: no cover - PyYAML built without libyaml
        return yaml.SafeLoader


@dataclass(frozen=True)
class Issue:
    """One thing wrong in a YAML text: 1-based line and column, a message key, its parameters."""

    line: int
    col: int
    key: str
    params: dict[str, object] = field(default_factory=dict)


class Scalar:
    __slots__ = ("bad", "col", "line", "plain", "value")

    def __init__(self, value: str, plain: bool, line: int, col: int, bad: bool = False) -> None:
        self.value = value
        self.plain = plain
        self.line = line
        self.col = col
        self.bad = bad  # stands in for a node already reported (alias, tag): skip silently


class Mapping:
    __slots__ = ("col", "items", "line")

    def __init__(self, line: int, col: int) -> None:
        self.items: list[tuple[Scalar, Node]] = []
        self.line = line
        self.col = col

    def first_key_pos(self) -> tuple[int, int]:
        if self.items:
            k = self.items[0][0]
            return k.line, k.col
        return self.line, self.col

    def get(self, key: str) -> Node | None:
        for k, v in self.items:
            if k.value == key:
                return v
        return None


class Sequence:
    __slots__ = ("col", "items", "line")

    def __init__(self, line: int, col: int) -> None:
        self.items: list[Node] = []
        self.line = line
        self.col = col


Node = Scalar | Mapping | Sequence


class _Stop(Exception):
    """Parsing of this file cannot go on (a syntax error or nesting too deep)."""


def _issue(line: int, col: int, message: str, /, **params: object) -> Issue:
    return Issue(line, col, message, params)


def _refused(ev: Any, problems: list[Issue]) -> bool:
    """Whether the event ``ev`` carries an anchor or an explicit tag (YAML this reader does not
    accept), each reported at its start."""
    mark = ev.start_mark
    line, col = mark.line + 1, mark.column + 1
    refused = False
    if ev.anchor is not None:
        problems.append(_issue(line, col, "yaml_anchor", name=ev.anchor))
        refused = True
    if ev.tag is not None and ev.tag != "!":
        problems.append(_issue(line, col, "yaml_tag", tag=ev.tag))
        refused = True
    return refused


def decode(data: bytes, problems: list[Issue]) -> str | None:
    """The file's text, or None (with a problem naming the byte offset) when it is not UTF-8."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        problems.append(_issue(1, 1, "yaml_utf16"))
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        col = len(before[line_start:].decode("utf-8", "replace")) + 1
        problems.append(_issue(line, col, "yaml_not_utf8", offset=exc.start))
        return None


def read_yaml(data: bytes) -> tuple[Node | None, list[Issue]]:
    """Read one YAML text under the strict profile (SPEC §1).

    Returns the root node (None for an empty text or one that cannot be read) and every issue
    found. The size limit is the caller's business: it must not hand over what it should not read.
    """
    problems: list[Issue] = []
    text = decode(data, problems)
    if text is None:
        return None, problems
    import yaml

    loader = _loader()(text)
    try:
        root = _build(loader, problems)
    except _Stop:
        root = None
    except yaml.MarkedYAMLError as exc:
        line, col, key, params = yaml_mistake(text, exc)
        problems.append(_issue(line, col, key, **params))
        root = None
    except yaml.YAMLError as exc:
        problems.append(_issue(1, 1, "yaml_syntax", detail=str(exc)))
        root = None
    finally:
        loader.dispose()
    return root, problems


def _build(loader: Any, problems: list[Issue]) -> Node | None:
    """Build the node tree from the event stream, reporting anchors, aliases, tags, duplicate
    keys, extra documents and excessive nesting as it goes."""
    get_event = loader.get_event
    root: Node | None = None
    # Each open collection: the node, and for mappings the pending key (None when a key is due)
    # and the set of keys seen.
    stack: list[tuple[Mapping | Sequence, list[Scalar | None], set[str] | None]] = []
    documents = 0
    import yaml

    scalar_event = yaml.ScalarEvent
    mapping_start = yaml.MappingStartEvent
    sequence_start = yaml.SequenceStartEvent
    collection_end = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    alias_event = yaml.AliasEvent
    doc_start = yaml.DocumentStartEvent

    def attach(node: Node) -> None:
        nonlocal root
        if not stack:
            root = node
            return
        parent, pending, seen = stack[-1]
        if isinstance(parent, Sequence):
            parent.items.append(node)
            return
        key = pending[0]
        if key is None:
            # ``node`` is a key.
            if not isinstance(node, Scalar):
                problems.append(_issue(node.line, node.col, "yaml_complex_key"))
                pending[0] = Scalar("", True, node.line, node.col, bad=True)
                return
            pending[0] = node
            return
        pending[0] = None
        assert seen is not None
        if not key.bad:
            if key.value in seen:
                problems.append(_issue(key.line, key.col, "yaml_duplicate_key", key=key.value))
                return
            seen.add(key.value)
        parent.items.append((key, node))

    while True:
        ev = get_event()
        if ev is None:
            break
        cls = type(ev)
        if cls is scalar_event:
            mark = ev.start_mark
            line, col = mark.line + 1, mark.column + 1
            bad = (ev.anchor is not None or ev.tag is not None) and _refused(ev, problems)
            attach(Scalar(ev.value, not ev.style, line, col, bad))
        elif cls is mapping_start or cls is sequence_start:
            mark = ev.start_mark
            line, col = mark.line + 1, mark.column + 1
            flagged = (ev.anchor is not None or ev.tag is not None) and _refused(ev, problems)
            if len(stack) >= MAX_DEPTH:
                problems.append(_issue(line, col, "yaml_too_deep", limit=MAX_DEPTH))
                raise _Stop
            node: Mapping | Sequence
            node = Mapping(line, col) if cls is mapping_start else Sequence(line, col)
            # A collection already reported (tag, anchor) is read but stands as a bad value.
            attach(Scalar("", True, line, col, bad=True) if flagged else node)
            stack.append((node, [None], set() if cls is mapping_start else None))
        elif cls in collection_end:
            stack.pop()
        elif cls is alias_event:
            mark = ev.start_mark
            line, col = mark.line + 1, mark.column + 1
            problems.append(_issue(line, col, "yaml_alias", name=ev.anchor))
            attach(Scalar("", True, line, col, bad=True))
        elif cls is doc_start:
            documents += 1
            if documents > 1:
                mark = ev.start_mark
                problems.append(_issue(mark.line + 1, mark.column + 1, "yaml_documents"))
                raise _Stop
    return root
