"""Debris (issue #14, item 4): what a web page drags along is a finding with its line, never printed.

One test per class, with made-up texts of the kind real copies hold, in several of the six
languages. Each checks the finding (code and line number), that the line is not printed, and that
the speech around it is all there.
"""

import datetime

import pytest

from toolkit.statement import read_statement

EN = ("We meet today to renew our commitment to the Charter and to the people we serve.\n\n"
      "Let us work together for peace, for development and for human rights everywhere.\n\n"
      "Thank you.\n")
ES = ("Nos reunimos hoy para renovar nuestro compromiso con la Carta y con los pueblos a los que servimos.\n\n"
      "Trabajemos juntos por la paz, por el desarrollo y por los derechos humanos en todas partes.\n")
FR = ("Nous sommes réunis aujourd’hui pour renouveler notre engagement envers la Charte et les peuples.\n\n"
      "Travaillons ensemble pour la paix, le développement et les droits de l’homme partout dans le monde.\n")
RU = ("Мы собрались сегодня, чтобы подтвердить нашу приверженность Уставу и народам, которым мы служим.\n\n"
      "Давайте вместе трудиться во имя мира, развития и прав человека во всем мире.\n")
AR = ("نجتمع اليوم لنجدد التزامنا بالميثاق وبالشعوب التي نخدمها في كل مكان من هذا العالم.\n\n"
      "فلنعمل معا من أجل السلام والتنمية وحقوق الإنسان في كل مكان.\n")
ZH = "今天我们聚集在一起，重申我们对《宪章》和我们所服务的人民的承诺。\n\n让我们为和平、发展和人权共同努力。\n"


def read(tmp_path, text):
    path = tmp_path / "statement.txt"
    path.write_text(text, encoding="utf-8")
    return read_statement(path)


def printed(statement):
    return " ".join(b.text for b in statement.blocks())


def left_out(statement, line, code, text):
    """The line is a finding with this code, starts no block, and its words are not printed."""
    assert (code, line) in [(f.code, f.line) for f in statement.findings], statement.findings
    assert line not in {b.line for b in statement.blocks()}
    assert text.strip(" •") not in printed(statement)


def speech_kept(statement, body):
    for paragraph in filter(None, body.split("\n\n")):
        assert paragraph.strip() in printed(statement)


@pytest.mark.parametrize("banner, body", [
    ("Permanent Mission of Norway to the United Nations", EN),
    ("Постоянное представительство Российской Федерации при ООН", RU),
    ("Naciones Unidas - Centro de Información, México", ES),
    ("مركز الأمم المتحدة للإعلام في القاهرة", AR),
])
def test_site_banner(tmp_path, banner, body):
    s = read(tmp_path, f"{banner}\n\nMessage on Human Rights Day\n\n10 December 2019\n\n{body}")
    left_out(s, 1, "banner", banner)
    assert s.title.text == "Message on Human Rights Day"
    speech_kept(s, body)


def test_a_banner_printed_twice_is_left_out_twice(tmp_path):
    banner = "Постоянное представительство Российской Федерации при ООН"
    s = read(tmp_path, f"{banner}\n\n{banner}\n\nВыступление на заседании Совета Безопасности\n\n{RU}")
    left_out(s, 1, "banner", banner)
    left_out(s, 3, "banner", banner)
    assert s.title.text == "Выступление на заседании Совета Безопасности"


@pytest.mark.parametrize("crumb", ["Home > Media > Speeches", "Accueil » Discours » 2018", "Inicio / Prensa / Discursos"])
def test_breadcrumb(tmp_path, crumb):
    s = read(tmp_path, f"{crumb}\n\nRemarks to the General Assembly\n\n11 October 2017\n\n{EN}")
    assert {("breadcrumb", 1), ("label-line", 1)} & {(f.code, f.line) for f in s.findings}
    assert s.title.text == "Remarks to the General Assembly"
    speech_kept(s, EN)


@pytest.mark.parametrize("label, body", [
    ("Speeches", EN), ("Discursos", ES), ("Выступления", RU), ("خطابات", AR), ("讲话", ZH),
    ("الجمعية العامة", AR), ("Asamblea General", ES), ("موجز البيان", AR), ("Описание", RU),
])
def test_section_label(tmp_path, label, body):
    s = read(tmp_path, f"{label}\n\nMessage on United Nations Day\n\n24 October 2012\n\n{body}")
    left_out(s, 1, "section-label", label)
    assert s.title.text == "Message on United Nations Day"
    speech_kept(s, body)


@pytest.mark.parametrize("label", ["Press Release", "Communiqué de presse", "Comunicado de prensa", "Пресс-релиз",
                                   "新闻稿", "بيان صحفي"])
