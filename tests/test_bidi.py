"""Bidi isolation on long and unusual text: linear in the text (speed in benchmarks/limits.py)."""

import sys
import unicodedata

from toolkit.rendering import bidi


def test_every_right_to_left_character_is_in_the_quick_check():
    # Left-to-right text with none of these characters is returned whole without a scan, so
    # the ranges must hold every character of bidi class R or AL in Unicode.
    missing = [hex(code) for code in range(sys.maxunicode + 1)
               if unicodedata.bidirectional(chr(code)) in ("R", "AL") and not bidi._RIGHT_TO_LEFT.match(chr(code))]
    assert missing == []


def test_left_to_right_text_without_arabic_is_one_piece():
    assert bidi.opposite_runs("Excellencies, ladies and gentlemen (GA/SM/1234).", "ltr") == [
        ("Excellencies, ladies and gentlemen (GA/SM/1234).", False)]
    assert bidi.opposite_runs("", "ltr") == [] == bidi.opposite_runs("", "rtl")
    # A right-to-left mark alone is strong: the quick check must not skip it.
    assert bidi.opposite_runs("a \u200f b", "ltr") == [("a ", False), ("\u200f", True), (" b", False)]


def test_an_800k_character_paragraph_is_isolated_whole():
    unit = "الأمم المتحدة GA/SM/1234 (Miroslav Lajčák) "
    text = unit * (800_000 // len(unit))
    pieces = bidi.opposite_runs(text, "rtl")
    assert "".join(piece for piece, _ in pieces) == text
    opposite = [piece for piece, is_opposite in pieces if is_opposite]
    assert len(opposite) == text.count("Lajčák") and set(opposite) == {"GA/SM/1234 (Miroslav Lajčák)"}


def test_brackets_closed_after_the_run_stay_with_it():
    # Both brackets opened inside the run close it; the one opened before it stays outside.
    assert [p for p, o in bidi.opposite_runs("قال Lajčák (GA (SM/1234)) ثم", "rtl") if o] == ["Lajčák (GA (SM/1234))"]
    assert [p for p, o in bidi.opposite_runs("قال (Lajčák (GA/SM/1234)) ثم", "rtl") if o] == ["Lajčák (GA/SM/1234)"]
