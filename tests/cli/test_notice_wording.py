"""What the 通报 and the 得分明细 say, read back from real files (python-docx, openpyxl) made from
a git copy of the sample folder: a two-line cell is a line break, not an escape; a month's
workbook is titled with its month; points that left the network are not criticised; the year
notice names missing opinion lists and why points were passed over; 采用 counts say what they
count and the attachment reconciles them; no program is named in what is sent out; English
wording."""

from __future__ import annotations

import datetime as dt
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from openpyxl import load_workbook

from tests.support.cli import LineRunner, run_cli
from tests.support.notices import GROUP, TODAY, copy_sample, read_back
from tests.support.paths import SAMPLE

pytestmark = GROUP


@pytest.fixture
def made(sample_reports: dict[str, Any]) -> dict[str, Any]:
    """The notices, statements and JSON these tests read (:func:`tests.support.notices.make`)."""
    return sample_reports


def _text(path: Path) -> str:
    return "\n".join(read_back(path).paragraphs)


def _problems(text: str) -> str:
    return text.split("三、存在的问题")[1].split("四、下一步要求")[0]


def _tables_text(path: Path) -> tuple[tuple[tuple[str, ...], ...], ...]:
    return read_back(path).tables


# --- 1, 2: the statements' cells and titles ------------------------------------------------------


@pytest.mark.parametrize("folder", ["st08", "sty"])
def test_statement_cells_put_the_id_above_the_title_with_a_line_break(
    made: dict[str, Any], folder: str
) -> None:
    files = sorted((made["out"] / folder).glob("*.docx"))
    assert files
    two_lines = 0
    for f in files:
        xml = zipfile.ZipFile(f).read("word/document.xml").decode("utf-8")
        assert "\\x0a" not in xml
        assert "_x000A_" not in xml.upper()
        tables = _tables_text(f)  # a statement read once, not once a question
        for row in tables[0][1:] if tables else []:
            cell = row[1]
            if cell and "\n" in cell:
                ident, title = cell.split("\n")
                assert re.fullmatch(r"[a-z]+-\d{4}-\d{4}", ident), cell
                assert title
                two_lines += 1
    assert two_lines > 100
    # the break is Word's own line break inside the cell's paragraph
    xml = zipfile.ZipFile(files[0]).read("word/document.xml").decode("utf-8")
    assert re.search(r"<w:t>[a-z]+-\d{4}-\d{4}</w:t><w:br/><w:t>", xml)


def test_a_months_workbook_statement_is_titled_with_the_month(made: dict[str, Any]) -> None:
    names = {p["name"] for p in made["json08"]["points"]}
    files = sorted((made["out"] / "stx").glob("*.xlsx"))
    assert len(files) == len(names)
    titled = set()
    for f in files:
        ws = load_workbook(f).active
        title = ws["A1"].value
        # the point by its registry name, as a clerk knows it, not by its id (changchun)
        found = re.fullmatch(r"(.+)2003年8月政务信息得分明细", title)
        assert found, title
        assert found[1] in names
        assert not re.search("[a-z]", title), title
        titled.add(found[1])
        assert "年度" not in title
        # the row brought forward is dated as the events are: a date cell, the day before
        brought = next(r for r in ws.iter_rows() if r[3].value == "上期末累计")
        assert brought[0].is_date
        assert brought[0].value.date() == dt.date(2003, 7, 31)
    assert titled == names  # each workbook names its own point


# --- 3: a point that left the network is not criticised ----------------------------------------


def test_a_retired_point_is_not_criticised_but_is_listed(made: dict[str, Any]) -> None:
    text = _text(made["out"] / "m11.docx")
    tumen = next(p for p in made["json11"]["points"] if p["id"] == "tumen")
    assert tumen["period"]["submitted"] == 0  # retired on 2003-10-31: the JSON lists it silent
    assert "tumen" in {s["point"] for s in made["json11"]["silent"]}
    assert tumen["name"] not in _problems(text)
    rows = [r for t in _tables_text(made["out"] / "m11.docx") for r in t]
    assert any(r[1] == "图们（已退出）" for r in rows)
    # the year notice: 图们 missed solicitations and reported late, but had left by 31 December
    year = _text(made["out"] / "y.docx")
    assert tumen["name"] not in _problems(year)
    assert any(
        r[2] == tumen["name"] + "（已退出）"
        for t in _tables_text(made["out"] / "y.docx")
        for r in t
    )


