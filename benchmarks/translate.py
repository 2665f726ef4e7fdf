"""Benchmark the translate stage against raw CTranslate2 (the floor) and the stock Argos CLI.

Input: the sample statement's body paragraphs, into ar, zh, fr, ru and es, with synthetic
packages of transformer-base size (6+6 layers, d_model 512, ffn 2048, 8 heads, 32k vocabulary,
int8), built once with tests/support/argos_builder.py and cached. Each measurement runs in its
own process, so its peak memory (ru_maxrss, from wait4) is its own.

The stock `argos-translate` CLI splits sentences with MiniSBD by default, which downloads its
model on first use and so cannot run here. It runs with ARGOS_CHUNK_TYPE=SPACY instead, and each
package carries a blank spaCy pipeline in spacy/ (argostranslate's packaged-splitter route), to
which argostranslate adds spaCy's rule-based sentencizer: no download, no model. It still tries
to fetch spaCy's xx_sent_ud_sm once at import, which fails at once offline.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import Table

TITLE = "translate: the sample statement into ar, zh, fr, ru, es (base-size synthetic Argos packages)"
ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "speeches" / "closing-second-multistakeholder-hearing.txt"
TARGETS = ("ar", "zh", "fr", "ru", "es")
SIZE = {"layers": 6, "d_model": 512, "ffn": 2048, "heads": 8}
VOCAB = 32000
THREADS = 2
BUILD = "1"  # bump when the package builder changes, to rebuild the cache
REPEAT = int(os.environ.get("PRESSKIT_BENCH_REPEAT", "3"))  # best of N for presskit and the floor


def cache_dir() -> Path:
    """Return where the built packages are kept (PRESSKIT_BENCH_CACHE or ~/.cache/presskit-bench)."""
    base = Path(os.environ.get("PRESSKIT_BENCH_CACHE", "~/.cache/presskit-bench")).expanduser()
    return base / f"build-{BUILD}"


def argos_environment(cache: Path) -> dict[str, str]:
    """Return an environment where argostranslate uses the cache, not the user's home."""
    home = cache / "argos-home"
    return {
        **os.environ,
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "ARGOS_PACKAGES_DIR": str(cache / "packages"),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }


