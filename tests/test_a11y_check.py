"""The validators of `make check-a11y` on the demo: axe-core, the Nu checker, outloud on every variant.

They live outside .venv (.tools/a11y, installed by `make check-a11y`) with Debian's Chromium and a
Java runtime; without them the test is skipped and says what to run.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / ".tools" / "a11y"


def missing() -> list[str]:
    needs = {"the validators (.tools/a11y)": (TOOLS / ".installed").is_file(),
             "chromium": shutil.which("chromium") is not None, "java": shutil.which("java") is not None,
             "node": shutil.which("node") is not None}
    return [name for name, there in needs.items() if not there]


@pytest.mark.skipif(bool(missing()), reason=f"missing {', '.join(missing())}: run `make check-a11y` once")
def test_demo_passes_axe_nu_and_outloud(tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "scripts/a11y/check.py"), "--tools", str(TOOLS),
                             "--keep", str(tmp_path)], capture_output=True, text=True, timeout=900)
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert "axe-core: 7 pages at 1280,390 px: 0 violation(s)" in report
    assert "Nu HTML checker: 7 pages: 0 error(s)" in report
    assert "check-a11y: clean" in report
