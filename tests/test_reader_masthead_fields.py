"""The speaker's name, the date and the venue above the body (issue #14 items 2 and 3), class by class.

Made-up texts of the kinds the real corpus holds; each test names its class.
"""

import datetime

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
