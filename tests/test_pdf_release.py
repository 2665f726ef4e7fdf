"""The PDFs as a press office gets them: fonts, metadata, text, page boxes, notices, coverage.

Every PDF is rendered once per module; assertions read it back with poppler (pdffonts,
pdfinfo, pdftotext) and fontTools, never by comparing bytes.
"""

from __future__ import annotations

import logging
import re
import subprocess
import unicodedata
import zlib
from collections import Counter
from pathlib import Path

import pytest

from support.editions import build_edition, read_translations, sample_editions, sample_statement
from support import fonts
from toolkit import __version__, publishing, rendering
from toolkit import fonts as toolkit_fonts
from toolkit.languages import LANGUAGES, UN_ORDER
from toolkit.model import TextStatus

pytestmark = pytest.mark.skipif(
    subprocess.run(["sh", "-c", "command -v pdftotext pdffonts pdfinfo"], capture_output=True).returncode,
    reason="poppler-utils is not installed (scripts/system-deps.sh)")

DATES = {"ar": "11 تشرين الأول/أكتوبر 2017", "zh": "2017年10月11日", "en": "11 October 2017",
         "fr": "11 octobre 2017", "ru": "11 октября 2017 года", "es": "11 de octubre de 2017"}
SYMBOL = "GA/SM/1234"
A4_WIDTH = 595.3
# The text area of the page: A4 less the 24 mm and 22 mm margins that hold the page boxes.
BODY_CROP = ["-r", "72", "-x", "0", "-y", "66", "-W", "596", "-H", "710"]


@pytest.fixture(scope="module")
def statement():
    return sample_statement(symbol=SYMBOL)


