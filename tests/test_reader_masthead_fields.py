"""The speaker's name, the date and the venue above the body (issue #14 items 2 and 3), class by class.

Made-up texts of the kinds the real corpus holds; each test names its class.
"""

import datetime

import pytest

from toolkit.statement import read_statement

BODY = ("We meet today to renew our commitment to the Charter and to the people we serve.\n\n"
        "Let us work together for peace, for development and for human rights everywhere.\n\n"
        "Thank you.\n")
CORPS = ("C'est pour moi un grand plaisir d'être parmi vous aujourd'hui dans cette belle ville.\n\n"
         "Je vous remercie de votre attention et de votre engagement pour la paix.\n")
CUERPO = ("Quisiera dar la bienvenida a quienes han venido hoy a esta sala para el debate.\n\n"
          "Muchas gracias por su atención y por su compromiso con la paz.\n")
正文 = "我很高兴今天同大家一起庆祝这个重要的日子。\n\n我们必须共同努力,实现和平与发展。\n\n谢谢大家。\n"


def write(tmp_path, text):
    path = tmp_path / "statement.txt"
    path.write_text(text, encoding="utf-8")
    return path


def codes(statement):
    return {(f.code, f.line) for f in statement.findings}


# Dates: a lead-in gives the date of delivery; a release date above it is the page's.
def test_a_lead_in_date_outranks_the_release_date_line(tmp_path):
    s = read_statement(write(tmp_path, "LE SECRETAIRE GENERAL PLAIDE POUR LA REFORME\n\n3 mars 2004\n\n"
                                       "Ci-après, on trouvera l'allocution prononcée par M. Jean Dupont, Secrétaire "
                                       "général, à Lyon, le 1er mars 2004 :\n\n" + CORPS))
    assert s.date == datetime.date(2004, 3, 1)
    assert ("date-conflict", 3) in codes(s) and ("lead-in", 5) in codes(s)


def test_a_release_date_label_gives_the_year_of_a_lead_in_day(tmp_path):
    s = read_statement(write(tmp_path, "Release Date: 14 October 2003\nSecretary-General Urges Action on Water\n\n"
                                       "GENEVA, 10 October (UN Headquarters) – Following is the text of the message "
                                       "by Secretary-General Jane Doe, delivered today, 10 October:\n\n" + BODY))
    assert s.date == datetime.date(2003, 10, 10)
    assert ("posting-date", 1) in codes(s) and s.speaker_name == "Jane Doe"


def test_a_lead_in_may_end_with_a_full_stop(tmp_path):
    s = read_statement(write(tmp_path, "Mensaje del Secretario General\n\n2 de mayo de 2005\n\n"
                                       "La siguiente es una traducción no oficial del mensaje que dará el Secretario "
                                       "General durante la conferencia el 4 de mayo de 2005.\n\n" + CUERPO))
    assert s.date == datetime.date(2005, 5, 4)
    assert ("lead-in", 5) in codes(s) and s.body[0].text.startswith("Quisiera")


def test_a_chinese_lead_in_with_a_day_and_a_posting_stamp(tmp_path):
    s = read_statement(write(tmp_path, "秘书长在安理会的发言\n\n2021年04月09日 切换语言:\n\n"
                                       "本文为联合国秘书长约翰·史密斯于4月7日在安理会会议上的发言。\n\n" + 正文))
    assert s.date == datetime.date(2021, 4, 7)
    assert s.speaker_name == "约翰·史密斯"
    assert ("lead-in", 5) in codes(s) and ("posting-date", 3) in codes(s)


def test_a_chinese_lead_in_ending_as_follows_and_a_last_updated_stamp(tmp_path):
    s = read_statement(write(tmp_path, "联合国秘书长就国际合作致贺辞\n最后更新: 2018-05-03 10:11:12\n"
                                       "代表团官方网站2日消息,5月2日,代表团举行招待会,秘书长致贺辞,副秘书长宣读贺辞。贺辞如下:\n" + 正文))
    assert s.title.text == "联合国秘书长就国际合作致贺辞"
    assert s.date == datetime.date(2018, 5, 2)
    assert ("lead-in", 3) in codes(s) and 2 in {f.line for f in s.findings}


# Venues.
def test_a_lead_in_names_washington_dc_in_full(tmp_path):
    s = read_statement(write(tmp_path, "LE SECRETAIRE GENERAL A WASHINGTON\n\nCi-après, on trouvera l'allocution "
                                       "prononcée par M. Jean Dupont au National Press Club à Washington, D. C., "
                                       "le 3 février 1998 :\n\n" + CORPS))
    assert s.venue == "Washington, D. C."


# Speakers: the name comes out clean, wherever the masthead gives it.
ТЕКСТ = ("Мы собрались сегодня, чтобы подтвердить нашу приверженность Уставу Организации.\n\n"
         "Давайте вместе работать ради мира и прав человека для всех людей.\n")


def test_a_russian_speaker_line_puts_the_office_before_the_name(tmp_path):
    s = read_statement(write(tmp_path, "Выступление Постоянного представителя Республики Примерии при ООН "
                                       "И.И.Петрова на заседании Совета Безопасности\n\nГ-н Председатель.\n\n" + ТЕКСТ))
    assert s.speaker_name == "И.И.Петрова"
    s = read_statement(write(tmp_path, "Выступление Ким Ир Сона на открытии конференции по транспорту\n\n" + ТЕКСТ))
    assert s.speaker_name == "Ким Ир Сона"
    s = read_statement(write(tmp_path, "Выступление на пленарном заседании ГА по случаю Дня мира\n\n" + ТЕКСТ))
    assert s.speaker_name is None  # no name in the line: never a phrase of it


def test_a_chinese_office_glued_to_the_name(tmp_path):
    s = read_statement(write(tmp_path, "“共同努力”\n——秘书长李明在大会开幕式上的讲话\n\n2012年9月25日,纽约\n\n" + 正文))
    assert s.speaker_name == "李明"
    s = read_statement(write(tmp_path, "联合国秘书长王大伟就国际合作致贺辞\n\n2019年3月1日\n\n" + 正文))
    assert s.speaker_name == "王大伟"
    s = read_statement(write(tmp_path, "秘书长人权日致辞\n\n2019年12月10日\n\n" + 正文))
    assert s.speaker_name is None  # an occasion, not a name


def test_a_name_with_its_office_in_brackets_is_taken_as_written(tmp_path):
    # The summary inflects the name ("Послание Ивана Петрова"); the headline gives it as written.
    s = read_statement(write(tmp_path, "Иван Петров (Генеральный секретарь ООН) по случаю Дня мира\n\n"
                                       "Послание Ивана Петрова, Генерального секретаря ООН, по случаю Дня мира.\n\n"
                                       + ТЕКСТ))
    assert s.speaker_name == "Иван Петров"
    s = read_statement(write(tmp_path, "(Chinese) Jane Doe (UN Secretary-General) - Message for Peace Day 2019\n"
                                       "21 Sep 2019 - 秘书长 国际和平日致辞\n\n" + 正文))
    assert s.speaker_name == "Jane Doe"


