"""The reader on the real corpus (tests/data/corpus/): every sidecar field of every file, and nothing lost.

The corpus is the reader's regression suite: each file is a statement as a real UN-system page
gives it, its sidecar what a person reads there. `make bench` prints the same checks as accuracy
per field. KNOWN_MISSES lists the fields the reader still gets wrong, file by file: they run as
strict xfails, so a fix that makes one right fails until it is taken off the list, and a field
that breaks anywhere else fails at once. Regenerate the list with
`python tests/support/corpus.py --misses` after a change to the reader, and read the diff.
"""

import pytest

from support.corpus import FIELDS, check, corpus_files

FILES = corpus_files()
KNOWN_MISSES: dict[str, set[str]] = {
    "en-escap-2013-closing-statement": {"venue"},
    "en-flipbuilder-1995-petrovsky-welcome": {"debris", "title"},
    "en-iranrights-2018-bachelet-hrc39": {"debris", "speaker_name", "title"},
    "en-scribd-2014-pillay-hrc26": {"debris", "speaker_name", "title"},
    "en-sg-2016-first-general-assembly": {"body_starts", "speaker_name"},
    "en-ungeneva-2005-diplomat-day": {"venue"},
    "en-unhcr-2016-third-committee": {"debris", "speaker_name"},
    "en-unhcr-2023-excom-opening": {"body_starts", "debris"},
    "en-unis-2000-millennium-closing": {"body_starts", "date", "debris", "speaker_name", "title", "venue"},
    "fr-press-1997-national-press-club-sgsm6149": {"body_starts", "date", "speaker_name", "venue"},
    "fr-press-1999-francophonie-sgsm7147": {"body_starts", "speaker_name", "venue"},
    "fr-press-2005-concert-journee-sgsm10179": {"speaker_name"},
    "fr-press-2007-conseil-securite-sgsm10832": {"speaker_name"},
    "ru-unrcca-peace-day-2020": {"speaker_name"},
    "zh-ga61-sg-address-2006": {"debris", "title"},
    "zh-ga65-sg-opening-2010": {"speaker_name"},
    "zh-hant-romanised-content-farm-un-day": {"debris", "title"},
    "zh-hant-unhcr-hk-security-council-2024": {"body_starts", "date", "debris", "speaker_name", "title"},
    "zh-hant-unhcr-hk-world-refugee-day-2023": {"body_starts", "date", "debris", "speaker_name", "title"},
    "zh-pga75-acceptance-speech": {"debris", "title"},
    "zh-sg-appointment-speech-2016": {"body_starts", "speaker_name"},
    "zh-sg-general-assembly-74-2019": {"body_starts", "speaker_name"},
    "zh-un-day-message-2006": {"title"},
    "zh-unesco-archive-un-day-2007": {"body_starts", "date", "debris", "speaker_name", "title"},
    "zh-webtv-peace-day-message-2018": {"speaker_name", "title"},
}


@pytest.fixture(scope="module")
def results():
    return {path.stem: check(path) for path in FILES}


def test_the_corpus_is_there():
    assert len(FILES) >= 37
    assert {path.name[:2] for path in FILES} >= {"ar", "zh", "en", "fr", "ru"}


def test_the_known_misses_name_corpus_files():
    assert set(KNOWN_MISSES) <= {path.stem for path in FILES}
    assert all(fields <= set(FIELDS) for fields in KNOWN_MISSES.values())


def test_no_file_crashes_and_nothing_is_lost(results):
    for stem, result in results.items():
        assert result["nothing_lost"][0], f"{stem}: {result['nothing_lost'][1]}"
        assert not result["language"][1].startswith("crash"), f"{stem}: {result['language'][1]}"


def _cases():
    for path in FILES:
        for field in FIELDS:
            marks = [pytest.mark.xfail(strict=True, reason="known miss")] if field in KNOWN_MISSES.get(path.stem, ()) \
                else []
            yield pytest.param(path.stem, field, marks=marks, id=f"{path.stem}-{field}")


@pytest.mark.parametrize("stem, field", list(_cases()))
def test_corpus_field(results, stem, field):
    ok, found = results[stem][field]
    assert ok, f"{stem}: {field}: the reader found {found}"
