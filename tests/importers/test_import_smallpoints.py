"""Small points of an import: --encoding on a workbook, a file given twice, 机密 and 绝密."""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from tests.support.cli import run_cli as run
from tests.support.gitrepo import commits, git
from tests.support.paths import FIXTURES

CSV = "报送单位,报送日期,标题,类别,密级\n长春,2003-08-14,长春市春耕备耕情况,综合,{secret}\n"


def test_encoding_on_a_workbook_is_noted(folder: Path, tmp_path: Path, runner: CliRunner) -> None:
    path = tmp_path / "三季度.xls"
    shutil.copy(FIXTURES / "oldformats" / "batch.xls", path)
    code, out, err = run(runner, folder, "import", "--encoding", "gbk", str(path))
    assert code == 0, out + err
    assert "三季度.xls：是工作簿文件，自带编码，--encoding gbk 对它不起作用" in err


def test_a_file_given_twice_is_read_once(folder: Path, tmp_path: Path, runner: CliRunner) -> None:
    path = tmp_path / "tsv.xls"
    path.write_text(CSV.format(secret="公开").replace(",", "\t"), encoding="utf-8")
    other = tmp_path / "sub" / ".." / "tsv.xls"
    (tmp_path / "sub").mkdir()
    code, out, err = run(runner, folder, "import", str(path), str(path), str(other))
    assert code == 0, out + err
    assert out.count("tsv.xls: warning: 这个文件在本次导入中出现了两次") == 2
    assert "重复" not in out.split("导入结果")[0]  # no row is "a repeat of the batch"
    assert "新增 1 条" in git(folder, "log", "-1", "--format=%s")
    assert commits(folder) == 2


def test_higher_secrets_are_kept_as_secret_with_a_warning(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    path = tmp_path / "a.csv"
    path.write_text(CSV.format(secret="绝密"), encoding="utf-8")
    code, out, err = run(runner, folder, "import", "--dry-run", str(path))
    assert code == 0, out + err
    assert "a.csv:2: warning: 密级“绝密”按“秘密”记录" in out
    path.write_text(CSV.format(secret="保密"), encoding="utf-8")
    code, out, err = run(runner, folder, "import", "--dry-run", str(path))
    assert code == 1
    assert (
        "密级“保密”无法识别（应为 公开（非密）、内部（内部资料、内部使用）或 秘密（密、涉密、机密、绝密））"
        in out
    )


def test_an_adoption_title_not_found_offers_the_closest(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    batch = tmp_path / "a.csv"
    batch.write_text(CSV.format(secret="公开").replace("春耕备耕", "&春耕备耕"), encoding="utf-8")
    assert run(runner, folder, "import", str(batch))[0] == 0
    log = tmp_path / "adopt.csv"
    log.write_text(
        "刊物,期号,采用日期,采用方式,报送单位,标题\n"
        "jl-zb,第12期,2003-9-10,单条,长春,长春市春耕备耕情况\n"
        "jl-zb,第12期,2003-9-10,单条,长春,完全不同的标题\n",
        encoding="utf-8",
    )
    code, out, _err = run(runner, folder, "import", "--adoptions", str(log))
    assert code == 1
    assert (
        "adopt.csv:2: error: 在 长春 的信息中找不到此标题（采用日期之前 366 天内）"
        "——是否指“长春市&春耕备耕情况”？"
    ) in out
    assert "adopt.csv:3: error: 在 长春 的信息中找不到此标题（采用日期之前 366 天内）\n" in out
    code, out, _err = run(runner, folder, "--lang", "en", "import", "--adoptions", str(log))
    assert "— did you mean 长春市&春耕备耕情况?" in out