def test_press_release_label_in_the_body(tmp_path, label):
    s = read(tmp_path, f"Remarks to the General Assembly\n\n11 October 2017\n\n{EN.replace('Let us', label + chr(10) * 2 + 'Let us')}")
    left_out(s, 7, "section-label", label)
    speech_kept(s, EN)


def test_raw_date_stamp(tmp_path):
    s = read(tmp_path, f"Remarks to the General Assembly\n\n19990924\n\n24 September 1999\n\n{EN}")
    left_out(s, 3, "timestamp", "19990924")


def test_a_stamp_of_digits_under_a_headline_that_gives_the_date_in_words(tmp_path):
    s = read(tmp_path, f"Брифинг для государств-членов (28 января 2021 г.)\n\n28.01.21\n\n{RU}")
    left_out(s, 3, "posting-date", "28.01.21")
    assert s.date.isoformat() == "2021-01-28"
    speech_kept(s, RU)


def test_print_page_header_inside_the_body(tmp_path):
    text = EN.replace("Let us", "- 2 - SG/SM/1234 24 September 1999\n\nLet us")
    s = read(tmp_path, f"Remarks to the General Assembly\n\n24 September 1999\n\n{text}")
    left_out(s, 7, "page-header", "- 2 - SG/SM/1234 24 September 1999")
    speech_kept(s, EN)


def test_a_headline_repeated_under_itself(tmp_path):
    s = read(tmp_path, f"Message on United Nations Day\n\n24 October 2012\n\nMessage on United Nations Day\n\n{EN}")
    assert ("repeated-title", 5) in [(f.code, f.line) for f in s.findings]
    assert s.body[0].line == 7 and s.title.line == 1


def test_a_headline_cut_short_above_itself(tmp_path):
    """A video page's breadcrumb prints the headline cut with "…" above the whole of it."""
    s = read(tmp_path, "Обращения\n\nАнтониу Гутерриш (Генеральный секретарь ООН) …\n\n"
                       f"Антониу Гутерриш (Генеральный секретарь ООН) по случаю Дня Организации Объединенных Наций\n\n{RU}")
    left_out(s, 3, "truncated-title", "…")
    assert s.title.line == 5
    speech_kept(s, RU)


@pytest.mark.parametrize("credit", ["UN Photo/Mark Garten", "Photo ONU/Manuel Elias", "  • © UNESCO/Andrew Wheeler",
                                    "Foto ONU/Eskinder Debebe"])
def test_photo_credit(tmp_path, credit):
    text = EN.replace("Let us", f"{credit}\n\nLet us")
    s = read(tmp_path, f"Remarks to the General Assembly\n\n11 October 2017\n\n{text}")
    left_out(s, 7, "caption-line", credit)
    speech_kept(s, EN)


def test_the_caption_beside_a_photo_credit(tmp_path):
    s = read(tmp_path, "Mensaje de la Directora General\n\n  • © UNESCO/Andrew Wheeler\n  • Irina Bokova\n\n" + ES)
    left_out(s, 3, "caption-line", "© UNESCO/Andrew Wheeler")
    left_out(s, 4, "caption-line", "Irina Bokova")
    assert s.title.text == "Mensaje de la Directora General"
    speech_kept(s, ES)


@pytest.mark.parametrize("caption, body", [
    ("The High Commissioner delivers a speech from behind a lectern.", EN),
    ("Le Secrétaire général prononce un discours à la tribune de l’Assemblée.", FR),
    ("قاعة الجمعية العامة مضاءة بالضوء الأزرق، والأمين العام على المنصة.", AR),
    ("秘书长于2020年1月会见大会主席", ZH),
])
def test_photo_caption_above_the_speech(tmp_path, caption, body):
    s = read(tmp_path, f"{caption}\n\nMessage on United Nations Day\n\n24 October 2020\n\n{body}")
    left_out(s, 1, "caption-line", caption)
    assert s.title.text == "Message on United Nations Day"
    speech_kept(s, body)


def test_the_speakers_own_words_are_no_caption(tmp_path):
    """In the text, "at the podium" is the speaker's: only lines above the speech are captions."""
    body = "I stand at the podium today with hope.\n\nWe meet to renew our commitment to the Charter and to the people.\n"
    s = read(tmp_path, f"Message on United Nations Day\n\n24 October 2020\n\n{body}")
    assert not any(f.code == "caption-line" for f in s.findings)
    speech_kept(s, body)


@pytest.mark.parametrize("line", ["Journal: Journal of the United Nations, No. 2019/185", "Keywords: peace, development",
                                  "Mots-clés : paix", "Palabras clave: paz", "关键词：和平", "Теги: мир"])
