"""Paths: ids and names that would escape or break a path are refused wherever they come in —
the registry file, submission folders, spreadsheets, ``points add`` — no write ever lands
outside the data folder, and a symbolic link is refused, never followed, reading or writing.

Point ids are lower-case slugs (``[a-z][a-z0-9-]{1,39}``, not a device name), so two ids can
never differ only in letter case: a case-insensitive disk cannot merge two points' folders.
"""

from __future__ import annotations

import errno
import os
import shutil
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govinfo.cli.main import app
from govinfo.errors import GovinfoError
from govinfo.load import load_folder
from govinfo.store.write import apply_changes
from tests.support.batches import HEADER, write_csv
from tests.support.cli import LineRunner
from tests.support.folders import BASE_POINTS, MakeFolder
from tests.support.gitrepo import commit_all, commits, git, snapshot, status
from tests.support.paths import FIXTURES

# Each would break or escape a path: (how it is written in YAML, what it means)
HOSTILE_IDS = {
    "dot-dot": ('"../x"', "../x"),
    "deep-dot-dot": ('"../../../../etc/cron.d/x"', "../../../../etc/cron.d/x"),
    "absolute": ('"/etc/passwd"', "/etc/passwd"),
    "windows-drive": ('"c:x"', "c:x"),
    "backslash": ('"a\\\\b"', "a\\b"),
    "nul": ('"chang\\0chun"', "chang\0chun"),
    "device-con": ("con", "con"),
    "device-nul": ("nul", "nul"),
    "device-com1": ("com1", "com1"),
    "device-lpt9": ("lpt9", "lpt9"),
    "over-255-bytes": ("a" * 300, "a" * 300),
    "mixed-case": ("Changchun", "Changchun"),
    "dot": ('"."', "."),
    "slash-inside": ('"a/b"', "a/b"),
    "newline": ('"a\\nb"', "a\nb"),
}


def everything_outside(tmp_path: Path, folder: Path) -> dict[str, bytes]:
    """Every file under the test's temporary folder outside the data folder (and HOME)."""
    return {
        rel: data
        for rel, data in snapshot(tmp_path).items()
        if not rel.startswith((folder.name + "/", "home"))
    }


# --- reading: the registry and the submission folders ----------------------------------------


@pytest.mark.parametrize("case", list(HOSTILE_IDS))
def test_a_hostile_point_id_in_points_yaml_is_an_error_at_its_value(
    make_folder: MakeFolder, case: str
) -> None:
    written, _meaning = HOSTILE_IDS[case]
    points = BASE_POINTS.replace("- id: fgw\n", f"- id: {written}\n")
    root = make_folder({"points.yaml": points})
    problems = [p for p in load_folder(root).problems if p.is_error]
    line = points.splitlines().index(f"- id: {written}") + 1
    assert [(p.path, p.line, p.col) for p in problems] == [("points.yaml", line, 7)]
    assert "id" in problems[0].message


@pytest.mark.parametrize("folder_name", ["con", "Changchun", "CHANGCHUN", "a" * 250, "chang chun"])
def test_a_submission_folder_that_is_not_a_point_id_is_an_error(
    make_folder: MakeFolder, folder_name: str
) -> None:
    rel = f"submissions/2003/{folder_name}/08.yaml"
    record = "- id: x-1\n  date: 2003-08-01\n  title: 标题\n  category: general\n"
    root = make_folder({rel: record})
    problems = [(p.path, p.line, p.col) for p in load_folder(root).problems if p.is_error]
    assert problems == [(rel, 1, 1)]
    assert load_folder(root).folder.submissions == ()


# --- import: names in a spreadsheet ----------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["../changchun", "/changchun", "changchun/../siping", "..", "con", "changchun\0", "长" * 300],
)
def test_a_hostile_point_name_in_a_spreadsheet_is_refused(
    folder: Path, tmp_path: Path, runner: CliRunner, name: str
) -> None:
    rows = [HEADER, ["1", name, "2003-8-14", "标题", "综合", "王明"]]
    batch = write_csv(tmp_path / "a.csv", rows, encoding="utf-8")
    before, outside = snapshot(folder), everything_outside(tmp_path, folder)
    result = runner.invoke(app, ["--data", str(folder), "--lang", "en", "import", str(batch)])
    assert result.exit_code == 1, result.output
    assert "a.csv:2: error: 报送单位" in result.stdout
    assert snapshot(folder) == before
    assert everything_outside(tmp_path, folder) == outside
    assert commits(folder) == 1


