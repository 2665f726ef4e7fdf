"""The reader on statements as press officers paste them from UN web pages and e-mails."""

import datetime
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from toolkit.cli import cli
from toolkit.reader.dates import parse_date
from toolkit.reader.debris import SYMBOL, venue_line
from toolkit.model import BlockKind, DeliveryKind
from toolkit.statement import read_statement

SPEECHES = Path(__file__).parent / "data" / "speeches"
SAMPLE = Path(__file__).resolve().parent.parent / "speeches" / "closing-second-multistakeholder-hearing.txt"
ALL = sorted(SPEECHES.glob("*.txt")) + [SAMPLE]


def read(name):
    return read_statement(SPEECHES / name)


def texts(statement, kind=BlockKind.PARAGRAPH):
    return [b.text for b in statement.body if b.kind is kind]


def found(statement):
    return [(f.code, f.line) for f in statement.findings]  # in line order


def words(text):
    return re.sub(r"[\W_]+", " ", text.casefold()).split()


@pytest.mark.parametrize("path", ALL, ids=[p.name for p in ALL])
def test_no_line_is_dropped_silently(path):
    """Every line is printed, or is front matter the release prints its own way, or is a finding."""
    statement = read_statement(path)
    printed = " ".join(" ".join(words(b.text)) for b in statement.blocks())
    findings = {f.line for f in statement.findings}
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    start = lines.index("---", 1) + 1 if lines[0] == "---" else 0
    for number, line in enumerate(lines[start:], start=start + 1):
        line = line.strip()
        if not line or number in findings or (statement.delivery and number == statement.delivery.line):
            continue
        if parse_date(line) or SYMBOL.match(line) or venue_line(line):
            continue
        assert " ".join(words(line)) in printed, f"{path.name}:{number}: {line!r} is lost"


@pytest.mark.parametrize("path", ALL, ids=[p.name for p in ALL])
def test_blocks_start_on_their_line(path):
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    for block in read_statement(path).blocks():
        line, text = words(lines[block.line - 1]), words(block.text)
        shorter = min(len(line), len(text))  # a title may leave out its "[as delivered]"
        assert text[:shorter] == line[:shorter], (block.line, block.text)


def test_two_line_title_bracketed_note_speaker_with_title_and_share_buttons():
    s = read("pga-two-line-title.txt")
    assert s.title.text == ("High-level meeting on the appraisal of the United Nations Global Plan "
                            "of Action to Combat Trafficking in Persons")
    assert s.delivery.kind is DeliveryKind.CHECK_AGAINST_DELIVERY and s.delivery.text == "[Check against delivery]"
    assert s.speaker.text == ("Statement by H.E. Mr. Miroslav Lajčák, "
                              "President of the 72nd session of the United Nations General Assembly")
    assert s.speaker_name == "Miroslav Lajčák"
    assert s.date == datetime.date(2017, 9, 27)
    assert texts(s)[:2] == ["Excellencies,", "Ladies and Gentlemen,"] and texts(s)[-1] == "I thank you."
    assert found(s) == [("web-debris", 23), ("web-debris", 24), ("web-debris", 25)]


def test_press_release_symbol_date_and_capital_title():
    s = read("press-release-symbol.txt")
    assert s.symbol == "SG/SM/18835-OBV/1766" and s.date == datetime.date(2017, 12, 18)
    assert s.title.text == "SECRETARY-GENERAL'S MESSAGE FOR INTERNATIONAL MIGRANTS DAY" and s.title.line == 5
    # The lead-in is neither body nor title (#14): a finding, and it names the speaker.
    assert texts(s)[0].startswith("Migration is a powerful driver") and len(texts(s)) == 3
    assert s.speaker_name == "António Guterres"
    assert found(s) == [("lead-in", 7), ("web-debris", 15)]  # "For information media. Not an official record."


def test_dateline_opening_the_first_paragraph():
    s = read("ohchr-dateline.txt")
    assert (s.date, s.venue) == (datetime.date(2017, 12, 10), "Geneva")
    assert texts(s)[0].startswith("GENEVA (10 December 2017) – The UN High Commissioner")
    assert texts(s)[1].startswith("“The Universal Declaration")
    assert found(s) == [("web-debris", 9), ("web-debris", 11), ("web-debris", 13), ("web-debris", 14)]


def test_news_service_line_separator_and_contacts():
    s = read("unhcr-briefing.txt")
    assert s.venue == "Geneva" and s.date is None
    assert [b.line for b in s.body] == [5, 7, 9]
    assert found(s) == [("missing-date", 1), ("separator", 11), ("web-debris", 13),
                        ("web-debris", 14), ("web-debris", 15)]


def test_headings_and_numbered_paragraphs_keep_their_numbers():
    s = read("headings-numbered.txt")
    assert (s.date, s.venue) == (datetime.date(2018, 1, 16), "New York")  # "New York, 16 January 2018 –"
    assert texts(s, BlockKind.HEADING) == ["Peace and security", "Sustainable development"]
    paragraphs = texts(s)
    assert paragraphs[0] == "Mr. President, Excellencies,"
    assert [p[:4] for p in paragraphs[1:-1]] == ["1. C", "2. W", "(a) ", "(b) ", "(c) ", "3. T", "4. C"]
    assert not texts(s, BlockKind.LIST_ITEM) and not s.findings