def test_the_author_not_the_reader_of_a_delivered_by_line(tmp_path):
    s = read_statement(write(tmp_path, "Anniversary of the Office\n\nOpening remarks of Mr. John Smith\n"
                                       "Director-General of the United Nations Office at Geneva\n\n"
                                       "Delivered by Mr. Peter Jones\n\n10 May 2012\n\n" + BODY))
    assert s.speaker_name == "John Smith" and s.delivery is not None


def test_a_speaker_over_three_lines_under_an_honorific(tmp_path):
    s = read_statement(write(tmp_path, "بيان\nصاحبة السعادة\nسلمى الأحمد\nرئيسة الجمعية العامة\n\n"
                                       "الرئيسة تدعو إلى العمل المشترك من أجل السلام\n\n"
                                       "نجتمع اليوم لنجدد التزامنا بميثاق الأمم المتحدة وبالشعوب التي نخدمها.\n\n"
                                       "فلنعمل معا من أجل السلام والتنمية وحقوق الإنسان في كل مكان.\n"))
    assert s.speaker_name == "سلمى الأحمد"
    assert s.speaker.line == 2 and "رئيسة الجمعية العامة" in s.speaker.text


def test_a_name_after_an_honorific_stops_before_the_office(tmp_path):
    s = read_statement(write(tmp_path, "Council Opening Statement\n\nCheck against delivery\nHuman Rights Council 30\n"
                                       " Session Opening Statement by Ms. Jane Roe United Nations High Commissioner "
                                       "for Human Rights\nGeneva, 14 September, 2015\n" + BODY))
    assert s.speaker_name == "Jane Roe"


def test_a_place_in_an_office_name_is_not_the_venue(tmp_path):
    s = read_statement(write(tmp_path, "Following is the statement by John Smith, Director-General of the United "
                                       "Nations Office at Geneva, at the fair which was held at the Palais des "
                                       "Nations on 3 May 2005:\n\n" + BODY))
    assert s.venue == "Palais des Nations"


def test_a_venue_line_next_to_the_date_line(tmp_path):
    s = read_statement(write(tmp_path, "Anniversary of the Office\n\nOpening remarks of Mr. John Smith\n\n"
                                       "University of Lausanne\nWednesday, 16 October 2013\n\n" + BODY))
    assert s.venue == "University of Lausanne" and s.date == datetime.date(2013, 10, 16)
    s = read_statement(write(tmp_path, "Rencontre annuelle\n\nAllocution de M. Jean Dupont\n\n"
                                       "Jeudi 4 septembre 2014 à 18 heures\nVilla « Les Lilas »\n\n" + CORPS))
    assert s.venue == "Villa « Les Lilas »" and s.date == datetime.date(2014, 9, 4)
    assert s.body[0].text.startswith("C'est pour moi")


def test_a_venue_line_ending_in_a_known_place(tmp_path):
    s = read_statement(write(tmp_path, "Intervención del presidente en el debate general\n\n27.9.2018\n\n"
                                       "Sala del Consejo Económico y Social, Nueva York\n\n" + CUERPO))
    assert s.venue == "Sala del Consejo Económico y Social, Nueva York"
    assert s.body[0].text.startswith("Quisiera")


def test_a_place_glued_to_the_first_paragraph(tmp_path):
    s = read_statement(write(tmp_path, "ОБРАЩЕНИЕ ГЕНЕРАЛЬНОГО СЕКРЕТАРЯ ПО СЛУЧАЮ ДНЯ МИРА\n"
                                       "Нью Йорк: Мы собрались сегодня, чтобы подтвердить нашу приверженность Уставу.\n"
                                       "Давайте вместе работать ради мира и прав человека для всех людей.\n"))
    assert s.venue == "Нью Йорк" and s.body[0].text.startswith("Нью Йорк:")


def test_a_name_in_capitals_after_an_honorific_in_a_capitals_headline(tmp_path):
    s = read_statement(write(tmp_path, "PALABRAS DEL SECRETARIO EJECUTIVO EN LA REUNION\nDEL PERSONAL DE LA COMISION, "
                                       "\nSR. JUAN PEREZ GOMEZ\n\nSantiago, Chile 3 de mayo de 2009\n\n" + CUERPO))
    assert s.speaker_name == "JUAN PEREZ GOMEZ"
    assert (s.venue, s.date) == ("Santiago, Chile", datetime.date(2009, 5, 3))


def test_a_page_pasted_as_one_line_gives_its_header_before_the_salutation(tmp_path):
    s = read_statement(write(tmp_path, "DISCURSO DE APERTURA Juan Pérez Secretario Ejecutivo, Comisión Económica "
                                       "para América Latina y el Caribe (CEPAL) Reunión de la Comisión, San Salvador, "
                                       "3 de mayo de 2010 Excelentísimo Señor Presidente de la República, Señor "
                                       "Ministro Adjunto de la CEPAL, señoras y señores. " + "Es un honor estar aquí "
                                       "con ustedes para hablar del desarrollo de la región. " * 30 + "\n"))
    assert (s.speaker_name, s.venue, s.date) == ("Juan Pérez", "San Salvador", datetime.date(2010, 5, 3))


def test_a_date_line_with_its_time_after_at(tmp_path):
    s = read_statement(write(tmp_path, "Opening of the exhibition\n\nRemarks by Mr. John Smith\n\n"
                                       "Palais des Nations, Room 2, 3rd floor\nMonday, 4 March 2013 at 6 p.m.\n\n"
                                       "Excellencies,\n\n" + BODY))
    assert s.date == datetime.date(2013, 3, 4) and s.venue == "Palais des Nations, Room 2, 3rd floor"
    assert s.body[0].text == "Excellencies,"


def test_the_meeting_above_a_headline_that_names_the_speech_is_not_the_title(tmp_path):
    s = read_statement(write(tmp_path, "第70届会议——一般性辩论\n\n秘书长张三在大会第70届会议一般性辩论开幕式上的讲话\n\n"
                                       "2015年9月28日,纽约\n\n主席先生,\n\n" + 正文))
    assert s.title.text == "秘书长张三在大会第70届会议一般性辩论开幕式上的讲话"
    assert 1 in {f.line for f in s.findings}


def test_an_office_over_a_name_is_the_speaker_not_the_title(tmp_path):
    s = read_statement(write(tmp_path, "LA DIRECTRICE GÉNÉRALE DE L’UNESCO\nMARIE DUPONT\n" + CORPS))
    assert s.title is None and s.speaker_name == "MARIE DUPONT"
    assert s.body[0].line == 3


def test_a_news_items_opening_above_the_quoted_message_is_a_lead_in(tmp_path):
    s = read_statement(write(tmp_path, "La Directrice générale de l’UNESCO, Marie Dupont, a adressé un message "
                                       "à l’occasion de la Journée mondiale.\n« " + CORPS))
    assert s.speaker_name == "Marie Dupont"
    assert s.body[0].line == 2 and ("lead-in", 1) in codes(s)


