"""Batch files for import tests: a header, four rows, a CSV writer, a workbook writer."""

from __future__ import annotations

from pathlib import Path

HEADER = ["序号", "报送单位", "报送日期", "标题", "类别", "审核人"]
ROWS = [
    ["1", "长春", "2003-8-14", "长春市䶮字街道再就业调研", "调研", "王明"],
    ["2", "长春市", "2003/8/20", "长春市老工业基地改造情况", "综合", "王明"],
    ["3", "四平", "2003年9月2日", "四平市秋粮生产形势", "调研", "李四"],
    ["4", "省发展改革委", "２００３．９．３", "全省固定资产投资分析", "问题", "赵六"],
]


def write_csv(path: Path, rows: list[list[str]], *, encoding: str, delim: str = ",") -> Path:
    text = "\r\n".join(delim.join(r) for r in rows) + "\r\n"
    path.write_bytes(text.encode(encoding))
    return path


def write_workbook(path: Path, rows: list[list[object]], *, sheet: str = "汇总") -> Path:
    """A real .xlsx (openpyxl) of ``rows`` on one sheet named ``sheet``."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = sheet
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path
