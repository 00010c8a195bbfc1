"""The 通报 as a clerk checks it before it is sent (issue 15, QA pass): the 发文字号's year is
the year of issue, a 成文日期 before the period's figures end is refused, the 版记 of a template
comes last, the title names the 发文机关, the method notes stand as a 注, late and missed 约稿
apart, the commendation says truthfully how its list was drawn, a silent network is said in a
sentence, and a usage error names only the options given."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn
from typer.testing import CliRunner

from govinfo.i18n import set_lang
from govinfo.text import display_width
from tests.support.cli import run_cli
from tests.support.notices import flat
from tests.support.parsed import lend_packs, parse_once
from tests.support.paths import SAMPLE


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("issue") / "data"
    shutil.copytree(SAMPLE, dest)
    return parse_once(dest, tmp_path_factory)


@pytest.fixture(autouse=True)
def _packs_lent(_isolated_env: None, folder: Path) -> None:
    """Each test starts with the copy's files parsed once (:mod:`tests.support.parsed`)."""
    lend_packs(folder)


def _text(path: Path) -> str:
    return "\n".join(flat(p.text) for p in Document(str(path)).paragraphs)


def _notice(runner: CliRunner, folder: Path, out: Path, *args: str) -> str:
    code, _, err = run_cli(runner, folder, *args[:2], "--out", str(out), *args[2:])
    assert code == 0, err
    return _text(out)


