"""Session: the folder located, an interrupted write finished, settings and language — once."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from govinfo.app.options import Quiet, RunOptions
from govinfo.app.session import Session
from govinfo.errors import DataError
from govinfo.i18n import get_lang
from govinfo.load import WorkingTree
from govinfo.rules.annual import YearScore
from tests.support.folders import MakeFolder
from tests.support.paths import FIXTURES


def test_the_folder_language_applies_unless_lang_is_given(folder: Path) -> None:
    (folder / "govinfo.yaml").write_text("format: 1\nlanguage: en\n", encoding="utf-8")
    Session(RunOptions(data=folder), Quiet())
    assert get_lang() == "en"
    Session(RunOptions(data=folder, lang="zh"), Quiet())
    assert get_lang() == "zh"


def test_a_missing_folder_is_refused_naming_it(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="nowhere"):
        Session(RunOptions(data=tmp_path / "nowhere"), Quiet())


def test_a_folder_with_errors_is_refused_but_scanned(make_folder: MakeFolder) -> None:
    root = make_folder({"points.yaml": "- id: x\n  name: [\n"})
    session = Session(RunOptions(data=root), Quiet())
    with pytest.raises(DataError):
        session.load(())
    assert session.scan().errors >= 1


def test_a_warm_score_equals_a_cold_one(tmp_path: Path) -> None:
    import shutil

    root = tmp_path / "data"
    shutil.copytree(FIXTURES / "scoring", root)
    day = dt.date(2003, 12, 31)
    cold = Session(RunOptions(data=root, no_cache=True), Quiet()).score(2003, day)
    first = Session(RunOptions(data=root), Quiet()).score(2003, day)
    warm = Session(RunOptions(data=root), Quiet()).score(2003, day)
    assert cold == first == warm
    assert cold.events == {}


def test_a_stored_result_is_finished_early_but_given_only_while_it_holds(tmp_path: Path) -> None:
    """A warm run works out what the command shows from the stored result while the folder is
    being listed; once a file has changed (here in place: the same size and mtime), that
    early answer is thrown away and the one computed from the files is given."""
    import os
    import shutil
    import time

    root = tmp_path / "data"
    shutil.copytree(FIXTURES / "scoring", root)
    adjustments = root / "adjustments" / "2003.yaml"
    os.utime(adjustments, (1_000_000_000, 1_000_000_000))
    time.sleep(0.1)  # older than the racy rule's ctime tick
    day = dt.date(2003, 12, 31)
    finished: list[Decimal] = []

    def total(result: YearScore) -> Decimal:
        finished.append(sum((s.score for s in result.standings), Decimal(0)))
        return finished[-1]

    Session(RunOptions(data=root), Quiet()).score(2003, day)
    warm = Session(RunOptions(data=root), Quiet()).score(2003, day, total)
    assert finished == [warm]
    adjustments.write_text(
        adjustments.read_text(encoding="utf-8").replace("points: 17", "points: 27"),
        encoding="utf-8",
    )
    os.utime(adjustments, (1_000_000_000, 1_000_000_000))
    time.sleep(0.1)
    finished.clear()
    fresh = Session(RunOptions(data=root), Quiet()).score(2003, day, total)
    assert finished == [warm, fresh]
    assert fresh == warm + 10
    assert fresh == Session(RunOptions(data=root, no_cache=True), Quiet()).score(2003, day, total)


class Reads(WorkingTree):
    """The working tree, keeping which files were read."""

    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self.read_paths: list[str] = []

    def read(self, path: str) -> bytes:
        self.read_paths.append(path)
        return super().read(path)


def test_an_excerpt_never_reads_a_file_over_the_limit(
    make_folder: MakeFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``check`` shows an excerpt under a problem, but a file over ``GOVINFO_MAX_FILE_MB`` (here
    a misplaced one, reported for its place) is never read for it; a small one is."""
    monkeypatch.setenv("GOVINFO_MAX_FILE_MB", "1")
    root = make_folder()
    big = root / "submissions" / "2003" / "changchun" / "big.yaml"
    big.parent.mkdir(parents=True, exist_ok=True)
    with big.open("wb") as f:
        f.truncate(2 * 1024 * 1024)
    (root / "stray.yaml").write_text("- id: x\n", encoding="utf-8")
    session = Session(RunOptions(data=root), Quiet())
    session.source = source = Reads(root)
    line = session.source_lines()
    assert line("submissions/2003/changchun/big.yaml", 1) is None
    assert line("stray.yaml", 1) == "- id: x"
    assert source.read_paths == ["stray.yaml"]


def test_the_settings_are_kept_while_their_file_is_unchanged(tmp_path: Path) -> None:
    """With the cache, the settings read from govinfo.yaml are kept with the results under the
    file's stat key, and served while it is unchanged (a planted answer shows it); an edit is
    read at once (its key is another), and without the cache the file is always read."""
    import os
    import time

    from govinfo.load.cache import settings_key
    from govinfo.load.stamps import CTIME_TICK_NS
    from govinfo.model import Settings

    root = tmp_path / "data"
    root.mkdir()
    settings = root / "govinfo.yaml"
    settings.write_text("format: 1\nlanguage: en\noffice: 甲\n", encoding="utf-8")
    os.utime(settings, (1_000_000_000, 1_000_000_000))
    key = settings_key(root)
    age = time.time_ns() - settings.stat().st_ctime_ns  # at least its age when asked
    assert key is None or age >= CTIME_TICK_NS  # its ctime is now: too new to trust
    time.sleep(0.1)  # older than the racy rule's ctime tick
    key = settings_key(root)
    assert key is not None
    first = Session(RunOptions(data=root), Quiet())
    assert first.settings.office == "甲"
    assert first.results.get("settings", key, Settings) == first.settings
    first.results.put("settings", key, Settings(office="乙", language="en"))
    assert Session(RunOptions(data=root), Quiet()).settings.office == "乙"
    assert Session(RunOptions(data=root, no_cache=True), Quiet()).settings.office == "甲"
    settings.write_text("format: 1\nlanguage: zh\noffice: 丙\n", encoding="utf-8")
    assert Session(RunOptions(data=root), Quiet()).settings.office == "丙"
    assert get_lang() == "zh"


def test_a_run_answered_from_the_caches_reads_no_yaml(tmp_path: Path) -> None:
    """A warm answer imports no YAML reader at all (neither the settings nor the result read
    any YAML): measured with -X importtime in a process of its own."""
    import os
    import shutil
    import subprocess
    import sys
    import time

    root = tmp_path / "data"
    shutil.copytree(FIXTURES / "scoring", root)
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            os.utime(Path(dirpath) / name, (1_000_000_000, 1_000_000_000))
    time.sleep(0.1)  # older than the racy rule's ctime tick
    command = [sys.executable, "-X", "importtime", "-m", "govinfo", "--data", str(root)]
    command += ["score", "2003", "--format", "json"]
    cold = subprocess.run(command, capture_output=True, text=True, check=True)
    warm = subprocess.run(command, capture_output=True, text=True, check=True)
    assert warm.stdout == cold.stdout
    assert "| yaml\n" in cold.stderr
    assert "| yaml\n" not in warm.stderr
