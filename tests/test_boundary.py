"""The workspace boundary: symlinks leading out, FIFOs, read-only files, reviewer saves racing a run."""

from __future__ import annotations

import os
import re
import signal
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest

from support.translators import FakeTranslator
from toolkit import publishing
from toolkit.commands.publish import publish
from toolkit.config import load_config
from toolkit.errors import ConfigError, ConflictError, PresskitError

SPEECH = """Remarks to the Security Council on water

New York, 3 March 2026

Water is the thread that ties every goal together.

We must share it fairly, across borders and generations.
"""
SLUG = "water"


def make_workspace(root: Path, speech: str = SPEECH) -> Path:
    (root / "speeches").mkdir(parents=True, exist_ok=True)
    (root / "speeches" / f"{SLUG}.txt").write_text(speech, encoding="utf-8")
    return root


def run(root: Path, **overrides):
    config = load_config(root, {"languages": "en fr", **overrides})
    return publish(config, (), translator=FakeTranslator())


def po(root: Path) -> Path:
    return root / "locales" / "fr" / "LC_MESSAGES" / f"{SLUG}.po"


def reviewed(text: str, words: str) -> str:
    """The PO text with its first translation replaced by `words` and signed off."""
    text = text.replace("#, fuzzy\n", "", 2)  # the header's and the first entry's flags
    return re.sub(r'(\nmsgid "Water is[^\n]*\nmsgstr ")[^\n]*"', lambda m: m.group(1) + words + '"', text, count=1)


@contextmanager
def deadline(seconds: int = 30):
    """Fail, instead of hanging forever, when something waits on a FIFO."""
    def expired(signum, frame):
        raise AssertionError(f"still waiting after {seconds} s (blocked on a FIFO?)")
    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def outside(tmp_path) -> Path:
    """A file outside the workspace that presskit must neither read nor overwrite."""
    secret = tmp_path / "home" / ".bashrc"
    secret.parent.mkdir()
    secret.write_text("root:x:0:0:secret-marker:/root:/bin/bash\n")
    return secret


# --- reads and writes through symlinks --------------------------------------------------------


def test_a_speech_linked_from_outside_is_refused_and_never_read(tmp_path, outside):
    root = make_workspace(tmp_path / "ws")
    (root / "speeches" / "passwd.txt").symlink_to(outside)
    with pytest.raises(PresskitError, match=r"speeches/passwd.txt: leads outside the workspace"):
        run(root)
    assert not (root / "output").exists() and not (root / "locales").exists()


def test_a_symlink_inside_the_workspace_is_fine(tmp_path):
    root = make_workspace(tmp_path / "ws")
    shared = root / "drafts" / "water.txt"
    shared.parent.mkdir()
    (root / "speeches" / f"{SLUG}.txt").rename(shared)
    (root / "speeches" / f"{SLUG}.txt").symlink_to(shared)
    run(root)
    assert "Water is the thread" in (root / "output" / SLUG / "en.html").read_text()


@pytest.mark.parametrize("name", ["output/water/fr.html", "locales/water.pot", "locales/fr/LC_MESSAGES/water.po"])
def test_a_written_file_linked_outside_is_refused_and_its_target_untouched(tmp_path, outside, name):
    root = make_workspace(tmp_path / "ws")
    run(root)
    before = outside.read_bytes()
    link = root / name
    if name.endswith(".po"):
        outside.write_text(link.read_text())  # a readable catalog, so that only the write is at stake
        before = outside.read_bytes()
    link.unlink()
    link.symlink_to(outside)
    (root / "speeches" / f"{SLUG}.txt").write_text(SPEECH + "\nA new paragraph.\n")
    with pytest.raises(PresskitError, match="leads outside the workspace"):
        run(root)
    assert outside.read_bytes() == before and link.is_symlink()


def test_an_output_folder_linked_outside_is_refused(tmp_path):
    root = make_workspace(tmp_path / "ws")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (root / "output").symlink_to(elsewhere)
    with pytest.raises(PresskitError, match=r"^output_dir: .*elsewhere is outside the workspace"):
        run(root)
    assert list(elsewhere.iterdir()) == []


