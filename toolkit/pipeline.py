"""One orchestration function per command: gather and check everything, then write."""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from toolkit.config import Config
from toolkit.errors import StatementError
from toolkit.model import Edition, EditionBlock, Finding, Statement, TextStatus
from toolkit.statement import read_statement

log = logging.getLogger("toolkit")

SPEECH_SUFFIXES = (".txt", ".text", ".md")


@dataclass
class PublishResult:
    """What a publish run produced, for the CLI to report."""

    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    editions: list[Edition] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def find_speeches(config: Config, paths: tuple[Path, ...]) -> list[Path]:
    """Return the speech files to work on: the given paths, or every file in speeches/."""
    if paths:
        return [Path(p) for p in paths]
    folder = config.speeches_path
    found = sorted(p for p in folder.glob("*") if p.suffix in SPEECH_SUFFIXES) if folder.is_dir() else []
    if not found:
        raise StatementError(
            f"no speech files in {folder}; put a .txt statement there or name one on the command line"
        )
    return found


def read_statements(config: Config, paths: tuple[Path, ...], metadata: dict | None = None) -> list[Statement]:
    """Read and check every statement before anything is written.

    `metadata` (date, venue, symbol from the command line) overrides what the files say.
    """
    statements = [read_statement(p, source_lang=config.source_language) for p in find_speeches(config, paths)]
    given = {key: value for key, value in (metadata or {}).items() if value is not None}
    if given:
        statements = [_with_metadata(s, given) for s in statements]
    slugs: dict[str, Path] = {}
    for statement in statements:
        if statement.slug in slugs:
            raise StatementError(
                f"has the same output name {statement.slug!r} as {slugs[statement.slug]}; rename one",
                statement.path,
            )
        slugs[statement.slug] = statement.path
    return statements


def _with_metadata(statement: Statement, given: dict) -> Statement:
    findings = statement.findings
    if "date" in given:
        findings = tuple(f for f in findings if f.code != "missing-date")
    return dataclasses.replace(statement, findings=findings, **given)


def lint(config: Config, paths: tuple[Path, ...]) -> list[Finding]:
    """Return what the reader noticed in each statement."""
    findings: list[Finding] = []
    for statement in read_statements(config, paths):
        findings.extend(statement.findings)
    return findings


def original_edition(statement: Statement) -> Edition:
    """Return the source-language edition, printed as written."""

    def block(b):
        return EditionBlock(b.kind, b.text, TextStatus.ORIGINAL, b.line) if b else None

    return Edition(
        lang=statement.source_lang,
        statement=statement,
        title=block(statement.title),
        speaker=block(statement.speaker),
        free_delivery=block(statement.free_delivery),
        body=tuple(block(b) for b in statement.body),
        counts={TextStatus.ORIGINAL.value: len(statement.blocks())},
    )


def publish(
    config: Config,
    paths: tuple[Path, ...],
    *,
    metadata: dict | None = None,
    progress: Callable[[str], None] | None = None,
) -> PublishResult:
    """Build the press releases of the given statements into output/<slug>/."""
    from toolkit import publishing, rendering

    say = progress or (lambda message: None)
    statements = read_statements(config, paths, metadata)
    result = PublishResult()
    env = rendering.make_environment()
    files: dict[Path, bytes] = {}
    for statement in statements:
        result.findings.extend(statement.findings)
        editions = [original_edition(statement)]
        codes = tuple(e.lang for e in editions)
        folder = config.output_path / statement.slug
        entries = []
        for edition in editions:
            say(f"typesetting {statement.slug} [{edition.lang}]")
            html = rendering.render_edition(env, edition, codes).encode("utf-8")
            pdf = publishing.write_pdf(html.decode("utf-8"), variant=config.pdf_variant, lang=edition.lang)
            files[folder / f"{edition.lang}.html"] = html
            files[folder / f"{edition.lang}.pdf"] = pdf.data
            entries.append(_index_entry(edition, pdf, len(html)))
            result.editions.append(edition)
        index = rendering.render_index(env, statement, entries, statement.source_lang)
        files[folder / "index.html"] = index.encode("utf-8")
    for path in files:
        (result.written if publishing.atomic_write(path, files[path]) else result.unchanged).append(path)
    return result


def _index_entry(edition: Edition, pdf, html_size: int) -> dict:
    from toolkit import publishing, rendering
    from toolkit.languages import get_language

    language = get_language(edition.lang)
    status = "original" if edition.is_original else ("reviewed" if edition.is_reviewed else "machine translation")
    return {
        "code": language.code,
        "tag": language.tag,
        "direction": language.direction,
        "native_name": rendering.native_name(language.code),
        "status_text": status,
        "pages": pdf.pages,
        "pdf_size": publishing.human_size(len(pdf.data)),
        "html_size": publishing.human_size(html_size),
    }
