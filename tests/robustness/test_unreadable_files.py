"""A data file or folder the system will not let govinfo read (EACCES): an error naming it, with
the system's reason in the clerk's language, never a traceback; ``check`` exits 1 and the
commands that compute refuse (SPEC: the data has errors), ``govinfo.yaml`` unreadable refuses.

The read is really denied: the real CLI runs in a process of its own, and where the suite runs
as root (who reads any file whatever its mode) that process is started by ``setpriv`` without
``CAP_DAC_OVERRIDE`` and ``CAP_DAC_READ_SEARCH`` — root then obeys the modes as anyone does. A
test that cannot arrange that says so and is skipped.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.cli import CLI, PROJECT, cli_env
from tests.support.folders import MakeFolder
from tests.support.paths import SAMPLE

MONTH = "- id: sp-1\n  date: 2003-05-01\n  title: 四平市春耕备耕\n  category: general\n  reviewer: 李四\n"


def _denied_reads() -> list[str]:
    """The prefix that runs a command unable to read what its mode forbids (nothing when this
    is not root); skips the test when that cannot be arranged here."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: a file's mode cannot deny root a read")
    prefix = [setpriv, "--bounding-set=-dac_override,-dac_read_search"]
    if subprocess.run([*prefix, "true"], check=False).returncode != 0:
        pytest.skip("setpriv may not drop capabilities here: root reads every file")
    return prefix


def run(root: Path, *args: str, lang: str = "en") -> tuple[int, str]:
    """The real ``govinfo`` without the right to read what the modes deny: (exit code, output)."""
    argv = [*_denied_reads(), sys.executable, "-c", CLI, "--data", str(root), "--lang", lang]
    done = subprocess.run(
        [*argv, "--no-cache", *args],
        cwd=PROJECT,
        env=cli_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    return done.returncode, done.stdout + done.stderr


@pytest.fixture
def denied(make_folder: MakeFolder) -> Path:
    """The small folder with a month file, then ``points.yaml``, the month file and a year
    folder made unreadable (mode 000)."""
    root = make_folder(
        {"submissions/2003/siping/05.yaml": MONTH, "submissions/2002/siping/05.yaml": ""}
    )
    for rel in ("points.yaml", "submissions/2003/siping/05.yaml", "submissions/2002"):
        (root / rel).chmod(0)
    return root


def test_an_unreadable_file_and_folder_are_errors_naming_them(denied: Path) -> None:
    code, text = run(denied, "check")
    assert code == 1, text
    assert "points.yaml:1:1: error: cannot be read: Permission denied" in text
    assert "submissions/2003/siping/05.yaml:1:1: error: cannot be read: Permission denied" in text
    assert "submissions/2002:1:1: error: cannot be read: Permission denied" in text
    assert "Traceback" not in text
    code, text = run(denied, "check", lang="zh")
    assert code == 1, text
    assert "points.yaml:1:1: error: 无法读取：权限不足" in text
    assert "submissions/2003/siping/05.yaml:1:1: error: 无法读取：权限不足" in text
    assert "Permission denied" not in text


def test_a_command_that_computes_refuses_a_folder_with_an_unreadable_file(denied: Path) -> None:
    code, text = run(denied, "score", "2003", "--as-of", "2003-12-31")
    assert code == 1, text
    assert "points.yaml:1:1: error: cannot be read: Permission denied" in text
    assert "Traceback" not in text


def test_an_unreadable_settings_file_refuses_naming_it(make_folder: MakeFolder) -> None:
    root = make_folder()
    (root / "govinfo.yaml").chmod(0)
    for lang, words in (
        ("en", "cannot read {}: Permission denied"),
        ("zh", "无法读取 {}：权限不足"),
    ):
        code, text = run(root, "check", lang=lang)
        assert code == 1, text
        assert words.format(root / "govinfo.yaml") in text
        assert "Traceback" not in text


def test_an_unreadable_month_file_in_a_year_parsed_by_workers(tmp_path: Path) -> None:
    """The sample folder's 2003 holds hundreds of month files: parsed on every core, where
    the worker that meets the unreadable file reports it like the main process."""
    root = tmp_path / "data"
    shutil.copytree(SAMPLE, root)
    month = sorted((root / "submissions" / "2003").glob("*/08.yaml"))[0]
    month.chmod(0)
    code, text = run(root, "check")
    assert code == 1, text
    rel = month.relative_to(root).as_posix()
    assert f"{rel}:1:1: error: cannot be read: Permission denied" in text
    assert "1 error," in text
    assert "Traceback" not in text


@pytest.mark.parametrize("folder", ["rules", "solicitations", "submissions/2003/siping"])
def test_an_unreadable_folder_is_one_error_not_one_at_every_reference(
    tmp_path: Path, folder: str
) -> None:
    """What an unreadable folder's files would define is not known: references to it are not
    judged (an unreadable ``rules/`` once gave an error at every submission of the sample)."""
    root = tmp_path / "data"
    shutil.copytree(SAMPLE, root)
    (root / folder).chmod(0)
    code, text = run(root, "check")
    assert code == 1, text
    assert f"{folder}:1:1: error: cannot be read: Permission denied" in text
    assert ": 1 error," in text, text[-2000:]
