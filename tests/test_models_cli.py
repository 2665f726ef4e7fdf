"""`presskit models list` and `presskit models install`, through CliRunner and one subprocess."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from toolkit.cli import cli
from toolkit.errors import ExitStatus

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "speeches" / "closing-second-multistakeholder-hearing.txt"
ARABIC = """---
date: 2017-10-11
language: ar
---
كلمة الرئيس

شكرا لكم على المشاركة في جلسة الاستماع اليوم.
"""


@pytest.fixture
def workspace(tmp_path) -> Path:
    """A workspace with the English sample statement and a short Arabic one."""
    speeches = tmp_path / "speeches"
    speeches.mkdir()
    shutil.copy(SAMPLE, speeches)
    (speeches / "arabic.txt").write_text(ARABIC, encoding="utf-8")
    return tmp_path


def run(workspace: Path, packages_dir: Path, *args: str, **env: str):
    env = {"PRESSKIT_PACKAGES_DIR": str(packages_dir), **env}
    return CliRunner().invoke(cli, ["-C", str(workspace), "models", *args], env=env)


def test_help_is_written_for_a_press_officer():
    result = CliRunner().invoke(cli, ["models", "install", "--help"])
    assert result.exit_code == 0
    assert "presskit models install --file translate-en_fr" in result.output
    assert "without" in result.output and "internet" in result.output


def test_list_shows_installed_missing_and_pivots(workspace, argos_packages):
    result = run(workspace, argos_packages, "list")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == f"Models folder: {argos_packages}"
    assert any(line.split()[:4] == ["en→fr", "installed", "translate-en_fr", "1.0,"] and line.endswith("MB")
               for line in lines)
    assert "  en→zh  missing" in lines and "  ar→en  installed" in "\n".join(lines)
    assert "  ar→fr  through English: ar→en, then en→fr" in lines
    assert lines[-1].startswith("To install the missing models, run `presskit models install ar zh ru`")


def test_list_follows_the_configured_languages(workspace, argos_packages):
    result = run(workspace, argos_packages, "list", PRESSKIT_LANGUAGES="en,fr", PRESSKIT_SOURCE_LANGUAGE="en")
    assert result.exit_code == 0, result.output
    header, device, only = result.output.splitlines()  # nothing missing, nothing pivots
    assert device.startswith("Device: ") and only.startswith("  en→fr  installed")


def test_install_files(workspace, argos_env, argos_package_files, tmp_path):
    target = tmp_path / "packages"
    files = [str(argos_package_files["en", "fr"]), str(argos_package_files["ar", "en"])]
    result = run(workspace, target, "install", "--file", files[0], "--file", files[1])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["installed en→fr: translate-en_fr 1.0", "installed ar→en: translate-ar_en 1.0"]
    assert "en→fr  installed" in run(workspace, target, "list").output


def test_install_a_bad_file_is_one_line_and_installs_nothing(workspace, argos_env, tmp_path):
    bad = tmp_path / "translate-en_fr-1_9.argosmodel"
    bad.write_bytes(b"PK\x03\x04 truncated")
    target = tmp_path / "packages"
    result = run(workspace, target, "install", "--file", str(bad))
    assert result.exit_code == ExitStatus.ERROR
    assert result.output.count("\n") == 1 and "download it again" in result.output
    assert not target.exists() or not any(target.iterdir())


def test_install_offline_fails_fast_with_the_offline_route(workspace, argos_env, tmp_path):
    result = run(workspace, tmp_path / "packages", "install", "zh")
    assert result.exit_code == ExitStatus.NETWORK
    assert "presskit models install --file translate-en_zh-*.argosmodel" in result.output
    assert result.output.count("\n") == 1


def test_install_with_nothing_missing(workspace, argos_packages):
    result = run(workspace, argos_packages, "install", PRESSKIT_LANGUAGES="en fr es", PRESSKIT_SOURCE_LANGUAGE="en")
    assert result.exit_code == 0 and result.output.startswith("Nothing to install")


def test_install_languages_and_files_together_is_a_usage_error(workspace, argos_packages):
    result = run(workspace, argos_packages, "install", "fr", "--file", str(SAMPLE))
    assert result.exit_code == ExitStatus.USAGE and "not both" in result.output


def test_list_in_a_real_process(workspace, argos_packages):
    env = {**os.environ, "PRESSKIT_PACKAGES_DIR": str(argos_packages)}
    result = subprocess.run([sys.executable, "-m", "toolkit", "-C", str(workspace), "models", "list"],
                            capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "en→es  installed" in result.stdout


@pytest.mark.parametrize("command", [("models", "list"), ("publish", "--lang", "en,fr")])
def test_a_missing_argostranslate_says_reinstall(workspace, tmp_path, command):
    # As if the installation lacked argostranslate: importing it fails.
    code = ("import sys; sys.modules['argostranslate'] = None; from toolkit.cli import main; "
            "main(sys.argv[1:])")
    env = {**os.environ, "PRESSKIT_PACKAGES_DIR": str(tmp_path / "packages")}
    result = subprocess.run([sys.executable, "-c", code, "-C", str(workspace), *command],
                            capture_output=True, text=True, env=env, timeout=60, check=False)
    assert result.returncode not in (0, 70), result.stderr
    assert "internal error" not in result.stderr
    assert "argostranslate" in result.stderr and "reinstall presskit" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_list_sees_the_statements_publish_sees(tmp_path, argos_packages):
    # publish reads speeches/*.txt, *.text and *.md; models list read only *.txt.
    (tmp_path / "speeches").mkdir()
    (tmp_path / "speeches" / "arabic.md").write_text(ARABIC, encoding="utf-8")
    result = run(tmp_path, argos_packages, "list", PRESSKIT_LANGUAGES="en,fr")
    assert result.exit_code == 0, result.output
    assert "  ar→en  installed" in result.output
    assert "  ar→fr  through English: ar→en, then en→fr" in result.output


def test_runs_do_not_pile_up_log_handlers(workspace, argos_packages):
    import logging

    before = len(logging.getLogger("toolkit").handlers)
    for _ in range(3):
        assert run(workspace, argos_packages, "list").exit_code == 0
    assert len(logging.getLogger("toolkit").handlers) == before


def _main_with_error(monkeypatch, capsys, error, *flags, env=None):
    from toolkit import cli
    from toolkit.commands import lint

    def fail(*args, **kwargs):
        raise error

    monkeypatch.setattr(lint, "lint", fail)
    for key, value in (env or {}).items():
        monkeypatch.setenv(key, value)
    with pytest.raises(SystemExit) as info:
        cli.main([*flags, "lint"])
    return info.value.code, capsys.readouterr().err


def test_ctrl_c_says_nothing_half_written_was_left(monkeypatch, capsys):
    code, err = _main_with_error(monkeypatch, capsys, KeyboardInterrupt())
    assert code == ExitStatus.INTERRUPTED and "Interrupted; nothing half-written was left behind." in err


@pytest.mark.parametrize("flags, env", [(("--traceback",), {}), ((), {"PRESSKIT_TRACEBACK": "1"})])
def test_traceback_flag_shows_the_traceback(monkeypatch, capsys, flags, env):
    from toolkit import cli
    from toolkit.commands import lint

    monkeypatch.setattr(lint, "lint", lambda *a, **k: 1 / 0)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    with pytest.raises(ZeroDivisionError):
        cli.main([*flags, "lint"])


def test_unexpected_error_is_short_without_traceback(monkeypatch, capsys):
    monkeypatch.setenv("PRESSKIT_TRACEBACK", "0")
    code, err = _main_with_error(monkeypatch, capsys, ZeroDivisionError("boom"))
    assert code == ExitStatus.INTERNAL and "internal error: ZeroDivisionError: boom" in err and "Traceback" not in err


def test_a_speech_named_like_the_flag_is_not_the_flag(monkeypatch, capsys):
    # main looked for "--traceback" anywhere in argv, after "--" too.
    from toolkit import cli
    from toolkit.commands import lint

    monkeypatch.delenv("PRESSKIT_TRACEBACK", raising=False)
    monkeypatch.setattr(lint, "lint", lambda *a, **k: 1 / 0)
    with pytest.raises(SystemExit) as info:
        cli.main(["lint", "--", "--traceback"])
    assert info.value.code == ExitStatus.INTERNAL


def test_pdf_variant_choices_are_ones_config_and_weasyprint_accept(tmp_path):
    from weasyprint.pdf import VARIANTS

    from toolkit.cli import publish
    from toolkit.config import load_config

    option = next(p for p in publish.params if p.name == "pdf_variant")
    for choice in option.type.choices:  # each one the command line offers ...
        written = load_config(tmp_path, {"pdf_variant": choice}).pdf_variant  # ... config takes
        assert written == choice or (choice, written) == ("pdf/a", "pdf/a-3a"), choice  # (the archival default)
        assert written in VARIANTS, choice  # ... and WeasyPrint can write
