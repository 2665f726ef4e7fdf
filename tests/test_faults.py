"""Fault injection: a publish's k-th write fails, or the process is killed at it, for every k.

A publish that writes N files (catalogs, each statement's output folder, the site's index and
feeds, the language cache) goes through publishing.write_temporary for every one of them. For
each k from 1 to N the k-th write fails (a full disk), and separately the process is killed
half-way through it (SIGKILL). After each: every PO file parses, the reviewer's sign-off is
there, output/water/ is the old complete set or the new one (its manifest's checksums match
its files), and the next publish succeeds and leaves no temporary file.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support.translators import FakeTranslator
from toolkit import publishing
from toolkit.catalogs.pofile import read_catalog
from toolkit.commands.publish import publish
from toolkit.config import load_config
from toolkit.errors import PresskitError

TESTS = Path(__file__).resolve().parent
SPEECH = """Remarks to the Security Council on water

New York, 3 March 2026

Water is the thread that ties every goal together.

We must share it fairly, across borders and generations.
"""
CHANGED = SPEECH + "\nA new paragraph reaches every edition.\n"
SIGNED_OFF = "L'eau relie tous les objectifs, signé par la réviseuse."
LANGUAGES = "en fr"


def run(root: Path):
    return publish(load_config(root, {"languages": LANGUAGES}), (), translator=FakeTranslator())


def po(root: Path) -> Path:
    return root / "locales" / "fr" / "LC_MESSAGES" / "water.po"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> tuple[Path, dict[str, bytes]]:
    """A workspace published once, with a reviewer's sign-off since, and its speech changed."""
    root = tmp_path_factory.mktemp("faults") / "ws"
    (root / "speeches").mkdir(parents=True)
    (root / "speeches" / "water.txt").write_text(SPEECH, encoding="utf-8")
    run(root)
    text = po(root).read_text(encoding="utf-8").replace("#, fuzzy\n", "", 2)
    text, count = re.subn(r'(\nmsgid "Water is[^\n]*\nmsgstr ")[^\n]*"', lambda m: m.group(1) + SIGNED_OFF + '"',
                          text, count=1)
    assert count == 1
    po(root).write_text(text, encoding="utf-8")
    run(root)  # the sign-off is in the catalog and the output
    (root / "speeches" / "water.txt").write_text(CHANGED, encoding="utf-8")
    return root, snapshot(root / "output" / "water")


@pytest.fixture(scope="module")
def writes(base, tmp_path_factory) -> int:
    """N: how many files a clean publish of the changed speech writes."""
    root = tmp_path_factory.mktemp("count") / "ws"
    shutil.copytree(base[0], root, symlinks=True)
    real, calls = publishing.write_temporary, []

    def counted(path, data, mode=0o644):
        calls.append(path)
        return real(path, data, mode)

    publishing.write_temporary = counted
    try:
        run(root)
    finally:
        publishing.write_temporary = real
    assert any(p.suffix == ".po" for p in calls) and any(p.suffix == ".pdf" for p in calls)
    assert len(calls) >= 10  # pot, po, en and fr HTML and PDF, index, manifest, site index, feeds
    return len(calls)


def check_consistent(root: Path, old: dict[str, bytes]) -> str:
    """Assert the invariants a fault may never break; return "old" or "new" for output/water/."""
    for path in [*root.glob("locales/*.pot"), *root.glob("locales/*/LC_MESSAGES/*.po")]:
        read_catalog(path)  # raises on a broken catalog
    entry = read_catalog(po(root), "fr").get("Water is the thread that ties every goal together.")
    assert entry is not None and entry.string == SIGNED_OFF and not entry.fuzzy
    folder = root / "output" / "water"
    files = snapshot(folder)
    if files == old:
        return "old"
    manifest = json.loads(files["manifest.json"])
    source = hashlib.sha256(CHANGED.encode("utf-8")).hexdigest()
    listed = {"index.html", "manifest.json"}
    for record in manifest["editions"]:
        for kind in ("html", "pdf"):
            name = f"{record['code']}.{kind}"
            listed.add(name)
            assert hashlib.sha256(files[name]).hexdigest() == record[f"{kind}_sha256"], name
        assert record["provenance"]["source-sha256"] == source, record["code"]
    assert {r["code"] for r in manifest["editions"]} == {"en", "fr"}
    assert set(files) == listed, "files neither of the old set nor of the new"
    return "new"


