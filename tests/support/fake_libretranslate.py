"""A small HTTP server on 127.0.0.1 that speaks LibreTranslate's API, for the client's error cases.

It answers as LibreTranslate 1.9 does (libretranslate/app.py): `GET /languages`,
`GET /frontend/settings`, `GET /spec`, `POST /translate` with `q` a string or a list, its error
bodies (`{"error": ...}`) and status codes (400 for a batch over --batch-limit, 403 for an
invalid key, 429 when rate-limited). Its "translation" marks each text with the target code,
so a test can tell which text came back where. The real server is tested in tests/integration.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Behaviour:
    """What the fake server does; tests change it between requests."""

    pairs: tuple[tuple[str, str], ...] = (("en", "fr"), ("en", "es"), ("fr", "en"))
    version: str = "1.9.6"
    batch_limit: int = -1
    char_limit: int = -1
    api_keys: tuple[str, ...] = ()  # empty: no key needed
    busy: int = 0  # answer 429 this many times first
    fail: int = 0  # answer 500 this many times first
    delay: float = 0.0  # seconds before answering /translate
    requests: list = field(default_factory=list)  # the JSON bodies of /translate, in order


def translation(text: str, target: str) -> str:
    """Return what the fake server answers for one text."""
    return f"{target}:{text}"


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, *args) -> None:  # quiet
        pass

    def _send(self, status: int, body) -> None:
        data = json.dumps(body).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        if status == 429:
            self.send_header("Retry-After", "0")
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        b = self.server.behaviour
        if self.path == "/languages":
            codes = sorted({c for pair in b.pairs for c in pair})
            self._send(200, [{"code": "zh-Hans" if c == "zh" else c, "name": c,
                              "targets": sorted([c] + [t for s, t in b.pairs if s == c])} for c in codes])
        elif self.path == "/frontend/settings":
            self._send(200, {"charLimit": b.char_limit, "apiKeys": bool(b.api_keys), "keyRequired": False})
        elif self.path == "/spec":
            self._send(200, {"info": {"title": "LibreTranslate", "version": b.version}})
        else:
            self._send(404, {"error": "Not Found"})

    def do_POST(self) -> None:
        b = self.server.behaviour
        if self.path != "/translate":
            self._send(404, {"error": "Not Found"})
            return
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
        with self.server.lock:
            b.requests.append(body)
            busy, b.busy = b.busy > 0, max(0, b.busy - 1)
            fail, b.fail = b.fail > 0, max(0, b.fail - 1)
        if b.api_keys and body.get("api_key") not in b.api_keys:
            self._send(403, {"error": "Invalid API key"})
            return
        if busy:
            self._send(429, {"error": "Slowdown: 2 per 1 minute"})
            return
        if fail:
            self._send(500, {"error": "Cannot translate text: worker died"})
            return
        q = body["q"]
        texts = q if isinstance(q, list) else [q]
        if isinstance(q, list) and b.batch_limit != -1 and len(q) > b.batch_limit:
            self._send(400, {"error": f"Invalid request: request ({len(q)}) exceeds text limit ({b.batch_limit})"})
            return
        for text in texts:
            if b.char_limit != -1 and len(text) > b.char_limit:
                self._send(400, {"error": f"Invalid request: request ({len(text)}) exceeds text limit ({b.char_limit})"})
                return
        if (body["source"], body["target"]) not in b.pairs:
            self._send(400, {"error": f"{body['target']} is not supported"})
            return
        if b.delay:
            time.sleep(b.delay)
        out = [translation(t, body["target"]) for t in texts]
        self._send(200, {"translatedText": out if isinstance(q, list) else out[0]})


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, behaviour: Behaviour):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.behaviour = behaviour
        self.lock = threading.Lock()


class FakeLibreTranslate:
    """Run the fake server in a thread: `with FakeLibreTranslate() as server: server.url`."""

    def __init__(self, behaviour: Behaviour | None = None):
        self.behaviour = behaviour or Behaviour()
        self._server = _Server(self.behaviour)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> FakeLibreTranslate:
        self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()
