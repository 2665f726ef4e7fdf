"""The command line, through click's CliRunner and a few real subprocesses."""

import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from toolkit import __version__
from toolkit.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SLUG = "closing-second-multistakeholder-hearing"
SAMPLE = ROOT / "speeches" / f"{SLUG}.txt"
DATA = Path(__file__).parent / "data"
QUOTE = "The beauty and strength of multilateralism"


def run(*args, cwd=None):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def make_workspace(root: Path, *speeches: Path, locales: bool = True) -> Path:
    (root / "speeches").mkdir(parents=True)
    for speech in speeches:
        shutil.copy(speech, root / "speeches" / speech.name)
    if locales:
        shutil.copytree(ROOT / "locales", root / "locales")
    return root


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True)
    return out.stdout


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    workspace = make_workspace(tmp_path_factory.mktemp("ws"), SAMPLE)
    result = run("-C", str(workspace), "publish", "--lang", "en")
    assert result.exit_code == 0, result.output
    return workspace / "output" / SLUG


def test_publish_writes_english_release_and_index(published):
    for name in ("en.pdf", "en.html", "index.html"):
        assert (published / name).stat().st_size > 1000


def test_pdf_has_every_paragraph_once_in_order(published):
    text = squash(pdf_text(published / "en.pdf"))
    lines = [line.strip() for line in SAMPLE.read_text(encoding="utf-8").splitlines()[5:] if line.strip()]
    paragraphs = lines[3:]
    paragraphs = [p for i, p in enumerate(paragraphs) if p not in paragraphs[:i]]  # the quote box
    paragraphs.remove("President of the UN General Assembly")
    position = 0
    for paragraph in paragraphs:
        found = text.find(squash(paragraph), position)
        assert found >= 0, f"missing or out of order: {paragraph[:60]}"
        position = found + 1
    assert text.count("Excellencies, Distinguished Delegates, Dear Colleagues, Ladies and Gentlemen.") == 1
    assert text.count("Thank you for your participation.") == 1
    assert "11 October 2017" in text
    # once as a paragraph, once in the pull-quote box: never a second body paragraph
    assert text.count(QUOTE) == 2


class _Tree(HTMLParser):
    """Collect the text of each <p>, with the tags it sits in."""

    def __init__(self):
        super().__init__()
        self.stack, self.paragraphs = [], []

    def handle_starttag(self, tag, attrs):
        self.stack.append((tag, dict(attrs).get("class", "")))
        if tag == "p":
            self.paragraphs.append([tuple(self.stack), ""])

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data):
        if self.stack and self.stack[-1][0] == "p" and self.paragraphs:
            self.paragraphs[-1][1] += data


def test_html_prints_the_quote_once_outside_the_pull_quote(published):
    tree = _Tree()
    tree.feed((published / "en.html").read_text(encoding="utf-8"))
    outside = [text for stack, text in tree.paragraphs if not any(tag in ("figure", "blockquote") for tag, _ in stack)]
    inside = [text for stack, text in tree.paragraphs if any(tag == "blockquote" for tag, _ in stack)]
    assert sum(QUOTE in text for text in outside) == 1
    assert len(inside) == 1 and inside[0].startswith(QUOTE)
    assert "President of the UN General Assembly" not in outside
    html = (published / "en.html").read_text(encoding="utf-8")
    assert '<figcaption class="original">President of the UN General Assembly</figcaption>' in html
    assert '<html lang="en" dir="ltr">' in html


def test_pdf_metadata(published):
    info = subprocess.run(["pdfinfo", str(published / "en.pdf")], capture_output=True, text=True, check=True).stdout
    assert "Closing of Second informal interactive multi-stakeholder hearing" in info
    assert "Author:          Miroslav Lajčák" in info
    assert f"presskit {__version__}" in info


def test_statement_text_is_never_a_template(tmp_path):
    workspace = make_workspace(tmp_path, DATA / "speeches" / "script-and-braces.txt", locales=False)
    result = run("-C", str(workspace), "publish", "--lang", "en")
    assert result.exit_code == 0, result.output
    html = (workspace / "output" / "script-and-braces" / "en.html").read_text(encoding="utf-8")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "{{ config }} and {% if x %} literally" in html
    assert "&lt;b&gt;tags&lt;/b&gt; too &amp; ampersands" in html
    text = squash(pdf_text(workspace / "output" / "script-and-braces" / "en.pdf"))
    assert '<script>alert("x")</script>' in text and "{{ config }}" in text


def test_lint_reports_debris_with_line_numbers():
    # The sample's pull quote and caption are handled: notes, exit 0 (#14: lint cried wolf).
    result = run("-C", str(ROOT), "lint", str(SAMPLE))
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert any(line.startswith(f"{SAMPLE}:36: note: repeats the paragraph at line 32") for line in lines)
    assert any(line.startswith(f"{SAMPLE}:39: note: caption-like line") for line in lines)


def test_lint_clean_statement_exits_zero():
    result = run("lint", str(DATA / "speeches" / "check-against-delivery.txt"))
    assert result.exit_code == 0
    assert result.output.splitlines()[0].endswith("check-against-delivery.txt: nothing to report")
    assert "  title:    Remarks at the opening of the High-level Meeting on Refugees" in result.output
    assert "  date:     2016-09-19, New York" in result.output


def test_lint_reports_missing_date():
    result = run("lint", str(DATA / "speeches" / "no-title-as-prepared.txt"))
    assert result.exit_code == 1
    assert "no-title-as-prepared.txt:1: warning: no date of delivery" in result.output
    assert "  date:     (none)" in result.output


