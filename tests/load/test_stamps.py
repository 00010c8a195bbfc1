"""The result cache's stamps (govinfo.load.stamps) and the start-up listing
(govinfo.load.prelist): a listing of more years than a command reads gives the very fingerprint
of a listing of just those years; every file, link and odd entry the load would meet is in it;
the start-up child's stamps are taken only when they are the folder's own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from govinfo.load.sources import WorkingTree, wanted
from govinfo.load.stamps import (
    CTIME_TICK_NS,
    bucket,
    bucket_wanted,
    fingerprint,
    stamps,
    tree_stamps,
)
from govinfo.rules.years import YearSpan, scoring_years
from tests.support.paths import SAMPLE

OLD = 1_000_000_000  # a time the racy rule trusts
LATER = 60_000_000_000

segment = st.sampled_from(
    ["2001", "2002", "2003", "2004", "02003", "drafts", "01", "12", "05.yaml", "1x.yaml", "a", "x"]
)
paths = st.lists(segment, min_size=1, max_size=4).map(lambda parts: "/".join(parts))
tree_paths = st.one_of(
    paths.map(lambda p: "submissions/" + p), st.sampled_from(["points.yaml", "rules/a.yaml"])
)
spans = st.builds(
    YearSpan,
    st.frozensets(st.integers(2000, 2005), max_size=3),
    st.dictionaries(
        st.integers(2000, 2005), st.frozensets(st.integers(1, 12), min_size=1, max_size=3)
    ),
)


@given(tree_paths, spans)
@settings(deadline=None)  # a pure function: a loaded machine is no failure
def test_a_files_part_is_read_exactly_when_the_file_is(path: str, span: YearSpan) -> None:
    assert bucket_wanted(bucket(path), span) == wanted(path, span)
    assert bucket_wanted(bucket(path), None)


@given(st.lists(tree_paths, max_size=12))
@example(["submissions/2003/01", "submissions/2003/a/01.yaml"])  # same letters, other depth
@settings(deadline=None)
def test_the_stamps_group_files_by_bucket(listed: list[str]) -> None:
    """stamps() remembers bucket() by the parts of a path it reads: the same parts as
    bucket() of each path, stamped the same as a part of those files alone."""
    one = os.stat(__file__)
    stats = dict.fromkeys(listed, one)
    parts = stamps(stats, {}, now=time.time_ns() + LATER)
    assert set(parts) == {bucket(p) for p in listed}
    for name, stamp in parts.items():
        alone = {p: one for p in listed if bucket(p) == name}
        assert stamps(alone, {}, now=time.time_ns() + LATER) == {name: stamp}


def _plant(root: Path, entries: list[tuple[str, str]]) -> None:
    """Files ("file"), symbolic links ("link") and named pipes ("pipe") at ``entries``'
    paths, where the tree allows (a name already taken is skipped: never written through a
    pipe)."""
    for path, kind in entries:
        target = root / path
        if os.path.lexists(target):
            continue
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            if kind == "file":
                target.write_text("[]\n", encoding="utf-8")
                os.utime(target, (OLD, OLD))
            elif kind == "link":
                target.symlink_to("/nonexistent")
            else:
                os.mkfifo(target)
        except (FileExistsError, NotADirectoryError, IsADirectoryError):
            continue


def _key(tree: WorkingTree, span: YearSpan | frozenset[int] | None, read: YearSpan) -> str | None:
    tree.files(span)
    # As if a minute later: the files were just planted (their ctimes are now).
    return fingerprint(stamps(tree.stats, tree.odd, now=time.time_ns() + LATER), [read], "q")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.tuples(tree_paths, st.sampled_from(["file", "file", "file", "link", "pipe"]))),
    spans,
)
def test_a_wider_listing_gives_the_same_fingerprint(
    entries: list[tuple[str, str]], span: YearSpan
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        _plant(root, entries)
        own = _key(WorkingTree(root), span, span)
        assert own is not None
        assert _key(WorkingTree(root), None, span) == own
        years = frozenset(span) | frozenset(span.edges) | {1990}
        assert _key(WorkingTree(root), years, span) == own


@pytest.mark.parametrize("kind", ["file", "link", "pipe"])
def test_every_entry_the_load_meets_changes_the_fingerprint(tmp_path: Path, kind: str) -> None:
    _plant(tmp_path, [("points.yaml", "file"), ("submissions/2003/a/05.yaml", "file")])
    span = scoring_years(2003)
    before = _key(WorkingTree(tmp_path), span, span)
    _plant(tmp_path, [("submissions/2003/a/06.yaml", kind)])
    assert _key(WorkingTree(tmp_path), span, span) != before


def test_an_entry_of_a_year_not_read_leaves_the_fingerprint(tmp_path: Path) -> None:
    _plant(tmp_path, [("points.yaml", "file"), ("submissions/2003/a/05.yaml", "file")])
    span = scoring_years(2003)
    before = _key(WorkingTree(tmp_path), span, span)
    _plant(tmp_path, [("submissions/2004/a/06.yaml", "file"), ("submissions/1990/a/x", "link")])
    assert _key(WorkingTree(tmp_path), span, span) == before


def test_a_file_too_new_gives_no_fingerprint(tmp_path: Path) -> None:
    _plant(tmp_path, [("points.yaml", "file"), ("submissions/2003/a/05.yaml", "file")])
    os.utime(tmp_path / "submissions" / "2003" / "a" / "05.yaml")  # modified just now
    tree = WorkingTree(tmp_path)
    tree.files(None)
    later = stamps(tree.stats, tree.odd, now=time.time_ns() + CTIME_TICK_NS)
    assert fingerprint(later, [scoring_years(2003)], "q") is None
    assert fingerprint(later, [scoring_years(2010)], "q") is not None


def test_times_past_what_64_bits_hold_are_stamped_all_the_same(tmp_path: Path) -> None:
    _plant(tmp_path, [("points.yaml", "file")])
    try:
        os.utime(tmp_path / "points.yaml", ns=(0, -(1 << 63) - 5))
    except (OverflowError, OSError, ValueError):
        pytest.skip("this filesystem keeps no such time")
    assert _key(WorkingTree(tmp_path), None, scoring_years(2003)) is not None


def test_names_that_are_not_utf8_are_stamped_never_refused(tmp_path: Path) -> None:
    """A name the system gave that is not UTF-8: on Linux its bytes come back as surrogate
    escapes (``\\udcb3``), on Windows an unpaired UTF-16 half as itself (``\\ud800``, which no
    escape handler of Linux would let through). Every such name is stamped and keys the
    caches, each apart from the others and from the name of real characters."""
    from govinfo.app.session import result_slot
    from govinfo.cli.replay import _slot

    (tmp_path / "f").write_text("x")
    stat = os.stat(tmp_path / "f")
    names = ["submissions/2003/a/08.yaml", "submissions/2003/a/\udcb3.yaml"]
    names.append("submissions/2003/a/\ud800.yaml")
    seen = set()
    for name in names:
        (stamp,) = stamps({name: stat}, {}, now=time.time_ns() + LATER).values()
        assert stamp is not None
        seen.add(stamp)
        assert fingerprint({"x": stamp}, [None], f"explain {name}") is not None
        result_slot("explain", name)
        _slot(name)
    assert len(seen) == len(names)
    odd = stamps({}, {"submissions/2003/\ud800": "pipe"}, now=time.time_ns() + LATER)
    assert all(odd.values())


# --- the start-up listing, in a process of its own (it forks) -------------------------------

PROBE = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from govinfo.load import prelist
    from govinfo.load.sources import WorkingTree
    from govinfo.load.stamps import stamps
    from govinfo.rules.years import scoring_years, years_read
    argv, root, year, write = sys.argv[1].split(), sys.argv[2], int(sys.argv[3]), sys.argv[4]
    prelist.start(argv, {"GOVINFO_TODAY": "2004-01-10", **json.loads(sys.argv[5])})
    if write == "write":
        prelist.forget()
    span = scoring_years(year)
    taken = prelist.take(root, [span])
    tree = WorkingTree(Path(root))
    tree.files(span)
    own = stamps(tree.stats, tree.odd)
    prelist.stop()
    print(json.dumps({"taken": taken, "own": own}))
    """
)


