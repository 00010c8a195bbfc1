"""Days, quarters and months: the periods that SPEC §2 charges requirements on."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator

# The years a command may name: four digits, and a year before and a January after that the
# calendar still holds (a year's score reads the previous year's submissions and the next
# January's adoptions). Date options are kept to the same years.
FIRST_YEAR = 1000
LAST_YEAR = 9998


class NoSuchDay(ValueError):
    """A date or date-time in a readable form that names no day of the calendar or no time of
    the clock: ``2003-02-30``, ``2003-13-01``, ``2003-08-22 25:00``. ``reason`` says which part:
    ``day``, ``month``, ``year`` or ``time``."""

    def __init__(self, text: str, year: int, month: int, day: int, reason: str) -> None:
        super().__init__(text)
        self.year, self.month, self.day, self.reason = year, month, day, reason


def real_day(text: str, year: int, month: int, day: int) -> dt.date:
    """The day ``year-month-day`` read from ``text``, or :class:`NoSuchDay` saying which part
    names none."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        reason = "year" if year < dt.MINYEAR else "month" if not 1 <= month <= 12 else "day"
        raise NoSuchDay(text, year, month, day, reason) from None


def year_first(year: int) -> dt.date:
    return dt.date(year, 1, 1)


def year_last(year: int) -> dt.date:
    return dt.date(year, 12, 31)


def days_in_year(year: int) -> int:
    return 366 if calendar.isleap(year) else 365


def month_last(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def quarter_label(year: int, quarter: int) -> str:
    return f"{year}-Q{quarter}"


def month_label(year: int, month: int) -> str:
    return f"{year}-{month:02d}"


def quarters(first: dt.date, last: dt.date) -> Iterator[tuple[str, dt.date, dt.date]]:
    """Every quarter whose last day lies in ``first..last``: (label ``2003-Q1``, first, last day)."""
    for year in range(first.year, last.year + 1):
        for q in range(1, 5):
            start = dt.date(year, 3 * q - 2, 1)
            end = month_last(year, 3 * q)
            if first <= end <= last:
                yield quarter_label(year, q), start, end


def months(first: dt.date, last: dt.date) -> Iterator[tuple[str, dt.date, dt.date]]:
    """Every month whose last day lies in ``first..last``: (label ``2003-02``, first, last day)."""
    for year in range(first.year, last.year + 1):
        for m in range(1, 13):
            end = month_last(year, m)
            if first <= end <= last:
                yield month_label(year, m), dt.date(year, m, 1), end


def day_of_year(year: int, month_day: tuple[int, int]) -> dt.date:
    """``(month, day)`` in ``year``; 29 February in a common year is read as 1 March."""
    month, day = month_day
    try:
        return dt.date(year, month, day)
    except ValueError:
        return dt.date(year, month, 28) + dt.timedelta(days=1)