def test_journal_and_keyword_lines(tmp_path, line):
    text = EN.replace("Let us", f"{line}\n\nLet us")
    s = read(tmp_path, f"Remarks to the General Assembly\n\n11 October 2017\n\n{text}")
    assert 7 in {f.line for f in s.findings if f.code in ("label-line", "web-debris")}
    assert 7 not in {b.line for b in s.blocks()}
    speech_kept(s, EN)


@pytest.mark.parametrize("marker", ["The following is the text of the video:", "Voici le texte de la vidéo",
                                    "Текст видеообращения", "Kaltura", "Video player cover image", "00:01:30"])
def test_video_markers_and_player_labels(tmp_path, marker):
    s = read(tmp_path, f"Video message on World Habitat Day\n\n2 October 2017\n\n{marker}\n\n{EN}")
    assert ("marker", 5) in [(f.code, f.line) for f in s.findings] or \
        ("section-label", 5) in [(f.code, f.line) for f in s.findings]
    assert marker not in printed(s)
    speech_kept(s, EN)


def test_a_lone_question_mark(tmp_path):
    text = EN.replace("Let us", "?\n\nLet us")
    s = read(tmp_path, f"Remarks to the General Assembly\n\n11 October 2017\n\n{text}")
    left_out(s, 7, "marker", "?\n")
    speech_kept(s, EN)


@pytest.mark.parametrize("label, body", [
    ("(in Russian only)", RU), ("Video player cover image", AR), ("(solo en inglés)", EN), ("Kaltura", ZH),
])
def test_ui_label_in_a_third_language(tmp_path, label, body):
    s = read(tmp_path, f"Message on United Nations Day\n\n24 October 2020\n\n{body.replace(chr(10) * 2, chr(10) * 2 + label + chr(10) * 2, 1)}")
    line = 7
    assert line in {f.line for f in s.findings if f.code == "marker"}
    assert label not in printed(s)
    speech_kept(s, body)


@pytest.mark.parametrize("button", ["  • x: abre ventana nueva", "  • Whatsapp: abre ventana nueva",
                                    "Facebook (opens in a new window)", "Partager sur LinkedIn"])
def test_share_buttons(tmp_path, button):
    s = read(tmp_path, f"Intervención ante la Asamblea General\n\n27.9.2018\n\n{button}\n\n{ES}")
    left_out(s, 5, "web-debris", button)
    speech_kept(s, ES)


@pytest.mark.parametrize("link, body", [
    (">> Volver a la página del debate general", ES), ("Lire le discours de Laurent Fabius (7 novembre 2013)", FR),
    ("haut de la page", FR), ("نص الرسالة كاملا", AR), ("Back to the list of statements", EN), ("返回顶部", ZH),
])
def test_links_to_other_pages(tmp_path, link, body):
    s = read(tmp_path, f"Message on United Nations Day\n\n24 October 2020\n\n{body}\n{link}\n")
    last = 5 + body.count("\n") + 1
    left_out(s, last, "web-debris", link)
    speech_kept(s, body)


def test_what_follows_the_signature(tmp_path):
    text = (f"{ES}\nKofi A. Annan\n\nDía de las Naciones Unidas (24 de octubre)\n\n"
            "Desde 1948, se celebra el aniversario de la entrada en vigor de la Carta.\n")
    s = read(tmp_path, "Mensaje con motivo del Día de las Naciones Unidas\n\n" + text)
    assert s.speaker_name == "Kofi A. Annan"
    left_out(s, 9, "after-signature", "Día de las Naciones Unidas (24 de octubre)")
    left_out(s, 11, "after-signature", "Desde 1948")
    speech_kept(s, ES)


def test_a_signature_with_the_office_after_the_name(tmp_path):
    s = read(tmp_path, "Mensaje con motivo del Día de las Naciones Unidas\n\n"
                       f"{ES}\nBan Ki-moon, Secretario General de las Naciones Unidas\n")
    assert s.speaker_name == "Ban Ki-moon"
    assert "signature" in {f.code for f in s.findings}
    speech_kept(s, ES)


def test_a_listing_pages_next_statement_is_left_out(tmp_path):
    text = ("2020年秘书长致辞\n国际和平日是为了敦促各地交战方放下武器,谋求和谐。\n我知道,只要同心协力,我们就能建成一个更加公正的世界。\n"
            "秘书长国际和平日倒计时100天致辞\n每年9月21日,联合国都呼吁世界各地所有人遵守24小时无暴力和停火。\n")
    s = read(tmp_path, text)
    assert {(f.code, f.line) for f in s.findings} >= {("another-statement", 4), ("another-statement", 5)}
    assert [b.line for b in s.body] == [2, 3]


