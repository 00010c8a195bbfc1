"""Parsing on all cores yields exactly what parsing in-process yields, problems included."""

from __future__ import annotations

import sys

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
