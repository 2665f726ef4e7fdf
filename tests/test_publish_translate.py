"""End to end: `presskit models install --file`, then `presskit publish` machine-translating with
real (tiny, random-weight) Argos packages into all six languages."""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from click.testing import CliRunner

from toolkit import translation
from toolkit.cli import cli
from toolkit.errors import ExitStatus

ROOT = Path(__file__).resolve().parent.parent
SLUG = "closing-second-multistakeholder-hearing"
SAMPLE = ROOT / "speeches" / f"{SLUG}.txt"
SPANISH = Path(__file__).parent / "data" / "speeches" / "declaracion-migrantes.txt"
TARGETS = ("ar", "zh", "fr", "ru", "es")
PAIRS = tuple(("en", lang) for lang in TARGETS) + (("es", "en"),)


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def make_workspace(root: Path, *speeches: Path, packages: Path) -> Path:
    (root / "speeches").mkdir(parents=True)
    for speech in speeches:
        shutil.copy(speech, root / "speeches")
    (root / "presskit.toml").write_text(f'packages_dir = "{packages}"\n', encoding="utf-8")
    return root


@pytest.fixture
def spy_runs(monkeypatch):
    """Record the translator of every publish run of the test, to count the sentences its models saw."""
    runs = []
    real = translation.open_translator

    def spy(config, environ=None, **options):
        translator = real(config, environ, **options)
        runs.append(translator)
        return translator

    monkeypatch.setattr(translation, "open_translator", spy)
    return runs


@pytest.fixture
def first_run(translated_workspace):
    """The session's translated sample (conftest): read it, never change it."""
    return translated_workspace


def copy_of(first_run, tmp_path: Path) -> Path:
    """Return a copy of the translated workspace (catalogs, output, translation memory) to change."""
    return Path(shutil.copytree(first_run[0], tmp_path / "ws", symlinks=True))


def catalog(workspace: Path, lang: str, slug: str = SLUG):
    with open(workspace / "locales" / lang / "LC_MESSAGES" / f"{slug}.po", "rb") as handle:
        return read_po(handle)


def pdf_text(path: Path) -> str:
    return " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())


def test_publish_machine_translates_into_five_languages(first_run):
    workspace, result, translator = first_run
    assert translator.model_calls == len(TARGETS)  # one batched call per language
    for lang in TARGETS:
        entries = [m for m in catalog(workspace, lang) if m.id]
        assert len(entries) == 23
        for message in entries:
            assert message.fuzzy and message.string.strip(), message.id
            comment = " ".join(message.auto_comments)
            assert f"translate-en_{lang}" in comment and "1.0" in comment and "Argos" in comment
        assert f"{lang} 0 %" in result.output
    folder = workspace / "output" / SLUG
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [f"{lang}.{ext}" for lang in ("en", *TARGETS) for ext in ("html", "pdf")] + ["index.html", "manifest.json"])


def test_machine_editions_say_so_on_the_page(first_run):
    workspace, _, _ = first_run
    folder = workspace / "output" / SLUG
    assert "Traduction automatique non officielle" in pdf_text(folder / "fr.pdf")
    assert "unofficial machine translation" not in pdf_text(folder / "en.pdf").lower()
    french = catalog(workspace, "fr")
    suggestion = next(m.string for m in french if m.id.startswith("Thank you for your participation"))
    # Random weights write a mix of scripts; compare the non-Arabic runs, whose order a PDF
    # text extraction keeps.
    runs = [run for run in re.findall(r"[^\W\d_\u0600-\u06ff]+", suggestion) if len(run) > 1]
    text = pdf_text(folder / "fr.pdf")
    assert runs and all(run in text for run in runs)


def test_pivot_through_english(tmp_path, six_language_models, spy_runs):
    workspace = make_workspace(tmp_path, SPANISH, packages=six_language_models)
    result = invoke("-C", workspace, "publish", "--lang", "en,fr")
    assert result.exit_code == 0, result.output
    slug = "declaracion-migrantes"
    for message in (m for m in catalog(workspace, "fr", slug) if m.id):
        comment = " ".join(message.auto_comments)
        assert "translate-es_en+translate-en_fr" in comment and "pivot" in comment.lower() and "en" in comment
    for message in (m for m in catalog(workspace, "en", slug) if m.id):
        assert "pivot" not in " ".join(message.auto_comments).lower()
    # es→en runs once, for English; the pivot's first leg is then answered by the translation
    # memory, and only en→fr runs again
    assert spy_runs[-1].model_calls == 2


