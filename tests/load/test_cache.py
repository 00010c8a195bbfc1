"""The parse cache: same records as a fresh parse, never hides a problem, survives corruption."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govinfo.cli.main import app
from govinfo.load import cache, load_folder, parsecache
from govinfo.load.parsecache import ParseCache
from govinfo.load.sources import WorkingTree
from tests.support.aging import age, wait_out_ctime
from tests.support.folders import MakeFolder

SUB = "submissions/2003/siping/05.yaml"
ONE = "- id: sp-1\n  date: 2003-05-01\n  title: 四平市春耕备耕\n  category: general\n  reviewer: 李四\n"
BAD = "- id: sp-1\n  date: 2003-05-01\n  title: 四平市春耕备耕\n  category: generl\n  reviewer: 李四\n"


def load(root: Path, cache: ParseCache) -> tuple[object, list[str]]:
    result = load_folder(WorkingTree(root), cache=cache)
    return result.folder, [str(p) for p in result.problems]


def test_cache_hit_gives_the_same_records(make_folder: MakeFolder, tmp_path: Path) -> None:
    root = make_folder({SUB: ONE})
    age(root)
    first = ParseCache(root, tmp_path / "cache")
    folder1, problems1 = load(root, first)
    assert first.misses == 1
    second = ParseCache(root, tmp_path / "cache")
    folder2, problems2 = load(root, second)
    assert second.hits == 3  # points.yaml, the rule set and the month file
    assert second.misses == 0
    assert folder1 == folder2
    assert problems1 == []
    assert problems2 == []


def test_changed_file_is_parsed_again(make_folder: MakeFolder, tmp_path: Path) -> None:
    root = make_folder({SUB: ONE})
    age(root)
    load(root, ParseCache(root, tmp_path / "cache"))
    (root / SUB).write_text(ONE.replace("春耕备耕", "防汛抗旱"), encoding="utf-8")
    age(root, 1_000_000_100)  # same size, same inode: only the mtime tells
    cache = ParseCache(root, tmp_path / "cache")
    folder, _ = load(root, cache)
    assert cache.misses == 1
    assert folder.submissions[0].title == "四平市防汛抗旱"  # type: ignore[attr-defined]


def test_a_changed_month_file_writes_only_its_months_pack(
    make_folder: MakeFolder, tmp_path: Path
) -> None:
    """A year's parsed files are kept a pack a month (an import into August writes August's
    pack again, not the year's); a file not named for a month goes in the year's ``other``."""
    july = "submissions/2003/siping/07.yaml"
    root = make_folder({SUB: ONE, july: ONE.replace("05-01", "07-01").replace("sp-1", "sp-2")})
    age(root)
    packs = tmp_path / "cache"
    load(root, ParseCache(root, packs))
    written = {f.name: f.stat().st_mtime_ns for f in packs.glob("2003-*.pack")}
    assert set(written) == {"2003-05.pack", "2003-07.pack"}
    (packs / "2003.pack").write_bytes(b"a year's one pack, as cache format 4 kept it")
    (root / SUB).write_text(ONE.replace("春耕备耕", "防汛抗旱"), encoding="utf-8")
    os.utime(root / SUB, (1_000_000_100, 1_000_000_100))  # July's file left as it was
    wait_out_ctime()
    reread = ParseCache(root, packs)
    load(root, reread)
    assert reread.misses == 1
    again = {f.name: f.stat().st_mtime_ns for f in packs.glob("2003-*.pack")}
    assert [name for name in written if again[name] != written[name]] == ["2003-05.pack"]
    assert not (packs / "2003.pack").exists()  # no longer read: not left behind
    assert ParseCache(root, packs).lookup(july, (root / july).stat()) is not None
    assert parsecache._part_of("submissions/2003/siping/notes.yaml") == "other"


def test_a_file_with_problems_is_never_cached(make_folder: MakeFolder, tmp_path: Path) -> None:
    root = make_folder({SUB: BAD})
    age(root)
    _, problems1 = load(root, ParseCache(root, tmp_path / "cache"))
    cache = ParseCache(root, tmp_path / "cache")
    _, problems2 = load(root, cache)
    assert cache.lookup(SUB, (root / SUB).stat()) is None  # the month file with the problem
    assert problems1 == problems2
    assert len(problems2) == 1


def test_corrupt_pack_is_ignored_and_rebuilt(make_folder: MakeFolder, tmp_path: Path) -> None:
    root = make_folder({SUB: ONE})
    age(root)
    load(root, ParseCache(root, tmp_path / "cache"))
    (tmp_path / "cache" / "2003-05.pack").write_bytes(b"\x00garbage\xff")
    cache = ParseCache(root, tmp_path / "cache")
    _, problems = load(root, cache)
    assert problems == []
    assert cache.misses == 1
    assert ParseCache(root, tmp_path / "cache").lookup(SUB, (root / SUB).stat()) is not None


def test_cli_uses_cache_under_git_dir_and_no_cache_bypasses(
    make_folder: MakeFolder, runner: CliRunner
) -> None:
    root = make_folder({SUB: ONE})
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    age(root)
    assert runner.invoke(app, ["--data", str(root), "check"]).exit_code == 0
    packs = list((root / ".git" / "govinfo" / "cache").rglob("2003-05.pack"))
    assert len(packs) == 1
    packs[0].unlink()
    assert runner.invoke(app, ["--data", str(root), "--no-cache", "check"]).exit_code == 0
    assert not packs[0].exists()
    status = subprocess.run(
        ["git", "status", "--porcelain", "--ignored"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    )
    assert ".git" not in status.stdout


def test_score_result_cache_follows_every_change(
    make_folder: MakeFolder, runner: CliRunner
) -> None:
    adopted = ONE + "  adoptions:\n    - {publication: jl-zb, date: 2003-05-02, mode: single}\n"
    root = make_folder({SUB: ONE})
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    age(root)

    def run() -> str:
        result = runner.invoke(app, ["--data", str(root), "score", "2003", "--format", "json"])
        assert result.exit_code == 0, result.output
        return result.stdout

    cold = run()
    assert list((root / ".git" / "govinfo" / "cache").rglob("score-2003.result"))
    assert run() == cold
    (root / SUB).write_text(adopted, encoding="utf-8")
    age(root, 1_000_000_100)
    changed = run()
    assert changed != cold
    assert (
        runner.invoke(
            app, ["--data", str(root), "--no-cache", "score", "2003", "--format", "json"]
        ).stdout
        == changed
    )
    # An error planted after a warm run is still refused: the fingerprint changes.
    (root / SUB).write_text(BAD, encoding="utf-8")
    age(root, 1_000_000_200)
    assert runner.invoke(app, ["--data", str(root), "score", "2003"]).exit_code == 1


def test_a_shelf_keeps_an_answer_a_file_the_last_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Shelf keeps each answer in a sealed file of its own, read back by another run under
    the same key only; past SHELF_ENTRIES the answers used longest ago are removed (reading
    one keeps it as if new; what is not a file is left alone, and does not stop the pruning); a
    file whose seal fails is not read."""
    monkeypatch.setattr(cache, "SHELF_ENTRIES", 2)
    results = cache.ResultCache(tmp_path, tmp_path / "c")
    shelf = cache.Shelf(results, "measures")
    assert shelf.get("a" * 64, list[int]) is None
    for n, key in enumerate(("a" * 64, "b" * 64)):
        shelf.put(key, [n])
        os.utime(results.dir / f"measures-{key[:32]}.result", ns=(n * 10**9, n * 10**9))
    again = cache.Shelf(cache.ResultCache(tmp_path, tmp_path / "c"), "measures")
    assert again.get("a" * 64, list[int]) == [0]  # used: now b was used longest ago
    assert again.get("a" * 32 + "b" * 32, list[int]) is None  # the same file, not its key
    (results.dir / "measures-folder.result").mkdir()  # not a file: never counted, never pruned
    os.utime(results.dir / "measures-folder.result", ns=(0, 0))
    again.put("c" * 64, [2])
    assert sorted(p.name for p in results.dir.glob("measures-*")) == [
        f"measures-{'a' * 32}.result",
        f"measures-{'c' * 32}.result",
        "measures-folder.result",
    ]
    assert again.get("b" * 64, list[int]) is None
    kept = results.dir / f"measures-{'c' * 32}.result"
    kept.write_bytes(kept.read_bytes()[:-1] + b"\x00")  # one byte changed: its seal fails
    assert again.get("c" * 64, list[int]) is None


