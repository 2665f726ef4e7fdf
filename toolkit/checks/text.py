"""Checks on the text itself: what machine translation gets wrong most often.

Each function takes the source, the translation and their languages and returns (code,
message) pairs. Thresholds come from the reviewed sample: UN translators keep the sentences of
the source (Chinese alone merges two with a comma or a semicolon now and then), and lengths
keep to a ratio per language (Chinese about 0.3 of the English characters, Arabic 0.9, French
1.2).
"""

from __future__ import annotations

import re

from toolkit.translation.sentences import split_sentences

# Median length of a translation per source character, from the reviewed sample (English source).
LENGTH_RATIO = {"ar": 0.9, "zh": 0.29, "en": 1.0, "fr": 1.18, "ru": 1.13, "es": 1.13}
NON_LATIN = frozenset({"ar", "zh", "ru"})
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+(?:[-'’][A-Za-z\u00c0-\u024f]+)*")
# English words no French or Spanish sentence uses: English left in a translation shows them.
_ENGLISH = frozenset("""the and we of that with this have been is are our will which from they their
would should was were you your by be it its these those there here what when who how about into than
not but""".split())
_ENGLISH_SAFE = {"fr": {"est", "son", "de"}, "es": {"he", "son"}}  # (none collide today; kept explicit)
_REPEAT_OK = {"fr": {"nous", "vous"}, "es": {"nos"}, "en": {"that", "had"}}
_CJK_SENTENCE = re.compile(r"(?<=[。！？；])")
_CJK_REPEAT = re.compile(r"([\u4e00-\u9fff]{2,8})\1")
_WORD_REPEAT = re.compile(r"(?<!\w)(\w+(?:\s+\w+){0,3})(?:\s+\1)(?!\w)", re.IGNORECASE)
_BRACKETS = (("(", ")"), ("[", "]"), ("{", "}"), ("（", "）"), ("【", "】"), ("《", "》"))
_QUOTE_STYLE = {"fr": "«»", "ru": "«»", "ar": "«»", "zh": "“”", "es": "«»“”", "en": "“”‘’"}
_ENDS = ".!?…:;,،؛؟。！？：；"


def sentences(text: str, lang: str) -> list[str]:
    if lang == "zh":
        return [s for s in _CJK_SENTENCE.split(text) if s.strip()]
    return split_sentences(text)


def check_untranslated(source: str, target: str, source_lang: str, target_lang: str) -> list[tuple[str, str]]:
    problems = []
    if " ".join(source.split()).casefold() == " ".join(target.split()).casefold() and len(source.split()) >= 2:
        return [("untranslated", "the translation is the source text")]
    source_sentences = {" ".join(s.split()) for s in sentences(source, source_lang) if len(s.split()) >= 3}
    for sentence in sentences(target, target_lang):
        if " ".join(sentence.split()) in source_sentences:
            problems.append(("untranslated", f"“{_short(sentence)}” is the source text, untranslated"))
    if not problems and source_lang == "en" and target_lang in ("fr", "es"):
        safe = _ENGLISH_SAFE.get(target_lang, set())
        english = [w for w in re.findall(r"[a-z]+", target.lower()) if w in _ENGLISH and w not in safe]
        if len(english) >= 3:
            problems.append(("untranslated", f"English words in the translation: {', '.join(dict.fromkeys(english))}"))
    return problems


def check_latin(source: str, target: str, target_lang: str, allowed: set[str]) -> list[tuple[str, str]]:
    """Latin letters left in Arabic, Chinese or Russian: allowed only in pinned spans and acronyms."""
    if target_lang not in NON_LATIN:
        return []
    pinned = " ".join(allowed)
    left = []
    for word in _LATIN_WORD.findall(target):
        if word in pinned:
            continue
        if word.isupper() and len(word) <= 6 and word in source:
            continue  # an acronym the source has too (UNHCR, COVID)
        left.append(word)
    if left:
        return [("latin", f"Latin letters left in the translation: {_short(' '.join(dict.fromkeys(left)))}")]
    return []


def check_repeated(source: str, target: str, target_lang: str) -> list[tuple[str, str]]:
    problems = []
    if target_lang == "zh":
        for match in _CJK_REPEAT.finditer(target):
            if match.group() not in source:
                problems.append(("repeated", f"“{match.group(1)}” is repeated"))
        return problems
    ok = _REPEAT_OK.get(target_lang, set())
    for match in _WORD_REPEAT.finditer(target):
        words = match.group(1)
        if words.isdigit() or words.casefold() in ok:
            continue
        if re.search(rf"(?<!\w){re.escape(words)}\s+{re.escape(words)}(?!\w)", source, re.IGNORECASE):
            continue
        problems.append(("repeated", f"“{_short(words)}” is repeated"))
    return problems


def check_sentences(source: str, target: str, source_lang: str, target_lang: str) -> list[tuple[str, str]]:
    """Sentence count and length ratio outliers: a dropped sentence, a runaway repetition."""
    problems = []
    have, want = len(sentences(target, target_lang)), len(sentences(source, source_lang))
    expected = LENGTH_RATIO.get(target_lang, 1.0) / LENGTH_RATIO.get(source_lang, 1.0)
    ratio = len(target.strip()) / max(1, len(source.strip())) / expected
    if have < want:
        merged_ok = target_lang == "zh" and want - have == 1 and ratio >= 0.8
        if not merged_ok:
            problems.append(("sentences", f"{have} sentences for the source's {want}: was one left out?"))
    elif have > want + 1:
        problems.append(("sentences", f"{have} sentences for the source's {want}"))
    if len(source) >= 40 and not problems:
        if ratio < 0.5:
            problems.append(("length", "the translation is less than half as long as expected"))
        elif ratio > 2.0:
            problems.append(("length", "the translation is more than twice as long as expected"))
    return problems


def check_brackets(source: str, target: str) -> list[tuple[str, str]]:
    problems = []
    for opening, closing in _BRACKETS:
        if target.count(opening) != target.count(closing):
            problems.append(("brackets", f"“{opening}” and “{closing}” do not pair up"))
    source_has = sum(source.count(o) for o, _ in _BRACKETS)
    target_has = sum(target.count(o) for o, _ in _BRACKETS)
    if source_has and not target_has:
        problems.append(("brackets", "the source has brackets, the translation none"))
    return problems


def check_quotes(source: str, target: str, target_lang: str) -> list[tuple[str, str]]:
    problems = []
    for opening, closing in (("«", "»"), ("“", "”")):
        if target.count(opening) != target.count(closing):
            problems.append(("quotes", f"“{opening}” and “{closing}” do not pair up"))
    source_quotes = sum(source.count(q) for q in "“«\"„")
    target_quotes = sum(target.count(q) for q in "“«\"„「")
    if source_quotes and not target_quotes:
        problems.append(("quotes", "the source quotes someone, the translation has no quotation marks"))
    style = _QUOTE_STYLE.get(target_lang)
    if style and target_quotes and not any(q in target for q in style):
        problems.append(("quotes", f"quotation marks in this language are {' '.join(style[:2])}"))
    elif style and '"' in target and '"' not in source:
        problems.append(("quotes", f"straight quotes (\"); this language uses {' '.join(style[:2])}"))
    return problems


def check_whitespace(source: str, target: str, target_lang: str) -> list[tuple[str, str]]:
    problems = []
    if target[:1].isspace() != source[:1].isspace() or target[-1:].isspace() != source[-1:].isspace():
        problems.append(("whitespace", "leading or trailing space differs from the source"))
    if "  " in target.strip() and "  " not in source:
        problems.append(("whitespace", "double space in the translation"))
    if re.search(r"\w\s+[,.](?!\.)", target) and not re.search(r"\w\s+[,.]", source):
        problems.append(("punctuation", "space before a comma or full stop"))
    return problems


def check_punctuation(source: str, target: str, target_lang: str) -> list[tuple[str, str]]:
    problems = []
    source_end, target_end = source.rstrip()[-1:], target.rstrip()[-1:]
    closers = "\"'”’»)]）」』"
    source_end = source.rstrip().rstrip(closers)[-1:] or source_end
    target_end = target.rstrip().rstrip(closers)[-1:] or target_end
    if source_end in ".!?…" and target_end not in _ENDS:
        problems.append(("punctuation", f"the source ends with “{source_end}”, the translation with no punctuation"))
    elif source_end not in _ENDS and target_end in ".。" and not source.rstrip().endswith(closers):
        problems.append(("punctuation", "the translation ends with a full stop, the source does not"))
    if target_lang == "ar" and re.search(r"[\u0600-\u06ff]\s?[,;?]", target):
        problems.append(("punctuation", "Latin comma, semicolon or question mark in Arabic (use ، ؛ ؟)"))
    if target_lang == "zh" and re.search(r"[\u4e00-\u9fff][,;:?!]|[,;:?!][\u4e00-\u9fff]", target):
        problems.append(("punctuation", "half-width punctuation in Chinese (use ，；：？！)"))
    return problems


def _short(text: str, width: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
