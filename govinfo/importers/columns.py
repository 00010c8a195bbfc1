"""Header rows → which column holds which field.

Built-in Chinese and English aliases cover what the offices' spreadsheets say; a mapping file
(``--mapping M.yaml``) adds others. The header row is the row among the first few whose cells
match the most aliases — a title row above it (``2003年第三季度调研信息汇总表``) matches none. A
header cell left blank by a merge takes the merge's value (from the sheet's merged ranges when
the file has them, else from the cell above it, as a CSV saved from a merged header shows).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from govinfo.errors import UsageError
from govinfo.i18n import os_error_text, t
from govinfo.importers.problems import ImportProblem, error, warning
from govinfo.importers.tables import Merge, Row, Table
from govinfo.importers.values import cell_text, fold_word, one_line

if TYPE_CHECKING:
    from govinfo.yamltext.reader import Scalar

HEADER_SCAN_ROWS = 20
# Row serial numbers: every office sheet has one; not a field, and not worth a warning.
SERIAL_HEADERS = frozenset({"序号", "序", "行号", "no", "no.", "#"})

SUBMISSION_ALIASES: dict[str, tuple[str, ...]] = {
    "point": (
        "报送单位",
        "单位",
        "直报点",
        "信息直报点",
        "单位名称",
        "报送单位名称",
        "point",
        "unit",
    ),
    "date": ("报送日期", "日期", "报送时间", "date"),
    "title": ("标题", "信息标题", "题目", "信息题目", "信息名称", "title"),
    "category": ("类别", "信息类别", "类型", "信息类型", "分类", "category", "type"),
    "solicitation": ("约稿编号", "约稿", "约稿号", "solicitation"),
    "reviewer": ("审核人", "签发人", "审核签发人", "审核签发", "reviewer"),
    "classification": ("密级", "classification"),
    "co_submitters": ("合报单位", "联合报送单位", "合报", "co_submitters", "co-submitters"),
    "occurred_at": ("发生时间", "事发时间", "occurred_at", "occurred"),
    "reported_at": ("报告时间", "上报时间", "报送时刻", "reported_at", "reported"),
    "note": ("备注", "说明", "note", "remarks"),
}
SUBMISSION_REQUIRED = ("point", "date", "title", "category")

ADOPTION_ALIASES: dict[str, tuple[str, ...]] = {
    "submission": ("信息编号", "编号", "submission", "id"),
    "point": SUBMISSION_ALIASES["point"],
    "title": SUBMISSION_ALIASES["title"],
    "publication": ("刊物", "刊物名称", "采用刊物", "刊物代码", "publication"),
    "issue": ("期号", "期数", "刊期", "issue"),
    "date": ("采用日期", "刊发日期", "日期", "date"),
    "mode": ("采用方式", "方式", "采用类型", "mode"),
}
ADOPTION_REQUIRED = ("publication", "date", "mode")


def column_names(
    aliases: Mapping[str, tuple[str, ...]], labels: Mapping[str, str]
) -> dict[str, str]:
    """Each field's column as the clerk knows it: the header the sheet writes (``labels``), else
    the usual one (the first alias: 报送日期, 发生时间)."""
    return {name: labels.get(name, names[0]) for name, names in aliases.items()}


_FIELDS = sorted({*SUBMISSION_ALIASES, *ADOPTION_ALIASES}, key=len, reverse=True)
_ANY = "|".join(_FIELDS)
_END = r"(?![A-Za-z0-9_.-])"
# Where a validator message names a field: first, before its colon (``date：…``); after 字段 or
# field; last after Chinese words (``缺少审核签发人 reviewer``: an English sentence's last word
# is its own, "… is not a known solicitation"); anywhere for the names that are no English word
# (``occurred_at``). Elsewhere a word such as ``date`` may be the sentence's own, or a value's.
_NAMED = re.compile(
    rf"^(?:{_ANY})(?=[：:])"
    rf"|(?:(?<=字段 )|(?<=field ))(?:{_ANY}){_END}"
    rf"|(?<=[\u3000-\u9fff\uff00-\uffef] )(?:{_ANY})$"
    rf"|(?<![A-Za-z0-9_.-])(?:{'|'.join(f for f in _FIELDS if '_' in f)}){_END}"
)
_MINUTE = re.compile(r"\b(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})\b")


def in_sheet_terms(message: str, columns: Mapping[str, str]) -> str:
    """A message the validator wrote about a record, said of the row it came from: each field
    it names becomes that field's column in ``columns`` (see :func:`column_names`), and a
    date-time reads as the importer writes one (``2003-08-21 09:00``, not ``…T09:00``). The
    missing reviewer, which the check says by its field, is said of the row's column whole."""
    if message == t("reviewer_missing"):
        column = columns.get("reviewer")
        if column:
            return t("import_reviewer_empty", column=column)
        return t("import_reviewer_no_column")
    for event in ("event_date_adoption", "event_date_instruction"):
        # "采用日期 date：…" in a folder file; the row's date column says which date it is
        label = t(event)
        if message.startswith(label):
            message = "date" + message[len(label) :]
    named = _NAMED.sub(lambda m: columns.get(m[0], m[0]), message)
    return _MINUTE.sub(r"\1 \2", named)


