"""Bidirectional text: isolate runs that go against the paragraph's direction.

WeasyPrint's bidi support is partial (Kozea/WeasyPrint#106, #1724, #2298) and it ignores
<bdi>; `<span dir>` and Unicode isolates (FSI/LRI/RLI ... PDI) work, so left-to-right runs in
Arabic (symbols, numbers with slashes, Latin names, URLs) are wrapped in them.
"""

from __future__ import annotations

import re
import unicodedata

from markupsafe import Markup, escape


_LTR_ISOLATE, _RTL_ISOLATE, _POP_ISOLATE = "\u2066", "\u2067", "\u2069"


# Every right-to-left strong character (bidi class R or AL) lies in these blocks (a test checks all
# of Unicode): left-to-right text with none of them has nothing to isolate.
_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\u200f\ufb1d-\ufdff\ufe70-\ufefc"
                            "\U00010800-\U00010fff\U0001e800-\U0001efff]")


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
    if direction == "ltr" and not _RIGHT_TO_LEFT.search(text):
        return [(text, False)] if text else []
    pieces: list[tuple[str, bool]] = []
    start = 0
    for index in range(len(text) + 1):
        if index < len(text) and _strong(text[index]) != direction:
            continue
        stretch = text[start:index]
        head = len(stretch) - len(stretch.lstrip(_LEADING_NEUTRAL))
        tail = max(head, len(stretch.rstrip(_TRAILING_NEUTRAL)))
        # Keep a closing bracket whose opening one is inside: "Lajčák (GA/SM/1234)".
        waiting = _unclosed(stretch[head:tail])
        while tail < len(stretch) and waiting and waiting[-1] == stretch[tail]:
            waiting.pop()
            tail += 1
        core = stretch[head:tail]
        if core and any(_strong(c) not in ("", direction) for c in core):
            pieces += [(stretch[:head], False), (core, True), (stretch[tail:], False)]
        else:
            pieces.append((stretch, False))
        if index < len(text):
            pieces.append((text[index], False))
        start = index + 1
    # Join neighbouring pieces of the paragraph's direction (collected, then joined once: linear).
    runs: list[tuple[list[str], bool]] = []
    for piece, opposite in pieces:
        if runs and not opposite and not runs[-1][1]:
            runs[-1][0].append(piece)
        elif piece:
            runs.append(([piece], opposite))
    return [("".join(parts), opposite) for parts, opposite in runs]


_BRACKETS = {"(": ")", "[": "]", "{": "}"}


def _unclosed(text: str) -> list[str]:
    """Return the closing brackets text still waits for, the next one last."""
    waiting: list[str] = []
    for char in text:
        if char in _BRACKETS:
            waiting.append(_BRACKETS[char])
        elif waiting and char == waiting[-1]:
            waiting.pop()
    return waiting


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
