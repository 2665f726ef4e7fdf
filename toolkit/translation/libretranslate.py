"""The LibreTranslate backend: a shared translation server (or several) instead of local models.

presskit splits statements into sentences itself, as for local models, and sends the sentences
that neither this run nor the translation memory already has as `q` lists to `POST /translate`,
sized to the server's limits, a few requests in flight per server, spread over every URL given.
The standard library's urllib and concurrent threads are enough for JSON over HTTP: no client
library to lock, and nothing to import until a run needs the server.

The API key comes from the environment (`PRESSKIT_LIBRETRANSLATE_API_KEY`) and goes only into
request bodies: never into the config, a message, a log line or a file.
"""

from __future__ import annotations

import json
import logging
import queue
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping, Sequence
from contextlib import nullcontext
from dataclasses import dataclass

from toolkit.errors import MissingModelError, TranslationError
from toolkit.model import Suggestion
from toolkit.translation.memory import TranslationMemory
from toolkit.translation.sentences import assemble, translatable, unique_sentences

log = logging.getLogger(__name__)

API_KEY_VARIABLE = "PRESSKIT_LIBRETRANSLATE_API_KEY"
PACKAGE = "LibreTranslate"
# LibreTranslate does not report --batch-limit (only charLimit, in /frontend/settings): start
# here and shrink to the limit a server names when it refuses a batch as too large.
DEFAULT_BATCH = 64
MAX_REQUEST_CHARS = 20_000  # one request stays a few seconds of work, so progress moves
TIMEOUT = 120.0  # seconds for one request: a batch on a busy CPU server takes a while
RETRIES = 3  # after the first try, for a server that is down, overloaded or rate-limiting
BACKOFF = 0.5  # seconds before the first retry, doubled each time
MAX_WAIT = 30.0  # the longest Retry-After honoured
NO_SPACE_LANGUAGES = frozenset({"zh", "ja"})
# LibreTranslate's own aliases (libretranslate/language.py): its /languages says zh-Hans for zh.
_ALIASES = {"zh-hans": "zh", "zh-hant": "zt", "pt-br": "pb"}
_TOO_LARGE = re.compile(r"request \((\d+)\) exceeds text limit \((\d+)\)")

ProgressBar = Callable[[str, int], object]


@dataclass(frozen=True)
class ServerInfo:
    """What one LibreTranslate server reported about itself."""

    url: str
    version: str
    char_limit: int  # -1: none
    pairs: frozenset[tuple[str, str]]

    def offered(self) -> str:
        """Return the pairs as a message lists them."""
        return ", ".join(f"{a}→{b}" for a, b in sorted(self.pairs)) or "nothing"


class _Failure(Exception):
    """A request that failed; `retry` says whether trying again may help."""

    def __init__(self, message: str, *, retry: bool, status: int | None = None, wait: float | None = None):
        super().__init__(message)
        self.retry = retry
        self.status = status
        self.wait = wait


