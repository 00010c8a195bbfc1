"""The one progress bar: nothing off a terminal; on one, a bar per stage once it is long enough."""

from __future__ import annotations

import io
import re

from rich.console import Console

from govinfo.i18n import set_lang
from govinfo.render.progress import each_made, no_progress, progress_bar


def _console(terminal: bool) -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, force_terminal=terminal, width=100), out


def test_nothing_off_a_terminal() -> None:
    console, out = _console(False)
    with progress_bar(console) as update:
        assert update is no_progress
        update("read", 1, 2)
    assert out.getvalue() == ""


def test_import_stages_always_show_and_a_short_folder_read_does_not() -> None:
    set_lang("en")
    console, out = _console(True)
    with progress_bar(console) as update:
        update("folder", 10, 1999)
        update("read", 1, 2)
    text = out.getvalue()
    assert "reading files" in text
    assert re.search(r"reading(?! files)", text) is None  # the folder's 1,999 files: no bar


def test_a_long_folder_read_shows() -> None:
    set_lang("en")
    console, out = _console(True)
    with progress_bar(console) as update:
        update("folder", 10, 5000)
    assert "reading" in out.getvalue()


def test_each_made_reports_every_item_in_order() -> None:
    seen: list[tuple[str, int, int]] = []
    made = each_made(["a", "bb", "ccc"], len, lambda *step: seen.append(step), "statements")
    assert made == [1, 2, 3]
    assert seen == [("statements", 1, 3), ("statements", 2, 3), ("statements", 3, 3)]
