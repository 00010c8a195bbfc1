"""What a batch file may be before it is read, and whether its text is plausible after.

Every check here runs before the bytes it guards are held in memory: the batch's size on disk
(``GOVINFO_MAX_IMPORT_MB``), a workbook's unpacked size (from the zip's own directory, which
also bounds what the zip reader will inflate), and each sheet's cells — how many, how far right,
how far down — by a streaming scan of the sheet's XML, before openpyxl builds a row. The same
scan finds formula cells that carry no cached value (a workbook written by a program, never
opened in Excel or WPS), which would otherwise read as empty cells, and the rows the sheet
hides (by hand, or filtered out: Excel marks both ``hidden``).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from govinfo.errors import UsageError
from govinfo.i18n import t
from govinfo.settings import max_import_mb

# A workbook's XML may unpack to this many times the batch limit (real sheets: about 10×).
UNPACKED_FACTOR = 20
MAX_COLUMNS = 1000  # ALL: an office sheet has a dozen columns; a stray note may sit further
MAX_ROWS = 200_000
MAX_CELLS = 2_000_000


MB = 1024 * 1024


def batch_too_large(path: Path) -> str | None:
    """The message for a batch file over the limit, or None. Judged by its size alone."""
    size, limit = path.stat().st_size, max_import_mb()
    if size <= limit * MB:
        return None
    return t("import_too_large", size=f"{size / MB:.1f}", limit=f"{limit:g}")


# What Python's zip reader raises on a damaged or unusual archive, besides BadZipFile: a
# directory past the file's end (OSError, EOFError), nonsense sizes (ValueError), a version or
# compression it does not know (NotImplementedError), an encrypted member (RuntimeError).
ZIP_ERRORS = (
    zipfile.BadZipFile,
    OSError,
    ValueError,
    EOFError,
    NotImplementedError,
    RuntimeError,
    KeyError,
)


def unpacked_too_large(path: Path) -> str | None:
    """The message for a workbook whose members unpack to more than the limit, or None (also
    None for a file that is not a zip: the workbook reader names that). The zip reader never
    inflates a member past the size its directory states, so the directory is a true bound."""
    try:
        with zipfile.ZipFile(path) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except ZIP_ERRORS:
        return None
    limit = max_import_mb() * UNPACKED_FACTOR
    if total <= limit * MB:
        return None
    return t("import_unpacked_too_large", size=f"{total / MB:.0f}", limit=f"{limit:g}")


def text_codec(name: str) -> str:
    """The codec ``--encoding NAME`` names, or a usage error: an unknown name, or a codec that
    does not turn bytes into text (``base64``, ``rot13``, ``zlib``, ``undefined``)."""
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise UsageError(t("import_unknown_encoding", encoding=name)) from None
    if not getattr(info, "_is_text_encoding", True) or info.name == "undefined":
        raise UsageError(t("import_not_text_encoding", encoding=name))
    return info.name


# --- plausibility of a guessed decoding --------------------------------------------------------

# Share of the non-ASCII characters that may be rare before a guessed decoding is doubted.
IMPLAUSIBLE_SHARE = 0.2
IMPLAUSIBLE_MIN = 4


def _common(ch: str) -> bool:
    """A character ordinary Chinese office text is made of: the 6,763 hanzi of GB 2312 and the
    punctuation, full-width forms and symbols around them."""
    code = ord(ch)
    if 0x4E00 <= code <= 0x9FFF:
        try:
            ch.encode("gb2312")
        except UnicodeEncodeError:
            return False
        return True
    if 0x3000 <= code <= 0x303F or 0xFF01 <= code <= 0xFF5E:
        return True
    return unicodedata.category(ch)[0] in "PSZN" and code < 0x3000


def implausible(text: str) -> tuple[int, int] | None:
    """(rare, total) when too many of ``text``'s non-ASCII characters are rare hanzi, kana,
    Greek, Cyrillic, box drawing or private-use — what Big5 or Shift-JIS bytes read as GB18030
    look like — else None."""
    total = rare = 0
    for ch in text:
        if ch.isascii():
            continue
        total += 1
        if not _common(ch):
            rare += 1
    if rare >= IMPLAUSIBLE_MIN and rare > total * IMPLAUSIBLE_SHARE:
        return rare, total
    return None


# --- the cells of a sheet, counted before they are read ----------------------------------------

_TOKEN = re.compile(rb"<(?:\w+:)?(c|f|v)(?=[\s/>])([^>]*)>")
_ROW_TAG = re.compile(rb"<(?:\w+:)?row(?=[\s/>])([^>]*)>")
_REF = re.compile(rb'\br="([A-Z]{1,3})([0-9]{1,7})"')
_ROW_REF = re.compile(rb'\br="([0-9]{1,7})"')
_HIDDEN = re.compile(rb'\bhidden="(?:1|true)"')


@dataclass
class SheetScan:
    """What the streaming scan of one sheet's XML found."""

    cells: int = 0
    far: tuple[int, int, str] | None = None  # (row, column, ref) of a cell out of bounds
    uncached: set[tuple[int, int]] = field(default_factory=set)  # formula cells without a value
    hidden: set[int] = field(default_factory=set)  # rows hidden by hand or by a filter


