"""Model management: needed pairs, routes, checking and installing .argosmodel files, downloads."""

from __future__ import annotations

import http.server
import json
import re
import shutil
import threading
import time
import zipfile
from pathlib import Path

import pytest

from toolkit.errors import TranslationError
from toolkit.translation import packages
from toolkit.languages import UN_ORDER


def test_needed_pairs_are_english_into_each_target_and_each_source_into_english():
    assert packages.needed_pairs(["en"], UN_ORDER) == [("en", c) for c in ("ar", "zh", "fr", "ru", "es")]
    assert packages.needed_pairs(["fr", "en"], ["en", "fr", "es"]) == [("en", "fr"), ("en", "es"), ("fr", "en")]


def test_routes_are_direct_or_through_english(argos_packages):
    installed = packages.installed_packages(argos_packages)
    assert set(installed) == {("en", "fr"), ("en", "es"), ("ar", "en")}
    assert [p.name for p in packages.find_route(installed, "en", "fr")] == ["translate-en_fr"]
    assert [p.name for p in packages.find_route(installed, "ar", "es")] == ["translate-ar_en", "translate-en_es"]
    assert packages.find_route(installed, "ar", "zh") is None
    assert packages.missing_legs(installed, "ar", "zh") == [("en", "zh")]
    assert packages.missing_legs(installed, "fr", "es") == [("fr", "en")]


def test_pair_statuses_report_packages_and_pivots(argos_packages):
    statuses, pivots = packages.pair_statuses(["en", "ar"], UN_ORDER, argos_packages)
    found = {(s.from_code, s.to_code): s.package for s in statuses}
    assert list(found) == [("en", "ar"), ("en", "zh"), ("en", "fr"), ("en", "ru"), ("en", "es"), ("ar", "en")]
    assert found["en", "fr"].version == "1.0" and found["en", "fr"].size > 10_000
    assert found["en", "zh"] is None
    assert pivots == [("ar", "zh"), ("ar", "fr"), ("ar", "ru"), ("ar", "es")]


def test_install_from_file(argos_env, argos_package_files, tmp_path):
    target = tmp_path / "packages"
    files = [argos_package_files["en", "fr"], argos_package_files["ar", "en"]]
    installed = packages.install_package_files(files, target)
    assert [(p.from_code, p.to_code, p.version) for p in installed] == [("en", "fr", "1.0"), ("ar", "en", "1.0")]
    assert set(packages.installed_packages(target)) == {("en", "fr"), ("ar", "en")}
    assert all(p.path.parent == target for p in installed)


def test_a_newer_version_replaces_the_installed_one(argos_env, argos_package_files, argos_tokenizer, tmp_path):
    target = tmp_path / "packages"
    packages.install_package_files([argos_package_files["en", "fr"]], target)
    from support.argos_builder import build_package

    newer = build_package(tmp_path, "en", "fr", tokenizer=argos_tokenizer, version="1.1", seed=7)
    (package,) = packages.install_package_files([newer], target)
    assert package.version == "1.1"
    assert [p.name for p in target.iterdir()] == [package.path.name]


def _rezip(source: Path, dest: Path, keep=lambda name: True, rename=lambda name: name) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(dest, "w") as new:
        for item in old.infolist():
            if keep(item.filename):
                new.writestr(rename(item.filename), old.read(item.filename))
    return dest


def _truncated(good: Path, dest: Path) -> Path:
    dest.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    return dest


def _corrupted(good: Path, dest: Path) -> Path:
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as archive:
        member = next(i for i in archive.infolist() if i.filename.endswith("model/model.bin"))
    middle = member.header_offset + 200 + member.compress_size // 2  # inside the stored bytes
    data[middle : middle + 16] = bytes(16)
    dest.write_bytes(bytes(data))
    return dest


