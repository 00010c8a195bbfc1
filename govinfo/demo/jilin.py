"""The 吉林省 2003 sample: the province's direct-reporting network as the 2003 speech describes it.

Nine 市州 (seven of them also 国办直报点), 25 provincial departments and 18 counties; the 2002
quality-evaluation method and the 2003 scoring standard; October 2002 to December 2003. Names,
people and numbers are synthetic; the structure (who reports, to whom, under which rules, what the
leaders cared about that year) follows the speech in ``shared/seed``. The year is built so that
2003 ends with every status SPEC §2 knows: commended, disqualified, exempt, retained and left;
and a few points let an obligation slide or go quiet for weeks, so that ``overdue`` at a quarter's
end shows every kind of finding.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping

from govinfo.demo import corpus, titles
from govinfo.demo.plan import Period, PointPlan, RuleInfo, Scenario, packaged_rule_text

SEED = "jilin-2003"
PROVINCE = "吉林省"
OFFICE = "吉林省人民政府办公厅"

D = dt.date
ADMITTED = D(2001, 1, 1)
NATIONAL_ADMITTED = D(2000, 1, 1)
COMMENDED_2002 = D(2003, 1, 28)
NATIONAL_COMMENDED_2002 = D(2003, 2, 20)

# (id, name, short, aliases, area code, national point)
_CITIES = (
    ("changchun", "长春市人民政府办公厅", "长春", ("长春市", "长春市政府办公厅"), "0431", True),
    ("jilinshi", "吉林市人民政府办公厅", "吉林市", ("吉林市政府办公厅",), "0432", True),
    ("siping", "四平市人民政府办公厅", "四平", ("四平市",), "0434", True),
    ("liaoyuan", "辽源市人民政府办公厅", "辽源", ("辽源市",), "0437", False),
    ("tonghua", "通化市人民政府办公厅", "通化", ("通化市",), "0435", True),
    ("baishan", "白山市人民政府办公厅", "白山", ("白山市",), "0439", False),
    ("songyuan", "松原市人民政府办公厅", "松原", ("松原市",), "0438", True),
    ("baicheng", "白城市人民政府办公厅", "白城", ("白城市",), "0436", True),
    (
        "yanbian",
        "延边朝鲜族自治州人民政府办公室",
        "延边州",
        ("延边", "延边朝鲜族自治州", "延边州政府办公室"),
        "0433",
        True,
    ),
)
_CITY_SUBJECT = {
    "changchun": "长春市",
    "jilinshi": "吉林市",
    "siping": "四平市",
    "liaoyuan": "辽源市",
    "tonghua": "通化市",
    "baishan": "白山市",
    "songyuan": "松原市",
    "baicheng": "白城市",
    "yanbian": "延边州",
}
# (id, place name, short, parent)
_COUNTIES = (
    ("nongan", "农安县", "农安", "changchun"),
    ("yushu", "榆树市", "榆树", "changchun"),
    ("dehui", "德惠市", "德惠", "changchun"),
    ("shulan", "舒兰市", "舒兰", "jilinshi"),
    ("huadian", "桦甸市", "桦甸", "jilinshi"),
    ("gongzhuling", "公主岭市", "公主岭", "siping"),
    ("lishu", "梨树县", "梨树", "siping"),
    ("dongfeng", "东丰县", "东丰", "liaoyuan"),
    ("meihekou", "梅河口市", "梅河口", "tonghua"),
    ("jian", "集安市", "集安", "tonghua"),
    ("linjiang", "临江市", "临江", "baishan"),
    ("changbai", "长白朝鲜族自治县", "长白", "baishan"),
    ("qianguo", "前郭尔罗斯蒙古族自治县", "前郭", "songyuan"),
    ("taonan", "洮南市", "洮南", "baicheng"),
    ("daan", "大安市", "大安", "baicheng"),
    ("dunhua", "敦化市", "敦化", "yanbian"),
    ("hunchun", "珲春市", "珲春", "yanbian"),
    ("tumen", "图们市", "图们", "yanbian"),
)
_COUNTY_ALIASES = {
    "changbai": ("长白县",),
    "qianguo": ("前郭县",),
}

# How each point behaves: weight, adopt, diligence, instr, national.
_CITY_HABITS = {
    "changchun": (10.0, 0.36, 0.97, 1.5, 0.16),
    "jilinshi": (8.5, 0.32, 0.95, 1.2, 0.12),
    "tonghua": (8.0, 0.36, 0.97, 1.3, 0.16),
    "siping": (7.0, 0.31, 0.93, 1.0, 0.11),
    "baicheng": (6.8, 0.32, 0.94, 1.0, 0.12),
    "yanbian": (7.2, 0.31, 0.93, 1.1, 0.12),
    "songyuan": (6.5, 0.29, 0.90, 0.9, 0.10),
    "liaoyuan": (5.0, 0.27, 0.90, 0.8, 0.0),
    "baishan": (5.0, 0.26, 0.88, 0.8, 0.0),
}
_STRONG_DEPARTMENTS = ("fgw", "czt", "ldbzt", "nw", "gat", "wst", "ajj", "jmw", "gtzyt", "tjj")
_WEAK = ("wjj", "sft", "dongfeng", "linjiang", "daan")
_SAMPLE_DEPARTMENTS = 25
# What a spreadsheet may write for a department besides its short name.
_DEPARTMENT_ALIASES = {
    "fgw": ("省发改委",),
    "ldbzt": ("省劳动厅",),
    "ajj": ("省安监局",),
}  # the first 25 of corpus.DEPARTMENTS

# Lives that make the year's outcome complete.
_HISTORY_EXTRA: dict[str, tuple[dict[str, object], ...]] = {
    # Admitted on 1 July: exempt from disqualification for 2003 (grace from 07-01 inclusive).
    "hunchun": (
        {
            "date": D(2003, 7, 1),
            "event": "admitted",
            "reason": "对外开放窗口城市，信息潜力较大，吸收为直报点",
        },
    ),
    "changbai": ({"date": D(2003, 9, 1), "event": "admitted", "reason": "边境县，吸收为直报点"},),
    # Retired during the year: left.
    "tumen": (
        {"date": ADMITTED, "event": "admitted"},
        {"date": D(2003, 10, 31), "event": "retired", "reason": "长期不报信息，有名无实，予以清理"},
    ),
    # Disqualified for 2002, reinstated after putting things right.
    "lishu": (
        {"date": ADMITTED, "event": "admitted"},
        {
            "date": COMMENDED_2002,
            "event": "disqualified",
            "year": 2002,
            "reason": "2002年度得分低于12分",
        },
        {"date": D(2003, 3, 1), "event": "reinstated", "reason": "整改到位，恢复直报点资格"},
    ),
}
# The provincial commendations for 2002 (recorded in January 2003) and the State Council General
# Office's commendation of five national points (the speech: 通化、长春、白城、延边、四平).
_COMMENDED_2002 = (
    "changchun", "jilinshi", "tonghua", "siping", "baicheng", "yanbian", "songyuan",
    "fgw", "czt", "ldbzt", "nw", "gat", "jmw", "nongan", "gongzhuling",
)  # fmt: skip
_NATIONAL_COMMENDED_2002 = ("tonghua", "changchun", "baicheng", "yanbian", "siping")

_INACCURATE = {
    "songyuan": ((2003, 6),),
    "jmw": ((2003, 9),),
    "yushu": ((2003, 4),),
}

# Obligations let slide, so that a quarter's end shows every kind of overdue finding. Quarters
# without a single research item of the department's own (research-quarter-missing):
_RESEARCH_GAPS = {
    "sft": ((2003, 1),),
    "jyt": ((2003, 2),),  # 非典: schools closed, exams moved
    "slt": ((2003, 3),),  # flood season
    "wjj": ((2003, 3),),
    "lyt": ((2003, 4),),  # forest fire season
}
# Months without the city's opinion list (opinion-month-missing; required from April 2003):
_OPINION_GAPS = {
    "liaoyuan": ((2003, 5), (2003, 11)),
    "baishan": ((2003, 8),),
}
# Weak points that go quiet (inactive): 省物价局 from mid-August until a reminder in October,
# 临江 from mid-November, when its information officer is transferred, to the year's end.
_SILENT = {
    "wjj": ((D(2003, 8, 12), D(2003, 10, 16)),),
    "linjiang": ((D(2003, 11, 15), D(2003, 12, 31)),),
}


def _phone(rng: random.Random, area: str) -> str:
    if rng.random() < 0.3:
        return f"13{rng.choice('0345689')}{rng.randint(0, 99999999):08d}"
    digits = 8 if area == "0431" else 7
    first = rng.choice("5689")
    return f"{area}-{first}{rng.randint(0, 10 ** (digits - 1) - 1):0{digits - 1}d}"


def _history(pid: str, national: bool) -> tuple[dict[str, object], ...]:
    events: list[dict[str, object]] = []
    if national:
        events.append({"date": NATIONAL_ADMITTED, "event": "admitted", "tier": "national"})
    events.extend(_HISTORY_EXTRA.get(pid, ({"date": ADMITTED, "event": "admitted"},)))
    if pid in _COMMENDED_2002:
        events.append(
            {
                "date": COMMENDED_2002,
                "event": "commended",
                "year": 2002,
                "reason": "2002年度优秀信息直报点",
            }
        )
    if pid in _NATIONAL_COMMENDED_2002:
        events.append(
            {
                "date": NATIONAL_COMMENDED_2002,
                "event": "commended",
                "tier": "national",
                "year": 2002,
                "reason": "国务院办公厅通报表彰2002年度优秀国办信息直报点",
            }
        )
    events.sort(key=lambda ev: ev["date"])  # type: ignore[arg-type,return-value]
    return tuple(events)


def points() -> list[PointPlan]:
    rng = random.Random(f"{SEED}/people")
    plans: list[PointPlan] = []
    area_of: dict[str, str] = {}
    for pid, name, short, aliases, area, national in _CITIES:
        area_of[pid] = area
        weight, adopt, diligence, instr, nat = _CITY_HABITS[pid]
        plans.append(
            PointPlan(
                id=pid,
                name=name,
                short=short,
                aliases=aliases,
                kind="city",
                tiers=("provincial", "national") if national else ("provincial",),
                history=_history(pid, national),
                subject=_CITY_SUBJECT[pid],
                scope=_CITY_SUBJECT[pid],
                contact=(titles.person(rng), _phone(rng, area)),
                reviewers=(titles.person(rng), titles.person(rng)),
                weight=weight,
                adopt=adopt,
                diligence=diligence,
                instr=instr,
                national=nat,
                inaccurate_months=_INACCURATE.get(pid, ()),
                research_gaps=_RESEARCH_GAPS.get(pid, ()),
                opinion_gaps=_OPINION_GAPS.get(pid, ()),
                silent=_SILENT.get(pid, ()),
            )
        )
    for pid, place, short, parent in _COUNTIES:
        weak = pid in _WEAK
        if weak:
            habits = (0.25, 0.14, 0.65, 0.1)
        elif pid in ("hunchun", "changbai"):
            habits = (0.55, 0.15, 0.7, 0.1)
        elif pid == "tumen":
            habits = (0.45, 0.2, 0.7, 0.2)
        else:
            habits = (1.4, 0.27, 0.86, 0.3)
        plans.append(
            PointPlan(
                id=pid,
                name=f"{place}人民政府办公室",
                short=short,
                aliases=(place, *_COUNTY_ALIASES.get(pid, ())),
                kind="county",
                parent=parent,
                tiers=("provincial",),
                history=_history(pid, False),
                subject=place,
                scope=place,
                contact=(titles.person(rng), _phone(rng, area_of[parent])),
                reviewers=(titles.person(rng), titles.person(rng)),
                weight=habits[0],
                adopt=habits[1],
                diligence=habits[2],
                instr=habits[3],
                inaccurate_months=_INACCURATE.get(pid, ()),
                research_gaps=_RESEARCH_GAPS.get(pid, ()),
                opinion_gaps=_OPINION_GAPS.get(pid, ()),
                silent=_SILENT.get(pid, ()),
            )
        )
    for pid, full, short, topics in corpus.DEPARTMENTS[:_SAMPLE_DEPARTMENTS]:
        if pid in _WEAK:
            habits = (0.25, 0.14, 0.65, 0.1)
        elif pid in _STRONG_DEPARTMENTS:
            habits = (2.0, 0.28, 0.93, 1.0)
        else:
            habits = (1.3, 0.23, 0.86, 0.6)
        plans.append(
            PointPlan(
                id=pid,
                name=f"{PROVINCE}{full}",
                short=f"省{short}",
                aliases=((f"省{full}",) if full != short else ())
                + _DEPARTMENT_ALIASES.get(pid, ()),
                kind="department",
                tiers=("provincial",),
                history=_history(pid, False),
                subject=f"省{short}",
                scope="全省",
                topics=topics,
                contact=(titles.person(rng), _phone(rng, "0431")),
                reviewers=(titles.person(rng), titles.person(rng)),
                weight=habits[0],
                adopt=habits[1],
                diligence=habits[2],
                instr=habits[3],
                inaccurate_months=_INACCURATE.get(pid, ()),
                research_gaps=_RESEARCH_GAPS.get(pid, ()),
                opinion_gaps=_OPINION_GAPS.get(pid, ()),
                silent=_SILENT.get(pid, ()),
            )
        )
    return plans


def _adjustments(
    year: int, firsts: Mapping[tuple[str, int], tuple[str, dt.date]]
) -> list[dict[str, object]]:
    """What the office recorded by hand in 2003 (nothing in late 2002)."""
    if year != 2003:
        return []
    ref_id, ref_day = firsts[("siping", 5)]
    rows: list[dict[str, object]] = [
        {
            "point": "baishan",
            "date": D(2003, 3, 14),
            "kind": "emergency-omitted",
            "reason": "3月12日临江市一煤矿发生透水事故，未按规定报送信息，经核实为漏报",
        },
        {
            "point": "gat",
            "date": D(2003, 6, 30),
            "kind": "manual",
            "points": 2,
            "reason": "防治非典期间及时报送重要社情信息，经研究给予加分",
        },
        {
            "point": "siping",
            "date": ref_day + dt.timedelta(days=9),
            "kind": "inaccurate",
            "reason": "经核实，该信息所报数据与统计部门数据出入较大",
            "submission": ref_id,
        },
        {
            "point": "songyuan",
            "date": D(2003, 7, 22),
            "kind": "emergency-omitted",
            "reason": "7月20日前郭县境内发生一起重大交通事故，未向省政府报送信息",
        },
        {
            "point": "jtt",
            "date": D(2003, 10, 15),
            "kind": "emergency-concealed",
            "reason": "瞒报一起重大交通事故死亡人数",
        },
        {
            "point": "lishu",
            "date": D(2003, 11, 10),
            "kind": "manual",
            "points": -1,
            "reason": "多次重复报送同一内容信息，经提醒仍未改正",
        },
        {
            "point": "changchun",
            "date": D(2003, 12, 20),
            "kind": "manual",
            "points": 3,
            "reason": "在全国政府系统政务信息工作会议上作典型经验介绍，经研究给予加分",
        },
    ]
    rows.sort(key=lambda r: r["date"])  # type: ignore[arg-type,return-value]
    return [
        {"id": f"TZ-2003-{n:02d}", **{k: v for k, v in row.items()}}
        for n, row in enumerate(rows, start=1)
    ]


def scenario() -> Scenario:
    rules = [RuleInfo.from_text(packaged_rule_text(name)) for name in ("jl-2002", "jl-2003")]
    return Scenario(
        seed=SEED,
        settings={"format": 1, "office": OFFICE, "province": PROVINCE, "language": "zh"},
        points=points(),
        rules=rules,
        periods=(
            Period(2002, 10, 12, budget=1650, solicitations=10, solicitation_start=51),
            Period(2003, 1, 12, budget=6600, solicitations=60, all_share=0.17, addressed=(5, 12)),
        ),
        end=D(2003, 12, 31),
        governor="洪虎",
        vice_governors=("常务副省长", "分管副省长"),
        state_council="国务院领导同志",
        adjustments=_adjustments,
        governor_rate=0.13,
        leader_rate=0.06,
        notice=NOTICE,
    )


# What the office writes once for its 通报 (issue 15): data/notice.yaml.
NOTICE = """\
# 通报的固定内容：govinfo report 2003 --out 通报.docx --number 5 读取
issuer: 吉林省人民政府办公厅
number: 吉政办函〔{year}〕{n}号
to: 各市州人民政府办公厅，长白山管委会办公室，各县（市、区）人民政府办公室，省政府各厅委、各直属机构办公室：
basis: 《吉林省人民政府办公厅政务信息直报点考核办法》
requirements:
  - 各地各部门要进一步提高对政务信息工作重要性的认识，主要负责同志要亲自过问，分管负责同志要具体抓，确保信息工作有人管、有人干。
  - 要围绕省委、省政府中心工作，突出老工业基地调整改造、农业和农村经济、安全生产等重点，多报反映新情况、新问题的深度信息和调研信息。
  - 要严格执行突发事件信息报送制度，紧急重大情况要在事发后规定时限内报告，不得迟报、漏报、瞒报。
copy_to: [省委办公厅, 省人大常委会办公厅, 省政协办公厅, 省纪委办公厅]
printed_by: 吉林省人民政府办公厅秘书处
signature: 吉林省人民政府办公厅
"""
