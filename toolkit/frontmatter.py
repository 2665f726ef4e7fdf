"""The words that mark a statement's front matter, in the six UN languages.

The reader uses these to find the delivery note, the speaker line and the date line of a
statement written in any official language. Month names come from Babel's CLDR data, so
"11 octobre 2017", "18 de diciembre de 2017", "11 октября 2017 года", "2017年10月11日" and
"11 تشرين الأول/أكتوبر 2017" all read as dates.
"""

from __future__ import annotations

import datetime
import functools
import re

from toolkit.model import DeliveryKind

# Delivery notes as UN offices write them (the templates print the first of each list).
DELIVERY_NOTES: dict[DeliveryKind, tuple[str, ...]] = {
    DeliveryKind.AS_DELIVERED: (
        "as delivered", "version prononcée", "texte prononcé", "tel que prononcé",
        "texto pronunciado", "según se pronunció", "tal como se pronunció",
        "выступление в том виде, в каком оно было произнесено", "текст в том виде, в каком он был произнесен",
        "讲话实录", "实际讲话稿",
        "بالصيغة التي ألقيت بها", "كما ألقيت",
    ),
    DeliveryKind.CHECK_AGAINST_DELIVERY: (
        "check against delivery", "check against actual delivery", "seul le prononcé fait foi",
        "cotejar con el discurso pronunciado", "verificar con el discurso pronunciado",
        "сверить с произносимым текстом", "сверить с фактически произнесенным текстом",
        "以讲话为准", "以实际讲话为准",
        "يرجى المراجعة مقابل النص الملقى", "العبرة بالنص الملقى",
    ),
    DeliveryKind.AS_PREPARED: (
        "as prepared for delivery", "as prepared", "texte préparé pour l’allocution",
        "texto preparado para su pronunciación", "текст, подготовленный для выступления",
        "讲话准备稿", "بالصيغة المعدة للإلقاء",
    ),
}

# "As translated from Spanish", "Traduit de l'espagnol", "Traducción del inglés" ...
_TRANSLATED = re.compile(
    r"^(?:as translated from (?:the )?(?P<en>\w+)(?: original)?"
    r"|tradu(?:it|ction) de (?:l[’']original )?(?:l[’'])?(?P<fr>\w+)"
    r"|traducción del? (?:original en )?(?P<es>\w+)"
    r"|перевод с (?P<ru>\w+)(?: языка)?)$",
    re.I,
)
_LANGUAGE_WORDS = {
    "arabic": "ar", "chinese": "zh", "english": "en", "french": "fr", "russian": "ru", "spanish": "es",
    "arabe": "ar", "chinois": "zh", "anglais": "en", "français": "fr", "russe": "ru", "espagnol": "es",
    "árabe": "ar", "chino": "zh", "inglés": "en", "francés": "fr", "ruso": "ru", "español": "es",
    "арабского": "ar", "китайского": "zh", "английского": "en", "французского": "fr", "русского": "ru",
    "испанского": "es",
}

# How speaker lines begin: "Closing statement by", "Déclaration de", "Выступление", "كلمة" ...
SPEAKER_LINE = re.compile(
    r"^(?:(?:opening|closing|keynote|video|welcoming|concluding|joint)\s+)?"
    r"(?:statement|remarks|address|message|speech|briefing|intervention)s?\s+(?:by|of|from)\b"
    r"|^(?:déclaration|allocution|discours|message|intervention|remarques|propos)"
    r"(?:\s+(?:liminaire|de clôture|d[’']ouverture))?\s+(?:de|du|des|d[’'])"
    r"|^(?:declaración|discurso|palabras|mensaje|intervención)"
    r"(?:\s+(?:de apertura|de clausura|inaugural))?\s+(?:de|del)\b"
    r"|^(?:заявление|выступление|послание|обращение|приветствие|речь)\b"
    r"|^(?:كلمة|بيان|رسالة|خطاب|ملاحظات)\b"
    r"|(?:的讲话|的发言|的致辞|致辞|讲话)$",
    re.I,
)
# Where the name starts in an English speaker line, for the PDF's author.
SPEAKER_NAME = re.compile(
    r"^(?:(?:opening|closing|keynote|video|welcoming|concluding|joint)\s+)?"
    r"(?:statement|remarks|address|message|speech|briefing|intervention)s?\s+(?:by|of|from)\s+",
    re.I,
)


