"""govinfo's benchmark: medians and ratios measured side by side in one run.

The machines are shared and noisy, so every figure is compared with a floor measured in the
same run, a few repetitions each, and reported as a median and a ratio. It never fails on a
number: it reports.

    python benchmarks/run.py                 # (a) cold score, (b) warm read commands, (c) check 10k/50k, (d) import, (e) peers
    python benchmarks/run.py --full          # (c) also at 200k and 1M records (slow: minutes)
    python benchmarks/run.py --repeat 5

(a) cold ``govinfo score Y`` on a 50,000-submission year vs a bare libyaml load of the same
    files with the GC off (the parse floor), on both cores and pinned to one (``taskset -c
    0``), with the fast path for plain files and with the strict reader alone
    (``GOVINFO_FAST_YAML=0``); issue 16's targets: ≤ 0.3× (goal 0.2×), ≤ 0.5× on one core;
(b) warm (cached) ``score``, ``explain``, ``overdue``, ``report`` and ``points show`` and
    ``--help`` vs a trivial Typer command with one typed option (the start-up floor: Typer
    0.29 imports pydantic to coerce it; govinfo does not, see govinfo/cli/params.py); targets:
    score and --help ≤ 1.3×, explain and overdue ≤ 1.5×, report ≤ 2× — piped, and (b1) on a
    pseudo-terminal 120 columns wide, where tables are fitted and coloured — again at the
    same width (the text printed the run before is printed again), the same drawn again
    (``GOVINFO_REPLAY=0``: from the widths kept), at a width not seen yet (printed at 120
    columns before, now at 100 or so: the wraps tried at 120 kept, the rest done) and the
    same with nothing of the tables' fitting kept (measured, fitted and drawn afresh, as on
    the first run after the data changed); then a
    month's notice (``report 2003-08``) cold, against cold score, and warm, against warm
    score (issue 14: ≤ 1.5×); and (b3) ``score`` after one submission file changed (no
    target: a clerk's first run after an import), against cold and warm score;
(c) ``check`` at 10k, 50k (and 200k, 1M) records, cold and warm, with peak RSS (issue 16, 1M
    over 20 years: warm ≤ 6 s, cold ≤ 40 s, peak RSS ≤ 1 GB);
(d) ``import`` of 10,000 rows from a CSV (dry run and real, into a fresh copy);
(e) the peers, where installed, on a journal of the same volume (benchmarks/journal.py):
    ledger ``balance``, hledger ``check`` and ``balance``, bean-check cold and with its pickle
    cache — each as a ratio to the same parse floor as (a) on both cores.

Python runs as a clerk's installation does: with its bytecode cache (PYTHONDONTWRITEBYTECODE is
dropped for the commands timed, and every command is run once before it is timed).
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from journal import write_journals

PY = sys.executable
HERE = Path(__file__).resolve().parent
REPO = HERE.parent


def run(args: list[str], env: dict[str, str] | None = None) -> tuple[float, int, int]:
    """Run a command; return (wall seconds, peak RSS in MB, exit code)."""
    full_env = dict(os.environ)
    full_env.pop("PYTHONDONTWRITEBYTECODE", None)
    full_env.update(env or {})
    start = time.perf_counter()
    proc = subprocess.Popen(
        args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=full_env, cwd=REPO
    )
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    rss_kb = usage.ru_maxrss
    return wall, rss_kb // 1024, code


def median_run(
    args: list[str], repeat: int, env: dict[str, str] | None = None
) -> tuple[float, int]:
    times, peaks = [], []
    for _ in range(repeat):
        wall, rss, code = run(args, env)
        if code not in (0, 1):
            print(f"   ! {' '.join(args[2:])} exited {code}", file=sys.stderr)
        times.append(wall)
        peaks.append(rss)
    return statistics.median(times), max(peaks)


def on_terminal(args: list[str], columns: int = 120, extra: dict[str, str] | None = None) -> float:
    """Run a command with a pseudo-terminal (``columns`` wide, 50 lines) as its standard
    streams (``extra`` added to its environment), everything it writes read as it comes;
    return the wall seconds."""
    import fcntl
    import pty
    import struct
    import termios

    main, child = pty.openpty()
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    env = dict(os.environ, TERM="xterm-256color")
    for name in ("PYTHONDONTWRITEBYTECODE", "COLUMNS", "LINES", "NO_COLOR"):
        env.pop(name, None)
    env.update(extra or {})
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdin=child, stdout=child, stderr=child, env=env, cwd=REPO)
    os.close(child)
    while True:
        try:
            if not os.read(main, 1 << 16):
                break
        except OSError:  # the child closed its side
            break
    proc.wait()
    wall = time.perf_counter() - start
    os.close(main)
    return wall


def median_terminal(
    args: list[str],
    floor: list[str],
    repeat: int,
    forget: Path | None = None,
    extra: dict[str, str] | None = None,
    *,
    elsewhere: bool = False,
) -> tuple[float, float]:
    """The median wall times of ``args`` and of ``floor`` on a terminal, each run of one
    followed by a run of the other (the floor moves most when the machine is shared: measured
    beside each command, not once before them all), both run once first (bytecode, result
    cache, the widths its tables were fitted to, the text they printed). With ``forget`` (a
    data folder), all its tables kept of their fitting (widths, measures, printed texts) is
    removed before each timed run, which is at a width it was never printed at (100, 101, …):
    every table is measured, fitted and drawn afresh, as on the first run after the data
    changed. With ``elsewhere`` too, the command is run once at 120 columns (untimed) before
    each timed run: its tables are fitted from the measures kept at 120. ``extra``: added to
    the command's environment."""
    on_terminal(args, extra=extra)
    on_terminal(floor)
    times, floors = [], []
    for k in range(repeat):
        columns = 120
        if forget is not None:
            for pattern in ("layouts.result", "measures-*.result", "printed-*.result"):
                for kept in forget.glob(f".git/govinfo/cache/*/{pattern}"):
                    kept.unlink()
            if elsewhere:
                on_terminal(args, extra=extra)
            columns = 100 + k
        times.append(on_terminal(args, columns, extra=extra))
        floors.append(on_terminal(floor))
    return statistics.median(times), statistics.median(floors)


