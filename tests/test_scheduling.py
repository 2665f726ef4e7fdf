"""An archive in one run (#10): one translation call, pages typeset in worker processes, one
progress bar, --keep-going; the same bytes whatever --jobs."""

from __future__ import annotations

import datetime
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from support.translators import FakeTranslator
from toolkit.cli import cli
from toolkit.commands.publish import publish
from toolkit.config import load_config
from toolkit.errors import CatalogError, ExitStatus, StatementError

DATA = Path(__file__).parent / "data"
MOMENT = datetime.datetime(2026, 12, 1, 10, 0, tzinfo=datetime.timezone.utc)
WORDS = ("water", "peace", "climate", "children", "health", "refugees", "trade", "oceans", "women", "cities")


def small_statement(number: int) -> str:
    """Return a short English statement of its own: its own title, date and two paragraphs."""
    a, b = WORDS[number % 10], WORDS[number // 10 % 10]
    return (f"Message on {a} and {b}, number {number}\n\nAs delivered\n\nSecretary-General\n\n"
            f"{number % 28 + 1} March 2025\n\n"
            f"Statement {number} speaks of {a} in every region.\n\n"
            f"We must act together on {b} now, for statement {number}.\n")


def archive(root: Path, count: int) -> Path:
    (root / "speeches").mkdir(parents=True)
    for number in range(count):
        (root / "speeches" / f"statement-{number:03d}.txt").write_text(small_statement(number), encoding="utf-8")
    return root


class RecordingBar:
    """A progress-bar factory like click.progressbar that records every bar it opens."""

    def __init__(self):
        self.opened = []

    def __call__(self, label, total):
        bar = _Bar(label, total)
        self.opened.append(bar)
        return bar


class _Bar:
    def __init__(self, label, total):
        self.label, self.length, self.pos, self.labels = label, total, 0, [label]

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return None

    def update(self, steps):
        self.pos += steps
        if self.labels[-1] != self.label:
            self.labels.append(self.label)


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True, text=True).stdout


def test_an_archive_of_100_statements_in_one_run_with_one_bar(tmp_path):
    root = archive(tmp_path, 100)
    translator, bar = FakeTranslator(), RecordingBar()
    result = publish(load_config(root, {"languages": "fr"}), (), translator=translator, bar=bar, now=MOMENT,
                     jobs=2)
    # Every sentence of every statement went to the engine in one call: one model load for en→fr.
    assert len(translator.requests) == 1 and list(translator.requests[0]) == [("en", "fr")]
    asked = translator.requests[0]["en", "fr"]
    assert all(any(f"statement {n}" in text for text in asked) for n in range(100))
    # One bar for the whole run: translation's steps and the 100 pages, finished.
    assert len(bar.opened) == 1
    shown = bar.opened[0]
    assert shown.length == 100 + len(asked) and shown.pos == shown.length
    assert shown.labels[0] == "publishing" and "typesetting" in shown.labels
    assert len(result.statements) == 100 and len(result.editions) == 100 and result.typeset == 100
    assert not result.failed
    for number in range(100):
        folder = root / "output" / f"statement-{number:03d}"
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        assert [e["code"] for e in manifest["editions"]] == ["fr"]
        assert manifest["title"].startswith("Message on") and f"number {number}" in manifest["title"]
    for number in (0, 57, 99):  # a few PDFs read back: each its own statement, in fake French
        text = " ".join(pdf_text(root / "output" / f"statement-{number:03d}" / "fr.pdf").split())
        assert f"[fr] Statement {number} speaks of {WORDS[number % 10]}" in text
    # Nothing changed: nothing typeset again, the bar still counts every edition once.
    again = RecordingBar()
    second = publish(load_config(root, {"languages": "fr"}), (), translator=FakeTranslator(), bar=again,
                     now=MOMENT, jobs=2)
    assert second.typeset == 0 and not second.written and len(second.editions) == 100
    assert len(again.opened) == 1 and again.opened[0].pos == again.opened[0].length == 100


