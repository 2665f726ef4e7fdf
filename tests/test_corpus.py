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
    "en-ungeneva-2007-concert-bilingue",
    "en-unhcr-2016-third-committee",
    "en-unhcr-2023-excom-opening",
    "en-unis-2000-millennium-closing",
    "en-unscol-un-day-2019-with-arabic",
    "es-cepal-2010-mensaje-dia-naciones-unidas",
    "es-cepal-2014-inauguracion-lima",
    "es-cepal-2016-inauguracion-xxxvi",
    "es-cepal-2020-cierre-trigesimo-octavo",
    "es-cinu-2001-boletin-debate-general",
    "es-eclac-2002-annan-dia-naciones-unidas",
    "es-ga-2008-presidente-reunion-informativa",
    "es-ga65-2010-informe-asamblea",
    "es-peru-2021-prioridades-secretario-general",
    "es-static-2005-dia-paz-mensaje",
    "es-studenta-2008-barcena-asamblea-personal",
    "es-studylib-2012-barcena-san-salvador",
    "es-un-2007-dia-paz-mensaje",
    "es-un-2008-dia-paz-mensaje",
    "es-webarchive-2009-bokova-mensaje",
    "es-webarchive-2012-asamblea-general",
    "fr-ambafrance-2013-fabius-unesco",
    "fr-ddfloors-rapport-conclusion-mojibake",
    "fr-ddfloors-rapport-introduction-garbled",
    "fr-ga-2011-president-reconduction",
    "fr-press-1997-national-press-club-sgsm6149",
    "fr-press-1999-francophonie-sgsm7147",
    "fr-press-2005-concert-journee-sgsm10179",
    "fr-press-2005-diner-francophones-sgsm10102",
    "fr-press-2007-conseil-securite-sgsm10832",
    "fr-press-2017-journee-paix-sgsm18686",
    "fr-sg-2022-common-agenda-bilingual",
    "fr-ungeneva-2014-moller-club-diplomatique",
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
    "ar-mandela-day-message-2022": {"date", "debris", "title"},
    "ar-un-day-message-un80": {"body_starts", "debris", "title"},
    "en-escap-2013-closing-statement": {"title"},
    "en-flipbuilder-1995-petrovsky-welcome": {"debris", "title"},
    "en-scribd-2014-pillay-hrc26": {"debris", "speaker_name", "title"},
    "en-ungeneva-2005-diplomat-day": {"venue"},
    "en-ungeneva-2007-concert-bilingue": {"venue"},
    "en-unhcr-2016-third-committee": {"debris"},
    "en-unhcr-2023-excom-opening": {"body_starts", "debris"},
    "en-unis-2000-millennium-closing": {"body_starts", "date", "debris", "speaker_name", "venue"},
    "es-cepal-2010-mensaje-dia-naciones-unidas": {"speaker_name"},
    "es-cepal-2016-inauguracion-xxxvi": {"body_starts", "speaker_name", "venue"},
    "es-cinu-2001-boletin-debate-general": {"body_starts", "date", "debris", "title"},
    "es-eclac-2002-annan-dia-naciones-unidas": {"debris", "speaker_name"},
    "es-ga65-2010-informe-asamblea": {"body_starts", "debris"},
    "es-peru-2021-prioridades-secretario-general": {"title"},
    "es-static-2005-dia-paz-mensaje": {"debris", "title"},
    "es-studenta-2008-barcena-asamblea-personal": {"body_starts", "date", "debris", "speaker_name", "title", "venue"},
    "es-studylib-2012-barcena-san-salvador": {"date", "speaker_name", "title", "venue"},
    "es-webarchive-2009-bokova-mensaje": {"body_starts", "debris", "speaker_name", "title"},
    "es-webarchive-2012-asamblea-general": {"body_starts", "date", "debris", "speaker_name", "title", "venue"},
    "fr-ambafrance-2013-fabius-unesco": {"debris"},
    "fr-press-1997-national-press-club-sgsm6149": {"date", "venue"},
    "fr-press-1999-francophonie-sgsm7147": {"venue"},
    "fr-press-2005-diner-francophones-sgsm10102": {"debris", "title", "venue"},
    "fr-ungeneva-2014-moller-club-diplomatique": {"venue"},
    "zh-ga65-sg-opening-2010": {"speaker_name"},
    "zh-hant-unhcr-hk-security-council-2024": {"body_starts", "date", "debris", "speaker_name"},
    "zh-hant-unhcr-hk-world-refugee-day-2023": {"date", "debris", "speaker_name", "title", "venue"},
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