NO_REPLAY = {"GOVINFO_REPLAY": "0"}  # tables drawn every time, not printed again as kept


def govinfo(*args: str) -> list[str]:
    return [PY, "-m", "govinfo", *args]


def generate(dest: Path, points: int, submissions: int, years: int = 1) -> None:
    if (dest / "govinfo.yaml").exists():
        return
    print(
        f"   generating {points} points x {submissions} submissions x {years} year(s) ...",
        flush=True,
    )
    subprocess.run(
        govinfo(
            "demo",
            "generate",
            str(dest),
            "--points",
            str(points),
            "--submissions",
            str(submissions),
            "--years",
            str(years),
            "--seed",
            "11",
        ),
        check=True,
        cwd=REPO,
        stdout=subprocess.DEVNULL,
    )
    subprocess.run(["git", "init", "-q", str(dest)], check=True)
    # Age the files: the cache does not trust a file modified in the last two seconds.
    past = time.time() - 60
    for dirpath, _dirs, files in os.walk(dest):
        for name in files:
            os.utime(Path(dirpath) / name, (past, past))


BARE_LOAD = textwrap.dedent(
    """
    import gc, sys, yaml
    from pathlib import Path
    root = Path(sys.argv[1]); year = sys.argv[2]
    gc.disable()
    files = [root / "points.yaml", *sorted((root / "rules").glob("*.yaml"))]
    files += sorted((root / "solicitations").glob("*.yaml")) + sorted((root / "adjustments").glob("*.yaml"))
    for y in (str(int(year) - 1), year):
        files += sorted((root / "submissions" / y).glob("*/*.yaml"))
    for f in files:
        yaml.load(f.read_bytes(), Loader=yaml.CSafeLoader)
    """
)

TRIVIAL = textwrap.dedent(
    """
    import typer
    app = typer.Typer()
    @app.command()
    def hello(year: int = 2003) -> None:
        print(year)
    app()
    """
)


def clear_cache(root: Path) -> None:
    shutil.rmtree(root / ".git" / "govinfo", ignore_errors=True)


def section(title: str) -> None:
    print(f"\n== {title}")


