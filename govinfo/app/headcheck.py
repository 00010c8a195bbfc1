"""An import commits only the month files it writes: what it was checked against must be in
HEAD too. The registry is the one file a batch resolves its rows against; when ``points.yaml``
has uncommitted edits and a point the batch needs is only in those edits, the commit would
record submissions of a point HEAD does not know (``check --at HEAD`` would fail). Such an
import is refused, saying to commit ``points.yaml`` first — rather than committing the clerk's
unfinished registry edits along with the batch, unasked.
"""

from __future__ import annotations

from collections.abc import Collection

from govinfo.errors import GovinfoError
from govinfo.i18n import t
from govinfo.load.gitrev import GitRevision
from govinfo.load.records import parse_file
from govinfo.model import Point
from govinfo.store import git
from govinfo.store.write import Writer

REGISTRY = "points.yaml"


def refuse_points_not_in_head(writer: Writer, needed: Collection[str]) -> None:
    """Raise when ``points.yaml`` has uncommitted edits and any of the point ids ``needed`` is
    not in HEAD's ``points.yaml`` (nothing to check outside git or before the first commit)."""
    repo = writer.repo
    if repo is None or not needed or not git.has_head(repo):
        return
    if not git.dirty_paths(repo, [writer.place.repo_rel(REGISTRY)]):
        return
    head = GitRevision(writer.root, "HEAD")
    try:
        listed = dict(head.files(()))
        data = head.read(REGISTRY) if REGISTRY in listed else b""
    finally:
        head.close()
    known = {r.id for r in parse_file(REGISTRY, data).records if isinstance(r, Point)}
    missing = sorted(set(needed) - known)
    if missing:
        raise GovinfoError(t("import_points_uncommitted", points=", ".join(missing)))