def temporaries(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if ".tmp" in p.name]


def test_every_write_failing_in_turn_leaves_old_or_new_and_the_next_run_works(base, writes, tmp_path, monkeypatch,
                                                                             caplog):
    real = publishing.write_temporary
    seen = set()
    for k in range(1, writes + 1):
        caplog.clear()
        root = tmp_path / f"fail-{k}"
        shutil.copytree(base[0], root, symlinks=True)
        calls = []

        def failing(path, data, mode=0o644):
            calls.append(path)
            if len(calls) == k:
                raise OSError(errno.ENOSPC, "No space left on device", str(path))
            return real(path, data, mode)

        monkeypatch.setattr(publishing, "write_temporary", failing)
        with pytest.raises(PresskitError, match="No space left on device"):
            run(root)
        assert temporaries(root) == [], k
        seen.add(check_consistent(root, base[1]))
        if po(root).read_bytes() != po(base[0]).read_bytes():  # the reviewer is told of a PO file written
            assert "PO files written before the failure (the output was not): locales/fr/LC_MESSAGES/water.po" \
                in caplog.text, k
        monkeypatch.setattr(publishing, "write_temporary", real)
        run(root)
        assert check_consistent(root, base[1]) == "new" and temporaries(root) == [], k
    assert seen == {"old", "new"}  # some faults came before the output's swap, some after


KILLER = """
import os, signal, sys, tempfile
sys.path.insert(0, {tests!r})
from pathlib import Path
from support.translators import FakeTranslator
from toolkit import publishing
from toolkit.commands.publish import publish
from toolkit.config import load_config

k, calls, real = int(sys.argv[2]), [], publishing.write_temporary

def killed(path, data, mode=0o644):
    calls.append(path)
    if len(calls) == k:  # half of the file on disk, then the process is gone
        fd, tmp = tempfile.mkstemp(prefix=f".{{path.name}}.", suffix=".tmp", dir=path.parent)
        os.write(fd, data[: len(data) // 2])
        os.kill(os.getpid(), signal.SIGKILL)
    return real(path, data, mode)

publishing.write_temporary = killed
publish(load_config(Path(sys.argv[1]), {{"languages": {languages!r}}}), (), translator=FakeTranslator())
"""


def test_a_kill_at_every_write_leaves_old_or_new_and_the_next_run_works(base, writes, tmp_path):
    script = tmp_path / "killer.py"
    script.write_text(KILLER.format(tests=str(TESTS), languages=LANGUAGES))
    seen = set()
    for k in range(1, writes + 1):
        root = tmp_path / f"kill-{k}"
        shutil.copytree(base[0], root, symlinks=True)
        done = subprocess.run([sys.executable, str(script), str(root), str(k)], capture_output=True, text=True,
                              env={**os.environ, "PYTHONPATH": str(TESTS.parent)}, timeout=300)
        assert done.returncode == -9, (k, done.stderr[-2000:])
        seen.add(check_consistent(root, base[1]))
        run(root)
        assert check_consistent(root, base[1]) == "new", k
        assert temporaries(root) == [], (k, temporaries(root))
    assert seen == {"old", "new"}


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("mount"), reason="mounting a small tmpfs needs root")
def test_a_full_disk_keeps_the_previous_output_complete(base, tmp_path):
    """A real full disk (a small tmpfs, filled): the new PDFs do not fit, the old output stays whole."""
    mount = tmp_path / "small"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1500k", "tmpfs", str(mount)], capture_output=True)
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.decode().strip()}")
    try:
        root = mount / "ws"
        shutil.copytree(base[0], root, symlinks=True)
        catalogs = sum(p.stat().st_size for p in root.glob("locales/**/*") if p.is_file())
        pdfs = sum(p.stat().st_size for p in root.glob("output/water/*.pdf"))
        assert pdfs > 16 * 1024 and catalogs < 4 * 1024
        filler = mount / "filler"
        # Three of tmpfs's 4 KB pages left: room for the two catalogs written again, not for the new PDFs.
        filler.write_bytes(b"\0" * (shutil.disk_usage(mount).free - 12 * 1024))
        with pytest.raises(PresskitError, match="No space left on device"):
            run(root)
        assert check_consistent(root, base[1]) == "old" and temporaries(root) == []
        filler.unlink()
        run(root)
        assert check_consistent(root, base[1]) == "new"
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


