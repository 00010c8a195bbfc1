"""Ctrl-C, as a terminal sends it — SIGINT to the whole process group of the real CLI, its
workers and git included: exit 130 and one line on stderr in the clerk's language, which says
nothing was written only when that is so; never a worker's traceback, never a hang."""

from __future__ import annotations

import contextlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govinfo.app.demo import generate
from govinfo.cli.main import app
from govinfo.store.write import locate
from tests.robustness.test_sigkill import BATCH, left_locks, next_command, wait_group_gone
from tests.support.batches import write_csv
from tests.support.cli import CLI, CLI_ARGV, PROJECT, cli, cli_args, cli_env
from tests.support.folders import MakeFolder
from tests.support.gitrepo import commit_all, commits, git, snapshot

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="process groups, /proc, forked workers"
)

GOVINFO = [sys.executable, "-c", CLI]
SEED = int(os.environ.get("GOVINFO_KILL_SEED", "20031231"))


def _ctrl_c_as_at_a_terminal() -> None:
    """SIGINT's default in the child, even when the suite was started in the background."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start(args: list[str], **env: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        args,
        cwd=PROJECT,
        env=cli_env(**env),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, as a terminal's foreground job
        preexec_fn=_ctrl_c_as_at_a_terminal,
    )


def ctrl_c(proc: subprocess.Popen[bytes]) -> tuple[int, str]:
    """SIGINT to the group of ``proc``; its exit code and stderr, once every process of the
    group is gone (a hang fails the test)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    wait_group_gone(proc.pid)
    return proc.returncode, err.decode("utf-8", "replace")


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    """SIGKILL to the group of ``proc`` (its own session, see :func:`start`) and reap it: a
    child left waiting on a named pipe does not outlive a failed test."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    if proc.returncode is None:  # not reaped by a ctrl_c
        proc.communicate(timeout=60)


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return found


def test_ctrl_c_during_demo_generate_says_nothing_was_written(tmp_path: Path) -> None:
    dest = tmp_path / "demo"
    proc = start(
        [*GOVINFO, "--lang", "zh", "demo", "generate", str(dest), "--points", "100",
         "--submissions", "40000"]
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if len(list(tmp_path.glob("*/submissions/*/*"))) > 20:  # well into the writing
            break
        time.sleep(0.005)
    assert proc.poll() is None, "the run ended before it could be interrupted"
    code, err = ctrl_c(proc)
    assert code == 130, err
    assert err == "已中断，未写入任何内容\n"
    assert list(tmp_path.iterdir()) == []


def _workers_started(proc: subprocess.Popen[bytes], count: int = 3) -> float:
    """Wait until ``proc`` has ``count`` children (three: its workers are parsing, or about
    to; one: the start-up listing's child); the moment, or the moment it ended before that."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if len(children(proc.pid)) >= count:
            break
        time.sleep(0.001)
    return time.monotonic()


@pytest.fixture(scope="module")
def large_year(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], float]:
    """A cold score of a year large enough for three workers to parse it a while (the command
    line), and how long its run lasts once its workers are there, on this machine now: the
    tests' moments are parts of it (fixed pauses outlasted the whole run on a fast machine)."""
    root = tmp_path_factory.mktemp("large") / "data"
    generate(root, seed=3, points=60, submissions=20000, years=1)
    args = cli_args(root, "--no-cache", "score", "2003")
    proc = start(args, GOVINFO_JOBS="3")
    began = _workers_started(proc)
    proc.communicate(timeout=60)
    assert proc.returncode == 0
    return args, time.monotonic() - began


def test_ctrl_c_during_a_cold_score_stops_its_workers_quietly(
    large_year: tuple[list[str], float],
) -> None:
    """The workers parsing a large year leave Ctrl-C to the main process, which stops them:
    before, each printed its KeyboardInterrupt traceback, and a worker that died with its
    piece of work could leave the main process waiting for it for ever."""
    args, span = large_year
    interrupted = 0
    # At several moments of the parse: a pool whose workers were blocked sending large
    # results back could leave the main process waiting for ever on its way out.
    for part in (0.0, 0.1, 0.25, 0.4):
        proc = start(args, GOVINFO_JOBS="3")
        _workers_started(proc)
        time.sleep(part * span)
        if proc.poll() is not None:  # it ended before it could be interrupted
            proc.communicate(timeout=60)
            continue
        signalled = time.monotonic()
        code, err = ctrl_c(proc)  # every process of the run gone, or the test fails
        # Late in the run, the signal may come after the command was over (exit 0, nothing
        # said, its end at once); early, never. A Ctrl-C lost (the run went on to its end,
        # more than half of it) fails the test.
        if code == 0 and part > 0.1 and time.monotonic() - signalled < 0.25 * span:
            assert err == ""
            continue
        assert code == 130, err
        assert err == "interrupted; nothing was written\n"
        interrupted += 1
    assert interrupted >= 2


