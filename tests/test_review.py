"""The reviewer workflow end to end: publish, edit a PO file by hand, publish again, --final, the lock."""

from __future__ import annotations

import errno
import fcntl
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from support.translators import FakeTranslator
from test_catalogs import DATA, LATER, MOMENT, ROOT, SAMPLE, SLUG, msgfmt_ok
from toolkit import catalogs, translation
from toolkit.commands.publish import publish
from toolkit.commands.status import status
from toolkit.cli import cli
from toolkit.config import load_config
from toolkit.errors import CatalogError, ExitStatus, LockError, ReviewError, TranslationError
from toolkit.model import TextStatus
from toolkit.workspace import read_statements

HAND_EDIT = "Merci à toutes et à tous de votre participation, vraiment."
CHANGED_FROM = "The aim of today was to engage, to listen, and to learn. We did all of that."
CHANGED_TO = "The aim of today was to engage, to listen, and to act. We did all of that."


def workspace(root: Path, *, locales: bool = False) -> Path:
    (root / "speeches").mkdir(parents=True)
    shutil.copy(SAMPLE, root / "speeches")
    if locales:
        shutil.copytree(ROOT / "locales", root / "locales", ignore=shutil.ignore_patterns("*.pot"))
    return root


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and ".presskit" not in p.parts}


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True, text=True).stdout
    return " ".join(out.split())


def po_path(root: Path, lang: str) -> Path:
    return catalogs.catalog_path(root / "locales", lang, SLUG)


def entry_text(po_text: str, msgid: str) -> str:
    (entry,) = [e for e in po_text.split("\n\n") if f'\nmsgid "{msgid}"' in e]
    return entry


def hand_edit(path: Path, msgid: str, new: str) -> None:
    """Edit a PO file as a reviewer would in a text editor: new msgstr, fuzzy flag cleared."""
    text = path.read_text(encoding="utf-8")
    entries = text.split("\n\n")
    for i, entry in enumerate(entries):
        if f'msgid "{msgid}"' in entry:
            lines = [line for line in entry.splitlines() if line != "#, fuzzy"]
            head = lines[: next(n for n, line in enumerate(lines) if line.startswith("msgstr"))]
            entries[i] = "\n".join(head + [f'msgstr "{new}"'])
            break
    else:
        raise AssertionError(f"no entry for {msgid!r}")
    path.write_text("\n\n".join(entries), encoding="utf-8")


def test_round_trip_keeps_the_hand_edit_and_marks_the_changed_paragraph(tmp_path):
    root = workspace(tmp_path)
    config = load_config(root, {"languages": "en,fr"})
    first = publish(config, (), translator=FakeTranslator(), now=MOMENT)
    assert [s.lang for s in first.catalogs] == ["fr"] and first.catalogs[0].machine == 23
    po = po_path(root, "fr")
    hand_edit(po, "Thank you for your participation.", HAND_EDIT)
    speech = root / "speeches" / f"{SLUG}.txt"
    speech.write_text(speech.read_text(encoding="utf-8").replace(CHANGED_FROM, CHANGED_TO), encoding="utf-8")
    edited = po.read_text(encoding="utf-8")

    second = publish(config, (), translator=FakeTranslator(), now=LATER)
    catalog = catalogs.read_catalog(po, "fr")
    kept = catalog.get("Thank you for your participation.")
    assert kept.string == HAND_EDIT and not kept.fuzzy
    assert entry_text(po.read_text(encoding="utf-8"), "Thank you for your participation.") \
        == entry_text(edited, "Thank you for your participation.")  # the reviewer's entry, byte for byte
    changed = catalog.get(CHANGED_TO)
    assert changed.fuzzy and changed.previous_id == [CHANGED_FROM]
    assert ('#, fuzzy\n#| msgid ""\n#| "The aim of today was to engage, to listen, and to learn. We did all of"\n'
            '#| " that."\nmsgid "The aim') in entry_text(po.read_text(encoding="utf-8"), CHANGED_TO)
    assert HAND_EDIT in pdf_text(root / "output" / SLUG / "fr.pdf")
    fr = next(e for e in second.editions if e.lang == "fr")
    assert not fr.is_reviewed and fr.body[-1].status is TextStatus.REVIEWED
    for path in (po, catalogs.template_path(root / "locales", SLUG)):
        msgfmt_ok(path)

    before = snapshot(root)
    third = publish(config, (), translator=FakeTranslator(), now=LATER.replace(year=2027))
    assert third.written == [] and snapshot(root) == before