def body_paragraphs() -> list[str]:
    """Return the sample's body: non-empty lines after the 5-line header, less the first three."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()[5:]
    return [line.strip() for line in lines if line.strip()][3:]


def run() -> Table:
    """Build the packages if needed, measure every variant, and return the table."""
    cache = cache_dir()
    if not (cache / "ready.json").exists():
        print(f"building base-size packages in {cache} (once; a few minutes)...", file=sys.stderr, flush=True)
        _child(cache, "build")
    built = json.loads((cache / "ready.json").read_text())
    floor = min((_child(cache, "floor") for _ in range(REPEAT)), key=lambda r: r["seconds"])
    runs = []
    for _ in range(REPEAT):
        workspace = Path(tempfile.mkdtemp(prefix="presskit-bench-"))
        runs.append((_child(cache, "presskit", str(workspace)), workspace))
    first, workspace = min(runs, key=lambda r: r[0]["seconds"])
    remembered = _child(cache, "presskit", str(workspace))
    for _, path in runs:
        shutil.rmtree(path, ignore_errors=True)
    stock = _stock_cli(cache)
    return _table(built, floor, first, remembered, stock)


def _table(built, floor, first, remembered, stock) -> Table:
    def row(name, result, note):
        return [name, f"{result['seconds']:.2f}", f"{result['cpu']:.1f}", f"{result['peak_mb']:.0f}",
                f"{result['seconds'] / floor['seconds']:.2f}x", f"{result['peak_mb'] / floor['peak_mb']:.2f}x", note]

    speed = stock["seconds"] / first["seconds"] if stock else None
    share = remembered["seconds"] / first["seconds"]
    table = Table(["run", "seconds", "CPU s", "peak MB", "time/floor", "mem/floor", "note"])
    table.rows = [
        row("CTranslate2 translate_batch (floor)", floor, "load, tokenize, translate, detokenize"),
        row("presskit translate stage", first, f"{first['sentences_translated']} sentences, "
            f"{first['model_calls']} model calls, output identical to floor: {first['digest'] == floor['digest']}"),
        row("presskit, remembered re-run", remembered, f"{remembered['sentences_translated']} sentences translated"),
    ]
    if stock:
        table.rows.append(row("stock argos-translate CLI", stock, "5 processes, one per language"))
    checks = [
        ("presskit <= 1.2x floor time", first["seconds"] <= 1.2 * floor["seconds"]),
        *([("presskit >= 5x faster than stock CLI", speed >= 5)] if stock else []),
        ("presskit peak <= 1.3x floor peak", first["peak_mb"] <= 1.3 * floor["peak_mb"]),
        ("remembered run < 5 % of first", share < 0.05),
    ]
    table.notes = [
        "",
        f"input: {built['paragraphs']} paragraphs, {built['sentences']} sentences, {built['tokens']} tokens; "
        f"outputs end near input length (floor decoded {floor['output_tokens']} tokens per language pass, summed)",
        f"models: {SIZE['layers']}+{SIZE['layers']} layers, d_model {SIZE['d_model']}, ffn {SIZE['ffn']}, "
        f"{SIZE['heads']} heads, {built['vocab']} vocab, int8, {built['mb_per_package']:.0f} MB each; "
        f"{THREADS} inter-threads x 1 intra-thread; best of {REPEAT}; seconds exclude interpreter start "
        "except for the CLI (whole processes)",
        "stock CLI offline: ARGOS_CHUNK_TYPE=SPACY, each package carrying a blank spaCy pipeline in spacy/ "
        "(its default splitter, MiniSBD, must download a model)",
        "seconds are wall-clock, best of the runs; CPU s (user+sys, whole process) is steadier on a busy machine",
        (f"presskit is {speed:.1f}x faster than the stock CLI; " if stock else
         "stock CLI not run: it needs stanza and spaCy, which the lean install leaves out; ")
        + f"the remembered run takes {share:.1%} of the first",
        *(f"target {'met' if ok else 'MISSED'}: {name}" for name, ok in checks),
    ]
    return table


def _child(cache: Path, *args: str) -> dict:
    """Run this module in a fresh process; return its JSON result plus its peak memory."""
    command = [sys.executable, "-m", "benchmarks.translate", str(cache), *args]
    result, peak, cpu = _wait(command, argos_environment(cache), None)
    data = json.loads(result.stdout.strip().splitlines()[-1])
    data["peak_mb"], data["cpu"] = peak, cpu
    return data


def _stock_cli(cache: Path) -> dict | None:
    """Run `argos-translate` once per language on the whole body; return time and peak memory.

    None in the lean install: the stock CLI imports stanza and spaCy, which uv.lock leaves out.
    """
    import importlib.util

    if importlib.util.find_spec("stanza") is None or importlib.util.find_spec("spacy") is None:
        return None
    cli = Path(sys.executable).parent / "argos-translate"
    env = {**argos_environment(cache), "ARGOS_CHUNK_TYPE": "SPACY"}
    text = "\n".join(body_paragraphs())
    seconds, peak, cpu = 0.0, 0.0, 0.0
    for target in TARGETS:
        started = time.perf_counter()
        result, used, spent = _wait([str(cli), "--from-lang", "en", "--to-lang", target], env, text)
        seconds += time.perf_counter() - started
        peak, cpu = max(peak, used), cpu + spent
        if result.returncode != 0 or not result.stdout.strip():
            raise SystemExit(f"argos-translate en→{target} failed:\n{result.stderr[-2000:]}")
    return {"seconds": seconds, "peak_mb": peak, "cpu": cpu}


def _wait(command: list[str], env: dict, stdin: str | None):
    """Run command to completion; return (CompletedProcess, peak resident MB, CPU seconds)."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=out, stderr=err, env=env,
                                   text=True, cwd=ROOT)
        process.stdin.write(stdin or "")
        process.stdin.close()
        _, status, usage = os.wait4(process.pid, 0)  # wait4, not wait(): it returns the child's rusage
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0), err.seek(0)
        result = subprocess.CompletedProcess(command, process.returncode, out.read(), err.read())
    if result.returncode != 0 and command[1:3] == ["-m", "benchmarks.translate"]:
        raise SystemExit(f"{' '.join(command[3:])} failed:\n{result.stderr[-3000:]}")
    return result, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime  # ru_maxrss: KiB on Linux


# Children ---------------------------------------------------------------------------------


def _sentences() -> list[str]:
    from toolkit.translation.argos import _unique_sentences

    return _unique_sentences(body_paragraphs())


