"""Reuse human translations: reviewed catalog entries go into the memory, and come back as
suggestions for the same or a close source text in any statement.

Memory comes before the machine: an exact match of a reviewed paragraph, a paragraph whose every
sentence was reviewed elsewhere, or a close match (at least 85 % similar, as msgmerge's
compendium) is offered, fuzzy, naming where it came from; only the rest is machine-translated.
A suggestion from memory is still fuzzy because context can change meaning: a reviewer confirms.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.model import MemoryMatch, Statement, Suggestion
from toolkit.translation.memory import HumanUnit, TranslationMemory
from toolkit.translation.sentences import split_sentences

ENGINE = "translation memory"
NO_SPACE_LANGUAGES = frozenset({"zh", "ja"})  # sentences are joined without a space


def reviewed_units(pairs: Iterable[tuple[str, str]], from_code: str, to_code: str, origin: str,
                   date: str | None) -> Iterator[HumanUnit]:
    """Yield the memory units of reviewed (source, translation) pairs: each paragraph, and each
    sentence where the paragraph's sentences and its translation's align one to one."""
    for source, target in pairs:
        yield HumanUnit(from_code, to_code, source, target, origin, date, "paragraph", "reviewed")
        sources, targets = _sentences(source), _sentences(target)
        if len(sources) > 1 and len(sources) == len(targets):
            for one, other in zip(sources, targets):
                if _translatable(one) and _translatable(other):
                    yield HumanUnit(from_code, to_code, one, other, origin, date, "sentence", "reviewed")


@dataclass
class SuggestionCounts:
    """Where the suggestions of a run came from: texts per language pair, memory or machine."""

    exact: int = 0  # the same paragraph, reviewed before
    sentences: int = 0  # assembled from reviewed sentences
    close: int = 0  # a close (>= 85 %) reviewed paragraph
    machine: int = 0  # machine-translated
    pairs: dict = field(default_factory=dict)  # (source, target) -> [memory, machine]

    @property
    def memory(self) -> int:
        return self.exact + self.sentences + self.close


def suggest_with_memory(
    memory_path: Path,
    requests: Mapping[tuple[str, str], Sequence[str]],
    *,
    reviewed: Iterable[tuple[Statement, str, list[tuple[str, str]]]] = (),
    machine_only: Iterable[tuple[tuple[str, str], str]] = (),
    machine: Callable[[dict[tuple[str, str], list[str]]], dict[tuple[str, str], dict[str, Suggestion]]] | None,
    counts: SuggestionCounts | None = None,
) -> dict[tuple[str, str], dict[str, Suggestion]]:
    """Return suggestions by pair and source text: from memory first, then `machine(requests)`
    for the rest (None: memory only).

    `reviewed` (statement, language, reviewed pairs) is stored first, so that what a reviewer
    signed off in one statement serves every other one in the same run. `machine_only` texts
    (a reviewed paragraph whose source changed) go to the machine: the reviewed text stays.
    """
    counts = counts if counts is not None else SuggestionCounts()
    forced = set(machine_only)
    found: dict[tuple[str, str], dict[str, Suggestion]] = {}
    with TranslationMemory(memory_path) as memory:
        for statement, lang, pairs in reviewed:
            if pairs:
                remember_reviewed(memory, statement, lang, pairs)
        for pair, texts in requests.items():
            found[pair] = recall(memory, *pair, [t for t in texts if (pair, t) not in forced])
    rest = {pair: [t for t in texts if t not in found[pair]] for pair, texts in requests.items()}
    rest = {pair: texts for pair, texts in rest.items() if texts}
    for pair, hits in found.items():
        for suggestion in hits.values():
            match = suggestion.memory
            if match.sentences:
                counts.sentences += 1
            elif match.exact:
                counts.exact += 1
            else:
                counts.close += 1
        counts.pairs[pair] = [len(hits), len(rest.get(pair, ()))]
    if rest and machine is not None:
        for pair, suggestions in machine(rest).items():
            found.setdefault(pair, {}).update(suggestions)
            counts.machine += len(suggestions)
    return {pair: hits for pair, hits in found.items() if hits}


def remember_reviewed(memory: TranslationMemory, statement, lang: str,
                      pairs: Iterable[tuple[str, str]]) -> int:
    """Store a statement's reviewed (source, translation) pairs into `lang`, naming the statement
    and its date as their origin; return how many memory units were offered."""
    date = statement.date.isoformat() if statement.date else None
    return memory.store_human(reviewed_units(pairs, statement.source_lang, lang, statement.slug, date))


def recall(memory: TranslationMemory, from_code: str, to_code: str, texts: Sequence[str], *,
           close: bool = True) -> dict[str, Suggestion]:
    """Return a memory suggestion for each text the memory can give (exact, assembled from
    reviewed sentences, or, with `close`, a close match); the rest is for the machine."""
    texts = [t for t in dict.fromkeys(texts) if _translatable(t)]
    found: dict[str, Suggestion] = {}
    exact = memory.human_exact(from_code, to_code, texts)
    for text in texts:
        if text in exact:
            found[text] = _suggestion(text, exact[text])
    rest = [t for t in texts if t not in found]
    lines = {t: [split_sentences(line) for line in t.split("\n")] for t in rest}
    wanted = [s for t in rest for line in lines[t] for s in line if _translatable(s)]
    known = memory.human_exact(from_code, to_code, wanted) if wanted else {}
    joiner = "" if to_code in NO_SPACE_LANGUAGES else " "
    for text in rest:
        sentences = [s for line in lines[text] for s in line if _translatable(s)]
        if len(sentences) > 1 and all(s in known for s in sentences):
            assembled = "\n".join(joiner.join(known[s].target if s in known else s for s in line)
                                  for line in lines[text])
            used = [known[s] for s in sentences]
            origins = ", ".join(dict.fromkeys(m.origin for m in used))
            dates = [m.date for m in used if m.date]
            match = MemoryMatch(text, assembled, origins, max(dates) if dates else None, 1.0,
                                sentences=len(sentences), imported=all(m.imported for m in used))
            found[text] = _suggestion(text, match)
    if close:
        for text in rest:
            if text not in found:
                match = memory.human_close(from_code, to_code, text)
                if match is not None:
                    found[text] = _suggestion(text, match)
    return found


def _suggestion(text: str, match: MemoryMatch) -> Suggestion:
    return Suggestion(text, match.target, ENGINE, match.origin, match.date or "", memory=match)


def _sentences(text: str) -> list[str]:
    return [s for line in text.split("\n") for s in split_sentences(line)]


def _translatable(text: str) -> bool:
    return any(ch.isalpha() for ch in text)
