"""Frozen dataclasses that cross stage boundaries. No I/O here."""

from __future__ import annotations

import datetime
import enum
from dataclasses import dataclass
from pathlib import Path


class BlockKind(str, enum.Enum):
    """What a block of statement text is, as the reader understood it."""

    TITLE = "title"
    SPEAKER = "speaker"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    PULL_QUOTE = "pull_quote"
    ATTRIBUTION = "attribution"  # the line under a pull quote


@dataclass(frozen=True)
class Block:
    """One translatable unit of a statement, with its 1-based source line."""

    kind: BlockKind
    text: str
    line: int
    lang: str | None = None  # the language the block is written in, when the reader tagged it
    original: str | None = None  # the text as written, when the reader converted it (zh-Hant)


@dataclass(frozen=True)
class Finding:
    """Something the reader noticed: debris, a missing date, an empty body."""

    path: Path
    line: int
    code: str
    message: str
    severity: str = "warning"  # "note" (handled), "warning" (a person should look), "error" (cannot publish)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"

    def labelled(self) -> str:
        """Return the finding as lint prints it: FILE:LINE: SEVERITY: MESSAGE."""
        return f"{self.path}:{self.line}: {self.severity}: {self.message}"


class DeliveryKind(str, enum.Enum):
    """The delivery notes the UN uses; each has a localized wording in the templates."""

    AS_DELIVERED = "as-delivered"
    CHECK_AGAINST_DELIVERY = "check-against-delivery"
    AS_PREPARED = "as-prepared"
    AS_TRANSLATED = "as-translated"


@dataclass(frozen=True)
class Delivery:
    """A recognised delivery note ("As delivered", "As translated from Spanish" ...)."""

    kind: DeliveryKind
    text: str  # as written in the source
    line: int
    language: str | None = None  # for AS_TRANSLATED: the language translated from


@dataclass(frozen=True)
class Statement:
    """An as-delivered statement, read and checked."""

    path: Path
    slug: str
    source_lang: str
    title: Block | None
    delivery: Delivery | None
    speaker: Block | None
    body: tuple[Block, ...]
    date: datetime.date | None = None
    venue: str | None = None
    symbol: str | None = None
    findings: tuple[Finding, ...] = ()
    speaker_name: str | None = None  # "H.E. Mr. Miroslav Lajčák": the PDF's author
    script: str | None = None  # "Hant": a Traditional-Chinese original, printed in Simplified
    second_language: str | None = None  # the language of a second-language copy on the page
    translation: tuple[Block, ...] = ()  # that copy, left out of the body
    reviewed: str | None = None  # the copy's language, when the header confirms it is reviewed text
    front: tuple[tuple[int, str], ...] = ()  # (line, role): the lines above the body the reader used

    def blocks(self) -> tuple[Block, ...]:
        """Return every translatable block in source order."""
        head = (self.title, self.speaker)
        return tuple(b for b in head if b is not None) + self.body


@dataclass(frozen=True)
class MemoryMatch:
    """A human translation found in the translation memory for a source text."""

    source: str  # the memory's source text: the same text, or a close one
    target: str
    origin: str  # the statement (slug) it was reviewed in, or the TMX file it came from
    date: str | None  # the statement's date, or the TMX unit's, as YYYY-MM-DD
    similarity: float  # 1.0 for the same text; at least MEMORY_SIMILARITY otherwise
    sentences: int = 0  # > 0: assembled from that many reviewed sentences
    imported: bool = False  # from a TMX file rather than reviewed in this workspace

    @property
    def exact(self) -> bool:
        return self.similarity >= 1.0


@dataclass(frozen=True)
class Suggestion:
    """A suggested translation of one source text (machine or memory), with where it came from."""

    source: str
    text: str
    engine: str  # e.g. "Argos Translate (CTranslate2)", or "translation memory"
    package: str  # e.g. "translate-en_fr"
    version: str  # the package version
    pivot: str | None = None  # language code pivoted through, e.g. "en"
    memory: MemoryMatch | None = None  # set when the text comes from the translation memory
    terms: tuple[str, ...] = ()  # what pinning did: spans kept verbatim, glossary terms enforced


