"""A row whose year looks mistyped gets a warning at its row: a year whose outcome close-year
has recorded, among rows of an open year; a year far from all the batch's other rows. A batch
across a year's end is no stray; a batch wholly of a closed year has the import's one note."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from typer.testing import CliRunner

from govinfo.importers.problems import RowRef
from govinfo.importers.years import year_warnings
from tests.support.cli import run_cli as run
from tests.support.folders import BASE_POINTS, MakeFolder
from tests.support.gitrepo import commit_all, git

CLOSED_2002 = BASE_POINTS.replace(
    "    - {date: 2001-01-01, event: admitted, tier: national}\n",
    "    - {date: 2001-01-01, event: admitted, tier: national}\n"
    "    - {date: 2003-01-28, event: commended, year: 2002, reason: 2002年度优秀信息直报点}\n",
    1,
)


def committed(
    make_folder: MakeFolder, files: dict[str, str | bytes] | None = None, name: str = "data"
) -> Path:
    root = make_folder(files, name=name)
    git(root, "init", "-q")
    commit_all(root)
    return root


def batch(tmp_path: Path, dates: list[str], name: str = "b.csv") -> Path:
    path = tmp_path / name
    lines = ["报送单位,报送日期,标题,类别,审核人"]
    lines += [f"四平,{d},四平市信息{i},综合,李四" for i, d in enumerate(dates, start=2)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def warnings_of(out: str) -> list[str]:
    return [x for x in out.splitlines() if ": warning: " in x]


Q4 = ["2003-10-08", "2003-10-20", "2003-11-03", "2002-11-09", "2003-11-25", "2003-12-01"]


def test_a_row_in_a_closed_year_among_open_rows_is_warned_at_its_row(
    tmp_path: Path, runner: CliRunner, make_folder: MakeFolder
) -> None:
    root = committed(make_folder, {"points.yaml": CLOSED_2002})
    code, out, err = run(runner, root, "import", "--dry-run", str(batch(tmp_path, Q4)))
    assert code == 0, out + err
    assert warnings_of(out) == [
        "b.csv:5: warning: 报送日期“2002-11-09”在已记录结果的 2002 年度（2003-01-28 记入名册）："
        "本行会改变该年度的得分；如年份无误，请运行 govinfo close-year 2002 核对"
    ]
    assert "2002 年度结果已记入名册" in err  # the note of the whole import stays
    code, out, _ = run(
        runner, root, "--lang", "en", "import", "--dry-run", str(batch(tmp_path, Q4))
    )
    assert warnings_of(out) == [
        "b.csv:5: warning: 报送日期 “2002-11-09” is in 2002, whose outcome was recorded on "
        "2003-01-28: this row changes that year's scores; if the year is right, run govinfo "
        "close-year 2002 to compare"
    ]


def test_a_row_far_from_the_others_is_warned_at_its_row(
    tmp_path: Path, runner: CliRunner, make_folder: MakeFolder
) -> None:
    root = committed(make_folder)  # no year closed
    code, out, err = run(runner, root, "import", str(batch(tmp_path, Q4)))
    assert code == 0, out + err
    assert warnings_of(out) == [
        "b.csv:5: warning: 报送日期“2002-11-09”与本批其他各行相去甚远"
        "（其余 5 行在 2003-10-08 至 2003-12-01 之间）：是不是年份写错了？"
    ]
    # imported all the same; importing it again adds nothing and says nothing of the year
    code, out, _ = run(runner, root, "import", "--dry-run", str(batch(tmp_path, Q4)))
    assert code == 0
    assert not [x for x in warnings_of(out) if "年份" in x]


def test_a_batch_across_the_year_end_is_no_stray_and_a_closed_year_archive_only_a_note(
    tmp_path: Path, runner: CliRunner, make_folder: MakeFolder
) -> None:
    root = committed(make_folder, {"points.yaml": CLOSED_2002})
    # December's rows of a closed year do change its scores: said at each, with what to run
    # if the year is right; January's rows are days away, no stray
    year_end = ["2002-12-02", "2002-12-16", "2002-12-30", "2003-01-03", "2003-01-06"]
    code, out, err = run(runner, root, "import", "--dry-run", str(batch(tmp_path, year_end)))
    assert code == 0, out + err
    assert warnings_of(out) == [
        f"b.csv:{i}: warning: 报送日期“2002-12-{d}”在已记录结果的 2002 年度（2003-01-28 记入名册）："
        "本行会改变该年度的得分；如年份无误，请运行 govinfo close-year 2002 核对"
        for i, d in ((2, "02"), (3, "16"), (4, "30"))
    ]
    # the same across the end of open years: nothing
    year_end = ["2002-12-02", "2002-12-16", "2002-12-30", "2003-01-03", "2003-01-06", "2003-01-09"]
    open_years = committed(make_folder, name="open")
    code, out, err = run(runner, open_years, "import", "--dry-run", str(batch(tmp_path, year_end)))
    assert code == 0, out + err
    assert warnings_of(out) == []
    # a batch wholly of the closed year (its archive): the import's one note
    archive = ["2002-03-02", "2002-05-16", "2002-09-30", "2002-12-03"]
    code, out, err = run(runner, root, "import", "--dry-run", str(batch(tmp_path, archive)))
    assert code == 0, out + err
    assert warnings_of(out) == []
    assert "2002 年度结果已记入名册" in err


@dataclass(frozen=True)
class Dated:
    where: RowRef
    date: dt.date
    columns: dict[str, str] = field(default_factory=lambda: {"date": "采用日期"})


def rows_of(*days: str) -> list[Dated]:
    return [
        Dated(RowRef("a.csv", None, i), dt.date.fromisoformat(d)) for i, d in enumerate(days, 2)
    ]


def test_a_stray_needs_enough_other_rows_and_a_wide_gap() -> None:
    def flagged(*days: str) -> list[int]:
        rows = rows_of(*days)
        found = year_warnings(rows, {}, {r.where for r in rows})
        return [p.where.row for p in found if isinstance(p.where, RowRef)]

    assert flagged("2003-10-01", "2002-10-01") == []  # which of two is the slip?
    assert flagged("2003-10-01", "2003-10-02", "2003-10-03", "2002-10-01") == [5]
    assert flagged("2003-10-01", "2003-10-02", "2003-10-03", "2004-10-01") == [5]
    assert flagged("2003-01-20", "2003-01-21", "2003-01-22", "2002-12-20") == []  # 31 days
    assert flagged("2003-10-01", "2003-10-02", "2002-10-01", "2002-10-02") == []  # half and half
    many = ["2003-05-01"] * 9
    assert flagged(*many, "2001-05-01", "2002-05-01") == [11, 12]


def test_other_rows_all_on_one_day_are_named_by_that_day_not_a_span_of_it() -> None:
    rows = rows_of("2003-12-20", "2003-12-20", "2003-12-20", "2002-12-20")
    (only,) = year_warnings(rows, {}, {r.where for r in rows})
    assert only.message == (
        "采用日期“2002-12-20”与本批其他各行相去甚远（其余 3 行都在 2003-12-20）：是不是年份写错了？"
    )


def test_only_added_rows_are_warned_of() -> None:
    rows = rows_of("2003-10-01", "2003-10-02", "2003-10-03", "2002-10-01")
    closed = {2002: dt.date(2003, 1, 28)}
    assert year_warnings(rows, closed, {rows[0].where}) == []
    (only,) = year_warnings(rows, closed, {rows[3].where})
    assert only.message.startswith("采用日期“2002-10-01”在已记录结果的 2002 年度")


def test_a_year_is_closed_by_the_provincial_outcome_alone() -> None:
    """The State Council's commendation of its points (national tier) does not close a year:
    the sample's 2002 was closed on 2003-01-28, not on 2003-02-20 when 国办 commended 长春."""
    from govinfo.load import WorkingTree, load_folder
    from govinfo.reports.recorded import recorded_years
    from tests.support.paths import SAMPLE

    points = load_folder(WorkingTree(SAMPLE), years=()).folder.points
    assert recorded_years(points)[2002] == dt.date(2003, 1, 28)
