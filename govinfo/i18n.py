"""Every user-facing word, in Chinese and English, in one place.

Pure: no I/O. ``t(key, **kw)`` formats the message for the current language, which the CLI sets
once per run with :func:`set_lang`. Keys are grouped by the part of the tool that uses them; add
new ones in your part's section. The words ``error``/``warning`` in problem lines stay English in
every language (SPEC §1) and are not translated here.
"""

from __future__ import annotations

import errno
import re
from collections.abc import Sequence
from contextvars import ContextVar

from govinfo.errors import GovinfoError, NoRuleSetError, UnknownPublicationError

LANGS = ("zh", "en")
_lang: ContextVar[str] = ContextVar("govinfo_lang", default="zh")


def set_lang(lang: str) -> None:
    _lang.set(lang if lang in LANGS else "zh")


def get_lang() -> str:
    return _lang.get()


def t(key: str, /, **kw: object) -> str:
    """The message ``key`` in the current language, formatted with ``kw``. In a Chinese
    message a field written ``{name:w}`` is a word set in Chinese text (:func:`_set_words`)."""
    entry = MESSAGES[key]
    if _lang.get() != "zh":
        text = entry[1].format(**kw) if kw else entry[1]
        return _COUNTED.sub(_plural, text) if "(s)" in text else text
    text = entry[0]
    if not kw:
        return text
    if ":w}" in text:
        text = _set_words(text, kw)
    return text.format(**kw)


def tn(key: str, n: int, /, **kw: object) -> str:
    """:func:`t` of ``key`` for a count ``n``: its ``key_one`` message when ``n`` is 1 and there
    is one (English's singular: ``1 item is``; Chinese says it alike, so both read the same)."""
    one = f"{key}_one"
    return t(one if n == 1 and one in MESSAGES else key, n=n, **kw)


# A count before an English noun written "noun(s)": "1 error(s)" reads "1 error", "2 errors".
_COUNTED = re.compile(r"\b([0-9][0-9,]*) ([A-Za-z-]+)\(s\)")


def _plural(m: re.Match[str]) -> str:
    return f"{m[1]} {m[2]}" if m[1] == "1" else f"{m[1]} {m[2]}s"


_WORD_FIELD = re.compile(r"\{(\w+):w\}")


def _latin(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in "-_./")


def _han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _set_words(text: str, kw: dict[str, object]) -> str:
    """``text`` with each ``{name:w}`` field filled in: a space between it and a Chinese
    character beside it when the value's edge there is Latin (``缺少 --kind``, ``point 为空``),
    none when it is Chinese too (``缺少直报点``, ``报送单位为空``)."""

    def fill(m: re.Match[str]) -> str:
        value = str(kw[m[1]])
        before = text[m.start() - 1 : m.start()]
        after = text[m.end() : m.end() + 1]
        if value and _han(before) and _latin(value[0]):
            value = " " + value
        if value and _han(after) and _latin(value[-1]):
            value += " "
        return value.replace("{", "{{").replace("}", "}}")

    return _WORD_FIELD.sub(fill, text)


def missing_text(name: str, label: str) -> str:
    """Why a usage error stops for a missing parameter ``name`` (shown as ``label``): in the
    parameter's own words where it has them (``缺少要导入的文件``), else ``缺少 label`` — the
    label without the ``…`` that says in a usage line that several may be given."""
    if f"usage_missing_{name}" in MESSAGES:
        return t(f"usage_missing_{name}")
    return t("usage_missing", name=label.removesuffix("…").removesuffix("..."))


def either(items: Sequence[str]) -> str:
    """Choices as a reader says them: ``a、b、c`` (zh), ``a, b or c`` (en)."""
    if len(items) < 2:
        return "".join(items)
    return t("list_sep").join(items[:-1]) + t("list_or_last") + items[-1]


# The operating system's own words (``strerror``) are English whatever the language: the common
# complaints, in Chinese, by errno name; any other keeps the system's words.
OS_ERRORS_ZH: dict[str, str] = {
    "EACCES": "权限不足",
    "EPERM": "不允许此操作（权限不足）",
    "ENOENT": "文件或文件夹不存在",
    "ENOSPC": "磁盘空间已满",
    "EDQUOT": "超出磁盘配额",
    "EROFS": "文件系统是只读的",
    "EISDIR": "这是一个文件夹，不是文件",
    "ENOTDIR": "路径中有一段不是文件夹",
    "ENAMETOOLONG": "文件名太长",
    "ELOOP": "符号链接层数过多",
    "EEXIST": "已有同名的文件或文件夹",
    "ENOTEMPTY": "文件夹不是空的",
    "EIO": "读写出错（磁盘或网络盘故障？）",
    "EBUSY": "文件或设备正被占用",
    "ETXTBSY": "文件正被占用",
    "EMFILE": "打开的文件过多",
    "ENFILE": "系统打开的文件过多",
    "EXDEV": "不能跨磁盘移动",
    "EINVAL": "参数无效",
}


def os_error_text(err: OSError) -> str:
    """What the operating system said of ``err``, in the current language: in Chinese for the
    common errno values (:data:`OS_ERRORS_ZH`), else its own ``strerror``, or the error itself
    when it has none. Only the reason: the message that carries it names the file."""
    name = errno.errorcode.get(err.errno) if isinstance(err.errno, int) else None
    if name is not None and get_lang() == "zh" and name in OS_ERRORS_ZH:
        return OS_ERRORS_ZH[name]
    return err.strerror or str(err) or type(err).__name__


# key: (zh, en)
def error_text(exc: GovinfoError) -> str:
    """What ``exc`` says to people in the current language: the errors raised by the pure core
    carry data (no words), phrased here; every other error carries its message already."""
    if isinstance(exc, NoRuleSetError):
        return t("score_no_rule_set", day=exc.day.isoformat(), what=exc.what)
    if isinstance(exc, UnknownPublicationError):
        return t("score_unknown_publication", publication=exc.publication, what=exc.what)
    return exc.message


