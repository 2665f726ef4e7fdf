"""The headline among the first lines, by what each line is (issue #14, class 1): made-up texts of real kinds."""

import datetime

import pytest

from toolkit.statement import read_statement

BODY = ("We meet today to renew our commitment to the Charter and to the people we serve.\n\n"
        "Let us work together for peace, for development and for human rights everywhere.\n\n"
        "Thank you.\n")
BODY_AR = ("نجتمع اليوم لنجدد التزامنا بالميثاق وبالشعوب التي نخدمها في كل مكان من العالم.\n\n"
           "فلنعمل معا من أجل السلام والتنمية وحقوق الإنسان للجميع.\n")
BODY_ZH = "今天我们在这里重申对《宪章》和我们所服务的人民的承诺。\n\n让我们为和平、发展和人权共同努力。\n"


def read(tmp_path, text):
    path = tmp_path / "statement.txt"
    path.write_text(text, encoding="utf-8")
    return read_statement(path)


def left_out(statement):
    return {f.line for f in statement.findings}


def test_a_line_in_another_script_is_not_the_title(tmp_path):
    s = read(tmp_path, "كلمة الأمين العام في افتتاح المؤتمر الإقليمي 2023\nThe Secretary-General's remarks to the "
                       "regional conference\nبيروت، 3 أيار/مايو 2023\n\n" + BODY_AR)
    assert s.title.text == "كلمة الأمين العام في افتتاح المؤتمر الإقليمي 2023"
    assert s.date == datetime.date(2023, 5, 3)


def test_a_headline_after_its_date_on_a_video_page(tmp_path):
    s = read(tmp_path, "(Chinese) António Guterres (UN Secretary-General) - Message on World Oceans Day 2019\n"
                       "8 Jun 2019 - 秘书长 世界海洋日致辞\n\n" + BODY_ZH)
    assert s.title.text == "秘书长 世界海洋日致辞"
    assert s.date == datetime.date(2019, 6, 8)
    assert 1 in left_out(s)


def test_a_standfirst_under_the_headline_does_not_hide_it(tmp_path):
    s = read(tmp_path, "Desafíos del agua para la región en 2024\n"
                       "La cooperación regional es la única salida a la crisis hídrica, afirma la Secretaria Ejecutiva.\n"
                       "Foro regional de ministros del agua y el ambiente\n"
                       "Santiago, 12 de marzo de 2024\n"
                       "Señoras y señores ministros,\n\n"
                       "Es un honor acompañarles hoy en este foro que reúne a los ministros de toda la región.\n\n"
                       "El agua es la base de nuestro desarrollo y de nuestra paz.\n")
    assert s.title.text == "Desafíos del agua para la región en 2024"
    assert s.date == datetime.date(2024, 3, 12)
    assert s.body[0].line == 5


def test_bulleted_photo_credits_are_not_the_title(tmp_path):
    s = read(tmp_path, "SERVICIOS\n\nMensaje de Ana Martínez\n\nMensaje de Ana Martínez\n• © UNESCO/Pedro Gómez\n"
                       "• Ana Martínez\n\n"
                       "Hoy asumo con orgullo mis funciones al frente de esta organización que tanto ha dado al mundo.\n\n"
                       "Trabajaremos juntos por la educación, la ciencia y la cultura.\n")
    assert s.title.text == "Mensaje de Ana Martínez"
    assert s.speaker_name == "Ana Martínez"


def test_a_banner_printed_twice_is_not_the_title(tmp_path):
    headline = ("Statement by the Deputy Permanent Representative of Utopia to the United Nations, Ambassador Jane Roe, "
                "at the Security Council open debate on the working methods of the Security Council and its "
                "subsidiary bodies")
    s = read(tmp_path, "Permanent Mission of Utopia to the United Nations\n\n"
                       f"Permanent Mission of Utopia to the United Nations\n\n{headline}\n\nMadam President,\n\n" + BODY)
    assert s.title.text == headline
    assert {1, 3} <= left_out(s)
    assert s.body[0].line == 7


def test_a_short_chinese_headline_under_a_photo_caption(tmp_path):
    s = read(tmp_path, "秘书长安东尼奥·古特雷斯于2019年3月会见大会主席\n\n就职致辞\n\n主席先生,\n\n" + BODY_ZH)
    assert s.title.text == "就职致辞"
    assert 1 in left_out(s)


