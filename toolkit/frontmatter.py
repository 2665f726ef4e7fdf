"""A statement's front matter: the header block, and the words that mark it in the six UN languages.

The reader uses these to find the delivery note, the speaker line, the date line and the
document symbol of a statement written in any official language, to guess that language, and to
recognise what a copy from a web page drags along (share buttons, photo credits, pull-quote
attributions). Month and weekday names come from Babel's CLDR data, so "11 octobre 2017",
"18 de diciembre de 2017", "11 октября 2017 года", "2017年10月11日" and
"11 تشرين الأول/أكتوبر 2017" all read as dates.
"""

from __future__ import annotations

import datetime
import functools
import re
from pathlib import Path

from toolkit.errors import StatementError
from toolkit.model import DeliveryKind

# The header block's keys, as the README lists them.
HEADER_KEYS = ("date", "venue", "symbol", "language", "slug", "speaker")

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
    bare = re.sub(r"</?(?:i|em|b|strong)>", "", text)  # italics as pasted from a page's source
    bare = bare.strip(" -–—*_[](){}|（）【】«»").rstrip(".").strip().casefold().replace("'", "’")
    for kind, phrases in DELIVERY_NOTES.items():
        if bare in phrases:
            return kind, None
    match = _TRANSLATED.match(bare.replace("’", "'"))
    if match:
        word = next(group for group in match.groups() if group)
        return DeliveryKind.AS_TRANSLATED, _LANGUAGE_WORDS.get(word.casefold())
    return None


def trailing_delivery(text: str) -> tuple[str, str] | None:
    """Split a title that ends in its delivery note ("Remarks to the Council [as delivered]"), or None."""
    match = re.fullmatch(r"(.+?)\s*([\[(（【][^\[\](){}]+[\])）】])", text)
    return (match[1], match[2]) if match and delivery_kind(match[2]) else None


def read_header(path: Path, texts: list[str]) -> tuple[dict[str, tuple[int, str]], list[tuple[int, str]]]:
    """Split a statement's lines into its header block (key: (line, value)) and the numbered rest."""
    lines = list(enumerate(texts, start=1))
    header: dict[str, tuple[int, str]] = {}
    if not lines or lines[0][1] != "---":
        return header, lines
    if not any(line == "---" for _, line in lines[1:]):
        raise StatementError("the header block opened with '---' is never closed", path, 1)
    for index, (number, line) in enumerate(lines[1:], start=1):
        if line == "---":
            return header, lines[index + 1 :]
        if not line or line.startswith("#"):
            continue
        key, sep, value = line.partition(":")
        key = key.strip().lower()
        if not sep or key not in HEADER_KEYS:
            raise StatementError(f"unknown header line {line!r}; the header takes {', '.join(HEADER_KEYS)}",
                                 path, number)
        header[key] = (number, value.strip())
    return header, []  # unreachable: a closing line exists


def header_date(path: Path, header: dict) -> datetime.date | None:
    """Return the header block's date; raise StatementError when it cannot be read."""
    if "date" not in header:
        return None
    line, value = header["date"]
    date = parse_date(value)
    if date is None:
        raise StatementError(f"cannot read the date {value!r}; write it as YYYY-MM-DD", path, line)
    return date


_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_ISO = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})$")
_CJK = re.compile(r"(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日")
# What may sit around a date on a date line: a place, a weekday, "le", brackets, a dash.
_AROUND = re.compile(r"[,，、،()（）]|\s[–—-]\s")


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
    return names


@functools.cache
def _weekday_names() -> dict[str, int]:
    """Return weekday names of the six languages (CLDR), lower-cased: Monday is 0."""
    from babel import Locale

    return {name.casefold(): number for locale in ("en", "fr", "es", "ru", "ar", "zh")
            for number, name in Locale.parse(locale).days["format"]["wide"].items()}


@functools.cache
def _day_month_year() -> re.Pattern:
    months = "|".join(sorted((re.escape(name) for name in _month_names()), key=len, reverse=True))
    month = rf"(?:{months})(?:\s*/\s*(?:{months}))?"  # Arabic: "تشرين الأول/أكتوبر"
    end = r"(?=\s*(?:[,，،)]|$))"  # a place may follow: "11 October 2017, New York"
    return re.compile(
        rf"(?:^|[\s,(])(?P<day>\d{{1,2}})(?:er)?\s+(?:de\s+)?(?P<month>{month})\.?\s+(?:de\s+)?"
        rf"(?P<year>\d{{4}})(?:\s*(?:года|г\.))?{end}"
        rf"|(?:^|[\s,(])(?P<month2>{month})\.?\s+(?P<day2>\d{{1,2}}),?\s+(?P<year2>\d{{4}}){end}",
        re.I,
    )


