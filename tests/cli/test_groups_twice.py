"""``check`` of ``groups:`` when a ``points:`` group and a ``kinds:`` group both take a point:
one error at the later group, where the second claim is written, naming the points by name and
the group that holds them already."""

from __future__ import annotations

from typer.testing import CliRunner

from tests.support.cli import run_cli as run
from tests.support.folders import MakeFolder

NATIONAL_THEN_KINDS = """\
    format: 1
    groups:
      - id: national
        name: 国办直报点
        points: [changchun]
      - id: others
        name: 其他
        kinds: [department, city]
    """


def settings_lines(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.startswith("govinfo.yaml:")]


def test_a_kind_taking_a_listed_point_is_the_error_at_the_kind(
    runner: CliRunner, make_folder: MakeFolder
) -> None:
    root = make_folder({"govinfo.yaml": NATIONAL_THEN_KINDS})
    code, out, _ = run(runner, root, "check")
    assert code == 1
    assert settings_lines(out) == [
        "govinfo.yaml:8:25: error: 分组“其他”（others）按类别 city 包括的长春（changchun）"
        "已列入前面的分组“国办直报点”（national）（每个直报点只属于一个分组；"
        "要把其余的直报点单列一组，请在 points 中逐个列出）"
    ]
    code, out, _ = run(runner, root, "--lang", "en", "check")
    assert settings_lines(out) == [
        "govinfo.yaml:8:25: error: group “其他” (others) takes kind city, which includes "
        "长春 (changchun), already listed in the earlier group “国办直报点” (national) (every "
        "point is in exactly one group; to group the remaining points, list them in points)"
    ]


def test_the_points_of_one_kind_in_one_error(runner: CliRunner, make_folder: MakeFolder) -> None:
    both = NATIONAL_THEN_KINDS.replace("[changchun]", "[changchun, siping, fgw]")
    root = make_folder({"govinfo.yaml": both})
    code, out, _ = run(runner, root, "check")
    assert code == 1
    lines = settings_lines(out)
    assert [line.split(": error: ")[0] for line in lines] == [
        "govinfo.yaml:8:13",  # department: 省发展改革委
        "govinfo.yaml:8:25",  # city: 长春 and 四平
    ]
    assert "包括的省发展改革委（fgw）已列入" in lines[0]
    assert "包括的长春（changchun）、四平（siping）已列入" in lines[1]


def test_national_points_and_the_remaining_cities_listed_pass(
    runner: CliRunner, make_folder: MakeFolder
) -> None:
    listed = """\
        format: 1
        groups:
          - {id: national, name: 国办直报点, points: [changchun]}
          - {id: cities, name: 其他市州, points: [siping]}
          - {id: dept, name: 省直部门, kinds: [department]}
        """
    root = make_folder({"govinfo.yaml": listed})
    code, out, _ = run(runner, root, "check")
    assert code == 0, out
