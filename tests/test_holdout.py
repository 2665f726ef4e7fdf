"""The held-out corpus (tests/data/holdout/): real statements nobody tunes the reader on.

Only two things are asserted here: no held-out file crashes the reader, and nothing of any is lost
(every line printed, used in the header, or reported). The other sidecar fields are measured, not
asserted: benchmarks/reader.py prints their accuracy next to the tuned corpus. Never change the
reader (or a sidecar) to make a held-out file come out right; see tests/data/holdout/README.md.
"""

import json

import pytest

from support.corpus import CORPUS, FIELDS, HOLDOUT, check, corpus_files

FILES = corpus_files(HOLDOUT)
LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")


def _sidecar(path):
    return json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))


def _page(url: str) -> str:
    return url.split("://", 1)[-1].removeprefix("www.").rstrip("/")


def test_the_holdout_is_there_in_every_language():
    assert len(FILES) >= 24
    for language in LANGUAGES:
        assert len([p for p in FILES if _sidecar(p)["language"] == language]) >= 4, language
    assert {p.name[:2] for p in FILES} == set(LANGUAGES)


def test_every_text_has_a_sidecar_with_the_corpus_fields():
    assert sorted(HOLDOUT.glob("*.txt")) == FILES
    for path in FILES:
        sidecar = _sidecar(path)
        missing = {"source", "language", "second_language", "title", "date", "speaker_name", "venue",
                   "body_starts", "debris_lines", "classes", "notes"} - set(sidecar)
        assert not missing, f"{path.name}: {missing}"
        assert sidecar["language"] == path.name[:2], path.name


def test_no_holdout_statement_is_in_the_tuned_corpus():
    tuned = {_page(_sidecar(p)["source"]) for p in corpus_files(CORPUS)}
    held = [_page(_sidecar(p)["source"]) for p in FILES]
    assert len(set(held)) == len(held)
    assert not tuned & set(held)
    tuned_stems = {p.stem for p in corpus_files(CORPUS)}
    assert not tuned_stems & {p.stem for p in FILES}


@pytest.fixture(scope="module")
def results():
    return {path.stem: check(path) for path in FILES}


@pytest.mark.parametrize("stem", [p.stem for p in FILES])
def test_holdout_file_reads_without_crash_and_nothing_is_lost(results, stem):
    result = results[stem]
    assert set(result) == set(FIELDS)
    crashes = [found for _, found in result.values() if found.startswith("crash")]
    assert not crashes, f"{stem}: {crashes[0]}"
    ok, found = result["nothing_lost"]
    assert ok, f"{stem}: {found}"