def test_points_disqualified_by_close_year_are_not_named_silent_next_year(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = copy_sample(tmp_path)
    monkeypatch.setenv("GOVINFO_TODAY", TODAY)
    runner = LineRunner()
    code, _, err = run_cli(runner, folder, "close-year", "2003", "--apply", "--date", "2004-01-10")
    assert code == 0, err
    out = tmp_path / "j04.docx"
    code, _, err = run_cli(runner, folder, "report", "2004-01", "--out", str(out))
    assert code == 0, err
    code, text, _ = run_cli(runner, folder, "score", "2004", "--format", "json")
    left = [p for p in json.loads(text)["points"] if p["status"] == "left"]
    assert left
    code, text, _ = run_cli(runner, folder, "report", "2004-01", "--format", "json")
    silent = {s["point"] for s in json.loads(text)["silent"]}
    assert {p["id"] for p in left} <= silent  # the JSON stays as SPEC says
    problems = _problems(_text(out))
    assert "零报送" in problems  # the others are still named
    for p in left:
        assert p["name"] not in problems
    labels = {r[1] for t in _tables_text(out) for r in t}
    assert sum(1 for x in labels if x.endswith("（已退出）")) == len(left)


# --- 4, 6: the year notice --------------------------------------------------------------------


def test_the_year_notice_names_missing_opinion_lists(made: dict[str, Any]) -> None:
    problems = _problems(_text(made["out"] / "y.docx"))
    missing = [
        e for e in made["explain_liaoyuan"]["events"] if e["kind"] == "opinion-month-missing"
    ]
    assert missing
    assert "舆情清单缺报" in problems
    line = next(x for x in problems.splitlines() if x.startswith("未按月报送舆情清单"))
    assert f"辽源市人民政府办公厅（{len(missing)}次）" in line


def test_the_year_notice_says_why_points_were_passed_over(made: dict[str, Any]) -> None:
    text = _text(made["out"] / "y.docx")
    notes = re.findall(
        r"\S+（第 \d+ 名，[\d.]+ 分）因[^，]+，不参加优秀评定", made["terminal_2003"]
    )
    assert len(notes) == 2  # 四平 and 松原, passed over for 信息失实
    part = text.split("二、表扬")[1].split("三、存在的问题")[0]
    for note in notes:  # the terminal's words, numbers written as the notice writes them
        said = re.sub(r"(第) (\d+) (名，)([\d.]+) 分", r"\1\2\3\4分", note)
        assert said.split("因")[0] in part
    # passed over for the same reason: one clause
    assert (
        "四平市人民政府办公厅（第5名，403.2分）、松原市人民政府办公厅（第7名，314分）"
        "因信息失实，不参加优秀评定" in part
    )
    assert "（第 " not in part
    assert "四平市人民政府办公厅（第 5 名，403.2 分）因信息失实" in made["terminal_2003"]
    assert "依次递补" in part


def test_a_year_statement_says_the_point_s_status(made: dict[str, Any]) -> None:
    """As score's 状态 column says it: commended, passed over and why, disqualified."""
    say = {
        path.name.split("-", 1)[1]: next(p for p in read_back(path).paragraphs if "排名" in p)
        for path in (made["out"] / "sty").glob("*.docx")
    }
    assert say["长春.docx"].endswith("得分：592.8分；状态：优秀")
    assert say["四平.docx"].endswith("；状态：保留（未评优：信息失实）")
    assert sum(line.endswith("；状态：取消资格") for line in say.values()) >= 1
    assert say["东丰.docx"].endswith("；状态：取消资格")


# --- 5: what the adoption counts count ----------------------------------------------------------


def test_the_months_adoption_counts_say_what_they_count(made: dict[str, Any]) -> None:
    data = made["json08"]
    now, sofar = data["totals"]["period"], data["totals"]["to_date"]
    text = _text(made["out"] / "m08.docx")
    assert f"被采用{now['adopted']}条（累计{sofar['adopted']}条）" in text
    assert "条次（累计" not in text.split("二、表扬")[0].split("件次")[0]
    rows = len(data["adopted_items"])
    assert rows != now["adopted"]  # 202 adoptions listed, 176 items adopted
    tables = Document(str(made["out"] / "m08.docx")).tables
    attached = next(t for t in tables if t.rows[0].cells[3].text == "采用刊物")
    assert len(attached.rows) - 1 == rows
    national = sum(1 for r in attached.rows[1:] if "国务院办公厅" in r.cells[3].text)
    assert f"共{rows}条次" in text
    assert f"其中被国务院办公厅采用{national}条次" in text


def test_the_years_adoption_note_counts_the_attachment(made: dict[str, Any]) -> None:
    text = _text(made["out"] / "y.docx")
    rows = made["score"]["points"]
    assert f"被采用{sum(r['adopted'] for r in rows)}条，" in text
    attached = Document(str(made["out"] / "y.docx")).tables[3]
    assert attached.rows[0].cells[3].text == "采用刊物"
    assert f"被国务院办公厅采用的信息，共{len(attached.rows) - 1}条次" in text


# --- 7: office words --------------------------------------------------------------------------


def test_statements_name_no_program_and_say_the_day_in_words(made: dict[str, Any]) -> None:
    for folder in ("st08", "sty", "st01"):
        for f in (made["out"] / folder).glob("*.docx"):
            assert "govinfo" not in _text(f)
    for f in (made["out"] / "stx").glob("*.xlsx"):
        cells = [str(c) for r in load_workbook(f).active.iter_rows(values_only=True) for c in r]
        assert not [c for c in cells if "govinfo" in c]
    month = _text(next((made["out"] / "st08").glob("*.docx")))
    assert (
        "本期：2003年8月1日至2003年8月31日；累计自2003年1月1日起；计分截至2003年8月31日。" in month
    )
    year = _text(next((made["out"] / "sty").glob("*.docx")))
    assert "计分截至2003年12月31日。" in year
    january = _text(next((made["out"] / "st01").glob("*.docx")))
    assert "累计" not in january.split("2003年1月政务信息得分明细")[1]


def test_a_period_from_1_january_says_its_figures_once(made: dict[str, Any]) -> None:
    text = _text(made["out"] / "q1.docx")
    overview = text.split("一、总体情况")[1].split("二、表扬")[0]
    assert "共报送政务信息" in overview
    assert "（累计" not in overview
    assert "括号内为" not in overview


def test_the_interim_heading_names_only_what_it_holds(made: dict[str, Any]) -> None:
    problems = _problems(_text(made["out"] / "interim.docx"))
    assert "零报送、零采用" not in problems
    assert "（一）零采用" in problems
    assert "全年未报送信息" not in problems
    # the year is not over: what has not happened yet is said "so far", not "all year"
    assert "今年以来报送信息但未被采用的直报点：吉林省司法厅。" in problems


def test_a_quarter_not_over_is_named_in_words(runner: Any, tmp_path: Path) -> None:
    code, out, err = run_cli(runner, SAMPLE, "report", "2003Q4", "--as-of", "2003-11-15")
    assert code == 0, err
    assert "2003年第四季度尚未结束，数据截至 2003-11-15" in out
    assert "2003Q4 尚未结束" not in out


def test_solicitation_units_are_short_names_in_the_reports_order(made: dict[str, Any]) -> None:
    data = made["json08"]
    order = [p["id"] for p in data["points"]]
    # 附件1's rows are the report's points in its order, by short name
    shown = [r[1] for t in _tables_text(made["out"] / "m08.docx")[:3] for r in t[1:-1]]
    labels = dict(zip(order, shown, strict=True))
    ws = load_workbook(made["out"] / "r08.xlsx")["约稿完成情况"]
    body = {r[0]: r for r in ws.iter_rows(min_row=3, values_only=True) if r[0]}
    for sol in data["solicitations"]:
        ids = sorted(sol["on_time"], key=order.index)
        cell = body[sol["id"]][6] or ""
        assert cell.split("、") == [labels[i] for i in ids] if ids else not cell
        assert not re.search(r"[a-z]", cell)


# --- 8: English -------------------------------------------------------------------------------


def test_english_wording(made: dict[str, Any]) -> None:
    year = _text(made["out"] / "en.docx")
    month = _text(made["out"] / "en08.docx")
    for text in (year, month):
        assert "State Council's" not in text
        assert re.search(r"^\(1\) City \(\d+\)$", text, re.MULTILINE)
        assert not re.search(r"^\(\d\) (city|county|department)\b", text, re.MULTILINE)
    now = made["json08"]["totals"]["period"]
    assert f"adopted: {now['adopted']} item" in month
    assert "adopted by the General Office of the State Council" in year
    assert f"adopted {now['adopted']} times" not in month
