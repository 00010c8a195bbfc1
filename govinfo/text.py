"""Plain-text helpers every layer may use (pure, no govinfo imports): how wide a text is on a
terminal, which known word a mistyped one is closest to, text identity and text safety.

* **Identity.** Two names or titles are the same when they differ only in what a clerk cannot
  see or does not mean: NFKC forms (full-width letters and digits, the ideographic space),
  format characters (Unicode category Cf: zero-width space, soft hyphen, word joiner, bidi
  marks, BOM), whitespace, and — for names — letter case.
* **Safety.** Control characters (C0 and C1, DEL) and the bidi overrides and isolates are
  refused in names and titles on input; on output every renderer passes text through
  :func:`escape`, so a terminal never receives a raw ESC, BEL or NUL and a workbook never an
  illegal XML character, whatever a file holds.
"""

from __future__ import annotations

import difflib
import re
import shlex
import unicodedata
from collections.abc import Callable, Iterable, Sequence

# The longest full name (or alias) and short name ``points add`` takes, in characters: the
# longest real one (新疆生产建设兵团…办公厅) is under 30; a short name is a column of every table.
# SPEC sets no limit: ``check`` warns of one written longer by hand.
MAX_NAME = 50
MAX_SHORT = 20

# How alike a typed word and a known one must be (difflib's ratio) to be offered as "did you
# mean": field names are short and spelt by the clerk from the docs, so only a near miss;
# ids of the folder a little looser; names from an import file (folded, brackets stripped)
# loosest, since a spreadsheet's spelling of a point or publication drifts most.
FIELD_CUTOFF = 0.7
ID_CUTOFF = 0.6
NAME_CUTOFF = 0.5


# The trend chart's two bars (submissions, adoptions), and the ASCII pair that stands for them
# where they cannot be drawn (``GOVINFO_ASCII``) or written (a terminal without them).
CHART_BARS = ("\u2588", "\u2592")
CHART_BARS_ASCII = ("#", "=")


_wcswidth: Callable[[str], int] | None = None


def display_width(text: str) -> int:
    """Columns ``text`` takes on a terminal: a CJK character counts 2 (its length when wcwidth
    cannot tell, e.g. for control characters). Plain ASCII and common CJK text is counted
    here; anything else asks wcwidth, which (25 ms to import) is imported on the first such
    call, not with the module — every layer imports this module, few meet such text — and
    kept, not imported again on each of a report's hundreds of thousands of calls."""
    if _COUNTED(text):
        return _counted_width(text)
    plain = text.translate(_ONE_COLUMN)  # govinfo's own signs (×1.5, 上升↑), one column each
    if _COUNTED(plain):
        return _counted_width(plain)
    width = (_wcswidth or _load_wcswidth())(text)
    return width if width >= 0 else len(text)


def counted(text: str) -> bool:
    """Whether :func:`display_width` counts ``text`` itself: printable ASCII and the common CJK
    characters, dashes and quotes only (see ``_COUNTED``)."""
    return _COUNTED(text) is not None


def display_widths(texts: Sequence[str]) -> list[int]:
    """:func:`display_width` of each of ``texts`` — a table's column — measured together: an
    ASCII column is its lengths, a column of ASCII and common CJK its lengths plus one per wide
    character, each found in one pass over the whole column rather than a call per cell."""
    joined = "".join(texts)
    if joined.isascii():
        return list(map(len, texts))
    if not _COUNTED(joined):
        return list(map(display_width, texts))
    if _NARROW(joined):  # a dash or a quote in a title: counted cell by cell
        return list(map(_counted_width, texts))
    return [len(t) + ((len(t.encode()) - len(t)) >> 1) for t in texts]  # as _counted_width


def _counted_width(text: str) -> int:
    """The width of a text ``_COUNTED`` accepts: every character past ASCII is three bytes in
    UTF-8, two more bytes than characters, which is one more column — save for the narrow
    dashes and quotes."""
    extra = (len(text.encode()) - len(text)) >> 1
    return len(text) + (extra and extra - len(_NARROW(text)))


# Texts measured without wcwidth: printable ASCII (one column each); the CJK characters a
# point's name or a title is made of — the ideographs of Unicode 1.1, 、。〃, the brackets
# 〈〉《》「」『』【】〔〕 and the full-width forms — two columns each in every wcwidth release;
# and the dashes and curly quotes (— ‘ ’ “ ” …), one column each (tests/render/test_text.py
# checks each against the installed wcwidth). Anything else (emoji, combining marks) goes to
# wcwidth, but for the signs of ``_ONE_COLUMN`` (×, ·, ↑, …), measured as ASCII.
# Both sets as the insides of a regular expression's character class, for every pattern
# that must agree with this count (govinfo.render.wrap's units, runs and wide characters too).
NARROW_MARKS = "\\u2014\\u2018\\u2019\\u201c\\u201d\\u2026"
WIDE_CHARACTERS = "\\u3001-\\u3003\\u3008-\\u3011\\u3014\\u3015\\u4e00-\\u9fa5\\uff01-\\uff60"
_COUNTED = re.compile(f"[\\x20-\\x7e{NARROW_MARKS}{WIDE_CHARACTERS}]*").fullmatch
_NARROW = re.compile(f"[{NARROW_MARKS}]").findall
# The one-column signs govinfo's own words and details use (× ÷ · § – ↑ ↓ and the rule ─), each
# measured as an ASCII character would be: a text of them and counted characters needs no
# wcwidth (tests/render/test_text.py checks them against it too).
_ONE_COLUMN = str.maketrans(dict.fromkeys("\u00d7\u00f7\u00b7\u00a7\u2013\u2191\u2193\u2500", "x"))


