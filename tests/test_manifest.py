"""output/<slug>/manifest.json, and what `publish --lang` keeps of earlier editions."""

import hashlib
import json
import re
import shutil
from pathlib import Path

from click.testing import CliRunner

from toolkit.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SLUG = "closing-second-multistakeholder-hearing"


def test_partial_publish_keeps_earlier_editions_listed(tmp_path):
    (tmp_path / "speeches").mkdir()
    shutil.copy(ROOT / "speeches" / f"{SLUG}.txt", tmp_path / "speeches")
    shutil.copytree(ROOT / "locales", tmp_path / "locales")
    folder = tmp_path / "output" / SLUG

    assert CliRunner().invoke(cli, ["-C", str(tmp_path), "publish", "--lang", "en,fr,ar"]).exit_code == 0
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert [r["code"] for r in manifest["editions"]] == ["ar", "en", "fr"]
    for record in manifest["editions"]:
        data = (folder / f"{record['code']}.pdf").read_bytes()
        assert record["pdf_sha256"] == hashlib.sha256(data).hexdigest() and record["pdf_bytes"] == len(data)
        assert record["status"] == ("original" if record["code"] == "en" else "reviewed")

    (folder / "ar.html").write_text("edited by hand", encoding="utf-8")  # no longer ours: dropped
    result = CliRunner().invoke(cli, ["-C", str(tmp_path), "publish", "--lang", "zh"])
    assert result.exit_code == 0, result.output
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert [r["code"] for r in manifest["editions"]] == ["zh", "en", "fr"]
    index = (folder / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{code}.pdf"' in index for code in ("zh", "en", "fr")) and 'href="ar.pdf"' not in index
    switcher = (folder / "zh.html").read_text(encoding="utf-8")
    assert 'hreflang="en"' in switcher and 'hreflang="fr"' in switcher and 'hreflang="ar"' not in switcher


def _typeset_counter(monkeypatch) -> list[str]:
    """Count the PDFs typeset (by <html lang>), letting write_pdf do its work."""
    from toolkit import publishing

    typeset = []
    real = publishing.write_pdf

    def counting(html, **options):
        typeset.append(re.search(r'<html lang="([^"]+)"', html)[1])
        return real(html, **options)

    monkeypatch.setattr(publishing, "write_pdf", counting)
    return typeset


def test_nothing_is_typeset_twice(tmp_path, monkeypatch):
    (tmp_path / "speeches").mkdir()
    shutil.copy(ROOT / "speeches" / f"{SLUG}.txt", tmp_path / "speeches")
    shutil.copytree(ROOT / "locales", tmp_path / "locales")
    folder = tmp_path / "output" / SLUG
    typeset = _typeset_counter(monkeypatch)

    def publish(*args):
        typeset.clear()
        # --jobs 1: typeset in this process, where the counter sees it (workers are other processes).
        result = CliRunner().invoke(cli, ["-C", str(tmp_path), "publish", "--lang", "en,fr,ar", "--jobs", "1",
                                          *args])
        assert result.exit_code == 0, result.output
        return result

    publish()
    assert sorted(typeset) == ["ar", "en", "fr"]
    pdfs = {code: (folder / f"{code}.pdf").read_bytes() for code in ("ar", "en", "fr")}
    result = publish()
    assert typeset == [] and "up to date" in result.output
    assert {code: (folder / f"{code}.pdf").read_bytes() for code in pdfs} == pdfs

    # A reviewer's edit changes the French page only: only French is typeset again.
    po = tmp_path / "locales" / "fr" / "LC_MESSAGES" / f"{SLUG}.po"
    po.write_text(po.read_text(encoding="utf-8").replace('msgstr "Clôture de', 'msgstr "Un grand merci: clôture de', 1),
                  encoding="utf-8")
    publish()
    assert typeset == ["fr"] and "Un grand merci" in (folder / "fr.html").read_text(encoding="utf-8")
    # A PDF changed or lost on disk is typeset again; so is everything under other PDF settings.
    (folder / "ar.pdf").write_bytes(b"%PDF-1.7 damaged")
    publish()
    assert typeset == ["ar"] and (folder / "ar.pdf").read_bytes() == pdfs["ar"]
    publish("--pdf-variant", "pdf/a-3u")
    assert sorted(typeset) == ["ar", "en", "fr"]
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert all(len(record["typeset_sha256"]) == 64 for record in manifest["editions"])