class _Records(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


@pytest.fixture(scope="module")
def weasyprint_warnings():
    """WeasyPrint's warnings while the module's PDFs are typeset (.notdef glyphs, bad CSS)."""
    records = _Records()
    logging.getLogger("weasyprint").addHandler(records)
    yield records.messages
    logging.getLogger("weasyprint").removeHandler(records)


@pytest.fixture(scope="module")
def pdfs(statement, tmp_path_factory, weasyprint_warnings) -> dict[str, Path]:
    """The six reviewed editions of the sample, typeset once."""
    folder = tmp_path_factory.mktemp("pdf")
    env = rendering.make_environment()
    editions = sample_editions(statement)
    paths = {}
    for code, edition in editions.items():
        html = rendering.render_edition(env, edition, tuple(editions))
        paths[code] = folder / f"{code}.pdf"
        paths[code].write_bytes(publishing.write_pdf(html).data)
    return paths


def test_typesetting_warns_of_nothing(pdfs, weasyprint_warnings):
    # A .notdef glyph (a box) or a stylesheet rule WeasyPrint drops would show here.
    assert weasyprint_warnings == []


@pytest.fixture(scope="module")
def unreviewed(statement, tmp_path_factory) -> dict[str, Path]:
    """Machine editions (Arabic, French, Chinese) with two blocks left untranslated."""
    folder = tmp_path_factory.mktemp("unreviewed")
    env = rendering.make_environment()
    left_out = {statement.body[2].text, statement.body[9].text}
    paths = {}
    for code in ("ar", "fr", "zh"):
        translations = {k: v for k, v in read_translations(code).items() if k not in left_out}
        edition = build_edition(statement, code, translations, status=TextStatus.MACHINE)
        html = rendering.render_edition(env, edition, UN_ORDER)
        paths[code] = folder / f"{code}.pdf"
        paths[code].write_bytes(publishing.write_pdf(html).data)
    return paths


def run(*command) -> str:
    return subprocess.run([str(c) for c in command], capture_output=True, text=True, check=True).stdout


def page_count(path: Path) -> int:
    return int(re.search(r"^Pages:\s+(\d+)", run("pdfinfo", path), re.M).group(1))


def page_texts(path: Path) -> list[str]:
    return [run("pdftotext", "-f", n, "-l", n, path, "-") for n in range(1, page_count(path) + 1)]


def words_with_boxes(path: Path, page: int) -> list[tuple[str, float, float]]:
    """Return (text, xMin, yMin) of every word pdftotext finds on a page (glyphs in visual order)."""
    xml = run("pdftotext", "-bbox", "-f", page, "-l", page, path, "-")
    return [(w, float(x), float(y)) for x, y, w in
            re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)</word>', xml)]


def normalize(text: str, code: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")  # poppler's bidi embeddings
    return re.sub(r"\s+", "" if code == "zh" else " ", text).strip()


def arabic_words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text)
    # Digits apart from letters: poppler's bidi guess moves the space beside a number in an
    # Arabic line ("18 كانون" comes out as " 18كانون"); the structure tree has the real text.
    return re.findall(r"\d+|[^\W\d_]+", "".join(c for c in text if unicodedata.category(c) not in ("Mn", "Cf")))


def contains_arabic(document: list[str], paragraph: str) -> bool:
    """Find a paragraph's words in order in the document's words.

    A paragraph with vowel marks (harakat) is only checked word by word, in any order:
    WeasyPrint raises a mark with a text rise, which poppler reads as another line and so
    reorders the lines around it, and it maps a mark's glyph to its whole cluster
    (Kozea/WeasyPrint#2841), which garbles the marked word itself.
    """
    if any(unicodedata.category(c) == "Mn" for c in paragraph):
        plain = [w for word in paragraph.split() if not any(unicodedata.category(c) == "Mn" for c in word)
                 for w in arabic_words(word)]
        return not Counter(plain) - Counter(document)
    words = arabic_words(paragraph)
    return any(document[i:i + len(words)] == words for i in range(len(document) - len(words) + 1))


# --- fonts -------------------------------------------------------------------------------


@pytest.mark.parametrize("code", UN_ORDER)
def test_every_font_is_embedded_and_subset(pdfs, code):
    lines = run("pdffonts", pdfs[code]).splitlines()[2:]
    assert lines
    for line in lines:
        name, *_, emb, sub, uni, _object, _generation = line.split()
        assert (emb, sub, uni) == ("yes", "yes", "yes"), line
        assert re.match(r"[A-Z]{6}\+", name), line


def test_chinese_uses_simplified_chinese_faces_with_a_real_bold(pdfs):
    names = [line.split()[0] for line in run("pdffonts", pdfs["zh"]).splitlines()[2:]]
    assert any(name.endswith("+Noto-Serif-CJK-SC") for name in names)
    assert any(name.endswith("+Noto-Serif-CJK-SC-Bold") for name in names)
    assert not [name for name in names if re.search(r"CJK-(JP|KR|TC|HK)", name)]


def test_arabic_uses_naskh(pdfs):
    names = [line.split()[0] for line in run("pdffonts", pdfs["ar"]).splitlines()[2:]]
    assert any(name.endswith("+Noto-Naskh-Arabic") for name in names)
    assert any(name.endswith("+Noto-Naskh-Arabic-Bold") for name in names)


def test_chinese_pdf_is_small(pdfs):
    assert pdfs["zh"].stat().st_size < 400 * 1024


def edition_text(edition) -> str:
    return "".join(block.text for block in edition.blocks())


@pytest.fixture(scope="module")
def coverage():
    return fonts.Coverage()


@pytest.mark.parametrize("code", UN_ORDER)
def test_every_character_has_a_glyph_in_the_chosen_fonts(statement, coverage, code):
    language = LANGUAGES[code]
    translations = rendering.load_translations(code)
    template_words = [translations.gettext(m) for m in translations._catalog if isinstance(m, str) and m]
    text = edition_text(sample_editions(statement)[code]) + "".join(template_words) + DATES[code] + SYMBOL
    for bold in (False, True):
        faces = fonts.find_stack(language.fonts, bold=bold)
        assert len(faces) == len(language.fonts), f"{code}: fonts missing: {language.fonts}"
        missing = coverage.missing(text, faces)
        assert not missing, f"{code}: no glyph for {sorted(missing)} in {[f.family for f in faces]}"


def test_coverage_check_finds_missing_glyphs(coverage):
    latin = fonts.find_stack(("Noto Serif",))
    assert coverage.missing("Paix 和平 سلام", latin) == {"和", "平", "س", "ل", "ا", "م"}
    assert fonts.find_face("No Such Font Family") is None


# --- metadata ----------------------------------------------------------------------------


def catalog_lang(path: Path) -> str:
    """Return the document catalog's /Lang, looking inside compressed object streams."""
    data = path.read_bytes()
    found = re.findall(rb"/Lang\s*\(([^)]*)\)", data)
    for match in re.finditer(rb"stream\r?\n", data):
        try:
            found += re.findall(rb"/Lang\s*\(([^)]*)\)", zlib.decompressobj().decompress(data[match.end():]))
        except zlib.error:
            continue
    assert len(set(found)) == 1, found
    return found[0].decode()


@pytest.mark.parametrize("code", UN_ORDER)
def test_pdf_language(pdfs, code):
    assert catalog_lang(pdfs[code]) == LANGUAGES[code].tag


AUTHORS = {"ar": "معالي السيد ميروسلاف لايتشاك", "zh": "米罗斯拉夫·莱恰克", "en": "Miroslav Lajčák",
           "fr": "S. E. M. Miroslav Lajčák", "ru": "Miroslav Lajčák", "es": "Excmo. Sr. Miroslav Lajčák"}


@pytest.mark.parametrize("code", UN_ORDER)
def test_document_metadata(pdfs, statement, code):
    info = dict(re.findall(r"^(\w[\w ]*?):\s+(.*)$", run("pdfinfo", pdfs[code]), re.M))
    edition = sample_editions(statement)[code]
    assert info["Title"] == edition.title.text
    # The speaker as the edition's reviewed speaker line names them; Russian names them in the
    # genitive ("г‑на Мирослава Лайчака"), so it keeps the statement's own: the name only (#14).
    assert info["Author"] == AUTHORS[code]
    assert info["Subject"] == rendering.summarize(edition.speaker.text)
    assert info["Creator"] == f"presskit {__version__}"
    assert info["Tagged"] == "yes"
    assert "(A4)" in info["Page size"]
    xmp = run("pdfinfo", "-meta", pdfs[code])
    assert 'pdfuaid:part="1"' in xmp


# --- text --------------------------------------------------------------------------------


@pytest.mark.parametrize("code", [c for c in UN_ORDER if c != "en"])
def test_text_holds_the_reviewed_paragraphs(pdfs, code):
    body = run("pdftotext", *BODY_CROP, pdfs[code], "-")
    missing = []
    if code == "ar":
        document = arabic_words(body)
        missing = [t for t, _ in read_translations(code).values() if not contains_arabic(document, t)]
    else:
        # In content order (-raw): poppler's default reading drops the hyphen of a compound
        # broken at a line end ("par-delà" comes out "pardelà"), which the PDF holds. The
        # hyphen must be there; only the line break after it goes.
        body = re.sub(r"(?<=\w-)\n(?=\w)", "", run("pdftotext", "-raw", *BODY_CROP, pdfs[code], "-"))
        document = normalize(body, code)
        missing = [t for t, _ in read_translations(code).values() if normalize(t, code) not in document]
    assert not missing, f"{code}: {len(missing)} paragraphs not found, first: {missing[0][:80]}"


@pytest.mark.parametrize("code", UN_ORDER)
def test_text_holds_the_localized_date_and_page_labels(pdfs, code):
    # Spaces next to digits move about in poppler's right-to-left lines: compare without spaces.
    pages = [normalize(text, "zh") for text in page_texts(pdfs[code])]
    # The "·" between date and venue is a neutral that poppler moves into the Arabic date's
    # digits when it extracts a right-to-left line; the page itself reads correctly.
    assert normalize(DATES[code], "zh") in pages[0].replace("·", "")
    translations = rendering.load_translations(code)
    label = translations.gettext("Page %(page)s of %(pages)s")
    disclaimer = normalize(translations.gettext("For information media. Not an official record."), "zh")
    for number, text in enumerate(pages, start=1):
        assert normalize(label % {"page": number, "pages": len(pages)}, "zh") in text, f"{code} page {number}"
        assert disclaimer in text, f"{code} page {number}"


@pytest.mark.parametrize("code", [c for c in UN_ORDER if c != "en"])
def test_no_english_template_word_on_other_pages(pdfs, unreviewed, code):
    translations = rendering.load_translations(code)
    english = [m for m in translations._catalog if isinstance(m, str) and len(m) > 3 and translations.gettext(m) != m]
    # "Page %(page)s of %(pages)s" is English as "Page 1 of 3", not as the French "Page 1 sur 3".
    phrases = [re.compile(r"\S+".join(map(re.escape, re.split(r"%\(\w+\)s", m)))) for m in english]
    phrases.append(re.compile("October"))
    for path in [pdfs[code], unreviewed.get(code)]:
        if path is None:
            continue
        text = " ".join(page_texts(path))
        if path in unreviewed.values():
            # Untranslated blocks are English on purpose; only the template's words count.
            text = re.sub(r"[A-Za-z’',.;:\-–—“”()\s]{40,}", " ", text)
        found = [p.pattern for p in phrases if p.search(text)]
        assert not found, f"{code}: English template words {found}"


# --- layout ------------------------------------------------------------------------------


def find_word(words, word: str, rtl: bool = False):
    wanted = word[::-1] if rtl else word  # poppler gives right-to-left glyphs in visual order
    return next((x, y) for text, x, y in words if text.strip(".,:·") == wanted)


def test_arabic_runs_right_to_left_and_is_right_aligned(pdfs):
    words = words_with_boxes(pdfs["ar"], 1)
    first, second = find_word(words, "اختتام", rtl=True), find_word(words, "جلسة", rtl=True)
    assert abs(first[1] - second[1]) < 2 and first[0] > second[0]  # same line, first word to the right
    assert max(x for _, x, y in words if abs(y - first[1]) < 2) > A4_WIDTH / 2 + 150  # starts at the right


def test_header_and_footer_are_mirrored_in_arabic(pdfs):
    for code, symbol_side in (("ar", "right"), ("en", "left")):
        words = words_with_boxes(pdfs[code], 2)
        top = [(t, x) for t, x, y in words if y < 60]
        bottom = [(t, x) for t, x, y in words if y > 780]
        symbol_x = next(x for t, x in top if t == SYMBOL)
        assert (symbol_x > A4_WIDTH / 2) == (symbol_side == "right"), code
        page_number = next(x for t, x in bottom if t == "2")
        assert (page_number < A4_WIDTH / 2) == (symbol_side == "right"), code
        year = next(x for t, x in top if t.startswith("2017"))
        assert (year < A4_WIDTH / 2) == (symbol_side == "right"), code


def test_symbol_keeps_its_order_in_arabic(pdfs):
    for page in (1, 2):
        assert SYMBOL in [text for text, _, _ in words_with_boxes(pdfs["ar"], page)]


# --- notices -----------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["ar", "fr", "zh"])
def test_unreviewed_notice_on_every_page(unreviewed, code):
    notice = rendering.load_translations(code).gettext("Unofficial machine translation, not yet reviewed")
    pages = page_texts(unreviewed[code])
    assert len(pages) >= 2
    for number, text in enumerate(pages, start=1):
        if code == "ar":
            assert contains_arabic(arabic_words(text), notice), f"page {number}"
        else:
            assert normalize(notice, code) in normalize(text, code), f"page {number}"


@pytest.mark.parametrize("code", UN_ORDER)
def test_reviewed_editions_carry_no_notice(pdfs, code):
    notice = rendering.load_translations(code).gettext("Unofficial machine translation, not yet reviewed")
    assert normalize(notice, code) not in normalize(" ".join(page_texts(pdfs[code])), code)


@pytest.mark.parametrize("code", ["ar", "fr", "zh"])
def test_untranslated_blocks_are_marked(unreviewed, statement, code):
    mark = rendering.load_translations(code).gettext("Original text, not yet translated")
    text = " ".join(page_texts(unreviewed[code]))
    if code == "ar":
        assert contains_arabic(arabic_words(text), mark)
    else:
        assert normalize(mark, code) in normalize(text, code)
    assert "We heard about people turning to smugglers in their" in normalize(text, "en")


# --- machinery ---------------------------------------------------------------------------


def test_typesetting_fetches_nothing(statement):
    import weasyprint

    fetched = []

    def recorder(url, **options):
        fetched.append(url)
        raise ValueError(url)

    html = rendering.render_edition(rendering.make_environment(), sample_editions(statement)["ar"], UN_ORDER)
    weasyprint.HTML(string=html, url_fetcher=recorder, base_url=".").render()
    assert fetched == []


def test_missing_harfbuzz_subsetter_is_a_loud_warning(monkeypatch, caplog):
    monkeypatch.setattr(toolkit_fonts, "has_harfbuzz_subset", lambda: False)
    with caplog.at_level(logging.WARNING, logger="toolkit"):
        publishing.write_pdf("<html lang='zh-Hans'><meta charset='utf-8'><p>和平</p></html>")
    assert any("libharfbuzz-subset0" in r.getMessage() and r.levelno == logging.WARNING for r in caplog.records)


def test_this_machine_has_the_harfbuzz_subsetter():
    assert toolkit_fonts.has_harfbuzz_subset(), "install libharfbuzz-subset0 (scripts/system-deps.sh)"


def test_missing_harfbuzz_subsetter_is_said_once_per_run(tmp_path, monkeypatch):
    import shutil

    from click.testing import CliRunner

    from toolkit.cli import cli

    monkeypatch.setattr(toolkit_fonts, "has_harfbuzz_subset", lambda: False)
    sample = Path(__file__).resolve().parent.parent / "speeches" / "closing-second-multistakeholder-hearing.txt"
    (tmp_path / "speeches").mkdir()
    for name in ("one.txt", "two.txt"):
        shutil.copy(sample, tmp_path / "speeches" / name)
    result = CliRunner().invoke(cli, ["-C", str(tmp_path), "publish", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "output" / "one" / "en.pdf").exists() and (tmp_path / "output" / "two" / "en.pdf").exists()
    assert result.output.count("HarfBuzz's font subsetter") == 1
