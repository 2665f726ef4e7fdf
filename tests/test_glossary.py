"""Glossaries: the starter UN glossary, workspace CSV and TBX files, and one-line errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from toolkit.terminology import load_glossary, starter_glossary
from toolkit.terminology.glossary import GlossaryError, read_csv, read_tbx
from toolkit.terminology.matching import find_terms, has_forbidden, has_form

DATA = Path(__file__).parent / "data"
BAD = sorted((DATA / "bad" / "glossary").iterdir())
# file -> (line, words the message must hold)
EXPECTED = {
    "bad-do-not-translate.csv": (3, "write yes or no"),
    "duplicate-column.csv": (1, "appears twice"),
    "empty-term.tbx": (6, "empty <term>"),
    "empty.csv": (1, "header row"),
    "entity-expansion.tbx": (9, "does not expand"),
    "latin-1.csv": (2, "UTF-8"),
    "no-form.csv": (3, "no approved form"),
    "no-language.csv": (1, "names no language"),
    "not-well-formed.tbx": (6, "not well-formed XML"),
    "unclosed-quote.csv": (3, "check the quotes"),
    "unknown-column.csv": (1, "unknown column 'colour'"),
    "unknown-language.tbx": (6, "'de' is not one of the six"),
    "unquoted-comma.csv": (3, "needs quotes"),
}


def test_every_bad_file_has_an_expectation():
    assert sorted(p.name for p in BAD) == sorted(EXPECTED)


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.name)
def test_a_bad_glossary_is_one_line_with_file_and_line(path, tmp_path):
    (tmp_path / "glossary").mkdir()
    shutil.copy(path, tmp_path / "glossary" / path.name)
    with pytest.raises(GlossaryError) as caught:
        load_glossary(tmp_path)
    message = caught.value.format_message()
    line, words = EXPECTED[path.name]
    assert message.startswith(f"glossary/{path.name}:{line}: ")
    assert words in message and "\n" not in message


def test_tbx_reads_both_versions_statuses_and_do_not_translate():
    basic = read_tbx(Path("un-terms.tbx"), (DATA / "glossary" / "un-terms.tbx").read_bytes())
    assembly, name = basic
    assert assembly.forms == {"en": ("General Assembly",), "fr": ("Assemblée générale",), "zh": ("大会",)}
    assert assembly.forbidden == {"fr": ("Assemblée Générale",)}
    assert assembly.note == "Principal organ of the United Nations."
    assert name.do_not_translate and not assembly.do_not_translate
    assert name.approved("fr", "en") == ("Miroslav Lajčák",)  # pinned: the source form in every language
    (council,) = read_tbx(Path("sec-council.tbx"), (DATA / "glossary" / "sec-council.tbx").read_bytes())
    assert council.forms["es"] == ("Consejo de Seguridad",) and council.forbidden["es"] == ("Consejo de Securidad",)


def test_tbx_never_fetches_an_external_entity(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("do not read me", encoding="utf-8")
    data = (f'<?xml version="1.0"?><!DOCTYPE martif [<!ENTITY x SYSTEM "file://{secret}">]>'
            '<martif><text><body><termEntry><langSet xml:lang="en"><tig><term>&x;</term></tig></langSet>'
            '</termEntry></body></text></martif>').encode()
    with pytest.raises(GlossaryError, match="does not expand"):
        read_tbx(Path("x.tbx"), data)


def test_a_workspace_glossary_overrides_the_starter_one(tmp_path):
    (tmp_path / "glossary").mkdir()
    shutil.copy(DATA / "glossary" / "workspace.csv", tmp_path / "glossary")
    glossary = load_glossary(tmp_path)
    assembly = [t for t in glossary.terms if t.key == "general assembly"]
    assert len(assembly) == 1 and assembly[0].forms["fr"] == ("Assemblée plénière",)
    assert assembly[0].origin == "glossary/workspace.csv:2"
    # the rest of the starter glossary still holds
    assert any(t.key == "security council" for t in glossary.terms)
    assert len(glossary.terms) == len(starter_glossary().terms) + 1


def test_the_starter_glossary_covers_organs_officers_and_the_sample_in_six_languages():
    glossary = starter_glossary()
    keys = {t.key for t in glossary.terms}
    for key in ("general assembly", "security council", "economic and social council", "secretary-general",
                "president of the general assembly", "member states", "charter of the united nations",
                "international court of justice", "global compact for safe, orderly and regular migration",
                "multi-stakeholder hearing", "international migrants day"):
        assert key in keys, key
    for term in glossary.terms:
        assert set(term.forms) == {"ar", "zh", "en", "fr", "ru", "es"}, term.key


@pytest.mark.parametrize("lang, text, form", [
    ("ru", "Председателя Генеральной Ассамблеи", "Председатель Генеральной Ассамблеи"),
    ("ar", "رئيس الدورة الثانية والسبعين للجمعية العامة", "الجمعية العامة"),
    ("fr", "la Secrétaire générale adjointe", "Secrétaire général adjoint"),
    ("es", "la segunda audiencia interactiva oficiosa de múltiples interesados", "audiencia de múltiples interesados"),
    ("zh", "联合国大会第七十二届会议主席", "大会"),
])
def test_approved_forms_are_found_inflected(lang, text, form):
    assert has_form(text, lang, [form]) == form


def test_the_longest_source_term_wins_and_forbidden_variants_keep_their_capitals():
    terms = starter_glossary().terms
    found = [m.form for m in find_terms("the President of the General Assembly and the Member States", "en", terms)]
    assert found == ["President of the General Assembly", "Member States"]
    assert has_forbidden("les États membres", "fr", ["États membres"]) == "États membres"
    assert has_forbidden("les États Membres", "fr", ["États membres"]) is None


def test_csv_cells_hold_variants_and_forbidden_forms():
    (term,) = read_csv(Path("g.csv"), "en,fr\nMember States,États Membres;État Membre;!États membres\n".encode())
    assert term.forms["fr"] == ("États Membres", "État Membre") and term.forbidden["fr"] == ("États membres",)