def parse_date(text: str) -> datetime.date | None:
    """Return the date a short line gives ("New York, 11 October 2017", "2017年10月11日")."""
    found = _find_date(text)
    return found[0] if found else None


def _find_date(text: str) -> tuple[datetime.date | None, str, str] | None:
    """Return the date of a date line with the words before and after it, or None."""
    line = text.strip().strip(" -–—").rstrip(".").translate(_DIGITS)
    if len(line) > 70:
        return None
    match = _ISO.fullmatch(line)
    if match:
        return _date(match["year"], match["month"], match["day"]), "", ""
    match = _CJK.search(line) or _day_month_year().search(line)
    if not match or not _only_place_around(line, match):
        return None
    if match.re is _CJK:
        return _date(match["year"], match["month"], match["day"]), line[: match.start()], line[match.end():]
    if match["day"]:
        day, month_text, year = match["day"], match["month"], match["year"]
    else:
        day, month_text, year = match["day2"], match["month2"], match["year2"]
    first = re.split(r"\s*/\s*", month_text.casefold())[0]
    return _date(year, _month_names()[first], day), line[: match.start()], line[match.end():]


def _only_place_around(line: str, match: re.Match) -> bool:
    """True when what surrounds the date is a place or weekday, not a sentence."""
    before = line[: match.start()].strip(" ,(")
    after = line[match.end():].strip(" ,，،)")
    return (len(before.split()) <= 4 and not before.endswith((".", ":", ";"))
            and len(after.split()) <= 4 and not after[:1].islower() and not re.search(r"[\d.:;]", after))


def _date(year, month, day) -> datetime.date | None:
    try:
        return datetime.date(int(year), int(month), int(day))
    except ValueError:
        return None


def date_venue(text: str) -> tuple[datetime.date | None, str | None]:
    """Return the date of a date line and the place around it ("New York, 11 October 2017")."""
    found = _find_date(text)
    if found is None or found[0] is None:
        return None, None
    date, before, after = found
    words = [part.strip() for part in _AROUND.split(f"{before},{after}")]
    places = [w for w in words if w and not re.search(r"\d", w)
              and w.casefold() not in _weekday_names() and w.casefold() not in ("le", "el")]
    venue = places[0] if places else None
    return date, venue.title() if venue and venue.isupper() else venue  # "GENEVA (10 May 2017)"


def stated_weekday(text: str) -> int | None:
    """Return the weekday a date line names ("Monday, 11 October 2017" gives 0), or None."""
    words = (word.strip() for word in _AROUND.split(text))
    return next((_weekday_names()[w.casefold()] for w in words if w.casefold() in _weekday_names()), None)


def dateline(text: str) -> tuple[datetime.date | None, str | None]:
    """Return the date and place a paragraph opens with ("GENEVA (10 December 2017) – The ...")."""
    match = re.match(r"(.{4,60}?)\s+[–—-]{1,2}\s+\S", text)
    return date_venue(match[1]) if match else (None, None)


def venue_line(text: str) -> str | None:
    """Return the place of a news-service line such as "Geneva (UN Information Service)"."""
    match = _NEWS_SERVICE.match(text)
    return match["venue"].title() if match and match["venue"].isupper() else match and match["venue"]


_NEWS_SERVICE = re.compile(
    r"^(?P<venue>[^\W\d][\w .’'-]{1,40}?)\s*\((?:(?:UN |United Nations )?Information Service"
    r"|Service d[’']information des Nations Unies|Servicio de Información de las Naciones Unidas)\)$",
    re.I,
)
# A press release's document symbol: "SG/SM/18835-OBV/1766", "GA/12045".
SYMBOL = re.compile(r"^[A-Z]{1,8}(?:/[A-Z]{1,8})*/\d[\w.\-/]*$")
# Section breaks: "* * *", "***", "– – –", "___".
SEPARATOR = re.compile(r"^(?:[*•·~#=_–—-]\s*){3,}$")
# What a web page puts around the statement: share and print buttons, links, tags, end marks.
WEB_DEBRIS = re.compile(
    r"^(?:share(?: this(?: story| page| article)?)?(?:, choose your platform)?|print(?: this page)?|e-?mail"
    r"|related(?: news| stories| content| links)?|read more|read the full (?:statement|speech)|see also"
    r"|back to top|subscribe|ends|(?:tags?|topics?|keywords?)\s*:.*|download(?: the)? .{0,40}"
    r"|follow (?:us|the \S+) on \w+|for information media\W+not an official record"
    r"|for (?:more|further) information.{0,40}contact.*"
    r"|partager|imprimer|lire la suite|télécharger .{0,40}|suivez-nous sur \w+|mots-clés\s*:.*"
    r"|compartir|imprimir|leer más|descargar .{0,40}|síguenos en \w+|etiquetas\s*:.*"
    r"|поделиться|печать|подробнее|читать далее|скачать .{0,40}"
    r"|مشاركة|طباعة|اقرأ المزيد|تحميل .{0,40}|分享|打印|阅读更多|下载.{0,20})[\s.!:»›→>]*$"
    r"|^(?=[^@]{0,80}\w@[\w-]+\.[a-z]{2,})",  # a contact line with an e-mail address
    re.I,
)
# Photo captions and credits: "UN Photo/Mark Garten", "Photo ONU/Manuel Elias", "© UNHCR".
CAPTION = re.compile(r"^(?:(?:un |united nations )?(?:photo|foto|фото)\b|credit\b|©|source:|image:|video:"
                     r"|watch:|联合国图片|صورة)", re.I)