class LibreTranslateTranslator:
    """Translate through one or more LibreTranslate servers; create one per run.

    `urls` are servers with the same models (requests go to whichever is free). `memory`
    (optional) keeps translations across runs, keyed by pair and server version.
    `requests_made` and `sentences_translated` count the work done, for tests and reports.
    """

    def __init__(
        self,
        urls: Sequence[str],
        *,
        api_key: str | None = None,
        memory: TranslationMemory | None = None,
        concurrency: int = 2,
        timeout: float = TIMEOUT,
        retries: int = RETRIES,
        backoff: float = BACKOFF,
        batch_size: int = DEFAULT_BATCH,
    ):
        if not urls:
            raise TranslationError('translator = "libretranslate" needs libretranslate_url (one or more URLs)')
        self.urls = tuple(url.rstrip("/") for url in urls)
        self._api_key = api_key
        self.memory = memory
        self.concurrency = max(1, concurrency)
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.batch_size = max(1, batch_size)
        self._owns_memory = False
        self._servers: list[ServerInfo] | None = None
        self._cache: dict[tuple[str, str], dict[str, str]] = {}
        self._lock = threading.Lock()
        self.requests_made = 0
        self.requests_by_url: dict[str, int] = {}
        self.sentences_translated = 0

    @classmethod
    def from_config(cls, config, environ: Mapping[str, str]) -> LibreTranslateTranslator:
        """Return a translator for one run over a workspace, with its translation memory."""
        translator = cls(
            config.libretranslate_url,
            api_key=environ.get(API_KEY_VARIABLE) or None,
            memory=TranslationMemory(config.state_path / "memory.sqlite3"),
            concurrency=config.libretranslate_concurrency,
        )
        translator._owns_memory = True
        return translator

    def __repr__(self) -> str:  # never the key
        return f"LibreTranslateTranslator({list(self.urls)!r})"

    # The servers --------------------------------------------------------------------------

    @property
    def engine(self) -> str:
        """Name the engine as a catalog's comment does: the server(s), as configured."""
        return f"LibreTranslate ({', '.join(self.urls)})"

    def servers(self) -> list[ServerInfo]:
        """Ask every server for its version, limits and languages (once per translator).

        A server that does not answer is left out with a warning while another one does: the
        run goes on with the others. With none answering, raise the first server's error.
        """
        if self._servers is None:
            found, gone = [], []
            for url in self.urls:
                try:
                    found.append(self._describe(url))
                except _ServerGone as exc:
                    gone.append(exc.error)
            if not found:
                raise gone[0]
            for error in gone:
                log.warning("%s; going on with the other LibreTranslate servers", error)
            versions = {s.version for s in found}
            if len(versions) > 1:
                listed = ", ".join(f"{s.url} {s.version}" for s in found)
                log.warning("the LibreTranslate servers run different versions (%s); the catalogs "
                            "name the first", listed)
            self._servers = found
        return self._servers

    def _describe(self, url: str) -> ServerInfo:
        languages = self._call(url, "GET", "/languages", gone=True)
        settings = self._call(url, "GET", "/frontend/settings", gone=True)
        try:
            spec = self._call(url, "GET", "/spec")
            version = str(spec.get("info", {}).get("version") or "?")
        except TranslationError:
            version = "?"  # an older server without /spec still translates
        if not isinstance(languages, list) or not isinstance(settings, dict):
            raise TranslationError(f"{url} does not answer as a LibreTranslate server "
                                   "(GET /languages); check libretranslate_url")
        if settings.get("apiKeys"):
            self._check_key(url)
        pairs = set()
        for language in languages:
            source = _code(language.get("code", ""))
            pairs.update((source, _code(t)) for t in language.get("targets", ()) if _code(t) != source)
        limit = settings.get("charLimit", -1)
        return ServerInfo(url, version, int(limit) if isinstance(limit, int) else -1, frozenset(pairs))

    def _check_key(self, url: str) -> None:
        """Ask a server with API keys whether it takes ours, before any progress is shown.

        An empty `q` passes LibreTranslate's key check (403 for a wrong key) and is then refused
        as incomplete (400), so nothing is translated; it counts as one request of the key's quota.
        """
        try:
            self._call(url, "POST", "/translate", {"q": "", "source": "en", "target": "en"})
        except TranslationError as exc:
            if "API key" in str(exc) or "not answering" in str(exc):
                raise
            # 400 'missing q': the key passed (or none is needed).

    @property
    def version(self) -> str:
        return self.servers()[0].version

    def missing_pairs(self, pairs: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
        """Return the (source, target) pairs that some server cannot translate."""
        return [
            (source, target)
            for source, target in dict.fromkeys(pairs)
            if target != source and any((source, target) not in s.pairs for s in self.servers())
        ]

    def install_hint(self, pairs: Sequence[tuple[str, str]]) -> str:
        """Return what to do so that every pair can be translated."""
        return self.install_command(pairs)

    def install_command(self, pairs: Sequence[tuple[str, str]]) -> str:
        """Return what to do so that every pair can be translated: name the server and its list."""
        lacking = next((s for s in self.servers() if any(p not in s.pairs for p in pairs)), self.servers()[0])
        return (f"the LibreTranslate server {lacking.url} offers {lacking.offered()}; install the "
                f"missing models on the server (its operator: argospm install, then restart it) or set "
                f'translator = "argos" to use local models')

    def progress_total(self, texts: Sequence[str], source: str, target: str) -> int:
        """Return how far `translate(texts, source, target, progress)` will advance progress."""
        return len(unique_sentences(texts))

    # Translation --------------------------------------------------------------------------

    def translate(
        self, texts: Sequence[str], source: str, target: str, progress: Callable[[int], None] | None = None
    ) -> list[Suggestion]:
        """Translate each text; return one Suggestion per text, in order."""
        bar = None
        if progress is not None:
            bar = lambda label, total: nullcontext(_Callback(progress))  # noqa: E731
        return self.translate_many({(source, target): texts}, bar)[source, target]

    def translate_many(
        self, requests: Mapping[tuple[str, str], Sequence[str]], bar: ProgressBar | None = None
    ) -> dict[tuple[str, str], list[Suggestion]]:
        """Translate texts for several pairs in one stream of batches over every server.

        `bar(label, total)` returns a context manager with `update(n)`: one bar for the whole
        stream, over the unique sentences of every pair.
        """
        for source, target in requests:
            if source == target:
                raise ValueError(f"nothing to translate: {source}→{target}")
        missing = self.missing_pairs(list(requests))
        if missing:
            listed = ", ".join(f"{a}→{b}" for a, b in missing)
            raise MissingModelError(f"LibreTranslate cannot translate {listed}; {self.install_command(missing)}")
        sentences = {pair: unique_sentences(texts) for pair, texts in requests.items()}
        total = sum(len(s) for s in sentences.values())
        with bar("translating (LibreTranslate)", total) if bar else nullcontext() as shown:
            todo: dict[tuple[str, str], list[str]] = {}
            for pair, items in sentences.items():
                cache = self._cache.setdefault(pair, {})
                wanted = [s for s in items if s not in cache]
                if wanted and self.memory is not None:
                    cache.update(self.memory.lookup(self._key(pair), wanted))
                    wanted = [s for s in wanted if s not in cache]
                todo[pair] = wanted
                if shown is not None and len(items) - len(wanted):
                    shown.update(len(items) - len(wanted))
            self._stream(todo, shown)
        found = {}
        for (source, target), texts in requests.items():
            joiner = "" if target in NO_SPACE_LANGUAGES else " "
            done = self._cache[source, target]
            found[source, target] = [
                Suggestion(text, assemble(text, done, joiner), self.engine, PACKAGE, self.version, None)
                for text in texts
            ]
        return found

    def _key(self, pair: tuple[str, str]) -> tuple[str, str, str, str]:
        # Servers listed together serve the same models: the memory is keyed by their version.
        return (pair[0], pair[1], PACKAGE, self.version)

    def _batches(self, todo: Mapping[tuple[str, str], list[str]]) -> list[tuple[tuple[str, str], list[str]]]:
        limit = min(s.char_limit for s in self.servers())
        batches = []
        for pair, items in todo.items():
            batch: list[str] = []
            size = 0
            for sentence in items:
                if limit != -1 and len(sentence) > limit:
                    raise TranslationError(
                        f"a {pair[0]} sentence of {len(sentence)} characters is over the LibreTranslate "
                        f"server's limit of {limit} (--char-limit); ask its operator to raise it: "
                        f"{sentence[:60]}…")
                if batch and (len(batch) >= self.batch_size or size + len(sentence) > MAX_REQUEST_CHARS):
                    batches.append((pair, batch))
                    batch, size = [], 0
                batch.append(sentence)
                size += len(sentence)
            if batch:
                batches.append((pair, batch))
        return batches

    def _stream(self, todo: Mapping[tuple[str, str], list[str]], shown) -> None:
        """Send every batch; store results as they arrive; raise the first failure."""
        batches = self._batches(todo)
        if not batches:
            return
        work: queue.Queue = queue.Queue()
        for item in batches:
            work.put(item)
        results: queue.Queue = queue.Queue()
        stop = threading.Event()
        workers = [
            threading.Thread(target=self._work, args=(url, work, results, stop), daemon=True,
                             name=f"libretranslate-{n}")
            for url in [s.url for s in self.servers()]
            for n in range(self.concurrency)
        ]
        for worker in workers:
            worker.start()
        pending = len(batches)
        failures: list[TranslationError] = []
        alive = len(workers)
        try:
            while pending and alive:
                kind, *payload = results.get()
                if kind == "done":
                    pair, batch, translations = payload
                    pending -= 1
                    self._cache[pair].update(zip(batch, translations))
                    if self.memory is not None:  # the main thread owns the SQLite connection
                        self.memory.store(self._key(pair), zip(batch, translations))
                    self.sentences_translated += len(batch)
                    if shown is not None:
                        shown.update(len(batch))
                elif kind == "fatal":
                    failures.append(payload[0])
                    break
                elif kind == "gone":  # a worker whose server stopped answering
                    failures.append(payload[0])
                    alive -= 1
        finally:
            stop.set()
            for worker in workers:
                worker.join(timeout=self.timeout + 1)
        if pending:
            raise failures[0] if failures else TranslationError("LibreTranslate: the translation stopped")

    def _work(self, url: str, work: queue.Queue, results: queue.Queue, stop: threading.Event) -> None:
        # Workers wait for work until the stream is over (a batch may come back to the queue
        # from a server that stopped answering), then leave when `stop` is set.
        while not stop.is_set():
            try:
                pair, batch = work.get(timeout=0.05)
            except queue.Empty:
                continue
            try:
                results.put(("done", pair, batch, self._translate_batch(url, pair, batch, stop)))
            except _ServerGone as exc:
                work.put((pair, batch))  # another server may still take it
                results.put(("gone", exc.error))
                return
            except TranslationError as exc:
                results.put(("fatal", exc))
                return
            except Exception as exc:  # a bug: report it rather than hang the run
                results.put(("fatal", TranslationError(f"LibreTranslate at {url}: {exc!r}")))
                return

    def _translate_batch(self, url: str, pair: tuple[str, str], batch: list[str], stop) -> list[str]:
        body = {"q": batch, "source": pair[0], "target": pair[1], "format": "text"}
        try:
            answer = self._call(url, "POST", "/translate", body, stop=stop, gone=True)
        except _TooLarge as exc:
            if exc.size != len(batch) or len(batch) <= 1:  # a sentence over a per-key char limit
                raise TranslationError(f"LibreTranslate at {url} refuses even one sentence ({exc}); "
                                       "ask its operator to raise --char-limit") from None
            with self._lock:  # --batch-limit: later batches are made this size
                self.batch_size = max(1, min(self.batch_size, exc.limit))
            step = max(1, min(exc.limit, len(batch) // 2))
            return [t for start in range(0, len(batch), step)
                    for t in self._translate_batch(url, pair, batch[start:start + step], stop)]
        translated = answer.get("translatedText") if isinstance(answer, dict) else None
        if not isinstance(translated, list) or len(translated) != len(batch):
            raise TranslationError(f"LibreTranslate at {url} answered {len(batch)} sentences with "
                                   f"{'nothing usable' if not isinstance(translated, list) else len(translated)}; "
                                   "is it LibreTranslate 1.3 or newer (q as a list)?")
        with self._lock:
            self.requests_made += 1
            self.requests_by_url[url] = self.requests_by_url.get(url, 0) + 1
        return [str(t).strip() for t in translated]

    # HTTP ---------------------------------------------------------------------------------

    def _call(self, url: str, method: str, path: str, body: dict | None = None, *, stop=None, gone=False):
        """Return the JSON answer of one request, retrying what may pass; raise one clear line."""
        delay = self.backoff
        for attempt in range(self.retries + 1):
            try:
                return self._request(url, method, path, body)
            except _TooLarge:
                raise  # the caller splits the batch
            except _Failure as failure:
                last = failure
                if not failure.retry or attempt == self.retries or (stop is not None and stop.is_set()):
                    break
                wait = min(failure.wait, MAX_WAIT) if failure.wait is not None else delay
                log.info("%s%s: %s; trying again in %.1f s", url, path, failure, wait)
                if stop is not None:
                    stop.wait(wait)
                else:
                    time.sleep(wait)
                delay *= 2
        error = TranslationError(_explain(url, path, last))
        if gone and last.status is None:
            raise _ServerGone(error)
        raise error

    def _request(self, url: str, method: str, path: str, body: dict | None):
        data = None
        headers = {"Accept": "application/json", "Accept-Language": "en"}
        if body is not None:
            if self._api_key:
                body = {**body, "api_key": self._api_key}
            data = json.dumps(body, ensure_ascii=False).encode("utf-8")
            headers["Content-Type"] = "application/json"
        request = urllib.request.Request(url + path, data=data, headers=headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                raw = response.read()
        except urllib.error.HTTPError as exc:
            raise _http_failure(exc) from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise _Failure(_reason(reason), retry=True) from None
        try:
            return json.loads(raw)
        except (ValueError, UnicodeDecodeError):
            raise _Failure("answered something that is not JSON", retry=False, status=200) from None

    def close(self) -> None:
        """Close the translation memory opened by from_config."""
        if self._owns_memory and self.memory is not None:
            self.memory.close()

    def __enter__(self) -> LibreTranslateTranslator:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


class _ServerGone(Exception):
    def __init__(self, error: TranslationError):
        self.error = error


class _TooLarge(_Failure):
    def __init__(self, message: str, size: int, limit: int):
        super().__init__(message, retry=False, status=400)
        self.size = size
        self.limit = limit


class _Callback:
    def __init__(self, progress: Callable[[int], None]):
        self.update = progress


def _code(code: str) -> str:
    code = str(code).lower()
    return _ALIASES.get(code, code)


def _reason(reason) -> str:
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, TimeoutError) or "timed out" in str(reason):
        return "no answer in time"
    return str(getattr(reason, "strerror", None) or reason)


def _http_failure(exc: urllib.error.HTTPError) -> _Failure:
    try:
        message = str(json.loads(exc.read()).get("error", "")).strip()
    except (ValueError, AttributeError, OSError):
        message = ""
    message = message or exc.reason or "error"
    status = exc.code
    if status == 400:
        match = _TOO_LARGE.search(message)
        if match:
            return _TooLarge(message, int(match.group(1)), int(match.group(2)))
    retry = status == 429 or status >= 500
    wait = None
    if status in (429, 503):
        try:
            wait = float(exc.headers.get("Retry-After", ""))
        except (TypeError, ValueError):
            wait = None
    return _Failure(message, retry=retry, status=status, wait=wait)


def _explain(url: str, path: str, failure: _Failure) -> str:
    """Return the one line a press officer sees for a failed request."""
    status, what = failure.status, str(failure)
    if status is None:
        return (f"the LibreTranslate server {url} is not answering ({what}); start it, or fix "
                "libretranslate_url in the settings")
    if status == 403:
        return (f"the LibreTranslate server {url} refused the API key ({what}); set "
                f"{API_KEY_VARIABLE} to a key its operator gave you")
    if status == 400 and "api key" in what.lower():
        return (f"the LibreTranslate server {url} needs an API key ({what}); set {API_KEY_VARIABLE}")
    if status == 429:
        return (f"the LibreTranslate server {url} is limiting requests ({what}); wait and run again, "
                "or ask its operator for an API key with a higher limit")
    if status == 404 and path != "/translate":
        return (f"{url} does not answer as a LibreTranslate server (GET {path}: 404); check "
                "libretranslate_url")
    return f"the LibreTranslate server {url} failed ({status} on {path}: {what})"
