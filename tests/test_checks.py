"""The checks: clean on the reviewed sample, and each known damage found with the right check."""

from __future__ import annotations

import subprocess

import pytest

from support.damage import LANGS, ROOT, SLUG, plan_damages, reviewed_catalog
from toolkit.catalogs import read_catalog, render_catalog
from toolkit.checks import Problem, acknowledged, check_entry, without_check_comments
from toolkit.checks.catalog import annotate_catalog, check_catalog
from toolkit.terminology import starter_glossary

GLOSSARY = starter_glossary()
EXPECTED_CHECK = {
    "number": {"numbers"}, "date": {"dates"}, "sentence-dropped": {"sentences"},
    "english-left": {"untranslated", "latin"}, "repeated": {"repeated"}, "term": {"glossary"},
    "name": {"glossary", "pinned"},
}


@pytest.mark.parametrize("lang", LANGS)
def test_the_reviewed_sample_is_clean(lang):
    catalog = reviewed_catalog(lang)
    found = {m.id[:40]: check_entry(m.id, m.string, "en", lang, GLOSSARY) for m in catalog if m.id}
    assert {k: v for k, v in found.items() if v} == {}
    assert len(found) == 23


def test_every_damage_is_found_by_the_check_meant_for_it():
    damages = plan_damages()
    assert len(damages) >= 60 and {d.lang for d in damages} == set(LANGS)
    missed = []
    for damage in damages:
        codes = {p.code for p in check_entry(damage.msgid, damage.after, "en", damage.lang, GLOSSARY)}
        if not codes & EXPECTED_CHECK[damage.kind]:
            missed.append((damage.lang, damage.kind, codes, damage.after[:60]))
    assert missed == []


@pytest.mark.parametrize("source, target, lang", [
    ("on 18 December 2017", "في ١٨ كانون الأول/ديسمبر ٢٠١٧", "ar"),  # Eastern Arabic digits
    ("10,000 migrants", "10 000 migrants", "fr"),
    ("10,000 migrants", "10.000 migrantes", "es"),
    ("on 18 December", "12月18日", "zh"),  # 12 is the month
    ("the 72nd Session", "la soixante-douzième session", "fr"),  # UN style spells session numbers
    ("three conclusions", "3 conclusions", "fr"),
    ("3 conclusions", "trois conclusions", "fr"),
    ("between May and Friday", "в период с мая по пятницу", "ru"),
])
def test_numbers_and_dates_are_compared_as_each_language_writes_them(source, target, lang):
    assert [p for p in check_entry(source, target, "en", lang) if p.code in ("numbers", "dates")] == []


@pytest.mark.parametrize("source, target, lang, code, words", [
    ("on 18 December", "le 19 décembre", "fr", "numbers", "“18” is in the source"),
    ("on 18 December", "le 18 novembre", "fr", "dates", "names December"),
    ("See A/RES/73/195.", "Voir A/RES/73/196.", "fr", "pinned", "A/RES/73/195"),
    ("Write to press@un.org today.", "Écrivez à presse@onu.org aujourd’hui.", "fr", "pinned", "press@un.org"),
    ("Statement by Mr. Roger Stone.", "Déclaration de M. Roger Piedra.", "fr", "pinned", "Roger Stone"),
    ("The General Assembly met.", "Генеральный совет собрался.", "ru", "glossary", "Генеральная Ассамблея"),
    ("The Member States agreed.", "Les États membres sont convenus.", "fr", "glossary", "variant to avoid"),
    ("We heard many things today.", "اليوم سمعنا many things.", "ar", "latin", "many things"),
    ("We heard them.", "Nous les avons avons entendus.", "fr", "repeated", "avons"),
    ("As he said: “Wheels exist”.", "Comme il l’a dit : “Les roues existent”.", "fr", "quotes", "« »"),
    ("It was (not) so.", "Ce n’était (pas si.", "fr", "brackets", "pair up"),
    ("Thank you.", "Merci", "fr", "punctuation", "no punctuation"),
])
def test_each_check_names_what_it_found(source, target, lang, code, words):
    problems = [p for p in check_entry(source, target, "en", lang, GLOSSARY) if p.code == code]
    assert any(words in p.message for p in problems), check_entry(source, target, "en", lang, GLOSSARY)


def test_a_flag_acknowledges_one_kind_of_problem():
    problem = Problem("numbers", "“18” is in the source, not in the translation")
    assert acknowledged(problem, {"ignore-numbers"}) and not acknowledged(problem, {"ignore-dates"})
    assert problem.is_error and not Problem("quotes", "x").is_error


def _damaged_file(tmp_path):
    damage = next(d for d in plan_damages() if d.lang == "fr" and d.kind == "term")
    source = reviewed_catalog("fr")
    path = tmp_path / "fr.po"
    path.write_bytes((ROOT / "locales" / "fr" / "LC_MESSAGES" / f"{SLUG}.po").read_bytes())
    catalog = read_catalog(path, "fr")
    catalog.get(damage.msgid).string = damage.after
    catalog.get(damage.msgid).flags.add("fuzzy")
    path.write_bytes(render_catalog(catalog))
    return path, damage, source


def test_check_comments_are_written_wrapped_pass_msgfmt_and_do_not_churn(tmp_path):
    path, damage, _ = _damaged_file(tmp_path)
    catalog = read_catalog(path, "fr")
    results = annotate_catalog(catalog, "en", "fr", GLOSSARY)
    assert [r.msgid for r in results if r.problems] == [damage.msgid]
    path.write_bytes(render_catalog(catalog))
    text = path.read_text(encoding="utf-8")
    assert "#. check: glossary: " in text and all(len(line) <= 79 for line in text.splitlines() if line.startswith("#."))
    out = subprocess.run(["msgfmt", "--check-format", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    again = read_catalog(path, "fr")
    annotate_catalog(again, "en", "fr", GLOSSARY)
    assert render_catalog(again) == path.read_bytes()  # same problems: the file as it is


def test_a_fixed_entry_loses_its_check_comments(tmp_path):
    path, damage, source = _damaged_file(tmp_path)
    catalog = read_catalog(path, "fr")
    annotate_catalog(catalog, "en", "fr", GLOSSARY)
    path.write_bytes(render_catalog(catalog))
    catalog = read_catalog(path, "fr")
    catalog.get(damage.msgid).string = source.get(damage.msgid).string
    annotate_catalog(catalog, "en", "fr", GLOSSARY)
    assert not [c for c in catalog.get(damage.msgid).auto_comments if c.startswith("check:")]
    assert check_catalog(catalog, "en", "fr", GLOSSARY) and all(not r.problems for r in check_catalog(
        catalog, "en", "fr", GLOSSARY))


def test_only_the_check_comments_are_replaced():
    lines = ["Machine translation: Argos Translate (CTranslate2)", "check: numbers: “18” is in the",
             "source, not in the translation"]
    assert without_check_comments(lines) == lines[:1]
