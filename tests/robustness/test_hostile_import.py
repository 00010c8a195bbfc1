"""Hostile input to `govinfo import`: the mapping file, the text in cells, the point names.

Every case ends in "imported" or "problems reported" (exit 0, 1 or 2 with a message); nothing
is ever constructed from a tag, expanded from an alias, or written outside the data folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from govinfo.cli.main import app
from govinfo.load import load_folder
from tests.support.batches import HEADER, ROWS, write_csv
from tests.support.gitrepo import commits, git, snapshot


def run(runner: CliRunner, root: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--data", str(root), "--lang", "en", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


# --- the --mapping file ----------------------------------------------------------------------


def _bomb() -> str:
    text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for i in range(1, 12):
        prev = "a" if i == 1 else f"l{i - 1}"
        text += f"l{i}: &l{i} [" + ",".join(f"*{prev}" for _ in range(9)) + "]\n"
    return text + "columns: {来文单位: *l11}\n"


MAPPINGS = {
    "nesting-10000": ("columns: " + "[" * 10_000 + "\n").encode(),
    "nesting-block-10000": ("columns:\n" + "- " * 10_000 + "x\n").encode(),
    "billion-laughs": _bomb().encode(),
    "python-tag": b"columns: !!python/object/apply:os.system ['touch MARKER']\n",
    "not-utf8": b"columns:\n  \xc3\x28: point\n",
    "binary": bytes(range(256)),
    "scalar": b"just text\n",
    "list-values": b"columns:\n  a: [point, title]\n",
}


@pytest.mark.parametrize("name", list(MAPPINGS))
def test_hostile_mapping_file_is_a_usage_error(
    folder: Path, tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.chdir(tmp_path)
    mapping = tmp_path / "m.yaml"
    mapping.write_bytes(MAPPINGS[name])
    batch = write_csv(tmp_path / "a.csv", [HEADER, ROWS[0]], encoding="utf-8")
    before = snapshot(folder)
    code, _out, err = run(runner, folder, "import", "--mapping", str(mapping), str(batch))
    assert code == 2
    assert "mapping file" in err
    assert not (tmp_path / "MARKER").exists()
    assert snapshot(folder) == before
    assert commits(folder) == 1


# --- the text in cells -------------------------------------------------------------------------

HOSTILE_TITLES = [
    "!!python/object/apply:os.system ['touch MARKER']",
    "*alias 与 &anchor",
    "--- 文档分隔",
    "... 结束",
    "# 不是注释",
    "键: 值",
    "{flow: mapping}",
    "[flow, list]",
    "'单引号' 和 \"双引号\"",
    "yes",
    "010",
    "2003-08-14",
    "null",
    "~",
    "@at `back`",
    "%TAG ! tag:example.com,2000:",
    "反斜杠 \\n 不是换行",
    "行尾空格   ",
    "全角　空格",
]


def test_hostile_titles_are_written_as_text_and_read_back_exactly(
    folder: Path, tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    rows = [HEADER] + [
        [str(i), "长春", f"2003-8-{i + 1}", f"{title}（{i}）", "综合", "王明"]
        for i, title in enumerate(HOSTILE_TITLES)
    ]
    path = tmp_path / "h.csv"
    import csv

    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    code, out, err = run(runner, folder, "import", str(path))
    assert code == 0, out + err
    assert not (tmp_path / "MARKER").exists()
    loaded = load_folder(folder)
    assert loaded.problems == []
    titles = sorted(s.title for s in loaded.folder.submissions)
    assert titles == sorted(f"{title}（{i}）" for i, title in enumerate(HOSTILE_TITLES))
    assert git(folder, "status", "--porcelain", "--untracked-files=all") == ""