def _metadata_without_codes(good: Path, dest: Path) -> Path:
    with zipfile.ZipFile(good) as old, zipfile.ZipFile(dest, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename.endswith("metadata.json"):
                data = json.dumps({"package_version": "1.0", "from_code": "en"}).encode()
            new.writestr(item.filename, data)
    return dest


BAD_FILES = {
    "truncated": (_truncated, "not a zip archive"),
    "not-a-zip": (lambda good, dest: (dest.write_text("<html>404 Not Found</html>"), dest)[1], "not a zip archive"),
    "no-metadata": (lambda good, dest: _rezip(good, dest, keep=lambda n: not n.endswith("metadata.json")),
                    "metadata.json is missing"),
    "no-model": (lambda good, dest: _rezip(good, dest, keep=lambda n: "/model/" not in n), "model.bin is missing"),
    "no-tokenizer": (lambda good, dest: _rezip(good, dest, keep=lambda n: not n.endswith("sentencepiece.model")),
                     "no sentencepiece.model or bpe.model"),
    "two-folders": (lambda good, dest: _rezip(good, dest, rename=lambda n: "extra/README.md"
                                              if n.endswith("README.md") else n), "exactly one folder"),
    "escapes-folder": (lambda good, dest: _rezip(good, dest, rename=lambda n: n.replace("README.md", "../../x.md")),
                       "exactly one folder"),
    "bad-metadata": (_metadata_without_codes, "lacks from_code and to_code"),
    "damaged": (_corrupted, "fails its checksum"),
}


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_a_bad_file_installs_nothing(kind, argos_env, argos_package_files, tmp_path):
    make, message = BAD_FILES[kind]
    bad = make(argos_package_files["en", "fr"], tmp_path / f"{kind}.argosmodel")
    target = tmp_path / "packages"
    good = argos_package_files["en", "es"]
    with pytest.raises(TranslationError, match=message) as info:
        packages.install_package_files([good, bad], target)  # every file is checked first
    assert "\n" not in str(info.value) and str(bad) in str(info.value)
    assert not target.exists() or list(target.iterdir()) == []


def test_install_offline_fails_fast_and_names_the_offline_route(argos_env, tmp_path):
    started = time.monotonic()
    with pytest.raises(TranslationError, match=r"presskit models install --file translate-en_fr-\*\.argosmodel") as info:
        packages.install_from_index([("en", "fr")], tmp_path / "packages", timeout=3)
    assert time.monotonic() - started < 5
    assert "\n" not in str(info.value)


@pytest.fixture
def package_index(argos_env, argos_package_files, tmp_path, monkeypatch):
    """A local HTTP Argos package index offering en→fr, en→es and ar→en; yields its base URL."""
    served = tmp_path / "index"
    served.mkdir()
    for (a, b), path in argos_package_files.items():
        shutil.copy(path, served / f"translate-{a}_{b}-1_0.argosmodel")

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(served), **kwargs)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_port}/"
    entries = [{"package_version": "1.0", "argos_version": "1.0", "from_code": a, "to_code": b,
                "from_name": a, "to_name": b, "links": [base + f"translate-{a}_{b}-1_0.argosmodel"]}
               for a, b in argos_package_files]
    (served / "index.json").write_text(json.dumps(entries))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    from argostranslate import settings

    monkeypatch.setattr(settings, "remote_package_index", base + "index.json")
    yield base
    server.shutdown()
    server.server_close()


class _Bar:
    def __init__(self, log, label, total):
        self.log, self.label, self.total = log, label, total

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.log.append((self.label, self.total, self.done))

    done = 0

    def update(self, n):
        self.done += n


def test_install_from_the_index_with_progress(package_index, tmp_path):
    bars: list = []
    installed = packages.install_from_index(
        [("en", "es")], tmp_path / "packages", progress=lambda label, total: _Bar(bars, label, total))
    assert [(p.from_code, p.to_code) for p in installed] == [("en", "es")]
    ((label, total, done),) = bars
    assert label == "Downloading translate-en_es" and total == done > 10_000


def test_a_pair_the_index_lacks_is_reported(package_index, tmp_path):
    with pytest.raises(TranslationError, match="no en→zh model"):
        packages.install_from_index([("en", "zh")], tmp_path / "packages")


def test_following_the_install_hint_installs_exactly_the_missing_legs(package_index, tmp_path):
    # An Arabic statement into French: ar→en and en→fr are missing. The hint said
    # `presskit models install ar fr`, which installed en→ar and en→fr, never ar→en.
    from click.testing import CliRunner

    from toolkit.cli import cli

    arabic = Path(__file__).parent / "data" / "speeches" / "ar-statement.txt"
    env = {"PRESSKIT_PACKAGES_DIR": str(tmp_path / "packages")}
    workspace = tmp_path / "ws"
    workspace.mkdir()
    result = CliRunner().invoke(cli, ["-C", str(workspace), "publish", "--lang", "en,fr", str(arabic)], env=env)
    assert result.exit_code != 0
    hint = re.search(r"run `presskit models install ([^`]*)`", result.output)
    assert hint, result.output
    result = CliRunner().invoke(cli, ["-C", str(workspace), "models", "install", *hint[1].split()], env=env)
    assert result.exit_code == 0, result.output
    assert sorted(packages.installed_packages(tmp_path / "packages")) == [("ar", "en"), ("en", "fr")]


@pytest.mark.parametrize("args, expected", [
    (["ar-en"], [("ar", "en")]),
    (["fr"], [("en", "fr")]),
    (["ar-en", "fr"], [("en", "fr"), ("ar", "en")]),
    (["zh-Hans"], [("en", "zh")]),
])
def test_install_accepts_languages_and_pairs(args, expected, tmp_path):
    from toolkit.config import load_config

    config = load_config(tmp_path, {"packages_dir": str(tmp_path / "packages")})
    assert packages.pairs_to_install((), config.languages, config.packages_dir, args) == expected


def test_install_refuses_an_unknown_pair(tmp_path):
    from toolkit.config import load_config

    config = load_config(tmp_path, {"packages_dir": str(tmp_path / "packages")})
    with pytest.raises(TranslationError, match="xx-en"):
        packages.pairs_to_install((), config.languages, config.packages_dir, ["xx-en"])