def test_a_name_in_other_letter_case_is_the_registered_point_and_its_folder(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    rows = [HEADER, ["1", "CHANGCHUN", "2003-8-14", "标题", "综合", "王明"]]
    batch = write_csv(tmp_path / "a.csv", rows, encoding="utf-8")
    result = runner.invoke(app, ["--data", str(folder), "import", str(batch)])
    assert result.exit_code == 0, result.output
    assert sorted((folder / "submissions/2003").iterdir()) == [
        folder / "submissions/2003/changchun"
    ]


def test_a_hostile_id_in_the_registry_refuses_the_import(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    points = folder / "points.yaml"
    text = points.read_text(encoding="utf-8")
    points.write_text(text.replace("- id: siping", '- id: "../../outside"'), encoding="utf-8")
    commit_all(folder, "a hand edit")
    rows = [HEADER, ["1", "四平", "2003-8-14", "标题", "综合", "王明"]]
    batch = write_csv(tmp_path / "a.csv", rows, encoding="utf-8")
    before, outside = snapshot(folder), everything_outside(tmp_path, folder)
    result = runner.invoke(app, ["--data", str(folder), "--lang", "en", "import", str(batch)])
    assert result.exit_code == 1
    assert "points.yaml" in result.stderr
    assert snapshot(folder) == before
    assert everything_outside(tmp_path, folder) == outside


# --- points add -------------------------------------------------------------------------------

NEW = ["--name", "新的直报点", "--kind", "county"]


@pytest.mark.parametrize("case", [*HOSTILE_IDS, "taken", "taken-other-case"])
def test_points_add_refuses_a_hostile_id(
    folder: Path, tmp_path: Path, runner: CliRunner, case: str
) -> None:
    point_id = {"taken": "changchun", "taken-other-case": "CHANGCHUN"}.get(case)
    point_id = point_id or HOSTILE_IDS[case][1]
    before, outside = snapshot(folder), everything_outside(tmp_path, folder)
    result = runner.invoke(
        app,
        ["--data", str(folder), "--lang", "en", "points", "add", point_id, *NEW],
    )
    assert result.exit_code == 1, result.output
    assert "not added; the registry was not changed" in result.stderr
    assert snapshot(folder) == before
    assert everything_outside(tmp_path, folder) == outside
    assert commits(folder) == 1


def test_points_add_refuses_a_hostile_parent(folder: Path, runner: CliRunner) -> None:
    before = snapshot(folder)
    result = runner.invoke(
        app,
        ["--data", str(folder), "points", "add", "yitong", *NEW, "--parent", "../siping"],
    )
    assert result.exit_code == 1
    assert snapshot(folder) == before


# --- the write layer: nothing lands outside ------------------------------------------------


@pytest.mark.parametrize(
    "rel",
    [
        "../x.yaml",
        "../../x.yaml",
        "submissions/../../x.yaml",
        "/tmp/x.yaml",
        "C:/x.yaml",
        "c:x.yaml",
        "a\\..\\..\\x.yaml",
        "a\0b.yaml",
        "submissions/2003/" + "a" * 256 + "/08.yaml",
        "",
        ".",
        "submissions//x.yaml",
    ],
)
@pytest.mark.parametrize("in_git", [True, False], ids=["git", "plain"])
def test_no_write_lands_outside_the_folder(
    make_folder: MakeFolder, tmp_path: Path, rel: str, in_git: bool
) -> None:
    # Outside git too: there no `git add` would stop a path that escaped.
    folder = make_folder()
    if in_git:
        git(folder, "init", "-q")
        commit_all(folder)
    before, outside = snapshot(folder), everything_outside(tmp_path, folder)
    with pytest.raises(GovinfoError):
        apply_changes(folder, {rel: b"- id: x\n"}, message="m")
    assert snapshot(folder) == before
    assert everything_outside(tmp_path, folder) == outside


@pytest.mark.parametrize("in_git", [True, False], ids=["git", "plain"])
@pytest.mark.parametrize("link", ["submissions", "submissions/2003/changchun/08.yaml"])
def test_the_write_layer_never_writes_through_a_symlink(
    make_folder: MakeFolder, tmp_path: Path, link: str, in_git: bool
) -> None:
    folder = make_folder()
    if in_git:
        git(folder, "init", "-q")
        commit_all(folder)
    outside = tmp_path / "outside"
    target = outside / "08.yaml" if link.endswith(".yaml") else outside
    outside.mkdir()
    (folder / link).parent.mkdir(parents=True, exist_ok=True)
    os.symlink(target, folder / link)
    with pytest.raises(GovinfoError, match=r"symbolic link|符号链接"):
        apply_changes(folder, {"submissions/2003/changchun/08.yaml": b"- id: x\n"}, message="m")
    assert snapshot(outside) == {}


# --- symbolic links ---------------------------------------------------------------------------

MONTH = (
    "- id: changchun-2003-0001\n  date: 2003-08-14\n  title: 外部文件\n"
    "  category: general\n  reviewer: 王明\n"
)


@pytest.mark.parametrize(
    "link", ["submissions", "submissions/2003", "submissions/2003/changchun", "rules"]
)
def test_reading_a_symlinked_folder_is_refused_not_followed(
    make_folder: MakeFolder, tmp_path: Path, runner: CliRunner, link: str
) -> None:
    outside = tmp_path / "outside"
    target = outside / "submissions/2003/changchun/08.yaml"
    target.parent.mkdir(parents=True)
    target.write_text(MONTH, encoding="utf-8")
    root = make_folder()
    if link == "rules":
        (outside / "rules").mkdir()
        os.replace(root / "rules/default.yaml", outside / "rules/default.yaml")
        (root / "rules").rmdir()
        os.symlink(outside / "rules", root / "rules")
    else:
        (root / link).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(outside / link, root / link)
    loaded = load_folder(root)
    assert (link, 1, 1) in [(p.path, p.line, p.col) for p in loaded.problems if p.is_error]
    assert loaded.folder.submissions == ()
    assert loaded.folder.rule_sets == () if link == "rules" else loaded.folder.rule_sets != ()
    result = runner.invoke(app, ["--data", str(root), "--lang", "en", "check"])
    assert result.exit_code == 1
    assert f"{link}:1:1: error" in result.stdout


@pytest.mark.parametrize("link", ["submissions", "submissions/2003", "submissions/2003/changchun"])
def test_import_through_a_symlinked_folder_is_refused(
    folder: Path, tmp_path: Path, runner: CliRunner, link: str
) -> None:
    outside = tmp_path / "outside"
    (outside / link).mkdir(parents=True)
    (folder / link).parent.mkdir(parents=True, exist_ok=True)
    os.symlink(outside / link, folder / link)
    batch = write_csv(
        tmp_path / "a.csv",
        [HEADER, ["1", "长春", "2003-8-14", "标题", "综合", "王明"]],
        encoding="utf-8",
    )
    result = runner.invoke(app, ["--data", str(folder), "--lang", "en", "import", str(batch)])
    assert result.exit_code == 1
    assert "symbolic link" in result.stdout + result.stderr
    assert snapshot(outside) == {}
    assert commits(folder) == 1


@pytest.mark.parametrize("command", ["points-add", "points-retire", "close-year"])
def test_registry_writers_refuse_a_symlinked_points_yaml(
    folder: Path, tmp_path: Path, runner: CliRunner, command: str
) -> None:
    outside = tmp_path / "outside.yaml"
    os.replace(folder / "points.yaml", outside)
    os.symlink(outside, folder / "points.yaml")
    before = outside.read_bytes()
    args = {
        "points-add": ["points", "add", "yitong", "--name", "伊通", "--kind", "county"],
        "points-retire": ["points", "retire", "siping", "--date", "2003-12-01"],
        "close-year": ["close-year", "2003", "--apply", "--date", "2004-01-10"],
    }[command]
    result = runner.invoke(app, ["--data", str(folder), "--lang", "en", *args])
    assert result.exit_code == 1, result.output
    assert outside.read_bytes() == before
    assert (folder / "points.yaml").is_symlink()
    assert "points.yaml" in result.stderr


def test_a_symlink_swapped_in_after_the_check_is_not_followed_by_the_reader(
    make_folder: MakeFolder, tmp_path: Path
) -> None:
    """The reader opens every file with O_NOFOLLOW: a link that appears between the listing
    and the read is not followed."""
    from govinfo.load import WorkingTree

    root = make_folder({"submissions/2003/changchun/08.yaml": MONTH})
    tree = WorkingTree(root)
    listing = dict(tree.files(None))
    assert "submissions/2003/changchun/08.yaml" in listing
    secret = tmp_path / "secret.yaml"
    secret.write_text(MONTH.replace("外部文件", "机密"), encoding="utf-8")
    (root / "submissions/2003/changchun/08.yaml").unlink()
    os.symlink(secret, root / "submissions/2003/changchun/08.yaml")
    with pytest.raises(OSError, match=os.strerror(errno.ELOOP)):
        tree.read("submissions/2003/changchun/08.yaml")


def test_case_clash_folders_cannot_come_from_the_registry(folder: Path, runner: CliRunner) -> None:
    """Ids are lower-case slugs: a point whose id differs from another only in case is refused
    as an id, so no two points can share a folder on a case-insensitive disk."""
    result = runner.invoke(
        app,
        ["--data", str(folder), "--lang", "en", "points", "add", "Changchun", *NEW],
    )
    assert result.exit_code == 1
    assert "Changchun" in result.stderr
    assert status(folder) == ""
    assert git(folder, "ls-files").count("points.yaml") == 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_fifo_in_the_folder_is_named_and_never_waited_on(make_folder: MakeFolder) -> None:
    """A named pipe with no writer blocks whoever opens it for reading: govinfo never opens one.
    ``check`` (whose excerpts read the files again) and ``score`` name it and finish."""
    import subprocess

    from tests.support.cli import cli_args, cli_env
    from tests.support.paths import PROJECT

    root = make_folder()
    (root / "submissions/2003/changchun").mkdir(parents=True)
    os.mkfifo(root / "submissions/2003/changchun/08.yaml")
    os.mkfifo(root / "notes")
    for args in (["check"], ["score", "2003"]):
        # The timeout only keeps a regression from hanging the suite: it asserts no duration.
        proc = subprocess.run(
            cli_args(root, *args),
            cwd=PROJECT,
            env=cli_env(),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        text = proc.stdout + proc.stderr
        assert proc.returncode == 1, text
        assert "Traceback" not in text
        assert "symbolic link" not in text
        for path in ("submissions/2003/changchun/08.yaml", "notes"):
            assert f"{path}:1:1: error: not a regular file" in text


@pytest.mark.skipif(
    sys.getfilesystemencoding() != "utf-8", reason="names are read back as UTF-8 here"
)
def test_a_folder_under_a_directory_named_in_gbk_reads_and_writes(tmp_path: Path) -> None:
    """A data folder copied under a directory whose name is not UTF-8 (unpacked from a
    Windows archive): git's paths, the cache's key and the writer's state folder take the
    name as its bytes — check, score (cold and warm) and a registry write work, no traceback."""
    top = tmp_path / os.fsdecode(b"\xb3\xa4\xb4\xba")
    root = top / "data"
    shutil.copytree(FIXTURES / "scoring", root)
    git(top, "init", "-q")
    commit_all(top)
    runner = LineRunner()

    def run(*args: str) -> tuple[int, str]:
        result = runner.invoke(app, ["--data", str(root), *args])
        assert result.exception is None or isinstance(result.exception, SystemExit), result
        return result.exit_code, result.output

    assert run("check")[0] == 0
    assert run("check") == run("check")  # warm
    cold = run("--no-cache", "score", "2003", "--format", "json")
    assert cold[0] == 0
    assert run("score", "2003", "--format", "json") == cold
    assert run("score", "2003", "--format", "json") == cold  # warm
    before = commits(top)
    code, _ = run("points", "retire", "siping", "--date", "2004-01-11")
    assert code == 0
    assert commits(top) == before + 1
    assert status(top) == ""
