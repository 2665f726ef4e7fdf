"""Publish with the translation memory: reviewed paragraphs of one statement come back, fuzzy
and naming their origin, in another statement that repeats them, and never reach the machine."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

from click.testing import CliRunner

from support.translators import FakeTranslator
from toolkit import catalogs
from toolkit.commands.publish import publish
from toolkit.config import load_config

ROOT = Path(__file__).resolve().parent.parent
SLUG = "closing-second-multistakeholder-hearing"
SAMPLE = ROOT / "speeches" / f"{SLUG}.txt"


def second_statement(workspace: Path) -> tuple[Path, list[str], list[str]]:
    """Write a statement that repeats every other body paragraph of the sample; return its path,
    the repeated paragraphs and the new ones."""
    text = SAMPLE.read_text(encoding="utf-8")
    body = [p.strip() for p in text.split("\n\n") if len(p.strip()) > 200]
    shared = body[::2]
    new = [f"A new paragraph number {i} about the global compact and what member states agreed to do next."
           for i in range(len(body[1::2]))]
    paragraphs = [p for pair in itertools.zip_longest(shared, new) for p in pair if p is not None]
    path = workspace / "speeches" / "follow-up.txt"
    path.write_text("---\ndate: 2018-03-01\nvenue: Geneva\nlanguage: en\n---\nFollow-up hearing\n\n"
                    + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path, shared, new


def test_reviewed_paragraphs_come_back_fuzzy_with_their_origin_and_no_machine_call(tmp_path):
    workspace = tmp_path / "ws"
    (workspace / "speeches").mkdir(parents=True)
    shutil.copy(SAMPLE, workspace / "speeches")
    shutil.copytree(ROOT / "locales", workspace / "locales")
    path, shared, new = second_statement(workspace)
    config = load_config(workspace, {"languages": "en,fr"})
    translator = FakeTranslator()
    result = publish(config, (), translator=translator)

    asked = [text for request in translator.requests for text in request.get(("en", "fr"), [])]
    assert not set(shared) & set(asked)  # reviewed elsewhere: no machine call for them
    assert set(new) <= set(asked)
    catalog = catalogs.read_catalog(workspace / "locales" / "fr" / "LC_MESSAGES" / "follow-up.po", "fr")
    reviewed = catalogs.read_catalog(workspace / "locales" / "fr" / "LC_MESSAGES" / f"{SLUG}.po", "fr")
    by_id = {m.id: m for m in catalog if m.id}
    reviewed_by_id = {m.id: m for m in reviewed if m.id}
    for paragraph in shared:
        entry = by_id[paragraph]
        assert entry.fuzzy and entry.string == reviewed_by_id[paragraph].string
        assert " ".join(entry.auto_comments).startswith(
            f"Translation memory: the same text, reviewed in {SLUG} (2017-10-11)")
    for paragraph in new:
        assert by_id[paragraph].auto_comments[0].startswith("Machine translation: Fake MT")
    counts = result.suggestions
    assert counts.exact == len(shared) and counts.machine == len(new) + 1  # + the title
    # The sample's own reviewed catalog is untouched.
    assert (workspace / "locales" / "fr" / "LC_MESSAGES" / f"{SLUG}.po").read_bytes() == \
        (ROOT / "locales" / "fr" / "LC_MESSAGES" / f"{SLUG}.po").read_bytes()


def test_publish_summary_counts_memory_and_machine(tmp_path, monkeypatch):
    from toolkit import translation
    from toolkit.cli import cli

    workspace = tmp_path / "ws"
    (workspace / "speeches").mkdir(parents=True)
    shutil.copy(SAMPLE, workspace / "speeches")
    shutil.copytree(ROOT / "locales", workspace / "locales")
    _, shared, new = second_statement(workspace)
    monkeypatch.setattr(translation, "open_translator", lambda config, **options: FakeTranslator())
    result = CliRunner().invoke(cli, ["-C", str(workspace), "publish", "--lang", "fr", "speeches/follow-up.txt"])
    assert result.exit_code == 0, result.output
    assert (f"suggestions: {len(shared)} from the translation memory ({len(shared)} same text), "
            f"{len(new) + 1} machine-translated") in result.output
