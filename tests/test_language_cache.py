"""The language detector's answers kept in .presskit/languages.json: a re-run loads no model."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from toolkit.config import load_config
from toolkit.reader.detection import LanguageCache
from toolkit.statement import read_statement
from toolkit.workspace import LANGUAGE_CACHE, keep_language_cache, language_cache

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "corpus"


def _workspace(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "speeches", tmp_path / "speeches")
    shutil.copytree(ROOT / "locales", tmp_path / "locales")  # reviewed: no model needed
    return tmp_path


def _publish(workspace: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-X", "importtime", "-m", "toolkit", "-C", str(workspace), "publish"],
                          capture_output=True, text=True, check=False, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def _imported(run: subprocess.CompletedProcess) -> set[str]:
    return {line.rsplit("|", 1)[1].strip() for line in run.stderr.splitlines() if line.startswith("import time:")}


def test_a_second_publish_asks_the_cache_not_the_model(tmp_path):
    workspace = _workspace(tmp_path)
    first = _publish(workspace)
    assert first.returncode == 0, first.stderr[-2000:]
    assert "py3langid.langid" in _imported(first)
    cache = json.loads((workspace / ".presskit" / LANGUAGE_CACHE).read_text(encoding="utf-8"))
    assert cache["detector"].startswith("py3langid") and cache["answers"]
    assert {lang for lang, _ in cache["answers"].values()} == {"en"}

    again = _publish(workspace)
    assert again.returncode == 0, again.stderr[-2000:]
    assert "py3langid.langid" not in _imported(again) and "numpy" not in _imported(again)
    assert "up to date" in again.stdout


def test_a_broken_or_foreign_cache_is_ignored_and_replaced(tmp_path):
    workspace = _workspace(tmp_path)
    state = workspace / ".presskit"
    state.mkdir()
    config = load_config(workspace)
    for junk in (b"\xff not json", b'{"answers": [1, 2]}', b'{"detector": "other 1.0", "answers": {}}', b"[]"):
        (state / LANGUAGE_CACHE).write_bytes(junk)
        assert language_cache(config).answers == {}
    run = _publish(workspace)
    assert run.returncode == 0, run.stderr[-2000:]
    assert json.loads((state / LANGUAGE_CACHE).read_text(encoding="utf-8"))["answers"]


def test_remembered_answers_read_every_corpus_file_alike():
    cache = LanguageCache()
    for path in sorted(CORPUS.glob("*.txt"))[::3]:
        try:
            fresh = read_statement(path)
        except Exception as exc:  # noqa: BLE001 (a refused file is refused alike)
            fresh = type(exc).__name__
        for _ in range(2):  # asking, then remembering
            try:
                cached = read_statement(path, languages=cache)
            except Exception as exc:  # noqa: BLE001
                cached = type(exc).__name__
            assert cached == fresh, path.name
    assert cache.answers and cache.new == len(cache.answers)


def test_nothing_new_writes_nothing(tmp_path):
    workspace = _workspace(tmp_path)
    config = load_config(workspace)
    keep_language_cache(config, LanguageCache())
    assert not (workspace / ".presskit" / LANGUAGE_CACHE).exists()