def _load_wcswidth() -> Callable[[str], int]:
    global _wcswidth
    from wcwidth import wcswidth

    _wcswidth = wcswidth
    return wcswidth


def closest(
    word: str,
    known: Iterable[str],
    *,
    cutoff: float,
    accept: Callable[[str], bool] | None = None,
) -> str | None:
    """The known word most like ``word`` when one is at least ``cutoff`` alike, else None;
    with ``accept``, the most alike of the few closest that ``accept`` takes (a point's name
    must also share a distinctive part: :func:`govinfo.importers.points.related`)."""
    found = difflib.get_close_matches(
        word, list(known), n=1 if accept is None else 8, cutoff=cutoff
    )
    return next((w for w in found if accept is None or accept(w)), None)


_SPACE = re.compile(r"\s+")
# Bidi embeddings, overrides and isolates: they reorder what follows them on screen.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _strip_format(text: str) -> str:
    if text.isascii():
        return text
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def normalise_title(text: str) -> str:
    """A title as dedupe compares it: NFKC, format characters removed, whitespace removed."""
    return _SPACE.sub("", _strip_format(unicodedata.normalize("NFKC", text)))


def fold(text: str) -> str:
    """A name as names are matched: :func:`normalise_title`, then case-folded."""
    return normalise_title(text).casefold()


def _control(ch: str, keep: str) -> bool:
    code = ord(ch)
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return ch not in keep
    return ch in BIDI_CONTROLS


def control_characters(text: str, *, keep: str = "") -> list[str]:
    """The control characters in ``text`` (C0, DEL, C1 and bidi controls), each once, in the
    order met, as escapes (``\\x1b``, ``\\u202e``); characters in ``keep`` (tab, newline where a
    field allows them) are allowed."""
    found: dict[str, None] = {}
    for ch in text:
        if _control(ch, keep):
            found.setdefault(_escape_one(ch))
    return list(found)


def _blank(ch: str) -> str | None:
    """What kind of character a clerk cannot see ``ch`` is: ``fullwidth`` (the ideographic
    space), ``space`` (any other space), ``invisible`` (a format character: zero-width space,
    BOM, word joiner …), or None for a visible one."""
    if ch == "\u3000":
        return "fullwidth"
    if ch.isspace():
        return "space"
    return "invisible" if unicodedata.category(ch) == "Cf" else None


def edge_blank(text: str) -> tuple[str | None, str | None] | None:
    """Which kind of character a clerk cannot see (see ``_blank``) ``text`` has at its start
    and at its end, each None when there is none there, or None when neither edge has one:
    ``point: \u3000baishan`` is no valid id, and the message must say why, since the value looks
    right. A value of one such character has it at its start only."""
    if not text:
        return None
    first = _blank(text[0])
    last = _blank(text[-1]) if len(text) > 1 else None
    return None if first is None and last is None else (first, last)


def _escape_one(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


# Control characters, bidi controls, and lone surrogates (the bytes of a file name that was
# not UTF-8, as Python reads them back: no output can write them as they are).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_UNSAFE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def escape(text: str, *, multiline: bool = True) -> str:
    """``text`` with every control character, bidi control and lone surrogate written as a
    visible escape (``\\x1b``, ``\\udcb3``); tab and newline kept when ``multiline``, escaped
    too when not (a table cell, a CSV field). Surrogate escapes that spell UTF-8 — a name or
    an argument Python read in a C locale without UTF-8 mode — are shown as what they spell."""
    if text.isprintable():  # every character escaped is unprintable (Cc, Cf, Cs): none here
        return text
    text = _spelt(text)
    pattern = _UNSAFE if multiline else _UNSAFE_LINE
    return pattern.sub(lambda m: _escape_one(m[0]), text)


def _spelt(text: str) -> str:
    """``text`` with each run of surrogate escapes (``\\udce9\\udc98\\udcbf``) that is UTF-8
    read as the characters it spells (阿); the rest, a name in GBK, as it is."""
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate no byte stands for (Windows' \\ud800)
        return text
    return raw.decode("utf-8", "surrogateescape")


_JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def escape_json(text: str) -> str:
    """JSON text with the control characters JSON leaves raw (DEL, C1, bidi controls) written as
    ``\\uXXXX`` escapes: the same strings for a program, nothing live for a terminal."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


# Text a spreadsheet program would take for a formula (OWASP, CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(text: str) -> str:
    """``text`` with a leading ``'`` when a spreadsheet would read it as a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text


# What a POSIX shell takes as one word unquoted: letters of any script, digits and a few signs.
_SHELL_SAFE = re.compile(r"[\w@%+=:,./-]+")


def shell_word(text: str) -> str:
    """``text`` as one word of a shell command a clerk may paste: as it is where the shell
    would read it so (``/tmp/新处``), else quoted (``'/tmp/信息 处'``)."""
    return text if _SHELL_SAFE.fullmatch(text) else shlex.quote(text)
