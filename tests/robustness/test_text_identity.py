"""Text that looks the same but is not, and text that is not meant to be shown: invisible and
full-width characters do not defeat duplicate detection or name matching, control characters
are refused on input and never reach a terminal, a workbook or a CSV file raw, and formula-like
text in CSV exports stays text."""

from __future__ import annotations

import csv
import io
import shutil
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
import yaml
from typer.testing import CliRunner

from govinfo.render.columns import Cell, Column, ColumnKind
from govinfo.render.export import xlsx_bytes
from govinfo.render.table import Table
from tests.support.batches import HEADER, write_csv
from tests.support.cli import run_cli
from tests.support.folders import MakeFolder
from tests.support.gitrepo import commits, git, snapshot


def month(root: Path, rel: str) -> list[dict[str, object]]:
    """The records of a month file, as YAML reads them."""
    loaded = yaml.safe_load((root / rel).read_text(encoding="utf-8"))
    assert isinstance(loaded, list)
    return loaded


FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "scoring"
INVISIBLE = {
    "zero-width space": "\u200b",
    "soft hyphen": "\u00ad",
    "word joiner": "\u2060",
    "left-to-right mark": "\u200e",
    "BOM": "\ufeff",
}


def run(runner: CliRunner, root: Path, *args: str) -> tuple[int, str, str]:
    return run_cli(runner, root, "--lang", "en", *args)


@pytest.mark.parametrize("name", list(INVISIBLE))
def test_an_invisible_character_does_not_make_a_title_new(
    folder: Path, tmp_path: Path, runner: CliRunner, name: str
) -> None:
    title = "长春市老工业基地改造情况"
    first = write_csv(
        tmp_path / "a.csv",
        [HEADER, ["1", "长春", "2003-8-14", title, "综合", "王明"]],
        encoding="utf-8",
    )
    code, out, err = run(runner, folder, "import", str(first))
    assert code == 0, out + err
    hidden = title[:3] + INVISIBLE[name] + title[3:]
    point = "长" + INVISIBLE[name] + "春"
    again = write_csv(
        tmp_path / "b.csv",
        [HEADER, ["1", point, "2003-8-14", hidden, "综合", "王明"]],
        encoding="utf-8",
    )
    code, out, err = run(runner, folder, "import", str(again))
    assert code == 0, out + err
    assert "b.csv:2: warning: duplicate of submissions/2003/changchun/08.yaml:1" in out
    assert len(month(folder, "submissions/2003/changchun/08.yaml")) == 1
    assert commits(folder) == 2


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--short", "长 春"),
        ("--short", "长\u200b春"),
        ("--alias", "ＣＨＡＮＧＣＨＵＮ"),
        ("--alias", "长春\u00ad市"),
        ("--name", "长春市人民政府办公厅\u3000"),
    ],
)
def test_points_add_refuses_a_name_that_folds_to_one_in_use(
    folder: Path, runner: CliRunner, option: str, value: str
) -> None:
    before = snapshot(folder)
    args = ["points", "add", "yitong", "--name", "伊通满族自治县人民政府办公室", "--kind", "county"]
    if option == "--name":
        args[4] = value
    else:
        args += [option, value]
    code, out, err = run(runner, folder, *args)
    assert code == 1, out + err
    assert f"{option} {value} differs from" in err
    assert "imports could not tell them apart" in err
    assert snapshot(folder) == before
    assert commits(folder) == 1


def test_points_add_compares_with_the_folded_form_of_names_in_use(
    folder: Path, runner: CliRunner
) -> None:
    code, out, err = run(
        runner, folder, "points", "add", "yitong", "--name", "伊通满族自治县人民政府办公室",
        "--kind", "county", "--short", "伊 通",
    )  # fmt: skip
    assert code == 0, out + err
    before = snapshot(folder)
    code, out, err = run(
        runner, folder, "points", "add", "yushu", "--name", "榆树市人民政府办公室",
        "--kind", "county", "--alias", "伊通",
    )  # fmt: skip
    assert code == 1, out + err
    assert "--alias 伊通 differs from 伊 通 of point yitong" in err
    assert snapshot(folder) == before


@pytest.mark.parametrize(
    "bad", ["\x1b[31m红\x1b[0m", "响\x07铃", "空\x00字", "\u202eevil", "\x9b31m"]
)
def test_points_add_refuses_control_characters_in_a_name(
    folder: Path, runner: CliRunner, bad: str
) -> None:
    before = snapshot(folder)
    code, out, err = run(
        runner, folder, "points", "add", "yitong", "--name", f"伊通{bad}", "--kind", "county"
    )
    assert code == 1, out + err
    assert "--name holds control characters" in err
    assert not {"\x1b", "\x07", "\u202e"} & set(err)
    assert snapshot(folder) == before


HOSTILE_TITLE = '"标题\\e]0;pwned\\a\\e[2J\\0\\u202e末尾"'  # YAML escapes: ESC, BEL, NUL, RLO