MESSAGES: dict[str, tuple[str, str]] = {
    # --- general / CLI ---------------------------------------------------------------------
    "interrupted": ("已中断", "interrupted"),
    "interrupted_nothing_written": ("已中断，未写入任何内容", "interrupted; nothing was written"),
    "interrupted_landed": (
        "已中断；本次写入已完成并提交",
        "interrupted; the write had already been completed and committed",
    ),
    "interrupted_written": (
        "已中断；本次写入已完成（未提交到 git）",
        "interrupted; the write had already been completed (not committed to git)",
    ),
    "interrupted_landed_then": (
        "已中断；本次写入已完成并提交，其后的改动可能未完成",
        "interrupted; the write had already been completed and committed, what followed it may be unfinished",
    ),
    "interrupted_written_then": (
        "已中断；本次写入已完成（未提交到 git），其后的改动可能未完成",
        "interrupted; the write had already been completed (not committed to git), what followed it may be unfinished",
    ),
    "no_data_folder": (
        "找不到数据目录：请用 --data 指定，或设置 GOVINFO_DATA，或在数据目录（含 govinfo.yaml）或其上一级（含 data/govinfo.yaml）中运行；新建请运行 govinfo init DIR",
        "no data folder found: pass --data DIR, set GOVINFO_DATA, or run inside the data folder (it holds govinfo.yaml) or in the directory whose data/ holds it; to start one, run govinfo init DIR",
    ),
    "data_not_folder": (
        "数据目录 {path} 不存在或没有 govinfo.yaml；新建请运行 govinfo init {command}",
        "{path} is not a data folder (no govinfo.yaml); to start one, run govinfo init {command}",
    ),
    "data_not_folder_inner": (
        "{path} 不是数据目录（没有 govinfo.yaml），数据目录是 {inner}：请用 --data {command}",
        "{path} is not a data folder (no govinfo.yaml); the data folder is {inner}: pass --data {command}",
    ),
    "data_not_folder_none": (
        "{path} 不是数据目录（没有 govinfo.yaml）；新建数据目录请运行 govinfo init，给一个新的或空的目录",
        "{path} is not a data folder (no govinfo.yaml); to start one, run govinfo init with a new or empty folder",
    ),
    "data_not_folder_full": (
        "{path} 不是数据目录（没有 govinfo.yaml），也不是空目录；新建数据目录请运行 govinfo init 并给一个新的或空的目录，如 govinfo init {command}",
        "{path} is not a data folder (no govinfo.yaml) and is not empty; to start one, run govinfo init with a new or empty folder, such as govinfo init {command}",
    ),
    "bad_format": (
        "{path}: error: 数据格式版本 format: {value} 不受支持（本版本只认 format: 1）",
        "{path}: error: format: {value} is not supported (this version reads format: 1)",
    ),
    "bad_today": (
        "环境变量 GOVINFO_TODAY 的值 {value} 不是 YYYY-MM-DD 格式的日期",
        "GOVINFO_TODAY={value} is not a YYYY-MM-DD date",
    ),
    "no_such_day_today": (
        "环境变量 GOVINFO_TODAY 的值 {value} 是不存在的日期",
        "GOVINFO_TODAY={value}: no such day",
    ),
    "bad_date_option": (
        "{option} 的值 {value} 不是 YYYY-MM-DD 格式的日期",
        "{option} {value} is not a YYYY-MM-DD date",
    ),
    "no_such_day": (
        "{option} 的值 {value} 是不存在的日期",
        "{option} {value}: no such day",
    ),
    "date_out_of_range": (
        "{option} 的值 {value} 超出可用范围（{first} 至 {last}）",
        "{option} {value} is out of range ({first} to {last})",
    ),
    # Shown on a terminal that cannot show Chinese: so in plain ASCII in both languages.
    "output_replaced": (
        "warning: {n} character(s) could not be written in {encoding} and were shown as ? (a wide one as ??); set PYTHONIOENCODING=utf-8 or a UTF-8 locale (LANG=zh_CN.UTF-8)",
        "warning: {n} character(s) could not be written in {encoding} and were shown as ? (a wide one as ??); set PYTHONIOENCODING=utf-8 or a UTF-8 locale (LANG=C.UTF-8)",
    ),
    "output_replaced_one": (
        "warning: 1 character could not be written in {encoding} and was shown as ?; set PYTHONIOENCODING=utf-8 or a UTF-8 locale (LANG=zh_CN.UTF-8)",
        "warning: 1 character could not be written in {encoding} and was shown as ?; set PYTHONIOENCODING=utf-8 or a UTF-8 locale (LANG=C.UTF-8)",
    ),
    "soon_out_of_range": (
        "--soon {soon} 太大：从 {as_of} 起算超出了 {last}",
        "--soon {soon} is too large: from {as_of} it runs past {last}",
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
    "yaml_utf16": (
        "文件是 UTF-16 编码；数据文件必须是 UTF-8",
        "the file is UTF-16; data files must be UTF-8",
    ),
    "yaml_not_utf8": (
        "不是有效的 UTF-8 文本（第 {offset} 字节起无法解码）；请以 UTF-8 保存",
        "not valid UTF-8 (cannot decode from byte offset {offset}); save the file as UTF-8",
    ),
    "yaml_too_large": (
        "文件 {size} MB，超过上限 {limit} MB，未读取（可用 GOVINFO_MAX_FILE_MB 调整）",
        "file is {size} MB, over the {limit} MB limit; not read (set GOVINFO_MAX_FILE_MB to change it)",
    ),
    "yaml_field_topic": ("主题", "topic"),
    "yaml_field_reason": ("理由", "reason"),
    "yaml_field_note": ("备注", "note"),
    "yaml_hint_colon": (
        "{field}里的半角冒号后跟空格会被当作键：请给{field}加引号，或改用全角冒号（：）",
        "the half-width colon followed by a space in the {field} is read as a key: put the {field} in quotes, or use a full-width colon (：)",
    ),
    "yaml_hint_tab": (
        "这里有制表符（Tab）：YAML 只能用空格缩进和分隔，请把 Tab 换成空格",
        "there is a tab here: YAML indents and separates with spaces only; replace the tab with spaces",
    ),
    "yaml_hint_quote": (
        "这里开始的引号没有配对的结束引号：请补上引号（中文引号“”不算）",
        "the quote opened here is never closed: add the closing quote",
    ),
    "yaml_hint_bracket": (
        "这里的“{open}”没有配对的“{close}”：请补上“{close}”",
        "the “{open}” here is never closed: add the “{close}”",
    ),
    "yaml_hint_indent": (
        "这一行的缩进与上文不一致：同一层的键和“- ”要对齐，只用空格",
        "this line is indented differently from the lines above: keys and “- ” of one level line up, with spaces only",
    ),
    "yaml_hint_indent_deeper": (
        "这一行比上一个键缩进得多，被当作它的值的一部分：请让它与上一个键对齐",
        "this line is indented deeper than the key above it and is read as part of its value: line it up with that key",
    ),
    "yaml_hint_no_colon": (
        "这一行缺少冒号：应写成“键: 值”（半角冒号后跟一个空格）",
        "this line lacks its colon: write “key: value” (a colon, then a space)",
    ),
    "yaml_hint_fullwidth_colon": (
        "这里用了全角冒号“：”，请改为半角冒号“:”（后跟一个空格）",
        "a full-width colon “：” is used here: write a half-width colon “:” (followed by a space)",
    ),
    "value_edge_blank": (
        "（值的{where}有{what}，请删去）",
        " (there is {what} at the {where} of the value: delete it)",
    ),
    "edge_start": ("开头", "start"),
    "edge_end": ("末尾", "end"),
    "value_edge_blank_both": (
        "（值的开头和末尾有{what}，请删去）",
        " (there is {what} at the start and at the end of the value: delete both)",
    ),
    "value_edge_blank_mixed": (
        "（值的开头有{first}，末尾有{last}，请删去）",
        " (there is {first} at the start of the value and {last} at its end: delete both)",
    ),
    "blank_fullwidth": ("全角空格", "a full-width space"),
    "blank_space": ("空格", "a space"),
    "blank_invisible": ("不可见字符", "an invisible character"),
    "yaml_syntax": ("不是有效的 YAML：{detail}", "not valid YAML: {detail}"),
    "yaml_complex_key": ("键必须是简单文本", "a key must be plain text"),
    "yaml_duplicate_key": ("重复的键 {key}", "duplicate key {key}"),
    "yaml_anchor": (
        "不允许使用锚点 &{name}（记录不需要锚点和别名）",
        "anchor &{name} is not allowed (records never need anchors or aliases)",
    ),
    "yaml_alias": (
        "不允许使用别名 *{name}（记录不需要锚点和别名）",
        "alias *{name} is not allowed (records never need anchors or aliases)",
    ),
    "yaml_tag": (
        "不允许使用标签 {tag}（不会被执行）",
        "tag {tag} is not allowed (it is never executed)",
    ),
    "yaml_too_deep": ("嵌套超过 {limit} 层", "nesting deeper than {limit} levels"),
    "yaml_documents": ("一个文件只能有一个 YAML 文档", "a file may hold only one YAML document"),
    "list": ("列表", "a list"),
    "mapping": ("映射（键: 值）", "a mapping"),
    "kind_scalar": ("单个值", "a single value"),
    "kind_null": ("空值", "null"),
    "kind_bool": ("布尔值", "a boolean"),
    "kind_number": ("数字", "a number"),
    "kind_date": ("日期", "a date"),
    "kind_other": ("非文本值", "a non-text value"),
    "kind_str": ("文本", "text"),
    "type_text": ("文本", "text"),
    "type_date": ("日期", "a date"),
    "type_datetime": ("日期时间", "a date-time"),
    "type_number": ("数字", "a number"),
    "type_integer": ("整数", "a whole number"),
    "type_shape": (
        "{field}：应为{expected}，实际是{shape}",
        "{field}: expected {expected}, got {shape}",
    ),
    "type_text_got": (
        '{field}：应为文本，写的是 {value}（YAML 会读成{got}）；请加引号："{value}"',
        '{field}: expected text, got {value} (YAML reads it as {got}); quote it: "{value}"',
    ),
    "type_text_control": (
        "{field}：含有控制字符 {chars}（终端和 Excel 都不能正常显示）",
        "{field}: holds control characters ({chars}) that no terminal or workbook shows as text",
    ),
    "type_text_empty": ("{field}：不能为空", "{field}: must not be empty"),
    "type_text_long": (
        "{field}：长度 {length} 超过 {limit} 个字",
        "{field}: {length} characters, more than {limit}",
    ),
    "name_too_long": (
        "{field}：长度 {n} 超过 {limit} 个字，govinfo points add 不接受这么长的名称"
        "（全称一般不超过 30 个字，简称几个字；名称要显示在每张表格中）",
        "{field}: {n} characters, more than the {limit} that govinfo points add accepts "
        "(a full name is rarely over 30, a short name a few; names appear in every table)",
    ),
    "type_pattern": (
        "{field}：{value} 格式不对（只能用 {hint}）",
        "{field}: {value} is not a valid id (use only {hint})",
    ),
    "type_date_format": (
        "{field}：{value} 不是 YYYY-MM-DD 格式的日期{hint}",
        "{field}: {value} is not a YYYY-MM-DD date{hint}",
    ),
    "type_datetime_format": (
        "{field}：{value} 不是 YYYY-MM-DDTHH:MM 格式的日期时间{hint}",
        "{field}: {value} is not a YYYY-MM-DDTHH:MM date-time{hint}",
    ),
    "type_date_fix": ("（应写作 {fixed}）", " (write it as {fixed})"),
    "type_date_impossible": (
        "{field}：{value} 不是真实存在的日期",
        "{field}: {value} is not a real date",
    ),
    "type_number_got": (
        "{field}：应为数字，写的是 {value}",
        "{field}: expected a number, got {value}",
    ),
    "type_too_large": (
        "{field}：{value} 太大（绝对值须小于 {limit}）",
        "{field}: {value} is too large (its size must be below {limit})",
    ),
    "type_negative": ("{field}：{value} 不能为负数", "{field}: {value} must not be negative"),
    "type_integer_got": (
        "{field}：应为整数，写的是 {value}",
        "{field}: expected a whole number, got {value}",
    ),
    "type_minimum": (
        "{field}：{value} 不能小于 {minimum}",
        "{field}: {value} is less than {minimum}",
    ),
    "type_enum": (
        "{field}：{value} 不是可选值（可选：{choices}）{hint}",
        "{field}: {value} is not one of: {choices}{hint}",
    ),
    "type_enum_got": (
        "{field}：写的是 {value}（YAML 会读成{got}），可选值：{choices}",
        "{field}: got {value} (YAML reads it as {got}); expected one of: {choices}",
    ),
    "unknown_field": (
        "未知字段 {field}（{record}中没有这个字段）",
        "unknown field {field} in {record}",
    ),
    "unknown_field_hint": (
        "未知字段 {field}，是不是 {hint}？",
        "unknown field {field}; did you mean {hint}?",
    ),
    "field_null": ("{field}：必填字段不能为空", "{field}: a required field is empty"),
    "field_missing": (
        "{record}缺少必填字段 {field}",
        "required field {field} is missing from {record}",
    ),
    "rec_settings": ("目录设置", "the folder settings"),
    "rec_notice": ("通报设置", "the notice settings"),
    "notice_not_mapping": (
        "notice.yaml 应是一个映射（字段: 值），例如 issuer: 吉林省人民政府办公厅",
        "notice.yaml must be a mapping (field: value), e.g. issuer: 吉林省人民政府办公厅",
    ),
    "notice_number_placeholder": (
        "{field}：发文字号中的 {{{name}}} 无法识别，只能用 {{year}} 和 {{n}}",
        "{field}: unknown placeholder {{{name}}} in the document number; use {{year}} and {{n}}",
    ),
    "notice_number_no_n": (
        "{field}：发文字号中缺少序号 {{n}}（例如 吉政办函〔{{year}}〕{{n}}号）",
        "{field}: the document number has no {{n}} (e.g. 吉政办函〔{{year}}〕{{n}}号)",
    ),
    "rec_contact": ("联系人", "the officer's contact details"),
    "rec_history": ("历史记录", "a history event"),
    "rec_point": ("直报点", "a point"),
    "rec_publication": ("刊物", "a publication"),
    "rec_rules": ("计分规则", "a rule set"),
    "rec_solicitation": ("约稿", "a solicitation"),
    "rec_adjustment": ("加减分记录", "an adjustment"),
    "rec_adoption": ("采用记录", "an adoption"),
    "rec_instruction": ("批示记录", "an instruction"),
    "rec_submission": ("报送信息", "a submission"),
    "bad_point_id": (
        "{field}：{value} 不是有效的直报点编号（小写字母开头，2–40 个小写字母、数字或 -，且不能是 con、nul 等设备名）",
        "{field}: {value} is not a valid point id (a lower-case letter, then 1–39 of a-z 0-9 -; not a device name such as con or nul)",
    ),
    "file_empty": ("文件为空", "the file is empty"),
    "file_not_list": (
        "文件顶层应为列表（每条记录以 - 开头）",
        "the file's top level must be a list (one '- ' item per record)",
    ),
    "record_not_mapping": (
        "列表项应为一条记录（键: 值）",
        "a list item must be a record (a mapping)",
    ),
    "settings_not_mapping": ("govinfo.yaml 应为映射（键: 值）", "govinfo.yaml must be a mapping"),
    "rules_not_mapping": ("规则文件应为一个映射（键: 值）", "a rule set file must be one mapping"),
    "history_tier_unlisted": (
        "直报点 {id} 的历史记录用了 tiers 里没有的级别 {tier}",
        "point {id} has a history event for tier {tier}, which its tiers do not list",
    ),
    "history_order": (
        "直报点 {id} 的历史记录没有按日期排序",
        "point {id}: history is not in date order",
    ),
    "history_idle_same_day": (
        "直报点 {id} 已于 {date} {left}（{tier}），同一天的这条{event}记录（event: {event_value}）仍按未持有计，不起任何作用：{event}日期须晚于{left}日期，请核对后改正或删除",
        "point {id} left the {tier} tier on {date} ({left}); a return on the same day still leaves the tier not held, so this event changes nothing: date the return after the leaving, or delete it",
    ),
    "history_idle_held": (
        "直报点 {id} 在 {date} 已是{tier}，这条{event}记录（event: {event_value}）不起任何作用；请核对后改正或删除",
        "point {id} already holds the {tier} tier on {date}: this {event} event changes nothing; correct or delete it",
    ),
    "history_idle_not_held": (
        "直报点 {id} 在 {date} 不是{tier}，这条{event}记录（event: {event_value}）不起任何作用；请核对后改正或删除",
        "point {id} does not hold the {tier} tier on {date}: this {event} event changes nothing; correct or delete it",
    ),
    "parent_not_county": (
        "parent 只用于县市区（parent 是县市区所属的市州）；直报点 {id} 的 kind 是 {kind}，不能有 parent {value}",
        "parent is only for a county (it names the county's city); point {id} is of kind {kind} and cannot have parent {value}",
    ),
    "parent_not_city": (
        "parent {value} 须是市州（kind: city），它的 kind 是 {kind}",
        "parent {value} must be a city (kind: city); its kind is {kind}",
    ),
    "tiers_repeat": ("tiers 中有重复", "tiers lists a tier twice"),
    "rules_empty": ("{field}：不能为空", "{field}: must not be empty"),
    "rules_unknown_name": (
        "{field}：未知名称 {name}（可用：{choices}）",
        "{field}: unknown name {name} (known: {choices})",
    ),
    "rules_month_day": (
        "{field}：{value} 应写成 MM-DD，如 07-01",
        "{field}: {value} must be MM-DD, e.g. 07-01",
    ),
    "rules_id_file": (
        "规则编号 {value} 与文件名 {file}.yaml 不一致",
        "rule set id {value} does not match its file name {file}.yaml",
    ),
    "rules_same_date": (
        "规则 {id} 与 {other} 的生效日期 effective_from 都是 {date}",
        "rule sets {id} and {other} share effective_from {date}",
    ),
    "solicitation_points": (
        "{field}：应为直报点编号列表或 all，写的是 {value}",
        "{field}: expected a list of point ids or all, got {value}",
    ),
    "list_repeat": ("{field}：列表中有重复", "{field}: the list repeats an entry"),
    "list_repeat_value": ("{field}：{value} 重复", "{field}: {value} is listed twice"),
    "date_wrong_year": (
        "{field}：{value} 不在文件所属的 {year} 年",
        "{field}: {value} is not in the file's year {year}",
    ),
    "solicitation_due_before": (
        "due：截止日期 {value} 早于发出日期",
        "due: {value} is before the issue date",
    ),
    "adjustment_manual_points": (
        "kind 为 manual 的加减分必须写 points（带正负号）",
        "a manual adjustment must give points (signed)",
    ),
    "submission_wrong_month": (
        "date：{value} 不在文件所属的 {year} 年 {month} 月",
        "date: {value} is not in the file's month {year}-{month:02d}",
    ),
    "co_submitter_owner": (
        "co_submitters：{value} 是本条信息的报送单位本身",
        "co_submitters: {value} is the submission's own point",
    ),
    "emergency_missing": (
        "突发信息缺少必填字段 {field}",
        "required field {field} is missing from an emergency submission",
    ),
    "reported_before_occurred": (
        "reported_at：{value} 早于 occurred_at",
        "reported_at: {value} is before occurred_at",
    ),
    "reviewer_missing": ("缺少审核签发人 reviewer", "no reviewer given"),
    "import_reviewer_empty": (
        "{column}为空（缺少审核签发人）",
        "{column} is empty (no reviewer given)",
    ),
    "import_reviewer_no_column": (
        "缺少审核签发人（表中没有审核人一列）",
        "no reviewer given (the sheet has no reviewer column)",
    ),
    "event_before_submission": (
        "{field}：{value} 早于信息报送日期 {date}",
        "{field}: {value} is before the submission's date {date}",
    ),
    "event_too_late": (
        "{field}：{value} 比信息报送日期 {date} 晚了 {days} 天以上",
        "{field}: {value} is more than {days} day(s) after the submission's date {date}",
    ),
    "event_date_adoption": ("采用日期 date", "adoption date (date)"),
    "event_date_instruction": ("批示日期 date", "instruction date (date)"),
    "file_misplaced": (
        "文件位置或名称不对（应为 submissions/<年>/<直报点>/<MM>.yaml、solicitations/<年>.yaml、adjustments/<年>.yaml 或 rules/<编号>.yaml）",
        "file in the wrong place or with a wrong name (expected submissions/<year>/<point>/<MM>.yaml, solicitations/<year>.yaml, adjustments/<year>.yaml or rules/<id>.yaml)",
    ),
    "submission_folder_bad": (
        "文件夹名 {point} 不是有效的直报点编号",
        "folder name {point} is not a valid point id",
    ),
    "submission_folder_unknown": (
        "文件所在文件夹 {point} 不是已登记的直报点{hint}",
        "the file's folder {point} is not a registered point{hint}",
    ),
    "file_symlink": (
        "符号链接，已拒绝（不跟随数据目录中的链接）",
        "a symbolic link: refused (links in the data folder are not followed)",
    ),
    "points_missing": ("缺少直报点名册 points.yaml", "the registry points.yaml is missing"),
    "duplicate_id": (
        "{what}编号 {id} 重复（首次出现于 {first}）",
        "duplicate {what} id {id} (first at {first})",
    ),
    # what duplicate_id names: the record kinds without an article ("duplicate submission id")
    "dup_point": ("直报点", "point"),
    "dup_solicitation": ("约稿", "solicitation"),
    "dup_adjustment": ("加减分记录", "adjustment"),
    "dup_submission": ("报送信息", "submission"),
    "unknown_point": (
        "{value} 不是已登记的直报点{hint}",
        "{value} is not a registered point{hint}",
    ),
    "no_rule_set": (
        "{field}：{value} 这天没有生效的计分规则",
        "{field}: no rule set is in force on {value}",
    ),
    "unknown_publication": (
        "publication：{value} 不在 {date} 生效的规则 {rules} 的刊物中{hint}",
        "publication: {value} is not listed by rule set {rules} in force on {date}{hint}",
    ),
    "unknown_solicitation": (
        "solicitation：{value} 不是已登记的约稿{hint}",
        "solicitation: {value} is not a known solicitation{hint}",
    ),
    "solicitation_before_issued": (
        "solicitation：信息日期 {date} 早于约稿 {value} 的发出日期 {issued}，不能算作应约稿",
        "solicitation: the submission's date {date} is before solicitation {value} was issued ({issued})",
    ),
    "solicitation_not_addressed": (
        "solicitation：约稿 {value} 并未向 {point} 约稿，不计约稿加成",
        "solicitation: {value} was not addressed to {point}; no solicitation multiplier",
    ),
    "unknown_submission": (
        "submission：{value} 不是已有的报送信息编号",
        "submission: {value} is not a known submission id",
    ),
    "usage_point_before_year": (
        "。直报点应写在年份之前：{command} 直报点 {year}",
        ". The point comes before the year: {command} POINT {year}",
    ),
    "did_you_mean": ("，是不是 {hint}？", "; did you mean {hint}?"),
    "unknown_id_typo": (
        "（另有 {count} 处引用同一编号，下面逐一列出：{file} 中登记的 {close} 无一处引用，多半是那里写错了，请先核对）",
        " ({count} more references to it follow: {close}, defined in {file}, is named"
        " nowhere, so it is most likely mistyped there; check that first)",
    ),
    "unknown_id_typo_one": (
        "（另有 {count} 处引用同一编号，下面逐一列出：{file} 中登记的 {close} 无一处引用，多半是那里写错了，请先核对）",
        " (1 more reference to it follows: {close}, defined in {file}, is named"
        " nowhere, so it is most likely mistyped there; check that first)",
    ),
    "unknown_id_more": (
        "（另有 {count} 处引用同一编号，不再逐一列出：{file} 中有记录读不出编号，请先改正）",
        " ({count} more references to it are not listed: a record in {file} has no readable id;"
        " correct that first)",
    ),
    "unknown_id_more_one": (
        "（另有 {count} 处引用同一编号，不再逐一列出：{file} 中有记录读不出编号，请先改正）",
        " (1 more reference to it is not listed: a record in {file} has no readable id;"
        " correct that first)",
    ),
    "at_not_repo": (
        "--at 需要数据目录在 git 仓库中：{path} 不在仓库里",
        "--at needs the data folder in a git repository; {path} is not in one",
    ),
    "at_unknown_rev": ("--at：找不到 git 版本 {rev}", "--at: no git revision {rev}"),
    "progress_reading": ("读取数据", "reading"),
    "progress_statements": ("生成得分明细", "writing statements"),
    "check_summary": (
        "检查了 {files} 个文件、{records} 条记录：{errors} 个错误，{warnings} 个警告",
        "checked {files} file(s), {records} record(s): {errors} error(s), {warnings} warning(s)",
    ),
    # --- init / demo -----------------------------------------------------------------------
    "init_not_empty": (
        "{path} 已存在且不是空目录，未做任何改动",
        "{path} exists and is not empty; nothing was written",
    ),
    "init_is_folder": (
        "{path} 已是数据目录（含 govinfo.yaml），未做任何改动",
        "{path} is a data folder already (it holds govinfo.yaml); nothing was written",
    ),
    "init_inside_folder": (
        "{path} 在数据目录 {folder} 之内（{folder} 含 govinfo.yaml）：数据目录不能套在另一个数据目录里，"
        "其中的文件不会被外层目录读取；请换一个不在数据目录里的位置，未做任何改动",
        "{path} is inside the data folder {folder} (it holds govinfo.yaml): a data folder cannot "
        "be nested in another, whose commands would not read it; choose a place outside it; "
        "nothing was written",
    ),
    "init_office_default": (
        "省人民政府办公厅",
        "General Office of the Provincial People's Government",
    ),
    "init_commit": ("govinfo init: 新建数据目录", "govinfo init: new data folder"),
    "demo_commit": (
        "govinfo demo generate: 演示数据目录",
        "govinfo demo generate: demo data folder",
    ),
    # the comments of a new folder's govinfo.yaml and points.yaml, in the folder's language
    "init_yaml_title": ("govinfo 数据目录设置", "govinfo data folder settings"),
    "init_yaml_office": (
        "保管本目录的机关：通报的发文机关；git 未设置用户身份时以它署名提交",
        "the office that keeps this folder: it issues the notices, and signs the commits\n"
        "when git has no user identity",
    ),
    "init_yaml_office_placeholder": (
        "保管本目录的机关：通报的发文机关；git 未设置用户身份时以它署名提交\n下面是默认名称，请改为本机关全称",
        "the office that keeps this folder: it issues the notices, and signs the commits\n"
        "when git has no user identity. Below is a placeholder: write your office's full name",
    ),
    "init_yaml_province": ("省份", "the province"),
    "init_yaml_province_empty": (
        "省份：请填写，如 吉林省",
        "the province: fill in its name, e.g. Jilin Province",
    ),
    "init_yaml_language": (
        "govinfo 在本目录使用的语言：zh（中文）或 en（英文）；--lang 可临时改用另一种",
        "the language govinfo speaks for this folder: zh (Chinese) or en (English);\n"
        "--lang changes it for one run",
    ),
    "init_yaml_points": (
        "信息直报点名册：每个直报点一条记录（格式见 README 的“The data folder”一节）\n用 govinfo points add 登记直报点",
        "the registry of points: one record for each point (see the README,\n"
        '"The data folder"); add points with govinfo points add',
    ),
    "init_bad_language": (
        "--language 只能是 zh 或 en，写的是 {value}",
        "--language must be zh or en, got {value}",
    ),
    "init_done": (
        "已新建数据目录 {path} 并提交到 git（文件夹语言 language: {language}）",
        "created data folder {path} and committed it to git (language: {language})",
    ),
    "init_next": (
        "下一步：cd {path} 后直接运行 govinfo（或在别处用 --data {path}，或设置 GOVINFO_DATA={path}），"
        "先登记直报点：govinfo points add ID --name 全称 --kind city|county|department",
        "next: cd {path} and run govinfo there (or pass --data {path} elsewhere, or set "
        "GOVINFO_DATA={path}); first register the points: govinfo points add ID --name NAME "
        "--kind city|county|department",
    ),
    # demo generate
    "demo_dest_not_empty": (
        "目标目录 {path} 已存在且不为空；请指定一个新的或空的目录",
        "{path} exists and is not empty; give a new or empty folder",
    ),
    "demo_cannot_write": (
        "无法写入 {path}：{reason}（只读、权限不足或磁盘已满？）；没有写入任何内容",
        "cannot write {path}: {reason} (read-only, no permission or disk full?); nothing was written",
    ),
    "demo_bad_count": (
        "{option} 的值 {value} 无效：至少为 {min}",
        "{option} {value} is not valid: it must be at least {min}",
    ),
    "demo_too_many": (
        "{option} 的值 {value} 过大：至多 {max}",
        "{option} {value} is too large: at most {max}",
    ),
    "demo_done": (
        "已写入 {path} 并提交到 git：{files} 个文件，{points} 个直报点，{submissions} 条报送信息",
        "wrote {path} and committed it to git: {files} file(s), {points} point(s), {submissions} submission(s)",
    ),
    "demo_bad_year": (
        "--first-year 的值 {value} 无效：应为 {first} 至 {last} 之间的年份",
        "--first-year {value} is not valid: give a year from {first} to {last}",
    ),
    "demo_unknown_sample": (
        "没有名为 {name} 的示例数据（可选：{known}）",
        "no sample named {name} (known: {known})",
    ),
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
        "no point named “{point}” (give its id, full name or short name)",
    ),
    "mode_single": ("单条采用", "single item"),
    "mode_combined": ("综合采用", "combined item"),
    "ev_adoption": ("{publication}{mode}", "{publication}, {mode}"),
    "ev_multiplier": (" ×{m} {why}", ", {why} ×{m}"),
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
    "cell_publication_issue": ("{publication}（{issue}）", "{publication} ({issue})"),
    "cell_rank_leader": ("{rank}（{leader}）", "{rank} ({leader})"),
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
        "emergency reported after {minutes} minute(s) (limit {limit} minute(s))",
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
    "bad_word": ("“{value}”不是可用的值；可用：{accepted}", "“{value}” is not one of: {accepted}"),
    "kind_city": ("市州", "city"),
    "kind_county": ("县市区", "county"),
    "kind_department": ("省直部门", "department"),
    # --- periods, groups and the periodic notice (issue 14) --------------------------------
    "rec_group": ("分组", "a group"),
    "group_kinds_or_points": (
        "分组 {id} 须写 kinds（按类别）或 points（列出直报点）之一，不能两者都写或都不写",
        "group {id} needs either kinds or points (not both, not neither)",
    ),
    "group_duplicate": ("分组编号 {id} 重复", "group id {id} repeats"),
    "group_member_twice": (
        "{value} 已在分组 {other} 中，不能再列入分组 {group}（每个直报点只属于一个分组）",
        "{value} is already in group {other}; it cannot be in group {group} too (every point is in exactly one group)",
    ),
    "group_point_missing": (
        "直报点{point:w}不属于任何分组（groups 须覆盖每个直报点）",
        "point {point} is in no group (groups must cover every point)",
    ),
    "group_points_missing": (
        "以下 {n} 个直报点不属于任何分组（groups 须覆盖每个直报点）：{points}",
        "{n} points are in no group (groups must cover every point): {points}",
    ),
    "group_point_named": ("{name}（{id}）", "{name} ({id})"),
    "group_named": ("“{name}”（{id}）", "“{name}” ({id})"),
    "group_kind_takes_listed": (
        "分组{group}按类别 {kind} 包括的{points}已列入前面的分组{other}（每个直报点只属于一个分组；要把其余的直报点单列一组，请在 points 中逐个列出）",
        "group {group} takes kind {kind}, which includes {points}, already listed in the earlier group {other} (every point is in exactly one group; to group the remaining points, list them in points)",
    ),
    "group_listed_in_kind_group": (
        "{point}已因类别 {kind} 属于前面的分组{other}，不能再列入分组{group}（每个直报点只属于一个分组）",
        "{point} is already in the earlier group {other} by its kind {kind}; it cannot be in group {group} too (every point is in exactly one group)",
    ),
    "report_bad_period": (
        "“{value}”不是报告期：可写年度 2003、半年 2003H1/2003H2、季度 2003Q1…2003Q4 或月份 2003-08",
        "“{value}” is not a period: write a year 2003, a half 2003H1/2003H2, a quarter 2003Q1…2003Q4 or a month 2003-08",
    ),
    "report_bad_period_hint": (
        "“{value}”不是报告期，是不是 {hint}？报告期可写年度 2003、半年 2003H1/2003H2、季度 2003Q1…2003Q4 或月份 2003-08",
        "“{value}” is not a period; did you mean {hint}? Write a year 2003, a half 2003H1/2003H2, a quarter 2003Q1…2003Q4 or a month 2003-08",
    ),
    "report_not_begun": (
        "{period} 从 {first} 开始，截至 {as_of} 尚未开始，没有可统计的数据",
        "{period} begins on {first}: as of {as_of} it has not begun, there is nothing to count",
    ),
    "period_year": ("{year}年度", "{year}"),
    "period_half_1": ("{year}年上半年", "H1 {year}"),
    "period_half_2": ("{year}年下半年", "H2 {year}"),
    "period_quarter_1": ("{year}年第一季度", "Q1 {year}"),
    "period_quarter_2": ("{year}年第二季度", "Q2 {year}"),
    "period_quarter_3": ("{year}年第三季度", "Q3 {year}"),
    "period_quarter_4": ("{year}年第四季度", "Q4 {year}"),
    "period_month_1": ("{year}年1月", "January {year}"),
    "period_month_2": ("{year}年2月", "February {year}"),
    "period_month_3": ("{year}年3月", "March {year}"),
    "period_month_4": ("{year}年4月", "April {year}"),
    "period_month_5": ("{year}年5月", "May {year}"),
    "period_month_6": ("{year}年6月", "June {year}"),
    "period_month_7": ("{year}年7月", "July {year}"),
    "period_month_8": ("{year}年8月", "August {year}"),
    "period_month_9": ("{year}年9月", "September {year}"),
    "period_month_10": ("{year}年10月", "October {year}"),
    "period_month_11": ("{year}年11月", "November {year}"),
    "period_month_12": ("{year}年12月", "December {year}"),
    "col_group": ("分组", "group"),
    "col_group_rank": ("组内名次", "in group"),
    "pr_doc_title": (
        "{province}{period}政务信息工作情况统计",
        "Government information work in the province, {period}: the tables",
    ),
    "pr_note_definition": (
        "累计 = {first} 至 {to} 的全年得分与条数；本期 = 截至 {to} 的累计减去截至 {before} 的累计",
        "to date = the year's score and counts from {first} to {to}; period = to date at {to} minus to date at {before}",
    ),
    "pr_note_once": (
        "本期自1月1日起，本期即累计：{first} 至 {to} 的全年得分与条数",
        "the period starts on 1 January, so its figures are those to date: the year's score and counts from {first} to {to}",
    ),
    "pr_period_to_date": ("本期（累计）", "period (to date)"),
    "pr_level_national": ("国家级", "national"),
    "pr_level_provincial": ("省级", "provincial"),
    "pr_note_not_over": (
        "{period}尚未结束，数据截至 {to}",
        "{period} is not over yet: figures up to {to}",
    ),
    "pr_span": ("{first} 至 {to}", "{first} to {to}"),
    "pr_period": ("本期", "period"),
    "pr_to_date": ("累计", "to date"),
    "pr_col_span": ("范围", "span"),
    "pr_col_days": ("起止日期", "dates"),
    "pr_note_totals": (
        "合计为各直报点之和，合报信息计入每个合报单位；采用、国办采用按条计，一条信息不论被采用几次计一条",
        "totals are the sums over the points: a joint item counts for each of its points; adopted and national count items, once however often adopted",
    ),
    "pr_sheet_overview": ("总体情况", "Overview"),
    "pr_title_overview": ("{period}总体情况", "Overview, {period}"),
    "pr_col_publication": ("刊物", "publication"),
    "pr_col_level": ("级别", "level"),
    "pr_col_period_items": ("本期采用", "adopted (period)"),
    "pr_col_period_issues": ("本期期数", "issues (period)"),
    "pr_col_to_date_items": ("累计采用", "adopted (to date)"),
    "pr_col_to_date_issues": ("累计期数", "issues (to date)"),
    "pr_col_issues": ("本期刊载期号", "issues of the period"),
    # a period from 1 January (a year, H1, Q1, January): its figures once, without 本期
    "pr_col_items_once": ("采用", "adopted"),
    "pr_col_issue_count_once": ("期数", "issues"),
    "pr_col_issues_once": ("刊载期号", "issue numbers"),
    "pr_sheet_publications": ("刊物采用", "Publications"),
    "pr_title_publications": ("{period}各刊物采用情况", "Adoptions by publication, {period}"),
    "pr_note_publications": (
        "采用按条次计：一条信息每被一种刊物采用一次计一次，合报信息只计一次（排名中的采用、国办采用按条计：不论采用几次计一条，合报信息计入每个合报单位）；期数为刊载采用信息的不同期号，合计即通报所说的期数",
        "adoptions are counted one by one: once each time a publication adopted an item, a joint item once (the rankings' adopted and national count items instead: once however often adopted, a joint item for each of its points); issues is how many different issues carried these adoptions, and its total is the number of issues the notice gives",
    ),
    "pr_col_period_of": ("本期{what}", "{what} (period)"),
    "pr_col_to_date_of": ("累计{what}", "{what} (to date)"),
    "pr_col_rank_to_date": ("累计名次", "rank to date"),
    "pr_col_change": ("名次变化", "change"),
    "table_left_out": (
        "终端较窄，未显示：{columns}（加宽终端，或用 --out 导出全部列）",
        "The terminal is too narrow for: {columns} (widen it, or use --out for every column)",
    ),
    "table_short_headers": ("表头简称：{headers}", "short headers: {headers}"),
    "table_short_header": ("{short}＝{full}", "{short} = {full}"),
    "pr_sheet_group": ("{group}排名", "{group} ranking"),
    "pr_title_group": ("{period}{group}排名", "{group} ranking, {period}"),
    "pr_note_ranking": (
        "组内名次按本期得分排列，同分依次比较本期{tie_break}，并列者同名次（1、2、2、4）；累计名次按累计数同样排列",
        "ranked within the group by the period's score, then the period's {tie_break}; ties share a rank (1, 2, 2, 4); rank to date likewise on the to-date figures",
    ),
    "pr_note_ranking_once": (
        "组内名次按得分排列，同分依次比较{tie_break}，并列者同名次（1、2、2、4）",
        "ranked within the group by score, then {tie_break}; ties share a rank (1, 2, 2, 4)",
    ),
    "pr_note_change": (
        "名次变化与{previous}的组内名次相比：↑ 上升，↓ 下降，— 持平",
        "change against the rank in {previous}: ↑ up, ↓ down, — same",
    ),
    "pr_col_silent_what": ("情况", "what"),
    "pr_zero_submitted": ("零报送", "nothing submitted"),
    "pr_zero_adopted": ("零采用", "nothing adopted"),
    "pr_sheet_silent": ("零报送零采用", "Silent"),
    "pr_title_silent": (
        "{period}零报送·零采用单位",
        "Points with nothing submitted or adopted, {period}",
    ),
    "pr_note_silent": (
        "本期没有报送信息（零报送）或没有信息被采用（零采用）的直报点",
        "points that submitted nothing, or had nothing adopted, in the period",
    ),
    "pr_note_silent_once": (
        "没有报送信息（零报送）或没有信息被采用（零采用）的直报点",
        "points that submitted nothing, or had nothing adopted",
    ),
    "pr_col_issue": ("期号", "issue"),
    "pr_issue_numbers": ("第{numbers}期", "nos. {numbers}"),
    "pr_issue_number": ("第{number}期", "no. {number}"),
    "pr_sheet_adopted": ("采用条目", "Adopted items"),
    "pr_title_adopted": ("{period}采用信息目录", "Items adopted, {period}"),
    "pr_note_adopted": (
        "按日期排列，每行一次采用（条次，即通报附件所列）；合报信息在每个合报单位下各列一次，故行数可多于刊物表的采用合计；秘密信息的标题以 [密] 代替",
        "in date order, a row per adoption (as the notice's attachment lists them); a joint item is listed once per point, so there may be more rows than the publications' total; secret titles read [密]",
    ),
    "pr_note_instructed": (
        "按批示日期排列，每行一次批示；合报信息在每个合报单位下各列一次；秘密信息的标题以 [密] 代替",
        "in the order of the instructions' dates, a row per instruction; a joint item is listed once per point; secret titles read [密]",
    ),
    "pr_col_leader": ("批示领导", "leader"),
    "pr_col_leader_rank": ("批示级别", "rank"),
    "pr_sheet_instructed": ("批示件目录", "Instructions"),
    "pr_title_instructed": ("{period}领导批示件目录", "Items that drew instructions, {period}"),
    "pr_col_solicitation": ("约稿编号", "solicitation"),
    "pr_col_topic": ("约稿题目", "topic"),
    "pr_col_due": ("截止日期", "due"),
    "pr_col_on_time_points": ("按时报送单位", "answered on time by"),
    "pr_col_late_points": ("逾期报送单位", "answered late by"),
    "pr_col_missed_points": ("未报单位", "not answered by"),
    "pr_sheet_solicitations": ("约稿完成情况", "Solicitations"),
    "pr_title_solicitations": ("{period}约稿完成情况", "Solicitations due, {period}"),
    "pr_note_solicitations": (
        "本期内截止的约稿；逾期与未报送按截至 {to} 的记录判断",
        "solicitations due in the period; late and missed as recorded by {to}",
    ),
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
    "col_what": ("计分事项", "event"),
    "col_points": ("分值", "score"),
    "col_total": ("累计", "total"),
    "score_title": (
        "{year}年度政务信息直报点得分排名",
        "{year} scores of the points",
    ),
    "score_sheet": ("{year}年度得分排名", "{year} scores"),
    "list_sep": ("、", ", "),
    "list_or_last": ("、", " or "),
    "score_footer_rules": ("计分规则：{ids}", "rule sets: {ids}"),
    "score_footer_outcome": (
        "优秀 {commended} 个，取消资格 {disqualified} 个；数据截至 {as_of}",
        "commended {commended}, disqualified {disqualified}; as of {as_of}",
    ),
    "score_before_the_year": (
        "截至 {as_of}，{year} 年度尚未开始（{first} 起）：没有可计分的记录，排名为空（请确认年份或 --as-of 日期）",
        "as of {as_of}, {year} has not begun (it begins on {first}): there is nothing to score and nobody to rank (check the year or the --as-of date)",
    ),
    "explain_before_the_year": (
        "截至 {as_of}，{year} 年度尚未开始（{first} 起）：没有可计分的记录（请确认年份或 --as-of 日期）",
        "as of {as_of}, {year} has not begun (it begins on {first}): there is nothing to score (check the year or the --as-of date)",
    ),
    "score_no_points": (
        "{year} 年度没有在列的直报点，无可排名（新建的数据目录请先用 govinfo points add 登记直报点）",
        "no point held a tier in {year}: there is no one to rank (in a new data folder, register points first with govinfo points add)",
    ),
    "score_no_points_held": (
        "{year} 年度没有在列的直报点，无可排名（名册中有 {n} 个直报点，但该年度都不在列：尚未列入或已退出；日期见 govinfo points list）",
        "no point held a tier in {year}: there is no one to rank (the registry holds {n} point(s), but none was in the network in {year}; see govinfo points list for their dates)",
    ),
    "score_kind_none": (
        "{year} 年度排名中没有{kind}直报点，所以没有列出任何一行",
        "no {kind} point is in the {year} ranking, so no row is listed",
    ),
    "score_kind_below_top": (
        "没有名次在前 {top} 的{kind}（该类最高为第 {best} 名）；名次是全部直报点中的排名，各组内排名用 --by-group",
        "no {kind} point is in the top {top} (the best of them is ranked {best}); ranks are those of the whole ranking: for ranks within each group use --by-group",
    ),
    "score_kind_below_top_in_group": (
        "没有组内名次在前 {top} 的{kind}（该类最高为组内第 {best} 名）",
        "no {kind} point is in the top {top} of its group (the best of them is ranked {best} in its group)",
    ),
    "score_no_submissions": (
        "{year} 年度没有任何报送记录：以下排名全为 0 分，不是实际成绩（请确认年份，或先导入当年的报送）",
        "there are no submissions at all in {year}: every score below is 0, not a real result (check the year, or import that year's submissions first)",
    ),
    "score_no_submissions_scored": (
        "{year} 年度没有任何报送记录：以下得分只来自此前报送的信息在本年度的采用、批示或扣分，不是全年成绩（请确认年份，或先导入当年的报送）",
        "there are no submissions at all in {year}: the scores below come only from earlier items adopted, instructed or charged in {year}, not a year's result (check the year, or import that year's submissions first)",
    ),
    "status_passed_over": ("{status}（未评优：{why}）", "{status} (not commended: {why})"),
    "score_footer_provisional": (
        "年度未结束，暂不评定优秀和取消资格；数据截至 {as_of}，预警 {at_risk} 个",
        "the year is not over: no commendations or disqualifications yet; as of {as_of}, {at_risk} at risk",
    ),
    "explain_title": (
        "{name}（{id}）{year}年度得分明细",
        "{name} ({id}): {year} scoring events",
    ),
    "explain_sheet": ("{year}年度得分明细", "{year} scoring events"),
    "explain_footer": (
        "合计 {score} 分，共 {n} 项；数据截至 {as_of}",
        "total {score} from {n} event(s); as of {as_of}",
    ),
    # --- overdue ---------------------------------------------------------------------------
    "od_kind_inactive": ("长期不报", "inactive"),
    "od_kind_research-missing": ("调研信息未报", "research missing"),
    "od_kind_opinion-missing": ("舆情清单未报", "opinion list missing"),
    "od_kind_solicitation-overdue": ("约稿逾期", "solicitation overdue"),
    "od_kind_emergency-late": ("突发信息迟报", "emergency late"),
    "od_soon_research-missing": ("调研信息待报", "research due"),
    "od_soon_opinion-missing": ("舆情清单待报", "opinion list due"),
    "od_soon_solicitation-overdue": ("约稿待报", "solicitation due"),
    "od_minutes": ("{n} 分钟", "{n} min"),
    "od_hours": ("{n} 小时", "{n} h"),
    "od_hours_minutes": ("{h} 小时 {m} 分钟", "{h} h {m} min"),
    "od_days": ("{n} 天", "{n} days"),
    "od_day": ("{n} 天", "{n} day"),
    "od_when_late": ("逾期 {days}", "{days} overdue"),
    "od_when_today": ("今日到期", "due today"),
    "od_when_soon": ("{days}后到期", "due in {days}"),
    "od_solicitation_late": (
        "约稿《{topic}》逾期 {days}未报",
        "solicitation “{topic}” not answered, {days} overdue",
    ),
    "od_solicitation_today": (
        "约稿《{topic}》今日到期，未报",
        "solicitation “{topic}” due today, not answered",
    ),
    "od_solicitation_soon": (
        "约稿《{topic}》{days}后到期，尚未报送",
        "solicitation “{topic}” due in {days}, not answered yet",
    ),
    "od_research": (
        "{period}调研信息未报（应报 {required} 篇，实报 {found} 篇），{when}",
        "research items for {period}: {found} of {required}, {when}",
    ),
    "od_research_soon": (
        "{period}调研信息尚未报齐（应报 {required} 篇，已报 {found} 篇），{when}",
        "research items for {period}: {found} of {required} so far, {when}",
    ),
    "od_opinion": (
        "{period}舆情清单未报（应报 {required} 份，实报 {found} 份），{when}",
        "opinion list for {period}: {found} of {required}, {when}",
    ),
    "od_opinion_soon": (
        "{period}舆情清单尚未报齐（应报 {required} 份，已报 {found} 份），{when}",
        "opinion list for {period}: {found} of {required} so far, {when}",
    ),
    "od_inactive_since_submission": (
        "最近一次报送在 {date}，已 {days}未报送信息（时限 {limit} 天）",
        "last submission on {date}: nothing for {days} (limit {limit} day(s))",
    ),
    "od_inactive_since_admitted": (
        "{date} 入选以来未报送信息，已 {days}（时限 {limit} 天）",
        "nothing submitted since admission on {date}: {days} (limit {limit} day(s))",
    ),
    "od_inactive_since_reinstated": (
        "{date} 恢复资格以来未报送信息，已 {days}（时限 {limit} 天）",
        "nothing submitted since reinstatement on {date}: {days} (limit {limit} day(s))",
    ),
    "od_emergency_late": (
        "突发信息迟报：事发 {occurred}，{minutes} 分钟后才报送（时限 {limit} 分钟）",
        "emergency reported {minutes} minute(s) after it occurred at {occurred} (limit {limit} minute(s))",
    ),
    "od_since_after_as_of": (
        "--since {since} 晚于 --as-of {as_of}",
        "--since {since} is after --as-of {as_of}",
    ),
    "od_col_point": ("直报点", "point"),
    "od_col_contact": ("信息员", "officer"),
    "od_col_kind": ("事项", "finding"),
    "od_col_ref": ("期间/编号", "period/ref"),
    "od_col_due": ("到期日", "due"),
    "od_col_days": ("逾期", "overdue"),
    "od_col_detail": ("说明", "detail"),
    "od_no_contact": ("—", "—"),
    "od_title": (
        "逾期未报事项（截至 {as_of}，统计自 {since}）",
        "Overdue as of {as_of} (window from {since})",
    ),
    "od_footer_counts": ("逾期 {n} 项：{counts}", "{n} overdue: {counts}"),
    "od_footer_count": ("{kind} {n}", "{kind} {n}"),
    "od_footer_none": (
        "截至 {as_of} 没有逾期事项",
        "nothing overdue as of {as_of}",
    ),
    "od_footer_soon": (
        "另有 {n} 项将在 {days} 天内到期（逾期栏写作“N 天后到期”，不计入逾期）",
        "{n} more fall due within {days} day(s) (shown “due in N days” in the overdue column, not counted as overdue)",
    ),
    "od_footer_soon_none": (
        "今后 {days} 天内没有其他到期事项",
        "nothing else falls due within {days} day(s)",
    ),
    "od_footer_soon_one": (
        "另有 {n} 项将在 {days} 天内到期（逾期栏写作“N 天后到期”，不计入逾期）",
        "{n} more falls due within {days} day(s) (shown “due in N days” in the overdue column, not counted as overdue)",
    ),
    # --- import / write layer --------------------------------------------------------------
    "write_path_escapes": (
        "拒绝写入 {path}：路径越出了数据目录",
        "refused to write {path}: the path leaves the data folder",
    ),
    "write_path_symlink": (
        "拒绝写入 {path}：路径经过符号链接",
        "refused to write {path}: the path passes through a symbolic link",
    ),
    "lock_waiting": (
        "另一个 govinfo 正在写入这个数据目录（进程 {pid}：{command}），等它完成后再写入……",
        "another govinfo is writing to this data folder (process {pid}: {command}); waiting for it to finish…",
    ),
    "lock_busy": (
        "数据目录正被另一个 govinfo 写入（进程 {pid}，主机 {host}，命令“{command}”，开始于 {started}）；请稍后再试。锁文件：{path}",
        "the data folder is being written by another govinfo (pid {pid} on {host}, “{command}”, started {started}); try again later. Lock file: {path}",
    ),
    "write_dirty": (
        "拒绝写入：要修改的 {n} 个文件有未提交的改动（{paths}）；请先提交或撤销这些改动。提交：{how}",
        "refused: {n} files to be changed have uncommitted changes ({paths}); commit or undo them first. To commit: {how}",
    ),
    "write_dirty_one": (
        "拒绝写入：要修改的 {n} 个文件有未提交的改动（{paths}）；请先提交或撤销这些改动。提交：{how}",
        "refused: 1 file to be changed has uncommitted changes ({paths}); commit or undo it first. To commit: {how}",
    ),
    "write_dirty_commit": ("提交此前未提交的改动", "commit changes left uncommitted"),
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
    "git_detached_head": (
        "警告：git 的 HEAD 处于游离状态（不在任何分支上）：本次提交不属于任何分支，切换分支后会看不到；请用 git switch -c 分支名 保存它",
        "warning: git's HEAD is detached (on no branch): this commit belongs to no branch and is lost from view when you switch; keep it with git switch -c NAME",
    ),
    "journal_temp_gone": (
        "上次中断的写入无法完成：它的临时文件 {temp} 已不存在（可能被 git clean 删除），{file} 仍是写入前的内容；请检查数据目录（git status）后删除 {path}，再重新执行那条命令",
        "an interrupted write cannot be finished: its temporary file {temp} is gone (git clean may have removed it) and {file} still holds its earlier content; check the data folder (git status), delete {path}, then run that command again",
    ),
    "journal_temp_gone_no_git": (
        "上次中断的写入无法完成：它的临时文件 {temp} 已不存在（可能被删除，或数据目录已换成另一个同名目录），{file} 仍是写入前的内容；请检查数据目录后删除 {path}，再重新执行那条命令",
        "an interrupted write cannot be finished: its temporary file {temp} is gone (removed, or the data folder replaced by another of the same name) and {file} still holds its earlier content; check the data folder, delete {path}, then run that command again",
    ),
    "journal_commit_failed": (
        "上次中断的写入已完成，但提交失败：{detail}\n修正后重新运行即可；或手动提交后删除 {path}",
        "an interrupted write was finished but its commit failed: {detail}\nfix that and run again, or commit by hand and delete {path}",
    ),
    "journal_other_folder": (
        "警告：发现一次未完成的写入（{message}），但它属于原先在 {root} 的另一个数据目录（已删除或移走），没有用于当前目录；其日志已另存为 {path}（若原目录是被移走的，在新位置运行任一 govinfo 命令即可完成或撤销那次写入；否则可删除该文件）",
        "warning: an unfinished write ({message}) was found for another data folder that was at {root} and is gone (deleted or moved): it was not applied to this folder; its journal was set aside as {path} (if that folder was moved, any govinfo command run where it is now finishes or undoes the write; otherwise delete that file)",
    ),
    "journal_moved_here": (
        "此数据目录在一次写入中断后从 {old} 移到了这里：那次写入在此处接着处理",
        "this data folder was moved here from {old} after a write to it was interrupted: that write is taken up here",
    ),
    "journal_elsewhere": (
        "数据目录中有一次写入的标记 {mark}，但它的日志 {journal} 不在本机的这个位置：可能另一台电脑或另一个用户正在写入这个文件夹，或那次写入在那里中断了。本次按文件夹现状读取，在那次写入完成之前不能在这里写入；请在那台电脑上（或以那个用户）运行一次 govinfo 完成它。若那次写入已经完成，或这个文件夹是中断后复制的副本，请核对文件后删除 {mark}",
        "the data folder holds the mark {mark} of a write whose journal {journal} is not here: another computer or user may be writing to this folder, or that write was interrupted there. The folder is read as it is, and nothing can be written here until that write is finished: run govinfo once there (or as that user) to finish it. If that write was finished, or this folder is a copy taken after the interruption, check its files and delete {mark}",
    ),
    "journal_copy_of": (
        "此数据目录是 {old} 在一次写入（{message}）中断时的副本，而 {old} 仍在：请先在 {old} 运行任一 govinfo 命令完成或撤销那次写入；在此之前，此目录按现状读取、不写入（写入日志：{path}）",
        "this data folder is a copy of {old} made while a write to it ({message}) was unfinished, and {old} is still there: run any govinfo command in {old} first to finish or undo that write; until then this folder is read as it is and not written (journal: {path})",
    ),
    "journal_rolled_back": (
        "已撤销上次中断的写入（{message}），数据目录恢复原状",
        "undid an interrupted write ({message}); the data folder is as it was before",
    ),
    "import_future_date": (
        "{column}“{value}”晚于今天（{today}）：是不是年份或月份写错了？",
        "{column} “{value}” is later than today ({today}): is the year or month mistyped?",
    ),
    "date_after_today": (
        "警告：{option} {value} 晚于今天（{today}）：是不是年份或月份写错了？照常记入",
        "warning: {option} {value} is later than today ({today}): is the year or month mistyped? It is recorded all the same",
    ),
    # a preview records nothing: the same question, without "recorded all the same"
    "date_after_today_preview": (
        "警告：{option} {value} 晚于今天（{today}）：是不是年份或月份写错了？",
        "warning: {option} {value} is later than today ({today}): is the year or month mistyped?",
    ),
    "import_after_leaving": (
        "{column}“{value}”：{point}（{id}）已于 {left} {how}，此后不在直报点之列；该行照常导入，请核对日期和报送单位",
        "{column} “{value}”: {point} ({id}) left the network on {left} ({how}); the row is imported all the same — check its date and point",
    ),
    "import_before_admission": (
        "{column}“{value}”：{point}（{id}）于 {admitted} 才列为直报点，此前不在直报点之列；该行照常导入，请核对日期和报送单位（若该点更早已列入，请更正名册中的列入日期）",
        "{column} “{value}”: {point} ({id}) was admitted to the network only on {admitted}; the row is imported all the same — check its date and point (or, if it was admitted earlier, correct that in the registry)",
    ),
    "import_no_file": ("找不到要导入的文件：{file}", "no such file to import: {file}"),
    "import_file_is_folder": (
        "{file} 是文件夹，不是要导入的文件",
        "{file} is a folder, not a file to import",
    ),
    "import_not_regular_file": (
        "{file} 不是普通文件（是管道、设备等），不能导入；请导入表格文件",
        "{file} is not a regular file (a pipe, a device, …) and cannot be imported: import a spreadsheet file",
    ),
    "import_file_os_error": (
        "无法读取要导入的文件：{file}：{reason}",
        "cannot read the file to import: {file}: {reason}",
    ),
    "import_file_unreadable": (
        "没有权限读取要导入的文件：{file}",
        "no permission to read the file to import: {file}",
    ),
    "import_unknown_encoding": (
        "不认识的编码：{encoding}（可用如 utf-8、gb18030、utf-16）",
        "unknown encoding: {encoding} (try utf-8, gb18030, utf-16)",
    ),
    "import_undecodable": (
        "第 {offset} 字节（{byte}）处无法按 {tried} 解码；请用 --encoding 指定文件的编码",
        "cannot be decoded as {tried} at byte offset {offset} ({byte}); name the file's encoding with --encoding",
    ),
    "import_encoding_ignored": (
        "{file}：是工作簿文件，自带编码，--encoding {encoding} 对它不起作用（只用于 CSV/TSV 和网页表格）",
        "{file}: a workbook names its own encoding; --encoding {encoding} does not apply to it (only to CSV/TSV and web-page tables)",
    ),
    "import_file_twice": (
        "这个文件在本次导入中出现了两次（与 {first} 是同一个文件），第二次已跳过",
        "this file is given twice in the batch (the same file as {first}); the second is skipped",
    ),
    "import_encoding_used": ("{file}：按 {encoding} 编码读取", "{file}: read as {encoding}"),
    "import_bad_csv": ("CSV 格式有误：{detail}", "malformed CSV: {detail}"),
    "import_unclosed_quote": (
        '引号没有闭合：第 {row} 行 {column} 列{at}这一格以引号（"）开头，直到文件末尾都没有配对的引号，其后 {swallowed} 行都被并进了这一格；请删去这个引号，或在这一格的末尾补上一个引号',
        'unclosed quote: the cell in row {row}, column {column}{at} opens with a quote (") that is never closed, so the {swallowed} line(s) after it were read into that one cell: delete the quote, or add one at the end of the cell',
    ),
    "import_unclosed_quote_one": (
        '引号没有闭合：第 {row} 行 {column} 列{at}这一格以引号（"）开头，直到文件末尾都没有配对的引号，其后 {swallowed} 行都被并进了这一格；请删去这个引号，或在这一格的末尾补上一个引号',
        'unclosed quote: the cell in row {row}, column {column}{at} opens with a quote (") that is never closed, so the line after it was read into that one cell: delete the quote, or add one at the end of the cell',
    ),
    "import_unclosed_quote_cells": (
        '引号没有闭合：第 {row} 行 {column} 列{at}这一格以引号（"）开头，直到文件末尾都没有配对的引号，这一行其后的各格都被并进了这一格；请删去这个引号，或在这一格的末尾补上一个引号',
        'unclosed quote: the cell in row {row}, column {column}{at} opens with a quote (") that is never closed, so the cells after it on that line were read into that one cell: delete the quote, or add one at the end of the cell',
    ),
    "import_quote_file_line": ("（文件第 {line} 行）", " (line {line} of the file)"),
    "import_bad_xlsx": (
        "无法作为 Excel 工作簿（.xlsx）读取：{detail}",
        "cannot be read as an Excel workbook (.xlsx): {detail}",
    ),
    "import_bad_old_format": (
        "无法作为 {kind} 表格读取：{detail}",
        "cannot be read as a spreadsheet ({kind}): {detail}",
    ),
    "import_html_no_table": ("文件里没有表格", "the file holds no table"),
    "import_not_spreadsheet": (
        "文件已损坏，或不是 {kind} 表格文件；请确认选对了文件——若能在 Excel/WPS 中打开，请另存为 .xlsx 后再导入",
        "the file is damaged or is not a spreadsheet ({kind}): check that it is the right file — if Excel/WPS opens it, save it as .xlsx and import that",
    ),
    "import_binary_file": (
        "文件已损坏，或不是表格文件：既不是文本（CSV/TSV），也不是 Excel、WPS、ODS、网页或 XML 表格；请确认选对了文件",
        "the file is damaged or is not a spreadsheet: neither text (CSV/TSV) nor an Excel, WPS, ODS, web-page or XML table; check that it is the right file",
    ),
    "import_word_document": (
        "这是 Word 文档，不是表格文件；请确认选对了文件（表格在 Word 里的，请复制到 Excel/WPS 中另存为 .xlsx）",
        "this is a Word document, not a spreadsheet: check that it is the right file (a table inside Word: copy it into Excel/WPS and save it as .xlsx)",
    ),
    "import_ppt_document": (
        "这是 PowerPoint 演示文稿，不是表格文件；请确认选对了文件",
        "this is a PowerPoint presentation, not a spreadsheet: check that it is the right file",
    ),
    "import_xml_broken": (
        "XML 在第 {line} 行第 {column} 列处格式有误：文件已损坏或没有导出完整",
        "the XML is malformed at line {line}, column {column}: the file is damaged or was not exported whole",
    ),
    "import_html_table": ("表{n}", "table{n}"),
    "import_html_undecodable": (
        "第 {offset} 字节处无法按网页声明的编码解码；请用 --encoding 指定文件的编码",
        "cannot be decoded at byte offset {offset} in the page's declared encoding; name the file's encoding with --encoding",
    ),
    "import_xml_dtd": (
        "文件含 DTD 或实体声明，出于安全不予读取；请在 Excel 或 WPS 中另存为 .xlsx",
        "the file declares a DTD or entities, which are refused for safety; save it as .xlsx from Excel or WPS",
    ),
    "import_not_text_encoding": (
        "{encoding} 不是文本编码，不能用来读取文件（可用如 utf-8、gb18030、big5、utf-16）",
        "{encoding} is not a text encoding and cannot read a file (try utf-8, gb18030, big5, utf-16)",
    ),
    "import_implausible": (
        "按 GB18030 读出的文字不像正常中文（{total} 个非 ASCII 字符中 {rare} 个是生僻字、假名、符号或私用区字符），未导入；请用 --encoding 指定文件的编码（繁体文件多为 --encoding big5）",
        "read as GB18030 the text is implausible ({rare} of {total} non-ASCII characters are rare hanzi, kana, symbols or private-use); not imported: name the file's encoding with --encoding (traditional-Chinese files are often --encoding big5)",
    ),
    "import_too_large": (
        "文件 {size} MB，超过导入上限 {limit} MB，未读取（可用 GOVINFO_MAX_IMPORT_MB 调整，或拆分成几个文件）",
        "file is {size} MB, over the {limit} MB import limit; not read (set GOVINFO_MAX_IMPORT_MB, or split the batch)",
    ),
    "import_unpacked_too_large": (
        "工作簿解压后 {size} MB，超过上限 {limit} MB（GOVINFO_MAX_IMPORT_MB 的 20 倍），未读取",
        "the workbook unpacks to {size} MB, over the {limit} MB limit (20 times GOVINFO_MAX_IMPORT_MB); not read",
    ),
    "import_sheet_too_wide": (
        "单元格 {cell} 超出可导入的范围（最多 {rows} 行、{columns} 列），未读取此工作表；请删除多余的单元格后另存",
        "cell {cell} lies outside what can be imported ({rows} rows, {columns} columns at most); the sheet is not read: delete the stray cells and save again",
    ),
    "import_sheet_too_many_cells": (
        "工作表的单元格超过 {limit} 个，未读取；请拆分成几个文件",
        "the sheet has more than {limit} cells; not read: split the batch",
    ),
    "import_formula_uncached": (
        "{column}：公式没有缓存值：请在 Excel/WPS 中打开并保存后再导入",
        "{column}: a formula without a cached value: open the file in Excel/WPS, save it, then import it",
    ),
    "import_no_sheet": (
        "没有名为“{sheet}”的工作表（有：{sheets}）",
        "no sheet named “{sheet}” (the workbook has: {sheets})",
    ),
    "import_bad_mapping": (
        "列映射文件 {file} 有误：{detail}",
        "mapping file {file} is wrong: {detail}",
    ),
    # followed by one problem a line, each as file:line:col: message
    "import_bad_mapping_lines": ("列映射文件 {file} 有误：", "mapping file {file} is wrong:"),
    "import_no_mapping": ("找不到列映射文件：{file}", "no such mapping file: {file}"),
    "import_mapping_is_folder": (
        "{file} 是文件夹，不是列映射文件",
        "{file} is a folder, not a mapping file",
    ),
    "import_mapping_field": (
        "不认识的字段 {field}（可用：{fields}）",
        "unknown field {field} (known: {fields})",
    ),
    "import_mapping_category": (
        "不认识的类别 {value}（可用：综合、调研、问题、突发、舆情清单，或 {known}）",
        "unknown category {value} (known: {known}, or 综合, 调研, 问题, 突发, 舆情清单)",
    ),
    "import_hidden_row": (
        "此行在表格中被隐藏（隐藏行或被筛选掉），仍与其他行一样导入；不应导入的行请从表中删除",
        "this row is hidden in the sheet (hidden or filtered out) and is imported like the others; delete a row that should not be imported",
    ),
    "import_hidden_sheet": (
        "工作表“{sheet}”在表格中被隐藏，其中的行仍与其他工作表一样导入；不应导入的表请删除，或用 --sheet 只选要导入的表",
        "the sheet “{sheet}” is hidden in the workbook and its rows are imported like the others; delete a sheet that should not be imported, or choose one with --sheet",
    ),
    "import_column_twice": (
        "列“{other}”与列“{read}”都是{field}列，只读取了“{read}”（请删去一列，或在 --mapping 中改名）",
        "the columns “{other}” and “{read}” both give the {named}: only “{read}” is read "
        "(remove one, or rename it in --mapping)",
    ),
    "import_mapping_no_value": (
        "“{key}”后面没有值（应写成“{key}: 值”，冒号后有空格）",
        "“{key}” has no value (write “{key}: value”, with a space after the colon)",
    ),
    "import_mapping_fullwidth_colon": (
        "“{key}”中的冒号是全角的“：”，YAML 不把它当作冒号，整段成了一个没有值的名称：应写成“{left}: {right}”（半角冒号加空格）",
        "the colon in “{key}” is the full-width “：”, which YAML does not read as a colon, so the whole text became a name without a value: write “{left}: {right}” (an ASCII colon and a space)",
    ),
    "import_mapping_key": (
        "不认识的键 {key}（列映射文件只有 columns 和 categories 两节）",
        "unknown key {key} (a mapping file has two sections: columns and categories)",
    ),
    "import_mapping_not_mapping": (
        "应为“表头: 字段”这样的映射",
        "expected a mapping of “header: field”",
    ),
    "import_mapping_not_word": (
        "{key} 的值应为一个字段名或类别名，不是列表或映射",
        "the value of {key} should be one field or category name, not a list or a mapping",
    ),
    "import_closed_year_row": (
        "{column}“{value}”在已记录结果的 {year} 年度（{date} 记入名册）：本行会改变该年度的得分；如年份无误，请运行 govinfo close-year {year} 核对",
        "{column} “{value}” is in {year}, whose outcome was recorded on {date}: this row changes that year's scores; if the year is right, run govinfo close-year {year} to compare",
    ),
    "import_stray_year": (
        "{column}“{value}”与本批其他各行相去甚远（其余 {n} 行在 {first} 至 {last} 之间）：是不是年份写错了？",
        "{column} “{value}” is far from the batch's other rows (the other {n} lie between {first} and {last}): is the year mistyped?",
    ),
    "import_stray_year_day": (
        "{column}“{value}”与本批其他各行相去甚远（其余 {n} 行都在 {first}）：是不是年份写错了？",
        "{column} “{value}” is far from the batch's other rows (the other {n} are all on {first}): is the year mistyped?",
    ),
    "import_closed_year": (
        "注意：{year} 年度结果已记入名册（{date}），本次导入可能使该年度的得分与记录的结果不符；请运行 govinfo close-year {year} 核对",
        "note: the {year} outcome is already recorded in the registry ({date}); this import may make that year's scores differ from it; run govinfo close-year {year} to compare",
    ),
    "pt_closed_year": (
        "注意：{year} 年度结果已记入名册（{date}），本次记入的日期在该年度内，可能使该年度的得分与记录的结果不符；请运行 govinfo close-year {year} 核对",
        "note: the {year} outcome is already recorded in the registry ({date}); this change is dated inside that year and may make its scores differ from it; run govinfo close-year {year} to compare",
    ),
    "import_empty_file": (
        "文件里没有数据行（空文件，或只有表头）；请确认选对了文件",
        "the file holds no data rows (empty, or a header only); check that it is the right file",
    ),
    "import_empty_sheet": (
        "工作表“{sheet}”里没有数据行（空表，或只有表头）；请确认选对了工作表（--sheet）",
        "sheet “{sheet}” holds no data rows (empty, or a header only); check that it is the right sheet (--sheet)",
    ),
    "import_no_header": (
        "找不到表头行（如 报送单位、报送日期、标题、类别）；可用 --mapping 指定列名",
        "no header row found (e.g. 报送单位, 报送日期, 标题, 类别); name the columns with --mapping",
    ),
    "import_missing_column": (
        "缺少{field:w}列（可用的列名：{aliases}；或用 --mapping 指定）",
        "no column for the {named} (headers understood: {aliases}; or use --mapping)",
    ),
    "import_sheet_skipped": (
        "此工作表没有可识别的表头行，已跳过",
        "this sheet has no header row govinfo understands; skipped",
    ),
    "import_table_skipped": (
        "网页里的这个表格没有可识别的表头行（多为排版用的外层表格或附表），已跳过",
        "this table of the page has no header row govinfo understands (a layout table around the data, or an annex); skipped",
    ),
    "import_totals_row": (
        "合计行（“{word}”，其余单元格为空或为数字）不是一条信息，已跳过",
        "a totals row (“{word}”, its other cells empty or counts) is not an item; skipped",
    ),
    "import_field_named": ("{field}（{name}）", "{field} ({name})"),
    "import_ignored_columns": ("以下列未导入：{columns}", "columns not imported: {columns}"),
    "import_adoption_columns": (
        "采用记录需要“信息编号”列，或“报送单位”和“标题”两列",
        "an adoption log needs a submission id column, or both point and title columns",
    ),
    "cy_out_with_apply": (
        "--out 只用于预览（不带 --apply）：请先运行 govinfo close-year 年份 --out 文件 导出结果表，再加 --apply 记入名册；本次没有写入任何内容",
        "--out is for the preview only (without --apply): run govinfo close-year YEAR --out FILE to export the outcome, then --apply to record it; nothing was written",
    ),
    "import_missing_value": ("{column:w}为空", "{column} is empty"),
    "import_missing_merged_across": (
        "{column:w}为空：这一格在跨列合并的单元格 {range} 中，合并格的内容只在 {cell}；跨列合并不会带入各列（上下合并才会带入每一行），请取消合并后逐格填写",
        "{column} is empty: the cell is inside {range}, merged across columns, whose value sits in {cell} only; a merge across columns is not carried into each column (a merge down one column is carried into each row) — unmerge and fill in each cell",
    ),
    "import_rows_in_cell": (
        "{column:w}这一格有 {lines} 行，第 {k} 行像是文件里的一整行（含 {n} 个“{delim}”）：可能是前面的引号没有配对，把其后的行并进了这一格；请核对这几行是否都已导入",
        "{column} holds {lines} lines, and line {k} looks like a whole row of the file ({n} “{delim}”): a stray quote may have merged the rows after it into this cell; check that those rows were imported",
    ),
    "import_line_break": (
        "{column:w}里有换行（共 {lines} 行，第一行是“{first}”）：此列只能写一行；{fix}",
        "{column} holds a line break ({lines} lines, the first “{first}”): this column takes one line; {fix}",
    ),
    "import_line_break_csv": (
        "这一格以引号开头，引号却没有在格末配对，把其后的行并进了这一格：请删去或配齐引号",
        "the cell opens with a quote that is not closed at the cell's end, so the rows after it were read into the cell: delete the quote or close it",
    ),
    "import_line_break_sheet": (
        "请删去这一格里的换行（Excel/WPS 中按 Alt+Enter 输入的换行）",
        "remove the line break from the cell (in Excel/WPS, one typed with Alt+Enter)",
    ),
    "import_line_break_html": (
        "网页表格里这一格有 <br> 换行：请在导出系统中删去，或在 Excel/WPS 中打开后删去换行再导入",
        "the web page's cell holds a <br> line break: remove it in the system that exported it, or open the file in Excel/WPS and remove the line break",
    ),
    "import_bad_value": (
        "{column}“{value}”无法识别（应为 {expected}）",
        "{column} “{value}” is not understood (expected {expected})",
    ),
    "import_category_words": (
        "综合/调研/问题/突发/舆情清单",
        "综合 (general), 调研 (research), 问题 (problem), 突发 (emergency) or 舆情清单 (opinion list)",
    ),
    "import_mode_words": ("单条/综合", "单条 (single) or 综合 (combined)"),
    "import_secret_words": (
        "公开（非密）、内部（内部资料、内部使用）或 秘密（密、涉密、机密、绝密）",
        "公开 (public; 非密), 内部 (internal; 内部资料, 内部使用) or 秘密 (secret; 密, 涉密, 机密, 绝密)",
    ),
    "import_secret_kept": (
        "密级“{value}”按“秘密”记录（名册只分 公开、内部、秘密 三级）；请核对这条信息是否应在此登记",
        "classification “{value}” is recorded as 秘密 (secret), the highest level the folder keeps (公开, 内部, 秘密); check that this item belongs here",
    ),
    "import_date_forms": (
        "2003-08-14、2003/8/14、2003.8.14、2003年8月14日 或 20030814 等形式的日期",
        "a date such as 2003-08-14, 2003/8/14, 2003.8.14, 2003年8月14日 or 20030814",
    ),
    "import_time_not_date": (
        "{column}“{value}”是时刻，不是日期（应为 {forms}）",
        "{column} “{value}” is a time of day, not a date (expected {forms})",
    ),
    "import_serial_date": (
        "{column}“{value}”是数字，不是日期：像 Excel 日期序号 {day}；请把这一格设为日期格式，或写成 {day}",
        "{column} “{value}” is a number, not a date: it looks like the Excel date serial of {day}; format the cell as a date, or write {day}",
    ),
    "import_time_dropped": (
        "{column}“{value}”带有时刻 {time}：这一列只记日期，导入为 {date}，时刻未导入",
        "{column} “{value}” has a time of day ({time}): the column holds a date only, so {date} is imported and the time dropped",
    ),
    "import_no_such_day": (
        "{column}“{value}”是不存在的日期：{year} 年 {month} 月没有 {day} 日",
        "{column} “{value}” is not a real date: {year}-{month:02d} has no day {day}",
    ),
    "import_no_such_month": (
        "{column}“{value}”是不存在的日期：没有 {month} 月",
        "{column} “{value}” is not a real date: there is no month {month}",
    ),
    "import_no_such_year": (
        "{column}“{value}”是不存在的日期：没有 {year} 年",
        "{column} “{value}” is not a real date: there is no year {year}",
    ),
    "import_no_such_time": (
        "{column}“{value}”是不存在的时间：时为 0–23，分为 0–59",
        "{column} “{value}” is not a real time: hours run 0–23, minutes 0–59",
    ),
    "import_unknown_point": (
        "{column}“{value}”不是已登记的直报点{hint}",
        "{column} “{value}” is not a registered point{hint}",
    ),
    "import_co_submitter_owner": (
        "{column}：{value} 是本条信息的报送单位本身",
        "{column}: {value} is the submission's own point",
    ),
    "import_did_you_mean": ("——是否指“{hint}”？", " — did you mean {hint}?"),
    "import_ambiguous_point": (
        "{column}“{value}”同时对应多个直报点：{ids}",
        "{column} “{value}” names more than one point: {ids}",
    ),
    "import_duplicate": ("与 {where} 重复，已跳过", "duplicate of {where}; skipped"),
    "import_repeat": (
        "与本批 {where} 重复，只导入一次",
        "repeats {where} in this batch; imported once",
    ),
    "import_duplicate_differs": (
        "与 {where} 重复，已跳过，数据目录中的记录保持不变；但两者有不同：{diffs}",
        "duplicate of {where}; skipped, and the record in the folder is kept as it is — but they differ: {diffs}",
    ),
    "import_repeat_differs": (
        "与本批 {where} 重复，只导入一次，用的是 {where} 的内容；但两行有不同：{diffs}",
        "repeats {where} in this batch; imported once, with the values of {where} — but the rows differ: {diffs}",
    ),
    "import_differs_field": (
        "{column}（本行{mine}，{where} 为{kept}）",
        "{column} (this row {mine}, {where} {kept})",
    ),
    "import_differs_sep": ("；", "; "),
    "import_differs_value": ("“{value}”", "“{value}”"),
    "import_differs_empty": ("空", "empty"),
    "import_classification_public": ("公开", "public"),
    "import_classification_internal": ("内部", "internal"),
    "import_classification_secret": ("秘密", "secret"),
    "import_possible_duplicate": (
        "可能与 {where} 重复（同一单位、同一标题，日期相差 7 天以内）",
        "possible duplicate of {where} (same point and title within 7 days)",
    ),
    "import_unknown_publication": (
        "刊物“{value}”不在信息 {id} 适用的计分标准中{hint}",
        "publication “{value}” is not in the rule set that scores {id}{hint}",
    ),
    "import_unknown_submission": (
        "没有编号为 {value} 的信息{hint}",
        "no submission with id {value}{hint}",
    ),
    "import_adoption_before_submission": (
        "{column} {date} 早于该信息的报送日期 {submitted}（{id}）",
        "{column} {date} is before the submission's date {submitted} ({id})",
    ),
    "import_adoption_too_late": (
        "{column} {date} 距该信息的报送日期 {submitted}（{id}）已超过 {days} 天",
        "{column} {date} is more than {days} day(s) after the submission's date {submitted} ({id})",
    ),
    "import_no_such_submission": (
        "在 {point} 的信息中找不到此标题（采用日期之前 366 天内）{hint}",
        "no submission of {point} with this title (within 366 days before the adoption){hint}",
    ),
    "import_several_submissions": (
        "有 {n} 条同标题信息，按采用日期取最近的 {id}（{date}）",
        "{n} submissions have this title; took the latest before the adoption, {id} ({date})",
    ),
    "import_commit": (
        "导入 {files}：新增 {new} 条，重复 {dup} 条",
        "import {files}: {new} new, {dup} duplicate(s)",
    ),
    "import_commit_adoptions": (
        "导入采用记录 {files}：新增 {new} 条，重复 {dup} 条",
        "import adoptions {files}: {new} new, {dup} duplicate(s)",
    ),
    "import_col_point": ("直报点", "point"),
    "import_col_new": ("新增", "new"),
    "import_col_duplicate": ("重复", "duplicate"),
    "import_total": ("合计", "total"),
    "import_sheet": ("导入结果", "Import"),
    "import_refused": (
        "有 {n} 个错误：未写入任何内容，未提交",
        "{n} error(s): nothing written, nothing committed",
    ),
    "import_dry_run": (
        "试运行（--dry-run）：将新增 {new} 条，跳过重复 {dup} 条；未写入任何内容",
        "dry run: {new} new would be imported, {dup} duplicate(s) skipped; nothing written",
    ),
    "import_nothing_new": ("没有新内容：未写入，未提交", "nothing new: nothing written, no commit"),
    "import_done": (
        "已导入：新增 {new} 条，跳过重复 {dup} 条；提交 {commit}",
        "imported: {new} new, {dup} duplicate(s) skipped; commit {commit}",
    ),
    "import_done_no_commit": (
        "已导入：新增 {new} 条，跳过重复 {dup} 条；未提交（写入了 {files} 个文件）",
        "imported: {new} new, {dup} duplicate(s) skipped; not committed ({files} file(s) written)",
    ),
    "import_no_commit_next": (
        "这些文件提交到 git 之前，以后要改动它们的写入（import、points、close-year）都会被拒绝；核对后提交：{how}",
        "until these files are committed to git, any later write that changes them (import, points, close-year) is refused; after checking, commit them: {how}",
    ),
    "import_more_problems": ("……另有 {n} 条{what}未列出", "... and {n} more {what} not shown"),
    "import_what_duplicates": ("重复记录", "duplicates"),
    "import_what_warnings": ("警告", "warnings"),
    "import_progress_read": ("读取批量文件", "reading files"),
    "import_progress_load": ("读取数据目录", "reading the folder"),
    "import_progress_check": ("校验", "checking"),
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
    # --- trust under faults: recovery that proves, git failures, permissions, stdout ---------
    "journal_target_changed": (
        "上次中断的写入（{message}）无法完成：以下文件在中断后被改动过，既不是写入前的内容，也不是写入后的内容：{files}。"
        "govinfo 没有动任何文件。解决办法（二选一）：\n"
        "  1. 完成那次写入：先把你的改动另存，再用 git checkout -- <文件> 恢复这些文件，然后重新运行 govinfo，最后重做你的改动；\n"
        "  2. 放弃那次写入、保留你的改动：删除 {path} 以及临时文件 {temps}",
        "the interrupted write ({message}) cannot be finished: these files were changed after it "
        "and hold neither the content before nor the content after it: {files}. govinfo changed "
        "nothing. To resolve it, either\n"
        "  1. finish that write: save your edits elsewhere, put the files back with git checkout -- <file>, "
        "run govinfo again, then redo your edits; or\n"
        "  2. give that write up and keep your edits: delete {path} and the temporary files {temps}",
    ),
    "journal_no_temps": ("（已没有临时文件）", "(none is left)"),
    "journal_os_error": (
        "上次中断的写入无法完成或撤销：{path}：{reason}；数据目录保持原样。请让数据目录可写后重新运行 govinfo（写入日志：{journal}）",
        "an interrupted write can be neither finished nor undone now: {path}: {reason}; the folder is "
        "left as it is. Make the data folder writable and run govinfo again (journal: {journal})",
    ),
    "git_index_not_restored": (
        "{cause}\n文件已恢复原状，但 git 的暂存区未能复原（{detail}）；请先运行 git reset -q -- {paths}，再写入",
        "{cause}\nthe files are back as they were, but git's index could not be put back ({detail}); "
        "run git reset -q -- {paths} before the next write",
    ),
    "write_undo_failed": (
        "{cause}\n写入也无法撤销（{detail}）：文件已是写入后的内容，下一次运行 govinfo 时会完成这次写入并提交",
        "{cause}\nthe write could not be undone either ({detail}): the files hold the new content; "
        "the next govinfo run finishes the write and commits it",
    ),
    "write_os_error": (
        "无法写入数据目录：{path}：{reason}（只读、权限不足或磁盘已满？）；没有写入任何内容",
        "cannot write the data folder: {path}: {reason} (read-only, no permission or disk full?); nothing was written",
    ),
    "state_os_error": (
        "无法写入 govinfo 的状态目录：{path}：{reason}；没有写入任何内容",
        "cannot write govinfo's state folder: {path}: {reason}; nothing was written",
    ),
    "stdout_lost_after_write": (
        "写入已完成并提交，但结果摘要无法输出（标准输出已关闭或已满）",
        "the write was done and committed, but its summary could not be printed (standard output is closed or full)",
    ),
    "stdout_lost": (
        "无法输出结果：标准输出已关闭或已满",
        "cannot print the result: standard output is closed or full",
    ),
    "file_unreadable": ("无法读取：{reason}", "cannot be read: {reason}"),
    "file_unreadable_at": ("无法读取 {path}：{reason}", "cannot read {path}: {reason}"),
    "file_not_regular": (
        "不是普通文件（命名管道、设备或套接字），不读取",
        "not a regular file (a named pipe, device or socket); not read",
    ),
    "import_points_uncommitted": (
        "拒绝导入：points.yaml 有未提交的改动，而本批用到的直报点 {points} 在 HEAD 的 points.yaml 中没有；"
        "导入的提交将通不过 check。请先提交 points.yaml（git commit points.yaml）再导入",
        "refused: points.yaml has uncommitted changes, and HEAD's points.yaml lacks what this batch "
        "needs: {points}; the import's commit would fail check. Commit points.yaml first "
        "(git commit points.yaml), then import",
    ),
    # --- report / close-year / points ------------------------------------------------------
    "ye_doc_title": (
        "{province}{year}年度政务信息直报点工作统计",
        "{year} year-end report on the points",
    ),
    "ye_reason_commended": (
        "{year}年度得分 {score} 分，排名第 {rank}，评为优秀直报点",
        "{year} score {score}, ranked {rank}: commended",
    ),
    "ye_reason_disqualified": (
        "{year}年度得分 {score} 分，低于 {below} 分",
        "{year} score {score}, below {below}",
    ),
    "ye_total": ("合计", "total"),
    "ye_note_as_of": ("数据截至 {as_of}", "as of {as_of}"),
    "ye_note_provisional": (
        "数据截至 {as_of}，年度未结束，以上为阶段统计",
        "as of {as_of}; the year is not over, these are interim figures",
    ),
    "ye_sheet_ranking": ("得分排名", "Ranking"),
    "ye_sheet_submissions": ("报送情况", "Submissions"),
    "ye_sheet_adoptions": ("采用批示", "Adoptions"),
    "ye_sheet_national": ("国办直报点", "National points"),
    "ye_sheet_trend": ("月度走势", "Monthly trend"),
    "ye_sheet_commended": ("优秀直报点", "Commended"),
    "ye_sheet_disqualified": ("取消资格", "Disqualified"),
    "ye_sheet_at_risk": ("预警直报点", "At risk"),
    "ye_title_submissions": (
        "{year}年度各直报点信息报送情况",
        "{year} submissions per point",
    ),
    "ye_title_adoptions": (
        "{year}年度各直报点信息采用、批示和扣分情况",
        "{year} adoptions, instructions and deductions per point",
    ),
    "ye_title_national": (
        "{year}年度国办直报点信息被国务院办公厅采用情况",
        "{year} national adoptions of the national points (国办直报点)",
    ),
    "ye_title_trend": (
        "{year}年度全省政务信息报送、采用月度走势",
        "{year} submissions and adoptions across the province, month by month",
    ),
    "ye_title_commended": (
        "{year}年度优秀政务信息直报点名单",
        "{year} commended points",
    ),
    "ye_title_disqualified": (
        "{year}年度取消直报点资格名单",
        "{year} disqualified points",
    ),
    "ye_title_at_risk": (
        "{year}年度得分预警直报点（截至 {as_of}）",
        "{year} points at risk (as of {as_of})",
    ),
    "ye_cat_general": ("综合", "general"),
    "ye_cat_research": ("调研", "research"),
    "ye_cat_problem": ("问题", "problem"),
    "ye_cat_emergency": ("突发", "emergency"),
    "ye_cat_opinion-list": ("舆情清单", "opinion list"),
    "ye_col_submitted_total": ("报送合计", "submitted"),
    "ye_col_solicited": ("约稿应报", "solicited"),
    "ye_sol_met": ("约稿按时", "on time"),
    "ye_sol_late": ("约稿逾期", "late"),
    "ye_sol_missed": ("约稿未报", "missed"),
    "ye_sol_pending": ("约稿未到期", "not yet due"),
    "ye_q1": ("一季度", "Q1"),
    "ye_q2": ("二季度", "Q2"),
    "ye_q3": ("三季度", "Q3"),
    "ye_q4": ("四季度", "Q4"),
    "ye_col_research_q": ("{quarter}调研", "research {quarter}"),
    "ye_col_research_missing": ("调研缺报季度", "research missing"),
    "ye_note_submissions": (
        "报送按本单位报送（不含合报）统计；约稿按截止日前后报送统计；调研缺报季度为已扣分的季度",
        "submissions are the point's own; solicitations by answer before or after due; research missing: the quarters charged",
    ),
    "ye_col_adopted": ("采用条数", "adopted"),
    "ye_level_national": ("国家级采用", "national"),
    "ye_level_provincial": ("省级采用", "provincial"),
    "ye_rank_state-council": ("国务院领导批示", "State Council"),
    "ye_rank_governor": ("省长批示", "governor"),
    "ye_rank_provincial-leader": ("省领导批示", "provincial leader"),
    "ye_note_adoptions": (
        "采用按条数统计（含合报），一条信息被同一刊物多次采用计 1 条，被两级同时采用的在两级各计 1 条；批示按件次统计",
        "adoptions count items (joint ones included), an item counted once per publication and, when adopted at both levels, once at each; State Council (SC), governor (gov) and provincial leader (PL) are instructions by leaders of that rank, each counted once",
    ),
    "ye_col_year_total": ("全年", "year"),
    "ye_col_provincial_rank": ("全省名次", "provincial rank"),
    "ye_note_national": (
        "国家级刊物采用条数（含合报），按采用日期计入季度",
        "items adopted by national publications (joint ones included), by the quarter of the adoption",
    ),
    "ye_note_no_national": ("本年度没有国办直报点", "no national points this year"),
    "ye_col_month": ("月份", "month"),
    "ye_col_of_which_national": ("其中国办采用", "of which national"),
    "ye_month": ("{n}月", "{year}-{n:02d}"),
    "ye_note_trend": (
        "报送按报送日期、采用按采用日期计入月份；合报信息计 1 条；一条信息在几个月被采用的，每月各计 1 条。故全年采用合计与排名的采用合计（合报信息计入每个合报单位，每条只计一次）可以不同",
        "submissions by the month of their date, adoptions by the month of the adoption; a joint item counts once; an item adopted in several months counts in each. So the year's adopted total can differ from the ranking's (a joint item for each of its points, an item once)",
    ),
    "ye_chart_title": ("月度走势图", "Month by month"),
    "ye_chart_legend": ("{a} 报送  {b} 采用", "{a} submitted  {b} adopted"),
    "ye_col_point_name": ("直报点", "point"),
    "ye_col_reason": ("评定理由", "reason"),
    "ye_col_line": ("进度线", "pro-rata line"),
    "ye_note_not_final": (
        "{year}年度尚未结束（数据截至 {as_of}），优秀和取消资格在年度最后一天后评定",
        "{year} is not over (as of {as_of}); commendations and disqualifications come after its last day",
    ),
    "ye_note_commend_rule": (
        "按计分规则 {rules}，依得分高低评出优秀直报点 {top} 个（与最后一个并列者一并评为优秀），本年度评出 {n} 个",
        "rule set {rules}: the best {top} by score are commended (with any tied with the last); {n} this year",
    ),
    "ye_note_passed_over": (
        "{name}（第 {rank} 名，{score} 分）因{why}，不参加优秀评定",
        "{name} (rank {rank}, score {score}) is not eligible for commendation: {why}",
    ),
    "ye_note_disqualify_rule": (
        "年度得分低于 {below} 分的取消直报点资格，本年度 {n} 个",
        "points scoring below {below} are disqualified; {n} this year",
    ),
    "ye_note_exempt": (
        "{name}于 {admitted} 新入列，得分 {score} 分虽低于 {below} 分，按规定不取消资格",
        "{name} was admitted on {admitted}: its score {score} is below {below}, but it is exempt",
    ),
    "ye_note_at_risk": (
        "进度线 = {below} 分 × 已过天数 ÷ 全年天数；得分低于进度线的直报点需加强报送",
        "pro-rata line = {below} × days elapsed ÷ days in the year; points below it need to report more",
    ),
    "ye_none": ("（无）", "(none)"),
    "cy_not_over": (
        "{year}年度尚未结束（今天是 {today}），年度结果要在 {year}-12-31 之后评定；现在的情况请看 govinfo score {year}",
        "{year} is not over (today is {today}); its outcome is decided after {year}-12-31; see govinfo score {year} for now",
    ),
    "cy_date_inside": (
        "--date {date} 在 {year} 年度之内或之前；年度结果要记在年度结束之后的日期（默认今天）",
        "--date {date} is inside {year} or before it; the outcome is recorded on a day after the year (default: today)",
    ),
    "cy_title_undated": (
        "{year}年度结果（按 {year}-12-31 计分；预览，尚未定记入名册的日期）",
        "{year} outcome (scored as of {year}-12-31; a preview, no recording date yet)",
    ),
    "cy_title": (
        "{year}年度结果（按 {year}-12-31 计分，记入名册日期 {date}）",
        "{year} outcome (scored as of {year}-12-31, recorded on {date})",
    ),
    "cy_title_preview": (
        "{year}年度结果（按 {year}-12-31 计分，拟于 {date} 记入名册）",
        "{year} outcome (scored as of {year}-12-31, to be recorded on {date})",
    ),
    "cy_col_outcome": ("结果", "outcome"),
    "cy_no_outcome": (
        "{year}年度没有评为优秀或取消资格的直报点",
        "no point is commended or disqualified for {year}",
    ),
    "cy_preview_undated": (
        "以上 {n} 条将记入 points.yaml 的历史记录；{year}-12-31 之后运行 govinfo close-year {year} --apply（或用 --date 给出年度之后的日期）写入并提交",
        "{n} event(s) would be added to the history in points.yaml; after {year}-12-31 run govinfo close-year {year} --apply (or give a day after the year with --date) to write and commit them",
    ),
    "cy_preview": (
        "以上 {n} 条将记入 points.yaml 的历史记录（日期 {date}）；确认无误后运行 govinfo close-year {year} --apply 写入并提交",
        "{n} event(s) would be added to the history in points.yaml (dated {date}); run govinfo close-year {year} --apply to write and commit them",
    ),
    "cy_already": (
        "{year}年度结果已于 {date} 记入名册（{n} 条），与现在的计算一致，无需改动",
        "the {year} outcome is already in the registry (recorded on {date}, {n} event(s)) and agrees with today's computation; nothing to do",
    ),
    "cy_conflict": (
        "名册中记录的{year}年度结果与现在的计算有 {n} 处不同（记入后数据有变动），未做任何改动；请核实后手工修改 points.yaml",
        "the {year} outcome in the registry differs from today's computation in {n} place(s) (the data changed since); nothing was written; check and edit points.yaml by hand",
    ),
    "score_changed_since_closed": (
        "注意：{year}年度结果已于 {date} 记入名册，此后数据有变动，现在的计算与记录有 {n} 个直报点不同；"
        "运行 govinfo close-year {year} 查看差异",
        "note: the {year} outcome was recorded in the registry on {date}; the data changed since, "
        "and today's computation differs from the record for {n} point(s); run govinfo "
        "close-year {year} to see the differences",
    ),
    "cy_diff_title": (
        "{year}年度结果：名册记录与现在计算的差异",
        "{year} outcome: recorded vs computed today",
    ),
    "cy_sheet": ("{year}年度结果", "{year} outcome"),
    "cy_diff_sheet": ("名册记录与计算的差异", "Recorded vs computed"),
    "cy_col_recorded": ("名册记录", "recorded"),
    "cy_col_computed": ("现在计算", "computed today"),
    "cy_recorded": ("{event}（{date} 记入）", "{event} (recorded {date})"),
    "cy_nothing": ("无", "nothing"),
    "cy_not_ranked": ("未参评", "not ranked"),
    "cy_computed": (
        "{status}（第 {rank} 名，{score} 分）",
        "{status} (rank {rank}, score {score})",
    ),
    "cy_commit": (
        "close-year {year}：优秀 {commended} 个、取消资格 {disqualified} 个，记入名册（{date}）",
        "close-year {year}: {commended} commended, {disqualified} disqualified, recorded {date}",
    ),
    "cy_done": (
        "已记入 {n} 条历史记录并提交 {commit}",
        "recorded {n} event(s) in the history; commit {commit}",
    ),
    "cy_done_no_commit": (
        "已记入 {n} 条历史记录（未提交 git）",
        "recorded {n} event(s) in the history (no git commit)",
    ),
    "cy_history_order": (
        "注意：{points} 已有晚于该日期的历史记录，新记录已按日期插在其前",
        "note: {points} already have history events after that date; the new events were inserted before them, in date order",
    ),
    "pt_tier_provincial": ("省直报点", "provincial"),
    "pt_tier_national": ("国办直报点", "national"),
    "pt_event_admitted": ("入列", "admitted"),
    "pt_event_disqualified": ("取消资格", "disqualified"),
    "pt_event_reinstated": ("恢复", "reinstated"),
    "pt_event_commended": ("评为优秀", "commended"),
    "pt_event_retired": ("退出", "retired"),
    "pt_year_recorded": (
        "{recorded}（名册记录；现在计算为{computed}）",
        "{recorded} (as recorded; computed now: {computed})",
    ),
    "pt_year_changed_since_closed": (
        "注意：{year}年度结果已于 {date} 记入名册，{point}记为{recorded}；此后数据有变动，现在计算为{computed}。"
        "历年得分的状态按名册记录显示，名次和得分是现在的计算；运行 govinfo close-year {year} 查看差异",
        "note: the {year} outcome was recorded in the registry on {date}, {point} as {recorded}; the "
        "data changed since, and it is computed now as {computed}. The years show the status as "
        "recorded, the rank and score as computed now; run govinfo close-year {year} to see the differences",
    ),
    "pt_year_changed_since_closed_none": (
        "注意：{year}年度结果已于 {date} 记入名册，{point}未记优秀或取消资格；此后数据有变动，现在计算为{computed}。"
        "历年得分的状态按名册记录显示，名次和得分是现在的计算；运行 govinfo close-year {year} 查看差异",
        "note: the {year} outcome was recorded in the registry on {date}, {point} neither commended nor "
        "disqualified; the data changed since, and it is computed now as {computed}. The years show "
        "the status as recorded, the rank and score as computed now; run govinfo close-year {year} to see the differences",
    ),
    "pt_state_active": ("在列（{tiers}）", "active ({tiers})"),
    "pt_state_retired": ("已退出（{date}）", "retired ({date})"),
    "pt_state_disqualified": ("已取消资格（{date}）", "disqualified ({date})"),
    "pt_state_not-admitted": ("未入列", "not admitted"),
    "pt_col_id": ("编号", "id"),
    "pt_col_short": ("简称", "short"),
    "pt_col_name": ("全称", "name"),
    "pt_col_aliases": ("别名", "aliases"),
    "pt_col_parent": ("上级", "parent"),
    "pt_col_tiers": ("级别", "tiers"),
    "pt_col_state": ("今日状态", "state today"),
    "pt_col_state_on": ("状态（{day}）", "state on {day}"),
    "pt_col_contact": ("信息员", "officer"),
    "pt_col_event": ("事项", "event"),
    "pt_col_tier": ("级别", "tier"),
    "pt_col_year": ("年度", "year"),
    "pt_col_reason": ("说明", "reason"),
    "pt_col_as_of": ("截至", "as of"),
    "pt_list_title": ("政务信息直报点名册", "The registry of points"),
    "pt_list_sheet": ("直报点名册", "Registry"),
    "pt_list_footer": (
        "共 {n} 个直报点，在列 {active} 个（其中国办直报点 {national} 个）；状态截至 {day}",
        "{n} point(s), {active} active ({national} of them national); state as of {day}",
    ),
    "pt_show_title": ("{name}（{id}）", "{name} ({id})"),
    "pt_point_named": ("{name}（{id}）", "{name} ({id})"),
    "pt_history_title": ("历史记录", "History"),
    "pt_no_years": (
        "尚无年度得分：入列以来还没有报送信息的年度",
        "no years yet: no year since the point was registered has submissions",
    ),
    "pt_years_title": ("历年得分", "Scores by year"),
    "pt_bad_id": (
        "编号 {id} 无效：须为小写字母开头、共 2–40 个小写字母、数字或 -（{pattern}），且不能是 con、nul、com1 等设备名",
        "id {id} is not valid: a lower-case letter, then 1–39 of a-z 0-9 - ({pattern}); not a device name such as con, nul or com1",
    ),
    "pt_id_taken": ("编号 {id} 已被 {name} 使用", "id {id} is taken by {name}"),
    "pt_id_case": (
        "编号 {id} 与已有编号 {other} 仅大小写不同",
        "id {id} differs from the existing id {other} only in letter case",
    ),
    "pt_empty": ("{field:w}不能为空", "{field} must not be empty"),
    "pt_name_folds": (
        "{option} {value} 与直报点 {other} 的 {name} 只差空格、全角/半角、大小写或不可见字符，导入时无法区分",
        "{option} {value} differs from {name} of point {other} only in spaces, full-width forms, letter case or invisible characters; imports could not tell them apart",
    ),
    "pt_too_long": (
        "{option} 有 {n} 个字符，超过上限 {limit} 个（全称一般不超过 30 个字，简称几个字；名称要显示在每张表格和提交说明中）",
        "{option} is {n} characters long, more than the {limit} allowed (a full name is rarely over 30, a short name a few; names appear in every table and commit message)",
    ),
    "pt_control": (
        "{option} 含有控制字符 {chars}，不能用于名称",
        "{option} holds control characters ({chars}), not allowed in a name",
    ),
    "pt_name_taken": (
        "{option} {value} 已是直报点 {other} 的编号、名称或别名",
        "{option} {value} is already an id, name or alias of point {other}",
    ),
    "pt_alias_repeat": ("--alias {value} 重复", "--alias {value} is given twice"),
    "pt_parent_self": ("--parent 不能是自己", "--parent cannot be the point itself"),
    "pt_parent_unknown": (
        "--parent {parent} 不是已登记的直报点（可用编号、全称、简称或别名）{hint}",
        "--parent {parent} is not a registered point (give its id, full name, short name or alias){hint}",
    ),
    "pt_parent_not_county": (
        "只有县市区（--kind county）才有 --parent（所属市州）；{kind}不能有 --parent {parent}",
        "only a county (--kind county) has a --parent (its city); a {kind} point cannot have --parent {parent}",
    ),
    "pt_parent_not_city": (
        "--parent {parent} 须是市州，而 {id} 是{kind}",
        "--parent {parent} must be a city, but {id} is a {kind} point",
    ),
    "pt_add_refused": ("未添加，名册未做任何改动：", "not added; the registry was not changed:"),
    "pt_tier_unlisted": (
        "直报点 {point}（{id}）的级别（tiers）中没有 {tier}",
        "point {point} ({id}) does not list the tier {tier}",
    ),
    "pt_date_order": (
        "{point}（{id}）的历史记录已有 {latest} 的事项，新记录日期 {date} 不能早于它（历史按日期排列）",
        "{point} ({id}) already has a history event on {latest}; the new date {date} cannot be earlier (history is in date order)",
    ),
    "pt_not_holding": (
        "{point}（{id}）在 {date} 不是{tier}，无需退出",
        "{point} ({id}) does not hold the {tier} tier on {date}",
    ),
    "pt_not_holding_since": (
        "{point}（{id}）已于 {since} {left}（{tier}），在 {date} 不是{tier}，无需退出",
        "{point} ({id}) left the {tier} tier on {since} ({left}) and does not hold it on {date}: there is nothing to retire",
    ),
    "pt_already_holding": (
        "{point}（{id}）在 {date} 已是{tier}，无需恢复",
        "{point} ({id}) already holds the {tier} tier on {date}",
    ),
    "pt_already_holding_since": (
        "{point}（{id}）自 {since} {entered}起一直是{tier}，在 {date} 已是{tier}，无需恢复",
        "{point} ({id}) has held the {tier} tier since {since} ({entered}) and holds it on {date}: there is nothing to reinstate",
    ),
    "pt_left_same_day": (
        "{point}（{id}）已于 {date} {left}（{tier}），同一天再恢复仍按未恢复计，名册不会有任何变化：恢复日期须晚于退出日期 {date}",
        "{point} ({id}) left the {tier} tier on {date} ({left}); a return on the same day still leaves the tier not held, so nothing would change: the reinstatement must be dated after {date}",
    ),
    "pt_no_change": (
        "这条记录不会改变 {point}（{id}）自 {date} 起是否为{tier}，未写入",
        "this event would not change whether {point} ({id}) holds the {tier} tier from {date}; nothing was written",
    ),
    "pt_never_admitted": (
        "{point}（{id}）从未作为{tier}入列，不能恢复",
        "{point} ({id}) was never admitted to the {tier} tier; it cannot be reinstated",
    ),
    "pt_commit_add": (
        "points add {id}：{name}入列（{date}）",
        "points add {id}: {name} admitted ({date})",
    ),
    "pt_commit_retire": (
        "points retire {id}：{name}退出{tier}（{date}）",
        "points retire {id}: {name} leaves the {tier} tier ({date})",
    ),
    "pt_commit_reinstate": (
        "points reinstate {id}：{name}恢复为{tier}（{date}）",
        "points reinstate {id}: {name} holds the {tier} tier again ({date})",
    ),
    "pt_added": (
        "已添加直报点 {id}（{name}），{date} 入列",
        "added point {id} ({name}), admitted {date}",
    ),
    "pt_retired": (
        "已记录 {name}（{id}）{date} 退出{tier}",
        "recorded: {name} ({id}) leaves the {tier} tier on {date}",
    ),
    "pt_reinstated": (
        "已记录 {name}（{id}）{date} 恢复为{tier}",
        "recorded: {name} ({id}) holds the {tier} tier again from {date}",
    ),
    "pt_commit_made": ("；已提交 {commit}", "; commit {commit}"),
    "reg_invalid": (
        "写入后的 points.yaml 将有错误，未做任何改动：",
        "points.yaml would have errors after this change; nothing was written:",
    ),
    "ye_write_failed": ("无法写入 {path}：{error}", "cannot write {path}: {error}"),
    "ye_written": ("已写入 {path}（{n} 张表）", "wrote {path} ({n} table(s))"),
    "ye_out_unknown": (
        "--out {path}：只支持 {suffixes} 文件，或一个文件夹（以 / 结尾，每张表一个 CSV）",
        "--out {path}: give a {suffixes} file, or a folder ending in / (one CSV per table)",
    ),
    "ye_out_no_suffix": (
        "--out {path}：没有扩展名；请写 {suffixes} 文件，或一个以 / 结尾的文件夹（{path}/，每张表一个 CSV）",
        "--out {path}: no extension; give a {suffixes} file, or a folder ending in / ({path}/, one CSV per table)",
    ),
    # --- the 通报 and the statements (issue 15) ---------------------------------------------
    "nt_date": ("{y}年{m}月{d}日", "{y}-{m:02d}-{d:02d}"),
    # A notice's title: each \n is a place it may break (between whole phrases), where it runs
    # over one line (render.docx.title_lines); the other places are joined.
    "nt_title": (
        "{issuer}\n关于{year}年度\n全省政务信息工作情况的通报",
        "{issuer}: Notice on the province's government information work in {year}",
    ),
    "nt_title_interim": (
        "{issuer}\n关于{year}年度\n全省政务信息工作情况的通报\n（截至{date}）",
        "{issuer}: Notice on the province's government information work in {year} (to {date})",
    ),
    "nt_to_default": (
        "各市州人民政府办公厅（室），各县（市、区）人民政府办公室，省政府各厅委、各直属机构办公室：",
        "To the general offices of the cities and counties and the offices of the provincial departments:",
    ),
    "nt_colon": ("：", ":"),
    "nt_basis_default": ("政务信息直报点考核办法", "the assessment rules for the points"),
    "nt_opening": (
        "根据{basis}，现将{year}年度全省政务信息工作情况通报如下：",
        "Under {basis}, the province's government information work in {year} is reported as follows:",
    ),
    "nt_heading": ("{n}、{text}", "{n}. {text}"),
    "nt_subheading": ("（{n}）{text}", "({n}) {text}"),
    "nt_h_overview": ("总体情况", "Overview"),
    "nt_h_commended": ("表扬", "Commendations"),
    "nt_h_problems": ("存在的问题", "Problems"),
    "nt_h_requirements": ("下一步要求", "Next steps"),
    "nt_level_national": (
        "被国务院办公厅采用",
        "adopted by the General Office of the State Council",
    ),
    "nt_level_provincial": ("被省政府办公厅采用", "adopted by the provincial General Office"),
    "nt_level_count": ("{level}{n}条", "{n} {level}"),
    "nt_levels_both": (
        "（{n}条被两级同时采用，分别计入）",
        "; {n} adopted at both levels, counted at each",
    ),
    "nt_overview": (
        "{year}年，全省{points}个信息直报点共报送政务信息{submitted}条，被采用{adopted}条，"
        "其中{levels}；报送信息获领导批示{instructions}件次；报送调研信息{research}条；"
        "采用信息刊发于各级信息刊物{issues}期。",
        "In {year}, {points} point(s) of the province's network submitted {submitted} item(s), "
        "{research} of them research; adopted: {adopted} item(s) ({levels}); instructions by "
        "leaders on the items: {instructions}; the adopted items appeared in {issues} issue(s) "
        "of the publications.",
    ),
    "nt_count_note": (
        "本表按采用记录逐次列出被国务院办公厅采用的信息，共{rows}条次（合报信息每个合报单位各列一次）。"
        "正文中的被采用数按信息条数计，一条信息无论被几种刊物、几次采用，只计1条，合报信息计入每个合报单位。",
        "This table lists every adoption by the General Office of the State Council, {rows} in "
        "all (a joint item once for each of its points). The notice counts adopted items: an "
        "item once, however many publications or times adopted it, a joint item for each of "
        "its points.",
    ),
    "nt_passed_over": (
        "{notes}，其后的直报点依次递补。",
        "{notes}; the points ranked next take their places.",
    ),
    "nt_passed_over_note": (
        "{names}因{why}，不参加优秀评定",
        "{names}: not eligible for commendation ({why})",
    ),
    "nt_passed_over_point": (
        "{name}（第{rank}名，{score}分）",
        "{name} (rank {rank}, score {score})",
    ),
    "nt_passed_over_sep": ("；", "; "),
    "nt_left_mark": ("（已退出）", " (left)"),
    # overdue's tables: a word after a space, so that a narrow column breaks before it
    # (图们 / 已退出), never inside it as a bracketed mark would (（已退 / 出）)
    "od_left_mark": (" 已退出", " (left)"),
    "nt_interim": (
        "以上为截至{date}的情况，年度表扬和取消资格在年度结束后评定。",
        "These are the figures to {date}; commendations and disqualifications are decided after the year's end.",
    ),
    "nt_commend_later": (
        "{year}年度的表扬在年度结束后评定。",
        "The commendations of {year} are decided after the year's end.",
    ),
    "nt_commend_intro": (
        "按照计分规则，{year}年度得分排名前{top}位的直报点评为优秀信息直报点，予以通报表扬：",
        "Under the scoring rules, the top {top} point(s) of {year} are commended:",
    ),
    "nt_commend_intro_count": (
        "按照计分规则，依{year}年度得分排名评出优秀信息直报点{n}个，予以通报表扬：",
        "Under the scoring rules, {n} point(s) are commended for {year}, in the order of their scores:",
    ),
    "nt_group_count": ("{group}（{n}个）", "{group} ({n})"),
    "nt_point_score": ("{name}（{score}分）", "{name} (score {score})"),
    "nt_point_times": ("{name}（{n}次）", "{name} (×{n})"),
    "nt_point_quarters": ("{name}（{quarters}）", "{name} ({quarters})"),
    "nt_period_end": ("。", "."),
    "nt_none": ("无。", "None."),
    "nt_sub_silent": ("零报送、零采用", "Nothing submitted, nothing adopted"),
    "nt_sub_zero_submitted": ("零报送", "Nothing submitted"),
    "nt_sub_zero_adopted": ("零采用", "Nothing adopted"),
    "nt_zero_submitted": (
        "全年未报送信息的直报点：{names}。",
        "Points that submitted nothing: {names}.",
    ),
    "nt_zero_adopted": (
        "报送信息但未被采用的直报点：{names}。",
        "Points with no item adopted: {names}.",
    ),
    # an interim year notice (``--as-of`` before 31 December): so far, not the whole year
    "nt_zero_submitted_interim": (
        "今年以来未报送信息的直报点：{names}。",
        "Points that have submitted nothing so far this year: {names}.",
    ),
    "nt_zero_adopted_interim": (
        "今年以来报送信息但未被采用的直报点：{names}。",
        "Points with no item adopted so far this year: {names}.",
    ),
    # when a list would name most of the network, its count instead (each point is in 附件1)
    "nt_most_of": ("全省{of}个直报点中有{n}个", "{n} of the province's {of} points"),
    "nt_all_of": ("全省{of}个直报点均", "All {of} of the province's points"),
    "nt_zero_submitted_most": (
        "全年，{who}未报送信息（各直报点情况见附件1）。",
        "{who} submitted nothing in the year (each point's figures: Attachment 1).",
    ),
    "nt_zero_adopted_most": (
        "全年，{who}报送信息但未被采用（各直报点情况见附件1）。",
        "{who} submitted items but had none adopted (each point's figures: Attachment 1).",
    ),
    "nt_zero_submitted_interim_most": (
        "今年以来，{who}未报送信息（各直报点情况见附件1）。",
        "{who} have submitted nothing so far this year (each point's figures: Attachment 1).",
    ),
    "nt_zero_adopted_interim_most": (
        "今年以来，{who}报送信息但未被采用（各直报点情况见附件1）。",
        "{who} have submitted items but had none adopted so far this year (each point's "
        "figures: Attachment 1).",
    ),
    "nt_at_risk_most": (
        "目前，{who}得分低于按时间进度折算的取消资格分数线，请抓紧改进（各直报点得分见附件1）。",
        "{who} are below the pro-rata disqualification line and must improve (each point's "
        "score: Attachment 1).",
    ),
    "nt_sub_solicitations": ("约稿未按时报送", "Solicitations not answered on time"),
    "nt_solicitations_missed": (
        "未报送约稿信息的直报点：{names}。",
        "Points that have not answered solicitations: {names}.",
    ),
    "nt_solicitations_late": (
        "逾期报送约稿信息的直报点：{names}。",
        "Points that answered solicitations after their due day: {names}.",
    ),
    "nt_sentence_sep": ("", " "),
    "nt_sub_research": ("调研信息缺报", "Research quarters missing"),
    "nt_research": (
        "未完成季度调研信息报送任务的直报点：{names}。",
        "Points that missed a quarter's research item: {names}.",
    ),
    "nt_sub_emergency": ("突发信息迟报", "Late emergency reports"),
    "nt_emergency": (
        "突发事件信息报送不及时的直报点：{names}。",
        "Points that reported emergencies late: {names}.",
    ),
    "nt_sub_disqualified": ("取消直报点资格", "Disqualified"),
    "nt_disqualified": (
        "{names}年度得分低于{below}分，按照计分规则取消其信息直报点资格。",
        "{names} scored below {below} for the year and are disqualified under the scoring rules.",
    ),
    "nt_sub_at_risk": ("得分偏低", "Scores at risk"),
    "nt_at_risk": (
        "以下直报点得分低于按时间进度折算的取消资格分数线，请抓紧改进：{names}。",
        "These points are below the pro-rata disqualification line and must improve: {names}.",
    ),
    "nt_requirements_default": (
        "各地各部门要进一步提高对政务信息工作的认识，加强信息员队伍建设，突出报送重点，提高信息质量，"
        "确保紧急重大情况及时准确报送。",
        "Every point is to strengthen its information work, train its staff, report what matters and "
        "report emergencies promptly and accurately.",
    ),
    "nt_attachments_label": ("附件：", "Attachments: "),
    "nt_attachment": ("附件{n}", "Attachment {n}"),
    "nt_att_ranking": ("{year}年度信息直报点得分排名", "Ranking of the points, {year}"),
    "nt_att_adopted_title": (
        "{year}年度国务院办公厅采用信息目录",
        "Items adopted by the General Office of the State Council, {year}",
    ),
    "nt_att_instructed_title": (
        "{year}年度领导批示件目录",
        "Items with leaders' instructions, {year}",
    ),
    "nt_att_adopted": ("国办采用信息目录", "national adoptions"),
    "nt_att_instructed": ("批示件目录", "instructions"),
    "nt_col_group_rank": ("组内名次", "group rank"),
    "nt_col_rank": ("全省名次", "rank"),
    "nt_col_n": ("序号", "no."),
    "nt_col_title": ("信息标题", "title"),
    "nt_col_publication": ("采用刊物", "publication"),
    "nt_col_instruction": ("批示", "instruction"),
    "nt_col_date": ("日期", "date"),
    "nt_copy_to": ("抄送：{names}。", "Copy to: {names}."),
    "nt_copy_sep": ("，", ", "),
    "nt_printed_on": ("{date}印发", "issued {date}"),
    "nt_written": ("已写入通报 {path}", "wrote the notice {path}"),
    "nt_template_bad": ("无法打开模板 {path}：{error}", "cannot open the template {path}: {error}"),
    "nt_template_missing": ("文件不存在", "there is no such file"),
    "nt_template_folder": ("这是一个文件夹，不是文件", "it is a folder, not a file"),
    "nt_template_is_doc": (
        "是旧版 Word 文档（.doc），请在 Word 中另存为 .docx",
        "it is an old Word document (.doc); save it as .docx in Word",
    ),
    "nt_template_not_word": ("不是 Word 文档（.docx）", "not a Word document (.docx)"),
    "nt_template_is_xls": (
        "是旧版 Excel 工作簿（.xls），不是 Word 文档（.docx）",
        "it is an old Excel workbook (.xls), not a Word document (.docx)",
    ),
    "nt_template_is_ppt": (
        "是旧版 PowerPoint 演示文稿（.ppt），不是 Word 文档（.docx）",
        "it is an old PowerPoint presentation (.ppt), not a Word document (.docx)",
    ),
    "nt_template_is_ole": (
        "是旧版 Office 文件，但不是 Word 文档；模板须是 Word 文档（.docx）",
        "it is an old Office file, but not a Word document; the template must be a Word document (.docx)",
    ),
    "nt_template_is_xlsx": (
        "是 Excel 工作簿，不是 Word 文档（.docx）",
        "it is an Excel workbook, not a Word document (.docx)",
    ),
    "nt_template_is_pptx": (
        "是 PowerPoint 演示文稿，不是 Word 文档（.docx）",
        "it is a PowerPoint presentation, not a Word document (.docx)",
    ),
    "nt_template_is_dotx": (
        "是 Word 模板（.dotx），请在 Word 中另存为文档（.docx）",
        "it is a Word template (.dotx); save it as a document (.docx) in Word",
    ),
    "nt_template_damaged": (
        "不是完整的 Word 文档（.docx），文件可能已损坏",
        "not a whole Word document (.docx); the file may be damaged",
    ),
    "nt_number_without_pattern": (
        "--number：notice.yaml 没有发文字号格式（number），无法生成文号",
        "--number: notice.yaml has no document number pattern (number)",
    ),
    "st_title": ("{year}年度政务信息得分明细", "Score statement, {year}"),
    "st_point": ("直报点：{name}", "Point: {name}"),
    # a workbook's title row names the point as the registry does (its id is for programs)
    "st_sheet_title": (
        "{name}{year}年度政务信息得分明细",
        "{name}: score statement, {year}",
    ),
    "st_ranks": (
        "全省排名：第{rank}名；{group}排名：第{group_rank}名；得分：{score}分",
        "Rank in the province: {rank}; in the {group} group: {group_rank}; score: {score}",
    ),
    # after st_ranks, once the year is over as of the statement's day
    "st_status": ("；状态：{status}", "; status: {status}"),
    "st_as_of": ("计分截至{date}。", "Scored to {date}."),
    "st_col_item": ("信息编号及标题", "submission and title"),
    "st_written": ("已写入 {n} 份得分明细到 {path}", "wrote {n} statement(s) to {path}"),
    "st_format_bad": (
        "--statement-format 只能是 docx 或 xlsx",
        "--statement-format is docx or xlsx",
    ),
    "nt_out_conflict": (
        "{options} 只用于 --out 通报.docx",
        "{options}: only with --out NOTICE.docx",
    ),
    "nt_and": (" 和 ", " and "),
    "nt_date_before_to": (
        "--date {date}：成文日期早于通报统计截至的 {to}，通报应在所统计的期间结束后成文"
        "（--date 不得早于 {to}）",
        "--date {date}: the notice's date is before {to}, the last day its figures count; a "
        "notice is dated once its period's figures end (--date {to} or later)",
    ),
    # --- the 通报 and the statements of a half, quarter or month (issue 15) ----------------
    "pn_title": (
        "{issuer}\n关于{period}\n全省政务信息工作情况的通报",
        "{issuer}: Notice on the province's government information work, {period}",
    ),
    "pn_title_interim": (
        "{issuer}\n关于{period}\n全省政务信息工作情况的通报\n（截至{date}）",
        "{issuer}: Notice on the province's government information work, {period} (to {date})",
    ),
    "pn_opening": (
        "根据{basis}，现将{period}全省政务信息工作情况通报如下：",
        "Under {basis}, the province's government information work in {period} is reported as follows:",
    ),
    "pn_overview": (
        "{period}，全省{points}个信息直报点共报送政务信息{submitted}条（累计{submitted_to_date}条），"
        "被采用{adopted}条（累计{adopted_to_date}条），其中被国务院办公厅采用{national}条"
        "（累计{national_to_date}条）；报送信息获领导批示{instructions}件次（累计{instructions_to_date}件次）；"
        "报送调研信息{research}条（累计{research_to_date}条）；采用信息刊发于各级信息刊物{issues}期"
        "（累计{issues_to_date}期）；本期得分合计{score}分（累计{score_to_date}分）。",
        "In {period}, {points} point(s) of the province's network submitted {submitted} item(s) "
        "({submitted_to_date} to date), {research} of them research ({research_to_date} to "
        "date); adopted: {adopted} item(s) ({adopted_to_date} to date), {national} of them by "
        "the General Office of the State Council ({national_to_date} to date); instructions by "
        "leaders on the items: {instructions} ({instructions_to_date} to date); the adopted "
        "items appeared in {issues} issue(s) ({issues_to_date} to date); the period's scores "
        "total {score} ({score_to_date} to date).",
    ),
    "pn_overview_first": (
        "{period}，全省{points}个信息直报点共报送政务信息{submitted}条，被采用{adopted}条，"
        "其中被国务院办公厅采用{national}条；报送信息获领导批示{instructions}件次；"
        "报送调研信息{research}条；采用信息刊发于各级信息刊物{issues}期；本期得分合计{score}分。",
        "In {period}, {points} point(s) of the province's network submitted {submitted} item(s), "
        "{research} of them research; adopted: {adopted} item(s), {national} of them by the "
        "General Office of the State Council; instructions by leaders on the items: "
        "{instructions}; the adopted items appeared in {issues} issue(s); the period's scores "
        "total {score}.",
    ),
    "pn_count_note": (
        "本表按采用记录逐次列出本期的采用，共{rows}条次（同一条信息每被采用一次列一次，"
        "合报信息每个合报单位各列一次），其中被国务院办公厅采用{national_rows}条次。"
        "正文中的被采用数按信息条数计，一条信息无论被几种刊物、几次采用，只在首次被采用的期间计1条，"
        "合报信息计入每个合报单位。",
        "This table lists every adoption of the period, {rows} in all (an item once for each "
        "time it was adopted, a joint item once for each of its points), {national_rows} of "
        "them by the General Office of the State Council. The notice counts adopted items: an "
        "item once, in the period of its first adoption, however many publications or times "
        "adopted it, a joint item for each of its points.",
    ),
    "pn_definition": (
        "“累计”自{year}年1月1日起计；“本期”为截至本期末的累计数与截至上期末的累计数之差。",
        "“To date” counts from 1 January {year}; “period” is the figure to date at the period's "
        "end less that at the end of the period before.",
    ),
    "nt_table_note": ("注：{text}", "Note: {text}"),
    "pn_interim": (
        "本期尚未结束，以上为截至{date}的情况。",
        "The period is not over: these are the figures to {date}.",
    ),
    "pn_commend_intro": (
        "按照计分规则，{period}各组本期得分排名前{top}位的直报点予以通报表扬：",
        "Under the scoring rules, the first {top} point(s) of each group by their score in "
        "{period} are commended:",
    ),
    "pn_sub_zero_submitted": ("零报送", "Nothing submitted"),
    "pn_zero_submitted": (
        "本期未报送信息的直报点：{names}。",
        "Points that submitted nothing in the period: {names}.",
    ),
    "pn_sub_zero_adopted": ("零采用", "Nothing adopted"),
    "pn_zero_adopted": (
        "本期报送信息但未被采用的直报点：{names}。",
        "Points with no item adopted in the period: {names}.",
    ),
    "pn_zero_submitted_most": (
        "本期，{who}未报送信息（各直报点情况见附件1）。",
        "{who} submitted nothing in the period (each point's figures: Attachment 1).",
    ),
    "pn_zero_adopted_most": (
        "本期，{who}报送信息但未被采用（各直报点情况见附件1）。",
        "{who} submitted items in the period but had none adopted (each point's figures: "
        "Attachment 1).",
    ),
    "pn_at_risk_most": (
        "截至本期末，{who}累计得分低于按时间进度折算的取消资格分数线，请抓紧改进（年度结束后评定；"
        "各直报点得分见附件1）。",
        "{who} have scores to date below the pro-rata disqualification line and must improve "
        "(decided after the year's end; each point's score: Attachment 1).",
    ),
    "pn_sub_opinion": ("舆情清单缺报", "Opinion lists missing"),
    "pn_opinion": (
        "未按月报送舆情清单的直报点：{names}。",
        "Points that missed a month's opinion list: {names}.",
    ),
    "pn_at_risk": (
        "以下直报点累计得分低于按时间进度折算的取消资格分数线，请抓紧改进（年度结束后评定）：{names}。",
        "These points' scores to date are below the pro-rata disqualification line and must "
        "improve (decided after the year's end): {names}.",
    ),
    # \n: where the title may break when over a line (render.docx.title_lines), never inside
    # its brackets
    "pn_att_ranking": (
        "{period}信息直报点得分排名\n（本期、累计）",
        "Ranking of the points, {period}\n (period and to date)",
    ),
    "pn_att_ranking_once": (
        "{period}信息直报点得分排名",
        "Ranking of the points, {period}",
    ),
    "pn_att_adopted": ("{period}采用信息目录", "Items adopted, {period}"),
    "pn_att_instructed": ("{period}领导批示件目录", "Items with leaders' instructions, {period}"),
    "nt_att_period_adopted": ("采用信息目录", "adoptions"),
    "nt_att_period_instructed": ("批示件目录", "instructions"),
    "ps_title": ("{period}政务信息得分明细", "Score statement, {period}"),
    "ps_ranks_first": (
        "{group}本期排名：第{rank}名；本期得分：{score}分",
        "Rank in the {group} group for the period: {rank}; period score: {score}",
    ),
    "ps_ranks": (
        "{group}本期排名：第{rank}名（累计第{rank_to_date}名）；本期得分：{score}分；累计得分：{score_to_date}分",
        "Rank in the {group} group for the period: {rank} (to date: {rank_to_date}); period score: {score}; "
        "score to date: {score_to_date}",
    ),
    "ps_span": (
        "本期：{first}至{to}；累计自{year}年1月1日起；计分截至{to}。",
        "Period: {first} to {to}; to date from 1 January {year}; scored to {to}.",
    ),
    "ps_span_first": (
        "本期：{first}至{to}；计分截至{to}。",
        "Period: {first} to {to}; scored to {to}.",
    ),
    # a statement sent out names the point as the registry does (its id is for programs)
    "ps_sheet_title": (
        "{name}{period}政务信息得分明细",
        "{name}: score statement, {period}",
    ),
    "ps_brought_forward": ("上期末累计", "brought forward"),
    "ps_subtotal": ("本期小计", "period subtotal"),
    # --- robustness ------------------------------------------------------------------------
    "git_lock_left": (
        "git 的锁文件 {path} 还在：可能另一个 git 程序正在运行，也可能是之前被中断的 git 留下的。"
        '确认没有其他 git 程序在运行后删除它（rm "{path}"），再运行一次',
        "git's lock file {path} exists: another git program is running, or an interrupted git "
        'left it behind. Make sure no other git is running, delete it (rm "{path}") and run again',
    ),
    "read_during_write": (
        "另一个 govinfo 正在写入数据目录（进程 {pid}，“{command}”）：按当前内容读取，每个文件都是完整的",
        "another govinfo is writing the data folder (pid {pid}, “{command}”): reading it as it is now; every file is whole",
    ),
    # --- terminal: table widths, help and usage, files for people ---------------------------
    "xlsx_page_footer": ("第 &P 页 共 &N 页", "Page &P of &N"),
    "usage_prefix": ("用法：", "Usage: "),
    "usage_options": ("[选项]", "[OPTIONS]"),
    "usage_command": ("命令 …", "COMMAND ..."),
    "usage_arguments": ("参数：", "Arguments:"),
    "usage_options_heading": ("选项：", "Options:"),
    "usage_commands": ("命令：", "Commands:"),
    "usage_help_option": ("显示本帮助并退出。", "Show this message and exit."),
    "usage_try_help": ("运行“{command} -h”查看帮助", "Try '{command} -h' for help."),
    "usage_error": ("错误：{message}", "Error: {message}"),
    "usage_missing": ("缺少{name:w}", "missing {name}"),
    "usage_missing_files": (
        "缺少要导入的文件（CSV、TSV、XLSX、XLS 或 ODS，可给多个）",
        "missing the file to import (CSV, TSV, XLSX, XLS or ODS; several may be given)",
    ),
    "usage_no_such_option": ("没有这个选项：{option}", "no such option: {option}"),
    "usage_did_you_mean": ("（是否想用：{options}）", " (did you mean: {options})"),
    "usage_bad_value": (
        "{name:w}的值无效：应为{expected}",
        "invalid value for {name}: expected {expected}",
    ),
    "usage_bad_value_because": ("{name:w}的值无效：{why}", "invalid value for {name}: {why}"),
    "usage_extra_args": ("多余的参数：{args}", "unexpected extra arguments: {args}"),
    "usage_no_such_command": ("没有这个命令：{command}", "no such command '{command}'"),
    "usage_did_you_mean_command": ("。是不是 {commands}？", ". Did you mean {commands}?"),
    "usage_command_name": ("{name}", "'{name}'"),
    "usage_takes_no_value": ("选项 {option} 不带值", "option {option} takes no value"),
    "usage_missing_command": ("缺少命令", "missing command"),
    "usage_needs_value": ("选项 {option} 后面要跟一个值", "option {option} needs a value"),
    "usage_expect_year": ("年份（四位数字，如 2003）", "a year (four digits, e.g. 2003)"),
    "usage_expect_year_range": (
        "介于 {min} 与 {max} 之间的年份（四位数字，如 2003）",
        "a year from {min} to {max} (four digits, e.g. 2003)",
    ),
    "usage_expect_int": ("整数", "a whole number"),
    "usage_expect_int_min": ("不小于 {min} 的整数", "a whole number, at least {min}"),
    "usage_expect_int_max": ("不大于 {max} 的整数", "a whole number, at most {max}"),
    "usage_expect_int_range": (
        "介于 {min} 与 {max} 之间的整数",
        "a whole number from {min} to {max}",
    ),
    "usage_expect_path": ("文件或文件夹的路径", "a file or folder path"),
    "usage_expect_text": ("一段文字", "some text"),
    "usage_expect_one_of": ("以下之一：{values}", "one of: {values}"),
    "out_written": ("已写入 {path}", "wrote {path}"),
    "out_failed_after_import": (
        "导入已完成（见上一行），但{error}",
        "the import was done (see the line above), but {error}",
    ),
    "out_folder_missing": (
        "无法写入 {path}：文件夹 {folder} 不存在（govinfo 不会替您新建；请检查路径是否写错，或先建好这个文件夹）；没有写入任何内容",
        "cannot write {path}: the folder {folder} does not exist (govinfo does not create it: check the path for a typo, or create the folder first); nothing was written",
    ),
    "out_unknown": (
        "--out {path}：只支持 {suffixes} 文件",
        "--out {path}: give a {suffixes} file",
    ),
    "out_is_folder": (
        "--out {path}：这是一个文件夹，请写一个文件名",
        "--out {path}: this is a folder; give a file name",
    ),
    "rm_col_name": ("全称", "full name"),
    "rm_col_phone": ("电话", "phone"),
    "rm_col_days": ("逾期天数", "days overdue"),
    "rm_sheet_name": ("逾期事项", "Overdue"),
    "rm_item": ("{detail}（应于 {due} 前报送）", "{detail} (due {due})"),
    "rm_item_sep": ("；", "; "),
    "rm_to_officer": ("{point}{officer}同志", "{point}, attn. {officer}"),
    "rm_message": (
        "【{office}提醒】{to}：截至 {as_of}，贵单位有 {n} 项信息报送事项逾期：{items}。{ask}",
        "[{office}] {to}: as of {as_of}, {n} reporting items are overdue: {items}. {ask}",
    ),
    "rm_message_one": (
        "【{office}提醒】{to}：截至 {as_of}，贵单位有 {n} 项信息报送事项逾期：{items}。{ask}",
        "[{office}] {to}: as of {as_of}, {n} reporting item is overdue: {items}. {ask}",
    ),
    "rm_ask_send": ("请尽快报送。", "Please report as soon as possible."),
    "rm_ask_in_time": (
        "今后突发信息请严格按时限报送。",
        "Please report emergencies within their time limits from now on.",
    ),
    "rm_ask_both": (
        "请尽快报送；今后突发信息请严格按时限报送。",
        "Please report as soon as possible, and report emergencies within their time limits "
        "from now on.",
    ),
    "rm_left_none_sent": (
        "{n} 个直报点已退出直报点之列，未写提醒：{points}",
        "no reminder for {n} point(s) that have left the network: {points}",
    ),
    "rm_left_none_sent_one": (
        "{n} 个直报点已退出直报点之列，未写提醒：{points}",
        "no reminder for {n} point that has left the network: {points}",
    ),
    "rm_left_point": ("{point}（{id}，{date} {how}）", "{point} ({id}, {how} {date})"),
    "rm_none": (
        "截至 {as_of} 没有逾期事项，无需提醒",
        "nothing is overdue as of {as_of}: no reminders",
    ),
}


