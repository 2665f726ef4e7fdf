"""Publish stage, proof: every paragraph of a page reached its typeset PDF, on a page and visible.

WeasyPrint can lay out a line wider than the page and clip it: a 200,000-character paragraph
printed 1,464 of its characters on one page (its line breaker gives up on a long run with no
break opportunity after an inline element; Kozea/WeasyPrint #1614, #2258, #2900). The HTML
held all of it and the PDF looked finished. So after layout, each paragraph's characters are
counted in the text boxes drawn inside the pages, and a paragraph short of its own text stops
the publish (ProofError names it) instead of shipping a PDF that silently lacks it.
"""

from __future__ import annotations

from dataclasses import dataclass

# The blocks whose text is checked: what a reader reads. Page furniture (margin boxes, the
# running header) comes from CSS, not from these.
CHECKED = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "figcaption", "td", "th"})
# Characters that layout adds or drops on its own: spaces, hyphens at a break, invisible breaks.
_IGNORED = frozenset(" \t\n\r\u00a0\u202f\u2009\u200b\u200c\u200d\u00ad\u2010\u2011-\u2066\u2067\u2068\u2069"
                     "\u200e\u200f\u061c")


@dataclass(frozen=True)
class Shortfall:
    """A paragraph the PDF lacks part of: how it begins, its characters, and those drawn."""

    begins: str
    expected: int
    drawn: int


def _count(text: str) -> int:
    return sum(1 for char in text if char not in _IGNORED)


def shortfalls(document, root) -> list[Shortfall]:
    """Return the checked blocks of `root` (the page's tree) whose text is not all drawn in `document`.

    A text box counts where it lies inside its page; one running past the page's edge counts
    for the share of its width that is on the page. Blocks that make no box (display: none in
    print) are not checked.
    """
    from weasyprint.formatting_structure import boxes

    drawn: dict[int, float] = {}
    for page in document.pages:
        page_box = page._page_box
        width, height = page_box.margin_width(), page_box.margin_height()
        pending = [(page_box, None)]
        while pending:
            box, block = pending.pop()
            if isinstance(box, boxes.MarginBox):
                continue
            element = getattr(box, "element", None)
            if isinstance(box, boxes.BlockBox) and element is not None and _tag(element) in CHECKED:
                block = id(element)
            if isinstance(box, boxes.TextBox):
                if block is not None:
                    drawn[block] = drawn.get(block, 0.0) + _count(box.text) * _visible(box, width, height)
            elif isinstance(box, boxes.ParentBox):
                pending.extend((child, block) for child in box.children)
    missing = []
    for element in root.iter():
        if not isinstance(element.tag, str) or _tag(element) not in CHECKED or id(element) not in drawn:
            continue
        text = "".join(element.itertext())
        expected = _count(text) - sum(_count("".join(inner.itertext())) for inner in element.iter()
                                      if inner is not element and isinstance(inner.tag, str)
                                      and _tag(inner) in CHECKED)
        if drawn[id(element)] + 0.5 < expected:
            missing.append(Shortfall(" ".join(text.split())[:60], expected, int(drawn[id(element)])))
    return missing


def _tag(element) -> str:
    return element.tag.rsplit("}", 1)[-1]


def _visible(box, width: float, height: float) -> float:
    """Return the share (0 to 1) of a text box's width that lies on its page."""
    if box.position_y >= height or box.position_y + box.height <= 0:
        return 0.0
    left, right = box.position_x, box.position_x + box.width
    if box.width <= 0:
        return 1.0 if 0 <= left <= width else 0.0
    return max(0.0, min(right, width) - max(left, 0.0)) / box.width