def test_a_byline_under_a_quoted_headline_is_not_the_title(tmp_path):
    s = read(tmp_path, "返回页首\n\n“共同努力:建设更美好的未来”\n——秘书长在大会一般性辩论开幕式上的讲话\n\n"
                       "2012年9月25日,纽约\n\n主席先生,\n\n" + BODY_ZH)
    assert s.title.text == "“共同努力:建设更美好的未来”"
    assert s.date == datetime.date(2012, 9, 25)


def test_an_asset_title_cut_short_is_not_the_title(tmp_path):
    s = read(tmp_path, "Обращения\n\nМария Иванова (Верховный комиссар ООН) …\n\n"
                       "Мария Иванова (Верховный комиссар ООН) по случаю Всемирного дня беженцев\n"
                       "Длина видео\n00:02:10\n\n"
                       "Сегодня мы чествуем мужество миллионов людей, вынужденных покинуть свои дома.\n\n"
                       "Мы должны помочь им вернуться к нормальной жизни.\n")
    assert s.title.text == "Мария Иванова (Верховный комиссар ООН) по случаю Всемирного дня беженцев"
    assert 3 in left_out(s)


def test_a_last_updated_stamp_and_a_news_item_lead_in(tmp_path):
    s = read(tmp_path, "联合国秘书长就世界环境日致辞\n最后更新: 2021-06-06 08:15:02\n"
                       "联合国新闻5日消息,6月5日是世界环境日。联合国秘书长发表致辞,致辞如下:\n" + BODY_ZH)
    assert s.title.text == "联合国秘书长就世界环境日致辞"
    assert s.date == datetime.date(2021, 6, 5)  # the lead-in's day, the year from the stamp
    assert s.body[0].line == 4
    assert {2, 3} <= left_out(s)


def test_a_lead_in_sentence_without_a_colon(tmp_path):
    s = read(tmp_path, "聯合國難民署代表在人權理事會之發言\n\n2023年03月20日 切換語言:\n\n"
                       "本文為聯合國難民署代表王小明於3月15日在人權理事會會議上的發言。\n\n"
                       "謝謝主席先生。\n\n我很榮幸今天在理事會發言,向各位介紹難民的處境和我們的工作。\n")
    assert s.title.text == "联合国难民署代表在人权理事会之发言"
    assert s.date == datetime.date(2023, 3, 15)
    assert s.body[0].line == 7
    assert 5 in left_out(s)


def test_a_speech_does_not_open_with_a_list_of_share_buttons(tmp_path):
    s = read(tmp_path, "Statement to the Human Rights Council on the situation in Utopia\n\n10 March 2022\n\n"
                       "  • Facebook: opens a new window\n  • Email: opens a new window\n\n" + BODY)
    assert s.body[0].line == 8
    assert {5, 6} <= left_out(s)


def test_a_photo_and_its_caption_above_the_salutation(tmp_path):
    s = read(tmp_path, "Opening statement to the Standing Committee\n\nGeneva\n12 March 2024\n"
                       "Jane Roe speaks at a lectern in front of a blue backdrop.\n\n"
                       "Deputy High Commissioner Jane Roe opens the Standing Committee in Geneva on 12 March.\n\n"
                       "Madam Chair,\n\n" + BODY)
    assert s.body[0].line == 9
    assert s.body[0].text.startswith("Madam Chair,")
    assert {5, 7} <= left_out(s)


def test_a_photo_caption_above_a_headline_that_says_what_it_is(tmp_path):
    s = read(tmp_path, "الأمين العام يلقي كلمته أمام المشاركين في المؤتمر، وخلفه شعار الأمم المتحدة على الشاشة.\n\n"
                       "رسالة الأمين العام\n\n" + BODY_AR)
    assert s.title.text == "رسالة الأمين العام"
    assert s.body[0].line == 5
    assert 1 in left_out(s)


def test_an_information_centre_bulletin(tmp_path):
    s = read(tmp_path, "BOLETIN ONU\nNaciones Unidas - Centro de Información, Lima\nNo. 05/042\n"
                       "3 de marzo de 2005\n\n"
                       "LA PAZ Y EL DESARROLLO VAN DE LA MANO\nAFIRMA EL SECRETARIO GENERAL\n\n"
                       "La siguiente es una traducción no oficial del mensaje del Secretario General con motivo del Día.\n\n"
                       "Quisiera saludar a todas las personas que trabajan por la paz en el mundo entero.\n\n"
                       "Muchas gracias.\n")
    assert s.title.text == "LA PAZ Y EL DESARROLLO VAN DE LA MANO AFIRMA EL SECRETARIO GENERAL"
    assert s.symbol == "No. 05/042"
    assert s.body[0].line == 11
    assert {1, 2, 9} <= left_out(s)