def line(label: str, seconds: float, floor: float | None = None, rss: int | None = None) -> None:
    text = f"   {label:<62} {seconds:7.3f} s"
    if floor:
        text += f"   ratio {seconds / floor:5.2f}x"
    if rss is not None:
        text += f"   peak RSS {rss:6d} MB"
    print(text, flush=True)


def cold_score(root: Path, env: dict[str, str], pin: list[str]) -> tuple[float, int]:
    clear_cache(root)
    wall, rss, _ = run(
        [*pin, *govinfo("--data", str(root), "score", "2003", "--format", "json")], env
    )
    return wall, rss


def bench_score(work: Path, repeat: int) -> float:
    """Sections (a) and (b); returns the parse floor on both cores for (e)."""
    section("(a) cold score of a 50,000-submission year vs a bare libyaml load (GC off)")
    root = work / "y50k"
    generate(root, 2000, 50_000)
    bare = work / "bare.py"
    bare.write_text(BARE_LOAD)
    # Each figure beside its floor, the runs interleaved so that a busy spell on the shared
    # machine hits all of them alike: on both cores, then pinned to one (taskset -c 0), with
    # the fast path for plain files (the default) and with the strict reader alone.
    pins: dict[str, list[str]] = {"both cores": []}
    if shutil.which("taskset"):
        pins["one core"] = ["taskset", "-c", "0"]
    configs = {
        "fast path": {},
        "strict reader only (GOVINFO_FAST_YAML=0)": {"GOVINFO_FAST_YAML": "0"},
    }
    times: dict[tuple[str, str], list[float]] = {}
    peaks: dict[tuple[str, str], int] = {}
    for _ in range(repeat):
        for pin_name, pin in pins.items():
            wall, rss, _ = run([*pin, PY, str(bare), str(root), "2003"])
            times.setdefault((pin_name, "floor"), []).append(wall)
            peaks[(pin_name, "floor")] = max(peaks.get((pin_name, "floor"), 0), rss)
            for name, env in configs.items():
                wall, rss = cold_score(root, env, pin)
                times.setdefault((pin_name, name), []).append(wall)
                peaks[(pin_name, name)] = max(peaks.get((pin_name, name), 0), rss)
    for pin_name in pins:
        floor = statistics.median(times[(pin_name, "floor")])
        line(
            f"bare libyaml load, GC off (floor), {pin_name}", floor, rss=peaks[(pin_name, "floor")]
        )
        for name in configs:
            median = statistics.median(times[(pin_name, name)])
            line(f"score 2003 cold, {name}, {pin_name}", median, floor, peaks[(pin_name, name)])
    cold = statistics.median(times[("both cores", "fast path")])  # what a clerk's run takes
    parse_floor = statistics.median(times[("both cores", "floor")])

    section("(b) warm read commands vs a trivial Typer command")
    trivial_py = work / "trivial.py"
    trivial_py.write_text(TRIVIAL)
    trivial, _ = median_run([PY, str(trivial_py), "--year", "2003"], repeat)
    line("trivial Typer command (floor)", trivial)
    data = ("--data", str(root))
    first = sorted(p.name for p in (root / "submissions" / "2003").iterdir())[0]
    warm_cases = [
        (
            "score 2003 --format json        ≤ 1.3x",
            govinfo(*data, "score", "2003", "--format", "json"),
        ),
        ("score 2003 (table)", govinfo(*data, "score", "2003")),
        ("--help                          ≤ 1.3x", govinfo("--help")),
        ("explain POINT 2003              ≤ 1.5x", govinfo(*data, "explain", first, "2003")),
        (
            "overdue --as-of 2003-09-30      ≤ 1.5x",
            govinfo(*data, "overdue", "--as-of", "2003-09-30"),
        ),
        ("report 2003 (table, piped)      ≤ 2x", govinfo(*data, "report", "2003")),
        ("report 2003-08 (table, piped)   ≤ 2x", govinfo(*data, "report", "2003-08")),
        ("points show POINT", govinfo(*data, "points", "show", first)),
    ]
    env = {"COLUMNS": "150"}
    for _label, args in warm_cases:
        run(args, env)  # fill the result cache
    warm_json = trivial
    for label, args in warm_cases:
        warm, rss = median_run(args, repeat, env)
        line(f"{label}, warm", warm, trivial, rss)
        if label.startswith("score 2003 --format json"):
            warm_json = warm
        if "(table" in label:  # the tables drawn from the stored answers, not printed again
            drawn, rss = median_run(args, repeat, {**env, **NO_REPLAY})
            line(f"{label.split(')')[0]}), drawn (GOVINFO_REPLAY=0)", drawn, trivial, rss)

    section("(b1) the same on a terminal (a pseudo-terminal, 120 x 50): fitted and coloured")
    trivial_tty = [PY, str(trivial_py), "--year", "2003"]
    for label, args in [
        ("score 2003", govinfo(*data, "score", "2003")),
        ("overdue --as-of 2003-09-30", govinfo(*data, "overdue", "--as-of", "2003-09-30")),
        ("report 2003-08", govinfo(*data, "report", "2003-08")),
        ("report 2003 (24,000 lines)", govinfo(*data, "report", "2003")),
    ]:
        again, floor = median_terminal(args, trivial_tty, repeat)
        line("trivial Typer command (floor, run beside the next)", floor)
        line(f"{label}, warm, at the same width again (printed again)", again, floor)
        drawn, floor = median_terminal(args, trivial_tty, repeat, extra=NO_REPLAY)
        line(f"{label}, warm, the same, drawn (GOVINFO_REPLAY=0)", drawn, floor)
        fitted, floor = median_terminal(args, trivial_tty, repeat, forget=root, elsewhere=True)
        line(f"{label}, warm, at a width not seen yet (printed at 120 before)", fitted, floor)
        fresh, floor = median_terminal(args, trivial_tty, repeat, forget=root)
        line(f"{label}, warm, the same with nothing kept (as after a change)", fresh, floor)

    section("(b2) a month's notice vs score of the same year (target ≤ 1.5x warm)")
    month = govinfo("--data", str(root), "report", "2003-08", "--format", "json")
    clear_cache(root)
    cold_month, rss = median_run(month, 1)
    line("govinfo report 2003-08 --format json, cold", cold_month, cold, rss)
    run(month)  # fill the cache
    warm_month, rss = median_run(month, repeat)
    line("govinfo report 2003-08 --format json, warm", warm_month, warm_json, rss)

    section("(b3) score after one submission file changed (a clerk's first run after an import)")
    after_edit(root, govinfo(*data, "score", "2003", "--format", "json"), repeat, cold, warm_json)
    return parse_floor


