"""Pinning in machine translation: what must come out verbatim, and which terms are required.

CTranslate2 has no lexically constrained decoding (OpenNMT/CTranslate2 #739), so presskit does
two honest things instead:

- **Masks.** Document symbols (A/RES/73/195, SG/SM/20060), URLs, e-mail addresses, names after a
  form of address ("H.E. Mr. Miroslav Lajčák", into languages written in Latin letters) and
  do-not-translate glossary terms whose form is the same in the target are replaced by
  placeholders before the model sees the sentence and put back afterwards. A model may drop or
  mangle a placeholder (a small or a random one always does): then the sentence is cut at the
  pinned spans, the pieces between them are translated alone and the spans spliced back in
  source order. Either way the span comes out byte for byte, through SentencePiece and an
  English pivot alike.
- **Hypotheses.** For a sentence with glossary terms the model is asked for its n best
  translations (`num_hypotheses`), and the best-scoring one that uses the approved target terms
  is taken; the catalog comment says which terms were enforced and which no hypothesis had.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from toolkit.terminology.glossary import Glossary, Term
from toolkit.terminology.matching import find_terms, has_form

LATIN_SCRIPT = frozenset({"en", "fr", "es"})
PLACEHOLDER = "ZX{}Q"  # letters no language here writes together, so a model tends to copy them
_PLACEHOLDER = re.compile(r"Z\s?X\s?(\d+)\s?Q", re.IGNORECASE)

_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"“”«»]+", re.IGNORECASE)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
# UN document symbols: series letters, then slash-separated parts, at least one with a digit:
# A/RES/73/195, SG/SM/20060, S/2019/123, E/CN.6/2020/L.3, A/73/L.66/Add.1, GA/12075.
_SYMBOL = re.compile(r"(?<![\w/])[A-Z]{1,8}(?:\.\d+)?(?:/(?:[A-Z]{1,8}|\d+|[A-Z][a-z]{1,3})(?:\.\d+)*)+(?![\w/])")
_HONORIFIC = (r"(?:H\.\s?E\.\s+)?(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sir|Dame|Ambassador|Mme|M|Sr|Sra|Excmo\.\s+Sr|"
              r"Excma\.\s+Sra)\.?\s+")
_NAME = re.compile(_HONORIFIC + r"(?P<name>[A-Z][\w’'-]+(?:\s+(?:[A-Z][\w’'-]+|de|da|van|von|bin|al|dos|del))*"
                   r"\s+[A-Z][\w’'-]+|[A-Z][\w’'-]{2,})")


@dataclass(frozen=True)
class Span:
    """A piece of source text that must come out verbatim."""

    kind: str  # "symbol", "url", "email", "name", "term"
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Masked:
    """A sentence with its pinned spans replaced by placeholders."""

    source: str
    text: str
    spans: tuple[Span, ...]

    def restore(self, translation: str) -> str | None:
        """Put the spans back into a translation of `text`; None if a placeholder got lost."""
        if not self.spans:
            return translation
        found = [int(m.group(1)) for m in _PLACEHOLDER.finditer(translation)]
        if sorted(found) != list(range(len(self.spans))):
            return None
        return _PLACEHOLDER.sub(lambda m: self.spans[int(m.group(1))].text, translation)

    def pieces(self) -> list[str | Span]:
        """Return the source cut at the spans: text to translate, and the spans themselves."""
        parts: list[str | Span] = []
        at = 0
        for span in self.spans:
            before = self.source[at:span.start].strip()
            if before:
                parts.append(before)
            parts.append(span)
            at = span.end
        rest = self.source[at:].strip()
        if rest:
            parts.append(rest)
        return parts


def pinned_spans(sentence: str, source: str, target: str, glossary: Glossary | None = None) -> list[Span]:
    """Return the spans of a source sentence that must come out verbatim in `target`."""
    found: list[Span] = []
    for kind, pattern in (("url", _URL), ("email", _EMAIL), ("symbol", _SYMBOL)):
        for match in pattern.finditer(sentence):
            text = match.group().rstrip(".,;:!?)]’'")
            found.append(Span(kind, text, match.start(), match.start() + len(text)))
    if glossary:
        for match in find_terms(sentence, source, glossary.for_pair(source, target)):
            term = match.term
            if term.do_not_translate and term.preferred(target, source) == sentence[match.start:match.end]:
                found.append(Span("term", sentence[match.start:match.end], match.start, match.end))
    if target in LATIN_SCRIPT and source in LATIN_SCRIPT:
        for match in _NAME.finditer(sentence):
            found.append(Span("name", match.group("name"), match.start("name"), match.end("name")))
    found.sort(key=lambda s: (s.start, -(s.end - s.start)))
    chosen: list[Span] = []
    for span in found:
        if not chosen or span.start >= chosen[-1].end:
            chosen.append(span)
    return chosen


def mask(sentence: str, source: str, target: str, glossary: Glossary | None = None) -> Masked:
    """Return the sentence with its pinned spans replaced by placeholders."""
    spans = pinned_spans(sentence, source, target, glossary)
    if not spans:
        return Masked(sentence, sentence, ())
    parts, at = [], 0
    for index, span in enumerate(spans):
        parts.append(sentence[at:span.start])
        parts.append(PLACEHOLDER.format(index))
        at = span.end
    parts.append(sentence[at:])
    return Masked(sentence, "".join(parts), tuple(spans))


def splice(parts: Sequence[str | Span], translated: dict[str, str], joiner: str = " ") -> str:
    """Join translated pieces and verbatim spans, in source order."""
    out = ""
    for part in parts:
        piece = (part.text if isinstance(part, Span) else translated.get(part, part)).strip()
        if not piece:
            continue
        glue = "" if not out or piece[0] in ".,;:!?)]»”’。，；：！？）" or out[-1] in "([«“‘" else joiner
        out += glue + piece
    return out


@dataclass(frozen=True)
class Requirement:
    """A glossary term a translation should use: its label and the approved target forms."""

    label: str  # "General Assembly → Assemblée générale"
    lang: str
    forms: tuple[str, ...]


def requirements(sentence: str, source: str, target: str, glossary: Glossary | None) -> tuple[Requirement, ...]:
    """Return the terms the translation of a source sentence must use."""
    if not glossary:
        return ()
    needed = []
    for match in find_terms(sentence, source, glossary.for_pair(source, target)):
        forms = match.term.approved(target, source)
        if forms:
            needed.append(Requirement(f"{match.form} → {forms[0]}", target, forms))
    return tuple(dict.fromkeys(needed))


def choose_hypothesis(hypotheses: Sequence[str], required: Sequence[Requirement]) -> tuple[int, list[str], list[str]]:
    """Return the index of the best hypothesis using the most required terms, and which terms
    it uses and lacks. Hypotheses come best-scoring first, so ties go to the higher score."""
    best, best_count, best_used = 0, -1, []
    for index, text in enumerate(hypotheses):
        used = [r.label for r in required if has_form(text, r.lang, r.forms)]
        if len(used) > best_count:
            best, best_count, best_used = index, len(used), used
            if best_count == len(required):
                break
    missing = [r.label for r in required if r.label not in best_used]
    return best, best_used, missing


def term_labels(terms: Sequence[Term], source: str, target: str) -> list[str]:
    return [f"{t.forms[source][0]} → {t.preferred(target, source)}" for t in terms if t.forms.get(source)]
