"""The layering contract (pyproject.toml, README "For maintainers") holds: each contract is
checked by import-linter itself, as `.ci/run` does with `lint-imports`."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from importlinter.application.use_cases import lint_imports
from importlinter.configuration import configure

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "pyproject.toml"
CONTRACTS = tomllib.loads(CONFIG.read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]

# Contracts that wait for work not yet landed, with the imports that break them (strict: the day
# they hold, this test fails until the entry is removed). Empty: every contract holds.
PENDING: dict[str, str] = {}


@pytest.mark.parametrize(
    "contract",
    [
        pytest.param(
            c["id"],
            marks=[pytest.mark.xfail(reason=PENDING[c["id"]], strict=True)]
            if c["id"] in PENDING
            else [],
        )
        for c in CONTRACTS
    ],
)
def test_contract_holds(contract: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    configure()
    assert lint_imports(
        config_filename=str(CONFIG), limit_to_contracts=(contract,), cache_dir=None, no_logo=True
    )


def test_every_package_has_its_place_in_the_contract() -> None:
    """A new package must be placed in the layering, not slip past it."""
    named = CONFIG.read_text(encoding="utf-8")
    packages = sorted(
        p.parent.name for p in (ROOT / "govinfo").glob("*/__init__.py") if p.parent.name
    )
    assert "app" in packages
    missing = [p for p in packages if f'"govinfo.{p}' not in named]
    assert missing == []
