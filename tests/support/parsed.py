"""A copy of the sample that the tests of a module only read, parsed once for them all.

Outside git, a folder's caches live in the user's cache folder, which is each test's own
(``XDG_CACHE_HOME`` under the test's HOME): a module reading one copy of the sample in twenty
tests parsed its 760 files twenty times (0.3–0.5 s of CPU each), where a second run of one
test reads them from the parse cache's packs. :func:`parse_once` parses the copy once into a
cache folder of its own; :func:`lend_packs` puts those packs — the parse cache only: no
result, settings, layout, measure or printed table — in the test's own cache folder before
the test runs, so the test starts as its second run would, and computes, fits and draws all
it shows itself. (The packs hold only what a cold read gives: tests/load/test_cache.py,
tests/app/test_result_caches.py and tests/robustness/test_cache_trust.py hold them to it; a
test of a cold read does not use this.)

A copy in a git repository of its own keeps its caches in the repository (``.git/govinfo``),
where every test of the module finds them: :func:`lend_packs` empties that folder before the
test and puts the packs there alone, as the test's own copy would have them after its first
run. Only tests that change no file of the copy share it so."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.support.aging import wait_out_ctime
from tests.support.cli import LineRunner, run_cli

_PACKS: dict[Path, Path] = {}  # a folder parsed once → the cache folder holding its packs


def parse_once(root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``root``, with its files parsed once (``govinfo check``) into a cache folder of its own,
    for :func:`lend_packs`."""
    cache = tmp_path_factory.mktemp("packs")
    wait_out_ctime()  # files copied this instant are too new for the parse cache to keep
    mp = pytest.MonkeyPatch()
    mp.setenv("XDG_CACHE_HOME", str(cache))
    mp.delenv("GOVINFO_NO_CACHE", raising=False)
    try:
        code, _, err = run_cli(LineRunner(), root, "check")
    finally:
        mp.undo()
    assert code == 0, err
    if _in_git(root):  # the packs set aside, and the repository's caches emptied
        shutil.copytree(_git_caches(root), cache, dirs_exist_ok=True)
        shutil.rmtree(_git_caches(root))
    assert any(cache.rglob("*.pack")), f"{root} left no pack"
    _PACKS[root] = cache
    return root


def lend_packs(root: Path) -> None:
    """Copy the packs :func:`parse_once` made of ``root`` into this test's cache folder — in
    the copy's repository, emptied first, where it has one of its own."""
    cache = _PACKS[root]
    home = Path(os.environ["XDG_CACHE_HOME"])
    if _in_git(root):
        home = _git_caches(root)
        shutil.rmtree(home, ignore_errors=True)
    for pack in cache.rglob("*.pack"):
        target = home / pack.relative_to(cache)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(pack, target)


def _in_git(root: Path) -> bool:
    return (root / ".git").is_dir()


def _git_caches(root: Path) -> Path:
    """Where govinfo keeps the caches of a folder in a repository of its own."""
    return root / ".git" / "govinfo"
