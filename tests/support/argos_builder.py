"""Build real (random-weight) Argos Translate packages for tests and benchmarks.

A package is what argostranslate installs: a zip holding one directory with `metadata.json`,
a CTranslate2 model in `model/`, a `sentencepiece.model` and a README. The weights are random,
so translations are nonsense; what is real is the format, the tokenizer, the decoding cost and
the installer. The decoder's output bias for `</s>` is calibrated so that outputs end after
about as many tokens as the input has, as a trained model's would, which keeps timings honest.
"""

from __future__ import annotations

import json
import random
import zipfile
from pathlib import Path

SAMPLE_STATEMENT = Path(__file__).resolve().parents[2] / "speeches" / "closing-second-multistakeholder-hearing.txt"

# Letters each target language writes with, to give the shared tokenizer pieces in every script.
_ALPHABETS = {
    "en": "abcdefghijklmnopqrstuvwxyz",
    "fr": "abcdefghijklmnopqrstuvwxyzéèêàçùôî",
    "es": "abcdefghijklmnopqrstuvwxyzáéíóúñü",
    "ru": "абвгдеёжзийклмнопрстуфхцчшщыьэюя",
    "ar": "ابتثجحخدذرزسشصضطظعغفقكلمنهوي",
    "zh": "的一是不了在人有我他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可",
}
LANGUAGE_NAMES = {"en": "English", "fr": "French", "es": "Spanish", "ru": "Russian", "ar": "Arabic", "zh": "Chinese"}


