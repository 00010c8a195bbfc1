"""A table printed again (issue 16). When every answer of a run is a result kept in the
result cache (``Session.served``), what the run prints follows from those results and from
how they are shown: the command and its options, the terminal (whether each standard stream
is one, its size, the output's encoding), the environment, the day, the working folder, the
language and the program (govinfo's build, the stat of each file of rich and wcwidth, the
installed packages' names and versions, Python's version). So the text a table's printing
wrote is kept with the results under a SHA-256 of all that, and a run that finds it there
writes it again — byte for byte what drawing the table would write — without building,
fitting or drawing anything. What a command says on stderr is never kept: it is said each
time.

Off with the caches (``--no-cache``, ``--at``, ``GOVINFO_NO_CACHE``) and with
``GOVINFO_REPLAY=0``."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.util
import os
import sys
from collections.abc import Callable
from typing import IO, Any, cast

import typer

from govinfo import settings
from govinfo.cli import common
from govinfo.cli.stdout import put
from govinfo.i18n import get_lang
from govinfo.load.cache import build
from govinfo.load.stamps import tree_stamps

# Variables that say where the shell is and which window or session it runs in, never how
# anything is shown (neither govinfo nor rich reads them): a `cd`, another terminal window or
# another login keeps the text. Any other variable, known or not, is part of the key.
_WHEREABOUTS = frozenset(
    {
        "PWD",
        "OLDPWD",
        "SHLVL",
        "_",
        "WINDOWID",
        "TERM_SESSION_ID",
        "ITERM_SESSION_ID",
        "TMUX_PANE",
        "STY",
        "WINDOW",
        "SSH_CONNECTION",
        "SSH_CLIENT",
        "SSH_TTY",
        "SSH_AUTH_SOCK",
        "XDG_SESSION_ID",
        "DBUS_SESSION_BUS_ADDRESS",
        "KONSOLE_DBUS_SESSION",
        "KONSOLE_DBUS_WINDOW",
        "GNOME_TERMINAL_SCREEN",
        "SECURITYSESSIONID",
    }
)
SLOTS = 4  # texts kept per command (a way of asking and of showing each, the last replaced)


def printed(ctx: typer.Context, draw: Callable[[], None]) -> None:
    """``draw()`` — a table's printing on standard output — or, when a run before printed it
    from the same answers in the same way, the text it wrote (see the module docstring)."""
    session = common.opened(ctx)
    served = None if session is None else session.served()
    if session is None or not served or not settings.replay():
        draw()
        return
    try:
        asked = _asked(ctx)
    except (OSError, ValueError):  # a working folder removed under the shell: drawn as ever
        draw()
        return
    name = f"printed-{'-'.join(_command(ctx))}-{_slot(asked)}"
    key = _digest(asked, *served)
    kept = session.printed(name, key)
    if kept is not None:
        put(kept)
        return
    recording = _Recording(sys.stdout)
    sys.stdout = cast("IO[str]", recording)
    try:
        draw()
    finally:
        sys.stdout = recording.stream
    session.keep_printed(name, key, "".join(recording.parts))


class _Recording:
    """Standard output, and every text written to it."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.parts: list[str] = []

    def write(self, text: str) -> int:
        written = self.stream.write(text)
        self.parts.append(text)
        return written

    def __getattr__(self, name: str) -> Any:  # flush, isatty, fileno, encoding, errors …
        return getattr(self.stream, name)


def _asked(ctx: typer.Context) -> str:
    """Everything but the answers that what is printed follows from (the module docstring)."""
    facts: list[object] = [sys.version, sys.platform, _code(), os.getcwd()]
    facts += [common.today().isoformat(), get_lang()]
    level: Any = ctx  # a click context: the parents are click's own type
    while level is not None:  # the command's options, its group's, the global ones
        facts.append((level.info_name, sorted(level.params.items())))
        level = level.parent
    for fd, stream in enumerate((sys.stdin, sys.stdout, sys.stderr)):
        facts.append((_tty(stream), getattr(stream, "encoding", None)))
        facts.append(getattr(stream, "errors", None))
        try:
            facts.append(tuple(os.get_terminal_size(fd)))
        except (OSError, ValueError):
            facts.append(None)
    facts.append(sorted(item for item in os.environ.items() if item[0] not in _WHEREABOUTS))
    return repr(facts)


def _command(ctx: typer.Context) -> list[str]:
    """The command's words (``report``; ``points``, ``show``): the program's own name, which
    depends on how it was started, left out."""
    words = []
    level: Any = ctx
    while level is not None and level.parent is not None:
        words.append(level.info_name or "")
        level = level.parent
    return [word for word in reversed(words) if word.isidentifier()]


def _tty(stream: object) -> bool | None:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):
        return None


@functools.cache
def _code() -> str:
    """The program that draws: govinfo's build (its version and the stat of each of its
    files), each file of the packages that draw and measure for it (rich, wcwidth) — path and
    stat key, so an edit in place is seen — and the packages installed where Python finds
    them (their folders' names carry their versions)."""
    seen: list[object] = [build()]
    for package in ("rich", "wcwidth"):
        spec = importlib.util.find_spec(package)  # found, not imported
        for top in (spec and spec.submodule_search_locations) or ():
            seen.append((top, tree_stamps(top)))
    for place in sys.path:
        with contextlib.suppress(OSError):
            names = os.listdir(place or ".")
            seen.append((place, sorted(n for n in names if n.endswith(_INSTALLED))))
    return _digest(repr(seen))


_INSTALLED = (".dist-info", ".egg-info", ".egg-link", ".pth")


def _slot(asked: str) -> int:
    return int(_digest(asked)[:8], 16) % SLOTS


def _digest(*parts: str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass"))  # any name, never refused
        h.update(b"\0")
    return h.hexdigest()
