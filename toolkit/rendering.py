"""Render stage: an `Edition` becomes an HTML page through the package's Jinja2 templates.

Statement text only ever reaches templates as data: autoescape is on, and nothing a speech
file contains is compiled as a template. The templates' own words come from gettext catalogs
shipped in `toolkit/locales/`, compiled in memory once per run (no build step).
"""

from __future__ import annotations

import gettext
import io
import unicodedata
from dataclasses import dataclass
from importlib import resources

import jinja2
from babel import Locale
from babel.core import get_global
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po
from babel.support import Translations
from babel.units import format_unit
from markupsafe import Markup, escape

from toolkit import __version__
from toolkit.errors import TemplateError
from toolkit.languages import LANGUAGES, UN_ORDER, Language, get_language
from toolkit.model import BlockKind, DeliveryKind, Edition, EditionBlock, Statement, TextStatus


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

# Quotation marks around what the template quotes, as CSS `quotes` per language, so the marks
# follow the language of the quoted element. Babel has no CLDR delimiters, so they are here:
# French « » with narrow no-break spaces, Russian « », Spanish and Chinese “ ” as UN documents
# print them, Arabic « » (mirrored by the bidi algorithm in right-to-left lines).
QUOTES = {
    "ar": ("«", "»"), "zh": ("“", "”"), "en": ("“", "”"),
    "fr": ("«\u202f", "\u202f»"), "ru": ("«", "»"), "es": ("“", "”"),
}

# UN Arabic documents name months twice, Levantine/Egyptian ("تشرين الأول/أكتوبر"), and spell
# June and July يونيه and يوليه (as in the Charter, "26 حزيران/يونيه 1945").
_UN_ARABIC_SPELLING = {6: "يونيه", 7: "يوليه"}

_LTR_ISOLATE, _RTL_ISOLATE, _POP_ISOLATE = "\u2066", "\u2067", "\u2069"


@dataclass(frozen=True)
class EditionLink:
    """One language of a statement, as the switcher and the index show it."""

    code: str
    tag: str
    direction: str
    native_name: str


@dataclass(frozen=True)
class TextView:
    """One block ready to print: escaped HTML, and the language it is written in."""

    html: Markup
    status: str
    lang: str  # BCP 47 tag
    direction: str
    untranslated: bool


@dataclass(frozen=True)
class BodyItem:
    """A body element for the template: a paragraph, heading, list or pull quote."""

    kind: str
    block: TextView | None = None
    attribution: TextView | None = None
    blocks: tuple[TextView, ...] = ()


class PressEnvironment(jinja2.Environment):
    """The Jinja2 environment of one render run, holding that run's compiled catalogs."""

    def __init__(self, **options):
        super().__init__(**options)
        self._catalogs: dict[str, gettext.NullTranslations] = {}

    def translations(self, lang: str) -> gettext.NullTranslations:
        """Return the template words for a language, compiling its catalog on first use."""
        code = get_language(lang).code
        if code not in self._catalogs:
            self._catalogs[code] = load_translations(code)
        return self._catalogs[code]


def make_environment() -> PressEnvironment:
    """Return the Jinja2 environment over the package's templates, for one run."""
    return PressEnvironment(
        loader=jinja2.PackageLoader("toolkit", "templates"),
        # Escape everything except the stylesheet, which holds no statement text.
        autoescape=jinja2.select_autoescape(disabled_extensions=("css",), default=True),
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )


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


def _strong(char: str) -> str:
    kind = unicodedata.bidirectional(char)
    return "rtl" if kind in ("R", "AL") else "ltr" if kind == "L" else ""


# Neutral characters left outside an isolated run: they belong to the surrounding sentence.
_LEADING_NEUTRAL = " \t([{\"'“”‘’«»–—-"
_TRAILING_NEUTRAL = " \t.,;:!?)]}\"'“”‘’«»…–—-\u060c\u061b\u061f"


def opposite_runs(text: str, direction: str) -> list[tuple[str, bool]]:
    """Split text into (piece, is_opposite) where opposite pieces run against `direction`.

    An opposite run is a stretch without any strong character of the paragraph's direction
    that holds at least one strong character of the other: "GA/SM/1234", "Miroslav Lajčák",
    "https://www.un.org/pga/72/" in Arabic text.
    """
    pieces: list[tuple[str, bool]] = []
    start = 0
    for index in range(len(text) + 1):
        if index < len(text) and _strong(text[index]) != direction:
            continue
        stretch = text[start:index]
        head = len(stretch) - len(stretch.lstrip(_LEADING_NEUTRAL))
        tail = max(head, len(stretch.rstrip(_TRAILING_NEUTRAL)))
        # Keep a closing bracket whose opening one is inside: "Lajčák (GA/SM/1234)".
        while tail < len(stretch) and _unclosed(stretch[head:tail]) == stretch[tail]:
            tail += 1
        core = stretch[head:tail]
        if core and any(_strong(c) not in ("", direction) for c in core):
            pieces += [(stretch[:head], False), (core, True), (stretch[tail:], False)]
        else:
            pieces.append((stretch, False))
        if index < len(text):
            pieces.append((text[index], False))
        start = index + 1
    merged: list[tuple[str, bool]] = []
    for piece, opposite in pieces:
        if merged and not opposite and not merged[-1][1]:
            merged[-1] = (merged[-1][0] + piece, False)
        elif piece:
            merged.append((piece, opposite))
    return merged


