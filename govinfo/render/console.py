"""The rich consoles govinfo prints through (standard output and standard error, made by
:mod:`govinfo.cli.common`): a message line is never split by the terminal's own wrapping."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len

from govinfo.render.wrap import wrap_text

if TYPE_CHECKING:
    from govinfo.render.layout import LayoutMemo


def fitting_console(layouts: LayoutMemo | None = None, **options: Any) -> Any:
    """A rich ``Console`` (``options`` as rich's) whose ``print`` of a plain text line that
    would run past a terminal's edge breaks it where :func:`wrap_text` may — so a message's
    date or number is never split by the terminal's own wrapping. Off a terminal a text line
    is never wrapped (rich would break it at 80 columns, mid-path); everything else prints as
    rich does. Emoji codes are left as written (rich would show a value's ``:fire:`` as 🔥).
    ``layouts``: where the tables printed on it keep the widths they were fitted to
    (:class:`govinfo.render.layout.LayoutMemo`), so that a table printed again at the same
    width is not fitted again."""
    from rich.console import Console

    options.setdefault("emoji", False)

    class FittingConsole(Console):
        def __init__(self, **kwargs: Any) -> None:
            super().__init__(**kwargs)
            self.layouts = layouts

        def print(self, *objects: Any, **kwargs: Any) -> None:
            if len(objects) == 1 and isinstance(objects[0], str):
                kwargs.setdefault("soft_wrap", True)
            if (
                self.is_terminal
                and kwargs.get("soft_wrap")
                and len(objects) == 1
                and isinstance(objects[0], str)
                and cell_len(objects[0]) > self.width
            ):
                for line in _wrap_keeping_times(objects[0], self.width):
                    super().print(line, **kwargs)
                return
            super().print(*objects, **kwargs)

    return FittingConsole(**options)


# A date and its time of day (事发 2003-01-16 15:34): one unit of a message, never broken at its
# space. Held together by a stand-in as wide as the space, one that wrapping does not break at.
_DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}")
_JOINED = "\ue000"


def _wrap_keeping_times(text: str, width: int) -> list[str]:
    if _JOINED in text or not _DATE_TIME.search(text):
        return wrap_text(text, width)
    joined = _DATE_TIME.sub(lambda m: m[0].replace(" ", _JOINED), text)
    return [line.replace(_JOINED, " ") for line in wrap_text(joined, width)]
