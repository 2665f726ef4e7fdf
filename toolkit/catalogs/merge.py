"""The template of a statement and the msgmerge-style update of a language's catalog.

The rules, in the order they matter to a reviewer:

- a reviewed entry (not fuzzy, not empty) is never changed; only its locations follow the source;
- an entry whose source text changed is matched to its old entry by position and similarity
  (as msgmerge's fuzzy matching does), turns fuzzy and shows the old text as `#| msgid`; a
  reviewed translation stays its msgstr, as msgmerge keeps it, with the suggestion for the new
  text in a `#.` comment to take or leave; an unreviewed one gets the fresh suggestion. The old
  entry is kept, obsolete too, so a reviewed text is never lost;
- an entry whose text left the speech becomes obsolete (`#~`) and comes back, as it was, if the
  text returns; presskit never deletes an entry;
- suggestions (the translation memory's, then the machine's) only ever fill an empty entry,
  marked fuzzy with their provenance; a close memory match shows the text it translates as `#|`.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping

from babel.messages.catalog import Catalog, Message

from toolkit.catalogs.pofile import PoCatalog, drop_format_flags
from toolkit.languages import LANGUAGES
from toolkit.model import BlockKind, MemoryMatch, Statement, Suggestion

# Below this similarity a changed paragraph counts as new rather than as an edit of an old one
# (msgmerge's own threshold); an entry at the same place gets a small bonus.
SIMILARITY = 0.6
SAME_PLACE_BONUS = 0.15

# Identical text is one entry, unless it plays two roles whose translations can differ: a
# heading may take a nominal style where running text takes a sentence. Running text keeps the
# plain entry; the other role gets a msgctxt.
_ROLE = {
    BlockKind.PARAGRAPH: None, BlockKind.LIST_ITEM: None, BlockKind.PULL_QUOTE: None,
    BlockKind.TITLE: "heading", BlockKind.HEADING: "heading",
    BlockKind.SPEAKER: "label", BlockKind.ATTRIBUTION: "label",
}
_ROLE_ORDER = (None, "heading", "label")

Key = tuple  # (msgctxt or None, msgid)
# How each template entry meets the old catalog: "exact", "revived", "changed" or "new", and
# the old message it was matched to.
Plan = dict  # Key -> (how, Message | None)

_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_TOKEN = re.compile(f"[{_CJK}]|[^\\s{_CJK}]+")


@dataclass(frozen=True)
class SourceEntry:
    """One entry of a statement's template: a source text and every place it occurs."""

    msgid: str
    context: str | None
    locations: tuple[tuple[str, int], ...]

    @property
    def key(self) -> Key:
        return (self.context, self.msgid)


def block_keys(statement: Statement) -> list[Key]:
    """Return the catalog key of each of `statement.blocks()`, in the same order."""
    roles: dict[str, set] = {}
    for block in statement.blocks():
        roles.setdefault(block.text, set()).add(_ROLE[block.kind])
    keys = []
    for block in statement.blocks():
        role = _ROLE[block.kind]
        first = min(roles[block.text], key=_ROLE_ORDER.index)
        keys.append((None if role == first else role, block.text))
    return keys


def source_entries(statement: Statement, workspace: Path) -> tuple[SourceEntry, ...]:
    """Return the template entries of a statement in source order, one per distinct key."""
    where = location_path(statement.path, workspace)
    found: dict[Key, list[tuple[str, int]]] = {}
    for block, key in zip(statement.blocks(), block_keys(statement)):
        found.setdefault(key, []).append((where, block.line))
    return tuple(SourceEntry(msgid, ctxt, tuple(locs)) for (ctxt, msgid), locs in found.items())


def location_path(path: Path, workspace: Path) -> str:
    """Return a speech file's path as PO locations show it: relative to the workspace."""
    try:
        relative = Path(path).resolve().relative_to(Path(workspace).resolve())
    except ValueError:
        relative = Path(os.path.relpath(Path(path).resolve(), Path(workspace).resolve()))
    return relative.as_posix()


def build_template(statement: Statement, entries: Iterable[SourceEntry], creation_date) -> PoCatalog:
    """Return the POT catalog of a statement: every source text, untranslated."""
    catalog = PoCatalog(project=statement.slug, version=project_version(statement), fuzzy=False,
                        creation_date=creation_date, header_comment=_header_comment(statement.slug, None))
    for entry in entries:
        catalog[entry.msgid] = _message(entry.msgid, "", entry.locations, context=entry.context)
    return catalog


def project_version(statement: Statement) -> str:
    """Return the version part of Project-Id-Version: the date of delivery (stable across runs)."""
    return statement.date.isoformat() if statement.date else "undated"


