"""Corrections (#9): a statement issued final that changes is issued again as version 2, with a
localized notice in six languages; version 1 stays under output/<slug>/v1/, byte for byte.

Read back as distributors read it: text extracted from the PDFs (pdftotext), the HTML tree
(lxml), the manifest (json), the feeds (feedparser).
"""

from __future__ import annotations

import datetime
import json
import shutil
import subprocess
import unicodedata
from pathlib import Path

import feedparser
import pikepdf
import pytest
from click.testing import CliRunner
from lxml import html as lxml_html

from support.translators import FakeTranslator
from toolkit import catalogs
from toolkit.cli import cli
from toolkit.commands.publish import publish
from toolkit.config import load_config
from toolkit.errors import ExitStatus, PresskitError, ReviewError
from toolkit.languages import UN_ORDER
from toolkit.publishing import PROVENANCE_NS

ROOT = Path(__file__).resolve().parent.parent
SLUG = "closing-second-multistakeholder-hearing"
SAMPLE = ROOT / "speeches" / f"{SLUG}.txt"
MOMENT = datetime.datetime(2026, 11, 30, 9, 15, tzinfo=datetime.timezone.utc)
LATER = datetime.datetime(2026, 12, 1, 16, 40, tzinfo=datetime.timezone.utc)
LAST = datetime.datetime(2026, 12, 2, 8, 5, tzinfo=datetime.timezone.utc)
CHANGED_FROM = "The aim of today was to engage, to listen, and to learn. We did all of that."
CHANGED_TO = "The aim of today was to engage, to listen, and to act. We did all of that."
TAGS = {"ar": "ar", "zh": "zh-Hans", "en": "en", "fr": "fr", "ru": "ru", "es": "es"}
# What a reader of each edition is told (version 1 was issued on 30 November 2026).
NOTICES = {
    "ar": "نسخة مصححة: تحل محل النسخة الصادرة في 30 تشرين الثاني/نوفمبر 2026",
    "zh": "更正版：取代2026年11月30日发布的版本",
    "en": "Corrected version: replaces the version issued on 30 November 2026",
    "fr": "Version corrigée : remplace la version publiée le 30 novembre 2026",
    "ru": "Исправленная версия: заменяет версию, выпущенную 30 ноября 2026 года",
    "es": "Versión corregida: sustituye a la versión publicada el 30 de noviembre de 2026",
}


def workspace(root: Path) -> Path:
    (root / "speeches").mkdir(parents=True)
    shutil.copy(SAMPLE, root / "speeches")
    shutil.copytree(ROOT / "locales", root / "locales", ignore=shutil.ignore_patterns("*.pot"))
    return root


def correct_transcript(root: Path) -> None:
    speech = root / "speeches" / f"{SLUG}.txt"
    text = speech.read_text(encoding="utf-8")
    assert CHANGED_FROM in text
    speech.write_text(text.replace(CHANGED_FROM, CHANGED_TO), encoding="utf-8")


def review_changed(root: Path, langs) -> None:
    """Do what a reviewer does in an editor: check the changed entry's translation, clear fuzzy."""
    for lang in langs:
        path = catalogs.catalog_path(root / "locales", lang, SLUG)
        catalog = catalogs.read_catalog(path, lang)
        message = catalog.get(CHANGED_TO)
        assert message.fuzzy and message.previous_id == [CHANGED_FROM]  # the review rules in place
        message.flags.discard("fuzzy")
        path.write_bytes(catalogs.render_catalog(catalog))


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and ".presskit" not in p.parts}


