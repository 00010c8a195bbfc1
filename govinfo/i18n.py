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
    # demo generate
    "demo_dest_not_empty": (
        "目标目录 {path} 已存在且不为空；请指定一个新的或空的目录",
        "{path} exists and is not empty; give a new or empty folder",
    ),
    "demo_bad_count": (
        "{option} 的值 {value} 无效：至少为 {min}",
        "{option} {value} is not valid: it must be at least {min}",
    ),
    "demo_too_many": (
        "{option} 的值 {value} 过大：至多 {max}",
        "{option} {value} is too large: at most {max}",
    ),
    "demo_bad_year": ("起始年份 {value} 无效", "first year {value} is not valid"),
    "demo_unknown_sample": (
        "没有名为 {name} 的示例数据（可选：{known}）",
        "no sample named {name} (known: {known})",
    ),
    # --- scoring / explain -----------------------------------------------------------------
    # --- overdue ---------------------------------------------------------------------------
    # --- import / write layer --------------------------------------------------------------
    # --- report / close-year / points ------------------------------------------------------
}
