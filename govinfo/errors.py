"""The one exception type a run cannot continue past. The CLI turns it into output in one place."""

from __future__ import annotations

import datetime as dt


class GovinfoError(Exception):
    """A failure that ends the command, with the exit code it ends with.

    ``message`` is already in the user's language. Exit codes follow SPEC §3: 1 data errors or a
    refused command, 2 usage.
    """

    exit_code = 1

    def __init__(self, message: str, exit_code: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        if exit_code is not None:
            self.exit_code = exit_code


class UsageError(GovinfoError):
    exit_code = 2


class DataError(GovinfoError):
    """The data folder has errors (or cannot be found / read)."""


class GitError(GovinfoError):
    """A git command failed; the message carries git's own words."""


class NoRuleSetError(DataError):
    """No rule set is in force on ``day``, so ``what`` (a submission, adjustment, period or
    year) cannot be scored. Raised by the pure core, which has no words: the message people read
    is built from ``day`` and ``what`` by :func:`govinfo.i18n.error_text`."""

    def __init__(self, day: dt.date, what: str) -> None:
        super().__init__(f"no rule set is in force on {day.isoformat()} ({what})")
        self.day = day
        self.what = what


class UnknownPublicationError(DataError):
    """``what`` (a submission) is adopted by ``publication``, which the rule set in force does
    not list. Words: :func:`govinfo.i18n.error_text`."""

    def __init__(self, publication: str, what: str) -> None:
        super().__init__(f"{what}: publication {publication} is not in its rule set")
        self.publication = publication
        self.what = what
