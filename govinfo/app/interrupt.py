"""What a run stopped by Ctrl-C says: one line in the clerk's language, truthful about what it
wrote."""

from __future__ import annotations

from govinfo.i18n import t
from govinfo.store.atomic import landed, may_have_changed


def interrupted_line() -> str:
    """``已中断，未写入任何内容`` while this run has changed no file the clerk sees — a write
    not past its point of no return is rolled back, a half-built demo folder and an export's
    temporary file are removed; ``已中断；本次写入已完成并提交`` once a write of this run has
    landed (its commit made) with nothing changing since; else only ``已中断`` (a write past
    that point is finished by the next command, which says so; an export may be partly
    written), after a landed write with what followed it named as maybe unfinished."""
    done = landed()
    if done is None:
        return t("interrupted") if may_have_changed() else t("interrupted_nothing_written")
    if may_have_changed():
        return t("interrupted_landed_then" if done else "interrupted_written_then")
    return t("interrupted_landed" if done else "interrupted_written")
