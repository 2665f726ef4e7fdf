"""LibreTranslate: throughput with one server and with two, and presskit's overhead over raw HTTP.

Input: English sentences of the reader corpus (benchmarks/archive.py's, each led by a place so
none repeats), en→fr through a synthetic Argos package (3+3 layers, d_model 256, with a MiniSBD
model so the server needs no network), served by LibreTranslate (.tools/libretranslate, as
`make integration` installs it) with one translation thread each, each server pinned to its own
core with taskset. Raw HTTP: the same batches (`q` lists of presskit's batch size) POSTed with
urllib, as many in flight per server as presskit keeps; presskit: LibreTranslateTranslator
without a translation memory. Best of PRESSKIT_BENCH_REPEAT runs (default 3).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from benchmarks import Table

TITLE = "libretranslate: sentences per second, one server and two (one core each), presskit vs raw HTTP"
ROOT = Path(__file__).resolve().parent.parent
PROGRAM = ROOT / ".tools" / "libretranslate" / "bin" / "libretranslate"
SIZE = {"layers": 3, "d_model": 256, "ffn": 1024, "heads": 4}
VOCAB = 8000
BUILD = "1"
SENTENCES = 512  # 8 batches of 64: as many for each of two servers
REPEAT = int(os.environ.get("PRESSKIT_BENCH_REPEAT", "3"))
GOAL_TWO = 1.7


def cache_dir() -> Path:
    base = Path(os.environ.get("PRESSKIT_BENCH_CACHE", "~/.cache/presskit-bench")).expanduser()
    return base / f"libretranslate-{BUILD}"


def run() -> Table:
    table = Table(["run", "seconds", "sentences/s", "vs one server", "server CPU s", "servers busy", "note"])
    if not PROGRAM.is_file():
        table.notes = ["", f"not run: {PROGRAM.relative_to(ROOT)} is missing (`make integration` installs it)"]
        return table
    cache = cache_dir()
    if not (cache / "ready.json").exists():
        print(f"building an en→fr package for LibreTranslate in {cache} (once)...", file=sys.stderr, flush=True)
        _build(cache)
    texts = _texts()
    cores = sorted(os.sched_getaffinity(0))
    servers = [_Server(cache, core) for core in cores[:2]]
    try:
        for server in servers:
            server.wait()
        from toolkit.translation.libretranslate import DEFAULT_BATCH, LibreTranslateTranslator

        concurrency = 2  # presskit's default per server (libretranslate_concurrency)
        one = [servers[0].url]
        both = [s.url for s in servers]
        _warm(one, texts[:8])
        if len(both) > 1:
            _warm(both[1:], texts[:8])
        def timed(run, used):  # wall seconds, and the CPU seconds the servers spent meanwhile
            before = sum(server.cpu() for server in used)
            seconds = run()
            return seconds, sum(server.cpu() for server in used) - before

        raw1 = _best(lambda: timed(lambda: _raw(one, texts, DEFAULT_BATCH, concurrency), servers[:1]))
        ours1 = _best(lambda: timed(lambda: _presskit(LibreTranslateTranslator, one, texts, concurrency),
                                    servers[:1]))
        rows = [("raw HTTP batches, one server", raw1, raw1, f"q lists of {DEFAULT_BATCH}, {concurrency} in flight"),
                ("presskit, one server", ours1, ours1, "LibreTranslateTranslator, no memory")]
        if len(both) > 1:
            raw2 = _best(lambda: timed(lambda: _raw(both, texts, DEFAULT_BATCH, concurrency), servers))
            ours2 = _best(lambda: timed(lambda: _presskit(LibreTranslateTranslator, both, texts, concurrency),
                                        servers))
            rows += [("raw HTTP batches, two servers", raw2, raw1, "each batch to whichever server is free"),
                     ("presskit, two servers", ours2, ours1, "libretranslate_url = [both]")]
        for name, (seconds, cpu), (base, _), note in rows:
            table.rows.append([name, f"{seconds:.2f}", f"{len(texts) / seconds:.1f}", f"{base / seconds:.2f}x",
                               f"{cpu:.1f}", f"{cpu / seconds:.2f}", note])
        overhead = ours1[0] / raw1[0]
        table.notes = ["", f"{len(texts)} distinct sentences en→fr; package {SIZE['layers']}+{SIZE['layers']} "
                       f"layers, d_model {SIZE['d_model']}, int8; each server: LibreTranslate 1.9.6, "
                       "ARGOS_INTER_THREADS=1, pinned with taskset to CPU "
                       + ", ".join(str(c) for c in cores[:2]) + f"; best of {REPEAT}",
                       f"presskit over raw HTTP, one server: {overhead:.2f}x the time"]
        if len(both) > 1:
            ratio = ours1[0] / ours2[0]
            table.notes.append(
                f"two servers: {ratio:.2f}x the throughput of one (goal >= {GOAL_TWO}x: "
                f"{'met' if ratio >= GOAL_TWO else 'MISSED'}; raw HTTP {raw1[0] / raw2[0]:.2f}x)")
            table.notes.append(
                "servers busy = the servers' CPU seconds over the wall seconds: 2.00 would be both cores "
                f"translating all the time; two servers got {ours2[1] / ours2[0]:.2f} with presskit, "
                f"{raw2[1] / raw2[0]:.2f} with raw HTTP")
            if ratio < GOAL_TWO:
                table.notes.append(
                    "what limits it here: the machine has 2 cores and they are the two servers' cores, so "
                    "presskit itself, the HTTP parsing in each server's waitress threads and everyone else's "
                    "work on this shared machine all take time from the two translators; two real machines "
                    "would not share that")
        else:
            table.notes.append("two servers not run: this process may use one CPU only")
    finally:
        for server in servers:
            server.stop()
    return table


def _texts() -> list[str]:
    from benchmarks.archive import PLACES, corpus_sentences

    sentences = corpus_sentences()
    return [f"At the {PLACES[n % len(PLACES)]} meeting {n // len(sentences) + 1}, "
            f"{sentences[n % len(sentences)][0].lower()}{sentences[n % len(sentences)][1:]}"
            for n in range(SENTENCES)]


def _best(measure) -> tuple[float, float]:
    return min((measure() for _ in range(REPEAT)), key=lambda result: result[0])


def _raw(urls: list[str], texts: list[str], batch: int, concurrency: int) -> float:
    """POST the texts as q lists straight to the servers, `concurrency` requests per server."""
    import queue

    batches: queue.SimpleQueue = queue.SimpleQueue()
    for i in range(0, len(texts), batch):
        batches.put(texts[i:i + batch])

    def serve(url):  # one of `concurrency` senders per server, each taking the next batch when free
        while True:
            try:
                chunk = batches.get_nowait()
            except queue.Empty:
                return
            post(url, chunk)

    def post(url, chunk):
        body = json.dumps({"q": chunk, "source": "en", "target": "fr", "format": "text"}).encode("utf-8")
        request = urllib.request.Request(url + "/translate", data=body, headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=300) as response:
            found = json.load(response)["translatedText"]
        assert len(found) == len(chunk)

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency * len(urls)) as pool:
        list(pool.map(serve, [url for url in urls for _ in range(concurrency)]))
    return time.perf_counter() - started


def _presskit(translator_class, urls: list[str], texts: list[str], concurrency: int) -> float:
    started = time.perf_counter()
    translator = translator_class(urls, concurrency=concurrency)
    try:
        found = translator.translate_many({("en", "fr"): texts})[("en", "fr")]
    finally:
        translator.close()
    assert len(found) == len(texts) and all(s.text for s in found)
    return time.perf_counter() - started


def _warm(urls: list[str], texts: list[str]) -> None:
    _raw(urls, texts, len(texts), 1)  # the model loaded before anything is timed


def _build(cache: Path) -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    from support.argos_builder import build_package, train_tokenizer
    from support.minisbd_builder import build_sbd_model

    work = cache / "work"
    tokenizer = train_tokenizer(work / "sentencepiece.model", vocab=VOCAB, corpus_size=30_000)
    extra = {"minisbd/en.onnx": build_sbd_model("en")}
    archives = [build_package(work, "en", "fr", tokenizer=tokenizer, seed=3, extra=extra, **SIZE),
                # LibreTranslate downloads its package index unless two or more packages are there.
                build_package(work, "fr", "en", tokenizer=tokenizer, seed=4,
                              extra={"minisbd/fr.onnx": build_sbd_model("fr")})]
    packages = cache / "packages"
    packages.mkdir(parents=True, exist_ok=True)
    for archive in archives:
        with zipfile.ZipFile(archive) as zf:
            zf.extractall(packages)
    shutil.rmtree(work)
    (cache / "ready.json").write_text(json.dumps({"pairs": ["en-fr", "fr-en"]}))


class _Server:
    """One LibreTranslate process pinned to one CPU."""

    def __init__(self, cache: Path, cpu: int):
        import socket

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        home = cache / f"server-{cpu}"
        home.mkdir(parents=True, exist_ok=True)
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home),
               "XDG_DATA_HOME": str(home / "data"), "XDG_CONFIG_HOME": str(home / "config"),
               "XDG_CACHE_HOME": str(home / "cache"), "ARGOS_PACKAGES_DIR": str(cache / "packages"),
               "ARGOS_PACKAGE_INDEX": "http://127.0.0.1:9/", "ARGOS_DEVICE_TYPE": "cpu",
               "ARGOS_INTER_THREADS": "1", "ARGOS_INTRA_THREADS": "1", "OMP_NUM_THREADS": "1",
               "PYTHONWARNINGS": "ignore"}
        command = ["taskset", "-c", str(cpu), str(PROGRAM), "--host", "127.0.0.1", "--port", str(self.port),
                   "--load-only", "en,fr", "--disable-web-ui", "--disable-files-translation"]
        self.log_path = home / "server.log"
        self.log = self.log_path.open("wb")
        self.process = subprocess.Popen(command, cwd=home, env=env, stdout=self.log, stderr=subprocess.STDOUT)

    def wait(self, timeout: float = 180) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                with urllib.request.urlopen(self.url + "/health", timeout=2) as response:
                    if json.load(response).get("status") == "ok":
                        return
            except OSError:
                time.sleep(0.3)
        raise SystemExit(f"LibreTranslate did not start on {self.url}:\n"
                         + self.log_path.read_text(errors="replace")[-2000:])

    def cpu(self) -> float:
        """Return the CPU seconds the server has used so far (/proc/PID/stat: utime + stime, threads too)."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks = os.sysconf("SC_CLK_TCK")
        return (int(fields[11]) + int(fields[12])) / ticks

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()
