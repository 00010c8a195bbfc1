"""python-docx's default template trimmed to what govinfo's documents use.

That template carries 164 style definitions (most of them Word 2010's table looks), the same
again as ``stylesWithEffects.xml`` (a part only Word 2010 reads, which later Words rebuild), and
a thumbnail of a page that is not the document's. Together they made a statement a 38 KB file
and took most of its writing time: copying, serialising and deflating 790 KB of XML for every
one of a year's fifty statements. :func:`trim` keeps the styles that are defaults of their type
or are named by a part (``Normal``, ``Table Grid``, the footers' ``Footer``, the numbering's
lists) with those they are based on or linked to; Word still offers every built-in style, from
the latent styles the file keeps, and defines one when it is first used.
"""

from __future__ import annotations

from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

_VAL = qn("w:val")
_STYLE_ID = qn("w:styleId")
# Where a part names a style, and where a style names another.
_NAMING = tuple(
    qn(f"w:{tag}") for tag in ("pStyle", "rStyle", "tblStyle", "numStyleLink", "styleLink")
)
_RELATED = tuple(qn(f"w:{tag}") for tag in ("basedOn", "link", "next"))
_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def trim(doc: Any, named: tuple[str, ...] = ("Normal", "Table Grid")) -> None:
    """Take out of ``doc`` (made from python-docx's template) the styles that no part of it
    and none of ``named`` (style names) needs, the ``stylesWithEffects`` part and the
    thumbnail. A style a part added later names must be in ``named``."""
    part = doc.part
    for rid, rel in list(part.rels.items()):
        if rel.reltype == _STYLES_WITH_EFFECTS:
            part.drop_rel(rid)
    package_rels = part.package.rels
    for rid, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package_rels.pop(rid)
    styles = doc.styles.element
    by_id = {style.get(_STYLE_ID): style for style in styles.iterchildren(qn("w:style"))}
    keep = {doc.styles[name].style_id for name in named}
    keep |= {sid for sid, style in by_id.items() if style.get(qn("w:default")) == "1"}
    for each in part.package.iter_parts():
        element = getattr(each, "_element", None)  # an XML part (not the thumbnail's bytes)
        if element is not None and element is not styles:
            keep |= {el.get(_VAL) for el in element.iter(*_NAMING)}
    todo = list(keep)
    while todo:
        style = by_id.get(todo.pop())
        for el in () if style is None else style.iterchildren(*_RELATED):
            sid = el.get(_VAL)
            if sid not in keep:
                keep.add(sid)
                todo.append(sid)
    for sid, style in by_id.items():
        if sid not in keep:
            styles.remove(style)
