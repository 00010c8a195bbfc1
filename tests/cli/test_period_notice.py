"""The 通报 and the statements of a quarter or month (issue 15 for periods): ``report 2003Q3
--out 通报.docx`` and ``report 2003-08 --statements DIR`` read back with python-docx and
openpyxl and compared with ``report PERIOD --format json`` — the same period report."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.shared import Mm
from openpyxl import load_workbook

from tests.support.cli import LineRunner, run_cli
from tests.support.notices import GROUP, flat
from tests.support.paths import SAMPLE

pytestmark = GROUP


def _num(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


@pytest.fixture(scope="module")
def made(
    tmp_path_factory: pytest.TempPathFactory, sample_reports: dict[str, Any]
) -> dict[str, Any]:
    """The Q3 notice and its JSON, made once; August's statements (docx and xlsx) and its JSON,
    made once for the modules reading them (:func:`tests.support.notices.make`)."""
    folder = tmp_path_factory.mktemp("pnotice") / "data"
    shutil.copytree(SAMPLE, folder)
    out = tmp_path_factory.mktemp("out")
    mp = pytest.MonkeyPatch()
    mp.setenv("GOVINFO_TODAY", "2004-01-10")
    mp.setenv("NO_COLOR", "1")
    runner = LineRunner()
    made: dict[str, Any] = {}
    try:
        code, _, err = run_cli(
            runner, folder, "report", "2003Q3", "--out", str(out / "q3.docx"), "--number", "7"
        )
        assert code == 0, err
        code, text, err = run_cli(runner, folder, "report", "2003Q3", "--format", "json")
        assert code == 0, err
        made["2003Q3"] = json.loads(text)
    finally:
        mp.undo()
    made["notice"] = Document(str(out / "q3.docx"))
    # August's statements (Word and workbooks) and its report's JSON, of one day
    made["2003-08"] = sample_reports["json08"]
    made["statements"] = {
        "docx": sample_reports["out"] / "st08",
        "xlsx": sample_reports["out"] / "stx",
    }
    return made


def _text(doc: Any) -> str:
    return "\n".join(flat(p.text) for p in doc.paragraphs)


def test_the_title_page_and_number(made: dict[str, Any]) -> None:
    doc = made["notice"]
    text = _text(doc)
    assert "吉林省人民政府办公厅关于2003年第三季度全省政务信息工作情况的通报" in text.splitlines()
    assert "吉政办函〔2004〕7号" in text  # dated the day it is written: 2004-01-10
    s = doc.sections[0]
    assert (round(s.page_width.mm), round(s.page_height.mm)) == (210, 297)
    assert round(s.top_margin.mm) == round(Mm(37).mm)


def test_overview_says_the_period_and_to_date_totals(made: dict[str, Any]) -> None:
    tot = made["2003Q3"]["totals"]
    now, sofar = tot["period"], tot["to_date"]
    text = _text(made["notice"])
    n = len(made["2003Q3"]["points"])
    assert (
        f"全省{n}个信息直报点共报送政务信息{now['submitted']}条（累计{sofar['submitted']}条）"
        in text
    )
    assert f"被采用{now['adopted']}条（累计{sofar['adopted']}条）" in text
    assert (
        f"国务院办公厅采用{now['national_adopted']}条（累计{sofar['national_adopted']}条）" in text
    )
    assert f"领导批示{now['instructions']}件次（累计{sofar['instructions']}件次）" in text
    score = Decimal(str(now["score"])).normalize()
    assert f"本期得分合计{score:f}分" in text


def test_commended_are_each_groups_leaders_of_the_period(made: dict[str, Any]) -> None:
    text = _text(made["notice"])
    points = made["2003Q3"]["points"]
    leaders = [p for p in points if p["rank"] <= 3 and p["period"]["score"] > 0]
    others = [p for p in points if p not in leaders]
    assert {p["group"] for p in leaders} == {g["id"] for g in made["2003Q3"]["groups"]}
    for p in leaders:
        score = Decimal(str(p["period"]["score"])).normalize()
        assert f"{p['name']}（{score:f}分）" in text
    part = text.split("二、表扬")[1].split("三、存在的问题")[0]
    for p in others:
        assert p["name"] not in part
    problems = text.split("三、存在的问题")[1].split("四、")[0]
    assert "取消直报点资格" not in problems  # not before the year's end
    assert "（六）得分偏低" in problems


def test_problems_name_the_silent_of_the_period(made: dict[str, Any]) -> None:
    text = _text(made["notice"])
    names = {p["id"]: p["name"] for p in made["2003Q3"]["points"]}
    zero_adopted = [s for s in made["2003Q3"]["silent"] if s["submitted"] and not s["adopted"]]
    assert zero_adopted
    line = next(x for x in text.splitlines() if x.startswith("本期报送信息但未被采用"))
    assert line.count("、") + 1 == len(zero_adopted)
    for s in zero_adopted:
        assert names[s["point"]] in line


def test_attachment_rankings_show_period_beside_to_date(made: dict[str, Any]) -> None:
    doc = made["notice"]
    data = made["2003Q3"]
    groups = [g["id"] for g in data["groups"]]
    tables = doc.tables[: len(groups)]
    for gid, table in zip(groups, tables, strict=True):
        members = [p for p in data["points"] if p["group"] == gid]
        header = [c.text.replace("\n", "") for c in table.rows[0].cells]  # 本期/报送 on two lines
        assert header[2:4] == ["本期报送", "累计报送"]
        body = [[c.text for c in r.cells] for r in table.rows[1:-1]]
        assert len(body) == len(members)
        for cells, p in zip(body, members, strict=True):
            assert int(cells[0]) == p["rank"]
            expected = []
            for k in ("submitted", "adopted", "score"):
                expected += [p["period"][k], p["to_date"][k]]
            assert [_num(c) for c in cells[2:8]] == [Decimal(str(x)) for x in expected]
            assert int(cells[8]) == p["rank_to_date"]
        total = [c.text for c in table.rows[-1].cells]
        assert total[1] == "合计"
        assert _num(total[6]) == sum(Decimal(str(p["period"]["score"])) for p in members)
    adopted, instructed = doc.tables[len(groups)], doc.tables[len(groups) + 1]
    assert len(adopted.rows) - 1 == len(data["adopted_items"])
    assert len(instructed.rows) - 1 == len(data["instructed_items"])
    first = data["adopted_items"][0]
    assert adopted.rows[1].cells[4].text == first["date"]


def _statement_rows(made: dict[str, Any], fmt: str) -> dict[str, list[list[Any]]]:
    out: dict[str, list[list[Any]]] = {}
    for path in sorted(made["statements"][fmt].iterdir()):
        if fmt == "docx":
            table = Document(str(path)).tables[0]
            out[path.name] = [[c.text for c in r.cells] for r in table.rows]
        else:
            ws = load_workbook(path).active
            out[path.name] = [list(r) for r in ws.iter_rows(values_only=True)]
    return out


def test_statements_run_from_the_year_start_to_the_to_date_score(made: dict[str, Any]) -> None:
    data = made["2003-08"]
    by_name = {(p["group"], p["rank"], p["name"]): p for p in data["points"]}
    files = _statement_rows(made, "docx")
    assert len(files) == len(data["points"])
    for name, rows in files.items():
        assert name.endswith(".docx")
        assert name.split("-")[0] in {"市州", "县市区", "省直部门"}
        brought, *events, subtotal = rows[1:]
        assert brought[0] == "2003-07-31"
        assert subtotal[0] == "本期小计"
        running = _num(brought[-1])
        for row in events:
            assert "2003-08-01" <= row[0] <= "2003-08-31"
            running += _num(row[-2])
            assert _num(row[-1]) == running
        assert _num(subtotal[-1]) == running
        matches = [p for p in by_name.values() if Decimal(str(p["to_date"]["score"])) == running]
        assert matches
        assert _num(subtotal[-2]) == running - _num(brought[-1])
    # every point's to-date score and period score appear, one file each
    totals = sorted(_num(rows[-1][-1]) for rows in files.values())
    assert totals == sorted(Decimal(str(p["to_date"]["score"])) for p in data["points"])
    periods = sorted(_num(rows[-1][-2]) for rows in files.values())
    assert periods == sorted(Decimal(str(p["period"]["score"])) for p in data["points"])


def test_xlsx_statements_hold_numbers(made: dict[str, Any]) -> None:
    data = made["2003-08"]
    files = _statement_rows(made, "xlsx")
    assert len(files) == len(data["points"])
    totals = []
    for rows in files.values():
        numeric = [r for r in rows if r and isinstance(r[-1], (int, float))]
        totals.append(Decimal(str(numeric[-1][-1])))
    assert sorted(totals) == sorted(Decimal(str(p["to_date"]["score"])) for p in data["points"])


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    dest = tmp_path / "data"
    shutil.copytree(SAMPLE, dest)
    return dest


def test_template_and_a_month_not_yet_over(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GOVINFO_TODAY", "2003-10-15")
    tpl = Document()
    tpl.add_paragraph("吉林省人民政府办公厅文件")
    tpl.add_paragraph("{{正文}}")
    tpl.save(str(tmp_path / "红头.docx"))
    runner = LineRunner()
    out = tmp_path / "n.docx"
    code, _, err = run_cli(
        runner,
        folder,
        "report",
        "2003-10",
        "--out",
        str(out),
        "--template",
        str(tmp_path / "红头.docx"),
    )
    assert code == 0, err
    texts = [flat(p.text) for p in Document(str(out)).paragraphs]
    assert texts[0] == "吉林省人民政府办公厅文件"
    assert (
        texts[1]
        == "吉林省人民政府办公厅关于2003年10月全省政务信息工作情况的通报（截至2003年10月15日）"
    )
    assert "本期尚未结束，以上为截至2003年10月15日的情况。" in texts
    code, text, err = run_cli(runner, folder, "report", "2003-10", "--format", "json")
    assert code == 0, err
    now = json.loads(text)["totals"]["period"]
    assert any(f"共报送政务信息{now['submitted']}条" in x for x in texts)
