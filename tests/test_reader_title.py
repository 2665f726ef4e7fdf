"""The headline among the first lines, by what each line is (issue #14, class 1): made-up texts of real kinds."""

import datetime

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