def after_edit(root: Path, args: list[str], repeat: int, cold: float, warm: float) -> None:
    """Time ``args`` with one month file of the year changed before each run (its times
    moved into the past, a second apart, so the parse cache sees a new stat key and trusts
    it): every other file comes from the parse cache, the answer is worked out again."""
    changed = sorted((root / "submissions" / "2003").glob("*/08.yaml"))[0]
    run(args)  # the caches filled
    times, peaks = [], []
    for k in range(repeat):
        moment = 1_000_000_000 + k + 1
        os.utime(changed, (moment, moment))
        time.sleep(0.1)  # the ctime older than the racy rule's tick
        wall, rss, _ = run(args)
        times.append(wall)
        peaks.append(rss)
    after = statistics.median(times)
    line("score 2003 --format json, one file changed, vs cold", after, cold, max(peaks))
    line("the same, vs warm", after, warm)


def bench_peers(work: Path, repeat: int, floor: float | None) -> None:
    section("(e) peers on a journal of the same volume (50,000 transactions, 2,000 accounts)")
    journal = work / "journal"
    write_journals(journal, 50_000, 2000)
    ledger_file, bean_file = journal / "journal.ledger", journal / "journal.beancount"
    bean_check = shutil.which("bean-check") or shutil.which("bean-check", path=str(Path(PY).parent))
    pickle = journal / f".{bean_file.name}.picklecache"
    cases: list[tuple[str, list[str] | None]] = [
        ("ledger balance (C++)", ["ledger", "-f", str(ledger_file), "balance"]),
        ("hledger check", ["hledger", "-f", str(ledger_file), "check"]),
        ("hledger balance", ["hledger", "-f", str(ledger_file), "balance"]),
    ]
    for label, args in cases:
        assert args is not None
        if shutil.which(args[0]) is None:
            print(f"   {label:<46} (not installed: skipped)")
            continue
        run(args)
        wall, rss = median_run(args, repeat)
        line(label, wall, floor, rss)
    if bean_check is None:
        print(f"   {'bean-check':<46} (not installed: skipped)")
        return
    times = []
    for _ in range(repeat):
        pickle.unlink(missing_ok=True)
        times.append(run([bean_check, str(bean_file)])[0])
    line("bean-check, cold", statistics.median(times), floor)
    run([bean_check, str(bean_file)])
    wall, rss = median_run([bean_check, str(bean_file)], repeat)
    line("bean-check, with its pickle cache", wall, floor, rss)


