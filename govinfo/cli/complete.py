"""Shell completion (bash, zsh, fish through Typer): point ids and short names, and the years
found in the folder.

A completer runs on every Tab press, so it reads as little as it can — the lines of
``points.yaml`` that hold an ``id`` or a ``short`` name, and the names of the folders under
``submissions/`` — and never raises: whatever goes wrong (no folder, a damaged file) offers
nothing rather than a traceback in the clerk's prompt.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from govinfo.argv import folder_guess
from govinfo.defaults import SETTINGS_FILE

_ID_RE = re.compile(r"^\s*-?\s*id:\s*['\"]?([a-z][a-z0-9-]*)['\"]?\s*(?:#.*)?$")
_SHORT_RE = re.compile(r"^\s*short:\s*['\"]?([^'\"#]+?)['\"]?\s*(?:#.*)?$")
_YEAR_RE = re.compile(r"^[0-9]{4}$")
_MAX_BYTES = 4 << 20  # a registry is tens of kilobytes; anything far larger is not read


def _folder(ctx: Any) -> Path | None:
    """The data folder as the command would find it: ``--data`` (before or after the command),
    else ``$GOVINFO_DATA``, else ``./data``, else the current folder."""
    given = None
    try:
        given = ctx.find_root().params.get("data")
    except Exception:  # a context without params: fall back to the environment
        given = None
    root = Path(given) if given else Path(folder_guess((), os.environ))
    return root if (root / SETTINGS_FILE).is_file() else None


def point_names(root: Path) -> list[tuple[str, str]]:
    """(id, short name) of every point in ``root``'s ``points.yaml``, in file order."""
    path = root / "points.yaml"
    if path.stat().st_size > _MAX_BYTES:
        return []
    out: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if m := _ID_RE.match(line):
            out.append((m[1], ""))
        elif (m := _SHORT_RE.match(line)) and out and not out[-1][1]:
            out[-1] = (out[-1][0], m[1].strip())
    return out


def complete_point(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    """Ids and short names that start with what was typed, each with the other as its help."""
    try:
        root = _folder(ctx)
        if root is None:
            return []
        found: list[tuple[str, str]] = []
        for pid, short in point_names(root):
            if pid.startswith(incomplete):
                found.append((pid, short))
            elif short and short.startswith(incomplete):
                found.append((short, pid))
        return found
    except Exception:  # see the module docstring: never a traceback at the prompt
        return []


def complete_year(ctx: Any, incomplete: str) -> list[str]:
    """The years that have a folder under ``submissions/``, newest first."""
    try:
        root = _folder(ctx)
        if root is None or not (root / "submissions").is_dir():
            return []
        years = [
            entry.name
            for entry in os.scandir(root / "submissions")
            if entry.is_dir() and _YEAR_RE.match(entry.name) and entry.name.startswith(incomplete)
        ]
        return sorted(years, reverse=True)
    except Exception:  # see the module docstring
        return []


def complete_period(ctx: Any, incomplete: str) -> list[str]:
    """The periods of the years that have a folder under ``submissions/``: the year itself
    until more is typed, then its halves, quarters and months (``2003`` → ``2003H1`` …
    ``2003Q4``, ``2003-01`` … ``2003-12``)."""
    try:
        years = complete_year(ctx, incomplete[:4])
        if len(incomplete) < 4:
            return years
        out: list[str] = []
        for year in years:
            out += [year, f"{year}H1", f"{year}H2", *(f"{year}Q{q}" for q in range(1, 5))]
            out += [f"{year}-{m:02d}" for m in range(1, 13)]
        return [p for p in out if p.startswith(incomplete)]
    except Exception:  # see the module docstring
        return []
