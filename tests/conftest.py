"""The one conftest: temporary folders in memory where there is room, a git identity and HOME
of the test's own, a fixed today, the small valid data folder to plant faults in (bare, or
committed in a repository), a bare repository, a CLI runner, and the sample's notices made once.
Helpers that tests import live in ``tests/support/``."""

from __future__ import annotations

import gc
import os
import signal
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from govinfo import defaults
from tests.support import notices
from tests.support.cli import LineRunner
from tests.support.folders import BASE_POINTS, MakeFolder, write_files
from tests.support.gitrepo import commit_all, git

IN_MEMORY = Path("/dev/shm")
IN_MEMORY_ROOM = 4 << 30  # three runs' folders kept by pytest (~300 MB each), and to spare


def pytest_configure(config: pytest.Config) -> None:
    _ctrl_c_as_at_a_terminal()
    _temporary_folders_in_memory(config)
    _bytecode_kept()


def _temporary_folders_in_memory(config: pytest.Config) -> None:
    """The suite's temporary folders in memory, where the machine has a memory file system
    with room (Linux's ``/dev/shm``): the suite writes thousands of files and syncs each to
    disk as the program must (atomic writes, journals, commits) — on a shared virtual disk
    most of its time, in memory next to none. ``--basetemp``, ``PYTEST_DEBUG_TEMPROOT`` or
    ``TMPDIR`` chooses otherwise."""
    chosen = config.option.basetemp or os.environ.get("PYTEST_DEBUG_TEMPROOT")
    if chosen or os.environ.get("TMPDIR"):
        return
    try:
        room = os.statvfs(IN_MEMORY)
    except (AttributeError, OSError):  # no statvfs (Windows), no such folder
        return
    if room.f_bavail * room.f_frsize >= IN_MEMORY_ROOM and os.access(IN_MEMORY, os.W_OK):
        os.environ["TMPDIR"] = tempfile.tempdir = str(IN_MEMORY)  # xdist's workers too


def _bytecode_kept() -> None:
    """Bytecode kept in ``__pycache__`` (ignored by git), also where the machine asks Python
    to write none (``PYTHONDONTWRITEBYTECODE``): otherwise the hundreds of interpreters a run
    starts (xdist's workers, a zygote a worker, the runs that need a fresh interpreter, a
    nested pytest) each compile govinfo from source again, and each worker rewrites every test
    module's asserts again — 5 s of CPU a worker before its first test, on every run. Python
    checks a cached module against its source (pytest by the source's hash), as it always
    does; govinfo's build stamp leaves ``__pycache__`` out (``load.stamps.tree_stamps``)."""
    if os.environ.pop("PYTHONDONTWRITEBYTECODE", None) is not None:  # xdist's workers too
        sys.dont_write_bytecode = False


def _ctrl_c_as_at_a_terminal() -> None:
    """Ctrl-C (SIGINT) raising KeyboardInterrupt, as at a terminal, also when the suite was
    started in the background: a shell starts those with SIGINT ignored, which the workers,
    the suite's zygote and every run in them would inherit, and the tests of Ctrl-C would see
    their signal ignored."""
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests reading the sample's notices (``notices.GROUP``) first, together: xdist hands
    each worker a run of consecutive tests to start with, so one worker makes the notices once
    for all of them (and the slowest-made fixture starts first rather than last)."""
    items.sort(key=lambda item: item.get_closest_marker("xdist_group") is None)


def pytest_collection_finish(session: pytest.Session) -> None:
    """The collected suite (modules, tests, their marks) set aside from the garbage collector:
    each of a worker's thousands of collections walked every object it had collected (8 s of
    the suite's CPU; about 6 s less in paired runs of the whole suite). Its thresholds stay
    Python's: collecting less often kept more memory, and forking a larger worker (the
    terminal tests, the zygote) cost more than it saved."""
    gc.collect()
    gc.freeze()


def _home_of_its_own(monkeypatch: pytest.MonkeyPatch, home: Path) -> None:
    """HOME, the cache folder and git's identity and settings of the suite's own, and parsing
    in this process (xdist already runs a test on each core: a cold load forking parse workers
    as well only oversubscribes them; tests/load/test_parallel.py forks on purpose)."""
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    # no background housekeeping after each of the suite's ~400 commits (a git run each)
    monkeypatch.setenv("GIT_CONFIG_COUNT", "1")
    monkeypatch.setenv("GIT_CONFIG_KEY_0", "maintenance.auto")
    monkeypatch.setenv("GIT_CONFIG_VALUE_0", "false")
    for var in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{var}_NAME", "测试员")
        monkeypatch.setenv(f"GIT_{var}_EMAIL", "tester@example.org")
    monkeypatch.setenv("GOVINFO_JOBS", "1")


@pytest.fixture(scope="session", autouse=True)
def _session_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The fixtures made once a module or a session run before any test's own environment
    (:func:`_isolated_env`): they get a home of the suite's own too — they wrote their parse
    caches into the user's cache folder (460 MB of it on a developer's machine) and forked
    parse workers beside xdist's."""
    monkeypatch = pytest.MonkeyPatch()
    _home_of_its_own(monkeypatch, tmp_path_factory.mktemp("session-home"))
    yield
    monkeypatch.undo()


@pytest.fixture(autouse=True)
def _isolated_env(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    _home_of_its_own(monkeypatch, tmp_path_factory.mktemp("home"))
    monkeypatch.setenv("GOVINFO_TODAY", "2003-12-31")
    monkeypatch.setenv("COLUMNS", "160")
    monkeypatch.delenv("GOVINFO_DATA", raising=False)
    monkeypatch.delenv("GOVINFO_NO_CACHE", raising=False)
    monkeypatch.delenv("GOVINFO_CRASH_AT", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    # each test starts in the program's default language: a command run in-process before it
    # (--lang en) must not leave English to a test of the render layer that assumes zh
    from govinfo.i18n import set_lang

    set_lang("zh")


@pytest.fixture
def make_folder(tmp_path: Path) -> MakeFolder:
    """A valid small folder (settings, default rules, three points) plus ``files``."""

    def make(files: dict[str, str | bytes] | None = None, *, name: str = "data") -> Path:
        root = tmp_path / name
        base: dict[str, str | bytes] = {
            "govinfo.yaml": "format: 1\noffice: 吉林省人民政府办公厅\nprovince: 吉林省\nlanguage: zh\n",
            "rules/default.yaml": defaults.DEFAULT_RULES_YAML,
            "points.yaml": BASE_POINTS,
        }
        base.update(files or {})
        write_files(root, base)
        return root

    return make


@pytest.fixture
def folder(make_folder: MakeFolder) -> Path:
    """The small valid folder, in its own git repository, committed."""
    root = make_folder()
    git(root, "init", "-q")
    commit_all(root)
    return root


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository with one commit holding ``govinfo.yaml``."""
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q")
    (root / "govinfo.yaml").write_text("format: 1\noffice: 省政府办公厅信息处\n", encoding="utf-8")
    commit_all(root)
    return root


@pytest.fixture
def runner() -> CliRunner:
    return LineRunner()


@pytest.fixture(scope="session")
def sample_reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The sample's notices, statements and JSON, made once a test process and only read
    (:func:`tests.support.notices.make`)."""
    return notices.make(tmp_path_factory)