النص = "يسعدني أن أكون معكم اليوم في هذه المناسبة المهمة للجميع.\n\nشكرا لكم على اهتمامكم والتزامكم بالسلام.\n"


def test_an_arabic_name_after_the_office_in_a_lead_in(tmp_path):
    s = read_statement(write(tmp_path, "فيما يلي رسالة الأمين العام للأمم المتحدة أنطونيو غوتيريش بمناسبة "
                                       "اليوم الدولي للسلام:\n\n" + النص))
    assert s.speaker_name == "أنطونيو غوتيريش"


def test_an_arabic_office_and_occasion_name_nobody(tmp_path):
    s = read_statement(write(tmp_path, "رسالة الأمين العام\nبمناسبة يوم الأمم المتحدة\n24 تشرين الأول/أكتوبر 2022\n"
                                       + النص))
    assert s.speaker_name is None and s.date == datetime.date(2022, 10, 24)


def test_a_sites_language_note_after_the_headline_is_not_the_title(tmp_path):
    s = read_statement(write(tmp_path, "Remarks at the opening of the exhibition (en anglais seulement)\n\n"
                                       "4 mars 2013\n\nRemarks at the opening of the exhibition (en anglais seulement)\n\n"
                                       + BODY))
    assert s.title.text == "Remarks at the opening of the exhibition"
    assert ("title-note", 1) in codes(s) and ("repeated-title", 5) in codes(s)


def test_a_label_before_the_speaker_line(tmp_path):
    s = read_statement(write(tmp_path, "Message on World Environment Day\n\nStatement | Jane Smith, Secretary-General\n\n"
                                       + BODY))
    assert s.speaker_name == "Jane Smith" and s.speaker.line == 3


def test_a_headline_ending_with_its_occasions_date_outranks_the_pages_date_line(tmp_path):
    s = read_statement(write(tmp_path, "البيانات المفوضية السامية لحقوق الإنسان\n\n"
                                       "رسالة من الأمين العام بمناسبة يوم حقوق الإنسان 10 كانون الأول/ديسمبر 2014\n\n"
                                       "رسالة من الأمين العام بمناسبة يوم حقوق الإنسان 10 كانون الأول/ديسمبر 2014\n\n"
                                       "08 كانون الاول/ديسمبر 2014\n\n" + النص))
    assert s.title.line == 3 and s.date == datetime.date(2014, 12, 10)
    assert {("section-label", 1), ("repeated-title", 5), ("date-conflict", 7)} <= codes(s)


def test_a_scrapers_month_stamp_and_the_sites_name_around_the_headline(tmp_path):
    s = read_statement(write(tmp_path, " date 2022-10 Message à l’occasion de la Journée des Nations Unies - "
                                       "24 octobre 2022 - example-news.com\n\n" + CORPS))
    assert s.title.text == "Message à l’occasion de la Journée des Nations Unies - 24 octobre 2022"
    assert s.date == datetime.date(2022, 10, 24)
    assert {("timestamp", 1), ("title-note", 1)} <= codes(s)


def test_a_halls_name_before_its_city_in_a_lead_in(tmp_path):
    s = read_statement(write(tmp_path, "Following is the statement by John Smith, delivered at a concert at the Grand "
                                       "Théâtre de Genève on Tuesday, 24 October 2006:\n\n" + BODY))
    assert s.venue == "Grand Théâtre de Genève"


def test_a_news_agencys_dateline_gives_the_venue(tmp_path):
    s = read_statement(write(tmp_path, "SHARM EL-SHEIKH, Egypt June 27, 2008/African Press Organization (APO)/ — "
                                       "Statement by Mr. John Smith, Executive Secretary of the Commission:\n\n" + BODY))
    assert s.venue == "SHARM EL-SHEIKH, Egypt" and s.date == datetime.date(2008, 6, 27)


def test_a_sites_item_label_glued_to_the_headline_below(tmp_path):
    s = read_statement(write(tmp_path, "第一篇:世界环境日致辞\n世界环境日致辞\n" + 正文))
    assert s.title.text == "世界环境日致辞" and ("repeated-title", 1) in codes(s)


def test_an_arabic_office_in_the_genitive_is_an_office_not_a_headline(tmp_path):
    s = read_statement(write(tmp_path, "رئيس الجمعية العامة (الافتتاح)\n\nالميثاق لا يفشل بل يقوى بقدر التزام الدول\n\n"
                                       + النص))
    assert s.title.text == "الميثاق لا يفشل بل يقوى بقدر التزام الدول"


def test_a_bare_name_under_the_headline_is_the_speaker(tmp_path):
    s = read_statement(write(tmp_path, "Remarks at the United Nations Day Observance\n\nJohn Smith\nSpeech\n\n"
                                       "24 October 2008\n\nRemarks by Mr. John A. Smith\nDirector-General\n\n" + BODY))
    assert s.speaker_name == "John Smith" and s.speaker.line == 3


# Speaker: an office printed with a non-breaking hyphen ("Secretary‑General", U+2011) is the same office.
def test_a_lead_in_with_a_non_breaking_hyphen_in_the_office(tmp_path):
    s = read_statement(write(tmp_path, "Following is the text of Secretary\u2011General Jane Doe’s video message to "
                                       "the forum, today:\n\n" + BODY))
    assert s.speaker_name == "Jane Doe"


# Speaker: capitals after the office's occasion ("… en ocasión de la Junta Ejecutiva") are no name.
def test_capitals_in_the_occasion_after_an_office_are_no_name(tmp_path):
    s = read_statement(write(tmp_path, "Discurso del Director del Programa en ocasión de la sesión anual de la "
                                       "Junta Ejecutiva 2024\n\n3 de junio de 2024\n\n" + CUERPO))
    assert s.speaker_name is None
    assert s.title.text.startswith("Discurso del Director")


# Delivery note: a one-sentence notice ending with a delivery note's wording is the delivery note, not the body.
def test_a_sentence_ending_with_as_prepared_for_delivery_is_the_delivery_note(tmp_path):
    s = read_statement(write(tmp_path, "Discurso de la Directora en la Junta 2024\n\n3 de junio de 2024\n\n"
                                       "El siguiente discurso se presenta tal y como se preparó para su entrega.\n\n"
                                       + CUERPO))
    assert s.delivery is not None and s.delivery.line == 5
    assert s.body[0].text.startswith("Quisiera")


# Body: greetings in Russian ("Дорогие коллеги,") and Chinese address lines open the speech.
def test_a_russian_dear_colleagues_opens_the_speech(tmp_path):
    s = read_statement(write(tmp_path, "Послание Директора по случаю праздника\n25.07.2012\nДорогие коллеги,\n"
                                       "Каждый год я совершаю поездку в одну из наших стран, чтобы встретиться с "
                                       "коллегами и партнерами.\nСпасибо.\n"))
    assert s.body[0].line == 3 and s.venue is None