def test_hard_wrapped_at_72_columns():
    s = read("hard-wrapped-72.txt")
    assert [b.line for b in s.body] == [9, 14, 19, 22]
    assert "agreed last year by the United Nations General Assembly call for" in s.body[1].text
    assert s.body[2].text.endswith("the organizations of the United Nations system must do more, together.")
    assert s.body[3].text.startswith("On World Habitat Day")


def test_one_paragraph_per_line_with_a_two_line_title():
    s = read("single-line-paragraphs.txt")
    assert s.title.text == ("Opening remarks at the press conference on the launch of the "
                            "Sustainable Development Goals Report 2018")
    assert (s.date, s.venue) == (datetime.date(2018, 6, 20), "New York")  # "20 June 2018, New York"
    assert [b.line for b in s.body] == [4, 5, 6, 7, 8] and s.body[-1].text == "Thank you."
    assert not s.findings


def test_windows_line_ends_in_french():
    assert b"\r\n" in (SPEECHES / "fr-crlf.txt").read_bytes()
    s = read("fr-crlf.txt")
    assert s.source_lang == "fr" and s.delivery.kind is DeliveryKind.CHECK_AGAINST_DELIVERY
    assert s.speaker.text == "Déclaration du Secrétaire général"
    assert (s.date, s.venue) == (datetime.date(2017, 9, 21), "Genève")
    assert texts(s)[:2] == ["Excellences,", "Mesdames et Messieurs,"] and [b.line for b in s.body][-1] == 17
    assert not s.findings


@pytest.mark.parametrize("name, lang, date, venue", [
    ("es-all-caps.txt", "es", datetime.date(2017, 12, 18), "Nueva York"),
    ("ru-separator.txt", "ru", datetime.date(2017, 9, 21), "Нью-Йорк"),
    ("zh-brackets.txt", "zh", datetime.date(2017, 12, 18), "纽约"),
    ("ar-statement.txt", "ar", datetime.date(2017, 12, 18), "نيويورك"),
])
def test_a_title_that_names_the_speaker_is_the_title(name, lang, date, venue):
    s = read(name)
    assert s.title.line == 1 and s.speaker is None and s.delivery.line == 3
    assert (s.source_lang, s.date, s.venue) == (lang, date, venue)
    assert all(b.kind is BlockKind.PARAGRAPH for b in s.body)


def test_separator_is_a_finding():
    s = read("ru-separator.txt")
    assert found(s) == [("separator", 13)]
    assert [b.line for b in s.body] == [7, 9, 11, 15, 17]


def test_attributed_pull_quote_box_before_its_paragraph():
    s = read("pull-quote-guterres.txt")
    kinds = [(b.kind, b.line) for b in s.body]
    assert kinds == [(BlockKind.PARAGRAPH, 11), (BlockKind.PULL_QUOTE, 13), (BlockKind.ATTRIBUTION, 15),
                     (BlockKind.PARAGRAPH, 18), (BlockKind.PARAGRAPH, 20), (BlockKind.PARAGRAPH, 23)]
    quote, attribution = s.body[1], s.body[2]
    assert quote.text == "We are in a race against time, and we are losing. But it is a race we can win."
    assert attribution.text == "António Guterres, UN Secretary-General"  # the release prints its own dash
    assert found(s) == [("caption-line", 9), ("duplicate-paragraph", 13), ("caption-line", 15), ("web-debris", 22)]
    assert "caption-like line 'António Guterres, UN Secretary-General'" in s.findings[2].message
    assert "line 20" in next(f.message for f in s.findings if f.line == 13)


def test_share_buttons_and_photo_credit_after_the_body():
    s = read("sdgs-web.txt")
    assert s.speaker_name == "Amina J. Mohammed"
    assert texts(s)[-1] == "Thank you."
    assert found(s) == [("web-debris", 17), ("web-debris", 18), ("web-debris", 19), ("caption-line", 20)]


def test_lint_prints_each_finding_with_its_line():
    path = SPEECHES / "pull-quote-guterres.txt"
    result = CliRunner().invoke(cli, ["lint", str(path)])
    statement = read_statement(path)
    assert result.exit_code == 0  # only notes: everything was handled
    assert result.output.splitlines()[5:] == [f.labelled() for f in statement.findings]
    assert f"{path}:22: note: web page debris 'Read more'" in result.output


def test_wrong_weekday_on_the_date_line(tmp_path):
    path = tmp_path / "weekday.txt"
    path.write_text("Title\n\nMonday, 11 October 2017\n\nWe meet today on a Wednesday.\n", encoding="utf-8")
    s = read_statement(path)
    assert s.date == datetime.date(2017, 10, 11)
    assert [(f.code, f.line, f.message) for f in s.findings] == [
        ("date-weekday", 3, "date line names a Monday, but 11 October 2017 was a Wednesday")]


