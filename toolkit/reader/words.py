"""The reader's words per language, read once per process from `words.yaml` (data, not code)."""

from __future__ import annotations

import functools
import re
from pathlib import Path

WORDS_FILE = Path(__file__).with_name("words.yaml")


def fold(text: str) -> str:
    """Return text as the tables are written: case-folded, curly apostrophes, plain hyphens, single spaces.

    A page may print "Secretary‑General" with a non-breaking hyphen (U+2011): the tables' words have the
    plain one. Each replacement is one character for one, so a position in the folded text is one in the text.
    """
    return " ".join(text.casefold().replace("'", "’").translate(_HYPHENS).split())


_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-"})


@functools.cache
def tables() -> dict:
    """Return every table of words.yaml."""
    import yaml

    with WORDS_FILE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@functools.cache
def words(table: str) -> dict[str, tuple[str, ...]]:
    """Return one table's words per language, folded."""
    return {lang: tuple(fold(str(w)) for w in items) for lang, items in tables()[table].items()}


@functools.cache
def lookup(table: str) -> dict[str, str]:
    """Return one table as word -> language (the first language that lists it)."""
    found: dict[str, str] = {}
    for lang, items in words(table).items():
        for word in items:
            found.setdefault(word, lang)
    return found


@functools.cache
def all_words(table: str) -> frozenset[str]:
    """Return every word of one table, in any language."""
    return frozenset(lookup(table))


@functools.cache
def delivery_notes() -> dict[str, str]:
    """Return delivery note wording -> DeliveryKind value."""
    return {fold(str(w)): kind for kind, langs in tables()["delivery_notes"].items()
            for items in langs.values() for w in items}


@functools.cache
def honorifics() -> tuple[str, ...]:
    """Return the honorifics a name may start with, longest first."""
    return tuple(sorted((fold(str(w)) for w in tables()["honorifics"]), key=len, reverse=True))


def bare(text: str) -> str:
    """Return a line folded without the bullets, bars and end marks around a label."""
    return fold(text.strip(" -–—|•*[]").rstrip(" .:!»›>。："))


def is_label(text: str) -> bool:
    """True for a site section or page label: "Speeches", "Communiqué de presse", "讲话".

    Navigation labels a copy runs together without spaces ("网站地图搜索联合国主页") count too.
    """
    line = bare(text)
    if len(text) > 90:
        return False
    return len(text) <= 60 and (line in all_words("section_labels") or _run_together(line)) or _office_section(line)


_OF = re.compile(r"^(?:(?:of|by|from) the|de la|de l’|du|des|del|de los|de las|de|of|by) ")


def _office_section(line: str) -> bool:
    """True for a section of the site named for the office whose items it lists: "Déclarations et discours de la
    directrice générale", "Speeches of the Secretary-General", "Выступления Генерального секретаря" (the items
    in the plural, then the office and nothing else: a headline names its occasion)."""
    for label in sorted(all_words("section_labels"), key=len, reverse=True):
        if len(label) < 6 or not line.startswith(label + " ") or not label.endswith(("s", "ия", "ы", "я")):
            continue
        rest = line[len(label) + 1:]
        rest = _OF.sub("", rest, count=1) if _OF.match(rest) else rest if "\u0400" <= rest[:1] <= "\u04ff" else ""
        return rest in all_words("speaker_titles")
    return False


def _run_together(text: str) -> bool:
    if not text or " " in text or not "\u3400" <= text[0] <= "\u9fff":
        return False
    labels = sorted((w for w in all_words("section_labels") if " " not in w), key=len, reverse=True)
    rest, parts = text, 0
    while rest:
        label = next((w for w in labels if rest.startswith(w)), None)
        if label is None:
            return False
        rest, parts = rest[len(label):], parts + 1
    return parts >= 2
