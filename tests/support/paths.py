"""Where things are: the project, the committed sample folder, the test fixtures and goldens."""

from __future__ import annotations

from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
TESTS = PROJECT / "tests"
SAMPLE = PROJECT / "data"
FIXTURES = TESTS / "fixtures"
GOLDEN = TESTS / "golden"