def test_chinese_address_lines_open_the_speech(tmp_path):
    s = read_statement(write(tmp_path, "张伟博士、\n新任主席李明大使、\n各位阁下、亲爱的同事和朋友们:\n"
                                       "首先,我祝贺李明大使当选主席。我期待在未来一年与您合作。\n"
                                       "我们必须共同努力,实现和平与发展。\n"))
    assert s.title is None and s.body[0].line == 1
    s = read_statement(write(tmp_path, "玛丽亚·罗莎公主殿下,世界卫生大会主席约翰·史密斯阁下:\n\n"
                                       "首先,我要感谢公主殿下多年来的不懈支持。\n\n" + 正文))
    assert s.body[0].line == 1 and s.speaker_name is None


# Venue: a caseless script's venue line ends in a known place ("بيت الأمم المتحدة، بيروت"); a greeting is no venue.
def test_an_arabic_venue_line_under_the_date(tmp_path):
    s = read_statement(write(tmp_path, "افتتاح الدورة الوزارية للجنة\n\n9 أيار/مايو 2012\nبيت الأمم المتحدة، بيروت\n\n"
                                       "السيدات والسادة،\n\nيسعدني أن أرحب بكم جميعاً في افتتاح هذه الدورة المهمة.\n"))
    assert s.venue == "بيت الأمم المتحدة، بيروت"
    assert s.body[0].line == 6


# Speaker: an Arabic byline "للدكتور …، المدير العام …" under the headline is the speaker line, not the title's end.
def test_an_arabic_byline_is_the_speaker_line(tmp_path):
    s = read_statement(write(tmp_path, "الكلمة الافتتاحية بمناسبة يوم الأغذية العالمي\nللدكتور أحمد سالم، المدير العام "
                                       "للمنظمة\n16/10/2025\nأصحاب السعادة،\nيسعدني أن أرحب بكم جميعاً في هذا اليوم "
                                       "المهم.\n"))
    assert s.title.text == "الكلمة الافتتاحية بمناسبة يوم الأغذية العالمي"
    assert s.speaker_name == "أحمد سالم" and s.date == datetime.date(2025, 10, 16) and s.body[0].line == 4


# Speaker and title: an office and a name alone over the page ("المدير العام أحمد سالم") is never the headline.
def test_an_office_and_name_line_above_the_headline_is_not_the_title(tmp_path):
    s = read_statement(write(tmp_path, "المدير العام أحمد سالم\n\nالدورة الثالثة والأربعون للمؤتمر البند السادس: "
                                       "تعيين المدير العام\n\nللدكتور أحمد سالم، المدير العام للمنظمة\n\n01/07/2023\n\n"
                                       "السيدة رئيسة المؤتمر،\n\nيسعدني أن أقف أمامكم اليوم في هذا المؤتمر المهم.\n"))
    assert s.title.text.startswith("الدورة الثالثة والأربعون")
    assert s.speaker_name == "أحمد سالم" and s.body[0].line == 9
    assert 1 in {f.line for f in s.findings}


# Speaker: a Chinese speaker line with the organisation before the office and a title after the name.
def test_a_chinese_speaker_line_with_organisation_and_title(tmp_path):
    s = read_statement(write(tmp_path, "世卫组织总干事2024年5月27日在世界卫生大会的欢迎辞\n\n世卫组织总干事张伟博士\n\n"
                                       "2024年5月27日\n\n" + 正文))
    assert s.title.text.startswith("世卫组织总干事2024年5月27日")
    assert s.speaker_name == "张伟" and s.venue is None and s.date == datetime.date(2024, 5, 27)


# Header: a document's header line that ends with its symbol ("第七十一届世界卫生大会 A71/3") is no headline.
def test_a_document_header_line_ending_with_its_symbol(tmp_path):
    s = read_statement(write(tmp_path, "第七十一届世界卫生大会 A71/3\n议程项目3 2018 年5 月21 日\n总干事张伟博士的讲话\n"
                                       "卢旺达共和国总统阁下、瑞士联邦主席\n阁下、各代表团团长、女士们、先生们:\n" + 正文))
    assert s.symbol == "A71/3" and s.title.text == "总干事张伟博士的讲话"
    assert s.speaker_name == "张伟" and s.date == datetime.date(2018, 5, 21) and s.body[0].line == 4


# Speaker: a Chinese name ends where the occasion's words begin ("古特雷斯国际和平日致辞").
def test_a_chinese_name_before_the_occasion(tmp_path):
    s = read_statement(write(tmp_path, "联合国秘书长张伟国际和平日致辞\n\n2023年9月21日\n\n" + 正文))
    assert s.speaker_name == "张伟"


# Speaker: in Russian the office's own "по …" may stand between office and name; an organisation's capitals
# end the name; a day's name after "по случаю" is nobody's.
def test_russian_names_after_the_office(tmp_path):
    body = "Мы собрались сегодня, чтобы подтвердить нашу приверженность Уставу и народам мира.\n"
    for headline, name in (("Выступление Верховного комиссара ООН по правам человека Анны Петровой", "Анны Петровой"),
                           ("Обращение Генерального директора ЮНЕСКО Анны Петровой по случаю Дня книги", "Анны Петровой"),
                           ("Послание Генерального секретаря по случаю Дня Организации Объединенных Наций", None)):
        s = read_statement(write(tmp_path, f"{headline}\n\n3 мая 2023 года\n\n{body}"))
        assert s.speaker_name == name, headline


# Speaker: a headline that names its speaker before a colon ("Helen Clark: Informe al …").
def test_a_headline_that_names_its_speaker_before_a_colon(tmp_path):
    s = read_statement(write(tmp_path, "Jane Doe: Remarks at the opening of the Assembly\n\n5 June 2023\n\n" + BODY))
    assert s.speaker_name == "Jane Doe" and s.title.text.startswith("Jane Doe:")


# Speaker and venue: office lines under "Remarks by Mr. X" are the speaker's; a room in brackets keeps the place;
# "[Index]" is the site's navigation.
def test_office_lines_under_a_remarks_by_headline_and_a_venue_with_its_room(tmp_path):
    s = read_statement(write(tmp_path, "Press Release\n\n[Index]\n\nRemarks by Mr. John Smith\nUnder-Secretary-General\n"
                                       "Director-General of the Office\nPalais des Nations (Room XIX), Geneva\n\n"
                                       "Thursday, 26 April 2007, at 9:30 a.m.\n\nMr. Chairman,\n\n" + BODY))
    assert s.title.text == "Remarks by Mr. John Smith" and s.speaker_name == "John Smith"
    assert s.venue == "Palais des Nations (Room XIX), Geneva" and s.date == datetime.date(2007, 4, 26)
    assert 3 in {f.line for f in s.findings} and s.body[0].line == 12


