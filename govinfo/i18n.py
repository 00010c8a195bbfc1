"""Every user-facing word, in Chinese and English, in one place.

Pure: no I/O. ``t(key, **kw)`` formats the message for the current language, which the CLI sets
once per run with :func:`set_lang`. Keys are grouped by the part of the tool that uses them; add
new ones in your part's section. The words ``error``/``warning`` in problem lines stay English in
every language (SPEC §1) and are not translated here.
"""

from __future__ import annotations

from contextvars import ContextVar

LANGS = ("zh", "en")
_lang: ContextVar[str] = ContextVar("govinfo_lang", default="zh")


def set_lang(lang: str) -> None:
    _lang.set(lang if lang in LANGS else "zh")


def get_lang() -> str:
    return _lang.get()


def t(key: str, **kw: object) -> str:
    """The message ``key`` in the current language, formatted with ``kw``."""
    entry = MESSAGES[key]
    text = entry[0] if _lang.get() == "zh" else entry[1]
    return text.format(**kw) if kw else text


# key: (zh, en)
MESSAGES: dict[str, tuple[str, str]] = {
    # --- general / CLI ---------------------------------------------------------------------
    "no_data_folder": (
        "找不到数据目录：请用 --data 指定，或设置 GOVINFO_DATA，或在当前目录下放置 data/govinfo.yaml；新建请运行 govinfo init DIR",
        "no data folder found: pass --data DIR, set GOVINFO_DATA, or run in a directory whose data/ holds govinfo.yaml; to start one, run govinfo init DIR",
    ),
    "data_not_folder": (
        "数据目录 {path} 不存在或没有 govinfo.yaml；新建请运行 govinfo init {path}",
        "{path} is not a data folder (no govinfo.yaml); to start one, run govinfo init {path}",
    ),
    "bad_format": (
        "{path}: 数据格式版本 format: {value} 不受支持（本版本只认 format: 1）",
        "{path}: data format version format: {value} is not supported (this version reads format: 1)",
    ),
    "bad_today": (
        "环境变量 GOVINFO_TODAY 的值 {value} 不是 YYYY-MM-DD 格式的日期",
        "GOVINFO_TODAY={value} is not a YYYY-MM-DD date",
    ),
    "bad_date_option": (
        "{option} 的值 {value} 不是 YYYY-MM-DD 格式的日期",
        "{option} {value} is not a YYYY-MM-DD date",
    ),
    "refused_errors": (
        "数据有 {n} 个错误，已拒绝执行（运行 govinfo check 查看全部）：",
        "the data has {n} error(s); refused (run govinfo check to see them all):",
    ),
    "refused_more": ("……另有 {n} 个", "... and {n} more"),
    "git_failed": ("git 命令失败：{cmd}\n{detail}", "git failed: {cmd}\n{detail}"),
    "git_missing": ("找不到 git 命令，请先安装 git", "git is not installed"),
    "git_no_identity": (
        "git 未设置用户身份，本次提交以“{office}”署名；设置方法：git config --global user.name 姓名 && git config --global user.email 邮箱",
        "git has no user identity; committing as “{office}”; set one with: git config --global user.name NAME && git config --global user.email EMAIL",
    ),
    # --- loader / check --------------------------------------------------------------------
    # --- init / demo -----------------------------------------------------------------------
    # --- scoring / explain -----------------------------------------------------------------
    "score_no_rule_set": (
        "{day} 没有生效的计分规则，无法计分（{what}）",
        "no rule set is in force on {day}; cannot score ({what})",
    ),
    "score_unknown_publication": (
        "{what}：刊物 {publication} 不在其计分规则中",
        "{what}: publication {publication} is not in its rule set",
    ),
    "score_unknown_point": (
        "没有名为“{point}”的直报点（可用编号、全称或简称）",
        "no reporting point “{point}” (give its id, full name or short name)",
    ),
    "score_bad_top": ("--top 须为正整数：{value}", "--top must be a positive number: {value}"),
    "mode_single": ("单条采用", "single item"),
    "mode_combined": ("综合采用", "combined item"),
    "ev_adoption": ("{publication}{mode}", "{publication}, {mode}"),
    "ev_multiplier": (" ×{m} {why}", " ×{m} {why}"),
    "mult_general": ("综合", "general"),
    "mult_research": ("调研", "research"),
    "mult_problem": ("问题", "problem"),
    "mult_emergency": ("突发", "emergency"),
    "mult_opinion-list": ("舆情清单", "opinion list"),
    "mult_solicited_on_time": ("约稿按时报送", "solicited, on time"),
    "ev_no_rise": ("（同级已计更高分）", " (a higher adoption at this level already counted)"),
    "ev_rise": ("（同级取高，补差 {rise}）", " (highest per level: +{rise})"),
    "ev_shared": ("，{n} 家合报均分", ", shared by {n} points"),
    "rank_state-council": ("国务院领导", "State Council leader"),
    "rank_governor": ("省长", "governor"),
    "rank_provincial-leader": ("省领导", "provincial leader"),
    "ev_instruction": ("{rank}批示", "instruction by the {rank}"),
    "ev_leader": ("（{leader}）", " ({leader})"),
    "ded_solicitation-missed": (
        "约稿 {ref} 未报",
        "solicitation {ref} not answered by its due date",
    ),
    "ded_research-quarter-missing": (
        "{period}调研信息未报（应报 {required} 篇，实报 {found} 篇）",
        "research items for {period}: {found} of {required}",
    ),
    "ded_opinion-month-missing": (
        "{period}舆情清单未报（应报 {required} 份，实报 {found} 份）",
        "opinion list for {period}: {found} of {required}",
    ),
    "ded_emergency-late": (
        "突发信息迟报：{minutes} 分钟（时限 {limit} 分钟）",
        "emergency reported after {minutes} minutes (limit {limit})",
    ),
    "ded_inaccurate": ("信息失实", "inaccurate information"),
    "adj_emergency-omitted": ("漏报突发信息", "emergency omitted"),
    "adj_emergency-concealed": ("瞒报突发信息", "emergency concealed"),
    "adj_inaccurate": ("信息失实", "inaccurate information"),
    "adj_manual": ("人工调整", "manual adjustment"),
    "ev_adjustment": ("{kind}（{adjustment}）：{reason}", "{kind} ({adjustment}): {reason}"),
    "period_quarter": ("{year}年第{n}季度", "{year} Q{n}"),
    "period_month": ("{year}年{n}月", "{year}-{n:02d}"),
    "status_commended": ("优秀", "commended"),
    "status_disqualified": ("取消资格", "disqualified"),
    "status_exempt": ("豁免", "exempt"),
    "status_retained": ("保留", "retained"),
    "status_left": ("退出", "left"),
    "status_at_risk": ("{status}（预警）", "{status} (at risk)"),
    "kind_city": ("市州", "city"),
    "kind_county": ("县市区", "county"),
    "kind_department": ("省直部门", "department"),
    "col_rank": ("名次", "rank"),
    "col_point": ("直报点", "point"),
    "col_kind": ("类别", "kind"),
    "col_score": ("得分", "score"),
    "col_submitted": ("报送", "submitted"),
    "col_adopted": ("采用", "adopted"),
    "col_national_adopted": ("国办采用", "national"),
    "col_instructions": ("批示", "instructions"),
    "col_research": ("调研", "research"),
    "col_deductions": ("扣分", "deductions"),
    "col_status": ("状态", "status"),
    "col_date": ("日期", "date"),
    "col_submission": ("信息编号", "submission"),
    "col_title": ("标题", "title"),
    "col_what": ("计分事项", "what"),
    "col_points": ("分值", "points"),
    "col_total": ("累计", "total"),
    "score_title": (
        "{year}年度政务信息直报点得分排名",
        "{year} scores of the direct-reporting points",
    ),
    "score_footer_rules": ("计分规则：{ids}", "rule sets: {ids}"),
    "score_footer_outcome": (
        "优秀 {commended} 个，取消资格 {disqualified} 个；数据截至 {as_of}",
        "commended {commended}, disqualified {disqualified}; as of {as_of}",
    ),
    "score_footer_provisional": (
        "年度未结束，暂不评定优秀和取消资格；数据截至 {as_of}，预警 {at_risk} 个",
        "the year is not over: no commendations or disqualifications yet; as of {as_of}, {at_risk} at risk",
    ),
    "explain_title": (
        "{name}（{id}）{year}年度得分明细",
        "{name} ({id}): {year} scoring events",
    ),
    "explain_footer": (
        "合计 {score} 分，共 {n} 项；数据截至 {as_of}",
        "total {score} from {n} events; as of {as_of}",
    ),
    # --- overdue ---------------------------------------------------------------------------
    # --- import / write layer --------------------------------------------------------------
    # --- report / close-year / points ------------------------------------------------------
}
