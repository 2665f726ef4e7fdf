"""The one table of the six official UN languages, in UN order."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    """How presskit handles one language, from translation to typesetting."""

    code: str  # ISO 639-1, also the Argos Translate code and the output file name
    locale: str  # Babel locale identifier
    tag: str  # BCP 47 tag for <html lang> and the PDF /Lang
    direction: str  # "ltr" or "rtl"
    fonts: tuple[str, ...]  # CSS font stack, ending with a face that has Latin and punctuation
    english_name: str


# Font stacks: the script's own face first, then Noto Serif (Latin, Cyrillic, punctuation).
LANGUAGES: dict[str, Language] = {
    "ar": Language("ar", "ar", "ar", "rtl", ("Noto Naskh Arabic", "Noto Sans Arabic", "Noto Serif"), "Arabic"),
    "zh": Language("zh", "zh_Hans_CN", "zh-Hans", "ltr", ("Noto Serif CJK SC", "Noto Sans CJK SC", "Noto Serif"), "Chinese"),
    "en": Language("en", "en_GB", "en", "ltr", ("Noto Serif",), "English"),
    "fr": Language("fr", "fr_FR", "fr", "ltr", ("Noto Serif",), "French"),
    "ru": Language("ru", "ru_RU", "ru", "ltr", ("Noto Serif",), "Russian"),
    "es": Language("es", "es_ES", "es", "ltr", ("Noto Serif",), "Spanish"),
}

UN_ORDER: tuple[str, ...] = tuple(LANGUAGES)


# Other spellings taken on purpose. Traditional Chinese names a source script only: the zh
# edition is always printed in Simplified characters, as the UN prints Chinese.
ALIASES = {"zh-cn": "zh", "zh-sg": "zh", "zh-hans-cn": "zh", "en-gb": "en", "en-us": "en", "fr-fr": "fr",
           "es-es": "es", "ru-ru": "ru", "ar-sa": "ar"}
TRADITIONAL = ("zh-hant", "zh-tw", "zh-hk", "zh-mo", "zh-hant-tw", "zh-hant-hk")


def get_language(code: str) -> Language:
    """Return the language for a code such as "fr" or "zh-Hans"; raise KeyError otherwise."""
    key = code.strip().lower().replace("_", "-")
    key = ALIASES.get(key, key)
    for language in LANGUAGES.values():
        if key in (language.code, language.tag.lower(), language.locale.lower().replace("_", "-")):
            return language
    raise KeyError(code)


def parse_language(code: str) -> str:
    """Return the canonical code for user input such as "FR" or "zh-Hans", or raise ValueError."""
    try:
        return get_language(code).code
    except KeyError:
        raise ValueError(
            f"unknown language {code!r}; use one of the six UN languages: {', '.join(UN_ORDER)}"
            + (" (the zh edition is printed in Simplified Chinese: use zh)"
               if code.strip().lower().replace("_", "-") in TRADITIONAL else "")
        ) from None


def parse_source_language(code: str) -> tuple[str, str | None]:
    """Return the code and script of a source language: "zh-TW" and "zh-Hant" give ("zh", "Hant")."""
    if code.strip().lower().replace("_", "-") in TRADITIONAL:
        return "zh", "Hant"
    return parse_language(code), None