def test_jobs_do_not_change_a_byte(tmp_path):
    trees = {}
    for jobs in (1, 2):
        root = archive(tmp_path / f"jobs-{jobs}", 3)
        shutil.copy(DATA / "speeches" / "declaracion-migrantes.txt", root / "speeches")
        result = publish(load_config(root, {"languages": "en,fr,es,zh", "pdf_variant": "pdf/a-3a"}), (),
                         translator=FakeTranslator(), now=MOMENT, jobs=jobs)
        assert result.typeset == 16
        trees[jobs] = {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
                       and ".presskit" not in p.parts}
    assert sorted(trees[1]) == sorted(trees[2])
    assert sum(name.endswith(".pdf") for name in trees[1]) == 16
    different = [name for name in trees[1] if trees[1][name] != trees[2][name]]
    assert different == []


def broken_archive(root: Path) -> Path:
    """Three good statements, one speech file that is no statement, one statement with a broken PO file."""
    archive(root, 4)
    shutil.copy(DATA / "bad" / "speeches" / "binary.txt", root / "speeches" / "unreadable.txt")
    po = root / "locales" / "fr" / "LC_MESSAGES" / "statement-002.po"
    po.parent.mkdir(parents=True)
    shutil.copy(DATA / "bad" / "catalogs" / "conflict-marker.po", po)
    return root


def test_a_failure_stops_the_run_before_anything_is_written_by_default(tmp_path):
    root = broken_archive(tmp_path)
    po = root / "locales" / "fr" / "LC_MESSAGES" / "statement-002.po"
    before = po.read_bytes()
    with pytest.raises(StatementError):
        publish(load_config(root, {"languages": "en,fr"}), (), translator=FakeTranslator(), jobs=2)
    (root / "speeches" / "unreadable.txt").unlink()
    with pytest.raises(CatalogError):
        publish(load_config(root, {"languages": "en,fr"}), (), translator=FakeTranslator(), jobs=2)
    assert not (root / "output").exists()
    assert sorted(p.name for p in (root / "locales" / "fr" / "LC_MESSAGES").iterdir()) == ["statement-002.po"]
    assert po.read_bytes() == before


def test_keep_going_publishes_the_others_and_names_the_failures(tmp_path):
    root = broken_archive(tmp_path)
    po = root / "locales" / "fr" / "LC_MESSAGES" / "statement-002.po"
    before = po.read_bytes()
    translator = FakeTranslator()
    result = publish(load_config(root, {"languages": "en,fr"}), (), translator=translator, jobs=2,
                     keep_going=True, now=MOMENT)
    assert sorted(s.slug for s in result.statements) == ["statement-000", "statement-001", "statement-003"]
    failed = {Path(f.path).name: f for f in result.failed}
    assert sorted(failed) == ["statement-002.txt", "unreadable.txt"]
    assert "statement-002.po" in failed["statement-002.txt"].message
    assert failed["statement-002.txt"].exit_code == ExitStatus.ERROR
    # The failed statement's text was never sent for translation, its catalog never touched.
    assert not any("for statement 2." in text for text in translator.requests[0]["en", "fr"])
    assert po.read_bytes() == before
    output = root / "output"
    assert sorted(p.name for p in output.iterdir() if p.is_dir()) == ["statement-000", "statement-001",
                                                                      "statement-003"]
    assert "[fr] We must act together on water now, for statement 3." in " ".join(
        pdf_text(output / "statement-003" / "fr.pdf").split())
    site = (output / "index.html").read_text(encoding="utf-8")
    assert "statement-003/" in site and "statement-002/" not in site


def test_cli_keep_going_reports_each_failure_and_a_summary(tmp_path, monkeypatch):
    from toolkit import translation

    monkeypatch.setattr(translation, "open_translator", lambda config, **options: FakeTranslator())
    root = broken_archive(tmp_path)
    result = CliRunner().invoke(cli, ["-C", str(root), "publish", "--lang", "en,fr", "--keep-going",
                                      "--jobs", "2", "-q"])
    assert result.exit_code == ExitStatus.ERROR, result.output
    lines = result.output.splitlines()
    failures = [line for line in lines if line.startswith("failed: ")]
    assert len(failures) == 2 and any("unreadable.txt" in line for line in failures)
    summary = [line for line in lines if line.startswith("published ")]
    assert len(summary) == 1
    assert summary[0].startswith("published 3 statements, 6 editions (0 unchanged), 2 failed, ")
    assert summary[0].endswith(" s")
    assert not any(line.startswith("wrote ") for line in lines)  # -q: no file list
    assert "publishing" not in result.output  # no bar: not a terminal, and -q
