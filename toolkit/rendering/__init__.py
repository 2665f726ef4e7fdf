"""Render stage: an `Edition` becomes an HTML page through the package's Jinja2 templates.

Statement text only ever reaches templates as data: autoescape is on, and nothing a speech
file contains is compiled as a template. The templates' own words (`words`) come from gettext
catalogs shipped in `toolkit/locales/`; runs of the other direction are isolated (`bidi`).
"""

from __future__ import annotations

import gettext
from dataclasses import dataclass

import jinja2
from markupsafe import Markup

from toolkit import __version__
from toolkit.errors import TemplateError
from toolkit.languages import LANGUAGES, UN_ORDER, Language, get_language
from toolkit.model import BlockKind, Edition, EditionBlock, EditionRecord, Provenance, Statement, TextStatus
from toolkit.rendering.bidi import isolate_html, isolate_plain, opposite_runs
from toolkit.rendering.words import (
    DELIVERY_NOTES,
    LANGUAGE_NAMES,
    QUOTES,
    STATUS_LABELS,
    VERSION,
    N_,
    correction_notice,
    css_string,
    delivery_text,
    format_size,
    format_un_date,
    language_name,
    load_translations,
    native_name,
    og_locale,
    page_label_css,
    TIE,
    break_long_runs,
    nobr_html,
    speaker_in,
    summarize,
    tie_words,
    venue_text,
)

__all__ = [
    "DELIVERY_NOTES", "LANGUAGE_NAMES", "N_", "QUOTES", "STATUS_LABELS", "BodyItem", "EditionLink",
    "PressEnvironment", "TextView", "css_string", "delivery_text", "edition_links", "format_size",
    "format_un_date", "get_context", "group_body", "index_rows", "isolate_html", "isolate_plain",
    "language_name", "load_translations", "make_environment", "native_name", "og_locale",
    "opposite_runs", "page_label_css", "render_edition", "render_index", "render_site_index", "stylesheet_context",
    "speaker_in", "summarize", "text_view", "tie_words", "venue_text",
]


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
    html = isolate_html(tie_words(block.text, language.code, TIE), language.direction)
    return TextView(
        Markup(break_long_runs(nobr_html(str(html)))), block.status.value,
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


def stylesheet_context(language: Language, translations, *, header: tuple[str, str] = ("", ""),
                       notice: str = "") -> dict:
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
        "notice_css": css_string(notice) if notice else "none",
    }


def _font_stack(language: Language) -> str:
    return ", ".join(f'"{font}"' for font in language.fonts) + ", serif"


def author(edition: Edition, translations) -> str:
    """Return the PDF's author: the speaker as the edition's reviewed speaker line names them."""
    statement = edition.statement
    speaker = edition.speaker
    if not edition.is_original and speaker is not None and speaker.status is TextStatus.REVIEWED:
        name = speaker_in(speaker.text, edition.lang)
        if name:
            return name
    return statement.speaker_name or translations.gettext("United Nations")


def get_context(edition: Edition, editions: tuple[str, ...], translations: gettext.NullTranslations,
                provenance: Provenance | None = None) -> dict:
    """Return everything the release template needs for one edition (`provenance`: its <meta>)."""
    language = get_language(edition.lang)
    statement = edition.statement
    _ = translations.gettext
    title = edition.title.text if edition.title else statement.slug
    # The speaker line says what the statement is; the first paragraph is often a salutation.
    summary = edition.speaker.text if edition.speaker else next(
        (b.text for b in edition.body if b.kind is BlockKind.PARAGRAPH), title)
    date_text = tie_words(format_un_date(statement.date, edition.lang), edition.lang) if statement.date else ""
    notice = "" if edition.is_reviewed else _("Unofficial machine translation, not yet reviewed")
    # The page header is one line: beside the notice there is room for a symbol, not the names.
    start = statement.symbol or ("" if notice else f'{_("United Nations")}\u00a0· {_("Press Release")}')
    return {
        "language": language,
        "title": title,
        "title_view": text_view(edition.title, edition) if edition.title else None,
        "speaker": text_view(edition.speaker, edition) if edition.speaker else None,
        "author": author(edition, translations),
        "description": summarize(summary),
        "version": __version__,
        "date": statement.date,
        "date_text": date_text,
        "symbol": statement.symbol,
        "venue": statement.venue if edition.is_original else venue_text(statement.venue, translations),
        "delivery_text": delivery_text(statement, translations),
        "body": group_body(edition.body, edition),
        "notice": notice,
        "correction": _correction(provenance, edition.lang, translations),
        "untranslated_mark": _("Original text, not yet translated"),
        "og_locale": og_locale(language.code),
        "editions": edition_links(editions),
        "og_alternates": [og_locale(code) for code in UN_ORDER if code in editions and code != language.code],
        "stylesheet_context": stylesheet_context(language, translations, header=(start, date_text), notice=notice),
        "provenance": provenance.as_meta() if provenance else {},
        "translations": translations,
    }


