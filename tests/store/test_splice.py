"""Splicing keeps every byte the clerk wrote and places new items where they belong."""

from __future__ import annotations

import textwrap

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from govinfo.errors import GovinfoError
from govinfo.yamltext.splice import NewItem, append_to_field, insert_records


def item(rid: str, date: str) -> NewItem:
    return NewItem(f"- id: {rid}\n  date: {date}\n  title: 新{rid}\n", date)


CLERK = textwrap.dedent(
    """\
    # 长春 2003年8月 报送信息（手工整理）
    - id: cc-2003-0101
      date: 2003-08-04
      title: '关于“三农”问题的调研'   # 引号保留
      note: |
        第一行
        # 这不是注释

    # 中旬
    - id: cc-2003-0102
      date: "2003-08-14"
      title: 就业再就业情况
    # 月末
    """
)


def ids(text: str) -> list[str]:
    return [r["id"] for r in yaml.safe_load(text)]


def test_insert_in_date_order_keeps_the_clerks_text() -> None:
    new = [
        item("cc-2003-0103", "2003-08-20"),
        item("cc-2003-0104", "2003-08-01"),
        item("cc-2003-0105", "2003-08-04"),
        item("cc-2003-0106", "2003-08-14"),
    ]
    out = insert_records(CLERK, new)
    assert ids(out.text) == [
        "cc-2003-0104",
        "cc-2003-0101",
        "cc-2003-0105",
        "cc-2003-0102",
        "cc-2003-0106",
        "cc-2003-0103",
    ]
    # Every line of the original is still there, in order.
    kept = iter(out.text.splitlines())
    for line in CLERK.splitlines():
        assert any(line == other for other in kept), line
    # Each span covers exactly its item.
    lines = out.text.splitlines()
    for it, (first, last) in zip(new, out.lines, strict=True):
        assert "\n".join(lines[first - 1 : last]) + "\n" == it.text
    # The header comment stays first; the block scalar is intact.
    assert lines[0].startswith("# 长春")
    assert yaml.safe_load(out.text)[1]["note"] == "第一行\n# 这不是注释\n"
    assert out.text.endswith("# 月末\n")


def test_blank_line_convention_and_indent_followed() -> None:
    text = "  - id: a\n    date: 2003-08-01\n\n  - id: b\n    date: 2003-08-09\n"
    out = insert_records(text, [item("c", "2003-08-05")])
    assert out.text == (
        "  - id: a\n    date: 2003-08-01\n\n"
        "  - id: c\n    date: 2003-08-05\n    title: 新c\n\n"
        "  - id: b\n    date: 2003-08-09\n"
    )
    assert out.lines == [(4, 6)]


def test_empty_and_new_files() -> None:
    # A new file reads as emit_list writes it: records separated by one blank line.
    assert insert_records("", [item("a", "2003-08-02"), item("b", "2003-08-01")]).text == (
        item("b", "2003-08-01").text + "\n" + item("a", "2003-08-02").text
    )
    assert insert_records("# 无\n[]\n", [item("a", "2003-08-02")]).text == (
        "# 无\n" + item("a", "2003-08-02").text
    )


def test_crlf_and_bom_kept() -> None:
    text = "\ufeff- id: a\r\n  date: 2003-08-01\r\n"
    out = insert_records(text, [item("b", "2003-08-02")], blank_between=False)
    assert (
        out.text
        == "\ufeff- id: a\r\n  date: 2003-08-01\r\n- id: b\r\n  date: 2003-08-02\r\n  title: 新b\r\n"
    )


POINTS = textwrap.dedent(
    """\
    - id: cc   # 长春
      name: 长春市人民政府办公厅
      history:
      - date: 2002-01-01
        event: admitted   # 首批
      # 以上为历史
    - id: jl
      name: 吉林市人民政府办公厅
      history: []
    - id: sp
      name: 四平市人民政府办公厅
      tiers: [provincial]
    """
)

EVENT = NewItem("- date: 2004-01-05\n  event: commended\n  year: 2003\n")


def test_append_to_an_existing_list() -> None:
    out = append_to_field(POINTS, "cc", "history", EVENT)
    assert "    event: admitted   # 首批\n  - date: 2004-01-05\n" in out.text
    assert "  # 以上为历史\n" in out.text
    loaded = yaml.safe_load(out.text)
    assert loaded[0]["history"][-1]["event"] == "commended"
    assert out.lines == [(6, 8)]


def test_append_to_an_empty_or_missing_list() -> None:
    out = append_to_field(POINTS, "jl", "history", EVENT)
    assert yaml.safe_load(out.text)[1]["history"] == [
        {"date": __import__("datetime").date(2004, 1, 5), "event": "commended", "year": 2003}
    ]
    assert "  history:\n  - date: 2004-01-05\n" in out.text
    out = append_to_field(
        POINTS, "sp", "history", EVENT, key_order=["id", "name", "tiers", "history"]
    )
    assert out.text.endswith(
        "  tiers: [provincial]\n  history:\n  - date: 2004-01-05\n    event: commended\n    year: 2003\n"
    )
    out = append_to_field(POINTS, "sp", "history", EVENT, key_order=["id", "history", "name"])
    assert "- id: sp\n  history:\n  - date" in out.text
    assert yaml.safe_load(out.text)[2]["name"] == "四平市人民政府办公厅"