def test_settings_naming_folders_outside_need_the_opt_in(tmp_path):
    root = make_workspace(tmp_path / "ws")
    with pytest.raises(ConfigError, match=r"output_dir: .*elsewhere is outside the workspace; set allow_outside_workspace"):
        load_config(root, {"output_dir": "../elsewhere"})
    run(root, output_dir="../elsewhere", allow_outside_workspace="true")
    assert (tmp_path / "elsewhere" / SLUG / "fr.pdf").is_file()


def test_the_lock_and_memory_under_a_linked_state_folder_are_refused(tmp_path):
    root = make_workspace(tmp_path / "ws")
    elsewhere = tmp_path / "state"
    elsewhere.mkdir()
    (root / ".presskit").symlink_to(elsewhere)
    with pytest.raises(PresskitError, match=r"\.presskit: leads outside the workspace"):
        run(root)
    assert list(elsewhere.iterdir()) == []


def test_a_glossary_linked_from_outside_is_refused_and_never_read(tmp_path, outside):
    root = make_workspace(tmp_path / "ws")
    (root / "glossary").mkdir()
    outside.with_name("terms.csv").write_text("en,fr\nsecret-marker,secret\n", encoding="utf-8")
    (root / "glossary" / "office.csv").symlink_to(outside.with_name("terms.csv"))
    with pytest.raises(PresskitError, match=r"glossary/office\.csv: leads outside the workspace"):
        run(root)
    assert not (root / "output").exists()
    (root / "glossary" / "office.csv").unlink()
    (root / "glossary").rmdir()
    (root / "glossary").symlink_to(outside.parent)  # the whole folder
    with pytest.raises(PresskitError, match=r"glossary_dir: .* is outside the workspace"):
        run(root)


def test_settings_naming_a_glossary_outside_need_the_opt_in(tmp_path):
    root = make_workspace(tmp_path / "ws")
    with pytest.raises(ConfigError, match=r"glossary_dir: .*terms is outside the workspace; set allow_outside_workspace"):
        load_config(root, {"glossary_dir": "../terms"})


def test_a_fifo_in_the_glossary_is_refused_never_waited_on(tmp_path):
    root = make_workspace(tmp_path / "ws")
    (root / "glossary").mkdir()
    os.mkfifo(root / "glossary" / "terms.csv")
    os.mkfifo(root / "glossary" / ".#terms.csv")  # an editor's lock: skipped, not opened
    with deadline():
        with pytest.raises(PresskitError, match=r"glossary/terms\.csv: .*(named pipe|not a regular file)"):
            run(root)


# --- FIFOs and devices ------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["speeches/pipe.txt", "locales/fr/LC_MESSAGES/water.po", "locales/water.pot",
                                  "output/water/manifest.json", ".presskit/lock"])
def test_a_fifo_is_refused_never_waited_on(tmp_path, name):
    root = make_workspace(tmp_path / "ws")
    run(root)
    fifo = root / name
    fifo.unlink(missing_ok=True)
    os.mkfifo(fifo)
    (root / "speeches" / f"{SLUG}.txt").write_text(SPEECH + "\nA new paragraph.\n")
    with deadline():
        with pytest.raises(PresskitError, match="named pipe|not a regular file"):
            run(root)
    assert Path(fifo).exists() and not Path(fifo).is_file()


def test_a_device_as_a_speech_is_refused(tmp_path):
    root = make_workspace(tmp_path / "ws")
    with deadline():
        with pytest.raises(PresskitError, match="/dev/zero: is a device, not a regular file"):
            publish(load_config(root, {"languages": "en fr"}), (Path("/dev/zero"),), translator=FakeTranslator())
        try:
            os.mknod(root / "speeches" / "zero.txt", 0o644 | 0o020000, os.makedev(1, 5))
        except PermissionError:
            pytest.skip("making a device node needs root")
        with pytest.raises(PresskitError, match="zero.txt: is a device, not a regular file"):
            run(root)


# --- limits, read-only and stray files ---------------------------------------------------------


