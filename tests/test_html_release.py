"""HTML pages and index: languages, directions, switcher, metadata, notices, no external requests."""

from __future__ import annotations

import dataclasses
import datetime
import re

import pytest
import tinyhtml5  # WeasyPrint's HTML parser, so the tree is the one it typesets

from support.editions import build_edition, read_translations, sample_editions, sample_statement
from toolkit import rendering
from toolkit.languages import LANGUAGES, UN_ORDER
from toolkit.model import EditionRecord, TextStatus

NS = "{http://www.w3.org/1999/xhtml}"
DATES = {"ar": "11 تشرين الأول/أكتوبر 2017", "zh": "2017年10月11日", "en": "11 October 2017",
         "fr": "11 octobre 2017", "ru": "11 октября 2017 года", "es": "11 de octubre de 2017"}


def record(code: str, status: str, pages: int, pdf_bytes: int, html_bytes: int) -> EditionRecord:
    """Return an index entry as publishing records it (the checksums play no part in the index)."""
    return EditionRecord(code, status, pages, pdf_bytes, html_bytes, pdf_sha256="", html_sha256="")


def parse(html: str):
    return tinyhtml5.parse(html)


def find_all(root, tag: str, **attrs):
    return [e for e in root.iter(NS + tag) if all(e.get(k.rstrip("_")) == v for k, v in attrs.items())]


def text_of(element) -> str:
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


@pytest.fixture(scope="module")
def statement():
    return sample_statement(symbol="GA/SM/1234")


@pytest.fixture(scope="module")
def pages(statement) -> dict[str, str]:
    """The six reviewed pages of the sample, rendered once."""
    env = rendering.make_environment()
    editions = sample_editions(statement)
    return {code: rendering.render_edition(env, edition, tuple(editions)) for code, edition in editions.items()}


@pytest.fixture(scope="module")
def unreviewed(statement) -> dict[str, str]:
    """Arabic and French machine editions with two blocks left untranslated."""
    env = rendering.make_environment()
    left_out = {statement.body[2].text, statement.body[9].text}
    pages = {}
    for code in ("ar", "fr"):
        translations = {k: v for k, v in read_translations(code).items() if k not in left_out}
        edition = build_edition(statement, code, translations, status=TextStatus.MACHINE)
        pages[code] = rendering.render_edition(env, edition, UN_ORDER)
    return pages


@pytest.mark.parametrize("code", UN_ORDER)
def test_html_language_and_direction(pages, code):
    root = parse(pages[code])
    assert root.get("lang") == LANGUAGES[code].tag
    assert root.get("dir") == LANGUAGES[code].direction
    assert (root.get("lang"), root.get("dir")) in {("zh-Hans", "ltr"), ("ar", "rtl"), (code, "ltr")}


@pytest.mark.parametrize("code", UN_ORDER)
def test_semantic_structure_and_metadata(pages, code):
    root = parse(pages[code])
    assert len(find_all(root, "main")) == 1 and len(find_all(root, "article")) == 1
    assert len(find_all(root, "h1")) == 1
    assert find_all(root, "meta", name="viewport")
    description = find_all(root, "meta", name="description")[0].get("content")
    assert description and len(description) <= 201
    og = {m.get("property"): m.get("content") for m in find_all(root, "meta") if m.get("property")}
    assert og["og:title"] == text_of(find_all(root, "title")[0])
    assert og["og:description"] == description
    assert og["og:type"] == "article"
    assert og["og:locale"] == rendering.og_locale(code)
    assert len([m for m in find_all(root, "meta") if m.get("property") == "og:locale:alternate"]) == 5
    assert find_all(root, "meta", name="generator")[0].get("content").startswith("presskit ")
    assert "@media print" in pages[code]
    screen = [s for s in find_all(root, "style") if s.get("media") == "screen"]
    assert screen and "max-width" in text_of(screen[0])  # responsive rules, which WeasyPrint skips


