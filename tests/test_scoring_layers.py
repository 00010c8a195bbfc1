"""The pure scoring layers import no CLI, terminal or YAML library, nothing above them and no
words (``govinfo.i18n``: render phrases their data)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "govinfo"
FORBIDDEN = {
    "rules": (
        "typer",
        "rich",
        "yaml",
        "tabulate",
        "govinfo.cli",
        "govinfo.render",
        "govinfo.reports",
        "govinfo.load",
        "govinfo.store",
        "govinfo.i18n",
    ),
    "reports": (
        "typer",
        "rich",
        "yaml",
        "tabulate",
        "govinfo.cli",
        "govinfo.render",
        "govinfo.load",
        "govinfo.store",
        "govinfo.i18n",
    ),
}


def imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_pure_layers_stay_pure(layer: str) -> None:
    bad = [
        f"{path.name} imports {name}"
        for path in sorted((PACKAGE / layer).glob("*.py"))
        for name in imports(path)
        if any(name == b or name.startswith(b + ".") for b in FORBIDDEN[layer])
    ]
    assert bad == []
