"""Reading the data folder: YAML files → model records + problems (see ``folder.py``).

The names below are imported on first use (PEP 562), so that a light module of this package
(:mod:`govinfo.load.prelist`, :mod:`govinfo.load.stamps`, :mod:`govinfo.load.sources`) can be
imported at start-up without the loader behind it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from govinfo.load.folder import LoadResult, load_folder
    from govinfo.load.records import ParsedFile, parse_file
    from govinfo.load.sources import FileSource, Overlay, WorkingTree

_WHERE = {
    "FileSource": "sources",
    "LoadResult": "folder",
    "Overlay": "sources",
    "ParsedFile": "records",
    "WorkingTree": "sources",
    "load_folder": "folder",
    "parse_file": "records",
}

__all__ = [
    "FileSource",
    "LoadResult",
    "Overlay",
    "ParsedFile",
    "WorkingTree",
    "load_folder",
    "parse_file",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"govinfo.load.{_WHERE[name]}"), name)
