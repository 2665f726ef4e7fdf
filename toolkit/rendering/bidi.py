"""Bidirectional text: isolate runs that go against the paragraph's direction.

WeasyPrint's bidi support is partial (Kozea/WeasyPrint#106, #1724, #2298) and it ignores
<bdi>; `<span dir>` and Unicode isolates (FSI/LRI/RLI ... PDI) work, so left-to-right runs in
Arabic (symbols, numbers with slashes, Latin names, URLs) are wrapped in them.
"""

from __future__ import annotations

import unicodedata

from markupsafe import Markup, escape


_LTR_ISOLATE, _RTL_ISOLATE, _POP_ISOLATE = "\u2066", "\u2067", "\u2069"


def _strong(char: str) -> str:
    kind = unicodedata.bidirectional(char)
    return "rtl" if kind in ("R", "AL") else "ltr" if kind == "L" else ""


# Neutral characters left outside an isolated run: they belong to the surrounding sentence.
_LEADING_NEUTRAL = " \t([{\"'“”‘’«»–—-"


_TRAILING_NEUTRAL = " \t.,;:!?)]}\"'“”‘’«»…–—-\u060c\u061b\u061f"


def opposite_runs(text: str, direction: str) -> list[tuple[str, bool]]:
    """Split text into (piece, is_opposite) where opposite pieces run against `direction`.

    An opposite run is a stretch without any strong character of the paragraph's direction
    that holds at least one strong character of the other: "GA/SM/1234", "Miroslav Lajčák",
    "https://www.un.org/pga/72/" in Arabic text.
    """
    pieces: list[tuple[str, bool]] = []
    start = 0
    for index in range(len(text) + 1):
        if index < len(text) and _strong(text[index]) != direction:
            continue
        stretch = text[start:index]
        head = len(stretch) - len(stretch.lstrip(_LEADING_NEUTRAL))
        tail = max(head, len(stretch.rstrip(_TRAILING_NEUTRAL)))
        # Keep a closing bracket whose opening one is inside: "Lajčák (GA/SM/1234)".
        while tail < len(stretch) and _unclosed(stretch[head:tail]) == stretch[tail]:
            tail += 1
        core = stretch[head:tail]
        if core and any(_strong(c) not in ("", direction) for c in core):
            pieces += [(stretch[:head], False), (core, True), (stretch[tail:], False)]
        else:
            pieces.append((stretch, False))
        if index < len(text):
            pieces.append((text[index], False))
        start = index + 1
    merged: list[tuple[str, bool]] = []
    for piece, opposite in pieces:
        if merged and not opposite and not merged[-1][1]:
            merged[-1] = (merged[-1][0] + piece, False)
        elif piece:
            merged.append((piece, opposite))
    return merged


_BRACKETS = {"(": ")", "[": "]", "{": "}"}


def _unclosed(text: str) -> str | None:
    """Return the closing bracket text still waits for, if any."""
    waiting: list[str] = []
    for char in text:
        if char in _BRACKETS:
            waiting.append(_BRACKETS[char])
        elif waiting and char == waiting[-1]:
            waiting.pop()
    return waiting[-1] if waiting else None


def isolate_html(text: str, direction: str) -> Markup:
    """Escape text, wrapping runs against the paragraph direction in <span dir>.

    WeasyPrint 70 ignores <bdi> (Kozea/WeasyPrint#106, #1724) but honours dir on a span, as
    browsers do; without it "https://un.org/pga/72/" loses its final slash to the Arabic
    side and "1234/GA" turns into "GA/1234".
    """
    other = "ltr" if direction == "rtl" else "rtl"
    return Markup("").join(
        Markup('<span dir="{}">{}</span>').format(other, piece) if opposite else escape(piece)
        for piece, opposite in opposite_runs(text, direction)
    )


def isolate_plain(text: str, direction: str) -> str:
    """Return text with opposite runs between Unicode isolates (for CSS strings, attributes)."""
    mark = _LTR_ISOLATE if direction == "rtl" else _RTL_ISOLATE
    return "".join(f"{mark}{piece}{_POP_ISOLATE}" if opposite else piece
                   for piece, opposite in opposite_runs(text, direction))