def test_a_catalog_saved_in_an_editor_during_the_run_is_not_overwritten(tmp_path):
    root = workspace(tmp_path)
    config = load_config(root, {"languages": "en,fr"})
    publish(config, (), translator=FakeTranslator(), now=MOMENT)
    speech = root / "speeches" / f"{SLUG}.txt"
    speech.write_text(speech.read_text(encoding="utf-8").replace(CHANGED_FROM, CHANGED_TO), encoding="utf-8")
    po = po_path(root, "fr")

    def reviewer_saves():
        hand_edit(po, "Thank you for your participation.", HAND_EDIT)  # a reviewer saves meanwhile

    before = snapshot(root)
    with pytest.raises(CatalogError) as caught:
        publish(config, (), translator=FakeTranslator(before=reviewer_saves), now=LATER)
    message = caught.value.format_message()
    assert message.startswith(f"{po}: changed while presskit ran (saved in an editor?); nothing was "
                              "written; run again")
    assert HAND_EDIT in po.read_text(encoding="utf-8")
    after = snapshot(root)
    assert after.pop(str(po.relative_to(root))) != before.pop(str(po.relative_to(root)))
    assert after == before


def test_the_merge_plan_is_made_once_per_language_and_run(tmp_path, monkeypatch):
    # plan_merge's similarity matching takes a noticeable time on a big edit; one per language.
    root = workspace(tmp_path, locales=True)
    config = load_config(root, {"languages": "en,fr,es"})
    calls = {"plan_merge": 0, "source_entries": 0}

    def counted(name, real):
        def count(*args, **kwargs):
            calls[name] += 1
            return real(*args, **kwargs)
        return count

    for name in calls:
        real = getattr(catalogs.merge, name)
        for module in (catalogs, catalogs.merge, catalogs.review):
            monkeypatch.setattr(module, name, counted(name, real), raising=False)
    publish(config, (), final=True, translator=FakeTranslator(), now=MOMENT)
    assert calls == {"plan_merge": 2, "source_entries": 1}
    calls.update(plan_merge=0, source_entries=0)
    status(config, ())
    assert calls == {"plan_merge": 2, "source_entries": 1}


def test_speech_paths_are_relative_to_the_workspace_like_git_dash_c(tmp_path, monkeypatch):
    root = workspace(tmp_path / "ws")
    monkeypatch.chdir(tmp_path)  # elsewhere: "as if started in DIR", as git -C and make -C
    result = CliRunner().invoke(cli, ["-C", str(root), "lint", f"speeches/{SLUG}.txt"])
    assert result.exit_code == 0 and "no such file" not in result.output  # the sample's findings are notes
    assert "repeats the paragraph" in result.output
    config = load_config(root, {"languages": "en,fr"})
    (statement,) = read_statements(config, (Path("speeches") / f"{SLUG}.txt",))
    assert statement.path == root / "speeches" / f"{SLUG}.txt"
    assert "relative" in CliRunner().invoke(cli, ["--help"]).output.split("-C, --directory")[1].split("\n  -")[0]


def test_complete_catalogs_need_no_model(tmp_path):
    root = workspace(tmp_path, locales=True)

    translator = FakeTranslator()
    result = publish(load_config(root, {"languages": "en,fr,zh"}), (), translator=translator)
    assert translator.requests == []  # asked to translate nothing
    assert [(s.lang, s.percent) for s in result.catalogs] == [("zh", 100), ("fr", 100)]
    assert all(e.is_reviewed for e in result.editions)


def test_untranslated_blocks_fall_back_to_the_source(tmp_path):
    root = workspace(tmp_path)
    result = publish(load_config(root, {"languages": "ru"}), (),
                     translator=FakeTranslator(translate=lambda text, s, t: ""))
    (edition,) = result.editions
    assert edition.lang == "ru" and not edition.is_reviewed
    assert {b.status for b in edition.body} == {TextStatus.UNTRANSLATED}
    assert edition.body[0].text.startswith("Excellencies")
    assert result.catalogs[0].untranslated == 23


def test_missing_models_are_all_named_before_anything_is_written(tmp_path, argos_env):
    root = workspace(tmp_path)
    config = load_config(root, {"packages_dir": str(tmp_path / "no-packages")})
    with pytest.raises(TranslationError) as caught:
        publish(config, ())
    message = caught.value.format_message()
    for pair in ("en→ar", "en→zh", "en→fr", "en→ru", "en→es"):
        assert pair in message
    assert "presskit models install" in message
    assert snapshot(root) == snapshot(workspace(tmp_path / "fresh"))


def test_final_passes_on_the_reviewed_sample(tmp_path):
    root = workspace(tmp_path, locales=True)
    result = CliRunner().invoke(cli, ["-C", str(root), "publish", "--final"])
    assert result.exit_code == 0, result.output
    assert f"{SLUG}: reviewed ar 100 %, zh 100 %, fr 100 %, ru 100 %, es 100 %" in result.output
    assert (root / "output" / SLUG / "ar.pdf").exists()


