"""Benchmark what pinning costs: the sample into five languages, plain and pinned.

Plain is the Argos backend alone; pinned wraps it in PinnedTranslator with the starter UN
glossary: every sentence masked (symbols, URLs, e-mails, names, do-not-translate terms),
sentences with glossary terms decoded to 4 best hypotheses, placeholders the model lost redone
in pieces. Same base-size synthetic packages as the translate benchmark (built once, cached),
no translation memory, each run in its own process, best of N. Random weights never keep a
placeholder, so every masked sentence takes the piecewise fallback here: an upper bound on what
masking costs a trained model, which usually copies placeholders.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from benchmarks import Table
from benchmarks.translate import REPEAT, SAMPLE, SIZE, TARGETS, THREADS, _wait, argos_environment

ROOT = Path(__file__).resolve().parent.parent
BUILD = "1"  # bump when the package builder changes
VOCAB = 16000

TITLE = "pinning: cost of masks and glossary hypotheses (the sample into ar, zh, fr, ru, es)"
GOAL = 1.3


def cache_dir() -> Path:
    """Return where this benchmark's packages are kept (under PRESSKIT_BENCH_CACHE's folder)."""
    import os

    base = Path(os.environ.get("PRESSKIT_BENCH_CACHE", "~/.cache/presskit-bench")).expanduser()
    return base / f"pinning-{BUILD}"


def run() -> Table:
    cache = cache_dir()
    if not (cache / "ready.json").exists():
        print(f"building base-size packages in {cache} (once; a few minutes)...", file=sys.stderr, flush=True)
        _child(cache, "build")
    plain, pinned = [], []
    for _ in range(REPEAT):  # alternate, so that a busy machine slows both alike
        plain.append(_child(cache, "plain"))
        pinned.append(_child(cache, "pinned"))
    best_plain = min(plain, key=lambda r: r["seconds"])
    best_pinned = min(pinned, key=lambda r: r["seconds"])
    ratio = best_pinned["seconds"] / best_plain["seconds"]
    cpu_ratio = best_pinned["cpu"] / best_plain["cpu"]
    table = Table(["run", "seconds", "CPU s", "model calls", "note"])
    table.rows = [
        ["plain (Argos backend)", f"{best_plain['seconds']:.2f}", f"{best_plain['cpu']:.1f}",
         str(best_plain["model_calls"]), f"{best_plain['sentences']} sentences x {len(TARGETS)} languages"],
        ["pinned (masks + 4-best for terms)", f"{best_pinned['seconds']:.2f}", f"{best_pinned['cpu']:.1f}",
         str(best_pinned["model_calls"]),
         f"{best_pinned['masked']} spans masked, {best_pinned['fallbacks']} sentences redone in pieces, "
         f"{best_pinned['with_terms']} translations with glossary terms"],
        ["pinned / plain", f"{ratio:.2f}x", f"{cpu_ratio:.2f}x", "", f"goal <= {GOAL}x"],
    ]
    table.notes = [
        "",
        f"best of {REPEAT}, each run in a fresh process (model loading included); {THREADS} threads",
        f"target {'met' if ratio <= GOAL else 'MISSED'}: pinned <= {GOAL}x plain translation time",
    ]
    return table


def _child(cache: Path, mode: str) -> dict:
    command = [sys.executable, "-m", "benchmarks.pinning", str(cache), mode]
    result, _, cpu = _wait(command, argos_environment(cache), None)
    if result.returncode != 0:
        raise SystemExit(f"pinning benchmark ({mode}) failed:\n{result.stderr[-3000:]}")
    data = json.loads(result.stdout.strip().splitlines()[-1])
    data["cpu"] = cpu
    data.setdefault("seconds", 0.0)
    return data


def _build(cache: Path) -> dict:
    """Build and install en→ar, zh, fr, ru, es packages of transformer-base size (no spaCy)."""
    sys.path.insert(0, str(ROOT / "tests"))  # tests/ is no package
    from support.argos_builder import build_package, train_tokenizer

    from toolkit.translation import packages

    work = cache / "work"
    tokenizer = work / "sentencepiece.model"
    if not tokenizer.exists():
        tokenizer = train_tokenizer(tokenizer, vocab=VOCAB, corpus_size=40_000)
    for seed, target in enumerate(TARGETS):
        print(f"  en→{target}", file=sys.stderr, flush=True)
        archive = build_package(work, "en", target, tokenizer=tokenizer, seed=seed, **SIZE)
        packages.install_package_files([archive])  # presskit's installer: no torch, no stanza
        archive.unlink()
    (cache / "ready.json").write_text(json.dumps({"vocab": VOCAB}))
    return {"built": True}


def texts() -> list[str]:
    """Return every block of the sample: title, speaker line and body (not the header block)."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()[5:]
    return [line.strip() for line in lines if line.strip() and not line.strip().startswith("–")]


def _measure(cache: Path, mode: str) -> dict:
    started = time.perf_counter()
    from toolkit.terminology import starter_glossary
    from toolkit.translation import ArgosTranslator
    from toolkit.translation.pinned import PinnedTranslator
    from toolkit.translation.sentences import unique_sentences

    blocks = texts()
    backend = ArgosTranslator(packages_dir=cache / "packages", threads=THREADS)
    translator = PinnedTranslator(backend, starter_glossary()) if mode == "pinned" else backend
    with translator:
        results = translator.translate_many({("en", target): blocks for target in TARGETS})
    seconds = time.perf_counter() - started
    with_terms = sum(1 for found in results.values() for s in found if any("Glossary" in t for t in s.terms))
    return {"seconds": seconds, "model_calls": backend.model_calls, "sentences": len(unique_sentences(blocks)),
            "masked": getattr(translator, "masked_spans", 0), "fallbacks": getattr(translator, "fallbacks", 0),
            "with_terms": with_terms}


if __name__ == "__main__":
    where, mode = Path(sys.argv[1]), sys.argv[2]
    print(json.dumps(_build(where) if mode == "build" else _measure(where, mode)))