def bench_check(work: Path, repeat: int, full: bool) -> None:
    section("(c) check at several sizes, cold and warm, with peak RSS")
    sizes = [(10_000, 200, 1), (50_000, 2000, 1)]
    if full:
        sizes += [(200_000, 2000, 4), (1_000_000, 2000, 20)]
    for total, points, years in sizes:
        root = work / f"check{total}"
        generate(root, points, total // years, years)
        clear_cache(root)
        cold, rss_cold, _ = run(govinfo("--data", str(root), "check"))
        line(f"check {total:>9,} records, cold", cold, rss=rss_cold)
        warm, rss_warm = median_run(
            govinfo("--data", str(root), "check"), max(1, repeat if total <= 50_000 else 1)
        )
        line(f"check {total:>9,} records, warm", warm, rss=rss_warm)


def bench_import(work: Path, repeat: int) -> None:
    section("(d) import of 10,000 rows")
    root = work / "imp"
    generate(root, 60, 100)
    # import refuses to touch files with uncommitted changes (untracked ones included): the
    # generated folder must be committed first, as a clerk's folder is.
    if (
        subprocess.run(
            ["git", "-C", str(root), "rev-parse", "-q", "--verify", "HEAD"], capture_output=True
        ).returncode
        != 0
    ):
        ident = ["-c", "user.name=benchmark", "-c", "user.email=benchmark@localhost"]
        subprocess.run(["git", "-C", str(root), "add", "-A"], check=True)
        subprocess.run(["git", "-C", str(root), *ident, "commit", "-qm", "generated"], check=True)
    batch = work / "batch.csv"
    with batch.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["报送单位", "报送日期", "标题", "类别", "审核人"])
        points = sorted(p.name for p in (root / "submissions" / "2003").iterdir())
        for i in range(10_000):
            month = i % 12 + 1
            writer.writerow(
                [
                    points[i % len(points)],
                    f"2003-{month:02d}-{i % 27 + 1:02d}",
                    f"关于第{i}项重点工作推进情况的报告",
                    "调研",
                    "王建国",
                ]
            )
    dry, rss = median_run(govinfo("--data", str(root), "import", str(batch), "--dry-run"), repeat)
    line("import 10,000 rows --dry-run", dry, rss=rss)
    times = []
    for _ in range(repeat):
        copy = work / "imp-copy"
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(root, copy, symlinks=True)
        wall, rss, code = run(govinfo("--data", str(copy), "import", str(batch)))
        if code != 0:
            print(f"   ! import exited {code}")
        times.append(wall)
    line("import 10,000 rows (write + commit)", statistics.median(times), rss=rss)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=3, help="repetitions per figure (median)")
    parser.add_argument("--full", action="store_true", help="also check 200k and 1M records")
    parser.add_argument("--work", type=Path, help="folder for generated data (kept between runs)")
    parser.add_argument(
        "--only", choices=["score", "check", "import", "peers"], help="run one part"
    )
    args = parser.parse_args()
    work = args.work or Path(tempfile.gettempdir()) / "govinfo-bench"
    work.mkdir(parents=True, exist_ok=True)
    env = {"GOVINFO_TODAY": "2004-01-15"}
    os.environ.update(env)
    print(
        f"govinfo benchmark — {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, data in {work}"
    )
    floor = None
    if args.only in (None, "score"):
        floor = bench_score(work, args.repeat)
    if args.only in (None, "peers"):
        bench_peers(work, args.repeat, floor)
    if args.only in (None, "check"):
        bench_check(work, args.repeat, args.full)
    if args.only in (None, "import"):
        bench_import(work, args.repeat)


if __name__ == "__main__":
    main()
