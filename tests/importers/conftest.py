"""Fixtures for import tests: a committed data folder, and batch files made on the spot."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import MakeFolder

try:  # the canonical writer lands with the demo branch; until then a stand-in for tests only
    import govinfo.store.emit  # noqa: F401
except ImportError:  # pragma: no cover
    import datetime as _dt
    import sys
    import types
    from enum import Enum

    import yaml

    def _plain(value: object) -> object:
        if isinstance(value, Enum):
            return value.value
        if isinstance(value, _dt.datetime):
            return value.strftime("%Y-%m-%dT%H:%M")
        if isinstance(value, list | tuple):
            return [_plain(v) for v in value]
        return value

    def _emit_list_item(record: dict[str, object]) -> str:
        clean = {k: _plain(v) for k, v in record.items() if v is not None}
        return yaml.safe_dump(
            [clean], allow_unicode=True, sort_keys=False, default_flow_style=False, width=1000
        )

    def _in_field_order(record: dict[str, object], fields: tuple[str, ...]) -> dict[str, object]:
        ordered = {k: record[k] for k in fields if k in record}
        ordered.update({k: v for k, v in record.items() if k not in ordered})
        return ordered

    _stand_in = types.ModuleType("govinfo.store.emit")
    _stand_in.emit_list_item = _emit_list_item  # type: ignore[attr-defined]
    _stand_in.in_field_order = _in_field_order  # type: ignore[attr-defined]
    _stand_in.SUBMISSION_FIELDS = (  # type: ignore[attr-defined]
        "id",
        "date",
        "title",
        "category",
        "co_submitters",
        "solicitation",
        "occurred_at",
        "reported_at",
        "reviewer",
        "classification",
        "adoptions",
        "instructions",
        "flags",
        "note",
    )
    _stand_in.ADOPTION_FIELDS = ("publication", "date", "mode", "issue")  # type: ignore[attr-defined]
    sys.modules["govinfo.store.emit"] = _stand_in


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout


def commit_all(root: Path, message: str = "init") -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)


def commits(root: Path) -> int:
    return int(git(root, "rev-list", "--count", "HEAD").strip())


@pytest.fixture
def folder(make_folder: MakeFolder) -> Path:
    """The small valid folder of the root conftest, in its own git repository, committed."""
    root = make_folder()
    git(root, "init", "-q")
    commit_all(root)
    return root
