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
    # --- overdue ---------------------------------------------------------------------------
    # --- import / write layer --------------------------------------------------------------
    "write_path_escapes": (
        "拒绝写入 {path}：路径越出了数据目录",
        "refused to write {path}: the path leaves the data folder",
    ),
    "write_path_symlink": (
        "拒绝写入 {path}：路径经过符号链接",
        "refused to write {path}: the path passes through a symbolic link",
    ),
    "lock_busy": (
        "数据目录正被另一个 govinfo 写入（进程 {pid}，主机 {host}，命令“{command}”，开始于 {started}）；请稍后再试。锁文件：{path}",
        "the data folder is being written by another govinfo (pid {pid} on {host}, “{command}”, started {started}); try again later. Lock file: {path}",
    ),
    "write_dirty": (
        "拒绝写入：要修改的 {n} 个文件有未提交的改动（{paths}）；请先提交或撤销这些改动",
        "refused: {n} file(s) to be changed have uncommitted changes ({paths}); commit or undo them first",
    ),
    "write_not_git": (
        "数据目录不在 git 仓库中：文件已写入，但没有提交记录",
        "the data folder is not in a git repository: files written without a commit",
    ),
    "journal_unreadable": (
        "上次中断的写入日志无法读取：{path}；请检查数据目录（git status）后删除该文件",
        "the journal of an interrupted write cannot be read: {path}; check the data folder (git status), then delete that file",
    ),
    "journal_cannot_finish": (
        "上次中断的写入无法完成：{file} 已被改动；请检查数据目录（git status）后删除 {path}",
        "an interrupted write cannot be finished: {file} has changed since; check the data folder (git status), then delete {path}",
    ),
    "journal_commit_failed": (
        "上次中断的写入已完成，但提交失败：{detail}\n修正后重新运行即可；或手动提交后删除 {path}",
        "an interrupted write was finished but its commit failed: {detail}\nfix that and run again, or commit by hand and delete {path}",
    ),
    "journal_rolled_back": (
        "已撤销上次中断的写入（{message}），数据目录恢复原状",
        "undid an interrupted write ({message}); the data folder is as it was before",
    ),
    "splice_not_yaml": (
        "{path}：无法解析为 YAML，不能写入：{detail}",
        "{path}: not valid YAML, cannot write into it: {detail}",
    ),
    "splice_not_block_list": (
        "{path}：不是逐行书写的记录列表（“- 字段: 值”），无法在保留原文的前提下写入",
        "{path}: not a block list of records (“- key: value”); cannot write into it while keeping its text",
    ),
    "splice_no_record": ("{path}：找不到编号为 {id} 的记录", "{path}: no record with id {id}"),
    "splice_flow_field": (
        "{path}：记录 {id} 的 {field} 写成了单行（[...]）形式，无法在保留原文的前提下追加；请改为逐行书写",
        "{path}: record {id} writes {field} in flow style ([...]); cannot append while keeping its text — write it as a block list",
    ),
    "journal_completed": (
        "已完成上次中断的写入（{message}）",
        "finished an interrupted write ({message})",
    ),
    # --- report / close-year / points ------------------------------------------------------
}
