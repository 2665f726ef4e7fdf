"""Pinning around any translator: masked spans come out verbatim, glossary terms are asked for.

`PinnedTranslator` wraps a backend (Argos, LibreTranslate) and behaves like it. Each sentence
is masked (toolkit.terminology.pinning) before the backend sees it; a translation that kept
every placeholder gets the spans back in place, one that lost any is redone in pieces (the
text between the spans, translated alone) with the spans spliced in. A backend that can choose
among hypotheses (`choose_terms = True`, Argos) is told which approved terms each sentence
needs. Each suggestion then says which glossary terms it uses and which it lacks.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from toolkit.model import Suggestion
from toolkit.terminology.glossary import Glossary
from toolkit.terminology.matching import has_form
from toolkit.terminology.pinning import Masked, Requirement, Span, mask, requirements, splice
from toolkit.translation.sentences import assemble, unique_sentences

NO_SPACE_LANGUAGES = frozenset({"zh", "ja"})


class PinnedTranslator:
    """A translator whose output keeps symbols, URLs, e-mails and names, and asks for the terms."""

    def __init__(self, inner, glossary: Glossary):
        self.inner = inner
        self.glossary = glossary
        self.masked_spans = 0  # spans pinned this run, and how many needed the piecewise fallback
        self.fallbacks = 0

    @property
    def engine(self) -> str:
        return self.inner.engine

    def missing_pairs(self, pairs):
        return self.inner.missing_pairs(pairs)

    def install_hint(self, pairs) -> str:
        return self.inner.install_hint(pairs)

    def close(self) -> None:
        self.inner.close()

    def __getattr__(self, name):
        return getattr(self.inner, name)  # model_calls, sentences_translated ...

    def __enter__(self):
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def translate(self, texts: Sequence[str], source: str, target: str, progress=None) -> list[Suggestion]:
        return self.translate_many({(source, target): texts})[source, target]

    def translate_many(self, requests: Mapping[tuple[str, str], Sequence[str]], bar=None
                       ) -> dict[tuple[str, str], list[Suggestion]]:
        """Translate like the backend, with every sentence masked and its terms asked for."""
        masks: dict[tuple[str, str], dict[str, Masked]] = {}
        asked: dict[tuple[str, str], list[str]] = {}
        needs: dict[tuple[str, str], dict[str, tuple[Requirement, ...]]] = {}
        for (source, target), texts in requests.items():
            pair = (source, target)
            masks[pair] = {s: mask(s, source, target, self.glossary) for s in unique_sentences(texts)}
            # The pieces between the spans go in the same call, in case the model loses a
            # placeholder: one model call per language, no second round.
            asked[pair] = list(dict.fromkeys([m.text for m in masks[pair].values()] + [
                p for m in masks[pair].values() if m.spans for p in m.pieces() if isinstance(p, str)]))
            needs[pair] = {m.text: requirements(m.text, source, target, self.glossary) for m in masks[pair].values()}
            self.masked_spans += sum(len(m.spans) for m in masks[pair].values())
        first = self._ask(asked, needs, bar)
        done: dict[tuple[str, str], dict[str, str]] = {}
        for pair, by_sentence in masks.items():
            joiner = "" if pair[1] in NO_SPACE_LANGUAGES else " "
            translated = {text: s.text for text, s in first[pair].items()}
            done[pair] = {}
            for sentence, masked in by_sentence.items():
                restored = masked.restore(translated[masked.text])
                if restored is None:
                    self.fallbacks += 1
                    restored = splice(masked.pieces(), translated, joiner)
                done[pair][sentence] = restored
        found = {}
        for pair, texts in requests.items():
            joiner = "" if pair[1] in NO_SPACE_LANGUAGES else " "
            sample = next(iter(first[pair].values()), None)
            found[pair] = [self._suggestion(text, assemble(text, done[pair], joiner), sample, pair, masks[pair],
                                            needs[pair]) for text in texts]
        return found

    def _ask(self, asked, needs, bar) -> dict[tuple[str, str], dict[str, Suggestion]]:
        if getattr(self.inner, "choose_terms", False) and needs:
            results = self.inner.translate_many(asked, bar, terms=needs)
        else:
            results = self.inner.translate_many(asked, bar)
        return {pair: {s.source: s for s in results[pair]} for pair in asked}

    def _suggestion(self, text: str, translation: str, sample: Suggestion | None, pair, masks, needs) -> Suggestion:
        if sample is None:  # nothing to translate (no letters): the backend's own answer
            return self.inner.translate_many({pair: [text]})[pair][0]
        sentences = unique_sentences([text])
        wanted = list(dict.fromkeys(r for s in sentences for r in needs.get(masks[s].text, ())))
        pinned = list(dict.fromkeys(span.text for s in sentences for span in masks[s].spans))
        notes = []
        if pinned:
            notes.append("Pinned verbatim: " + ", ".join(pinned))
        used = [r.label for r in wanted if has_form(translation, r.lang, r.forms)]
        lacking = [r.label for r in wanted if r.label not in used]
        chooses = getattr(self.inner, "choose_terms", False)
        if used:
            notes.append(f"Glossary terms {'enforced' if chooses else 'used'}: " + "; ".join(used))
        if lacking:
            notes.append(f"Glossary terms {'in no hypothesis' if chooses else 'missing'}: " + "; ".join(lacking))
        return Suggestion(text, translation, sample.engine, sample.package, sample.version, sample.pivot,
                          terms=tuple(notes))


__all__ = ["PinnedTranslator", "Span"]
