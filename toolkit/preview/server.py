"""A local HTTP server for the preview, with live reload as `mkdocs serve` has it.

Each HTML page gets a small script that long-polls `/livereload/<epoch>`: the request waits
until the site is rebuilt (the epoch moves on), then the script reloads the page. The server
listens on 127.0.0.1 only: a preview of unpublished statements is not for the network.
"""

from __future__ import annotations

import html
import logging
import mimetypes
import posixpath
import threading
import urllib.parse
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

log = logging.getLogger(__name__)

HOST = "127.0.0.1"
# How long a reload request waits before the script asks again (browsers give up at ~300 s).
POLL_SECONDS = 30.0

RELOAD_SCRIPT = """<script>
(function () {
  var epoch = %d;
  function poll() {
    fetch("/livereload/" + epoch, {cache: "no-store"}).then(function (r) { return r.text(); })
      .then(function (text) {
        if (parseInt(text, 10) > epoch) { location.reload(); } else { poll(); }
      }, function () { setTimeout(poll, 1000); });
  }
  poll();
})();
</script>"""


class PreviewServer(ThreadingHTTPServer):
    """Serve a folder on 127.0.0.1, injecting the reload script into every HTML page."""

    daemon_threads = True  # a waiting reload request never holds up the shutdown
    allow_reuse_address = True

    def __init__(self, root: Path, port: int = 8000):
        self.root = Path(root)
        self.epoch = 0
        self.error: str | None = None  # the last build's error, shown instead of every page
        self.closing = False
        self._changed = threading.Condition()
        super().__init__((HOST, port), _Handler)

    def handle_error(self, request, client_address) -> None:
        """Say nothing when a browser goes away mid-answer (a closed tab's reload request)."""
        import sys

        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server_address[1]}/"

    def reload(self, error: str | None = None) -> None:
        """Tell every open page the site was rebuilt (or failed to, with `error`)."""
        with self._changed:
            self.error = error
            self.epoch += 1
            self._changed.notify_all()

    def wait_for_change(self, since: int, timeout: float = POLL_SECONDS) -> int:
        """Return the epoch once it is past `since`, or after `timeout`."""
        with self._changed:
            self._changed.wait_for(lambda: self.epoch > since or self.closing, timeout=timeout)
            return self.epoch

    def stop(self) -> None:
        """Answer the waiting reload requests, stop serving and close the socket."""
        with self._changed:
            self.closing = True
            self._changed.notify_all()
        self.shutdown()
        self.server_close()


class _Handler(BaseHTTPRequestHandler):
    server: PreviewServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the base class's name)
        log.debug("%s %s", self.address_string(), format % args)

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        if path.startswith("/livereload/"):
            try:
                since = int(path.rsplit("/", 1)[1])
            except ValueError:
                return self._send(HTTPStatus.BAD_REQUEST, b"bad epoch", "text/plain")
            epoch = self.server.wait_for_change(since)
            return self._send(HTTPStatus.OK, str(epoch).encode(), "text/plain")
        epoch = self.server.epoch
        if self.server.error is not None:
            page = f"<!DOCTYPE html><title>presskit: build failed</title><h1>The preview cannot be built</h1>" \
                   f"<pre>{html.escape(self.server.error)}</pre><p>Fix it and save: this page reloads.</p>"
            return self._send(HTTPStatus.OK, self._inject(page.encode(), epoch), "text/html; charset=utf-8")
        file = self._file(path)
        if file is None:
            return self._send(HTTPStatus.NOT_FOUND, self._inject(b"<!DOCTYPE html><title>Not found</title>"
                                                                 b"<p>Not found. <a href=\"/\">All statements</a></p>",
                                                                 epoch), "text/html; charset=utf-8")
        data = file.read_bytes()
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        if kind == "text/html":
            return self._send(HTTPStatus.OK, self._inject(data, epoch), "text/html; charset=utf-8")
        return self._send(HTTPStatus.OK, data, kind)

    def _file(self, path: str) -> Path | None:
        # Normalise first, so that "/../" cannot leave the folder.
        parts = [p for p in posixpath.normpath(path).split("/") if p and p not in (".", "..")]
        file = self.server.root.joinpath(*parts)
        if file.is_dir():
            file = file / "index.html"
        return file if file.is_file() else None

    @staticmethod
    def _inject(data: bytes, epoch: int) -> bytes:
        script = (RELOAD_SCRIPT % epoch).encode()
        at = data.rfind(b"</body>")
        return data[:at] + script + data[at:] if at >= 0 else data + script

    def _send(self, status: HTTPStatus, data: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    do_HEAD = do_GET
