"""The fast path for a plain registry (``points.yaml``) against the strict reader: for every file,
the two give the identical ``ParsedFile`` (points, parent references with their positions, no
problems), or the fast path declines and the strict reader alone reads the file.

Short by default; ``GOVINFO_LONG_TESTS=1`` runs fifty times as many examples.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govinfo.load import fast
from govinfo.load.fastpoints import fast_points
from govinfo.load.records import parse_file
from govinfo.yamltext.emit import emit_list
from tests.load.test_fast_yaml import (
    FAST_SETTINGS,
    ODD_WORDS,
    SAMPLE,
    WORDS,
    completed,
    mutated,
    sometimes,
)

SAMPLE_POINTS = SAMPLE / "points.yaml"
PATH = "points.yaml"

needs_yaml_rs = pytest.mark.skipif(not fast.enabled(), reason="yaml-rs missing or disabled")


def same_or_declined(data: bytes) -> bool:
    """The property: the fast path gives what the strict reader gives, or declines. Returns
    whether the fast path took the file."""
    quick = fast_points(PATH, data)
    if quick is None:
        return False
    strict = parse_file(PATH, data, fast_path=False)
    assert quick == strict, data.decode("utf-8", "replace")
    return True


@needs_yaml_rs
def test_the_sample_registry_takes_the_fast_path_with_identical_points() -> None:
    data = SAMPLE_POINTS.read_bytes()
    assert same_or_declined(data)
    parsed = parse_file(PATH, data)
    assert parsed == parse_file(PATH, data, fast_path=False)
    assert any(ref.kind == "parent" for ref in parsed.refs)  # parents' positions
    assert any(e.year is not None for p in parsed.records for e in p.history)


GOOD = """\
# 信息直报点
- id: changchun
  name: 长春市人民政府办公厅
  short: 长春
  aliases:
    - 长春市
  kind: city
  tiers: [provincial, national]
  contact:
    name: 龙秀兰
    phone: '13498696491'
  history:
    - date: 2000-01-01
      event: admitted
      tier: national
    - date: 2001-01-01
      event: admitted
    - date: 2003-01-28
      event: commended
      year: 2002
      reason: 2002年度优秀信息直报点

- id: nongan
  name: 农安县人民政府办公室
  kind: county
  parent:   changchun   # 长春市
  tiers: [provincial]
  history:
    - date: 2001-01-01
      event: admitted
