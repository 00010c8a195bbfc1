"""An adoption log row whose item is there but cannot take the adoption says why (dated after
the adoption, or more than 366 days before it), and a mistyped 信息编号 is offered the id it
most likely meant — the same id in other letter case or without its zeros."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from tests.support.cli import run_cli as run

ITEMS = (
    "报送单位,报送日期,标题,类别,审核人\n"
    "四平,2003-10-31,四平市下岗职工再就业工作面临的困难和问题,问题,李四\n"
    "四平,2003-11-03,四平市秋粮收购进度,综合,李四\n"
)


def imported(folder: Path, tmp_path: Path, runner: CliRunner) -> None:
    batch = tmp_path / "items.csv"
    batch.write_text(ITEMS, encoding="utf-8")
    code, out, err = run(runner, folder, "import", str(batch))
    assert code == 0, out + err


def test_an_adoption_dated_before_its_item_names_the_item_and_its_date(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    imported(folder, tmp_path, runner)
    log = tmp_path / "a.csv"
    log.write_text(
        "刊物,期号,采用日期,采用方式,报送单位,标题\n"
        "jl-mryq,第5期,2003-10-20,单条,四平,四平市下岗职工再就业工作面临的困难和问题\n"
        "jl-mryq,第9期,2004-12-20,单条,四平,四平市秋粮收购进度\n",
        encoding="utf-8",
    )
    code, out, _err = run(runner, folder, "import", "--adoptions", "--dry-run", str(log))
    assert code == 1
    assert (
        "a.csv:2: error: 采用日期 2003-10-20 早于该信息的报送日期 2003-10-31（siping-2003-0001）\n"
    ) in out
    assert (
        "a.csv:3: error: 采用日期 2004-12-20 距该信息的报送日期 2003-11-03（siping-2003-0002）"
        "已超过 366 天\n"
    ) in out
    assert "找不到此标题" not in out
    code, out, _err = run(runner, folder, "--lang", "en", "import", "--adoptions", str(log))
    assert (
        "a.csv:2: error: 采用日期 2003-10-20 is before the submission's date 2003-10-31"
        " (siping-2003-0001)\n"
    ) in out


def test_an_unknown_id_is_offered_the_id_it_most_likely_meant(
    folder: Path, tmp_path: Path, runner: CliRunner
) -> None:
    imported(folder, tmp_path, runner)
    log = tmp_path / "b.csv"
    log.write_text(
        "刊物,期号,采用日期,采用方式,信息编号\n"
        "jl-mryq,第5期,2003-12-20,单条,SIPING-2003-0002\n"
        "jl-mryq,第5期,2003-12-20,单条,siping-2003-2\n"
        "jl-mryq,第5期,2003-12-20,单条,ＳＩＰＩＮＧ－2003－0001\n"
        "jl-mryq,第5期,2003-12-20,单条,siping-2003-0011\n"
        "jl-mryq,第5期,2003-12-20,单条,nowhere-1\n",
        encoding="utf-8",
    )
    code, out, _err = run(runner, folder, "import", "--adoptions", "--dry-run", str(log))
    assert code == 1
    hint = "b.csv:{row}: error: 没有编号为 {value} 的信息——是否指“{id}”？\n"
    assert hint.format(row=2, value="SIPING-2003-0002", id="siping-2003-0002") in out
    assert hint.format(row=3, value="siping-2003-2", id="siping-2003-0002") in out
    assert hint.format(row=4, value="ＳＩＰＩＮＧ－2003－0001", id="siping-2003-0001") in out
    assert hint.format(row=5, value="siping-2003-0011", id="siping-2003-0001") in out
    assert "b.csv:6: error: 没有编号为 nowhere-1 的信息\n" in out
