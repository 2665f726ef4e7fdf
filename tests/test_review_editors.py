"""What reviewers' editors do to a PO file when they save it, and what presskit makes of it next."""

from __future__ import annotations

import codecs
import re
import subprocess
from pathlib import Path

import pytest

from support.translators import FakeTranslator
from test_catalogs import LATER, ROOT, SAMPLE, SLUG, fake_suggest, msgfmt_ok, review, run, statement_of
from test_review import po_path, workspace
from toolkit import catalogs
from toolkit.commands.publish import publish
from toolkit.config import load_config
from toolkit.statement import read_statement

PO = ROOT / "locales" / "fr" / "LC_MESSAGES" / f"{SLUG}.po"


def poedit(text: str) -> str:
    """Save as Poedit does: its own header order, a new date, translator, team and X-Generator."""
    head, rest = text.split("\n\n", 1)
    strings = "".join(re.findall(r'^"(.*)"$', head, flags=re.M))
    fields = dict(field.split(": ", 1) for field in strings.split("\\n") if field)
    fields.update({"PO-Revision-Date": "2026-12-01 10:00+0100", "Last-Translator": "Jeanne Dupont <jd@un.org>",
                   "Language-Team": "French <fr@un.org>", "X-Generator": "Poedit 3.4.2"})
    order = ["Project-Id-Version", "Report-Msgid-Bugs-To", "POT-Creation-Date", "PO-Revision-Date",
             "Last-Translator", "Language-Team", "Language", "MIME-Version", "Content-Type",
             "Content-Transfer-Encoding", "Plural-Forms", "X-Generator", "Generated-By"]
    comments = [line for line in head.split("\n") if line.startswith("#")]
    header = "".join(f'"{name}: {fields[name]}\\n"\n' for name in order if name in fields)
    return "\n".join(comments) + '\nmsgid ""\nmsgstr ""\n' + header + "\n" + rest


def msgcat(path: Path, *options: str) -> None:
    subprocess.run(["msgcat", *options, "-o", str(path), str(path)], check=True)


def merge_as_publish_does(path: Path, statement) -> bytes:
    """One publish run's catalog stage for an existing file: read, merge, date, render."""
    old = catalogs.read_catalog(path, "fr")
    entries = catalogs.source_entries(statement, ROOT)
    suggestions = {s.source: s for s in fake_suggest(catalogs.texts_to_suggest(old, entries), "en", "fr")}
    merged = catalogs.update_catalog(old, entries, "fr", suggestions, slug=SLUG,
                                     version=catalogs.project_version(statement))
    catalogs.stamp_catalog(merged, old, LATER)
    return catalogs.render_catalog(merged)


SAVES = {
    "msgcat-79": lambda path: msgcat(path),
    "msgcat-no-wrap": lambda path: msgcat(path, "--no-wrap"),
    "poedit": lambda path: (path.write_text(poedit(path.read_text(encoding="utf-8")), encoding="utf-8"),
                            msgcat(path)),
    "crlf": lambda path: path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n")),
    "comments-and-flags": lambda path: path.write_text(path.read_text(encoding="utf-8").replace(
        'msgid "Thank you for your participation."',
        '# Checked with the Protocol office.\n#\n# | second opinion: fine\n#, no-c-format\n'
        'msgid "Thank you for your participation."'), encoding="utf-8"),
}


@pytest.mark.parametrize("save", SAVES.values(), ids=SAVES.keys())
def test_a_file_an_editor_saved_is_kept_as_it_is_until_its_content_changes(tmp_path, save):
    path = tmp_path / "fr.po"
    path.write_bytes(PO.read_bytes())
    save(path)
    saved = path.read_bytes()
    statement = read_statement(SAMPLE)
    assert merge_as_publish_does(path, statement) == saved  # no ping-pong with the editor's layout
    msgfmt_ok(path)

    # A changed paragraph: presskit writes its own layout, and keeps every reviewer's word.
    text = SAMPLE.read_text(encoding="utf-8").replace("and to learn.", "and to act.")
    (tmp_path / "speech.txt").write_text(text, encoding="utf-8")
    before = catalogs.read_catalog(path, "fr")
    path.write_bytes(merge_as_publish_does(path, read_statement(tmp_path / "speech.txt")))
    after = catalogs.read_catalog(path, "fr")
    msgfmt_ok(path)
    assert path.read_bytes() != saved and b"\r" not in path.read_bytes()
    for message in before:
        if message.id and catalogs.is_reviewed(message):
            kept = after.get(message.id) or after.obsolete[message.id]
            # babel's writer leaves out an empty "#" line between comments; every word stays.
            assert (kept.string, list(filter(None, kept.user_comments)), kept.flags) \
                == (message.string, list(filter(None, message.user_comments)), message.flags)


REWRITE = {
    "bom": lambda text: codecs.BOM_UTF8 + text.encode(),  # msgfmt 0.21: "syntax error" at 1:2
    "cr-only": lambda text: text.replace("\n", "\r").encode(),  # msgfmt reads no entry at all
    "c-format": lambda text: text.replace('msgid "Thank you for your participation."',
                                          '#, c-format\nmsgid "Thank you for your participation."').encode(),
}


@pytest.mark.parametrize("saved", REWRITE.values(), ids=REWRITE.keys())
def test_a_file_in_need_of_a_correction_is_rewritten_once(tmp_path, saved):
    path = tmp_path / "fr.po"
    path.write_bytes(saved(PO.read_text(encoding="utf-8")))
    reviewed = {m.id: m.string for m in catalogs.read_catalog(path, "fr") if m.id}
    statement = read_statement(SAMPLE)
    data = merge_as_publish_does(path, statement)
    assert data != path.read_bytes() and b"c-format" not in data
    path.write_bytes(data)
    msgfmt_ok(path)
    assert {m.id: m.string for m in catalogs.read_catalog(path, "fr") if m.id} == reviewed
    assert merge_as_publish_does(path, statement) == data


def test_a_file_in_another_charset_is_rewritten_in_utf8(tmp_path):
    statement = statement_of("We heard you.", "Thank you.")
    catalog, _ = run(None, statement)
    catalog = review(catalog, "Thank you.", "Merci, chère présidente.")
    path = tmp_path / "fr.po"
    path.write_bytes(catalogs.render_catalog(catalog).decode().replace("charset=utf-8", "charset=ISO-8859-1")
                     .encode("latin-1"))
    old = catalogs.read_catalog(path, "fr")
    data = catalogs.render_catalog(catalogs.update_catalog(old, catalogs.source_entries(statement, Path(".")), "fr"))
    assert "charset=utf-8" in data.decode("utf-8") and "Merci, chère présidente." in data.decode("utf-8")


def test_publish_reports_an_editor_saved_catalog_as_unchanged(tmp_path):
    root = workspace(tmp_path, locales=True)
    po = po_path(root, "fr")
    msgcat(po, "--no-wrap")
    po.write_text(poedit(po.read_text(encoding="utf-8")), encoding="utf-8")
    saved = po.read_bytes()
    result = publish(load_config(root, {"languages": "fr"}), (), translator=FakeTranslator())
    assert po in result.unchanged and po.read_bytes() == saved
