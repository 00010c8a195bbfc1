"""The command line read before Click (govinfo.argv): one reader of an option's value and of
the folder a command will most likely open, for the start-up listing, the help's language and
a Ctrl-C's line — taking a value as Click does."""

from __future__ import annotations

from pathlib import Path

import pytest

from govinfo.argv import asked_language, folder_guess, option_value
from govinfo.defaults import SETTINGS_FILE


def test_an_option_s_value_is_the_last_given_before_a_double_dash() -> None:
    assert option_value(["--lang", "en", "score", "2003"], "--lang") == "en"
    assert option_value(["--lang=en"], "--lang") == "en"
    assert option_value(["--lang", "zh", "--lang=en"], "--lang") == "en"  # as Click takes it
    assert option_value(["--lang", "en", "--", "--lang", "zh"], "--lang") == "en"
    assert option_value(["--", "--lang", "en"], "--lang") is None
    assert option_value(["--lang"], "--lang") is None  # no value to take
    assert option_value(["--language", "en"], "--lang") is None


def test_the_language_asked_is_the_last_lang_that_is_one() -> None:
    """For the help and a Ctrl-C's line: ``--lang en --lang fr`` asked for English (the fr is
    the usage error Click reports, in English); case as --lang takes it."""
    assert asked_language(["--lang", "EN", "score"]) == "en"
    assert asked_language(["--lang", "zh", "--lang", "en"]) == "en"
    assert asked_language(["--lang", "en", "--lang", "fr", "score"]) == "en"
    assert asked_language(["--lang", "fr"]) is None
    assert asked_language(["score", "2003"]) is None


def test_the_folder_guessed_follows_data_the_environment_then_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert folder_guess(["--data", "a", "score"], {"GOVINFO_DATA": "b"}) == "a"
    assert folder_guess(["score"], {"GOVINFO_DATA": "b"}) == "b"
    assert folder_guess(["score"], {}) == "."
    (tmp_path / "data").mkdir()
    assert folder_guess(["score"], {}) == "."  # ./data without its settings file
    (tmp_path / "data" / SETTINGS_FILE).write_text("format: 1\n", encoding="utf-8")
    assert folder_guess(["score"], {}) == "data"