@dataclass(frozen=True)
class Mapping_:
    """What a mapping file adds: header text → field, and category words → category."""

    columns: dict[str, str] = field(default_factory=dict)  # folded header → field
    categories: dict[str, str] = field(default_factory=dict)  # folded word → category value


def read_mapping(path: Path, fields: Mapping[str, tuple[str, ...]]) -> Mapping_:
    """Read ``--mapping M.yaml``: ``columns: {表头: field}`` and optionally
    ``categories: {词: category}``. A plain mapping of header → field is taken as ``columns``.

    The file goes through the folder's strict YAML reader: no tag is constructed, no alias
    expanded, nesting is bounded, so a hostile mapping file is a usage error, never a crash.
    """
    from govinfo.load.text import parse_yaml
    from govinfo.yamltext.reader import Mapping as MappingNode

    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UsageError(t("import_no_mapping", file=str(path))) from None
    except IsADirectoryError:
        raise UsageError(t("import_mapping_is_folder", file=str(path))) from None
    except OSError as err:
        raise UsageError(
            t("import_bad_mapping", file=str(path), detail=os_error_text(err))
        ) from None
    root, problems = parse_yaml(path.name, data)
    wrong = [str(p) for p in problems if p.is_error]
    if not wrong and not isinstance(root, MappingNode):
        wrong.append(f"{path.name}:1:1: {t('import_mapping_not_mapping')}")
    if wrong:
        raise UsageError(_bad_mapping(path, wrong))
    assert isinstance(root, MappingNode)
    got = _MappingReader(path.name, fields)
    columns_node, categories_node = root.get("columns"), root.get("categories")
    if columns_node is None and categories_node is None:
        got.pairs(root, got.column)  # a plain mapping of header → field
    else:
        for key, _value in root.items:
            if key.value not in ("columns", "categories"):
                got.at(key, t("import_mapping_key", key=key.value))
        got.pairs(columns_node, got.column)
        got.pairs(categories_node, got.category)
    if got.wrong:
        raise UsageError(_bad_mapping(path, got.wrong))
    return Mapping_(got.columns, got.categories)


def _bad_mapping(path: Path, wrong: list[str]) -> str:
    return "\n  ".join([t("import_bad_mapping_lines", file=str(path)), *wrong])


@dataclass(frozen=True)
class _Place:
    line: int
    col: int