def test_statements_and_po_files_above_the_limit_are_refused(tmp_path):
    root = make_workspace(tmp_path / "ws")
    with pytest.raises(PresskitError, match=r"water.txt: is larger than the statement size limit of 100 bytes"):
        run(root, max_statement_bytes="100")
    run(root)
    with pytest.raises(PresskitError, match=r"water.po: is larger than the PO file size limit of 200 bytes"):
        run(root, max_catalog_bytes="200")


def test_a_read_only_po_file_is_respected(tmp_path):
    root = make_workspace(tmp_path / "ws")
    run(root)
    po(root).chmod(0o444)
    before = po(root).read_bytes()
    (root / "speeches" / f"{SLUG}.txt").write_text(SPEECH + "\nA new paragraph.\n")
    with pytest.raises(PresskitError, match=r"water.po: is read-only; presskit does not replace it"):
        run(root)
    assert po(root).read_bytes() == before


def test_editor_stray_files_are_skipped_with_a_note(tmp_path, caplog):
    root = make_workspace(tmp_path / "ws")
    (root / "speeches" / ".#water.txt").symlink_to("jd@host.1234:1700000000")  # Emacs' lock link
    (root / "speeches" / "._water.txt").write_bytes(b"\x00\x05\x16\x07 macOS resource fork")
    caplog.set_level("WARNING", logger="toolkit")
    result = run(root)
    assert [e.lang for e in result.editions] == ["en", "fr"]
    assert caplog.text.count("note: skipped hidden files in speeches: .#water.txt, ._water.txt") == 1


# --- a reviewer saving while presskit writes ---------------------------------------------------


def _prepare_race(tmp_path):
    root = make_workspace(tmp_path / "ws")
    run(root)
    (root / "speeches" / f"{SLUG}.txt").write_text(SPEECH + "\nA new paragraph.\n")
    return root


@pytest.mark.parametrize("how", ["in place", "by rename"])
def test_a_save_at_the_moment_the_temporary_file_appears_is_never_lost(tmp_path, monkeypatch, how):
    root = _prepare_race(tmp_path)
    saved = reviewed(po(root).read_text(), "Eau: le fil de tous les objectifs.")
    real = publishing.write_temporary

    def write_temporary(path, data, mode=0o644):
        tmp = real(path, data, mode)
        if path == po(root):  # the reviewer saves right now, between presskit's read and rename
            if how == "in place":
                po(root).write_text(saved)
            else:
                (po(root).parent / "editor-save.tmp").write_text(saved)
                os.replace(po(root).parent / "editor-save.tmp", po(root))
        return tmp

    monkeypatch.setattr(publishing, "write_temporary", write_temporary)
    with pytest.raises(ConflictError, match=r"water.po: was saved by someone else while presskit ran; their file was kept"):
        run(root)
    assert po(root).read_text() == saved
    assert not (root / "output" / SLUG / "fr.html").read_text().count("A new paragraph")  # output not written
    assert sorted(p.name for p in po(root).parent.iterdir()) == ["water.po"]
    monkeypatch.undo()
    run(root)  # the next run takes the reviewer's text
    assert "Eau: le fil de tous les objectifs." in (root / "output" / SLUG / "fr.html").read_text()


def test_saves_timed_by_a_watcher_are_never_lost(tmp_path):
    """A second thread saves as soon as it sees presskit's temporary file: five runs, no save lost."""
    saves = 0
    for attempt in range(5):
        root = _prepare_race(tmp_path / str(attempt))
        words = f"Sauvegarde {attempt} du réviseur."
        saved = reviewed(po(root).read_text(), words)
        folder = po(root).parent
        stop, done = threading.Event(), threading.Event()

        def watch():
            while not stop.is_set():
                if any(name.startswith(".water.po.") for name in os.listdir(folder)):
                    po(root).write_text(saved)
                    done.set()
                    return

        watcher = threading.Thread(target=watch)
        watcher.start()
        try:
            run(root)
        except ConflictError:
            pass
        finally:
            stop.set()
            watcher.join()
        if not done.is_set():
            continue  # the temporary file came and went unseen: no save was made
        saves += 1
        # Either presskit saw the save (conflict, file kept) or the save came after its rename.
        assert words in po(root).read_text(), f"attempt {attempt}: the reviewer's save was lost"
    assert saves >= 1, "no save landed while presskit wrote"