def test_control_characters_in_a_title_are_an_error_and_never_reach_the_terminal(
    make_folder: MakeFolder, runner: CliRunner
) -> None:
    month_text = (
        "- id: cc-1\n  date: 2003-12-01\n  title: " + HOSTILE_TITLE + "\n"
        "  category: general\n  reviewer: 王明\n"
        '  "\\e[2J\\u202etitel": x\n'  # an unknown key: the warning quotes its name
    )
    root = make_folder({"submissions/2003/changchun/12.yaml": month_text})
    for args in (["check"], ["check", "--format", "json"], ["score", "2003"]):
        code, out, err = run(runner, root, *args)
        assert code == 1, out + err
        for raw in ("\x1b", "\x07", "\x00", "\u202e"):
            assert raw not in out + err, (args, raw)
    code, out, _err = run(runner, root, "check")
    assert "submissions/2003/changchun/12.yaml:3:10: error: title: holds control characters" in out
    assert "\\x1b" in out
    assert "\\u202e" in out


def test_emoji_codes_in_the_data_are_shown_as_written(
    make_folder: MakeFolder, runner: CliRunner
) -> None:
    """rich would turn ``:fire:`` into 🔥 in a message: a message quoting a value must show
    the file's text, as must the excerpt of its line."""
    month_text = (
        '- id: cc-1\n  date: 2003-12-01\n  title: "会议[b]纪要[/b] :thumbs_up:"\n'
        '  category: ":fire:"\n  reviewer: 王明\n'
    )
    root = make_folder({"submissions/2003/changchun/12.yaml": month_text})
    for args in (["check"], ["score", "2003"]):
        code, out, err = run(runner, root, *args)
        assert code == 1, out + err
        assert ":fire:" in out + err, args
        assert "🔥" not in out + err, args
    code, out, _err = run(runner, root, "check")
    assert 'category: ":fire:"' in out


def test_import_refuses_control_characters_in_a_title(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    batch = write_csv(
        tmp_path / "c.csv",
        [HEADER, ["1", "长春", "2003-8-14", "标题\x1b[2J\x07", "综合", "王明"]],
        encoding="utf-8",
    )
    before = snapshot(folder)
    code, out, err = run(runner, folder, "import", str(batch))
    assert code == 1, out + err
    assert "holds control characters" in out
    assert not {"\x1b", "\x07"} & set(out + err)
    assert snapshot(folder) == before
    assert git(folder, "status", "--porcelain", "--untracked-files=all") == ""


def test_the_workbook_export_escapes_control_characters() -> None:
    table = Table(
        key="t",
        name="表\x1b",
        title="标题\x07",
        columns=[
            Column("name", "名称", ColumnKind.TEXT),
            Column("score", "得分", ColumnKind.SCORE),
        ],
        rows=[["长春\x00\x1b[31m\u202e", Decimal("1.5")]],
    )
    data = xlsx_bytes([table], title="报告\x0b")
    wb = openpyxl.load_workbook(io.BytesIO(data))
    values = [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row]
    assert "长春\\x00\\x1b[31m\\u202e" in values
    assert "标题\\x07" in values


def test_a_table_made_from_another_is_escaped_once_and_new_rows_again() -> None:
    """dataclasses.replace keeps the escaped rows as they are (not judged again, not escaped
    twice); rows given anew are escaped like any table's."""
    table = Table(columns=[Column("name", "名称")], rows=[["长春\x1b[2J"]], title="标题\x07")
    assert table.rows == [["长春\\x1b[2J"]]
    retitled = replace(table, title=None)
    assert retitled.rows is table.rows
    assert retitled.rows == [["长春\\x1b[2J"]]
    other = replace(table, rows=[["吉林\x00"]])
    assert other.rows == [["吉林\\x00"]]
    # a row changed by its caller after the table was made does not reach the table
    row: list[Cell] = ["长春"]
    kept = Table(columns=[Column("name", "名称")], rows=[row])
    row[0] = "长春\x1b[2J"
    assert kept.rows == [["长春"]]


FORMULA = '=HYPERLINK("http://example.org/x","点我")'


def test_csv_exports_neutralise_formula_text_and_keep_numbers(
    tmp_path: Path, runner: CliRunner
) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    points = data / "points.yaml"
    text = points.read_text(encoding="utf-8")
    text = text.replace("name: 长春市人民政府办公厅", f"name: '{FORMULA}'", 1)
    text = text.replace("name: 四平市人民政府办公厅", "name: '@SUM(1+1)'", 1)
    points.write_text(text, encoding="utf-8")
    out_dir = tmp_path / "out"
    code, out, err = run_cli(runner, data, "report", "2003", "--out", f"{out_dir}/")
    assert code == 0, out + err
    cells = []
    for path in sorted(out_dir.glob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as fh:
            cells += [c for row in csv.reader(fh) for c in row]
    assert "'" + FORMULA in cells
    assert "'@SUM(1+1)" in cells
    assert not [c for c in cells if c.startswith(("=", "+", "@", "\t", "\r"))]
    negatives = [c for c in cells if c.startswith("-")]
    assert negatives, "the report has deductions, written as plain negative numbers"
    assert all(Decimal(c) < 0 for c in negatives)