def _build(cache: Path) -> dict:
    sys.path.insert(0, str(ROOT / "tests"))  # tests/ is no package (site-packages has a `tests`)
    from support.argos_builder import build_package, train_tokenizer

    import sentencepiece as spm

    from toolkit.translation import packages

    work = cache / "work"
    tokenizer = train_tokenizer(work / "sentencepiece.model", vocab=VOCAB, corpus_size=150_000)
    extra = {}
    try:  # the stock CLI's offline splitter: only where spaCy is installed (not in the lean install)
        import spacy

        blank = work / "spacy"
        spacy.blank("en").to_disk(blank)  # argostranslate adds the rule-based sentencizer to it
        extra = {f"spacy/{p.relative_to(blank).as_posix()}": p.read_bytes() for p in blank.rglob("*") if p.is_file()}
    except ImportError:
        pass
    sizes = []
    for seed, target in enumerate(TARGETS):
        print(f"  en→{target}", file=sys.stderr, flush=True)
        archive = build_package(work, "en", target, tokenizer=tokenizer, seed=seed, extra=extra, **SIZE)
        packages.install_package_files([archive])
        sizes.append(archive.stat().st_size)
        archive.unlink()
    processor = spm.SentencePieceProcessor(model_file=str(tokenizer))
    sentences = _sentences()
    stats = {
        "paragraphs": len(body_paragraphs()),
        "sentences": len(sentences),
        "tokens": sum(len(processor.encode(s)) for s in sentences),
        "vocab": processor.get_piece_size(),
        "mb_per_package": sum(sizes) / len(sizes) / 1e6,
    }
    shutil.rmtree(work)
    (cache / "ready.json").write_text(json.dumps(stats))
    return stats


def _presskit(cache: Path, workspace: Path) -> dict:
    started = time.perf_counter()
    from toolkit.translation import ArgosTranslator, TranslationMemory

    paragraphs = body_paragraphs()
    memory = TranslationMemory(workspace / ".presskit" / "memory.sqlite3")
    outputs = []
    with memory, ArgosTranslator(packages_dir=cache / "packages", memory=memory, threads=THREADS) as translator:
        for target in TARGETS:
            outputs += [s.text for s in translator.translate(paragraphs, "en", target)]
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "model_calls": translator.model_calls,
            "sentences_translated": translator.sentences_translated, "digest": _digest(outputs)}


def _floor(cache: Path) -> dict:
    # The same decoding settings as presskit's: batches of one length, each decoded no longer than
    # its sentences need (settings, not overhead; the outputs stay identical).
    from toolkit.translation.argos import MAX_BATCH_TOKENS, decoding_limit, length_batches

    sentences = _sentences()
    paragraphs = body_paragraphs()
    started = time.perf_counter()
    import ctranslate2
    import sentencepiece as spm

    outputs, output_tokens = [], 0
    for target in TARGETS:
        path = next((cache / "packages").glob(f"translate-en_{target}-*"))
        processor = spm.SentencePieceProcessor(model_file=str(path / "sentencepiece.model"))
        translator = ctranslate2.Translator(str(path / "model"), inter_threads=THREADS, intra_threads=1)
        encoded = [processor.encode(s, out_type=str) for s in sentences]
        results = [None] * len(encoded)
        for batch in length_batches(encoded, MAX_BATCH_TOKENS):
            done = translator.translate_batch(
                [encoded[i] for i in batch], max_batch_size=MAX_BATCH_TOKENS, batch_type="tokens", beam_size=4,
                length_penalty=0.2, replace_unknowns=True, max_decoding_length=decoding_limit([encoded[i] for i in batch]))
            for index, result in zip(batch, done):
                results[index] = result
        output_tokens += sum(len(r.hypotheses[0]) for r in results)
        translated = dict(zip(sentences, (_detokenize(processor, r.hypotheses[0]) for r in results)))
        translator.unload_model()
        del translator
        outputs += [_join(p, translated, target) for p in paragraphs]
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "output_tokens": output_tokens, "digest": _digest(outputs)}


def _detokenize(processor, tokens) -> str:
    # As argostranslate's SentencePieceTokenizer.decode does.
    return processor.decode_pieces(tokens).replace("▁", " ").replace("_", " ").strip()


def _join(paragraph: str, translated: dict[str, str], target: str) -> str:
    from toolkit.translation.argos import NO_SPACE_LANGUAGES, _assemble

    return _assemble(paragraph, translated, "" if target in NO_SPACE_LANGUAGES else " ")


def _digest(outputs: list[str]) -> str:
    import hashlib

    return hashlib.sha256("\x00".join(outputs).encode()).hexdigest()[:16]


if __name__ == "__main__":
    cache, mode, *rest = sys.argv[1:]
    result = {
        "build": lambda: _build(Path(cache)),
        "presskit": lambda: _presskit(Path(cache), Path(rest[0])),
        "floor": lambda: _floor(Path(cache)),
    }[mode]()
    print(json.dumps(result))