def delivery_kind(text: str) -> tuple[DeliveryKind, str | None] | None:
    """Return the kind of delivery note a line is (and the original language), or None."""
    bare = text.strip(" -–—*_[](){}|").rstrip(".").strip().casefold().replace("'", "’")
    for kind, phrases in DELIVERY_NOTES.items():
        if bare in phrases:
            return kind, None
    match = _TRANSLATED.match(bare.replace("’", "'"))
    if match:
        word = next(group for group in match.groups() if group)
        return DeliveryKind.AS_TRANSLATED, _LANGUAGE_WORDS.get(word.casefold())
    return None


_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_ISO = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})$")
_CJK = re.compile(r"(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日")


@functools.cache
def _month_names() -> dict[str, int]:
    """Return month names and abbreviations of the six languages (CLDR), lower-cased."""
    from babel import Locale

    names: dict[str, int] = {"sept": 9}
    for locale in ("en", "fr", "es", "ru", "ar", "ar_SY", "ar_LB"):
        months = Locale.parse(locale).months
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in months[context][width].items():
                    names[name.casefold().rstrip(".")] = number
    names.pop("may", None)  # "may" is also a verb; the full name is listed as "may" only once below
    names["may"] = 5
    return names


@functools.cache
def _day_month_year() -> re.Pattern:
    months = "|".join(sorted((re.escape(name) for name in _month_names()), key=len, reverse=True))
    month = rf"(?:{months})(?:\s*/\s*(?:{months}))?"  # Arabic: "تشرين الأول/أكتوبر"
    return re.compile(
        rf"(?:^|\s|,)(?P<day>\d{{1,2}})(?:er)?\s+(?:de\s+)?(?P<month>{month})\.?\s+(?:de\s+)?"
        rf"(?P<year>\d{{4}})(?:\s*(?:года|г\.))?$"
        rf"|(?:^|\s|,)(?P<month2>{month})\.?\s+(?P<day2>\d{{1,2}}),?\s+(?P<year2>\d{{4}})$",
        re.I,
    )


def parse_date(text: str) -> datetime.date | None:
    """Return the date a short line gives ("New York, 11 October 2017", "2017年10月11日")."""
    line = text.strip().rstrip(".").translate(_DIGITS)
    if len(line) > 70:
        return None
    match = _ISO.fullmatch(line)
    if match:
        return _date(match["year"], match["month"], match["day"])
    match = _CJK.search(line)
    if match and _only_place_around(line, match):
        return _date(match["year"], match["month"], match["day"])
    match = _day_month_year().search(line)
    if not match or not _only_place_around(line, match):
        return None
    if match["day"]:
        day, month_text, year = match["day"], match["month"], match["year"]
    else:
        day, month_text, year = match["day2"], match["month2"], match["year2"]
    first = re.split(r"\s*/\s*", month_text.casefold())[0]
    return _date(year, _month_names()[first], day)


def _only_place_around(line: str, match: re.Match) -> bool:
    """True when what precedes the date is a place or weekday, not a sentence."""
    before = line[: match.start()].strip(" ,")
    return len(before.split()) <= 4 and not before.endswith((".", ":", ";"))


def _date(year, month, day) -> datetime.date | None:
    try:
        return datetime.date(int(year), int(month), int(day))
    except ValueError:
        return None


def date_venue(text: str) -> tuple[datetime.date | None, str | None]:
    """Return the date of a date line and the place before it ("New York, 11 October 2017")."""
    date = parse_date(text)
    if date is None:
        return None, None
    head, sep, _ = re.split(r"([,，،])", text, maxsplit=1) if re.search(r"[,，،]", text) else (text, "", "")
    venue = head.strip() if sep and parse_date(head) is None and not re.search(r"\d", head) else None
    if venue and venue.casefold() in _WEEKDAYS:
        venue = None
    return date, venue


_WEEKDAYS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
}