@pytest.mark.parametrize("code", UN_ORDER)
def test_language_switcher_and_hreflang_alternates(pages, code):
    root = parse(pages[code])
    alternates = {link.get("hreflang"): link.get("href") for link in find_all(root, "link", rel="alternate")
                  if link.get("type") is None}
    assert alternates == {LANGUAGES[c].tag: f"{c}.html" for c in UN_ORDER}
    nav = find_all(root, "nav")[0]
    entries = find_all(nav, "li")
    assert [text_of(li) for li in entries] == [rendering.native_name(c) for c in UN_ORDER]
    current = [e for e in nav.iter() if e.get("aria-current") == "page"]
    assert len(current) == 1 and current[0].get("lang") == LANGUAGES[code].tag
    links = find_all(nav, "a")
    assert {(a.get("href"), a.get("hreflang"), a.get("lang")) for a in links} == {
        (f"{c}.html", LANGUAGES[c].tag, LANGUAGES[c].tag) for c in UN_ORDER if c != code}


@pytest.mark.parametrize("code", UN_ORDER)
def test_localized_date_and_words(pages, code):
    root = parse(pages[code])
    body = text_of(find_all(root, "body")[0])
    assert DATES[code] in body
    translations = rendering.load_translations(code)
    for msgid in ("Press Release", "For information media. Not an official record.", "As delivered"):
        assert translations.gettext(msgid) in body
    if code != "en":
        for msgid in ("Press Release", "United Nations", "As delivered", "For information media",
                      "Meetings Coverage", "PDF version"):
            assert msgid not in body, f"English template word {msgid!r} on the {code} page"


@pytest.mark.parametrize("code", UN_ORDER)
def test_reviewed_pages_have_no_notice_and_every_paragraph(pages, code):
    root = parse(pages[code])
    assert not [p for p in find_all(root, "p") if "notice" in (p.get("class") or "")]
    if code != "en":
        body = text_of(find_all(root, "body")[0])
        for text, _ in read_translations(code).values():
            assert re.sub(r"\s+", " ", text) in body


def test_no_external_requests_or_asset_links(pages, unreviewed, statement):
    env = rendering.make_environment()
    index = rendering.render_index(env, statement, [record(c, "reviewed", 2, 30000, 15000) for c in UN_ORDER], "en")
    for html in [*pages.values(), *unreviewed.values(), index]:
        root = parse(html)
        for element in root.iter():
            for name in ("src", "href", "srcset", "poster", "data", "action"):
                value = element.get(name) or ""
                assert not re.match(r"(https?:)?//", value), f"{element.tag} {name}={value}"
        assert not find_all(root, "script")
        style = "".join(text_of(s) for s in find_all(root, "style"))
        assert "url(" not in style and "@import" not in style


def test_unreviewed_edition_carries_the_notice_at_the_top(unreviewed):
    for code, html in unreviewed.items():
        root = parse(html)
        notice = [p for p in find_all(root, "p") if p.get("class") == "notice"]
        assert len(notice) == 1
        assert text_of(notice[0]) == rendering.load_translations(code).gettext(
            "Unofficial machine translation, not yet reviewed")
        # First thing in the main landmark (axe `region`), before the article it is about.
        main = find_all(root, "main")[0]
        assert list(main)[0] is notice[0]
        assert list(main.iter()).index(notice[0]) < list(main.iter()).index(find_all(root, "article")[0])


def test_pull_quote_is_hidden_from_screen_readers(pages):
    """The pull quote repeats a body paragraph: a screen reader reads that paragraph once."""
    for code, html in pages.items():
        figures = [f for f in find_all(parse(html), "figure") if f.get("class") == "pull-quote"]
        assert figures, code
        assert all(f.get("aria-hidden") == "true" for f in figures), code


def test_web_css_has_no_print_only_features(pages):
    """running()/element() are WeasyPrint's alone: the Nu checker rejects them on the web."""
    for code, html in pages.items():
        assert "running(" not in html and "element(" not in html, code


