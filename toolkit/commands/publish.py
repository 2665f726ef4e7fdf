"""`presskit publish`: merge the catalogs and build the press releases into output/<slug>/.

Gather, then write (mkdocs' build): every statement is read, every catalog merged, every
suggestion made and every page typeset in memory before the first file is written; catalogs are
written before output, so a full disk never puts reviewer work at risk.
"""

from __future__ import annotations

import datetime
import hashlib
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

import logging

from toolkit import (__version__, boundary, catalogs, corrections, locking, publishing, rendering, scheduling,
                     staging, syndication, translation)
from toolkit.checks.catalog import annotate_catalog, final_problems
from toolkit.catalogs import CatalogStatus, CatalogWork
from toolkit.config import Config
from toolkit.errors import PresskitError, StatementError
from toolkit.languages import UN_ORDER
from toolkit.model import Edition, Finding, Provenance, Statement, Suggestion, TextStatus
from toolkit.terminology import Glossary, load_glossary
from toolkit.translation import ProgressBar, Translator, reuse
from toolkit.reader.detection import LanguageCache
from toolkit.workspace import find_speeches, keep_language_cache, language_cache, read_statements

log = logging.getLogger("toolkit")


@dataclass(frozen=True)
class Failure:
    """A statement left out of a --keep-going run, and why."""

    path: Path
    message: str
    exit_code: int


@dataclass
class PublishResult:
    """What a publish run produced, for the CLI to report."""

    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    editions: list[Edition] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    catalogs: list[CatalogStatus] = field(default_factory=list)
    suggestions: reuse.SuggestionCounts = field(default_factory=reuse.SuggestionCounts)
    statements: list[Statement] = field(default_factory=list)  # the statements published
    typeset: int = 0  # PDFs typeset this run (the others were unchanged since the last)
    failed: list[Failure] = field(default_factory=list)  # with keep_going: statements left out


