"""Proofing: every paragraph reaches its PDF, or the publish stops (issue #15, item 6).

The PDFs are real (WeasyPrint) and read back as a distributor reads them: pdftotext.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from support.translators import FakeTranslator
from toolkit import proofing, publishing
from toolkit.cli import cli
from toolkit.commands.publish import publish
from toolkit.config import load_config
from toolkit.errors import TypesetError
from toolkit.rendering.words import LONG_RUN, break_long_runs

HEAD = "Remarks to the Council on water\n\nNew York, 3 March 2026\n\nA short first paragraph.\n\n"


def page(body: str, style: str = "") -> str:
    return (f'<!DOCTYPE html><html lang="en"><head><title>t</title><style>{style}</style></head>'
            f"<body><main>{body}</main></body></html>")


def pdf_words(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "read.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True, text=True).stdout


def workspace(root: Path, speech: str) -> Path:
    (root / "speeches").mkdir(parents=True)
    (root / "speeches" / "water.txt").write_text(speech, encoding="utf-8")
    return root


def test_a_paragraph_clipped_at_the_page_edge_stops_the_pdf():
    # white-space: nowrap lays the paragraph out as one line far wider than the page: WeasyPrint
    # clips it there, and the PDF would hold a few words of it.
    html = page("<p>Before it.</p><p class='long'>" + "word " * 2000 + "</p><p>After it.</p>",
                "p.long { white-space: nowrap }")
    with pytest.raises(TypesetError, match=r"the paragraph beginning 'word word .*' has 8,000 characters, \d+ of"):
        publishing.write_pdf(html, variant=None)


def test_a_page_whose_text_is_all_drawn_passes_and_blocks_without_boxes_are_not_checked(tmp_path):
    html = page("<p>Before it.</p><p style='display: none'>Not printed at all.</p>"
                "<ul><li>An item <b>with bold</b> text.</li></ul><p>After it, " + "long " * 400 + "</p>")
    pdf = publishing.write_pdf(html, variant=None)
    assert "An item with bold text." in pdf_words(pdf.data, tmp_path)


def test_shortfalls_count_what_runs_past_the_edge_by_its_share():
    import weasyprint

    html = weasyprint.HTML(string=page("<p style='white-space: nowrap'>" + "abcd " * 400 + "</p>"))
    missing = proofing.shortfalls(html.render(), html.etree_element)
    assert len(missing) == 1 and missing[0].expected == 1600 and 0 < missing[0].drawn < 400


def test_a_200000_character_paragraph_reaches_the_pdf_whole(tmp_path):
    words = [f"w{number:05d}" for number in range(1, 40000)]
    paragraph = " ".join(words)[:200_000].rsplit(" ", 1)[0]
    assert len(paragraph) > 199_990
    root = workspace(tmp_path / "ws", HEAD + paragraph + "\n\nA last paragraph.\n")
    publish(load_config(root, {"languages": "en"}), (), translator=FakeTranslator())
    pdf = (root / "output" / "water" / "en.pdf").read_bytes()
    printed = re.findall(r"w\d{5}", pdf_words(pdf, tmp_path))
    assert printed == paragraph.split()  # every word, once, in order
    assert "A last paragraph." in pdf_words(pdf, tmp_path)


@pytest.mark.parametrize("run", ["x" * 3000, "вф" * 40])
def test_a_long_run_after_an_inline_element_is_broken_not_clipped(tmp_path, run):
    # "3 March" is tied (<span class="nobr">) and the Arabic word isolated (<span dir="rtl">):
    # WeasyPrint never breaks a long run right after an inline element.
    text = f"On 3 March, طد{run} was said."
    root = workspace(tmp_path / "ws", HEAD + text + "\n")
    publish(load_config(root, {"languages": "en fr"}), (),
            translator=FakeTranslator(translate=lambda t, s, g: f"Le 3 mars, طد{run} fut dit." if run in t else ""))
    for lang in ("en", "fr"):
        html = (root / "output" / "water" / f"{lang}.html").read_text(encoding="utf-8")
        assert "<wbr>" in html
        printed = "".join(pdf_words((root / "output" / "water" / f"{lang}.pdf").read_bytes(), tmp_path).split())
        assert printed.count(run[:2]) == len(run) // 2, lang  # all of it, across pages (footers between)


def test_break_long_runs_leaves_tags_entities_words_chinese_and_arabic_alone():
    assert break_long_runs('<a href="https://example.org/' + "a" * 80 + '">x</a>') == \
        '<a href="https://example.org/' + "a" * 80 + '">x</a>'
    assert break_long_runs("Intergovernmental organizations &amp; internationalisation") == \
        "Intergovernmental organizations &amp; internationalisation"
    assert "<wbr>" not in break_long_runs("中" * 100) and "<wbr>" not in break_long_runs("ب" * 100)
    broken = break_long_runs("&amp;" * 40)
    assert broken.replace("<wbr>", "") == "&amp;" * 40 and "&am<wbr>" not in broken
    assert [len(part) for part in break_long_runs("y" * 70).split("<wbr>")] == [LONG_RUN, LONG_RUN, 70 - 2 * LONG_RUN]


def test_the_cli_says_which_edition_lacks_text_in_one_line_and_writes_no_output(tmp_path, monkeypatch):
    root = workspace(tmp_path / "ws", HEAD + "A paragraph.\n")
    monkeypatch.setattr(proofing, "shortfalls", lambda document, root: [proofing.Shortfall("A paragraph.", 11, 3)])
    result = CliRunner().invoke(cli, ["-C", str(root), "publish", "--lang", "en", "--jobs", "1"])
    assert result.exit_code != 0
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert lines[-1].startswith("Error: water [en]: the PDF would lack text: the paragraph beginning 'A paragraph.'")
    assert "Traceback" not in result.output and not (root / "output").exists()
