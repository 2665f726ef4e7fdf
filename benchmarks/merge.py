"""Merge: matching a long statement edited throughout against its old catalog (plan_merge).

Input: 100 paragraphs of 100 words drawn from the sample, each edited once (a search and
replace), as in tests/test_catalogs.py. Every new paragraph is compared with every old one; the
cheap upper bounds of difflib rule out most pairs before ratio(). Best of PRESSKIT_BENCH_REPEAT.
"""

from __future__ import annotations

import os
import random
import sys
import time
from pathlib import Path

from benchmarks import Table

TITLE = "merge: plan_merge of a 10,000-word statement edited throughout"
ROOT = Path(__file__).resolve().parent.parent
REPEAT = int(os.environ.get("PRESSKIT_BENCH_REPEAT", "3"))
TARGET_SECONDS = 0.75


def run() -> Table:
    sys.path.insert(0, str(ROOT / "tests"))
    from test_catalogs import SAMPLE, run as merge_run, statement_of
    from toolkit import catalogs

    rng = random.Random(7)
    words = SAMPLE.read_text(encoding="utf-8").split()
    paragraphs = [" ".join(rng.choice(words) for _ in range(100)) + "." for _ in range(100)]
    old, _ = merge_run(None, statement_of(*paragraphs), suggest=lambda *a: [])
    entries = catalogs.source_entries(statement_of(*(p.replace(" the ", " a ", 1) for p in paragraphs)), Path("."))
    best = float("inf")
    for _ in range(REPEAT):
        start = time.perf_counter()
        catalogs.plan_merge(old, entries)
        best = min(best, time.perf_counter() - start)
    table = Table(["case", "seconds"], [["100 paragraphs, each edited", f"{best:.3f}"]])
    table.notes.append(f"target under {TARGET_SECONDS} s: {'met' if best < TARGET_SECONDS else 'MISSED'}; best of {REPEAT}")
    return table
