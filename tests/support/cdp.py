"""Drive a headless Chromium (the Debian package) over the DevTools protocol, standard library only.

Chromium listens on a port it picks (--remote-debugging-port=0, written to DevToolsActivePort in
its profile); each page has a WebSocket URL. This speaks just enough WebSocket (RFC 6455: masked
text frames out, unmasked frames in) to send Runtime.evaluate and read the answer.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import socket
import struct
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--no-default-browser-check",
         "--disable-extensions", "--mute-audio")


def find_chromium() -> str | None:
    """Return the Chromium executable, or None when it is not installed."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


class Browser:
    """A headless Chromium with one page open at `url`; close() ends it."""

    def __init__(self, url: str, profile: Path, timeout: float = 30.0):
        executable = find_chromium()
        if executable is None:
            raise RuntimeError("Chromium is not installed (make browser)")
        profile.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen([executable, *FLAGS, f"--user-data-dir={profile}",
                                         "--remote-debugging-port=0", url],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + timeout
        while not (port_file.exists() and port_file.read_text().strip()):
            if time.monotonic() > deadline or self.process.poll() is not None:
                self.close()
                raise RuntimeError("Chromium did not start its DevTools server")
            time.sleep(0.05)
        self.port = int(port_file.read_text().split()[0])
        while True:
            pages = [t for t in self._targets() if t.get("type") == "page"]
            if pages:
                break
            if time.monotonic() > deadline:
                self.close()
                raise RuntimeError("Chromium opened no page")
            time.sleep(0.05)
        self.socket = _WebSocket(pages[0]["webSocketDebuggerUrl"])
        self._id = 0

    def _targets(self) -> list[dict]:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/json/list", timeout=5) as answer:
            return json.load(answer)

    def evaluate(self, expression: str):
        """Return the value of a JavaScript expression in the page (None on a page in transit)."""
        self._id += 1
        self.socket.send(json.dumps({"id": self._id, "method": "Runtime.evaluate",
                                     "params": {"expression": expression, "returnByValue": True}}))
        while True:
            message = json.loads(self.socket.receive())
            if message.get("id") == self._id:
                result = message.get("result", {})
                if "exceptionDetails" in result:
                    return None
                return result.get("result", {}).get("value")

    def wait_for(self, expression: str, timeout: float = 10.0):
        """Evaluate until the expression is truthy; return its value, or raise TimeoutError."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = self.evaluate(expression)
            if value:
                return value
            time.sleep(0.02)
        raise TimeoutError(expression)

    def close(self) -> None:
        if getattr(self, "socket", None) is not None:
            self.socket.close()
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class _WebSocket:
    def __init__(self, url: str):
        parts = urllib.parse.urlsplit(url)
        self.sock = socket.create_connection((parts.hostname, parts.port), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET {parts.path} HTTP/1.1\r\nHost: {parts.hostname}:{parts.port}\r\n"
                           "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                           f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(1)
            if not chunk:
                raise ConnectionError("the DevTools server closed the connection")
            head += chunk
        if b" 101 " not in head.split(b"\r\n", 1)[0]:
            raise ConnectionError(head.decode(errors="replace"))

    def send(self, text: str) -> None:
        data = text.encode()
        mask = os.urandom(4)
        length = len(data)
        if length < 126:
            header = struct.pack("!BB", 0x81, 0x80 | length)
        elif length < 65536:
            header = struct.pack("!BBH", 0x81, 0x80 | 126, length)
        else:
            header = struct.pack("!BBQ", 0x81, 0x80 | 127, length)
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))

    def receive(self) -> str:
        message = b""
        while True:
            first, second = self._exactly(2)
            length = second & 0x7F
            if length == 126:
                length = struct.unpack("!H", self._exactly(2))[0]
            elif length == 127:
                length = struct.unpack("!Q", self._exactly(8))[0]
            payload = self._exactly(length)
            opcode = first & 0x0F
            if opcode == 0x8:
                raise ConnectionError("the DevTools server closed the WebSocket")
            if opcode in (0x9, 0xA):
                continue  # ping, pong
            message += payload
            if first & 0x80:
                return message.decode()

    def _exactly(self, size: int) -> bytes:
        data = b""
        while len(data) < size:
            chunk = self.sock.recv(size - len(data))
            if not chunk:
                raise ConnectionError("the DevTools server closed the connection")
            data += chunk
        return data

    def close(self) -> None:
        self.sock.close()