# A column's header in fewer letters (key: the header's message key), each form shorter than
# the one before, for a terminal too narrow for its words: a fitted table shows the first that
# its column holds without breaking it inside a word (govinfo.render.table). Chinese headers
# break between any two characters: they need none.
SHORT_HEADERS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "col_rank": ((), ("#",)),
    "col_submitted": ((), ("subm.", "sub")),
    "col_adopted": ((), ("adopt.", "adp")),
    "col_national_adopted": ((), ("nat.", "nat")),
    "col_instructions": ((), ("instr.", "ins")),
    "col_research": ((), ("res.", "res")),
    "col_deductions": ((), ("deduct.", "ded")),
    "col_score": ((), ()),  # short enough; its period form is the bare word
    "ye_level_provincial": ((), ("prov.", "prv")),
    "ye_rank_state-council": ((), ("St. Council", "SC")),
    "ye_rank_governor": ((), ("gov.", "gov")),
    "ye_rank_provincial-leader": ((), ("prov. leader", "PL")),
    "pr_col_publication": ((), ("pub.",)),
    "pr_col_period_items": ((), ("adopt.", "adp")),
    "pr_col_items_once": ((), ("adopt.", "adp")),
    "pr_col_issue_count_once": ((), ("iss",)),
    "pr_col_period_issues": ((), ("issues", "iss")),
    "pr_col_to_date_items": ((), ("adopt. (to date)", "adp (to date)")),
    "pr_col_to_date_issues": ((), ("issues (to date)", "iss (to date)")),
    "pr_col_solicitation": ((), ("sol.",)),
    "ye_cat_emergency": ((), ("emerg.", "emg")),
    "ye_cat_opinion-list": ((), ("op. list",)),
    "ye_col_solicited": ((), ("solic.", "sol")),
    "ye_col_research_missing": ((), ("res. miss.", "miss.")),
    "ye_sol_pending": ((), ("not due",)),
    "ye_sol_met": ((), ("ot",)),
    "ye_sol_late": ((), ("lt",)),
    "ye_sol_missed": ((), ("ms",)),
    "pr_col_on_time_points": ((), ("on time by",)),
    "pr_col_late_points": ((), ("late by",)),
    "pr_col_missed_points": ((), ("missed by",)),
}


