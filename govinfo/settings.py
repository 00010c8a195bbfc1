"""Every environment variable govinfo reads, in one place, and govinfo's cache folder.

Each function reads the environment when it is called, not when this module is imported, so that
a test (or a long-running process) that sets a variable sees it take effect.

- ``GOVINFO_DATA``: the data folder when ``--data`` is not given.
- ``GOVINFO_TODAY``: a fixed "today" (YYYY-MM-DD) for tests and reproducible runs.
- ``GOVINFO_MAX_FILE_MB``: files larger than this are refused unread (default 50).
- ``GOVINFO_MAX_IMPORT_MB``: batch files to import larger than this are refused unread
  (default 20).
- ``GOVINFO_NO_CACHE``: any value but ``0`` turns the parse and result caches off.
- ``GOVINFO_FAST_YAML``: ``0`` turns off the fast path for plain YAML files (strict reader only).
- ``GOVINFO_JOBS``: how many processes parse a large year read cold (default: every core, at
  most 8; ``1`` or ``0`` parses in the program's own process, e.g. on a shared, busy server;
  never more than there are pieces of work).
- ``GOVINFO_LOCK_WAIT``: seconds a writer waits for the folder's lock (default 5).
- ``GOVINFO_ASCII``: any value but ``0`` draws tables and charts with ASCII only.
- ``GOVINFO_PRELIST``: ``0`` turns off the head start of a warm answer (the folder listed by a
  child process while the program starts, :mod:`govinfo.load.prelist`); also off with
  ``GOVINFO_NO_CACHE``.
- ``GOVINFO_CRASH_AT``: tests only — the durable write step at which to exit hard.
- ``GOVINFO_GIT_FAIL``: tests only — the git subcommand (``reset``, ``commit``) made to fail.
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from pathlib import Path

DEFAULT_MAX_FILE_MB = 50.0
DEFAULT_MAX_IMPORT_MB = 20.0
DEFAULT_LOCK_WAIT_SECONDS = 5.0


def _flag(name: str, environ: Mapping[str, str] = os.environ) -> bool:
    return environ.get(name, "") not in ("", "0")


def data_folder() -> Path | None:
    """``GOVINFO_DATA`` as a path, or None when unset or empty."""
    raw = os.environ.get("GOVINFO_DATA", "")
    return Path(raw) if raw else None


def today_text() -> str:
    """``GOVINFO_TODAY`` as written ("" when unset); the caller parses and refuses a bad one."""
    return os.environ.get("GOVINFO_TODAY", "")


def max_file_bytes() -> int:
    """The size above which a file is refused unread (``GOVINFO_MAX_FILE_MB``, default 50; a
    value that is not a positive, finite number counts as the default)."""
    return int(_positive_mb("GOVINFO_MAX_FILE_MB", DEFAULT_MAX_FILE_MB) * 1024 * 1024)


def max_import_mb() -> float:
    """The size in MB above which a batch file is refused unread (``GOVINFO_MAX_IMPORT_MB``,
    default 20; a value that is not a positive, finite number counts as the default)."""
    return _positive_mb("GOVINFO_MAX_IMPORT_MB", DEFAULT_MAX_IMPORT_MB)


def _positive_mb(name: str, default: float) -> float:
    raw = os.environ.get(name, "")
    try:
        mb = float(raw) if raw else default
    except ValueError:
        return default
    return mb if 0 < mb < math.inf else default  # also refuses nan


def no_cache() -> bool:
    """Whether ``GOVINFO_NO_CACHE`` turns the caches off."""
    return _flag("GOVINFO_NO_CACHE")


def head_start(environ: Mapping[str, str] = os.environ) -> bool:
    """Whether a warm answer may get its head start (``GOVINFO_PRELIST`` is not ``0`` and the
    caches are on); ``environ`` is the environment the program was started with."""
    return environ.get("GOVINFO_PRELIST", "") != "0" and not _flag("GOVINFO_NO_CACHE", environ)


def fast_yaml() -> bool:
    """Whether the fast path for plain YAML files may run (``GOVINFO_FAST_YAML`` is not ``0``)."""
    return os.environ.get("GOVINFO_FAST_YAML", "") != "0"


def replay() -> bool:
    """Whether a table printed before may be printed again from the result cache
    (``GOVINFO_REPLAY`` is not ``0``; see ``govinfo.cli.replay``)."""
    return os.environ.get("GOVINFO_REPLAY", "") != "0"


def jobs() -> int | None:
    """The processes ``GOVINFO_JOBS`` asks for (a whole number; 0 and 1 both mean the
    program's own process), or None when it is unset or not a whole number (then the caller
    decides)."""
    raw = os.environ.get("GOVINFO_JOBS", "").strip()
    return int(raw) if raw.isdigit() else None


def lock_wait_seconds() -> float:
    """How long a writer waits for the lock: ``GOVINFO_LOCK_WAIT`` seconds, default 5."""
    raw = os.environ.get("GOVINFO_LOCK_WAIT", "")
    try:
        return max(0.0, float(raw)) if raw else DEFAULT_LOCK_WAIT_SECONDS
    except ValueError:
        return DEFAULT_LOCK_WAIT_SECONDS


def ascii_only() -> bool:
    """``GOVINFO_ASCII`` asks for ASCII drawing (consoles that draw box characters double-width)."""
    return _flag("GOVINFO_ASCII")


def crash_at() -> int | None:
    """The durable step ``GOVINFO_CRASH_AT`` names (tests only), or None."""
    raw = os.environ.get("GOVINFO_CRASH_AT", "")
    return int(raw) if raw.isdigit() else None


def interrupt_at() -> int | None:
    """The durable step at which ``GOVINFO_INTERRUPT_AT`` sends this process a SIGINT, as
    Ctrl-C would (tests only), or None."""
    raw = os.environ.get("GOVINFO_INTERRUPT_AT", "")
    return int(raw) if raw.isdigit() else None


def git_fail() -> str:
    """The git subcommand ``GOVINFO_GIT_FAIL`` makes fail (tests only: a fault at one git
    step, where a real full disk cannot be arranged), or ""."""
    return os.environ.get("GOVINFO_GIT_FAIL", "")


def git_identity_in_env(var: str) -> bool:
    """Whether git's own identity variable (``GIT_AUTHOR_NAME``, ...) is set."""
    return bool(os.environ.get(var))


def user_cache_dir() -> Path:
    """govinfo's folder in the user's cache, on every platform (``$XDG_CACHE_HOME/govinfo``,
    ``~/Library/Caches/govinfo``, ``%LOCALAPPDATA%\\govinfo``)."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("govinfo", appauthor=False, opinion=False))