def test_unknown_record_is_refused() -> None:
    with pytest.raises(GovinfoError):
        append_to_field(POINTS, "nope", "history", EVENT)


def test_append_many_tracks_every_span() -> None:
    from govinfo.yamltext.splice import append_many

    pairs = [("sp", EVENT), ("cc", EVENT), ("jl", EVENT), ("cc", EVENT)]
    out = append_many(POINTS, pairs, "history")
    lines = out.text.splitlines(keepends=True)
    for first, last in out.lines:
        assert "".join(lines[first - 1 : last]).strip().startswith("- date: 2004-01-05")
        assert last - first == 2
    assert [len(p["history"]) for p in yaml.safe_load(out.text)] == [3, 1, 1]


DATED = textwrap.dedent(
    """\
    - id: cc
      history:
        - {date: 2001-01-01, event: admitted}  # 首批
        # 2004年
        - date: 2004-01-10
          event: commended
          year: 2003
        - date: '2004-03-01'
          event: retired
    """
)


def dated(day: str) -> NewItem:
    return NewItem(f"- date: {day}\n  event: disqualified\n  year: 2003\n", day)


@pytest.mark.parametrize(
    ("day", "place"),
    [("2000-06-01", 0), ("2003-06-01", 1), ("2004-01-10", 2), ("2004-02-01", 2), ("2005-01-01", 3)],
)
def test_a_dated_item_goes_at_its_place_in_date_order(day: str, place: int) -> None:
    out = append_to_field(DATED, "cc", "history", dated(day))
    new = out.text.splitlines()
    first, last = out.lines[0]
    added = ["    - date: " + day, "      event: disqualified", "      year: 2003"]
    assert new[first - 1 : last] == added
    assert new[: first - 1] + new[last:] == DATED.splitlines()  # only an insertion
    history = yaml.safe_load(out.text)[0]["history"]
    assert [ev["event"] for ev in history].index("disqualified") == place
    days = [str(ev["date"]) for ev in history]
    assert days == sorted(days)
    # a comment above a later event stays with it: above the new item only when that is later
    assert ("# 2004年" in "\n".join(new[: first - 1])) == (day >= "2004-01-10")


def test_an_undated_item_or_a_list_out_of_order_keeps_appending_at_the_end() -> None:
    out = append_to_field(DATED, "cc", "history", NewItem(dated("2003-06-01").text))
    assert out.text.endswith(
        "event: retired\n    - date: 2003-06-01\n      event: disqualified\n      year: 2003\n"
    )
    # the first later-dated item decides, as in insert_records: a clerk's disorder stays
    messy = DATED.replace("2001-01-01", "2004-12-01")
    out = append_to_field(messy, "cc", "history", dated("2003-06-01"))
    assert [ev["event"] for ev in yaml.safe_load(out.text)[0]["history"]][:2] == [
        "disqualified",
        "admitted",
    ]


def test_append_many_spans_follow_items_placed_before_earlier_ones() -> None:
    from govinfo.yamltext.splice import append_many

    out = append_many(DATED, [("cc", dated("2004-02-01")), ("cc", dated("2003-06-01"))], "history")
    lines = out.text.splitlines()
    assert [lines[a - 1].strip() for a, _ in out.lines] == [
        "- date: 2004-02-01",
        "- date: 2003-06-01",
    ]
    days = [str(ev["date"]) for ev in yaml.safe_load(out.text)[0]["history"]]
    assert days == sorted(days)


_dates = st.dates(
    min_value=__import__("datetime").date(2003, 8, 1),
    max_value=__import__("datetime").date(2003, 8, 31),
)
_comment = st.sampled_from(["", "# 注释\n", "\n", "  # 缩进的注释\n", "\n# 下旬\n\n"])


@settings(max_examples=60, deadline=None)
@given(
    existing=st.lists(st.tuples(_dates, _comment, st.booleans()), max_size=6),
    new=st.lists(_dates, min_size=1, max_size=5),
    header=_comment,
    indent=st.sampled_from([0, 2]),
)
def test_property_insert_keeps_text_and_orders_by_date(
    existing: list[tuple[object, str, bool]], new: list[object], header: str, indent: int
) -> None:
    pad = " " * indent
    text = header
    for i, (day, comment, quoted) in enumerate(sorted(existing, key=lambda e: str(e[0]))):
        date = f'"{day}"' if quoted else str(day)
        text += f"{pad}- id: old-{i}\n{pad}  date: {date}\n{pad}  title: 旧{i}\n" + comment
    items = [item(f"new-{i}", str(day)) for i, day in enumerate(new)]
    out = insert_records(text, items)
    loaded = yaml.safe_load(out.text) or []
    dates = [str(r["date"]) for r in loaded]
    assert dates == sorted(dates)
    assert sorted(r["id"] for r in loaded) == sorted(
        [f"old-{i}" for i in range(len(existing))] + [f"new-{i}" for i in range(len(new))]
    )
    # The original text survives as a subsequence of lines.
    kept = iter(out.text.splitlines())
    for line in text.splitlines():
        assert any(line == other for other in kept), line
    # Each new item's span is exactly its text, at the file's indentation (if it has records).
    pad = pad if existing else ""
    lines = out.text.splitlines(keepends=True)
    for it, (first, last) in zip(items, out.lines, strict=True):
        got = "".join(lines[first - 1 : last])
        assert got == "".join(pad + ln for ln in it.text.splitlines(keepends=True))
