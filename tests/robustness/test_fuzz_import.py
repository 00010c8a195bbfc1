"""Fuzzing the importer: valid CSV and XLSX batches, mutated by Hypothesis (cells deleted,
duplicated, retyped; rows dropped or repeated; random bytes; other encodings and delimiters;
broken zip archives and sheet XML), go through the real `govinfo import`. The only outcomes
allowed are "imported" (exit 0, and the folder still loads clean) or "problems reported"
(exit 1 with a message) — any traceback fails the test.

Short by default; ``GOVINFO_FUZZ_EXAMPLES=N`` or ``GOVINFO_LONG_TESTS=1`` runs more.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govinfo import defaults
from govinfo.cli.main import app
from govinfo.load import load_folder
from tests.support.batches import HEADER, ROWS
from tests.support.cli import LineRunner, fuzz_examples
from tests.support.folders import BASE_POINTS, MakeFolder, write_files
from tests.support.gitrepo import commit_all, commits, git

CSV_EXAMPLES = fuzz_examples(20)
XLSX_EXAMPLES = fuzz_examples(15)

# --- what a mutated cell may hold ---------------------------------------------------------------

texts = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            "",
            " ",
            "长春",
            "长春市",
            "CHANGCHUN",
            "四平",
            "省发展改革委",
            "不存在的单位",
            "2003-8-14",
            "2003/13/45",
            "2003年9月2日",
            "２００３．９．３",
            "37847",
            "1e309",
            "nan",
            "-0",
            "调研",
            "综合",
            "问题",
            "突发",
            "舆情清单",
            "杂项",
            "x" * 300,
            "=1+1",
            "!!python/object/apply:os.system ['touch x']",
            "*a",
            "&a x",
            "- list",
            "a: b",
            "#",
            "'",
            '"',
            "\r\n",
            "\x00",
            "\x85\u2028\u2029",
            "\ufeff",
            "䶮",
        ]
    ),
)
cell_values = st.one_of(
    texts,
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2100, 1, 1)),
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(2100, 1, 1)),
    st.times(),
    st.booleans(),
    st.none(),
)
# (what, row, column, value)
ops = st.lists(
    st.tuples(
        st.sampled_from(["delete", "duplicate", "retype", "drop-row", "repeat-row", "swap"]),
        st.integers(0, 10),
        st.integers(0, 10),
        cell_values,
    ),
    max_size=6,
)


def mutate(ops_: list[tuple[str, int, int, object]]) -> list[list[object]]:
    table: list[list[object]] = [list(HEADER), *(list(r) for r in ROWS)]
    for what, r, c, value in ops_:
        if not table:
            break
        row = table[r % len(table)]
        if what == "drop-row":
            table.remove(row)
        elif what == "repeat-row":
            table.insert(r % len(table), list(row))
        elif not row:
            continue
        elif what == "delete":
            del row[c % len(row)]
        elif what == "duplicate":
            row.insert(c % len(row), row[c % len(row)])
        elif what == "retype":
            row[c % len(row)] = value
        elif what == "swap":
            i, j = c % len(row), (c + 1) % len(row)
            row[i], row[j] = row[j], row[i]
    return table


@pytest.fixture(scope="module")
def fuzz_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def _folder(base: Path) -> Path:
    """A committed copy of the small valid folder, made once per test (examples share it and
    every successful import is undone)."""
    root = base / "data"
    if not root.exists():
        write_files(
            root,
            {
                "govinfo.yaml": "format: 1\noffice: 吉林省人民政府办公厅\nprovince: 吉林省\n",
                "rules/default.yaml": defaults.DEFAULT_RULES_YAML,
                "points.yaml": BASE_POINTS,
            },
        )
        git(root, "init", "-q")
        commit_all(root)
    return root


def import_and_judge(root: Path, batch: Path, *extra: str) -> None:
    """Run `govinfo import`; hold it to the two outcomes allowed; undo what it wrote."""
    base = commits(root)
    result = LineRunner().invoke(
        app, ["--data", str(root), "--lang", "en", "import", *extra, str(batch)]
    )
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception  # a traceback: the test fails with it
    assert result.exit_code in (0, 1), result.output
    if result.exit_code == 1:
        assert "error" in result.stdout + result.stderr, result.output
        assert commits(root) == base
    elif commits(root) > base:
        loaded = load_folder(root)
        assert loaded.errors == 0, [str(p) for p in loaded.problems if p.is_error]
        git(root, "reset", "-q", "--hard", f"HEAD~{commits(root) - base}")
    git(root, "clean", "-qfdx")
    assert git(root, "status", "--porcelain", "--untracked-files=all") == ""


# --- CSV ----------------------------------------------------------------------------------------

ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "gbk", "big5", "utf-16", "latin-1", "shift_jis"]


@settings(
    max_examples=CSV_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    ops_=ops,
    encoding=st.sampled_from(ENCODINGS),
    delimiter=st.sampled_from([",", "\t", ";", "|"]),
    noise=st.lists(
        st.tuples(st.integers(0, 10_000), st.binary(min_size=1, max_size=4)), max_size=3
    ),
    dry_run=st.booleans(),
)
def test_mutated_csv_batches(
    fuzz_folder: Path,
    ops_: list[tuple[str, int, int, object]],
    encoding: str,
    delimiter: str,
    noise: list[tuple[int, bytes]],
    dry_run: bool,
) -> None:
    import csv

    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows([["" if v is None else str(v) for v in row] for row in mutate(ops_)])
    data = bytearray(buf.getvalue().encode(encoding, errors="replace"))
    for at, junk in noise:
        data[at % (len(data) + 1) : at % (len(data) + 1)] = junk
    batch = fuzz_folder / "batch.csv"
    batch.write_bytes(bytes(data))
    root = _folder(fuzz_folder)
    import_and_judge(root, batch, *(["--dry-run"] if dry_run else []))


# --- XLSX -------------------------------------------------------------------------------------

SHEET = "xl/worksheets/sheet1.xml"


def _workbook(table: list[list[object]], merges: list[tuple[int, int, int, int]]) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "八月"
    for row in table:
        ws.append(row)
    for r, c, h, w in merges:
        ws.merge_cells(start_row=r, start_column=c, end_row=r + h, end_column=c + w)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _rezip(data: bytes, change: str, payload: bytes) -> bytes:
    """The archive with one member broken, dropped or replaced."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        names = src.namelist()
        victim = names[payload[0] % len(names)] if payload else SHEET
        for name in names:
            body = src.read(name)
            if name == victim:
                if change == "drop-member":
                    continue
                if change == "junk-member":
                    body = payload
                elif change == "cut-member":
                    body = body[: len(body) * payload[0] // 256 if payload else 0]
            if name == SHEET and change == "huge-dimension":
                body = body.replace(b'<dimension ref="', b'<dimension ref="A1:XFD1048576" x="', 1)
            dst.writestr(name, body)
    return out.getvalue()


@settings(
    max_examples=XLSX_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    ops_=ops,
    merges=st.lists(
        st.tuples(st.integers(1, 6), st.integers(1, 7), st.integers(0, 2), st.integers(0, 2)),
        max_size=2,
    ),
    change=st.sampled_from(
        [
            "none",
            "none",
            "drop-member",
            "junk-member",
            "cut-member",
            "huge-dimension",
            "truncate",
            "flip",
        ]
    ),
    payload=st.binary(max_size=40),
)
def test_mutated_xlsx_batches(
    fuzz_folder: Path,
    ops_: list[tuple[str, int, int, object]],
    merges: list[tuple[int, int, int, int]],
    change: str,
    payload: bytes,
) -> None:
    table = mutate(ops_)
    for row in table:
        for i, v in enumerate(row):
            if isinstance(v, str):
                # openpyxl refuses control characters in cells: a real workbook cannot hold them
                row[i] = "".join(ch for ch in v if ch >= " " or ch in "\t\n\r")
    try:
        data = _workbook(table, merges)
    except ValueError:
        return  # openpyxl cannot write this workbook at all (overlapping merges)
    if change == "truncate":
        data = data[: len(data) * (payload[0] if payload else 0) // 256]
    elif change == "flip":
        flipped = bytearray(data)
        for i, b in enumerate(payload):
            at = (i * 7919 + b * 104729) % len(flipped)
            flipped[at] ^= b or 0xFF
        data = bytes(flipped)
    elif change != "none":
        data = _rezip(data, change, payload)
    batch = fuzz_folder / "batch.xlsx"
    batch.write_bytes(data)
    root = _folder(fuzz_folder)
    import_and_judge(root, batch)


def _damaged(case: str) -> bytes:
    data = _workbook([list(HEADER), *(list(r) for r in ROWS)], [])
    members = dict(
        (n, zipfile.ZipFile(io.BytesIO(data)).read(n))
        for n in zipfile.ZipFile(io.BytesIO(data)).namelist()
    )
    if case == "truncated-archive":
        return data[: len(data) // 2]
    if case == "not-a-zip":
        return bytes(range(256)) * 4
    if case == "empty":
        return b""
    if case == "unknown-zip-version":
        raw = bytearray(data)
        raw[raw.find(b"PK\x01\x02") + 6] = 85  # "needs version 8.5 to extract"
        return bytes(raw)
    if case == "bad-crc":
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
            for name, body in members.items():
                z.writestr(name, body)
        raw = bytearray(out.getvalue())
        at = raw.find(b"<sheetData>")  # stored, so the sheet's XML is there as written
        raw[at + 1] ^= 0x20  # one bit: the archive's CRC no longer matches
        return bytes(raw)
    changed = dict(members)
    if case == "sheet-junk":
        changed[SHEET] = b"\x00\x01 not xml"
    elif case == "sheet-cut":
        changed[SHEET] = members[SHEET][: len(members[SHEET]) // 2]
    elif case == "unknown-shared-string":
        # The first cell, however the writer spelled its text (UTF-8 or character references).
        first = re.compile(rb'<c r="A1"[^>]*>.*?</c>')
        changed[SHEET], n = first.subn(b'<c r="A1" t="s"><v>99</v></c>', members[SHEET], count=1)
        assert n == 1
    elif case == "bad-cell-ref":
        changed[SHEET] = members[SHEET].replace(b'r="A1"', b'r="1A!"', 1)
    elif case == "bad-number":
        changed[SHEET] = members[SHEET].replace(
            b"</row>", b'<c r="Z1" t="n"><v>12x</v></c></row>', 1
        )
    elif case == "workbook-missing":
        del changed["xl/workbook.xml"]
    elif case == "types-missing":
        del changed["[Content_Types].xml"]
    elif case == "styles-junk":
        changed["xl/styles.xml"] = b"<styleSheet><numFmts count='x'>"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in changed.items():
            z.writestr(name, body)
    return out.getvalue()


@pytest.mark.parametrize(
    "case",
    [
        "truncated-archive",
        "not-a-zip",
        "empty",
        "unknown-zip-version",
        "bad-crc",
        "sheet-junk",
        "sheet-cut",
        "unknown-shared-string",
        "bad-cell-ref",
        "bad-number",
        "workbook-missing",
        "types-missing",
        "styles-junk",
    ],
)
def test_a_damaged_workbook_is_a_problem_naming_the_file(
    make_folder: MakeFolder, tmp_path: Path, case: str
) -> None:
    root = make_folder()
    git(root, "init", "-q")
    commit_all(root)
    batch = tmp_path / "八月.xlsx"
    batch.write_bytes(_damaged(case))
    result = LineRunner().invoke(app, ["--data", str(root), "--lang", "en", "import", str(batch)])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code == 1, result.output
    assert "八月.xlsx" in result.stdout
    assert "error" in result.stdout
    assert commits(root) == 1


def test_a_zip_that_is_not_a_workbook_and_a_workbook_named_csv(
    make_folder: MakeFolder, tmp_path: Path
) -> None:
    root = make_folder()
    git(root, "init", "-q")
    commit_all(root)
    archive = tmp_path / "a.xlsx"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("readme.txt", "not a workbook")
    import_and_judge(root, archive)
    named_csv = tmp_path / "b.csv"
    named_csv.write_bytes(_workbook([list(HEADER), list(ROWS[0])], []))
    import_and_judge(root, named_csv)
