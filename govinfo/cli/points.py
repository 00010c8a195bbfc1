"""``govinfo points list|show|add|retire|reinstate``: the registry of reporting points.

``list`` and ``show`` read; ``add``, ``retire`` and ``reinstate`` change ``points.yaml`` — a new
point at the end, or one history event under the point — through the shared write layer: under
the lock, checked by the loader, written atomically, every comment kept, one commit.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer

from govinfo.cli import common
from govinfo.cli.output import OutOpt
from govinfo.model import HistoryKind, PointKind, Tier
from govinfo.render.table import OutputFormat

app = typer.Typer(
    help="The registry of reporting points: list, show, add, retire, reinstate.",
    no_args_is_help=True,
    rich_markup_mode=None,
)

DateOption = Annotated[
    str | None,
    typer.Option("--date", metavar="D", help="The date of the history event (default: today)."),
]
ReasonOption = Annotated[
    str | None, typer.Option("--reason", help="Why, in a few words (kept in the history).")
]
PointArgument = Annotated[
    str, typer.Argument(metavar="POINT", help="The point: its id, full name or short name.")
]


def list_points(
    ctx: typer.Context,
    kind: Annotated[
        PointKind | None, typer.Option("--kind", help="Only points of this kind.")
    ] = None,
    fmt: Annotated[
        OutputFormat, typer.Option("--format", help="Output: table, csv, json or markdown.")
    ] = OutputFormat.table,
    out: OutOpt = None,
) -> None:
    """List every point of the registry: id, names, kind, parent, tiers, and its state today
    (holding the provincial and/or national tier, or retired / disqualified since a day)."""
    from govinfo.cli.output import emit
    from govinfo.render.points import LIST_KEYS, list_records, list_table
    from govinfo.reports.registry import point_states

    folder = common.open_folder(ctx, years=()).folder
    day = common.today()
    states = [s for s in point_states(folder, day) if kind is None or s.point.kind is kind]
    emit(
        fmt,
        spec=list_table(states, {p.id: p.label for p in folder.points}),
        document={"as_of": day.isoformat(), "points": list_records(states, joined=False)},
        records=list_records(states, joined=True),
        keys=LIST_KEYS,
        out=out,
    )


def show_point(ctx: typer.Context, point: PointArgument) -> None:
    """Show one point: its names, kind, tiers, contact and state today, its whole history, and
    its rank, score and status in every year that has submissions (as `govinfo score`)."""
    from govinfo.render.points import card_lines, history_table, years_table
    from govinfo.render.table import print_rich
    from govinfo.reports.registry import point_state, point_years

    folder = common.open_folder(ctx).folder
    found = _find(folder, point)
    today = common.today()
    out = common.console()
    parent = folder.point(found.parent) if found.parent else None
    for line in card_lines(found, point_state(found, today), parent):
        out.print(line, markup=False, highlight=False, soft_wrap=True)
    out.print()
    print_rich(history_table(found), out)
    out.print()
    print_rich(years_table(point_years(folder, found, today)), out)


def add_point(
    ctx: typer.Context,
    point_id: Annotated[
        str,
        typer.Argument(metavar="ID", help="The new id: a-z, then 1–39 of a-z 0-9 - (e.g. yitong)."),
    ],
    name: Annotated[
        str, typer.Option("--name", help="The full name, e.g. 伊通满族自治县人民政府办公室.")
    ],
    kind: Annotated[PointKind, typer.Option("--kind", help="city, county or department.")],
    short: Annotated[
        str | None, typer.Option("--short", help="The short name used in tables, e.g. 伊通.")
    ] = None,
    parent: Annotated[
        str | None, typer.Option("--parent", help="The id of a county's city, e.g. siping.")
    ] = None,
    tiers: Annotated[
        list[Tier] | None,
        typer.Option(
            "--tier", help="A tier it is admitted to (repeat for both; default provincial)."
        ),
    ] = None,
    aliases: Annotated[
        list[str] | None,
        typer.Option("--alias", help="Another name spreadsheets use (repeatable)."),
    ] = None,
    contact: Annotated[
        str | None, typer.Option("--contact", help="The information officer's name.")
    ] = None,
    phone: Annotated[str | None, typer.Option("--phone", help="The officer's phone.")] = None,
    date: DateOption = None,
    reason: ReasonOption = None,
) -> None:
    """Add a point to the registry, admitted on --date to each --tier, and commit.

    The id, names and parent are checked first (a valid slug, not a device name such as con,
    not taken in any letter case; names not used by another point; the parent registered); any
    problem is refused (exit 1) with nothing written.
    """
    from govinfo.cli.registry import commit_points, in_language, points_text, registry_writer
    from govinfo.errors import GovinfoError
    from govinfo.i18n import t
    from govinfo.load.filereader import POINT_ID_RE, RESERVED_NAMES
    from govinfo.render.points import registry_problem_text
    from govinfo.reports.registry import new_point_problems
    from govinfo.store.registry import history_record, point_record, with_point

    day = common.date_option(date, "--date") or common.today()
    chosen = list(dict.fromkeys(tiers or [Tier.PROVINCIAL]))
    names = list(aliases or [])
    with registry_writer(ctx, f"govinfo points add {point_id}") as writer:
        folder = common.open_folder(ctx, years=()).folder
        problems = new_point_problems(
            folder,
            point_id=point_id,
            name=name,
            short=short,
            aliases=names,
            parent=parent,
            id_ok=bool(POINT_ID_RE.fullmatch(point_id)) and point_id not in RESERVED_NAMES,
        )
        if problems:
            raise GovinfoError(
                "\n".join(
                    [t("pt_add_refused"), *(f"  {registry_problem_text(p)}" for p in problems)]
                )
            )
        history = [
            history_record(day, HistoryKind.ADMITTED.value, tier=tier, reason=reason)
            for tier in chosen
        ]
        record = point_record(
            point_id=point_id,
            name=name,
            kind=kind.value,
            tiers=chosen,
            history=history,
            short=short,
            aliases=names,
            parent=parent,
            contact_name=contact,
            contact_phone=phone,
        )
        with in_language(folder.settings.language):
            message = t("pt_commit_add", id=point_id, name=name, date=day.isoformat())
        text = with_point(points_text(writer), record)
        result = commit_points(writer, text, message=message, office=folder.settings.office)
    _done(t("pt_added", id=point_id, name=name, date=day.isoformat()), result.commit)


def retire_point(
    ctx: typer.Context,
    point: PointArgument,
    date: DateOption = None,
    reason: ReasonOption = None,
    tier: Annotated[
        Tier, typer.Option("--tier", help="The tier it leaves (default provincial).")
    ] = Tier.PROVINCIAL,
) -> None:
    """Record that a point leaves a tier (a `retired` history event on --date) and commit.

    Refused (exit 1) when it does not hold that tier on that day, or the date is before its
    latest history event.
    """
    _history_event(ctx, point, HistoryKind.RETIRED, tier, date, reason)


def reinstate_point(
    ctx: typer.Context,
    point: PointArgument,
    date: DateOption = None,
    reason: ReasonOption = None,
    tier: Annotated[
        Tier, typer.Option("--tier", help="The tier it returns to (default provincial).")
    ] = Tier.PROVINCIAL,
) -> None:
    """Record that a retired or disqualified point holds a tier again (a `reinstated` history
    event on --date) and commit.

    Refused (exit 1) when it already holds the tier on that day, was never admitted to it, or
    the date is before its latest history event.
    """
    _history_event(ctx, point, HistoryKind.REINSTATED, tier, date, reason)


def _history_event(
    ctx: typer.Context,
    point: str,
    event: HistoryKind,
    tier: Tier,
    date: str | None,
    reason: str | None,
) -> None:
    from govinfo.cli.registry import commit_points, in_language, points_text, registry_writer
    from govinfo.errors import GovinfoError
    from govinfo.i18n import t
    from govinfo.render.points import registry_problem_text
    from govinfo.reports.registry import history_problem
    from govinfo.store.registry import history_record, with_history

    day = common.date_option(date, "--date") or common.today()
    verb = "retire" if event is HistoryKind.RETIRED else "reinstate"
    with registry_writer(ctx, f"govinfo points {verb} {point}") as writer:
        folder = common.open_folder(ctx, years=()).folder
        found = _find(folder, point)
        problem = history_problem(found, event, tier, day)
        if problem is not None:
            raise GovinfoError(registry_problem_text(problem))
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
        result = commit_points(writer, text, message=message, office=folder.settings.office)
    words = t(
        f"pt_{verb}d",
        id=found.id,
        name=found.name,
        tier=t(f"pt_tier_{tier.value}"),
        date=day.isoformat(),
    )
    _done(words, result.commit)


def _find(folder: Any, text: str) -> Any:
    from govinfo.errors import DataError
    from govinfo.i18n import t
    from govinfo.reports.explain import find_point

    found = find_point(folder, text)
    if found is None:
        raise DataError(t("score_unknown_point", point=text))
    return found


def _done(words: str, commit: str | None) -> None:
    from govinfo.i18n import t

    line = words + (t("pt_commit_made", commit=commit[:10]) if commit else "")
    common.err_console().print(line, markup=False, highlight=False, soft_wrap=True)


app.command("list")(common.guarded(list_points))
app.command("show")(common.guarded(show_point))
app.command("add")(common.guarded(add_point))
app.command("retire")(common.guarded(retire_point))
app.command("reinstate")(common.guarded(reinstate_point))
