"""Editions of the sample statement for rendering tests and benchmarks, read with babel.

A stand-in for `toolkit.catalogs.build_edition`, so the render stage can be tested on its own:
each block's text is looked up by msgid in the reviewed PO files of the repository workspace.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from babel.messages.pofile import read_po

from toolkit.languages import UN_ORDER
from toolkit.model import Edition, EditionBlock, Statement, TextStatus
from toolkit.statement import read_statement

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_SLUG = "closing-second-multistakeholder-hearing"
SAMPLE_STATEMENT = ROOT / "speeches" / f"{SAMPLE_SLUG}.txt"
LOCALES = ROOT / "locales"


def sample_statement(**metadata) -> Statement:
    """Return the sample statement, with header fields (symbol, date, venue) replaced."""
    statement = read_statement(SAMPLE_STATEMENT)
    return dataclasses.replace(statement, **metadata) if metadata else statement


def read_translations(lang: str, slug: str = SAMPLE_SLUG) -> dict[str, tuple[str, bool]]:
    """Return msgid -> (msgstr, fuzzy) from a workspace catalog."""
    with open(LOCALES / lang / "LC_MESSAGES" / f"{slug}.po", "rb") as handle:
        catalog = read_po(handle)
    return {m.id: (m.string, m.fuzzy) for m in catalog if m.id and m.string}


def build_edition(statement: Statement, lang: str, translations: dict[str, tuple[str, bool]] | None = None,
                  *, status: TextStatus | None = None) -> Edition:
    """Return one language of a statement: reviewed, machine (fuzzy) or untranslated blocks.

    `status` forces the status of every translated block (MACHINE for an unreviewed edition).
    """
    if lang == statement.source_lang:
        translations = None

    def block(source):
        if source is None:
            return None
        if translations is None:
            return EditionBlock(source.kind, source.text, TextStatus.ORIGINAL, source.line)
        found = translations.get(source.text)
        if found is None:
            return EditionBlock(source.kind, source.text, TextStatus.UNTRANSLATED, source.line)
        text, fuzzy = found
        kind = status or (TextStatus.MACHINE if fuzzy else TextStatus.REVIEWED)
        return EditionBlock(source.kind, text, kind, source.line)

    return Edition(lang, statement, block(statement.title), block(statement.speaker),
                   tuple(block(b) for b in statement.body))


def sample_editions(statement: Statement | None = None) -> dict[str, Edition]:
    """Return the six editions of the sample, from the reviewed catalogs, in UN order."""
    statement = statement or sample_statement()
    return {
        lang: build_edition(statement, lang, None if lang == statement.source_lang else read_translations(lang))
        for lang in UN_ORDER
    }
