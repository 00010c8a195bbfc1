"""Hostile YAML: each case is a clear problem with its position, never a traceback, never run."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govinfo.load import load_folder, parse_file
from tests.support.cli import fuzz_examples
from tests.support.folders import MakeFolder

SUB = "submissions/2003/changchun/08.yaml"
GOOD = (
    "- id: cc-2003-0001\n"
    "  date: 2003-08-14\n"
    "  title: 长春市推进老工业基地调整改造\n"
    "  category: research\n"
    "  reviewer: 张三\n"
    "  adoptions:\n"
    "    - publication: jl-zwxx\n"
    "      date: 2003-08-20\n"
    "      mode: single\n"
)


def positions(root: Path) -> list[tuple[str, int, int, str]]:
    return [(p.path, p.line, p.col, p.severity.value) for p in load_folder(root).problems]


def messages(root: Path) -> list[tuple[str, int, int, str]]:
    return [(p.path, p.line, p.col, p.message) for p in load_folder(root).problems]


def test_command_tag_never_runs(make_folder: MakeFolder, tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    text = f"- id: x\n  note: !!python/object/apply:os.system ['touch {marker}']\n"
    root = make_folder({SUB: text})
    assert (SUB, 2, 9, "error") in positions(root)
    assert not marker.exists()
    tagged = [m for m in messages(root) if m[1:3] == (2, 9)]
    assert any("python/object/apply:os.system" in m[3] for m in tagged)


@pytest.mark.parametrize(
    "tagged",
    [
        "!!python/name:os.system",
        "!!python/object/new:subprocess.Popen [[touch, x]]",
        "!!binary aGVsbG8=",
        "!!str text",
        "!custom {a: 1}",
    ],
)
def test_every_tag_is_an_error_at_the_tag(make_folder: MakeFolder, tagged: str) -> None:
    root = make_folder({SUB: GOOD + f"  note: {tagged}\n"})
    found = [m for m in messages(root) if m[0] == SUB]
    line = GOOD.count("\n") + 1
    tag = tagged.split()[0].removeprefix("!!").removeprefix("!")
    assert [m[1:3] for m in found] == [(line, 9)]
    assert tag in found[0][3]


def test_every_anchor_and_alias_is_an_error_at_its_place(make_folder: MakeFolder) -> None:
    text = GOOD.replace("  title: ", "  title: &t ") + "  note: *t\n"
    root = make_folder({SUB: text})
    found = [(line, col) for path, line, col, _m in messages(root) if path == SUB]
    line = GOOD.count("\n") + 1
    assert found == [(3, 10), (line, 9)]  # the anchor, then the alias — never expanded


def test_billion_laughs_is_rejected_without_expansion(make_folder: MakeFolder) -> None:
    text = '- id: x\n  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for i in range(1, 12):
        prev = "a" if i == 1 else f"l{i - 1}"
        text += f"  l{i}: &l{i} [" + ",".join(f"*{prev}" for _ in range(9)) + "]\n"
    root = make_folder({SUB: text})
    problems = positions(root)
    assert (SUB, 2, 6, "error") in problems  # the first anchor


def test_binary_junk(make_folder: MakeFolder) -> None:
    junk = bytes(range(256)) * 8
    root = make_folder({SUB: junk})
    problems = positions(root)
    assert [p[3] for p in problems] == ["error"]


def test_invalid_utf8_names_the_byte_offset(make_folder: MakeFolder) -> None:
    data = GOOD.encode() + b"  note: \xc3\x28\n"
    root = make_folder({SUB: data})
    result = load_folder(root)
    assert len(result.problems) == 1
    assert str(len(GOOD.encode()) + 8) in result.problems[0].message


def test_bom_and_crlf_are_read(make_folder: MakeFolder) -> None:
    data = b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode()
    root = make_folder({SUB: data})
    assert positions(root) == []


@pytest.mark.parametrize("bom", [b"\xff\xfe", b"\xfe\xff"])
def test_utf16_is_named(make_folder: MakeFolder, bom: bytes) -> None:
    codec = "utf-16-le" if bom == b"\xff\xfe" else "utf-16-be"
    root = make_folder({SUB: bom + GOOD.encode(codec)})
    problems = messages(root)
    assert [p[:3] for p in problems] == [(SUB, 1, 1)]
    assert "UTF-16" in problems[0][3]


def test_a_second_document_is_an_error_at_its_start(make_folder: MakeFolder) -> None:
    root = make_folder({SUB: GOOD + "---\n" + GOOD})
    problems = messages(root)
    line = GOOD.count("\n") + 1
    assert [p[:3] for p in problems if p[0] == SUB] == [(SUB, line, 1)]


def test_tabs_for_indentation(make_folder: MakeFolder) -> None:
    root = make_folder({SUB: GOOD.replace("  date: 2003-08-14", "\tdate: 2003-08-14")})
    problems = positions(root)
    assert len(problems) == 1
    assert problems[0][:2] == (SUB, 2)


@pytest.mark.parametrize(
    ("text", "severity"),
    [("", "warning"), ("# 只有注释\n", "warning"), ("id: x\n", "error"), ("just text\n", "error")],
    ids=["empty", "comment-only", "mapping", "scalar"],
)
def test_wrong_top_level(make_folder: MakeFolder, text: str, severity: str) -> None:
    root = make_folder({SUB: text})
    assert positions(root) == [(SUB, 1, 1, severity)]


def test_nesting_10000_deep(make_folder: MakeFolder) -> None:
    root = make_folder({SUB: "- " * 10_000 + "x\n"})
    problems = messages(root)
    assert len(problems) == 1
    assert problems[0][1:3] == (1, 129)  # the 65th level: the limit is 64
    assert "64" in problems[0][3]


def test_nesting_10000_deep_in_flow_style(make_folder: MakeFolder) -> None:
    root = make_folder({SUB: "- note: " + "[" * 10_000 + "]" * 10_000 + "\n"})
    problems = messages(root)
    assert len(problems) == 1
    assert problems[0][1] == 1
    assert "nesting" in problems[0][3] or "嵌套" in problems[0][3]


def test_size_limit_is_configurable(
    make_folder: MakeFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_folder({SUB: GOOD * 400})
    monkeypatch.setenv("GOVINFO_MAX_FILE_MB", "0.01")
    assert positions(root)[0] == (SUB, 1, 1, "error")
    monkeypatch.setenv("GOVINFO_MAX_FILE_MB", "50")
    assert all(p[1] != 1 or p[3] != "error" for p in positions(root))


def test_a_200_mb_file_is_refused_unread(make_folder: MakeFolder) -> None:
    import tracemalloc

    root = make_folder()
    path = root / SUB
    path.parent.mkdir(parents=True)
    with path.open("wb") as fh:
        fh.truncate(200 * 1024 * 1024)  # sparse: 200 MB of nothing, costing no disk
    tracemalloc.start()
    try:
        problems = messages(root)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert problems == [(SUB, 1, 1, problems[0][3])]
    assert "200" in problems[0][3]
    assert "50" in problems[0][3]  # the limit, and how to change it
    assert "GOVINFO_MAX_FILE_MB" in problems[0][3]
    assert peak < 20 * 1024 * 1024  # never read into memory


def test_symlink_out_of_the_folder_is_refused(make_folder: MakeFolder, tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text(GOOD, encoding="utf-8")
    root = make_folder()
    (root / "submissions/2003/changchun").mkdir(parents=True)
    os.symlink(outside, root / SUB)
    assert positions(root) == [(SUB, 1, 1, "error")]


# --- fuzzing: the only outcomes are "loaded" or "problems reported" ---------------------------

FUZZ_EXAMPLES = fuzz_examples(60)


def _mutate(lines: list[str], ops: list[tuple[int, int, int]]) -> str:
    out = list(lines)
    for op, index, extra in ops:
        if not out:
            break
        i = index % len(out)
        if op == 0:
            del out[i]
        elif op == 1:
            out.insert(i, out[i])
        elif op == 2:
            out[i] = " " * (extra % 7) + out[i].lstrip(" ")
        elif op == 3:
            out[i] = out[i].replace(":", "", 1)
        elif op == 4:
            out[i] = out[i][: extra % (len(out[i]) + 1)]
        elif op == 5:
            out[i] = (
                out[i] + ["'", '"', "[", "{", ": x", " #", "&a", "*a", "!!str", "\t"][extra % 10]
            )
    return "\n".join(out)


@settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    ops=st.lists(st.tuples(st.integers(0, 5), st.integers(0, 100), st.integers(0, 100)), max_size=6)
)
def test_mutated_files_never_crash(ops: list[tuple[int, int, int]]) -> None:
    text = _mutate(GOOD.splitlines(), ops)
    parsed = parse_file(SUB, text.encode("utf-8"))
    for p in parsed.problems:
        assert p.line >= 1
        assert p.col >= 1


@settings(max_examples=FUZZ_EXAMPLES, deadline=None)
@given(data=st.binary(max_size=400))
def test_random_bytes_never_crash(data: bytes) -> None:
    parsed = parse_file(SUB, data)
    assert all(p.line >= 1 for p in parsed.problems)


@pytest.mark.parametrize(
    ("rel", "text"),
    [
        ("points.yaml", None),
        (
            "adjustments/2003.yaml",
            "- id: !!str x\n  point: changchun\n  date: 2003-05-01\n  kind: manual\n"
            "  points: 1\n  reason: 手工调整\n",
        ),
    ],
)
def test_a_tag_on_a_required_value_is_one_error_not_a_crash(
    make_folder: MakeFolder, rel: str, text: str | None
) -> None:
    root = make_folder({rel: text} if text else None)
    if text is None:
        points = (root / rel).read_text(encoding="utf-8")
        (root / rel).write_text(points.replace("- id: changchun", "- id: !!str x", 1), "utf-8")
    assert positions(root) == [(rel, 1, 7, "error")]
