"""One language of one statement during a run: its catalog as read, what it lacks, the merge.

`CatalogWork` is read once per run and asked everything a command needs (what to suggest, the
merge, the review status, whether a reviewer saved the file meanwhile); the merge plan, slow to
make on a big edit, is made once and stays inside it.
"""

from __future__ import annotations

from pathlib import Path

from toolkit.catalogs import merge, pofile, review
from toolkit.catalogs.merge import SourceEntry
from toolkit.catalogs.pofile import PoCatalog
from toolkit.catalogs.review import CatalogStatus
from toolkit.config import Config
from toolkit.errors import CatalogError, ReviewError
from toolkit.model import Finding, Statement, Suggestion


def template_path(locales: Path, slug: str) -> Path:
    """Return where a statement's template lives: locales/<slug>.pot."""
    return Path(locales) / f"{slug}.pot"


def catalog_path(locales: Path, lang: str, slug: str) -> Path:
    """Return where a statement's catalog for a language lives: locales/<lang>/LC_MESSAGES/<slug>.po."""
    return Path(locales) / lang / "LC_MESSAGES" / f"{slug}.po"


def read_existing(path: Path, lang: str | None = None, config: Config | None = None) -> PoCatalog | None:
    """Read a catalog if the file exists; None when there is no file yet.

    With `config`, a catalog whose real path leaves the workspace, or above the size limit,
    is refused (CatalogError).
    """
    limit = None
    if config is not None:
        from toolkit import boundary

        boundary.check_inside(path, boundary.roots(config), CatalogError, config.relative(path))
        limit = config.max_catalog_bytes
    return pofile.read_catalog(path, lang, limit) if Path(path).exists() else None


def read_template(path: Path, config: Config | None = None) -> PoCatalog | None:
    """Read a statement's template if there is a readable one; None otherwise."""
    try:
        return read_existing(path, config=config)
    except CatalogError:
        return None  # the template is presskit's own output: a broken one is simply replaced


class CatalogWork:
    """One language of one statement during a run: its catalog on disk and what it lacks."""

    def __init__(self, statement: Statement, lang: str, path: Path, entries: tuple[SourceEntry, ...],
                 old: PoCatalog | None):
        self.statement = statement
        self.lang = lang
        self.path = path
        self.entries = entries
        self.old = old
        # The file as it was read: a reviewer may save it while we run.
        self.read_bytes = old.read_bytes if old is not None else None
        self._plan = merge.plan_merge(old, entries)  # made once: slow on a big edit

    @classmethod
    def read(cls, statement: Statement, lang: str, locales: Path, entries: tuple[SourceEntry, ...],
             config: Config | None = None) -> CatalogWork:
        """Read a language's catalog (CatalogError for a broken one) and plan its merge."""
        path = catalog_path(locales, lang, statement.slug)
        return cls(statement, lang, path, entries, read_existing(path, lang, config))

    @property
    def pair(self) -> tuple[str, str]:
        """Return the (source, target) language pair the catalog translates."""
        return (self.statement.source_lang, self.lang)

    @property
    def pending(self) -> list[str]:
        """Return the source texts that need a machine suggestion."""
        return merge.texts_to_suggest(self.old, self.entries, plan=self._plan)

    @property
    def revised(self) -> list[str]:
        """Return the new source texts of reviewed entries whose source changed: they keep the
        reviewed text, and the machine's suggestion for the new text is offered beside it."""
        return [key[1] for key, (how, message) in self._plan.items()
                if how == "changed" and merge.is_reviewed(message)]

    @property
    def reviewed(self) -> list[tuple[str, str]]:
        """Return (source, translation) of each entry a reviewer signed off in the file as read."""
        return merge.reviewed_translations(self.old) if self.old is not None else []

    def merge(self, suggestions: dict[str, Suggestion] | None = None) -> PoCatalog:
        """Return the catalog merged with the template and `suggestions` (by source text); no I/O."""
        return merge.update_catalog(self.old, self.entries, self.lang, suggestions, slug=self.statement.slug,
                                    version=merge.project_version(self.statement), plan=self._plan)

    def status(self, shown_path: Path, merged: PoCatalog | None = None) -> CatalogStatus:
        """Return the review status; without `merged`, as a merge would leave the catalog."""
        merged = self.merge() if merged is None else merged
        return review.catalog_status(self.statement, self.lang, shown_path, merged, self.entries, self.old)

    def check_unchanged(self) -> None:
        """Raise CatalogError if the file changed on disk since it was read (the workspace lock
        only keeps other presskit runs out, not a reviewer's editor)."""
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            data = None
        if data != self.read_bytes:
            raise CatalogError("changed while presskit ran (saved in an editor?); nothing was written; "
                               "run again", self.path)


def target_languages(config: Config, statement: Statement) -> list[str]:
    """Return the languages a statement is translated into: the configured ones but its own, and
    but the one whose official text the page carries (header 'reviewed:'), which is never machine-translated."""
    return [lang for lang in config.languages if lang not in (statement.source_lang, statement.reviewed)]


def gather_catalogs(config: Config, statement: Statement,
                    entries: tuple[SourceEntry, ...] | None = None) -> list[CatalogWork]:
    """Read every target language's catalog of a statement and plan each one's merge."""
    if entries is None:
        entries = merge.source_entries(statement, config.workspace)
    return [CatalogWork.read(statement, lang, config.locales_path, entries, config)
            for lang in target_languages(config, statement)]


def reviewed_elsewhere(config: Config, skip: set[str] = frozenset(), languages=None):
    """Yield (statement, language, reviewed pairs) of every statement in speeches/ but `skip`
    (slugs), for the translation memory. A speech or catalog that cannot be read is passed
    over: this run does not work on it, and `presskit lint` or `status` report it.
    `languages` is the run's LanguageCache (the detector's remembered answers)."""
    from toolkit.errors import PresskitError
    from toolkit.statement import read_statement
    from toolkit.workspace import check_speech, find_speeches

    try:
        paths = find_speeches(config, (), note=False)
    except PresskitError:
        return
    for path in paths:
        try:
            statement = read_statement(check_speech(config, path), source_lang=config.source_language,
                                       languages=languages)
        except PresskitError:
            continue
        if statement.slug in skip:
            continue
        for lang in config.languages:
            if lang == statement.source_lang:
                continue
            try:
                catalog = read_existing(catalog_path(config.locales_path, lang, statement.slug), lang, config)
            except PresskitError:
                continue
            if catalog is not None:
                yield statement, lang, merge.reviewed_translations(catalog)


def suggestion_requests(work: list[CatalogWork]) -> dict[tuple[str, str], list[str]]:
    """Return, per language pair, every source text some catalog needs a suggestion for."""
    needed: dict[tuple[str, str], dict[str, None]] = {}
    for item in work:
        if item.pending:
            needed.setdefault(item.pair, {}).update(dict.fromkeys(item.pending))
    return {pair: list(texts) for pair, texts in needed.items()}


def check_final(config: Config, work: list[CatalogWork], shown_per_language: int = 12) -> None:
    """Raise ReviewError, listing what is left to review, unless every language is reviewed."""
    problems = []
    for item in work:
        status = item.status(config.relative(item.path))
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
