"""Issue #15's smaller holes: hand-edited manifests, duplicated header keys, NUL bytes in PO
files, `--lang ''`, and a second run while someone deletes .presskit/ under the first."""

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from toolkit.cli import cli
from toolkit.errors import ExitStatus

ROOT = Path(__file__).resolve().parent.parent
SLUG = "closing-second-multistakeholder-hearing"


def _workspace(tmp_path: Path) -> Path:
    (tmp_path / "speeches").mkdir()
    shutil.copy(ROOT / "speeches" / f"{SLUG}.txt", tmp_path / "speeches")
    shutil.copytree(ROOT / "locales", tmp_path / "locales")  # reviewed: no model needed
    return tmp_path


def _publish(root: Path, *args: str):
    return CliRunner().invoke(cli, ["-C", str(root), "publish", *args])


def _manifest(root: Path) -> dict:
    return json.loads((root / "output" / SLUG / "manifest.json").read_text(encoding="utf-8"))


def _consistent(root: Path) -> list[str]:
    """Return the codes of the manifest's editions, checking each one's checksums against its files."""
    folder = root / "output" / SLUG
    codes = []
    for record in _manifest(root)["editions"]:
        for kind in ("pdf", "html"):
            data = (folder / f"{record['code']}.{kind}").read_bytes()
            assert record[f"{kind}_sha256"] == hashlib.sha256(data).hexdigest(), (record["code"], kind)
        codes.append(record["code"])
    return codes


HAND_EDITS = {
    "an edition without pages": lambda m: m["editions"][2].pop("pages"),
    "an unknown status": lambda m: m["editions"][3].update(status="approved-by-me"),
    "a language code xx": lambda m: m["editions"][4].update(code="xx"),
    "pages as text": lambda m: m["editions"][1].update(pages="3"),
    "a checksum too short": lambda m: m["editions"][0].update(pdf_sha256="abc"),
    "editions not a list": lambda m: m.update(editions={"fr": 1}),
    "a record that is a string": lambda m: m["editions"].insert(0, "fr.pdf"),
}


@pytest.mark.parametrize("edit", HAND_EDITS.values(), ids=HAND_EDITS.keys())
def test_a_hand_edited_manifest_is_untrusted_input(tmp_path, edit):
    root = _workspace(tmp_path)
    assert _publish(root).exit_code == 0
    path = root / "output" / SLUG / "manifest.json"
    manifest = _manifest(root)
    edit(manifest)
    path.write_text(json.dumps(manifest), encoding="utf-8")

    partial = _publish(root, "--lang", "fr")  # reads the manifest for the other editions
    assert partial.exit_code == 0, partial.output
    assert "Traceback" not in partial.output and "internal error" not in partial.output.lower()
    assert "note:" in partial.output and "manifest.json" in partial.output
    assert "fr" in _consistent(root)

    full = _publish(root)  # a full run rebuilds what the edit broke
    assert full.exit_code == 0, full.output
    assert _consistent(root) == ["ar", "zh", "en", "fr", "ru", "es"]


@pytest.mark.parametrize("junk", [b"", b"{", b"[]", b'{"editions": null}', b"\xff\xfe"])
def test_a_manifest_that_is_not_json_is_rebuilt(tmp_path, junk):
    root = _workspace(tmp_path)
    assert _publish(root).exit_code == 0
    (root / "output" / SLUG / "manifest.json").write_bytes(junk)
    result = _publish(root)
    assert result.exit_code == 0, result.output
    assert _consistent(root) == ["ar", "zh", "en", "fr", "ru", "es"]


def test_a_header_key_given_twice_is_refused_at_its_line(tmp_path):
    root = _workspace(tmp_path)
    speech = root / "speeches" / f"{SLUG}.txt"
    speech.write_text("---\ndate: 2017-10-11\nvenue: New York\ndate: 2017-10-12\n---\n"
                      + speech.read_text(encoding="utf-8"), encoding="utf-8")
    result = _publish(root)
    assert result.exit_code == ExitStatus.ERROR
    message = result.output.strip()
    assert len(message.splitlines()) == 1 and "Traceback" not in message
    assert f"speeches/{SLUG}.txt:4:" in message and "'date' twice (lines 2 and 4)" in message
    assert not (root / "output").exists()


def test_a_nul_byte_in_a_po_file_is_refused_and_the_file_left_alone(tmp_path):
    root = _workspace(tmp_path)
    po = root / "locales" / "fr" / "LC_MESSAGES" / f"{SLUG}.po"
    text = po.read_text(encoding="utf-8")
    at = text.index('msgid "', text.index('msgid "', text.index("msgstr") + 1))  # the first entry
    line = text[:at].count("\n") + 1
    po.write_text(text[:at + 7] + "\x00" + text[at + 7:], encoding="utf-8")
    before = po.read_bytes()
    result = _publish(root)
    assert result.exit_code == ExitStatus.ERROR
    message = result.output.strip()
    assert len(message.splitlines()) == 1 and "a NUL character in a string" in message
    assert f"locales/fr/LC_MESSAGES/{SLUG}.po:{line}:" in message
    assert po.read_bytes() == before and not (root / "output").exists()


@pytest.mark.parametrize("value", ["", ",", " "])
def test_an_empty_lang_is_an_error_not_all_six(tmp_path, value):
    root = _workspace(tmp_path)
    for command in (["publish"], ["status"], ["check"]):
        result = CliRunner().invoke(cli, ["-C", str(root), *command, "--lang", value])
        assert result.exit_code != 0, (command, result.output)
        assert "give at least one language: ar, zh, en, fr, ru, es" in result.output
    assert not (root / "output").exists()


def test_deleting_the_state_folder_during_a_run_keeps_a_second_run_out(tmp_path):
    root = _workspace(tmp_path)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from pathlib import Path; from toolkit.locking import workspace_lock\n"
         "with workspace_lock(Path(sys.argv[1])):\n    print('locked', flush=True); time.sleep(30)",
         str(root / ".presskit")], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert holder.stdout.readline().strip() == "locked"
        shutil.rmtree(root / ".presskit")  # the lock file goes with it
        result = _publish(root, "--lang", "fr")
        assert result.exit_code == ExitStatus.BUSY, result.output
        assert "another presskit run is working in this workspace" in result.output
        assert not (root / "output").exists()
    finally:
        holder.kill()
        holder.wait()
    assert _publish(root, "--lang", "fr").exit_code == 0
