"""The ten classes of issue #14, each with made-up texts of the kind real web copies hold."""

import datetime
import json

import pytest
from click.testing import CliRunner

from toolkit.cli import cli
from toolkit.errors import StatementError
from toolkit.model import BlockKind, DeliveryKind
from toolkit.statement import read_statement

BODY = ("We meet today to renew our commitment to the Charter and to the people we serve.\n\n"
        "Let us work together for peace, for development and for human rights everywhere.\n\n"
        "Thank you.\n")


def write(tmp_path, text, name="statement.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def codes(statement):
    return [(f.code, f.line) for f in statement.findings]


# 1. Title: found by what each line is, not by position.
@pytest.mark.parametrize("first", [
    "Speeches", "Discours", "Выступления", "خطابات", "讲话", "Home > Speeches > 2018", "New York", "Genève",
    "13/10/2016", "2016年10月13日", "2021-03-02 09:14:07", "Skip to main content",
])
def test_class_1_title_is_not_a_label_place_date_or_stamp(tmp_path, first):
    s = read_statement(write(tmp_path, f"{first}\n\nSecretary-General's message on World Habitat Day\n\n" + BODY))
    assert s.title.text == "Secretary-General's message on World Habitat Day"
    assert 1 in {f.line for f in s.findings} | {line for line, _ in s.front}


def test_class_1_title_is_not_a_delivery_line(tmp_path):
    s = read_statement(write(tmp_path, "As delivered by H.E. Ms. María Fernanda Espinosa, 5 June 2018\n\n"
                                       "Remarks at the opening of the Ocean Conference\n\n" + BODY))
    assert s.title.text == "Remarks at the opening of the Ocean Conference"
    assert s.delivery.kind is DeliveryKind.AS_DELIVERED
    assert (s.date, s.speaker_name) == (datetime.date(2018, 6, 5), "María Fernanda Espinosa")


def test_class_1_site_chrome_above_the_headline(tmp_path):
    s = read_statement(write(tmp_path, "Promoting tolerance through knowledge\nUnited Nations\n\n"
                                       "Opening statement by High Commissioner Michelle Bachelet to the Council\n\n"
                                       "10 September 2018\n\n" + BODY))
    assert s.title.text.startswith("Opening statement by High Commissioner")
    assert s.speaker_name == "Michelle Bachelet"
    assert {1, 2} <= {f.line for f in s.findings}


# 2. Dates in every shape UN pages print them.
@pytest.mark.parametrize("line, date", [
    ("13/10/2016", datetime.date(2016, 10, 13)),
    ("2016年10月13日", datetime.date(2016, 10, 13)),
    ("١٣ تشرين الأول/أكتوبر ٢٠١٦", datetime.date(2016, 10, 13)),
    ("5 حزيران/يونيه 2018", datetime.date(2018, 6, 5)),
    ("Palais des Nations, 6 June 2011, 13.00", datetime.date(2011, 6, 6)),
    ("Palais des Nations, 6 juin 2011, 13h00", datetime.date(2011, 6, 6)),
    ("Palacio de las Naciones, 6 de junio de 2011, 13.00", datetime.date(2011, 6, 6)),
    ("Дворец Наций, 6 июня 2011 года, 13.00", datetime.date(2011, 6, 6)),
])
def test_class_2_date_lines(tmp_path, line, date):
    s = read_statement(write(tmp_path, f"Remarks to the Human Rights Council\n\n{line}\n\n" + BODY))
    assert s.date == date and "missing-date" not in [f.code for f in s.findings]


def test_class_2_date_inside_a_spanish_delivery_line_and_a_french_date_below_other_lines(tmp_path):
    s = read_statement(write(tmp_path, "Palabras en la Asamblea General\n\nPronunciado por el Secretario General "
                                       "António Guterres, 5 de junio de 2018\n\n" + BODY))
    assert s.date == datetime.date(2018, 6, 5) and s.speaker_name == "António Guterres"
    s = read_statement(write(tmp_path, "Message du Secrétaire général\n\nSeul le prononcé fait foi\n\n"
                                       "Déclaration du Secrétaire général\n\nGenève, le 6 juin 2011\n\n" + BODY))
    assert (s.date, s.venue) == (datetime.date(2011, 6, 6), "Genève")


def test_class_2_two_dates_disagree_the_delivery_date_wins_and_lint_says_so(tmp_path):
    path = write(tmp_path, "Message on International Volunteer Day\n\n1 December 2024\n\n"
                           "Wednesday, 5 December 2024\n\n" + BODY)
    s = read_statement(path)
    assert s.date == datetime.date(2024, 12, 5)
    assert ("date-conflict", 3) in codes(s)
    result = CliRunner().invoke(cli, ["lint", str(path)])
    assert result.exit_code == 1 and "warning: this line says 2024-12-01" in result.output


# 3. The speaker, with a clean name for the PDF author.
def test_class_3_bare_name_line_in_english_on_a_russian_page(tmp_path):
    s = read_statement(write(tmp_path, "Послание по случаю Международного дня мира\n\n"
                                       "António Guterres, Secretary-General\n\n21 сентября 2020 года\n\n"
                                       "Международный день мира проводится для того, чтобы призвать всех к миру.\n\n"
                                       "Давайте вместе работать ради мира и прав человека для всех людей.\n"))
    assert s.source_lang == "ru" and s.speaker_name == "António Guterres"
    assert s.speaker.text == "António Guterres, Secretary-General"


def test_class_3_speaker_over_three_lines(tmp_path):
    s = read_statement(write(tmp_path, "WELCOME ADDRESS\nBY MR. VLADIMIR PETROVSKY\nUNDER-SECRETARY-GENERAL\n"
                                       "DIRECTOR-GENERAL OF THE UNITED NATIONS OFFICE AT GENEVA\n3 July 1995\n\n" + BODY))
    assert s.title.text == "WELCOME ADDRESS"
    assert s.speaker_name.casefold() == "vladimir petrovsky"
    assert "DIRECTOR-GENERAL" in s.speaker.text and s.body[0].line == 7


@pytest.mark.parametrize("lead, name", [
    ("Following is UN Secretary-General António Guterres' message for International Migrants Day:",
     "António Guterres"),
    ("Following is the statement by Sergei Ordzhonikidze, Director-General of the United Nations Office at Geneva:",
     "Sergei Ordzhonikidze"),
])
def test_class_3_a_lead_in_is_neither_body_nor_title(tmp_path, lead, name):
    s = read_statement(write(tmp_path, f"SECRETARY-GENERAL'S MESSAGE FOR THE DAY\n\n{lead}\n\n" + BODY))
    assert s.speaker_name == name
    assert ("lead-in", 3) in codes(s) and all(lead not in b.text for b in s.blocks())


# 4. Debris in all six languages: a finding each, never printed, nothing of the speech dropped.
@pytest.mark.parametrize("line, code", [
    ("Press Release", "section-label"), ("Communiqué de presse", "section-label"), ("Comunicado de prensa", "section-label"),
    ("Пресс-релиз", "section-label"), ("新闻稿", "section-label"), ("بيان صحفي", "section-label"),
    ("19990924", "timestamp"), ("- 2 - SG/SM/1234 24 September 1999", "page-header"), ("UN Photo/Mark Garten", "caption-line"),
    ("Keywords: peace, development", "web-debris"), ("The following is the text of the video:", "marker"),
    ("?", "marker"), ("(in Russian only)", "marker"), ("Accueil > Discours > 2018", "breadcrumb"),
    ("Mots-clés : paix", "web-debris"), ("Фото ООН", "caption-line"), ("关键词：和平", "label-line"),
])
def test_class_4_debris_is_a_finding(tmp_path, line, code):
    text = ("Remarks to the General Assembly\n\n11 October 2017\n\n"
            "We meet today to renew our commitment to the Charter and to the people we serve.\n\n"
            f"{line}\n\nLet us work together for peace, for development and for human rights everywhere.\n")
    s = read_statement(write(tmp_path, text))
    assert (code, 7) in codes(s)
    assert [b.line for b in s.body] == [5, 9]


def test_class_4_a_headline_repeated_under_itself_is_printed_once(tmp_path):
    s = read_statement(write(tmp_path, "Message on United Nations Day\n\n24 October 2012\n\n"
                                       "Message on United Nations Day\n\n" + BODY))
    assert ("repeated-title", 5) in codes(s) and s.body[0].line == 7


# 5. Corrupt text: repaired and reported, or refused; romanisation; Traditional Chinese.
def test_class_5_mojibake_is_repaired_and_reported(tmp_path):
    s = read_statement(write(tmp_path, "Le SecrÃ©taire gÃ©nÃ©ral au Conseil\n\n11 octobre 2017\n\n"
                                       "Nous sommes rÃ©unis aujourdâ€™hui pour la paix et le dÃ©veloppement durable.\n\n"
                                       "Chinaâ€™s role in 2010¨C2015 was important for the region and the world.\n"))
    assert s.title.text == "Le Secrétaire général au Conseil"
    assert s.body[0].text == "Nous sommes réunis aujourd’hui pour la paix et le développement durable."
    assert s.body[1].text.startswith("China’s role in 2010–2015")
    assert [f.line for f in s.findings if f.code == "mojibake"] == [1, 5, 7]
    assert all("Ã" not in b.text and "â€" not in b.text for b in s.blocks())


def test_class_5_text_that_cannot_be_trusted_is_refused_naming_the_lines(tmp_path):
    path = write(tmp_path, "Remarks\n\n11 October 2017\n\nWe meet today in ????? ???? ????? to talk.\n\n"
                           "Thank you for \ufffd\ufffd your work.\n")
    with pytest.raises(StatementError) as info:
        read_statement(path)
    message = info.value.format_message()
    assert "cannot be trusted" in message and "line(s) 5, 7" in message and "\n" not in message


def test_class_5_romanisation_is_stripped_and_reported(tmp_path):
    s = read_statement(write(tmp_path, "秘书长致辞\n\n2017年10月11日\n\n农(nóng)民(mín)是我们的朋友(yǒu)，我们今天讨论可持续发展。\n\n谢谢。\n"))
    assert s.body[0].text == "农民是我们的朋友，我们今天讨论可持续发展。"
    assert ("romanisation", 5) in codes(s)


def test_class_5_traditional_chinese_is_printed_simplified_and_kept_as_written(tmp_path):
    s = read_statement(write(tmp_path, "秘書長聯合國日的致辭\n\n2019年10月24日\n\n"
                                       "聯合國日是一個機會，讓我們重申對《憲章》所載崇高理想的承諾。\n\n"
                                       "讓我們攜手努力，為所有國家的人民創造一個更美好的世界。\n"))
    assert s.source_lang == "zh" and s.script == "Hant"
    assert s.title.text == "秘书长联合国日的致辞" and s.title.original == "秘書長聯合國日的致辭"
    assert s.body[0].text.startswith("联合国日是一个机会") and s.body[0].original.startswith("聯合國日是一個機會")
    assert ("traditional-chinese", 1) in codes(s)
    from toolkit.reader.detection import to_simplified

    assert all(to_simplified(b.text) == b.text for b in s.blocks())  # no Traditional character left to print
    named = read_statement(write(tmp_path, "---\nspeaker: 菲利普·格蘭迪\nvenue: 聯合國總部\n---\n秘書長聯合國日的致辭\n\n"
                                           "聯合國日是一個機會，讓我們重申對《憲章》所載崇高理想的承諾。\n", "named.txt"))
    assert (named.speaker_name, named.venue) == ("菲利普·格兰迪", "联合国总部")  # the PDF's author and place too


# 6. Paragraphs: greetings kept together, "1." lists, bullets.
def test_class_6_salutation_block_is_one_greeting_and_one_numbered_list(tmp_path):
    s = read_statement(write(tmp_path, "Remarks to the Council\n\n11 October 2017\n\nMr. President,\nExcellencies,\n"
                                       "Ladies and gentlemen,\n\nWe have three priorities.\n\n1. Peace\n\n1. Development\n\n"
                                       "1. Human rights\n\nThank you.\n"))
    assert s.body[0].text == "Mr. President, Excellencies, Ladies and gentlemen,"
    assert [b.text for b in s.body if b.kind is BlockKind.LIST_ITEM] == ["Peace", "Development", "Human rights"]
    assert ("numbered-list", 11) in codes(s)


# 7. Bilingual pages: a second-language copy is reported, mixed delivery is kept and tagged.
ENGLISH = ("We are gathered today to celebrate the founding of the United Nations and its Charter.\n\n"
           "The world faces many challenges, from climate change to conflict and inequality.\n\n"
           "Let us renew our commitment to work together for a better future for all people.\n\n")
ARABIC = ("نجتمع اليوم للاحتفال بتأسيس الأمم المتحدة وميثاقها.\n\n"
          "يواجه العالم تحديات كثيرة، من تغير المناخ إلى النزاعات وعدم المساواة.\n\n"
          "فلنجدد التزامنا بالعمل معا من أجل مستقبل أفضل لجميع الناس.\n")


def test_class_7_a_stacked_translation_is_reported_not_printed(tmp_path):
    path = write(tmp_path, "Message on United Nations Day\n\n24 October 2019\n\n" + ENGLISH + ARABIC)
    s = read_statement(path)
    assert s.source_lang == "en" and s.second_language == "ar"
    assert all(b.lang == "en" for b in s.body) and [b.line for b in s.translation] == [11, 13, 15]
    assert ("second-language", 11) in codes(s)
    assert next(f for f in s.findings if f.code == "second-language").severity == "warning"
    confirmed = read_statement(write(tmp_path, "---\nreviewed: ar\n---\nMessage on United Nations Day\n\n"
                                               "24 October 2019\n\n" + ENGLISH + ARABIC, "confirmed.txt"))
    assert confirmed.reviewed == "ar" and "reviewed-translation" in [f.code for f in confirmed.findings]


def test_class_7_mixed_delivery_keeps_each_block_with_its_language(tmp_path):
    s = read_statement(write(tmp_path, "Remarks at the press conference\n\n11 October 2017\n\n" + ENGLISH +
                             "Je voudrais maintenant dire quelques mots en français à nos amis de la presse.\n\n"
                             "Thank you very much for your attention and for your questions today.\n"))
    assert s.source_lang == "en" and s.second_language is None
    assert [b.lang for b in s.body] == ["en", "en", "en", "fr", "en"]
    assert "mixed-languages" in [f.code for f in s.findings]


# 8. Lint: unknown codes refused, Traditional Chinese mapped on purpose, debris in the body found.
def test_class_8_unknown_language_codes_are_refused(tmp_path):
    path = write(tmp_path, "Remarks\n\n11 October 2017\n\n" + BODY)
    result = CliRunner().invoke(cli, ["publish", "--lang", "zh-Hant", str(path)])
    assert result.exit_code != 0 and "zh-Hant" in result.output and "ar, zh, en, fr, ru, es" in result.output
    result = CliRunner().invoke(cli, ["status", "--from", "xx", str(path)])
    assert result.exit_code != 0 and "unknown language 'xx'" in result.output


def test_class_8_from_zh_tw_means_a_traditional_source(tmp_path):
    from toolkit.config import load_config

    assert load_config(tmp_path, {"source_language": "zh-TW"}).source_language == "zh"
    s = read_statement(write(tmp_path, "---\nlanguage: zh-Hant\n---\n秘書長致辭\n\n2019年10月24日\n\n"
                                       "聯合國日是一個機會，讓我們重申對憲章的承諾。\n"))
    assert (s.source_lang, s.script) == ("zh", "Hant")


# 9. Severities: notes do not fail lint; warnings do; --json says what the reader understood.
def test_class_9_notes_exit_zero_warnings_exit_one_and_json(tmp_path):
    handled = write(tmp_path, "Remarks to the Council\n\n11 October 2017\n\n" + BODY + "\nShare this:\n", "handled.txt")
    result = CliRunner().invoke(cli, ["lint", str(handled)])
    assert result.exit_code == 0 and "note: web page debris 'Share this:'" in result.output
    assert result.output.splitlines()[1] == "  title:    Remarks to the Council"
    missing = write(tmp_path, "Remarks to the Council\n\n" + BODY, "missing.txt")
    assert CliRunner().invoke(cli, ["lint", str(missing)]).exit_code == 1
    result = CliRunner().invoke(cli, ["lint", "--json", str(handled), str(missing)])
    records = json.loads(result.output)
    assert [r["date"] for r in records] == ["2017-10-11", None]
    first = records[0]
    assert {"file", "language", "title", "delivery_note", "speaker", "speaker_name", "date", "venue", "symbol",
            "blocks", "findings"} <= set(first)
    assert first["blocks"][0] == {"kind": "title", "line": 1, "language": "en", "text": "Remarks to the Council"}
    assert first["findings"] == [{"line": 11, "code": "web-debris", "severity": "note",
                                  "message": "web page debris 'Share this:' (a link, a button, contact details?); "
                                             "left out of the release"}]


# 10. The workspace around the reader: Unicode names, YAML front matter.
def test_class_10_unicode_file_names_keep_their_own_slugs(tmp_path):
    slugs = {read_statement(write(tmp_path, "Remarks\n\n11 October 2017\n\n" + BODY, name)).slug
             for name in ("заявление.txt", "بيان.txt", "讲话.txt", "statement.txt")}
    assert len(slugs) == 4 and "zaiavlenie" in slugs


def test_class_10_the_header_block_is_yaml(tmp_path):
    s = read_statement(write(tmp_path, '---\nvenue: "New York"\ndate: 2017-10-11\nspeaker: \'António Guterres\'\n---\n'
                                       "Remarks\n\n" + BODY))
    assert (s.venue, s.date, s.speaker_name) == ("New York", datetime.date(2017, 10, 11), "António Guterres")
    for text, message in (("---\ncolour: blue\n---\nRemarks\n\n" + BODY, ":2: unknown header line 'colour: blue'"),
                          ("---\nvenue: [New York\n---\nRemarks\n\n" + BODY, ":2: cannot read the header block")):
        with pytest.raises(StatementError) as info:
            read_statement(write(tmp_path, text, "bad.txt"))
        assert message in info.value.format_message() and "\n" not in info.value.format_message()


def test_class_7_a_confirmed_official_translation_is_printed_never_machine_translated(tmp_path):
    from support.translators import FakeTranslator
    from toolkit.commands.publish import publish
    from toolkit.config import load_config

    workspace = tmp_path / "ws"
    (workspace / "speeches").mkdir(parents=True)
    (workspace / "speeches" / "un-day.txt").write_text(
        "---\nreviewed: ar\n---\nMessage on United Nations Day\n\n24 October 2019\n\n" + ENGLISH + ARABIC,
        encoding="utf-8")
    translator = FakeTranslator()
    result = publish(load_config(workspace, {"languages": "en,ar"}), (), translator=translator)
    assert ("en", "ar") not in translator.pairs
    (arabic,) = [e for e in result.editions if e.lang == "ar"]
    assert arabic.is_reviewed and [b.text for b in arabic.body][0].startswith("نجتمع اليوم للاحتفال")
    html = (workspace / "output" / "un-day" / "ar.html").read_text(encoding="utf-8")
    assert "فلنجدد التزامنا بالعمل معا" in html and "[ar]" not in html


def test_words_yaml_names_each_table_once():
    # YAML keeps the last of two equal keys without a word: a table written twice loses its first half.
    import yaml

    from toolkit.reader.words import WORDS_FILE

    root = yaml.compose(WORDS_FILE.read_text(encoding="utf-8"))
    names = [key.value for key, _ in root.value]
    assert len(names) == len(set(names)), sorted({n for n in names if names.count(n) > 1})


@pytest.mark.parametrize("lead, body", [
    ("古特雷斯表示,蛇象征着智慧、坚韧和新生。\n\n古特雷斯感谢中国和中国人民对联合国的坚定支持。\n\n以下是致辞全文:",
     "春节快乐!\n\n谨向所有庆祝蛇年农历新年的每个人致以最热烈的祝愿。\n"),
    ("According to a press release issued by the UN Information Centre, the full text of his message reads:",
     "ˈDear friends,\n\nUnited Nations Day is a chance to recognize how much this organization contributes to peace.\n"),
])
def test_class_3_a_news_items_paragraphs_above_the_line_that_says_the_text_follows(tmp_path, lead, body):
    s = read_statement(write(tmp_path, f"{lead}\n\n{body}"))
    count = lead.count("\n\n") + 1
    assert s.title is None
    assert [f.line for f in s.findings if f.code == "lead-in"] == [2 * i + 1 for i in range(count)]
    assert s.body[0].line == 2 * count + 1


def test_class_7_the_pages_own_text_is_the_first_of_two_stacked_copies_even_when_shorter(tmp_path):
    chinese = "今年的国际青年日纪念活动还包括发起国际青年年。在充满挑战的当今社会和经济环境中,需要特别关注青年。\n\n"
    english = ("This year's commemoration of International Youth Day also marks the launch of the International Year "
               "of Youth, under the theme dialogue and mutual understanding.\n\n"
               "Today's challenging social and economic environment warrants a special focus on youth, who make up "
               "a large share of the world's population.\n\n"
               "This is a moral imperative and a developmental necessity, and it is also an opportunity for us all.\n")
    s = read_statement(write(tmp_path, "国际青年日致辞 2010年8月12日\n\n" + chinese + english))
    assert s.source_lang == "zh"
    french = "Au nom de la communauté internationale à Genève, je remercie chaleureusement le Conseil de sa présence.\n\n"
    bilingual = read_statement(write(tmp_path, "(version bilingue)\n\n" + french + english, "mixed.txt"))
    assert bilingual.source_lang == "en"
