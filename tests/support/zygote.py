"""A process that has imported govinfo once and forks a child for each run of the command line
asked of it: each child is a real process of its own (its exit code, its descriptors), started
as a fresh interpreter would be, without the 0.1–0.2 s of starting Python and importing what a
command needs again. :func:`tests.support.cli.cli` sends it its runs.

Nothing of govinfo is run here before a child starts, only imported: a child begins from the
state of a fresh process that imported those modules. The environment is read when it is used
(``govinfo.settings``), so the child's own environment is the one that counts.

Protocol: one JSON request a line on stdin (``argv``, ``env``, ``cwd``, the ``out``/``err``
files to write, and ``lost``: ``"full"`` or ``"pipe"`` for a standard output that takes no
writes, as :func:`tests.support.cli.cli` describes), one line back on stdout: the child's exit code as :mod:`subprocess` gives it.
"""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import sys
import traceback
from typing import Any

# The libraries govinfo's functions import when they run, not at the top of a module: imported
# here once rather than in every child (rich alone costs a run 0.1 s). A name missing from this
# list costs only time.
LATE_IMPORTS = (
    "docx",
    "multiprocessing",
    "openpyxl",
    "openpyxl.styles",
    "openpyxl.utils",
    "openpyxl.utils.cell",
    "platformdirs",
    "python_calamine",
    "rich.cells",
    "rich.console",
    "rich.progress",
    "rich.segment",
    "rich.style",
    "rich.text",
    "tabulate",
    "typer._click.decorators",
    "typer._coercion",
    "typer._param_types",
    "typer.core",
    "wcwidth",
    "yaml",
    "zipfile",
)


def _preload() -> None:
    """Import every module of govinfo (and so the libraries they import at the top), but
    ``govinfo.__main__``, which runs the program, and the libraries of :data:`LATE_IMPORTS`."""
    import govinfo

    for module in pkgutil.walk_packages(govinfo.__path__, "govinfo."):
        if not module.name.endswith(".__main__"):
            importlib.import_module(module.name)
    for name in LATE_IMPORTS:
        importlib.import_module(name)


def _child(request: dict[str, Any]) -> None:
    """In the forked child: become the process the request asks for, run, and never return."""
    code = 1
    try:
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        stdin = os.open(os.devnull, os.O_RDONLY)
        os.dup2(stdin, 0)
        for fd, path in ((1, request["out"]), (2, request["err"])):
            os.dup2(os.open(path, os.O_WRONLY | os.O_TRUNC), fd)
        if request.get("lost") == "full":  # every write fails with ENOSPC
            os.dup2(os.open("/dev/full", os.O_WRONLY), 1)
        elif request.get("lost") == "pipe":  # a pipe whose reader has gone: EPIPE
            read_end, write_end = os.pipe()
            os.close(read_end)
            os.dup2(write_end, 1)
            os.close(write_end)
        # the standard streams as Python made this process's at start-up (the same locale and
        # PYTHONIOENCODING: the caller starts a new interpreter where those differ), anew
        streams = []
        for fd, first in ((0, sys.__stdin__), (1, sys.__stdout__), (2, sys.__stderr__)):
            assert first is not None
            mode = "r" if fd == 0 else "w"
            streams.append(
                open(  # noqa: SIM115 - the process's own stream, open until it exits
                    fd,
                    mode,
                    encoding=first.encoding,
                    errors=first.errors,
                    buffering=1 if fd == 2 else -1,
                    closefd=False,
                )
            )
        sys.stdin, sys.stdout, sys.stderr = streams
        sys.argv = request["argv"]
        from govinfo.cli.main import run

        run()  # leaves by os._exit
    except BaseException:
        traceback.print_exc()
        sys.stderr.flush()
    finally:
        os._exit(code)


def main() -> None:
    """Serve runs until stdin ends. Started with ``-c``, as the runs' interpreters are: click
    names the program after how ``__main__`` was started."""
    _preload()
    replies = os.fdopen(os.dup(1), "w", encoding="utf-8")
    for line in sys.stdin:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            _child(request)
        _, status = os.waitpid(pid, 0)
        replies.write(f"{os.waitstatus_to_exitcode(status)}\n")
        replies.flush()
