"""`presskit serve` for real: a server process on 127.0.0.1, pages fetched over HTTP, a PO entry
edited as an editor saves it (new file, rename), the new text served, and in headless Chromium
the open page reloading by itself."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from support.cdp import Browser, find_chromium
from toolkit.errors import ExitStatus

ROOT = Path(__file__).resolve().parent.parent
SLUG = "closing-second-multistakeholder-hearing"
TITLE_FR = "Clôture de la deuxième audition multipartite informelle et interactive"


def save_like_an_editor(path: Path, old: str, new: str) -> None:
    """Replace text in a file by writing a new file and renaming it over the old one (Poedit)."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    fresh = path.with_name(path.name + ".new~")
    fresh.write_text(text.replace(old, new), encoding="utf-8")
    os.replace(fresh, path)


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as answer:
        return answer.read().decode("utf-8")


def wait_for_text(url: str, text: str, timeout: float = 15.0) -> str:
    deadline = time.monotonic() + timeout
    while True:
        page = fetch(url)
        if text in page:
            return page
        if time.monotonic() > deadline:
            raise AssertionError(f"{text!r} never appeared in {url}")
        time.sleep(0.1)


@pytest.fixture
def workspace(tmp_path) -> Path:
    folder = tmp_path / "ws"
    folder.mkdir()
    shutil.copytree(ROOT / "speeches", folder / "speeches")
    shutil.copytree(ROOT / "locales", folder / "locales")
    return folder


