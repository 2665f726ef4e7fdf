"""Notice saved files by polling their modification times (no inotify dependency, and it sees
editors that save by writing a new file and renaming it over the old one, as Poedit does)."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

Snapshot = dict[Path, tuple[int, int, int]]  # path -> (mtime_ns, size, inode)


def snapshot(folders: Iterable[Path]) -> Snapshot:
    """Return the state of every file under the folders (missing folders count as empty)."""
    found: Snapshot = {}
    for folder in folders:
        for directory, dirs, files in os.walk(folder):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in files:
                if name.startswith(".") or name.endswith(("~", ".tmp", ".swp")):
                    continue  # editors' and presskit's own temporary files
                path = Path(directory) / name
                try:
                    info = path.stat()
                except FileNotFoundError:
                    continue
                found[path] = (info.st_mtime_ns, info.st_size, info.st_ino)
    return found


def changes(before: Snapshot, after: Snapshot) -> set[Path]:
    """Return the files added, removed or changed between two snapshots."""
    return {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}


class Watcher:
    """Call `on_change(paths)` from a thread when files under the folders change."""

    def __init__(self, folders: Iterable[Path], on_change: Callable[[set[Path]], None],
                 interval: float = 0.2, settle: float = 0.05):
        self.folders = [Path(f) for f in folders]
        self.on_change = on_change
        self.interval = interval
        self.settle = settle  # an editor writing a file in several steps: wait until it is still
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="presskit-watcher", daemon=True)
        self._state = snapshot(self.folders)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            current = snapshot(self.folders)
            changed = changes(self._state, current)
            if not changed:
                continue
            while not self._stop.wait(self.settle):
                later = snapshot(self.folders)
                if later == current:
                    break
                changed |= changes(current, later)
                current = later
            self._state = current
            self.on_change(changed)
