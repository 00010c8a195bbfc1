"""Concurrent writers and readers, each a real process: the operating system's lock (flock) lets
one writer in at a time — the second waits ``GOVINFO_LOCK_WAIT`` seconds, then refuses naming
the holder — and a reader never sees a torn file, nor fails because a writer is at work."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from govinfo.cli.main import app
from govinfo.load import load_folder, parse_file
from tests.support.batches import HEADER, ROWS, write_csv
from tests.support.cli import LONG, LineRunner, cli, cli_args, cli_env
from tests.support.gitrepo import commit_all, commits, git, snapshot, status
from tests.support.paths import PROJECT

HOLDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from govinfo.store import journal, write

    root = Path(sys.argv[1])
    with write.open_writer(root, command=sys.argv[2]) as w:
        if sys.argv[3] == "journal":  # a live writer in the middle of its write
            manifest = {"version": 1, "state": "prepare", "txid": "t", "prefix": w.place.prefix,
                        "message": "m", "commit": True, "office": "", "created_dirs": [],
                        "identity_fallback": False, "files": []}
            journal.write_journal(w.place, manifest, sync=False)
        print("held", flush=True)
        sys.stdin.readline()
        if sys.argv[3] == "journal":
            journal.remove_journal(w.place)
    """
)


def hold(root: Path, command: str, journal: bool = False) -> subprocess.Popen[str]:
    """A process of its own holding the folder's write lock until a line comes on its stdin."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(root), command, "journal" if journal else "-"],
        cwd=PROJECT,
        env=cli_env(),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline() == "held\n"
    return proc


def release(proc: subprocess.Popen[str]) -> None:
    assert proc.stdin is not None
    proc.stdin.write("go\n")
    proc.stdin.flush()
    assert proc.wait(timeout=30) == 0


def at_the_lock(proc: subprocess.Popen[str], lock_name: str = "write.lock") -> bool:
    """Whether ``proc`` has the folder's lock file open (it opens it to wait for the lock, and
    keeps it open until it is done), read from ``/proc/PID/fd``; polled until then or until
    ``proc`` ends (a bound of 60 s, so a broken writer fails the test instead of hanging it)."""
    fds = Path(f"/proc/{proc.pid}/fd")
    deadline = time.monotonic() + 60
    while proc.poll() is None and time.monotonic() < deadline:
        for fd in list(fds.iterdir()) if fds.is_dir() else []:
            try:
                if os.readlink(fd).endswith("/" + lock_name):
                    return True
            except OSError:  # closed while listed
                continue
        time.sleep(0.01)
    return False


def test_second_writer_refuses_naming_the_holder_or_waits_for_it(
    folder: Path, tmp_path: Path
) -> None:
    batch = write_csv(tmp_path / "a.csv", [HEADER, ROWS[0]], encoding="utf-8")
    before = snapshot(folder)
    holder = hold(folder, "govinfo import 八月.xlsx")
    try:
        proc = cli(folder, "import", str(batch), GOVINFO_LOCK_WAIT="0")
        assert proc.returncode == 1, proc.stderr
        assert f"pid {holder.pid}" in proc.stderr
        assert "govinfo import 八月.xlsx" in proc.stderr
        assert snapshot(folder) == before
        assert commits(folder) == 1
        # A second writer with time to wait goes in as soon as the holder is done: once it is
        # at the lock, it is still running (waiting) for as long as the holder holds it.
        waiter = subprocess.Popen(
            cli_args(folder, "import", str(batch)),
            cwd=PROJECT,
            env=cli_env(GOVINFO_LOCK_WAIT="60"),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        if sys.platform.startswith("linux"):
            assert at_the_lock(waiter)
        assert waiter.poll() is None  # waiting, not done
        assert commits(folder) == 1
    finally:
        release(holder)
    _out, err = waiter.communicate(timeout=60)
    assert waiter.returncode == 0, err
    # while it waited, it said so, naming the holder (a silent wait looks like a hang)
    assert (
        f"another govinfo is writing to this data folder (process {holder.pid}: govinfo import "
        "八月.xlsx); waiting for it to finish" in err
    )
    assert commits(folder) == 2
    assert status(folder) == ""


def test_two_imports_at_once_both_land_one_after_the_other(folder: Path, tmp_path: Path) -> None:
    a = write_csv(tmp_path / "a.csv", [HEADER, ROWS[0], ROWS[1]], encoding="utf-8")
    b = write_csv(tmp_path / "b.csv", [HEADER, ROWS[2], ROWS[3]], encoding="utf-8")
    procs = [
        subprocess.Popen(
            cli_args(folder, "import", str(batch)),
            cwd=PROJECT,
            env=cli_env(GOVINFO_LOCK_WAIT="60"),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for batch in (a, b)
    ]
    for proc in procs:
        _out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    assert commits(folder) == 3
    assert status(folder) == ""
    loaded = load_folder(folder)
    assert loaded.problems == []
    assert len(loaded.folder.submissions) == 4


def test_a_reader_reads_while_a_live_writer_is_in_its_write(folder: Path) -> None:
    holder = hold(folder, "govinfo import 九月.xlsx", journal=True)
    try:
        result = LineRunner().invoke(
            app, ["--data", str(folder), "--lang", "en", "check"], env={"GOVINFO_LOCK_WAIT": "0.2"}
        )
    finally:
        release(holder)
    assert result.exit_code == 0, result.output
    assert f"another govinfo is writing the data folder (pid {holder.pid}" in result.stderr


WRITER = textwrap.dedent(
    """
    import hashlib, json, sys
    from pathlib import Path
    from govinfo.cli.main import app

    root, batches = Path(sys.argv[1]), sys.argv[2:]
    for batch in batches:
        try:
            app(["--data", str(root), "import", batch], prog_name="govinfo")
        except SystemExit as exc:
            assert not exc.code, exc.code
        versions = {
            p.relative_to(root).as_posix(): [hashlib.sha256(p.read_bytes()).hexdigest(),
                                             p.stat().st_size]
            for p in root.rglob("*.yaml")
        }
        print("VERSIONS", json.dumps(versions), flush=True)
    """
)


def test_readers_see_whole_files_while_another_process_imports(
    folder: Path, tmp_path: Path
) -> None:
    """One process imports batch after batch into the same big month files; this one reads
    them all the while. Every file read is one of the versions the writer made, whole, and
    parses clean; every ``check`` in between is clean."""
    months = ["submissions/2003/changchun/08.yaml", "submissions/2003/siping/08.yaml"]
    for rel, point in zip(months, ("changchun", "siping"), strict=True):
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        records = [
            f"- id: {point}-2003-{n:04d}\n  date: 2003-08-01\n  title: 原有信息第{n}条"
            f"{'，内容较长' * 20}\n  category: general\n  reviewer: 王明\n"
            for n in range(1, 601)
        ]
        path.write_text("".join(records), encoding="utf-8")
    commit_all(folder, "big month files")
    rounds = 12 if LONG else 4
    batches = []
    for r in range(rounds):
        rows = [
            [str(1), "长春", f"2003-8-{r + 2}", f"长春第{r}批信息", "综合", "王明"],
            [str(2), "四平", f"2003-8-{r + 2}", f"四平第{r}批信息", "综合", "李四"],
        ]
        batches.append(str(write_csv(tmp_path / f"b{r}.csv", [HEADER, *rows], encoding="utf-8")))

    def version(rel: str) -> tuple[str, int]:
        data = (folder / rel).read_bytes()
        return hashlib.sha256(data).hexdigest(), len(data)

    known = {rel: {version(rel)} for rel in months}
    sizes: set[tuple[str, int]] = set()  # every size seen, sampled as often as a stat allows
    seen: dict[tuple[str, str], bytes] = {}  # every distinct content read
    last = dict.fromkeys(months, -1)
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(folder), *batches],
        cwd=PROJECT,
        env=cli_env(GOVINFO_LOCK_WAIT="60"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    reads = checks = next_check = 0
    while writer.poll() is None:
        for rel in months:
            size = os.stat(folder / rel).st_size
            sizes.add((rel, size))
            if size != last[rel] or reads % 50 == 0:
                data = (folder / rel).read_bytes()
                seen.setdefault((rel, hashlib.sha256(data).hexdigest()), data)
                last[rel] = size
            reads += 1
        if reads >= next_check:  # at once, then every 20,000 reads: however fast the writer
            result = LineRunner().invoke(app, ["--data", str(folder), "check"])
            assert result.exit_code == 0, result.output
            checks += 1
            next_check = reads + 20000
    out, err = writer.communicate()
    assert writer.returncode == 0, err
    for line in out.splitlines():
        if not line.startswith("VERSIONS "):
            continue  # the import's own summary
        for rel, (digest, size) in json.loads(line.removeprefix("VERSIONS ")).items():
            known.setdefault(rel, set()).add((digest, size))
    torn_sizes = {(rel, size) for rel, size in sizes if size not in {s for _, s in known[rel]}}
    assert torn_sizes == set()
    torn = {
        (rel, len(data)) for (rel, d), data in seen.items() if d not in {k for k, _ in known[rel]}
    }
    assert torn == set()
    for (rel, _digest), data in seen.items():
        parsed = parse_file(rel, data)
        assert not [p for p in parsed.problems if p.is_error], parsed.problems
    assert reads >= 10
    assert checks >= 1
    assert commits(folder) == 2 + rounds
    assert status(folder) == ""
    assert git(folder, "log", "-1", "--format=%s").startswith("导入")


@pytest.mark.skipif(sys.platform == "win32", reason="flock")
def test_the_lock_is_the_kernels_not_a_file_that_says_so(folder: Path, tmp_path: Path) -> None:
    """A lock file left with a live-looking holder in it does not block: only a held flock does."""
    from govinfo.store.write import locate

    lock = locate(folder).lock_path
    lock.parent.mkdir(parents=True, exist_ok=True)
    lock.write_text(json.dumps({"pid": 1, "host": "x", "command": "govinfo import", "started": ""}))
    batch = write_csv(tmp_path / "a.csv", [HEADER, ROWS[0]], encoding="utf-8")
    proc = cli(folder, "import", str(batch), GOVINFO_LOCK_WAIT="0")
    assert proc.returncode == 0, proc.stderr
