"""Translate stage: machine suggestions for a statement's blocks, offline.

`Translator` is what the pipeline needs from an engine; `ArgosTranslator` is the one we ship.
Importing this package is cheap: CTranslate2, SentencePiece and argostranslate are imported
when a model is first needed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Protocol

from toolkit.model import Suggestion
from toolkit.translation.argos import ArgosTranslator
from toolkit.translation.memory import TranslationMemory
from toolkit.translation.sentences import split_sentences

__all__ = ["ArgosTranslator", "TranslationMemory", "Translator", "open_translator", "split_sentences"]


class Translator(Protocol):
    """A machine translation engine, as the publish pipeline uses it."""

    engine: str

    def missing_pairs(self, source: str, targets: Sequence[str]) -> list[tuple[str, str]]:
        """Return the (source, target) pairs this engine cannot translate."""

    def install_hint(self, source: str, target: str) -> str:
        """Return what the user should run so that source→target can be translated."""

    def translate(
        self, texts: Sequence[str], source: str, target: str, progress: Callable[[int], None] | None = None
    ) -> list[Suggestion]:
        """Return one suggestion per text, in order."""

    def translate_many(
        self, requests: Mapping[tuple[str, str], Sequence[str]], bar=None
    ) -> dict[tuple[str, str], list[Suggestion]]:
        """Return the suggestions of every (source, target) pair, loading each model once."""

    def close(self) -> None:
        """Free the resources held (models in memory)."""


def open_translator(config, environ: Mapping[str, str] | None = None):
    """Return the translator the config chooses, for one run: the one place that chooses."""
    import os

    if config.translator == "libretranslate":
        from toolkit.translation.libretranslate import LibreTranslateTranslator

        return LibreTranslateTranslator.from_config(config, os.environ if environ is None else environ)
    return ArgosTranslator.from_config(config)
