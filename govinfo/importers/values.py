"""Cell values as a clerk's spreadsheet holds them → the values a record needs.

Pure. Every parser returns the value or raises ``ValueError`` (the caller names the column and
the cell) — :class:`~govinfo.rules.calendar.NoSuchDay` when a date in a readable form names no
real day. Text is compared after NFKC folding (full-width digits and letters, the ideographic
space) with whitespace removed, so that ``２００３年８月１４日`` and ``综 合`` read as meant.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal

from govinfo.model import Category, Classification, Mode
from govinfo.rules.calendar import NoSuchDay as NoSuchDay
from govinfo.rules.calendar import real_day

# Names are matched, and titles deduped, in the folded forms of ``govinfo.text``.
from govinfo.text import fold as fold
from govinfo.text import normalise_title as normalise_title


def cell_text(value: object) -> str:
    """A cell as text: strings stripped; whole numbers without ``.0``; dates in ISO form."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return format(Decimal(repr(value)), "f")
    if isinstance(value, dt.datetime):
        if value.hour == value.minute == value.second == 0:
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value).strip()


_DATE = re.compile(
    r"(?P<y>\d{4})\s*(?:[-/.]|年)\s*(?P<m>\d{1,2})\s*(?:[-/.]|月)\s*(?P<d>\d{1,2})\s*日?"
)
_COMPACT = re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})")
_TIME = re.compile(
    r"(?:T|\s*)(?P<h>\d{1,2})\s*(?:[:：]|时|点)\s*(?P<mi>\d{1,2})\s*分?"
    r"(?:\s*(?:[:：]\s*(?P<s>\d{1,2})(?:\.0+)?|(?P<s2>\d{1,2})\s*秒))?"
)


def _day(text: str, m: re.Match[str]) -> dt.date:
    return real_day(text, int(m["y"]), int(m["m"]), int(m["d"]))


def parse_date(value: object) -> dt.date:
    """A date from an Excel date cell or text: ``2003-8-14``, ``2003/8/14``, ``2003.8.14``,
    ``2003年8月14日``, ``20030814``, full-width digits; a time of 00:00 after it is allowed."""
    day, time = parse_day(value)
    if time is not None:
        raise ValueError(cell_text(value))
    return day


def parse_day(value: object) -> tuple[dt.date, str | None]:
    """The date of a date-only field (报送日期, 采用日期), and the time of day that came with
    it, if any, as ``HH:MM`` (``HH:MM:SS`` with seconds), for the caller to say it was dropped.

    An Excel date cell holding a date-time (a clerk typed ``2004-2-3 9:30``) and text in the
    same shape (the same sheet saved as CSV: ``2004/2/3 9:30``) read alike: the date, and the
    time. A time of 00:00 is no time (a date cell's own midnight). Text whose time is not a
    real one (``25:00``) is refused, as is anything else after the date."""
    if isinstance(value, dt.datetime):
        moment = value.time().replace(microsecond=0)
        return value.date(), (None if moment == dt.time(0) else _clock(moment))
    if isinstance(value, dt.date):
        return value, None
    if isinstance(value, int | float) and not isinstance(value, bool):
        text = cell_text(value)
    else:
        text = unicodedata.normalize("NFKC", str(value)).strip()
    m = _DATE.fullmatch(text) or _COMPACT.fullmatch(text)
    if m is not None:
        return _day(text, m), None
    m = _DATE.match(text)
    t = _TIME.fullmatch(text[m.end() :]) if m is not None else None
    if m is None or t is None:
        raise ValueError(text)
    day = _day(text, m)
    hour, minute, second = int(t["h"]), int(t["mi"]), int(t["s"] or t["s2"] or 0)
    if hour > 23 or minute > 59 or second > 59:
        raise NoSuchDay(text, day.year, day.month, day.day, "time")
    moment = dt.time(hour, minute, second)
    return day, (None if moment == dt.time(0) else _clock(moment))


_CLOCK = re.compile(r"(?P<h>\d{1,2})\s*[:：]\s*(?P<mi>\d{2})(?:\s*[:：]\s*\d{2})?")
_EXCEL_DAY_ZERO = dt.date(1899, 12, 30)  # serial 0 of Excel's 1900 date system (after 1900-02-28)
_SERIAL_1990 = (dt.date(1990, 1, 1) - _EXCEL_DAY_ZERO).days
_SERIAL_2100 = (dt.date(2100, 1, 1) - _EXCEL_DAY_ZERO).days


