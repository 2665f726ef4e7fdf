"""Publish stage, PDF structure: what WeasyPrint's tag tree lacks, put right before the PDF is written.

WeasyPrint 70 tags every text box as a /Span with its own marked-content id, which leaves three
things for presskit to do (`finish_structure`, run as WeasyPrint's `finisher`):

- Page furniture. Margin-box text (running headers, footers, page numbers, the notice) is
  marked as content but kept out of the tree ("it could be included as Artifact, but that's
  only allowed in PDF 2.0", pdf/tags.py). A screen reader meets it as orphan content; PDF/UA
  wants it marked /Artifact, which PDF 1.7 allows. So it becomes a /Pagination artifact.
- Copies. An element with aria-hidden="true" (the pull quote, which repeats a body paragraph)
  is hidden from screen readers in HTML. In the PDF it stays tagged (an artifact, or an /Alt
  shorter than the text, would be prose no reader can reach, which outloud calls an error) as
  an aside: a structure element /Aside (role-mapped to /Div, as PDF 1.7 has no Aside) titled
  with the element's data-pdf-alt ("Pull quote, it repeats a paragraph"), which a reader
  announces and can skip.
- Right-to-left text. Glyphs are drawn in visual order, so the text a tag holds reads backwards
  for Arabic (WeasyPrint's issues on bidi, Kozea/WeasyPrint#106, #1724, #2298, say nothing of
  tags). Each right-to-left span gets /ActualText, its text in logical order (ISO 32000-1
  14.9.4: an exact replacement for the element's content).

The text boxes are matched with their marked-content ids by walking the boxes in the order
pdf/tags.py does; if the counts disagree (another WeasyPrint), nothing is changed and a warning
says so.
"""

from __future__ import annotations

import logging
import unicodedata

log = logging.getLogger("toolkit")


def _object(pdf, reference):
    return pdf.objects[int(reference.split()[0])]


def _has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(char) in ("R", "AL") for char in text)


def _walk(box, furniture: str | None = None, hidden=None):
    """Yield (box, furniture, hidden element) for each marked box, in pdf/tags.py's order."""
    from weasyprint.formatting_structure import boxes
    from weasyprint.layout.absolute import AbsolutePlaceholder

    if isinstance(box, AbsolutePlaceholder):
        box = box._box
    if isinstance(box, boxes.MarginBox):
        furniture = "Header" if box.at_keyword.startswith("@top") else "Footer"
    element = box.element
    if hidden is None and element is not None and element.get("aria-hidden") == "true":
        hidden = element
    children = list(box.children) if isinstance(box, boxes.ParentBox) else []
    if getattr(box, "is_table_wrapper", False) and box.element_tag == "table":
        table = box.get_wrapped_table()
        if table:
            children = [c for child in children for c in (child.children if child is table else [child])]
    for child in children:
        for kid in (child.children if isinstance(child, boxes.LineBox) else [child]):
            if isinstance(kid, boxes.TextBox):
                yield kid, furniture, hidden
            else:
                yield from _walk(kid, furniture, hidden)
    if isinstance(box, boxes.ReplacedBox):
        yield box, furniture, hidden


def _content_markers(pdf, page) -> dict[int, tuple[list, int]]:
    """Return {mcid: (operations, index of its property list)} for a page's content stream."""
    markers = {}
    stream = _object(pdf, page["Contents"])
    operations = stream.stream
    for index, item in enumerate(operations):
        if isinstance(item, dict) and "MCID" in item and index > 0:
            markers[item["MCID"]] = (operations, index)
    return markers


