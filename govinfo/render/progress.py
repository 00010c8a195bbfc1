"""The one progress bar: on stderr, only on a terminal, fed ``(stage, done, total)``.

A stage's bar appears once its work turns out to be long enough to be worth one (reading the
folder: a few thousand files; the stages of an import: always)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, TypeVar

from govinfo.i18n import t

if TYPE_CHECKING:
    from rich.console import Console

Progress = Callable[[str, int, int], None]
A = TypeVar("A")
B = TypeVar("B")

# stage → (message key, the smallest total that shows a bar)
STAGES: dict[str, tuple[str, int]] = {
    "folder": ("progress_reading", 2000),
    "read": ("import_progress_read", 0),
    "load": ("import_progress_load", 0),
    "check": ("import_progress_check", 0),
    "statements": ("progress_statements", 20),
}


def no_progress(stage: str, done: int, total: int) -> None:
    """Progress that shows nothing (not on a terminal, or nobody watching)."""


def each_made(
    items: Sequence[A], make: Callable[[A], B], progress: Progress, stage: str
) -> list[B]:
    """``make(item)`` for every item, in order, reporting ``(stage, done, total)`` after each."""
    made = []
    for item in items:
        made.append(make(item))
        progress(stage, len(made), len(items))
    return made


@contextlib.contextmanager
def progress_bar(console: Console) -> Iterator[Progress]:
    """A progress bar on ``console`` for the work done inside the block; transient."""
    if not console.is_terminal:
        yield no_progress
        return
    from rich.progress import Progress as Bar
    from rich.progress import TaskID

    with Bar(console=console, transient=True) as bar:
        tasks: dict[str, TaskID] = {}

        def update(stage: str, done: int, total: int) -> None:
            key, at_least = STAGES.get(stage, (f"progress_{stage}", 0))
            if total < at_least:
                return
            if stage not in tasks:
                tasks[stage] = bar.add_task(t(key), total=total)
            bar.update(tasks[stage], completed=done, total=total)

        yield update
