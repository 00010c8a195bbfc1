"""Opening an office's template (``report --out 通报.docx --template 红头.docx``): the file as a
python-docx document, or why it is none in the clerk's words — the system's reason, not a
Word file at all, another Office file (.xlsx, .pptx, .dotx, or an Office 97-2003 .doc, .xls,
.ppt), or a damaged one. :mod:`govinfo.render.letter` fills it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from govinfo.i18n import os_error_text, t


class TemplateError(Exception):
    """The template is not a Word document python-docx can open."""


# What an Office Open XML file other than a Word document is, by its main part's content type.
_OTHER_OFFICE = {
    "spreadsheetml": "nt_template_is_xlsx",
    "presentationml": "nt_template_is_pptx",
    "wordprocessingml.template": "nt_template_is_dotx",
}


# An Office 97-2003 file is an OLE compound file; which program's, by its main stream's name
# in the directory: entries of 128 bytes (at 128-byte steps after the 512-byte header), each
# its name in UTF-16LE, the name's size in bytes with its terminator at 0x40, its type at 0x42
# (2: a stream).
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OLE_STREAMS = {
    "WordDocument": "nt_template_is_doc",
    "Workbook": "nt_template_is_xls",
    "Book": "nt_template_is_xls",  # Excel 5/95
    "PowerPoint Document": "nt_template_is_ppt",
}


def _old_office(data: bytes) -> str:
    """Why an OLE file is no template, as a message key: an old Word document (.doc) only when
    its directory has a ``WordDocument`` stream (the signature alone is shared by .doc, .xls
    and .ppt); else an old Excel or PowerPoint file, or another old Office file."""
    for at in range(512, len(data) - 127, 128):
        size = int.from_bytes(data[at + 0x40 : at + 0x42], "little")
        if data[at + 0x42] != 2 or not 2 <= size <= 64 or size % 2:
            continue
        key = _OLE_STREAMS.get(data[at : at + size - 2].decode("utf-16-le", "replace"))
        if key is not None:
            return key
    return "nt_template_is_ole"


def open_template(template: Path) -> Any:
    """The template as a python-docx document; why not in the clerk's words (:class:`TemplateError`,
    named with its path by nt_template_bad): the system's reason, not a .docx at all, another
    Office file, or a damaged one. python-docx's own messages are English and name no reason."""
    import io
    import zipfile

    from docx import Document

    try:
        data = template.read_bytes()
    except OSError as exc:
        raise TemplateError(os_error_text(exc)) from None
    if not zipfile.is_zipfile(io.BytesIO(data)):
        if data.startswith(_OLE_MAGIC):  # an Office 97-2003 file: .doc, .xls, .ppt, …
            raise TemplateError(t(_old_office(data)))
        damaged = data.startswith(b"PK\x03\x04")  # a zip cut short
        raise TemplateError(t("nt_template_damaged" if damaged else "nt_template_not_word"))
    try:
        return Document(io.BytesIO(data))
    except ValueError as exc:  # "… is not a Word file, content type is '…'"
        kind = next((k for part, k in _OTHER_OFFICE.items() if part in str(exc)), None)
        raise TemplateError(t(kind or "nt_template_not_word")) from None
    except Exception:  # a zip without the parts of a .docx, or with broken ones
        raise TemplateError(t("nt_template_damaged")) from None
