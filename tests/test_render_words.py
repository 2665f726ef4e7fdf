"""Localized words the render stage builds itself: dates, names, quotes, sizes, bidi runs."""

from __future__ import annotations

import dataclasses
import datetime

import pytest

from support.editions import sample_statement
from toolkit.model import Delivery, DeliveryKind

from toolkit import rendering
from toolkit.languages import UN_ORDER

OCTOBER = datetime.date(2017, 10, 11)


@pytest.mark.parametrize("code,expected", [
    ("en", "11 October 2017"),
    ("fr", "11 octobre 2017"),
    ("es", "11 de octubre de 2017"),
    ("ru", "11 октября 2017 года"),
    ("zh", "2017年10月11日"),
    ("ar", "11 تشرين الأول/أكتوبر 2017"),
])
def test_un_dates(code, expected):
    assert rendering.format_un_date(OCTOBER, code) == expected


@pytest.mark.parametrize("month,expected", [
    (1, "كانون الثاني/يناير"), (2, "شباط/فبراير"), (6, "حزيران/يونيه"), (7, "تموز/يوليه"),
    (8, "آب/أغسطس"), (12, "كانون الأول/ديسمبر"),
])
def test_arabic_dates_name_the_month_twice_with_western_digits(month, expected):
    text = rendering.format_un_date(datetime.date(2017, month, 26), "ar")
    assert text == f"26 {expected} 2017"


def test_french_first_of_the_month():
    assert rendering.format_un_date(datetime.date(2017, 10, 1), "fr") == "1er octobre 2017"


def test_native_names_in_un_order():
    names = [rendering.native_name(code) for code in UN_ORDER]
    assert names == ["العربية", "中文", "English", "Français", "Русский", "Español"]


@pytest.mark.parametrize("code,marks", [
    ("fr", '"«\u202f" "\u202f»"'), ("ru", '"«" "»"'), ("en", '"“" "”"'), ("zh", '"“" "”"'),
])
def test_quotation_marks_per_language(code, marks):
    context = rendering.stylesheet_context(rendering.get_language(code), rendering.load_translations(code))
    assert (code, marks) in context["quote_marks"]


def test_sizes_in_the_language_units():
    assert rendering.format_size(152 * 1024, "fr") == "152\u202fko"  # narrow no-break space
    assert rendering.format_size(152 * 1024, "en") == "152 kB"
    assert rendering.format_size(int(1.25 * 1024 * 1024), "ru") == "1,2 МБ"


def test_og_locale():
    assert [rendering.og_locale(code) for code in UN_ORDER] == ["ar_EG", "zh_CN", "en_GB", "fr_FR", "ru_RU", "es_ES"]


@pytest.mark.parametrize("text,runs", [
    ("الوثيقة GA/SM/1234 صادرة", ["GA/SM/1234"]),
    ("الموقع https://www.un.org/pga/72/ متاح.", ["https://www.un.org/pga/72/"]),
    ("والرقم 1234/GA هنا", ["1234/GA"]),
    ("السيد Miroslav Lajčák، رئيس", ["Miroslav Lajčák"]),
    ("رسالة Miroslav Lajčák (GA/SM/1234) بتاريخ", ["Miroslav Lajčák (GA/SM/1234)"]),
    ("القرار (A/RES/72/1) المؤرخ", ["A/RES/72/1"]),
    ("في 18 كانون الأول/ديسمبر 2017", []),  # numbers alone keep their place in Arabic
])
def test_left_to_right_runs_in_arabic(text, runs):
    found = [piece for piece, opposite in rendering.opposite_runs(text, "rtl") if opposite]
    assert found == runs
    assert "".join(piece for piece, _ in rendering.opposite_runs(text, "rtl")) == text


def test_isolated_runs_are_escaped_spans():
    html = rendering.isolate_html("نص <b>A&B</b> نص", "rtl")
    assert html == 'نص <span dir="ltr">&lt;b&gt;A&amp;B&lt;/b&gt;</span> نص'


def test_right_to_left_runs_in_latin_text():
    pieces = rendering.opposite_runs("The word مرحبا means hello.", "ltr")
    assert [p for p, opposite in pieces if opposite] == ["مرحبا"]


def test_plain_isolates_for_css_strings():
    assert rendering.isolate_plain("رمز GA/SM/1234", "rtl") == "رمز \u2066GA/SM/1234\u2069"


def test_css_strings_cannot_close_the_style_element():
    value = rendering.css_string('</style><script>"x"\\')
    assert "<" not in value and ">" not in value
    assert value.count('"') == 2


def test_page_label_uses_counters():
    assert rendering.page_label_css(rendering.load_translations("zh")) == \
        '"第" counter(page) "页，共" counter(pages) "页"'


@pytest.mark.parametrize("code,expected", [
    ("en", "As translated from Spanish"),
    ("fr", "Traduit de l’original espagnol"),
    ("es", "Traducción del original en español"),
    ("ru", "Перевод с языка оригинала: испанский"),
    ("zh", "译自西班牙文原文"),
    ("ar", "مترجم من اللغة الإسبانية"),
])
def test_as_translated_names_the_language_in_un_usage(code, expected):
    delivery = Delivery(DeliveryKind.AS_TRANSLATED, "As translated from Spanish", 3, language="es")
    statement = dataclasses.replace(sample_statement(), delivery=delivery)
    assert rendering.delivery_text(statement, rendering.load_translations(code)) == expected


@pytest.mark.parametrize("code, venue", [
    ("fr", "New York"), ("es", "Nueva York"), ("ru", "Нью-Йорк"), ("zh", "纽约"), ("ar", "نيويورك"),
])
def test_un_venues_are_printed_in_the_editions_language(code, venue):
    translations = rendering.load_translations(code)
    assert rendering.venue_text("New York", translations) == venue
    assert rendering.venue_text("Geneva", translations) != "Geneva"
    assert rendering.venue_text("Mar-a-Lago", translations) is None  # not guessed: left out


class _Label:
    def __init__(self, label):
        self.label = label

    def gettext(self, message):
        return self.label


@pytest.mark.parametrize("label, expected", [
    ("Page %(page)s of %(pages)s", '"Page " counter(page) " of " counter(pages)'),
    ("%(pages)s pages, page %(page)s", 'counter(pages) " pages, page " counter(page)'),
    ("%(page)s/%(pages)s", 'counter(page) "/" counter(pages)'),
])
def test_page_label_in_either_order(label, expected):
    assert rendering.page_label_css(_Label(label)) == expected


def test_css_strings_escape_every_line_break():
    value = rendering.css_string("a\rb\fc\nd")
    assert "\r" not in value and "\f" not in value and "\n" not in value
    assert value == '"a\\d b\\c c\\a d"'
