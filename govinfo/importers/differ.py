"""What two rows judged the same submission (same point, date and title) say differently.

A repeat is imported once, and a row already in the folder is skipped: whatever else the
dropped row says — another 类别, a 审核人, a 备注 — would be lost without a word. These
functions name each field that differs, the dropped row's value as its sheet writes it, and the
kept one's (the first row's as written, or the folder record's in the clerk's words).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from govinfo.i18n import t
from govinfo.importers.values import one_line
from govinfo.model import Submission
from govinfo.yamltext.fields import SUBMISSION_FIELDS

# The fields compared, in SPEC's order: what a row sets of a submission beside its key (date
# and title), its id and what only the folder records (adoptions, instructions, flags).
FIELDS = tuple(
    name
    for name in SUBMISSION_FIELDS
    if name not in ("id", "date", "title", "adoptions", "instructions", "flags")
)


def facts(record: Mapping[str, Any]) -> dict[str, object]:
    """A row's record (see ``rows.SubmissionRow.record``) as the values compared."""
    found: dict[str, object] = {name: record.get(name) for name in FIELDS}
    found["co_submitters"] = frozenset(record.get("co_submitters") or ())
    found["classification"] = record.get("classification") or "internal"  # the folder's default
    return found


def stored_facts(sub: Submission) -> dict[str, object]:
    """A folder record as the values compared."""
    return {
        "category": sub.category.value,
        "co_submitters": frozenset(sub.co_submitters),
        "solicitation": sub.solicitation,
        "occurred_at": sub.occurred_at,
        "reported_at": sub.reported_at,
        "reviewer": sub.reviewer,
        "classification": sub.classification.value,
        "note": sub.note,
    }


def stored_text(sub: Submission, name: str, labels: Mapping[str, str]) -> str:
    """A folder record's field in the clerk's words (综合, 长春, 2003-08-21 09:00)."""
    value: Any = getattr(sub, name)
    if name == "category":
        return t(f"ye_cat_{value.value}")
    if name == "classification":
        return t(f"import_classification_{value.value}")
    if name == "co_submitters":
        return t("list_sep").join(labels.get(p, p) for p in value)
    if value is None:
        return ""
    if name in ("occurred_at", "reported_at"):
        return str(value.isoformat(sep=" ", timespec="minutes"))
    return str(value)


def differences(
    mine: Mapping[str, object],
    kept: Mapping[str, object],
    written: Mapping[str, str],
    kept_text: Mapping[str, str],
    columns: Mapping[str, str],
    where: str,
) -> str:
    """The fields where ``mine`` and ``kept`` differ, each with both values, as one phrase for
    a message; "" when none does. ``written``: the dropped row's cells as written;
    ``kept_text``: the kept side's; ``columns``: the fields' columns as the dropped row's
    sheet heads them; ``where``: the kept side (``dup.csv:2``, ``path:line``)."""
    parts = [
        t(
            "import_differs_field",
            column=columns.get(name, name),
            mine=_shown(written.get(name)),
            where=where,
            kept=_shown(kept_text.get(name)),
        )
        for name in FIELDS
        if mine[name] != kept[name]
    ]
    return t("import_differs_sep").join(parts)


def _shown(value: str | None) -> str:
    return t("import_differs_value", value=one_line(value)) if value else t("import_differs_empty")
