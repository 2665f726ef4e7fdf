"""One orchestration function per command: gather and check everything, then write."""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, ContextManager

from toolkit.config import Config
from toolkit.errors import ReviewError, StatementError, TranslationError
from toolkit.model import Edition, EditionBlock, Finding, Statement, Suggestion, TextStatus
from toolkit.statement import read_statement

if TYPE_CHECKING:
    from toolkit.catalogs import CatalogStatus, PoCatalog, SourceEntry

log = logging.getLogger("toolkit")

# The machine-translation seam: source texts, source language, target language -> suggestions.
Suggest = Callable[[list[str], str, str], list[Suggestion]]
# A progress bar for long work: label and total -> a context manager with update(n), like
# click.progressbar.
ProgressBar = Callable[[str, int], ContextManager]

SPEECH_SUFFIXES = (".txt", ".text", ".md")


@dataclass
class PublishResult:
    """What a publish run produced, for the CLI to report."""

    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    editions: list[Edition] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    catalogs: list[CatalogStatus] = field(default_factory=list)


def find_speeches(config: Config, paths: tuple[Path, ...]) -> list[Path]:
    """Return the speech files to work on: the given paths, or every file in speeches/.

    Relative paths are relative to the workspace, as if presskit were started there (git -C).
    """
    if paths:
        return [config.workspace / p for p in paths]
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


def lint(config: Config, paths: tuple[Path, ...]) -> list[Statement]:
    """Return each statement as the reader understood it, with what it noticed."""
    return read_statements(config, paths)


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


@dataclass
class CatalogWork:
    """One language of one statement during a run: its catalog on disk and what it lacks."""

    statement: Statement
    lang: str
    path: Path
    entries: tuple[SourceEntry, ...]
    old: PoCatalog | None
    plan: dict  # catalogs.plan_merge(old, entries), made once: slow on a big edit
    read: bytes | None = None  # the file as it was read: a reviewer may save it while we run

    @property
    def pending(self) -> list[str]:
        """Return the source texts that need a machine suggestion."""
        from toolkit import catalogs

        return catalogs.texts_to_suggest(self.old, self.entries, plan=self.plan)


def target_languages(config: Config, statement: Statement) -> list[str]:
    """Return the languages a statement is translated into: the configured ones but its own."""
    return [lang for lang in config.languages if lang != statement.source_lang]


def gather_catalogs(config: Config, statement: Statement,
                    entries: tuple[SourceEntry, ...] | None = None) -> list[CatalogWork]:
    """Read a statement's catalogs (CatalogError for a broken one) and plan each one's merge."""
    from toolkit import catalogs

    if entries is None:
        entries = catalogs.source_entries(statement, config.workspace)
    work = []
    for lang in target_languages(config, statement):
        path = catalogs.catalog_path(config.locales_path, lang, statement.slug)
        old = catalogs.read_existing(path, lang)
        work.append(CatalogWork(statement, lang, path, entries, old, catalogs.plan_merge(old, entries),
                                old.read_bytes if old is not None else None))
    return work


def review_status(config: Config, work: CatalogWork, merged: PoCatalog | None = None) -> CatalogStatus:
    """Return the review status of one language; without `merged`, as a merge would leave it."""
    from toolkit import catalogs

    if merged is None:
        merged = catalogs.update_catalog(work.old, work.entries, work.lang, slug=work.statement.slug,
                                         version=catalogs.project_version(work.statement), plan=work.plan)
    shown = config.relative(work.path)
    return catalogs.catalog_status(work.statement, work.lang, shown, merged, work.entries, work.old)


def status(config: Config, paths: tuple[Path, ...]) -> tuple[list[CatalogStatus], list[Finding]]:
    """Return the review status of every statement and target language, and catalogs that
    belong to no statement; write nothing."""
    statements = read_statements(config, paths)
    statuses = [review_status(config, work) for s in statements for work in gather_catalogs(config, s)]
    return statuses, ([] if paths else unclaimed_catalogs(config, statements))


def unclaimed_catalogs(config: Config, statements: list[Statement]) -> list[Finding]:
    """Return a finding for each catalog in locales/ whose statement is gone (renamed?).

    Its reviewed translations are not lost, only unused: renaming the speech back, or
    'slug: <old name>' in its header block, brings them back.
    """
    slugs = {s.slug for s in statements}
    folder = config.locales_path
    unclaimed: dict[str, Path] = {}
    for path in sorted(folder.glob("*/LC_MESSAGES/*.po")) + sorted(folder.glob("*.pot")):
        if path.stem not in slugs:
            unclaimed[path.stem] = path  # the template, where there is one
    return [
        Finding(config.relative(path), 1, "unclaimed-catalog",
                f"translations for {slug!r} belong to no speech in {config.speeches_dir}/ (renamed? put "
                f"'slug: {slug}' in the speech's header block to use them again)")
        for slug, path in sorted(unclaimed.items())
    ]


