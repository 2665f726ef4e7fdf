"""Publish: the sample statement in six languages, first run and a run with nothing changed.

Input: a copy of the repository's speeches/ and reviewed locales/ (no model is needed: every
catalog is complete). Each run is a fresh `presskit publish` process, as a press officer starts
it; the no-change time is the median of PRESSKIT_BENCH_REPEAT runs (default 3).
"""

from __future__ import annotations

import os
import resource
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


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _publish(workspace: Path) -> tuple[float, float, str]:
    """Return the wall and CPU seconds of one publish process, and what it printed."""
    # As on a press officer's machine, Python keeps the bytecode it compiles (a set-up with
    # PYTHONDONTWRITEBYTECODE would otherwise compile Jinja2, Babel and numpy on every run).
    env = {key: value for key, value in os.environ.items()
           if key != "PYTHONDONTWRITEBYTECODE" and not key.startswith("PRESSKIT_BENCH_")}  # not settings
    start, cpu = time.perf_counter(), _children_cpu()
    done = subprocess.run([sys.executable, "-m", "toolkit", "-C", str(workspace), "publish"],
                          capture_output=True, text=True, check=False, env=env)
    seconds, cpu = time.perf_counter() - start, _children_cpu() - cpu
    if done.returncode != 0:
        raise RuntimeError(f"publish failed: {done.stderr.strip()}")
    return seconds, cpu, done.stdout


def run() -> Table:
    """Publish the sample into a fresh workspace, then again with nothing changed."""
    table = Table(["run", "seconds", "CPU seconds", "output"])
    with tempfile.TemporaryDirectory(prefix="presskit-bench-") as tmp:
        workspace = Path(tmp)
        shutil.copytree(ROOT / "speeches", workspace / "speeches")
        shutil.copytree(ROOT / "locales", workspace / "locales")
        first, cpu, out = _publish(workspace)
        table.rows.append(["first publish", f"{first:.2f}", f"{cpu:.2f}", out.splitlines()[0][:60] if out else ""])
        runs = [_publish(workspace) for _ in range(REPEAT)]
        unchanged = statistics.median(seconds for seconds, _, _ in runs)
        cpu = statistics.median(cpu for _, cpu, _ in runs)
        out = runs[-1][2]
        table.rows.append(["nothing changed", f"{unchanged:.2f}", f"{cpu:.2f}", out.splitlines()[0][:60] if out else ""])
    table.notes.append(f"no-change publish: {unchanged:.2f} s (target at most {TARGET_UNCHANGED:.0f} s: "
                       f"{'met' if unchanged <= TARGET_UNCHANGED else 'MISSED'}); median of {REPEAT}. "
                       f"CPU seconds tell the work on a loaded machine, where wall time also counts the wait.")
    return table
