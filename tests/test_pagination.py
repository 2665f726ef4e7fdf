"""Short last pages (#16, item 9), read back from the PDFs' text positions (pdftotext -bbox)."""

from __future__ import annotations

import collections
import re
import subprocess
from pathlib import Path

import pytest

from support.editions import sample_editions, sample_statement
from toolkit import pagination, publishing, rendering
from toolkit.fonts import font_configuration
from toolkit.libraries import import_weasyprint

TOP, BOTTOM = 24 / 25.4 * 72, (297 - 22) / 25.4 * 72  # press.css's page margins, in points


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, Path]:
    """The sample's editions in the languages whose first layout ends on a short page, and two others."""
    folder = tmp_path_factory.mktemp("pagination")
    env, fonts = rendering.make_environment(), font_configuration()
    editions = sample_editions(sample_statement(symbol="GA/SM/1234"))
    paths = {}
    for code in ("en", "fr", "ru", "es", "ar"):
        paths[code] = folder / f"{code}.pdf"
        paths[code].write_bytes(publishing.write_pdf(rendering.render_edition(env, editions[code], tuple(editions)),
                                                     fonts=fonts).data)
    return paths


def page_count(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def body_lines(path: Path, page: int) -> list[float]:
    """The tops of the body's lines on a page (words within 3 pt of each other are one line)."""
    xhtml = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-"],
                           capture_output=True, text=True, check=True).stdout
    tops = sorted(float(m.group(1)) for m in re.finditer(r'<word xMin="[\d.]+" yMin="([\d.]+)"', xhtml))
    lines: list[float] = []
    for top in tops:
        if TOP < top < BOTTOM and (not lines or top - lines[-1] > 3):
            lines.append(top)
    return lines


def leading(path: Path) -> float:
    """The commonest distance between one body line and the next on page 1, in points."""
    lines = body_lines(path, 1)
    return collections.Counter(round(b - a, 1) for a, b in zip(lines, lines[1:])).most_common(1)[0][0]


@pytest.mark.parametrize("code", ["es", "fr", "ar"])
def test_a_short_tail_is_pulled_back_onto_the_page_before(pdfs, code):
    # At the press.css setting these end with 4 to 9 lines on a third page.
    assert page_count(pdfs[code]) == 2
    assert len(body_lines(pdfs[code], 2)) >= pagination.SHORT_TAIL


@pytest.mark.parametrize("code", ["en", "fr", "ru", "es", "ar"])
def test_no_last_page_holds_a_short_tail(pdfs, code):
    pages = page_count(pdfs[code])
    assert pages == 1 or len(body_lines(pdfs[code], pages)) >= pagination.SHORT_TAIL


def test_a_release_is_set_tighter_only_where_that_saves_a_page(pdfs):
    # 11 pt type on 1.5 leading (press.css) where the first layout stands: en fits two pages,
    # ru's third page is long enough; es was set tighter to save its third page, not much tighter.
    assert leading(pdfs["en"]) == pytest.approx(16.5, abs=0.2)
    assert leading(pdfs["ru"]) == pytest.approx(16.5, abs=0.2)
    assert 11 * 1.4 - 0.2 <= leading(pdfs["es"]) < 16.3


def test_a_tail_no_setting_can_save_keeps_the_first_layout():
    weasyprint = import_weasyprint()
    html = ('<html lang="en"><body><p>One.</p><p style="break-before: page">Two.</p></body></html>')
    page = weasyprint.HTML(string=html, base_url=".")
    document, step = pagination.render_fitted(page, font_config=font_configuration())
    assert (len(document.pages), step) == (2, None)
    assert pagination.body_lines(document.pages[-1]) == 1
    assert page.etree_element.get("data-fit") is None  # nothing left on the page for later layouts
