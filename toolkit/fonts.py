"""Fonts as WeasyPrint uses them: whether HarfBuzz can subset them (fast CJK PDFs)."""

from __future__ import annotations


def has_harfbuzz_subset() -> bool:
    """Return True when WeasyPrint can subset fonts with HarfBuzz instead of fontTools."""
    from weasyprint.text.ffi import harfbuzz, harfbuzz_subset

    # WeasyPrint needs hb-subset 4.1.0 or later (hb_set_add_sorted_array).
    return harfbuzz_subset is not None and bool(harfbuzz.hb_version_atleast(4, 1, 0))