def _correction(provenance: Provenance | None, lang: str, translations) -> dict | None:
    """Return the correction notice's parts for the template, or None for a first version."""
    if provenance is None or not provenance.replaces_issued:
        return None
    before, date, iso, after = correction_notice(provenance.replaces_issued, lang, translations)
    return {"before": before, "date": date, "datetime": iso, "after": after,
            "version": provenance.edition_version, "replaces": provenance.replaces_version}


def render_edition(env: PressEnvironment, edition: Edition, editions: tuple[str, ...],
                   provenance: Provenance | None = None) -> str:
    """Render the HTML press release for one edition; `provenance` goes into its <meta>."""
    context = get_context(edition, editions, env.translations(edition.lang), provenance)
    return _render(env, "release.html", context)


def index_rows(entries: list[EditionRecord], lang: str, translations: gettext.NullTranslations) -> list[dict]:
    """Return the index table rows: native name, localized status, pages, sizes."""
    rows = []
    for entry in entries:
        language = get_language(entry.code)
        rows.append({
            "code": language.code, "tag": language.tag, "direction": language.direction,
            "native_name": native_name(language.code),
            # Each edition's title in its own language (an untranslated title is in the source's).
            "title": entry.title,
            "title_tag": get_language(entry.title_lang or language.code).tag,
            "title_direction": get_language(entry.title_lang or language.code).direction,
            "status": entry.status,
            "status_text": translations.gettext(STATUS_LABELS[entry.status]),
            "pages": entry.pages,
            "pdf_size": format_size(entry.pdf_bytes, lang),
            "html_size": format_size(entry.html_bytes, lang),
        })
    return rows


def version_view(version: tuple[int, int, str], lang: str, translations, base: str = "") -> dict:
    """Return what an index shows of a statement's version: its number, the correction notice and
    links to the versions kept under v<N>/ (`base`: the path from the page to the statement's folder)."""
    number, replaces, issued = version
    correction = None
    if replaces and issued:
        before, date, iso, after = correction_notice(issued, lang, translations)
        correction = {"before": before, "date": date, "datetime": iso, "after": after}
    return {"number": number, "label": translations.gettext(VERSION) % {"number": number},
            "correction": correction,
            "earlier": [{"href": f"{base}v{n}/index.html", "label": translations.gettext(VERSION) % {"number": n}}
                        for n in range(replaces, 0, -1)]}


def render_index(env: PressEnvironment, statement: Statement, entries: list[EditionRecord], lang: str,
                 version: tuple[int, int, str] = (1, 0, "")) -> str:
    """Render the index page of a statement's editions; `version` is (number, replaced, its issue time)."""
    language = get_language(lang)
    translations = env.translations(lang)
    title = statement.title.text if statement.title else statement.slug
    date_text = tie_words(format_un_date(statement.date, lang), lang) if statement.date else ""
    context = {
        "language": language,
        "title": title,
        "description": title,
        "version": __version__,
        "date": statement.date,
        "date_text": date_text,
        "symbol": statement.symbol,
        "venue": statement.venue if lang == statement.source_lang else venue_text(statement.venue, translations),
        "og_locale": og_locale(language.code),
        "rows": index_rows(entries, lang, translations),
        "version": version_view(version, lang, translations),
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


def render_site_index(env: PressEnvironment, published: list, lang: str = "en") -> str:
    """Render output/index.html: every published statement, newest first, each language linked."""
    import datetime

    language = get_language(lang)
    translations = env.translations(lang)
    title = translations.gettext("Meetings Coverage and Press Releases")
    items = []
    for statement in published:
        source = get_language(statement.source_lang or lang)
        day = datetime.date.fromisoformat(statement.date) if statement.date else None
        items.append({
            "slug": statement.slug, "title": statement.title, "tag": source.tag, "direction": source.direction,
            "date": statement.date, "date_text": tie_words(format_un_date(day, lang), lang) if day else "",
            # The venue as the speech file gives it (in the source language), or as the catalogs name a UN venue.
            "venue": venue_text(statement.venue, translations) or statement.venue if statement.venue else "",
            "venue_tag": language.tag if venue_text(statement.venue, translations) else source.tag,
            "rows": index_rows(list(statement.editions), lang, translations),
            "version": version_view((statement.version, statement.replaces, statement.replaced_issued), lang,
                                    translations, base=f"{statement.slug}/"),
        })
    context = {
        "language": language, "title": title, "description": title, "version": __version__,
        "og_locale": og_locale(language.code), "statements": items,
        "stylesheet_context": stylesheet_context(language, translations), "translations": translations,
    }
    return _render(env, "site.html", context)
