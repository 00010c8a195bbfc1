"""The console entry point, kept light: before the program is imported, a child process starts
listing the data folder for a warm answer (:mod:`govinfo.load.prelist`), on the other core
while this one imports. Then the program runs (:func:`govinfo.cli.main.run`)."""

from __future__ import annotations

import sys


def run() -> None:
    from govinfo.load import prelist

    prelist.start(sys.argv[1:])
    from govinfo.cli.main import run as run_program

    run_program()