class _MappingReader:
    """A mapping file's pairs, every problem kept with its ``file:line:col``. A target is a
    field or a category as SPEC names it (``point``, ``general``) or as the tool's own
    words say it (报送单位, 综合)."""

    def __init__(self, name: str, fields: Mapping[str, tuple[str, ...]]) -> None:
        self.name = name
        self.fields = fields
        self.wrong: list[str] = []
        self.columns: dict[str, str] = {}  # folded header → field
        self.categories: dict[str, str] = {}  # folded word → category value
        self.index = {fold_word(a): f for f, names in fields.items() for a in (f, *names)}

    def at(self, node: object, message: str) -> None:
        line, col = getattr(node, "line", 1), getattr(node, "col", 1)
        self.wrong.append(f"{self.name}:{line}:{col}: {message}")

    def pairs(self, node: object, take: Callable[[object, str, str], None]) -> None:
        from govinfo.yamltext.reader import Mapping as MappingNode
        from govinfo.yamltext.reader import Scalar as ScalarNode

        if node is None or (isinstance(node, ScalarNode) and node.plain and not node.value):
            return
        if not isinstance(node, MappingNode):
            self.at(node, t("import_mapping_not_mapping"))
            return
        for key, value in node.items:
            if isinstance(value, ScalarNode) and value.plain and not value.value:
                self._no_value(key)
            elif isinstance(value, ScalarNode):
                take(value, key.value, value.value)
            else:
                self.at(value, t("import_mapping_not_word", key=key.value))

    def _no_value(self, key: Scalar) -> None:
        """A pair written without a value: most often a full-width colon (``社会：综合``), which
        YAML does not take for one, so the whole text is the key. Said at that colon."""
        at = key.value.find("：")
        if at < 0:
            self.at(key, t("import_mapping_no_value", key=key.value))
            return
        left, right = key.value[:at].rstrip(), key.value[at + 1 :].lstrip()
        where = _Place(key.line, key.col + at) if key.plain else key
        self.at(where, t("import_mapping_fullwidth_colon", key=key.value, left=left, right=right))

    def column(self, node: object, header: str, target: str) -> None:
        name = self.index.get(fold_word(target))
        if name is None:
            known = t("list_sep").join(
                t("import_field_named", field=f, name=names[0]) for f, names in self.fields.items()
            )
            self.at(node, t("import_mapping_field", field=target, fields=known))
            return
        # Several headers may name one field: one mapping file serves the layouts of several
        # offices (来文单位 in one, 报送部门 in another); a sheet holding two is told at its
        # header (find_header).
        self.columns[fold_word(header)] = name

    def category(self, node: object, word: str, target: str) -> None:
        from govinfo.importers.values import parse_category
        from govinfo.model import Category

        try:
            self.categories[fold_word(word)] = parse_category(target).value
        except ValueError:
            known = t("list_sep").join(c.value for c in Category)
            self.at(node, t("import_mapping_category", value=target, known=known))


@dataclass(frozen=True)
class Header:
    row: int  # the header's row number (as the sheet shows it)
    data_from: int  # the first row number that holds data
    columns: dict[str, int]  # field → 0-based column index
    labels: dict[str, str]  # field → the header text as the sheet writes it
    ignored: list[str]  # header texts that name no field
    # (field, the header read, one more header naming that field, not read)
    twice: list[tuple[str, str, str]] = field(default_factory=list)


def _alias_index(aliases: Mapping[str, tuple[str, ...]], mapping: Mapping_) -> dict[str, str]:
    index = {fold_word(a): name for name, names in aliases.items() for a in names}
    index.update(mapping.columns)
    return index


def _clean_header(text: str) -> str:
    return fold_word(text).strip("*＊:：()（）")


# A hint in brackets after a header's name (``报送日期（年月日）``, ``数量（单位：条）``); after
# folding, full-width brackets are ASCII ones.
_HINT = re.compile(r"(?P<base>.+?)[(\[【][^()\[\]【】]*[)\]】]")


def _field_of(index: Mapping[str, str], text: str) -> str | None:
    """The field a header names: by its folded text (line breaks and spaces make no
    difference), else by its name before a hint in brackets when that name is known."""
    name = index.get(_clean_header(text))
    if name is None and (m := _HINT.fullmatch(fold_word(text).strip("*＊:："))) is not None:
        name = index.get(_clean_header(m["base"]))
    return name


def _merged_value(
    merges: list[Merge], cells_at: Mapping[int, tuple[object, ...]], row: int, col: int
) -> object:
    for r1, c1, r2, c2 in merges:
        if r1 <= row <= r2 and c1 <= col + 1 <= c2:
            top = cells_at.get(r1, ())
            return top[c1 - 1] if c1 - 1 < len(top) else None
    return None


def _effective(table: Table, rows: list[Row], i: int) -> tuple[list[str], int]:
    """The header texts of ``rows[i]`` with merge gaps filled, and the last row the header
    spans (a vertical merge makes a two-row header)."""
    number, cells = rows[i]
    cells_at = dict(rows)
    width = max((len(c) for _, c in rows[: i + 2]), default=0)
    texts: list[str] = []
    last = number
    for col in range(width):
        value = cells[col] if col < len(cells) else None
        if (value is None or cell_text(value) == "") and table.merges is not None:
            value = _merged_value(table.merges, cells_at, number, col)
        elif (value is None or cell_text(value) == "") and i > 0 and rows[i - 1][0] == number - 1:
            # No merge information (CSV): a merged header saved as text leaves the value in the
            # cell above.
            above = rows[i - 1][1]
            value = above[col] if col < len(above) else None
        texts.append(cell_text(value))
    if table.merges:
        for r1, _c1, r2, _c2 in table.merges:
            if r1 <= number <= r2:
                last = max(last, r2)
    return texts, last