def test_dash_list_and_dash_inside_wrapped_sentence(tmp_path):
    path = tmp_path / "dashes.txt"
    path.write_text("Titre\n\n11 octobre 2017\n\nNous avons trois priorités :\n– renforcer la coopération ;\n"
                    "– protéger les migrants ;\n– mieux compter.\n\nLes personnes les plus jeunes\n"
                    "– en particulier les filles – quittent leur foyer.\n", encoding="utf-8")
    s = read_statement(path)
    assert [(b.kind, b.line) for b in s.body] == [
        (BlockKind.PARAGRAPH, 5), (BlockKind.LIST_ITEM, 6), (BlockKind.LIST_ITEM, 7), (BlockKind.LIST_ITEM, 8),
        (BlockKind.PARAGRAPH, 10)]
    assert s.body[-1].text == "Les personnes les plus jeunes – en particulier les filles – quittent leur foyer."


def test_salutation_is_no_heading_and_a_last_short_line_is_a_paragraph(tmp_path):
    path = tmp_path / "salutation.txt"
    path.write_text("Title\n\n11 October 2017\n\nExcellencies\n\nLadies and gentlemen\n\nPeace and security\n\n"
                    "We meet today for peace.\n\nI thank you\n", encoding="utf-8")
    kinds = [b.kind for b in read_statement(path).body]
    assert kinds == [BlockKind.PARAGRAPH, BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.PARAGRAPH,
                     BlockKind.PARAGRAPH]


def long_statement(paragraphs: int = 500) -> str:
    sentence = "The General Assembly of the United Nations must act together for peace and development"
    body = []
    for number in range(paragraphs):
        if number % 50 == 0:
            body.append(f"Section {number // 50 + 1}")
        body.append(f"{number + 1}. {sentence} in every region ({number}). " * 3)
    return ("Closing of the seventy-second session\n\nAs delivered\n\nStatement by the President of the "
            "General Assembly\n\nNew York, 11 October 2017\n\n" + "\n\n".join(b.strip() for b in body) + "\n")


@pytest.mark.parametrize("separator", ["\n\n", "\n", "\r\n"])
def test_a_long_statement_reads_whole(tmp_path, separator):
    # How fast is for benchmarks/ (make bench), not for a timed test on a shared machine.
    path = tmp_path / "long.txt"
    path.write_text(long_statement().replace("\n\n", separator), encoding="utf-8", newline="")
    statement = read_statement(path)
    assert len(texts(statement)) == 500 and len(texts(statement, BlockKind.HEADING)) == 10
    assert not statement.findings


def test_debris_on_the_next_line_is_not_joined_to_a_wrapped_paragraph(tmp_path):
    path = tmp_path / "debris-after-wrap.txt"
    path.write_text("Title\n\n11 October 2017\n\nWe will bring what we heard today into\nour work ahead.\n"
                    "Share this:\nPrint\n", encoding="utf-8")
    s = read_statement(path)
    assert [b.text for b in s.body] == ["We will bring what we heard today into our work ahead."]
    assert found(s) == [("web-debris", 7), ("web-debris", 8)]


def test_a_wrapped_line_among_single_lines_keeps_the_front_matter_apart(tmp_path):
    # One line-end inside a sentence once made the whole text, title and date included, one paragraph.
    path = tmp_path / "short.txt"
    path.write_text("Statement on International Migrants Day\nAs delivered\n18 December 2017\n"
                    "Today we honour the contribution of migrants, who are the pride of\n"
                    "their communities and of the Member States of the United Nations.\n"
                    "Thank you.\n", encoding="utf-8")
    s = read_statement(path)
    assert s.title.text == "Statement on International Migrants Day" and s.delivery.line == 2
    assert s.date == datetime.date(2017, 12, 18)
    assert [(b.line, b.text[:18]) for b in s.body] == [(4, "Today we honour th"), (6, "Thank you.")]


def test_title_ending_in_its_delivery_note_and_an_attributed_quotation():
    s = read("sg-remarks-as-delivered.txt")
    assert s.title.text == ("Secretary-General's remarks to the Security Council Open Debate "
                            "on Women, Peace and Security")
    assert s.delivery.kind is DeliveryKind.AS_DELIVERED and (s.delivery.text, s.delivery.line) == ("[as delivered]", 1)
    assert (s.date, s.venue) == (datetime.date(2018, 10, 25), "New York")
    assert [b.line for b in s.body if b.kind is BlockKind.PARAGRAPH] == [5, 6, 7, 8, 9, 12]
    quote, attribution = (b for b in s.body if b.kind in (BlockKind.PULL_QUOTE, BlockKind.ATTRIBUTION))
    assert quote.text == "Women's participation is essential to sustainable peace." and quote.line == 10
    assert attribution.text == "Secretary-General António Guterres"
    assert found(s) == [("pull-quote", 10), ("caption-line", 11)]
