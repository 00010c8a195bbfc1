"""Reading the folder as it was at a git revision (``--at REV``), also as a subfolder."""

from __future__ import annotations

import subprocess
from pathlib import Path

from typer.testing import CliRunner

from govinfo.cli.main import app
from govinfo.load import load_folder
from govinfo.load.gitrev import GitRevision
from tests.support.folders import MakeFolder

SUB = "submissions/2003/siping/05.yaml"
ONE = "- id: sp-1\n  date: 2003-05-01\n  title: 四平市春耕备耕\n  category: general\n  reviewer: 李四\n"
TWO = (
    ONE
    + "- id: sp-2\n  date: 2003-05-09\n  title: 四平市防汛\n  category: general\n  reviewer: 李四\n"
)


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout


def test_at_reads_old_revision_of_a_subfolder(make_folder: MakeFolder, tmp_path: Path) -> None:
    root = make_folder({SUB: ONE}, name="repo/data")
    repo = tmp_path / "repo"
    (repo / "README.txt").write_text("outer repository\n")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "first")
    git(repo, "tag", "published-2003")
    (root / SUB).write_text(TWO, encoding="utf-8")
    git(repo, "commit", "-qam", "second")
    (root / SUB).write_text("- broken: [\n", encoding="utf-8")  # the working tree is not read

    old = load_folder(GitRevision(root, "published-2003"))
    new = load_folder(GitRevision(root, "HEAD"))
    assert [s.id for s in old.folder.submissions] == ["sp-1"]
    assert [s.id for s in new.folder.submissions] == ["sp-1", "sp-2"]
    assert old.problems == []
    assert new.problems == []


def test_check_at_unknown_revision_is_refused(make_folder: MakeFolder, runner: CliRunner) -> None:
    root = make_folder({SUB: ONE})
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "first")
    ok = runner.invoke(app, ["--data", str(root), "check", "--at", "HEAD"])
    assert ok.exit_code == 0, ok.output
    bad = runner.invoke(app, ["--data", str(root), "--lang", "en", "check", "--at", "nope"])
    assert bad.exit_code == 1
    assert "no git revision nope" in bad.output


def test_score_at_reproduces_the_published_ranking(
    make_folder: MakeFolder, runner: CliRunner
) -> None:
    import json

    adopted = ONE + "  adoptions:\n    - {publication: jl-zb, date: 2003-05-02, mode: single}\n"
    root = make_folder({SUB: ONE})
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "published")
    git(root, "tag", "v2003")
    (root / SUB).write_text(adopted, encoding="utf-8")
    git(root, "commit", "-qam", "an adoption arrives")

    def siping_score(*extra: str) -> float:
        result = runner.invoke(
            app, ["--data", str(root), "score", "2003", "--format", "json", *extra]
        )
        assert result.exit_code == 0, result.output
        rows = json.loads(result.stdout)["points"]
        return float(next(r["score"] for r in rows if r["id"] == "siping"))

    assert siping_score("--at", "v2003") < siping_score()


def test_scoring_span_reads_the_edge_months_only(make_folder: MakeFolder) -> None:
    from govinfo.rules.years import scoring_years as scoring_span

    def sub(sid: str, day: str) -> str:
        return f"- id: {sid}\n  date: {day}\n  title: 标题{sid}\n  category: general\n  reviewer: 李四\n"

    root = make_folder(
        {
            "submissions/2001/siping/12.yaml": sub("a", "2001-12-31"),
            "submissions/2001/siping/11.yaml": sub("b", "2001-11-30"),
            "submissions/2002/siping/05.yaml": sub("c", "2002-05-01"),
            "submissions/2003/siping/05.yaml": sub("d", "2003-05-01"),
            "submissions/2004/siping/01.yaml": sub("e", "2004-01-02"),
            "submissions/2004/siping/02.yaml": sub("f", "2004-02-02"),
        }
    )
    result = load_folder(root, years=scoring_span(2003))
    assert sorted(s.id for s in result.folder.submissions) == ["a", "c", "d", "e"]
    assert result.folder.years == (2002, 2003)
