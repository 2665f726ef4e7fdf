"""The workspace boundary: what presskit reads and writes stays inside the workspace.

A symlink inside the workspace is fine, one whose real path leaves it is refused (reading
`speeches/passwd.txt -> /etc/passwd` would publish and machine-translate the password file;
writing through `output/x/fr.html -> ~/.bashrc` would overwrite it). Only regular files are
read: a FIFO or a device is refused before it is opened, never waited on.

`roots` are the real paths a run may touch: the workspace, plus the folders settings name
outside it when the user allowed that (`allow_outside_workspace = true`).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from toolkit.errors import PresskitError


def roots(config) -> tuple[Path, ...]:
    """Return the real folders a run of `config` may read and write in."""
    found = [Path(os.path.realpath(config.workspace))]
    if config.allow_outside_workspace:
        for folder in (config.speeches_path, config.locales_path, config.output_path, config.state_path,
                       config.glossary_path):
            found.append(Path(os.path.realpath(folder)))
    return tuple(dict.fromkeys(found))


def is_inside(path: Path, allowed: tuple[Path, ...]) -> bool:
    """Return True when the real path of `path` (links followed, even dangling ones) is inside one of `allowed`."""
    real = Path(os.path.realpath(path))
    return any(real == root or root in real.parents for root in allowed)


def check_inside(path: Path, allowed: tuple[Path, ...] | None, error=PresskitError, shown=None) -> None:
    """Raise `error` when `path` resolves outside `allowed` (None: no boundary, e.g. a temporary folder)."""
    if allowed is None or is_inside(path, allowed):
        return
    real = os.path.realpath(path)
    raise error(f"leads outside the workspace (to {real}) through a symbolic link; presskit reads "
                "and writes only inside it: replace the link with a copy, or set "
                "allow_outside_workspace = true for folders named in the settings", shown or path)


def check_regular(path: Path, error=PresskitError, shown=None, limit: int | None = None,
                  what: str = "file") -> bool:
    """Return True for a regular file, False for no file; raise `error` for a FIFO, device,
    socket or folder, and for a file above `limit` bytes. Nothing is opened."""
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError as exc:
        raise error(f"cannot read the {what}: {exc.strerror}", shown or path) from None
    _check_mode(info, path, error, shown, limit, what)
    return True


def read_regular(path: Path, error=PresskitError, shown=None, limit: int | None = None,
                 what: str = "file") -> bytes:
    """Read a regular file; raise `error` for anything else, without ever blocking on a FIFO.

    The file is opened non-blocking and checked with fstat before a byte is read, so a FIFO
    swapped in after an earlier check is refused too.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise error(f"cannot read the {what}: {exc.strerror}", shown or path) from None
    try:
        info = os.fstat(fd)
        _check_mode(info, path, error, shown, limit, what)
        os.set_blocking(fd, True)
        chunks = []
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
            if limit is not None and sum(map(len, chunks)) > limit:
                _too_big(path, error, shown, limit, what)
        return b"".join(chunks)
    except OSError as exc:
        raise error(f"cannot read the {what}: {exc.strerror}", shown or path) from None
    finally:
        os.close(fd)


def _check_mode(info, path, error, shown, limit, what) -> None:
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        raise error(f"is a folder, not a {what}", shown or path)
    if not stat.S_ISREG(mode):
        kind = ("a named pipe (FIFO)" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
                else "a device")
        raise error(f"is {kind}, not a regular file; presskit reads only regular files: replace "
                    "it with a file", shown or path)
    if limit is not None and info.st_size > limit:
        _too_big(path, error, shown, limit, what)


def _too_big(path, error, shown, limit, what) -> None:
    raise error(f"is larger than the {what} size limit of {limit:,} bytes; split it, or raise "
                "the limit in the settings if this is really one document", shown or path)