def make_suggester(config: Config, bar: ProgressBar | None = None) -> Suggest:
    """Return the machine-translation seam over toolkit.translation (Argos), imported lazily."""
    from toolkit import translation  # argostranslate itself is imported (and checked) later

    return _Suggester(translation, config, bar)


class _Suggester:
    """The Argos translator behind the `Suggest` seam, with a check of every pair up front."""

    def __init__(self, translation, config: Config, bar: ProgressBar | None):
        self.translator = translation.open_translator(config)
        self.bar = bar

    def check(self, pairs: list[tuple[str, str]]) -> None:
        """Raise one TranslationError naming every pair that has no model installed."""
        missing: list[tuple[str, str]] = []
        for source in dict.fromkeys(s for s, _ in pairs):
            targets = [t for s, t in pairs if s == source]
            missing += [p for p in self.translator.missing_pairs(source, targets) if p not in missing]
        if missing:
            listed = ", ".join(f"{a}→{b}" for a, b in missing)
            raise TranslationError(f"no translation model installed for {listed}; nothing was written; "
                                   f"{self.translator.install_command(missing)}")

    def __call__(self, texts: list[str], source: str, target: str) -> list[Suggestion]:
        if self.bar is None:
            return self.translator.translate(texts, source, target)
        total = self.translator.progress_total(texts, source, target)
        with self.bar(f"translating {source}→{target}", total) as bar:
            return self.translator.translate(texts, source, target, progress=bar.update)

    def translate_many(self, requests: dict[tuple[str, str], list[str]]) -> dict[tuple[str, str], list[Suggestion]]:
        """Translate every pair at once, so that each model is loaded once per run."""
        return self.translator.translate_many(requests, bar=self.bar)

    def close(self) -> None:
        self.translator.close()


def publish(
    config: Config,
    paths: tuple[Path, ...],
    *,
    metadata: dict | None = None,
    progress: Callable[[str], None] | None = None,
    final: bool = False,
    suggest: Suggest | None = None,
    bar: ProgressBar | None = None,
    now=None,
) -> PublishResult:
    """Merge the catalogs and build the press releases of the given statements into output/<slug>/.

    Everything is read, translated, merged and typeset before the first file is written. With
    `final`, refuse (ReviewError) unless every requested language is fully reviewed.
    """
    from toolkit import catalogs, locking, publishing, rendering

    say = progress or (lambda message: None)
    with locking.workspace_lock(config.state_path):
        statements = read_statements(config, paths, metadata)
        entries = {s.slug: catalogs.source_entries(s, config.workspace) for s in statements}
        work = {s.slug: gather_catalogs(config, s, entries[s.slug]) for s in statements}
        if final:
            _check_final(config, [w for items in work.values() for w in items])
        suggestions = _suggest_all([w for items in work.values() for w in items], config, suggest, say, bar)

        result = PublishResult()
        if not paths:
            result.findings.extend(unclaimed_catalogs(config, statements))
        moment = now or catalogs.now()
        env = rendering.make_environment()
        sources: dict[Path, bytes] = {}
        files: dict[Path, bytes] = {}
        for statement in statements:
            result.findings.extend(statement.findings)
            pot_path = catalogs.template_path(config.locales_path, statement.slug)
            template = catalogs.build_template(statement, entries[statement.slug], moment)
            catalogs.stamp_catalog(template, _read_template(pot_path), moment, template=True)
            sources[pot_path] = catalogs.render_catalog(template)
            editions = [original_edition(statement)] if statement.source_lang in config.languages else []
            for item in work[statement.slug]:
                pair = (statement.source_lang, item.lang)
                merged = catalogs.update_catalog(item.old, item.entries, item.lang, suggestions.get(pair),
                                                 slug=statement.slug,
                                                 version=catalogs.project_version(statement), plan=item.plan)
                catalogs.stamp_catalog(merged, item.old, moment, creation_date=template.creation_date)
                sources[item.path] = catalogs.render_catalog(merged)
                result.catalogs.append(review_status(config, item, merged))
                editions.append(catalogs.build_edition(statement, item.lang, merged))
            files.update(_render_statement(config, env, statement, editions, result, say))
        _check_unchanged([w for items in work.values() for w in items])
        # Catalogs first: if typesetting output fails on a full disk, no reviewer work is at risk.
        for path, data in [*sources.items(), *files.items()]:
            (result.written if publishing.atomic_write(path, data) else result.unchanged).append(path)
    return result


