"""Publish: the sample statement in six languages, first run and a run with nothing changed.

Input: a copy of the repository's speeches/ and reviewed locales/ (no model is needed: every
catalog is complete). Each run is a fresh `presskit publish` process, as a press officer starts
it; the no-change time is the median of PRESSKIT_BENCH_REPEAT runs (default 3).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import Table

TITLE = "publish: the sample, six languages, fresh processes (first run, then nothing changed)"
ROOT = Path(__file__).resolve().parent.parent
REPEAT = int(os.environ.get("PRESSKIT_BENCH_REPEAT", "3"))
TARGET_UNCHANGED = 1.0  # seconds: a publish with nothing changed typesets nothing


def _publish(workspace: Path) -> tuple[float, str]:
    # As on a press officer's machine, Python keeps the bytecode it compiles (a set-up with
    # PYTHONDONTWRITEBYTECODE would otherwise compile Jinja2, Babel and numpy on every run).
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "toolkit", "-C", str(workspace), "publish"],
                          capture_output=True, text=True, check=False, env=env)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"publish failed: {done.stderr.strip()}")
    return seconds, done.stdout


def run() -> Table:
    """Publish the sample into a fresh workspace, then again with nothing changed."""
    table = Table(["run", "seconds", "output"])
    with tempfile.TemporaryDirectory(prefix="presskit-bench-") as tmp:
        workspace = Path(tmp)
        shutil.copytree(ROOT / "speeches", workspace / "speeches")
        shutil.copytree(ROOT / "locales", workspace / "locales")
        first, out = _publish(workspace)
        table.rows.append(["first publish", f"{first:.2f}", out.splitlines()[0][:60] if out else ""])
        times = []
        for _ in range(REPEAT):
            seconds, out = _publish(workspace)
            times.append(seconds)
        unchanged = statistics.median(times)
        table.rows.append(["nothing changed", f"{unchanged:.2f}", out.splitlines()[0][:60] if out else ""])
    table.notes.append(f"no-change publish: {unchanged:.2f} s (target at most {TARGET_UNCHANGED:.0f} s: "
                       f"{'met' if unchanged <= TARGET_UNCHANGED else 'MISSED'}); median of {REPEAT}")
    return table
