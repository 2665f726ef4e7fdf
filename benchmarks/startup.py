"""Start-up: how long `presskit --help` and `presskit lint` take, in fresh processes."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks import Table

TITLE = "start-up: fresh `presskit` processes (median of 7)"
ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "speeches" / "closing-second-multistakeholder-hearing.txt"


def _median_seconds(command: list[str], runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run() -> Table:
    """Time the commands a press officer types most, against a bare Python start."""
    bare = _median_seconds([sys.executable, "-c", "pass"])
    table = Table(["command", "seconds", "over bare python"])
    table.rows.append(["python -c pass", f"{bare:.3f}", "-"])
    for label, args in (("presskit --help", ["--help"]), ("presskit publish --help", ["publish", "--help"]),
                        ("presskit lint SAMPLE", ["-C", str(ROOT), "lint", str(SAMPLE)])):
        seconds = _median_seconds([sys.executable, "-m", "toolkit", *args])
        table.rows.append([label, f"{seconds:.3f}", f"{seconds - bare:+.3f}"])
    table.notes.append("target: --help well under a second (no WeasyPrint, Argos or Babel dates at start-up)")
    return table