def _render_statement(config: Config, env, statement: Statement, editions: list[Edition],
                      result: PublishResult, say) -> dict[Path, bytes]:
    from toolkit import __version__, publishing, rendering
    from toolkit.languages import UN_ORDER

    folder = config.output_path / statement.slug
    built = {e.lang for e in editions}
    earlier = publishing.earlier_editions(folder, skip=built)
    codes = tuple(code for code in UN_ORDER if code in built or code in {r["code"] for r in earlier})
    files: dict[Path, bytes] = {}
    records = list(earlier)
    for edition in sorted(editions, key=lambda e: UN_ORDER.index(e.lang)):
        say(f"typesetting {statement.slug} [{edition.lang}]")
        html = rendering.render_edition(env, edition, codes).encode("utf-8")
        pdf = publishing.write_pdf(html.decode("utf-8"), variant=config.pdf_variant)
        files[folder / f"{edition.lang}.html"] = html
        files[folder / f"{edition.lang}.pdf"] = pdf.data
        records.append(publishing.manifest_entry(_index_entry(edition, pdf, len(html)), pdf.data, html))
        result.editions.append(edition)
    if editions:
        records.sort(key=lambda r: UN_ORDER.index(r["code"]))
        index = rendering.render_index(env, statement, records, statement.source_lang)
        files[folder / "index.html"] = index.encode("utf-8")
        files[folder / publishing.MANIFEST] = publishing.render_manifest(statement.slug, records, __version__)
    return files


def _check_final(config: Config, work: list[CatalogWork], shown_per_language: int = 12) -> None:
    """Raise ReviewError, listing what is left to review, unless every language is reviewed."""
    problems = []
    for item in work:
        status = review_status(config, item)
        if status.complete:
            continue
        problems.append(f"{item.statement.slug} [{item.lang}]: {status.reviewed} of {status.entries} "
                        f"entries reviewed ({status.path})")
        problems += [f"  {line}" for line in status.unreviewed[:shown_per_language]]
        if len(status.unreviewed) > shown_per_language:
            problems.append(f"  ... and {len(status.unreviewed) - shown_per_language} more")
    if problems:
        raise ReviewError("--final: not every requested language is fully reviewed; nothing was "
                          "written. Review these entries (clear the fuzzy flag) or leave out --final:\n"
                          + "\n".join(problems))


def _check_unchanged(work: list[CatalogWork]) -> None:
    """Raise CatalogError if a catalog changed on disk since it was read (the lock only keeps
    other presskit runs out, not a reviewer's editor)."""
    from toolkit.errors import CatalogError

    for item in work:
        try:
            data = item.path.read_bytes()
        except FileNotFoundError:
            data = None
        if data != item.read:
            raise CatalogError("changed while presskit ran (saved in an editor?); nothing was written; "
                               "run again", item.path)


def _suggest_all(work: list[CatalogWork], config: Config, suggest: Suggest | None,
                 say, bar: ProgressBar | None = None) -> dict[tuple[str, str], dict[str, Suggestion]]:
    """Ask the translator for every text that needs a suggestion: in one call when it can."""
    needed: dict[tuple[str, str], dict[str, None]] = {}
    for item in work:
        if item.pending:
            needed.setdefault((item.statement.source_lang, item.lang), {}).update(dict.fromkeys(item.pending))
    if not needed:
        return {}  # every catalog is complete: no model is loaded at all
    owned = suggest is None
    if owned:
        suggest = make_suggester(config, bar)
    try:
        check = getattr(suggest, "check", None)
        if check is not None:
            check(list(needed))  # every missing model is reported before anything is translated
        for (source, target), texts in needed.items():
            say(f"machine-translating {len(texts)} texts {source}→{target}")
        requests = {pair: list(texts) for pair, texts in needed.items()}
        translate_many = getattr(suggest, "translate_many", None)
        if translate_many is not None:
            # One call for every pair: a model shared by several pairs (ar→en for ar→fr and
            # ar→es, en→fr for en→fr and ar→fr) is loaded once per run.
            results = translate_many(requests)
        else:
            results = {pair: suggest(texts, *pair) for pair, texts in requests.items()}
        return {pair: {s.source: s for s in results[pair]} for pair in requests}
    finally:
        close = getattr(suggest, "close", None) if owned else None
        if close is not None:
            close()  # models out of memory before typesetting starts


def _read_template(path: Path) -> PoCatalog | None:
    from toolkit import catalogs
    from toolkit.errors import CatalogError

    try:
        return catalogs.read_existing(path)
    except CatalogError:
        return None  # the template is presskit's own output: a broken one is simply replaced


def _index_entry(edition: Edition, pdf, html_size: int) -> dict:
    """Return what the index reports about one edition; rendering localizes the words."""
    status = "original" if edition.is_original else ("reviewed" if edition.is_reviewed else "machine")
    return {
        "code": edition.lang,
        "status": status,
        "pages": pdf.pages,
        "pdf_bytes": len(pdf.data),
        "html_bytes": html_size,
    }