def publish(
    config: Config,
    paths: tuple[Path, ...],
    *,
    metadata: dict | None = None,
    progress: Callable[[str], None] | None = None,
    final: bool = False,
    translator: Translator | None = None,
    bar: ProgressBar | None = None,
    now=None,
    jobs: int = 1,
    keep_going: bool = False,
) -> PublishResult:
    """Merge the catalogs and build the press releases of the given statements into output/<slug>/.

    Everything is read, translated, merged and typeset before the first file is written. With
    `final`, refuse (ReviewError) unless every requested language is fully reviewed. Without
    `translator`, the configured one is made for the run, and closed after it. Pages are
    typeset in `jobs` worker processes (toolkit.scheduling), the run shown on one `bar`. With
    `keep_going`, a statement that fails (unreadable, a broken catalog, not reviewed for
    `final`, a page that cannot be typeset) is left out and listed in `failed`, and the others
    are published; without it the first failure stops the run before anything is written.
    """
    say = progress or (lambda message: None)
    within = boundary.roots(config)
    boundary.check_inside(config.state_path, within, shown=config.relative(config.state_path))
    result = PublishResult()
    each = _Failures(keep_going, result.failed)
    with locking.workspace_lock(config.state_path):
        staging.recover(config.output_path)  # what a killed run left: its old folders complete
        languages = language_cache(config)
        statements = _read_statements(config, paths, metadata, each, languages)
        entries, work, versions = {}, {}, {}
        for statement in statements:
            with each.statement(statement.path):
                entries[statement.slug] = catalogs.source_entries(statement, config.workspace)
                items = catalogs.gather_catalogs(config, statement, entries[statement.slug])
                versions[statement.slug] = _plan_version(config, statement, items, final)
                work[statement.slug] = items
        glossary = load_glossary(config.workspace, config.glossary_dir, within=within)
        if final:
            for statement in [s for s in statements if s.slug in work] if keep_going else []:
                with each.statement(statement.path):
                    _check_final(config, [statement], work, versions, glossary)
                    continue
                del work[statement.slug]
            if not keep_going:
                _check_final(config, statements, work, versions, glossary)
        statements = [s for s in statements if s.slug in work]
        every = [item for items in work.values() for item in items]
        editions_ahead = sum(len(work[s.slug]) + (s.source_lang in config.languages)
                             + (s.reviewed in config.languages) for s in statements)
        with scheduling.RunProgress(bar, "publishing", editions_ahead) as shown:
            suggestions = suggest(config, every, translator, say, shown.unit if bar else None,
                                  result.suggestions, glossary=glossary, languages=languages)
            if not paths:
                result.findings.extend(catalogs.unclaimed_catalogs(config, statements))
            moment = now or catalogs.now()
            env = rendering.make_environment()
            folders: list[_Folder] = []
            for statement in statements:
                with each.statement(statement.path):
                    folders.append(_plan_statement(config, env, statement, entries[statement.slug],
                                                   work[statement.slug], suggestions, glossary, moment, say,
                                                   versions[statement.slug]))
            shown.update(sum(len(f.pages) - len(f.to_typeset) for f in folders))  # unchanged PDFs
            shown.relabel("typesetting")
            pages = [page for folder in folders for page in folder.to_typeset]
            pdfs = iter(scheduling.typeset_pages(pages, jobs=jobs, done=lambda page: shown.update(1)))
            sources: dict[Path, bytes] = {}
            files: dict[Path, bytes] = {}
            published = set()
            for folder in folders:
                typeset = [next(pdfs) for _ in folder.to_typeset]
                with each.statement(folder.statement.path):
                    files.update(_finish_folder(config, env, folder, typeset))
                    sources.update(folder.sources)
                    published.add(folder.statement.slug)
                    result.typeset += len(typeset)
            for folder in folders:
                if folder.statement.slug in published:
                    result.statements.append(folder.statement)
                    result.findings.extend(folder.statement.findings)
                    result.catalogs.extend(folder.catalogs)
                    result.editions.extend(folder.editions)
            shown.relabel("writing")
            files.update(_build_site(config, env, files))
            every = [item for item in every if item.statement.slug in published]
            for item in every:
                item.check_unchanged()
            # Catalogs first: if typesetting output fails on a full disk, no reviewer work is at risk.
            read_as = {item.path: item.read_bytes for item in every}
            try:
                for path, data in sources.items():
                    # A reviewer's save landing now is kept, never overwritten (ConflictError).
                    expected = read_as.get(path, publishing.UNCHECKED)
                    wrote = publishing.atomic_write(path, data, within=within, expected=expected)
                    (result.written if wrote else result.unchanged).append(path)
                _write_output(config, files, within, result)
                keep_language_cache(config, languages)  # the detector's answers: the next run loads no model
            except BaseException:
                _say_written(config, result.written)
                raise
    return result


def _write_output(config: Config, files: dict[Path, bytes], within, result: PublishResult) -> None:
    """Write output/: each statement's folder swapped in whole (toolkit.staging), then the site's files.

    A failure or a kill leaves every statement folder as it was or complete as this run made it.
    """
    folders: dict[Path, dict[Path, bytes]] = {}
    site: dict[Path, bytes] = {}
    for path, data in files.items():
        inside = path.relative_to(config.output_path).parts
        if len(inside) > 1:
            folders.setdefault(config.output_path / inside[0], {})[path] = data
        else:
            site[path] = data
    for folder, contents in folders.items():
        done = staging.commit_folder(folder, contents, within, publishing.write_temporary)
        result.written.extend(done.written)
        result.unchanged.extend(done.unchanged)
    for path, data in site.items():  # the site's index and feeds: after the folders they list
        (result.written if publishing.atomic_write(path, data, within=within) else result.unchanged).append(path)


def _check_final(config: Config, statements: list[Statement], work: dict, versions: dict, glossary) -> None:
    """Raise ReviewError unless the statements' corrections, catalogs and checks allow --final."""
    corrections.check_final([(s, versions[s.slug], [(item.lang, item.merge()) for item in work[s.slug]])
                             for s in statements if versions[s.slug].is_correction], config.relative)
    every = [item for s in statements for item in work[s.slug]]
    catalogs.check_final(config, every)
    final_problems(config, every, glossary)


