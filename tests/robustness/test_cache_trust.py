"""A cache that cannot lie (issue 12, items 3, 4, 5, 9 and 13).

Warm output always equals ``--no-cache`` output: after an edit that keeps the size and puts the
mtime back, after random damage to any cache file, with a smaller ``GOVINFO_MAX_FILE_MB``, with
hostile files (a named pipe, a link to a device, a huge file) where the cache keeps its packs,
and with a cache location that cannot be used at all.
"""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govinfo import __version__
from govinfo.cli.main import app
from govinfo.load import cache
from govinfo.load.cache import MAX_CACHE_BYTES
from govinfo.load.stamps import CTIME_TICK_NS
from tests.support.cli import LineRunner, cli, fuzz_examples

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "scoring"
ADJUSTMENTS = "adjustments/2003.yaml"
QUESTIONS = (["score", "2003", "--format", "json"], ["check", "--format", "json"])


def answers(root: Path, *, cached: bool) -> list[tuple[int, str]]:
    """What ``score`` and ``check`` say of the folder (exit code and every output line)."""
    out = []
    for args in QUESTIONS:
        flags = [] if cached else ["--no-cache"]
        result = LineRunner().invoke(app, ["--data", str(root), "--lang", "en", *flags, *args])
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        out.append((result.exit_code, result.stdout + result.stderr))
    return out


def cache_files() -> list[Path]:
    home = Path(os.environ["XDG_CACHE_HOME"]) / "govinfo"
    return sorted(p for p in home.rglob("*") if p.is_file() and not p.is_symlink())


def settle(root: Path) -> None:
    """Files old enough to be cached: mtimes in the past, the ctime tick waited out."""
    for path in root.rglob("*"):
        if path.is_file():
            os.utime(path, (1_000_000_000, 1_000_000_000))
    time.sleep(CTIME_TICK_NS / 1e9 * 1.5)


