"""The name of a group as people read it (issue 14)."""

from __future__ import annotations

from govinfo.i18n import t
from govinfo.render.words import sentence_start
from govinfo.reports.groups import GroupInfo


def group_name(group: GroupInfo) -> str:
    """The name the folder gives, or for a default group its kind's word (市州, 县市区, 省直部门)."""
    return group.name if group.name is not None else t(f"kind_{group.id}")


def group_heading(group: GroupInfo) -> str:
    """:func:`group_name` as a heading starts: capitalised (City, County; a Chinese name as it
    is)."""
    return sentence_start(group_name(group))