class _Failures:
    """Where a statement's failure goes: raised (the default), or noted and the statement left out."""

    def __init__(self, keep_going: bool, failed: list[Failure]):
        self.keep_going = keep_going
        self.failed = failed

    @contextmanager
    def statement(self, path: Path):
        """Run one statement's step; with keep_going, note a PresskitError and go on without it."""
        try:
            yield
        except PresskitError as exc:
            if not self.keep_going:
                raise
            log.info("left out %s: %s", path, exc.format_message())
            self.failed.append(Failure(path, exc.format_message(), exc.exit_code))


def _read_statements(config: Config, paths: tuple[Path, ...], metadata: dict | None,
                     each: _Failures, languages: LanguageCache) -> list[Statement]:
    """Read every statement; with keep_going, one at a time, leaving out the unreadable ones."""
    if not each.keep_going:
        return read_statements(config, paths, metadata, languages)
    found = []
    for path in find_speeches(config, paths):
        with each.statement(config.relative(path)):
            found.extend(read_statements(config, (path,), metadata, languages))
    slugs: dict[str, Path] = {}
    kept = []
    for statement in found:
        with each.statement(statement.path):
            if statement.slug in slugs:
                raise StatementError(f"has the same output name {statement.slug!r} as {slugs[statement.slug]}; "
                                     "rename one", statement.path)
            slugs[statement.slug] = statement.path
            kept.append(statement)
    return kept


@dataclass
class _Folder:
    """One statement as planned before typesetting: its catalogs' bytes, its editions, its pages."""

    statement: Statement
    sources: dict[Path, bytes]
    catalogs: list[CatalogStatus]
    editions: list[Edition]
    pages: list[_Page]
    to_typeset: list[scheduling.Page]
    earlier: list  # EditionRecords kept from an earlier run (other languages)
    version: corrections.Version


@dataclass(frozen=True)
class _Page:
    """One edition's page and what its manifest record needs; `pdf` when an earlier one is reused."""

    edition: Edition
    html: bytes
    key: str
    provenance: Provenance
    content: str
    pdf: publishing.RenderedPdf | None


def _plan_statement(config: Config, env, statement: Statement, entries, items: list[CatalogWork],
                    suggestions, glossary, moment, say, version: corrections.Version) -> _Folder:
    """Merge one statement's catalogs and render its pages; name the PDFs that need typesetting."""
    sources: dict[Path, bytes] = {}
    statuses = []
    pot_path = catalogs.template_path(config.locales_path, statement.slug)
    template = catalogs.build_template(statement, entries, moment)
    catalogs.stamp_catalog(template, catalogs.read_template(pot_path, config), moment, template=True)
    sources[pot_path] = catalogs.render_catalog(template)
    editions = [catalogs.original_edition(statement)] if statement.source_lang in config.languages else []
    if statement.reviewed in config.languages:  # the page's official translation, confirmed in the header
        editions.append(catalogs.reviewed_edition(statement))
    origins = {statement.source_lang: _Origin({}, ())}
    for item in items:
        merged = item.merge(suggestions.get(item.pair))
        # Before the date stamp: a catalog whose problems changed is a changed catalog.
        annotate_catalog(merged, statement.source_lang, item.lang, glossary)
        catalogs.stamp_catalog(merged, item.old, moment, creation_date=template.creation_date)
        sources[item.path] = catalogs.render_catalog(merged)
        statuses.append(item.status(config.relative(item.path), merged))
        editions.append(catalogs.build_edition(statement, item.lang, merged))
        origins[item.lang] = _Origin(catalogs.catalog_credits(merged), (publishing.PdfAttachment(
            item.path.name, sources[item.path], "the translation file (gettext PO)"),))
    editions.sort(key=lambda e: UN_ORDER.index(e.lang))
    return _plan_folder(config, env, statement, editions, say, origins, moment, sources, statuses, version)


def _say_written(config: Config, written: list[Path]) -> None:
    """Name the PO files a failed run had written already: a reviewer should know of them."""
    po_files = [p for p in written if p.suffix == ".po"]
    if po_files:
        log.warning("PO files written before the failure (the output was not): %s",
                    ", ".join(str(config.relative(p)) for p in po_files))


