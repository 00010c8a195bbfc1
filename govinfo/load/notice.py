"""``notice.yaml``: what an office writes once for its 通报 (issue 15).

Beside ``govinfo.yaml`` rather than a ``notice:`` section inside it: the texts are long (主送,
下一步要求) and edited by whoever drafts the notice, while ``govinfo.yaml`` holds the few settings
every command reads first; a file of its own keeps a typo in a paragraph from ever touching the
folder's settings, and ``check`` reports it at its own file:line:col. The file is optional.
"""

from __future__ import annotations

import re

from govinfo.errors import GovinfoError
from govinfo.load.schema import Invalid, Reader, Spec
from govinfo.load.text import parse_yaml
from govinfo.model import NoticeSettings, Problem
from govinfo.yamltext.reader import Mapping, Node, Sequence

NOTICE_FILE = "notice.yaml"
# The placeholders a 发文字号 pattern may hold.
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_NUMBER_FIELDS = ("year", "n")
TEXT_LIMIT = 2000


def _join_lines(text: str) -> str:
    """The lines of one paragraph as one line: Chinese joins without a space, Latin with one."""
    out = ""
    for line in (x.strip() for x in text.splitlines()):
        if not line:
            continue
        if out and out[-1].isascii() and line[0].isascii():
            out += " "
        out += line
    return out


def read_notice_settings(r: Reader, root: Node | None) -> list[NoticeSettings]:
    """The one record of ``notice.yaml`` (problems go to ``r``); empty when it cannot be read."""
    if root is None or not isinstance(root, Mapping):
        r.error(1, 1, "notice_not_mapping")
        return []

    def text(n: Node, f: str) -> str:
        return r.text(n, f, max_len=TEXT_LIMIT)

    def number(n: Node, f: str) -> str:
        value = r.text(n, f, max_len=200)
        for name in _PLACEHOLDER.findall(value):
            if name not in _NUMBER_FIELDS:
                raise r.bad(n, f, "notice_number_placeholder", name=name)
        if "{n}" not in value:
            raise r.bad(n, f, "notice_number_no_n")
        return value

    def texts(n: Node, f: str) -> tuple[str, ...]:
        return r.list_of(n, f, text)

    def paragraphs(n: Node, f: str) -> tuple[str, ...]:
        # A list of paragraphs, or one text whose blank lines separate them.
        if not isinstance(n, Sequence):
            value = text(n, f)
            parts = [_join_lines(p) for p in re.split(r"\n\s*\n", value)]
            return tuple(p for p in parts if p)
        return texts(n, f)

    spec: Spec = {
        "issuer": (text, False),
        "number": (number, False),
        "to": (text, False),
        "copy_to": (texts, False),
        "printed_by": (text, False),
        "basis": (text, False),
        "requirements": (paragraphs, False),
        "signature": (text, False),
    }
    values = r.fields(root, spec, record="rec_notice")
    if values is None:
        return []
    return [NoticeSettings(**values)]


def parse_notice(data: bytes) -> tuple[NoticeSettings | None, list[Problem]]:
    """``notice.yaml``'s settings from ``data`` and the problems found reading it."""
    problems: list[Problem] = []
    root, parse_problems = parse_yaml(NOTICE_FILE, data)
    problems.extend(parse_problems)
    if any(p.is_error for p in parse_problems) and root is None:
        return None, problems
    try:
        records = read_notice_settings(Reader(NOTICE_FILE, problems), root)
    except Invalid:  # pragma: no cover - field readers record their problem and return
        records = []
    return (records[0] if records else None), problems


def read_notice(source: object) -> NoticeSettings:
    """The folder's ``notice.yaml`` (a ``FileSource``: working tree or git revision), or the
    defaults when there is none. A file with errors was already refused by the loader."""
    read = getattr(source, "read", None)
    if read is None:
        return NoticeSettings()
    try:
        data = read(NOTICE_FILE)
    except (OSError, GovinfoError):
        return NoticeSettings()
    settings, _ = parse_notice(data)
    return settings or NoticeSettings()
