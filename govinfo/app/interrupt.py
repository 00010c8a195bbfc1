"""What a run stopped by Ctrl-C says: one line in the clerk's language, truthful about what it
wrote."""

from __future__ import annotations

from govinfo.i18n import t
from govinfo.store.atomic import may_have_changed


def interrupted_line() -> str:
    """``已中断，未写入任何内容`` while this run has changed no file the clerk sees — a write
    not past its point of no return is rolled back, a half-built demo folder and an export's
    temporary file are removed — else only ``已中断`` (a write past that point is finished by
    the next command, which says so; an export may be partly written)."""
    return t("interrupted") if may_have_changed() else t("interrupted_nothing_written")
