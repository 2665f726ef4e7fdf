"""Fonts as WeasyPrint uses them: whether HarfBuzz can subset them (fast CJK PDFs)."""

from __future__ import annotations


def has_harfbuzz_subset() -> bool:
    """Return True when WeasyPrint can subset fonts with HarfBuzz instead of fontTools."""
    from toolkit.libraries import import_weasyprint

    import_weasyprint()  # its libraries found without starting ldconfig or a compiler
    from weasyprint.text.ffi import harfbuzz, harfbuzz_subset

    # WeasyPrint needs hb-subset 4.1.0 or later (hb_set_add_sorted_array).
    return harfbuzz_subset is not None and bool(harfbuzz.hb_version_atleast(4, 1, 0))


def font_configuration():
    """Return a WeasyPrint font configuration, to share across the PDFs of one run."""
    from toolkit.libraries import import_weasyprint

    import_weasyprint()  # its libraries found without starting ldconfig or a compiler
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def compact_cff_fonts(pdf) -> None:
    """Re-subset WeasyPrint's CFF (OpenType) fonts without keeping the whole glyph-ID space.

    WeasyPrint subsets with HarfBuzz's RETAIN_GIDS (pdf/fonts.py), so the content streams can
    keep the font's glyph IDs as CIDs. A CJK face has 65,000 glyphs: the subset keeps an empty
    slot for each up to the last glyph used, 215 KiB for 400 glyphs of Noto Serif CJK. The
    faces are CID-keyed, so a subset without retained IDs still maps every CID to its glyph
    through the CFF charset (fontTools names glyphs "cid01234" and writes the charset from the
    names); content streams, widths (/W), /CIDSet and /ToUnicode stay as they are. WeasyPrint
    has no option for this (its issue tracker only discusses subsetting speed, #2120).
    """
    import io

    import pydyf
    from fontTools import subset
    from fontTools.ttLib import TTFont

    files: dict[int, set[int]] = {}
    for item in pdf.objects:
        if isinstance(item, pydyf.Dictionary) and item.get("Subtype") == "/CIDFontType0":
            descriptor = pdf.objects[int(item["FontDescriptor"].split()[0])]
            reference = descriptor.get("FontFile3")
            if reference is None:
                continue
            cids = files.setdefault(int(reference.split()[0]), set())
            widths = item.get("W") or []
            for start, run in zip(widths[::2], widths[1::2]):
                cids.update(range(start, start + len(run)))
    for number, cids in files.items():
        stream = pdf.objects[number]
        if not isinstance(stream, pydyf.Stream) or stream.extra.get("Subtype") != "/OpenType":
            continue
        # recalcTimestamp off: fontTools would stamp head.modified with the clock (reproducible PDFs, #9).
        font = TTFont(io.BytesIO(b"".join(stream.stream)), recalcTimestamp=False)
        if "CFF " not in font or not font["CFF "].cff[0].ROS:
            continue  # only CID-keyed CFF maps CIDs through its charset
        order = font.getGlyphOrder()
        names = [order[cid] for cid in sorted(cids) if cid < len(order)]
        if any(name != f"cid{cid:05d}" for cid, name in zip(sorted(cids), names)):
            continue  # CIDs are not the glyph IDs: leave the font as WeasyPrint made it
        options = subset.Options(retain_gids=False, notdef_outline=True, ignore_missing_glyphs=True,
                                 hinting=False, desubroutinize=True, layout_features=[], name_IDs=["*"],
                                 name_languages=["*"], glyph_names=True, drop_tables=["GSUB", "GPOS", "SVG "])
        subsetter = subset.Subsetter(options)
        subsetter.populate(glyphs=names)
        subsetter.subset(font)
        output = io.BytesIO()
        font.save(output)
        # Embedded as bare CID-keyed CFF (FontFile3 /CIDFontType0C): readers map its CIDs
        # through the charset. Inside an OpenType wrapper, poppler takes CIDs for glyph IDs.
        stream.stream[:] = [TTFont(io.BytesIO(output.getvalue())).getTableData("CFF ")]
        stream.extra["Subtype"] = "/CIDFontType0C"
