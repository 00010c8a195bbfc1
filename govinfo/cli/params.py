"""Typer's option values without pydantic, where the answer is plain (issue 16: start-up).

Typer 0.29 coerces every option through a pydantic ``TypeAdapter``: importing pydantic and
building the adapters costs more than everything else a warm ``govinfo score`` does. The
options govinfo declares are text, whole numbers, paths, enums and small parsers; for those
values this module gives the very answer Typer's adapter gives, with Typer's own helpers
(``coerce_cli_choice``, ``coerce_cli_path``) and nothing else. Any other value — a list, a
number with bounds, a parser that refuses, anything unusual — goes to Typer's own coercion,
so every error message stays Typer's, word for word. A text value that is not a path is read
as the clerk typed it (``cli.terminal.typed``: UTF-8 bytes a C locale could not decode).

``install()`` is called once by :mod:`govinfo.cli.main`; on a Typer that lacks these
internals it does nothing and Typer coerces as it always does.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

_PLAIN_INT = re.compile(r"0|[1-9][0-9]{0,17}")
# The text options handed on to the system — a file or folder to write, git's commit message
# and revision: kept as the system handed them over, so that it gets the very bytes back
# (every other text is read as typed, ``cli.terminal.typed``).
_SYSTEM_WORDS = frozenset({"out", "statements", "message", "at"})
_MISS = object()


def _plain_value(descriptor: Any, value: Any, param: Any, ctx: Any) -> Any:
    """The coerced ``value`` when it is plain (see the module docstring), else ``_MISS``."""
    from enum import Enum

    from typer._param_types import coerce_cli_choice, coerce_cli_path

    from govinfo.cli.terminal import typed

    info = descriptor.parameter_info
    annotation = descriptor.annotation
    if info.parser is not None:
        return info.parser(value)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return coerce_cli_choice(
            value, choices=list(annotation), case_sensitive=info.case_sensitive, ctx=ctx
        )
    if annotation is str:
        if not isinstance(value, str):
            return _MISS
        return value if getattr(param, "name", None) in _SYSTEM_WORDS else typed(value)
    if annotation is int and not info.clamp:
        if isinstance(value, str) and _PLAIN_INT.fullmatch(value):
            value = int(value)
        if not isinstance(value, int) or isinstance(value, bool):
            return _MISS
        in_range = (info.min is None or value >= info.min) and (
            info.max is None or value <= info.max
        )
        return value if in_range else _MISS
    if annotation is Path and info.path_type is None:
        if isinstance(value, str) and value and "\0" not in value:
            return coerce_cli_path(Path(value), info, path_type=Path, param=param, ctx=ctx)
        return _MISS
    return _MISS


def install() -> None:
    """Let Typer's parameters coerce plain values without pydantic (see the module
    docstring)."""
    try:
        from typer._coercion import RuntimeParam, build_runtime_param
        from typer.core import _TyperParameter
    except ImportError:
        return
    if not hasattr(_TyperParameter, "get_runtime_param") or not hasattr(
        RuntimeParam, "_coerce_value"
    ):
        return

    class PlainFirst(RuntimeParam):
        """Plain values here; the rest, and every refusal, by Typer's own coercion."""

        descriptor: Any

        def __init__(self, descriptor: Any) -> None:
            object.__setattr__(self, "parameter_info", descriptor.parameter_info)
            object.__setattr__(self, "annotation", descriptor.annotation)
            object.__setattr__(self, "descriptor", descriptor)

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            try:
                plain = _plain_value(self.descriptor, value, param, ctx)
            except Exception:
                plain = _MISS  # Typer's own coercion says what is wrong, in its words
            if plain is not _MISS:
                return plain
            full = build_runtime_param(self.descriptor)
            return full._coerce_value(value, param=param, ctx=ctx)

    def get_runtime_param(self: Any) -> Any:
        if self._runtime_param is None:
            descriptor = self.type_descriptor
            if descriptor.file_annotation is not None:
                self._runtime_param = build_runtime_param(descriptor)
            else:
                self._runtime_param = PlainFirst(descriptor)
        return self._runtime_param

    _TyperParameter.get_runtime_param = get_runtime_param  # type: ignore[method-assign]
