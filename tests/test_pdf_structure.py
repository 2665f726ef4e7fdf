"""The PDFs' structure tree read back (pikepdf): logical Arabic text, artifacts, asides, page order, fonts."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

import pikepdf
import pytest

from support.editions import build_edition, read_translations, sample_editions, sample_statement
from toolkit import publishing, rendering
from toolkit.fonts import font_configuration
from toolkit.languages import UN_ORDER
from toolkit.model import TextStatus


@pytest.fixture(scope="module")
def statement():
    return sample_statement(symbol="GA/SM/1234")


@pytest.fixture(scope="module")
def pdfs(statement, tmp_path_factory) -> dict[str, Path]:
    """The six reviewed editions of the sample, typeset with one font configuration."""
    folder = tmp_path_factory.mktemp("structure")
    env, fonts = rendering.make_environment(), font_configuration()
    editions = sample_editions(statement)
    paths = {}
    for code, edition in editions.items():
        paths[code] = folder / f"{code}.pdf"
        paths[code].write_bytes(publishing.write_pdf(rendering.render_edition(env, edition, tuple(editions)),
                                                     fonts=fonts).data)
    return paths


def elements(node):
    """Yield every structure element under `node`, depth first, in reading order."""
    kids = node.get("/K")
    kids = kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []
    for kid in kids:
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/StructElem":
            yield kid
            yield from elements(kid)


def tagged_text(path: Path) -> str:
    """The text a screen reader gets from the tags: /ActualText where there is one."""
    with pikepdf.open(path) as pdf:
        texts = [str(e.ActualText) for e in elements(pdf.Root.StructTreeRoot) if "/ActualText" in e]
    return " ".join(texts)


def plain(text: str) -> str:
    text = "".join(c for c in unicodedata.normalize("NFKC", text) if unicodedata.category(c) != "Cf")
    return re.sub(r"\s+", " ", text).strip()


def test_arabic_structure_tree_holds_the_body_in_logical_order(pdfs):
    text = plain(tagged_text(pdfs["ar"]))
    paragraphs = [plain(t) for t, _ in read_translations("ar").values()]
    # Line by line: each line of a paragraph is one span, so join them back into the paragraph.
    found = [p for p in paragraphs if p in text]
    assert len(found) >= len(paragraphs) - 1, f"{len(paragraphs) - len(found)} paragraphs not in logical order"
    assert "الأمم المتحدة" in text  # and visual order ("ةدحتملا ممألا") nowhere
    assert "ةدحتملا ممألا" not in text


def test_left_to_right_editions_need_no_actual_text(pdfs):
    assert tagged_text(pdfs["en"]) == ""


def page_furniture(path: Path) -> tuple[list[bytes], list[int]]:
    """Return the artifact property lists of page 2 and the MCIDs still marked there."""
    with pikepdf.open(path) as pdf:
        page = pdf.pages[1]
        artifacts, mcids = [], []
        for operands, operator in pikepdf.parse_content_stream(page):
            if operator == pikepdf.Operator("BDC"):
                tag, properties = operands
                if tag == "/Artifact":
                    artifacts.append(str(properties.get("/Subtype")))
                elif "/MCID" in properties:
                    mcids.append(int(properties.MCID))
        return artifacts, mcids


@pytest.mark.parametrize("code", UN_ORDER)
def test_headers_and_footers_are_artifacts(pdfs, code):
    artifacts, mcids = page_furniture(pdfs[code])
    assert artifacts.count("/Header") >= 2 and artifacts.count("/Footer") >= 2, artifacts
    with pikepdf.open(pdfs[code]) as pdf:
        nums = pdf.Root.StructTreeRoot.ParentTree.Nums
        marked = nums[3]  # page 2's MCID-to-element array
        for mcid in mcids:
            assert isinstance(marked[mcid], pikepdf.Dictionary)
    text = subprocess.run(["pdfinfo", "-struct-text", str(pdfs[code])], capture_output=True).stdout.decode(
        "utf-8", "replace")
    # No element in the tree holds page furniture: the footer's disclaimer is nowhere in the tags.
    footer = rendering.load_translations(code).gettext("For information media. Not an official record.")
    assert footer not in text


def header_lines(path: Path, page: int = 2) -> set[float]:
    """The baselines of the text above the body on a page (pdftotext -bbox)."""
    xhtml = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-"],
                           capture_output=True, text=True, check=True).stdout
    tops = {round(float(m.group(1)), 0) for m in re.finditer(r'<word xMin="[\d.]+" yMin="([\d.]+)"', xhtml)}
    return {top for top in tops if top < 22 / 25.4 * 72}  # inside the 24 mm top margin


@pytest.mark.parametrize("code", UN_ORDER)
def test_page_two_header_is_one_line(pdfs, code):
    lines = header_lines(pdfs[code])
    assert lines and max(lines) - min(lines) < 4, f"{code}: header words at {sorted(lines)}"


def test_machine_notice_heads_every_later_page_on_one_line(statement, tmp_path):
    edition = build_edition(statement, "ru", read_translations("ru"), status=TextStatus.MACHINE)
    path = tmp_path / "ru.pdf"
    path.write_bytes(publishing.write_pdf(rendering.render_edition(rendering.make_environment(), edition, UN_ORDER)).data)
    lines = header_lines(path)
    assert lines and max(lines) - min(lines) < 4, sorted(lines)


def test_pull_quote_is_an_aside_a_reader_can_skip(pdfs):
    with pikepdf.open(pdfs["en"]) as pdf:
        root = pdf.Root.StructTreeRoot
        assert root.RoleMap.Aside == "/Div"
        asides = [e for e in elements(root) if e.S == "/Aside"]
        assert len(asides) == 1 and "Pull quote" in str(asides[0].T)
        assert [e for e in elements(asides[0]) if e.S == "/BlockQuote"]


def test_arabic_pages_read_right_to_left(pdfs):
    with pikepdf.open(pdfs["ar"]) as pdf:
        assert pdf.Root.ViewerPreferences.Direction == "/R2L"
    with pikepdf.open(pdfs["en"]) as pdf:
        assert "/Direction" not in pdf.Root.ViewerPreferences


def test_chinese_pdf_is_compact_and_its_text_extracts(pdfs):
    assert pdfs["zh"].stat().st_size <= 150 * 1024
    text = subprocess.run(["pdftotext", str(pdfs["zh"]), "-"], capture_output=True, text=True, check=True).stdout
    text = re.sub(r"\s+", "", text)
    for paragraph, _ in list(read_translations("zh").values())[:5]:
        assert re.sub(r"\s+", "", unicodedata.normalize("NFKC", paragraph))[:20] in unicodedata.normalize("NFKC", text)


def ink(path: Path, page: int = 1) -> int:
    """Count the dark pixels of a page as poppler draws it (a missing font draws nothing)."""
    out = path.with_name(f"{path.stem}-ink")
    subprocess.run(["pdftoppm", "-gray", "-r", "40", "-singlefile", "-f", str(page), "-l", str(page), str(path),
                    str(out)], check=True)
    data = out.with_suffix(".pgm").read_bytes()
    pixels = data.split(b"\n", 3)[3]  # P5, width height, 255, then one byte a pixel
    return sum(1 for value in pixels if value < 200)


def test_compacted_chinese_fonts_still_draw(pdfs):
    """Every CJK glyph is drawn: the page holds about as much ink as the English one."""
    assert ink(pdfs["zh"]) > 0.4 * ink(pdfs["en"])  # 0.65 measured; 0.02 when the CJK faces drew nothing
    fonts = subprocess.run(["pdffonts", str(pdfs["zh"])], capture_output=True, text=True, check=True).stdout
    assert "CID Type 0C" in fonts
