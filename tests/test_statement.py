"""The reader on the sample, on the variants real statements come in, and on bad input."""

import datetime
from pathlib import Path

import pytest

from toolkit.errors import StatementError
from toolkit.model import BlockKind, DeliveryKind
from toolkit.statement import guess_language, parse_date, read_statement

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "speeches" / "closing-second-multistakeholder-hearing.txt"
ORIGINAL = ROOT.parent / "shared" / "samples" / "closing-second-multistakeholder-hearing.txt"
DATA = Path(__file__).parent / "data"
QUOTE = "The beauty and strength of multilateralism is in learning from each other"


def sample_paragraph_lines():
    """The sample's body paragraphs as they are in the file: every non-empty line after the speaker."""
    lines = [line.strip() for line in SAMPLE.read_text(encoding="utf-8").splitlines()[5:]]
    return [line for line in lines if line][3:]


@pytest.fixture(scope="module")
def sample():
    return read_statement(SAMPLE)


def test_sample_front_matter(sample):
    assert sample.title.text == "Closing of Second informal interactive multi-stakeholder hearing"
    assert sample.delivery.kind is DeliveryKind.AS_DELIVERED
    assert sample.speaker.text.startswith("Closing statement by H.E. Mr. Miroslav Lajčák")
    assert sample.date == datetime.date(2017, 10, 11)
    assert sample.venue == "New York"
    assert sample.source_lang == "en"
    assert sample.slug == "closing-second-multistakeholder-hearing"
    assert sample.speaker_name == "Miroslav Lajčák"  # the name only (#14), as the PDF author


@pytest.mark.parametrize("line, name", [
    ("Statement by the Secretary-General on International Migrants Day", "the Secretary-General"),
    ("Address by the Minister for Foreign Affairs of Mexico", "the Minister for Foreign Affairs of Mexico"),
    ("Remarks by Ms. Amina J. Mohammed at the opening of the session", "Ms. Amina J. Mohammed"),
])
def test_speaker_name(line, name):
    from toolkit.statement import speaker_name

    assert speaker_name(line) == name


def test_sample_text_unchanged_from_shared_copy():
    if not ORIGINAL.exists():
        pytest.skip("shared/ is not beside this checkout")
    text = SAMPLE.read_text(encoding="utf-8")
    assert text.split("---\n", 2)[2] == ORIGINAL.read_text(encoding="utf-8")


def test_sample_body_once_in_order_with_pull_quote(sample):
    paragraphs = [b for b in sample.body if b.kind is BlockKind.PARAGRAPH]
    expected = [line for line in sample_paragraph_lines()
                if line != "President of the UN General Assembly"]
    # the repeated paragraph is a pull quote, not a second body paragraph
    del expected[max(i for i, line in enumerate(expected) if line.startswith(QUOTE))]
    assert [p.text for p in paragraphs] == expected
    assert paragraphs[0].text.startswith("Excellencies, Distinguished Delegates")
    assert paragraphs[-1].text == "Thank you for your participation."
    assert sum(p.text.startswith(QUOTE) for p in paragraphs) == 1
    quote, attribution = [b for b in sample.body if b.kind in (BlockKind.PULL_QUOTE, BlockKind.ATTRIBUTION)]
    assert quote.kind is BlockKind.PULL_QUOTE and quote.text.startswith(QUOTE) and quote.line == 36
    assert attribution.kind is BlockKind.ATTRIBUTION and attribution.text == "President of the UN General Assembly"
    assert attribution.line == 39


def test_sample_findings_name_lines(sample):
    found = {(f.code, f.line) for f in sample.findings}
    assert found == {("duplicate-paragraph", 36), ("caption-line", 39)}
    assert "line 32" in next(f.message for f in sample.findings if f.line == 36)


def test_block_lines_point_at_the_source(sample):
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    for block in sample.blocks():
        assert lines[block.line - 1].strip().replace("\u00a0", " ") == block.text


def test_crlf_bom_and_nbsp_read_like_the_sample(tmp_path, sample):
    raw = SAMPLE.read_text(encoding="utf-8")
    variant = "\ufeff" + raw.replace("Thank you for participating", "Thank\u00a0you for participating")
    path = tmp_path / "closing-second-multistakeholder-hearing.txt"
    path.write_bytes(variant.replace("\n", "\r\n").encode("utf-8"))
    statement = read_statement(path)
    assert [b.text for b in statement.blocks()] == [b.text for b in sample.blocks()]
    assert [b.line for b in statement.blocks()] == [b.line for b in sample.blocks()]


def test_check_against_delivery_with_date_line():
    s = read_statement(DATA / "speeches" / "check-against-delivery.txt")
    assert s.title.text == "Remarks at the opening of the High-level Meeting on Refugees"
    assert s.delivery.kind is DeliveryKind.CHECK_AGAINST_DELIVERY
    assert s.speaker.text.startswith("Statement by the President")
    assert s.date == datetime.date(2016, 9, 19) and s.venue == "New York"
    assert [b.text for b in s.body][-1] == "Thank you."
    assert all(b.kind is BlockKind.PARAGRAPH for b in s.body)
    assert not s.findings


