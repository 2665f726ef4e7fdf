"""Human translations in the translation memory: stored from reviewed entries, recalled for the
same text, for a text whose sentences were all reviewed, or for a close (>= 85 %) text."""

from __future__ import annotations

from pathlib import Path

from test_catalogs import LATER, fake_suggest, reread, statement_of
from toolkit import catalogs
from toolkit.translation import reuse
from toolkit.translation.memory import HumanUnit, TranslationMemory

GREETING = "Excellencies, distinguished delegates, ladies and gentlemen, it is an honour to be here."
THANKS = "I thank you for your attention."


def memory_at(tmp_path: Path) -> TranslationMemory:
    return TranslationMemory(tmp_path / "memory.sqlite3")


def test_reviewed_pairs_are_stored_by_paragraph_and_by_aligned_sentence(tmp_path):
    pairs = [("We heard you. We thank you.", "Nous vous avons entendus. Nous vous remercions."),
             ("One sentence. And two.", "Une phrase et deux.")]  # 2 sentences against 1: no alignment
    units = list(reuse.reviewed_units(pairs, "en", "fr", "demo", "2017-10-11"))
    assert [(u.source, u.target, u.level) for u in units] == [
        ("We heard you. We thank you.", "Nous vous avons entendus. Nous vous remercions.", "paragraph"),
        ("We heard you.", "Nous vous avons entendus.", "sentence"),
        ("We thank you.", "Nous vous remercions.", "sentence"),
        ("One sentence. And two.", "Une phrase et deux.", "paragraph"),
    ]
    assert {(u.origin, u.date, u.kind) for u in units} == {("demo", "2017-10-11", "reviewed")}


def test_recall_gives_exact_assembled_and_close_matches_and_leaves_the_rest(tmp_path):
    with memory_at(tmp_path) as memory:
        memory.store_human(reuse.reviewed_units(
            [(GREETING, "Excellences, Mesdames et Messieurs les délégués, c'est un honneur d'être ici."),
             (f"We heard you. {THANKS}", "Nous vous avons entendus. Je vous remercie de votre attention.")],
            "en", "fr", "first-statement", "2017-10-11"))
        close = GREETING.replace("here", "with you")
        assembled = f"{THANKS} We heard you."
        new = "The compact is a milestone for the world."
        found = reuse.recall(memory, "en", "fr", [GREETING, close, assembled, new])
    assert set(found) == {GREETING, close, assembled}  # the new paragraph is the machine's
    exact = found[GREETING].memory
    assert exact.exact and exact.origin == "first-statement" and exact.date == "2017-10-11"
    assert found[assembled].text == "Je vous remercie de votre attention. Nous vous avons entendus."
    assert found[assembled].memory.sentences == 2
    near = found[close].memory
    assert 0.85 <= near.similarity < 1 and near.source == GREETING
    assert found[close].engine == reuse.ENGINE


def test_nothing_under_85_percent_is_offered(tmp_path):
    with memory_at(tmp_path) as memory:
        memory.store_human([HumanUnit("en", "fr", "We heard about people turning to smugglers.",
                                      "Nous avons entendu parler de passeurs.", "a", None)])
        assert memory.human_close("en", "fr", "We heard about young people turning to smugglers.") is not None
        assert memory.human_close("en", "fr", "We heard from migrants who turned to smugglers at sea.") is None
        assert memory.human_close("en", "es", "We heard about young people turning to smugglers.") is None


def test_workspace_review_is_never_replaced_by_an_import_and_newer_review_wins(tmp_path):
    with memory_at(tmp_path) as memory:
        memory.store_human([HumanUnit("en", "fr", "Thank you.", "Merci.", "old", "2016-01-01")])
        memory.store_human([HumanUnit("en", "fr", "Thank you.", "Merci bien.", "archive.tmx", "2020-01-01",
                                      kind="imported")])
        assert memory.human_exact("en", "fr", ["Thank you."])["Thank you."].target == "Merci."
        memory.store_human([HumanUnit("en", "fr", "Thank you.", "Je vous remercie.", "new", "2018-05-05")])
        memory.store_human([HumanUnit("en", "fr", "Thank you.", "Merci !", "older", "2015-05-05")])
        match = memory.human_exact("en", "fr", ["Thank you."])["Thank you."]
        assert (match.target, match.origin, match.date) == ("Je vous remercie.", "new", "2018-05-05")


def test_memory_suggestion_is_fuzzy_with_its_origin_and_a_close_one_shows_the_previous_text(tmp_path):
    with memory_at(tmp_path) as memory:
        memory.store_human(reuse.reviewed_units(
            [(GREETING, "Excellences, Mesdames et Messieurs, c'est un honneur."),
             (THANKS, "Je vous remercie de votre attention.")], "en", "fr", "first-statement", "2017-10-11"))
        close = THANKS.replace("your", "all your")
        statement = statement_of(GREETING, close, "A new paragraph.")
        entries = catalogs.source_entries(statement, Path("."))
        pending = catalogs.texts_to_suggest(None, entries)
        found = reuse.recall(memory, "en", "fr", pending)
    rest = [t for t in pending if t not in found]
    assert rest == ["A new paragraph."]
    found.update({s.source: s for s in fake_suggest(rest, "en", "fr")})
    merged = catalogs.update_catalog(None, entries, "fr", found, slug="demo")
    catalogs.stamp_catalog(merged, None, LATER)
    data = catalogs.render_catalog(merged).decode()
    catalog = reread(data.encode())
    exact = catalog.get(GREETING)
    assert exact.fuzzy and exact.string == "Excellences, Mesdames et Messieurs, c'est un honneur."
    assert " ".join(exact.auto_comments).startswith("Translation memory: the same text, reviewed in first-statement "
                                                 "(2017-10-11)")
    near = catalog.get(close)
    assert near.fuzzy and near.string == "Je vous remercie de votre attention." and near.previous_id == [THANKS]
    assert " ".join(near.auto_comments).startswith("Translation memory: a 9")
    machine = catalog.get("A new paragraph.")
    assert machine.string == "[fr] A new paragraph." and machine.auto_comments[0].startswith("Machine translation")
    status = catalogs.catalog_status(statement, "fr", Path("fr.po"), catalog, entries)
    assert status.reviewed == 0 and status.machine == 3
    assert "from the translation memory" in status.unreviewed[0]