def test_final_refuses_a_fuzzy_entry_and_writes_nothing(tmp_path):
    root = workspace(tmp_path, locales=True)
    po = po_path(root, "fr")
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace('msgid "Thank you for your participation."',
                               '#, fuzzy\nmsgid "Thank you for your participation."'), encoding="utf-8")
    line = po.read_text(encoding="utf-8").splitlines().index('msgid "Thank you for your participation."') + 1
    before = snapshot(root)
    result = CliRunner().invoke(cli, ["-C", str(root), "publish", "--final", "--lang", "fr,es"])
    assert result.exit_code != 0
    assert f"locales/fr/LC_MESSAGES/{SLUG}.po:{line}: machine translation, not reviewed (fuzzy)" in result.output
    assert "[es]" not in result.output and "nothing was written" in result.output
    assert snapshot(root) == before


def test_final_names_the_block_of_a_missing_entry(tmp_path):
    root = workspace(tmp_path, locales=True)
    speech = root / "speeches" / f"{SLUG}.txt"
    speech.write_text(speech.read_text(encoding="utf-8").rstrip() + "\n\nA brand new closing line.\n", encoding="utf-8")
    line = len(speech.read_text(encoding="utf-8").splitlines())
    with pytest.raises(ReviewError) as caught:
        publish(load_config(root, {"languages": "es"}), (), final=True)
    assert f"speeches/{SLUG}.txt:{line}: no translation: 'A brand new closing line.'" in caught.value.format_message()


BAD = sorted((DATA / "bad" / "catalogs").iterdir())


@pytest.mark.parametrize("bad", BAD, ids=[p.name for p in BAD])
def test_broken_po_is_one_error_and_nothing_is_written(tmp_path, bad, monkeypatch):
    monkeypatch.setattr(translation, "open_translator", lambda config, environ=None, glossary=None: FakeTranslator())
    root = workspace(tmp_path, locales=True)
    shutil.copy(bad, po_path(root, "fr"))
    before = snapshot(root)
    result = CliRunner().invoke(cli, ["-C", str(root), "publish"])
    assert result.exit_code == ExitStatus.ERROR
    message = result.output.strip()
    assert len(message.splitlines()) == 1 and "Traceback" not in message
    assert re.search(rf"locales/fr/LC_MESSAGES/{SLUG}\.po(:\d+)?: ", message)
    assert snapshot(root) == before


def test_second_run_is_refused_while_the_first_holds_the_lock(tmp_path):
    root = workspace(tmp_path, locales=True)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from pathlib import Path; from toolkit.locking import workspace_lock\n"
         "with workspace_lock(Path(sys.argv[1])):\n    print('locked', flush=True); time.sleep(30)",
         str(root / ".presskit")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        before = snapshot(root)
        started = time.monotonic()
        result = CliRunner().invoke(cli, ["-C", str(root), "publish", "--lang", "fr"])
        assert result.exit_code != 0 and time.monotonic() - started < 5
        assert f"another presskit run is working in this workspace (process {holder.pid})" in result.output
        assert ".presskit/lock" in result.output and snapshot(root) == before
    finally:
        holder.kill()
        holder.wait()
    # The lock dies with its holder: the next run goes ahead.
    result = CliRunner().invoke(cli, ["-C", str(root), "publish", "--lang", "fr"])
    assert result.exit_code == 0, result.output


def test_lock_is_released_after_a_failed_run(tmp_path):
    root = workspace(tmp_path, locales=True)
    from toolkit.locking import workspace_lock

    with pytest.raises(ReviewError):
        with workspace_lock(root / ".presskit"):
            raise ReviewError("boom")
    with workspace_lock(root / ".presskit"):
        with pytest.raises(LockError):
            with workspace_lock(root / ".presskit"):
                pass


def test_lang_and_from_options(tmp_path, monkeypatch):
    recording = FakeTranslator()
    monkeypatch.setattr(translation, "open_translator", lambda config, environ=None, glossary=None: recording)
    root = workspace(tmp_path)
    result = CliRunner().invoke(cli, ["-C", str(root), "publish", "--from", "fr", "--lang", "en", "--lang", "es"])
    assert result.exit_code == 0, result.output
    assert recording.pairs == [("fr", "en"), ("fr", "es")] and recording.closed
    assert sorted(p.name for p in (root / "output" / SLUG).iterdir()) == ["en.html", "en.pdf", "es.html",
                                                                           "es.pdf", "index.html", "manifest.json"]
    assert po_path(root, "en").exists() and not po_path(root, "fr").exists()


def test_a_file_system_without_locks_is_a_clear_error(tmp_path, monkeypatch):
    def no_locks(fd, operation):
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", no_locks)
    root = workspace(tmp_path, locales=True)
    result = CliRunner().invoke(cli, ["-C", str(root), "publish", "--lang", "fr"])
    assert result.exit_code == ExitStatus.BUSY and "Traceback" not in result.output
    assert "cannot lock the workspace: No locks available" in result.output
    assert not (root / "output").exists()