def _column(letters: bytes) -> int:
    n = 0
    for b in letters:
        n = n * 26 + (b - 64)
    return n


def scan_sheet(path: Path, member: str) -> SheetScan:
    """Count the cells of ``member`` in the workbook at ``path`` chunk by chunk, note the first
    one beyond ``MAX_ROWS``/``MAX_COLUMNS``, the formula cells with no cached value and the
    hidden rows."""
    scan = SheetScan()
    current: tuple[int, int] | None = None
    row = 0  # the <row> being read (its r, or one past the last when it has none)
    has_f = has_v = False

    def close() -> None:
        if current is not None and has_f and not has_v:
            scan.uncached.add(current)

    with zipfile.ZipFile(path) as archive, archive.open(member) as src:
        tail = b""
        while chunk := src.read(1 << 20):
            buf = tail + chunk
            cut = buf.rfind(b"<")
            buf, tail = (buf[:cut], buf[cut:]) if cut > 0 else (buf, b"")
            row = _hidden_rows(buf, row, scan.hidden)
            for m in _TOKEN.finditer(buf):
                name, attrs = m[1], m[2]
                if name == b"c":
                    close()
                    scan.cells += 1
                    has_f = has_v = False
                    ref = _REF.search(attrs)
                    current = None
                    if ref:
                        current = (int(ref[2]), _column(ref[1]))
                        if scan.far is None and (current[0] > MAX_ROWS or current[1] > MAX_COLUMNS):
                            scan.far = (*current, (ref[1] + ref[2]).decode("ascii"))
                    if attrs.endswith(b"/"):
                        current = None
                elif name == b"f":
                    has_f = True
                elif not attrs.endswith(b"/") and not buf.startswith(b"</", m.end()):
                    has_v = True  # a value, not an empty <v></v>
            if scan.cells > MAX_CELLS or scan.far is not None:
                return scan
            if len(tail) > 1 << 16:  # one tag this long is not a sheet's
                tail = b""
    close()
    return scan


def _hidden_rows(buf: bytes, row: int, hidden: set[int]) -> int:
    """Add the numbers of the hidden rows in ``buf`` (whole tags of a sheet's XML) to ``hidden``;
    return the number of its last row (``row``: the one before it). Rows are numbered by their
    ``r``, or one past the row before when they have none. A chunk that hides nothing (the
    text ``hidden=`` nowhere in it) is not walked row by row: its last row tells its number."""
    if b'hidden="' not in buf:
        last = max(buf.rfind(b"<row "), buf.rfind(b":row "), buf.rfind(b"<row>"))
        if last < 0:
            return row
        number = _ROW_REF.search(buf, last, buf.find(b">", last) + 1)
        if number:
            return int(number[1])
        return row + len(_ROW_TAG.findall(buf))
    for m in _ROW_TAG.finditer(buf):
        number = _ROW_REF.search(m[1])
        row = int(number[1]) if number else row + 1
        if _HIDDEN.search(m[1]):
            hidden.add(row)
    return row


def sheet_out_of_bounds(scan: SheetScan) -> str | None:
    """The message for a sheet too large to read, naming the limit it passes, or None."""
    if scan.far is not None:
        return t(
            "import_sheet_too_wide",
            cell=scan.far[2],
            rows=f"{MAX_ROWS:,}",
            columns=f"{MAX_COLUMNS:,}",
        )
    if scan.cells > MAX_CELLS:
        return t("import_sheet_too_many_cells", limit=f"{MAX_CELLS:,}")
    return None
