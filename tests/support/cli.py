"""Running govinfo in tests: through Typer's runner, in a process of its own, or in a forked
child that may die hard; golden files; the switches for the long runs (``GOVINFO_LONG_TESTS=1``,
``GOVINFO_FUZZ_EXAMPLES=N``)."""

from __future__ import annotations

import atexit
import os
import shlex
import signal
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar
from unittest import mock

import typer
import typer.main
import typer.testing
from typer.testing import CliRunner, Result

from tests.support.paths import PROJECT

CLI = "from govinfo.cli.main import run; run()"  # the console entry point
CLI_ARGV = [sys.executable, "-c", CLI]  # the command line that runs it, govinfo's words to add

LONG = os.environ.get("GOVINFO_LONG_TESTS", "") not in ("", "0")


def fuzz_examples(default: int) -> int:
    """How many Hypothesis examples a fuzz test runs: ``GOVINFO_FUZZ_EXAMPLES``, else
    ``default`` (ten times that with ``GOVINFO_LONG_TESTS=1``)."""
    raw = os.environ.get("GOVINFO_FUZZ_EXAMPLES", "")
    if raw.isdigit():
        return int(raw)
    return default * 10 if LONG else default


def cli_env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    for var in ("GOVINFO_CRASH_AT", "GOVINFO_INTERRUPT_AT", "GOVINFO_LOCK_WAIT"):
        env.pop(var, None)
    env.update(extra)
    return env


def cli_args(root: Path, *args: str) -> list[str]:
    return [*CLI_ARGV, "--data", str(root), "--lang", "en", *args]


def cli(
    root: Path, *args: str, fresh: bool = False, lost: str = "", **env: str
) -> subprocess.CompletedProcess[str]:
    """Run the real ``govinfo`` (its console entry point, English messages) in a process of its
    own: a child forked by the suite's :mod:`~tests.support.zygote`, which has imported govinfo
    once, so that a run does not pay for starting Python again. A new interpreter is started
    instead where the run asks for one (``fresh``), where its environment would start Python
    differently (``PYTHON*``, ``LANG``, ``LC_*``) or where there is no ``fork``.

    ``lost`` takes the run's standard output away: ``"full"`` (``/dev/full``, every write
    fails with ENOSPC) or ``"pipe"`` (a pipe whose reader has gone, as ``| head`` leaves it);
    its stdout is then ``""``. (A closed descriptor 1 changes how Python starts: a test of it
    starts a new interpreter itself.)"""
    return run_entry_point(cli_args(root, *args), fresh=fresh, lost=lost, **env)


def run_entry_point(
    argv: list[str], *, fresh: bool = False, lost: str = "", **env: str
) -> subprocess.CompletedProcess[str]:
    """:func:`cli` for a command line of the console entry point given whole (``argv``: the
    interpreter, ``-c``, :data:`CLI` and govinfo's own words, as :func:`cli_args` makes it)."""
    assert argv[1:3] == ["-c", CLI], argv
    assert lost in ("", "full", "pipe"), lost
    environ = cli_env(**env)
    zygote = None if fresh else _Zygote.serving(environ)
    if zygote is not None:
        return zygote.run(argv, environ, lost)
    if lost == "full":
        with open("/dev/full", "w") as full:
            done = subprocess.run(
                argv, cwd=PROJECT, env=environ, stdout=full, stderr=subprocess.PIPE, text=True
            )
        return subprocess.CompletedProcess(argv, done.returncode, "", done.stderr)
    if lost == "pipe":
        read_end, write_end = os.pipe()
        os.close(read_end)  # every write now fails with EPIPE
        try:
            done = subprocess.run(
                argv, cwd=PROJECT, env=environ, stdout=write_end, stderr=subprocess.PIPE,
                text=True,
            )  # fmt: skip
        finally:
            os.close(write_end)
        return subprocess.CompletedProcess(argv, done.returncode, "", done.stderr)
    return subprocess.run(argv, cwd=PROJECT, env=environ, capture_output=True, text=True)


def _starts_python(name: str) -> bool:
    """Whether an environment variable changes how Python starts (its streams, its paths)."""
    return name.startswith(("PYTHON", "LC_")) or name == "LANG"


