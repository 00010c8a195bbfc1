"""One English word for each thing (``--lang en``): a 直报点 is a *point* (the top-level help
names it once as a network of points, 信息直报点), its 信息员 the *officer*, the 通报 the
*notice*, 约稿 a *solicitation*, 批示 an *instruction* — in help, messages, headers and notes
alike, in docs/ too. A column of score values (分值) is headed *score*, 零报送 reads *nothing
submitted* wherever it is said. And the words that explain: ``--no-cache`` says every cache it
bypasses, every short header a narrow terminal shows (sub, adp, SC, PL …) is spelled out under
its table, an import error lists the category words in both languages, and an issue in the
notice reads ``(no. 119)``, not ``（第119期）``."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from typer.testing import CliRunner

from govinfo.cli.main import app
from govinfo.i18n import HELP_ZH, MESSAGES, set_lang, short_headers, t
from tests.cli.test_usage import command_paths
from tests.support.folders import MakeFolder
from tests.support.paths import PROJECT

# The other words once used for the same things, and what they are called now.
OLD_WORDS = {
    r"\breporting points?\b": "point",
    r"\bdirect-reporting\b": "point",
    r"\bcirculars?\b": "notice",
    r"\bcommissions?\b": "solicitation",
}


@pytest.fixture
def english() -> Iterator[None]:
    set_lang("en")
    yield
    set_lang("zh")


def _english_help(runner: CliRunner, root: str) -> dict[tuple[str, ...], str]:
    shown = {}
    for path, _ in command_paths():
        result = runner.invoke(app, ["--data", root, "--lang", "en", *path, "--help"])
        assert result.exit_code == 0, (path, result.stderr)
        shown[tuple(path)] = " ".join(result.stdout.split())
    return shown


def test_no_english_message_uses_an_old_word() -> None:
    for key, (_, en) in MESSAGES.items():
        for old, now in OLD_WORDS.items():
            assert not re.search(old, en, re.IGNORECASE), (key, en, f"say {now}")


def test_no_english_help_uses_an_old_word(runner: CliRunner, make_folder: MakeFolder) -> None:
    for path, text in _english_help(runner, str(make_folder())).items():
        body = text if path else text.replace("its network of points (信息直报点)", "")
        for old, now in OLD_WORDS.items():
            assert not re.search(old, body, re.IGNORECASE), (path, old, f"say {now}")
    top = _english_help(runner, str(make_folder()))[()]
    assert "The information division's tool for its network of points (信息直报点)" in top


def test_the_officer_is_called_officer(runner: CliRunner, make_folder: MakeFolder) -> None:
    assert MESSAGES["od_col_contact"][1] == MESSAGES["pt_col_contact"][1] == "officer"
    shown = _english_help(runner, str(make_folder()))
    assert "Group the table by point (with its officer) or by type." in shown[("overdue",)]
    assert "its names, kind, tiers, officer and state today" in shown[("points", "show")]
    assert "--contact NAME The information officer's name." in shown[("points", "add")]
    assert "--phone PHONE The officer's phone." in shown[("points", "add")]


def test_the_notice_is_called_notice(runner: CliRunner, make_folder: MakeFolder) -> None:
    report = _english_help(runner, str(make_folder()))[("report",)]
    assert "Print the tables of a period's notice (通报), or write the notice itself" in report
    assert "通报.docx writes the notice itself" in report


def test_no_cache_says_every_cache_it_bypasses(runner: CliRunner, make_folder: MakeFolder) -> None:
    """Not only the parse cache: the result cache and the printed tables too, read or kept."""
    root = str(make_folder())
    en = " ".join(runner.invoke(app, ["--data", root, "--lang", "en", "--help"]).stdout.split())
    assert (
        "--no-cache Work everything out afresh from the files: use no cached results, parsed "
        "files or printed tables, and save none for later runs." in en
    )
    assert "parse cache" not in en
    assert HELP_ZH[":no_cache"] == (
        "一切从文件重新读取和计算：不用缓存的结果、解析过的文件和打印过的表格，也不为以后的运行保存。"
    )
    zh = runner.invoke(app, ["--data", root, "--lang", "zh", "--help"]).stdout
    assert "解析缓存" not in zh


def test_the_year_tables_note_spells_out_the_short_rank_headers(english: None) -> None:
    """A narrow terminal heads the instruction columns SC, gov, PL: the note under the table
    says what each is, and that they count instructions."""
    note = t("ye_note_adoptions")
    for rank in ("state-council", "governor", "provincial-leader"):
        header = t(f"ye_rank_{rank}")
        shortest = short_headers(header)[-1]
        assert f"{header} ({shortest})" in note, (header, shortest, note)
    assert "are instructions by leaders of that rank" in note


def test_the_notice_writes_an_issue_in_english(english: None) -> None:
    from govinfo.render.words import issue_cell

    assert issue_cell("《吉林政务信息》", "第119期") == "《吉林政务信息》 (no. 119)"
    assert "（" not in issue_cell("国务院办公厅信息刊物", "第 2 期")


def test_a_statement_names_the_group_as_a_group(english: None) -> None:
    """“in the city group: 1”, not “in city: 1”."""
    line = t("st_ranks", rank=1, group="city", group_rank=1, score="592.8")
    assert line == "Rank in the province: 1; in the city group: 1; score: 592.8"
    assert t("st_status", status="commended") == "; status: commended"
    line = t("ps_ranks_first", group="county", rank=2, score="15.5")
    assert line == "Rank in the county group for the period: 2; period score: 15.5"


def test_a_column_of_score_values_is_headed_score(english: None) -> None:
    """explain's and a statement's column of each event's value (分值) reads “score”, not
    “points”: a point is a member of the network."""
    assert t("col_points") == "score"
    assert MESSAGES["col_points"][0] == "分值"


def test_zero_submitted_reads_nothing_submitted_everywhere() -> None:
    """零报送 and 零采用 read “nothing submitted” and “nothing adopted” in the year's notice,
    a period's notice and a period's tables alike — never “no submissions”, “no adoptions”
    (a year whose folder holds no submission at all is another thing: “no submissions at
    all in 2003”)."""
    said = {"零报送": "nothing submitted", "零采用": "nothing adopted"}
    said["零报送、零采用"] = "nothing submitted, nothing adopted"
    found: dict[str, list[str]] = {zh: [] for zh in said}
    for key, (zh, en) in MESSAGES.items():
        if zh in said:
            assert en.lower() == said[zh], (key, en)
            found[zh].append(key)
        assert not re.search(r"\bno adoptions\b", en, re.IGNORECASE), (key, en)
        assert not re.search(r"\bno submissions\b(?! at all)", en, re.IGNORECASE), (key, en)
    assert found == {
        "零报送": ["pr_zero_submitted", "nt_sub_zero_submitted", "pn_sub_zero_submitted"],
        "零采用": ["pr_zero_adopted", "nt_sub_zero_adopted", "pn_sub_zero_adopted"],
        "零报送、零采用": ["nt_sub_silent"],
    }


@pytest.mark.parametrize(
    ("key", "parse"),
    [("import_category_words", "parse_category"), ("import_mode_words", "parse_mode")],
)
def test_an_import_lists_the_words_it_takes_in_either_language(key: str, parse: str) -> None:
    """The clerk's sheets write a category (类别) and a mode (采用方式) in Chinese, and the import
    takes the English words too: an English message lists both (“综合 (general), …”), a
    Chinese one the Chinese words — each of them one the import takes."""
    from govinfo.importers import values

    take = getattr(values, parse)
    zh, en = MESSAGES[key]
    chinese = zh.split("/")
    assert all(take(word) for word in chinese)
    pairs = re.findall(r"(\S+) \(([a-z ]+)\)", en)
    assert [c for c, _ in pairs] == chinese
    for word, english in pairs:
        assert take(english) == take(word), (word, english)
    assert re.fullmatch(r"(\S+ \([a-z ]+\), )*\S+ \([a-z ]+\) or \S+ \([a-z ]+\)", en)


def test_a_short_header_is_spelled_out_under_its_table(english: None) -> None:
    """sub, adp, nat, ins, res, ded, prv — the short headers a narrow terminal shows are said
    in full in a line under the table (once each, “(to date)” left off); a short form made of
    its header's words (“late by”), “#” and one the table's note spells out already (“State
    Council (SC)”) need none. Chinese headers have no short forms: no such line."""
    from govinfo.i18n import SHORT_HEADERS
    from govinfo.render.narrow import short_headers_note

    settled = {"sub": "submitted", "adp": "adopted", "nat": "national", "ins": "instructions"}
    settled |= {"res": "research", "ded": "deductions", "prv": "provincial"}
    said: dict[str, str] = {}
    for key, (zh, en) in SHORT_HEADERS.items():
        assert zh == ()
        for form in en:
            note = short_headers_note([t(key)], [form])
            if note is not None:
                short, _, word = note.removeprefix("short headers: ").partition(" = ")
                said[short] = word
    assert said.items() >= settled.items()
    plain = {"#", "issues", "on time by", "late by", "missed by", "not due"}
    assert not plain & set(said), said
    forms = {f.removesuffix(" (to date)") for _, en in SHORT_HEADERS.values() for f in en}
    assert forms == set(said) | plain, forms ^ (set(said) | plain)
    headers = ["adopted (to date)", "adopted (period)", "deductions", "State Council"]
    shown = ["adp (to date)", "adp", "ded", "SC"]
    note = short_headers_note(headers, shown, ["State Council (SC) are instructions …"])
    assert note == "short headers: adp = adopted, ded = deductions"
    assert short_headers_note(headers, headers) is None


def test_the_docs_use_the_english_words() -> None:
    """docs/ (performance, robustness) speak of the month's notice too, not its circular."""
    for doc in sorted((PROJECT / "docs").glob("*.md")):
        text = doc.read_text(encoding="utf-8")
        for old, now in OLD_WORDS.items():
            assert not re.search(old, text, re.IGNORECASE), (doc.name, old, f"say {now}")
