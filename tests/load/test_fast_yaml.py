"""The fast path for plain submission files against the strict reader: for every file, the two
give the identical ``ParsedFile`` (records, references with their positions, no problems), or
the fast path declines and the strict reader alone reads the file.

Short by default; ``GOVINFO_LONG_TESTS=1`` runs fifty times as many examples.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govinfo.load import fast
from govinfo.load.records import parse_file
from govinfo.yamltext.emit import emit_list

PROJECT = Path(__file__).resolve().parents[2]
SAMPLE = PROJECT / "data"
SAMPLE_FILES = sorted(SAMPLE.glob("submissions/*/*/*.yaml"))
LONG = os.environ.get("GOVINFO_LONG_TESTS", "") not in ("", "0")
FAST_SETTINGS = settings(
    max_examples=10_000 if LONG else 100,
    deadline=None,
    derandomize=not LONG,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

needs_yaml_rs = pytest.mark.skipif(not fast.enabled(), reason="yaml-rs missing or disabled")


def same_or_declined(path: str, data: bytes) -> bool:
    """The property: the fast path gives what the strict reader gives, or declines. Returns
    whether the fast path took the file."""
    quick = fast.fast_submissions(path, data)
    if quick is None:
        return False
    strict = parse_file(path, data, fast_path=False)
    assert quick == strict, (path, data.decode("utf-8", "replace"))
    return True


# --- the sample folder ---------------------------------------------------------------------


@needs_yaml_rs
def test_every_sample_file_takes_the_fast_path_with_identical_records() -> None:
    assert len(SAMPLE_FILES) > 500
    for file in SAMPLE_FILES:
        path = file.relative_to(SAMPLE).as_posix()
        assert same_or_declined(path, file.read_bytes()), path


@needs_yaml_rs
def test_parse_file_uses_the_fast_path_and_agrees() -> None:
    file = next(f for f in SAMPLE_FILES if "co_submitters" in f.read_text(encoding="utf-8"))
    path = file.relative_to(SAMPLE).as_posix()
    parsed = parse_file(path, file.read_bytes())
    assert parsed == parse_file(path, file.read_bytes(), fast_path=False)
    assert any(ref.kind == "point" for ref in parsed.refs)  # co-submitters' positions


# --- what the fast path leaves to the strict reader ------------------------------------------

PATH = "submissions/2003/changchun/03.yaml"
GOOD = """\
- id: cc-2003-0001
  date: 2003-03-05
  title: 全省春耕备耕工作进展顺利
  category: general
  reviewer: 王丽
  co_submitters: [siping, tonghua]
  solicitation: YG-2003-001
  adoptions:
    - publication: jl-zb
      date: 2003-03-07
      mode: single
      issue: 第6期
