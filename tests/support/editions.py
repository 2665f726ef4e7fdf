"""Editions of the sample statement for rendering tests and benchmarks, made by the real code.

Catalogs are read with presskit's strict reader (`toolkit.catalogs.read_catalog`) and editions
built by `toolkit.catalogs.build_edition`, which looks blocks up by msgctxt and msgid as publish
does; tests may leave entries out or replace them (a dict of translations) and force a status.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from babel.messages.catalog import Message

from toolkit import catalogs
from toolkit.languages import UN_ORDER
from toolkit.model import Edition, Statement, TextStatus
from toolkit.statement import read_statement

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_SLUG = "closing-second-multistakeholder-hearing"
SAMPLE_STATEMENT = ROOT / "speeches" / f"{SAMPLE_SLUG}.txt"
LOCALES = ROOT / "locales"


def sample_statement(**metadata) -> Statement:
    """Return the sample statement, with header fields (symbol, date, venue) replaced."""
    statement = read_statement(SAMPLE_STATEMENT)
    return dataclasses.replace(statement, **metadata) if metadata else statement


Translations = dict  # msgid, or (msgctxt, msgid) for an entry with a context -> (msgstr, fuzzy)


def read_translations(lang: str, slug: str = SAMPLE_SLUG) -> Translations:
    """Return the translated entries of a workspace catalog, read by presskit's own reader."""
    catalog = catalogs.read_catalog(LOCALES / lang / "LC_MESSAGES" / f"{slug}.po", lang)
    return {(m.context, m.id) if m.context else m.id: (m.string, m.fuzzy) for m in catalog if m.id and m.string}


def build_edition(statement: Statement, lang: str, translations: Translations | None = None,
                  *, status: TextStatus | None = None) -> Edition:
    """Return one language of a statement through catalogs.build_edition: reviewed, machine
    (fuzzy) or untranslated blocks, as publish builds it from a catalog of `translations`.

    `status` forces the status of every translated block (MACHINE for an unreviewed edition).
    """
    if lang == statement.source_lang:
        return catalogs.original_edition(statement)
    catalog = catalogs.PoCatalog(locale=lang)
    for key, (text, fuzzy) in (translations or {}).items():
        context, msgid = key if isinstance(key, tuple) else (None, key)
        catalog[msgid] = Message(msgid, text, flags={"fuzzy"} if fuzzy else (), context=context)
    edition = catalogs.build_edition(statement, lang, catalog)
    if status is None:
        return edition

    def forced(block):
        if block is None or block.status is TextStatus.UNTRANSLATED:
            return block
        return dataclasses.replace(block, status=status)

    return dataclasses.replace(edition, title=forced(edition.title), speaker=forced(edition.speaker),
                               body=tuple(forced(b) for b in edition.body))


def sample_editions(statement: Statement | None = None) -> dict[str, Edition]:
    """Return the six editions of the sample, from the reviewed catalogs, in UN order."""
    statement = statement or sample_statement()
    return {
        lang: build_edition(statement, lang, None if lang == statement.source_lang else read_translations(lang))
        for lang in UN_ORDER
    }
