"""tests/support/editions.py builds editions as publish does: through catalogs.build_edition."""

from __future__ import annotations

from pathlib import Path

from support.editions import build_edition, read_translations, sample_editions
from toolkit.model import Block, BlockKind, Statement, TextStatus


def test_an_entry_with_a_context_is_printed_where_its_role_is():
    # The same text as a heading and as running text: two entries (msgctxt "heading"), two
    # translations, each printed in its own place.
    statement = Statement(path=Path("speeches/demo.txt"), slug="demo", source_lang="en",
                          title=Block(BlockKind.TITLE, "Thank you.", 1), delivery=None, speaker=None,
                          body=(Block(BlockKind.PARAGRAPH, "Thank you.", 3),))
    edition = build_edition(statement, "fr", {("heading", "Thank you."): ("Merci !", False),
                                              "Thank you.": ("Merci.", True)})
    assert (edition.title.text, edition.title.status) == ("Merci !", TextStatus.REVIEWED)
    assert (edition.body[0].text, edition.body[0].status) == ("Merci.", TextStatus.MACHINE)
    forced = build_edition(statement, "fr", {"Thank you.": ("Merci.", False)}, status=TextStatus.MACHINE)
    assert forced.title.status is TextStatus.UNTRANSLATED and forced.body[0].status is TextStatus.MACHINE


def test_the_sample_editions_are_the_reviewed_catalogs():
    editions = sample_editions()
    assert editions["en"].is_original and all(editions[c].is_reviewed for c in ("ar", "zh", "fr", "ru", "es"))
    french = read_translations("fr")
    assert [b.text for b in editions["fr"].body][:3] == [french[b.text][0] for b in editions["en"].body][:3]
