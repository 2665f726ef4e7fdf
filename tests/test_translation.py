"""The translate stage on real (tiny, random-weight) Argos packages: routes, batching, memory."""

from __future__ import annotations

import socket
import sqlite3
import subprocess
import sys

import pytest

from toolkit.errors import TranslationError
from toolkit.translation import ArgosTranslator, TranslationMemory, split_sentences
from toolkit.translation.sentences import ABBREVIATIONS

PARAGRAPHS = [
    "Thank you for participating in today’s interactive multi-stakeholder hearing. We received a lot of information.",
    "Closing statement by H.E. Mr. Miroslav Lajčák, President of the 72nd Session of the UN General Assembly.",
    "The aim of today was to engage, to listen, and to learn. We did all of that.",
]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("We heard you. Thank you!", ["We heard you.", "Thank you!"]),
        ("Statement by H.E. Mr. Lajčák, President. Thank you.", ["Statement by H.E. Mr. Lajčák, President.", "Thank you."]),
        ("See resolution No. 72/1, e.g. the text. Dr. Smith agreed.", ["See resolution No. 72/1, e.g. the text.", "Dr. Smith agreed."]),
        ("The U.N. Secretary-General spoke at 10 a.m. in New York.", ["The U.N. Secretary-General spoke at 10 a.m. in New York."]),
        ("J. K. Rowling came. So did i.e. nobody.", ["J. K. Rowling came.", "So did i.e. nobody."]),
        ("Did we? Yes… Indeed.", ["Did we?", "Yes…", "Indeed."]),
        ("“We did all of that.” And more.", ["“We did all of that.”", "And more."]),
        ("Migrants, refugees, etc. The compact is next.", ["Migrants, refugees, etc.", "The compact is next."]),
        ("我们听到了。谢谢！你好吗？好", ["我们听到了。", "谢谢！", "你好吗？", "好"]),
        ("هل سمعتم؟ نعم. شكرا!", ["هل سمعتم؟", "نعم.", "شكرا!"]),
        ("Он сказал: «Спасибо». Т.е. всё.", ["Он сказал: «Спасибо».", "Т.е. всё."]),
        ("1.5 million people", ["1.5 million people"]),
        ("   ", []),
    ],
)
def test_split_sentences(text, expected):
    assert split_sentences(text) == expected


def test_abbreviations_are_lower_case_without_final_period():
    assert all(a == a.lower() and not a.endswith(".") for a in ABBREVIATIONS)