def suggest(config: Config, work: list[CatalogWork], translator: Translator | None, say,
            bar: ProgressBar | None, counts: reuse.SuggestionCounts | None = None,
            machine: bool = True, glossary: Glossary | None = None,
            languages: LanguageCache | None = None) -> dict[tuple[str, str], dict[str, Suggestion]]:
    """Suggest a translation for every text some catalog lacks: from the translation memory
    first (fed with every reviewed entry of the workspace), then from the translator for the
    rest; no translator is made when nothing is left for it (or `machine` is False). With a
    `glossary`, the translator made here pins names, symbols and terms (translation.pinned)."""
    requests = catalogs.suggestion_requests(work)
    # The other statements' reviewed entries too: a reviewer may have signed them off since
    # they were last published.
    others = catalogs.reviewed_elsewhere(config, {item.statement.slug for item in work}, languages)
    made: list[Translator] = []

    def machine_translate(rest):
        nonlocal translator
        if translator is None:
            translator = translation.open_translator(config, glossary=glossary)
            made.append(translator)
        return translation.suggest(translator, rest, say=say, bar=bar, languages=config.languages)

    try:
        return reuse.suggest_with_memory(
            _memory_path(config), requests,
            reviewed=[*others, *((item.statement, item.lang, item.reviewed) for item in work)],
            machine_only=[(item.pair, text) for item in work for text in item.revised],
            machine=machine_translate if machine else None, counts=counts)
    finally:
        for owned in made:
            owned.close()  # models out of memory before typesetting starts


def _plan_version(config: Config, statement: Statement, work: list[CatalogWork], final: bool) -> corrections.Version:
    """Return the version this run issues of a statement (a correction when a final one changed)."""
    languages = {item.lang for item in work} | {lang for lang in (statement.source_lang, statement.reviewed)
                                                 if lang in config.languages}
    folder = config.output_path / statement.slug
    return corrections.plan_version(folder, statement, final=final, languages=languages,
                                    within=boundary.roots(config), shown=config.relative(folder))


@dataclass(frozen=True)
class _Origin:
    """What one edition's catalog says about its making: machine sources, reviewers; its PO file."""

    credits: dict
    attachments: tuple[publishing.PdfAttachment, ...]


def _provenance(statement: Statement, edition: Edition, origin: _Origin | None, source: bytes) -> Provenance:
    status = "original" if edition.is_original else ("reviewed" if edition.is_reviewed else "machine")
    credits = dict(origin.credits) if origin else {}
    if not any(block.status is TextStatus.MACHINE for block in edition.blocks()):
        credits = {"reviewers": credits.get("reviewers", ())}  # engines only when machine text is printed
    return Provenance(source_sha256=hashlib.sha256(source).hexdigest(), review_state=status,
                      presskit_version=__version__, **credits)


def _memory_path(config: Config) -> Path:
    path = config.state_path / "memory.sqlite3"
    boundary.check_inside(path, boundary.roots(config), shown=config.relative(path))
    return path


