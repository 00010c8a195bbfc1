"""The 通报 (issue 15): ``report YEAR --out 通报.docx`` read back with python-docx — page, margins,
grid, fonts, title, names and scores against ``score --format json`` — ``--template``,
``--statements`` (totals equal ``score``), and ``notice.yaml``'s checks."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm, RGBColor
from openpyxl import load_workbook
from typer.testing import CliRunner

from tests.support.cli import LineRunner, run_cli
from tests.support.folders import MakeFolder
from tests.support.notices import GROUP, flat, read_back
from tests.support.parsed import lend_packs, parse_once
from tests.support.paths import SAMPLE

pytestmark = GROUP


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("notice") / "data"
    shutil.copytree(SAMPLE, dest)
    return parse_once(dest, tmp_path_factory)


@pytest.fixture(autouse=True)
def _packs_lent(_isolated_env: None, folder: Path) -> None:
    """Each test starts with the copy's files parsed once (:mod:`tests.support.parsed`)."""
    lend_packs(folder)


@pytest.fixture(scope="module")
def made(
    folder: Path, tmp_path_factory: pytest.TempPathFactory, sample_reports: dict[str, Any]
) -> dict[str, object]:
    """The notice and the score JSON of the sample's 2003, made once; the year's statements
    and the score JSON of their day, made once for the modules reading them
    (:func:`tests.support.notices.make`)."""
    mp = pytest.MonkeyPatch()
    mp.setenv("GOVINFO_TODAY", "2004-01-10")
    mp.setenv("NO_COLOR", "1")
    out = tmp_path_factory.mktemp("out")
    runner = LineRunner()
    try:
        code, _, err = run_cli(
            runner,
            folder,
            "report",
            "2003",
            "--out",
            str(out / "通报.docx"),
            "--number",
            "5",
            "--date",
            "2004-01-10",
        )
        assert code == 0, err
        code, score, err = run_cli(runner, folder, "score", "2003", "--format", "json")
        assert code == 0, err
    finally:
        mp.undo()
    return {
        "notice": out / "通报.docx",
        "score": json.loads(score),
        "statements": sample_reports["out"] / "sty",
        "statements_score": sample_reports["score"],
    }


def _text(doc: Document) -> str:
    return "\n".join(flat(p.text) for p in doc.paragraphs)


def test_page_margins_and_grid_follow_gb_9704(made: dict[str, object]) -> None:
    doc = Document(str(made["notice"]))
    s = doc.sections[0]

    def mm(length: Mm) -> float:  # stored in twips: 1/20 pt
        return round(length.mm, 1)

    assert (mm(s.page_width), mm(s.page_height)) == (210, 297)
    assert [mm(x) for x in (s.top_margin, s.bottom_margin, s.left_margin, s.right_margin)] == [
        37,
        35,
        28,
        26,
    ]
    grid = s._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "linesAndChars"
    assert grid.get(qn("w:linePitch")) == "579"  # 225 mm / 22 lines
    assert doc.settings.odd_and_even_pages_header_footer
    assert s.footer.paragraphs[0].alignment == 2  # odd pages: right
    assert s.even_page_footer.paragraphs[0].alignment == 0  # even pages: left
    assert "PAGE" in s.footer._element.xml


def test_imprint_sits_at_the_foot_of_the_last_page(made: dict[str, object]) -> None:
    doc = Document(str(made["notice"]))
    last = doc.sections[-1]
    assert len(doc.sections) == 2
    for footer in (last.footer, last.even_page_footer):
        cells = [row.cells[0].text for row in footer.tables[0].rows]
        assert cells[0] == "抄送：省委办公厅，省人大常委会办公厅，省政协办公厅，省纪委办公厅。"
        assert cells[1] == "吉林省人民政府办公厅秘书处\t2004年1月10日印发"
        assert "PAGE" in footer.paragraphs[-1]._p.xml


def test_headings_and_captions_stay_with_what_follows(made: dict[str, object]) -> None:
    """一、 and （一） headings and the captions over 附件1's tables are kept on the page of
    what follows them: none is left alone at a page's foot."""
    doc = Document(str(made["notice"]))
    heads = [
        p
        for p in doc.paragraphs
        if re.match(r"^(?:[一二三四五六七八九十]、|（[一二三四五六七八九十]）)", p.text.strip())
    ]
    assert len(heads) >= 5
    loose = [p.text for p in heads if not p.paragraph_format.keep_with_next]
    assert not loose, loose


