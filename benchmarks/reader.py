"""Reader accuracy: each field of the real corpus (tests/data/corpus/) against its hand-made sidecar."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from benchmarks import Table

TITLE = "reader: accuracy per field over the real corpus (tests/data/corpus/)"
ROOT = Path(__file__).resolve().parent.parent


def run() -> Table:
    """Read every corpus file and count, per field, the files the reader got right."""
    sys.path.insert(0, str(ROOT / "tests"))  # tests/ is no package (site-packages has a `tests`)
    from support.corpus import FIELDS, check, corpus_files

    files = corpus_files()
    start = time.perf_counter()
    results = {path: check(path) for path in files}
    seconds = time.perf_counter() - start
    crashes = sum(any(found.startswith("crash") for _, found in r.values()) for r in results.values())
    table = Table(["field", "right", "files", "accuracy", "wrong in"])
    for field in FIELDS:
        wrong = [path.stem for path, r in results.items() if not r[field][0]]
        right = len(files) - len(wrong)
        shown = ", ".join(wrong[:4]) + (f" (+{len(wrong) - 4})" if len(wrong) > 4 else "")
        table.rows.append([field, str(right), str(len(files)), f"{100 * right / max(len(files), 1):.1f} %", shown])
    table.notes.append(_long_statement())
    langs = sorted({path.name[:2] for path in files})
    table.notes.append(f"{len(files)} files in {', '.join(langs)}; {crashes} crashed; read in {seconds:.2f} s")
    table.notes.append("goal: at least 95 % on every field, no crash")
    return table


def _long_statement() -> str:
    """Time reading a 500-paragraph statement (tests/test_reader_web_copies.py builds it)."""
    import tempfile

    from test_reader_web_copies import long_statement

    from toolkit.statement import read_statement

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "long.txt"
        path.write_text(long_statement(), encoding="utf-8")
        read_statement(path)  # month names, the language model and OpenCC load once per process
        timings = []
        for _ in range(5):
            start = time.perf_counter()
            read_statement(path)
            timings.append(time.perf_counter() - start)
    return f"a 500-paragraph statement reads in {min(timings):.3f} s (best of 5; target under 0.2 s)"
