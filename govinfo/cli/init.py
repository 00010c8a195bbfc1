"""``govinfo init DIR``: a new, empty data folder under git."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from govinfo.cli import common
from govinfo.errors import GovinfoError
from govinfo.i18n import t


def init(
    ctx: typer.Context,
    directory: Annotated[Path, typer.Argument(help="The folder to create (must be empty or new).")],
    office: Annotated[
        str, typer.Option("--office", help="The office that keeps the folder.")
    ] = "省人民政府办公厅",
    province: Annotated[str, typer.Option("--province", help="The province.")] = "",
    language: Annotated[
        str, typer.Option("--language", help="Default output language of the folder: zh or en.")
    ] = "zh",
) -> None:
    """Create a new data folder with the default rule set, an empty registry, git and a first commit."""
    from govinfo.store.initdir import create_folder

    common.apply_language(common.state(ctx), language)
    if language not in ("zh", "en"):
        raise GovinfoError(t("init_bad_language", value=language), exit_code=2)
    target = directory.resolve()
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise GovinfoError(t("init_not_empty", path=str(directory)))
    warned = create_folder(target, office=office, province=province, language=language)
    if warned:
        common.err_console().print(t("git_no_identity", office=office), markup=False)
    common.err_console().print(t("init_done", path=str(directory)), markup=False)
