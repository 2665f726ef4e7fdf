"""`presskit check`, the check counts of `status`, `publish --final` and the `#. check:` comments
publish writes, on the sample's reviewed catalogs, damaged copies of them and machine suggestions."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from click.testing import CliRunner

from support.damage import LANGS, ROOT, SLUG, damaged_catalogs
from toolkit.cli import cli
from toolkit.errors import ExitStatus


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture(scope="module")
def damaged(tmp_path_factory):
    return damaged_catalogs(tmp_path_factory.mktemp("damaged"))


def copy_sample(dest: Path) -> Path:
    for folder in ("speeches", "locales"):
        shutil.copytree(ROOT / folder, dest / folder)
    return dest


def test_the_shipped_sample_is_clean():
    result = invoke("-C", ROOT, "check")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "115 entries checked: 0 problem(s), 0 error(s) in reviewed entries" in result.stderr


def test_check_finds_every_damage_at_its_line_and_exits_1(damaged):
    workspaces = sorted({path.parents[3] for path, _ in damaged})
    reported = {}
    for workspace in workspaces:
        result = invoke("-C", workspace, "check", "--json")
        assert result.exit_code == 1, result.output
        for problem in json.loads(result.stdout)["problems"]:
            reported.setdefault((str(workspace), problem["lang"], problem["msgid"]), []).append(problem)
    total = 0
    for path, damages in damaged:
        lines = path.read_text(encoding="utf-8").splitlines()
        for damage in damages:
            total += 1
            found = reported.get((str(path.parents[3]), damage.lang, damage.msgid))
            assert found, (damage.lang, damage.kind, damage.after[:60])
            line = found[0]["line"]
            assert lines[line - 1].startswith("msgid ")  # the entry, where an editor jumps to
            assert all(p["reviewed"] and not p["acknowledged"] for p in found)
    assert total >= 60


def test_text_output_is_file_line_check_message(damaged):
    path, damages = damaged[0]
    workspace = path.parents[3]
    result = invoke("-C", workspace, "check", "--lang", damages[0].lang)
    assert result.exit_code == 1
    shown = f"locales/{damages[0].lang}/LC_MESSAGES/{SLUG}.po:"
    lines = result.stdout.splitlines()
    assert lines and all(line.startswith(shown) for line in lines)
    assert all(line.split(": ", 2)[1].split(":")[0] for line in lines)
    assert "error(s) in reviewed entries; fix them or acknowledge" in result.stderr


def test_a_flag_acknowledges_and_status_counts(tmp_path):
    workspace = copy_sample(tmp_path)
    path = workspace / "locales" / "fr" / "LC_MESSAGES" / f"{SLUG}.po"
    text = path.read_text(encoding="utf-8")
    damaged = text.replace("le 18 décembre", "le 19 décembre")
    assert damaged != text
    path.write_text(damaged, encoding="utf-8")
    result = invoke("-C", workspace, "check")
    assert result.exit_code == 1
    assert "numbers: “18” is in the source, not in the translation" in result.stdout
    status = invoke("-C", workspace, "status")
    fr = next(line for line in status.stdout.splitlines() if line.strip().startswith("fr "))
    assert fr.split()[-1] == "2"  # 18 missing, 19 made up
    assert next(line for line in status.stdout.splitlines() if line.strip().startswith("es ")).split()[-1] == "0"
    # The reviewer looked, and the 19th is right: acknowledged, no longer counted or blocking.
    entry = damaged.index('msgid ""\n"During the second phase')
    path.write_text(damaged[:entry] + "#, ignore-numbers\n" + damaged[entry:], encoding="utf-8")
    result = invoke("-C", workspace, "check")
    assert result.exit_code == 0, result.output
    assert "(acknowledged)" in result.stdout


def test_publish_final_refuses_a_reviewed_entry_with_an_error_and_writes_nothing(tmp_path):
    workspace = copy_sample(tmp_path)
    path = workspace / "locales" / "es" / "LC_MESSAGES" / f"{SLUG}.po"
    text = path.read_text(encoding="utf-8")
    assert "pacto mundial" in text
    path.write_text(text.replace("pacto mundial", "pacto global"), encoding="utf-8")
    before = {p: p.read_bytes() for p in (workspace / "locales").rglob("*") if p.is_file()}
    result = invoke("-C", workspace, "publish", "--final")
    assert result.exit_code == ExitStatus.NOT_REVIEWED, result.output
    assert "reviewed entries fail the checks" in result.output
    assert f"locales/es/LC_MESSAGES/{SLUG}.po:" in result.output and "glossary" in result.output
    assert not (workspace / "output").exists()
    assert {p: p.read_bytes() for p in (workspace / "locales").rglob("*") if p.is_file()} == before


def test_a_bad_glossary_is_one_line_for_every_command(tmp_path):
    workspace = copy_sample(tmp_path)
    (workspace / "glossary").mkdir()
    (workspace / "glossary" / "office.csv").write_text("en,xx\nGeneral Assembly,GA\n", encoding="utf-8")
    for command in ("check", "status", "publish"):
        result = invoke("-C", workspace, command)
        assert result.exit_code == ExitStatus.ERROR, (command, result.output)
        assert "glossary/office.csv:1: unknown column 'xx'" in result.output
        assert "Traceback" not in result.output


SPEECH = """---
date: 2018-12-18
language: en
---
Statement on the Blue Line

