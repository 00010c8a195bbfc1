"""What every use case is given: the run's global options, and the ``Feedback`` through which
it speaks to the clerk while it works. Light on purpose: read before any command runs."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from govinfo.i18n import set_lang

Progress = Callable[[str, int, int], None]


class Feedback(Protocol):
    """How a use case speaks to the clerk while it works (the CLI: stderr and a progress bar)."""

    def note(self, text: str) -> None: ...

    def progress(self) -> contextlib.AbstractContextManager[Progress]: ...


@dataclass
class Quiet:
    """Feedback that keeps the notes (for callers and tests that print nothing)."""

    notes: list[str] = field(default_factory=list)

    def note(self, text: str) -> None:
        self.notes.append(text)

    @contextlib.contextmanager
    def progress(self) -> Iterator[Progress]:
        yield lambda stage, done, total: None


@dataclass(frozen=True)
class RunOptions:
    """The global options of one run."""

    data: Path | None = None
    lang: str | None = None
    no_cache: bool = False


def apply_language(options: RunOptions, folder_language: str | None) -> None:
    """``--lang`` wins; else the folder's ``language``; else Chinese."""
    set_lang(options.lang or folder_language or "zh")