TERMINATOR = """
import os, signal, sys
from toolkit import publishing
from toolkit.cli import main

k, calls, real = int(sys.argv[2]), [], publishing.write_temporary

def stopped(path, data, mode=0o644):
    calls.append(path)
    if len(calls) == k:
        os.kill(os.getpid(), getattr(signal, sys.argv[3]))  # as `kill` or Ctrl-C would, mid-run
    return real(path, data, mode)

publishing.write_temporary = stopped
main(["-C", sys.argv[1], "publish", "--lang", "en", "--jobs", "1"])
"""


@pytest.mark.parametrize("signal_name", ["SIGTERM", "SIGINT"])
def test_sigterm_and_ctrl_c_at_every_write_stop_cleanly(base, tmp_path, signal_name):
    script = tmp_path / "terminator.py"
    script.write_text(TERMINATOR)
    k, outcomes = 0, set()
    while True:
        k += 1
        root = tmp_path / f"{signal_name}-{k}"
        shutil.copytree(base[0], root, symlinks=True)
        done = subprocess.run([sys.executable, str(script), str(root), str(k), signal_name], capture_output=True,
                              text=True, env={**os.environ, "PYTHONPATH": str(TESTS.parent)}, timeout=300)
        if done.returncode == 0:
            break  # k is past the run's last write
        assert done.returncode == 130, (k, done.stderr[-2000:])
        assert "Interrupted; nothing half-written was left behind." in done.stderr and "Traceback" not in done.stderr
        assert temporaries(root) == [], (k, temporaries(root))
        folder = root / "output" / "water"
        files = snapshot(folder)
        for record in json.loads(files["manifest.json"])["editions"]:  # whichever set, it is whole
            for kind in ("html", "pdf"):
                assert hashlib.sha256(files[f"{record['code']}.{kind}"]).hexdigest() == record[f"{kind}_sha256"]
        new = "A new paragraph" in files["en.html"].decode()
        assert new or files == base[1], k  # not the new set: then the old one, byte for byte
        outcomes.add("new" if new else "old")
    assert k > 3 and outcomes == {"old", "new"}


def test_a_kill_between_the_two_renames_is_undone_by_the_next_run(base, tmp_path, monkeypatch):
    """Where the file system has no atomic exchange, the old folder is set aside, then the new one
    renamed in: a kill between the two leaves `.water.old.tmp` and no `water`, put back next run."""
    root = tmp_path / "ws"
    shutil.copytree(base[0], root, symlinks=True)
    monkeypatch.setattr(publishing, "exchange", lambda a, b: False)
    output = root / "output"
    (output / "water").rename(output / ".water.old.tmp")  # the first rename done, the second not
    (output / ".water.new.tmp").mkdir()
    (output / ".water.new.tmp" / "en.pdf").write_bytes(b"%PDF-1.7 half")
    run(root)
    assert check_consistent(root, base[1]) == "new" and temporaries(root) == []
    assert sorted(p.name for p in output.iterdir()) == ["feed.en.atom", "feed.fr.atom", "index.html", "water"]
    run(root)  # and the swap by two renames itself, from a complete old folder
    assert check_consistent(root, base[1]) == "new" and temporaries(root) == []
