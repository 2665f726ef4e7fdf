"""What the catalogs say: the edition to print, and how much of it a reviewer has signed off."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from babel.messages.catalog import Catalog

from toolkit.catalogs.merge import SourceEntry, block_keys, is_reviewed
from toolkit.catalogs.syntax import short
from toolkit.model import BlockKind, Edition, EditionBlock, Statement, TextStatus


@dataclass(frozen=True)
class CatalogStatus:
    """Review status of one language of one statement."""

    slug: str
    lang: str
    path: Path  # the PO file, as the user should see it
    entries: int
    reviewed: int
    machine: int  # fuzzy: a machine suggestion or a changed source, not yet reviewed
    untranslated: int
    obsolete: int
    unreviewed: tuple[str, ...] = ()  # "where: what" for each entry still to review
    problems: int = 0  # what `presskit check` finds and nobody acknowledged (toolkit.checks)

    @property
    def percent(self) -> int:
        """Percent reviewed, rounded down: 100 means every entry is reviewed."""
        return 100 * self.reviewed // self.entries if self.entries else 100

    @property
    def complete(self) -> bool:
        return self.reviewed == self.entries


def build_edition(statement: Statement, lang: str, catalog: Catalog | None) -> Edition:
    """Return the edition the catalog gives: reviewed text as written, the source where empty."""
    printed = {}
    for block, (context, msgid) in zip(statement.blocks(), block_keys(statement)):
        message = catalog.get(msgid, context=context) if catalog is not None else None
        if message is not None and message.string:
            status = TextStatus.MACHINE if message.fuzzy else TextStatus.REVIEWED
            text = message.string
        else:
            status, text = TextStatus.UNTRANSLATED, block.text
        printed[id(block)] = EditionBlock(block.kind, text, status, block.line)

    def get(block):
        return printed[id(block)] if block is not None else None

    return Edition(
        lang=lang,
        statement=statement,
        title=get(statement.title),
        speaker=get(statement.speaker),
        body=tuple(get(b) for b in statement.body),
    )


def original_edition(statement: Statement) -> Edition:
    """Return the source-language edition, printed as written."""

    def block(b):
        return EditionBlock(b.kind, b.text, TextStatus.ORIGINAL, b.line) if b else None

    return Edition(
        lang=statement.source_lang,
        statement=statement,
        title=block(statement.title),
        speaker=block(statement.speaker),
        body=tuple(block(b) for b in statement.body),
    )


def reviewed_edition(statement: Statement) -> Edition:
    """Return the edition of the language whose official text the page carries (header 'reviewed:'), as written."""
    blocks = list(statement.translation)
    title = None
    if blocks and blocks[0].kind is BlockKind.HEADING:  # the copy's own headline
        first = blocks.pop(0)
        title = EditionBlock(BlockKind.TITLE, first.text, TextStatus.REVIEWED, first.line)
    return Edition(
        lang=statement.reviewed,
        statement=statement,
        title=title,
        speaker=None,
        body=tuple(EditionBlock(b.kind, b.text, TextStatus.REVIEWED, b.line) for b in blocks),
    )


def catalog_status(
    statement: Statement,
    lang: str,
    shown_path: Path,
    catalog: Catalog,
    entries: Iterable[SourceEntry],
    old: Catalog | None = None,
) -> CatalogStatus:
    """Count a merged catalog's entries and say where each unreviewed one is.

    An entry unchanged since `old` (the catalog as read) is shown at its line in the file.
    """
    entries = list(entries)
    reviewed = machine = untranslated = 0
    unreviewed = []
    for entry in entries:
        message = catalog.get(entry.msgid, context=entry.context)
        if message is not None and is_reviewed(message):
            reviewed += 1
            continue
        if message is not None and message.string:
            machine += 1
            if any(c.startswith("Translation memory:") for c in message.auto_comments):
                what = "from the translation memory, not reviewed (fuzzy)"
            elif message.previous_id:
                what = "source text changed; review the translation"
            else:
                what = "machine translation, not reviewed (fuzzy)"
        else:
            untranslated += 1
            what = "no translation"
        previous = old.get(entry.msgid, context=entry.context) if old is not None else None
        if previous is not None and previous.lineno:
            where = f"{shown_path}:{previous.lineno}"
        else:
            file, line = entry.locations[0]
            where = f"{file}:{line}"
        unreviewed.append(f"{where}: {what}: {short(entry.msgid, 48)}")
    return CatalogStatus(
        slug=statement.slug, lang=lang, path=shown_path, entries=len(entries), reviewed=reviewed,
        machine=machine, untranslated=untranslated, obsolete=len(catalog.obsolete),
        unreviewed=tuple(unreviewed),
    )


# Babel's and msginit's header placeholders name nobody.
_PLACEHOLDERS = ("FULL NAME", "EMAIL@ADDRESS", "LL@li.org", "LANGUAGE <")


def catalog_credits(catalog: Catalog | None) -> dict[str, str | tuple[str, ...]]:
    """Return who made a catalog's text: the machine sources of its fuzzy entries, its reviewers.

    Machine sources are read from the `#.` comments merge writes (engine, package version,
    pivot); reviewers from the Last-Translator and Language-Team header fields.
    """
    engines: list[str] = []
    packages: list[str] = []
    versions: list[str] = []
    pivots: list[str] = []
    reviewers: list[str] = []
    if catalog is None:
        return {}
    for message in catalog:
        if not message.id or not message.fuzzy or not message.string:
            continue
        for comment in message.auto_comments:
            if comment.startswith("Machine translation: "):
                _add(engines, comment.split(": ", 1)[1])
            elif comment.startswith("Package: "):
                package, _, version = comment.split(": ", 1)[1].partition(" ")
                _add(packages, package)
                _add(versions, version)
            elif comment.startswith("Pivot language: ") and comment.endswith(")"):
                _add(pivots, comment.rsplit("(", 1)[-1].rstrip(")"))
    for value in (catalog.last_translator, catalog.language_team):
        if value and not any(mark in value for mark in _PLACEHOLDERS):
            _add(reviewers, value.strip())
    return {"machine_engine": "; ".join(engines), "machine_package": "; ".join(packages),
            "machine_version": "; ".join(versions), "machine_pivot": "; ".join(pivots),
            "reviewers": tuple(reviewers)}


def _add(values: list[str], value: str) -> None:
    if value and value not in values:
        values.append(value)
