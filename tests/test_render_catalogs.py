"""The templates' own words: extracted with Babel, translated in every shipped catalog."""

from __future__ import annotations

import configparser
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from toolkit import rendering
from toolkit.languages import LANGUAGES, UN_ORDER

PACKAGE = Path(rendering.__file__).parent.parent  # toolkit/
LOCALES = PACKAGE / "locales"
TRANSLATED = [code for code in UN_ORDER if code != "en"]


def extracted_messages() -> set[str]:
    """Extract msgids from the package as `pybabel extract -F toolkit/babel.cfg` does."""
    parser = configparser.RawConfigParser()
    parser.read(PACKAGE / "babel.cfg")
    method_map, options_map = [], {}
    for section in parser.sections():
        method, pattern = (part.strip() for part in section.split(":", 1))
        method_map.append((pattern, method))
        options_map[pattern] = dict(parser.items(section))
    found = extract_from_dir(str(PACKAGE), method_map, options_map)
    return {message if isinstance(message, str) else message[0] for _, _, message, *_ in found}


def read_catalog(path: Path, locale: str | None = None):
    with open(path, "rb") as handle:
        return read_po(handle, locale=locale)


@pytest.fixture(scope="module")
def extracted() -> set[str]:
    return extracted_messages()


def test_extraction_finds_the_template_words(extracted):
    for word in ("Press Release", "Check against delivery", "As translated from %(language)s",
                 "Page %(page)s of %(pages)s", "For information media. Not an official record.",
                 "Unofficial machine translation, not yet reviewed", "Original text, not yet translated",
                 "Language", "Spanish"):
        assert word in extracted


def test_committed_template_is_current(extracted):
    template = read_catalog(LOCALES / "messages.pot")
    assert {m.id for m in template if m.id} == extracted, (
        "toolkit/locales/messages.pot is stale; re-run the pybabel extract line in toolkit/babel.cfg")


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_extracted_message_is_translated(code, extracted):
    catalog = read_catalog(LOCALES / code / "LC_MESSAGES" / "messages.po", LANGUAGES[code].locale)
    messages = {m.id: m for m in catalog if m.id}
    missing = sorted(msgid for msgid in extracted if msgid not in messages or not messages[msgid].string)
    fuzzy = sorted(msgid for msgid in extracted if msgid in messages and messages[msgid].fuzzy)
    assert not missing, f"{code}: untranslated: {missing}"
    assert not fuzzy, f"{code}: fuzzy (unreviewed): {fuzzy}"
    for msgid in extracted:
        # Placeholders survive translation: "%(language)s" in, "%(language)s" out.
        placeholders = sorted(part.split(")")[0] for part in msgid.split("%(")[1:])
        assert sorted(part.split(")")[0] for part in messages[msgid].string.split("%(")[1:]) == placeholders
    assert not list(catalog.check()), f"{code}: babel finds errors in the catalog"


def test_english_catalog_exists_and_falls_back_to_msgids():
    translations = rendering.load_translations("en")
    assert translations.gettext("Press Release") == "Press Release"


@pytest.mark.parametrize("code,msgid,expected", [
    ("fr", "Meetings Coverage and Press Releases", "Couverture des réunions & communiqués de presse"),
    ("fr", "Press Release", "Communiqué de presse"),
    ("fr", "For information media. Not an official record.",
     "Document d’information destiné aux médias. Ne constitue pas un document officiel."),
    ("fr", "Check against delivery", "Seul le prononcé fait foi"),
    ("fr", "As delivered", "Version prononcée"),
    ("es", "Press Release", "Comunicado de prensa"),
    ("es", "For information media. Not an official record.",
     "Documento de información para los medios de comunicación. No es un documento oficial."),
    ("es", "Check against delivery", "Cotejar con el discurso pronunciado"),
    ("ru", "Press Release", "Пресс-релиз"),
    ("ru", "For information media. Not an official record.",
     "Для средств массовой информации. Не является официальным документом."),
    ("ru", "Check against delivery", "Сверить с произносимым текстом"),
    ("zh", "Press Release", "新闻稿"),
    ("zh", "For information media. Not an official record.", "供新闻媒体参考，不是正式记录。"),
    ("zh", "Check against delivery", "以讲话为准"),
    ("ar", "Press Release", "بيان صحفي"),
    ("ar", "For information media. Not an official record.", "للإعلام – ليس وثيقة رسمية"),
    ("ar", "Check against delivery", "يرجى المراجعة مقابل النص الملقى"),
])
def test_un_usage(code, msgid, expected):
    assert rendering.load_translations(code).gettext(msgid) == expected


def test_catalogs_are_compiled_once_per_environment(monkeypatch):
    calls = []
    real = rendering.load_translations
    monkeypatch.setattr(rendering, "load_translations", lambda code: calls.append(code) or real(code))
    env = rendering.make_environment()
    assert env.translations("fr") is env.translations("fr-FR")
    assert calls == ["fr"]
    assert rendering.make_environment().translations("fr") is not env.translations("fr")  # no global cache
