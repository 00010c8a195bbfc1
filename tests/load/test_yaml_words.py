"""YAML mistakes in the clerk's words, one problem per mistake, the same count everywhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govinfo.i18n import set_lang
from govinfo.load import load_folder
from govinfo.load.text import parse_yaml
from tests.support.cli import run_cli as run
from tests.support.folders import BASE_POINTS, MakeFolder


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        (
            "- id: a\n  title: 长春: 调研\n",
            (2, 12),
            "标题里的半角冒号后跟空格会被当作键：请给标题加引号",
        ),
        ("- id: a\n\ttitle: x\n", (2, 1), "制表符（Tab）"),
        ("deductions:\n\tx: 2\n  y: 1\n", (2, 1), "制表符（Tab）"),  # libyaml names no tab
        ("penalties:\n  x: 2\n\ty: 1\n", (3, 1), "制表符（Tab）"),
        ('- id: a\n  title: "长春\n- id: b\n', (2, 10), "引号没有配对"),
        ("- id: a\n  aliases: [长春, 长春市\n  kind: city\n", (2, 12), "“[”没有配对的“]”"),
        ("- {id: a, title: b\n- id: c\n", (1, 3), "“{”没有配对的“}”"),
        ("- id: a\n  title: x\n kind: city\n", (3, 2), "缩进与上文不一致"),
        ("- id: a\n  title: x\n   kind: city\n", (3, 8), "缩进得多"),
        ("- id: a\n  title x\n  kind: city\n", (2, 3), "缺少冒号"),
        ("- id: a\n  kind： city\n  title: x\n", (2, 7), "全角冒号“：”，请改为半角冒号"),
        ("- id: a\n  title: x\n  kind：city\n", (3, 7), "全角冒号“：”，请改为半角冒号"),
        ("- id： a\n  title: x\n", (1, 5), "全角冒号“：”，请改为半角冒号"),
        ("- id: a\n  adoptions:\n    - mode： single\n      date: x\n", (3, 11), "全角冒号"),
    ],
)
def test_mistakes_in_words(text: str, where: tuple[int, int], words: str) -> None:
    set_lang("zh")
    _, problems = parse_yaml("x.yaml", text.encode())
    assert [(p.line, p.col) for p in problems] == [where]
    assert words in problems[0].message
    assert "YAML：" not in problems[0].message  # no parser jargon left


def test_in_english() -> None:
    set_lang("en")
    try:
        _, problems = parse_yaml("x.yaml", "- id: a\n  title: 长春: 调研\n".encode())
        assert "put the title in quotes" in problems[0].message
    finally:
        set_lang("zh")


def test_a_full_width_colon_the_parser_reads_as_text_is_named_too(
    make_folder: MakeFolder,
) -> None:
    """Valid YAML, but not what was meant: ``- id： a`` alone is a text item, ``title： 长春: 调研``
    a key ``title： 长春``. Each is one error at the full-width colon, not "not a record" or an
    unknown field plus a missing title."""
    sub = (
        "- id: cc-1\n  date: 2003-03-05\n  title: 长春调研\n  category: general\n  reviewer: 王丽\n"
    )
    files = {
        "submissions/2003/changchun/03.yaml": "- id： cc-0\n"
        + sub.replace("title: 长春调研", "title： 长春: 调研"),
    }
    root = make_folder(files)
    assert _messages(root, "zh") == [
        "submissions/2003/changchun/03.yaml:1:5: error: 这里用了全角冒号“：”，请改为半角冒号“:”（后跟一个空格）",
        "submissions/2003/changchun/03.yaml:4:8: error: 这里用了全角冒号“：”，请改为半角冒号“:”（后跟一个空格）",
    ]
    assert _messages(root, "en")[0] == (
        "submissions/2003/changchun/03.yaml:1:5: error: a full-width colon “：” is used here:"
        " write a half-width colon “:” (followed by a space)"
    )


RECORD = "- id: ID\n  date: 2003-MM-05\n  title: 长春调研\n  category: general\n  reviewer: 王丽\n"


def _record(n: int) -> str:
    return RECORD.replace("ID", f"cc-{n}").replace("MM", f"{n:02d}")


# (file's month, the record's text, line, column of the full-width colon)
FULL_WIDTH_KEYS = [
    # block style, a key that is no ASCII word: YAML reads a text and then misses a ':'
    (1, _record(1).replace("title: 长春调研", "标题：长春调研"), 3, 5),
    # block style, a quoted key
    (2, _record(2).replace("title: 长春调研", '"title"：长春调研'), 3, 10),
    (3, _record(3).replace("- id: cc-3", "- 'id'：cc-3"), 1, 7),
    (4, _record(4).replace("title: 长春调研", '"title"： 长春: 调研'), 3, 10),
    # flow style, a quoted key
    (
        5,
        "- {id: cc-5, date: 2003-05-05, 'title'： 长春调研, category: general, reviewer: 王丽}\n",
        1,
        39,
    ),
    # valid YAML: the colon inside quotes, read as a key or a text item; the column is the
    # colon's, one past the quote
    (6, _record(6).replace("title: 长春调研", '"title： 长春": 调研'), 3, 9),
    (
        7,
        '- {id: cc-7, date: 2003-07-05, "title：长春调研", category: general, reviewer: 王丽}\n',
        1,
        38,
    ),
    (8, '- "id： cc-0"\n' + _record(8), 1, 6),
]


def test_a_full_width_colon_after_any_key_is_named_at_the_colon(
    make_folder: MakeFolder, runner: CliRunner
) -> None:
    """``标题：…`` or a quoted key (``"title"：…``, ``'id'：…``), in block or flow style: the
    full-width-colon message at that colon, not "missing colon", a bad indent or an unpaired
    bracket; a colon inside quotes is placed at itself, not at the character before it."""
    files: dict[str, str | bytes] = {
        f"submissions/2003/changchun/{month:02d}.yaml": text
        for month, text, _line, _col in FULL_WIDTH_KEYS
    }
    root = make_folder(files)
    for lang, words in (
        ("zh", "这里用了全角冒号“：”，请改为半角冒号“:”（后跟一个空格）"),
        (
            "en",
            "a full-width colon “：” is used here: write a half-width colon “:” (followed by a space)",
        ),
    ):
        code, out, _err = run(runner, root, "--lang", lang, "--no-cache", "check")
        assert code == 1
        said = [line for line in out.splitlines() if ": error: " in line or ": warning: " in line]
        assert sorted(said) == [
            f"submissions/2003/changchun/{month:02d}.yaml:{line}:{col}: error: {words}"
            for month, _text, line, col in FULL_WIDTH_KEYS
        ], out


def _messages(root: Path, lang: str) -> list[str]:
    set_lang(lang)
    try:
        return [str(p) for p in load_folder(root).problems]
    finally:
        set_lang("zh")


def test_a_full_width_space_at_a_value_s_edge_is_named(make_folder: MakeFolder) -> None:
    """``point: 　baishan`` looks right on screen: the message says what is there."""
    adjustment = "- id: TZ-1\n  point: POINT\n  date: 2003-03-14\n  kind: KIND\n  reason: 漏报\n"
    root = make_folder(
        {
            "adjustments/2003.yaml": adjustment.replace("POINT", "\u3000siping").replace(
                "KIND", "manual\u3000"
            )
            + adjustment.replace("TZ-1", "TZ-2")
            .replace("POINT", "'\u3000siping\u3000'")
            .replace("KIND", "inaccurate"),
        }
    )
    zh = _messages(root, "zh")
    assert zh[0].startswith(
        "adjustments/2003.yaml:2:10: error: point：\u3000siping 不是有效的直报点编号"
    )
    assert zh[0].endswith("（值的开头有全角空格，请删去）")
    assert zh[1].endswith("是不是 manual？（值的末尾有全角空格，请删去）")
    assert zh[2].endswith("（值的开头和末尾有全角空格，请删去）")
    en = _messages(root, "en")
    assert en[0].endswith(" (there is a full-width space at the start of the value: delete it)")
    assert en[2].endswith(
        " (there is a full-width space at the start and at the end of the value: delete both)"
    )
    assert len(zh) == 3  # one error each, nothing more (the adjustment is left out)


def test_blanks_of_two_kinds_at_a_value_s_edges_are_each_named(make_folder: MakeFolder) -> None:
    """`` general　``: a space at the start, a full-width space at the end — both said, each
    as what it is, not the start's kind for both."""
    record = "- id: TZ-1\n  point: siping\n  date: 2003-03-14\n  kind: KIND\n  reason: 漏报\n"
    root = make_folder(
        {
            "adjustments/2003.yaml": record.replace("KIND", "' manual\u3000'")
            + record.replace("TZ-1", "TZ-2").replace("KIND", "'\u3000manual '"),
        }
    )
    zh = _messages(root, "zh")
    assert zh[0].startswith("adjustments/2003.yaml:4:9: error: kind")
    assert zh[0].endswith("（值的开头有空格，末尾有全角空格，请删去）")
    assert zh[1].endswith("（值的开头有全角空格，末尾有空格，请删去）")
    en = _messages(root, "en")
    assert en[0].endswith(
        " (there is a space at the start of the value and a full-width space at its end: "
        "delete both)"
    )
    assert len(zh) == 2


