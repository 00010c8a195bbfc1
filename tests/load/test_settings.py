"""govinfo/settings: environment variables read when asked, one cache folder for every user."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from govinfo import settings
from govinfo.load.cache import cache_dir
from govinfo.store.place import locate


def test_variables_are_read_at_call_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOVINFO_MAX_FILE_MB", "2")
    assert settings.max_file_bytes() == 2 * 1024 * 1024
    for bad in ("not a number", "nan", "inf", "-5", "0"):  # never a traceback, never "refuse all"
        monkeypatch.setenv("GOVINFO_MAX_FILE_MB", bad)
        assert settings.max_file_bytes() == 50 * 1024 * 1024
    monkeypatch.setenv("GOVINFO_MAX_IMPORT_MB", "0.5")
    assert settings.max_import_mb() == 0.5
    for bad in ("-1", "nan", "inf", "many"):
        monkeypatch.setenv("GOVINFO_MAX_IMPORT_MB", bad)
        assert settings.max_import_mb() == 20.0
    monkeypatch.setenv("GOVINFO_LOCK_WAIT", "-3")
    assert settings.lock_wait_seconds() == 0.0
    monkeypatch.setenv("GOVINFO_NO_CACHE", "0")
    assert not settings.no_cache()
    monkeypatch.setenv("GOVINFO_NO_CACHE", "1")
    assert settings.no_cache()
    monkeypatch.setenv("GOVINFO_CRASH_AT", "x")
    assert settings.crash_at() is None


def test_the_head_start_is_off_with_its_own_switch_or_without_caches() -> None:
    assert settings.head_start({})
    assert settings.head_start({"GOVINFO_PRELIST": "1", "GOVINFO_NO_CACHE": "0"})
    assert not settings.head_start({"GOVINFO_PRELIST": "0"})
    assert not settings.head_start({"GOVINFO_NO_CACHE": "1"})


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG is the Linux convention")
def test_parse_cache_and_writer_state_share_the_user_cache_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    root = tmp_path / "outside-git"
    root.mkdir()
    base = tmp_path / "xdg" / "govinfo"
    assert settings.user_cache_dir() == base
    assert cache_dir(root).parent == base
    assert locate(root).state_dir.parent == base / "folders"