"""


@needs_yaml_rs
def test_a_plain_file_is_read_fast_with_the_strict_positions() -> None:
    data = GOOD.encode()
    parsed = fast.fast_submissions(PATH, data)
    assert parsed is not None
    assert parsed == parse_file(PATH, data, fast_path=False)
    assert parsed.records[0].source.line == 1
    assert [(r.kind, r.line, r.col) for r in parsed.refs] == [
        ("folderpoint", 1, 1),
        ("point", 6, 19),
        ("point", 6, 27),
        ("ruleday", 2, 9),
        ("solicitation", 7, 17),
        ("publication", 9, 20),
    ]


DECLINED = {
    "anchor": GOOD.replace("title: 全省", "title: &t 全省"),
    "alias": GOOD.replace("reviewer: 王丽", "reviewer: *r"),
    "tag": GOOD.replace("title: 全省", "title: !!str 全省"),
    "directive": "%YAML 1.1\n---\n" + GOOD,
    "document start": "---\n" + GOOD,
    "document end": GOOD + "...\n",
    "two documents": GOOD + "---\n" + GOOD,
    "complex key": GOOD.replace("  reviewer: 王丽", "  ? reviewer\n  : 王丽"),
    "merge key": GOOD.replace("  reviewer: 王丽", "  <<: {reviewer: 王丽}"),
    "tab": GOOD.replace("title: 全省", "title:\t全省"),
    "BOM": "\ufeff" + GOOD,
    "CRLF": GOOD.replace("\n", "\r\n"),
    "CR in a comment": "# 备注\r\r\n" + GOOD,  # a line break for PyYAML: lines would shift
    "line separator": GOOD.replace("全省春耕", "全省\u2028春耕"),
    "NEL": GOOD.replace("全省春耕", "全省\x85春耕"),
    "YAML 1.1 boolean": GOOD.replace("reviewer: 王丽", "reviewer: yes"),
    "quoted YAML 1.1 boolean": GOOD.replace("reviewer: 王丽", "reviewer: 'no'"),
    "octal-looking id": GOOD.replace("id: cc-2003-0001", "id: 010"),
    "sexagesimal": GOOD.replace("issue: 第6期", "issue: 12:30"),
    "long number": GOOD.replace("issue: 第6期", "issue: 12345678901234567890.5"),
    "escape": GOOD.replace("title: 全省", 'title: "\\u5168省'),
    "block scalar": GOOD.replace("title: 全省春耕备耕工作进展顺利", "title: |\n    全省"),
    "multi-line scalar": GOOD.replace("备耕工作", "备耕\n    工作"),
    "flow mapping": GOOD.replace("reviewer: 王丽", "reviewer: {name: 王丽}"),
    "id not first": GOOD.replace(
        "- id: cc-2003-0001\n  date: 2003-03-05", "- date: 2003-03-05\n  id: cc-2003-0001"
    ),
    "compact list": GOOD.replace("    - publication", "  - publication").replace("      ", "    "),
    "duplicate key": GOOD + "  reviewer: 李明\n",
    "unknown field": GOOD + "  reviwer: 李明\n",
    "no reviewer": GOOD.replace("  reviewer: 王丽\n", ""),
    "date in another month": GOOD.replace("date: 2003-03-05", "date: 2003-04-05"),
    "impossible date": GOOD.replace("date: 2003-03-05", "date: 2003-02-30"),
    "full-width digits in a date": GOOD.replace("date: 2003-03-05", "date: ２００３-03-05"),
    "bidi control in a title": GOOD.replace("全省春耕", "全省\u202e春耕"),
    "owner as co-submitter": GOOD.replace("[siping, tonghua]", "[changchun]"),
    # a mapping among the co-submitters: the fast path once failed on it (unhashable)
    "mapping as co-submitter": GOOD.replace(
        "co_submitters: [siping, tonghua]", "co_submitters:\n    - siping: tonghua"
    ),
    "emergency with one time": GOOD.replace(
        "category: general", "category: emergency\n  occurred_at: 2003-03-05T08:00"
    ),
    "adoption as a list": GOOD.replace(
        "    - publication: jl-zb", "    - [jl-zb]\n    - publication: jl-zb"
    ),
    "adoption before the submission": GOOD.replace("date: 2003-03-07", "date: 2003-03-01"),
    "emergency without times": GOOD.replace("category: general", "category: emergency"),
    "full-width colon after a key": GOOD.replace("category: general", "category： general"),
    "full-width colon read into a key": GOOD.replace("issue: 第6期", "issue： 第6期: 增刊"),
    "full-width colon in an id line": GOOD.replace("- id: cc", "- id： cc"),
    "full-width space before a value": GOOD.replace("category: general", "category: \u3000general"),
    "full-width space after an id": GOOD.replace(
        "solicitation: YG-2003-001", "solicitation: YG-2003-001\u3000"
    ),
    "empty": "",
    "comments only": "# nothing yet\n",
    "not UTF-8": GOOD.replace("王丽", "").encode().decode() + "\udcff",
}


@needs_yaml_rs
@pytest.mark.parametrize("case", sorted(DECLINED))
def test_what_is_not_plain_or_not_clean_goes_to_the_strict_reader(case: str) -> None:
    text = DECLINED[case]
    data = text.encode("utf-8", "surrogateescape")
    assert fast.fast_submissions(PATH, data) is None
    # ... and parse_file still answers exactly as the strict reader does.
    assert parse_file(PATH, data) == parse_file(PATH, data, fast_path=False)


# --- mutated sample files --------------------------------------------------------------------

TOKENS = [
    "&a ",
    "*a",
    "!!str ",
    "!",
    "%",
    "? ",
    "<<: ",
    "---",
    "...",
    "\t",
    "\ufeff",
    "\r",
    "\x85",
    "\u2028",
    "\xa0",
    "\u3000",
    "：",
    "yes",
    "No",
    "on",
    "~",
    "null",
    "''",
    "'x'",
    "'",
    '"',
    '"x"',
    "\\",
    ": ",
    ":",
    "#",
    " # c",
    "- ",
    "-",
    "  ",
    "[",
    "]",
    "[a, b]",
    "{a: b}",
    "{",
    ",",
    "010",
    "0x1f",
    "1.5",
    "1e3",
    ".inf",
    "12:30",
    "2003-02-30",
    "2003-1-5",
    "2003-03-05T10:00",
    "=",
    "|",
    ">",
    "@",
    "`",
    "中",
    "𠀀",
    "\u202e",
    "\u2066",
    "２００３-03-05",
    "id: x",
    "date: 2003-03-05",
    "reviewer: 王丽",
    "co_submitters: [siping]",
    "solicitation: YG-1",
    "adoptions:",
    "    - publication: jl-zb",
    "      date: 2003-03-09",
    "flags: [inaccurate]",
    "classification: secret",
    "category: emergency",
    "occurred_at: 2003-03-05T09:00",
    "reported_at: 2003-03-05T08:00",
    "note:",
]


BENIGN = ["", "# 备注", "  # indented comment", "    ", "#"]
OPERATIONS = [
    *("insert", "value", "delete", "dup", "swap", "indent", "line"),  # most break something
    *("blank", "comment", "spaces", "quote", "dquote", "crlf_end"),  # some keep the file plain
]


@st.composite
def mutated(draw: st.DrawFn, text: str) -> str:
    """``text`` with one to three edits: some keep a file plain (comments, blank lines, spaces
    after a colon, quotes, keys moved), most break something."""
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, max(0, len(lines) - 1)))
        op = draw(st.sampled_from(OPERATIONS))
        line = lines[i] if lines else ""
        key, sep, value = line.partition(": ")
        if op == "insert":
            at = draw(st.integers(0, len(line)))
            lines[i] = line[:at] + draw(st.sampled_from(TOKENS)) + line[at:]
        elif op == "value" and sep:
            lines[i] = key + ": " + draw(st.sampled_from(TOKENS))
        elif op == "delete" and lines:
            del lines[i]
        elif op == "dup" and lines:
            lines.insert(i, line)
        elif op == "swap" and i + 1 < len(lines):
            lines[i], lines[i + 1] = lines[i + 1], lines[i]
        elif op == "indent":
            delta = draw(st.sampled_from([-2, -1, 1, 2]))
            lines[i] = " " * delta + line if delta > 0 else line[-delta:]
        elif op == "line":
            lines.insert(i, draw(st.sampled_from(TOKENS)))
        elif op == "blank":
            lines.insert(i, draw(st.sampled_from(BENIGN)))
        elif op == "comment" and line.strip():
            lines[i] = line + draw(st.sampled_from([" # 注", "  #x", " #", "#x"]))
        elif op == "spaces" and sep:
            lines[i] = key + ":" + " " * draw(st.integers(1, 4)) + value
        elif op == "quote" and sep and "'" not in value:
            lines[i] = f"{key}: '{value}'"
        elif op == "dquote" and sep:
            lines[i] = f'{key}: "{value}"'
        elif op == "crlf_end":
            lines[i] = line + draw(st.sampled_from(["\r", " ", "  "]))
    return "\n".join(lines)


@needs_yaml_rs
@FAST_SETTINGS
@given(data=st.data())
def test_mutated_sample_files_read_the_same_or_decline(data: st.DataObject) -> None:
    file = data.draw(st.sampled_from(SAMPLE_FILES[:: 7 if not LONG else 1]))
    path = file.relative_to(SAMPLE).as_posix()
    text = data.draw(mutated(file.read_text(encoding="utf-8")))
    same_or_declined(path, text.encode("utf-8", "surrogatepass"))


# --- generated files -----------------------------------------------------------------------

POINTS = ["siping", "tonghua", "yanbian", "baishan"]
ODD_POINTS = ["changchun", "con", "Siping", "x", "siping"]
WORDS = [
    "全省春耕",
    "工作",
    "第6期",
    "进展",
    "a",
    "b1",
    "x:y",
    "a'b",
    "（调研）",
    "𠀀",
    "[x]",
    "a,b",
    "２",
]
ODD_WORDS = [
    "\u202e",
    "\u2069",
    "yes",
    "No",
    "~",
    "null",
    "12:30",
    "2003-03-05",
    "a: b",
    "# x",
    "x #y",
    "'q'",
    '"q"',
    "- x",
    "&a",
    "*a",
    "!x",
    "%x",
    "@x",
    " lead",
    "trail ",
    "a  b",
    "{y}",
    ".5",
    "+1",
    "=",
    "<<",
    "\u3000",
    "",
    "0",
    "1.5",
    "on",
    "\t",
    "\\",
    "a\nb",
]


def sometimes(good: st.SearchStrategy[object], odd: st.SearchStrategy[object]) -> object:
    """Mostly ``good``, one time in twenty-five ``odd``: most records stay clean, so that the fast
    path takes many files, and every odd value still comes up."""
    return st.integers(0, 99).flatmap(lambda n: odd if n < 4 else good)


def completed(
    draw: st.DrawFn,
    record: dict[str, object],
    optional: dict[str, st.SearchStrategy[object]],
    misspelt: str,
    most: int,
) -> dict[str, object]:
    """``record`` with up to ``most`` of its ``optional`` fields drawn — the ``misspelt`` key
    kept one time in eight — and, one time in twenty, a field taken away again."""
    keys = draw(st.lists(st.sampled_from(sorted(optional)), unique=True, max_size=most))
    if draw(st.integers(0, 99)) > 12 and misspelt in keys:
        keys.remove(misspelt)
    for key in keys:
        record[key] = draw(optional[key])
    if draw(st.integers(0, 99)) < 5:
        del record[draw(st.sampled_from(sorted(record)))]
    return record


texts = sometimes(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map("".join),
    st.sampled_from(ODD_WORDS)
    | st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=8),
)
ids = sometimes(
    st.from_regex(r"[A-Za-z][A-Za-z0-9-]{0,13}", fullmatch=True),
    st.sampled_from(["010", "1e3", "yes", "a b", "cc_1", "0x1f", "-a", "1-2"]),
)


def days(near: dt.date, *, late: int = 0) -> st.SearchStrategy[object]:
    return sometimes(
        st.integers(0, late).map(lambda d: near + dt.timedelta(days=d)),
        st.sampled_from(["2003-3-5", "2003-02-30", "20030305", "2003-03-05T10:00"])
        | st.integers(-40, 400).map(lambda d: near + dt.timedelta(days=d)),
    )


def choice(good: list[str], odd: list[str]) -> st.SearchStrategy[object]:
    return sometimes(st.sampled_from(good), st.sampled_from(odd))


@st.composite
def submission(draw: st.DrawFn) -> dict[str, object]:
    day = dt.date(2003, 3, draw(st.integers(1, 31)))
    record: dict[str, object] = {
        "id": draw(ids),
        "date": draw(days(day)),
        "title": draw(texts),
        "category": draw(choice(["general", "research", "problem"], ["emergency", "Yes"])),
        "reviewer": draw(texts),
    }
    optional: dict[str, st.SearchStrategy[object]] = {
        "co_submitters": sometimes(
            st.lists(st.sampled_from(POINTS), max_size=3, unique=True),
            st.lists(st.sampled_from(POINTS + ODD_POINTS), max_size=3),
        ),
        "solicitation": ids,
        "occurred_at": choice(["2003-03-05T09:00"], ["2003-03-06T09:00", "2003-03-05 09:00"]),
        "reported_at": choice(["2003-03-05T10:30"], ["2003-03-05T10:30:00", "2003-3-5T10:30"]),
        "classification": choice(["public", "internal", "secret"], ["top", "Secret"]),
        "adoptions": st.lists(
            st.fixed_dictionaries(
                {
                    "publication": choice(["jl-zb", "jl-zwxx"], ["a b", "yes"]),
                    "date": days(day, late=300),
                    "mode": choice(["single", "combined"], ["both", "on"]),
                },
                optional={"issue": texts, "note": texts},
            ),
            max_size=3,
        ),
        "instructions": st.lists(
            st.fixed_dictionaries(
                {
                    "leader": texts,
                    "rank": choice(["governor", "state-council"], ["mayor"]),
                    "date": days(day, late=30),
                },
                optional={"note": texts},
            ),
            max_size=2,
        ),
        "flags": st.lists(choice(["inaccurate"], ["late"]), max_size=1),
        "note": texts | st.none(),
        "reviwer": texts,
    }
    return completed(draw, record, optional, "reviwer", 5)


@needs_yaml_rs
@FAST_SETTINGS
@given(
    records=st.lists(submission(), min_size=1, max_size=4),
    layout=st.data(),
)
def test_generated_files_read_the_same_or_decline(
    records: list[dict[str, object]], layout: st.DataObject
) -> None:
    text = emit_list(records, header=layout.draw(st.sampled_from([None, "报送信息 2003-03"])))
    same_or_declined(PATH, text.encode())
    if layout.draw(st.booleans()):
        same_or_declined(PATH, layout.draw(mutated(text)).encode("utf-8", "surrogatepass"))


# --- the positional reader alone ------------------------------------------------------------

BLOCKER = textwrap.dedent(
    """
    import sys

    class _NoYamlRs:
        def find_spec(self, name, path=None, target=None):
            if name == "yaml_rs" or name.startswith("yaml_rs."):
                raise ImportError("yaml_rs blocked for this test")
            return None

    sys.meta_path.insert(0, _NoYamlRs())
    """
)


def test_without_yaml_rs_the_core_runs_on_the_positional_reader(tmp_path: Path) -> None:
    """A platform without yaml-rs wheels: the loader's and the CLI's core tests pass with the
    import of yaml_rs blocked (a ``sitecustomize`` on ``PYTHONPATH``)."""
    (tmp_path / "sitecustomize.py").write_text(BLOCKER, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(PROJECT)])}
    probe = "from govinfo.load import fast; assert fast._loads is None and not fast.enabled()"
    subprocess.run([sys.executable, "-c", probe], env=env, check=True, cwd=PROJECT)
    core = ["tests/load/test_faults.py", "tests/cli/test_check.py", "tests/cli/test_score.py"]
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-n", "0", "-p", "no:cacheprovider", *core],
        env=env,
        cwd=PROJECT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]


@needs_yaml_rs
def test_govinfo_fast_yaml_0_turns_the_fast_path_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOVINFO_FAST_YAML", "0")
    assert not fast.enabled()
    monkeypatch.setenv("GOVINFO_FAST_YAML", "1")
    assert fast.enabled()
