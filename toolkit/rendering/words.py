"""The templates' own words in six languages: gettext catalogs, names, dates, sizes.

The catalogs ship in `toolkit/locales/<lang>/LC_MESSAGES/messages.po` and are compiled in
memory when first needed (no build step).
"""

from __future__ import annotations

import gettext
import io
import re
from importlib import resources

from babel import Locale
from babel.core import get_global
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po
from babel.support import Translations
from babel.units import format_unit

from toolkit.errors import TemplateError
from toolkit.languages import get_language
from toolkit.model import DeliveryKind, Statement


def N_(message: str) -> str:
    """Mark a message for extraction; it is translated where it is shown."""
    return message


# Language names as they appear inside a sentence ("As translated from %(language)s"). UN
# usage differs from CLDR's here (zh 英文 not 英语, ar الإنكليزية not الإنجليزية), so they
# come from the catalogs; the switcher and index use Babel's native names.
LANGUAGE_NAMES = {
    "ar": N_("Arabic"), "zh": N_("Chinese"), "en": N_("English"),
    "fr": N_("French"), "ru": N_("Russian"), "es": N_("Spanish"),
}


DELIVERY_NOTES = {
    DeliveryKind.AS_DELIVERED: N_("As delivered"),
    DeliveryKind.CHECK_AGAINST_DELIVERY: N_("Check against delivery"),
    DeliveryKind.AS_PREPARED: N_("As prepared for delivery"),
}


STATUS_LABELS = {
    "original": N_("Original"),
    "reviewed": N_("Reviewed translation"),
    "machine": N_("Machine translation, not reviewed"),
}


# A correction (toolkit.corrections) says so in every language, and names the version it
# replaces by the day that version was issued; feeds file it under CORRECTED.
CORRECTION_NOTICE = N_("Corrected version: replaces the version issued on %(date)s")
CORRECTED = N_("Corrected version")
VERSION = N_("Version %(number)s")


def correction_notice(issued: str, lang: str, translations: gettext.NullTranslations) -> tuple[str, str, str, str]:
    """Return the correction notice in the edition's language as (before, date, ISO date, after).

    `issued` is the replaced version's issue time (ISO 8601 UTC); the date is printed UN style.
    """
    import datetime

    day = datetime.datetime.strptime(issued, "%Y-%m-%dT%H:%M:%SZ").date()
    before, _, after = translations.gettext(CORRECTION_NOTICE).partition("%(date)s")
    return before, tie_words(format_un_date(day, lang), lang), day.isoformat(), after


def correction_text(issued: str, lang: str, translations: gettext.NullTranslations) -> str:
    """Return the correction notice as one line of plain text (feeds)."""
    before, date, _, after = correction_notice(issued, lang, translations)
    return f"{before}{date}{after}".replace("\u00a0", " ")


# Quotation marks around what the template quotes, as CSS `quotes` per language, so the marks
# follow the language of the quoted element. Babel has no CLDR delimiters, so they are here:
# French « » with narrow no-break spaces, Russian « », Spanish and Chinese “ ” as UN documents
# print them, Arabic « » (mirrored by the bidi algorithm in right-to-left lines).
QUOTES = {
    "ar": ("«", "»"), "zh": ("“", "”"), "en": ("“", "”"),
    "fr": ("«\u202f", "\u202f»"), "ru": ("«", "»"), "es": ("“", "”"),
}


# Where UN statements are delivered: Headquarters, the offices away from Headquarters and the
# regional commissions' seats, named as UN documents name them in each language. A venue not
# listed here is printed in the original edition only (a place name is not machine-translated).
VENUES = (
    N_("New York"), N_("Geneva"), N_("Vienna"), N_("Nairobi"), N_("Addis Ababa"), N_("Bangkok"),
    N_("Beirut"), N_("Santiago"), N_("The Hague"),
)

# UN Arabic documents name months twice, Levantine/Egyptian ("تشرين الأول/أكتوبر"), and spell
# June and July يونيه and يوليه (as in the Charter, "26 حزيران/يونيه 1945").
_UN_ARABIC_SPELLING = {6: "يونيه", 7: "يوليه"}


