"""TMX 1.4b in and out: presskit's reader and writer, translate-toolkit reading what presskit
writes and presskit reading what translate-toolkit's po2tmx writes, and broken files refused."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from toolkit.cli import cli
from toolkit.errors import ExitStatus, TmxError
from toolkit.translation import tmx
from toolkit.translation.memory import HumanUnit, TranslationMemory

BAD = Path(__file__).parent / "data" / "bad" / "tmx"
BIN = Path(sys.executable).parent

UNITS = [
    HumanUnit("en", "fr", "Thank you.", "Merci.", "closing-hearing", "2017-10-11"),
    HumanUnit("en", "fr", "Excellencies, ladies & gentlemen <all>,", "Excellences, Mesdames et Messieurs,",
              "closing-hearing", "2017-10-11"),
    HumanUnit("en", "zh", "Thank you.", "谢谢。", "closing-hearing", None, "sentence"),
    HumanUnit("en", "ar", "We heard you.", "لقد سمعناكم.", "archive.tmx", "2016-01-02", kind="imported"),
]


def invoke(*args):
    return CliRunner().invoke(cli, list(args))


def test_written_tmx_reads_back_the_same_units(tmp_path):
    path = tmp_path / "out.tmx"
    path.write_bytes(tmx.render_tmx(UNITS, tool_version="1.0"))
    back = list(tmx.read_tmx(path))
    assert back == UNITS  # origin, date, level and kind travel in <prop> and changedate


def test_translate_toolkit_reads_presskit_export(tmp_path):
    from translate.storage.tmx import tmxfile

    workspace = tmp_path / "ws"
    workspace.mkdir()
    with TranslationMemory(workspace / ".presskit" / "memory.sqlite3") as memory:
        memory.store_human(UNITS)
    result = invoke("-C", str(workspace), "memory", "export", "--reviewed", str(tmp_path / "reviewed.tmx"))
    assert result.exit_code == 0, result.output
    assert "wrote 3 translation units" in result.output  # the imported one is not "reviewed"
    with open(tmp_path / "reviewed.tmx", "rb") as handle:
        store = tmxfile(handle)
    found = {(u.source, u.target) for u in store.units}
    assert found == {("Thank you.", "Merci."), ("Thank you.", "谢谢。"),
                     ("Excellencies, ladies & gentlemen <all>,", "Excellences, Mesdames et Messieurs,")}
    # translate-toolkit's own pocount counts the units of the export.
    counted = subprocess.run([str(BIN / "pocount"), "--csv", str(tmp_path / "reviewed.tmx")],
                             capture_output=True, text=True)
    assert counted.returncode == 0, counted.stderr
    row = counted.stdout.splitlines()[-1].split(",")
    assert row[0].endswith("reviewed.tmx") and row[1] == "3"  # translated messages


def test_presskit_imports_what_po2tmx_writes(tmp_path):
    po = tmp_path / "demo.po"
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: fr\\n"\n\n'
                  'msgid "Thank you for your participation."\nmsgstr "Merci de votre participation."\n\n'
                  '#, fuzzy\nmsgid "We heard you."\nmsgstr "Nous vous avons entendus."\n\n'
                  'msgid "Ladies & gentlemen"\nmsgstr "Mesdames & messieurs"\n', encoding="utf-8")
    out = tmp_path / "demo.tmx"
    done = subprocess.run([str(BIN / "po2tmx"), "-l", "fr", "-i", str(po), "-o", str(out)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    workspace = tmp_path / "ws"
    workspace.mkdir()
    result = invoke("-C", str(workspace), "memory", "import", str(out))
    assert result.exit_code == 0, result.output
    assert "imported 2 translations from 2 units" in result.output  # po2tmx leaves fuzzy entries out
    with TranslationMemory(workspace / ".presskit" / "memory.sqlite3") as memory:
        found = memory.human_exact("en", "fr", ["Thank you for your participation.", "Ladies & gentlemen",
                                                "We heard you."])
    assert {k: v.target for k, v in found.items()} == {
        "Thank you for your participation.": "Merci de votre participation.",
        "Ladies & gentlemen": "Mesdames & messieurs"}
    assert all(m.imported and m.origin == "demo.tmx" for m in found.values())


def test_import_keeps_only_the_asked_languages_and_drops_native_codes(tmp_path):
    path = tmp_path / "archive.tmx"
    path.write_text(
        '<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="en-US" segtype="sentence"/><body>\n'
        '<tu><tuv xml:lang="en-US"><seg>Thank <bpt i="1">&lt;b&gt;</bpt>you<ept i="1">&lt;/b&gt;</ept>.</seg></tuv>'
        '<tuv xml:lang="fr-FR" changedate="20190401T101010Z"><seg>Merci.</seg></tuv>'
        '<tuv xml:lang="es"><seg>Gracias.</seg></tuv><tuv xml:lang="de"><seg>Danke.</seg></tuv></tu>\n'
        '</body></tmx>\n', encoding="utf-8")
    summary = tmx.TmxSummary()
    units = list(tmx.read_tmx(path, targets=["fr"], summary=summary))
    assert units == [HumanUnit("en", "fr", "Thank you.", "Merci.", "archive.tmx", "2019-04-01", "sentence",
                               "imported")]
    assert (summary.units, summary.pairs, summary.skipped) == (1, 1, 1)


def test_external_entities_are_never_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    path = tmp_path / "xxe.tmx"
    path.write_text(f'<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY x SYSTEM "file://{secret}">]>\n'
                    '<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>Hi &x;</seg></tuv>'
                    '<tuv xml:lang="fr"><seg>Salut &x;</seg></tuv></tu></body></tmx>\n', encoding="utf-8")
    units = list(tmx.read_tmx(path))
    assert units and all("SECRET" not in u.source + u.target for u in units)


BAD_FILES = {
    "body-before-header.tmx": (3, "<body> comes before <header>"),
    "cut-short.tmx": (6, "Premature end of data"),
    "empty.tmx": (1, "the file is empty"),
    "latin1-bytes.tmx": (5, "Invalid bytes in character encoding"),
    "no-srclang.tmx": (3, "no srclang attribute"),
    "not-tmx.tmx": (2, "not a TMX file"),
    "tuv-without-lang.tmx": (6, "without xml:lang"),
    "tuv-without-seg.tmx": (7, "without <seg>"),
    "undefined-entity.tmx": (5, "Entity 'nbsp' not defined"),
    "version-2.tmx": (2, "version 2.0 is not supported"),
}


def test_every_bad_file_is_listed():
    assert sorted(p.name for p in BAD.iterdir()) == sorted(BAD_FILES)


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_broken_tmx_is_refused_with_file_and_line(name, tmp_path):
    line, what = BAD_FILES[name]
    with pytest.raises(TmxError) as raised:
        list(tmx.read_tmx(BAD / name))
    assert str(raised.value.message).startswith(f"{BAD / name}:{line}: ")
    assert what in raised.value.message and "\n" not in raised.value.message
    # Through the CLI: one line, a non-zero exit, nothing stored.
    workspace = tmp_path / "ws"
    workspace.mkdir()
    copy = workspace / name
    shutil.copy(BAD / name, copy)
    result = invoke("-C", str(workspace), "memory", "import", name)
    assert result.exit_code == ExitStatus.ERROR
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and re.search(rf"{re.escape(name)}:{line}: ", errors[0]), result.output
    assert "Traceback" not in result.output
    assert not (workspace / ".presskit" / "memory.sqlite3").exists()


def test_a_missing_file_is_one_line(tmp_path):
    result = invoke("-C", str(tmp_path), "memory", "import", "nowhere.tmx")
    assert result.exit_code == ExitStatus.ERROR and "nowhere.tmx: no such file" in result.output
