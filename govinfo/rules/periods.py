"""The periods of ``govinfo report PERIOD`` (issue 14): a year, a half, a quarter or a month.

Pure: text in, dates out. A period lies inside one year; its figures run from its first day to
the earlier of its last day and as-of.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

import msgspec

from govinfo.rules.calendar import FIRST_YEAR, LAST_YEAR, month_last

_PERIOD = re.compile(r"([0-9]{4})(?:(H[12])|(Q[1-4])|-([0-9]{2}))?")


class Period(msgspec.Struct, frozen=True, gc=False):
    """``label`` as the clerk writes it (``2003``, ``2003H1``, ``2003Q3``, ``2003-08``);
    ``kind``: ``year``, ``half``, ``quarter`` or ``month``; ``number``: the half, quarter or
    month (0 for the year)."""

    label: str
    kind: str
    year: int
    number: int
    first: dt.date
    last: dt.date

    def to(self, as_of: dt.date) -> dt.date:
        """The last day whose figures count: the earlier of the period's last day and as-of."""
        return min(self.last, as_of)

    def over(self, as_of: dt.date) -> bool:
        return as_of >= self.last


def period(year: int, kind: str, number: int = 0) -> Period:
    """The period ``number`` of ``kind`` in ``year``."""
    months = {"year": 12, "half": 6, "quarter": 3, "month": 1}[kind]
    start = 1 if kind == "year" else (number - 1) * months + 1
    end = start + months - 1
    label = {
        "year": f"{year}",
        "half": f"{year}H{number}",
        "quarter": f"{year}Q{number}",
        "month": f"{year}-{number:02d}",
    }[kind]
    return Period(label, kind, year, number, dt.date(year, start, 1), month_last(year, end))


def parse_period(text: str) -> Period | None:
    """The period ``text`` names, or None when it names none (``2003Q5``, ``2003-13``)."""
    m = _PERIOD.fullmatch(text.strip())
    if m is None:
        return None
    year = int(m[1])
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    if m[2]:
        return period(year, "half", int(m[2][1]))
    if m[3]:
        return period(year, "quarter", int(m[3][1]))
    if m[4]:
        month = int(m[4])
        return period(year, "month", month) if 1 <= month <= 12 else None
    return period(year, "year")


# Ways a clerk writes a period that the grammar does not take: 2003-Q3, 2003q3, 2003 H1,
# 2003-8, 2003/08, 2003年8月, 2003年第三季度, 2003年上半年, 2003年度.
_LOOSE = re.compile(
    r"([0-9]{4})(?:年度?)?"
    r"(?:[-/._]?(?:([HQ])-?([0-9])|([0-9]{1,2})月?)|第?([一二三四1-4])季度?|([上下])半年)?"
)
_HAN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "上": 1, "下": 2}


def period_hint(text: str) -> str | None:
    """The period ``text`` most likely means when the grammar does not take it (``2003-Q3``
    → ``2003Q3``, ``2003年8月`` → ``2003-08``), or None when it names none."""
    loose = "".join(unicodedata.normalize("NFKC", text).upper().split())
    m = _LOOSE.fullmatch(loose)
    if m is None:
        return None
    year, half_or_quarter, number, month, quarter, half = m.groups()
    if half_or_quarter:
        label = f"{year}{half_or_quarter}{number}"
    elif month:
        label = f"{year}-{int(month):02d}"
    elif quarter:
        label = f"{year}Q{_HAN_DIGITS.get(quarter) or quarter}"
    elif half:
        label = f"{year}H{_HAN_DIGITS[half]}"
    else:
        label = year
    return label if label != text and parse_period(label) is not None else None


def previous_period(p: Period) -> Period | None:
    """The period of the same length just before ``p`` in the same year (None for the year, H1,
    Q1 and January: a period's figures are the year's, so its rank has nothing to compare with
    before 1 January)."""
    if p.kind == "year" or p.number == 1:
        return None
    return period(p.year, p.kind, p.number - 1)


def periods_of(year: int, kind: str) -> list[Period]:
    """Every period of ``kind`` in ``year``, in order."""
    count = {"year": 1, "half": 2, "quarter": 4, "month": 12}[kind]
    if kind == "year":
        return [period(year, "year")]
    return [period(year, kind, n) for n in range(1, count + 1)]
