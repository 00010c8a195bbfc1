"""Session: the folder located, an interrupted write finished, settings and language — once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from govinfo.app.options import Quiet, RunOptions
from govinfo.app.session import Session
from govinfo.errors import DataError
from govinfo.i18n import get_lang
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
