"""Writing the registry ``points.yaml`` (close-year, points add/retire/reinstate): under the
write lock, read the folder, splice the new text, check it with the loader, write it
atomically and commit — all through :mod:`govinfo.store.write`. Not a command itself."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING

import typer

from govinfo.cli import common
from govinfo.errors import GovinfoError
from govinfo.i18n import get_lang, set_lang, t
from govinfo.store.registry import POINTS_FILE

if TYPE_CHECKING:
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


@contextlib.contextmanager
def registry_writer(ctx: typer.Context, command: str) -> Iterator[Writer]:
    """The folder under the write lock (after finishing or undoing an interrupted write, which
    is said on stderr). Read the folder only inside the block."""
    from govinfo.store.write import open_writer

    root = common.locate_folder(common.state(ctx))
    with open_writer(root, command=command) as writer:
        for note in writer.recovered:
            common.err_console().print(note, markup=False, highlight=False, soft_wrap=True)
        yield writer


def points_text(writer: Writer) -> str:
    data = writer.read_bytes(POINTS_FILE)
    if data is None:
        raise GovinfoError(t("points_missing"))
    return data.decode("utf-8")


def commit_points(writer: Writer, text: str, *, message: str, office: str) -> WriteResult:
    """Check the new ``points.yaml`` with the loader (the rest of the folder as it is), refuse
    (exit 1, nothing written) when it brings an error, else write it and commit."""
    from govinfo.load import Overlay, WorkingTree, load_folder

    new = text.encode("utf-8")
    before = {p.message for p in load_folder(WorkingTree(writer.root), years=()).problems}
    after = load_folder(Overlay(writer.root, {POINTS_FILE: new}), years=()).problems
    errors = [p for p in after if p.is_error and p.message not in before]
    if errors:
        lines = [t("reg_invalid")] + [f"  {p}" for p in errors[:MAX_PROBLEM_LINES]]
        raise GovinfoError("\n".join(lines))
    err = common.err_console()
    for p in after:
        if not p.is_error and p.path == POINTS_FILE and p.message not in before:
            err.print(str(p), markup=False, highlight=False, soft_wrap=True)
    result = writer.apply({POINTS_FILE: new}, message=message, office=office)
    for warning in result.warnings:
        err.print(warning, markup=False, highlight=False, soft_wrap=True)
    return result
