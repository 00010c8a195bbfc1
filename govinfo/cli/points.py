"""``govinfo points list|show|add|retire|reinstate``: the registry of points.

``list`` and ``show`` read; ``add``, ``retire`` and ``reinstate`` change ``points.yaml`` — a new
point at the end, or one history event under the point — through the shared write layer: under
the lock, checked by the loader, written atomically, every comment kept, one commit.
"""

from __future__ import annotations

from typing import Annotated

import typer

from govinfo.cli import common
from govinfo.cli.complete import complete_point
from govinfo.cli.output import FormatOpt, OutOpt
from govinfo.cli.words import KIND_HELP, KindFilter, parse_point_kind
from govinfo.model import HistoryKind, PointKind, Tier
from govinfo.render.columns import OutputFormat

app = typer.Typer(
    help="The registry of points: list, show, add, retire, reinstate.",
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
    str,
    typer.Argument(
        metavar="POINT",
        help="The point: its id, full name or short name.",
        autocompletion=complete_point,
    ),
]


def list_points(
    ctx: typer.Context,
    kind: KindFilter = None,
    fmt: FormatOpt = OutputFormat.table,
    out: OutOpt = None,
) -> None:
    """List every point of the registry: id, names, kind, parent, tiers, and its state today
    (holding the provincial and/or national tier, or retired / disqualified since a day)."""
    from govinfo.cli.output import check_out, emit
    from govinfo.render.points import LIST_KEYS, list_records, list_table
    from govinfo.reports.registry import point_states

    check_out(out)
    folder = common.session(ctx).load(()).folder
    day = common.today()
    states = [s for s in point_states(folder, day) if kind is None or s.point.kind is kind]
    emit(
        ctx,
        fmt,
        spec=lambda: list_table(states, {p.id: p.label for p in folder.points}, day),
        document=lambda: {"as_of": day.isoformat(), "points": list_records(states, joined=False)},
        records=lambda: list_records(states, joined=True),
        keys=LIST_KEYS,
        out=out,
    )


def show_point(ctx: typer.Context, point: PointArgument, out: OutOpt = None) -> None:
    """Show one point: its names, kind, tiers, officer and state today, its whole history, and
    its rank, score and status in every year that has submissions (as `govinfo score`).

    With --out, the history and the years are also written to a file (.xlsx: a sheet each;
    .csv or .md: one below the other)."""
    from govinfo.app.reports import point_card
    from govinfo.cli.output import check_out, write_tables
    from govinfo.render.points import card_lines, history_table, recorded_notes, years_table
    from govinfo.render.table import print_table

    check_out(out)
    card = point_card(common.session(ctx), point, common.today())
    found = card.state.point
    tables = [history_table(found), years_table(list(card.years))]
    if out is not None:
        write_tables(out, found.label, tables)
    console = common.console(ctx)
    for line in card_lines(found, card.state, card.parent):
        console.print(line, markup=False, highlight=False, soft_wrap=True)
    for table in tables:
        console.print()
        print_table(table, console)
    for note in recorded_notes(found, card.years):  # a closed year whose data changed since
        common.err_console().print(note, markup=False, highlight=False, soft_wrap=True)


def add_point(
    ctx: typer.Context,
    point_id: Annotated[
        str,
        typer.Argument(metavar="ID", help="The new id: a-z, then 1–39 of a-z 0-9 - (e.g. yitong)."),
    ],
    name: Annotated[
        str, typer.Option("--name", help="The full name, e.g. 伊通满族自治县人民政府办公室.")
    ],
    kind: Annotated[
        PointKind,
        typer.Option(
            "--kind",
            metavar="KIND",
            parser=parse_point_kind,
            help=f"{KIND_HELP}.",
        ),
    ],
    short: Annotated[
        str | None, typer.Option("--short", help="The short name used in tables, e.g. 伊通.")
    ] = None,
    parent: Annotated[
        str | None,
        typer.Option(
            "--parent",
            help="A county's city: its id, full name, short name or alias (e.g. siping, 四平).",
        ),
    ] = None,
    tiers: Annotated[
        list[Tier] | None,
        typer.Option(
            "--tier",
            help="A tier it is admitted to: provincial or national (repeat for both; default "
            "provincial).",
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
    not taken in any letter case; names not used by another point; --parent only for a county,
    naming a registered city); any problem is refused (exit 1) with nothing written.
    """
    from govinfo.app.registry import NewPoint, add_point
    from govinfo.i18n import t

    day, ahead = common.dated_record(date)
    new = NewPoint(
        point_id=point_id,
        name=name,
        kind=kind,
        tiers=list(dict.fromkeys(tiers or [Tier.PROVINCIAL])),
        short=short,
        parent=parent,
        aliases=list(aliases or []),
        contact=contact,
        phone=phone,
    )
    result = add_point(common.state(ctx).options, common.Terminal(), new, day, reason, ahead)
    _done(t("pt_added", id=point_id, name=name, date=day.isoformat()), result.commit)


def retire_point(
    ctx: typer.Context,
    point: PointArgument,
    date: DateOption = None,
    reason: ReasonOption = None,
    tier: Annotated[
        Tier,
        typer.Option(
            "--tier", help="The tier it leaves: provincial or national (default provincial)."
        ),
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
        Tier,
        typer.Option(
            "--tier", help="The tier it returns to: provincial or national (default provincial)."
        ),
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
    from govinfo.app.registry import history_event
    from govinfo.i18n import t

    day, ahead = common.dated_record(date)
    verb = "retire" if event is HistoryKind.RETIRED else "reinstate"
    options = common.state(ctx).options
    found, result = history_event(
        options, common.Terminal(), point, event, tier, day, reason, ahead
    )
    words = t(
        f"pt_{verb}d",
        id=found.id,
        name=found.name,
        tier=t(f"pt_tier_{tier.value}"),
        date=day.isoformat(),
    )
    _done(words, result.commit)


def _done(words: str, commit: str | None) -> None:
    from govinfo.i18n import t

    line = words + (t("pt_commit_made", commit=commit[:10]) if commit else "")
    common.err_console().print(line, markup=False, highlight=False, soft_wrap=True)


app.command("list")(common.guarded(list_points))
app.command("show")(common.guarded(show_point))
app.command("add")(common.guarded(add_point))
app.command("retire")(common.guarded(retire_point))
app.command("reinstate")(common.guarded(reinstate_point))