def test_a_slogan_far_above_the_date_line_is_not_the_speech(tmp_path):
    s = read(tmp_path, "¡Aprende con miles de documentos!\n\n"
                       "DISCURSO DEL SECRETARIO EJECUTIVO EN LA\nCEREMONIA DE CLAUSURA DEL FORO\n\n"
                       "Santiago, 5 de mayo de 2010\n\n"
                       "Muy buenos días.\n\n"
                       "Agradezco a todos su presencia en esta ceremonia que cierra tres días de trabajo intenso.\n")
    assert s.title.text == "DISCURSO DEL SECRETARIO EJECUTIVO EN LA CEREMONIA DE CLAUSURA DEL FORO"
    assert s.date == datetime.date(2010, 5, 5)
    assert s.body[0].line == 8
    assert 1 in left_out(s)


def test_a_bracketed_spanish_check_against_delivery_note(tmp_path):
    s = read(tmp_path, "Informe a la Asamblea General\n\nNueva York, 21 de septiembre de 2011\n\n"
                       ">> Volver a la página del debate general\n\n(Cotejar contra intervención)\n\n"
                       "Señor Presidente:\n\nEs un honor presentar mi informe ante esta Asamblea en este año.\n")
    assert s.delivery is not None and s.delivery.line == 7
    assert s.body[0].line == 9


def test_a_first_sentence_in_the_first_person_above_the_salutation_is_speech(tmp_path):
    s = read(tmp_path, "Opening statement to the Standing Committee\n\nGeneva\n12 March 2024\n\n"
                       "I thank Ana Pérez for her kind introduction.\n\nMadam Chair,\n\n" + BODY)
    assert s.body[0].line == 6


def test_a_one_paragraph_message_signed_and_dated_below_is_kept(tmp_path):
    s = read(tmp_path, "Message on the International Day of Peace\n\n"
                       "On this Day, I call on all parties to lay down their arms and to give peace a chance.\n\n"
                       "Ana Pérez\nNew York, 21 September 2005\n")
    assert s.body[0].line == 3


def test_a_tag_archive_heading_and_a_headline_dated_after_a_dash(tmp_path):
    s = read(tmp_path, "Tag Archives: Secretary-General’s Messages\n\n"
                       "Secretary-General’s Message for World Oceans Day – 8 June 2019\n\n" + BODY)
    assert s.title.text == "Secretary-General’s Message for World Oceans Day – 8 June 2019"
    assert s.date == datetime.date(2019, 6, 8)
    assert 1 in left_out(s)


def test_a_caption_under_a_line_in_another_script_above_a_bracketed_headline(tmp_path):
    s = read(tmp_path, "缅北禁地\n\nDes enfants plantent des arbres dans la cour de leur école au lever du jour.\n\n"
                       "Message du Secrétaire général (2023)\n\n"
                       "La paix commence dans nos écoles, nos villes et nos cœurs, partout dans le monde.\n\n"
                       "Je vous remercie.\n")
    assert s.title.text == "Message du Secrétaire général (2023)"
    assert s.body[0].line == 7
    assert {1, 3} <= left_out(s)


def test_a_page_pasted_as_one_line_gives_its_headline_and_the_speech_from_the_salutation(tmp_path):
    speech = ("Excelentísimo Señor Presidente de la República, Señoras y señores, Amigas y amigos, "
              "es para mí un honor inaugurar este período de sesiones en un país que ha hecho tanto por la "
              "integración de la región y que hoy nos recibe con los brazos abiertos. La igualdad está en el centro "
              "de nuestra propuesta y el desarrollo sostenible es nuestro horizonte común para las próximas décadas.")
    s = read(tmp_path, "DISCURSO DE CLAUSURA Ana Pérez Secretaria Ejecutiva, Comisión Regional (CR) Vigésimo período "
                       f"de sesiones de la Comisión, Lima, 14 de mayo de 2015 {speech}\n")
    assert s.title.text == "DISCURSO DE CLAUSURA"
    assert (s.date, s.venue, s.speaker_name) == (datetime.date(2015, 5, 14), "Lima", "Ana Pérez")
    assert s.body[0].line == 1 and s.body[0].text == speech
    assert "run-together" in {f.code for f in s.findings}