def test_no_title_as_prepared_single_newlines_and_bullets():
    s = read_statement(DATA / "speeches" / "no-title-as-prepared.txt")
    assert s.title is None
    assert s.delivery.kind is DeliveryKind.AS_PREPARED
    kinds = [(b.kind, b.text) for b in s.body]
    assert kinds[:3] == [
        (BlockKind.PARAGRAPH, "Excellencies,"),
        (BlockKind.PARAGRAPH, "It is an honour to address the Committee today."),
        (BlockKind.PARAGRAPH, "We have three priorities for this session."),
    ]
    assert [text for kind, text in kinds if kind is BlockKind.LIST_ITEM] == [
        "Strengthen cooperation between regions", "Protect the rights of all migrants", "Make data count"]
    assert [f.code for f in s.findings] == ["missing-date"]


def test_as_translated_from_spanish_and_us_date():
    s = read_statement(DATA / "speeches" / "as-translated.txt")
    assert s.title is None
    assert s.delivery.kind is DeliveryKind.AS_TRANSLATED and s.delivery.language == "es"
    assert s.speaker.text == "Address by the Minister for Foreign Affairs of Mexico"
    assert s.date == datetime.date(2017, 10, 11)
    assert len(s.body) == 2


def test_front_matter_on_single_lines():
    s = read_statement(DATA / "speeches" / "single-newlines.txt")
    assert s.title.text == "Statement on International Migrants Day"
    assert s.delivery.kind is DeliveryKind.AS_DELIVERED
    assert s.speaker.text.startswith("Statement by the Secretary-General")
    assert s.date == datetime.date(2017, 12, 18)
    assert [b.line for b in s.body] == [5, 6, 7]


def test_header_block_without_delivery_note():
    s = read_statement(DATA / "speeches" / "no-delivery-note.txt")
    assert s.delivery is None
    assert s.title.line == 6
    assert (s.date, s.venue, s.symbol) == (datetime.date(2018, 7, 13), "New York", "GA/12045")


def test_photo_caption_is_a_finding_not_text():
    s = read_statement(DATA / "speeches" / "photo-caption.txt")
    assert "UN Photo/Manuel Elias" not in [b.text for b in s.blocks()]
    assert [(f.code, f.line) for f in s.findings] == [("caption-line", 11)]


@pytest.mark.parametrize("name, message", [
    ("empty.txt", "the file is empty"),
    ("blank.txt", "the file is empty"),
    ("cp1252.txt", "cp1252.txt:3: is not UTF-8"),
    ("binary.txt", "binary file"),
    ("no-body.txt", "no body"),
    ("only-web-debris.txt", "only-web-debris.txt:7: the statement has no body"),
    ("bad-date.txt", "bad-date.txt:2: cannot read the date"),
    ("unknown-header.txt", "unknown-header.txt:2: unknown header line"),
    ("unclosed-header.txt", "never closed"),
])
def test_bad_input_is_one_clear_error(name, message):
    with pytest.raises(StatementError) as info:
        read_statement(DATA / "bad" / "speeches" / name)
    text = info.value.format_message()
    assert message in text and name in text and "\n" not in text


def test_missing_path_and_directory(tmp_path):
    with pytest.raises(StatementError, match="no such file"):
        read_statement(tmp_path / "nope.txt")
    with pytest.raises(StatementError, match="is a directory"):
        read_statement(tmp_path)


@pytest.mark.parametrize("text, expected", [
    ("11 October 2017", datetime.date(2017, 10, 11)),
    ("New York, 11 October 2017", datetime.date(2017, 10, 11)),
    ("Wednesday, 11 October 2017", datetime.date(2017, 10, 11)),
    ("October 11, 2017", datetime.date(2017, 10, 11)),
    ("2017-10-11", datetime.date(2017, 10, 11)),
    ("31 February 2017", None),
    ("We met on 11 October 2017 to talk.", None),
])
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text, lang", [
    ("Nous sommes réunis aujourd’hui pour le pacte mondial et les migrations dans la dignité.", "fr"),
    ("Estamos reunidos hoy para el pacto mundial y la migración de las personas.", "es"),
    ("Мы собрались сегодня, чтобы обсудить глобальный договор о миграции.", "ru"),
    ("我们今天聚集在这里讨论移民问题。", "zh"),
    ("نجتمع اليوم لمناقشة الاتفاق العالمي من أجل الهجرة", "ar"),
    ("We meet today to discuss the global compact for migration.", "en"),
])
def test_guess_language(text, lang):
    assert guess_language(text) == lang


def test_control_characters_are_dropped(tmp_path):
    path = tmp_path / "controls.txt"
    path.write_text("Title\n\nBody with a \x0c form feed and \x04 here.\n\nMore text follows.\n", encoding="utf-8")
    statement = read_statement(path)
    assert statement.body[0].text == "Body with a form feed and here."
    assert statement.body[0].line == 3
