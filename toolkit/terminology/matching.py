"""Finding glossary terms in text, tolerant of the inflection each language adds.

Source texts are searched for the source-language forms (longest term first, no overlaps: in
"President of the General Assembly" the officer is found, not also the organ). A translation
is searched for the approved forms with the inflection of its language: plural and feminine
endings in French, Spanish and English ("Secrétaire générale"), case endings in Russian
("Генеральной Ассамблеи"), the article and the clitics و ف ب ل ك in Arabic ("للجمعية العامة"),
and a word or two in between ("audition multipartite" in "audition multipartite informelle",
"Président de l'Assemblée générale" and "Président de la soixante-douzième session de
l'Assemblée générale" are not the same, so the gap is small). Chinese is matched as written.
Forbidden variants are matched as written, capitals included: "États membres" is the variant
UN usage forbids for "États Membres".
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable, Sequence

from toolkit.terminology.glossary import Term

_MARKS = "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
_WORD = re.compile(f"(?:[^\\W_]|[{_MARKS}])+")
_STRIP_MARKS = re.compile(f"[{_MARKS}]")
_ARABIC_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
NO_SPACE = frozenset({"zh", "ja"})
SOURCE_GAP = 1  # words allowed between the words of a term in the source
TARGET_GAP = 2  # ... and in a translation


@dataclass(frozen=True)
class Match:
    """A term found in a text: which term, which form, where (character offsets)."""

    term: Term
    form: str
    start: int
    end: int


def tokens(text: str, lang: str) -> list[tuple[str, int, int]]:
    """Return the words of `text` as (normalised word, start, end)."""
    found = []
    for match in _WORD.finditer(text):
        found.append((normalise_word(match.group(), lang), match.start(), match.end()))
    return found


@functools.lru_cache(maxsize=1 << 16)
def _form_words(form: str, lang: str) -> tuple[str, ...]:
    """Return a glossary form's normalised words (the same forms are looked for in every entry)."""
    return tuple(w for w, _, _ in tokens(form, lang))


def normalise_word(word: str, lang: str) -> str:
    word = unicodedata.normalize("NFC", word).casefold()
    if lang == "ar":
        word = _STRIP_MARKS.sub("", word).translate(_ARABIC_ALEF)
    elif lang == "ru":
        word = word.replace("ё", "е")
    return word


def _arabic_bases(word: str) -> set[str]:
    """Return the word without the clitics and article it may carry: وللجمعية → جمعيه."""
    bases = {word}
    for _ in range(3):
        more = set()
        for w in bases:
            if len(w) > 3 and w[0] in "وف":
                more.add(w[1:])
            if len(w) > 3 and w[0] in "بكل":
                more.add(w[1:])
            if len(w) > 4 and w.startswith("ال"):
                more.add(w[2:])
            if len(w) > 4 and w.startswith("لل"):
                more.add(w[2:])
        bases |= more
    return bases


def word_matches(term_word: str, text_word: str, lang: str) -> bool:
    """Return True when a text word is an inflected form of a term's word."""
    if term_word == text_word:
        return True
    if lang == "ar":
        wanted = {b for b in _arabic_bases(term_word)}
        for base in _arabic_bases(text_word):
            for core in wanted:
                if len(core) >= 2 and base.startswith(core) and len(base) - len(core) <= 2:
                    return True
        return False
    if len(term_word) <= 2 or len(text_word) <= 2:
        return False
    if lang == "ru":
        stem = term_word[: max(3, len(term_word) - 2)] if len(term_word) > 4 else term_word
        return text_word.startswith(stem) and len(text_word) <= len(term_word) + 3
    # French, Spanish, English: plural and feminine endings, both ways.
    short, long_ = sorted((term_word, text_word), key=len)
    return long_.startswith(short) and len(long_) - len(short) <= 2 and len(short) >= 3


def _squash(text: str) -> tuple[str, list[int]]:
    """Return a Chinese text without spaces, lower-cased, and each character's original offset."""
    chars, offsets = [], []
    for index, ch in enumerate(text):
        if ch.isspace():
            continue
        chars.append(ch.casefold())
        offsets.append(index)
    return "".join(chars), offsets


def locate(text: str, lang: str, form: str, gap: int = TARGET_GAP) -> tuple[int, int] | None:
    """Return where an inflected form of `form` occurs in `text` (start, end), or None."""
    if lang in NO_SPACE:
        squashed, offsets = _squash(text)
        needle, _ = _squash(form)
        at = squashed.find(needle) if needle else -1
        if at < 0:
            return None
        return offsets[at], offsets[at + len(needle) - 1] + 1
    return _locate_words(tokens(text, lang), _form_words(form, lang), lang, gap)


def _locate_words(words, wanted: tuple[str, ...], lang: str, gap: int) -> tuple[int, int] | None:
    if not wanted:
        return None
    for i, (word, start, _) in enumerate(words):
        if not word_matches(wanted[0], word, lang):
            continue
        at, end, ok = i, words[i][2], True
        for part in wanted[1:]:
            for j in range(at + 1, min(len(words), at + 2 + gap)):
                if word_matches(part, words[j][0], lang):
                    at, end = j, words[j][2]
                    break
            else:
                ok = False
                break
        if ok:
            return start, end
    return None


def has_form(text: str, lang: str, forms: Iterable[str], gap: int = TARGET_GAP) -> str | None:
    """Return the first of `forms` found (inflected) in `text`, or None."""
    words = None if lang in NO_SPACE else tokens(text, lang)
    for form in forms:
        found = locate(text, lang, form, gap) if words is None else _locate_words(words, _form_words(form, lang), lang, gap)
        if found is not None:
            return form
    return None


def has_forbidden(text: str, lang: str, forms: Iterable[str]) -> str | None:
    """Return a forbidden variant written in `text` as the glossary spells it (capitals count)."""
    flat = " ".join(text.replace("\u2019", "'").split())
    for form in forms:
        needle = " ".join(form.replace("\u2019", "'").split())
        if lang in NO_SPACE:
            if needle in flat:
                return form
            continue
        pattern = r"(?<!\w)" + re.escape(needle) + r"(?:s|es)?(?!\w)"
        if re.search(pattern, flat):
            return form
    return None


def find_terms(text: str, lang: str, terms: Sequence[Term], gap: int = SOURCE_GAP) -> list[Match]:
    """Return the terms whose `lang` forms occur in `text`: longest first, never overlapping."""
    candidates = []
    words = None if lang in NO_SPACE else tokens(text, lang)  # the text's words, once for every term
    # Every way a word matches a term's word (equal, or sharing a stem of three letters or more)
    # keeps its first three letters, except Arabic's clitics: a term whose first word starts with
    # none of the text's three-letter beginnings cannot be there.
    beginnings = None if words is None or lang == "ar" else {word[:3] for word, _, _ in words}
    for term in terms:
        for form in term.forms.get(lang, ()):
            if words is None:
                span = locate(text, lang, form, gap)
            else:
                wanted = _form_words(form, lang)
                if beginnings is not None and wanted and wanted[0][:3] not in beginnings:
                    continue
                span = _locate_words(words, wanted, lang, gap)
            if span is not None:
                candidates.append(Match(term, form, *span))
                break
    candidates.sort(key=lambda m: (-(m.end - m.start), m.start))
    chosen: list[Match] = []
    for match in candidates:
        if all(match.end <= c.start or match.start >= c.end for c in chosen):
            chosen.append(match)
    return sorted(chosen, key=lambda m: m.start)
