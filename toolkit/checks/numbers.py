"""Numbers and dates, as each language writes them.

A number is compared by value: Eastern Arabic digits (١٨), thousands separators ("10,000",
"10 000", "10.000", "١٠٬٠٠٠") and decimal commas are read as what they mean. UN style spells
out one to nine and ordinal session numbers ("72nd session" is "soixante-douzième session"),
so a source ordinal, or a small number the translation spells out, is not required as digits.
Months are compared by name in the language: "18 December" is "18 décembre", "18 كانون
الأول/ديسمبر" and "12月18日" (where 12 is the month, not a number the translation made up).
"""

from __future__ import annotations

import re
from collections import Counter

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹０１２３４５６７８９", "0123456789" * 3)
_GROUP = "[,.\u066c\u00a0\u202f\u2009' ]"
_NUMBER = re.compile(rf"(?<![0-9A-Za-z.])\d{{1,3}}(?:{_GROUP}\d{{3}})+(?:[.,\u066b]\d+)?(?!\d)|(?<![0-9A-Za-z.])\d+(?:[.,\u066b]\d+)?(?!\d)")
_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th)\b")
_ZH_MONTH = re.compile(r"(\d{1,2})\s?月")

MONTHS = {
    "en": ["january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
           "octubre", "noviembre", "diciembre"],
    # Russian months decline: stems, and май/мая/мае.
    "ru": ["январ", "феврал", "март", "апрел", "ма[йяе]", "июн", "июл", "август", "сентябр", "октябр",
           "ноябр", "декабр"],
    # UN Arabic names a month twice, "كانون الأول/ديسمبر": the second name is enough.
    "ar": ["يناير", "فبراير", "مارس", "أبريل|نيسان", "مايو", "يونيه|يونيو", "يوليه|يوليو", "أغسطس|آب",
           "سبتمبر|أيلول", "أكتوبر", "نوفمبر", "ديسمبر"],
}
# One to ten spelled out, for a source digit the translation writes as a word.
_WORDS = {
    "en": "one two three four five six seven eight nine ten",
    "fr": "un|une deux trois quatre cinq six sept huit neuf dix",
    "es": "un|uno|una dos tres cuatro cinco seis siete ocho nueve diez",
    "ru": "один|одна|одно|одного|одной дв[аеу]х?|двум три|тр[её]х|трем четыр[её]х?|четырем пят[ьи] шест[ьи] сем[ьи] "
          "восем[ьи]|восьми девят[ьи] десят[ьи]",
    "ar": "واحد|واحدة اثنان|اثنين|اثنتان|اثنتين ثلاث|ثلاثة أربع|أربعة خمس|خمسة ست|ستة سبع|سبعة ثماني|ثمانية تسع|تسعة "
          "عشر|عشرة",
    "zh": "一 二|两 三 四 五 六 七 八 九 十",
}
_EN_WORDS = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_EN_WORDS.update({w: n for n, w in enumerate(
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth".split()) if n})


def values(text: str) -> Counter:
    """Return the numbers written in digits in `text`, by value ("10,000" and "10 000" are 10000)."""
    text = text.translate(_DIGITS)
    found = Counter()
    for match in _NUMBER.finditer(text):
        found[_value(match.group())] += 1
    return found


def _value(number: str) -> str:
    parts = re.split(_GROUP, number)
    if len(parts) > 1 and all(len(p) == 3 for p in parts[1:]) and not re.search(r"[.,\u066b]\d{1,2}$", number):
        return str(int("".join(parts)))
    whole, _, fraction = re.sub(r"[\u066b,]", ".", number.replace("\u066c", "")).partition(".")
    whole = re.sub(r"\D", "", whole) or "0"
    return f"{int(whole)}.{fraction}" if fraction else str(int(whole))


def months(text: str, lang: str) -> Counter:
    """Return the months named in `text` (1-12)."""
    found = Counter()
    if lang == "zh":
        for match in _ZH_MONTH.finditer(text.translate(_DIGITS)):
            if 1 <= int(match.group(1)) <= 12:
                found[int(match.group(1))] += 1
        return found
    names = MONTHS.get(lang)
    if not names:
        return found
    lowered = text.casefold()
    for number, name in enumerate(names, start=1):
        if lang == "en" and name == "may":
            pattern = r"\bMay\b"  # the month, not the verb
            found[number] += len(re.findall(pattern, text))
            continue
        if lang == "ru":
            pattern = rf"(?<!\w)(?:{name})\w*"
        elif lang == "ar":
            pattern = rf"(?<![\u0621-\u064a])(?:[وفبل]|ال)?(?:{name})(?![\u0621-\u064a])"
        else:
            pattern = rf"(?<!\w)(?:{name})(?!\w)"
        found[number] += len(re.findall(pattern, lowered))
    return +found


def spelled(text: str, lang: str, number: int) -> bool:
    """Return True when `text` writes `number` (1-10) as a word."""
    words = _WORDS.get(lang, "").split(" ")
    if not 1 <= number <= len(words):
        return False
    if lang == "zh":
        return any(ch in text for ch in words[number - 1].split("|"))
    return re.search(rf"(?<!\w)(?:{words[number - 1]})(?!\w)", text.casefold()) is not None


def check_numbers(source: str, target: str, source_lang: str, target_lang: str) -> list[tuple[str, str]]:
    """Return (code, message) for numbers and months that differ between source and translation."""
    problems = []
    wanted = values(source)
    soft = Counter(_value(m.group(1)) for m in _ORDINAL.finditer(source.translate(_DIGITS)))
    got = values(target)
    target_months = months(target, target_lang)
    if target_lang == "zh":  # "12月": the month, counted with the months
        for match in _ZH_MONTH.finditer(target.translate(_DIGITS)):
            got[_value(match.group(1))] -= 1
        got = +got
    in_words = Counter()
    if source_lang == "en":
        for word in re.findall(r"[A-Za-z]+", source.lower()):
            if word in _EN_WORDS:
                in_words[str(_EN_WORDS[word])] += 1
    for value, count in sorted(wanted.items()):
        if got[value] >= count:
            continue
        if soft[value] or (value.isdigit() and spelled(target, target_lang, int(value))):
            continue
        problems.append(("numbers", f"“{value}” is in the source, not in the translation"))
    for value, count in sorted(got.items()):
        if wanted[value] + in_words[value] < count:
            problems.append(("numbers", f"“{value}” is in the translation, not in the source"))
    source_months = months(source, source_lang)
    if source_months or target_months:
        names = MONTHS["en"]
        for month in sorted(set(source_months) | set(target_months)):
            if source_months[month] and not target_months[month]:
                problems.append(("dates", f"the source names {names[month - 1].title()}, the translation does not"))
            elif target_months[month] and not source_months[month]:
                problems.append(("dates", f"the translation names {names[month - 1].title()}, the source does not"))
    return problems