def test_a_pull_quote_above_the_text_that_opens_a_paragraph_below(tmp_path):
    quote = "We all have the right to speak freely and to take part in the decisions that affect our lives."
    s = read(tmp_path, f"{quote}\nThis year marks the start of a year-long celebration of seven decades of rights.\n"
                       f"So: {quote} And we all have the right to live free from discrimination.\n")
    assert ("teaser", 1) in {(f.code, f.line) for f in s.findings}
    assert s.body[0].line == 2


def test_the_headline_again_in_capitals_over_two_lines(tmp_path):
    s = read(tmp_path, "Le Secrétaire général appelle à la solidarité de tous pour les générations futures\n"
                       "LE SECRÉTAIRE GÉNÉRAL APPELLE À LA SOLIDARITÉ DE TOUS\nPOUR LES GÉNÉRATIONS FUTURES\n"
                       "On trouvera ci-après le message du Secrétaire général de l’ONU, M. Jean Dupont, à l’occasion "
                       "de la Journée, le 20 décembre:\n" + FR)
    assert s.title.line == 1
    assert {("repeated-title", 2), ("repeated-title", 3)} <= {(f.code, f.line) for f in s.findings}


def test_a_document_sites_numbered_notices(tmp_path):
    s = read(tmp_path, "世界环境日致辞\n\n  1. 1、下载文档前请自行甄别文档内容的完整性,平台不提供额外的编辑服务。\n"
                       "  2. 2、\"仅部分预览\"的文档,不可在线预览部分如存在完整性等问题,可反馈申请退款。\n\n世界环境日致辞\n\n"
                       "今年世界环境日的主题是“你的地球需要你”,它是要激励我们大家采取行动。\n\n谢谢大家。\n")
    assert {("label-line", 3), ("label-line", 4), ("repeated-title", 6)} <= {(f.code, f.line) for f in s.findings}
    assert s.body[0].line == 8


def test_a_document_sites_file_names_and_labels_do_not_use_up_the_masthead(tmp_path):
    chrome = "".join(f"秘书长讲话.docx_第{n}页\n第{n}页 / 共50页\n" for n in range(1, 9))
    s = read(tmp_path, "秘书长讲话.docx\n\n上传人:b****4 文档编号:4028123 上传时间:2022-11-27\n下载 相关 举报\n" + chrome
             + "点击查看更多>>\n下载资源\n资源描述\n\n秘书长讲话.docx\n\n防止战争和武装冲突糟蹋环境国际日致词\n\n2009年11月6日\n\n"
             "自从越南战争期间大规模使用落叶剂以来,已过去了30多年。\n\n谢谢大家。\n")
    assert s.title.text == "防止战争和武装冲突糟蹋环境国际日致词"
    assert s.date == datetime.date(2009, 11, 6)
    assert ("file-name", 1) in {(f.code, f.line) for f in s.findings}


def test_a_section_label_under_the_speech_starts_the_pages_next_item(tmp_path):
    s = read(tmp_path, "Message on the International Day of Peace\n\nWritten message\n\n"
                       "This year the Day comes at a time of crisis for humanity.\n\n"
                       "Let us work in solidarity for a lasting peace every day.\n\nVideo\n\n"
                       "Countdown of 100 days to the International Day of Peace\n\n"
                       "Every year on 21 September the United Nations invites people to celebrate peace.\n")
    assert [b.line for b in s.body] == [5, 7]
    assert {("another-statement", 9), ("another-statement", 11), ("another-statement", 13)} <= {
        (f.code, f.line) for f in s.findings}


# Banners: the logo's letters glued to the name they stand for; a site's name and tagline joined under both.
def test_a_logo_glued_to_the_organisations_name_is_a_banner(tmp_path):
    s = read(tmp_path, "UNUnited Nations Economic Commission for Asia\n\nOpening Statement by Mr. John Smith\n\n" + EN)
    left_out(s, 1, "banner", "UNUnited")
    assert s.title.text == "Opening Statement by Mr. John Smith"


def test_a_sites_name_and_tagline_joined_under_both_are_banners(tmp_path):
    s = read(tmp_path, "Friends of Peace Network\n\nAnnual Conference\n\nFriends of Peace Network - Annual Conference\n\n"
                       "Message from Ms Jane Doe, Director-General, on the occasion of the Day of Peace\n\n"
                       "21 September 2020\n\n" + EN)
    for line in (1, 3, 5):
        left_out(s, line, "banner", "Friends of Peace")
    assert s.title.text.startswith("Message from Ms Jane Doe")