def test_rerun_translates_nothing_and_memory_survives_lost_catalogs(first_run, spy_runs, tmp_path):
    workspace, first = copy_of(first_run, tmp_path), first_run[2]
    calls_before = len(spy_runs)
    result = invoke("-C", workspace, "publish")
    assert result.exit_code == 0 and "up to date" in result.output
    assert len(spy_runs) == calls_before  # complete catalogs: no model is even loaded

    shutil.rmtree(workspace / "locales")
    result = invoke("-C", workspace, "publish")
    assert result.exit_code == 0, result.output
    assert spy_runs[-1].sentences_translated == 0  # the translation memory answered everything
    assert first.sentences_translated > 0


def test_changed_paragraph_costs_only_that_paragraph(first_run, spy_runs, tmp_path):
    workspace = copy_of(first_run, tmp_path)
    speech = workspace / "speeches" / f"{SLUG}.txt"
    text = speech.read_text(encoding="utf-8")
    speech.write_text(text.replace("The aim of today was to engage", "The aim of this day was to engage"),
                      encoding="utf-8")
    result = invoke("-C", workspace, "publish")
    assert result.exit_code == 0, result.output
    # "The aim of this day was to engage, to listen, and to learn. We did all of that." is two
    # sentences; only the changed one is new, in each of the five languages.
    assert spy_runs[-1].sentences_translated == len(TARGETS)


def test_missing_models_listed_nothing_written(tmp_path, argos_env, six_language_package_files):
    package_files = six_language_package_files
    packages = tmp_path / "only-french"
    workspace = make_workspace(tmp_path / "ws", SAMPLE, packages=packages)
    assert invoke("-C", workspace, "models", "install", "--file", package_files["en", "fr"]).exit_code == 0
    result = invoke("-C", workspace, "publish")
    assert result.exit_code == ExitStatus.NO_MODEL
    message = result.output.strip()
    assert len(message.splitlines()) == 1
    for pair in ("en→ar", "en→zh", "en→ru", "en→es"):
        assert pair in message
    assert "en→fr" not in message and "presskit models install" in message
    assert "`presskit publish --lang en,fr`" in message  # what can be published now
    assert not (workspace / "output").exists() and not (workspace / "locales").exists()


def test_translating_opens_no_network_socket(tmp_path, six_language_models, monkeypatch):
    workspace = make_workspace(tmp_path, SAMPLE, packages=six_language_models)
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network access during translation")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    result = invoke("-C", workspace, "publish", "--lang", "en,ru")
    assert result.exit_code == 0, result.output
    assert attempts == []
    assert all(m.fuzzy for m in catalog(workspace, "ru") if m.id)


def test_each_model_is_loaded_once_per_run(tmp_path, argos_packages, monkeypatch):
    # An Arabic and an English statement into en, fr, es: pair by pair, en→fr and en→es were
    # loaded twice each (once for English, again for the Arabic pivot).
    from toolkit.translation import ArgosTranslator

    arabic = Path(__file__).parent / "data" / "speeches" / "ar-statement.txt"
    workspace = make_workspace(tmp_path, SAMPLE, arabic, packages=argos_packages)
    loads = []
    real = ArgosTranslator._load

    def load(self, leg):
        if self._loaded is None or self._loaded[0] != leg.path:
            loads.append(f"{leg.from_code}->{leg.to_code}")
        return real(self, leg)

    monkeypatch.setattr(ArgosTranslator, "_load", load)
    result = invoke("-C", workspace, "publish", "--lang", "en,fr,es")
    assert result.exit_code == 0, result.output
    assert sorted(loads) == ["ar->en", "en->es", "en->fr"]
    french = [m for m in catalog(workspace, "fr", "ar-statement") if m.id]
    assert french and all("translate-ar_en+translate-en_fr" in " ".join(m.auto_comments) for m in french)


def test_device_cuda_without_a_gpu_translates_on_the_cpu_with_one_note(tmp_path, six_language_models):
    import ctranslate2

    if ctranslate2.get_cuda_device_count():
        pytest.skip("this machine has a CUDA GPU")
    workspace = make_workspace(tmp_path, SAMPLE, packages=six_language_models)
    result = CliRunner().invoke(cli, ["-C", str(workspace), "publish", "--lang", "fr"], env={"PRESSKIT_DEVICE": "cuda"})
    assert result.exit_code == 0, result.output
    assert result.output.count("no CUDA GPU is available: translating on the CPU") == 1
    machine = [m for m in catalog(workspace, "fr") if m.id and m.fuzzy and m.string]
    assert machine, "nothing was machine-translated"
