"""WeasyPrint imported with its system libraries found as the dynamic loader finds them.

WeasyPrint opens Pango, HarfBuzz and fontconfig through cffi, trying names for every platform
('libgobject-2.0-0', 'gobject-2.0', then 'libgobject-2.0.so.0'). Each name that fails makes cffi
call `ctypes.util.find_library`, which on Linux runs `ldconfig -p`, then gcc (collect2, ld) to
ask the linker: 22 ldconfig and 16 compiler processes per publish, half a second and more on a
loaded machine. While WeasyPrint is imported, presskit answers those questions itself, from the
loader's own search path (LD_LIBRARY_PATH, /etc/ld.so.conf, the default folders), without
starting any process.
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import sys
from pathlib import Path

DEFAULT_FOLDERS = ("/lib64", "/usr/lib64", "/lib", "/usr/lib")


class LoaderPath:
    """The folders the dynamic loader searches, listed once, and a find_library over them."""

    def __init__(self, environ=None, ld_so_conf: str = "/etc/ld.so.conf"):
        environ = os.environ if environ is None else environ
        folders = [p for p in environ.get("LD_LIBRARY_PATH", "").split(":") if p]
        folders += _conf_folders(ld_so_conf, set())
        folders += DEFAULT_FOLDERS
        self.folders = list(dict.fromkeys(folders))
        self._names: dict[str, list[str]] = {}

    def _listing(self, folder: str) -> list[str]:
        if folder not in self._names:
            try:
                self._names[folder] = sorted(os.listdir(folder))
            except OSError:
                self._names[folder] = []
        return self._names[folder]

    def find_library(self, name: str) -> str | None:
        """Return the path of lib<name>.so[.N...] in the first folder that has one, as
        ctypes.util.find_library would name it; None when no folder has it."""
        pattern = re.compile(rf"lib{re.escape(name)}\.so(\.\d+)*")
        for folder in self.folders:
            found = [entry for entry in self._listing(folder) if pattern.fullmatch(entry)]
            if found:
                # The soname (libfoo.so.0) before the development link (libfoo.so) and the
                # fully versioned file (libfoo.so.0.8000.0), as ldconfig's cache lists it.
                best = min(found, key=lambda entry: (entry.endswith(".so"), len(entry), entry))
                return str(Path(folder) / best)
        return None


def _conf_folders(path: str, seen: set[str]) -> list[str]:
    """Return the folders an ld.so.conf lists, following its `include` lines."""
    if path in seen:
        return []
    seen.add(path)
    try:
        lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    folders: list[str] = []
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("include "):
            pattern = line.split(None, 1)[1]
            if not pattern.startswith("/"):
                pattern = str(Path(path).parent / pattern)
            for included in sorted(glob.glob(pattern)):
                folders += _conf_folders(included, seen)
        elif line.startswith("/"):
            folders.append(line)
    return folders


@contextlib.contextmanager
def loader_lookup(loader: LoaderPath | None = None):
    """Answer ctypes.util.find_library from the loader's path for the duration of the block."""
    import ctypes.util

    real = ctypes.util.find_library
    ctypes.util.find_library = (loader or LoaderPath()).find_library
    try:
        yield
    finally:
        ctypes.util.find_library = real


def import_weasyprint():
    """Import and return the weasyprint module, its libraries found without starting processes."""
    if "weasyprint" in sys.modules or not sys.platform.startswith("linux"):
        import weasyprint  # elsewhere find_library asks no compiler

        return weasyprint
    with loader_lookup():
        import weasyprint
        import weasyprint.text.ffi  # noqa: F401 (the libraries are opened here)
    return weasyprint
