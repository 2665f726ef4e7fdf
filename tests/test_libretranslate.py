"""The LibreTranslate client against a small server on 127.0.0.1 that speaks its API.

Error cases (dead server, wrong key, rate limit, missing language, batch limit, timeouts) are
hard to provoke on the real server; tests/integration runs the real LibreTranslate.
"""

from __future__ import annotations

import logging
import shutil
import socket
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from click.testing import CliRunner

from support.fake_libretranslate import Behaviour, FakeLibreTranslate, translation
from toolkit.cli import cli
from toolkit.config import load_config
from toolkit.errors import ConfigError, TranslationError
from toolkit.translation import TranslationMemory, open_translator
from toolkit.translation.libretranslate import API_KEY_VARIABLE, LibreTranslateTranslator

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "speeches" / "closing-second-multistakeholder-hearing.txt"
TEXTS = ["Good morning. Thank you all for coming.", "The Assembly met on 5 May.", "2030", "Thank you."]


def closed_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}"


def quick(urls, **kwargs) -> LibreTranslateTranslator:
    kwargs.setdefault("retries", 1)
    kwargs.setdefault("backoff", 0.01)
    return LibreTranslateTranslator(urls, **kwargs)


def test_batches_of_sentences_come_back_in_order_for_every_pair():
    with FakeLibreTranslate() as server:
        found = quick([server.url]).translate_many({("en", "fr"): TEXTS, ("en", "es"): TEXTS[:1]})
    fr = [s.text for s in found["en", "fr"]]
    assert fr[0] == translation("Good morning.", "fr") + " " + translation("Thank you all for coming.", "fr")
    assert fr[2] == "2030"  # no letters: not sent
    assert fr[3] == translation("Thank you.", "fr")
    assert found["en", "es"][0].text.startswith("es:Good morning.")
    suggestion = found["en", "fr"][0]
    assert (suggestion.engine, suggestion.package, suggestion.version) == (
        f"LibreTranslate ({server.url})", "LibreTranslate", "1.9.6")
    # One request per pair: every sentence of the pair in one q list.
    assert sorted(len(r["q"]) for r in server.behaviour.requests) == [2, 4]


def test_batch_limit_is_learnt_from_the_servers_refusal():
    behaviour = Behaviour(batch_limit=2)
    sentences = [f"Sentence number {n} is here." for n in range(7)]
    with FakeLibreTranslate(behaviour) as server:
        translator = quick([server.url], batch_size=5)
        found = translator.translate(sentences, "en", "fr")
    assert [s.text for s in found] == [translation(s, "fr") for s in sentences]
    accepted = [len(r["q"]) for r in behaviour.requests if len(r["q"]) <= 2]
    assert sum(accepted) == 7 and translator.batch_size == 2


def test_char_limit_from_frontend_settings_is_checked_before_sending():
    with FakeLibreTranslate(Behaviour(char_limit=10)) as server:
        with pytest.raises(TranslationError, match=r"over the LibreTranslate server's limit of 10") as info:
            quick([server.url]).translate(["A sentence far longer than ten."], "en", "fr")
        assert server.behaviour.requests == []
    assert "\n" not in str(info.value)


def test_memory_means_a_second_run_sends_nothing(tmp_path):
    with FakeLibreTranslate() as server:
        with TranslationMemory(tmp_path / "memory.sqlite3") as memory:
            first = quick([server.url], memory=memory).translate(TEXTS, "en", "fr")
        sent = len(server.behaviour.requests)
        with TranslationMemory(tmp_path / "memory.sqlite3") as memory:
            again = quick([server.url], memory=memory).translate(TEXTS, "en", "fr")
        assert len(server.behaviour.requests) == sent == 1
    assert [s.text for s in again] == [s.text for s in first]


def test_dead_server_is_one_clear_line():
    url = closed_port_url()
    with pytest.raises(TranslationError) as info:
        quick([url]).translate(TEXTS, "en", "fr")
    message = str(info.value)
    assert f"the LibreTranslate server {url} is not answering (connection refused)" in message
    assert "libretranslate_url" in message and "\n" not in message


def test_wrong_key_is_one_clear_line_without_the_key():
    with FakeLibreTranslate(Behaviour(api_keys=("right-key",))) as server:
        with pytest.raises(TranslationError) as info:
            quick([server.url], api_key="wrong-key-123").translate(TEXTS, "en", "fr")
        assert len(server.behaviour.requests) == 1  # a refused key is not retried
        ok = quick([server.url], api_key="right-key").translate(TEXTS[:1], "en", "fr")
    message = str(info.value)
    assert "refused the API key (Invalid API key)" in message and API_KEY_VARIABLE in message
    assert "wrong-key-123" not in message and "wrong-key-123" not in repr(quick([server.url], api_key="wrong-key-123"))
    assert ok[0].text.startswith("fr:")


def test_rate_limit_is_retried_then_reported():
    with FakeLibreTranslate(Behaviour(busy=2)) as server:
        found = quick([server.url], retries=3).translate(TEXTS[:1], "en", "fr")
        assert found[0].text.startswith("fr:") and len(server.behaviour.requests) == 3
        server.behaviour.busy = 10
        with pytest.raises(TranslationError, match=r"is limiting requests \(Slowdown: 2 per 1 minute\); wait"):
            quick([server.url], retries=2).translate(TEXTS[1:2], "en", "fr")


def test_server_error_is_retried():
    with FakeLibreTranslate(Behaviour(fail=1)) as server:
        assert quick([server.url]).translate(TEXTS[:1], "en", "fr")[0].text.startswith("fr:")