def _empty_like(old: PoCatalog | None, slug: str, version: str, lang: str) -> PoCatalog:
    """Return an empty catalog with the old one's header, or a fresh header for a new file."""
    if old is None:
        return PoCatalog(locale=lang, project=slug, version=version, fuzzy=False,
                         header_comment=_header_comment(slug, lang))
    new = PoCatalog(locale=lang, fuzzy=old.fuzzy)
    # Keep what the reviewers' editors wrote in the header (team, translator, X-Generator).
    new.mime_headers = old.mime_headers
    new.header_comment = old._header_comment
    new.on_disk = old.on_disk  # the file the merge replaces: kept as it is if nothing changes
    return new


def texts_to_suggest(old: Catalog | None, entries: Iterable[SourceEntry], *, plan: Plan | None = None) -> list[str]:
    """Return the source texts that need a machine suggestion: new, changed or still empty.

    `plan` is plan_merge(old, entries), when the caller has it already.
    """
    plan = plan_merge(old, entries) if plan is None else plan
    texts = [key[1] for key, (how, message) in plan.items()
             if how in ("new", "changed") or not message.string]
    return list(dict.fromkeys(texts))


def plan_merge(old: Catalog | None, entries: Iterable[SourceEntry]) -> Plan:
    """Match each template entry to an old entry: exact, revived (was obsolete), changed or new."""
    entries = list(entries)
    active = {(m.context, m.id): m for m in old if m.id} if old is not None else {}
    obsolete = {(m.context, m.id): m for m in old.obsolete.values()} if old is not None else {}
    plan: dict[Key, tuple[str, Message | None]] = {}
    for entry in entries:
        if entry.key in active:
            plan[entry.key] = ("exact", active[entry.key])
        elif entry.key in obsolete:
            plan[entry.key] = ("revived", obsolete[entry.key])
    unmatched = [(i, e) for i, e in enumerate(entries) if e.key not in plan]
    free = [(i, m) for i, (k, m) in enumerate(active.items())
            if k not in plan and isinstance(m.id, str)]
    scored = []
    tokens = {new_index: _tokens(entry.msgid) for new_index, entry in unmatched}
    for old_index, message in free:
        matcher = difflib.SequenceMatcher(None, b=_tokens(message.id), autojunk=False)
        for new_index, entry in unmatched:
            same_place = old_index == new_index or bool(set(entry.locations) & set(message.locations))
            bonus = SAME_PLACE_BONUS if same_place else 0
            matcher.set_seq1(tokens[new_index])
            # ratio() is slow on long paragraphs; its cheap upper bounds rule out most pairs.
            if matcher.real_quick_ratio() + bonus < SIMILARITY or matcher.quick_ratio() + bonus < SIMILARITY:
                continue
            score = matcher.ratio() + bonus
            if score >= SIMILARITY:
                scored.append((-score, new_index, old_index, entry.key, message))
    taken = set()
    for _, _, old_index, key, message in sorted(scored, key=lambda s: s[:3]):
        if key not in plan and old_index not in taken:
            plan[key] = ("changed", message)
            taken.add(old_index)
    for _, entry in unmatched:
        plan.setdefault(entry.key, ("new", None))
    return {e.key: plan[e.key] for e in entries}


def update_catalog(
    old: PoCatalog | None,
    entries: Iterable[SourceEntry],
    lang: str,
    suggestions: Mapping[str, Suggestion] | None = None,
    *,
    slug: str = "statement",
    version: str = "undated",
    plan: Plan | None = None,
) -> PoCatalog:
    """Return the merge of the old catalog and machine suggestions, msgmerge-style (no I/O).

    `plan` is plan_merge(old, entries), when the caller has it already.
    """
    entries = list(entries)
    suggestions = suggestions or {}
    new = _empty_like(old, slug, version, lang)
    plan = plan_merge(old, entries) if plan is None else plan
    used: set[Key] = set()
    for entry in entries:
        how, message = plan[entry.key]
        suggestion = suggestions.get(entry.msgid)
        if how in ("exact", "revived"):
            used.add(entry.key)
            merged = _clone(message)
            merged.locations = list(entry.locations)
            if not merged.string and suggestion:
                _suggest(merged, suggestion)
        elif how == "changed":
            merged = _message(entry.msgid, message.string, entry.locations, context=entry.context,
                              flags=message.flags, user_comments=message.user_comments,
                              auto_comments=message.auto_comments)
            # Show the reviewer the last text they reviewed, as msgmerge does for a fuzzy entry.
            merged.previous_id = list(message.previous_id) if message.fuzzy and message.previous_id \
                else [message.id]
            merged.flags.add("fuzzy")
            if suggestion and is_reviewed(message):
                # msgmerge keeps the reviewed text: a reviewer edits it, rather than meeting
                # machine text in Poedit's "previous translation" place.
                merged.auto_comments = offered_comments(suggestion)
            elif suggestion:
                _suggest(merged, suggestion)
        else:
            merged = _message(entry.msgid, "", entry.locations, context=entry.context)
            if suggestion:
                _suggest(merged, suggestion)
        merged.lineno = None
        new[entry.msgid] = merged
    if old is not None:
        for message in old.obsolete.values():
            if (message.context, message.id) not in used:
                _add_obsolete(new, message)
        for message in old:
            if message.id and (message.context, message.id) not in used:
                _add_obsolete(new, message)
    return new