Statement by Mr. Roger Stone, Special Coordinator, on 18 December.

The General Assembly adopted resolution A/RES/73/195, published at https://undocs.org/A/RES/73/195.

The Blue Line must be respected, and the parties will write to the Council at council@un.org about it.
"""


@pytest.fixture
def machine_workspace(tmp_path, argos_packages):
    (tmp_path / "speeches").mkdir()
    (tmp_path / "speeches" / "blue-line.txt").write_text(SPEECH, encoding="utf-8")
    (tmp_path / "glossary").mkdir()
    (tmp_path / "glossary" / "office.csv").write_text(
        "en,fr,es,do_not_translate\nBlue Line,Blue Line,Blue Line,yes\n", encoding="utf-8")
    (tmp_path / "presskit.toml").write_text(
        f'packages_dir = "{argos_packages}"\nlanguages = ["en", "fr", "es"]\n', encoding="utf-8")
    return tmp_path


def test_machine_publish_pins_writes_check_comments_passes_msgfmt_and_does_not_churn(machine_workspace):
    first = invoke("-C", machine_workspace, "publish")
    assert first.exit_code == 0, first.output
    for lang in ("fr", "es"):
        path = machine_workspace / "locales" / lang / "LC_MESSAGES" / "blue-line.po"
        with open(path, "rb") as handle:
            entries = {m.id: m for m in read_po(handle) if m.id}
        speaker = entries["Statement by Mr. Roger Stone, Special Coordinator, on 18 December."]
        assert "Roger Stone" in speaker.string and "Pinned verbatim: Roger Stone" in speaker.auto_comments
        body = entries["The General Assembly adopted resolution A/RES/73/195, published at "
                       "https://undocs.org/A/RES/73/195."]
        assert "A/RES/73/195" in body.string and "https://undocs.org/A/RES/73/195" in body.string
        assert any(c.startswith("Glossary terms") and "General Assembly" in c for c in body.auto_comments)
        last = entries["The Blue Line must be respected, and the parties will write to the Council at "
                       "council@un.org about it."]
        assert "council@un.org" in last.string and "Blue Line" in last.string
        # Nonsense from random weights: the checks have plenty to say, as comments.
        text = path.read_text(encoding="utf-8")
        assert "#. check: " in text and "#. check: numbers: “18” is in the source" in text
        out = subprocess.run(["msgfmt", "--check-format", "-o", "/dev/null", str(path)],
                             capture_output=True, text=True)
        assert out.returncode == 0, out.stderr
    # Machine suggestions are not reviewed: check lists them but does not fail.
    checked = invoke("-C", machine_workspace, "check")
    assert checked.exit_code == 0 and "(not reviewed yet)" in checked.stdout
    snapshot = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (machine_workspace / "locales").rglob("*.po*")}
    second = invoke("-C", machine_workspace, "publish")
    assert second.exit_code == 0, second.output
    after = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (machine_workspace / "locales").rglob("*.po*")}
    assert after == snapshot  # not one catalog rewritten