"""


@needs_yaml_rs
def test_a_plain_registry_is_read_fast_with_the_strict_positions() -> None:
    parsed = fast_points(PATH, GOOD.encode())
    assert parsed is not None
    assert parsed == parse_file(PATH, GOOD.encode(), fast_path=False)
    assert [(p.id, p.source.line, p.source.col) for p in parsed.records] == [
        ("changchun", 2, 3),
        ("nongan", 23, 3),
    ]
    assert [(r.kind, r.value, r.line, r.col) for r in parsed.refs] == [
        ("parent", "changchun", 26, 13)
    ]


TAKEN = {
    "quoted digits as a phone": GOOD,
    "double-quoted phone": GOOD.replace("'13498696491'", '"13498696491"'),
    "plain phone": GOOD.replace("'13498696491'", "0431-8888888"),
    "year with a sign": GOOD.replace("year: 2002", "year: +2002"),
    "year with a leading zero": GOOD.replace("year: 2002", "year: 02002"),
    "null optional fields": GOOD.replace("short: 长春", "short:").replace(
        "      event: commended", "      event: commended\n      tier: ~"
    ),
    "empty aliases": GOOD.replace("aliases:\n    - 长春市", "aliases: []"),
    "no trailing newline": GOOD.rstrip("\n"),
}


@needs_yaml_rs
@pytest.mark.parametrize("case", sorted(TAKEN))
def test_what_the_fast_path_takes_reads_as_the_strict_reader_reads_it(case: str) -> None:
    assert same_or_declined(TAKEN[case].encode()), case


DECLINED = {
    "plain digits as a phone": GOOD.replace("'13498696491'", "13498696491"),
    "hexadecimal year": GOOD.replace("year: 2002", "year: 0x7D2"),
    "octal year": GOOD.replace("year: 2002", "year: 0o3722"),
    "quoted year": GOOD.replace("year: 2002", "year: '2002'"),
    "year as a float": GOOD.replace("year: 2002", "year: 2002.0"),
    "year before 1900": GOOD.replace("year: 2002", "year: 1899"),
    "null year": GOOD.replace("year: 2002", "year:"),  # clean, but not decimal digits
    "tier listed twice": GOOD.replace("[provincial, national]", "[provincial, provincial]"),
    "event of an unlisted tier": GOOD.replace("tiers: [provincial]", "tiers: [national]"),
    "history out of order": GOOD.replace(
        "date: 2001-01-01\n      event: admitted\n    - date: 2003",
        "date: 2004-01-01\n      event: admitted\n    - date: 2003",
    ),
    "unknown field": GOOD.replace("  short: 长春", "  shrot: 长春"),
    "unknown contact field": GOOD.replace("    name: 龙秀兰", "    nmae: 龙秀兰"),
    "unknown history field": GOOD.replace("      year: 2002", "      yaer: 2002"),
    "no name": GOOD.replace("  name: 长春市人民政府办公厅\n", ""),
    "null name": GOOD.replace("  name: 长春市人民政府办公厅", "  name:"),
    "no history": GOOD.replace("  history:\n    - date: 2001-01-01\n      event: admitted\n", ""),
    "reserved id": GOOD.replace("id: nongan", "id: con"),
    "bad parent": GOOD.replace("parent:   changchun", "parent: Changchun"),
    "parent of a city": GOOD.replace("kind: county", "kind: city"),
    "YAML 1.1 boolean kind": GOOD.replace("kind: county", "kind: yes"),
    "unknown kind": GOOD.replace("kind: county", "kind: town"),
    "impossible date": GOOD.replace("2001-01-01", "2001-02-30"),
    "contact as a list": GOOD.replace("    name: 龙秀兰\n    phone: '13498696491'", "    - 龙秀兰"),
    "history as a mapping": GOOD.replace(
        "  history:\n    - date: 2001-01-01\n      event: admitted",
        "  history:\n    date: 2001-01-01",
    ),
    "anchor": GOOD.replace("name: 龙秀兰", "name: &n 龙秀兰"),
    "duplicate key": GOOD + "  kind: city\n",
    "blank phone": GOOD.replace("'13498696491'", "'  '"),
    "a return on the day of a leaving (a warning)": GOOD
    + "    - date: 2003-05-01\n      event: retired\n"
    + "    - date: 2003-05-01\n      event: reinstated\n",
    "an admission of a point that holds the tier (a warning)": GOOD
    + "    - date: 2002-01-01\n      event: admitted\n",
    "a name longer than points add takes (a warning)": GOOD.replace(
        "name: 长春市人民政府办公厅", "name: " + "长春市人民政府办公厅" * 5 + "长"
    ),
    "a short name longer than points add takes (a warning)": GOOD.replace(
        "short: 长春", "short: " + "长春" * 11
    ),
    "an alias longer than points add takes (a warning)": GOOD.replace(
        "- 长春市", "- " + "长春市" * 17
    ),
    "empty": "",
}


@needs_yaml_rs
@pytest.mark.parametrize("case", sorted(DECLINED))
def test_what_is_not_plain_or_not_clean_goes_to_the_strict_reader(case: str) -> None:
    data = DECLINED[case].encode()
    assert fast_points(PATH, data) is None
    assert parse_file(PATH, data) == parse_file(PATH, data, fast_path=False)


# --- mutated and generated registries ------------------------------------------------------


@needs_yaml_rs
@FAST_SETTINGS
@given(data=st.data())
def test_mutated_registries_read_the_same_or_decline(data: st.DataObject) -> None:
    text = data.draw(st.sampled_from([GOOD, SAMPLE_POINTS.read_text(encoding="utf-8")]))
    same_or_declined(data.draw(mutated(text)).encode("utf-8", "surrogatepass"))


texts = sometimes(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map("".join),
    st.sampled_from(ODD_WORDS)
    | st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=6),
)
point_ids = sometimes(
    st.sampled_from(["changchun", "nongan", "siping", "tonghua"]),
    st.sampled_from(["con", "Siping", "x", "yes", "010", "a b", "no"]),
)
tiers = st.sampled_from(["provincial", "national"])


def choice(good: list[str], odd: list[str]) -> st.SearchStrategy[object]:
    return sometimes(st.sampled_from(good), st.sampled_from(odd))


def history(listed: list[str]) -> st.SearchStrategy[list[dict[str, object]]]:
    """Events mostly in date order and of the tiers listed (a tier left out is provincial)."""
    event = st.fixed_dictionaries(
        {
            "event": choice(["admitted", "commended", "retired"], ["Admitted", "on"]),
        },
        optional={
            "tier": sometimes(st.sampled_from(listed), st.sampled_from(["county", "yes", None])),
            "year": sometimes(
                st.integers(1900, 2100),
                st.sampled_from([1899, -2002, 10**12, "2002", "0x7D2", "+2002", Decimal("2.5")]),
            ),
            "reason": texts,
        },
    )
    day = st.integers(0, 2000).map(lambda d: dt.date(2000, 1, 1) + dt.timedelta(days=d))
    odd_day = st.sampled_from(["2001-2-3", "2001-02-30", "20010203"])

    @st.composite
    def events(draw: st.DrawFn) -> list[dict[str, object]]:
        out = draw(st.lists(event, max_size=3))
        days = draw(
            sometimes(
                st.lists(day, min_size=3, max_size=3).map(sorted),
                st.lists(day | odd_day, min_size=3, max_size=3),
            )
        )
        for e, d in zip(out, days, strict=False):
            e["date"] = d
            if "tier" not in e and "provincial" not in listed:
                e["tier"] = listed[0]
        return out

    return events()


@st.composite
def point(draw: st.DrawFn) -> dict[str, object]:
    listed = draw(st.lists(tiers, min_size=1, max_size=2, unique=True))
    record: dict[str, object] = {
        "id": draw(point_ids),
        "name": draw(texts),
        "kind": draw(choice(["city", "county", "department"], ["town", "no"])),
        "tiers": draw(sometimes(st.just(listed), st.lists(tiers | st.just("x"), max_size=3))),
        "history": draw(history(listed)),
    }
    optional: dict[str, st.SearchStrategy[object]] = {
        "short": texts,
        "aliases": st.lists(texts, max_size=2),
        "parent": point_ids,
        "contact": st.fixed_dictionaries(
            {"name": texts},
            optional={
                "phone": sometimes(
                    st.from_regex(r"0[0-9]{3}-[0-9]{7}|1[0-9]{10}", fullmatch=True),
                    st.sampled_from(["", " ", "yes", "12:30", "0x1f", "010"]),
                ),
            },
        ),
        "shrot": texts,
    }
    return completed(draw, record, optional, "shrot", 4)


@needs_yaml_rs
@FAST_SETTINGS
@given(records=st.lists(point(), min_size=1, max_size=4), layout=st.data())
def test_generated_registries_read_the_same_or_decline(
    records: list[dict[str, object]], layout: st.DataObject
) -> None:
    text = emit_list(records, header=layout.draw(st.sampled_from([None, "信息直报点"])))
    same_or_declined(text.encode())
    if layout.draw(st.booleans()):
        same_or_declined(layout.draw(mutated(text)).encode("utf-8", "surrogatepass"))
