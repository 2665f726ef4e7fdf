"""output/index.html and output/feed.<lang>.atom (#9): read back with lxml and feedparser."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import feedparser
from lxml import html as lxml_html

from support.translators import FakeTranslator
from toolkit.commands.publish import publish
from toolkit.config import load_config

ROOT = Path(__file__).resolve().parent.parent
SLUG = "closing-second-multistakeholder-hearing"
SPANISH = Path(__file__).parent / "data" / "speeches" / "declaracion-migrantes.txt"
MOMENT = datetime.datetime(2026, 11, 30, 9, 15, tzinfo=datetime.timezone.utc)
TAGS = {"ar": "ar", "zh": "zh-Hans", "en": "en", "fr": "fr", "ru": "ru", "es": "es"}


def workspace(root: Path) -> Path:
    (root / "speeches").mkdir(parents=True)
    shutil.copy(ROOT / "speeches" / f"{SLUG}.txt", root / "speeches")
    shutil.copy(SPANISH, root / "speeches")
    shutil.copytree(ROOT / "locales", root / "locales", ignore=shutil.ignore_patterns("*.pot"))
    return root


def test_site_index_and_feeds(tmp_path):
    root = workspace(tmp_path)
    publish(load_config(root, {"languages": "en,fr,es,zh"}), (), translator=FakeTranslator(), now=MOMENT)
    output = root / "output"
    tree = lxml_html.fromstring((output / "index.html").read_bytes())
    sections = tree.findall(".//section")
    slugs = [s.find(".//h2/a").get("href").split("/")[0] for s in sections]
    assert set(slugs) == {SLUG, SPANISH.stem} and len(slugs) == 2
    dates = [s.find(".//time").get("datetime") for s in sections]
    assert dates == sorted(dates, reverse=True)  # newest first
    first = sections[slugs.index(SLUG)]
    links = {a.text: a.get("href") for a in first.iter("a") if a.get("hreflang") and a.text != "PDF"}
    assert links["Français"] == f"{SLUG}/fr.html" and links["中文"] == f"{SLUG}/zh.html"
    statuses = [li.find("span").text for li in first.iter("li")]
    assert "Reviewed translation" in statuses and "Original" in statuses
    spanish = sections[slugs.index(SPANISH.stem)]
    assert "Machine translation, not reviewed" in [li.find("span").text for li in spanish.iter("li")]

    for code in ("en", "fr", "es", "zh"):
        feed = feedparser.parse((output / f"feed.{code}.atom").read_bytes())
        assert not feed.bozo, feed.bozo_exception
        assert feed.feed.language == TAGS[code] and len(feed.entries) == 2
        for entry in feed.entries:
            own = [link for link in entry.links if link.get("hreflang") == TAGS[code]]
            assert {link.type for link in own} == {"text/html", "application/pdf"}
            for link in entry.links:
                assert (output / link.href).is_file(), link.href  # relative to output/
                assert link.href.split("/")[1].split(".")[0] in TAGS
                assert link.get("hreflang") == TAGS[link.href.split("/")[1].split(".")[0]]
            assert entry.tags[0].term in ("original", "reviewed", "machine-translation")
            assert entry.summary and entry.updated.startswith("2026-11-30T09:15")
        terms = {e.id.split(":")[2]: e.tags[0].term for e in feed.entries}
        if code == "fr":
            assert terms == {SLUG: "reviewed", SPANISH.stem: "machine-translation"}


def test_base_url_makes_feed_links_absolute(tmp_path):
    root = workspace(tmp_path)
    (root / "presskit.toml").write_text('base_url = "https://press.example.org/releases"\n', encoding="utf-8")
    publish(load_config(root, {"languages": "en,fr"}), (), translator=FakeTranslator(), now=MOMENT)
    feed = feedparser.parse((root / "output" / "feed.fr.atom").read_bytes())
    hrefs = [link.href for entry in feed.entries for link in entry.links]
    assert hrefs and all(h.startswith("https://press.example.org/releases/") for h in hrefs)


def test_site_index_names_each_edition_by_its_own_title_and_the_venue(tmp_path):
    root = workspace(tmp_path)
    publish(load_config(root, {"languages": "ar,zh,en,fr"}), (), translator=FakeTranslator(), now=MOMENT)
    output = root / "output"
    site = lxml_html.fromstring((output / "index.html").read_bytes())
    section = next(s for s in site.findall(".//section") if s.find(".//h2/a").get("href").startswith(SLUG))
    assert section.find(".//p[@class='dateline']/span[@class='venue']").text == "New York"
    titles = {}
    for item in section.iter("li"):
        code = item.find("a").get("href").split("/")[1].split(".")[0]
        cite = item.find("cite")
        assert cite.get("lang") == TAGS[code] and cite.get("dir") == ("rtl" if code == "ar" else "ltr")
        # The title the edition itself prints as its headline.
        page = lxml_html.fromstring((output / SLUG / f"{code}.html").read_bytes())
        assert cite.text_content() == page.find(".//h1").text_content()
        titles[code] = cite.text_content()
    assert len(set(titles.values())) == 4 and set(titles) == {"ar", "zh", "en", "fr"}
    assert "Clôture" in titles["fr"] and "听证会" in titles["zh"]
    spanish = next(s for s in site.findall(".//section") if s is not section)
    for item in spanish.iter("li"):  # machine-translated titles, each in its edition's language
        code = item.find("a").get("href").split("/")[1].split(".")[0]
        assert item.find("cite").get("lang") == TAGS[code] and item.find("cite").text_content()
    assert spanish.find(".//span[@class='venue']") is None  # the speech names none