def machine_comments(suggestion: Suggestion) -> list[str]:
    """Return the extracted comments (#.) that say where a suggestion came from."""
    if suggestion.memory is not None:
        return memory_comments(suggestion.memory)
    lines = [f"Machine translation: {suggestion.engine}",
             f"Package: {suggestion.package} {suggestion.version}".rstrip()]
    if suggestion.pivot:
        name = LANGUAGES[suggestion.pivot].english_name if suggestion.pivot in LANGUAGES else suggestion.pivot
        lines.append(f"Pivot language: {name} ({suggestion.pivot})")
    return lines + list(suggestion.terms)  # what pinning did (toolkit.translation.pinned)


def memory_comments(match: MemoryMatch) -> list[str]:
    """Return the extracted comments (#.) that say where a translation-memory suggestion came from."""
    where = f"imported from {match.origin}" if match.imported else f"reviewed in {match.origin}"
    when = f" ({match.date})" if match.date else ""
    if match.sentences:
        return [f"Translation memory: {match.sentences} sentences, each {where}{when}; check that the "
                "whole reads well"]
    if match.exact:
        return [f"Translation memory: the same text, {where}{when}; check that it fits here"]
    return [f"Translation memory: a {int(match.similarity * 100)} % match, {where}{when}; it translates "
            "the previous text (#|): update it to this one"]


def offered_comments(suggestion: Suggestion) -> list[str]:
    """Return the comments that offer a suggestion for a changed source beside the reviewed text
    of the old one."""
    return ["The translation is the reviewed one of the previous text (#|): update it to the new text.",
            "Suggestion for the new text (" + "; ".join(machine_comments(suggestion)) + "):",
            suggestion.text.strip()]


def reviewed_translations(catalog: Catalog) -> list[tuple[str, str]]:
    """Return (source, translation) of every reviewed active entry, in file order."""
    return [(m.id, m.string) for m in catalog if m.id and isinstance(m.id, str) and is_reviewed(m)]


def is_reviewed(message: Message) -> bool:
    """Return True for an entry a reviewer has signed off: translated and not fuzzy."""
    return bool(message.string) and not message.fuzzy


def _suggest(message: Message, suggestion: Suggestion) -> None:
    text = suggestion.text.strip()
    if not text:
        return
    message.string = text
    message.flags.add("fuzzy")
    if suggestion.memory is not None and not suggestion.memory.exact:
        message.previous_id = [suggestion.memory.source]
    # Extracted comments belong to the tool (msgmerge replaces them too): the provenance of
    # the suggestion now in msgstr replaces that of an earlier one.
    message.auto_comments = machine_comments(suggestion)


def _add_obsolete(catalog: Catalog, message: Message) -> None:
    key = (message.id, message.context) if message.context else message.id
    kept = _clone(message)
    kept.locations, kept.previous_id, kept.lineno = [], [], None
    catalog.obsolete[key] = kept


def _clone(message: Message) -> Message:
    copy = message.clone()
    drop_format_flags(copy)  # Message() guesses them again from the text
    return copy


def _message(msgid: str, string: str, locations, *, context=None, flags=(), user_comments=(),
             auto_comments=()) -> Message:
    message = Message(msgid, string, list(locations), set(flags), list(auto_comments),
                      list(user_comments), context=context)
    drop_format_flags(message)
    return message


def _tokens(text: str) -> list[str]:
    # Words, not characters: a reworded sentence should still match its old self. Chinese
    # writes no spaces, so there each character is a token (a paragraph would be one word).
    return _TOKEN.findall(text)


def _header_comment(slug: str, lang: str | None) -> str:
    # No placeholders babel would fill with the current year: that would churn every January.
    if lang is None:
        return (f"# Source texts of the statement {slug!r}, for translation.\n"
                "# Written by presskit from the speech file; do not edit: translations go in\n"
                f"# locales/<language>/LC_MESSAGES/{slug}.po.")
    name = LANGUAGES[lang].english_name if lang in LANGUAGES else lang
    return (f"# {name} translation of the statement {slug!r}.\n"
            "# Machine suggestions are marked fuzzy; clear the flag once an entry is reviewed.\n"
            "# presskit fills empty entries and never changes a reviewed one.")
