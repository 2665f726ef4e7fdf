"""The Argos Translate backend: installed Argos packages, decoded with CTranslate2 directly.

Argos's own `translate` module splits with a network-hungry sentence model, imports torch and
translates paragraph by paragraph in 32-token batches. Here every sentence of every text goes to
CTranslate2 in one batched call per language pair, with Argos's decoding settings, so results
are Argos's but arrive several times sooner.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path

from toolkit.errors import MissingModelError, TranslationError
from toolkit.model import Suggestion
from toolkit.translation import packages
from toolkit.terminology.pinning import choose_hypothesis
from toolkit.translation.memory import TranslationMemory
from toolkit.translation.sentences import assemble as _assemble
from toolkit.translation.sentences import translatable as _translatable
from toolkit.translation.sentences import unique_sentences as _unique_sentences

log = logging.getLogger(__name__)

ENGINE = "Argos Translate (CTranslate2)"
# argostranslate.translate.apply_packaged_translation hard-codes these; the beam size comes from
# its settings (ARGOS_BEAM_SIZE, default 4) and is read from there.
LENGTH_PENALTY = 0.2
# Token batches, not Argos's 32: on CPU large batches amortise the decoder's per-step cost, but
# the decoder's cache grows with the batch. 120 sentences, a base-size model (6+6 layers, d_model
# 512) decoding 256 tokens each: 1024 tokens a batch peaked at 505-568 MB in 8.6-8.9 s, 512 at
# 354-372 MB in 9.8-10.0 s. 512 keeps an archive's peak memory within 1.3x one statement's
# (make bench, archive) for about an eighth more time where every sentence decodes that long.
MAX_BATCH_TOKENS = 512
NO_SPACE_LANGUAGES = frozenset({"zh", "ja"})  # sentences are joined without a space
HYPOTHESES = 4  # n best asked for a sentence with glossary terms

# The longest translation decoded, in target tokens: this many times the longest source sentence
# of the batch, plus a few. A real model stops at its end token long before (a translation runs
# about 1 to 1.5 times its source); one caught in a repetition loop would otherwise decode
# CTranslate2's default 256 tokens for every hypothesis of the beam, and the memory of its batch
# (the decoder's cache grows with each step) with it.
DECODING_FACTOR, DECODING_SLACK, DECODING_CAP = 3, 16, 256


def decoding_limit(encoded: list[list[str]]) -> int:
    """Return max_decoding_length for a batch of tokenized sentences."""
    longest = max((len(tokens) for tokens in encoded), default=0)
    return min(DECODING_CAP, DECODING_FACTOR * longest + DECODING_SLACK)


def length_batches(encoded: list[list[str]], tokens: int) -> list[list[int]]:
    """Return the indexes of `encoded` in batches of about `tokens` tokens, shortest sentences first."""
    batches: list[list[int]] = []
    size = 0
    for index in sorted(range(len(encoded)), key=lambda i: len(encoded[i])):
        if not batches or size + len(encoded[index]) > tokens:
            batches.append([])
            size = 0
        batches[-1].append(index)
        size += len(encoded[index])
    return batches


# label, total -> a context manager with update(n), like click.progressbar
ProgressBar = Callable[[str, int], AbstractContextManager]


class ArgosTranslator:
    """Translate texts with installed Argos packages; one model in memory at a time.

    Create one per run. `memory` (optional) keeps translations across runs. `model_calls` and
    `sentences_translated` count the work done, for tests and reports.
    """

    engine = ENGINE
    choose_terms = True  # takes `terms` in translate_many: picks among n-best hypotheses

    def __init__(self, packages_dir: Path | None = None, memory: TranslationMemory | None = None, threads: int = 2,
                 device: str = "auto"):
        self.packages_dir = packages_dir
        self.device = device
        self.memory = memory
        self.threads = threads
        self._owns_memory = False
        self._device_noted = False
        self.model_calls = 0
        self.sentences_translated = 0
        self._installed: dict[tuple[str, str], packages.ModelPackage] | None = None
        self._loaded: tuple[Path, object, object] | None = None  # (package path, translator, argos Package)
        self._cache: dict[tuple[str, str, str, str], dict[str, str]] = {}  # this run's translations

    @classmethod
    def from_config(cls, config) -> ArgosTranslator:
        """Return a translator for one run over a workspace, with its translation memory."""
        translator = cls(config.packages_dir, TranslationMemory(config.state_path / "memory.sqlite3"), config.threads,
                         config.device)
        translator._owns_memory = True  # closed with the translator
        return translator

    # Routes -------------------------------------------------------------------------------

    def installed(self) -> dict[tuple[str, str], packages.ModelPackage]:
        """Return the installed packages (scanned once per translator)."""
        if self._installed is None:
            self._installed = packages.installed_packages(self.packages_dir)
        return self._installed

    def missing_pairs(self, pairs: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
        """Return the (source, target) pairs with neither a direct nor a pivot route."""
        return [
            (source, target)
            for source, target in dict.fromkeys(pairs)
            if target != source and packages.find_route(self.installed(), source, target) is None
        ]

    def install_hint(self, pairs: Sequence[tuple[str, str]]) -> str:
        """Return what to run so that every (source, target) pair can be translated."""
        legs = [leg for s, t in pairs for leg in packages.missing_legs(self.installed(), s, t) or [(s, t)]]
        return packages.install_command(list(dict.fromkeys(legs)))

    def _route(self, source: str, target: str) -> list[packages.ModelPackage]:
        route = packages.find_route(self.installed(), source, target)
        if route is None:
            raise MissingModelError(
                f"no translation model for {source}→{target} is installed; {self.install_hint([(source, target)])}"
            )
        return route

    # Translation --------------------------------------------------------------------------

    def progress_total(self, texts: Sequence[str], source: str, target: str) -> int:
        """Return how far `translate(texts, source, target, progress)` will advance progress."""
        return len(_unique_sentences(texts)) * len(self._route(source, target))

    def translate(
        self,
        texts: Sequence[str],
        source: str,
        target: str,
        progress: Callable[[int], None] | None = None,
    ) -> list[Suggestion]:
        """Translate each text; return one Suggestion per text, in order.

        Texts without letters (empty, numbers) come back untouched. `progress(n)` is called as
        sentences are done, per route leg (see `progress_total`).
        """
        bar = None
        if progress is not None:
            per_leg = len(_unique_sentences(texts))

            @contextmanager
            def bar(label: str, total: int):
                counter = _Counter(progress)
                yield counter
                # Two source sentences may share one English translation, so a second leg can
                # have fewer inputs: progress counts source sentences, as progress_total says.
                progress(per_leg - counter.count)

        return self.translate_many({(source, target): texts}, bar)[source, target]

    def translate_many(
        self, requests: Mapping[tuple[str, str], Sequence[str]], bar: ProgressBar | None = None,
        terms: Mapping[tuple[str, str], Mapping[str, Sequence]] | None = None,
    ) -> dict[tuple[str, str], list[Suggestion]]:
        """Translate texts for several (source, target) pairs, loading each model once.

        Routes run in steps: first every first leg (ar→en, or a direct pair), then every second
        leg (en→fr), each leg over the union of the sentences all pairs send it, so one model is
        in memory at a time and none is loaded twice. `bar(label, total)` returns a context
        manager with `update(n)` (like click.progressbar): one bar per leg, over its inputs.
        `terms` (pair -> text -> pinning.Requirement) names the glossary terms a text's
        translation should use: on the pair's last leg, such sentences are decoded to n best and
        the best-scoring hypothesis using the most of them is kept (see toolkit.terminology.pinning).
        """
        for source, target in requests:
            if source == target:
                raise ValueError(f"nothing to translate: {source}→{target}")
        missing = [pair for pair in requests if packages.find_route(self.installed(), *pair) is None]
        if missing:
            listed = ", ".join(f"{a}→{b}" for a, b in missing)
            raise MissingModelError(f"no translation model for {listed} is installed; {self.install_hint(missing)}")
        routes = {pair: self._route(*pair) for pair in requests}
        done = {pair: {s: s for s in _unique_sentences(texts)} for pair, texts in requests.items()}
        # A direct pair whose package is also some pivot's second leg (en→fr beside ar→en→fr)
        # waits for the second step, so that package is loaded once.
        second_legs = {route[1].path for route in routes.values() if len(route) == 2}
        steps: list[dict[Path, tuple[packages.ModelPackage, list[tuple[str, str]]]]] = [{}, {}]
        for pair, route in routes.items():
            for index, leg in enumerate(route):
                step = 1 if index == 1 or leg.path in second_legs else 0
                steps[step].setdefault(leg.path, (leg, []))[1].append(pair)
        for step in steps:
            for leg, pairs in step.values():
                inputs = list(dict.fromkeys(text for pair in pairs for text in done[pair].values()))
                wanted = _wanted_terms(terms, [p for p in pairs if routes[p][-1].path == leg.path], done)
                label = f"translating {leg.from_code}→{leg.to_code}"
                with bar(label, len(inputs)) if bar else nullcontext() as shown:
                    update = (lambda _: shown.update(1)) if shown is not None else None
                    result = self._translate_leg(leg, inputs, update, wanted)
                for pair in pairs:
                    done[pair] = {sentence: result[text] for sentence, text in done[pair].items()}
        found = {}
        for (source, target), texts in requests.items():
            route = routes[source, target]
            joiner = "" if target in NO_SPACE_LANGUAGES else " "
            package = "+".join(leg.name for leg in route)
            version = "+".join(leg.version for leg in route)
            pivot = packages.PIVOT if len(route) == 2 else None
            found[source, target] = [
                Suggestion(text, _assemble(text, done[source, target], joiner), self.engine, package, version, pivot)
                for text in texts
            ]
        return found

    def _translate_leg(
        self, leg: packages.ModelPackage, sentences: list[str], done: Callable[[str], None] | None,
        wanted: Mapping[str, tuple] | None = None,
    ) -> dict[str, str]:
        """Translate unique sentences with one package: this run's cache, the memory, the model.

        A sentence with `wanted` terms is cached under its own key (the terms' digest): the
        hypothesis chosen for it depends on the glossary, and follows its edits.
        """
        wanted = wanted or {}
        base = (leg.from_code, leg.to_code, leg.name, f"{leg.version}/beam{self._beam_size()}")

        def key_of(sentence: str) -> tuple:
            needs = wanted.get(sentence)
            return base if not needs else (*base[:3], f"{base[3]}/glossary-{_digest(needs)}")

        groups: dict[tuple, list[str]] = {}
        for sentence in sentences:
            groups.setdefault(key_of(sentence), []).append(sentence)
        todo: list[tuple[tuple, str]] = []
        for key, group in groups.items():
            cache = self._cache.setdefault(key, {})
            # A first leg may return a sentence without letters (or nothing): the second passes it on.
            cache.update((s, s) for s in group if not _translatable(s))
            missing = [s for s in group if s not in cache]
            if missing and self.memory is not None:
                cache.update(self.memory.lookup(key, missing))
                missing = [s for s in missing if s not in cache]
            todo += [(key, s) for s in missing]
        if done is not None:
            for sentence in sentences:
                if sentence in self._cache[key_of(sentence)]:
                    done(sentence)
        if todo:
            inputs = [s for _, s in todo]
            translations = dict(zip(inputs, self._run_model(leg, inputs, done, wanted)))
            stored: dict[tuple, list[tuple[str, str]]] = {}
            for key, sentence in todo:
                self._cache[key][sentence] = translations[sentence]
                stored.setdefault(key, []).append((sentence, translations[sentence]))
            if self.memory is not None:
                for key, items in stored.items():
                    self.memory.store(key, items)
        return {sentence: self._cache[key_of(sentence)][sentence] for sentence in sentences}

    def _run_model(self, leg: packages.ModelPackage, sentences: list[str], done,
                   wanted: Mapping[str, tuple] | None = None) -> list[str]:
        translator, argos_package = self._load(leg)
        tokenizer = argos_package.tokenizer
        prefix = argos_package.target_prefix
        log.info("translating %d sentences with %s %s", len(sentences), leg.name, leg.version)
        # For glossary terms, the n best of the beam (no constrained decoding in CTranslate2, #739).
        # One call for the whole batch: a sentence without terms keeps its best hypothesis.
        wanted = {s: wanted[s] for s in sentences if wanted and wanted.get(s)}
        beam = max(self._beam_size(), HYPOTHESES) if wanted else self._beam_size()
        hypotheses = beam if wanted else 1
        # Argos's decoding settings: argostranslate.translate.apply_packaged_translation.
        encoded = [tokenizer.encode(sentence) for sentence in sentences]
        results: list = [None] * len(sentences)
        # Batches of sentences of about one length, each decoded no longer than its sentences
        # need (decoding_limit); all queued at once, so the model's threads never wait.
        for batch in length_batches(encoded, MAX_BATCH_TOKENS):
            queued = translator.translate_batch(
                [encoded[i] for i in batch],
                target_prefix=[[prefix]] * len(batch) if prefix else None,
                replace_unknowns=True,
                max_batch_size=MAX_BATCH_TOKENS,
                batch_type="tokens",
                beam_size=beam,
                num_hypotheses=hypotheses,
                length_penalty=LENGTH_PENALTY,
                max_decoding_length=decoding_limit([encoded[i] for i in batch]),
                asynchronous=True,  # same work, but results can be reported as they arrive
            )
            for index, result in zip(batch, queued):
                results[index] = result
        self.model_calls += 1
        self.sentences_translated += len(sentences)
        translations = []
        for sentence, result in zip(sentences, results):
            values = []
            for tokens in result.result().hypotheses:
                value = tokenizer.decode(tokens)
                if prefix and value.startswith(prefix):
                    value = value[len(prefix):]
                values.append(value.strip())
            index = choose_hypothesis(values, wanted[sentence])[0] if sentence in wanted else 0
            translations.append(values[index])
            if done is not None:
                done(sentence)
        return translations

    # Models -------------------------------------------------------------------------------

    def _load(self, leg: packages.ModelPackage):
        """Return the CTranslate2 translator and argos Package for `leg`, freeing any other model."""
        if self._loaded is not None and self._loaded[0] == leg.path:
            return self._loaded[1], self._loaded[2]
        self._unload()
        argos_package = packages.import_package_layer(self.packages_dir).Package(leg.path)
        from argostranslate import settings

        try:
            import ctranslate2
        except ModuleNotFoundError:
            raise TranslationError("machine translation is not available in this installation "
                                   "(ctranslate2 is missing); reinstall presskit") from None
        try:
            device, note = choose_device(self.device)
            if note and not self._device_noted:
                log.warning("%s", note)
                self._device_noted = True
            translator = ctranslate2.Translator(
                str(leg.path / "model"),
                device=device,
                compute_type=settings.compute_type,
                inter_threads=self.threads,  # parallel batches, one core each
                intra_threads=1,
            )
        except (RuntimeError, ValueError, OSError) as exc:
            raise TranslationError(
                f"cannot load the {leg.from_code}→{leg.to_code} model ({exc}); reinstall it: "
                f"{packages.install_command([(leg.from_code, leg.to_code)])}",
                leg.path,
            ) from None
        self._loaded = (leg.path, translator, argos_package)
        return translator, argos_package

    def _beam_size(self) -> int:
        from argostranslate import settings

        return settings.beam_size

    def _unload(self) -> None:
        if self._loaded is None:
            return
        translator = self._loaded[1]
        # unload_model() is a no-op while a batch is still running, and a worker may still be
        # finishing the last asynchronous batch after its result was read: wait for it (briefly).
        for _ in range(200):
            if not translator.num_active_batches and not translator.num_queued_batches:
                break
            time.sleep(0.005)
        translator.unload_model()
        self._loaded = None

    def close(self) -> None:
        """Free the model in memory, if any (and the translation memory opened by from_config)."""
        self._unload()
        if self._owns_memory and self.memory is not None:
            self.memory.close()

    def __enter__(self) -> ArgosTranslator:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


def choose_device(requested: str = "auto") -> tuple[str, str | None]:
    """Return the CTranslate2 device for the `device` setting, and a note when it differs.

    CTranslate2's wheels carry the CUDA code, so a GPU needs no other install; with none (or no
    driver), `cuda` falls back to the CPU with a one-line note rather than failing the run.
    """
    if requested == "cpu":
        return "cpu", None
    try:
        import ctranslate2

        gpus = ctranslate2.get_cuda_device_count()
    except (ImportError, RuntimeError, OSError):
        gpus = 0
    if gpus:
        return "cuda", None
    if requested == "cuda":
        return "cpu", "device = \"cuda\", but no CUDA GPU is available: translating on the CPU"
    return "cpu", None


def describe_device(requested: str = "auto") -> str:
    """Return the device line of `presskit models list`."""
    device, _ = choose_device(requested)
    reason = {"cpu": "no CUDA GPU found" if requested != "cpu" else "as set", "cuda": "CUDA GPU found"}[device]
    return f"Device: {device} (setting {requested}: {reason})"


class _Counter:
    """A progress bar that passes updates on to a callback and counts them."""

    def __init__(self, progress: Callable[[int], None]):
        self.progress = progress
        self.count = 0

    def update(self, n: int) -> None:
        self.count += n
        self.progress(n)


def _wanted_terms(terms, pairs, done) -> dict[str, tuple]:
    """Return leg input -> the glossary requirements of the source sentences it stands for."""
    wanted: dict[str, tuple] = {}
    for pair in pairs:
        for text, needs in ((terms or {}).get(pair) or {}).items():
            if not needs:
                continue
            for sentence in _unique_sentences([text]):
                current = done[pair].get(sentence)
                if current is not None:
                    wanted[current] = tuple(dict.fromkeys((*wanted.get(current, ()), *needs)))
    return wanted


def _digest(needs) -> str:
    import hashlib

    text = "\n".join(sorted(f"{r.lang}:{'|'.join(r.forms)}" for r in needs))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