def test_a_first_paragraph_that_opens_with_sentences_is_not_split(tmp_path):
    text = ("THANK YOU ALL for coming. It is an honour to be here today, and I want to begin with a word of thanks. "
            "Excellencies, ladies and gentlemen, we meet at a time of great change for our region and our world, and "
            "the choices we make this week will shape the lives of millions of people for many years to come.")
    s = read(tmp_path, text + "\n\nThank you.\n")
    assert s.title is None
    assert s.body[0].text == text


# Class 1: a page title with the site's name after a bar ("… | UN News") is the headline, the site's name left out.
@pytest.mark.parametrize("headline, site, body", [
    ("Message on World Water Day", "UN News", BODY),
    ("Message pour la Journée mondiale de l’eau", "ONU Info", BODY),
    ("Mensaje en el Día Mundial del Agua", "Naciones Unidas", BODY),
    ("世界水日致辞", "联合国", BODY),
])
def test_a_page_title_with_the_sites_name_after_a_bar(tmp_path, headline, site, body):
    s = read(tmp_path, f"{headline} | {site}\n\n22 March 2023\n\n{body}")
    assert s.title.text == headline
    assert ("title-note", 1) in {(f.code, f.line) for f in s.findings}


def test_a_breadcrumb_of_labels_is_still_a_breadcrumb(tmp_path):
    s = read(tmp_path, "Home | Speeches\n\nMessage on World Water Day\n\n22 March 2023\n\n" + BODY)
    assert s.title.text == "Message on World Water Day" and 1 in left_out(s)


@pytest.mark.parametrize("section, headline", [
    ("Déclarations et discours de la directrice générale", "Déclaration de la Directrice générale au Conseil"),
    ("Speeches of the Secretary-General", "Remarks to the Security Council on Syria"),
    ("Discursos del Secretario General", "Mensaje con motivo del Día de las Naciones Unidas"),
    ("Выступления Генерального секретаря", "Послание по случаю Дня Организации Объединенных Наций"),
])
def test_a_section_named_for_the_office_whose_items_it_lists_is_not_the_title(tmp_path, section, headline):
    s = read(tmp_path, f"{section}\n27 nov 2023\n\n{headline}\n\n{BODY}")
    assert s.title.text == headline and 1 in left_out(s)


def test_a_headline_that_names_its_office_alone_is_still_a_headline(tmp_path):
    s = read(tmp_path, "Message of the President of the General Assembly\n\n8 March 2024\n\n" + BODY)
    assert s.title.text == "Message of the President of the General Assembly"


@pytest.mark.parametrize("first, second, date", [
    ("Mensaje del Secretario General en el Día Internacional contra el Consumo de Drogas",
     "y contra el Narcotráfico, 26 de junio 2008", datetime.date(2008, 6, 26)),
    ("Message of the Secretary-General on the International Day against Drug Abuse",
     "and Illicit Trafficking, 26 June 2008", datetime.date(2008, 6, 26)),
])
def test_a_headline_wrapped_onto_its_date_line(tmp_path, first, second, date):
    s = read(tmp_path, f"{first}\n\n{second}\n\n{BODY}")
    assert s.title.text == f"{first} {second}"
    assert s.date == date and s.venue is None


@pytest.mark.parametrize("label", ["خبر", "News", "Actualité"])
def test_a_headline_with_the_sites_item_label_over_the_headline_alone(tmp_path, label):
    headline = "خطاب المفوض العام في القاهرة" if label == "خبر" else "Message on World Refugee Day"
    body = BODY_AR if label == "خبر" else BODY
    s = read(tmp_path, f"{label} : {headline}\n\n7 March 2019\n\n{headline}\n\n{body}")
    assert s.title.text == headline and s.title.line == 5
    assert 1 in left_out(s)


@pytest.mark.parametrize("banner", ["Juventud Rebelde - Diario de la Juventud Cubana", "The Morning Star | The daily of the left",
                                    "La Presse – Le quotidien de Montréal"])
def test_a_newspapers_name_and_tagline_is_a_banner(tmp_path, banner):
    s = read(tmp_path, f"{banner}\n\nAlicia Bárcena: Esta es la reunión más importante\n\n8 May 2018\n\n{BODY}")
    assert s.title.text == "Alicia Bárcena: Esta es la reunión más importante" and 1 in left_out(s)


