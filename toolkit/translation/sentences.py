"""An offline sentence splitter for the six UN languages.

Argos Translate's own splitters (MiniSBD, Stanza, spaCy) download models on first use, which
an air-gapped press office cannot do. Statements are edited prose, so rules do well: split after
. ! ? … (Arabic ؟) followed by a space and a sentence start, and after 。！？ at once; keep
abbreviations (H.E., Mr., U.N., e.g., No. 5) and initials inside their sentence.
"""

from __future__ import annotations

import re

# Lower-case forms, without their final period. Titles and forms of address first, since a
# statement's speaker line is full of them, then Latin, reference and French/Spanish/Russian.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms messrs dr prof h.e h.r.h h.m amb gen col capt lt sr sra srta dra excmo excma
    st rev hon mme mlle me mgr
    e.g i.e etc cf viz vs al approx
    no nos art arts para paras sect ch vol vols p pp fig op ref ed eds
    jan feb mar apr jun jul aug sep sept oct nov dec
    u.n u.s u.k u.s.a e.u a.m p.m
    inc ltd co corp dept govt
    av avda núm pág
    т.е т.д т.п г гг им см стр др
    """.split()
)

# "etc." often ends a sentence; the others far more often stand before a name or a noun
# ("the U.N. Secretary-General"), so a capital after them does not start a sentence.
_SENTENCE_FINAL_OK = frozenset({"etc"})

_CLOSERS = re.escape("\"'”’»)]）」』")
_BOUNDARY = re.compile(
    rf"""
    (?P<latin>[.!?…؟]+[{_CLOSERS}]*)(?=\s)      # Latin, Cyrillic and Arabic terminators, then space
    | (?P<cjk>[。！？]+[{_CLOSERS}]*)            # CJK terminators split at once
    """,
    re.VERBOSE,
)
_WORD_BEFORE = re.compile(r"(\S+)$")


def split_sentences(text: str) -> list[str]:
    """Split one paragraph into sentences; joining them with spaces gives the text back."""
    sentences = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if match.group("latin") and not _ends_sentence(text, match):
            continue
        sentence = text[start:end].strip()
        if sentence:
            sentences.append(sentence)
        start = end
    rest = text[start:].strip()
    if rest:
        sentences.append(rest)
    return sentences


def _ends_sentence(text: str, match: re.Match) -> bool:
    mark = match.group("latin")
    following = text[match.end():].lstrip()
    if not following:
        return True
    if following[0].islower():
        return False  # "e.g. the", "No. 5 of", "(...)? said"
    if not mark.startswith(".") or mark.startswith(".."):
        return True  # ! ? ؟ … end a sentence whatever precedes them
    word = _WORD_BEFORE.search(text, 0, match.start())
    if word is None:
        return True
    token = word.group(1).lstrip("(\"'“‘«[").lower()
    if len(token) == 1 and token.isalpha():
        return False  # an initial: "J. Smith"
    if token in ABBREVIATIONS:
        return token in _SENTENCE_FINAL_OK
    return True


def translatable(sentence: str) -> bool:
    """Return whether a sentence has letters (numbers and punctuation go through untouched)."""
    return any(ch.isalpha() for ch in sentence)


def segments(text: str) -> list[list[str]]:
    """Return the sentences of each line of `text`."""
    return [split_sentences(line) for line in text.split("\n")]


def unique_sentences(texts) -> list[str]:
    """Return the translatable sentences of `texts`, each once, in order."""
    unique: dict[str, None] = {}
    for text in texts:
        if translatable(text):
            for line in segments(text):
                unique.update((s, None) for s in line if translatable(s))
    return list(unique)


def assemble(text: str, translations: dict[str, str], joiner: str) -> str:
    """Return `text` with each translatable sentence replaced by its translation."""
    if not translatable(text):
        return text
    return "\n".join(
        joiner.join(translations[s] if translatable(s) else s for s in line) for line in segments(text)
    )