BAD = sorted((DATA / "bad" / "speeches").iterdir())


@pytest.mark.parametrize("speech", BAD, ids=[p.name for p in BAD])
def test_bad_speech_one_line_error_nothing_written(tmp_path, speech):
    workspace = make_workspace(tmp_path, SAMPLE, speech, locales=False)
    result = CliRunner().invoke(cli, ["-C", str(workspace), "publish", "--lang", "en"])
    assert result.exit_code != 0
    message = result.output.strip()
    assert len(message.splitlines()) == 1 and speech.name in message and "Traceback" not in message
    assert not (workspace / "output").exists() or not any((workspace / "output").rglob("*"))


@pytest.mark.parametrize("target", ["missing.txt", "speeches"])
def test_missing_path_or_directory(tmp_path, target):
    workspace = make_workspace(tmp_path, SAMPLE, locales=False)
    result = CliRunner().invoke(cli, ["-C", str(workspace), "publish", str(workspace / target)])
    assert result.exit_code != 0
    assert len(result.output.strip().splitlines()) == 1 and target in result.output
    assert not (workspace / "output").exists()


def test_empty_workspace_says_what_to_do(tmp_path):
    result = CliRunner().invoke(cli, ["-C", str(tmp_path), "publish"])
    assert result.exit_code != 0 and "put a .txt statement there" in result.output


def test_bad_setting_reported(tmp_path):
    make_workspace(tmp_path, SAMPLE, locales=False)
    (tmp_path / "presskit.toml").write_text('languages = ["fr", "xx"]\npdf_varient = "x"\n')
    result = CliRunner().invoke(cli, ["-C", str(tmp_path), "lint"])
    assert result.exit_code != 0
    assert "unknown language 'xx'" in result.output and "unknown setting 'pdf_varient'" in result.output


def test_help_teaches_with_examples():
    from toolkit.cli import cli as group

    assert "Typical use" in run("--help").output
    commands = [[name] for name, command in group.commands.items() if not hasattr(command, "commands")]
    commands += [[name, sub] for name, command in group.commands.items() for sub in getattr(command, "commands", {})]
    assert ["publish"] in commands and ["models", "install"] in commands
    for args in commands:
        result = run(*args, "--help")
        assert result.exit_code == 0 and ("Example:" in result.output or "Examples:" in result.output), args


def test_version():
    assert run("--version").output.strip() == f"presskit, version {__version__}"


def test_startup_imports_nothing_heavy():
    code = ("import sys, toolkit.cli; heavy = {'weasyprint', 'argostranslate', 'ctranslate2', 'torch', 'babel.dates'};"
            "print(sorted(heavy & set(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_console_script_and_module_entry_points(tmp_path):
    for command in ([str(Path(sys.executable).parent / "presskit")], [sys.executable, "-m", "toolkit"]):
        out = subprocess.run(command + ["--help"], capture_output=True, text=True)
        assert out.returncode == 0 and "six-language press release" in out.stdout
    out = subprocess.run([sys.executable, "-m", "toolkit", "-C", str(tmp_path), "lint", "nope.txt"],
                         capture_output=True, text=True, env={**os.environ, "PRESSKIT_TRACEBACK": ""})
    assert out.returncode != 0 and "Traceback" not in out.stderr and "nope.txt: no such file" in out.stderr


def test_global_options_go_after_the_command_too(tmp_path, monkeypatch):
    workspace = make_workspace(tmp_path / "ws", SAMPLE, locales=True)
    monkeypatch.chdir(tmp_path)  # elsewhere: -C after the command must point at the workspace
    result = CliRunner().invoke(cli, ["publish", "--lang", "en", "-C", str(workspace), "-v"])
    assert result.exit_code == 0, result.output
    assert "typesetting" in result.stderr  # -v after the command: progress shown
    assert (workspace / "output" / SLUG / "en.pdf").exists() and not (tmp_path / "output").exists()
    quiet = CliRunner().invoke(cli, ["-C", str(workspace), "publish", "--lang", "en"])
    assert quiet.exit_code == 0 and "typesetting" not in quiet.stderr and "unchanged" not in quiet.stderr
    status = CliRunner().invoke(cli, ["status", "-C", str(workspace), "--lang", "fr"])
    assert status.exit_code == 0 and "fr         23        23" in status.output


def test_traceback_after_the_command(monkeypatch):
    from toolkit import cli as cli_module
    from toolkit.commands import lint

    monkeypatch.delenv("PRESSKIT_TRACEBACK", raising=False)
    monkeypatch.setattr(lint, "lint", lambda *a, **k: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        cli_module.main(["lint", "--traceback"])


def test_exit_statuses_are_named_and_distinct():
    from toolkit import errors
    from toolkit.errors import ExitStatus

    assert len({status.value for status in ExitStatus}) == len(ExitStatus)
    outcomes = {
        errors.StatementError: ExitStatus.ERROR, errors.CatalogError: ExitStatus.ERROR,
        errors.ConfigError: ExitStatus.ERROR, errors.TranslationError: ExitStatus.ERROR,
        errors.MissingModelError: ExitStatus.NO_MODEL, errors.NetworkError: ExitStatus.NETWORK,
        errors.ReviewError: ExitStatus.NOT_REVIEWED, errors.LockError: ExitStatus.BUSY,
    }
    for error, status in outcomes.items():
        assert error("x").exit_code == status, error
    assert {ExitStatus.USAGE, ExitStatus.FINDINGS}.isdisjoint(outcomes.values())
    help_text = run("--help").output
    assert "4 not fully reviewed" in help_text and "5 a translation model" in help_text
