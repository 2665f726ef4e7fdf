"""A real LibreTranslate, started on 127.0.0.1 with the test Argos packages, stopped after the run.

`make integration` installs LibreTranslate into .tools/libretranslate (outside .venv) and passes
its program as --libretranslate. The packages are the tests' own (tests/support/argos_builder.py)
plus a MiniSBD sentence model each (tests/support/minisbd_builder.py), so the server needs no
network: with two or more packages installed it downloads nothing at start.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest

from support.argos_builder import build_package
from support.minisbd_builder import build_sbd_model

PAIRS = (("en", "fr"), ("en", "es"), ("ar", "en"))  # ar→fr and ar→es pivot through English
LANGUAGES = "en,fr,es,ar"
BATCH_LIMIT = 8
CHAR_LIMIT = 2000


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """One LibreTranslate process; `url` while it runs."""

    def __init__(self, program: Path, home: Path, *args: str, env: dict | None = None, cpu: int | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.home = home
        home.mkdir(parents=True, exist_ok=True)
        environ = {**server_environment(home.parent), **(env or {})}
        command = [str(program), "--host", "127.0.0.1", "--port", str(self.port), "--load-only", LANGUAGES,
                   "--disable-web-ui", "--disable-files-translation", *args]
        if cpu is not None:
            command = ["taskset", "-c", str(cpu), *command]
        self.log = (home / "server.log").open("wb")
        self.process = subprocess.Popen(command, cwd=home, env=environ, stdout=self.log, stderr=subprocess.STDOUT)

    def wait(self, timeout: float = 120) -> Server:
        """Wait until /health answers; fail with the server's log if it dies or never answers."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                with urllib.request.urlopen(self.url + "/health", timeout=2) as response:
                    if json.load(response).get("status") == "ok":
                        return self
            except OSError:
                time.sleep(0.2)
        self.stop()
        pytest.fail(f"LibreTranslate did not start on {self.url}:\n"
                    + (self.home / "server.log").read_text(errors="replace")[-3000:])

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


def server_environment(root: Path) -> dict:
    """Argos and MiniSBD folders inside `root`, the package index on a closed port, one thread."""
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(root / "home"),
        "XDG_DATA_HOME": str(root / "home" / "data"),
        "XDG_CONFIG_HOME": str(root / "home" / "config"),
        "XDG_CACHE_HOME": str(root / "home" / "cache"),
        "ARGOS_PACKAGES_DIR": str(root / "packages"),
        "ARGOS_PACKAGE_INDEX": "http://127.0.0.1:9/",
        "ARGOS_DEVICE_TYPE": "cpu",
        "ARGOS_INTER_THREADS": "1",
        "ARGOS_INTRA_THREADS": "1",
        "PYTHONWARNINGS": "ignore",
    }


def install_packages(archives: list[Path], packages: Path) -> None:
    """Unpack .argosmodel files into an Argos packages folder, as argospm install does."""
    packages.mkdir(parents=True, exist_ok=True)
    for archive in archives:
        with zipfile.ZipFile(archive) as zf:
            zf.extractall(packages)


@pytest.fixture(scope="session")
def libretranslate_program(request) -> Path:
    program = Path(request.config.getoption("--libretranslate")).resolve()
    if not program.is_file():
        pytest.fail(f"{program} is not there; run `make integration`, which installs it")
    return program


@pytest.fixture(scope="session")
def lt_root(tmp_path_factory, argos_tokenizer) -> Path:
    """A folder with the test packages installed for LibreTranslate (packages/)."""
    root = tmp_path_factory.mktemp("libretranslate")
    dest = root / "archives"
    dest.mkdir()
    archives = [
        build_package(dest, *pair, tokenizer=argos_tokenizer, seed=20 + n,
                      extra={f"minisbd/{pair[0]}.onnx": build_sbd_model(pair[0])})
        for n, pair in enumerate(PAIRS)
    ]
    install_packages(archives, root / "packages")
    return root


@pytest.fixture(scope="session")
def server(libretranslate_program, lt_root):
    """A LibreTranslate with --batch-limit and --char-limit, no keys."""
    running = Server(libretranslate_program, lt_root / "plain", "--batch-limit", str(BATCH_LIMIT),
                     "--char-limit", str(CHAR_LIMIT)).wait()
    yield running
    running.stop()


@pytest.fixture(scope="session")
def keyed_server(libretranslate_program, lt_root):
    """A LibreTranslate with --api-keys; `.key` is a key it knows."""
    home = lt_root / "keyed"
    home.mkdir()
    database = home / "api_keys.db"
    key = secrets.token_hex(8)
    python = libretranslate_program.parent / "python"
    subprocess.run([str(python), "-c", "import sys; from libretranslate.api_keys import Database; "
                    "Database(sys.argv[1]).add(100000, sys.argv[2])",
                    str(database), key], check=True, cwd=home, env=server_environment(lt_root),
                   capture_output=True)
    running = Server(libretranslate_program, home, "--api-keys", "--api-keys-db-path", str(database)).wait()
    running.key = key
    yield running
    running.stop()
