"""A point named on the command line (explain, overdue --point, points show/retire/reinstate …):
found by id, full name, short name or alias, or refused with the import's "did you mean"."""

from __future__ import annotations

from govinfo.errors import DataError
from govinfo.i18n import t
from govinfo.importers.points import PointIndex
from govinfo.model import Folder, Point
from govinfo.reports.explain import find_point


def named_point(folder: Folder, text: str) -> Point:
    """The point ``text`` names; a :class:`DataError` (exit 1) with the closest name otherwise."""
    found = find_point(folder, text)
    if found is not None:
        return found
    hint = PointIndex(folder.points).suggest(text)
    message = t("score_unknown_point", point=text)
    if hint:
        message += t("import_did_you_mean", hint=hint)
    raise DataError(message)