@pytest.fixture
def server(workspace):
    """A `presskit serve --port 0` process; yield its URL."""
    process = subprocess.Popen([sys.executable, "-m", "toolkit", "-C", str(workspace), "serve", "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    lines: list[str] = []
    first = process.stdout.readline()
    lines.append(first)
    match = re.search(r"serving (http://127\.0\.0\.1:\d+/)", first)
    if match is None:
        process.kill()
        raise AssertionError(f"serve did not start: {first}{process.stderr.read()}")
    reader = threading.Thread(target=lambda: lines.extend(iter(process.stdout.readline, "")), daemon=True)
    reader.start()
    try:
        yield match.group(1), lines
    finally:
        process.terminate()
        assert process.wait(15) == 0  # SIGTERM: a clean stop, temporary folder removed
        reader.join(5)


def test_serve_builds_serves_and_rebuilds_a_saved_catalog_over_http(server, workspace):
    url, lines = server
    assert url.startswith("http://127.0.0.1:")
    home = fetch(url)
    assert f'href="{SLUG}/"' in home
    page = fetch(f"{url}{SLUG}/fr.html")
    assert f"<title>{TITLE_FR}</title>" in page and "/livereload/" in page
    epoch = int(re.search(r"var epoch = (\d+);", page).group(1))
    assert fetch(f"{url}{SLUG}/en.html").count("Closing of Second informal") >= 1

    # The reload request waits for the rebuild the save causes, then answers the new epoch.
    answer: list[int] = []
    poll = threading.Thread(target=lambda: answer.append(int(fetch(f"{url}livereload/{epoch}"))))
    poll.start()
    catalog = workspace / "locales" / "fr" / "LC_MESSAGES" / f"{SLUG}.po"
    save_like_an_editor(catalog, f'msgstr "{TITLE_FR}"', 'msgstr "Séance de clôture, texte revu en direct"')
    page = wait_for_text(f"{url}{SLUG}/fr.html", "Séance de clôture, texte revu en direct")
    assert TITLE_FR not in page
    poll.join(10)
    assert answer and answer[0] > epoch
    # Only French was rebuilt; nothing was written into the workspace, output/ least of all.
    assert any(f"/{SLUG}/fr.html" in line and "/en.html" not in line for line in lines if "rebuilt" in line)
    assert not (workspace / "output").exists()
    assert sorted(p.name for p in workspace.iterdir()) == ["locales", "speeches"]


def test_a_broken_catalog_shows_its_error_in_the_page_until_fixed(server, workspace):
    url, _ = server
    catalog = workspace / "locales" / "fr" / "LC_MESSAGES" / f"{SLUG}.po"
    good = catalog.read_text(encoding="utf-8")
    save_like_an_editor(catalog, f'msgstr "{TITLE_FR}"', f'msgstr "{TITLE_FR}')  # unbalanced quote
    page = wait_for_text(f"{url}{SLUG}/fr.html", "The preview cannot be built")
    assert re.search(rf"{SLUG}\.po:\d+: ", page)
    save_like_an_editor(catalog, f'msgstr "{TITLE_FR}', f'msgstr "{TITLE_FR}"')
    assert catalog.read_text(encoding="utf-8") == good
    wait_for_text(f"{url}{SLUG}/fr.html", f"<title>{TITLE_FR}</title>")


def test_a_port_in_use_is_one_line(server, workspace):
    url, _ = server
    port = url.rstrip("/").rsplit(":", 1)[1]
    done = subprocess.run([sys.executable, "-m", "toolkit", "-C", str(workspace), "serve", "--port", port],
                          capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == ExitStatus.ERROR
    assert f"cannot listen on 127.0.0.1:{port}" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.skipif(find_chromium() is None, reason="Chromium is not installed: run `make browser`")
def test_the_open_page_reloads_in_headless_chromium(server, workspace, tmp_path):
    url, _ = server
    browser = Browser(f"{url}{SLUG}/fr.html", tmp_path / "profile")
    try:
        assert browser.wait_for("document.title") == TITLE_FR
        # A mark on this page load: gone after a reload, kept if the page were only patched.
        browser.wait_for("(window.presskitMark = 'before') && document.readyState === 'complete'")
        catalog = workspace / "locales" / "fr" / "LC_MESSAGES" / f"{SLUG}.po"
        save_like_an_editor(catalog, f'msgstr "{TITLE_FR}"', 'msgstr "Clôture, vue dans le navigateur"')
        browser.wait_for("document.title === 'Clôture, vue dans le navigateur'", timeout=15)
        assert browser.evaluate("window.presskitMark === undefined") is True
        heading = browser.evaluate("document.querySelector('h1').textContent")
        assert "Clôture, vue dans le navigateur" in heading
    finally:
        browser.close()


def test_translate_fills_empty_entries_in_the_preview_only(workspace, monkeypatch, tmp_path):
    from support.translators import FakeTranslator

    from toolkit import translation
    from toolkit.commands.serve import PreviewBuilder
    from toolkit.config import load_config

    catalog = workspace / "locales" / "fr" / "LC_MESSAGES" / f"{SLUG}.po"
    before = catalog.read_bytes()
    save_like_an_editor(catalog, f'msgstr "{TITLE_FR}"', 'msgstr ""')
    emptied = catalog.read_bytes()
    translator = FakeTranslator()
    monkeypatch.setattr(translation, "open_translator", lambda config, **options: translator)
    config = load_config(workspace, {"languages": "en,fr"})
    plain = PreviewBuilder(config, tmp_path / "plain")
    plain.build()
    assert "<title>Closing of Second informal" in (tmp_path / "plain" / SLUG / "fr.html").read_text("utf-8")
    assert translator.requests == []  # no machine translation on the watch path unless asked
    asked = PreviewBuilder(config, tmp_path / "asked", translate=True)
    asked.build()
    page = (tmp_path / "asked" / SLUG / "fr.html").read_text("utf-8")
    title = [t for request in translator.requests for t in request[("en", "fr")]]
    assert title == ["Closing of Second informal interactive multi-stakeholder hearing"]
    assert "<title>[fr] Closing of Second informal interactive multi-stakeholder hearing</title>" in page
    assert catalog.read_bytes() == emptied != before  # the catalog is not written
    assert not (workspace / "output").exists()
