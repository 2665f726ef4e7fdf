"""The reader on the real corpus (tests/data/corpus/): every sidecar field of every file, and nothing lost.

The corpus is the reader's regression suite: each file is a statement as a real UN-system page
gives it, its sidecar what a person reads there. `make bench` prints the same checks as accuracy
per field. KNOWN_MISSES lists the fields the reader still gets wrong, file by file (expected
failures); every other field of every file in CHECKED must be right, so a change that breaks one
fails at once. A corpus file added since the lists were made is checked too, but its misses are
expected failures until the lists are made again: `python tests/support/corpus.py --misses`
prints them; paste them here and read the diff.
"""

import pytest

from support.corpus import FIELDS, check, corpus_files

FILES = corpus_files()
CHECKED = {  # the corpus files these lists were made from
    "ar-bahrain-volunteers-day-2024",
    "ar-escwa-45th-anniversary-2018",
    "ar-escwa-flag-raising-speech-2021",
    "ar-iraq-new-year-2018",
    "ar-iraq-un-day-2019",
    "ar-mandela-day-message-2022",
    "ar-uae-mission-veto-debate",
    "ar-un-day-message-un80",
    "ar-unic-tunis-peace-day-countdown-2017",
    "ar-unsmil-un-day-2012",
    "ar-unsmil-un-day-2015",
    "en-escap-2013-closing-statement",
    "en-flipbuilder-1995-petrovsky-welcome",
    "en-iranrights-2018-bachelet-hrc39",
    "en-press-2020-horasis-video",
    "en-reliefweb-2020-sgsm20050-video",
    "en-scribd-2014-pillay-hrc26",
    "en-sg-2016-first-general-assembly",
    "en-sg-2016-geneva-press-conference-mixed",
    "en-sg-2020-one-world-video",
    "en-ungeneva-2005-diplomat-day",
    "en-unhcr-2016-third-committee",
    "en-unhcr-2023-excom-opening",
    "en-unis-2000-millennium-closing",
    "en-unscol-un-day-2019-with-arabic",
    "fr-press-1997-national-press-club-sgsm6149",
    "fr-press-1999-francophonie-sgsm7147",
    "fr-press-2005-concert-journee-sgsm10179",
    "fr-press-2007-conseil-securite-sgsm10832",
    "ru-ga-second-term-2011",
    "ru-sg-un-day-message-2019",
    "ru-unrcca-peace-day-2020",
    "zh-academicimpact-new-year-video-2018",
    "zh-ga61-sg-address-2006",
    "zh-ga65-sg-opening-2010",
    "zh-hant-romanised-content-farm-un-day",
    "zh-hant-unhcr-hk-security-council-2024",
    "zh-hant-unhcr-hk-world-refugee-day-2023",
    "zh-pga75-acceptance-speech",
    "zh-sg-appointment-speech-2016",
    "zh-sg-general-assembly-74-2019",
    "zh-un-day-message-2006",
    "zh-unesco-archive-un-day-2007",
    "zh-webtv-peace-day-message-2018",
}
KNOWN_MISSES: dict[str, set[str]] = {
    "ar-escwa-45th-anniversary-2018": {"date", "title", "venue"},
    "ar-escwa-flag-raising-speech-2021": {"date", "speaker_name"},
    "ar-mandela-day-message-2022": {"date", "debris", "title"},
    "ar-uae-mission-veto-debate": {"speaker_name", "title"},
    "ar-un-day-message-un80": {"body_starts", "debris", "title"},
    "en-flipbuilder-1995-petrovsky-welcome": {"debris", "title"},
    "en-iranrights-2018-bachelet-hrc39": {"debris", "speaker_name", "title"},
    "en-scribd-2014-pillay-hrc26": {"debris", "speaker_name", "title"},
    "en-ungeneva-2005-diplomat-day": {"venue"},
    "en-unhcr-2016-third-committee": {"debris", "speaker_name"},
    "en-unhcr-2023-excom-opening": {"body_starts", "debris"},
    "en-unis-2000-millennium-closing": {"body_starts", "date", "debris", "speaker_name", "title", "venue"},
    "fr-press-1997-national-press-club-sgsm6149": {"date", "venue"},
    "fr-press-1999-francophonie-sgsm7147": {"body_starts", "speaker_name", "venue"},
    "zh-ga61-sg-address-2006": {"debris", "title"},
    "zh-ga65-sg-opening-2010": {"speaker_name"},
    "zh-hant-romanised-content-farm-un-day": {"debris"},
    "zh-hant-unhcr-hk-security-council-2024": {"body_starts", "date", "debris", "speaker_name", "title"},
    "zh-hant-unhcr-hk-world-refugee-day-2023": {"body_starts", "date", "debris", "speaker_name", "title"},
    "zh-pga75-acceptance-speech": {"debris", "title"},
    "zh-unesco-archive-un-day-2007": {"body_starts", "date", "debris", "speaker_name", "title"},
    "zh-webtv-peace-day-message-2018": {"speaker_name", "title"},
}


@pytest.fixture(scope="module")
def results():
    return {path.stem: check(path) for path in FILES}


def test_the_corpus_is_there():
    assert len(FILES) >= 40
    assert {path.name[:2] for path in FILES} >= {"ar", "zh", "en", "fr", "ru"}


def test_the_known_misses_name_checked_files():
    assert set(KNOWN_MISSES) <= CHECKED
    assert all(fields <= set(FIELDS) for fields in KNOWN_MISSES.values())


def test_no_file_crashes(results):
    for stem, result in results.items():
        assert not result["language"][1].startswith("crash"), f"{stem}: {result['language'][1]}"


def _cases():
    for path in FILES:
        for field in FIELDS:
            if path.stem not in CHECKED:
                marks = [pytest.mark.xfail(reason="corpus file newer than KNOWN_MISSES")]
            elif field in KNOWN_MISSES.get(path.stem, ()):
                marks = [pytest.mark.xfail(reason="known miss")]
            else:
                marks = []
            yield pytest.param(path.stem, field, marks=marks, id=f"{path.stem}-{field}")


@pytest.mark.parametrize("stem, field", list(_cases()))
def test_corpus_field(results, stem, field):
    ok, found = results[stem][field]
    assert ok, f"{stem}: {field}: the reader found {found}"
