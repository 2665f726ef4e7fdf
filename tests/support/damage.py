"""Damage the sample's reviewed translations in known ways: the test set for the checks.

Each damage is one of the failures users of machine translation report: a number changed, a
month changed, a sentence dropped, English left in, a word repeated (a decoding loop), a
glossary term swapped for a variant, a name translated. `damaged_catalogs` writes copies of the
sample's five catalogs in which every damaged entry carries exactly one damage, spreading the
damages over as many copies as it takes; everything else stays as the reviewers wrote it.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from toolkit.translation.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[2]
SLUG = "closing-second-multistakeholder-hearing"
LANGS = ("ar", "zh", "fr", "ru", "es")

# (text in the reviewed translation, what the damage puts instead)
TERM_SWAPS = {
    "fr": [("pacte mondial", "pacte global"), ("États Membres", "États membres"),
           ("Journée internationale des migrants", "Journée mondiale des migrants"),
           ("Assemblée générale", "Assemblée Générale")],
    "es": [("pacto mundial", "pacto global"), ("Estados Miembros", "Estados miembros"),
           ("Día Internacional del Migrante", "Día Mundial del Migrante"), ("Asamblea General", "Asamblea Nacional")],
    "ru": [("глобального договора", "глобального пакта"), ("государств-членов", "стран-участниц"),
           ("Международный день мигрантов", "Всемирный день мигрантов"), ("Генеральной Ассамблеи", "Общего собрания")],
    "zh": [("全球契约", "全球协议"), ("会员国", "成员国"), ("国际移徙者日", "国际移民日"), ("大会", "总会")],
    "ar": [("الاتفاق العالمي", "الميثاق العالمي"), ("الدول الأعضاء", "الدول الأطراف"),
           ("اليوم الدولي للمهاجرين", "اليوم العالمي للمهاجرين"), ("الجمعية العامة", "الهيئة العامة")],
}
NAME_CHANGES = {
    "fr": [("Miroslav Lajčák", "Miroslav Lajcak"), ("New York", "Nouvelle-York"), ("Mexique", "Mexico")],
    "es": [("Miroslav Lajčák", "Miroslavo Lajčák"), ("Nueva York", "Nueva Cork"), ("México", "Méjico")],
    "ru": [("Мирослава Лайчака", "Мира Славы Лайчака"), ("Нью-Йорке", "Новом Йорке"), ("Мексике", "Мехико")],
    "zh": [("米罗斯拉夫·莱恰克", "和平荣耀·莱恰克"), ("纽约", "新约克"), ("墨西哥", "墨国")],
    "ar": [("ميروسلاف لايتشاك", "سلام المجد لايتشاك"), ("نيويورك", "يورك الجديدة"), ("المكسيك", "ميخيكو")],
}
MONTH_CHANGES = {"fr": ("décembre", "novembre"), "es": ("diciembre", "noviembre"), "ru": ("декабр", "ноябр"),
                 "zh": ("12月", "11月"), "ar": ("ديسمبر", "نوفمبر")}
PER_KIND = {"number": 2, "date": 1, "sentence-dropped": 3, "english-left": 3, "repeated": 2, "term": 3, "name": 3}


@dataclass(frozen=True)
class Damage:
    """One damaged entry: which catalog and entry, what kind of damage, the text before and after."""

    lang: str
    msgid: str
    kind: str
    before: str
    after: str


def reviewed_catalog(lang: str, root: Path = ROOT) -> Catalog:
    with open(root / "locales" / lang / "LC_MESSAGES" / f"{SLUG}.po", "rb") as handle:
        return read_po(handle, locale=lang)


def _sentences(text: str, lang: str) -> list[str]:
    if lang == "zh":
        return [s for s in re.split(r"(?<=[。！？])", text) if s.strip()]
    return split_sentences(text)


def _join(parts: list[str], lang: str) -> str:
    return ("" if lang == "zh" else " ").join(parts)


def _number(source, text, lang):
    match = re.search(r"\d+(?!\d|\s?月)", text)  # in Chinese, not a month: that is a date
    if not match:
        return None
    return text[: match.start()] + str(int(match.group()) + 1) + text[match.end():]


def _date(source, text, lang):
    old, new = MONTH_CHANGES[lang]
    return text.replace(old, new, 1) if old in text else None


def _drop_sentence(source, text, lang):
    parts = _sentences(text, lang)
    if len(parts) < 2 or len(_sentences(source, "en")) < 2:
        return None
    return _join(parts[:-1], lang)


def _english_left(source, text, lang):
    parts, source_parts = _sentences(text, lang), _sentences(source, "en")
    if len(parts) < 2 or len(parts) != len(source_parts):
        return None
    return _join([source_parts[0], *parts[1:]], lang)


def _repeat(source, text, lang):
    if lang == "zh":
        middle = len(text) // 2
        chunk = text[middle: middle + 3]
        if not re.fullmatch(r"[\u4e00-\u9fff]{3}", chunk):
            return None
        return text[:middle] + chunk + chunk + text[middle + 3:]
    words = text.split(" ")
    if len(words) < 6:
        return None
    middle = len(words) // 2
    if not re.fullmatch(r"\w+", words[middle]):
        middle += 1
    return " ".join(words[: middle + 1] + [words[middle]] + words[middle + 1:])


def _replacer(pairs):
    used = set()

    def damage(source, text, lang):
        for old, new in pairs:
            if old in text and old not in used:
                used.add(old)
                return text.replace(old, new)
        return None

    return damage


def plan_damages(root: Path = ROOT) -> list[Damage]:
    """Return every damage of the test set, over the five catalogs of the sample."""
    found = []
    for lang in LANGS:
        entries = [m for m in reviewed_catalog(lang, root) if m.id and m.string and not m.fuzzy]
        kinds = {
            "number": _number, "date": _date, "sentence-dropped": _drop_sentence, "english-left": _english_left,
            "repeated": _repeat, "term": _replacer(TERM_SWAPS[lang]), "name": _replacer(NAME_CHANGES[lang]),
        }
        for offset, (kind, damage) in enumerate(kinds.items()):
            count = 0
            # Start each kind at a different entry, so that kinds spread over the catalog.
            ordered = entries[offset * 3:] + entries[: offset * 3]
            for message in ordered:
                if count == PER_KIND[kind]:
                    break
                after = damage(message.id, message.string, lang)
                if after and after != message.string:
                    found.append(Damage(lang, message.id, kind, message.string, after))
                    count += 1
    return found


def damaged_catalogs(dest: Path, root: Path = ROOT) -> list[tuple[Path, list[Damage]]]:
    """Write workspaces under `dest` holding damaged copies of the catalogs; return each
    catalog written with the damages it holds. Each workspace is a full copy of the sample."""
    rounds: list[dict[tuple[str, str], Damage]] = []
    for damage in plan_damages(root):
        for taken in rounds:
            if (damage.lang, damage.msgid) not in taken:
                taken[damage.lang, damage.msgid] = damage
                break
        else:
            rounds.append({(damage.lang, damage.msgid): damage})
    written = []
    for number, taken in enumerate(rounds, start=1):
        workspace = dest / f"round-{number}"
        for folder in ("speeches", "locales"):
            shutil.copytree(root / folder, workspace / folder, dirs_exist_ok=True)
        for lang in LANGS:
            damages = [d for (code, _), d in taken.items() if code == lang]
            if not damages:
                continue
            catalog = reviewed_catalog(lang, root)
            for damage in damages:
                message = catalog.get(damage.msgid)
                message.string = damage.after
            path = workspace / "locales" / lang / "LC_MESSAGES" / f"{SLUG}.po"
            with open(path, "wb") as handle:
                write_po(handle, catalog, width=76)
            written.append((path, damages))
    return written
