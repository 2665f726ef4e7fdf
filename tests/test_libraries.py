"""A publish starts no process: WeasyPrint's libraries are found without ldconfig or a compiler."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from toolkit.libraries import LoaderPath

ROOT = Path(__file__).resolve().parent.parent
SLUG = "closing-second-multistakeholder-hearing"

# Records every process Python starts (find_library runs ldconfig and gcc through subprocess),
# then runs the code given as argv[1] and prints the commands as JSON.
SPY = """
import json, subprocess, sys
started = []
real = subprocess.Popen.__init__
def spy(self, args, *rest, **kwargs):
    started.append(args if isinstance(args, str) else [str(a) for a in args])
    return real(self, args, *rest, **kwargs)
subprocess.Popen.__init__ = spy
exec(sys.argv[1])
print(json.dumps(started))
"""


def processes_started(code: str) -> list:
    done = subprocess.run([sys.executable, "-c", SPY, code], capture_output=True, text=True, check=True,
                          cwd=ROOT)
    return json.loads(done.stdout.splitlines()[-1])


def test_typesetting_starts_no_process():
    pdf = "from toolkit.publishing import write_pdf; write_pdf('<html lang=\"en\"><p>Hello.</p></html>')"
    assert processes_started(pdf) == []
    # The spy sees what presskit avoids: WeasyPrint imported on its own asks ldconfig and gcc.
    plain = processes_started("import weasyprint")
    assert any("ldconfig" in str(command) for command in plain)


def test_a_publish_execs_nothing_under_strace(tmp_path):
    strace = shutil.which("strace")
    if strace is None:
        pytest.skip("strace is not installed (scripts/system-deps.sh installs it)")
    (tmp_path / "speeches").mkdir()
    shutil.copy(ROOT / "speeches" / f"{SLUG}.txt", tmp_path / "speeches")
    shutil.copytree(ROOT / "locales", tmp_path / "locales")
    log = tmp_path / "execve.log"
    done = subprocess.run([strace, "-f", "-qq", "-e", "trace=execve", "-o", str(log), sys.executable, "-m",
                           "toolkit", "-C", str(tmp_path), "publish", "--lang", "en,zh"],
                          capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0 and "ptrace" in done.stderr:
        pytest.skip(f"strace cannot trace here: {done.stderr.strip()}")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "output" / SLUG / "zh.pdf").exists()
    execs = [line for line in log.read_text().splitlines() if "execve(" in line]
    # This Python only: presskit itself, then (pages typeset in worker processes, toolkit.scheduling)
    # multiprocessing's spawned workers and their resource tracker; never ldconfig or gcc.
    assert sys.executable in execs[0] and '"toolkit"' in execs[0], "\n".join(execs)
    for line in execs[1:]:
        assert f'execve("{sys.executable}"' in line and "from multiprocessing." in line, "\n".join(execs)
    assert len(execs) <= 1 + 2 + 1, "\n".join(execs)  # two pages: at most two workers and the tracker


def test_the_lookup_follows_the_loader_path(tmp_path):
    first, second, conf_d = tmp_path / "first", tmp_path / "second", tmp_path / "ld.so.conf.d"
    for folder in (first, second, conf_d):
        folder.mkdir()
    for name in ("libpango-1.0.so.0", "libpango-1.0.so.0.5000.12", "libpango-1.0.so"):
        (second / name).touch()
    (first / "libharfbuzz.so.0").touch()
    (second / "libharfbuzz.so.0").touch()
    (tmp_path / "ld.so.conf").write_text(f"include {conf_d}/*.conf\n# a comment\n")
    (conf_d / "a.conf").write_text(f"{second}\n")
    loader = LoaderPath(environ={"LD_LIBRARY_PATH": str(first)}, ld_so_conf=str(tmp_path / "ld.so.conf"))
    assert loader.folders[:2] == [str(first), str(second)]
    assert loader.find_library("pango-1.0") == str(second / "libpango-1.0.so.0")  # the soname
    assert loader.find_library("harfbuzz") == str(first / "libharfbuzz.so.0")  # LD_LIBRARY_PATH first
    assert loader.find_library("libpango-1.0-0") is None  # the Windows names WeasyPrint tries first
    assert loader.find_library("pango") is None


def test_the_real_loader_path_finds_what_weasyprint_loads():
    loader = LoaderPath(environ=os.environ)
    found = loader.find_library("gobject-2.0")
    assert found is not None and Path(found).name.startswith("libgobject-2.0.so.")
