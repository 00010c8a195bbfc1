"""The folder's groups for a command that took its scores from the result cache (issue 14)."""

from __future__ import annotations

import typer

from govinfo.cli import common
from govinfo.reports.groups import GroupInfo, folder_groups


def groups_of_folder(ctx: typer.Context, at: str | None) -> tuple[GroupInfo, ...]:
    """The groups of ``govinfo.yaml`` of the folder as opened for this run (as it is, or at
    ``at``)."""
    return folder_groups(common.session(ctx, at).settings)
