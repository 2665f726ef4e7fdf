"""The checks over a whole catalog: what each entry's problems are, and the comments showing them.

Extracted comments (`#.`) belong to the tool, as with msgmerge: a run replaces the `check:`
lines of an entry with what the checks find now, and leaves every other comment alone. An entry
whose problems did not change keeps its comments as they were, so the file is not rewritten.
"""

from __future__ import annotations

from dataclasses import dataclass

from babel.messages.catalog import Catalog, Message

from toolkit.checks import Problem, acknowledged, check_entry, comments, without_check_comments
from toolkit.terminology.glossary import Glossary


@dataclass(frozen=True)
class EntryCheck:
    """What the checks found in one catalog entry."""

    msgid: str
    context: str | None
    line: int | None  # where the entry starts in the file as read; None for a new entry
    reviewed: bool
    problems: tuple[Problem, ...]
    acknowledged: tuple[Problem, ...]  # problems the reviewer flagged ignore-<code>

    @property
    def errors(self) -> tuple[Problem, ...]:
        """Unacknowledged errors: what stops `check` and `publish --final` on a reviewed entry."""
        return tuple(p for p in self.problems if p.is_error)

    @property
    def blocking(self) -> bool:
        return self.reviewed and bool(self.errors)


def check_message(message: Message, source_lang: str, lang: str, glossary: Glossary | None) -> EntryCheck:
    """Return the problems of one entry, split into open and acknowledged."""
    found = check_entry(message.id, message.string, source_lang, lang, glossary) if message.string else []
    flags = message.flags
    return EntryCheck(
        msgid=message.id,
        context=message.context,
        line=message.lineno,
        reviewed=bool(message.string) and not message.fuzzy,
        problems=tuple(p for p in found if not acknowledged(p, flags)),
        acknowledged=tuple(p for p in found if acknowledged(p, flags)),
    )


def check_catalog(catalog: Catalog, source_lang: str, lang: str, glossary: Glossary | None) -> list[EntryCheck]:
    """Return the checks of every translated entry of a catalog, in catalog order."""
    return [check_message(m, source_lang, lang, glossary) for m in catalog if m.id and m.string]


def annotate_catalog(catalog: Catalog, source_lang: str, lang: str, glossary: Glossary | None) -> list[EntryCheck]:
    """Write each entry's open problems as `#. check:` comments (in place); return the checks.

    Acknowledged problems are not shown: the reviewer has seen them. Entries without a
    translation lose any check comment they had.
    """
    results = []
    for message in catalog:
        if not message.id:
            continue
        kept = without_check_comments(message.auto_comments)
        if message.string:
            result = check_message(message, source_lang, lang, glossary)
            results.append(result)
            kept += comments(result.problems)
        if kept != list(message.auto_comments):
            message.auto_comments = kept
    return results


def blocking_lines(checks: list[EntryCheck], shown_path) -> list[str]:
    """Return `path:line: code: message` for each unacknowledged error of a reviewed entry."""
    return [f"{shown_path}:{c.line or 1}: {p.code}: {p.message}" for c in checks if c.blocking for p in c.errors]


def final_problems(config, work, glossary: Glossary | None, shown: int = 12) -> None:
    """Raise ReviewError naming every reviewed entry with an unacknowledged check error.

    `work` is the run's catalogs (toolkit.catalogs.CatalogWork); each is checked as read.
    """
    from toolkit.errors import ReviewError

    problems = []
    for item in work:
        if item.old is None:
            continue
        found = blocking_lines(check_catalog(item.old, item.statement.source_lang, item.lang, glossary),
                               config.relative(item.path))
        if found:
            problems.append(f"{item.statement.slug} [{item.lang}]: {len(found)} check error(s) in reviewed entries")
            problems += [f"  {line}" for line in found[:shown]]
            if len(found) > shown:
                problems.append(f"  ... and {len(found) - shown} more")
    if problems:
        raise ReviewError("--final: reviewed entries fail the checks; nothing was written. Fix the "
                          "translation, or acknowledge a false alarm with a flag such as "
                          "'#, ignore-numbers' (presskit check lists them all):\n" + "\n".join(problems))
