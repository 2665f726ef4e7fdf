"""PO catalogs at the API level: template, suggestions, msgmerge-style merge, strict reading."""

from __future__ import annotations

import dataclasses
import datetime
import os
import random
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from support.translators import fake_suggestion
from toolkit import catalogs
from toolkit.errors import CatalogError
from toolkit.model import Block, BlockKind, Statement, TextStatus
from toolkit.statement import read_statement

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data"
SLUG = "closing-second-multistakeholder-hearing"
SAMPLE = ROOT / "speeches" / f"{SLUG}.txt"
MOMENT = datetime.datetime(2026, 1, 2, 3, 4, tzinfo=datetime.timezone.utc)
LATER = datetime.datetime(2026, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)
GOLDEN = DATA / "golden" / "catalogs"


def fake_suggest(texts, source, target):
    """A stand-in for Argos: bracketed source text, with real-looking provenance."""
    return [fake_suggestion(t, source, target) for t in texts]


def statement_of(*paragraphs: str, title: str | None = None, path: str = "speeches/demo.txt") -> Statement:
    """Return a statement with the given paragraphs on lines 3, 5, 7 ... (title on line 1)."""
    body = tuple(Block(BlockKind.PARAGRAPH, text, 3 + 2 * i) for i, text in enumerate(paragraphs))
    return Statement(path=Path(path), slug="demo", source_lang="en",
                     title=Block(BlockKind.TITLE, title, 1) if title else None,
                     delivery=None, speaker=None, body=body)


def run(old, statement, lang="fr", suggest=fake_suggest, moment=MOMENT):
    """One presskit run at the API level: merge, stamp, write, read back. Return (catalog, bytes)."""
    entries = catalogs.source_entries(statement, Path("."))
    pending = catalogs.texts_to_suggest(old, entries)
    found = {s.source: s for s in suggest(pending, statement.source_lang, lang)} if pending else {}
    merged = catalogs.update_catalog(old, entries, lang, found, slug=statement.slug,
                                     version=catalogs.project_version(statement))
    catalogs.stamp_catalog(merged, old, moment)
    data = catalogs.render_catalog(merged)
    return reread(data, lang), data


def reread(data: bytes, lang="fr"):
    path = Path(os.environ.get("TMPDIR", "/tmp")) / f"presskit-test-{os.getpid()}.po"
    path.write_bytes(data)
    try:
        return catalogs.read_catalog(path, lang)
    finally:
        path.unlink()


