"""Files made old enough for the caches to trust their times (git's racy rule)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from govinfo.load.stamps import CTIME_TICK_NS


def age(root: Path, past: int = 1_000_000_000) -> None:
    """Make every file under ``root`` old enough for the caches to trust its times: the mtime
    is set in the past; the ctime, which only the kernel sets, is waited out (one tick of its
    clock, :data:`CTIME_TICK_NS`)."""
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            os.utime(Path(dirpath) / name, (past, past))
    wait_out_ctime()


def wait_out_ctime() -> None:
    time.sleep(CTIME_TICK_NS / 1e9 * 1.5)