def test_import_is_cheap():
    code = (
        "import sys, toolkit.translation; "
        "heavy = [m for m in ('argostranslate', 'ctranslate2', 'sentencepiece', 'torch') if m in sys.modules]; "
        "assert not heavy, heavy"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_translate_returns_one_suggestion_per_text_in_order(argos_packages):
    texts = PARAGRAPHS + ["", "   ", "2017", "1.5 — 2.0"]
    with ArgosTranslator(packages_dir=argos_packages) as translator:
        suggestions = translator.translate(texts, "en", "fr")
    assert [s.source for s in suggestions] == texts
    for suggestion in suggestions[:3]:
        assert suggestion.text.strip() and suggestion.text != suggestion.source
        assert (suggestion.engine, suggestion.package, suggestion.version, suggestion.pivot) == (
            "Argos Translate (CTranslate2)", "translate-en_fr", "1.0", None)
    assert [s.text for s in suggestions[3:]] == ["", "   ", "2017", "1.5 — 2.0"]  # untouched
    # Every sentence of every text went to the model in one batched call.
    assert translator.model_calls == 1
    assert translator.sentences_translated == sum(len(split_sentences(p)) for p in PARAGRAPHS)


def test_texts_without_letters_never_load_a_model(argos_packages):
    with ArgosTranslator(packages_dir=argos_packages) as translator:
        suggestions = translator.translate(["", "42", " 3.14 "], "en", "fr")
    assert [s.text for s in suggestions] == ["", "42", " 3.14 "]
    assert translator.model_calls == 0


def test_duplicate_sentences_are_translated_once(argos_packages):
    with ArgosTranslator(packages_dir=argos_packages) as translator:
        first, second = translator.translate(["Thank you. Thank you.", "Thank you."], "en", "es")
    assert translator.sentences_translated == 1
    half = second.text
    assert first.text == f"{half} {half}"


def test_pivot_through_english(argos_packages):
    with ArgosTranslator(packages_dir=argos_packages) as translator:
        assert translator.missing_pairs([("ar", t) for t in ("ar", "en", "fr", "es", "zh")]) == [("ar", "zh")]
        french = translator.translate(["شكرا لكم. نعم."], "ar", "fr")
        spanish = translator.translate(["شكرا لكم. نعم."], "ar", "es")
    assert french[0].pivot == spanish[0].pivot == "en"
    assert french[0].package == "translate-ar_en+translate-en_fr"
    assert french[0].version == "1.0+1.0"
    # The ar→en leg is shared: Spanish only costs its en→es leg.
    assert translator.model_calls == 3
    assert translator.sentences_translated == 2 * 3


def test_missing_model_says_what_to_install(argos_packages):
    with ArgosTranslator(packages_dir=argos_packages) as translator:
        assert "presskit models install zh" in translator.install_hint([("ar", "zh")])
        assert "translate-en_zh-*.argosmodel" in translator.install_hint([("ar", "zh")])
        with pytest.raises(TranslationError, match=r"ar→zh.*presskit models install zh") as info:
            translator.translate(["مرحبا"], "ar", "zh")
    assert "\n" not in str(info.value)


def test_progress_reaches_the_announced_total(argos_packages):
    steps = []
    texts = PARAGRAPHS + ["Thank you."]
    with ArgosTranslator(packages_dir=argos_packages) as translator:
        total = translator.progress_total(texts, "en", "fr")
        translator.translate(texts, "en", "fr", progress=steps.append)
        assert sum(steps) == total == 6
        pivot_steps = []
        total = translator.progress_total(["شكرا لكم. نعم."], "ar", "fr")
        translator.translate(["شكرا لكم. نعم."], "ar", "fr", progress=pivot_steps.append)
    assert sum(pivot_steps) == total == 4


def test_memory_makes_a_rerun_free(argos_packages, tmp_path):
    path = tmp_path / ".presskit" / "memory.sqlite3"
    with TranslationMemory(path) as memory, ArgosTranslator(argos_packages, memory) as translator:
        first = translator.translate(PARAGRAPHS, "en", "fr")
    assert translator.sentences_translated == 5
    with TranslationMemory(path) as memory, ArgosTranslator(argos_packages, memory) as translator:
        again = translator.translate(PARAGRAPHS, "en", "fr")
    assert (translator.model_calls, translator.sentences_translated) == (0, 0)
    assert again == first


def test_memory_retranslates_only_what_changed(argos_packages, tmp_path):
    path = tmp_path / "memory.sqlite3"
    with TranslationMemory(path) as memory, ArgosTranslator(argos_packages, memory) as translator:
        before = translator.translate(PARAGRAPHS, "en", "es")
    edited = [PARAGRAPHS[0], PARAGRAPHS[1], "The aim of today was to engage and to listen. We did all of that."]
    with TranslationMemory(path) as memory, ArgosTranslator(argos_packages, memory) as translator:
        after = translator.translate(edited, "en", "es")
    assert translator.sentences_translated == 1  # the one edited sentence
    assert after[:2] == before[:2]


def test_memory_is_keyed_by_package_version(argos_packages, tmp_path):
    path = tmp_path / "memory.sqlite3"
    with TranslationMemory(path) as memory:
        memory.store(("en", "fr", "translate-en_fr", "0.9/beam4"), [("Thank you.", "old model")])
        with ArgosTranslator(argos_packages, memory) as translator:
            (suggestion,) = translator.translate(["Thank you."], "en", "fr")
    assert suggestion.text != "old model" and translator.sentences_translated == 1


def test_memory_survives_a_failed_write(tmp_path):
    with TranslationMemory(tmp_path / "memory.sqlite3") as memory:
        key = ("en", "fr", "translate-en_fr", "1.0/beam4")
        memory.store(key, [("a", "b")])
        with pytest.raises(sqlite3.Error):
            memory.store(key, [("c", "d"), ("e", object())])  # fails mid-transaction
        assert memory.lookup(key, ["a", "c", "e"]) == {"a": "b"}
        assert len(memory) == 1


def test_translating_opens_no_socket(argos_packages, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("translation tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    with ArgosTranslator(packages_dir=argos_packages) as translator:
        suggestions = translator.translate(PARAGRAPHS, "en", "es")
        suggestions += translator.translate(["شكرا لكم."], "ar", "fr")
    assert all(s.text for s in suggestions)


def test_one_model_in_memory_at_a_time(argos_packages):
    translator = ArgosTranslator(packages_dir=argos_packages)
    translator.translate(["Thank you."], "en", "fr")
    loaded_fr = translator._loaded[1]
    translator.translate(["Thank you."], "en", "es")
    assert not loaded_fr.model_is_loaded
    translator.close()
    assert translator._loaded is None


ARABIC = ["شكرا لكم. نعم.", "الهجرة محرك قوي للنمو.", "يجب أن نعمل معا."]


def _spy_loads(translator, monkeypatch):
    loads = []
    real = translator._load

    def load(leg):
        if translator._loaded is None or translator._loaded[0] != leg.path:
            loads.append(f"{leg.from_code}->{leg.to_code}")
        return real(leg)

    monkeypatch.setattr(translator, "_load", load)
    return loads


def _one_by_one(argos_packages, requests):
    with ArgosTranslator(packages_dir=argos_packages) as translator:
        return {pair: translator.translate(texts, *pair) for pair, texts in requests.items()}


def test_translate_many_loads_each_model_once(argos_packages, monkeypatch):
    # An Arabic and an English statement into en, fr, es: pair by pair, en->fr and en->es
    # were each loaded twice.
    requests = {("ar", "en"): ARABIC, ("ar", "fr"): ARABIC, ("ar", "es"): ARABIC,
                ("en", "fr"): PARAGRAPHS, ("en", "es"): PARAGRAPHS}
    with ArgosTranslator(packages_dir=argos_packages) as translator:
        loads = _spy_loads(translator, monkeypatch)
        found = translator.translate_many(requests)
    assert sorted(loads) == ["ar->en", "en->es", "en->fr"]
    assert loads[0] == "ar->en"  # first legs, then second legs
    assert translator.model_calls == 3
    assert found == _one_by_one(argos_packages, requests)


def test_translate_many_shares_a_first_leg_between_unequal_pairs(argos_packages, monkeypatch):
    # French mostly reviewed (one text left), Spanish empty: ar->en ran twice pair by pair.
    requests = {("ar", "fr"): ARABIC[:1], ("ar", "es"): ARABIC}
    with ArgosTranslator(packages_dir=argos_packages) as translator:
        loads = _spy_loads(translator, monkeypatch)
        found = translator.translate_many(requests)
    assert loads == ["ar->en", "en->fr", "en->es"]
    assert found == _one_by_one(argos_packages, requests)


def test_translate_many_shows_one_bar_per_leg(argos_packages):
    bars = []

    class Bar:
        def __init__(self, label, total):
            self.entry = [label, total, 0]
            bars.append(self.entry)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            pass

        def update(self, n):
            self.entry[2] += n

    requests = {("ar", "fr"): ARABIC[:1], ("ar", "es"): ARABIC, ("en", "fr"): ["Thank you."]}
    with ArgosTranslator(packages_dir=argos_packages) as translator:
        translator.translate_many(requests, bar=Bar)
    labels = [label for label, _, _ in bars]
    assert labels == ["translating ar→en", "translating en→fr", "translating en→es"]
    assert bars[0][1] == 4  # the unique Arabic sentences
    assert bars[1][1] >= 2  # the English of one Arabic text (1 or 2 sentences) and "Thank you."
    assert all(total == done for _, total, done in bars)


def test_translate_many_reports_every_missing_pair_before_loading(argos_packages, monkeypatch):
    with ArgosTranslator(packages_dir=argos_packages) as translator:
        loads = _spy_loads(translator, monkeypatch)
        with pytest.raises(TranslationError, match="ar→zh"):
            translator.translate_many({("ar", "fr"): ARABIC, ("ar", "zh"): ARABIC})
    assert loads == []


@pytest.mark.parametrize("content", [b"not a database, a text file " * 100, b"SQLite format 3\x00" + b"\xff" * 4000])
def test_a_damaged_memory_is_a_warning_not_a_failure(argos_packages, tmp_path, caplog, content):
    path = tmp_path / ".presskit" / "memory.sqlite3"
    path.parent.mkdir()
    path.write_bytes(content)
    with TranslationMemory(path) as memory, ArgosTranslator(argos_packages, memory) as translator:
        suggestions = translator.translate(PARAGRAPHS, "en", "fr")
        translator.translate(PARAGRAPHS, "en", "es")
    assert all(s.text for s in suggestions)
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert len(warnings) == 1 and str(path) in warnings[0]
    assert "only a cache" in warnings[0] and "delete" in warnings[0] and "\n" not in warnings[0]
    assert path.read_bytes() == content  # left for the user to look at or delete


def test_the_argos_backend_and_the_test_fake_are_translators(argos_packages):
    from support.translators import FakeTranslator
    from toolkit.translation import Translator

    with ArgosTranslator(packages_dir=argos_packages) as translator:
        assert isinstance(translator, Translator)
    assert isinstance(FakeTranslator(), Translator)
    assert not isinstance(object(), Translator)


def test_length_batches_hold_every_sentence_once_within_the_token_budget():
    from toolkit.translation.argos import length_batches

    encoded = [["▁w"] * n for n in (40, 3, 300, 12, 12, 700, 1)]
    batches = length_batches(encoded, 64)
    assert sorted(i for batch in batches for i in batch) == list(range(len(encoded)))
    lengths = [[len(encoded[i]) for i in batch] for batch in batches]
    assert lengths == [[1, 3, 12, 12], [40], [300], [700]]  # shortest first; a long one alone
    assert all(sum(b) <= 64 or len(b) == 1 for b in lengths)


def test_each_batch_is_decoded_no_longer_than_its_sentences_need(argos_packages):
    # A model caught in a repetition loop (and a random test model) never ends a sentence: without
    # a limit every hypothesis runs to CTranslate2's 256 tokens, and the batch's memory with it.
    from toolkit.translation import packages
    from toolkit.translation.argos import DECODING_CAP, decoding_limit

    assert decoding_limit([["a"] * 5, ["b"] * 10]) == 3 * 10 + 16 and decoding_limit([["a"] * 500]) == DECODING_CAP
    texts = ["Peace now.", "Water is the thread that ties every goal together, " * 50]  # > 512 tokens
    calls = []
    with ArgosTranslator(packages_dir=argos_packages) as translator:
        model, package = translator._load(packages.installed_packages(argos_packages)[("en", "fr")])

        class Recording:  # the real model, its calls noted
            def __getattr__(self, name):
                return getattr(model, name)

            def translate_batch(self, batch, **options):
                calls.append((len(batch), max(len(tokens) for tokens in batch), options["max_decoding_length"]))
                return model.translate_batch(batch, **options)

        translator._loaded = (translator._loaded[0], Recording(), package)
        suggestions = translator.translate(texts, "en", "fr")
    assert all(s.text.strip() for s in suggestions)
    assert len(calls) == 2  # the short sentence and the long one in batches of their own
    for size, longest, limit in calls:
        assert limit == min(DECODING_CAP, 3 * longest + 16)
    assert calls[0][2] < 64 and calls[1][2] == DECODING_CAP
