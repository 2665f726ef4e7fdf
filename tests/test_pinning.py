"""Pinning: masks for what must come out verbatim, and the choice among hypotheses."""

from __future__ import annotations

import pytest

from toolkit.terminology import starter_glossary
from toolkit.terminology.pinning import Span, choose_hypothesis, mask, pinned_spans, requirements, splice

GLOSSARY = starter_glossary()
SENTENCE = "See A/RES/73/195 and SG/SM/20060 at https://www.un.org/pga/72/ or write to press@un.org."


def test_symbols_urls_and_emails_are_masked_for_every_language():
    for target in ("ar", "zh", "fr", "ru", "es"):
        spans = pinned_spans(SENTENCE, "en", target, GLOSSARY)
        assert [(s.kind, s.text) for s in spans] == [
            ("symbol", "A/RES/73/195"), ("symbol", "SG/SM/20060"), ("url", "https://www.un.org/pga/72/"),
            ("email", "press@un.org")]


def test_names_are_pinned_into_latin_script_languages_only():
    sentence = "Statement by H.E. Mr. Roger Stone, President of the Council."
    assert [s.text for s in pinned_spans(sentence, "en", "es")] == ["Roger Stone"]
    assert pinned_spans(sentence, "en", "ru") == []  # transliterated there, not copied


def test_a_do_not_translate_term_is_pinned_only_where_its_form_is_the_same():
    sentence = "I will see you in New York."
    assert [s.kind for s in pinned_spans(sentence, "en", "fr", GLOSSARY)] == ["term"]
    assert pinned_spans(sentence, "en", "ru", GLOSSARY) == []  # Нью-Йорк: a glossary term to require instead
    assert [r.forms for r in requirements(sentence, "en", "ru", GLOSSARY)] == [("Нью-Йорк",)]


def test_placeholders_are_restored_when_the_model_keeps_them():
    masked = mask(SENTENCE, "en", "fr", GLOSSARY)
    assert "A/RES" not in masked.text and "ZX0Q" in masked.text
    translated = "Voir ZX0Q et zx1q sur ZX 2 Q ou écrire à ZX3Q."
    assert masked.restore(translated) == ("Voir A/RES/73/195 et SG/SM/20060 sur https://www.un.org/pga/72/ "
                                          "ou écrire à press@un.org.")


@pytest.mark.parametrize("broken", ["Voir ZX0Q et ZX1Q.", "Voir ZX0Q ZX0Q ZX1Q ZX2Q ZX3Q.", "Voir tout."])
def test_a_lost_or_doubled_placeholder_falls_back_to_pieces(broken):
    masked = mask(SENTENCE, "en", "fr", GLOSSARY)
    assert masked.restore(broken) is None
    parts = masked.pieces()
    assert [p for p in parts if isinstance(p, str)] == ["See", "and", "at", "or write to", "."]
    out = splice(parts, {"See": "Voir", "and": "et", "at": "sur", "or write to": "ou écrire à"})
    assert out == "Voir A/RES/73/195 et SG/SM/20060 sur https://www.un.org/pga/72/ ou écrire à press@un.org."


def test_the_best_scoring_hypothesis_with_the_terms_is_chosen():
    needed = requirements("The General Assembly and the Member States.", "en", "fr", GLOSSARY)
    hypotheses = ["L’Assemblée nationale et les pays.", "L’Assemblée générale et les pays.",
                  "L’Assemblée générale et les États Membres.", "L’Assemblée générale et les États Membres !"]
    index, used, missing = choose_hypothesis(hypotheses, needed)
    assert index == 2 and missing == []
    assert used == ["General Assembly → Assemblée générale", "Member States → États Membres"]
    index, used, missing = choose_hypothesis(hypotheses[:2], needed)
    assert index == 1 and missing == ["Member States → États Membres"]
    assert choose_hypothesis(["a", "b"], ()) == (0, [], [])


def test_spans_never_overlap():
    spans = pinned_spans("Mail press@un.org or see www.un.org/A/RES/73/195 now.", "en", "fr")
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))
    assert isinstance(spans[0], Span)
