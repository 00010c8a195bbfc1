"""Rule-set validation in `check`: unknown keys, negative or missing values, unknown levels,
names the engine does not know, two sets taking effect the same day, id vs file name."""

from __future__ import annotations

import pytest

from govinfo import defaults
from govinfo.load import load_folder
from tests.support.folders import MakeFolder

R = "rules/default.yaml"


def positions(root: object) -> list[tuple[str, int, int, str]]:
    return [(p.path, p.line, p.col, p.severity.value) for p in load_folder(root).problems]  # type: ignore[arg-type]


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_default_rules_are_clean(make_folder: MakeFolder) -> None:
    assert positions(make_folder()) == []


CASES = [
    (
        "unknown-key",
        ("emergency_deadline_minutes: 120", "emergency_deadline_minute: 120"),
        "emergency_deadline_minute",
        "error",
    ),
    (
        "negative-value",
        (
            "jl-zb:     {name: 《专报》,             level: provincial, single: 3,",
            "jl-zb:     {name: 《专报》,             level: provincial, single: -3,",
        ),
        "single: -3",
        "error",
    ),
    ("unknown-level", ("level: national,", "level: county,"), "level: county", "error"),
    (
        "unknown-deduction",
        ("  inaccurate: 3", "  inaccurate: 3\n  late-lunch: 1"),
        "late-lunch",
        "error",
    ),
    (
        "unknown-multiplier",
        ("multipliers: {research: 2,", "multipliers: {reserch: 2,"),
        "reserch",
        "error",
    ),
    ("missing-deduction", ("  emergency-late: 1\n", ""), "solicitation-missed: 2", "error"),
    (
        "unknown-tie-break",
        (
            "tie_break: [national_adopted, instructions, adopted]",
            "tie_break: [national_adopted, luck]",
        ),
        "luck",
        "error",
    ),
    ("bad-grace", ("grace_admitted_from: 07-01", "grace_admitted_from: 07-32"), "07-32", "error"),
    ("string-number", ("commend_top: 15", 'commend_top: "15"'), "commend_top", "error"),
]


@pytest.mark.parametrize(
    ("change", "needle", "severity"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_rule_set_fault(
    make_folder: MakeFolder, change: tuple[str, str], needle: str, severity: str
) -> None:
    old, new = change
    assert old in defaults.DEFAULT_RULES_YAML
    text = defaults.DEFAULT_RULES_YAML.replace(old, new)
    root = make_folder({R: text})
    found = positions(root)
    # The unknown top-level key is a warning, and the field it replaced is then missing (error).
    assert any(p[0] == R and p[3] == severity for p in found), found
    lines = {p[1] for p in found if p[0] == R}
    assert line_of(text, needle) in lines or any(p[1] == 1 for p in found), (found, needle)


def test_unknown_top_level_key_is_a_warning_with_hint(make_folder: MakeFolder) -> None:
    text = defaults.DEFAULT_RULES_YAML + "notes: 备注\nbasiss: []\n"
    root = make_folder({R: text})
    found = load_folder(root).problems
    assert [(p.line, p.severity.value) for p in found] == [
        (line_of(text, "notes:"), "warning"),
        (line_of(text, "basiss"), "warning"),
    ]
    assert "basis" in found[1].message


def test_two_sets_with_the_same_effective_date(make_folder: MakeFolder) -> None:
    other = defaults.DEFAULT_RULES_YAML.replace("id: default", "id: other")
    root = make_folder({"rules/other.yaml": other})
    assert positions(root) == [("rules/other.yaml", 1, 1, "error")]


def test_id_must_match_file_name(make_folder: MakeFolder) -> None:
    root = make_folder(
        {"rules/jl-2003.yaml": defaults.DEFAULT_RULES_YAML.replace("2000-01-01", "2003-04-01")}
    )
    assert positions(root) == [("rules/jl-2003.yaml", 1, 5, "error")]
