"""Publish stage, page fit: a last page holding a short tail is pulled back onto the page before.

WeasyPrint lays a page out once; a statement a few lines longer than two pages prints a third
page with four or five lines on it. When the last page holds fewer than SHORT_TAIL lines, the
page is laid out again with a slightly tighter setting, one step at a time (press.css,
`html[data-fit]`: leading first, then the space between paragraphs, then half a point of type),
and a setting is kept only when it saves that page. Otherwise the first layout stands, so a
release that fits never changes; each step costs one more layout (`make bench`, render).
"""

from __future__ import annotations

SHORT_TAIL = 10  # body lines on the last page below which the tighter settings are tried
FIT_STEPS = ("1", "2", "3")  # the values of html[data-fit] in press.css, least change first


def body_lines(page) -> int:
    """Return the lines of text a laid-out page holds, page furniture (margin boxes) left out."""
    from weasyprint.formatting_structure import boxes

    count, pending = 0, [page._page_box]
    while pending:
        box = pending.pop()
        if isinstance(box, boxes.MarginBox):
            continue
        if isinstance(box, boxes.LineBox):
            count += 1
        elif isinstance(box, boxes.ParentBox):
            pending.extend(box.children)
    return count


def render_fitted(page, **options):
    """Lay out a weasyprint.HTML page; return (document, the data-fit step used or None)."""
    document = page.render(**options)
    if len(document.pages) < 2 or body_lines(document.pages[-1]) >= SHORT_TAIL:
        return document, None
    root = page.etree_element
    try:
        for step in FIT_STEPS:
            root.set("data-fit", step)
            fitted = page.render(**options)
            if len(fitted.pages) < len(document.pages):
                return fitted, step
    finally:
        root.attrib.pop("data-fit", None)
    return document, None
