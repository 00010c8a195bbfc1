"""Reading the data folder: YAML files → model records + problems (see ``folder.py``)."""

from govinfo.load.folder import LoadResult, load_folder
from govinfo.load.records import ParsedFile, parse_file
from govinfo.load.sources import FileSource, Overlay, WorkingTree

__all__ = [
    "FileSource",
    "LoadResult",
    "Overlay",
    "ParsedFile",
    "WorkingTree",
    "load_folder",
    "parse_file",
]