def short_headers(header: str) -> tuple[str, ...]:
    """``header``'s shorter forms in the current language (:data:`SHORT_HEADERS`), each
    shorter than the one before: none for most. A period ranking's “submitted (period)”
    is shortened to the figure's own short forms (“subm.”, “sub”: the table's title names the
    period), its “submitted (to date)” to those with “(to date)” kept."""
    zh = _lang.get() == "zh"
    if not zh:  # "research Q1": "res. Q1", then the quarter alone
        for n in range(1, 5):
            quarter = t(f"ye_q{n}")
            if header == t("ye_col_research_q", quarter=quarter):
                return (f"{SHORT_HEADERS['col_research'][1][0]} {quarter}", quarter)
    for key, forms in SHORT_HEADERS.items():
        mine = forms[0] if zh else forms[1]
        what = t(key)
        if what == header:
            return mine
        if zh or not key.startswith("col_"):
            continue
        if t("pr_col_period_of", what=what) == header:
            return mine or (what,)
        if t("pr_col_to_date_of", what=what) == header:
            return tuple(t("pr_col_to_date_of", what=f) for f in mine)
    return ()


# --help in Chinese: the English is each command's own text (its docstring and help=); here the
# Chinese, keyed by the command's path ("score", "points list"; "" is govinfo itself) and by
# "path:parameter" for its arguments and options.
HELP_ZH: dict[str, str] = {
    "": "政务信息直报点管理工具：检查数据文件夹、计分排名、列出逾期事项、导入报送信息、生成年终和各期通报（表格、通报文件和得分明细）。",
    ":data": "数据文件夹（默认：$GOVINFO_DATA，否则为含 govinfo.yaml 的 ./data，再否则为含 govinfo.yaml 的当前目录）。",
    ":lang": "输出语言：zh 或 en（默认：数据文件夹的语言）。",
    ":no_cache": "一切从文件重新读取和计算：不用缓存的结果、解析过的文件和打印过的表格，也不为以后的运行保存。",
    ":version": "显示版本号。",
    ":install_completion": "为当前 shell 安装命令补全。",
    ":show_completion": "显示当前 shell 的命令补全脚本，可复制或自行安装。",
    "init": "新建数据文件夹：默认计分规则、空的直报点名册、git 仓库和第一次提交。",
    "init:directory": "要新建的文件夹（须为空或不存在）。",
    "init:office": "管理该文件夹的单位；不写时为占位名称（省人民政府办公厅），之后在 govinfo.yaml 中改正。",
    "init:province": "省份。",
    "init:language": "写入 govinfo.yaml 的文件夹语言（language）：zh 或 en；不写时取 --lang，再不写为 zh。",
    "check": "检查数据文件夹的每个文件，逐条列出问题（文件:行:列）。\n\n有任何错误（加 --strict 时有任何警告）时退出码为 1，否则为 0。",
    "check:fmt": "输出格式：text（每行一条“路径:行:列”）或 json。",
    "check:strict": "有警告时也判为失败（退出码 1）。",
    "check:at": "按某个 git 版本（标签、分支或提交）时的内容读取文件夹。",
    "score": "计算一年的得分并排名：得分、各项条数和状态（优秀、取消资格、豁免、保留、退出；年内为“预警”）。\n\n读取当年和上一年的报送信息；所读文件有错误时拒绝计算（退出码 1）。",
    "score:year": "年份，如 2003。",
    "score:as_of": "以该日结束时已知的情况计算（默认：该年最后一天，若尚未到则为今天）。",
    "score:kind": "只显示该类别的直报点（市州、县市区、省直部门；名次仍按全部排名）。",
    "score:top": "只显示名次在前 N 名（含）的直报点。",
    "score:by_group": "按组显示排名（市州、县市区、省直部门，或 govinfo.yaml 中的分组），每组有组内名次。",
    "score:at": "按某个 git 版本（标签、分支或提交）时的内容读取文件夹。",
    "score:fmt": "输出格式：table（表格）、csv、json 或 markdown。",
    "score:out": "同时把表格写入文件：.xlsx（可直接打印）、.csv（带 BOM）或 .md，语言同输出（--lang）。",
    "explain": "按日期列出某直报点一年中每一项计分，并给出累计；最后一行等于 govinfo score 中的得分。\n\n密级为秘密的标题显示为 [密]。直报点不存在时拒绝（退出码 1）。",
    "explain:point": "直报点：编号、全称或简称。",
    "explain:year": "年份，如 2003。",
    "explain:as_of": "以该日结束时已知的情况计算（默认：该年最后一天，若尚未到则为今天）。",
    "explain:at": "按某个 git 版本（标签、分支或提交）时的内容读取文件夹。",
    "explain:fmt": "输出格式：table（表格）、csv、json 或 markdown。",
    "explain:out": "同时把计分明细写入文件：.xlsx（可直接打印）、.csv（带 BOM）或 .md，每一项带累计，语言同输出（--lang）。",
    "overdue": "列出截至某日的逾期事项：长期不报、季度调研信息未报、月度舆情清单未报、约稿逾期未报、突发信息迟报。\n\n有无逾期事项都以 0 退出（加 --fail-on-findings 时有事项退出码为 3）；直报点不存在或数据有错误时拒绝（退出码 1）。",
    "overdue:as_of": "截至该日结束（默认：今天）。",
    "overdue:since": "统计起始日（默认：截至日所在年的 1 月 1 日）；长期不报的直报点不论起始日都列出。",
    "overdue:point": "只看该直报点：编号、全称、简称或别名。",
    "overdue:kind": "只看该类别的直报点（市州、县市区、省直部门）。",
    "overdue:types": "只看该类事项：长期不报、调研信息未报、舆情清单未报、约稿逾期、突发信息迟报（或其英文名；可重复）。",
    "overdue:by": "表格分组方式：point 按直报点（附信息员）或 type 按事项类型。",
    "overdue:soon": "同时列出今后 N 天内到期的约稿和期间（即将到期；JSON 键为 upcoming）。",
    "overdue:at": "按某个 git 版本（标签、分支或提交）时的内容读取文件夹。",
    "overdue:fmt": "输出格式：table（表格）、csv、json 或 markdown。",
    "overdue:out": "同时把逾期事项写入文件：.xlsx（可直接打印）、.csv（带 BOM）或 .md；每行有直报点全称、信息员和电话。",
    "overdue:notice": "不显示表格，改为每个直报点一条提醒（逾期事项、应报日期、逾期多久），可直接粘贴到短信或工作群。",
    "overdue:fail_on_findings": "有逾期事项时退出码为 3（供脚本使用）。",
    "import": "从 CSV/TSV/XLSX 等文件导入报送信息：逐行校验，跳过重复，写入当月文件并提交；有任何错误时什么都不写。",
    "import:files": "要导入的文件（可给多个）：CSV、TSV、XLSX，以及 .xls、.ods 等旧格式。",
    "import:dry_run": "只检查并显示将导入的内容，不写入。",
    "import:mapping": "列名对照的 YAML 文件：{columns: {表头: 字段}}。",
    "import:encoding": "CSV/TSV 和 HTML 文件的编码（默认：自动识别）。",
    "import:sheet": "只读工作簿中的这一张工作表（默认：每一张）。",
    "import:no_commit": "写入文件但不提交。",
    "import:message": "提交说明。",
    "import:adoptions": "这些文件是采用记录（刊物、期号、日期、方式；编号或直报点+标题）。",
    "import:out": "同时把导入结果（每个直报点新增和重复的条数）写入文件：.xlsx（可直接打印）、.csv（带 BOM）或 .md。",
    "report": "显示某一期通报的各张表格，或写出通报本身（--out 通报.docx）和每个直报点的得分明细（--statements 文件夹）。\n\n"
    "期间为一年（2003）时：年终各表——得分排名和状态、各直报点报送情况、采用批示和扣分、国办直报点、月度走势、优秀直报点和取消资格名单——"
    "然后是各刊物的采用条数和期数、各组排名和以下各清单。\n\n"
    "期间为半年、季度或月份（2003H1、2003Q3、2003-08）时：总体情况（本期和累计的合计，各刊物的采用条数和期数）；"
    "每组一张排名（市州、县市区、省直部门，或 govinfo.yaml 中的分组），每项数字本期与累计并列，有名次、累计名次和比上期的变化；"
    "然后是零报送、零采用的直报点，采用条目，批示件目录和到期约稿。\n\n"
    "数字从期间第一天算到期末和 --as-of（默认：今天）中较早的一天。累计恰等于 govinfo score 年份 --as-of 截至日；"
    "本期为累计减去期间开始前一天的累计；自 1 月 1 日起的期间每项只列一次。密级为秘密的标题显示为 [密]。"
    "所读文件有错误，或期间（包括一年）到那天尚未开始时，拒绝（退出码 1）。",
    "report:period_text": "期间：年（2003）、半年（2003H1、2003H2）、季度（2003Q1 … 2003Q4）或月份（2003-08）。",
    "report:as_of": "以该日结束时已知的情况计算（默认：期末，若尚未到则为今天）。",
    "report:out": "改为写入文件：report.xlsx（每张表一个工作表，可直接打印）、report.md（Markdown）、以 / 结尾的文件夹（每张表一个 CSV）或 通报.docx。",
    "report:fmt": "标准输出的格式：table（表格）或 json（SPEC §3 的期间报告）。",
    "report:at": "按某个 git 版本（标签、分支或提交）时的内容读取文件夹。",
    "report:number": "通报的序号 n，填入 notice.yaml 的发文字号格式（如 吉政办函〔{year}〕{n}号）。",
    "report:template": "用本单位的版头模板代替内置版头：通报正文替换模板中的 {{正文}} 段落（没有则接在末尾）。",
    "report:date": "通报的成文日期（默认：今天；期间计分的最后一天晚于今天时为那一天）。",
    "report:statement_format": "得分明细的文件格式：docx（默认）或 xlsx。",
    "report:statements": "在该文件夹中为每个直报点写一份得分明细：名次、得分以及每一项计分和累计（同 explain）。",
    "close-year": "显示年度结果（优秀和取消资格的直报点及其得分和原因，按该年最后一天计算），"
    "加 --apply 时在 points.yaml 中为每个直报点按日期顺序加一条“评为优秀”或“取消资格”的历史记录（含年份和原因），保留所有注释，并提交。\n\n"
    "可重复执行：名册已记录同样的结果时什么都不改，也不提交；记录的结果不同（此后数据有改动）时，列出差别，什么都不写（退出码 1）。"
    "该年最后一天之前，或 --date 在该年之内或之前时，拒绝（退出码 1）。在该年最后一天预览，无需 --date。",
    "close-year:year": "年份，如 2003。",
    "close-year:apply": "写入 points.yaml 并提交（默认：只显示）。",
    "close-year:date": "历史记录的日期（默认：今天）；须在该年之后。",
    "close-year:out": "同时把年度结果写入文件（只在预览时）：.xlsx（可直接打印）、.csv（带 BOM）或 .md。",
    "demo": "演示文件夹：用于试用的合成数据，以及吉林省 2003 年样例。",
    "demo generate": "在文件夹中生成确定的演示数据。\n\n一次只写一个直报点一个月的数据，可以生成 2000 个直报点、一百万条报送信息。",
    "demo generate:directory": "要写入的文件夹（须为空或不存在）。",
    "demo generate:seed": "随机种子：相同的种子生成完全相同的文件。",
    "demo generate:points": "直报点个数。",
    "demo generate:submissions": "每年的报送条数。",
    "demo generate:years": "年数，自 --first-year 起。",
    "demo generate:first_year": "第一年。",
    "demo generate:sample": "改为写入指定的样例（jilin-2003：即 data/ 样例文件夹，逐字节相同）。",
    "points": "直报点名册：列出、查看、新增、退出、恢复。",
    "points list": "列出名册中的每个直报点：编号、名称、类别、上级、级别和今日状态（是省直报点和/或国办直报点，或自某日起已退出、被取消资格）。",
    "points list:kind": "只列该类别的直报点（市州、县市区、省直部门）。",
    "points list:fmt": "输出格式：table（表格）、csv、json 或 markdown。",
    "points list:out": "同时把名册写入文件：.xlsx（可直接打印）、.csv（带 BOM）或 .md。",
    "points show": "查看一个直报点：名称、类别、级别、信息员和今日状态，全部历史记录，以及历年得分。\n\n加 --out 时，历史记录和历年得分也写入文件（.xlsx 每张表一个工作表；.csv 或 .md 上下排列）。",
    "points show:out": "同时把历史记录和历年得分写入文件：.xlsx（可直接打印）、.csv（带 BOM）或 .md。",
    "points show:point": "直报点：编号、全称或简称。",
    "points add": "在名册中新增一个直报点（于 --date 列入每个 --tier 级别）并提交。\n\n"
    "先检查编号、名称和上级（编号格式正确，不是 con 这类设备名，不论大小写都未被占用；名称未被其他直报点使用；"
    "只有县市区可写 --parent，且须是已登记的市州）；有任何问题都拒绝（退出码 1），什么都不写。",
    "points add:point_id": "新编号：小写字母开头，其后 1–39 个小写字母、数字或 -（如 yitong）。",
    "points add:name": "全称，如 伊通满族自治县人民政府办公室。",
    "points add:kind": "类别：city（市州）、county（县市区）或 department（省直部门），也可写括号中的词。",
    "points add:short": "表格中使用的简称，如 伊通。",
    "points add:parent": "县市区所属的市州：编号、全称、简称或别名（如 siping、四平）。",
    "points add:tiers": "列入的级别：provincial（省直报点）或 national（国办直报点）；两级都列入时重复一次，默认 provincial。",
    "points add:aliases": "电子表格中使用的其他名称（可重复）。",
    "points add:contact": "信息员姓名。",
    "points add:phone": "信息员电话。",
    "points add:date": "历史记录的日期（默认：今天）。",
    "points add:reason": "简要说明原因（记入历史）。",
    "points retire": "记录直报点退出某一级别（于 --date 记一条 retired 历史）并提交。\n\n"
    "该日不是该级别的直报点，或日期早于其最近一条历史记录时，拒绝（退出码 1）。",
    "points retire:point": "直报点：编号、全称或简称。",
    "points retire:date": "历史记录的日期（默认：今天）。",
    "points retire:reason": "简要说明原因（记入历史）。",
    "points retire:tier": "退出的级别：provincial（省直报点）或 national（国办直报点），默认 provincial。",
    "points reinstate": "记录已退出或被取消资格的直报点恢复某一级别（于 --date 记一条 reinstated 历史）并提交。\n\n"
    "该日已是该级别的直报点、从未列入该级别，或日期早于其最近一条历史记录时，拒绝（退出码 1）。",
    "points reinstate:point": "直报点：编号、全称或简称。",
    "points reinstate:date": "历史记录的日期（默认：今天）。",
    "points reinstate:reason": "简要说明原因（记入历史）。",
    "points reinstate:tier": "恢复的级别：provincial（省直报点）或 national（国办直报点），默认 provincial。",
}