def test_fonts_name_east_asian_faces_and_language(made: dict[str, object]) -> None:
    doc = Document(str(made["notice"]))
    paras = {flat(p.text): p for p in doc.paragraphs if p.text}
    title = paras["吉林省人民政府办公厅关于2003年度全省政务信息工作情况的通报"]
    fonts = title.runs[0]._element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "方正小标宋简体"
    assert fonts.get(qn("w:ascii")) == "Times New Roman"
    assert title.runs[0].font.size.pt == 22
    assert title.alignment == 1
    heading = next(p for t, p in paras.items() if t.startswith("一、"))
    assert heading.runs[0]._element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "黑体"
    sub = next(p for t, p in paras.items() if t.startswith("（一）"))
    assert sub.runs[0]._element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "楷体_GB2312"
    body = next(p for t, p in paras.items() if t.startswith("根据"))
    assert body.runs[0]._element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert body.runs[0].font.size.pt == 16
    langs = doc.styles.element.findall(".//" + qn("w:lang"))
    assert any(lang.get(qn("w:eastAsia")) == "zh-CN" for lang in langs)


def test_every_style_a_notice_or_statement_names_is_defined(made: dict[str, object]) -> None:
    """The template is trimmed (govinfo.render.docxfile): what the documents name is kept."""
    named = re.compile(r'<w:(?:pStyle|rStyle|tblStyle|basedOn|link|next) w:val="([^"]+)"')
    statements = sorted(Path(str(made["statements"])).glob("*.docx"))
    assert statements
    for path in [Path(str(made["notice"])), *statements[:3]]:
        with zipfile.ZipFile(path) as z:
            xml = {n: z.read(n).decode() for n in z.namelist() if n.endswith(".xml")}
        defined = set(re.findall(r'w:styleId="([^"]+)"', xml["word/styles.xml"]))
        for name, text in xml.items():
            assert set(named.findall(text)) <= defined, (path.name, name)


def test_a_notice_s_file_properties_are_its_own(made: dict[str, object]) -> None:
    """Not python-docx's template's: "python-docx", "generated by python-docx", 2013."""
    props = Document(str(made["notice"])).core_properties
    assert props.title == "吉林省人民政府办公厅关于2003年度全省政务信息工作情况的通报"
    assert props.author == props.last_modified_by == "吉林省人民政府办公厅"
    assert props.comments == ""
    assert props.created.year >= 2026
    assert props.created == props.modified
    statement = Document(str(sorted(Path(str(made["statements"])).glob("*.docx"))[0]))
    assert statement.core_properties.title.endswith("2003年度政务信息得分明细")  # named
    assert statement.core_properties.title != "2003年度政务信息得分明细"
    assert statement.core_properties.author == ""


def test_names_scores_and_numbers_agree_with_score(made: dict[str, object]) -> None:
    doc = Document(str(made["notice"]))
    text = _text(doc)
    rows = made["score"]["points"]  # type: ignore[index]
    assert "吉政办函〔2004〕5号" in text
    assert "2004年1月10日" in text
    commended = [r for r in rows if r["status"] == "commended"]
    disqualified = [r for r in rows if r["status"] == "disqualified"]
    assert commended
    assert disqualified
    for r in commended + disqualified:
        assert f"{r['name']}（{r['score']}分）" in text
    submitted = sum(r["submitted"] for r in rows)
    assert f"共报送政务信息{submitted}条" in text
    # 附件1: one table per group; every point once, with its rank and score, and 合计 rows.
    seen = {}
    for table in doc.tables[:3]:
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        body = table.rows[1:-1]
        for row in body:
            cells = [c.text for c in row.cells]
            seen[cells[2]] = (int(cells[1]), Decimal(cells[3]), int(cells[4]))
            assert row.cells[3].paragraphs[0].alignment == 2  # numbers right-aligned
        ranks = [(int(r.cells[0].text), int(r.cells[1].text)) for r in body]
        for group_rank, rank in ranks:  # competition ranking inside the group
            assert group_rank == 1 + sum(1 for _, other in ranks if other < rank)
        total = [c.text for c in table.rows[-1].cells]
        assert total[2] == "合计"
        assert int(total[4]) == sum(int(r.cells[4].text) for r in body)
    # a point that has left the network is listed as score lists it, marked 已退出
    assert seen == {
        r["name"] + ("（已退出）" if r["status"] == "left" else ""): (
            r["rank"],
            Decimal(str(r["score"])),
            r["submitted"],
        )
        for r in rows
    }
    assert any(r["status"] == "left" for r in rows)


