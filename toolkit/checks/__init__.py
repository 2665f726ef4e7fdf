"""Checks aimed at the ways machine translation fails, run on one entry at a time.

A problem is shown where reviewers look: as a `#. check: numbers: ...` comment on the PO entry.
A reviewer who finds a false alarm acknowledges it with a flag on the entry, `#, ignore-numbers`
(as Weblate does); an acknowledged problem is still listed by `presskit check`, never counted.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from typing import Iterable

from toolkit.checks import numbers, text
from toolkit.terminology.glossary import Glossary
from toolkit.terminology.matching import find_terms, has_forbidden, has_form
from toolkit.terminology.pinning import pinned_spans

# code: what it looks for. Errors stop `check` (exit 1) and `publish --final` on a reviewed entry.
ERRORS = {
    "numbers": "a number of the source missing or changed (locale-aware: ١٨, 10 000, 10,000)",
    "dates": "a month of the source missing or changed (18 December, 18 décembre, 12月18日)",
    "untranslated": "the source text, or a sentence of it, left untranslated",
    "latin": "Latin letters left in Arabic, Chinese or Russian",
    "repeated": "a word or phrase repeated (a decoding loop)",
    "sentences": "fewer sentences than the source (one left out?)",
    "glossary": "an approved glossary term missing, or a forbidden variant used",
    "pinned": "a document symbol, URL, e-mail address or name not copied verbatim",
    "brackets": "brackets that do not pair up, or are lost",
}
WARNINGS = {
    "length": "a translation far shorter or longer than the language's usual ratio",
    "quotes": "quotation marks unpaired, lost, or not in the language's style",
    "whitespace": "leading, trailing or double spaces",
    "punctuation": "final punctuation lost or added, the wrong script's commas",
}
CODES = {**ERRORS, **WARNINGS}
COMMENT = "check: "


@dataclass(frozen=True)
class Problem:
    """One thing a check found in one entry."""

    code: str
    message: str

    @property
    def is_error(self) -> bool:
        return self.code in ERRORS

    @property
    def flag(self) -> str:
        """The flag a reviewer adds to acknowledge it: ignore-<code>."""
        return f"ignore-{self.code}"

    def comment(self) -> str:
        return f"{COMMENT}{self.code}: {self.message}"


def check_entry(source: str, target: str, source_lang: str, target_lang: str,
                glossary: Glossary | None = None) -> list[Problem]:
    """Return every problem of one translation, in a stable order (by code, as found)."""
    if not target:
        return []
    found: list[tuple[str, str]] = []
    spans = pinned_spans(source, source_lang, target_lang, glossary)
    allowed = {s.text for s in spans}
    terms = glossary.for_pair(source_lang, target_lang) if glossary else ()
    for match in find_terms(source, source_lang, terms):
        forms = match.term.approved(target_lang, source_lang)
        allowed.update(forms)
        if forms and not has_form(target, target_lang, forms):
            found.append(("glossary", f"“{match.form}” should be “{forms[0]}”"))
    for term in (glossary.terms if glossary else ()):
        bad = has_forbidden(target, target_lang, term.forbidden.get(target_lang, ()))
        if bad:
            good = term.preferred(target_lang, source_lang) or "the approved term"
            found.append(("glossary", f"“{bad}” is a variant to avoid; write “{good}”"))
    for span in spans:
        if span.text not in target:
            found.append(("pinned", f"the {_KIND[span.kind]} “{span.text}” is not in the translation verbatim"))
    found += numbers.check_numbers(source, target, source_lang, target_lang)
    found += text.check_untranslated(source, target, source_lang, target_lang)
    found += text.check_latin(source, target, target_lang, allowed)
    found += text.check_repeated(source, target, target_lang)
    found += text.check_sentences(source, target, source_lang, target_lang)
    found += text.check_brackets(source, target)
    found += text.check_quotes(source, target, target_lang)
    found += text.check_whitespace(source, target, target_lang)
    found += text.check_punctuation(source, target, target_lang)
    order = list(CODES)
    unique = list(dict.fromkeys(Problem(code, message) for code, message in found))
    return sorted(unique, key=lambda p: order.index(p.code))


_KIND = {"symbol": "document symbol", "url": "URL", "email": "e-mail address", "name": "name",
         "term": "do-not-translate term"}


def acknowledged(problem: Problem, flags: Iterable[str]) -> bool:
    """Return True when the entry carries the flag that acknowledges this problem."""
    flags = set(flags)
    return problem.flag in flags or "ignore-checks" in flags


def comments(problems: Iterable[Problem], width: int = 76) -> list[str]:
    """Return the extracted-comment lines (#.) that show problems on a PO entry.

    Wrapped here as babel's write_po would wrap them (76 columns), so that the lines read back
    from the file are the lines written: an unchanged entry compares equal and is not rewritten.
    """
    wrapper = textwrap.TextWrapper(width=width, break_long_words=False)
    return [line.strip() for p in problems for line in wrapper.wrap(p.comment())]


def without_check_comments(lines: Iterable[str]) -> list[str]:
    """Return extracted comments without the ones a previous run's checks wrote: they come last,
    from the first `check:` line on (a long one continues on the next lines)."""
    lines = list(lines)
    first = next((i for i, line in enumerate(lines) if line.startswith(COMMENT)), len(lines))
    return lines[:first]


def parse_comment(line: str) -> Problem | None:
    """Return the problem a `check: code: message` comment shows, or None for other comments."""
    if not line.startswith(COMMENT):
        return None
    code, _, message = line[len(COMMENT):].partition(": ")
    return Problem(code, message) if code in CODES else None
