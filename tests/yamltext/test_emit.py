"""The canonical YAML writer: what it quotes, how it lays records out, and that every text it
writes reads back exactly (PyYAML's C and pure-Python safe loaders)."""

from __future__ import annotations

import datetime as dt
import textwrap
from decimal import Decimal
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from govinfo.model import Category, Tier
from govinfo.yamltext.emit import (
    emit_list,
    emit_list_item,
    emit_mapping,
    scalar,
    text_scalar,
)
from govinfo.yamltext.fields import ADOPTION_FIELDS, SUBMISSION_FIELDS, in_field_order

LOADERS = [yaml.SafeLoader, *([yaml.CSafeLoader] if hasattr(yaml, "CSafeLoader") else [])]


def load(text: str) -> Any:
    results = [yaml.load(text, Loader=loader) for loader in LOADERS]
    assert all(r == results[0] for r in results)
    return results[0]


# Strings that YAML 1.1 (or 1.2) would read as something else, or that break a plain scalar.
TRICKY = [
    "010",
    "0o17",
    "0x1F",
    "1e3",
    "1_000",
    "1:20",
    "+1",
    "-1",
    ".5",
    ".inf",
    "-.inf",
    ".NaN",
    "12.5",
    "no",
    "No",
    "NO",
    "yes",
    "on",
    "Off",
    "y",
    "n",
    "true",
    "False",
    "null",
    "Null",
    "~",
    "<<",
    "=",
    "2003-08-14",
    "2003-8-14",
    "2003-08-14T09:30",
    "2003-08-14 09:30:00",
    "*alias",
    "&anchor",
    "!tag",
    "!!python/object/apply:os.system",
    "%YAML",
    "@home",
    "`tick`",
    "|",
    ">",
    "'quoted'",
    '"double"',
    "#comment",
    "- item",
    "-",
    "? key",
    ": value",
    "[list]",
    "{map}",
    ",comma",
    "a: b",
    "a #b",
    "ends with colon:",
    " leading space",
    "trailing space ",
    "\u3000全角空格开头",
    "结尾全角空格\u3000",
    "",
    "...",
    "---",
    "line\nbreak",
    "carriage\rreturn",
    "tab\there",
    "nel\x85x",
    "ls\u2028x",
    "ps\u2029x",
    "bom\ufeffx",
    "bell\x07",
    "del\x7f",
    "nbsp\xa0inside",
    "\xa0nbsp first",
    "back\\slash",
    "it's",
    "😀 emoji",
    "\ufffe",
]


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_strings_read_back_exactly(text: str) -> None:
    emitted = emit_list_item({"title": text, "items": [text], "map": {"k": text}})
    assert load(emitted) == [{"title": text, "items": [text], "map": {"k": text}}]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("长春市多措并举推进下岗职工再就业", "长春市多措并举推进下岗职工再就业"),
        ("changchun-2003-0001", "changchun-2003-0001"),
        ("2003年第15期", "2003年第15期"),
        ("当前全省“三农”工作：问题与对策", "当前全省“三农”工作：问题与对策"),
        ("010", "'010'"),
        ("no", "'no'"),
        ("2003-08-14", "'2003-08-14'"),
        ("it's: x", "'it''s: x'"),
        ("a\nb", '"a\\nb"'),
        ("", "''"),
    ],
)
def test_quoting_is_minimal_and_plain_chinese_stays_plain(text: str, expected: str) -> None:
    assert text_scalar(text) == expected


def test_scalars_of_each_type() -> None:
    assert scalar(dt.date(2003, 8, 14)) == "2003-08-14"
    assert scalar(dt.datetime(2003, 8, 14, 9, 5)) == "2003-08-14T09:05"
    assert scalar(Decimal("1.50")) == "1.50"
    assert scalar(Decimal("-2")) == "-2"
    assert scalar(Decimal("1E+1")) == "10"
    assert scalar(7) == "7"
    assert scalar(True) == "true"
    assert scalar(Category.OPINION_LIST) == "opinion-list"
    assert scalar(Tier.NATIONAL) == "national"


@pytest.mark.parametrize(
    "value",
    [1.5, Decimal("NaN"), Decimal("Infinity"), dt.datetime(2003, 1, 1, 9, 0, 30), object()],
)
def test_values_the_format_cannot_hold_are_refused(value: object) -> None:
    with pytest.raises((TypeError, ValueError)):
        scalar(value)


def test_a_zoned_datetime_is_refused() -> None:
    with pytest.raises(ValueError, match="local time"):
        scalar(dt.datetime(2003, 1, 1, 9, 0, tzinfo=dt.UTC))


