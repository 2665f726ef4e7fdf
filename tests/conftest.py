"""Shared fixtures. Argos packages are real: built small, installed into a real packages folder."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from support.argos_builder import build_package, train_tokenizer

# The pairs the translation tests install: English into two languages, Arabic into English
# (so ar→fr and ar→es pivot through English), and no ar→fr, nothing into Chinese.
ARGOS_TEST_PAIRS = (("en", "fr"), ("en", "es"), ("ar", "en"))


@pytest.fixture(scope="session")
def argos_env(tmp_path_factory) -> Path:
    """Point argostranslate's data, config, cache and packages folders at a temporary home."""
    if "argostranslate.settings" in sys.modules:
        pytest.fail("argostranslate was imported before argos_env set its folders; use the fixture")
    home = tmp_path_factory.mktemp("argos-home")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_DATA_HOME", str(home / "data"))
        mp.setenv("XDG_CONFIG_HOME", str(home / "config"))
        mp.setenv("XDG_CACHE_HOME", str(home / "cache"))
        mp.setenv("ARGOS_PACKAGES_DIR", str(home / "packages"))
        mp.setenv("ARGOS_PACKAGE_INDEX", "http://127.0.0.1:9/")  # closed port: no real downloads
        yield home


@pytest.fixture(scope="session")
def argos_tokenizer(tmp_path_factory) -> Path:
    """A tiny SentencePiece model trained on the sample statement and generated text."""
    return train_tokenizer(tmp_path_factory.mktemp("tokenizer") / "sentencepiece.model", vocab=400, corpus_size=400)


@pytest.fixture(scope="session")
def argos_package_files(tmp_path_factory, argos_tokenizer) -> dict[tuple[str, str], Path]:
    """Tiny .argosmodel files for ARGOS_TEST_PAIRS (1 layer, d_model 32), not installed."""
    dest = tmp_path_factory.mktemp("argosmodels")
    return {
        pair: build_package(dest, *pair, tokenizer=argos_tokenizer, seed=seed)
        for seed, pair in enumerate(ARGOS_TEST_PAIRS)
    }


@pytest.fixture(scope="session")
def argos_packages(argos_env, argos_package_files) -> Path:
    """A packages folder with ARGOS_TEST_PAIRS installed by presskit's installer; return its path."""
    from toolkit.translation import packages

    packages.install_package_files(list(argos_package_files.values()))
    return packages.packages_directory()


def pytest_addoption(parser):
    parser.addoption("--libretranslate", metavar="PROGRAM",
                     help="the libretranslate program to run tests/integration against (make integration)")


def pytest_ignore_collect(collection_path, config):
    # tests/integration needs a real LibreTranslate server: `make integration` installs one.
    if collection_path.name == "integration" and not config.getoption("--libretranslate"):
        return True
    return None


# The sample machine-translated into the five other languages, once per test run.
SIX_LANGUAGE_TARGETS = ("ar", "zh", "fr", "ru", "es")
SIX_LANGUAGE_PAIRS = tuple(("en", lang) for lang in SIX_LANGUAGE_TARGETS) + (("es", "en"),)
SAMPLE = Path(__file__).resolve().parent.parent / "speeches" / "closing-second-multistakeholder-hearing.txt"


def _workspace(root: Path, packages: Path) -> Path:
    (root / "speeches").mkdir(parents=True)
    shutil.copy(SAMPLE, root / "speeches")
    (root / "presskit.toml").write_text(f'packages_dir = "{packages}"\n', encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def six_language_package_files(tmp_path_factory, argos_tokenizer) -> dict[tuple[str, str], Path]:
    """Tiny .argosmodel files for English into the five other languages, and Spanish into English."""
    dest = tmp_path_factory.mktemp("six-languages")
    return {pair: build_package(dest, *pair, tokenizer=argos_tokenizer, seed=10 + i)
            for i, pair in enumerate(SIX_LANGUAGE_PAIRS)}


@pytest.fixture(scope="session")
def six_language_models(tmp_path_factory, argos_env, six_language_package_files) -> Path:
    """A packages folder filled through `presskit models install --file`, as an office would."""
    from click.testing import CliRunner

    from toolkit.cli import cli

    packages = tmp_path_factory.mktemp("models")
    installer = _workspace(tmp_path_factory.mktemp("installer"), packages)
    result = CliRunner().invoke(cli, ["-C", str(installer), "models", "install", "--file",
                                      *map(str, six_language_package_files.values())])
    assert result.exit_code == 0, result.output
    assert result.output.count("installed ") == len(SIX_LANGUAGE_PAIRS)
    return packages


@pytest.fixture(scope="session")
def translated_workspace(tmp_path_factory, six_language_models):
    """The sample published once per test run with real (random-weight) models into six languages.

    Returns (workspace, CLI result, the run's translator). Shared by every test that only reads
    it; a test that changes a workspace works on a copy (shutil.copytree).
    """
    from click.testing import CliRunner

    from toolkit import translation
    from toolkit.cli import cli

    runs = []
    real = translation.open_translator
    workspace = _workspace(tmp_path_factory.mktemp("translated"), six_language_models)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(translation, "open_translator", lambda config, environ=None, **options: runs.append(real(config, environ, **options))
                   or runs[-1])
        result = CliRunner().invoke(cli, ["-C", str(workspace), "publish"])
    assert result.exit_code == 0, result.output
    return workspace, result, runs[-1]
