"""Front matter in the six languages: delivery notes, speaker lines, date lines."""

import datetime
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from toolkit.reader.dates import date_venue, parse_date
from toolkit.reader.debris import SYMBOL, debris, venue_line
from toolkit.reader.delivery import delivery_kind, trailing_delivery
from toolkit.model import DeliveryKind
from toolkit.statement import read_statement

LOCALES = Path(__file__).resolve().parent.parent / "toolkit" / "locales"
OCT_11 = datetime.date(2017, 10, 11)

STATEMENTS = {
    "fr": ("Clôture de la deuxième audition multipartite\n\nSeul le prononcé fait foi\n\n"
           "Déclaration du Président de l’Assemblée générale\n\nNew York, 11 octobre 2017\n\n"
           "Excellences, Mesdames et Messieurs, nous sommes réunis aujourd’hui pour la migration.\n\n"
           "Je vous remercie.\n"),
    "es": ("Clausura de la segunda audiencia\n\nTexto pronunciado\n\n"
           "Palabras del Presidente de la Asamblea General\n\nNueva York, 11 de octubre de 2017\n\n"
           "Excelencias, señoras y señores: hoy hablamos de la migración de las personas.\n\n"
           "Muchas gracias.\n"),
    "ru": ("Закрытие вторых слушаний\n\nСверить с произносимым текстом\n\n"
           "Выступление Председателя Генеральной Ассамблеи\n\n11 октября 2017 года\n\n"
           "Ваши превосходительства, дамы и господа, сегодня мы говорим о миграции.\n\n"
           "Благодарю вас.\n"),
    "zh": ("第二次非正式互动式多利益攸关方听证会闭幕\n\n以讲话为准\n\n"
           "大会主席的讲话\n\n2017年10月11日\n\n"
           "各位阁下，女士们，先生们，今天我们讨论移民问题。\n\n谢谢。\n"),
    "ar": ("اختتام جلسة الاستماع الثانية\n\nبالصيغة التي ألقيت بها\n\n"
           "كلمة رئيس الجمعية العامة\n\n11 تشرين الأول/أكتوبر 2017\n\n"
           "أصحاب السعادة، السيدات والسادة، نناقش اليوم مسألة الهجرة.\n\nشكرا لكم.\n"),
}


@pytest.mark.parametrize("lang", STATEMENTS)
def test_front_matter_in_each_language(tmp_path, lang):
    path = tmp_path / f"{lang}.txt"
    path.write_text(STATEMENTS[lang], encoding="utf-8")
    statement = read_statement(path)
    assert statement.source_lang == lang
    assert statement.title.line == 1
    assert statement.delivery is not None and statement.delivery.line == 3
    assert statement.speaker is not None and statement.speaker.line == 5
    assert statement.date == OCT_11
    assert [b.line for b in statement.body] == [9, 11]
    assert not statement.findings


@pytest.mark.parametrize("lang", ["ar", "zh", "fr", "ru", "es"])
def test_the_templates_delivery_notes_read_back(lang):
    """A statement typeset by presskit and pasted back in is read with the same delivery note."""
    catalog = read_po((LOCALES / lang / "LC_MESSAGES" / "messages.po").open("rb"))
    for msgid, kind in (("As delivered", DeliveryKind.AS_DELIVERED),
                        ("Check against delivery", DeliveryKind.CHECK_AGAINST_DELIVERY),
                        ("As prepared for delivery", DeliveryKind.AS_PREPARED)):
        assert delivery_kind(catalog[msgid].string) == (kind, None), catalog[msgid].string


@pytest.mark.parametrize("text, expected, venue", [
    ("11 octobre 2017", OCT_11, None),
    ("Genève, le 1er octobre 2017", datetime.date(2017, 10, 1), "Genève"),
    ("Nueva York, 11 de octubre de 2017", OCT_11, "Nueva York"),
    ("11 октября 2017 года", OCT_11, None),
    ("纽约，2017年10月11日", OCT_11, "纽约"),
    ("11 تشرين الأول/أكتوبر 2017", OCT_11, None),
    ("١١ أكتوبر ٢٠١٧", OCT_11, None),
    ("11 Oct. 2017", OCT_11, None),
    ("May 2017", None, None),
    ("On 11 October 2017 we met in New York and agreed.", None, None),
    ("On 11 October 2017, we met in New York and agreed.", None, None),
    ("11 October 2017, New York", OCT_11, "New York"),
    ("New York, 11 October 2017 – ", OCT_11, "New York"),
    ("Monday, 11 October 2017", OCT_11, None),
    ("GENEVA (11 October 2017)", OCT_11, "Geneva"),
    ("2017年10月11日，纽约", OCT_11, "纽约"),
    ("Женева, 11 октября 2017 года", OCT_11, "Женева"),
])
def test_dates_in_six_languages(text, expected, venue):
    assert parse_date(text) == expected
    assert date_venue(text) == ((expected, venue) if expected else (None, None))