def test_a_memo_keeps_its_answers_in_a_sealed_pack(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Memo's answers are read back by another run (a new Memo on the same folder), the
    ones used longest ago are dropped past MEMO_ENTRIES, and a pack that is not sealed as
    govinfo seals it is never read: the memo starts again empty."""
    monkeypatch.setattr(cache, "MEMO_ENTRIES", 3)
    memo = cache.Memo(cache.ResultCache(tmp_path, tmp_path / "c"), "layouts")
    assert memo.get("a") is None
    for key in "abcd":
        memo.put(key, [3, ord(key)])
    again = cache.Memo(cache.ResultCache(tmp_path, tmp_path / "c"), "layouts")
    assert again.get("a") is None
    assert [again.get(k) for k in "bcd"] == [[3, 98], [3, 99], [3, 100]]
    assert again.get("b") == [3, 98]  # used again: now c was used longest ago
    again.put("e", [3, 101])
    assert cache.Memo(cache.ResultCache(tmp_path, tmp_path / "c"), "layouts").get("c") is None
    pack = tmp_path / "c" / "layouts.result"
    assert pack.stat().st_mode & 0o111 == 0  # a cache file is data: never executable
    pack.write_bytes(pack.read_bytes()[:-1] + b"\x00")  # one byte changed: its seal fails
    assert cache.Memo(cache.ResultCache(tmp_path, tmp_path / "c"), "layouts").get("b") is None
