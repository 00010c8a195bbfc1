"""docs/robustness.md cannot drift: every test it names exists, every robustness test is named
in it, and the README points to it."""

from __future__ import annotations

import ast
import functools
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "robustness.md").read_text(encoding="utf-8")
HERE = Path(__file__).resolve().parent

_REF = re.compile(r"`((?:tests/[\w/]+/)?test_\w+\.py)::(test_\w+)`")


@functools.cache
def _tests_in(path: Path) -> frozenset[str]:
    """The test functions ``path`` defines at its top level, read once a test process (the
    table names some files' tests dozens of times)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return frozenset(
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")
    )


def _named() -> set[tuple[Path, str]]:
    refs = set()
    for file, name in _REF.findall(DOC):
        path = ROOT / file if file.startswith("tests/") else HERE / file
        refs.add((path, name))
    return refs


def test_every_test_the_table_names_exists() -> None:
    refs = _named()
    assert len(refs) >= 60
    missing = [
        f"{p.relative_to(ROOT)}::{n}" for p, n in refs if not p.is_file() or n not in _tests_in(p)
    ]
    assert missing == []


def test_every_robustness_test_is_in_the_table() -> None:
    named = _named()
    left_out = [
        f"{path.name}::{name}"
        for path in sorted(HERE.glob("test_*.py"))
        if path.name != Path(__file__).name
        for name in sorted(_tests_in(path))
        if (path, name) not in named
    ]
    assert left_out == []


def test_the_readme_points_to_it() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/robustness.md" in readme