@pytest.mark.parametrize("text, kind, language", [
    ("As translated from Spanish", DeliveryKind.AS_TRANSLATED, "es"),
    ("Traduit de l’espagnol", DeliveryKind.AS_TRANSLATED, "es"),
    ("Traducción del inglés", DeliveryKind.AS_TRANSLATED, "en"),
    ("Перевод с английского", DeliveryKind.AS_TRANSLATED, "en"),
    ("*** Check against delivery ***", DeliveryKind.CHECK_AGAINST_DELIVERY, None),
    ("[Check against delivery]", DeliveryKind.CHECK_AGAINST_DELIVERY, None),
    ("_Cotejar con el discurso pronunciado_", DeliveryKind.CHECK_AGAINST_DELIVERY, None),
    ("<i>Seul le prononcé fait foi</i>", DeliveryKind.CHECK_AGAINST_DELIVERY, None),
    ("（以讲话为准）", DeliveryKind.CHECK_AGAINST_DELIVERY, None),
    ("【讲话实录】", DeliveryKind.AS_DELIVERED, None),
])
def test_delivery_note_variants(text, kind, language):
    assert delivery_kind(text) == (kind, language)


@pytest.mark.parametrize("text, code", [
    ("Share this:", "web-debris"), ("Print", "web-debris"), ("Related", "web-debris"),
    ("Tags: migration, refugees", "web-debris"), ("Download the statement (PDF)", "web-debris"),
    ("Read more »", "web-debris"), ("Follow us on Twitter", "web-debris"), ("ENDS", "web-debris"),
    ("For information media. Not an official record.", "web-debris"),
    ("Media contact: Rupert Colville, rcolville@ohchr.org", "web-debris"),
    ("Lire la suite", "web-debris"), ("Leer más", "web-debris"), ("Поделиться", "web-debris"),
    ("Photo: UN Photo/Mark Garten", "caption-line"), ("Photo ONU/Manuel Elias", "caption-line"),
    ("* * *", "separator"), ("***", "separator"), ("* *** *", "separator"),
    ("Printing presses of the world, unite.", None), ("Related issues were discussed at length.", None),
    ("Read more about the Goals at un.org.", None), ("Thank you.", None),
])
def test_web_page_debris(text, code):
    found = debris(text)
    assert (found[0] if found else None) == code
    assert found is None or repr(text) in found[1]


@pytest.mark.parametrize("text, symbol, venue", [
    ("SG/SM/18835-OBV/1766", True, None), ("GA/12045", True, None), ("HR/5370", True, None),
    ("Geneva (UN Information Service)", False, "Geneva"), ("GENEVA (UN Information Service)", False, "Geneva"),
    ("Genève (Service d’information des Nations Unies)", False, "Genève"),
    ("Peace and security", False, None), ("2030 Agenda", False, None),
])
def test_symbol_and_news_service_lines(text, symbol, venue):
    assert bool(SYMBOL.match(text)) is symbol
    assert venue_line(text) == venue


@pytest.mark.parametrize("text, expected", [
    ("Remarks to the Council [as delivered]", ("Remarks to the Council", "[as delivered]")),
    ("Message on World Habitat Day (As prepared for delivery)", ("Message on World Habitat Day",
                                                                "(As prepared for delivery)")),
    ("秘书长致辞（以讲话为准）", ("秘书长致辞", "（以讲话为准）")),
    ("Report of the Committee (A/72/100)", None),
    ("As delivered", None),
])
def test_title_ending_in_a_delivery_note(text, expected):
    assert trailing_delivery(text) == expected
