"""Shared fixtures: a git identity and HOME of the test's own, a fixed today, a small valid
data folder to plant faults in, and a CLI runner with a fixed width."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govinfo import defaults

BASE_POINTS = """\
- id: changchun
  name: 长春市人民政府办公厅
  short: 长春
  aliases: [长春市]
  kind: city
  tiers: [provincial, national]
  contact: {name: 王明, phone: "0431-88900001"}
  history:
    - {date: 2001-01-01, event: admitted}
    - {date: 2001-01-01, event: admitted, tier: national}
- id: siping
  name: 四平市人民政府办公厅
  short: 四平
  kind: city
  tiers: [provincial]
  history:
    - {date: 2001-01-01, event: admitted}
- id: fgw
  name: 吉林省发展和改革委员会办公室
  short: 省发展改革委
  kind: department
  tiers: [provincial]
  history:
    - {date: 2001-01-01, event: admitted}
"""


@pytest.fixture(autouse=True)
def _isolated_env(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for var in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{var}_NAME", "测试员")
        monkeypatch.setenv(f"GIT_{var}_EMAIL", "tester@example.org")
    monkeypatch.setenv("GOVINFO_TODAY", "2003-12-31")
    monkeypatch.setenv("COLUMNS", "160")
    monkeypatch.delenv("GOVINFO_DATA", raising=False)
    monkeypatch.delenv("GOVINFO_NO_CACHE", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")


def write_files(root: Path, files: dict[str, str | bytes]) -> None:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")


MakeFolder = Callable[..., Path]


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
def runner() -> CliRunner:
    return CliRunner()


def run_cli(runner: CliRunner, root: Path, *args: str) -> tuple[int, str, str]:
    """``govinfo --data ROOT ARGS`` through the runner: (exit code, stdout, stderr)."""
    from govinfo.cli.main import app

    result = runner.invoke(app, ["--data", str(root), *args])
    return result.exit_code, result.stdout, result.stderr


def compare_golden(path: Path, text: str) -> None:
    """Assert ``text`` equals the golden file; ``GOVINFO_UPDATE_GOLDEN=1`` rewrites it instead."""
    import os

    if os.environ.get("GOVINFO_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")
