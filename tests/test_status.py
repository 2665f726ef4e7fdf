"""`presskit status`: what the catalogs say, per statement and language, and the --check CI gate."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from test_catalogs import SLUG
from test_review import po_path, snapshot, workspace
from toolkit.cli import cli
from toolkit.errors import ExitStatus


def status(root, *args):
    return CliRunner().invoke(cli, ["-C", str(root), "status", *args])


def rows(output: str) -> dict[str, list[str]]:
    return {line.split()[0]: line.split()[1:] for line in output.splitlines() if line.startswith("  ")
            and not line.split()[0] == "lang"}


def test_sample_is_fully_reviewed_in_five_languages(tmp_path):
    root = workspace(tmp_path, locales=True)
    before = snapshot(root)
    result = status(root, "--check")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == SLUG
    assert lines[1].split() == ["lang", "entries", "reviewed", "machine", "untranslated", "obsolete", "reviewed", "%", "checks"]
    assert rows(result.output) == {lang: ["23", "23", "0", "0", "0", "100", "%", "0"] for lang in ("ar", "zh", "fr", "ru", "es")}
    assert snapshot(root) == before and not (root / ".presskit").exists()  # status writes nothing


def test_repository_sample_is_fully_reviewed():
    from test_catalogs import ROOT

    result = status(ROOT, "--check")
    assert result.exit_code == 0, result.output
    assert all(cells[-3] == "100" and cells[-1] == "0" for cells in rows(result.output).values()) and len(rows(result.output)) == 5


def test_check_fails_on_a_fuzzy_entry(tmp_path):
    root = workspace(tmp_path, locales=True)
    po = po_path(root, "ru")
    po.write_text(po.read_text(encoding="utf-8").replace(
        'msgid "Thank you for your participation."', '#, fuzzy\nmsgid "Thank you for your participation."'),
        encoding="utf-8")
    result = status(root)
    assert result.exit_code == 0
    assert rows(result.output)["ru"] == ["23", "22", "1", "0", "0", "95", "%", "0"]
    result = status(root, "--check")
    assert result.exit_code == ExitStatus.NOT_REVIEWED and f"not fully reviewed: {SLUG} [ru]" in result.output


def test_changed_and_removed_paragraphs_count_as_unreviewed_and_obsolete(tmp_path):
    root = workspace(tmp_path, locales=True)
    speech = root / "speeches" / f"{SLUG}.txt"
    text = speech.read_text(encoding="utf-8")
    text = text.replace("The aim of today was to engage, to listen, and to learn.",
                        "The aim of today was to engage, to listen, and to act.")
    text = text.replace("Let us not fool ourselves – while the past months have been labor intense, "
                        "the real work still lies ahead.\n", "")
    speech.write_text(text, encoding="utf-8")
    result = status(root, "--lang", "fr")
    # 22 entries: one changed (fuzzy, from the old reviewed text), two obsolete (removed, and the
    # old version of the changed one).
    assert rows(result.output) == {"fr": ["22", "21", "1", "0", "2", "95", "%", "0"]}


def test_no_catalog_yet_is_all_untranslated(tmp_path):
    root = workspace(tmp_path)
    result = status(root, "--lang", "es,zh", "--check")
    assert result.exit_code == ExitStatus.NOT_REVIEWED
    assert rows(result.output) == {lang: ["23", "0", "0", "23", "0", "0", "%", "0"] for lang in ("zh", "es")}


def test_broken_catalog_is_an_error(tmp_path):
    root = workspace(tmp_path, locales=True)
    po = po_path(root, "zh")
    po.write_bytes(po.read_bytes() + b'msgid "x"\n')
    result = status(root)
    assert result.exit_code == ExitStatus.ERROR
    assert f"locales/zh/LC_MESSAGES/{SLUG}.po:" in result.output and "msgid without a msgstr" in result.output


def test_catalogs_of_a_renamed_speech_are_pointed_out(tmp_path):
    root = Path(__file__).resolve().parent.parent
    (tmp_path / "speeches").mkdir()
    shutil.copy(root / "speeches" / "closing-second-multistakeholder-hearing.txt",
                tmp_path / "speeches" / "pga-closing.txt")
    shutil.copytree(root / "locales", tmp_path / "locales")
    result = CliRunner().invoke(cli, ["-C", str(tmp_path), "status"])
    assert result.exit_code == 0
    assert ("locales/closing-second-multistakeholder-hearing.pot:1: translations for "
            "'closing-second-multistakeholder-hearing' belong to no speech") in result.output
    assert "'slug: closing-second-multistakeholder-hearing'" in result.output

    speech = tmp_path / "speeches" / "pga-closing.txt"
    speech.write_text(speech.read_text(encoding="utf-8").replace(
        "language: en\n", "language: en\nslug: closing-second-multistakeholder-hearing\n"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["-C", str(tmp_path), "status", "--check"])
    assert result.exit_code == 0 and "belong to no speech" not in result.output