def test_the_adoptions_sentence_adds_up(made: dict[str, object]) -> None:
    # 被采用N条，其中国办a、省办b: an item adopted at both levels is one of the N and counts at
    # each level, so the sentence says how many did (c) and a + b - c == N for the reader
    text = _text(Document(str(made["notice"])))
    found = re.search(
        r"被采用(\d+)条，其中被国务院办公厅采用(\d+)条、被省政府办公厅采用(\d+)条"
        r"(?:（(\d+)条被两级同时采用，分别计入）)?；",
        text,
    )
    assert found is not None, text[:600]
    adopted, national, provincial = (int(found[i]) for i in (1, 2, 3))
    both = int(found[4] or 0)
    rows = made["score"]["points"]  # type: ignore[index]
    assert adopted == sum(r["adopted"] for r in rows)
    assert national == sum(r["national_adopted"] for r in rows)
    assert both > 0  # the sample has items adopted at both levels
    assert national + provincial - both == adopted


def test_secret_titles_never_appear(made: dict[str, object], folder: Path) -> None:
    from govinfo.load import load_folder

    doc = Document(str(made["notice"]))
    cells = {c.text for t in doc.tables for row in t.rows for c in row.cells}
    assert "[密]" in cells
    subs = load_folder(folder).folder.submissions
    public = "\n".join(s.title for s in subs if not s.is_secret)
    secrets = [s.title for s in subs if s.is_secret and s.title not in public]
    assert secrets
    assert not [s for s in secrets if s in cells or s in _text(doc)]


def test_statements_total_equals_score(made: dict[str, object]) -> None:
    rows = {r["name"]: r for r in made["statements_score"]["points"]}  # type: ignore[index]
    files = sorted(Path(made["statements"]).iterdir())  # type: ignore[arg-type]
    assert len(files) == len(rows)
    for f in files:
        doc = read_back(f)  # (read by tests/cli/test_notice_wording.py too)
        name = doc.paragraphs[2].split("：", 1)[1]
        rank, _, short = f.stem.partition("-")
        assert int(rank) == rows[name]["rank"]
        assert short
        assert not set(short) & set('<>:"/\\|?*')
        score = Decimal(str(rows[name]["score"]))
        if doc.tables:
            last = doc.tables[0][-1][-1]
            assert Decimal(last) == score
        else:
            assert score == 0


def test_statements_as_xlsx(folder: Path, tmp_path: Path, runner: CliRunner) -> None:
    code, _, err = run_cli(
        runner,
        folder,
        "report",
        "2003",
        "--statements",
        str(tmp_path / "st"),
        "--statement-format",
        "xlsx",
    )
    assert code == 0, err
    files = sorted((tmp_path / "st").glob("*.xlsx"))
    book = load_workbook(files[0])
    assert book.properties.title == "长春市人民政府办公厅2003年度政务信息得分明细"
    assert not book.properties.creator  # not "openpyxl"
    first = book.active
    values = [r for r in first.iter_rows(values_only=True) if r and r[-1] is not None]
    code, out, _ = run_cli(runner, folder, "score", "2003", "--format", "json")
    top = json.loads(out)["points"][0]
    assert files[0].name.startswith("01-")
    assert Decimal(str(values[-1][-1])) == Decimal(str(top["score"]))


