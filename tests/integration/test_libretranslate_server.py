"""presskit against a real LibreTranslate (see conftest.py): batches, limits, keys, failures."""

from __future__ import annotations

import shutil
from pathlib import Path

from babel.messages.pofile import read_po
from click.testing import CliRunner

from integration.conftest import BATCH_LIMIT, CHAR_LIMIT, Server
from toolkit.cli import cli
from toolkit.translation import TranslationMemory
from toolkit.translation.libretranslate import API_KEY_VARIABLE, LibreTranslateTranslator
from toolkit.translation.sentences import unique_sentences

ROOT = Path(__file__).resolve().parents[2]
SLUG = "closing-second-multistakeholder-hearing"
SAMPLE = ROOT / "speeches" / f"{SLUG}.txt"
ARABIC = ROOT / "tests" / "data" / "speeches" / "ar-statement.txt"


def paragraphs(path: Path) -> list[str]:
    return [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]


def workspace(root: Path, urls, *speeches: Path) -> Path:
    (root / "speeches").mkdir(parents=True)
    for speech in speeches or (SAMPLE,):
        shutil.copy(speech, root / "speeches")
    listed = ", ".join(f'"{u}"' for u in urls)
    (root / "presskit.toml").write_text(f'translator = "libretranslate"\nlibretranslate_url = [{listed}]\n',
                                        encoding="utf-8")
    return root


def publish(root: Path, *args: str, env: dict | None = None):
    return CliRunner().invoke(cli, ["-C", str(root), "publish", *args], env=env)


def one_line(output: str) -> str:
    lines = [line for line in output.splitlines() if line.strip()]
    assert len(lines) == 1, output
    return lines[0]


def test_the_server_reports_its_version_limits_and_languages(server):
    (info,) = LibreTranslateTranslator([server.url]).servers()
    assert info.version == "1.9.6"
    assert info.char_limit == CHAR_LIMIT
    # The three packages, and LibreTranslate's own pivots through English.
    assert {("en", "fr"), ("en", "es"), ("ar", "en"), ("ar", "fr"), ("ar", "es")} <= info.pairs
    assert ("en", "ru") not in info.pairs


def test_every_sentence_comes_back_within_the_batch_limit(server):
    texts = paragraphs(SAMPLE)
    translator = LibreTranslateTranslator([server.url], batch_size=BATCH_LIMIT * 4)
    found = translator.translate_many({("en", "fr"): texts, ("en", "es"): texts, ("ar", "fr"): paragraphs(ARABIC)})
    assert [s.source for s in found["en", "fr"]] == texts
    assert all(s.text.strip() for s in found["en", "fr"] + found["en", "es"] + found["ar", "fr"])
    assert found["en", "fr"][0].text != texts[0] and found["en", "fr"][0].text != found["en", "es"][0].text
    # The server refused the first (too large) batch; presskit then kept to its --batch-limit.
    assert translator.batch_size == BATCH_LIMIT
    sentences = len(unique_sentences(texts)) * 2 + len(unique_sentences(paragraphs(ARABIC)))
    assert translator.sentences_translated == sentences
    assert translator.requests_made >= sentences / BATCH_LIMIT


def test_translation_is_deterministic_and_memory_skips_the_server(server, tmp_path):
    texts = paragraphs(SAMPLE)[:6]
    with TranslationMemory(tmp_path / "memory.sqlite3") as memory:
        first = LibreTranslateTranslator([server.url], memory=memory).translate(texts, "en", "fr")
    with TranslationMemory(tmp_path / "memory.sqlite3") as memory:
        again = LibreTranslateTranslator([server.url], memory=memory)
        assert [s.text for s in again.translate(texts, "en", "fr")] == [s.text for s in first]
        assert again.requests_made == 0
    fresh = LibreTranslateTranslator([server.url]).translate(texts, "en", "fr")
    assert [s.text for s in fresh] == [s.text for s in first]


def test_publish_through_the_server(server, tmp_path):
    root = workspace(tmp_path, [server.url])
    result = publish(root, "--lang", "fr", "--lang", "es")
    assert result.exit_code == 0, result.output
    for lang in ("fr", "es"):
        with open(root / "locales" / lang / "LC_MESSAGES" / f"{SLUG}.po", "rb") as f:
            catalog = read_po(f)
        entries = [m for m in catalog if m.id]
        assert entries and all(m.string and m.fuzzy for m in entries)
        assert all(f"Machine translation: LibreTranslate ({server.url})" in m.auto_comments for m in entries)
        assert all("Package: LibreTranslate 1.9.6" in m.auto_comments for m in entries)
        assert (root / "output" / SLUG / f"{lang}.pdf").read_bytes().startswith(b"%PDF")
    rerun = publish(root, "--lang", "fr", "--lang", "es")
    assert rerun.exit_code == 0 and "machine-translating" not in rerun.output


def test_two_servers_share_the_work(server, keyed_server):
    texts = paragraphs(SAMPLE)
    translator = LibreTranslateTranslator([server.url, keyed_server.url], api_key=keyed_server.key,
                                          batch_size=4, concurrency=1)
    found = translator.translate(texts, "en", "es")
    assert all(s.text for s in found)
    assert translator.requests_by_url[server.url] > 0 and translator.requests_by_url[keyed_server.url] > 0
    alone = LibreTranslateTranslator([server.url]).translate(texts, "en", "es")
    assert [s.text for s in found] == [s.text for s in alone]  # same models, same suggestions


def test_a_good_key_translates_and_a_wrong_key_is_one_line(keyed_server, tmp_path):
    good = publish(workspace(tmp_path / "good", [keyed_server.url]), "--lang", "fr",
                   env={API_KEY_VARIABLE: keyed_server.key})
    assert good.exit_code == 0, good.output
    wrong = "not-" + keyed_server.key
    root = workspace(tmp_path / "wrong", [keyed_server.url])
    result = publish(root, "--lang", "fr", env={API_KEY_VARIABLE: wrong})
    assert result.exit_code != 0
    line = one_line(result.output)
    assert f"the LibreTranslate server {keyed_server.url} refused the API key (Invalid API key)" in line
    assert API_KEY_VARIABLE in line and wrong not in line
    assert not (root / "output").exists() and not (root / "locales").exists()


def test_a_language_the_server_lacks_is_one_line_with_its_list(server, tmp_path):
    root = workspace(tmp_path, [server.url])
    result = publish(root, "--lang", "ru", "--lang", "fr")
    assert result.exit_code != 0
    line = one_line(result.output)
    assert "en→ru" in line and f"the LibreTranslate server {server.url} offers" in line
    assert "en→fr" in line and "ar→en" in line
    assert not (root / "output").exists() and not (root / "locales").exists()


def test_a_stopped_server_is_one_line(libretranslate_program, lt_root, tmp_path):
    stopped = Server(libretranslate_program, lt_root / "stopped").wait()
    stopped.stop()
    root = workspace(tmp_path, [stopped.url])
    result = publish(root, "--lang", "fr")
    assert result.exit_code != 0
    line = one_line(result.output)
    assert f"the LibreTranslate server {stopped.url} is not answering (connection refused)" in line
    assert not (root / "output").exists()