# Dates: "2018/06/05" (year first) and the Russian abbreviation "г." after the year.
def test_year_first_slashed_dates_and_the_russian_g(tmp_path):
    s = read_statement(write(tmp_path, "Message on World Water Day\n\n2018/06/05\n\n" + BODY))
    assert s.date == datetime.date(2018, 6, 5) and s.body[0].line == 5
    s = read_statement(write(tmp_path, "Послание по случаю Всемирного дня водных ресурсов\n\nМосква, 5 июня 2018 г.\n\n"
                                       "Мы собрались сегодня, чтобы подтвердить нашу приверженность Уставу.\n"))
    assert s.date == datetime.date(2018, 6, 5) and s.venue == "Москва"


# Speaker: a bare name under the date line that follows the headline is the speaker line.
def test_a_bare_name_under_the_date_line_is_the_speaker(tmp_path):
    s = read_statement(write(tmp_path, "Статья Генерального секретаря\n\nНью-Йорк, 22 марта 2023 года\n\nИван Петров\n\n"
                                       "Мы собрались сегодня, чтобы подтвердить нашу приверженность Уставу.\n"))
    assert s.speaker_name == "Иван Петров" and s.body[0].line == 7


# Speaker: an organisation's letters before the office ("UNICEF Executive Director X", "WHO Director-General").
def test_an_organisations_letters_before_the_office(tmp_path):
    s = read_statement(write(tmp_path, "Statement by UNICEF Executive Director Jane Doe on the situation of children\n\n"
                                       "5 June 2023\n\n" + BODY))
    assert s.speaker_name == "Jane Doe"
    s = read_statement(write(tmp_path, "Jane Doe\n\nWHO Director-General\n\nOpening remarks at the World Health Assembly"
                                       "\n\n21 May 2023\n\n" + BODY))
    assert s.speaker_name == "Jane Doe" and s.title.text == "Opening remarks at the World Health Assembly"


# Speaker: an article before the honorific in a byline ("Por la Sra. Ana Pérez") is not part of the name.
def test_an_article_before_the_honorific_is_not_the_name(tmp_path):
    s = read_statement(write(tmp_path, "Mensaje en el Día Mundial del Agua\n\n22 de marzo de 2023\n\n"
                                       "Por la Sra. Ana Pérez, Directora Ejecutiva\n\n" + CUERPO))
    assert s.speaker_name == "Ana Pérez"


# Header fields printed as "Label: value": speaker and venue; a date label in any language is the page's date.
@pytest.mark.parametrize("text, name, venue", [
    ("Message on World Water Day\n\nDate: 22 March 2023\n\nSpeaker: Jane Doe, Executive Director\n\n"
     "Location: Geneva\n\n" + BODY, "Jane Doe", "Geneva"),
    ("Message pour la Journée mondiale de l’eau\n\nDate : 22 mars 2023\n\nOrateur : Jean Dupont, Directeur général\n\n"
     "Lieu : Genève\n\n" + CORPS, "Jean Dupont", "Genève"),
    ("Mensaje en el Día Mundial del Agua\n\nFecha: 22 de marzo de 2023\n\nOrador: Juan Pérez, Director General\n\n"
     "Lugar: Ginebra\n\n" + CUERPO, "Juan Pérez", "Ginebra"),
])
def test_header_fields_with_labels(tmp_path, text, name, venue):
    s = read_statement(write(tmp_path, text))
    assert (s.speaker_name, s.venue, s.date) == (name, venue, datetime.date(2023, 3, 22))
    assert s.body[0].line == 9


# Date: a place and a date with a bar between them is a date line, not a breadcrumb.
def test_a_place_and_date_with_a_bar_between(tmp_path):
    for line in ("22 March 2023 | Geneva", "Geneva | 22 March 2023"):
        s = read_statement(write(tmp_path, f"Message on World Water Day\n\n{line}\n\n" + BODY))
        assert (s.date, s.venue) == (datetime.date(2023, 3, 22), "Geneva")
        assert ("breadcrumb", 3) not in codes(s) and s.body[0].line == 5


# Speaker: Arabic speaker lines under the headline (or its date line), without capitals to tell the name:
# a bare name, the office then the name, the name then the office after "،".
@pytest.mark.parametrize("line", ["أحمد سالم", "المدير العام أحمد سالم", "أحمد سالم، المدير العام للمنظمة"])
def test_arabic_speaker_lines_under_the_headline(tmp_path, line):
    body = "نجتمع اليوم لنجدد التزامنا بالميثاق وبالشعوب التي نخدمها في كل مكان من هذا العالم.\n"
    s = read_statement(write(tmp_path, f"رسالة بمناسبة اليوم العالمي للمياه\n\n22 آذار/مارس 2023\n\n{line}\n\n{body}"))
    assert s.speaker_name == "أحمد سالم" and s.body[0].line == 7


# Speaker: after an office, "on World Water Day" is the occasion, its capitals no name.
def test_the_occasion_after_the_office_names_nobody(tmp_path):
    s = read_statement(write(tmp_path, "Message of the Secretary-General on World Water Day\n\n22 March 2023\n\n" + BODY))
    assert s.speaker_name is None


# Speaker: "Message de la journée …", "Discurso del día de …": what follows the speech noun is an occasion, not a name.
@pytest.mark.parametrize("headline, body", [("Message de la journée internationale de la paix", CORPS),
                                            ("Discurso del día de la madre", CUERPO)])
def test_an_occasion_after_the_speech_noun_names_nobody(tmp_path, headline, body):
    s = read_statement(write(tmp_path, f"{headline}\n\n21 septembre 2023\n\n{body}"))
    assert s.speaker_name is None and s.title.text == headline


@pytest.mark.parametrize("headline, date", [
    ("Послание Генерального секретаря ООН по случаю Всемирного дня борьбы со СПИДом (1 декабря 2015 г.)",
     datetime.date(2015, 12, 1)),
    ("Message of the Secretary-General on World AIDS Day (1 December 2015)", datetime.date(2015, 12, 1)),
])
def test_a_headline_ending_with_its_days_date_in_brackets_gives_the_date(tmp_path, headline, date):
    body = BODY if headline.startswith("Message") else (
        "Мы собрались сегодня, чтобы подтвердить нашу приверженность Уставу и народам, которым мы служим.\n\n"
        "Давайте вместе трудиться во имя мира, развития и прав человека во всем мире.\n")
    s = read_statement(write(tmp_path, f"{headline}\n\n{body}"))
    assert s.date == date and s.title.text == headline


@pytest.mark.parametrize("office", ["Director General/Executive Director", "Director-General/Executive Director"])
def test_a_name_over_two_offices_held_at_once_above_the_headline(tmp_path, office):
    s = read_statement(write(tmp_path, f"Jane Doe\n\n{office}\n\nRemarks at the opening of the session\n\n"
                                       f"13 March 2017\n\n{BODY}"))
    assert s.speaker_name == "Jane Doe"
    assert s.title.text == "Remarks at the opening of the session"


