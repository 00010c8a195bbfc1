"""govinfo.regular.read_regular: a regular file's bytes, whole, in as few reads as its size
allows; nothing else opened."""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

import pytest

from govinfo.regular import FileTooLarge, NotRegularFile, read_regular


@pytest.mark.parametrize("size", [0, 1, 700, 65_535, 65_536, 65_537, 3 * 1024 * 1024 + 5])
def test_a_file_is_read_whole(tmp_path: Path, size: int) -> None:
    data = os.urandom(size)
    path = tmp_path / "f.yaml"
    path.write_bytes(data)
    assert read_regular(path) == data
    assert read_regular(str(path), limit=size) == data


def test_a_file_over_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_bytes(b"x" * 101)
    with pytest.raises(FileTooLarge):
        read_regular(path, limit=100)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="no /proc")
def test_a_file_whose_size_says_nothing_is_read_to_its_end() -> None:
    """/proc's files are regular with a size of 0: the first read is too short for them."""
    assert os.stat("/proc/self/status").st_size == 0
    text = read_regular("/proc/self/status")
    assert text.startswith(b"Name:")
    assert b"\nPid:" in text


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX links and pipes")
def test_links_pipes_and_folders_are_refused(tmp_path: Path) -> None:
    target = tmp_path / "t.yaml"
    target.write_bytes(b"- id: x\n")
    (tmp_path / "link.yaml").symlink_to(target)
    with pytest.raises(OSError, match=r"link\.yaml") as link:
        read_regular(tmp_path / "link.yaml")
    assert link.value.errno == errno.ELOOP  # O_NOFOLLOW: the link is not followed
    os.mkfifo(tmp_path / "pipe.yaml")
    with pytest.raises(NotRegularFile):
        read_regular(tmp_path / "pipe.yaml")  # at once: no writer is waited for
    with pytest.raises(NotRegularFile):
        read_regular(tmp_path)