def test_untranslated_blocks_are_marked_in_the_source_language(unreviewed, statement):
    root = parse(unreviewed["ar"])
    marked = [e for e in root.iter() if "untranslated" in (e.get("class") or "").split()]
    assert len(marked) == 3  # two paragraphs, and the pull quote that repeats one of them
    for element in marked:
        assert (element.get("lang"), element.get("dir")) == ("en", "ltr")
        mark = [e for e in element.iter() if e.get("class") == "untranslated-mark"] or \
            [e for e in element.iter(NS + "span") if "untranslated-mark" in (e.get("class") or "")]
        assert mark and (mark[0].get("lang"), mark[0].get("dir")) == ("ar", "rtl")
        assert text_of(mark[0]) == "النص الأصلي، لم يترجم بعد"
    assert statement.body[2].text in text_of(marked[0])


def test_left_to_right_runs_are_isolated_in_arabic(statement):
    text = "اطلعوا على الوثيقة A/RES/72/1 والموقع https://www.un.org/pga/72/ بتاريخ 11/10/2017."
    translations = read_translations("ar") | {statement.body[3].text: (text, False)}
    html = rendering.render_edition(rendering.make_environment(), build_edition(statement, "ar", translations), UN_ORDER)
    assert '<span dir="ltr">A/RES/72/1</span>' in html
    assert '<span dir="ltr">https://www.un.org/pga/72/</span>' in html
    assert '<p class="symbol"><span dir="ltr">GA/SM/1234</span></p>' in html


def test_index_lists_six_editions_by_native_name(statement):
    titles = {code: edition.title.text for code, edition in sample_editions(statement).items()}
    entries = [dataclasses.replace(record(c, s, 3, 33 * 1024, 18 * 1024), title=titles[c])
               for c, s in zip(UN_ORDER, ["reviewed", "machine", "original", "reviewed", "reviewed", "reviewed"])]
    html = rendering.render_index(rendering.make_environment(), statement, entries, "en")
    root = parse(html)
    assert (root.get("lang"), root.get("dir")) == ("en", "ltr")
    rows = find_all(find_all(root, "tbody")[0], "tr")
    assert len(rows) == 6
    for code, row in zip(UN_ORDER, rows):
        name = find_all(find_all(row, "th")[0], "span")[0]
        assert text_of(name) == rendering.native_name(code)
        assert (name.get("lang"), name.get("dir")) == (LANGUAGES[code].tag, LANGUAGES[code].direction)
        hrefs = [a.get("href") for a in find_all(row, "a")]
        assert hrefs == [f"{code}.html", f"{code}.pdf"]
        cells = [text_of(td) for td in find_all(row, "td")]
        # Each edition's title, in its own language.
        title = find_all(find_all(row, "td")[0], "a")[0]
        assert cells[0] == f"{titles[code]} 18 kB"
        assert (title.get("lang"), title.get("dir")) == (LANGUAGES[code].tag, LANGUAGES[code].direction)
        assert cells[2] == "3" and "33 kB" in cells[3]
    statuses = [text_of(find_all(row, "td")[1]) for row in rows]
    assert statuses[:3] == ["Reviewed translation", "Machine translation, not reviewed", "Original"]


def test_index_in_french_is_all_french(statement):
    entries = [record(c, "reviewed", 2, 2048, 2048) for c in UN_ORDER]
    html = rendering.render_index(rendering.make_environment(),
                                  sample_statement(date=datetime.date(2017, 10, 11)), entries, "fr")
    body = text_of(find_all(parse(html), "body")[0])
    for word in ("Langue", "Titre", "État", "Pages", "Traduction relue", "11 octobre 2017", "2 ko"):
        assert word in body
    for word in ("Language", "Status", "Web page", "Reviewed", "October"):
        assert word not in body