def find_header(
    table: Table, aliases: Mapping[str, tuple[str, ...]], mapping: Mapping_
) -> Header | None:
    """The header row of ``table``: the one among its first rows matching the most aliases."""
    index = _alias_index(aliases, mapping)
    rows = table.rows
    best: tuple[int, int] | None = None  # (matches, i)
    for i in range(min(len(rows), HEADER_SCAN_ROWS)):
        texts, _ = _effective(table, rows, i)
        fields = {name for x in texts if x and (name := _field_of(index, x)) is not None}
        if len(fields) >= 2 and (best is None or len(fields) > best[0]):
            best = (len(fields), i)
    if best is None:
        return None
    texts, last = _effective(table, rows, best[1])
    found: dict[str, list[int]] = {}  # field → its columns, left to right
    ignored: list[str] = []
    for col, text in enumerate(texts):
        name = _field_of(index, text) if text else None
        if name is not None:
            found.setdefault(name, []).append(col)
        elif text and _clean_header(text) not in SERIAL_HEADERS:
            ignored.append(one_line(text))
    columns: dict[str, int] = {}
    labels: dict[str, str] = {}
    twice: list[tuple[str, str, str]] = []
    for name, cols in found.items():
        read = min(cols, key=lambda c: (_standing(aliases, mapping, name, texts[c]), c))
        columns[name], labels[name] = read, one_line(texts[read])
        twice += [(name, labels[name], one_line(texts[c])) for c in cols if c != read]
    columns = dict(sorted(columns.items(), key=lambda item: item[1]))
    return Header(rows[best[1]][0], last + 1, columns, labels, ignored, twice)


def _standing(
    aliases: Mapping[str, tuple[str, ...]], mapping: Mapping_, name: str, text: str
) -> int:
    """Which of two columns naming one field is read (the lowest; the leftmost among equals):
    the header the --mapping names (0), the field's usual header or its own name (报送日期,
    ``date``: 1), another alias (日期: 2); a hint in brackets after it makes no difference."""
    clean = _clean_header(text)
    if clean not in mapping.columns and (m := _HINT.fullmatch(fold_word(text).strip("*＊:："))):
        clean = _clean_header(m["base"])
    if clean in mapping.columns:
        return 0
    return 1 if clean in (fold_word(aliases[name][0]), fold_word(name)) else 2


def _field_words(aliases: Mapping[str, tuple[str, ...]], name: str) -> dict[str, str]:
    """A field as messages name it: ``field``, its Chinese header (报送日期); ``named``, that
    with the field's own name in English (``date (报送日期)``)."""
    label = aliases[name][0]
    return {"field": label, "named": t("import_field_named", field=name, name=label)}


def header_or_problem(
    table: Table,
    aliases: dict[str, tuple[str, ...]],
    required: tuple[str, ...],
    mapping: Mapping_,
) -> tuple[Header | None, list[ImportProblem]]:
    """The header of ``table`` (:func:`find_header`), or None, and what to say of it: a
    required field without its column or no header at all (errors), a hidden sheet, two
    columns of one field, columns that name no field (warnings)."""
    header = find_header(table, aliases, mapping)
    if header is None:
        if not table.rows:
            return None, []
        return None, [error(table.ref(table.rows[0][0]), t("import_no_header"), "no-header")]
    problems: list[ImportProblem] = []
    for name in required:
        if name not in header.columns:
            problems.append(
                error(
                    table.ref(header.row),
                    t(
                        "import_missing_column",
                        **_field_words(aliases, name),
                        aliases=t("list_sep").join(aliases[name][:4]),
                    ),
                )
            )
    if table.hidden:
        problems.append(warning(table.ref(header.row), t("import_hidden_sheet", sheet=table.sheet)))
    for name, read, other in header.twice:
        problems.append(
            warning(
                table.ref(header.row),
                t("import_column_twice", **_field_words(aliases, name), read=read, other=other),
            )
        )
    if header.ignored:
        problems.append(
            warning(
                table.ref(header.row),
                t("import_ignored_columns", columns=t("list_sep").join(header.ignored)),
            )
        )
    return (None if any(p.is_error for p in problems) else header), problems
