"""Nothing is ever executed: govinfo's code calls no shell and constructs nothing from data
(a scan of its source that fails when such a call appears), and the workbook it exports holds
no formula, whatever text the folder holds."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import openpyxl
import pytest

from govinfo.cli.main import app
from tests.support.cli import LineRunner

PACKAGE = Path(__file__).resolve().parents[2] / "govinfo"
FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "scoring"

# Calls that run a shell, start programs outside the one git wrapper, or build objects from
# data: none may appear anywhere in govinfo/.
FORBIDDEN_CALLS = {
    "os.system",
    "os.popen",
    "os.execl",
    "os.execle",
    "os.execlp",
    "os.execlpe",
    "os.execv",
    "os.execve",
    "os.execvp",
    "os.execvpe",
    "os.spawnl",
    "os.spawnle",
    "os.spawnlp",
    "os.spawnlpe",
    "os.spawnv",
    "os.spawnve",
    "os.spawnvp",
    "os.spawnvpe",
    "os.posix_spawn",
    "os.posix_spawnp",
    "os.startfile",
    "subprocess.getoutput",
    "subprocess.getstatusoutput",
    "subprocess.call",
    "subprocess.check_call",
    "subprocess.check_output",
    "pty.spawn",
    "eval",
    "exec",
    "compile",
    "__import__",
    "pickle.load",
    "pickle.loads",
    "marshal.load",
    "marshal.loads",
    "shelve.open",
    "yaml.load",
    "yaml.load_all",
    "yaml.unsafe_load",
    "yaml.unsafe_load_all",
    "yaml.full_load",
    "yaml.full_load_all",
}
FORBIDDEN_NAMES = {"yaml.Loader", "yaml.UnsafeLoader", "yaml.FullLoader", "yaml.CLoader"}
# The one module allowed to start a program (git), always with an argument list.
SUBPROCESS_HOME = "gitcmd.py"


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return ""


def findings(source: str, where: str) -> list[str]:
    """Every forbidden call or name in ``source`` (a module at ``where``, relative to govinfo/)."""
    found = []
    tree = ast.parse(source)
    aliases: dict[str, str] = {}  # ``from os import system as s`` → s: os.system
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            for a in node.names:
                aliases[a.asname or a.name] = f"{node.module}.{a.name}"
        elif isinstance(node, ast.Import):
            for a in node.names:
                aliases[a.asname or a.name] = a.name
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = _dotted(node.func)
            head, _, rest = name.partition(".")
            full = aliases.get(head, head) + (f".{rest}" if rest else "")
            if full in FORBIDDEN_CALLS or name in FORBIDDEN_CALLS:
                found.append(f"{where}:{node.lineno}: {full}()")
            for kw in node.keywords:
                if kw.arg == "shell" and not (
                    isinstance(kw.value, ast.Constant) and kw.value.value is False
                ):
                    found.append(f"{where}:{node.lineno}: shell=")
            if full.startswith("subprocess."):
                if where != SUBPROCESS_HOME:
                    found.append(f"{where}:{node.lineno}: {full}() outside {SUBPROCESS_HOME}")
                elif full in ("subprocess.run", "subprocess.Popen") and not (
                    node.args and isinstance(node.args[0], ast.List)
                ):
                    found.append(f"{where}:{node.lineno}: {full}() without an argument list")
        elif isinstance(node, ast.Attribute | ast.Name):
            name = _dotted(node)
            head, _, rest = name.partition(".")
            full = aliases.get(head, head) + (f".{rest}" if rest else "")
            if full in FORBIDDEN_NAMES:
                found.append(f"{where}:{node.lineno}: {full}")
    return found


def test_govinfo_never_calls_a_shell_nor_builds_objects_from_data() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        where = path.relative_to(PACKAGE).as_posix()
        found += findings(path.read_text(encoding="utf-8"), where)
    assert found == []


@pytest.mark.parametrize(
    "source",
    [
        "import os\nos.system('ls')\n",
        "from os import system as run\nrun('ls')\n",
        "import os\nos.popen('ls')\n",
        "import subprocess\nsubprocess.run(['git'], shell=True)\n",
        "import subprocess\nsubprocess.run('git status')\n",
        "import subprocess as sp\nsp.check_output(['ls'])\n",
        "import yaml\nyaml.load(text, Loader=yaml.Loader)\n",
        "import yaml\nyaml.unsafe_load(text)\n",
        "eval(text)\n",
        "import pickle\npickle.loads(data)\n",
    ],
)
def test_the_scan_finds_what_it_looks_for(source: str) -> None:
    """The scan itself works: each planted call is found (in the git wrapper too)."""
    assert findings(source, SUBPROCESS_HOME)


def test_the_scan_knows_where_git_may_run() -> None:
    source = "import subprocess\nsubprocess.run(['git', 'status'], check=False)\n"
    assert findings(source, SUBPROCESS_HOME) == []
    assert findings(source, "cli/report.py") != []


def test_text_that_looks_like_a_formula_is_exported_as_text(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    points = data / "points.yaml"
    text = points.read_text(encoding="utf-8")
    hostile = '=HYPERLINK("http://example.org/x","长春")'
    assert "name: 长春市人民政府办公厅" in text
    text = text.replace("name: 长春市人民政府办公厅", f"name: '{hostile}'", 1)
    points.write_text(text, encoding="utf-8")
    out = tmp_path / "report.xlsx"
    result = LineRunner().invoke(app, ["--data", str(data), "report", "2003", "--out", str(out)])
    assert result.exit_code == 0, result.output
    wb = openpyxl.load_workbook(out)
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    assert hostile in [c.value for c in cells]