def load_translations(lang: str) -> gettext.NullTranslations:
    """Compile the package's catalog of template words for a language, in memory."""
    code = get_language(lang).code
    source = resources.files("toolkit") / "locales" / code / "LC_MESSAGES" / "messages.po"
    if not source.is_file():
        raise TemplateError(f"no catalog of template words for {code!r} (expected {source})")
    try:
        with source.open("rb") as handle:
            catalog = read_po(handle, locale=get_language(code).locale, abort_invalid=True)
    except (PoFileError, ValueError) as exc:
        raise TemplateError(f"{source}: cannot read the catalog: {exc}") from None
    compiled = io.BytesIO()
    write_mo(compiled, catalog)  # fuzzy entries are left out: they fall back to English
    compiled.seek(0)
    return Translations(compiled, domain="messages")


def native_name(code: str) -> str:
    """Return a language's name in itself, as Babel knows it ("Français", "العربية", "中文")."""
    name = Locale.parse(get_language(code).locale).get_language_name()
    return name[:1].upper() + name[1:]


def format_un_date(date, lang: str) -> str:
    """Format a date in UN style ("11 October 2017", "11 تشرين الأول/أكتوبر 2017")."""
    code = get_language(lang).code
    if code == "ar":
        # Western digits, as UN Arabic documents print dates.
        levant = Locale.parse("ar_SY").months["format"]["wide"][date.month]
        egypt = _UN_ARABIC_SPELLING.get(date.month) or Locale.parse("ar_EG").months["format"]["wide"][date.month]
        return f"{date.day} {levant}/{egypt} {date.year}"
    if code == "fr" and date.day == 1:
        return format_date(date, format="d'er' MMMM y", locale="fr_FR")  # « 1er octobre »
    pattern = {"ru": "d MMMM y 'года'", "zh": "y年M月d日", "es": "d 'de' MMMM 'de' y"}.get(code, "d MMMM y")
    return format_date(date, format=pattern, locale=get_language(code).locale)


def format_size(size: int, lang: str) -> str:
    """Return a file size in a language's units ("152 kB", "152 ko", "1,2 МБ")."""
    locale = get_language(lang).locale
    if size < 1024 * 1024:
        return format_unit(max(1, round(size / 1024)), "digital-kilobyte", length="short", locale=locale)
    return format_unit(round(size / 1024 / 1024, 1), "digital-megabyte", length="short", locale=locale)


def og_locale(code: str) -> str:
    """Return the Open Graph locale of a language ("fr_FR", "ar_EG", "zh_CN")."""
    locale = Locale.parse(get_language(code).locale)
    territory = locale.territory or get_global("likely_subtags")[locale.language].split("_")[-1]
    return f"{locale.language}_{territory}"


def language_name(code: str, translations: gettext.NullTranslations) -> str:
    """Return a language's name in the edition's language, UN style ("anglais", "英文")."""
    return translations.gettext(LANGUAGE_NAMES[get_language(code).code])


def delivery_text(statement: Statement, translations: gettext.NullTranslations) -> str | None:
    """Return the delivery note in the edition's language."""
    delivery = statement.delivery
    if delivery is None:
        return None
    if delivery.kind in DELIVERY_NOTES:
        return translations.gettext(DELIVERY_NOTES[delivery.kind])
    if delivery.language:
        return translations.gettext("As translated from %(language)s") % {
            "language": language_name(delivery.language, translations)}
    return delivery.text


def summarize(text: str, limit: int = 200) -> str:
    """Return the start of a text for a description, cut at a word where words exist."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


def css_string(text: str) -> str:
    """Return text as a quoted CSS string, safe inside an HTML <style> element."""
    escaped = "".join(
        f"\\{ord(char):x} " if char in '\\"<>\n\r\f' else char for char in text
    )
    return f'"{escaped}"'


def page_label_css(translations: gettext.NullTranslations) -> str:
    """Return the CSS `content` value for "Page X of Y" in the edition's language.

    A translation may put the total first ("%(pages)s pages, page %(page)s").
    """
    label = translations.gettext("Page %(page)s of %(pages)s")
    counters = {"%(page)s": "counter(page)", "%(pages)s": "counter(pages)"}
    parts = [counters.get(part) or css_string(part) for part in re.split(r"(%\(pages?\)s)", label)]
    return " ".join(p for p in parts if p != '""')


def venue_text(venue: str | None, translations: gettext.NullTranslations) -> str | None:
    """Return a UN venue in the edition's language, or None for a place the catalogs lack."""
    return translations.gettext(venue) if venue in VENUES else None



