"""Translate stage: machine suggestions for a statement's blocks, offline.

`Translator` is all a command needs from an engine; `ArgosTranslator` (offline) and
`LibreTranslateTranslator` (servers) implement it, and `open_translator` is the one place that
chooses one from the config. Importing this package is
cheap: CTranslate2, SentencePiece and argostranslate are imported when a model is first needed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from contextlib import AbstractContextManager
from typing import Protocol, runtime_checkable

from toolkit.errors import MissingModelError
from toolkit.model import Suggestion
from toolkit.translation.argos import ArgosTranslator
from toolkit.translation.memory import TranslationMemory
from toolkit.translation.sentences import split_sentences

__all__ = ["ArgosTranslator", "Pair", "ProgressBar", "TranslationMemory", "Translator", "open_translator",
           "split_sentences", "suggest"]

Pair = tuple[str, str]  # (source language, target language)
# A progress bar for long work: label and total -> a context manager with update(n), like
# click.progressbar.
ProgressBar = Callable[[str, int], AbstractContextManager]


@runtime_checkable
class Translator(Protocol):
    """A machine translation engine, as commands use it: check the pairs, then translate them all."""

    engine: str  # named in each suggestion's provenance

    def missing_pairs(self, pairs: Sequence[Pair]) -> list[Pair]:
        """Return the pairs of `pairs` this engine cannot translate, in order."""

    def install_hint(self, pairs: Sequence[Pair]) -> str:
        """Return what the user should run so that every pair of `pairs` can be translated."""

    def translate_many(
        self, requests: Mapping[Pair, Sequence[str]], bar: ProgressBar | None = None
    ) -> dict[Pair, list[Suggestion]]:
        """Return one suggestion per text of every pair, in order.

        The engine opens `bar(label, total)` for each unit of its work (a model, a batch of
        requests) with that unit's total, and calls `update(n)` on it as the work advances.
        """

    def close(self) -> None:
        """Free what the engine holds (models in memory, connections)."""


def open_translator(config, environ: Mapping[str, str] | None = None, glossary=None) -> Translator:
    """Return the translator the config chooses, for one run: the one place that chooses.

    With a `glossary` (toolkit.terminology), the backend is wrapped in PinnedTranslator: names,
    symbols, URLs and e-mails come out verbatim, and glossary terms are asked for.
    """
    import os

    if config.translator == "libretranslate":
        from toolkit.translation.libretranslate import LibreTranslateTranslator

        backend = LibreTranslateTranslator.from_config(config, os.environ if environ is None else environ)
    else:
        backend = ArgosTranslator.from_config(config)
    if glossary is None:
        return backend
    from toolkit.translation.pinned import PinnedTranslator

    return PinnedTranslator(backend, glossary)


def suggest(
    translator: Translator,
    requests: Mapping[Pair, Sequence[str]],
    *,
    say: Callable[[str], None] | None = None,
    bar: ProgressBar | None = None,
    languages: Sequence[str] = (),
) -> dict[Pair, dict[str, Suggestion]]:
    """Check every pair, then translate every text in one call; return suggestions by source text.

    Every missing model is named, in one TranslationError, before anything is translated. One
    call for every pair lets the engine load a model shared by several pairs (ar→en for ar→fr
    and ar→es) once per run.
    """
    requests = {pair: list(dict.fromkeys(texts)) for pair, texts in requests.items() if texts}
    if not requests:
        return {}
    sources = list(dict.fromkeys(source for source, _ in requests))
    missing = translator.missing_pairs(sorted(requests, key=lambda pair: sources.index(pair[0])))
    if missing:
        listed = ", ".join(f"{a}→{b}" for a, b in missing)
        blocked = {target for _, target in missing}
        ready = [code for code in languages if code not in blocked]
        now = f"; or publish what needs no missing model now: `presskit publish --lang {','.join(ready)}`" if ready else ""
        raise MissingModelError(f"no translation model installed for {listed}; nothing was written; "
                               f"{translator.install_hint(missing)}{now}")
    for (source, target), texts in requests.items():
        if say is not None:
            say(f"machine-translating {len(texts)} texts {source}→{target}")
    results = translator.translate_many(requests, bar=bar)
    return {pair: {s.source: s for s in results[pair]} for pair in requests}
