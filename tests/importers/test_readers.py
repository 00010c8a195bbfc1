"""The pieces of the importer: decoding, delimiters, dates, headers, point names."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from govinfo.importers.columns import SUBMISSION_ALIASES, Mapping_, find_header, read_mapping
from govinfo.importers.files import read_tables
from govinfo.importers.points import PointIndex
from govinfo.importers.tables import DecodeFailure, Table, decode, sniff_delimiter
from govinfo.importers.values import (
    NoSuchDay,
    normalise_title,
    parse_category,
    parse_date,
    parse_datetime,
)
from govinfo.model import Category, Point, PointKind, SourceRef, Tier


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2003-8-14", dt.date(2003, 8, 14)),
        ("2003/8/14", dt.date(2003, 8, 14)),
        ("2003.8.14", dt.date(2003, 8, 14)),
        ("2003年8月14日", dt.date(2003, 8, 14)),
        ("２００３年８月１４日", dt.date(2003, 8, 14)),
        ("２００３－０８－１４", dt.date(2003, 8, 14)),
        ("20030814", dt.date(2003, 8, 14)),
        (" 2003-08-14 00:00:00 ", dt.date(2003, 8, 14)),
        (dt.datetime(2003, 8, 14), dt.date(2003, 8, 14)),
        (20030814, dt.date(2003, 8, 14)),
    ],
)
def test_dates(text: object, day: dt.date) -> None:
    assert parse_date(text) == day


@pytest.mark.parametrize("text", ["2003-02-30", "8/14/2003", "2003-8", "明天", "2003-08-14 09:30"])
def test_bad_dates(text: str) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - the parser's one failure
        parse_date(text)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2003-02-30", "day"),
        ("20030229", "day"),
        ("2003年13月1日", "month"),
        ("0000-01-01", "year"),
    ],
)
def test_dates_in_form_that_name_no_day(text: str, reason: str) -> None:
    with pytest.raises(NoSuchDay) as caught:
        parse_date(text)
    assert caught.value.reason == reason


def test_datetimes_that_name_no_time_or_day() -> None:
    with pytest.raises(NoSuchDay) as caught:
        parse_datetime("2003-08-22 24:00")
    assert caught.value.reason == "time"
    with pytest.raises(NoSuchDay) as caught:
        parse_datetime("2003-02-30 09:00")
    assert (caught.value.reason, caught.value.day) == ("day", 30)
    with pytest.raises(ValueError, match="2003-08-22 9点"):
        parse_datetime("2003-08-22 9点")


def test_datetimes() -> None:
    assert parse_datetime("2003-8-14 9:30") == dt.datetime(2003, 8, 14, 9, 30)
    assert parse_datetime("2003年8月14日9时30分") == dt.datetime(2003, 8, 14, 9, 30)
    assert parse_datetime(dt.datetime(2003, 8, 14, 9, 30)) == dt.datetime(2003, 8, 14, 9, 30)
    with pytest.raises(ValueError):  # noqa: PT011
        parse_datetime("2003-8-14 9:30:15")


def test_categories_and_titles() -> None:
    assert parse_category("调 研") is Category.RESEARCH
    assert parse_category("舆情清单") is Category.OPINION_LIST
    assert parse_category("Research") is Category.RESEARCH
    assert parse_category("经济", {"经济": "general"}) is Category.GENERAL
    assert normalise_title("长春 市　就业（ＡＢＣ）") == normalise_title("长春市就业(ABC)")


def test_decoding() -> None:
    assert decode("䶮".encode("gb18030")) == ("䶮", "GB18030")
    assert decode("a,䶮".encode("utf-8-sig")) == ("a,䶮", "UTF-8 (BOM)")
    assert decode("a\t䶮".encode("utf-16")) == ("a\t䶮", "UTF-16")
    assert decode("长春".encode()) == ("长春", "UTF-8")
    # Damaged UTF-8 is not re-read as GB18030 nonsense: the offset of the bad byte is named.
    with pytest.raises(DecodeFailure) as err:
        decode("长春,".encode() + b"\xff")
    assert err.value.offset == 7
    with pytest.raises(DecodeFailure):
        decode(b"\x80\x80abc")
    with pytest.raises(DecodeFailure):
        decode("长春".encode(), "ascii")


def test_undecodable_file_names_the_offset(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(b"a,b\n\xff\xfe\xfd\n")
    tables, problems = read_tables(path)
    assert tables == []
    assert "4" in problems[0].message
    assert "--encoding" in problems[0].message
    assert str(problems[0].where) == "x.csv:2"


def test_delimiters() -> None:
    assert sniff_delimiter("标题\n报送单位\t日期\t标题\n长春\t2003-8-1\t好,坏\n", ".csv") == "\t"
    assert sniff_delimiter("报送单位,日期,标题\n长春,2003-8-1,好\n", ".txt") == ","
    assert sniff_delimiter("报送单位;日期;标题\n", ".csv") == ";"


def test_header_below_a_title_row_and_csv_merge_fill() -> None:
    rows = [
        (1, ("2003年第三季度调研信息汇总表",)),
        (3, ("报送单位", "报送日期", "信息", None)),
        (4, (None, None, "标题", "类别")),
        (5, ("长春", "2003-8-1", "t", "综合")),
    ]
    header = find_header(Table("x.csv", None, rows), SUBMISSION_ALIASES, Mapping_())
    assert header is not None
    assert header.row == 4
    assert header.data_from == 5
    assert header.columns == {"point": 0, "date": 1, "title": 2, "category": 3}


def test_mapping_file(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text("columns:\n  来文单位: point\n  文题: title\n", encoding="utf-8")
    mapping = read_mapping(path, SUBMISSION_ALIASES)
    rows = [(1, ("来文单位", "日期", "文题", "类别"))]
    header = find_header(Table("x.csv", None, rows), SUBMISSION_ALIASES, mapping)
    assert header is not None
    assert header.columns == {"point": 0, "date": 1, "title": 2, "category": 3}


def test_point_names() -> None:
    src = SourceRef("points.yaml", 1, 1)
    cc = Point(
        "changchun",
        "长春市人民政府办公厅",
        PointKind.CITY,
        (Tier.PROVINCIAL,),
        (),
        src,
        short="长春",
        aliases=("长春市",),
    )
    jl = Point(
        "jilin", "吉林市人民政府办公厅", PointKind.CITY, (Tier.PROVINCIAL,), (), src, short="吉林市"
    )
    index = PointIndex([cc, jl])
    for name in ("长春", "长春市", "长春市人民政府办公厅", "changchun", " 长 春 "):
        assert index.match(name) is cc
    assert index.match("吉林") is None  # nothing guessed by stripping 市
    assert index.suggest("长春县") == "长春"