def test_statements_into_a_folder_that_does_not_exist_are_refused_at_once(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    """A usage error (exit 2) before anything is read — a folder with errors is not even
    read (exit 1 otherwise) — : govinfo makes the statements' folder, never those above it."""
    broken = tmp_path / "data"
    shutil.copytree(folder, broken, ignore=shutil.ignore_patterns(".git"))
    (broken / "points.yaml").write_text("- id: [\n", encoding="utf-8")
    target = tmp_path / "无此文件夹" / "得分明细"
    code, _, err = run_cli(runner, broken, "report", "2003", "--statements", str(target))
    assert code == 2, err
    assert str(target.parent) in err
    assert not target.parent.exists()


def test_a_statement_before_the_year_ends_gives_no_status(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    """In July every point is 保留: a statement would read it as the verdict. The status is
    said once the year's outcome is final (tests/cli/test_notice_wording.py)."""
    out = tmp_path / "st"
    code, _, err = run_cli(
        runner, folder, "report", "2003", "--as-of", "2003-07-31", "--statements", str(out)
    )
    assert code == 0, err
    first = sorted(out.glob("*.docx"))[0]
    line = next(p for p in read_back(first).paragraphs if "排名" in p)
    assert line.startswith("全省排名：第1名")
    assert "状态" not in line


def test_template_keeps_the_letterhead_and_fills_the_placeholder(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    tpl = Document()
    tpl.core_properties.author = "Administrator"  # whoever made the letterhead: not the author
    head = tpl.add_paragraph()
    run = head.add_run("吉林省人民政府办公厅文件")
    run.font.color.rgb = RGBColor(0xFF, 0, 0)
    tpl.add_paragraph("{{发文字号}}")
    tpl.add_paragraph("{{正文}}")
    tpl.add_paragraph("（此页为模板结尾）")
    tpl.save(str(tmp_path / "红头.docx"))
    code, _, err = run_cli(
        runner,
        folder,
        "report",
        "2003",
        "--out",
        str(tmp_path / "n.docx"),
        "--template",
        str(tmp_path / "红头.docx"),
        "--number",
        "7",
    )
    assert code == 0, err
    doc = Document(str(tmp_path / "n.docx"))
    texts = [flat(p.text) for p in doc.paragraphs]
    assert texts[0] == "吉林省人民政府办公厅文件"
    assert doc.paragraphs[0].runs[0].font.color.rgb == (0xFF, 0, 0)
    assert texts[1] == "吉政办函〔2003〕7号"
    assert "{{正文}}" not in texts
    assert texts[2] == "吉林省人民政府办公厅关于2003年度全省政务信息工作情况的通报"
    # the template's text after {{正文}} follows the 成文日期 (a 附注's place), before 附件1
    assert texts.index("（此页为模板结尾）") < texts.index("附件1")
    footer = doc.sections[-1].footer  # the 版记 at the foot of the last page
    imprint = [c.text for t in footer.tables for row in t.rows for c in row.cells]
    assert any(x.startswith("抄送：省委办公厅") for x in imprint)
    assert doc.core_properties.author == "吉林省人民政府办公厅"  # the issuing office
    assert doc.core_properties.title == texts[2]


def test_bad_template_is_refused_without_writing(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    (tmp_path / "bad.docx").write_text("not a docx")
    code, _, err = run_cli(
        runner,
        folder,
        "report",
        "2003",
        "--out",
        str(tmp_path / "n.docx"),
        "--template",
        str(tmp_path / "bad.docx"),
    )
    assert code == 2
    assert "bad.docx" in err
    assert not (tmp_path / "n.docx").exists()


def test_check_reports_notice_yaml_problems_with_positions(make_folder, runner) -> None:  # type: ignore[no-untyped-def]
    root = make_folder(
        {
            "notice.yaml": "issuer: 某办公厅\nnumber: 吉政办函〔{year}〕{m}号\ncopy_to: 省委办公厅\nsignatur: x\n"
        }
    )
    code, out, err = run_cli(runner, root, "check")
    assert code == 1
    text = out + err
    assert "notice.yaml:2:9: error" in text
    assert "{m}" in text
    assert "notice.yaml:3:10: error" in text
    assert "notice.yaml:4:1: warning" in text
    assert "signature" in text


def test_without_notice_yaml_the_office_signs(make_folder, runner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    root = make_folder()
    code, _, err = run_cli(runner, root, "report", "2003", "--out", str(tmp_path / "n.docx"))
    assert code == 0, err
    text = _text(Document(str(tmp_path / "n.docx")))
    assert text.count("吉林省人民政府办公厅") >= 2  # 版头 and 落款
    code, _, err = run_cli(
        runner, root, "report", "2003", "--out", str(tmp_path / "m.docx"), "--number", "3"
    )
    assert code == 2
    assert "number" in err


def test_english_draft(folder: Path, tmp_path: Path, runner: CliRunner) -> None:
    from govinfo.cli.main import app

    result = runner.invoke(
        app,
        [
            "--data",
            str(folder),
            "--lang",
            "en",
            "report",
            "2003",
            "--out",
            str(tmp_path / "en.docx"),
        ],
    )
    assert result.exit_code == 0, result.stderr
    text = _text(Document(str(tmp_path / "en.docx")))
    assert "Notice on the province's government information work in 2003" in text
    assert "1. Overview" in text


@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)
def test_libreoffice_renders_the_notice(made: dict[str, object], tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils (pdftotext) is not installed")
    src = Path(made["notice"])  # type: ignore[arg-type]
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(src),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    pdf = tmp_path / (src.stem + ".pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    pages = int(
        next(line.split()[-1] for line in info.stdout.splitlines() if line.startswith("Pages"))
    )
    assert 5 < pages < 80
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout.replace(" ", "")
    assert "政务信息工作情况的通报" in text
    assert "印发" in text
    assert "抄送" in text
    assert "—1—" in text


def test_interim_notice_names_the_points_at_risk_and_no_outcome(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    code, _, err = run_cli(
        runner,
        folder,
        "report",
        "2003",
        "--as-of",
        "2003-06-30",
        "--out",
        str(tmp_path / "n.docx"),
    )
    assert code == 0, err
    text = _text(Document(str(tmp_path / "n.docx")))
    assert "吉林省人民政府办公厅关于2003年度全省政务信息工作情况的通报（截至2003年6月30日）" in text
    assert "表扬在年度结束后评定" in text
    code, out, _ = run_cli(
        runner, folder, "score", "2003", "--as-of", "2003-06-30", "--format", "json"
    )
    at_risk = [r for r in json.loads(out)["points"] if r["at_risk"]]
    assert at_risk
    for r in at_risk:
        assert f"{r['name']}（{r['score']}分）" in text


def test_statement_file_names_are_safe_on_windows() -> None:
    from govinfo.render.statement import safe_name

    assert safe_name('省"财政"厅: 1/2?') == "省_财政_厅_ 1_2_"
    assert safe_name("CON") == "_CON"
    assert safe_name("aux.docx") == "_aux.docx"
    assert safe_name("长春. ") == "长春"
    assert safe_name("...") == "_"


def test_notice_yaml_paragraphs_from_one_text() -> None:
    from govinfo.load.notice import parse_notice

    settings, problems = parse_notice(
        "requirements: |\n  第一段，\n  接着写。\n\n  第二段。\nnumber: 吉政办函〔{year}〕号\n".encode()
    )
    assert settings is None  # the number has no {n}: the record is not taken
    assert [(p.line, p.col) for p in problems] == [(6, 9)]
    settings, problems = parse_notice(
        "requirements: |\n  第一段，\n  接着写。\n\n  第二段。\n".encode()
    )
    assert problems == []
    assert settings is not None
    assert settings.requirements == ("第一段，接着写。", "第二段。")


def test_notice_at_a_revision_without_notice_yaml(make_folder, runner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    root = make_folder()
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "init"]):
        subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)
    (root / "notice.yaml").write_text("issuer: 后来写的机关\n", encoding="utf-8")
    code, _, err = run_cli(
        runner, root, "report", "2003", "--at", "HEAD", "--out", str(tmp_path / "n.docx")
    )
    assert code == 0, err
    text = _text(Document(str(tmp_path / "n.docx")))
    assert "后来写的机关" not in text
    assert "吉林省人民政府办公厅" in text


def test_groups_of_govinfo_yaml_name_the_notice_groups(make_folder, runner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    root = make_folder(
        {
            "govinfo.yaml": "format: 1\noffice: 吉林省人民政府办公厅\nprovince: 吉林省\n"
            "language: zh\ngroups:\n  - {id: all, name: 全体直报点, kinds: [city, county, department]}\n"
        }
    )
    code, _, err = run_cli(runner, root, "report", "2003", "--out", str(tmp_path / "n.docx"))
    assert code == 0, err
    doc = Document(str(tmp_path / "n.docx"))
    assert "（一）全体直报点" in _text(doc)
    assert len(doc.tables[0].rows) == 1 + 3 + 1  # header, the three points, 合计


def _march(national: bool) -> str:
    both = "\n    - {publication: gb-xinxi, date: 2003-03-20, mode: single}" if national else ""
    return f"""\
- id: cc-1
  date: 2003-03-03
  title: 春耕备耕情况
  category: general
  reviewer: 张三
  adoptions:
    - {{publication: jl-zb, date: 2003-03-10, mode: single}}{both}
- id: cc-2
  date: 2003-03-04
  title: 企业改制情况
  category: general
  reviewer: 张三
  adoptions:
    - {{publication: jl-zwxx, date: 2003-03-10, mode: single}}
    - {{publication: jl-zb, date: 2003-03-12, mode: single}}
"""


@pytest.mark.parametrize(
    ("national", "sentence"),
    [
        (
            True,
            "被采用2条，其中被国务院办公厅采用1条、被省政府办公厅采用2条"
            "（1条被两级同时采用，分别计入）；",
        ),
        (False, "被采用2条，其中被国务院办公厅采用0条、被省政府办公厅采用2条；"),
    ],
)
def test_an_item_adopted_at_both_levels_is_named_in_the_sentence(
    make_folder: MakeFolder, runner: CliRunner, tmp_path: Path, national: bool, sentence: str
) -> None:
    root = make_folder({"submissions/2003/changchun/03.yaml": _march(national)})
    code, _, err = run_cli(runner, root, "report", "2003", "--out", str(tmp_path / "n.docx"))
    assert code == 0, err
    assert sentence in _text(Document(str(tmp_path / "n.docx")))
