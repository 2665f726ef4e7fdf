"""The workspace side of reading: which speech files a run works on, read and checked together.

Commands and model management both start here, so that `publish` and `models install` agree
on what the statements are.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from pathlib import Path

from toolkit import boundary
from toolkit.config import Config
from toolkit.errors import PresskitError, StatementError
from toolkit.model import Statement
from toolkit.reader.detection import LanguageCache
from toolkit.statement import read_statement

SPEECH_SUFFIXES = (".txt", ".text", ".md")
LANGUAGE_CACHE = "languages.json"  # in .presskit/: the language detector's answers (LanguageCache)
LANGUAGE_CACHE_LIMIT = 50_000  # answers kept, the newest (about 3 MB)

log = logging.getLogger("toolkit")


def find_speeches(config: Config, paths: tuple[Path, ...], note: bool = True) -> list[Path]:
    """Return the speech files to work on: the given paths, or every file in speeches/.

    Relative paths are relative to the workspace, as if presskit were started there (git -C).
    """
    if paths:
        # Named on the command line: the user's explicit choice, read wherever it is (regular files only).
        return [check_speech(config, config.workspace / p, named=True) for p in paths]
    folder = config.speeches_path
    found = sorted(p for p in folder.glob("*") if p.suffix in SPEECH_SUFFIXES) if folder.is_dir() else []
    hidden = [p for p in found if p.name.startswith(".")]
    if hidden and note:
        # An editor's lock link (.#speech.txt), macOS's ._speech.txt: not statements.
        log.warning("note: skipped hidden files in %s: %s", config.relative(folder),
                    ", ".join(p.name for p in hidden))
    found = [check_speech(config, p) for p in found if p not in hidden]
    if not found:
        raise StatementError(
            f"no speech files in {folder}; put a .txt statement there or name one on the command line"
        )
    return found


def check_speech(config: Config, path: Path, named: bool = False) -> Path:
    """Return `path` if it is a regular file inside the workspace (anywhere when `named` on the
    command line), within the size limit; raise StatementError otherwise (nothing is opened:
    a FIFO is never waited on)."""
    shown = config.relative(path)
    if not named:
        boundary.check_inside(path, boundary.roots(config), StatementError, shown)
    boundary.check_regular(path, StatementError, shown, config.max_statement_bytes, "statement")
    return path


def read_statements(config: Config, paths: tuple[Path, ...], metadata: dict | None = None,
                    languages: LanguageCache | None = None) -> list[Statement]:
    """Read and check every statement before anything is written.

    `metadata` (date, venue, symbol from the command line) overrides what the files say;
    `languages` the detector's remembered answers (default: the workspace's, read only).
    """
    languages = languages or language_cache(config)
    statements = [read_statement(p, source_lang=config.source_language, languages=languages)
                  for p in find_speeches(config, paths)]
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


def language_cache(config: Config) -> LanguageCache:
    """Return the language detector's answers remembered in .presskit/ (none yet: an empty cache).

    It is a cache: a file that is missing, unreadable, from another detector version or not
    what presskit writes is ignored (and replaced at the next publish), never an error.
    """
    path = config.state_path / LANGUAGE_CACHE
    empty = LanguageCache()
    try:
        boundary.check_inside(path, boundary.roots(config))
        if not path.exists():
            return empty
        data = json.loads(boundary.read_regular(path, limit=8 << 20))
        answers = {key: (lang, float(p)) for key, (lang, p) in data["answers"].items()
                   if isinstance(key, str) and isinstance(lang, str)}
    except (PresskitError, OSError, ValueError, TypeError, KeyError, AttributeError):
        return empty
    return LanguageCache(empty.version, answers) if data.get("detector") == empty.version else empty


def keep_language_cache(config: Config, languages: LanguageCache) -> None:
    """Write the detector's answers to .presskit/ when this run added any (atomically)."""
    from toolkit.publishing import atomic_write

    if not languages.new:
        return
    answers = dict(list(languages.answers.items())[-LANGUAGE_CACHE_LIMIT:])
    data = json.dumps({"detector": languages.version, "answers": answers}, ensure_ascii=False,
                      separators=(",", ":")).encode("utf-8")
    atomic_write(config.state_path / LANGUAGE_CACHE, data, within=boundary.roots(config))
    languages.new = 0


def _with_metadata(statement: Statement, given: dict) -> Statement:
    findings = statement.findings
    if "date" in given:
        findings = tuple(f for f in findings if f.code != "missing-date")
    return dataclasses.replace(statement, findings=findings, **given)


def source_languages(config: Config) -> set[str]:
    """Return the languages the workspace's statements are written in, as publish would read them.

    Statements that cannot be read are left out: `presskit lint` reports them, and model
    management needs nothing for them. An empty set when there are no statements yet.
    """
    if config.source_language:
        return {config.source_language}
    try:
        paths = find_speeches(config, (), note=False)
    except PresskitError:
        return set()
    languages = set()
    for path in paths:
        try:
            languages.add(read_statement(path).source_lang)
        except PresskitError:
            continue
    return languages