def time_of_day(value: object) -> str | None:
    """``HH:MM`` when a date cell holds a time of day alone: a time cell, Excel's fraction of a
    day (0.395833… is 09:30) or text such as ``9:30``; else None."""
    if isinstance(value, dt.time):
        return _clock(value.replace(microsecond=0))
    if isinstance(value, float) and 0 < value < 1:
        seconds = round(value * 86400)
        return _clock(dt.time(seconds // 3600 % 24, seconds // 60 % 60, seconds % 60))
    m = _CLOCK.fullmatch(unicodedata.normalize("NFKC", value)) if isinstance(value, str) else None
    if m is not None and int(m["h"]) < 24 and int(m["mi"]) < 60:
        return f"{int(m['h']):02d}:{m['mi']}"
    return None


def serial_date(value: object) -> dt.date | None:
    """The day a plain number would be as an Excel date serial (37935 is 2003-11-10), for a
    hint: a date cell saved as a number, or typed as one; None for anything else, and for a
    number whose day would not be 1990–2099 (``2003`` is a year, not 1905-06-25)."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    text = cell_text(value)
    if not text.isdigit() or not _SERIAL_1990 <= int(text) < _SERIAL_2100:
        return None
    return _EXCEL_DAY_ZERO + dt.timedelta(days=int(text))


def _clock(moment: dt.time) -> str:
    return moment.isoformat(timespec="seconds" if moment.second else "minutes")


def parse_datetime(value: object) -> dt.datetime:
    """A date-time to the minute: an Excel date-time cell, or a date as :func:`parse_date`
    reads followed by ``9:30``, ``09:30:00``, ``9时30分``. Seconds other than 0 are refused."""
    if isinstance(value, dt.datetime):
        if value.second or value.microsecond:
            raise ValueError(cell_text(value))
        return value.replace(tzinfo=None)
    text = unicodedata.normalize("NFKC", cell_text(value)).strip()
    m = _DATE.match(text)
    if m is None:
        raise ValueError(text)
    t = _TIME.fullmatch(text[m.end() :])
    if t is None or int(t["s"] or t["s2"] or 0):
        raise ValueError(text)
    day = _day(text, m)
    hour, minute = int(t["h"]), int(t["mi"])
    if hour > 23 or minute > 59:
        raise NoSuchDay(text, day.year, day.month, day.day, "time")
    return dt.datetime(day.year, day.month, day.day, hour, minute)


# The traditional characters of the known headers and words (報送單位, 標題, 類別, 綜合, 調研,
# 問題, 輿情清單, 密級 …) → their simplified forms: a Big5 file from a 繁體 system reads as its
# simplified twin. An explicit table, applied only to match headers and words — never to names,
# titles or anything kept: 長春 is not matched (add it to the point's aliases).
TRADITIONAL = str.maketrans(
    "報單點稱時標題類別約編號審簽發級聯備註說採數碼綜調問輿緊內資絕機開條獨間",
    "报单点称时标题类别约编号审签发级联备注说采数码综调问舆紧内资绝机开条独间",
)


_BREAKS = re.compile(r"\s*[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+\s*")


def one_line(text: str) -> str:
    """A cell as a message shows it (a header, a 备注): each line break, with the spaces around
    it, one space — so that every message stays on its one ``file:sheet:row: …`` line."""
    return _BREAKS.sub(" ", text.strip())


def fold_word(text: str) -> str:
    """``text`` folded (see ``govinfo.text.fold``) with the traditional characters of the known
    headers and words in their simplified forms: the key a header or a word is looked up by."""
    return fold(text).translate(TRADITIONAL)


_CATEGORY_WORDS: dict[str, Category] = {
    "综合": Category.GENERAL,
    "综合信息": Category.GENERAL,
    "一般": Category.GENERAL,
    "调研": Category.RESEARCH,
    "调研信息": Category.RESEARCH,
    "调研报告": Category.RESEARCH,
    "问题": Category.PROBLEM,
    "问题信息": Category.PROBLEM,
    "问题类": Category.PROBLEM,
    "突发": Category.EMERGENCY,
    "突发事件": Category.EMERGENCY,
    "突发信息": Category.EMERGENCY,
    "紧急信息": Category.EMERGENCY,
    "舆情清单": Category.OPINION_LIST,
    "舆情": Category.OPINION_LIST,
    "舆情信息清单": Category.OPINION_LIST,
    "社情民意清单": Category.OPINION_LIST,
}

_CLASSIFICATION_WORDS: dict[str, Classification] = {
    "公开": Classification.PUBLIC,
    "非密": Classification.PUBLIC,
    "内部": Classification.INTERNAL,
    "内部资料": Classification.INTERNAL,
    "内部使用": Classification.INTERNAL,
    "秘密": Classification.SECRET,
    "密": Classification.SECRET,
    "涉密": Classification.SECRET,
    "机密": Classification.SECRET,
    "绝密": Classification.SECRET,
}

HIGHER_SECRET = frozenset({"机密", "绝密"})  # read as 秘密, the folder's highest level

_MODE_WORDS: dict[str, Mode] = {
    "单条": Mode.SINGLE,
    "单条采用": Mode.SINGLE,
    "单独": Mode.SINGLE,
    "单独采用": Mode.SINGLE,
    "单篇": Mode.SINGLE,
    "综合": Mode.COMBINED,
    "综合采用": Mode.COMBINED,
    "合编": Mode.COMBINED,
    "综合编发": Mode.COMBINED,
}


def _word(
    value: object,
    words: dict[str, Category] | dict[str, Classification] | dict[str, Mode],
    enum: type[Category] | type[Classification] | type[Mode],
) -> str:
    key = fold_word(cell_text(value))
    found = words.get(key)
    if found is not None:
        return found.value
    for member in enum:
        # the value as SPEC writes it (opinion-list) or as an English table prints it (opinion list)
        if key in (fold(member.value), fold(member.name), fold(member.value).replace("-", "")):
            return member.value
    raise ValueError(cell_text(value))


def parse_category(value: object, extra: dict[str, str] | None = None) -> Category:
    if extra:
        hit = extra.get(fold_word(cell_text(value)))
        if hit is not None:
            return Category(hit)
    return Category(_word(value, _CATEGORY_WORDS, Category))


def parse_classification(value: object) -> Classification:
    return Classification(_word(value, _CLASSIFICATION_WORDS, Classification))


def parse_mode(value: object) -> Mode:
    return Mode(_word(value, _MODE_WORDS, Mode))


_LIST_SPLIT = re.compile(r"[、,，;；/\s]+")


def split_names(value: object) -> list[str]:
    """A cell that lists names (合报单位): split on 、 , ， ; ； / and whitespace."""
    return [part for part in _LIST_SPLIT.split(cell_text(value)) if part]
