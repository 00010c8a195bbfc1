"""A file over ``GOVINFO_MAX_FILE_MB`` is reported and never read — not a byte of it.

Two proofs, each failing when the protection is removed: a source that counts what is read
(``check``'s streaming scan and a whole load must never ask for the file), and ``govinfo check``
in a process whose memory is capped below the size of a sparse multi-GB file, so that reading
the file would end in a MemoryError instead of the size problem.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from govinfo.load import WorkingTree, load_folder
from govinfo.load.folder import scan_folder
from tests.support.folders import MakeFolder

SUB = "submissions/2003/changchun/08.yaml"
POINTS = "points.yaml"


class CountingTree(WorkingTree):
    """The working tree, remembering every path whose bytes were asked for."""

    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self.reads: list[str] = []

    def read(self, path: str) -> bytes:
        self.reads.append(path)
        return super().read(path)


def _oversized(root: Path, path: str) -> None:
    # Invalid YAML as well: a parse of it would add a syntax problem to the size problem.
    (root / path).parent.mkdir(parents=True, exist_ok=True)
    (root / path).write_text("key: [unclosed\n" * 200, encoding="utf-8")


@pytest.mark.parametrize("path", [SUB, POINTS])
def test_scan_and_load_never_read_an_oversized_file(
    make_folder: MakeFolder, monkeypatch: pytest.MonkeyPatch, path: str
) -> None:
    root = make_folder()
    _oversized(root, path)
    monkeypatch.setenv("GOVINFO_MAX_FILE_MB", "0.001")
    for read in (scan_folder, load_folder):
        source = CountingTree(root)
        result = read(source)
        assert path not in source.reads
        assert "govinfo.yaml" in source.reads  # the counting source was the one read
        mine = [p for p in result.problems if p.path == path]
        assert [(p.line, p.col, p.is_error) for p in mine] == [(1, 1, True)]
        assert "GOVINFO_MAX_FILE_MB" in mine[0].message


def _capped_memory() -> None:  # runs in the child before exec
    limit = 1536 * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="sparse files and RLIMIT_AS")
def test_check_reports_a_huge_sparse_file_without_reading_it(
    make_folder: MakeFolder, tmp_path: Path
) -> None:
    root = make_folder()
    huge = root / SUB
    huge.parent.mkdir(parents=True, exist_ok=True)
    with huge.open("wb") as f:
        f.truncate(4 * 1024 * 1024 * 1024)  # 4 GB of holes: no disk used, 4 GB if read
    env = {**os.environ, "GOVINFO_NO_CACHE": "1"}
    env.pop("GOVINFO_MAX_FILE_MB", None)
    proc = subprocess.run(
        [sys.executable, "-m", "govinfo", "--lang", "en", "--data", str(root), "check"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        preexec_fn=_capped_memory,
        check=False,
    )
    out = proc.stdout + proc.stderr
    assert "MemoryError" not in out
    assert "Traceback" not in out
    assert proc.returncode == 1
    assert f"{SUB}:1:1" in out
    assert "4096 MB, over the 50 MB limit; not read" in out