def corpus_lines(size: int, seed: int = 0) -> list[str]:
    """Return the sample statement's lines plus `size` generated sentences in all six scripts."""
    rng = random.Random(seed)
    statement = [line.strip() for line in SAMPLE_STATEMENT.read_text(encoding="utf-8").splitlines() if line.strip()]
    # Repeat the real English so that its words become whole pieces, as in a trained tokenizer.
    lines = statement * max(1, size // 2000)
    scripts = list(_ALPHABETS.values())
    for n in range(size):
        letters = scripts[n % len(scripts)]
        joiner = "" if letters is _ALPHABETS["zh"] else " "
        words = ("".join(rng.choice(letters) for _ in range(rng.randint(1, 9))) for _ in range(rng.randint(4, 20)))
        lines.append(joiner.join(words) + rng.choice((".", ".", "?", "!")))
    return lines


def train_tokenizer(dest: Path, *, vocab: int, corpus_size: int = 2000, seed: int = 0) -> Path:
    """Train a SentencePiece model on the sample statement plus generated text; return its path."""
    import sentencepiece as spm

    dest.parent.mkdir(parents=True, exist_ok=True)
    text = dest.with_suffix(".txt")
    text.write_text("\n".join(corpus_lines(corpus_size, seed)) + "\n", encoding="utf-8")
    spm.SentencePieceTrainer.train(
        input=str(text),
        model_prefix=str(dest.with_suffix("")),
        vocab_size=vocab,
        hard_vocab_limit=False,  # tiny corpora cannot always fill the vocabulary
        character_coverage=1.0,
        model_type="unigram",
        num_threads=2,
        minloglevel=2,
        input_sentence_size=200000,
        shuffle_input_sentence=True,
        seed_sentencepiece_size=max(vocab * 10, 100000),
    )
    text.unlink()
    return dest.with_suffix(".model")


def write_model(
    dest: Path,
    tokens: list[str],
    *,
    layers: int,
    d_model: int,
    ffn: int,
    heads: int,
    seed: int,
    quantization: str | None = "int8",
) -> Path:
    """Write a CTranslate2 Transformer with random weights and the given vocabulary.

    Random weights alone make a decoder that stops at once or never (its states barely change
    from step to step). So two residual dimensions carry a length signal: `RAMP` holds the
    position (via the position encodings, in encoder and decoder alike) and `LENGTH` receives,
    through one cross-attention head that attends uniformly, the mean source position. The
    `</s>` logit is a steep function of their difference, so outputs end after about as many
    tokens as the input has, as a trained model's would. Nothing else writes to these dims.
    """
    import numpy as np
    from ctranslate2.specs import transformer_spec

    rng = np.random.default_rng(seed)
    spec = transformer_spec.TransformerSpec.from_config(layers, heads)
    vocab = len(tokens)
    ramp, length = d_model - 1, d_model - 2
    reserved = [length, ramp]

    def random(rows, cols, scale=1.0):
        return rng.normal(0, scale * cols**-0.5, (rows, cols)).astype(np.float32)

    def linear(spec_linear, rows, cols, *, writes_residual=False):
        # Sublayers add little to the residual stream, so its scale (which the layer norms divide
        # by) stays that of embeddings plus position encodings: sqrt(1.5) per dimension.
        spec_linear.weight = random(rows, cols, 0.1 if writes_residual else 1.0)
        if writes_residual:
            spec_linear.weight[reserved, :] = 0
        spec_linear.bias = np.zeros(rows, np.float32)

    def norm(spec_norm):
        spec_norm.gamma = np.ones(d_model, np.float32)
        spec_norm.beta = np.zeros(d_model, np.float32)

    def self_attention(spec_attention):
        norm(spec_attention.layer_norm)
        linear(spec_attention.linear[0], 3 * d_model, d_model)
        linear(spec_attention.linear[1], d_model, d_model, writes_residual=True)

    def feed_forward(spec_ffn):
        norm(spec_ffn.layer_norm)
        linear(spec_ffn.linear_0, ffn, d_model)
        linear(spec_ffn.linear_1, d_model, ffn, writes_residual=True)

    def embeddings():
        weight = random(vocab, d_model)  # unit scale once CTranslate2 multiplies by sqrt(d)
        weight[:, reserved] = 0
        return weight

    def position_encodings():
        positions = np.arange(1024, dtype=np.float32)[:, None]
        rates = np.exp(-np.log(10000.0) * np.arange(d_model // 2) / (d_model // 2)).astype(np.float32)
        table = np.concatenate([np.sin(positions * rates), np.cos(positions * rates)], axis=1)
        table[:, reserved] = 0
        # Centre each row: layer norms subtract the mean, which would shift the length signal.
        table -= table.sum(axis=1, keepdims=True) / (d_model - len(reserved))
        table[:, reserved] = 0
        table[:, ramp] = positions[:, 0] / 25  # 1.0 at position 25
        return table.astype(np.float32)

    spec.encoder.embeddings[0].weight = embeddings()
    spec.decoder.embeddings.weight = embeddings()
    spec.encoder.position_encodings.encodings = position_encodings()
    spec.decoder.position_encodings.encodings = position_encodings()
    norm(spec.encoder.layer_norm)
    norm(spec.decoder.layer_norm)
    for layer in spec.encoder.layer:
        self_attention(layer.self_attention)
        feed_forward(layer.ffn)
    for index, layer in enumerate(spec.decoder.layer):
        self_attention(layer.self_attention)
        feed_forward(layer.ffn)
        cross = layer.attention
        norm(cross.layer_norm)
        linear(cross.linear[0], d_model, d_model)
        linear(cross.linear[1], 2 * d_model, d_model)
        linear(cross.linear[2], d_model, d_model, writes_residual=True)
        if index == 0:
            head = d_model // heads
            cross.linear[0].weight[:head, :] = 0  # head 0: zero queries, uniform attention
            values = cross.linear[1].weight[d_model:]  # rows: value dims, head 0 first
            values[0, :] = 0
            values[0, ramp] = 1  # head 0's first value dim: the source position ramp
            cross.linear[2].weight[:, 0] = 0
            cross.linear[2].weight[length, 0] = 1  # ... averaged into the LENGTH dim
    # Sharp output distributions (logit spread ~3), like a trained model's confident choices.
    projection = random(vocab, d_model, scale=3.0)
    projection[:, reserved] = 0
    eos = tokens.index("</s>")
    # After the layer norms, RAMP is t / 25 / s and LENGTH is (L - 1) / 50 / s**2 (the source
    # ramp averaged over L tokens, normalized twice), s = sqrt(1.5): eos wins once t > L - 1.
    scale = 1.5**0.5
    projection[eos, :] = 0
    projection[eos, ramp], projection[eos, length] = 60.0, -120.0 * scale
    bias = np.zeros(vocab, np.float32)
    bias[eos] = 3 * np.sqrt(2 * np.log(vocab)) - 8  # the largest other logit, less ~4 steps (measured)
    bias[tokens.index("<s>")] = -100.0  # a trained model never generates it
    spec.decoder.projection.weight = projection
    spec.decoder.projection.bias = bias
    spec.register_source_vocabulary(tokens)
    spec.register_target_vocabulary(tokens)
    spec.validate()
    spec.optimize(quantization=quantization)
    dest.mkdir(parents=True, exist_ok=True)
    spec.save(str(dest))
    return dest


def build_package(
    dest: Path,
    from_code: str,
    to_code: str,
    *,
    tokenizer: Path,
    layers: int = 1,
    d_model: int = 32,
    ffn: int | None = None,
    heads: int = 2,
    version: str = "1.0",
    seed: int = 0,
    quantization: str | None = "int8",
    extra: dict[str, bytes] | None = None,
) -> Path:
    """Write `translate-<from>_<to>-<version>.argosmodel` under `dest` and return its path.

    `tokenizer` is a SentencePiece model (see `train_tokenizer`); its pieces are the model's
    vocabulary, as in real Argos packages. `extra` adds files to the package (name -> bytes).
    """
    import sentencepiece as spm

    processor = spm.SentencePieceProcessor(model_file=str(tokenizer))
    tokens = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    name = f"translate-{from_code}_{to_code}-{version.replace('.', '_')}"
    work = dest / f".build-{name}"
    root = work / name
    write_model(
        root / "model", tokens, layers=layers, d_model=d_model, ffn=ffn or 4 * d_model, heads=heads,
        seed=seed, quantization=quantization,
    )
    (root / "sentencepiece.model").write_bytes(tokenizer.read_bytes())
    metadata = {
        "package_version": version,
        "argos_version": "1.0",
        "from_code": from_code,
        "from_name": LANGUAGE_NAMES.get(from_code, from_code),
        "to_code": to_code,
        "to_name": LANGUAGE_NAMES.get(to_code, to_code),
    }
    (root / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
    (root / "README.md").write_text(f"Synthetic {from_code}→{to_code} test package (random weights).\n", encoding="utf-8")
    for relative, data in (extra or {}).items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_bytes(data)
    archive = dest / f"{name}.argosmodel"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as zf:
        for path in sorted(root.rglob("*")):
            zf.write(path, path.relative_to(work).as_posix())
    _remove_tree(work)
    return archive


def _remove_tree(path: Path) -> None:
    import shutil

    shutil.rmtree(path, ignore_errors=True)