@pytest.fixture
def scoring(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(FIXTURE, root)
    settle(root)
    return root


def same_size_edit(path: Path, old: bytes, new: bytes) -> None:
    """Replace ``old`` by ``new`` (same length) and put the mtime back, as an editor or a
    sync tool that keeps times does."""
    assert len(old) == len(new)
    st = path.stat()
    data = path.read_bytes()
    assert old in data
    path.write_bytes(data.replace(old, new, 1))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert path.stat().st_size == st.st_size


# --- item 3: an edit that keeps size and mtime --------------------------------------------


def test_a_same_size_edit_with_the_mtime_put_back_is_seen(scoring: Path) -> None:
    warm = answers(scoring, cached=True)
    assert warm == answers(scoring, cached=True)  # the cache is in use and agrees
    assert cache_files()
    same_size_edit(scoring / ADJUSTMENTS, b"points: 17", b"points: 71")
    after = answers(scoring, cached=True)
    assert after == answers(scoring, cached=False)
    assert after != warm  # 71 points, not 17: the edit shows


def test_a_same_size_edit_of_a_month_file_is_seen(scoring: Path) -> None:
    answers(scoring, cached=True)
    month = scoring / "submissions/2003/yushu/09.yaml"
    same_size_edit(month, b"2003-09-03", b"2003-09-13")
    assert answers(scoring, cached=True) == answers(scoring, cached=False)


# --- item 4: damaged cache files are discarded ----------------------------------------------


def test_every_single_byte_flip_in_the_cache_is_discarded(scoring: Path) -> None:
    cold = answers(scoring, cached=False)
    assert answers(scoring, cached=True) == cold
    rng = random.Random(12)
    files = cache_files()
    assert {p.suffix for p in files} >= {".pack", ".result"}
    for path in files:
        pristine = path.read_bytes()
        for offset in sorted(rng.sample(range(len(pristine)), min(6, len(pristine)))):
            damaged = bytearray(pristine)
            damaged[offset] ^= 1 << rng.randrange(8)
            path.write_bytes(bytes(damaged))
            assert answers(scoring, cached=True) == cold, f"{path.name} byte {offset}"
            path.write_bytes(pristine)


def test_a_cache_file_from_another_version_is_not_trusted(scoring: Path) -> None:
    cold = answers(scoring, cached=False)
    answers(scoring, cached=True)
    for path in cache_files():
        data = path.read_bytes()
        head, _, body = data.partition(b"\n")
        parts = head.split(b" ")
        parts[2] = b"0.0.0-other"
        path.write_bytes(b" ".join(parts) + b"\n" + body)
    assert answers(scoring, cached=True) == cold


def test_a_cache_file_of_another_build_is_not_trusted(
    scoring: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same version with a file of govinfo edited (an editable install, a patched file)
    is another build: what the build before stored is neither trusted nor kept."""
    cold = answers(scoring, cached=False)
    answers(scoring, cached=True)
    before = {path: path.read_bytes() for path in cache_files()}
    monkeypatch.setattr(cache, "build", lambda: f"{__version__}+edited")
    assert answers(scoring, cached=True) == cold
    after = {path: path.read_bytes() for path in cache_files()}
    assert all(after[path] != data for path, data in before.items() if path in after)
    assert all(b" " + __version__.encode() + b"+edited " in data for data in after.values())


# --- item 5: the size limit, warm or cold ----------------------------------------------------


def test_the_size_limit_is_the_same_warm_or_cold(
    scoring: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers(scoring, cached=True)  # every file cached under the default limit
    monkeypatch.setenv("GOVINFO_MAX_FILE_MB", "0.001")  # about 1 KB
    warm = answers(scoring, cached=True)
    assert warm == answers(scoring, cached=False)
    code, text = warm[1]
    assert code == 1
    assert "points.yaml" in text  # over the limit: reported, as on a cold read
    assert warm[0][0] == 1  # score refuses (not a result cache hit)


# --- item 9: hostile files where the cache keeps its packs -----------------------------------


@pytest.mark.parametrize("hostile", ["fifo", "device-link", "huge", "folder"])
def test_hostile_files_in_the_cache_folder_are_discarded(scoring: Path, hostile: str) -> None:
    cold = answers(scoring, cached=False)
    answers(scoring, cached=True)
    for path in cache_files():
        path.unlink()
        if hostile == "fifo":
            os.mkfifo(path)
        elif hostile == "device-link":
            path.symlink_to("/dev/zero")
        elif hostile == "huge":
            with path.open("wb") as fh:
                fh.truncate(MAX_CACHE_BYTES + 1)  # sparse: takes no disk space
        else:
            path.mkdir()
    assert answers(scoring, cached=True) == cold  # no hang, no crash, no wrong answer
    for path in cache_files():  # the sparse files are not left for other tests to walk into
        if path.stat().st_size > MAX_CACHE_BYTES:
            path.unlink()


# --- item 13: a cache location that cannot be used ---------------------------------------------


@pytest.mark.parametrize("where", ["home-is-a-file", "cache-is-a-file"])
def test_an_unusable_cache_location_runs_without_the_cache(
    scoring: Path, tmp_path: Path, where: str
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    env = {"HOME": str(blocker)}
    env["XDG_CACHE_HOME"] = str(blocker / ".cache") if where == "home-is-a-file" else str(blocker)
    for args in (["check"], ["score", "2003"]):
        proc = cli(scoring, *args, **env)
        assert proc.returncode == 0, proc.stderr
        assert "Traceback" not in proc.stderr
        assert len(proc.stderr.strip().splitlines()) <= 1
    # A writer outside git keeps its lock in the same place: it refuses with a message.
    proc = cli(scoring, "points", "retire", "siping", "--date", "2003-12-01", **env)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert "cannot write govinfo's state folder" in proc.stderr


# --- the property: warm equals cold, whatever happens -------------------------------------------

EDITS = [
    (ADJUSTMENTS, b"points: 17", b"points: 71"),
    (ADJUSTMENTS, b"points: 17", b"points: 1x"),  # an error: the warm run must see it too
    ("submissions/2003/yushu/09.yaml", b"2003-09-03", b"2003-09-13"),
    ("submissions/2003/siping/05.yaml", b"category: ", b"category:\t"),
    ("points.yaml", b"admitted", b"admittee"),
]


Step = tuple[str, int, int]


@contextlib.contextmanager
def own_cache_folder() -> Iterator[Path]:
    """A data folder copy and a cache location of one example's own."""
    saved = os.environ.get("XDG_CACHE_HOME")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CACHE_HOME"] = str(Path(tmp) / "cache")
        try:
            root = Path(tmp) / "data"
            shutil.copytree(FIXTURE, root)
            settle(root)
            yield root
        finally:
            if saved is None:
                os.environ.pop("XDG_CACHE_HOME", None)
            else:
                os.environ["XDG_CACHE_HOME"] = saved


def apply_step(root: Path, step: Step) -> None:
    kind, pick, value = step
    if kind == "edit":
        rel, old, new = EDITS[pick % len(EDITS)]
        if old in (root / rel).read_bytes():
            same_size_edit(root / rel, old, new)
        return
    files = cache_files()
    if not files:
        return
    path = files[pick % len(files)]
    if kind == "remove":
        path.unlink()
        return
    data = bytearray(path.read_bytes())
    if data:
        data[pick % len(data)] ^= value or 1
        path.write_bytes(bytes(data))


step_lists = st.lists(
    st.tuples(
        st.sampled_from(["edit", "damage", "remove"]), st.integers(0, 10**6), st.integers(0, 255)
    ),
    min_size=1,
    max_size=3,
)


@settings(
    max_examples=fuzz_examples(3),
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(step_lists)
def test_warm_output_always_equals_no_cache_output(steps: list[Step]) -> None:
    with own_cache_folder() as root:
        assert answers(root, cached=True) == answers(root, cached=False)
        for step in steps:
            apply_step(root, step)
            assert answers(root, cached=True) == answers(root, cached=False), step