SOLICITATIONS = """\
- id: YG-2003-001
  issued: 2003-03-01
  due: 2003-04-01
  topic: 就业形势
  points: [changchun]
"""
ANSWER = """\
- id: changchun-2003-0001
  date: 2003-03-14
  title: 长春市就业形势分析
  category: research
  solicitation: YG-2003-001
"""


def _count(text: str) -> int:
    found = re.search(r"(\d+) 个错误", text)
    assert found is not None, text
    return int(found[1])


@pytest.mark.parametrize(
    ("file", "broken"),
    [
        ("points.yaml", BASE_POINTS.replace("name: 四平市人民政府办公厅", "name: 四平: 市政府")),
        ("solicitations/2003.yaml", SOLICITATIONS.replace("topic: 就业形势", "topic: 就业: 形势")),
        ("submissions/2003/changchun/03.yaml", ANSWER.replace("title: 长春", "title: 长春: ")),
    ],
)
def test_one_mistake_is_one_problem_in_check_and_in_every_refusal(
    make_folder: MakeFolder, runner: CliRunner, file: str, broken: str
) -> None:
    files = {"solicitations/2003.yaml": SOLICITATIONS, "submissions/2003/changchun/03.yaml": ANSWER}
    files[file] = broken
    root: Path = make_folder(files)
    code, out, err = run(runner, root, "--no-cache", "check")
    assert code == 1
    assert _count(out + err) == 1, out + err
    assert f"{file}:" in out
    for args in (
        ["score", "2003"],
        ["explain", "changchun", "2003"],
        ["overdue"],
        ["report", "2003"],
    ):
        code, out, err = run(runner, root, "--no-cache", *args)
        assert code == 1, args
        assert _count(err) == 1, (args, err)
        assert "半角冒号" in err
