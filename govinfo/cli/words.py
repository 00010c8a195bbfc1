"""Option values in the words the tables print: ``--kind 市州`` as well as ``--kind city``,
``--type 约稿逾期`` or ``--type "solicitation overdue"`` as well as ``solicitation-overdue``.

A value is matched, spaces, hyphens, case and full-width forms aside, against the enum's own
values and the table words of both languages in :mod:`govinfo.i18n`; anything else is a usage
error (exit 2) listing what is accepted, in the current language's words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from enum import Enum
from typing import Annotated, TypeVar

import typer

from govinfo.i18n import MESSAGES, t
from govinfo.model import PointKind
from govinfo.reports.overdue import FindingKind

E = TypeVar("E", bound=Enum)

_IGNORED = re.compile(r"[\s\-_]+")


def _fold(text: str) -> str:
    return _IGNORED.sub("", unicodedata.normalize("NFKC", text)).casefold()


def enum_words(enum: type[E], prefix: str) -> dict[str, E]:
    """Folded word → member: each member's value and name, and its table words (the message
    ``prefix + value``) in every language."""
    words: dict[str, E] = {}
    for member in enum:
        value = str(member.value)
        for word in (value, member.name, *MESSAGES.get(prefix + value, ())):
            words.setdefault(_fold(word), member)
    return words


def _choices(pairs: list[tuple[str, str]]) -> str:
    """The choices as a refusal lists them, all in one form: each table word with its value
    (``市州 (city)``) where the words are not the values; the values alone where some are
    (English: ``city``, ``research-missing`` for “research missing”, and ``opinion-missing``
    though the table says “opinion list missing” — the clerk may type either)."""
    if any(_fold(word) == _fold(value) for word, value in pairs):
        return t("list_sep").join(value for _, value in pairs)
    return t("list_sep").join(f"{word} ({value})" for word, value in pairs)


def word_parser(enum: type[E], prefix: str) -> Callable[[str], E]:
    """A Typer ``parser`` that turns what the clerk typed into a member of ``enum``."""
    words = enum_words(enum, prefix)

    def parse(text: str) -> E:
        if isinstance(text, enum):
            return text  # a default, already parsed
        found = words.get(_fold(text))
        if found is None:
            accepted = _choices([(t(prefix + str(m.value)), str(m.value)) for m in enum])
            raise typer.BadParameter(t("bad_word", value=text, accepted=accepted))
        return found

    parse.__name__ = enum.__name__
    return parse


parse_point_kind = word_parser(PointKind, "kind_")
parse_finding_kind = word_parser(FindingKind, "od_kind_")


KIND_HELP = "city (市州), county (县市区) or department (省直部门)"

# ``--kind`` as a filter, for the commands that list points or findings.
KindFilter = Annotated[
    PointKind | None,
    typer.Option(
        "--kind",
        metavar="KIND",
        parser=parse_point_kind,
        help=f"Only points of this kind: {KIND_HELP}.",
    ),
]