# Document labels: "Annex D", "المرفق دال" over a document's statement.
@pytest.mark.parametrize("label, title, body", [
    ("Annex D", "Statement of the Director-General", EN),
    ("المرفق دال", "بيان المدير العام", AR),
    ("Приложение II", "Заявление Генерального директора", RU),
    ("Anexo 3", "Declaración del Director General", ES),
])
def test_a_documents_part_label_is_left_out(tmp_path, label, title, body):
    s = read(tmp_path, f"{label}\n\n{title}\n\n{body}")
    left_out(s, 1, "section-label", label)
    assert s.title is not None and s.title.text == title


# Section labels: an item type and an office run together ("Déclarations Haut-Commissariat aux droits de l’homme").
def test_an_item_type_and_office_label_is_left_out(tmp_path):
    s = read(tmp_path, "Déclarations Haut-Commissariat aux droits de l’homme\nQuarante et unième session du Conseil\n"
                       "24 juin 2019\n" + FR)
    left_out(s, 1, "section-label", "Déclarations")
    assert s.title.text == "Quarante et unième session du Conseil"


# Captions: what the picture shows, without a full stop, above the headline that says what the text is.
def test_a_caption_without_full_stop_above_the_headline(tmp_path):
    s = read(tmp_path, "Генеральный секретарь выступает в зале Генеральной Ассамблеи\n\nПослание Генерального "
                       "секретаря\n\n" + RU)
    left_out(s, 1, "caption-line", "выступает")
    assert s.title.text == "Послание Генерального секретаря" and s.speaker_name is None


# Site notices of a document-sharing site, numbered, and its "see more" link.
def test_a_sharing_sites_numbered_notices_and_see_more(tmp_path):
    s = read(tmp_path, "- 1、本文档共12页,可阅读全部内容。\n- 2、本站所有内容均由合作方或网友上传。\n查看更多\n"
                       "秘书长的讲话.pdf\n秘书长的讲话\n" + ZH)
    for line, code, text in ((1, "label-line", "本文档共"), (2, "label-line", "本站所有内容"),
                             (3, "web-debris", "查看更多"), (4, "file-name", ".pdf")):
        left_out(s, line, code, text)
    assert s.title.text == "秘书长的讲话"


# End marks in brackets ("(END)", "(FIN)", "（完）") and the media notice in Spanish are left out.
@pytest.mark.parametrize("mark, body", [("(END)", EN), ("(FIN)", FR), ("（完）", ZH),
                                        ("Para información de los medios de comunicación. No es un documento oficial.", ES)])
def test_end_marks_in_brackets_and_the_media_notice(tmp_path, mark, body):
    s = read(tmp_path, f"Message\n\n22 March 2023\n\n{body}\n{mark}\n")
    line = len(f"Message\n\n22 March 2023\n\n{body}\n".splitlines()) + 1
    assert line in {f.line for f in s.findings}
    speech_kept(s, body)


@pytest.mark.parametrize("caption, body", [
    ("The Director-General delivering her statement to the Board. (Photo: J. Smith/ABC)", EN),
    ("Secretary-General at the General Assembly. Photo: World Forum/Ann Lee (file)", EN),
    ("La Directrice générale s’adresse au Conseil. (Photo : M. Martin/OIM)", FR),
    ("El Secretario General en la Asamblea. Foto: Ana Ruiz/ONU", ES),
    ("المدير العام يتحدث أمام اللجنة في عمان. الحقوق محفوظة 2017، تصوير أحمد علي", AR),
])
def test_a_caption_ending_with_its_photo_credit(tmp_path, caption, body):
    s = read(tmp_path, f"Statement to the Board\n\n12 June 2018\n\n{caption}\n\n{body}")
    left_out(s, 5, "caption-line", caption)
    speech_kept(s, body)


def test_a_sentence_about_a_photo_is_speech(tmp_path):
    s = read(tmp_path, "Statement to the Board\n\n12 June 2018\n\nWe all saw the photo: it moved us.\n\n" + EN)
    assert "We all saw the photo: it moved us." in printed(s)


@pytest.mark.parametrize("bar, body", [
    ("首页|新闻|军事|文史|政务|财经|汽车|文化", ZH),
    ("Home | News | World | Politics | Business | Sport", EN),
    ("Accueil|Actualités|Monde|Politique|Économie", FR),
])
def test_a_navigation_bar_of_the_sites_sections(tmp_path, bar, body):
    s = read(tmp_path, f"{bar}\n\nMessage on United Nations Day\n\n24 October 2017\n\n{body}")
    left_out(s, 1, "breadcrumb", bar)
    assert s.title.text == "Message on United Nations Day"