def test_a_posting_stamp_with_a_time_zone_names_no_venue(tmp_path):
    s = read_statement(write(tmp_path, "خطاب المفوض العام في القاهرة\n\nالخميس 07 مارس 2019 12:19 م بتوقيت القدس\n\n"
                                       "نجتمع اليوم لنجدد التزامنا بالميثاق وبالشعوب التي نخدمها في كل مكان.\n"))
    assert s.venue is None and s.date == datetime.date(2019, 3, 7)


@pytest.mark.parametrize("line", ["دائرة شؤون اللاجئين -7/3/2019", "Department of Public Information, 7 March 2019"])
def test_the_department_beside_a_date_is_its_source_not_the_venue(tmp_path, line):
    s = read_statement(write(tmp_path, f"Statement to the Council\n\n{line}\n\n{BODY}"))
    assert s.venue is None and s.date == datetime.date(2019, 3, 7)


@pytest.mark.parametrize("signature, date", [
    ("António Guterres\n21 septembre 2024", datetime.date(2024, 9, 21)),
    ("António Guterres\n\n21 septembre 2024", datetime.date(2024, 9, 21)),
    ("António Guterres, 21 septembre 2024", datetime.date(2024, 9, 21)),
])
def test_a_signature_with_its_date_under_a_message_and_the_pages_next_item(tmp_path, signature, date):
    nxt = ("Message du Secrétaire général pour le 100e jour avant la Journée\n\n"
           "Chaque année, le 21 septembre, l’Organisation invite les peuples à célébrer la paix.\n\n"
           "Dans un monde aux prises avec les conflits, nous devons promouvoir le dialogue.\n\n"
           "Semons dès aujourd’hui les graines de la paix.\n")
    s = read_statement(write(tmp_path, f"Message du Secrétaire général (2024)\n\n{CORPS}\n{signature}\n\n\n{nxt}"))
    assert s.speaker_name == "António Guterres" and s.date == date
    assert "Chaque année" not in " ".join(b.text for b in s.blocks())


def test_a_signature_printed_again_by_the_pages_video_card(tmp_path):
    card = ("António Guterres\n\nQuisiera dar la bienvenida a quienes han venido hoy a esta sala para el debate.\n\n"
            "António Guterres\n\nVideomensaje\n")
    s = read_statement(write(tmp_path, f"Mensaje del Secretario General para 2025\n\n{CUERPO}\nAntónio Guterres\n\n{card}"))
    assert s.speaker_name == "António Guterres"
    assert "Videomensaje" not in " ".join(b.text for b in s.blocks())
    assert [b.text for b in s.body].count("Quisiera dar la bienvenida a quienes han venido hoy a esta sala para el debate.") == 1


@pytest.mark.parametrize("headline, name", [
    ("كلمة السيد فيليب لازريني _ المفوض العام _ في الجلسة الافتتاحية لمجلس الجامعة", "فيليب لازريني"),
    ("كلمة السيدة آمنة محمد، نائبة الأمين العام، أمام المجلس", "آمنة محمد"),
])
def test_an_arabic_name_after_an_honorific_in_the_headline(tmp_path, headline, name):
    s = read_statement(write(tmp_path, f"{headline}\n\nالقاهرة، 9 أيلول/سبتمبر 2021\n\n"
                                       "نجتمع اليوم لنجدد التزامنا بالميثاق وبالشعوب التي نخدمها في كل مكان.\n"))
    assert s.speaker_name == name


def test_an_arabic_honorific_before_an_office_names_nobody(tmp_path):
    s = read_statement(write(tmp_path, "كلمة السيد الأمين العام في الجلسة الافتتاحية\n\n"
                                       "نجتمع اليوم لنجدد التزامنا بالميثاق وبالشعوب التي نخدمها في كل مكان.\n"))
    assert s.speaker_name is None


@pytest.mark.parametrize("lead_in, date", [
    ("Discurso pronunciado por Alicia Bárcena, Secretaria Ejecutiva de la CEPAL, en la inauguración del período de "
     "sesiones, en el Palacio de Convenciones, el 8 de mayo de 2018, “Año 60 de la Revolución”", datetime.date(2018, 5, 8)),
    ("Speech delivered by Jane Doe, Executive Secretary, at the opening of the session, on 8 May 2018.",
     datetime.date(2018, 5, 8)),
])
def test_a_standfirst_saying_who_delivered_the_speech_and_when(tmp_path, lead_in, date):
    body = CUERPO if lead_in.startswith("Discurso") else BODY
    s = read_statement(write(tmp_path, f"Alicia Bárcena: Esta es la reunión más importante\n\n{lead_in}\n\n{body}"))
    assert s.date == date
    assert s.body[0].text.startswith(body[:20])


@pytest.mark.parametrize("label, value", [("Autor:", "Juventud Rebelde"), ("Author:", "Staff Reporter"),
                                          ("作者:", "新华社")])
def test_a_field_label_on_a_line_of_its_own_and_its_value_under_it(tmp_path, label, value):
    s = read_statement(write(tmp_path, f"Message on United Nations Day\n\n24 October 2017\n\n{label}\n\n{value}\n\n{BODY}"))
    assert {("label-line", 5), ("label-line", 7)} <= codes(s)
    assert value not in " ".join(b.text for b in s.blocks())


def test_a_headline_in_capitals_with_an_ending_left_in_small_letters_names_nobody(tmp_path):
    s = read_statement(write(tmp_path, "ПОСЛАНИЕ ГЕНЕРАЛЬНОГО СЕКРЕТАРЯ ООН ПО ПОВОДУ ВСЕМИРНОГО ДНЯ БОРЬБЫ СО СПИДом\n\n"
                                       "Нью-Йорк, 1 декабря 2010 - Мы собрались сегодня, чтобы подтвердить нашу "
                                       "приверженность Уставу.\n\nДавайте вместе трудиться во имя мира.\n"))
    assert s.speaker_name is None and s.date == datetime.date(2010, 12, 1)


@pytest.mark.parametrize("standfirst, salutation, body", [
    ("The Executive Director Jane Doe praises the Fund's work and calls for urgent action to close the gap",
     "Mr. President,", BODY),
    ("Le Directeur général Jean Dupont salue le travail de l’Agence et appelle à combler le déficit",
     "Monsieur le Président,", CORPS),
])
def test_a_standfirst_naming_the_speaker_above_the_salutation(tmp_path, standfirst, salutation, body):
    s = read_statement(write(tmp_path, f"Statement to the Advisory Commission\n\n13 November 2017\n\n{standfirst}\n\n"
                                       f"{salutation}\n\n{body}"))
    assert ("lead-in", 5) in codes(s)
    assert s.body[0].line == 7


def test_a_first_paragraph_in_the_first_person_above_the_salutation_is_speech(tmp_path):
    s = read_statement(write(tmp_path, "Statement to the Board\n\n8 June 2023\n\nGood morning. I invite the Executive "
                                       "Director Jane Doe and you all to view a video\n\nMr. President,\n\n" + BODY))
    assert s.body[0].line == 5


