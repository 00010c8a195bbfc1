"""``govinfo demo generate DIR``: a deterministic synthetic folder, or the committed sample."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from govinfo.cli import common
from govinfo.i18n import t

app = typer.Typer(
    help="Demo folders: synthetic data for trying govinfo out, and the Jilin 2003 sample.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


def generate(
    ctx: typer.Context,
    directory: Annotated[Path, typer.Argument(help="The folder to write (must be empty or new).")],
    seed: Annotated[
        int, typer.Option("--seed", help="Random seed: the same seed gives the same bytes.")
    ] = 1,
    points: Annotated[int, typer.Option("--points", help="How many points.")] = 60,
    submissions: Annotated[
        int, typer.Option("--submissions", help="How many submissions in each year.")
    ] = 5000,
    years: Annotated[
        int, typer.Option("--years", help="How many years, from --first-year on.")
    ] = 1,
    first_year: Annotated[int, typer.Option("--first-year", help="The first year.")] = 2003,
    sample: Annotated[
        str | None,
        typer.Option(
            "--sample",
            help="Write a named sample instead (jilin-2003: the sample data/ folder, byte for byte).",
        ),
    ] = None,
) -> None:
    """Write a deterministic demo data folder into DIRECTORY.

    Streams one point-month at a time, so it scales to 2,000 points and a million submissions.
    """
    from govinfo.app.demo import DemoSpec, generate_demo

    spec = DemoSpec(sample, seed, points, submissions, years, first_year)
    result, as_office = generate_demo(common.state(ctx).options, directory, spec)
    if as_office is not None:
        common.err_console().print(t("git_no_identity", office=as_office), markup=False)
    common.err_console().print(
        t(
            "demo_done",
            path=str(directory),
            files=result.files,
            points=result.points,
            submissions=result.submissions,
        ),
        markup=False,
    )


app.command("generate")(common.guarded(generate))