@pytest.mark.parametrize("headline, prompt, body", [
    ("رسالة الأمين العام بمناسبة اليوم الدولي للمهاجرين", "رجاءا أنقر على الرابط التالي لمشاهدة الفيديو", AR),
    ("Message on International Migrants Day", "Click here to watch the video message", EN),
    ("Message à l’occasion de la Journée internationale des migrants", "Cliquez ici pour voir la vidéo", FR),
])
def test_a_video_link_and_its_address_inside_the_message(tmp_path, headline, prompt, body):
    first, rest = body.split("\n\n", 1)
    url = "https://s3.amazonaws.com/downloads.example.org/public/video/ondemand/MSG%20SG%20Day%2018%20Dec.mp4"
    s = read(tmp_path, f"{headline}\n\n{first}\n\n{prompt}\n\n{url}\n\n{rest}")
    left_out(s, 5, "web-debris", prompt)
    left_out(s, 7, "web-debris", url)
    speech_kept(s, body)


@pytest.mark.parametrize("label, body", [
    ("责任编辑:王小明", ZH),
    ("編輯:陳大文", ZH),
    ("標簽:", ZH),
    ("分享至微信", ZH),
])
def test_a_chinese_news_sites_editor_tag_and_share_labels(tmp_path, label, body):
    s = read(tmp_path, f"秘书长联合国日致辞\n\n2017年10月24日\n\n{body}\n{label}\n")
    assert label not in printed(s)
    assert label.rstrip(":") not in printed(s) or label.endswith(":")
    speech_kept(s, body)


@pytest.mark.parametrize("alt, caption, body", [
    ("UN Resident Coordinator at the UN Day event 2021", "图片说明:联合国驻华协调员在联合国日活动上致辞", ZH),
    ("Председатель выступает на мероприятии", "Photo caption: the Chair speaks at the UN Day event", EN),
    ("", "Légende : le Secrétaire général à la tribune de l’Assemblée", FR),
])
def test_a_labelled_caption_and_the_pictures_text_in_another_script(tmp_path, alt, caption, body):
    first, rest = body.split("\n\n", 1)
    picture = f"{alt}\n{caption}" if alt else caption
    s = read(tmp_path, f"Message on United Nations Day\n\n24 October 2021\n\n{first}\n\n{picture}\n\n{rest}")
    if alt:
        left_out(s, 7, "caption-line", alt)
        left_out(s, 8, "caption-line", caption)
    else:
        left_out(s, 7, "caption-line", caption)
    speech_kept(s, body)


@pytest.mark.parametrize("label, title, body", [
    ("Archives de catégorie : Messages du Secrétaire général", "Message à l’occasion de la Journée mondiale des réfugiés", FR),
    ("Archivo de la categoría: Discursos", "Mensaje con motivo del Día Mundial de los Refugiados", ES),
    ("Архивы рубрики: Заявления", "Послание по случаю Всемирного дня беженцев", RU),
    ("分类目录归档：秘书长致辞", "秘书长世界难民日致辞", ZH),
    ("أرشيف التصنيف: رسائل الأمين العام", "رسالة الأمين العام بمناسبة اليوم العالمي للاجئين", AR),
])
def test_a_wordpress_archive_label_above_the_first_post_in_its_translations(tmp_path, label, title, body):
    s = read(tmp_path, f"{label}\n\n{title}\n\n20/06/2017\n\n{body}")
    left_out(s, 1, "label-line", label)
    assert s.title.text == title
    speech_kept(s, body)


@pytest.mark.parametrize("link, body", [
    ("♦ فيديو لكلمة الأمين العام (باللغة العربية)", AR),
    ("► Watch the video of the Secretary-General's remarks", EN),
    ("▶ 视频", ZH),
])
def test_a_video_link_after_a_pointer_sign(tmp_path, link, body):
    s = read(tmp_path, f"Remarks to the General Assembly\n\n19/09/2017\n\n{link}\n\n{body}")
    left_out(s, 5, "web-debris", link)
    assert s.body[0].line == 7
    speech_kept(s, body)


def test_a_pull_quote_printed_twice_above_the_text_is_left_out_both_times(tmp_path):
    quote = "We must work as one, because only together can we keep the promise of the Charter for all."
    s = read(tmp_path, f"Remarks to the General Assembly\n\n19 September 2017\n\n{quote}\n\n“{quote}”\n\n{EN}")
    assert [(f.code, f.line) for f in s.findings if f.code == "pull-quote"] == [("pull-quote", 5), ("pull-quote", 7)]
    assert s.body[0].line == 9 and quote not in printed(s)
    speech_kept(s, EN)


@pytest.mark.parametrize("label, body", [("打印版本", ZH), ("视频*", ZH)])
def test_a_chinese_print_or_video_label_between_the_date_and_the_text(tmp_path, label, body):
    s = read(tmp_path, f"秘书长在大会一般性辩论开幕式上的讲话\n\n2012年9月25日,纽约\n\n{label}\n\n{body}")
    assert 5 in {f.line for f in s.findings} and s.body[0].line == 7
    speech_kept(s, body)


