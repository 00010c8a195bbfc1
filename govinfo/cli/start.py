"""The console entry point, kept light: before the program is imported, a child process starts
listing the data folder for a warm answer (:mod:`govinfo.load.prelist`), on the other core
while this one imports. Then the program runs (:func:`govinfo.cli.main.run`)."""

from __future__ import annotations

import sys
from typing import NoReturn

from govinfo.argv import asked_language
from govinfo.cli import ctrlc


def run() -> None:
    ctrlc.install()  # a double press is one Ctrl-C
    try:
        with ctrlc.noted_only():  # a Ctrl-C while the program is imported: once it is
            from govinfo.load import prelist

            prelist.start(sys.argv[1:])
            from govinfo.cli.main import run as run_program
    except KeyboardInterrupt:
        ctrlc.caught()
        _interrupted_while_starting()
    run_program()


def _interrupted_while_starting() -> NoReturn:
    """Say what a command stopped by Ctrl-C says — nothing has run, so nothing was written —
    in the language its help would use, and leave with 130, without a traceback."""
    import os

    try:
        from govinfo.i18n import set_lang, t

        try:
            from govinfo.cli.usage import usage_language

            set_lang(usage_language(sys.argv[1:]))
        except Exception:  # a half-imported program: --lang as typed, else the default
            set_lang(asked_language(sys.argv[1:]) or "zh")
        sys.stderr.write(t("interrupted_nothing_written") + "\n")
        sys.stderr.flush()
    except BaseException:  # no standard error, a Ctrl-C a second later: leave all the same
        pass
    finally:
        from govinfo.load import prelist

        prelist.stop()
    os._exit(130)  # 128 + SIGINT, as a command stopped by Ctrl-C