def _plan_folder(config: Config, env, statement: Statement, editions: list[Edition], say,
                 origins: dict, moment, sources: dict[Path, bytes], statuses: list[CatalogStatus],
                 version: corrections.Version | None = None) -> _Folder:
    """Render each edition's page of output/<slug>/ and name the PDFs to typeset.

    A PDF is typeset only when its page or the PDF settings changed since the manifest's run:
    typesetting is nearly all of a publish's time. An edition's issue time is kept from the
    manifest while its content (its page without the issue time) is unchanged, so the same
    inputs make the same bytes.
    """
    folder = config.output_path / statement.slug
    built = {e.lang for e in editions}
    within = boundary.roots(config)
    boundary.check_inside(folder, within, shown=config.relative(folder))
    manifest = publishing.read_manifest(folder, within)
    earlier = publishing.earlier_editions(folder, skip=built, records=manifest, within=within)
    before = {record.code: record for record in manifest}
    codes = tuple(code for code in UN_ORDER if code in built or code in {r.code for r in earlier})
    source = statement.path.read_bytes()
    version = version or corrections.Version(blocks=corrections.statement_blocks(statement))
    pages, to_typeset = [], []
    for edition in editions:
        origin = origins.get(edition.lang)
        provenance = _provenance(statement, edition, origin, source)
        if version.is_correction:
            provenance = replace(provenance, edition_version=str(version.number),
                                 replaces_version=str(version.replaces), replaces_issued=version.replaced_issued)
        content = hashlib.sha256(rendering.render_edition(env, edition, codes, provenance).encode("utf-8")).hexdigest()
        record = before.get(edition.lang)
        issued = ((record.provenance or {}).get("issued") if record and record.content_sha256 == content else None)
        issued = issued or moment.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        provenance = replace(provenance, issued=issued)
        html = rendering.render_edition(env, edition, codes, provenance).encode("utf-8")
        attachments = (publishing.PdfAttachment(statement.path.name, source, "the statement as delivered"),
                       *(origin.attachments if origin else ()))
        key = publishing.typesetting_key(html, config.pdf_variant, attachments)
        pdf = publishing.reusable_pdf(folder, record, key, within)
        if pdf is None:
            say(f"typesetting {statement.slug} [{edition.lang}]")
            to_typeset.append(scheduling.Page(
                f"{statement.slug} [{edition.lang}]", html.decode("utf-8"), config.pdf_variant, attachments,
                datetime.datetime.strptime(issued, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc)))
        else:
            say(f"unchanged {statement.slug} [{edition.lang}]: page and settings as typeset before")
        pages.append(_Page(edition, html, key, provenance, content, pdf))
    return _Folder(statement, sources, statuses, editions, pages, to_typeset, earlier, version)


def _finish_folder(config: Config, env, folder: _Folder, typeset: list) -> dict[Path, bytes]:
    """Return the files of output/<slug>/: each edition's HTML and PDF, the index, the manifest.

    `typeset` holds the PDFs of `folder.to_typeset`, in order (or the error one of them raised).
    """
    statement = folder.statement
    path = config.output_path / statement.slug
    made = iter(typeset)
    version = folder.version
    # The corrected version first, byte for byte: it is kept before anything replaces it.
    files: dict[Path, bytes] = {path / version.folder / name: data for name, data in version.archive}
    records = list(folder.earlier)
    for page in folder.pages:
        pdf = page.pdf or next(made)
        if isinstance(pdf, PresskitError):
            raise pdf
        files[path / f"{page.edition.lang}.html"] = page.html
        files[path / f"{page.edition.lang}.pdf"] = pdf.data
        records.append(publishing.edition_record(page.edition, pdf, page.html, page.key, page.provenance,
                                                 page.content))
    if folder.pages:
        records.sort(key=lambda r: UN_ORDER.index(r.code))
        index = rendering.render_index(env, statement, records, statement.source_lang,
                                       version=(version.number, version.replaces, version.replaced_issued))
        files[path / "index.html"] = index.encode("utf-8")
        files[path / publishing.MANIFEST] = publishing.render_manifest(statement.slug, records, __version__, statement,
                                                                       extra=version.manifest_fields())
    return files


def _build_site(config: Config, env, files: dict[Path, bytes]) -> dict[Path, bytes]:
    """Return output/index.html and output/feed.<lang>.atom over every statement published there."""
    # Only output/<slug>/manifest.json: a version a correction keeps (<slug>/v<N>/) is no statement of its own.
    manifests = {path.parent.name: data for path, data in files.items()
                 if path.name == publishing.MANIFEST and path.parent.parent == config.output_path}
    if config.output_path.is_dir():
        for path in sorted(config.output_path.glob(f"*/{publishing.MANIFEST}")):
            if path.parent.name not in manifests and not path.parent.name.startswith("."):  # staging
                try:
                    manifests[path.parent.name] = path.read_bytes()
                except OSError:
                    continue
    published = [p for p in (publishing.published_statement(data) for data in manifests.values()) if p and p.editions]
    if not published:
        return {}
    published.sort(key=lambda p: (p.date, p.slug), reverse=True)  # newest first
    site = {config.output_path / "index.html": rendering.render_site_index(env, published).encode("utf-8")}
    for code in UN_ORDER:
        feed = syndication.render_feed(env, published, code, base_url=config.base_url)
        if feed is not None:
            site[config.output_path / f"feed.{code}.atom"] = feed
    return site
