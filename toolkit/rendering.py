"""Render stage: an `Edition` becomes an HTML page through the package's Jinja2 templates.

Statement text only ever reaches templates as data: autoescape is on, and nothing a speech
file contains is compiled as a template.
"""

from __future__ import annotations

import gettext
from dataclasses import dataclass

import jinja2
from babel import Locale
from babel.dates import format_date

from toolkit import __version__
from toolkit.errors import TemplateError
from toolkit.languages import LANGUAGES, UN_ORDER, Language, get_language
from toolkit.model import BlockKind, DeliveryKind, Edition, EditionBlock, Statement


@dataclass(frozen=True)
class EditionLink:
    """One language of a statement, as the switcher and the index show it."""

    code: str
    tag: str
    direction: str
    native_name: str


@dataclass(frozen=True)
class BodyItem:
    """A body element for the template: a paragraph, heading, list or pull quote."""

    kind: str
    block: EditionBlock | None = None
    attribution: EditionBlock | None = None
    blocks: tuple[EditionBlock, ...] = ()


def make_environment() -> jinja2.Environment:
    """Return the Jinja2 environment over the package's templates."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("toolkit", "templates"),
        # Escape everything except the stylesheet, which holds no statement text.
        autoescape=jinja2.select_autoescape(disabled_extensions=("css",), default=True),
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env


def load_translations(lang: str) -> gettext.NullTranslations:
    """Return the gettext translations of the templates' own words for a language."""
    return gettext.NullTranslations()


def native_name(code: str) -> str:
    """Return a language's name in itself, as Babel knows it ("français", "العربية")."""
    name = Locale.parse(get_language(code).locale).get_display_name()
    return name[:1].upper() + name[1:] if code not in ("zh", "ar") else name


def format_un_date(date, lang: str) -> str:
    """Format a date in UN style for a language ("11 October 2017")."""
    return format_date(date, format="d MMMM y", locale=get_language(lang).locale)


def edition_links(codes) -> tuple[EditionLink, ...]:
    """Return the switcher entries for the given language codes, in UN order."""
    return tuple(
        EditionLink(code, LANGUAGES[code].tag, LANGUAGES[code].direction, native_name(code))
        for code in UN_ORDER
        if code in codes
    )


def group_body(blocks: tuple[EditionBlock, ...]) -> list[BodyItem]:
    """Group body blocks for the template: pull quotes with their attribution, list runs."""
    items: list[BodyItem] = []
    for block in blocks:
        previous = items[-1] if items else None
        if block.kind is BlockKind.ATTRIBUTION and previous and previous.kind == "pull_quote" \
                and previous.attribution is None:
            items[-1] = BodyItem("pull_quote", previous.block, block)
        elif block.kind is BlockKind.LIST_ITEM:
            if previous and previous.kind == "list":
                items[-1] = BodyItem("list", blocks=previous.blocks + (block,))
            else:
                items.append(BodyItem("list", blocks=(block,)))
        elif block.kind is BlockKind.PULL_QUOTE:
            items.append(BodyItem("pull_quote", block))
        elif block.kind is BlockKind.HEADING:
            items.append(BodyItem("heading", block))
        else:
            items.append(BodyItem("paragraph", block))
    return items


def delivery_text(statement: Statement, translations: gettext.NullTranslations) -> str | None:
    """Return the delivery note in the edition's language."""
    delivery = statement.delivery
    if delivery is None:
        return None
    _ = translations.gettext
    if delivery.kind is DeliveryKind.AS_DELIVERED:
        return _("As delivered")
    if delivery.kind is DeliveryKind.CHECK_AGAINST_DELIVERY:
        return _("Check against delivery")
    if delivery.kind is DeliveryKind.AS_PREPARED:
        return _("As prepared for delivery")
    if delivery.language:
        return _("As translated from %(language)s") % {"language": LANGUAGES[delivery.language].english_name}
    return delivery.text


def page_label_css(translations: gettext.NullTranslations) -> str:
    """Return the CSS `content` value for "Page X of Y" in the edition's language."""
    label = translations.gettext("Page %(page)s of %(pages)s")
    parts = []
    rest = label
    for name, counter in (("%(page)s", "counter(page)"), ("%(pages)s", "counter(pages)")):
        before, _, rest = rest.partition(name)
        parts += [_css_string(before), counter]
    parts.append(_css_string(rest))
    return " ".join(p for p in parts if p != '""')


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def get_context(edition: Edition, editions: tuple[str, ...]) -> dict:
    """Return everything the release template needs for one edition."""
    language: Language = get_language(edition.lang)
    statement = edition.statement
    translations = load_translations(edition.lang)
    title = edition.title.text if edition.title else statement.slug
    first = next((b.text for b in edition.body if b.kind is BlockKind.PARAGRAPH), "")
    return {
        "edition": edition,
        "language": language,
        "title": title,
        "author": edition.speaker.text if edition.speaker else "",
        "description": first[:200],
        "version": __version__,
        "date": statement.date,
        "date_text": format_un_date(statement.date, edition.lang) if statement.date else "",
        "symbol": statement.symbol,
        "venue_line": "",
        "delivery_text": delivery_text(statement, translations),
        "body": group_body(edition.body),
        "notice": "",
        "editions": edition_links(editions),
        "translations": translations,
    }


def render_edition(env: jinja2.Environment, edition: Edition, editions: tuple[str, ...]) -> str:
    """Render the HTML press release for one edition."""
    context = get_context(edition, editions)
    return _render(env, "release.html", context)


def render_index(env: jinja2.Environment, statement: Statement, entries: list[dict], lang: str) -> str:
    """Render the index page of a statement's editions."""
    language = get_language(lang)
    translations = load_translations(lang)
    title = statement.title.text if statement.title else statement.slug
    context = {
        "language": language,
        "title": title,
        "description": title,
        "version": __version__,
        "date": statement.date,
        "date_text": format_un_date(statement.date, lang) if statement.date else "",
        "entries": entries,
        "translations": translations,
    }
    return _render(env, "index.html", context)


def _render(env: jinja2.Environment, name: str, context: dict) -> str:
    translations = context.pop("translations")
    language = context["language"]
    stylesheet_context = {
        "font_stack": ", ".join(f'"{font}"' for font in language.fonts) + ", serif",
        "page_label_css": page_label_css(translations),
    }
    try:
        env.install_gettext_translations(translations, newstyle=True)
        stylesheet = env.get_template("press.css").render(stylesheet_context)
        return env.get_template(name).render(context, stylesheet=jinja2.filters.Markup(stylesheet))
    except jinja2.TemplateError as exc:
        raise TemplateError(f"template {name} failed: {exc}") from exc
