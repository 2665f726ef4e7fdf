"""Build a tiny MiniSBD sentence-boundary model, so LibreTranslate splits sentences offline.

LibreTranslate's argostranslate (argos-translate-lt) splits every text with MiniSBD, which
downloads an ONNX model per language on first use, unless the Argos package carries one in
`minisbd/*.onnx` (argostranslate/sbd.py, MiniSBDSentencizer). This writes such a model: an ONNX
graph whose per-character logits come from a lookup table (Gather) over MiniSBD's vocabulary,
so '.', '!', '?' and their CJK and Arabic forms end a sentence, spaces separate tokens and every
other character is a token of its own. The metadata (config, vocab) is what minisbd/inference.py
reads. The protobuf is written by hand (a few field numbers of onnx.proto) so that building it
needs neither the onnx package nor NumPy.
"""

from __future__ import annotations

import json
import struct

# minisbd/modules/vocab.py: PAD 0, UNK 1, then the units.
_UNITS = ["<PAD>", "<UNK>", " ", ".", "!", "?", "。", "！", "？", "؟", "…"]
_SENTENCE_ENDS = {".", "!", "?", "。", "！", "？", "؟", "…"}
# Stanza's tokenizer classes: 0 inside a token, 1 token end, 2 sentence end (3, 4: multi-word).
_CLASSES = 5


def _varint(value: int) -> bytes:
    out = bytearray()
    value &= (1 << 64) - 1
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _field(number: int, value) -> bytes:
    """Encode one protobuf field: int as a varint, bytes/str as length-delimited."""
    if isinstance(value, int):
        return _varint(number << 3) + _varint(value)
    data = value.encode("utf-8") if isinstance(value, str) else value
    return _varint((number << 3) | 2) + _varint(len(data)) + data


def _value_info(name: str, elem_type: int, dims: list) -> bytes:
    shape = b"".join(_field(1, _field(2, d) if isinstance(d, str) else _field(1, d)) for d in dims)
    tensor_type = _field(1, elem_type) + _field(2, shape)
    return _field(1, name) + _field(2, _field(1, tensor_type))


def _logits_table() -> list[list[float]]:
    rows = []
    for unit in _UNITS:
        label = 2 if unit in _SENTENCE_ENDS else 0 if unit in (" ", "<PAD>") else 1
        rows.append([8.0 if c == label else 0.0 for c in range(_CLASSES)])
    rows[1] = [8.0 if c == 1 else 0.0 for c in range(_CLASSES)]  # unknown characters: tokens
    return rows


def build_sbd_model(lang: str) -> bytes:
    """Return the bytes of a MiniSBD .onnx model for `lang`."""
    FLOAT, INT64 = 1, 7
    table = _logits_table()
    raw = b"".join(struct.pack("<f", v) for row in table for v in row)
    initializer = (_field(1, len(table)) + _field(1, _CLASSES) + _field(2, FLOAT)
                   + _field(8, "table") + _field(9, raw))
    node = _field(1, "table") + _field(1, "units") + _field(2, "logits") + _field(3, "lookup") + _field(4, "Gather")
    graph = (
        _field(1, node)
        + _field(2, "minisbd-lookup")
        + _field(5, initializer)
        + _field(11, _value_info("units", INT64, ["batch", "chars"]))
        + _field(11, _value_info("features", FLOAT, ["batch", "chars", 1]))
        + _field(12, _value_info("logits", FLOAT, ["batch", "chars", _CLASSES]))
    )
    vocab = {"lang": lang, "idx": 0, "cutoff": 0, "lower": False,
             "_id2unit": _UNITS, "_unit2id": {u: i for i, u in enumerate(_UNITS)}}
    config = {"feat_funcs": ["space_before"], "max_seqlen": 1000, "batch_size": 32}
    metadata = [("lang_code", lang), ("config", json.dumps(config)), ("vocab", json.dumps(vocab))]
    return (
        _field(1, 7)  # ir_version
        + _field(2, "presskit tests")
        + _field(7, graph)
        + _field(8, _field(1, "") + _field(2, 13))  # opset_import: the default domain, opset 13
        + b"".join(_field(14, _field(1, k) + _field(2, v)) for k, v in metadata)
    )
