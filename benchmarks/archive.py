"""An archive in one run (#10): growth with 1, 10 and 100 statements, typesetting with --jobs,
and one statement end to end against the sum of its floors.

1. Growth: 1, 10 and 100 distinct English statements built from the reader corpus
   (tests/data/corpus/en-*.txt), published in English and French (the French machine-translated
   by a synthetic Argos package, 3+3 layers, d_model 256, built once and cached), each run a
   fresh process with `--jobs 2`. Seconds per statement, and peak memory: the main process
   (ru_maxrss) and the largest worker (its VmHWM in /proc, read while it runs: a spawned child's
   ru_maxrss counts the parent it was forked from).
2. Typesetting with --jobs: the 10-statement archive typeset with 1 and with 2 worker processes:
   wall seconds and CPU seconds (main process and workers) per edition.
3. End to end: the sample statement in six languages (translate + PO + PDF + HTML) with the
   base-size packages of benchmarks/translate.py, against the sum of that benchmark's raw
   CTranslate2 floor and WeasyPrint alone on the same six HTML pages (one process, plain
   HTML().write_pdf()).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import Table

TITLE = "archive: 1, 10, 100 statements in one run; typesetting with --jobs; one statement end to end"
ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "corpus"
SIZE = {"layers": 3, "d_model": 256, "ffn": 1024, "heads": 4}
VOCAB = 8000
BUILD = "1"
COUNTS = (1, 10, 100)
SENTENCES_PER_STATEMENT = 8
JOBS = 2
GOAL_GROWTH = 1.1  # seconds per statement at 100 over at 10
GOAL_PEAK = 1.3  # peak memory at 100 over one statement
GOAL_END_TO_END = 1.15  # one statement, six languages, over translate floor + WeasyPrint alone


def cache_dir() -> Path:
    base = Path(os.environ.get("PRESSKIT_BENCH_CACHE", "~/.cache/presskit-bench")).expanduser()
    return base / f"archive-{BUILD}"


def run() -> Table:
    cache = cache_dir()
    if not (cache / "ready.json").exists():
        print(f"building an en→fr package in {cache} (once; a minute)...", file=sys.stderr, flush=True)
        _child(cache, "build")
    table = Table(["run", "seconds", "s/statement", "editions", "main peak MB", "worker peak MB",
                   "typeset s/edition", "CPU s/edition"])
    growth = {}
    with tempfile.TemporaryDirectory(prefix="presskit-bench-") as tmp:
        for count in COUNTS:
            workspace = Path(tmp) / f"archive-{count}"
            archive(workspace, count)
            growth[count] = _child(cache, "publish", str(workspace), str(JOBS))
            table.rows.append(_row(f"{count} statements, --jobs {JOBS}", growth[count]))
        jobs = {}
        for workers in (1, 2):
            workspace = Path(tmp) / f"jobs-{workers}"
            archive(workspace, 10)
            jobs[workers] = _child(cache, "publish", str(workspace), str(workers))
            table.rows.append(_row(f"10 statements, --jobs {workers}", jobs[workers]))
    end = _end_to_end()
    growth_ratio = (growth[100]["seconds"] / 100) / (growth[10]["seconds"] / 10)
    peak = {count: growth[count]["main_mb"] + growth[count]["worker_mb"] for count in COUNTS}
    peak_ratio = peak[100] / peak[1]
    main_ratio = growth[100]["main_mb"] / growth[1]["main_mb"]
    cpu = {w: jobs[w]["typeset_cpu"] / jobs[w]["typeset"] for w in jobs}
    wall = {w: jobs[w]["typeset_seconds"] / jobs[w]["typeset"] for w in jobs}
    table.notes = [
        "",
        f"statements: {SENTENCES_PER_STATEMENT} sentences of the English reader corpus each "
        f"({growth[1]['sentences']} to {growth[100]['sentences']} sentences machine-translated en→fr), "
        "each sentence led by its statement's own place, so none repeats (the translation memory would "
        "serve a repeat); editions en (original) and fr (machine); pdf/ua-1",
        f"package: {SIZE['layers']}+{SIZE['layers']} layers, d_model {SIZE['d_model']}, vocab {VOCAB}, int8, "
        f"2 threads; each run a fresh process, seconds from the publish call to its return "
        f"(interpreter start excluded); the machine has {os.cpu_count()} CPUs, shared",
        f"growth: {growth_ratio:.2f}x the cost per statement of 10 at 100 (goal <= {GOAL_GROWTH}x: "
        f"{'met' if growth_ratio <= GOAL_GROWTH else 'MISSED'})",
        f"peak memory, main + largest worker: {peak[1]:.0f} MB for 1, {peak[100]:.0f} MB for 100 = "
        f"{peak_ratio:.2f}x (goal <= {GOAL_PEAK}x: {'met' if peak_ratio <= GOAL_PEAK else 'MISSED'}); "
        f"the main process alone {main_ratio:.2f}x",
        f"typesetting per edition: --jobs 1 {wall[1]:.2f} s wall, {cpu[1]:.2f} CPU s; --jobs 2 "
        f"{wall[2]:.2f} s wall, {cpu[2]:.2f} CPU s ({cpu[2] / cpu[1]:.2f}x the CPU per edition; "
        f"goal: flat, about 1x; wall {wall[2] / wall[1]:.2f}x)",
        *end,
    ]
    return table


def _row(name: str, result: dict) -> list[str]:
    editions = max(result["editions"], 1)
    return [name, f"{result['seconds']:.2f}", f"{result['seconds'] / result['statements']:.3f}",
            str(result["editions"]), f"{result['main_mb']:.0f}", f"{result['worker_mb']:.0f}",
            f"{result['typeset_seconds'] / editions:.3f}", f"{result['typeset_cpu'] / editions:.3f}"]


def corpus_sentences() -> list[str]:
    """Return the English reader corpus's body sentences (lines of prose), in file order."""
    from toolkit.translation.sentences import split_sentences

    found = []
    for path in sorted(CORPUS.glob("en-*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if len(line) > 80 and not line.isupper():
                found += [s for s in split_sentences(line) if len(s.split()) >= 6 and s.endswith((".", "!", "?"))]
    return list(dict.fromkeys(found))


PLACES = ("Geneva", "Nairobi", "Bangkok", "Santiago", "Beirut", "Vienna", "Addis Ababa", "New York", "Rome",
          "The Hague")


def archive(root: Path, count: int) -> None:
    """Write `count` distinct statements into root/speeches/: title, note, speaker, date, body."""
    sentences = corpus_sentences()
    (root / "speeches").mkdir(parents=True)
    for number in range(count):
        place = f"{PLACES[number % len(PLACES)]} meeting {number + 1}"
        picked = [sentences[(number * SENTENCES_PER_STATEMENT + i) % len(sentences)]
                  for i in range(SENTENCES_PER_STATEMENT)]
        body = [f"At the {place}, {s[0].lower()}{s[1:]}" if not s[:2].isupper() else f"At the {place}: {s}"
                for s in picked]
        paragraphs = [" ".join(body[i:i + 2]) for i in range(0, len(body), 2)]
        text = (f"Remarks at the {place}\n\nAs delivered\n\nExecutive Secretary\n\n"
                f"{number % 28 + 1} May 2024\n\n" + "\n\n".join(paragraphs) + "\n")
        (root / "speeches" / f"remarks-{number + 1:03d}.txt").write_text(text, encoding="utf-8")


def _environment(packages: Path) -> dict[str, str]:
    home = packages.parent / "argos-home"
    # PRESSKIT_* are settings to presskit: the benchmark's own (PRESSKIT_BENCH_*) stay out of its runs.
    inherited = {key: value for key, value in os.environ.items() if not key.startswith("PRESSKIT_")}
    return {**inherited, "XDG_DATA_HOME": str(home / "data"), "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_CACHE_HOME": str(home / "cache"), "ARGOS_PACKAGES_DIR": str(packages),
            "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}


def _child(cache: Path, *args: str, packages: Path | None = None) -> dict:
    """Run this module in a fresh process; return its JSON result."""
    env = _environment(packages or cache / "packages")
    done = subprocess.run([sys.executable, "-m", "benchmarks.archive", str(cache), *args], capture_output=True,
                          text=True, env=env, cwd=ROOT, check=False)
    if done.returncode != 0:
        raise SystemExit(f"benchmarks.archive {' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _build(cache: Path) -> dict:
    sys.path.insert(0, str(ROOT / "tests"))
    from support.argos_builder import build_package, train_tokenizer

    from toolkit.translation import packages

    work = cache / "work"
    tokenizer = train_tokenizer(work / "sentencepiece.model", vocab=VOCAB, corpus_size=30_000)
    package = build_package(work, "en", "fr", tokenizer=tokenizer, seed=1, **SIZE)
    packages.install_package_files([package], cache / "packages")
    shutil.rmtree(work)
    (cache / "ready.json").write_text(json.dumps({"pairs": ["en-fr"]}))
    return {}


def _publish(workspace: Path, jobs: int, languages: str = "en,fr") -> dict:
    """Publish the workspace in this process; time the run, its translating and typesetting; peak memory."""
    import resource
    import threading

    from toolkit import scheduling
    from toolkit.commands import publish as command
    from toolkit.config import load_config

    typesetting = {"seconds": 0.0, "cpu": 0.0}
    translating = {"seconds": 0.0}
    real = scheduling.typeset_pages
    real_suggest = command.suggest
    workers: dict[int, int] = {}  # worker pid -> its peak resident kB (VmHWM: its own, after exec)
    stop = threading.Event()

    def watch():  # ru_maxrss of a spawned child counts the parent it was forked from: read /proc
        me = os.getpid()
        while not stop.wait(0.1):
            for task in Path(f"/proc/{me}/task").iterdir():
                try:
                    children = (task / "children").read_text().split()
                except OSError:
                    continue
                for pid in children:
                    try:
                        status = Path(f"/proc/{pid}/status").read_text()
                    except OSError:
                        continue
                    found = [line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")]
                    if found:
                        workers[int(pid)] = max(workers.get(int(pid), 0), int(found[0]))

    def suggest(*args, **options):
        started = time.perf_counter()
        try:
            return real_suggest(*args, **options)
        finally:
            translating["seconds"] += time.perf_counter() - started

    def timed(pages, **options):  # the benchmark's own stopwatch around the typesetting stage
        before = _cpu()
        started = time.perf_counter()
        try:
            return real(pages, **options)
        finally:
            typesetting["seconds"] += time.perf_counter() - started
            typesetting["cpu"] += _cpu() - before

    scheduling.typeset_pages = timed
    command.suggest = suggest
    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    started = time.perf_counter()
    result = command.publish(load_config(workspace, {"languages": languages, "source_language": "en"}), (),
                             jobs=jobs)
    seconds = time.perf_counter() - started
    stop.set()
    watcher.join()
    counts = result.suggestions
    return {"seconds": seconds, "statements": len(result.statements), "editions": len(result.editions),
            "typeset": result.typeset, "sentences": counts.machine, "translate_seconds": translating["seconds"],
            "typeset_seconds": typesetting["seconds"], "typeset_cpu": typesetting["cpu"],
            "main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "worker_mb": max(workers.values(), default=0) / 1024, "workers": len(workers)}


def _cpu() -> float:
    import resource

    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _end_to_end() -> list[str]:
    """Return the notes of one statement in six languages against translate floor + WeasyPrint alone."""
    from benchmarks import translate

    cache = translate.cache_dir()
    if not (cache / "ready.json").exists():
        print(f"building base-size packages in {cache} (once; a few minutes)...", file=sys.stderr, flush=True)
        translate._child(cache, "build")
    floor = min((translate._child(cache, "floor") for _ in range(translate.REPEAT)), key=lambda r: r["seconds"])
    runs = []
    with tempfile.TemporaryDirectory(prefix="presskit-bench-") as tmp:
        for repeat in range(translate.REPEAT):
            workspace = Path(tmp) / f"sample-{repeat}"
            (workspace / "speeches").mkdir(parents=True)
            shutil.copy(translate.SAMPLE, workspace / "speeches")
            runs.append(_child(cache, "publish", str(workspace), str(JOBS), "ar,zh,en,fr,ru,es",
                               packages=cache / "packages"))
        pages = sorted((Path(tmp) / "sample-0" / "output").glob("*/*.html"))
        pages = [p for p in pages if p.name != "index.html"]
        weasy = min((_child(cache, "weasyprint", *map(str, pages)) for _ in range(translate.REPEAT)),
                    key=lambda r: r["seconds"])
    best = min(runs, key=lambda r: r["seconds"])
    total = floor["seconds"] + weasy["seconds"]
    ratio = best["seconds"] / total
    return [
        f"end to end, the sample in six languages (base-size packages of the translate benchmark, --jobs {JOBS}): "
        f"{best['seconds']:.2f} s, of which suggesting (memory, pinning, the model) {best['translate_seconds']:.2f} s "
        f"and typesetting {best['typeset_seconds']:.2f} s; "
        f"floor: CTranslate2 {floor['seconds']:.2f} s + WeasyPrint alone on its {len(pages)} pages "
        f"{weasy['seconds']:.2f} s = {total:.2f} s; {ratio:.2f}x (goal <= {GOAL_END_TO_END}x: "
        f"{'met' if ratio <= GOAL_END_TO_END else 'MISSED'}); best of {translate.REPEAT}",
        "  the floor translates the body paragraphs only; presskit also the title and the other header lines; "
        "WeasyPrint alone runs its pages one after another in one process (import included), presskit "
        f"in {JOBS} worker processes",
    ]


def _weasyprint(pages: list[Path]) -> dict:
    """Typeset the pages with plain WeasyPrint, one after another; the import is counted."""
    started = time.perf_counter()
    from toolkit.libraries import import_weasyprint

    weasyprint = import_weasyprint()
    sizes = 0
    for page in pages:
        sizes += len(weasyprint.HTML(string=page.read_text(encoding="utf-8"), base_url=".").write_pdf())
    return {"seconds": time.perf_counter() - started, "bytes": sizes}


if __name__ == "__main__":
    cache_arg, mode, *rest = sys.argv[1:]
    cache_path = Path(cache_arg)
    cache_path.mkdir(parents=True, exist_ok=True)
    outcome = {
        "build": lambda: _build(cache_path),
        "publish": lambda: _publish(Path(rest[0]), int(rest[1]), *rest[2:]),
        "weasyprint": lambda: _weasyprint([Path(p) for p in rest]),
    }[mode]()
    print(json.dumps(outcome))