def msgfmt_ok(path: Path) -> None:
    out = subprocess.run(["msgfmt", "--check-format", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr


def review(catalog, msgid, text, context=None):
    """Do what a reviewer does in Poedit: fix the text and clear the fuzzy flag."""
    message = catalog.get(msgid, context=context)
    message.string = text
    message.flags.discard("fuzzy")
    return reread(catalogs.render_catalog(catalog))


# --- the template -----------------------------------------------------------------------------


def test_template_has_one_entry_per_text_with_every_location():
    statement = read_statement(SAMPLE)
    entries = catalogs.source_entries(statement, ROOT)
    assert len(statement.blocks()) == 24 and len(entries) == 23
    quote = next(e for e in entries if e.msgid.startswith("The beauty and strength"))
    where = f"speeches/{SLUG}.txt"
    assert quote.locations == ((where, 32), (where, 36)) and quote.context is None
    assert entries[0].locations == ((where, 6),) and entries[0].msgid.startswith("Closing of Second")


def test_template_writes_locations_relative_to_the_workspace(tmp_path):
    statement = read_statement(SAMPLE)
    template = catalogs.build_template(statement, catalogs.source_entries(statement, ROOT), MOMENT)
    text = catalogs.render_catalog(template).decode()
    assert f"\n\n#: speeches/{SLUG}.txt:32\n#: speeches/{SLUG}.txt:36\nmsgid \"\"\n\"The beauty" in text
    assert "POT-Creation-Date: 2026-01-02 03:04+0000" in text and "YEAR-MO-DA" in text
    (tmp_path / "t.pot").write_bytes(catalogs.render_catalog(template))
    msgfmt_ok(tmp_path / "t.pot")


def test_same_text_in_two_roles_gets_a_context():
    statement = Statement(
        path=Path("speeches/demo.txt"), slug="demo", source_lang="en", title=None, delivery=None, speaker=None,
        body=(Block(BlockKind.HEADING, "Migration", 1), Block(BlockKind.PARAGRAPH, "Migration", 3),
              Block(BlockKind.LIST_ITEM, "Migration", 5), Block(BlockKind.HEADING, "Migration", 7)),
    )
    entries = catalogs.source_entries(statement, Path("."))
    assert [(e.context, [line for _, line in e.locations]) for e in entries] == [("heading", [1, 7]), (None, [3, 5])]
    catalog, _ = run(None, statement)
    catalog = review(catalog, "Migration", "Les migrations", context="heading")
    catalog = review(catalog, "Migration", "migration")
    edition = catalogs.build_edition(statement, "fr", catalog)
    assert [b.text for b in edition.body] == ["Les migrations", "migration", "migration", "Les migrations"]


# --- machine suggestions ----------------------------------------------------------------------


def test_suggestions_fill_empty_entries_fuzzy_with_provenance():
    catalog, data = run(None, statement_of("We heard you.", "Thank you."), lang="ru")
    text = data.decode()
    assert "#. Machine translation: Fake MT (test)\n#. Package: translate-en_ru 1.9\n" in text
    message = catalog.get("We heard you.")
    assert message.fuzzy and message.string == "[ru] We heard you."
    edition = catalogs.build_edition(statement_of("We heard you.", "Thank you."), "ru", catalog)
    assert not edition.is_reviewed and {b.status for b in edition.body} == {TextStatus.MACHINE}


def test_pivot_language_is_named():
    _, data = run(None, dataclasses.replace(statement_of("Hola."), source_lang="es"), lang="fr")
    assert "#. Pivot language: English (en)" in data.decode()


def test_no_suggestion_needed_for_a_complete_catalog():
    statement = statement_of("We heard you.")
    catalog, _ = run(None, statement)
    catalog = review(catalog, "We heard you.", "Nous vous avons entendus.")
    entries = catalogs.source_entries(statement, Path("."))
    assert catalogs.texts_to_suggest(catalog, entries) == []


def test_untranslated_blocks_fall_back_to_the_source_text():
    statement = statement_of("We heard you.", "Thank you.")
    catalog, _ = run(None, statement, suggest=lambda texts, s, t: [])
    edition = catalogs.build_edition(statement, "fr", catalog)
    assert [(b.text, b.status) for b in edition.body] == [
        ("We heard you.", TextStatus.UNTRANSLATED), ("Thank you.", TextStatus.UNTRANSLATED)]
    assert catalog.get("We heard you.").string == "" and not catalog.get("We heard you.").fuzzy


# --- the merge --------------------------------------------------------------------------------


def test_reviewed_entry_survives_a_source_edit_and_the_edit_is_fuzzy_with_previous_msgid():
    first = statement_of("We heard about people turning to smugglers.", "Thank you for your participation.")
    catalog, _ = run(None, first)
    catalog = review(catalog, "Thank you for your participation.", "Merci de votre participation.")
    catalog = review(catalog, "We heard about people turning to smugglers.", "Nous avons entendu parler de passeurs.")
    second = statement_of("We heard about young people turning to smugglers.", "Thank you for your participation.")
    catalog, data = run(catalog, second, moment=LATER)
    kept = catalog.get("Thank you for your participation.")
    assert kept.string == "Merci de votre participation." and not kept.fuzzy
    changed = catalog.get("We heard about young people turning to smugglers.")
    assert changed.fuzzy and changed.previous_id == ["We heard about people turning to smugglers."]
    # As msgmerge: the reviewed text of the old source stays the msgstr, and the machine
    # suggestion for the new source is offered in a #. comment, to take or leave.
    assert changed.string == "Nous avons entendu parler de passeurs."
    assert changed.auto_comments[-1] == "[fr] We heard about young people turning to smugglers."
    assert any(c.startswith("Suggestion for the new text (Machine translation:") for c in changed.auto_comments)
    assert '#| msgid "We heard about people turning to smugglers."\n' in data.decode()
    assert '#. [fr] We heard about young people turning to smugglers.\n' in data.decode()
    # The reviewed text of the old paragraph is not lost: it is kept, obsolete.
    old = catalog.obsolete["We heard about people turning to smugglers."]
    assert old.string == "Nous avons entendu parler de passeurs." and not old.fuzzy
    # A changed reviewed entry and its status.
    status = catalogs.catalog_status(second, "fr", Path("fr.po"), catalog, catalogs.source_entries(second, Path(".")))
    assert (status.entries, status.reviewed, status.machine, status.obsolete) == (2, 1, 1, 1)
    assert "source text changed" in status.unreviewed[0]


def test_removed_paragraph_becomes_obsolete_and_comes_back_reviewed():
    both = statement_of("We heard you.", "Thank you.")
    catalog, _ = run(None, both)
    catalog = review(catalog, "We heard you.", "Nous vous avons entendus.")
    catalog, data = run(catalog, statement_of("Thank you."))
    assert catalog.get("We heard you.") is None and '#~ msgid "We heard you."' in data.decode()
    catalog, _ = run(catalog, both)
    back = catalog.get("We heard you.")
    assert back.string == "Nous vous avons entendus." and not back.fuzzy and not catalog.obsolete


def test_obsolete_machine_entry_stays_fuzzy_when_revived():
    # babel's writer drops the flags of obsolete entries; a machine text must not come back reviewed.
    catalog, _ = run(None, statement_of("We heard you.", "Thank you."))
    catalog, data = run(catalog, statement_of("Thank you."))
    assert '#, fuzzy\n#~ msgid "We heard you."' in data.decode()
    catalog, _ = run(catalog, statement_of("We heard you.", "Thank you."), suggest=lambda *a: [])
    assert catalog.get("We heard you.").fuzzy


def test_edited_chinese_paragraph_shows_its_previous_text():
    # Chinese writes no spaces: compared word by word, any edit made a paragraph "new".
    old, new = "人们为了寻找安全的居住地而求助于偷运者。", "人们为了寻找安全的住所而求助于偷运者。"
    zh = dataclasses.replace(statement_of(old, "感谢各位的参与。"), source_lang="zh")
    catalog, _ = run(None, zh, lang="en")
    catalog.get(old).string = "People turn to smugglers in search of a safe place to live."
    edited = dataclasses.replace(zh, body=(dataclasses.replace(zh.body[0], text=new), zh.body[1]))
    catalog, _ = run(catalog, edited, lang="en")
    assert catalog.get(new).previous_id == [old] and catalog.get(new).fuzzy
    assert catalog.get("感谢各位的参与。").previous_id == []


def test_a_long_statement_edited_throughout_matches_each_paragraph_to_its_old_self():
    # Every new paragraph is compared with every old one: ratio() on each pair made `status` take
    # 8 to 15 s on a 6,000-word statement after a search-and-replace (benchmarks/merge.py times it).
    rng = random.Random(7)
    words = SAMPLE.read_text(encoding="utf-8").split()  # a real speech's words, as often as they come
    paragraphs = [" ".join(rng.choice(words) for _ in range(100)) + "." for _ in range(100)]
    old, _ = run(None, statement_of(*paragraphs), suggest=lambda *a: [])
    edited = statement_of(*(p.replace(" the ", " a ", 1) for p in paragraphs))
    plan = catalogs.plan_merge(old, catalogs.source_entries(edited, Path(".")))  # speed: benchmarks/merge.py
    assert sum(how == "changed" for how, _ in plan.values()) == sum(" the " in p for p in paragraphs)
    originals = {p.replace(" the ", " a ", 1): p for p in paragraphs}
    assert all(message.id == originals[key[1]] for key, (how, message) in plan.items() if how == "changed")


def test_a_new_paragraph_is_not_matched_to_an_unrelated_one():
    catalog, _ = run(None, statement_of("We heard you.", "Thank you."))
    catalog, _ = run(catalog, statement_of("We heard you.", "Completely different words here now.", "Thank you."))
    assert catalog.get("Completely different words here now.").previous_id == []


def test_hand_edited_fuzzy_entry_is_not_overwritten_by_a_suggestion():
    statement = statement_of("We heard you.")
    catalog, _ = run(None, statement)
    catalog.get("We heard you.").string = "Nous vous avons — presque — entendus."
    catalog = reread(catalogs.render_catalog(catalog))
    catalog, _ = run(catalog, statement)
    assert catalog.get("We heard you.").string == "Nous vous avons — presque — entendus."


def test_percent_sign_is_not_a_format_string(tmp_path):
    statement = statement_of("Only 10% of them, about 5 %d or %s.")
    catalog, _ = run(None, statement)
    catalog = review(catalog, "Only 10% of them, about 5 %d or %s.", "Seulement 10 % d’entre eux.")
    (tmp_path / "fr.po").write_bytes(catalogs.render_catalog(catalog))
    assert "python-format" not in (tmp_path / "fr.po").read_text()
    msgfmt_ok(tmp_path / "fr.po")


def test_braces_are_not_a_format_string(tmp_path):
    # babel 2.17+ guesses python-brace-format from "{0}"; msgfmt --check-format would then refuse
    # a translation that rightly leaves the braces out.
    source = "As {0} said, {name} and %(who)s matter."
    catalog, data = run(None, statement_of(source))
    assert "-format" not in data.decode()
    catalog = review(catalog, source, "Comme il l’a dit, cela compte.")
    (tmp_path / "fr.po").write_bytes(catalogs.render_catalog(catalog))
    msgfmt_ok(tmp_path / "fr.po")
    # Flags an editor added: the checks go, what only relaxes msgfmt stays.
    text = catalogs.render_catalog(catalog).decode().replace(
        f'msgid "{source}"', f'#, python-brace-format, c-format, no-c-format\nmsgid "{source}"')
    assert reread(text.encode()).get(source).flags == {"no-c-format"}


# --- files that do not churn --------------------------------------------------------------------


def test_unchanged_content_keeps_its_dates_and_bytes():
    statement = statement_of("We heard you.", "Thank you.")
    catalog, first = run(None, statement, moment=MOMENT)
    again, second = run(catalog, statement, moment=LATER)
    assert first == second and "PO-Revision-Date: 2026-01-02 03:04+0000" in second.decode()
    changed, third = run(again, statement_of("We heard you.", "Thank you all."), moment=LATER)
    assert "PO-Revision-Date: 2026-02-03 04:05+0000" in third.decode()


def test_reviewer_headers_and_comments_survive(tmp_path):
    statement = statement_of("We heard you.")
    _, data = run(None, statement)
    text = data.decode().replace('"Generated-By: presskit\\n"\n',
                                 '"Generated-By: presskit\\n"\n"X-Generator: Poedit 3.4.2\\n"\n')
    text = text.replace("#. Machine translation", "# Check the name with the Protocol office.\n#. Machine translation")
    catalog, out = run(reread(text.encode()), statement)
    assert '"X-Generator: Poedit 3.4.2\\n"' in out.decode()
    assert "# Check the name with the Protocol office.\n" in out.decode()


def test_translator_comment_starting_with_a_bar_is_not_a_previous_msgid():
    old, new = "We heard about people turning to smugglers.", "We heard about young people turning to smugglers."
    catalog, _ = run(None, statement_of(old))
    _, data = run(catalog, statement_of(new))
    text = data.decode().replace(f'msgid "{new}"', f'msgctxt "x"\nmsgid "{new}"').replace(
        "#. Machine translation", "# | checked with the Protocol office |\n#. Machine translation", 1)
    message = reread(text.encode()).get(new, context="x")
    assert message.user_comments == ["| checked with the Protocol office |"]
    assert message.previous_id == [old]  # read across the msgctxt line

def test_sample_translations_are_kept_as_reviewed():
    statement = read_statement(SAMPLE)
    entries = catalogs.source_entries(statement, ROOT)
    for lang in ("ar", "zh", "fr", "ru", "es"):
        old = catalogs.read_catalog(catalogs.catalog_path(ROOT / "locales", lang, SLUG), lang)
        assert catalogs.texts_to_suggest(old, entries) == []
        merged = catalogs.update_catalog(old, entries, lang)
        assert catalogs.build_edition(statement, lang, merged).is_reviewed
        assert [m.string for m in merged if m.id] == [old.get(m.id).string for m in merged if m.id]


@pytest.mark.parametrize("ending", ["\r\n", "\r"], ids=["crlf", "cr-only"])
def test_any_line_ending_reads_the_same_entries(ending):
    statement = statement_of("We heard you.", "Thank you.")
    catalog, data = run(None, statement)
    catalog = review(catalog, "Thank you.", "Merci.")
    text = catalogs.render_catalog(catalog).decode()
    again = reread(text.replace("\n", ending).encode())
    assert catalogs.signature(again) == catalogs.signature(catalog)
    assert again.get("Thank you.").string == "Merci." and not again.get("Thank you.").fuzzy


def test_every_written_file_passes_msgfmt(tmp_path):
    catalog, _ = run(None, statement_of("We heard you.", 'He said "yes" \\ no.', "Thank you."))
    catalog = review(catalog, "We heard you.", "Nous vous avons entendus.")
    catalog, data = run(catalog, statement_of('He said "yes" \\ now.', "Thank you."))
    (tmp_path / "fr.po").write_bytes(data)
    msgfmt_ok(tmp_path / "fr.po")


def test_golden_catalog(tmp_path):
    """The PO text itself; regenerate with PRESSKIT_REGENERATE=1 after an intended change."""
    catalog, _ = run(None, statement_of("We heard about people turning to smugglers.", "Thank you.",
                                        title="Closing of the hearing"))
    catalog = review(catalog, "Thank you.", "Merci.")
    _, data = run(catalog, statement_of("We heard about young people turning to smugglers.", "Thank you.",
                                        title="Closing of the hearing"), moment=LATER)
    golden = GOLDEN / "demo.fr.po"
    if os.environ.get("PRESSKIT_REGENERATE"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(data)
    assert data.decode() == golden.read_text(encoding="utf-8")


# --- files a reviewer broke -------------------------------------------------------------------

BAD = {
    "active-and-obsolete-duplicate.po": 12,
    "bad-header-date.po": 2,
    "bad-header-plural.po": 2,
    "conflict-marker.po": 12,
    "control-character.po": 10,
    "duplicate-header.po": 12,
    "duplicate-msgid.po": 12,
    "empty.po": None,
    "half-obsolete.po": 10,
    "hex-charset.po": 6,
    "msgctxt-without-msgid.po": 9,
    "msgid-without-msgstr.po": 9,
    "msgstr-index.po": 10,
    "plural-entry.po": 10,
    "quote-inside-string.po": 13,
    "second-msgstr.po": 11,
    "stray-line.po": 14,
    "translation-ends-with-newline.po": 12,
    "unbalanced-quote.po": 13,
    "unknown-charset.po": 6,
    "unknown-escape.po": 13,
    "windows-1252.po": 10,
    "wrong-language.po": 4,
}


def test_every_bad_file_is_covered():
    assert sorted(p.name for p in (DATA / "bad" / "catalogs").iterdir()) == sorted(BAD)


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_catalog_is_one_error_with_file_and_line(tmp_path, name):
    path = tmp_path / name
    shutil.copy(DATA / "bad" / "catalogs" / name, path)
    before = path.read_bytes()
    with pytest.raises(CatalogError) as caught:
        catalogs.read_catalog(path, "fr")
    message = caught.value.format_message()
    where = f"{path}:{BAD[name]}: " if BAD[name] else f"{path}: "
    assert message.startswith(where) and "\n" not in message
    assert path.read_bytes() == before


@pytest.mark.parametrize("name, says", [
    ("half-obsolete.po", "#~ on some lines of this entry only"),
    ("hex-charset.po", "unknown charset 'hex' in the header; use UTF-8"),
    ("bad-header-date.po", "in the header: "),
    ("bad-header-plural.po", "in the header: "),
])
def test_bad_catalog_says_what_is_wrong(tmp_path, name, says):
    path = tmp_path / name
    shutil.copy(DATA / "bad" / "catalogs" / name, path)
    with pytest.raises(CatalogError, match=re.escape(says)):
        catalogs.read_catalog(path, "fr")


def test_a_second_msgstr_is_refused_not_dropped(tmp_path):
    # babel keeps the first msgstr, and the next rewrite would delete a reviewer's second one.
    path = tmp_path / "fr.po"
    shutil.copy(DATA / "bad" / "catalogs" / "second-msgstr.po", path)
    with pytest.raises(CatalogError, match="a second msgstr for this msgid; keep one"):
        catalogs.read_catalog(path, "fr")
