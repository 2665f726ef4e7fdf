"""A fake machine translator for tests: the `Translator` protocol without models.

It writes "[fr] text" for every text, with real-looking provenance (engine, package, version,
pivot), and records what it was asked, so tests can check what a command requested.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from contextlib import nullcontext

from toolkit.model import Suggestion

Pair = tuple[str, str]


def fake_suggestion(text: str, source: str, target: str, translated: str | None = None) -> Suggestion:
    """Return the fake translation of one text: bracketed source text, as from translate-<s>_<t> 1.9."""
    return Suggestion(text, f"[{target}] {text}" if translated is None else translated, "Fake MT (test)",
                      f"translate-{source}_{target}", "1.9", pivot="en" if "en" not in (source, target) else None)


class FakeTranslator:
    """A `Translator` for tests.

    `missing` pairs have no model; `translate(text, source, target)` replaces the bracketed
    fake text (return "" for no suggestion); `before()` runs as translation starts (a reviewer
    saving a file meanwhile). `requests` holds what each translate_many call was asked.
    """

    engine = "Fake MT (test)"

    def __init__(self, *, missing: Sequence[Pair] = (), translate: Callable[[str, str, str], str] | None = None,
                 before: Callable[[], None] | None = None):
        self.missing = list(missing)
        self.translate = translate
        self.before = before
        self.requests: list[dict[Pair, list[str]]] = []
        self.closed = False

    @property
    def pairs(self) -> list[Pair]:
        """Return every pair asked for, call after call, in order."""
        return [pair for request in self.requests for pair in request]

    def missing_pairs(self, pairs: Sequence[Pair]) -> list[Pair]:
        return [pair for pair in pairs if pair in self.missing]

    def install_hint(self, pairs: Sequence[Pair]) -> str:
        return f"run `presskit models install {' '.join(f'{a}-{b}' for a, b in pairs)}`"

    def translate_many(self, requests: Mapping[Pair, Sequence[str]], bar=None) -> dict[Pair, list[Suggestion]]:
        self.requests.append({pair: list(texts) for pair, texts in requests.items()})
        if self.before is not None:
            self.before()
        found = {}
        for (source, target), texts in requests.items():
            with bar(f"translating {source}→{target}", len(texts)) if bar else nullcontext() as shown:
                found[source, target] = [
                    fake_suggestion(text, source, target,
                                    None if self.translate is None else self.translate(text, source, target))
                    for text in texts
                ]
                if shown is not None:
                    shown.update(len(texts))
        return found

    def close(self) -> None:
        self.closed = True
