"""One presskit run per workspace at a time: advisory locks on the workspace folder and <workspace>/.presskit/lock.

The lock file tells who holds the lock (its process id). The folder's own lock is what keeps a
second run out when someone deletes .presskit/ during a run: a new lock file would be a new
file, free to lock, but the workspace folder is the same one.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import stat
from pathlib import Path
from typing import Iterator

from toolkit.errors import LockError


@contextlib.contextmanager
def workspace_lock(state_path: Path) -> Iterator[Path]:
    """Hold the workspace lock for the block; raise LockError at once if another run holds it."""
    path = Path(state_path) / "lock"
    with _folder_lock(path.parent.parent, path):
        with _file_lock(path) as held:
            yield held


@contextlib.contextmanager
def _folder_lock(folder: Path, path: Path) -> Iterator[None]:
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise LockError(f"cannot open the workspace to lock it: {exc.strerror}", folder) from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise LockError(f"another presskit run is working in this workspace{_holder(path)}; wait "
                            "for it to finish and run again", path) from None
        except OSError as exc:
            raise LockError(f"cannot lock the workspace: {exc.strerror}; work on a local copy", folder) from None
        yield
    finally:
        os.close(fd)


def _holder(path: Path) -> str:
    """Return " (process N)" from the lock file, when it is there and a regular file."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return ""
    try:
        holder = os.pread(fd, 100, 0).decode("ascii", "replace").strip() if stat.S_ISREG(os.fstat(fd).st_mode) else ""
    except OSError:
        holder = ""
    finally:
        os.close(fd)
    return f" (process {holder})" if holder.isdigit() else ""


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[Path]:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Non-blocking: a FIFO put in its place is refused, never waited on.
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0), 0o644)
    except OSError as exc:
        raise LockError(f"cannot create the lock file: {exc.strerror}", path) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise LockError("is not a regular file (a FIFO or device?); remove it and run again", path)
        try:
            # flock, not a lock file's existence: the kernel releases it when a run dies.
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise LockError(f"another presskit run is working in this workspace{_holder(path)}; wait for it "
                            "to finish and run again", path) from None
        except OSError as exc:  # a file system without locks (some network shares)
            raise LockError(f"cannot lock the workspace: {exc.strerror}; work on a local copy",
                            path) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        yield path
    finally:
        os.close(fd)  # closing the descriptor releases the lock
