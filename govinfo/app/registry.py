"""Editing the registry ``points.yaml`` (close-year, points add/retire/reinstate): under the
write lock, read the folder, splice the new text, and write it through ``checked_write`` —
refused (exit 1, nothing written) when it brings an error."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from govinfo.app.opening import locate_folder
from govinfo.app.options import Feedback, RunOptions
from govinfo.app.session import Session
from govinfo.app.write import checked_write, folder_writer
from govinfo.errors import DataError, GovinfoError
from govinfo.i18n import get_lang, set_lang, t
from govinfo.load import WorkingTree, load_folder
from govinfo.model import Folder, HistoryKind, Point, PointKind, Tier
from govinfo.render.points import registry_problem_text
from govinfo.store.registry import POINTS_FILE
from govinfo.store.write import Writer, WriteResult

MAX_PROBLEM_LINES = 5


@contextlib.contextmanager
def in_language(lang: str) -> Iterator[None]:
    """Words written into the folder (history reasons, commit messages) are in the folder's
    language, whatever ``--lang`` the clerk reads the output in."""
    saved = get_lang()
    set_lang(lang)
    try:
        yield
    finally:
        set_lang(saved)


def points_text(writer: Writer) -> str:
    data = writer.read_bytes(POINTS_FILE)
    if data is None:
        raise GovinfoError(t("points_missing"))
    return data.decode("utf-8")


def commit_points(
    writer: Writer, text: str, feedback: Feedback, *, message: str, office: str
) -> WriteResult:
    """Write the new ``points.yaml`` and commit, when the loader (the rest of the folder as it
    is) finds no new error in it; its new warnings are said as notes."""
    before = load_folder(WorkingTree(writer.root), years=()).problems
    checked = checked_write(
        writer,
        {POINTS_FILE: text.encode("utf-8")},
        before,
        years=(),
        message=message,
        office=office,
    )
    errors = checked.new_errors
    if errors:
        lines = [t("reg_invalid")] + [f"  {p}" for p in errors[:MAX_PROBLEM_LINES]]
        raise GovinfoError("\n".join(lines))
    for p in checked.new:
        if p.path == POINTS_FILE:
            feedback.note(str(p))
    assert checked.result is not None
    for warning in checked.result.warnings:
        feedback.note(warning)
    return checked.result


@dataclass(frozen=True)
class NewPoint:
    """A point to add, as the clerk gave it."""

    point_id: str
    name: str
    kind: PointKind
    tiers: list[Tier]
    short: str | None = None
    parent: str | None = None
    aliases: list[str] = field(default_factory=list)
    contact: str | None = None
    phone: str | None = None


def add_point(
    options: RunOptions,
    feedback: Feedback,
    new: NewPoint,
    day: dt.date,
    reason: str | None,
    ahead: str | None = None,
) -> WriteResult:
    """Add ``new`` to the registry, admitted on ``day`` to each of its tiers, and commit;
    refused (nothing written) when its id, names or parent are not acceptable. ``ahead``:
    the warning that ``day`` is after today, said once the checks have passed (never before
    a refusal: it says the point is added all the same)."""
    from govinfo.load.filereader import POINT_ID_RE, RESERVED_NAMES
    from govinfo.reports.explain import find_point
    from govinfo.reports.registry import new_point_problems
    from govinfo.store.registry import history_record, point_record, with_point

    with folder_writer(
        locate_folder(options), f"govinfo points add {new.point_id}", feedback.note
    ) as writer:
        folder = Session(options, feedback, place=writer.place).load(()).folder
        parent = find_point(folder, new.parent) if new.parent is not None else None
        problems = new_point_problems(
            folder,
            point_id=new.point_id,
            name=new.name,
            short=new.short,
            aliases=new.aliases,
            kind=new.kind,
            parent=new.parent,
            parent_point=parent,
            parent_hint=_hint(folder, new.parent) if new.parent and parent is None else None,
            id_ok=bool(POINT_ID_RE.fullmatch(new.point_id)) and new.point_id not in RESERVED_NAMES,
        )
        if problems:
            lines = [t("pt_add_refused"), *(f"  {registry_problem_text(p)}" for p in problems)]
            raise GovinfoError("\n".join(lines))
        if ahead is not None:
            feedback.note(ahead)
        history = [
            history_record(day, HistoryKind.ADMITTED.value, tier=tier, reason=reason)
            for tier in new.tiers
        ]
        record = point_record(
            point_id=new.point_id,
            name=new.name,
            kind=new.kind.value,
            tiers=new.tiers,
            history=history,
            short=new.short,
            aliases=new.aliases,
            parent=parent.id if parent is not None else None,
            contact_name=new.contact,
            contact_phone=new.phone,
        )
        with in_language(folder.settings.language):
            message = t("pt_commit_add", id=new.point_id, name=new.name, date=day.isoformat())
        text = with_point(points_text(writer), record)
        written = commit_points(
            writer, text, feedback, message=message, office=folder.settings.office
        )
    closed_year_note(folder, day, feedback)
    return written


def closed_year_note(folder: Folder, day: dt.date, feedback: Feedback) -> None:
    """The import's note when ``day`` falls in a year whose outcome the registry already
    records: an event dated inside it may change that outcome."""
    from govinfo.app.importing import closed_year_notes

    for note in closed_year_notes(folder.points, {day.year}, key="pt_closed_year"):
        feedback.note(note)


def _hint(folder: Folder, text: str) -> str:
    """The import's "did you mean" for a name that names no point (empty: nothing close)."""
    from govinfo.importers.points import PointIndex

    hint = PointIndex(folder.points).suggest(text)
    return t("import_did_you_mean", hint=hint) if hint else ""


