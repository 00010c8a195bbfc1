"""Rows whose year looks mistyped: a warning at the row, for the clerk to look again.

* A row dated in a year whose outcome ``close-year`` has recorded (a *closed* year), when the
  batch also holds rows of a year still open: 2002-11-09 in a 2003 batch would change 2002's
  scores after its 优秀 were named. (A batch wholly of closed years — the archive of a past
  year — is meant; the import's one note says the outcome may change.)
* A row of a year few rows of the batch share whose date is more than ``STRAY_DAYS`` from
  every row of the other years: 2002-11-09 among 2003-10 … 2003-12. A batch across a year's
  end (December and January) is no alarm: its rows of either year are days apart.

Only rows the import adds are warned of (a duplicate is skipped anyway).
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from typing import Protocol

from govinfo.i18n import t
from govinfo.importers.problems import ImportProblem, RowRef, warning

STRAY_DAYS = 60


class DatedRow(Protocol):
    @property
    def where(self) -> RowRef: ...

    @property
    def date(self) -> dt.date: ...

    @property
    def columns(self) -> Mapping[str, str]: ...


def year_warnings(
    rows: Sequence[DatedRow], closed: Mapping[int, dt.date], added: Collection[RowRef]
) -> list[ImportProblem]:
    """A warning at each added row of ``rows`` whose year looks mistyped (module docstring)."""
    if not rows:
        return []
    dates = sorted(r.date for r in rows)
    per_year = Counter(d.year for d in dates)
    some_open = any(year not in closed for year in per_year)
    out: list[ImportProblem] = []
    for row in rows:
        if row.where not in added:
            continue
        names = {"column": row.columns.get("date", "date"), "value": row.date.isoformat()}
        year = row.date.year
        if year in closed and some_open:
            words = t("import_closed_year_row", year=year, date=closed[year].isoformat(), **names)
            out.append(warning(row.where, words))
        elif (others := _others(dates, year, per_year)) is not None:
            first, last, around = others
            if min(abs((d - row.date).days) for d in around) > STRAY_DAYS:
                n = len(dates) - per_year[year]
                span = {"first": first.isoformat(), "last": last.isoformat()}
                key = "import_stray_year_day" if first == last else "import_stray_year"
                out.append(warning(row.where, t(key, n=n, **span, **names)))
    return out


def _others(
    dates: list[dt.date], year: int, per_year: Counter[int]
) -> tuple[dt.date, dt.date, list[dt.date]] | None:
    """For a year few rows share (the other rows at least three and three times as many): the
    first and last date of the other years' rows, and their dates just before and just after
    ``year`` (one or two). Else None."""
    mine = per_year[year]
    if len(dates) - mine < max(3, 3 * mine):
        return None
    start = bisect.bisect_left(dates, dt.date(year, 1, 1))
    end = start + mine  # the year's dates are one run of the sorted list
    around = [dates[i] for i in (start - 1, end) if 0 <= i < len(dates)]
    first = dates[0] if start > 0 else dates[end]
    last = dates[-1] if end < len(dates) else dates[start - 1]
    return first, last, around