class _Zygote:
    """This test process's :mod:`~tests.support.zygote`, started at its first use."""

    running: _Zygote | None = None

    def __init__(self, environ: Mapping[str, str]) -> None:
        self.start_env = {k: v for k, v in environ.items() if _starts_python(k)}
        self.proc = subprocess.Popen(
            [sys.executable, "-c", "from tests.support.zygote import main; main()"],
            cwd=PROJECT,
            env=dict(environ),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    @classmethod
    def serving(cls, environ: Mapping[str, str]) -> _Zygote | None:
        """The zygote, if it can make a process as this environment would start."""
        if not hasattr(os, "fork"):
            return None
        if cls.running is None or cls.running.proc.poll() is not None:
            cls.running = cls(environ)
            atexit.register(cls.running.stop)
        wanted = {k: v for k, v in environ.items() if _starts_python(k)}
        return cls.running if wanted == cls.running.start_env else None

    def stop(self) -> None:
        """End the zygote (its requests run out) and wait for it."""
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait()

    def run(
        self, argv: list[str], environ: Mapping[str, str], lost: str = ""
    ) -> subprocess.CompletedProcess[str]:
        import json
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            out, err = Path(tmp, "out"), Path(tmp, "err")
            out.touch()
            err.touch()
            request = {"argv": ["-c", *argv[3:]], "env": dict(environ), "cwd": str(PROJECT)}
            request.update(out=str(out), err=str(err), lost=lost)
            assert self.proc.stdin is not None
            assert self.proc.stdout is not None
            self.proc.stdin.write(json.dumps(request) + "\n")
            self.proc.stdin.flush()
            reply = self.proc.stdout.readline()
            assert reply, "the zygote process died"
            return subprocess.CompletedProcess(
                argv, int(reply), _as_text(out.read_bytes()), _as_text(err.read_bytes())
            )


def _as_text(data: bytes) -> str:
    """What :func:`subprocess.run` with ``text=True`` makes of a stream's bytes."""
    import io

    return io.TextIOWrapper(io.BytesIO(data)).read()


def forked_cli(root: Path, *args: str, own_group: bool = False, **env: str) -> tuple[int, str]:
    """Run ``govinfo`` in a forked child of the test process (a real process that can exit
    hard, without the cost of starting Python): (exit code, stdout + stderr).

    Used for the ``GOVINFO_CRASH_AT`` walks, where the child dies by ``os._exit`` at the named
    step; where ``fork`` does not exist the real CLI is started instead. With ``own_group``
    the child leads a process group of its own (a signal sent to the group spares the tests).
    """
    if not hasattr(os, "fork"):
        proc = cli(root, *args, **env)
        return proc.returncode, proc.stdout + proc.stderr
    import tempfile

    with tempfile.TemporaryFile() as out:
        pid = os.fork()
        if pid == 0:  # the child: never returns
            code = 1
            try:
                if own_group:
                    os.setpgid(0, 0)
                    # Ctrl-C as at a terminal, even when the suite was started in the
                    # background (a shell starts those with SIGINT ignored).
                    signal.signal(signal.SIGINT, signal.default_int_handler)
                os.dup2(out.fileno(), 1)
                os.dup2(out.fileno(), 2)
                sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
                sys.stderr = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
                os.environ.pop("GOVINFO_CRASH_AT", None)
                os.environ.update(env)
                from govinfo.cli.main import app

                try:  # the command counts this run's steps only (cli.common._start_run)
                    app(["--data", str(root), "--lang", "en", *args], prog_name="govinfo")
                    code = 0
                except SystemExit as exc:
                    code = exc.code if isinstance(exc.code, int) else 0
                except KeyboardInterrupt:
                    code = 130
            except BaseException:
                import traceback

                traceback.print_exc()
                code = 99
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)
        _, wait_status = os.waitpid(pid, 0)
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    return os.waitstatus_to_exitcode(wait_status), text


class LineRunner(CliRunner):
    """Typer's runner, building the application as the console entry point does
    (:func:`govinfo.cli.main.for_line`): given the whole ``app``, a run holds only the command
    its line names (every command for ``--help``, a mistyped name or completion).

    The command Typer builds from it (reading the signature of each function it holds: 15 ms,
    over a thousand runs in the suite) is built once a kind of line and used again, as the
    console entry point would use it had it more than one line to run: a command object keeps
    nothing of a run (the language is chosen and set on it as each run starts)."""

    _built: ClassVar[dict[tuple[bool, str | None], Any]] = {}

    def invoke(  # type: ignore[override]
        self,
        app: typer.Typer,
        args: str | Sequence[str] | None = None,
        *rest: Any,
        env: Mapping[str, str | None] | None = None,
        **kwargs: Any,
    ) -> Result:
        from govinfo.cli import main

        if app is not main.app or args is None:
            return super().invoke(app, args, *rest, env=env, **kwargs)
        words = shlex.split(args) if isinstance(args, str) else list(args)
        environ = {**os.environ, **{k: v for k, v in (env or {}).items() if v is not None}}
        completing = any(name.startswith("_GOVINFO_COMPLETE") for name in environ)
        key = (completing, main.command_name(words))
        command = self._built.get(key)
        if command is None:
            command = self._built[key] = typer.main.get_command(main.for_line(words, environ))
        with mock.patch.object(typer.testing, "_get_command", return_value=command):
            return super().invoke(app, args, *rest, env=env, **kwargs)


def invoke(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    """``govinfo ARGS`` (no folder given) through the runner: (exit code, stdout, stderr)."""
    from govinfo.cli.main import app

    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def run_cli(runner: CliRunner, root: Path, *args: str) -> tuple[int, str, str]:
    """``govinfo --data ROOT ARGS`` through the runner: (exit code, stdout, stderr)."""
    from govinfo.cli.main import app

    result = runner.invoke(app, ["--data", str(root), *args])
    return result.exit_code, result.stdout, result.stderr


def compare_golden(path: Path, text: str) -> None:
    """Assert ``text`` equals the golden file; ``GOVINFO_UPDATE_GOLDEN=1`` rewrites it instead."""
    import os

    if os.environ.get("GOVINFO_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")