def test_a_submission_reads_like_the_spec() -> None:
    record = {
        "id": "changchun-2003-0001",
        "date": dt.date(2003, 1, 6),
        "title": "长春市多措并举推进下岗职工再就业",
        "category": "research",
        "co_submitters": ["nongan", "dehui"],
        "solicitation": None,
        "occurred_at": dt.datetime(2003, 1, 5, 22, 10),
        "reported_at": dt.datetime(2003, 1, 6, 0, 40),
        "reviewer": "王志强",
        "adoptions": [
            {
                "publication": "jl-zb",
                "date": dt.date(2003, 1, 9),
                "mode": "single",
                "issue": "第5期",
            }
        ],
        "instructions": [
            {
                "leader": "洪虎",
                "rank": "governor",
                "date": dt.date(2003, 1, 10),
                "note": "请省劳动保障厅阅研",
            }
        ],
        "flags": ["inaccurate"],
    }
    assert emit_list_item(record) == textwrap.dedent(
        """\
        - id: changchun-2003-0001
          date: 2003-01-06
          title: 长春市多措并举推进下岗职工再就业
          category: research
          co_submitters: [nongan, dehui]
          occurred_at: 2003-01-05T22:10
          reported_at: 2003-01-06T00:40
          reviewer: 王志强
          adoptions:
            - publication: jl-zb
              date: 2003-01-09
              mode: single
              issue: 第5期
          instructions:
            - leader: 洪虎
              rank: governor
              date: 2003-01-10
              note: 请省劳动保障厅阅研
          flags: [inaccurate]
        """
    )


def test_points_registry_layout() -> None:
    point = {
        "id": "yanbian",
        "name": "延边朝鲜族自治州人民政府办公室",
        "short": "延边州",
        "aliases": ["延边", "延边朝鲜族自治州"],
        "kind": "city",
        "tiers": ["provincial", "national"],
        "contact": {"name": "金玉兰", "phone": "0433-2512345"},
        "history": [{"date": dt.date(2001, 1, 1), "event": "admitted"}],
    }
    text = emit_list([point, {"id": "tonghua", "name": "通化市人民政府办公厅"}])
    assert text == textwrap.dedent(
        """\
        - id: yanbian
          name: 延边朝鲜族自治州人民政府办公室
          short: 延边州
          aliases:
            - 延边
            - 延边朝鲜族自治州
          kind: city
          tiers: [provincial, national]
          contact:
            name: 金玉兰
            phone: '0433-2512345'
          history:
            - date: 2001-01-01
              event: admitted

        - id: tonghua
          name: 通化市人民政府办公厅
        """
    )
    assert load(text)[0]["contact"]["phone"] == "0433-2512345"


def test_flow_lists_only_for_short_identifier_lists() -> None:
    many = [f"point-number-{i}" for i in range(12)]
    text = emit_mapping({"few": ["a", "b"], "many": many, "words": ["on", "off"], "ints": [1, 2]})
    assert "few: [a, b]\n" in text
    assert "many:\n  - point-number-0\n" in text
    assert "words:\n  - 'on'\n" in text
    assert "ints:\n  - 1\n" in text
    assert load(text) == {"few": ["a", "b"], "many": many, "words": ["on", "off"], "ints": [1, 2]}


def test_none_is_left_out_and_empty_containers_stay_typed() -> None:
    text = emit_mapping({"a": None, "b": [], "c": {}, "d": {"x": None}, "e": "x"})
    assert text == "b: []\nc: {}\nd: {}\ne: x\n"
    assert emit_list_item({"a": None}) == "- {}\n"
    assert emit_list([]) == "[]\n"
    assert load(emit_list([])) == []


def test_header_comment_and_blank_line_between_records() -> None:
    text = emit_list([{"id": "a"}, {"id": "b"}], header="第一行\n\n第三行")
    assert text == "# 第一行\n#\n# 第三行\n\n- id: a\n\n- id: b\n"


def test_nested_lists_of_lists() -> None:
    value = {"m": [[], ["a", "b"], ["长春", "吉林"], [{"k": 1}]]}
    assert load(emit_mapping(value)) == value


def test_field_order_puts_known_keys_first_and_keeps_unknown_ones() -> None:
    record = {"mode": "single", "extra": 1, "date": dt.date(2003, 1, 1), "publication": "jl-zb"}
    assert list(in_field_order(record, ADOPTION_FIELDS)) == ["publication", "date", "mode", "extra"]
    assert SUBMISSION_FIELDS[:4] == ("id", "date", "title", "category")


# --- properties -------------------------------------------------------------------------------

KEYS = st.sampled_from(["id", "date", "title", "a-b", "x_y", "no", "on", "n", "points", "k"])
SCALARS = st.one_of(
    st.text(max_size=40),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.decimals(allow_nan=False, allow_infinity=False, places=2, min_value=-1000, max_value=1000),
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31)),
    st.booleans(),
)


def _expected(value: Any) -> Any:
    """What PyYAML gives back for an emitted value."""
    if isinstance(value, Decimal):
        return (
            int(value)
            if value == value.to_integral_value() and "." not in str(value)
            else float(value)
        )
    if isinstance(value, list):
        return [_expected(v) for v in value]
    if isinstance(value, dict):
        return {k: _expected(v) for k, v in value.items() if v is not None}
    return value


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_reads_back_exactly(text: str) -> None:
    assert load(emit_list_item({"title": text})) == [{"title": text}]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(max_size=20), max_size=6))
def test_any_list_of_text_reads_back_exactly(items: list[str]) -> None:
    assert load(emit_mapping({"items": items})) == {"items": items}


RECORDS = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, min_size=1, max_size=4)
    ),
    max_leaves=8,
)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.dictionaries(KEYS, RECORDS, min_size=1, max_size=6), max_size=4))
def test_any_records_read_back_exactly(records: list[dict[str, Any]]) -> None:
    loaded = load(emit_list(records))
    assert loaded == [_expected(r) for r in records]