def find_point_or_refuse(folder: Folder, text: str) -> Point:
    """The point ``text`` names (id, full name, short name or alias), or a refusal (exit 1)
    with the import's "did you mean" (the closest name)."""
    from govinfo.reports.explain import find_point

    found = find_point(folder, text)
    if found is not None:
        return found
    raise DataError(t("score_unknown_point", point=text) + _hint(folder, text))


def history_event(
    options: RunOptions,
    feedback: Feedback,
    point: str,
    event: HistoryKind,
    tier: Tier,
    day: dt.date,
    reason: str | None,
    ahead: str | None = None,
) -> tuple[Point, WriteResult]:
    """Record that ``point`` leaves (retired) or holds again (reinstated) ``tier`` on ``day``,
    and commit; refused when the registry's history does not allow it. ``ahead``: the warning
    that ``day`` is after today, said once the event is known to be allowed (a refusal comes
    first, never after a warning that the event is recorded all the same)."""
    from govinfo.reports.registry import history_problem
    from govinfo.store.registry import history_record, with_history

    verb = "retire" if event is HistoryKind.RETIRED else "reinstate"
    with folder_writer(
        locate_folder(options), f"govinfo points {verb} {point}", feedback.note
    ) as writer:
        folder = Session(options, feedback, place=writer.place).load(()).folder
        found = find_point_or_refuse(folder, point)
        problem = history_problem(found, event, tier, day)
        if problem is not None:
            raise GovinfoError(registry_problem_text(problem))
        if ahead is not None:
            feedback.note(ahead)
        record = history_record(day, event.value, tier=tier, reason=reason)
        with in_language(folder.settings.language):
            message = t(
                f"pt_commit_{verb}",
                id=found.id,
                name=found.name,
                tier=t(f"pt_tier_{tier.value}"),
                date=day.isoformat(),
            )
        text = with_history(points_text(writer), [(found.id, record)])
        written = commit_points(
            writer, text, feedback, message=message, office=folder.settings.office
        )
    closed_year_note(folder, day, feedback)
    return found, written