_BRACKETS = {"(": ")", "[": "]", "{": "}"}


def _unclosed(text: str) -> str | None:
    """Return the closing bracket text still waits for, if any."""
    waiting: list[str] = []
    for char in text:
        if char in _BRACKETS:
            waiting.append(_BRACKETS[char])
        elif waiting and char == waiting[-1]:
            waiting.pop()
    return waiting[-1] if waiting else None


def isolate_html(text: str, direction: str) -> Markup:
    """Escape text, wrapping runs against the paragraph direction in <span dir>.

    WeasyPrint 70 ignores <bdi> (Kozea/WeasyPrint#106, #1724) but honours dir on a span, as
    browsers do; without it "https://un.org/pga/72/" loses its final slash to the Arabic
    side and "1234/GA" turns into "GA/1234".
    """
    other = "ltr" if direction == "rtl" else "rtl"
    return Markup("").join(
        Markup('<span dir="{}">{}</span>').format(other, piece) if opposite else escape(piece)
        for piece, opposite in opposite_runs(text, direction)
    )


def isolate_plain(text: str, direction: str) -> str:
    """Return text with opposite runs between Unicode isolates (for CSS strings, attributes)."""
    mark = _LTR_ISOLATE if direction == "rtl" else _RTL_ISOLATE
    return "".join(f"{mark}{piece}{_POP_ISOLATE}" if opposite else piece
                   for piece, opposite in opposite_runs(text, direction))


def edition_links(codes) -> tuple[EditionLink, ...]:
    """Return the switcher entries for the given language codes, in UN order."""
    return tuple(
        EditionLink(code, LANGUAGES[code].tag, LANGUAGES[code].direction, native_name(code))
        for code in UN_ORDER
        if code in codes
    )


def text_view(block: EditionBlock, edition: Edition) -> TextView:
    """Return a block as printed: untranslated text keeps its source language's lang and dir."""
    untranslated = block.status is TextStatus.UNTRANSLATED
    language = get_language(edition.statement.source_lang if untranslated else edition.lang)
    return TextView(
        isolate_html(block.text, language.direction), block.status.value,
        language.tag, language.direction, untranslated,
    )


def group_body(blocks: tuple[EditionBlock, ...], edition: Edition) -> list[BodyItem]:
    """Group body blocks for the template: pull quotes with their attribution, list runs."""
    items: list[BodyItem] = []
    for block in blocks:
        view = text_view(block, edition)
        previous = items[-1] if items else None
        if block.kind is BlockKind.ATTRIBUTION and previous and previous.kind == "pull_quote" \
                and previous.attribution is None:
            items[-1] = BodyItem("pull_quote", previous.block, view)
        elif block.kind is BlockKind.LIST_ITEM:
            if previous and previous.kind == "list":
                items[-1] = BodyItem("list", blocks=previous.blocks + (view,))
            else:
                items.append(BodyItem("list", blocks=(view,)))
        elif block.kind is BlockKind.PULL_QUOTE:
            items.append(BodyItem("pull_quote", view))
        elif block.kind is BlockKind.HEADING:
            items.append(BodyItem("heading", view))
        else:
            items.append(BodyItem("paragraph", view))
    return items


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
        f"\\{ord(char):x} " if char in '\\"<>\n' else char for char in text
    )
    return f'"{escaped}"'


def page_label_css(translations: gettext.NullTranslations) -> str:
    """Return the CSS `content` value for "Page X of Y" in the edition's language."""
    label = translations.gettext("Page %(page)s of %(pages)s")
    parts = []
    rest = label
    for name, counter in (("%(page)s", "counter(page)"), ("%(pages)s", "counter(pages)")):
        before, _, rest = rest.partition(name)
        parts += [css_string(before), counter]
    parts.append(css_string(rest))
    return " ".join(p for p in parts if p != '""')


