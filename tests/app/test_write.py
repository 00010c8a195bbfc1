"""checked_write: the folder validated with the changes applied, new problems found as values,
nothing written on a new error or when held back; a real folder under real git."""

from __future__ import annotations

from pathlib import Path

from govinfo.app.write import checked_write, folder_writer, new_problems
from govinfo.load import WorkingTree, load_folder
from govinfo.model import Problem, Severity
from tests.support.folders import BASE_POINTS
from tests.support.gitrepo import commits, snapshot

NEW_POINT = """\
- id: yitong
  name: 伊通满族自治县人民政府办公室
  kind: county
  parent: siping
  tiers: [provincial]
  history:
    - {date: 2003-01-01, event: admitted}
"""


def _problem(line: int, message: str, severity: Severity = Severity.ERROR) -> Problem:
    return Problem("points.yaml", line, 1, severity, message)


def test_a_problem_that_only_moved_is_not_new() -> None:
    before = [_problem(3, "a"), _problem(9, "b", Severity.WARNING)]
    after = [_problem(5, "a"), _problem(11, "b", Severity.WARNING), _problem(12, "c")]
    assert new_problems(before, after) == [_problem(12, "c")]


def test_the_same_message_elsewhere_or_twice_is_new() -> None:
    before = [_problem(3, "a")]
    elsewhere = Problem("rules/default.yaml", 3, 1, Severity.ERROR, "a")
    as_warning = _problem(3, "a", Severity.WARNING)
    after = [_problem(3, "a"), _problem(7, "a"), elsewhere, as_warning]
    assert new_problems(before, after) == [_problem(7, "a"), elsewhere, as_warning]


def _before(root: Path) -> list[Problem]:
    return load_folder(WorkingTree(root), years=()).problems


def test_valid_changes_are_written_and_committed(folder: Path) -> None:
    notes: list[str] = []
    text = (BASE_POINTS + NEW_POINT).encode()
    with folder_writer(folder, "test", notes.append) as writer:
        checked = checked_write(
            writer, {"points.yaml": text}, _before(folder), years=(), message="add", office="x"
        )
    assert checked.new == []
    assert checked.result is not None
    assert checked.result.commit
    assert (folder / "points.yaml").read_bytes() == text
    assert commits(folder) == 2


def test_a_new_error_writes_nothing(folder: Path) -> None:
    broken = (BASE_POINTS + NEW_POINT.replace("parent: siping", "parent: nowhere")).encode()
    before = snapshot(folder)
    with folder_writer(folder, "test", [].append) as writer:
        checked = checked_write(
            writer, {"points.yaml": broken}, _before(folder), years=(), message="add", office="x"
        )
    assert [p.path for p in checked.new_errors] == ["points.yaml"]
    assert checked.result is None
    assert snapshot(folder) == before
    assert commits(folder) == 1


def test_held_changes_are_checked_but_not_written(folder: Path) -> None:
    text = (BASE_POINTS + NEW_POINT).encode()
    before = snapshot(folder)
    with folder_writer(folder, "test", [].append) as writer:
        checked = checked_write(
            writer,
            {"points.yaml": text},
            _before(folder),
            years=(),
            message="add",
            office="x",
            hold=True,
        )
    assert checked.new == []
    assert checked.result is None
    assert snapshot(folder) == before