def test_every_line_of_a_two_line_block_above_the_title_is_reported(tmp_path):
    # A banner and a tagline run together with the search box ("environment for development Search"), no blank
    # line between them: each is a finding of its own, so nothing is left out silently.
    s = read(tmp_path, "Skip to content\nenvironment for development Search \n\nOpening of the Governing Council\n\n"
                       "Statement by Klaus Toepfer, Executive Director\n\n" + EN)
    reported = {f.line for f in s.findings} | {line for line, _ in s.front}
    assert {1, 2} <= reported
    speech_kept(s, EN)


@pytest.mark.parametrize("title, first, heading, body", [
    ("Message du Secrétaire général à l’occasion de la Journée mondiale des réfugiés, le 20 juin 2017",
     FR.split("\n\n")[0], "Message du Secrétaire général à l’occasion de la Journée internationale pour "
                          "l’élimination de la violence sexuelle en période de conflit, le 19 juin 2017", FR.split("\n\n")[1]),
    ("رسالة بالفيديو بمناسبة يوم الأغذية العالمي", AR.split("\n\n")[0],
     "رسالة بمناسبة اليوم العالمي للصحة النفسية", AR.split("\n\n")[1]),
])
def test_a_listing_page_goes_on_with_the_next_message_after_one_paragraph(tmp_path, title, first, heading, body):
    s = read(tmp_path, f"{title}\n\n{first}\n\n{heading}\n\n{body}")
    assert [b.line for b in s.body] == [3]
    assert {5, 7} <= {f.line for f in s.findings if f.code == "another-statement"}


@pytest.mark.parametrize("line", ["Showing 1 - 7 of 7", "7 results found", "Affichage de 1 à 10 sur 25", "共7条结果", "--"])
def test_a_listings_result_count_and_a_lone_dash_line(tmp_path, line):
    s = read(tmp_path, f"Message on United Nations Day\n\n24 October 2023\n\n{line}\n\n{EN}")
    assert 5 in {f.line for f in s.findings} and s.body[0].line == 7
    speech_kept(s, EN)


@pytest.mark.parametrize("crumbs", [
    "Home » About Us » Executive Director » Statements and Speeches » Closing Address of the Executive Director at the Forum",
    "الرئيسية / مقالات مختارة / بيان الممثل الخاص أمام مجلس الأمن",
])
def test_a_breadcrumb_ending_in_the_headline(tmp_path, crumbs):
    s = read(tmp_path, f"{crumbs}\n\nClosing Address of the Executive Director at the Forum\n\n{EN}")
    left_out(s, 1, "breadcrumb", crumbs)
    assert s.title.text == "Closing Address of the Executive Director at the Forum"


@pytest.mark.parametrize("closing, body", [
    ("Pour de plus amples informations :\nChristopher de Bono, UNICEF Genève\n\nÀ propos de la Directrice générale de "
     "l’UNICEF :\nAnn M. Veneman a pris la direction de l’UNICEF le 1er mai 2005.", FR),
    ("Para más información:\nOficina de prensa, Ciudad de Panamá", ES),
    ("About the Executive Director:\nShe took office in 2005 as the fifth head of the organization.", EN),
])
def test_the_releases_contacts_and_about_note_after_the_text(tmp_path, closing, body):
    s = read(tmp_path, f"Message on United Nations Day\n\n24 October 2009\n\n{body}\n{closing}\n")
    first = 5 + body.count("\n") + 1
    closing_lines = {first + i for i, part in enumerate(closing.split("\n")) if part}
    assert closing_lines <= {f.line for f in s.findings}
    speech_kept(s, body)
    assert not any(part in printed(s) for part in closing.split("\n") if part)


@pytest.mark.parametrize("line", ["5.00 out of 5", "Share This Post:", "لمشاهدة الفيديو", "Voir la vidéo"])
def test_a_rating_share_or_watch_label_above_the_text(tmp_path, line):
    s = read(tmp_path, f"Opening of the World Urban Forum in Kuala Lumpur\n{line}\n\n"
                       "The right honourable Prime Minister, Honourable Ministers,\n\n" + EN)
    assert 2 in {f.line for f in s.findings}
    assert s.title.text == "Opening of the World Urban Forum in Kuala Lumpur" and s.body[0].line == 4