def probe(
    argv: str, root: Path, year: int = 2003, write: bool = False, env: str = "{}"
) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, argv, str(root), str(year), "write" if write else "-", env],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the start-up listing needs fork")
def test_the_start_up_listing_is_the_folders_own(tmp_path: Path) -> None:
    root = tmp_path / "data"
    root.mkdir()
    _plant(root, [("govinfo.yaml", "file"), ("submissions/2003/a/05.yaml", "file")])
    _plant(root, [("submissions/2001/a/12.yaml", "file"), ("submissions/2003/b/x", "link")])
    # The files' ctimes are the moment they were planted: a child that lists them within the
    # ctime tick rightly finds them too new to trust (its stamps are None, and nothing is taken
    # — the case this test is not about). Wait the tick out, as any folder in use has.
    time.sleep(2 * CTIME_TICK_NS / 1e9)
    result = probe(f"--data {root} score 2003", root)
    own = result["own"]
    assert isinstance(own, dict)
    assert isinstance(result["taken"], dict)
    expected = fingerprint(own, [scoring_years(2003)], "q")
    assert expected is not None  # never equal by both being too new to trust
    assert fingerprint(result["taken"], [scoring_years(2003)], "q") == expected


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the start-up listing needs fork")
@pytest.mark.parametrize(
    ("argv", "year", "write", "env"),
    [
        ("--data {root} score 2003 --no-cache", 2003, False, "{}"),  # no cache: no head start
        ("--data {root} --at HEAD score 2003", 2003, False, "{}"),  # a revision: not the tree
        ("--data {root} check", 2003, False, "{}"),  # check lists every year itself
        ("--data {root} score 2003 --help", 2003, False, "{}"),
        ("--data {other} score 2003", 2003, False, "{}"),  # another folder than the one opened
        ("--data {root} score 1995", 2003, False, "{}"),  # years it did not list
        ("--data {root} score 2003", 2003, True, "{}"),  # the folder was written since
        ("--data {root} score 2003", 2003, False, '{"GOVINFO_PRELIST": "0"}'),  # switched off
        ("--data {root} score 2003", 2003, False, '{"GOVINFO_NO_CACHE": "1"}'),  # no caches at all
    ],
)
def test_the_start_up_listing_is_not_taken_when_it_may_not_be_the_folders(
    tmp_path: Path, argv: str, year: int, write: bool, env: str
) -> None:
    root, other = tmp_path / "data", tmp_path / "other"
    for folder in (root, other):
        folder.mkdir()
        _plant(folder, [("govinfo.yaml", "file"), ("submissions/2003/a/05.yaml", "file")])
    result = probe(argv.format(root=root, other=other), root, year, write, env)
    assert result["taken"] is None


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the start-up listing needs fork")
def test_a_warm_answer_through_the_entry_point_follows_every_change(tmp_path: Path) -> None:
    """The console entry point (with the start-up listing) against the same command without
    any cache: equal after an edit in place, and refusing a link planted after a warm run."""
    root = tmp_path / "data"
    subprocess.run(["cp", "-r", str(SAMPLE), str(root)], check=True)
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            os.utime(Path(dirpath) / name, (OLD, OLD))
    env = {**os.environ, "GOVINFO_TODAY": "2004-01-10"}
    env.pop("GOVINFO_PRELIST", None)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "govinfo", "--data", str(root), *args]
        return subprocess.run(command, capture_output=True, text=True, env=env)

    question = ["score", "2003", "--format", "json"]
    first = run(*question)
    assert first.returncode == 0
    assert run(*question).stdout == first.stdout == run("--no-cache", *question).stdout
    target = root / "submissions" / "2003" / "changchun" / "05.yaml"
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("mode: single", "mode: combined", 1), encoding="utf-8")
    os.utime(target, (OLD, OLD))
    warm, cold = run(*question), run("--no-cache", *question)
    assert warm.returncode == 0
    assert warm.stdout == cold.stdout != first.stdout
    (root / "submissions" / "2003" / "changchun" / "13.yaml").symlink_to(target)
    refused = run(*question)
    assert refused.returncode == 1
    assert "13.yaml" in refused.stderr


def test_the_stamps_of_a_program_tree_follow_a_linked_folder_once(tmp_path: Path) -> None:
    """``tree_stamps`` (govinfo's build, the replay's code key): a part of the program that is
    a link to a folder elsewhere is stamped too — an edit there is seen — and a link back up
    the tree is walked once, not forever."""
    top, elsewhere = tmp_path / "govinfo", tmp_path / "elsewhere"
    top.mkdir()
    elsewhere.mkdir()
    (elsewhere / "fit.py").write_text("GAP = 3\n")
    (top / "render").symlink_to(elsewhere, target_is_directory=True)
    (elsewhere / "loop").symlink_to(top, target_is_directory=True)
    before = tree_stamps(str(top))
    assert [path for path, _ in before] == [os.path.join("render", "fit.py")]
    os.utime(elsewhere / "fit.py", ns=(10**18, 10**18))
    assert tree_stamps(str(top)) != before
