"""Pinning with real (random-weight) Argos packages: masked spans come back verbatim through
SentencePiece and the English pivot, and the hypothesis kept is the one with the glossary term.

The test models translate into nonsense, so these tests check the mechanism, never the prose.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.terminology import Glossary
from toolkit.terminology.glossary import read_csv
from toolkit.terminology.matching import has_form
from toolkit.translation import ArgosTranslator
from toolkit.translation.pinned import PinnedTranslator

PINNED = ["A/RES/73/195", "SG/SM/20060", "https://www.un.org/pga/72/", "press@un.org"]
ENGLISH = ("Mr. Roger Stone presented A/RES/73/195 and SG/SM/20060, published at https://www.un.org/pga/72/. "
           "Questions go to press@un.org today.")
ARABIC = "قدم السيد روجر ستون A/RES/73/195 و SG/SM/20060 المنشورين على https://www.un.org/pga/72/ و press@un.org."


def _glossary(text: str) -> Glossary:
    return Glossary(tuple(read_csv(Path("glossary/test.csv"), text.encode("utf-8"))))


def test_masked_spans_come_back_verbatim_direct_and_through_the_pivot(argos_packages):
    glossary = _glossary("en,fr,es,do_not_translate\nBlue Line,Blue Line,Blue Line,yes\n")
    texts = [ENGLISH + " We crossed the Blue Line.", "A paragraph without anything to pin."]
    with ArgosTranslator(packages_dir=argos_packages) as plain:
        unpinned = plain.translate(texts[:1], "en", "fr")[0].text
    assert not any(span in unpinned for span in PINNED)  # the model alone mangles them
    pinned = PinnedTranslator(ArgosTranslator(packages_dir=argos_packages), glossary)
    with pinned:
        result = pinned.translate_many({("en", "fr"): texts, ("en", "es"): texts[:1], ("ar", "fr"): [ARABIC]})
    for pair in (("en", "fr"), ("en", "es")):
        out = result[pair][0]
        for span in [*PINNED, "Roger Stone", "Blue Line"]:
            assert span in out.text, (pair, span, out.text)
        assert out.terms[0].startswith("Pinned verbatim: Roger Stone, A/RES/73/195")
    pivoted = result["ar", "fr"][0]
    assert pivoted.pivot == "en" and pivoted.package == "translate-ar_en+translate-en_fr"
    for span in PINNED:
        assert span in pivoted.text, (span, pivoted.text)
    assert result["en", "fr"][1].terms == ()  # nothing pinned, nothing said
    assert pinned.masked_spans >= 2 * 6 + 4


def _hypotheses(translator: ArgosTranslator, sentence: str, n: int = 4) -> list[str]:
    """Return the model's n best for `sentence`, decoded as the backend decodes them."""
    leg = translator._route("en", "fr")[0]
    model, package = translator._load(leg)
    prefix = package.target_prefix
    (result,) = model.translate_batch([package.tokenizer.encode(sentence)], beam_size=n, num_hypotheses=n,
                                      length_penalty=0.2, replace_unknowns=True,
                                      target_prefix=[[prefix]] if prefix else None)
    return [package.tokenizer.decode(tokens).strip() for tokens in result.hypotheses]


def test_the_hypothesis_kept_is_the_best_one_with_the_approved_term(argos_packages):
    sentence = "The General Assembly adopted the text."
    with ArgosTranslator(packages_dir=argos_packages) as translator:
        hypotheses = _hypotheses(translator, sentence)
        best = translator.translate([sentence], "en", "fr")[0].text
    assert best == hypotheses[0]
    # An "approved term" only a lower hypothesis has: the mechanism must go and get it.
    chosen = word = None
    for index in range(1, len(hypotheses)):
        for candidate in hypotheses[index].split():
            if len(candidate) > 2 and not any(has_form(h, "fr", [candidate]) for h in hypotheses[:index]):
                chosen, word = index, candidate
                break
        if word:
            break
    assert word, f"the test model gave no distinct hypotheses: {hypotheses}"
    glossary = _glossary(f'en,fr\nGeneral Assembly,"{word}"\n')
    with PinnedTranslator(ArgosTranslator(packages_dir=argos_packages), glossary) as pinned:
        (out,) = pinned.translate([sentence], "en", "fr")
    assert out.text == hypotheses[chosen]
    assert out.terms == (f"Glossary terms enforced: General Assembly → {word}",)


def test_a_term_no_hypothesis_has_is_said_so(argos_packages):
    glossary = _glossary("en,fr\nGeneral Assembly,Assemblée générale\n")
    with PinnedTranslator(ArgosTranslator(packages_dir=argos_packages), glossary) as pinned:
        (out,) = pinned.translate(["The General Assembly adopted the text."], "en", "fr")
    assert out.terms == ("Glossary terms in no hypothesis: General Assembly → Assemblée générale",)


@pytest.mark.parametrize("text", ["", "2017", "   "])
def test_texts_without_letters_pass_through(argos_packages, text):
    with PinnedTranslator(ArgosTranslator(packages_dir=argos_packages), Glossary()) as pinned:
        assert pinned.translate([text], "en", "fr")[0].text == text
