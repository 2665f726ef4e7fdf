"""Set-up: a fresh clone, empty uv and pip caches, no uv on PATH: `make demo`, as a new user runs it."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from benchmarks import Table

TITLE = "set-up: fresh clone, empty caches (issue 11)"
ROOT = Path(__file__).resolve().parent.parent


def _size_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink()) / 1e6


def _timed(command: list[str], cwd: Path, env: dict) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    return time.perf_counter() - start, result


def run() -> Table:
    """Clone HEAD twice; time `make demo` in one and the set-up alone in the other."""
    table = Table(["step", "seconds", "goal"])
    with tempfile.TemporaryDirectory(prefix="presskit-setup-") as tmp:
        tmp = Path(tmp)
        # No uv on PATH (the Makefile bootstraps its own), nothing cached.
        path = os.pathsep.join(d for d in os.environ.get("PATH", "").split(os.pathsep)
                               if d and not (Path(d) / "uv").exists() and ".venv" not in d)
        env = {**os.environ, "PATH": path, "UV_CACHE_DIR": str(tmp / "uv-cache"), "PIP_NO_CACHE_DIR": "1"}
        env.pop("VIRTUAL_ENV", None)
        rows = []
        for name, target in (("make demo", "demo"), ("set-up alone (what make test adds)", ".venv/.installed")):
            clone = tmp / target.strip(".").replace("/", "-")
            subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
            shutil.rmtree(tmp / "uv-cache", ignore_errors=True)
            seconds, result = _timed(["make", target], clone, env)
            if result.returncode != 0:
                table.notes.append(f"{name} failed: {result.stderr.strip().splitlines()[-1:]}")
            rows.append((name, seconds, clone))
        table.rows.append([rows[0][0], f"{rows[0][1]:.1f}", "≤ 60 (was 258)"])
        table.rows.append([rows[1][0], f"{rows[1][1]:.1f}", "≤ 15"])
        venv = rows[0][2] / ".venv"
        dists = sorted(p.name for p in (venv / "lib").glob("python*/site-packages/*.dist-info"))
        heavy = [d for d in dists if d.split("-")[0].lower() in ("torch", "stanza", "spacy", "triton", "minisbd")
                 or d.lower().startswith("nvidia")]
        table.rows.append([".venv size (MB)", f"{_size_mb(venv):.0f}", "≤ 450 (was 6000)"])
        table.rows.append(["distributions in .venv", str(len(dists)), "-"])
        table.rows.append(["torch, nvidia-*, triton, stanza, spacy", str(len(heavy)), "0"])
    table.notes.append("one run on a noisy 2-core machine; includes the uv bootstrap (uv from PyPI into .tools/uv) and the downloads")
    return table
