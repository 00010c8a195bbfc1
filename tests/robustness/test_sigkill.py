"""SIGKILL at random moments: the real CLI imports a batch and is killed (alone, or with the git
it runs, as a terminal's process group is — or interrupted with Ctrl-C's SIGINT); once the next govinfo command has run, the folder is
exactly as before or exactly as after, ``check`` is clean and git holds no half commit. And
``demo generate`` stopped the same ways leaves no half-made folder.

6 kills by default, 120 with ``GOVINFO_LONG_TESTS=1``; the moments come from a seeded random
generator (``GOVINFO_KILL_SEED``), half of them spread over the whole run and half aimed at the
write itself (from the moment its journal appears).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from govinfo.cli.main import app
from govinfo.store.write import locate
from tests.support.batches import HEADER, write_csv
from tests.support.cli import CLI, LONG, LineRunner, cli_args, cli_env
from tests.support.gitrepo import commits, git, snapshot, status
from tests.support.paths import PROJECT

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and process groups")

KILLS = 120 if LONG else 6
GOVINFO = [sys.executable, "-c", CLI]  # the console entry point, no options
SEED = int(os.environ.get("GOVINFO_KILL_SEED", "20031231"))

# Eight month files, so that the write has several temporary files, renames and fsyncs.
BATCH = [HEADER] + [
    [str(i), point, f"2003-{month}-{day}", f"{point}第{i}条信息", "综合", "王明"]
    for i, (point, month, day) in enumerate(
        [(p, m, d) for p in ("长春", "四平") for m in (5, 6, 7, 8) for d in (3, 17)], start=1
    )
]


def start(root: Path, batch: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        cli_args(root, "import", str(batch)),
        cwd=PROJECT,
        env=cli_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: the git it runs is in it too
    )


def wait_group_gone(pgid: int, timeout: float = 20.0) -> None:
    """Wait until no process of the group is left (an orphaned git finishes on its own)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return
        except PermissionError:  # pragma: no cover - a zombie on some systems
            return
        time.sleep(0.005)
    raise AssertionError(f"process group {pgid} still alive")


def left_locks(root: Path) -> list[Path]:
    """git's lock files left in the repository (a commit's: the index, HEAD, the branch)."""
    git_dir = locate(root).git_dir
    assert git_dir is not None
    names = ["index.lock", "HEAD.lock", "refs/heads/master.lock", "refs/heads/main.lock"]
    return [git_dir / name for name in names if (git_dir / name).exists()]


def next_command(root: Path) -> str:
    result = LineRunner().invoke(app, ["--data", str(root), "--lang", "en", "check"])
    text = result.stdout + result.stderr
    assert result.exit_code == 0, text
    return text


def test_sigkill_at_random_moments_of_an_import(folder: Path, tmp_path: Path) -> None:
    rng = random.Random(SEED)
    batch = write_csv(tmp_path / "batch.csv", BATCH, encoding="utf-8")
    journal = locate(folder).journal_path
    before, base = snapshot(folder), commits(folder)

    # One run to completion: the "after" state, and when the write starts and ends.
    t0 = time.monotonic()
    proc = start(folder, batch)
    appeared = gone = None
    while proc.poll() is None:
        now = time.monotonic() - t0
        if journal.exists():
            appeared = appeared if appeared is not None else now
        elif appeared is not None and gone is None:
            gone = now
        time.sleep(0.0005)
    assert proc.returncode == 0
    duration = time.monotonic() - t0
    write_time = max((gone or duration) - (appeared or 0.0), 0.01)
    after = snapshot(folder)
    subject = git(folder, "log", "-1", "--format=%s")
    git(folder, "reset", "-q", "--hard", "HEAD~1")
    git(folder, "clean", "-qfd")
    assert snapshot(folder) == before

    seen: dict[str, int] = {"before": 0, "after": 0, "git lock": 0}
    for i in range(KILLS):
        aimed = i % 2 == 1
        how = rng.choice(["kill", "kill group", "interrupt group"])
        proc = start(folder, batch)
        if aimed:
            deadline = time.monotonic() + 30
            while not journal.exists() and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.0005)
            time.sleep(rng.uniform(0, write_time))
        else:
            time.sleep(rng.uniform(0, duration))
        with_what = f"kill {i} (seed {SEED}, aimed={aimed}, {how})"
        try:
            if how == "kill":
                os.kill(proc.pid, signal.SIGKILL)
            elif how == "kill group":
                os.killpg(proc.pid, signal.SIGKILL)
            else:  # Ctrl-C at the terminal: SIGINT to the whole group, git included
                os.killpg(proc.pid, signal.SIGINT)
        except ProcessLookupError:
            pass
        proc.wait()
        wait_group_gone(proc.pid)

        text = next_command(folder)
        for lock in left_locks(folder):
            # git was killed holding a lock (its index's, or HEAD's or the branch's while it
            # moved the branch): the command said which file and how to clear it.
            assert str(lock) in text, with_what
            assert "delete it" in text, with_what
            lock.unlink()
            seen["git lock"] += 1
            text = next_command(folder)
        assert not journal.exists(), with_what
        state = snapshot(folder)
        assert state in (before, after), f"torn folder after {with_what}"
        assert status(folder) == "", f"uncommitted files after {with_what}"
        git(folder, "fsck", "--no-dangling", "--no-progress")
        if state == before:
            assert commits(folder) == base, with_what
            seen["before"] += 1
        else:
            assert commits(folder) == base + 1, with_what
            assert git(folder, "log", "-1", "--format=%s") == subject, with_what
            seen["after"] += 1
            git(folder, "reset", "-q", "--hard", "HEAD~1")
            git(folder, "clean", "-qfd")
    if LONG:
        assert seen["before"], seen
        assert seen["after"], seen


def _ctrl_c_as_at_a_terminal() -> None:
    """SIGINT's default in the child, even when the suite was started in the background (a
    shell starts those with SIGINT ignored, and Python then keeps it ignored)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize("how", ["SIGINT", "SIGTERM", "SIGKILL"])
def test_a_demo_folder_interrupted_is_not_left_half_made(tmp_path: Path, how: str) -> None:
    """``govinfo demo generate DIR`` stopped halfway (Ctrl-C, a kill): no half-made ``DIR``
    that ``check`` would accept and a second run would refuse as not empty. Ctrl-C removes
    the partial folder; one left by a kill is a clearly named sibling that the next run
    removes before it writes ``DIR`` whole."""
    dest = tmp_path / "demo"
    proc = subprocess.Popen(
        [*GOVINFO, "demo", "generate", str(dest), "--points", "100", "--submissions", "40000"],
        cwd=PROJECT,
        env=cli_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=_ctrl_c_as_at_a_terminal,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        points = list(tmp_path.glob("*/submissions/*/*"))  # in the partial folder, or in DIR
        if len(points) > 20:  # well into the writing
            break
        time.sleep(0.005)
    assert proc.poll() is None, "the run ended before it could be interrupted"
    proc.send_signal(getattr(signal, how))
    _, err = proc.communicate(timeout=60)
    assert "Traceback" not in err.decode("utf-8", "replace")
    assert not dest.exists()
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == ([] if how == "SIGINT" else [f".demo.{proc.pid}.govinfo-partial"])

    again = subprocess.run(
        [*GOVINFO, "demo", "generate", str(dest), "--points", "5", "--submissions", "20"],
        cwd=PROJECT,
        env=cli_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert again.returncode == 0, again.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo"]
    check = subprocess.run(
        cli_args(dest, "check"),
        cwd=PROJECT,
        env=cli_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stdout + check.stderr
