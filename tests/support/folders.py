"""The small valid data folder the tests plant faults in: three points, the default rules."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

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


def write_files(root: Path, files: dict[str, str | bytes]) -> None:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")


MakeFolder = Callable[..., Path]


def copy_fixture(name: str, parent: Path) -> Path:
    """A copy of the fixture folder ``tests/fixtures/NAME`` as ``PARENT/data``."""
    import shutil

    from tests.support.paths import FIXTURES

    root = parent / "data"
    shutil.copytree(FIXTURES / name, root)
    return root
