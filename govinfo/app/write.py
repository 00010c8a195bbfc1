"""The one path by which a use case changes the data folder: ``checked_write``.

The folder is read again with the changes laid over it, by the same loader and checks as
``govinfo check``; the problems it did not have before are found by comparing problems as values
(path, severity, message, sheet — not their line, which an insertion moves). The changes are
handed to the writer (atomic, journalled, committed) only when they bring no new error and the
caller does not hold them back (a dry run, an error found earlier).
"""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from govinfo.i18n import t
from govinfo.load import load_folder, prelist
from govinfo.load.folder import ParseCacheLike
from govinfo.load.records import ParsedFile
from govinfo.model import Problem
from govinfo.store.write import Writer, WriteResult, open_writer, writes_done

Parse = Callable[[str, bytes], ParsedFile]


@dataclass(frozen=True)
class Checked:
    """The folder's problems with the changes applied, and the write (None when not made)."""

    problems: list[Problem]
    new: list[Problem]  # those the folder did not have before the changes
    result: WriteResult | None

    @property
    def new_errors(self) -> list[Problem]:
        return [p for p in self.new if p.is_error]


def _identity(p: Problem) -> tuple[str, str, str, str | None]:
    return (p.path, p.severity.value, p.message, p.sheet)


def new_problems(before: Sequence[Problem], after: Sequence[Problem]) -> list[Problem]:
    """The problems of ``after`` that ``before`` did not have, as values (a problem that only
    moved to another line is not new; two equal problems where there was one, one is)."""
    left = Counter(_identity(p) for p in before)
    out = []
    for p in after:
        key = _identity(p)
        if left[key] > 0:
            left[key] -= 1
        else:
            out.append(p)
    return out


def checked_write(
    writer: Writer,
    changes: Mapping[str, bytes],
    before: Sequence[Problem],
    *,
    years: Collection[int] | None,
    message: str,
    office: str,
    commit: bool = True,
    hold: bool = False,
    parse: Parse | None = None,
    cache: ParseCacheLike | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Checked:
    """Check the folder (``years`` of submissions) with ``changes`` applied against its
    problems ``before``; write and commit them when no new error appears and not ``hold``."""
    from govinfo.load import Overlay

    if not changes:
        return Checked(list(before), [], None)
    result = load_folder(
        Overlay(writer.root, dict(changes)),
        years=years,
        cache=cache,
        progress=progress,
        parse=parse,
    )
    new = new_problems(before, result.problems)
    checked = Checked(result.problems, new, None)
    if hold or checked.new_errors:
        return checked
    written = writer.apply(changes, message=message, office=office, commit=commit)
    return Checked(result.problems, new, written)


@contextlib.contextmanager
def folder_writer(root: Path, command: str | None, note: Callable[[str], None]) -> Iterator[Writer]:
    """The folder at ``root`` under the write lock, after finishing or undoing an interrupted
    write (each ``note`` says what was done). Read the folder only inside the block."""
    global _writers_opened
    _writers_opened += 1
    prelist.forget()  # the folder listed at start-up is not the folder after this write

    def waiting(holder: dict[str, object]) -> None:
        note(t("lock_waiting", pid=holder.get("pid", "?"), command=holder.get("command", "?")))

    with open_writer(root, command=command, waiting=waiting) as writer:
        for line in writer.recovered:
            note(line)
        yield writer


def wrote_this_run() -> bool:
    """Whether this process completed a write of the data folder (committed when in git)."""
    return writes_done() > 0


_writers_opened = 0  # folder_writer blocks entered by this process (see meant_to_write)


def forget_run() -> None:
    """A new run of a command in this process (the suite runs many in one): no writer yet."""
    global _writers_opened
    _writers_opened = 0


def meant_to_write() -> bool:
    """Whether this process set out to change the data folder (a write command, the write
    done or not): one whose lost output must be said, unlike a reader's cut by ``| head``."""
    return _writers_opened > 0
