"""The one exception type a run cannot continue past. The CLI turns it into output in one place."""

from __future__ import annotations


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