@pytest.fixture(scope="module")
def made(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    """The notice ``report ... --out`` writes of the module's copy, for a command line and a
    day (``GOVINFO_TODAY``), made once and only read: several tests read the same notice (the
    third quarter's, four of them)."""
    out = tmp_path_factory.mktemp("made")
    made: dict[tuple[str, ...], Path] = {}

    def make(runner: CliRunner, *args: str) -> Path:
        key = (os.environ["GOVINFO_TODAY"], *args)
        if key not in made:
            path = out / f"{len(made)}.docx"
            code, _, err = run_cli(runner, folder, *args, "--out", str(path))
            assert code == 0, (args, err)
            made[key] = path
        return made[key]

    return make


def test_the_number_takes_the_year_of_issue(
    folder: Path, tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GOVINFO_TODAY", "2004-01-15")
    text = _notice(
        runner,
        folder,
        tmp_path / "n.docx",
        "report",
        "2003",
        "--number",
        "5",
        "--date",
        "2004-01-10",
    )
    assert "吉政办函〔2004〕5号" in text.splitlines()
    assert "〔2003〕" not in text
    # without --date the 成文日期 is the day it is written, and the number that day's year:
    # a notice made in January is not backdated to the last day of the period it reports on
    text = _notice(runner, folder, tmp_path / "q.docx", "report", "2003Q3", "--number", "7")
    assert "吉政办函〔2004〕7号" in text.splitlines()
    assert "2004年1月15日" in text.splitlines()
    assert "2003年9月30日" not in text.splitlines()
    # … unless the figures end later (an --as-of after today): never before they end
    monkeypatch.setenv("GOVINFO_TODAY", "2003-09-20")
    text = _notice(runner, folder, tmp_path / "r.docx", "report", "2003Q3", "--as-of", "2003-09-30")
    assert "2003年9月30日" in text.splitlines()


def test_the_template_number_takes_the_year_of_issue(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    tpl = Document()
    tpl.add_paragraph("{{发文字号}}")
    tpl.add_paragraph("{{年度}}")
    tpl.add_paragraph("{{正文}}")
    tpl.save(str(tmp_path / "红头.docx"))
    text = _notice(
        runner,
        folder,
        tmp_path / "n.docx",
        "report",
        "2003-08",
        "--template",
        str(tmp_path / "红头.docx"),
        "--number",
        "3",
        "--date",
        "2004-01-02",
    )
    lines = text.splitlines()
    assert lines[:2] == ["吉政办函〔2004〕3号", "2003"]  # 年度 stays the year reported on
    # without --number, the template's number too is left blank to be written in
    text = _notice(
        runner,
        folder,
        tmp_path / "draft.docx",
        "report",
        "2003-08",
        "--template",
        str(tmp_path / "红头.docx"),
        "--date",
        "2004-01-02",
    )
    assert text.splitlines()[0] == "吉政办函〔2004〕\u3000\u3000号"


@pytest.mark.parametrize(
    ("lang", "words"),
    [("zh", "成文日期早于通报统计截至的 2003-08-31"), ("en", "is before 2003-08-31")],
)
def test_a_date_before_the_period_ends_is_refused(
    folder: Path, tmp_path: Path, runner: CliRunner, lang: str, words: str
) -> None:
    from govinfo.cli.main import app

    out = tmp_path / "x.docx"
    args = ["--data", str(folder), "--lang", lang, "report", "2003-08", "--out", str(out)]
    result = runner.invoke(app, [*args, "--date", "2003-07-01"])
    assert result.exit_code == 2
    assert "--date 2003-07-01" in result.stderr
    assert words in result.stderr
    assert not out.exists()
    # TO is the earlier of the period's end and --as-of: a notice as of 20 August may be dated then
    result = runner.invoke(app, [*args, "--as-of", "2003-08-20", "--date", "2003-08-19"])
    assert result.exit_code == 2
    assert "2003-08-20" in result.stderr
    result = runner.invoke(app, [*args, "--as-of", "2003-08-20", "--date", "2003-08-20"])
    assert result.exit_code == 0, result.stderr
    assert out.exists()


def test_a_year_notice_dated_inside_the_year_is_refused(
    folder: Path, tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GOVINFO_TODAY", "2004-01-15")
    out = tmp_path / "n.docx"
    code, _, err = run_cli(
        runner, folder, "report", "2003", "--out", str(out), "--date", "2003-12-30"
    )
    assert code == 2
    assert "2003-12-31" in err
    assert not out.exists()


@pytest.mark.parametrize(
    ("given", "named", "not_named"),
    [
        (["--number", "5"], "--number 只用于", "--template"),
        (["--template", "t.docx"], "--template 只用于", "--number"),
        (["--template", "t.docx", "--number", "5"], "--template 和 --number 只用于", "--date"),
        (["--date", "2003-09-01"], "--date 只用于", "--number"),
    ],
)
def test_notice_options_without_out_name_only_those_given(
    folder: Path, runner: CliRunner, given: list[str], named: str, not_named: str
) -> None:
    code, _, err = run_cli(runner, folder, "report", "2003-08", *given)
    assert code == 2
    assert named in err
    assert not_named not in err


def _q3_notice_on(template: Any, runner: CliRunner, folder: Path, tmp_path: Path) -> Any:
    """The third quarter's notice written on ``template`` (a python-docx document), read."""
    template.save(str(tmp_path / "模板.docx"))
    out = tmp_path / "n.docx"
    code, _, err = run_cli(
        runner,
        folder,
        "report",
        "2003Q3",
        "--out",
        str(out),
        "--template",
        str(tmp_path / "模板.docx"),
    )
    assert code == 0, err
    return Document(str(out))


def test_a_template_keeps_its_text_before_the_attachments_and_the_imprint_at_the_foot(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    tpl = Document()
    tpl.add_paragraph("吉林省人民政府办公厅文件")
    tpl.add_paragraph("{{正文}}")
    tpl.add_paragraph("（此件公开发布）")
    tpl.sections[0].footer.paragraphs[0].text = "模板页脚"
    doc = _q3_notice_on(tpl, runner, folder, tmp_path)
    texts = [flat(p.text) for p in doc.paragraphs]
    dated = texts.index("2003年12月31日")  # today (GOVINFO_TODAY): the day it is written
    assert texts[dated + 1] == "（此件公开发布）"  # 附注 after 成文日期, then the 附件
    assert texts[dated + 2] == "附件1"
    # nothing but the 版记 in the body's tables after 附件3's: the 版记 is in the last footer
    assert not any("抄送" in c.text for t in doc.tables for row in t.rows for c in row.cells)
    last = doc.sections[-1]
    assert len(doc.sections) == 2
    imprint = [c.text for t in last.footer.tables for row in t.rows for c in row.cells]
    assert imprint[0].startswith("抄送：省委办公厅")
    assert "印发" in imprint[-1]
    assert [p.text for p in last.footer.paragraphs] == ["模板页脚"]  # the template's footer kept
    assert [p.text for p in doc.sections[0].footer.paragraphs] == ["模板页脚"]
    assert not doc.sections[0].footer.tables  # and the 版记 only on the last page


@pytest.mark.parametrize(
    ("lang", "period", "title"),
    [
        ("zh", "2003", "吉林省人民政府办公厅关于2003年度全省政务信息工作情况的通报"),
        ("zh", "2003Q3", "吉林省人民政府办公厅关于2003年第三季度全省政务信息工作情况的通报"),
        (
            "en",
            "2003",
            "吉林省人民政府办公厅: Notice on the province's government information work in 2003",
        ),
        (
            "en",
            "2003-08",
            "吉林省人民政府办公厅: Notice on the province's government information work, August 2003",
        ),
    ],
)
def test_the_title_names_the_issuing_office(
    made: Callable[..., Path], runner: CliRunner, lang: str, period: str, title: str
) -> None:
    out = made(runner, "--lang", lang, "report", period)
    assert title in _text(out).splitlines()


def test_without_an_issuer_the_title_names_the_folders_office(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    bare = tmp_path / "data"
    shutil.copytree(folder, bare)
    text = (bare / "notice.yaml").read_text(encoding="utf-8")
    (bare / "notice.yaml").write_text(
        "\n".join(line for line in text.splitlines() if not line.startswith("issuer:")) + "\n",
        encoding="utf-8",
    )
    settings = (bare / "govinfo.yaml").read_text(encoding="utf-8")
    settings = settings.replace("office: 吉林省人民政府办公厅", "office: 某省人民政府办公厅")
    (bare / "govinfo.yaml").write_text(settings, encoding="utf-8")
    text = _notice(runner, bare, tmp_path / "n.docx", "report", "2003-08")
    assert "某省人民政府办公厅关于2003年8月全省政务信息工作情况的通报" in text.splitlines()


def test_the_method_notes_stand_under_the_attachments_tables(
    folder: Path, made: Callable[..., Path], runner: CliRunner
) -> None:
    text = _text(made(runner, "report", "2003Q3"))
    body, attachments = text.split("附件1\n", 1)
    overview = body.split("一、总体情况")[1].split("二、表扬")[0]
    assert "（累计" in overview  # the figures to date stay beside the period's
    for words in ("括号内为", "减去", "条次", "按信息条数计"):
        assert words not in body
    ranking, adopted = attachments.split("附件2\n")
    assert (
        "注：“累计”自2003年1月1日起计；“本期”为截至本期末的累计数与截至上期末的累计数之差。"
        in ranking
    )
    note = next(line for line in adopted.splitlines() if line.startswith("注："))
    for words in ("条次", "按信息条数计", "只在首次被采用的期间计1条"):
        assert words in note
    year = _text(made(runner, "report", "2003"))
    body, attachments = year.split("附件1\n", 1)
    assert "条次" not in body
    assert "注：本表按采用记录逐次列出被国务院办公厅采用的信息" in attachments.split("附件3\n")[0]
    january = _text(made(runner, "report", "2003-01"))
    assert "“累计”" not in january  # a period from 1 January shows no 累计


def test_late_and_missed_solicitations_are_named_apart(
    folder: Path, made: Callable[..., Path], runner: CliRunner
) -> None:
    import json
    from collections import Counter

    code, out, err = run_cli(runner, folder, "report", "2003Q3", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    names = {p["id"]: p["name"] for p in data["points"]}
    late: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    for s in data["solicitations"]:
        late.update(s["late"])
        missed.update(s["missed"])
    assert late
    assert missed
    text = _text(made(runner, "report", "2003Q3"))
    section = text.split("约稿未按时报送\n")[1].split("\n")[0]
    never, after = section.split("。逾期报送约稿信息的直报点：")
    assert never.startswith("未报送约稿信息的直报点：")
    for counts, words in ((missed, never), (late, after)):
        for point, n in counts.items():
            assert f"{names[point]}（{n}次）" in words
        assert words.count("次）") == len(counts)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_commendation_says_how_its_list_was_drawn(
    made: Callable[..., Path], runner: CliRunner, lang: str
) -> None:
    text = _text(made(runner, "--lang", lang, "report", "2003"))
    if lang == "zh":
        part = text.split("二、表扬")[1].split("三、存在的问题")[0]
        # 四平 (5th) and 松原 (7th) are passed over, so the 15 reach ranks 16 and 17: no “前15位”
        assert "前15位" not in part
        assert "依2003年度得分排名评出优秀信息直报点15个" in part
        assert part.count("因信息失实") == 1
        assert part.count("不参加优秀评定") == 1
    else:
        part = text.split("2. Commendations")[1].split("3. Problems")[0]
        assert "top 15" not in part
        assert "15 points are commended" in part
        assert part.count("inaccurate information") == 1


def test_a_list_of_most_of_the_network_is_said_by_its_count(
    folder: Path, made: Callable[..., Path], runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    monkeypatch.setenv("GOVINFO_TODAY", "2004-02-15")
    code, out, err = run_cli(runner, folder, "report", "2004-01", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    n = len(data["points"])
    assert len(data["silent"]) == n  # the JSON still lists every silent point (SPEC §3)
    text = _text(made(runner, "report", "2004-01"))
    problems = text.split("三、存在的问题")[1].split("四、下一步要求")[0]
    assert f"本期，全省{n}个直报点均未报送信息（各直报点情况见附件1）。" in problems
    assert f"截至本期末，全省{n}个直报点均累计得分低于按时间进度折算的取消资格分数线" in problems
    assert "（0分）" not in problems
    for p in data["points"]:
        assert p["name"] not in problems.split("舆情清单缺报")[0]
    # a short list still names its points: Q3's 零采用
    text = _text(made(runner, "report", "2003Q3"))
    assert "本期报送信息但未被采用的直报点：" in text


def test_a_count_of_most_but_not_all_says_how_many(runner: CliRunner) -> None:
    from govinfo.i18n import set_lang
    from govinfo.render.notice import listed_or_counted

    assert listed_or_counted("pn_zero_submitted", "甲、乙", 2, 4).endswith("：甲、乙。")
    said = listed_or_counted("pn_zero_submitted", "甲、乙、丙", 3, 4)
    assert said == "本期，全省4个直报点中有3个未报送信息（各直报点情况见附件1）。"
    set_lang("en")
    try:
        said = listed_or_counted("pn_zero_submitted", "a, b, c", 3, 4)
        assert said.startswith("3 of the province's 4 points submitted nothing")
    finally:
        set_lang("zh")


def test_a_long_title_breaks_between_whole_phrases(
    made: Callable[..., Path], runner: CliRunner
) -> None:
    out = made(runner, "report", "2003Q3")
    lines = next(p.text for p in Document(str(out)).paragraphs if "通报" in p.text).split("\n")
    assert lines == ["吉林省人民政府办公厅关于2003年第三季度", "全省政务信息工作情况的通报"]


@pytest.mark.parametrize(
    ("issuer", "period", "lines"),
    [
        ("", "2003年度", ["关于2003年度全省政务信息工作情况的通报"]),
        (
            "吉林省人民政府办公厅",
            "2003年度",
            ["吉林省人民政府办公厅关于2003年度", "全省政务信息工作情况的通报"],
        ),
        (
            "新疆维吾尔自治区人民政府办公厅",
            "2003年第三季度",
            ["新疆维吾尔自治区人民政府办公厅", "关于2003年第三季度", "全省政务信息工作情况的通报"],
        ),
    ],
)
def test_title_lines_fit_the_line_and_keep_phrases_whole(
    issuer: str, period: str, lines: list[str]
) -> None:
    """The title's message marks where it may break; title_lines takes the fewest of those
    places that fit the 二号 line, the most even."""
    from govinfo.i18n import t
    from govinfo.render.docx import TITLE_CELLS, title_lines

    assert title_lines(t("pn_title", issuer=issuer, period=period)).split("\n") == lines
    assert all(display_width(line) <= TITLE_CELLS for line in lines)
    interim = t(
        "pn_title_interim",
        issuer="吉林省人民政府办公厅",
        period="2003年10月",
        date="2003年10月15日",
    )
    assert title_lines(interim).split("\n") == [
        "吉林省人民政府办公厅关于2003年10月",
        "全省政务信息工作情况的通报",
        "（截至2003年10月15日）",
    ]
    set_lang("en")
    english = t("pn_title", issuer="Jilin", period="Q3 2003")
    assert title_lines(english) == english  # no place marked: left to the word processor


def test_a_notice_from_1_january_shows_its_ranking_figures_once(
    made: Callable[..., Path], runner: CliRunner
) -> None:
    """As report's tables do: Q1's 本期 is its 累计, so 附件1 shows each figure once, without
    累计名次, and its title does not promise both."""
    for period, once in (("2003Q1", True), ("2003Q3", False)):
        out = made(runner, "report", period)
        text = _text(out)
        headers = [
            [cell.text for cell in table.rows[0].cells]
            for table in Document(str(out)).tables
            if table.rows and "名次" in table.rows[0].cells[0].text
        ]
        assert headers, period
        for header in headers:
            assert any("累计" in h for h in header) is not once, (period, header)
        assert ("得分排名（本期、累计）" in text) is not once


@pytest.mark.parametrize("style_id", ["a3", None], ids=["Chinese Word's id", "no such style"])
def test_a_template_s_tables_are_ruled_by_its_own_table_grid(
    folder: Path, tmp_path: Path, runner: CliRunner, style_id: str | None
) -> None:
    """Chinese Word gives “Table Grid” (网格型) the id ``a3``: the attachments' tables name
    that id, not python-docx's ``TableGrid``, which such a template lacks (Word would draw
    them without borders). A template with no such style gets python-docx's copied in
    (python-docx failed on it with a traceback)."""
    tpl = Document()
    grid = tpl.styles["Table Grid"].element
    if style_id is None:
        grid.getparent().remove(grid)
    else:
        grid.set(qn("w:styleId"), style_id)
    tpl.add_paragraph("{{正文}}")
    doc = _q3_notice_on(tpl, runner, folder, tmp_path)
    ruled = [t for t in doc.tables if t.style is not None and t.style.name == "Table Grid"]
    assert len(ruled) >= 3  # the attachments' tables
    assert {t._tbl.tblStyle_val for t in ruled} == {style_id or "TableGrid"}
    ids = [s.get(qn("w:styleId")) for s in doc.styles.element.findall(qn("w:style"))]
    assert ids.count(style_id or "TableGrid") == 1