def stylesheet_context(language: Language, translations, *, header: tuple[str, str] = ("", "")) -> dict:
    """Return what press.css needs: font stacks, mirrored page boxes, localized page words."""
    rtl = language.direction == "rtl"
    _ = translations.gettext
    start, end = (isolate_plain(text, language.direction) for text in header)
    return {
        "language": language,
        "start": "right" if rtl else "left",
        "end": "left" if rtl else "right",
        "font_stacks": [(lang.code, _font_stack(lang)) for lang in LANGUAGES.values()],
        "quote_marks": [(code, " ".join(css_string(mark) for mark in marks)) for code, marks in QUOTES.items()],
        "font_stack": _font_stack(language),
        "page_label_css": page_label_css(translations),
        "footer_css": css_string(_("For information media. Not an official record.")),
        "header_start_css": css_string(start) if start else "none",
        "header_end_css": css_string(end) if end else "none",
    }


def _font_stack(language: Language) -> str:
    return ", ".join(f'"{font}"' for font in language.fonts) + ", serif"


def get_context(edition: Edition, editions: tuple[str, ...], translations: gettext.NullTranslations) -> dict:
    """Return everything the release template needs for one edition."""
    language = get_language(edition.lang)
    statement = edition.statement
    _ = translations.gettext
    title = edition.title.text if edition.title else statement.slug
    # The speaker line says what the statement is; the first paragraph is often a salutation.
    summary = edition.speaker.text if edition.speaker else next(
        (b.text for b in edition.body if b.kind is BlockKind.PARAGRAPH), title)
    date_text = format_un_date(statement.date, edition.lang) if statement.date else ""
    start = statement.symbol or f'{_("United Nations")} · {_("Press Release")}'
    return {
        "edition": edition,
        "language": language,
        "title": title,
        "title_view": text_view(edition.title, edition) if edition.title else None,
        "speaker": text_view(edition.speaker, edition) if edition.speaker else None,
        "free_delivery": text_view(edition.free_delivery, edition) if edition.free_delivery else None,
        # Proper names read the same in every edition: the speaker is the author.
        "author": statement.speaker_name or _("United Nations"),
        "description": summarize(summary),
        "version": __version__,
        "date": statement.date,
        "date_text": date_text,
        "symbol": statement.symbol,
        # The venue is not translated by the catalogs yet: print it in the original only.
        "venue": statement.venue if edition.is_original else None,
        "delivery_text": delivery_text(statement, translations),
        "body": group_body(edition.body, edition),
        "notice": "" if edition.is_reviewed else _("Unofficial machine translation, not yet reviewed"),
        "untranslated_mark": _("Original text, not yet translated"),
        "og_locale": og_locale(language.code),
        "editions": edition_links(editions),
        "og_alternates": [og_locale(code) for code in UN_ORDER if code in editions and code != language.code],
        "stylesheet_context": stylesheet_context(language, translations, header=(start, date_text)),
        "translations": translations,
    }


def render_edition(env: PressEnvironment, edition: Edition, editions: tuple[str, ...]) -> str:
    """Render the HTML press release for one edition."""
    context = get_context(edition, editions, env.translations(edition.lang))
    return _render(env, "release.html", context)


def index_rows(entries: list[dict], lang: str, translations: gettext.NullTranslations) -> list[dict]:
    """Return the index table rows: native name, localized status, pages, sizes."""
    rows = []
    for entry in entries:
        language = get_language(entry["code"])
        rows.append({
            "code": language.code, "tag": language.tag, "direction": language.direction,
            "native_name": native_name(language.code),
            "status": entry["status"],
            "status_text": translations.gettext(STATUS_LABELS[entry["status"]]),
            "pages": entry["pages"],
            "pdf_size": format_size(entry["pdf_bytes"], lang),
            "html_size": format_size(entry["html_bytes"], lang),
        })
    return rows


def render_index(env: PressEnvironment, statement: Statement, entries: list[dict], lang: str) -> str:
    """Render the index page of a statement's editions."""
    language = get_language(lang)
    translations = env.translations(lang)
    title = statement.title.text if statement.title else statement.slug
    date_text = format_un_date(statement.date, lang) if statement.date else ""
    context = {
        "language": language,
        "title": title,
        "description": title,
        "version": __version__,
        "date": statement.date,
        "date_text": date_text,
        "symbol": statement.symbol,
        "og_locale": og_locale(language.code),
        "rows": index_rows(entries, lang, translations),
        "stylesheet_context": stylesheet_context(language, translations),
        "translations": translations,
    }
    return _render(env, "index.html", context)


def _render(env: PressEnvironment, name: str, context: dict) -> str:
    translations = context.pop("translations")
    try:
        env.install_gettext_translations(translations, newstyle=True)
        styles = context.pop("stylesheet_context")
        stylesheet = env.get_template("press.css").render(styles)
        screen = env.get_template("screen.css").render(styles)
        return env.get_template(name).render(context, stylesheet=Markup(stylesheet), screen_stylesheet=Markup(screen))
    except jinja2.TemplateError as exc:
        raise TemplateError(f"template {name} failed: {exc}") from exc