@pytest.mark.parametrize("line, date", [
    ("20 septembre 2016 (71e session)", datetime.date(2016, 9, 20)),
    ("20 September 2016 (71st session)", datetime.date(2016, 9, 20)),
    ("25 de septiembre de 2009 (64.º período de sesiones)", datetime.date(2009, 9, 25)),
    ("20 сентября 2016 года (71-я сессия)", datetime.date(2016, 9, 20)),
])
def test_a_date_line_with_the_session_in_brackets_is_the_date_not_the_title(tmp_path, line, date):
    path = tmp_path / "statement.txt"
    path.write_text(f"Secretary-General\n\nH.E. Mr. Ban Ki-moon, Secretary-General\n\n{line}\n\n"
                    "Summary\n\nWe meet today to renew our commitment to the Charter and to the people we serve.\n\n"
                    "Let us work together for peace, for development and for human rights everywhere.\n", encoding="utf-8")
    s = read_statement(path)
    assert s.title is None or s.title.text != line
    assert s.date == date
    assert (7, "section-label") in [(f.line, f.code) for f in s.findings]


@pytest.mark.parametrize("office, honorific, name, function", [
    ("Secrétaire général des Nations Unies", "Son Excellence", "António Guterres", "Secrétaire général"),
    ("Secretary-General of the United Nations", "His Excellency", "António Guterres", "Secretary-General"),
])
def test_an_office_over_an_honorific_alone_over_the_name(tmp_path, office, honorific, name, function):
    path = tmp_path / "statement.txt"
    path.write_text(f"General Assembly\n{office}\n{honorific}\n{name}\n{function}\n\n"
                    "We meet today to renew our commitment to the Charter and to the people we serve.\n\n"
                    "Let us work together for peace, for development and for human rights everywhere.\n", encoding="utf-8")
    s = read_statement(path)
    assert s.speaker_name == name
    assert s.title is None or s.title.text not in (office, honorific, name)
    assert s.body[0].line == 7


@pytest.mark.parametrize("first", [
    "Por décima y última vez en mi condición de Secretario General, transmito a mis amigos y colegas de todo el mundo "
    "mis mejores deseos con motivo del Día de las Naciones Unidas.",
    "Par ce message, je souhaite rendre hommage à tous ceux qui servent la paix sous le drapeau des Nations Unies.",
    "By working together, we can build a world of peace and dignity for all, as the Charter promised.",
])
def test_a_speech_opening_with_by_par_or_por_is_not_a_byline(tmp_path, first):
    path = tmp_path / "statement.txt"
    path.write_text(f"Mensaje del Secretario General\n\n{first}\n\nGracias.\n", encoding="utf-8")
    s = read_statement(path)
    assert s.speaker is None and s.body[0].line == 3


@pytest.mark.parametrize("title, name", [
    ("بيان الممثل الخاص للأمين العام للأمم المتحدة في العراق مارتن كوبلر أمام مجلس الأمن", "مارتن كوبلر"),
    ("بيان صادر عن المدير التنفيذي لبرنامج الأغذية العالمي ديفيد بيزلي", "ديفيد بيزلي"),
    ("كلمة رئيس بعثة اليونيفيل وقائدها العام اللواء ستيفانو ديل كول", "ستيفانو ديل كول"),
])
def test_an_arabic_name_after_the_office_its_organisation_place_or_rank(tmp_path, title, name):
    path = tmp_path / "statement.txt"
    path.write_text(f"{title}\n\nنيويورك في 21 مارس- آذار 2013\n\nشكرا سيدي الرئيس،\n\n"
                    "أتشرف بأن أقدم للمجلس اليوم التقرير الثاني للأمين العام.\n", encoding="utf-8")
    s = read_statement(path)
    assert (s.speaker_name, str(s.date), s.venue) == (name, "2013-03-21", "نيويورك")


@pytest.mark.parametrize("note", ["[以会场发言为准]", "以现场发言为准"])
def test_a_chinese_check_against_delivery_note_in_brackets(tmp_path, note):
    path = tmp_path / "statement.txt"
    path.write_text(f"总干事的报告\n{note}\n尊敬的各位代表:\n我非常荣幸能向参加大会的所有代表团表示热烈欢迎。\n", encoding="utf-8")
    s = read_statement(path)
    assert s.delivery is not None and s.delivery.line == 2 and s.body[0].line == 3


@pytest.mark.parametrize("line, date", [
    ("12-may-2015", datetime.date(2015, 5, 12)), ("5-juin-2018", datetime.date(2018, 6, 5)),
    ("20.11.2018 г.", datetime.date(2018, 11, 20)), ("solheim20.11.2018 г.", datetime.date(2018, 11, 20)),
])
def test_a_date_line_with_dashes_or_a_russian_year_mark(tmp_path, line, date):
    path = tmp_path / "statement.txt"
    path.write_text(f"{line}\n\nPalabras del Coordinador Residente\n\n"
                    "Nos reunimos hoy para renovar nuestro compromiso con la Carta y con los pueblos.\n", encoding="utf-8")
    s = read_statement(path)
    assert s.date == date and s.body[0].line == 5


@pytest.mark.parametrize("title", [
    "Discours du Coordinateur résident des Nations Unies en Tunisie à l'occasion de la Journée des Nations Unies",
    "Message du Coordonnateur résident du système des Nations Unies au Gabon",
    "En el Día de las Naciones Unidas, Coordinador Residente del Sistema de Naciones Unidas agradece a Cuba",
])
def test_an_office_named_without_a_name_gives_no_speaker_name(tmp_path, title):
    path = tmp_path / "statement.txt"
    path.write_text(f"{title}\n\n24 octobre 2024\n\nMesdames et Messieurs,\n\n"
                    "Nous sommes réunis aujourd’hui pour renouveler notre engagement envers la Charte.\n", encoding="utf-8")
    assert read_statement(path).speaker_name is None


def test_a_dateline_ending_in_a_full_stop_run_into_the_salutation(tmp_path):
    path = tmp_path / "statement.txt"
    path.write_text("Declaración al Consejo de Seguridad del Representante Especial: Jean Arnault\n"
                    "Nueva York, 11 de septiembre de 2017. Señor presidente, distinguidos miembros del Consejo: "
                    "agradezco la oportunidad de presentar el informe.\n", encoding="utf-8")
    s = read_statement(path)
    assert (str(s.date), s.venue, s.body[0].line) == ("2017-09-11", "Nueva York", 2)


@pytest.mark.parametrize("label", ["Communiqué de presse SG/SM/9642 GA/10315 |", "Press Release SG/SM/5978"])
def test_a_release_label_with_its_symbols_under_the_headline_is_the_symbol_line(tmp_path, label):
    path = tmp_path / "statement.txt"
    path.write_text(f"DÉCLARATION DU SECRÉTAIRE GÉNÉRAL DEVANT L’ASSEMBLÉE GÉNÉRALE\n\n{label}\n\n"
                    "Vous avez reçu la semaine dernière le rapport du Groupe de personnalités de haut niveau.\n",
                    encoding="utf-8")
    s = read_statement(path)
    assert s.title.text == "DÉCLARATION DU SECRÉTAIRE GÉNÉRAL DEVANT L’ASSEMBLÉE GÉNÉRALE"
    assert s.symbol.startswith("SG/SM/") and s.body[0].line == 5


