"""Parsing on all cores yields exactly what parsing in-process yields, problems included."""

from __future__ import annotations

import os
import signal
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from govinfo.load import load_folder, parallel, parse_file
from govinfo.load.records import ParsedFile
from tests.support.folders import MakeFolder


def sequential(path: str, data: bytes) -> ParsedFile:
    return parse_file(path, data)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="parallel parsing forks: Linux")
def test_parallel_equals_sequential(
    make_folder: MakeFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    files: dict[str, str | bytes] = {}
    for month in range(1, 13):
        for point in ("changchun", "siping", "fgw"):
            body = "".join(
                f"- id: {point}-{month:02d}-{i}\n  date: 2003-{month:02d}-{i + 1:02d}\n"
                f"  title: 第{i}条信息\n  category: general\n  reviewer: 张三\n"
                for i in range(5)
            )
            if month == 6 and point == "siping":
                body += "- id: bad\n  date: 2003-06-31\n  title: x\n  category: generl\n"
            files[f"submissions/2003/{point}/{month:02d}.yaml"] = body
    # The bad record's id comes back from the worker too: naming it is no further error.
    files["adjustments/2003.yaml"] = (
        "- id: adj-1\n  point: siping\n  date: 2003-07-01\n  kind: inaccurate\n"
        "  reason: 失实\n  submission: bad\n"
    )
    root = make_folder(files)
    monkeypatch.setattr(parallel, "MIN_FILES", 1)
    monkeypatch.setattr(parallel, "workers", lambda: 2)  # whatever the machine's load now
    fast = load_folder(root)
    slow = load_folder(root, parse=sequential)
    assert fast.folder == slow.folder
    assert fast.problems == slow.problems
    assert len(fast.problems) == 3  # impossible date, unknown category, no reviewer


def _twelve_months(make_folder: MakeFolder) -> tuple[Path, list[str]]:
    files: dict[str, str | bytes] = {
        f"submissions/2003/siping/{month:02d}.yaml": (
            f"- id: sp-{month}\n  date: 2003-{month:02d}-02\n  title: 第{month}条\n"
            "  category: general\n  reviewer: 张三\n"
        )
        for month in range(1, 13)
    }
    files["submissions/2003/siping/13.yaml"] = "- id: x\n"  # a problem, sent back too
    return make_folder(files), sorted(files)


def _read_as_in_process(got: dict[str, ParsedFile], root: Path, paths: list[str]) -> None:
    assert sorted(got) == paths
    for path in paths:
        assert got[path] == parse_file(path, (root / path).read_bytes())


def _until_made(mark: Path) -> Callable[[], None]:
    """A ``meanwhile`` that waits until a worker has made ``mark``."""

    def wait() -> None:
        while not mark.exists():
            time.sleep(0.001)

    return wait


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="parallel parsing forks: Linux")
@pytest.mark.parametrize("workers", [1, 2])
def test_the_workers_and_this_process_each_parse_their_pieces_once(
    make_folder: MakeFolder, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, workers: int
) -> None:
    """The workers take the first pieces while this process runs ``meanwhile``, then this
    process takes pieces too: every file comes back, read as in-process, whichever process
    read it."""
    root, paths = _twelve_months(make_folder)
    monkeypatch.setattr(parallel, "CHUNK", 1)
    monkeypatch.setattr(parallel, "workers", lambda: workers)
    here: list[str] = []  # what this process parsed (a worker notes in its own copy)
    parent = os.getpid()
    parse = parallel._parse
    started = tmp_path / "started"

    took = tmp_path / "took"

    def noted(root: Path, piece: list[str]) -> Iterator[ParsedFile]:
        if os.getpid() == parent:
            here.extend(piece)
            took.touch()
        else:
            started.touch()
            # A slow worker: it waits until this process has taken a piece too (however
            # long this process is kept from running), at most 10 s.
            deadline = time.monotonic() + 10
            while not took.exists() and time.monotonic() < deadline:
                time.sleep(0.005)
        return parse(root, piece)

    monkeypatch.setattr(parallel, "_parse", noted)
    got = parallel.parse_many(root, paths, meanwhile=_until_made(started))
    _read_as_in_process(got, root, paths)
    assert here  # this process parsed some pieces
    assert paths[0] not in here  # the first was a worker's


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="parallel parsing forks: Linux")
def test_a_piece_whose_worker_died_is_parsed_here(
    make_folder: MakeFolder, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A worker that dies with a piece it took (killed, out of memory) leaves nobody waiting:
    this process parses that piece itself, and every file comes back."""
    root, paths = _twelve_months(make_folder)
    monkeypatch.setattr(parallel, "CHUNK", 1)
    monkeypatch.setattr(parallel, "workers", lambda: 2)
    parent = os.getpid()
    parse = parallel._parse
    died = tmp_path / "died"

    def dying(root: Path, piece: list[str]) -> Iterator[ParsedFile]:
        if os.getpid() != parent:
            died.touch()
            os.kill(os.getpid(), signal.SIGKILL)
        return parse(root, piece)

    monkeypatch.setattr(parallel, "_parse", dying)
    got = parallel.parse_many(root, paths, meanwhile=_until_made(died))
    _read_as_in_process(got, root, paths)


@pytest.mark.parametrize(
    ("value", "expected"), [("1", 0), ("0", 0), ("3", 3), ("x", None), ("", None)]
)
def test_govinfo_jobs_sets_the_workers(
    monkeypatch: pytest.MonkeyPatch, value: str, expected: int | None
) -> None:
    """``GOVINFO_JOBS=1`` (or 0) parses in-process, ``N`` forks N workers; anything else leaves
    the choice to the machine's cores."""
    monkeypatch.setenv("GOVINFO_JOBS", value)
    monkeypatch.setattr(parallel.sys, "platform", "linux")
    if expected is None:
        monkeypatch.delenv("GOVINFO_JOBS")
        expected = parallel.workers()
        monkeypatch.setenv("GOVINFO_JOBS", value)
    assert parallel.workers() == expected


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="parallel parsing forks: Linux")
def test_a_sigchld_ignored_by_the_caller_still_parses_and_is_put_back(
    make_folder: MakeFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With SIGCHLD ignored (inherited through exec from a caller that ignores it) the kernel
    would reap the workers itself: the parse reaps them here and puts the setting back."""
    root, paths = _twelve_months(make_folder)
    monkeypatch.setattr(parallel, "CHUNK", 1)
    monkeypatch.setattr(parallel, "workers", lambda: 2)
    before = signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    try:
        got = parallel.parse_many(root, paths)
        assert signal.getsignal(signal.SIGCHLD) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGCHLD, before)
    _read_as_in_process(got, root, paths)