def flat(text: str, code: str) -> str:
    """Text as compared: NFKC, no bidi controls, no spaces (poppler moves them about in RTL lines)."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(c for c in text if not c.isspace() and unicodedata.category(c) not in ("Cf", "Mn"))


def pdf_page_one(path: Path) -> str:
    return subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(path), "-"], capture_output=True, check=True,
                          text=True).stdout


def arabic_words(text: str) -> list[str]:
    import re

    text = unicodedata.normalize("NFKC", text)
    return re.findall(r"\d+|[^\W\d_/]+", "".join(c for c in text if unicodedata.category(c) not in ("Mn", "Cf")))


@pytest.fixture(scope="module")
def corrected(tmp_path_factory):
    """Version 1 issued final in six languages; the transcript corrected; the refused --final;
    the draft of version 2; its review; version 2 issued final."""
    root = workspace(tmp_path_factory.mktemp("corrected"))
    config = load_config(root, {"languages": ",".join(UN_ORDER)})
    publish(config, (), final=True, translator=FakeTranslator(), now=MOMENT)
    folder = root / "output" / SLUG
    v1 = files(folder)
    v1_manifest = json.loads(v1["manifest.json"])
    correct_transcript(root)
    before = snapshot(root)
    with pytest.raises(ReviewError) as refused:
        publish(config, (), final=True, translator=FakeTranslator(), now=LATER)
    after_refusal = snapshot(root)
    draft = publish(config, (), translator=FakeTranslator(), now=LATER)
    draft_manifest = json.loads((folder / "manifest.json").read_bytes())
    draft_site = (root / "output" / "index.html").read_bytes()
    draft_feed = (root / "output" / "feed.fr.atom").read_bytes()
    review_changed(root, [c for c in UN_ORDER if c != "en"])
    final = publish(config, (), final=True, translator=FakeTranslator(), now=LAST)
    return {"root": root, "folder": folder, "v1": v1, "v1_manifest": v1_manifest, "refused": str(refused.value),
            "unchanged_by_refusal": before == after_refusal, "draft": draft, "draft_manifest": draft_manifest,
            "final": final, "config": config, "draft_site": draft_site, "draft_feed": draft_feed}


def test_version_1_is_kept_byte_for_byte(corrected):
    kept = corrected["folder"] / "v1"
    assert files(kept) == corrected["v1"]
    assert sorted(corrected["v1"]) == sorted(["index.html", "manifest.json",
                                              *(f"{c}.{kind}" for c in UN_ORDER for kind in ("html", "pdf"))])
    # The kept version's links still work inside v1/: the switcher points at its own files.
    tree = lxml_html.fromstring((kept / "fr.html").read_bytes())
    assert {a.get("href") for a in tree.iter("a") if a.get("hreflang")} <= set(corrected["v1"])


def test_final_refuses_a_correction_whose_changed_paragraph_is_not_reviewed(corrected):
    message = corrected["refused"]
    assert corrected["unchanged_by_refusal"]  # nothing written: no PO, no output
    assert "correction" in message and "nothing was written" in message
    line = next(n for n, text in enumerate((corrected["root"] / "speeches" / f"{SLUG}.txt")
                                          .read_text(encoding="utf-8").splitlines(), 1) if text == CHANGED_TO)
    assert f"speeches/{SLUG}.txt:{line}: paragraph changed (ar, zh, fr, ru, es): 'The aim of today" in message


def test_the_draft_of_version_2_keeps_unchanged_reviewed_paragraphs_reviewed(corrected):
    fr = next(e for e in corrected["draft"].editions if e.lang == "fr")
    statuses = {block.text: block.status.value for block in fr.body}
    changed = [b for b in fr.body if b.status.value != "reviewed"]
    assert len(changed) == 1 and changed[0].status.value == "machine"  # fuzzy: the old reviewed text
    assert sum(1 for s in statuses.values() if s == "reviewed") == len(statuses) - 1
    manifest = corrected["draft_manifest"]
    assert manifest["version"] == 2 and manifest["final"] is False and manifest["replaces"]["version"] == 1


def test_the_run_that_keeps_version_1_lists_the_statement_once(corrected):
    site = lxml_html.fromstring(corrected["draft_site"])
    (section,) = site.findall(".//section")  # the kept v1/manifest.json is no second statement
    assert section.find(".//p[@class='version']/span[@class='current']").text == "Version 2"
    feed = feedparser.parse(corrected["draft_feed"])
    assert [entry.id for entry in feed.entries] == [f"urn:presskit:{SLUG}:fr"]
    assert "correction" in [tag.term for tag in feed.entries[0].tags]


def test_the_manifest_lists_the_changed_paragraph(corrected):
    manifest = json.loads((corrected["folder"] / "manifest.json").read_bytes())
    assert manifest["version"] == 2 and manifest["final"] is True
    assert manifest["replaces"] == {"version": 1, "issued": "2026-11-30T09:15:00Z", "folder": "v1"}
    (change,) = manifest["changes"]
    assert change["change"] == "changed" and change["kind"] == "paragraph"
    assert change["before"] == CHANGED_FROM and change["after"] == CHANGED_TO
    assert corrected["v1_manifest"]["version"] == 1 and corrected["v1_manifest"]["final"] is True
    for record in manifest["editions"]:
        assert record["provenance"]["edition-version"] == "2"
        assert record["provenance"]["replaces-issued"] == "2026-11-30T09:15:00Z"
        # Issued by the run that first printed this text: the draft for English (its text was
        # final already), the final run for the languages reviewed in between.
        issued = "2026-12-01T16:40:00Z" if record["code"] == "en" else "2026-12-02T08:05:00Z"
        assert record["provenance"]["issued"] == issued
    assert {r["status"] for r in manifest["editions"]} == {"original", "reviewed"}


@pytest.mark.parametrize("code", UN_ORDER)
def test_version_2_carries_the_notice_in_its_language(corrected, code):
    folder = corrected["folder"]
    tree = lxml_html.fromstring((folder / f"{code}.html").read_bytes())
    (notice,) = tree.findall(".//main/p[@class='correction']")  # inside the main landmark, first
    assert notice.get("role") == "note" and tree.find(".//main")[0] is notice
    assert notice.text_content().replace("\u00a0", " ") == NOTICES[code]
    assert notice.find("time").get("datetime") == "2026-11-30"
    assert tree.get("lang") == TAGS[code]
    meta = {m.get("name"): m.get("content") for m in tree.iter("meta") if m.get("name")}
    assert meta["presskit.edition-version"] == "2" and meta["presskit.replaces-version"] == "1"
    # The PDF: page 1 says it, and its XMP records it.
    text = pdf_page_one(folder / f"{code}.pdf")
    if code == "ar":
        words = arabic_words(text)
        wanted = arabic_words(NOTICES[code])
        assert all(word in words for word in wanted), [w for w in wanted if w not in words]
    else:
        assert flat(NOTICES[code], code) in flat(text, code)
    with pikepdf.open(folder / f"{code}.pdf") as pdf:
        meta = pdf.open_metadata()
        assert str(meta[f"{{{PROVENANCE_NS}}}editionVersion"]) == "2"
        assert str(meta[f"{{{PROVENANCE_NS}}}replacesIssued"]) == "2026-11-30T09:15:00Z"
    # v1 says nothing of a correction.
    old = lxml_html.fromstring(corrected["v1"][f"{code}.html"])
    assert not old.findall(".//p[@class='correction']")


def test_the_notice_is_tagged_in_the_pdf_structure(corrected):
    for code in ("ar", "zh"):
        out = subprocess.run(["pdfinfo", "-enc", "UTF-8", "-struct-text", str(corrected["folder"] / f"{code}.pdf")],
                             capture_output=True, check=True).stdout.decode("utf-8", "replace")  # a stray byte later on
        # The main landmark is the Part; the notice its first paragraph, before the article.
        part = out.split("\n  Part\n", 1)[1].split("\n    Art\n", 1)[0]
        assert part.lstrip().startswith("P (block)")
        texts = "".join(line.strip().strip('"') for line in part.splitlines() if line.strip().startswith('"'))
        if code == "zh":
            assert flat(texts, code) == flat(NOTICES[code], code)
        else:
            # poppler prints the structure's Arabic runs in visual order (reversed, digits as written).
            found = {w for word in arabic_words(texts) for w in (word, word[::-1])}
            assert all(word in found for word in arabic_words(NOTICES[code]))


def test_the_feeds_update_the_entries_and_say_correction(corrected):
    output = corrected["root"] / "output"
    for code in UN_ORDER:
        feed = feedparser.parse((output / f"feed.{code}.atom").read_bytes())
        assert not feed.bozo, feed.bozo_exception
        (entry,) = feed.entries
        assert entry.id == f"urn:presskit:{SLUG}:{code}"  # the same entry, updated
        issued = "2026-12-01T16:40" if code == "en" else "2026-12-02T08:05"  # as the manifest says
        assert entry.updated.startswith(issued) and feed.feed.updated.startswith(issued)
        assert entry.published.startswith("2017-10-11")
        assert "correction" in [tag.term for tag in entry.tags]
        assert entry.summary.startswith(NOTICES[code].replace("\u00a0", " ")) or \
            entry.summary.replace("\u00a0", " ").startswith(NOTICES[code].replace("\u00a0", " "))
        for link in entry.links:
            assert (output / link.href).is_file()


def test_the_indexes_show_the_version(corrected):
    output = corrected["root"] / "output"
    index = lxml_html.fromstring((corrected["folder"] / "index.html").read_bytes())
    assert index.find(".//p[@class='correction']").text_content().replace("\u00a0", " ") == NOTICES["en"]
    assert [a.get("href") for a in index.findall(".//p[@class='version']//a")] == ["v1/index.html"]
    assert index.find(".//p[@class='version']/span[@class='current']").text == "Version 2"
    site = lxml_html.fromstring((output / "index.html").read_bytes())
    (section,) = site.findall(".//section")
    assert section.find(".//p[@class='version']/span[@class='current']").text == "Version 2"
    hrefs = [a.get("href") for a in section.findall(".//p[@class='version']//a")]
    assert hrefs == [f"{SLUG}/v1/index.html"] and (output / hrefs[0]).is_file()


def test_an_unchanged_run_after_the_correction_changes_nothing(corrected):
    before = snapshot(corrected["root"])
    again = publish(corrected["config"], (), translator=FakeTranslator(), now=LAST.replace(year=2027))
    assert again.written == [] and snapshot(corrected["root"]) == before


# --- the rules, on two languages ------------------------------------------------------------


def test_a_draft_that_changes_is_rebuilt_in_place(tmp_path):
    root = workspace(tmp_path)
    config = load_config(root, {"languages": "en,fr"})
    publish(config, (), translator=FakeTranslator(), now=MOMENT)  # not final: a draft
    correct_transcript(root)
    publish(config, (), translator=FakeTranslator(), now=LATER)
    folder = root / "output" / SLUG
    manifest = json.loads((folder / "manifest.json").read_bytes())
    assert manifest["version"] == 1 and "replaces" not in manifest and not (folder / "v1").exists()
    assert not lxml_html.fromstring((folder / "fr.html").read_bytes()).findall(".//p[@class='correction']")


def test_the_cli_refuses_a_final_correction_with_exit_status_4(tmp_path):
    root = workspace(tmp_path)
    config = load_config(root, {"languages": "en,fr"})
    publish(config, (), final=True, translator=FakeTranslator(), now=MOMENT)
    correct_transcript(root)
    before = snapshot(root)
    result = CliRunner().invoke(cli, ["-C", str(root), "publish", "--lang", "en,fr", "--final"])
    assert result.exit_code == ExitStatus.NOT_REVIEWED, result.output
    assert "Traceback" not in result.output and "correction" in result.output
    assert "paragraph changed (fr): 'The aim of today" in result.output
    assert snapshot(root) == before


def test_a_correction_in_fewer_languages_is_refused(tmp_path):
    root = workspace(tmp_path)
    publish(load_config(root, {"languages": "en,fr,es"}), (), final=True, translator=FakeTranslator(), now=MOMENT)
    correct_transcript(root)
    before = snapshot(root)
    with pytest.raises(PresskitError, match=r"corrects version 1, issued final in en, es, fr: .* publish es too"):
        publish(load_config(root, {"languages": "en,fr"}), (), translator=FakeTranslator(), now=LATER)
    assert snapshot(root) == before


def test_a_version_whose_files_changed_since_issue_is_not_kept_as_if_issued(tmp_path):
    root = workspace(tmp_path)
    config = load_config(root, {"languages": "en,fr"})
    publish(config, (), final=True, translator=FakeTranslator(), now=MOMENT)
    pdf = root / "output" / SLUG / "fr.pdf"
    pdf.write_bytes(pdf.read_bytes() + b"\n% edited by hand\n")
    correct_transcript(root)
    before = snapshot(root)
    result = CliRunner().invoke(cli, ["-C", str(root), "publish", "--lang", "en,fr"])
    assert result.exit_code == ExitStatus.ERROR and "Traceback" not in result.output
    assert f"cannot keep version 1 as issued under output/{SLUG}/v1/: output/{SLUG}/fr.pdf changed" in result.output
    assert snapshot(root) == before


def test_a_second_correction_keeps_both_earlier_versions(tmp_path):
    root = workspace(tmp_path)
    config = load_config(root, {"languages": "en"})  # the original alone: nothing to review
    publish(config, (), final=True, translator=FakeTranslator(), now=MOMENT)
    correct_transcript(root)
    publish(config, (), final=True, translator=FakeTranslator(), now=LATER)
    folder = root / "output" / SLUG
    v2 = files(folder)
    speech = root / "speeches" / f"{SLUG}.txt"
    speech.write_text(speech.read_text(encoding="utf-8").replace("to act.", "to act together."), encoding="utf-8")
    publish(config, (), final=True, translator=FakeTranslator(), now=LAST)
    assert files(folder / "v2") == v2 and (folder / "v1" / "en.pdf").is_file()
    manifest = json.loads((folder / "manifest.json").read_bytes())
    assert manifest["version"] == 3 and manifest["replaces"]["issued"] == "2026-12-01T16:40:00Z"
    assert [c["after"] for c in manifest["changes"]] == [CHANGED_TO.replace("to act.", "to act together.")]
    index = lxml_html.fromstring((folder / "index.html").read_bytes())
    assert [a.get("href") for a in index.findall(".//p[@class='version']//a")] == ["v2/index.html", "v1/index.html"]
    notice = index.find(".//p[@class='correction']").text_content().replace("\u00a0", " ")
    assert notice == "Corrected version: replaces the version issued on 1 December 2026"