# Where a line must not break: a number and the word after it ("18 December", "18 كانون الأول",
# "3 points"), a month and its year, and, in Russian, French and Spanish, a word and the dash
# after it (a line never starts with "—"). Body text gets <span class="nobr"> around such pairs
# rather than no-break spaces: text copied out of the PDF keeps plain spaces, and poppler moves
# a no-break space beside a number to the wrong side in Arabic lines.
TIE = "\u2007"  # figure space, bidi-neutral like a space: stands for a tied space until nobr_html
_NUMBER_WORD = re.compile(r"(?<!\S)(\d{1,4}) (?=[^\W\d_])")
_WORD_YEAR = re.compile(r"(?<=[^\W\d_]) (?=\d{4}(?!\d))")
_SPACE_DASH = re.compile(r" (?=[—–](?: |$))")
_TIED = re.compile(r"[^\s<>]+(?:\u2007[^\s<>]+)+")


def tie_words(text: str, lang: str, tie: str = "\u00a0") -> str:
    """Return text with `tie` (a no-break space) where a line must not break."""
    text = text.replace(TIE, " ")
    text = _NUMBER_WORD.sub(lambda m: m.group(1) + tie, text)
    text = _WORD_YEAR.sub(tie, text)
    if get_language(lang).code in ("ru", "fr", "es"):
        text = _SPACE_DASH.sub(tie, text)
    return text


# A run of letters with no break opportunity longer than this gets one (<wbr>) every LONG_RUN
# characters. WeasyPrint honours overflow-wrap: anywhere only where a run follows plain text:
# after an inline element (a bidi span, a tie) a long run is never broken and runs off the page,
# clipped (Kozea/WeasyPrint #1614, #2258); proofing.py catches what still would. Chinese and
# Arabic runs are left alone: CJK breaks between ideographs anyway, and the zero-width space
# WeasyPrint draws for <wbr> would unjoin Arabic letters.
LONG_RUN = 30
_RUN = re.compile(r"(?:&[#\w]+;|[^\s<>&\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
                  r"\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef])" + "{%d,}" % (LONG_RUN + 1))
_PIECE = re.compile(r"&[#\w]+;|.", re.S)


def break_long_runs(html: str) -> str:
    """Return escaped HTML with <wbr> every LONG_RUN characters in longer unbreakable runs (never in a tag or entity)."""
    def cut(match: re.Match) -> str:
        pieces = _PIECE.findall(match.group(0))
        return "<wbr>".join("".join(pieces[i:i + LONG_RUN]) for i in range(0, len(pieces), LONG_RUN))

    return "".join(part if part.startswith("<") else _RUN.sub(cut, part) for part in re.split(r"(<[^>]*>)", html))


def nobr_html(html: str) -> str:
    """Turn the TIE marks tie_words left in escaped HTML into <span class="nobr"> runs."""
    html = _TIED.sub(lambda m: '<span class="nobr">' + m.group(0).replace(TIE, " ") + "</span>", html)
    return html.replace(TIE, " ")


# Who speaks, as a reviewed speaker line names them in each language: the PDF's author. UN
# lines put the name after "de"/"del", "ألقاها", or between a title and 阁下 in Chinese. Russian
# names the speaker in the genitive ("г‑на Мирослава Лайчака"), which is no author's name, so
# the Russian edition keeps the statement's own form, as do lines these patterns do not fit.
_SPEAKER_IN = {
    "fr": re.compile(r"\b(?:de|du|par)\s+((?:S\.\s?E\.\s?|Son Excellence\s)?(?:M\.|Mme|Mlle|Monsieur|Madame)\s[^,(]+)"),
    "es": re.compile(r"\b(?:del|de la|de|por)\s+((?:Excm[oa]\.\s?)?(?:Sr\.|Sra\.|Señor|Señora)\s[^,(]+)"),
    "ar": re.compile(r"(?:ألقاها|ألقته|أدلى بها|أدلت بها)\s+([^،,(]+)"),
    "zh": re.compile(r"(?:主席|秘书长|高级专员|大使|特使|总干事|执行主任|主任|部长)([\u4e00-\u9fff]{1,8}·[\u4e00-\u9fff·]{1,12}?)"
                     r"(?:阁下|先生|女士|在|的)"),
}


def speaker_in(line: str, lang: str) -> str | None:
    """Return the speaker's name as a speaker line in `lang` gives it, or None."""
    pattern = _SPEAKER_IN.get(get_language(lang).code)
    match = pattern.search(line) if pattern else None
    name = match.group(1).strip() if match else ""
    return name if 0 < len(name) <= 80 else None