def test_missing_language_names_what_the_server_offers():
    with FakeLibreTranslate() as server:
        translator = quick([server.url])
        assert translator.missing_pairs([("en", "fr"), ("en", "ru"), ("en", "en")]) == [("en", "ru")]
        with pytest.raises(TranslationError) as info:
            translator.translate_many({("en", "ru"): TEXTS, ("en", "fr"): TEXTS})
        assert server.behaviour.requests == []  # checked before anything is sent
    message = str(info.value)
    assert message.startswith("LibreTranslate cannot translate en→ru;")
    assert f"the LibreTranslate server {server.url} offers en→es, en→fr, fr→en" in message


def test_chinese_is_zh_whatever_the_server_calls_it():
    with FakeLibreTranslate(Behaviour(pairs=(("en", "zh"),))) as server:
        translator = quick([server.url])
        assert translator.missing_pairs([("en", "zh")]) == []
        assert translator.translate(["Hello there. Thank you."], "en", "zh")[0].text == "zh:Hello there.zh:Thank you."


def test_timeout_is_one_clear_line():
    with FakeLibreTranslate(Behaviour(delay=2)) as server:
        with pytest.raises(TranslationError, match=r"is not answering \(no answer in time\)"):
            quick([server.url], timeout=0.3, retries=0).translate(TEXTS[:1], "en", "fr")


def test_batches_are_spread_over_several_servers():
    sentences = [f"Sentence {n} of the archive." for n in range(40)]
    with FakeLibreTranslate(Behaviour(delay=0.02)) as one, FakeLibreTranslate(Behaviour(delay=0.02)) as two:
        translator = quick([one.url, two.url], batch_size=4, concurrency=1)
        found = translator.translate(sentences, "en", "fr")
    assert [s.text for s in found] == [translation(s, "fr") for s in sentences]
    assert one.behaviour.requests and two.behaviour.requests
    assert len(one.behaviour.requests) + len(two.behaviour.requests) == 10 == translator.requests_made


def test_a_dead_server_among_several_is_left_out(caplog):
    sentences = [f"Sentence {n}." for n in range(9)]
    dead = closed_port_url()
    with FakeLibreTranslate() as live, caplog.at_level(logging.WARNING, logger="toolkit"):
        found = quick([dead, live.url], batch_size=2).translate(sentences, "en", "fr")
    assert [s.text for s in found] == [translation(s, "fr") for s in sentences]
    assert f"{dead} is not answering" in caplog.text and "going on with the other" in caplog.text


def test_settings_choose_the_backend(tmp_path):
    (tmp_path / "presskit.toml").write_text(
        'translator = "libretranslate"\nlibretranslate_url = ["http://a.example:5000/", "http://b.example:5000"]\n',
        encoding="utf-8")
    config = load_config(tmp_path, environ={API_KEY_VARIABLE: "s3cret"})
    assert config.libretranslate_url == ("http://a.example:5000", "http://b.example:5000")
    assert "s3cret" not in repr(config)
    translator = open_translator(config, environ={API_KEY_VARIABLE: "s3cret"})
    assert isinstance(translator, LibreTranslateTranslator) and "s3cret" not in repr(translator)
    translator.close()
    env = load_config(tmp_path, environ={"PRESSKIT_LIBRETRANSLATE_URL": "http://c:1, http://d:2"})
    assert env.libretranslate_url == ("http://c:1", "http://d:2")


@pytest.mark.parametrize("setting, message", [
    ('translator = "deepl"', "'deepl' is not one of argos, libretranslate"),
    ('libretranslate_url = "ftp://x"', "'ftp://x' is not an http:// or https:// URL"),
    ('libretranslate_url = "http://me:key@x"', "put no credentials in the URL"),
    ("libretranslate_concurrency = 0", "must be at least 1"),
])
def test_bad_settings(tmp_path, setting, message):
    (tmp_path / "presskit.toml").write_text(setting + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_config(tmp_path, environ={})


def test_publish_through_libretranslate_never_writes_the_key(tmp_path, monkeypatch):
    key = "k3y-never-written-anywhere"
    (tmp_path / "speeches").mkdir()
    shutil.copy(SAMPLE, tmp_path / "speeches")
    with FakeLibreTranslate(Behaviour(api_keys=(key,))) as server:
        (tmp_path / "presskit.toml").write_text(
            f'translator = "libretranslate"\nlibretranslate_url = "{server.url}"\n', encoding="utf-8")
        monkeypatch.setenv(API_KEY_VARIABLE, key)
        result = CliRunner().invoke(cli, ["-C", str(tmp_path), "-vv", "publish", "--lang", "fr"])
    assert result.exit_code == 0, result.output
    assert key not in result.output
    with open(tmp_path / "locales" / "fr" / "LC_MESSAGES" / "closing-second-multistakeholder-hearing.po", "rb") as f:
        catalog = read_po(f)
    entry = next(m for m in catalog if m.id and m.string)
    assert entry.string.startswith("fr:") and entry.fuzzy
    assert f"Machine translation: LibreTranslate ({server.url})" in entry.auto_comments
    assert "Package: LibreTranslate 1.9.6" in entry.auto_comments
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert key.encode() not in path.read_bytes(), path


def test_publish_with_a_dead_server_is_one_line_and_writes_nothing(tmp_path):
    (tmp_path / "speeches").mkdir()
    shutil.copy(SAMPLE, tmp_path / "speeches")
    url = closed_port_url()
    (tmp_path / "presskit.toml").write_text(
        f'translator = "libretranslate"\nlibretranslate_url = "{url}"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["-C", str(tmp_path), "publish", "--lang", "fr"])
    assert result.exit_code != 0
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and f"{url} is not answering (connection refused)" in lines[0], result.output
    assert not (tmp_path / "output").exists() and not (tmp_path / "locales").exists()