def finish_structure(document, pdf) -> None:
    """Mark page furniture and copies as artifacts; give right-to-left spans their logical text."""
    import pydyf

    if "StructTreeRoot" not in pdf.catalog:
        return  # an untagged variant
    root = _object(pdf, pdf.catalog["StructTreeRoot"])
    nums = _object(pdf, root["ParentTree"])["Nums"]
    plans = []
    for number, page in enumerate(document.pages):
        mcids = nums[2 * number + 1] if 2 * number + 1 < len(nums) and nums[2 * number] == number else None
        boxes = list(_walk(page._page_box))
        if mcids is None or len(mcids) != len(boxes):
            log.warning("PDF tags: page %d has %s marked boxes for %d text boxes; tag tree left as "
                        "WeasyPrint made it", number + 1, len(mcids) if mcids is not None else "no", len(boxes))
            return
        elements = [_object(pdf, reference) for reference in mcids]
        # Struct elements were created in the walk's order; a link holds its ids itself.
        order = sorted(range(len(mcids)), key=lambda m: (elements[m].number, _position(elements[m], m)))
        plans.append((number, mcids, elements, [(m, *boxes[i]) for i, m in enumerate(order)]))

    copies: dict[object, list] = {}
    for number, mcids, elements, matched in plans:
        page = _object(pdf, pdf.page_references[number])
        markers = _content_markers(pdf, page)
        for mcid, box, furniture, hidden in matched:
            element = elements[mcid]
            if furniture:
                if mcid not in markers:
                    continue
                operations, index = markers[mcid]
                operations[index - 1] = "/Artifact"
                operations[index] = pydyf.Dictionary({"Type": "/Pagination", "Subtype": f"/{furniture}"})
                mcids[mcid] = b"null"
                if element.get("S") == "/Link":
                    element["K"][:] = [k for k in element["K"] if k != mcid]
                else:
                    element["K"][:] = []
                continue
            if hidden is not None:
                copies.setdefault(hidden, []).append(element)
            if element.get("S") != "/Link" and getattr(box, "text", "") and _has_rtl(box.text):
                element["ActualText"] = pydyf.String(box.text)
    for hidden, kids in copies.items():
        aside = _common_ancestor(pdf, kids)
        aside["S"] = "/Aside"
        if hidden.get("data-pdf-alt"):
            aside["T"] = pydyf.String(hidden.get("data-pdf-alt"))
        role_map = root.setdefault("RoleMap", pydyf.Dictionary())
        role_map["Aside"] = "/Div"
    _prune(pdf, _object(pdf, root["K"][0]))


def _common_ancestor(pdf, elements):
    """Return the innermost struct element holding all of `elements`."""
    def chain(element):
        found = [element]
        while "P" in found[-1] and _object(pdf, found[-1]["P"]).get("Type") == "/StructElem":
            found.append(_object(pdf, found[-1]["P"]))
        return found[::-1]
    chains = [chain(element) for element in elements]
    common = chains[0][0]
    for level in zip(*chains):
        if any(e is not level[0] for e in level):
            break
        common = level[0]
    return common


def _position(element, mcid) -> int:
    kids = element.get("K") or []
    return kids.index(mcid) if mcid in kids else 0


def _prune(pdf, element) -> bool:
    """Drop struct elements left without content below `element`; return True if it is empty."""
    kids = element.get("K")
    if kids is None:
        return False
    kept = []
    for kid in kids:
        if isinstance(kid, bytes) and kid.endswith(b" R"):
            child = _object(pdf, kid)
            if child.get("Type") == "/StructElem" and _prune(pdf, child):
                continue
        kept.append(kid)
    kids[:] = kept
    return not kept


# PDF/A allows only the XMP schemas it lists, and others with their description: the PDF/UA
# identification schema is described here (ISO 14289-1, 5), as Acrobat and LibreOffice write it.
_PDFUA_SCHEMA = b"""<rdf:li rdf:parseType="Resource" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" \
xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">\
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">\
<pdfaProperty:name>part</pdfaProperty:name><pdfaProperty:valueType>Integer</pdfaProperty:valueType>\
<pdfaProperty:category>internal</pdfaProperty:category>\
<pdfaProperty:description>Part of ISO 14289 the document follows</pdfaProperty:description>\
</rdf:li></rdf:Seq></pdfaSchema:property></rdf:li>"""
_PDFUA_ID = b"""<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">\
<pdfuaid:part>1</pdfuaid:part></rdf:Description>"""
_PDFUA_XMP = (b"""<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/">\
<pdfaExtension:schemas><rdf:Bag>""" + _PDFUA_SCHEMA + b"""</rdf:Bag></pdfaExtension:schemas></rdf:Description>"""
              + _PDFUA_ID)
# Where publishing put the description of presskit's own properties: the file has one Bag of
# extension schemas, so the PDF/UA one joins it rather than making a second.
_SCHEMAS_BAG = b"<pdfaExtension:schemas><rdf:Bag>"


def declare_pdf_ua(pdf) -> None:
    """Say in a tagged PDF/A file's XMP that it follows PDF/UA-1 too (WeasyPrint writes one claim)."""
    if "Metadata" not in pdf.catalog or "StructTreeRoot" not in pdf.catalog:
        return
    stream = _object(pdf, pdf.catalog["Metadata"])
    content = b"".join(stream.stream)
    if b"pdfuaid" in content or b"</rdf:RDF>" not in content:
        return
    if content.count(_SCHEMAS_BAG) == 1:
        content = content.replace(_SCHEMAS_BAG, _SCHEMAS_BAG + _PDFUA_SCHEMA, 1)
        stream.stream[:] = [content.replace(b"</rdf:RDF>", _PDFUA_ID + b"</rdf:RDF>", 1)]
        return
    stream.stream[:] = [content.replace(b"</rdf:RDF>", _PDFUA_XMP + b"</rdf:RDF>", 1)]