@pytest.mark.parametrize("line, body", [
    ("首页 会议与发言 常驻团活动 中国与联合国 联合国会议文件 走进中国 English", ZH),
    ("DG/ME/ID/2017/07 – Original : francés", ES),
])
def test_a_spaced_menu_line_and_an_original_language_note(tmp_path, line, body):
    s = read(tmp_path, f"{line}\n\n世界卫生日致辞\n\n2012年9月11日\n\n{body}" if body is ZH
             else f"Mensaje con motivo del Día Internacional de la Mujer\n\n{line}\n\n{body}")
    assert (1 if body is ZH else 3) in {f.line for f in s.findings}
    assert line not in printed(s) and (s.title.text == "世界卫生日致辞" if body is ZH else True)
    speech_kept(s, body)


@pytest.mark.parametrize("alt, body", [("UN Day event 2021", ZH), ("Photo of the ceremony", AR)])
def test_a_short_line_in_latin_letters_between_chinese_or_arabic_paragraphs(tmp_path, alt, body):
    first, rest = body.split("\n\n", 1)
    s = read(tmp_path, f"联合国日致辞\n\n2021年10月22日\n\n{first}\n\n{alt}\n\n{rest}")
    left_out(s, 7, "caption-line", alt)
    assert alt not in printed(s)
    speech_kept(s, body)


def test_an_english_heading_in_a_russian_text_is_kept(tmp_path):
    s = read(tmp_path, "Послание Генерального секретаря\n\n24 октября 2021 года\n\n" + RU.replace("\n\n", "\n\nAgenda 2030\n\n", 1))
    assert "Agenda 2030" in printed(s)


@pytest.mark.parametrize("line", [
    "讲话 人权事务高级专员办事处", "البيانات المفوضية السامية لحقوق الإنسان", "Página principal de las Naciones Unidas",
    "Está en la página 1de 1", "• Aucun résultat trouvé", "N/A", "Copied!", "(1)",
    "» Ирина Бокова вступает в должность Генерального директора ЮНЕСКО",
    'Partager "Allocution du Dr Margaret Chan, Directeur général"',
])
def test_site_labels_and_viewer_ui_above_the_headline(tmp_path, line):
    s = read(tmp_path, f"{line}\n\nMessage on United Nations Day\n\n24 October 2003\n\n{EN}")
    assert 1 in {f.line for f in s.findings} and s.title.text == "Message on United Nations Day"
    speech_kept(s, EN)


def test_you_may_also_like_ends_the_text(tmp_path):
    s = read(tmp_path, f"Mensaje con motivo del Día Internacional de la Mujer\n\n8 de marzo de 2024\n\n{ES}\n"
                       "También podría gustarte\n\nOtro documento sobre la igualdad de género y la paz en el mundo.\n")
    assert {9, 11} <= {f.line for f in s.findings if f.code == "related-list"}
    speech_kept(s, ES)


@pytest.mark.parametrize("line", ["Contenido también disponible en: English français", "%"])
def test_a_language_switcher_and_a_lone_symbol_line(tmp_path, line):
    s = read(tmp_path, f"Discurso de apertura del Director General\n\n2 de junio de 2025\n\n{line}\n\n{ES}")
    assert 5 in {f.line for f in s.findings} and s.body[0].line == 7
    speech_kept(s, ES)


def test_a_news_sites_region_before_the_headline_and_a_salutation_naming_the_chair(tmp_path):
    s = read(tmp_path, "Afrique: Allocution liminaire du Directeur général de l'OMS à l’Assemblée mondiale de la Santé\n\n"
                       "Dr Edwin Dikoloti, Président de l’Assemblée mondiale de la Santé, Excellences, chers collègues,\n\n"
                       + FR)
    assert s.title.text.startswith("Allocution liminaire du Directeur général")
    assert s.speaker_name is None and s.body[0].line == 3


def test_a_source_note_in_brackets_above_the_text(tmp_path):
    s = read(tmp_path, "Alicia Bárcena: Esta es la reunión más importante de la Cepal\n\n"
                       "(Versiones Taquigráficas – Consejo de Estado)\n\n" + ES)
    left_out(s, 3, "label-line", "(Versiones Taquigráficas – Consejo de Estado)")
    assert s.body[0].line == 5
    speech_kept(s, ES)


@pytest.mark.parametrize("heading, body", [
    ("Sobre la paz y la seguridad:", ES), ("О чем мы говорим сегодня:", RU), ("About our common future:", EN),
])
def test_a_heading_of_the_speech_opening_with_about_is_kept(tmp_path, heading, body):
    first, rest = body.split("\n\n", 1)
    s = read(tmp_path, f"Message on United Nations Day\n\n24 October 2023\n\n{first}\n\n{first}\n\n{heading}\n\n{rest}")
    assert heading.rstrip(":") in printed(s) and "closing-note" not in [f.code for f in s.findings]
