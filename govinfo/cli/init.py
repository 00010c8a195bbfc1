"""``govinfo init DIR``: a new, empty data folder under git."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from govinfo.cli import common


def init(
    ctx: typer.Context,
    directory: Annotated[Path, typer.Argument(help="The folder to create (must be empty or new).")],
    office: Annotated[
        str | None,
        typer.Option(
            "--office",
            help="The office that keeps the folder; default a placeholder to change in govinfo.yaml.",
        ),
    ] = None,
    province: Annotated[str, typer.Option("--province", help="The province.")] = "",
    language: Annotated[
        str | None,
        typer.Option(
            "--language",
            help="The folder's language in govinfo.yaml: zh or en; default --lang, else zh.",
        ),
    ] = None,
) -> None:
    """Create a new data folder with the default rule set, an empty registry, git and a first commit."""
    from govinfo.app.init import init_folder

    options = common.state(ctx).options
    init_folder(
        options,
        common.Terminal(),
        directory,
        office=office,
        province=province,
        language=language,
    )
