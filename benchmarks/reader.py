"""Reader accuracy: each field of the real corpus (tests/data/corpus/) against its hand-made sidecar.

A second table gives the same accuracy on the held-out corpus (tests/data/holdout/), real statements
nobody tunes the reader on, next to the tuned corpus: the gap between the two is what tuning flatters.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from benchmarks import Table

TITLE = "reader: accuracy per field over the real corpus (tests/data/corpus/)"
HOLDOUT_TITLE = "reader: accuracy per field over the held-out corpus (tests/data/holdout/), never tuned on"
ROOT = Path(__file__).resolve().parent.parent


def run() -> list[Table]:
    """Read every corpus file, tuned and held out, and count per field the files the reader got right."""
    sys.path.insert(0, str(ROOT / "tests"))  # tests/ is no package (site-packages has a `tests`)
    from support.corpus import HOLDOUT, corpus_files

    files = corpus_files()
    results, seconds = _read(files)
    table = Table(["field", "right", "files", "accuracy", "wrong in"])
    table.rows = _rows(results)
    table.notes.append(_long_statement())
    table.notes.append(_summary(results, seconds))
    table.notes.append("goal: at least 95 % on every field, no crash")
    held_out, held_seconds = _read(corpus_files(HOLDOUT))
    tuned = {row[0]: row[3] for row in table.rows}
    # No "wrong in" column: which held-out files the reader gets wrong is what nobody should tune on.
    holdout = Table(["field", "right", "files", "accuracy", "tuned corpus"], title=HOLDOUT_TITLE)
    holdout.rows = [[field, right, count, accuracy, tuned[field]] for field, right, count, accuracy, _ in _rows(held_out)]
    holdout.notes.append(_summary(held_out, held_seconds))
    holdout.notes.append("a measurement, not a goal: never change the reader by looking at these files")
    return [table, holdout]


def _read(files: list[Path]) -> tuple[dict, float]:
    from support.corpus import check

    start = time.perf_counter()
    results = {path: check(path) for path in files}
    return results, time.perf_counter() - start


def _rows(results: dict) -> list[list[str]]:
    from support.corpus import FIELDS

    rows = []
    for field in FIELDS:
        wrong = [path.stem for path, r in results.items() if not r[field][0]]
        right = len(results) - len(wrong)
        shown = ", ".join(wrong[:4]) + (f" (+{len(wrong) - 4})" if len(wrong) > 4 else "")
        rows.append([field, str(right), str(len(results)), f"{100 * right / max(len(results), 1):.1f} %", shown])
    return rows


def _summary(results: dict, seconds: float) -> str:
    crashes = sum(any(found.startswith("crash") for _, found in r.values()) for r in results.values())
    langs = sorted({path.name[:2] for path in results})
    return f"{len(results)} files in {', '.join(langs)}; {crashes} crashed; read in {seconds:.2f} s"


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
