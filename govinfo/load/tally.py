"""What every read of the folder reports (:class:`Tally`), apart from the loader: a warm
answer never imports the loader, and ``check``'s stored result is a Tally."""

from __future__ import annotations

import msgspec

from govinfo.model import Problem


class Tally(msgspec.Struct, frozen=True):
    """Every problem of a read, and how many files and records it read."""

    problems: list[Problem]
    files: int
    records: int

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.is_error)

    @property
    def warnings(self) -> int:
        return sum(1 for p in self.problems if not p.is_error)