@pytest.mark.parametrize("moment", ["starting", "parsing"])
def test_a_second_ctrl_c_does_not_cut_the_first_short(
    large_year: tuple[list[str], float], moment: str
) -> None:
    """Ctrl-C pressed twice in quick succession — while the program is still being imported
    (the console entry point has started listing the folder), or while three workers parse a
    cold year: the second is ignored, so the first one's work is done whole, the workers
    stopped and reaped, the one line said in the language asked for. Before, the second
    could break off that line (exit 130 and nothing said) or leave it in Chinese."""
    args, span = large_year
    if moment == "starting":  # the console entry point, which lists the folder first
        args = [sys.executable, "-m", "govinfo", *args[len(CLI_ARGV) :]]
        args.remove("--no-cache")  # a reader with its caches: the listing starts
    interrupted = 0
    starting = moment == "starting"
    for part in (0.0, 0.02, 0.05, 0.1) if starting else (0.0, 0.1):
        for gap in (0.0, 0.001, 0.004) if starting else (0.0, 0.004):
            proc = start(args, GOVINFO_JOBS="3")
            _workers_started(proc, 1 if starting else 3)  # the listing child, or the workers
            time.sleep(part * (0.1 if starting else span))
            if proc.poll() is not None:
                proc.communicate(timeout=60)
                continue
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGINT)
                time.sleep(gap)
            code, err = ctrl_c(proc)  # the second; every process of the run gone
            assert (code, err) == (130, "interrupted; nothing was written\n")
            interrupted += 1
    assert interrupted >= 4


def test_an_interrupted_import_says_nothing_was_written_only_when_so(
    folder: Path, tmp_path: Path
) -> None:
    """Ctrl-C at moments aimed at the write of an import: when the line says nothing was
    written, the folder is as before once the next command has run (a write interrupted
    past its point of no return is finished by it, and the line said only 已中断)."""
    rng = random.Random(SEED)
    batch = write_csv(tmp_path / "batch.csv", BATCH, encoding="utf-8")
    journal = locate(folder).journal_path
    before, base = snapshot(folder), commits(folder)
    said: set[str] = set()
    for i in range(6):
        proc = start(cli_args(folder, "import", str(batch)))
        deadline = time.monotonic() + 30
        while not journal.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.0005)
        # The first at once, while the write is surely under way (a fast machine may finish
        # it within any pause); the others at random moments of it.
        time.sleep(rng.uniform(0, 0.05) if i else 0.0)
        code, err = ctrl_c(proc)
        assert "Traceback" not in err, err
        next_command(folder)
        for lock in left_locks(folder):  # git stopped holding its lock (test_sigkill)
            lock.unlink()
            next_command(folder)
        state = snapshot(folder)
        if code == 130:
            line = err.splitlines()[-1]
            assert line in (
                "interrupted; nothing was written",
                "interrupted",
                "interrupted; the write had already been completed and committed",
            ), (i, err)
            said.add(line)
            if line.endswith("nothing was written"):
                assert state == before, (i, err)
        if state != before:
            git(folder, "reset", "-q", "--hard", "HEAD~1")
            git(folder, "clean", "-qfd")
        assert snapshot(folder) == before
        assert commits(folder) == base
    assert said, "no run was interrupted"


def test_ctrl_c_after_an_import_landed_says_it_went_in(folder: Path, tmp_path: Path) -> None:
    """A SIGINT at every durable step of an import's write (``GOVINFO_INTERRUPT_AT``, a real
    signal the process sends itself): before the point of no return the line says nothing was
    written, past it only 已中断, and once the commit is made that the write was completed and
    committed — then the commit is there before any other command runs, and the next one
    changes nothing."""
    batch = write_csv(tmp_path / "batch.csv", BATCH[:2], encoding="utf-8")  # one file written
    before, base = snapshot(folder), commits(folder)
    said: list[str] = []
    for step in range(1, 50):
        # a process of its own (forked by the suite's zygote: no state of this one), signalled
        # by itself
        done = cli(folder, "import", str(batch), GOVINFO_INTERRUPT_AT=str(step))
        code, out = done.returncode, done.stderr
        if code == 0:
            break  # past the write's last step: the import ran to its end
        assert code == 130, (step, out)
        line = out.splitlines()[-1]
        said.append(line)
        if line == "interrupted; the write had already been completed and committed":
            assert commits(folder) == base + 1, (step, out)
            landed = snapshot(folder)
            assert landed != before
            next_command(folder)
            assert snapshot(folder) == landed
            assert commits(folder) == base + 1
        else:
            assert line in ("interrupted; nothing was written", "interrupted"), (step, out)
            next_command(folder)
            if line == "interrupted; nothing was written":
                assert snapshot(folder) == before, (step, out)
        if commits(folder) != base:
            git(folder, "reset", "-q", "--hard", "HEAD~1")
            git(folder, "clean", "-qfd")
        assert snapshot(folder) == before
    else:
        pytest.fail("the import never ran to its end")
    assert said[0] == "interrupted; nothing was written"
    assert "interrupted" in said
    assert said[-1] == "interrupted; the write had already been completed and committed"


