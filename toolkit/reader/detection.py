"""The language of a block (py3langid, limited to the six UN languages) and the script of Chinese text.

Arabic, Cyrillic and Han script decide by themselves; Latin-script text goes to py3langid, a
small n-gram detector (4.6 MB model). lingua-language-detector is more accurate on short lines
but needs about 1 GB installed, which the install budget does not allow (see README).
"""

from __future__ import annotations

import functools
import hashlib
import re

UN_LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")


@functools.cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(UN_LANGUAGES))
    return identifier


_SCRIPTS = {
    "ar": re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufefc]"),
    "zh": re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]"),
    "ru": re.compile(r"[\u0400-\u04ff]"),
    "latin": re.compile(r"[A-Za-z\u00c0-\u024f]"),
}


def _scripts(text: str) -> dict[str, int]:
    return {script: len(pattern.findall(text)) for script, pattern in _SCRIPTS.items()}


def script_of(text: str) -> str | None:
    """Return the script most of a text's letters are in ("ar", "zh", "ru" or "latin"), or None for no letters."""
    counts = _scripts(text)
    script = max(counts, key=counts.get)
    return script if counts[script] else None


def letters(text: str) -> int:
    """Return how many letters of the six languages' scripts a text has."""
    return sum(_scripts(text).values())


class LanguageCache:
    """py3langid's answers for Latin-script samples, remembered between runs.

    Loading py3langid's model takes about a second (it decompresses a 4.6 MB LZMA file), most of
    a publish in which nothing changed. The workspace keeps the answers (.presskit/languages.json,
    see toolkit/workspace.py), so a statement read before is read again without the model.
    Answers are keyed by the sample's SHA-256 and kept only for the py3langid version that gave them.
    """

    def __init__(self, version: str = "", answers: dict[str, tuple[str, float]] | None = None):
        self.version = version or _detector_version()
        self.answers = dict(answers or {})
        self.new = 0

    def classify(self, sample: str) -> tuple[str, float]:
        key = hashlib.sha256(sample.encode("utf-8")).hexdigest()[:32]
        if key not in self.answers:
            lang, probability = _identifier().classify(sample)
            self.answers[key] = (lang, float(probability))
            self.new += 1
        return self.answers[key]


def _detector_version() -> str:
    """Name the installed model (its size and time): another model or version asks afresh.

    Found without importing py3langid, which would import numpy (a fifth of a second).
    """
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("py3langid")
    model = Path(spec.origin).parent / "data" / "model.npz.xz" if spec and spec.origin else None
    if model is None or not model.exists():
        return "py3langid"
    info = model.stat()
    return f"py3langid model {info.st_size} {info.st_mtime_ns}"


def block_language(text: str, cache: LanguageCache | None = None) -> tuple[str | None, float]:
    """Return the language of a block of text and how sure that is (0-1); None for no letters."""
    counts = _scripts(text[:300])
    letters = sum(counts.values())
    if not letters:
        return None, 0.0
    script = max(counts, key=counts.get)
    if script != "latin":
        return script, counts[script] / letters
    sample = text[:160].lower()  # capitals throw the n-grams off
    lang, probability = cache.classify(sample) if cache else _identifier().classify(sample)
    return lang, float(probability)


def guess_language(text: str, cache: LanguageCache | None = None) -> str:
    """Guess which of the six UN languages a text is in."""
    return block_language(text, cache)[0] or "en"


@functools.cache
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """Return Chinese text in Simplified characters, as the UN prints Chinese (OpenCC t2s)."""
    return _converter("t2s").convert(text)


def is_traditional(text: str) -> bool:
    """True when Chinese text is written in Traditional characters (zh-Hant)."""
    han = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    if len(han) < 8:
        return False
    simplified = to_simplified("".join(han))
    changed = sum(a != b for a, b in zip(han, simplified))
    back = _converter("s2t").convert("".join(han))
    unchanged_by_s2t = sum(a == b for a, b in zip(han, back))
    # Traditional text changes under t2s and stays under s2t; Simplified text does the opposite.
    return changed >= max(2, len(han) * 0.03) and unchanged_by_s2t >= len(han) * 0.9
