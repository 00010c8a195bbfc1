"""The folder's groups for a command that took its scores from the result cache (issue 14)."""

from __future__ import annotations

import typer

from govinfo.cli import common
from govinfo.reports.groups import GroupInfo, folder_groups


def groups_of_folder(ctx: typer.Context, at: str | None) -> tuple[GroupInfo, ...]:
    """The groups of ``govinfo.yaml`` (read again: a small file), as it is or at ``at``."""
    from govinfo.load.folder import read_settings
    from govinfo.load.gitrev import GitRevision
    from govinfo.load.sources import FileSource, WorkingTree

    root = common.locate_folder(common.state(ctx))
    source: FileSource = GitRevision(root, at) if at is not None else WorkingTree(root)
    return folder_groups(read_settings(source))
