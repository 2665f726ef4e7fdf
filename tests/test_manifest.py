"""output/<slug>/manifest.json, and what `publish --lang` keeps of earlier editions."""

import hashlib
import json
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