MENU = ("-\nQui sommes nous\nQui sommes nousL'Organisation fait partie du système des Nations Unies.\nStructure\n"
        "Structure\n- Structure organisationnelle\n- Directrice générale\n- Bureau du Chef de Cabinet\n-\n"
        "Notre travail\nNotre travail\nPartenariats\nPartenariats\n- Où travaillons-nous\n- Données et recherche\n")
CORPS = ("Excellences, Mesdames et Messieurs,\nAu nom de l’Organisation, je remercie le Secrétaire général de nous avoir "
         "réunis aujourd’hui.\nLe Sommet incarne avec force le pouvoir et le potentiel du multilatéralisme.\n")


@pytest.mark.parametrize("headline", [
    "Déclaration de Mme Jeanne Dupont, Directrice générale adjointe, au Sommet de l’avenir",
    "Message pour la Journée internationale des migrants",
])
def test_a_sites_navigation_menu_above_the_headline(tmp_path, headline):
    s = read(tmp_path, f"{MENU}{headline}\nNations Unies, New York\n{CORPS}")
    assert s.title.text == headline
    assert s.venue == "Nations Unies, New York"
    assert set(range(1, 16)) <= left_out(s) and 16 not in left_out(s)
    assert s.body[0].text.startswith("Excellences")


def test_dashed_items_of_a_speech_are_no_menu(tmp_path):
    s = read(tmp_path, "Statement to the Council\n\n12 June 2018\n\nOur work covers:\n- migration and health;\n"
                       "- migration and development;\n- regulated migration.\n\n" + BODY)
    assert s.title.text == "Statement to the Council" and "migration and health" in " ".join(b.text for b in s.body)


def test_a_venue_line_is_no_headline(tmp_path):
    s = read(tmp_path, "Statement by Ms. Jane Doe, Deputy Director General, at the Summit of the Future\n"
                       "United Nations, New York\n" + BODY)
    assert s.title.text == "Statement by Ms. Jane Doe, Deputy Director General, at the Summit of the Future"
    assert s.speaker_name == "Jane Doe"


@pytest.mark.parametrize("headline, title, place", [
    ("The Secretary-General’s written message on International Women’s Day New York",
     "The Secretary-General’s written message on International Women’s Day", "New York"),
    ("Message to the Human Rights Council Geneva", "Message to the Human Rights Council", "Geneva"),
])
def test_a_place_line_run_into_the_end_of_the_headline(tmp_path, headline, title, place):
    s = read(tmp_path, f"{headline}\n\n8 March 2017\n\n{BODY}")
    assert s.title.text == title and s.venue == place


@pytest.mark.parametrize("headline", ["Remarks at the Conference in New York", "Statement on the Spirit of Geneva",
                                      "MESSAGE ON INTERNATIONAL WOMEN’S DAY NEW YORK"])
def test_a_place_that_belongs_to_the_headline_stays(tmp_path, headline):
    s = read(tmp_path, f"{headline}\n\n8 March 2017\n\n{BODY}")
    assert s.title.text == headline


def test_a_headline_that_cannot_end_where_its_line_ends_goes_on_over_the_byline(tmp_path):
    s = read(tmp_path, "MESSAGE ON THE OCCASION OF\nWORLD METEOROLOGICAL DAY 2016\nBY\nJANE DOE\nSECRETARY-GENERAL\n\n" + BODY)
    assert s.title.text == "MESSAGE ON THE OCCASION OF WORLD METEOROLOGICAL DAY 2016"
    assert s.speaker_name == "JANE DOE"


def test_a_speaker_line_alone_above_the_date_is_not_the_title(tmp_path):
    path = tmp_path / "statement.txt"
    path.write_text("Secrétaire général des Nations Unies\n\nS.E. M. Ban Ki-moon, Secrétaire général\n\n"
                    "20 septembre 2016 (71e session)\n\nRésumé de la déclaration :\n\n"
                    "M. BAN KI-MOON, Secrétaire général de l’Organisation des Nations Unies, a déclaré que le monde "
                    "était à la croisée des chemins.\n", encoding="utf-8")
    s = read_statement(path)
    assert s.title is None
    assert s.speaker_name == "Ban Ki-moon" and str(s.date) == "2016-09-20" and s.body[0].line == 9
