"""Reading the data folder: YAML files → model records + problems (see ``folder.py``)."""

from govinfo.load.folder import FileSource, LoadResult, WorkingTree, load_folder
from govinfo.load.records import ParsedFile, parse_file

__all__ = ["FileSource", "LoadResult", "ParsedFile", "WorkingTree", "load_folder", "parse_file"]