@pytest.mark.parametrize("title, line, name", [
    ("Déclaration de la Directrice générale de l’UNICEF Ann M. Veneman", "NEW YORK, 17 mars 2009", "Ann M. Veneman"),
    ("Обеспечение развития: как нам освоить знания для процветания", "7 октября 2012\n\n"
     "Президент Группы организаций Всемирного банка Джим Ен Ким Программная речь на Всемирном форуме знаний", "Джим Ен Ким"),
])
def test_a_name_with_an_initial_and_a_name_before_the_kind_of_speech(tmp_path, title, line, name):
    path = tmp_path / "statement.txt"
    path.write_text(f"{title}\n\n{line}\n\nMesdames et Messieurs,\n\n"
                    "Nous sommes réunis aujourd’hui pour renouveler notre engagement envers la Charte.\n", encoding="utf-8")
    s = read_statement(path)
    assert s.speaker_name == name and s.title.text == title


def test_a_summary_at_the_top_quoting_the_speech_title_is_a_lead_in(tmp_path):
    path = tmp_path / "statement.txt"
    path.write_text("El Secretario General de las Naciones Unidas, Ban Ki-moon, pronunció recientemente un discurso "
                    "titulado \"Ahora es nuestro momento\" en la apertura del debate general.\n"
                    "Señor Presidente,\nEstimados representantes:\n"
                    "Cada septiembre nos reunimos en este augusto salón.\n", encoding="utf-8")
    s = read_statement(path)
    assert s.speaker_name == "Ban Ki-moon" and s.body[0].line == 2 and s.title is None


def test_a_place_with_the_days_of_a_session_is_the_venue_not_the_title_nor_a_date(tmp_path):
    path = tmp_path / "statement.txt"
    path.write_text("Beirut, 14-17 April 2003\n\nYour Excellency the President of Lebanon,\n\nLadies and Gentlemen,\n\n"
                    "We are gathered here today on the occasion of the twenty-second session of the Commission.\n",
                    encoding="utf-8")
    s = read_statement(path)
    assert (s.title, s.date, s.venue, s.body[0].line) == (None, None, "Beirut", 3)


def test_a_third_person_summary_naming_only_the_office_above_the_salutation(tmp_path):
    path = tmp_path / "statement.txt"
    path.write_text("Discours du Coordonnateur Résident à l’occasion de la fin de sa mission\n"
                    "À l'approche de la fin de sa mission, le Coordonnateur résident a réuni les partenaires du système "
                    "pour les remercier de leur soutien.\nMesdames et Messieurs les membres du Gouvernement,\n"
                    "Alors que se termine ma mission, je voudrais vous remercier de votre présence.\n", encoding="utf-8")
    s = read_statement(path)
    assert s.body[0].line == 3 and ("lead-in", 2) in [(f.code, f.line) for f in s.findings]


@pytest.mark.parametrize("label, value, field", [
    ("أدلى/ت به", "فولكر تورك، مفوّض الأمم المتّحدة السامي لحقوق الإنسان", "speaker"),
    ("Location", "Geneva", "venue"),
])
def test_a_field_label_alone_with_its_value_on_the_next_line(tmp_path, label, value, field):
    path = tmp_path / "statement.txt"
    path.write_text(f"يوم حقوق الإنسان - بيان افتتاحي\n\n09 كانون الاول/ديسمبر 2022\n\n{label}\n\n{value}\n\n"
                    "صباح الخير، وشكراً لحضوركم اليوم في هذا المؤتمر الصحفي.\n", encoding="utf-8")
    s = read_statement(path)
    assert (s.speaker_name == "فولكر تورك") if field == "speaker" else (s.venue == "Geneva")
    assert s.body[0].line == 9


def test_an_arabic_office_with_vowel_marks_names_the_speaker(tmp_path):
    path = tmp_path / "statement.txt"
    path.write_text("بيان مفوّضة الأمم المتّحدة الساميّة لحقوق الإنسان ميشيل باشليه\n\nنيويورك، في 26 أيلول/ سبتمبر 2018\n\n"
                    "أصحاب المعاليّ،\n\nيشرّفني أن أقف اليوم في ما بينكم.\n", encoding="utf-8")
    assert read_statement(path).speaker_name == "ميشيل باشليه"


def test_a_boxed_quotation_a_credit_and_long_address_lines_above_the_text(tmp_path):
    path = tmp_path / "statement.txt"
    path.write_text("Discours du Coordinateur résident à l'occasion de la Journée des Nations Unies\n\n24 octobre 2024\n\n"
                    "  • \"À travers ses agences, l’ONU continuera d’accompagner les autorités.\"\n\n"
                    "Photo : © United Nations\n\n"
                    "Cher M. Mohamed Ali Nafti, Ministre des Affaires Etrangères, de la Migration et des Tunisiens à l’étranger\n"
                    "Chers Ambassadeurs, Ambassadrices et représentants du Corps Diplomatique\n"
                    "Mesdames et Messieurs,\nEn tout premier lieu, je souhaite vous remercier.\n", encoding="utf-8")
    s = read_statement(path)
    assert s.speaker is None and s.body[0].line == 9
    assert ("teaser", 5) in [(f.code, f.line) for f in s.findings]


def test_an_office_block_without_a_name_under_the_title_and_a_place_after_the_time(tmp_path):
    path = tmp_path / "statement.txt"
    path.write_text("Discours du RR du PNUD à la signature du projet\n\nMoroni, 16 août 2017 à 16h00 au MAECIF\n\n"
                    "DG UNESCO\nDirectrice Générale UNESCO\n\nExcellence Monsieur le Ministre,\n\n"
                    "Nous sommes réunis aujourd’hui pour signer ce projet.\n", encoding="utf-8")
    s = read_statement(path)
    assert (s.speaker_name, str(s.date), s.venue, s.body[0].line) == (None, "2017-08-16", "Moroni", 8)
    assert {5, 6} <= {f.line for f in s.findings}


@pytest.mark.parametrize("first, date, name", [
    ("彼得·汤姆森先生阁下当选主席时的致辞 2016年6月13日   主席先生, 秘书长先生, 感谢你们的英明领导。",
     datetime.date(2016, 6, 13), "彼得·汤姆森"),
    ("Address by H.E. Mr. Peter Thomson, 13 June 2016 Mr. President, Excellencies, I thank you for your trust.",
     datetime.date(2016, 6, 13), "Peter Thomson"),
])
def test_a_heading_run_into_the_first_paragraph_before_the_salutation(tmp_path, first, date, name):
    path = tmp_path / "statement.txt"
    path.write_text(f"当选主席时的致辞\n\n{first}\n", encoding="utf-8")
    s = read_statement(path)
    assert (s.date, s.speaker_name) == (date, name)
