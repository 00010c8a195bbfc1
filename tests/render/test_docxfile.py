"""govinfo's Word files start from python-docx's template trimmed (govinfo.render.docxfile):
no style a part names is missing, the styles Word offers stay offered, and the parts only
Word 2010 reads and the template's thumbnail are gone."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

from docx import Document

from govinfo.render.docx import new_document
from govinfo.render.docxfile import document_bytes, trim
from govinfo.render.docxtable import _table_grid


def _parts(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n).decode("utf-8", "replace") for n in z.namelist()}


def _style_ids(styles_xml: str) -> set[str]:
    return set(re.findall(r'<w:style [^>]*w:styleId="([^"]+)"', styles_xml))


def _named(xml: str) -> set[str]:
    """The styles a part names (paragraph, run, table and numbering references)."""
    return set(
        re.findall(
            r"<w:(?:pStyle|rStyle|tblStyle|numStyleLink|styleLink|basedOn|link"
            r'|next) w:val="([^"]+)"',
            xml,
        )
    )


def test_a_new_document_names_only_styles_it_defines() -> None:
    doc = new_document()
    doc.add_paragraph("正文")
    doc.add_table(rows=1, cols=2).style = _table_grid(doc)
    parts = _parts(document_bytes(doc, "表"))
    defined = _style_ids(parts["word/styles.xml"])
    for name, xml in parts.items():
        if name.endswith(".xml"):
            assert _named(xml) <= defined, name
    assert {"Normal", "TableGrid", "Footer"} <= defined
    assert len(defined) < 20  # of the template's 164


def test_the_trimmed_template_keeps_word_s_built_in_styles_on_offer() -> None:
    styles = _parts(document_bytes(new_document(), "表"))["word/styles.xml"]
    for built_in in ("heading 1", "Title", "List Paragraph", "Table Grid"):
        assert f'<w:lsdException w:name="{built_in}"' in styles


def test_no_styles_with_effects_part_nor_thumbnail() -> None:
    data = document_bytes(new_document(), "表")
    parts = _parts(data)
    assert "word/stylesWithEffects.xml" not in parts
    assert not any(name.startswith("docProps/thumbnail") for name in parts)
    assert "docProps/app.xml" not in parts  # the template's: "Microsoft Macintosh Word", 1 page
    assert "stylesWithEffects" not in parts["[Content_Types].xml"]
    assert "stylesWithEffects" not in parts["word/_rels/document.xml.rels"]
    assert "thumbnail" not in parts["_rels/.rels"]
    assert len(data) < 20_000  # was 38 KB
    Document(io.BytesIO(data))  # and python-docx reads it back


def test_a_style_named_by_the_caller_is_kept_with_those_it_is_based_on() -> None:
    doc = Document()
    trim(doc, named=("Normal", "Table Grid", "Heading 2"))
    ids = {s.style_id for s in doc.styles}
    assert {"Heading2", "Heading2Char", "Normal", "TableGrid"} <= ids
    assert "Heading1" not in ids
    assert "LightShading" not in ids


def test_a_file_s_properties_are_its_own_not_the_template_s() -> None:
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    doc = Document(
        io.BytesIO(
            document_bytes(
                new_document(), "关于2003年度\n全省政务信息工作情况的通报", "省政府办公厅"
            )
        )
    )
    props = doc.core_properties
    assert props.title == "关于2003年度全省政务信息工作情况的通报"
    assert props.author == props.last_modified_by == "省政府办公厅"
    assert props.comments == ""
    assert props.revision == 1
    assert before <= props.created == props.modified <= dt.datetime.now(dt.UTC)
