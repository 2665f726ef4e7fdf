"""Publish stage: one Atom feed per language (feedgen) over the statements in output/."""

from __future__ import annotations

import datetime

from toolkit.languages import get_language
from toolkit.model import PublishedStatement
from toolkit.rendering import native_name
from toolkit.rendering.words import CORRECTED, STATUS_LABELS, correction_text

CATEGORIES = {"original": "original", "reviewed": "reviewed", "machine": "machine-translation"}
CORRECTION = "correction"  # the category of an entry whose statement corrects an issued version


def render_feed(env, published: list[PublishedStatement], lang: str, base_url: str = "") -> bytes | None:
    """Return output/feed.<lang>.atom: one entry per statement with an edition in `lang`, or None.

    Links are relative to output/ (where the feed lies) unless `base_url` is set; entries are
    dated from the editions' issue time, so an unchanged run writes the same bytes.
    """
    from feedgen.feed import FeedGenerator

    language = get_language(lang)
    translations = env.translations(lang)
    _ = translations.gettext
    rows = [(p, next(r for r in p.editions if r.code == lang)) for p in published
            if any(r.code == lang for r in p.editions)]
    if not rows:
        return None
    feed = FeedGenerator()
    feed.id(f"urn:presskit:feed:{lang}")
    feed.title(f'{_("United Nations")} · {_("Meetings Coverage and Press Releases")}')
    feed.language(language.tag)
    feed.link(href=f"{base_url}feed.{lang}.atom", rel="self", type="application/atom+xml")
    feed.link(href=f"{base_url}index.html", rel="alternate", type="text/html")
    feed.generator("presskit")
    latest = None
    links: dict[str, list[dict]] = {}
    for statement, record in reversed(rows):  # feedgen puts the last added entry first
        entry = feed.add_entry()
        identifier = f"urn:presskit:{statement.slug}:{lang}"
        entry.id(identifier)
        entry.title(record.title or statement.title)
        summary = record.summary or record.title or statement.title
        if statement.replaces and statement.replaced_issued:
            # The entry keeps its id, so readers update it; its summary opens with the notice.
            summary = f"{correction_text(statement.replaced_issued, lang, translations)}\n\n{summary}"
        entry.summary(summary)
        issued = _moment((record.provenance or {}).get("issued"), statement.date)
        latest = max(latest, issued) if latest else issued
        entry.updated(issued)
        if statement.date:
            entry.published(_moment(None, statement.date))
        own = [{"href": f"{base_url}{statement.slug}/{lang}.html", "rel": "alternate", "type": "text/html",
                "hreflang": language.tag},
               {"href": f"{base_url}{statement.slug}/{lang}.pdf", "rel": "enclosure", "type": "application/pdf",
                "hreflang": language.tag, "length": str(record.pdf_bytes)}]
        others = [{"href": f"{base_url}{statement.slug}/{other.code}.html", "rel": "alternate", "type": "text/html",
                   "hreflang": get_language(other.code).tag, "title": native_name(other.code)}
                  for other in statement.editions if other.code != lang]
        links[identifier] = own + others
        for link in links[identifier]:
            entry.link(href=link["href"])
        entry.category(term=CATEGORIES.get(record.status, record.status),
                       label=_(STATUS_LABELS[record.status]) if record.status in STATUS_LABELS else record.status)
        if statement.replaces:
            entry.category(term=CORRECTION, label=_(CORRECTED))
    feed.updated(latest)
    return _with_link_attributes(feed.atom_str(pretty=True), links)


def _with_link_attributes(atom: bytes, links: dict[str, list[dict]]) -> bytes:
    """Put rel, type, hreflang, title and length on the entries' links.

    feedgen 1.0 writes only href on an entry's <link> (FeedEntry.atom_entry reads the attributes
    from the element it has just made, which shadows the link's dict).
    """
    from lxml import etree

    atom_ns = "{http://www.w3.org/2005/Atom}"
    root = etree.fromstring(atom, etree.XMLParser(resolve_entities=False, no_network=True))
    for entry in root.iter(f"{atom_ns}entry"):
        wanted = links.get(entry.findtext(f"{atom_ns}id") or "", [])
        for element, link in zip(entry.findall(f"{atom_ns}link"), wanted):
            for key, value in link.items():
                element.set(key, value)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _moment(issued: str | None, date: str) -> datetime.datetime:
    """Return an entry's time: its issue time, else its delivery date at midnight UTC."""
    if issued:
        return datetime.datetime.strptime(issued, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc)
    day = datetime.date.fromisoformat(date) if date else datetime.date(1970, 1, 1)
    return datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.timezone.utc)