def test_each_run_in_one_process_starts_with_nothing_written(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    """Many runs in one process (the suite's runner): a write that landed in an earlier run is
    not this run's — a Ctrl-C before this run's point of no return says nothing was written."""
    first = write_csv(tmp_path / "a.csv", BATCH[:2], encoding="utf-8")
    second = write_csv(tmp_path / "b.csv", [BATCH[0], *BATCH[2:4]], encoding="utf-8")
    result = runner.invoke(app, ["--data", str(folder), "--lang", "en", "import", str(first)])
    assert result.exit_code == 0, result.output
    args = ["--data", str(folder), "--lang", "en", "import", str(second)]
    result = runner.invoke(app, args, env={"GOVINFO_INTERRUPT_AT": "1"})
    assert result.exit_code == 130, result.output
    assert result.stderr.splitlines()[-1] == "interrupted; nothing was written"


STOPPER = """
class _CtrlC:
    def find_spec(self, name, path=None, target=None):
        if name == "govinfo.cli.main":
            raise KeyboardInterrupt
        return None

import sys
sys.meta_path.insert(0, _CtrlC())
"""


@pytest.mark.parametrize(
    ("lang", "line"),
    [((), "已中断，未写入任何内容"), (("--lang", "en"), "interrupted; nothing was written")],
)
def test_ctrl_c_while_the_program_is_imported_says_so_without_a_traceback(
    tmp_path: Path, lang: tuple[str, ...], line: str
) -> None:
    """Ctrl-C in the first moments, while the console entry point imports the program (here:
    at the import of govinfo.cli.main, made to raise as Ctrl-C would)."""
    (tmp_path / "sitecustomize.py").write_text(STOPPER, encoding="utf-8")
    env = cli_env()
    env["PYTHONPATH"] = os.pathsep.join([str(tmp_path), env["PYTHONPATH"]])
    done = subprocess.run(
        [sys.executable, "-c", "from govinfo.cli.start import run; run()", *lang, "--help"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 130, done.stderr
    assert done.stderr == line + "\n"


def _blocked_in_fifo_open(pid: int) -> bool:
    """Whether ``pid`` waits in the kernel for the other end of a named pipe."""
    try:
        wchan = Path(f"/proc/{pid}/wchan").read_text().strip()
    except OSError:
        return False
    return wchan in ("fifo_open", "wait_for_partner")  # the name differs between kernels


@pytest.mark.parametrize("in_git", [True, False])
def test_ctrl_c_after_a_landed_write_while_the_summary_is_written(
    make_folder: MakeFolder, tmp_path: Path, in_git: bool
) -> None:
    """A write that landed, then another change interrupted: an import's summary written with
    ``--out`` after its write, and Ctrl-C (SIGINT to the process group, as a terminal sends it)
    while the summary is being written. The line says the write went in (committed, or not
    committed outside git) and that what followed it may be unfinished; the write stays, the
    summary file is not left half-written, and the next command changes nothing.

    The run is held inside the summary's write by a named pipe at the name of the summary's
    temporary file (``.NAME.PID.govinfo-tmp``): opening it for writing waits for a reader,
    which never comes, until the Ctrl-C."""
    root = make_folder()
    if in_git:
        git(root, "init", "-q")
        commit_all(root)
    base = commits(root) if in_git else 0
    batch = write_csv(tmp_path / "batch.csv", BATCH[:2], encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    proc = start(cli_args(root, "import", str(batch), "--out", str(out / "summary.csv")))
    held = out / f".summary.csv.{proc.pid}.govinfo-tmp"
    try:
        os.mkfifo(held)  # long before the import gets there (it starts Python, reads the folder)
        deadline = time.monotonic() + 60
        while not _blocked_in_fifo_open(proc.pid):
            assert proc.poll() is None, proc.communicate()[1].decode()
            assert time.monotonic() < deadline, "the import never reached its summary"
            time.sleep(0.05)
        landed = snapshot(root)
        assert (root / "submissions" / "2003" / "changchun" / "05.yaml").is_file()  # written
        code, err = ctrl_c(proc)
        assert code == 130, err
        line = err.splitlines()[-1]
        if in_git:
            assert commits(root) == base + 1
            assert line == (
                "interrupted; the write had already been completed and committed, "
                "what followed it may be unfinished"
            )
        else:
            assert line == (
                "interrupted; the write had already been completed (not committed to git), "
                "what followed it may be unfinished"
            )
        assert "Traceback" not in err
        assert list(out.iterdir()) == []  # no summary, no temporary file
        next_command(root)
        assert snapshot(root) == landed
        if in_git:
            assert commits(root) == base + 1
            assert git(root, "status", "--porcelain") == ""
    finally:  # a failed assertion before the Ctrl-C leaves it blocked on the pipe for good
        _kill_group(proc)
        held.unlink(missing_ok=True)