class TextStatus(str, enum.Enum):
    """Where the printed text of a block comes from."""

    ORIGINAL = "original"  # the source-language edition
    REVIEWED = "reviewed"  # a reviewer's translation
    MACHINE = "machine"  # an unreviewed (fuzzy) machine translation
    UNTRANSLATED = "untranslated"  # no translation: the source text, marked


@dataclass(frozen=True)
class EditionBlock:
    """One block as it will be printed in an edition."""

    kind: BlockKind
    text: str
    status: TextStatus
    source_line: int


@dataclass(frozen=True)
class Edition:
    """One language of a statement: the text to print, reviewed or not."""

    lang: str
    statement: Statement
    title: EditionBlock | None
    speaker: EditionBlock | None
    body: tuple[EditionBlock, ...]

    @property
    def is_original(self) -> bool:
        return self.lang == self.statement.source_lang

    def blocks(self) -> tuple[EditionBlock, ...]:
        """Return every block in print order."""
        return tuple(b for b in (self.title, self.speaker) if b is not None) + self.body

    @property
    def is_reviewed(self) -> bool:
        """True when every block is original or reviewed text."""
        return all(b.status in (TextStatus.ORIGINAL, TextStatus.REVIEWED) for b in self.blocks())


@dataclass(frozen=True)
class EditionRecord:
    """One edition in output/<slug>/, as the index shows it and manifest.json keeps it."""

    code: str  # the language
    status: str  # "original", "reviewed" or "machine"
    pages: int
    pdf_bytes: int
    html_bytes: int
    pdf_sha256: str
    html_sha256: str
    typeset_sha256: str = ""  # the page and PDF settings it was typeset from (publishing.typesetting_key)
    title: str = ""  # the edition's title, as the index shows it in its own language
    title_lang: str = ""  # the title's language: the source's when it is not translated yet
    provenance: dict | None = None  # Provenance.as_meta(): what the PDF's XMP and the HTML <meta> say
    summary: str = ""  # the first paragraph, for feeds
    content_sha256: str = ""  # the edition's text and provenance without its issue time (Provenance.content_key)


@dataclass(frozen=True)
class Provenance:
    """Where one edition comes from: its PDF's XMP, its HTML <meta> and its manifest record say it."""

    source_sha256: str  # the statement file's bytes
    review_state: str  # "original", "reviewed" or "machine"
    issued: str = ""  # ISO 8601 UTC: the run that first issued this content (kept while it is unchanged)
    presskit_version: str = ""
    machine_engine: str = ""  # "; "-joined when entries come from several: only when some entry is machine output
    machine_package: str = ""
    machine_version: str = ""
    machine_pivot: str = ""
    reviewers: tuple[str, ...] = ()  # Last-Translator and Language-Team of the PO header, placeholders left out
    edition_version: str = ""  # "2": set on a correction (toolkit.corrections), with the two below
    replaces_version: str = ""  # the version it replaces, kept under output/<slug>/v<N>/
    replaces_issued: str = ""  # ISO 8601 UTC: when the replaced version was issued

    def as_meta(self) -> dict[str, str]:
        """Return the fields as <meta name="presskit.NAME"> and XMP presskit:NAME carry them (empty ones left out)."""
        values = {
            "issued": self.issued, "presskit-version": self.presskit_version,
            "source-sha256": self.source_sha256, "review-state": self.review_state,
            "machine-engine": self.machine_engine, "machine-package": self.machine_package,
            "machine-version": self.machine_version, "machine-pivot": self.machine_pivot,
            "reviewers": "; ".join(self.reviewers), "edition-version": self.edition_version,
            "replaces-version": self.replaces_version, "replaces-issued": self.replaces_issued,
        }
        return {name: value for name, value in values.items() if value}


@dataclass(frozen=True)
class PublishedStatement:
    """One statement as output/<slug>/manifest.json describes it: what the site index and feeds list."""

    slug: str
    title: str
    source_lang: str
    date: str  # ISO date of delivery, or ""
    editions: tuple[EditionRecord, ...]
    venue: str = ""  # as the speech file gives it, in the source language
    version: int = 1
    replaces: int = 0  # the version a correction replaces (kept in <slug>/v<N>/), 0 for none
    replaced_issued: str = ""  # ISO 8601 UTC: when that version was issued