# Salutations: short lines without a full stop that are paragraphs, not headings.
SALUTATION = re.compile(
    r"^(?:(?:mr\.?|madam|madame|monsieur|señor|señora)\s+(?:vice[- ])?(?:president|chair|secretary-general|président"
    r"|presidente)|(?:your\s+)?excellenc|excelencia|distinguished\s|ladies and gentlemen|dear\s|mesdames"
    r"|señoras y señores|дамы и господа|ваши превосходительства|уважаем|أصحاب السعادة|السيدات والسادة|各位|女士们)",
    re.I,
)
# The line under a pull quote: "— António Guterres", "President of the UN General Assembly".
ATTRIBUTION = re.compile(
    r"^[—–―]\s*[A-ZÀ-ÞА-Я][^.,;:!?]{0,60}$|^(?:(?:the|un|united nations)\s+)*(?:deputy\s+)?(?:president|secretary-general"
    r"|chair|chairperson|spokesperson|high commissioner|special envoy|director-general|executive director)"
    r"(?:\s+of\b.*|,.*|(?:\s+(?-i:[A-ZÀ-ÞА-Я])[\w.’'-]*){1,4})?$",  # "Secretary-General António Guterres"
    re.I,
)


def debris(text: str) -> tuple[str, str] | None:
    """Return a finding's code and message for a line a release leaves out, or None."""
    if len(text) > 120:
        return None
    if SEPARATOR.match(text):
        return "separator", f"separator line {text!r}; left out of the release"
    if WEB_DEBRIS.match(text):
        return "web-debris", f"web page debris {text!r} (a link, a button, contact details?); left out of the release"
    if CAPTION.match(text) and len(text) <= 90 and not text.endswith("."):
        return "caption-line", f"caption-like line {text!r} (a photo caption?); left out of the release"
    return None


def weekday_mismatch(text: str, date: datetime.date) -> str | None:
    """Return what is wrong when a date line names the wrong weekday ("Monday, 11 October 2017")."""
    weekday = stated_weekday(text)
    if weekday is None or weekday == date.weekday():
        return None
    days = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    return f"date line names a {days[weekday]}, but {date.day} {date:%B %Y} was a {days[date.weekday()]}"


def speaker_name(line: str) -> str | None:
    """Return who speaks, from a speaker line: "Statement by H.E. Mr. X, President of ..." gives "H.E. Mr. X"."""
    match = SPEAKER_NAME.match(line)
    if not match:
        return None
    name = line[match.end():].split(",")[0].strip()
    name = re.split(r"\s+(?:at|on|to|before|during)\s+(?:the\s+)?", name)[0].strip()
    return name if 0 < len(name) <= 80 else None


_STOPWORDS = {
    "en": {"the", "and", "of", "to", "is", "we", "that", "in", "for", "our"},
    "fr": {"le", "la", "les", "et", "des", "est", "nous", "que", "une", "dans"},
    "es": {"el", "la", "los", "las", "y", "de", "que", "es", "nuestro", "una"},
}


def guess_language(text: str) -> str:
    """Guess which of the six UN languages a text is in, from its script and common words."""
    scripts = {"ar": 0, "zh": 0, "ru": 0}
    for char in text:
        if "\u0600" <= char <= "\u06ff":
            scripts["ar"] += 1
        elif "\u4e00" <= char <= "\u9fff":
            scripts["zh"] += 1
        elif "\u0400" <= char <= "\u04ff":
            scripts["ru"] += 1
    best = max(scripts, key=scripts.get)
    if scripts[best] > len(text) * 0.1:
        return best
    words = re.findall(r"\w+", text.casefold())
    scores = {code: sum(w in stop for w in words) for code, stop in _STOPWORDS.items()}
    return max(scores, key=lambda code: (scores[code], code == "en"))
