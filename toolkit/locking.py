"""One presskit run per workspace at a time: an advisory lock on <workspace>/.presskit/lock."""

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
            holder = os.pread(fd, 100, 0).decode("ascii", "replace").strip()
            who = f" (process {holder})" if holder.isdigit() else ""
            raise LockError(f"another presskit run is working in this workspace{who}; wait for it "
                            "to finish and run again", path) from None
        except OSError as exc:  # a file system without locks (some network shares)
            raise LockError(f"cannot lock the workspace: {exc.strerror}; work on a local copy",
                            path) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        yield path
    finally:
        os.close(fd)  # closing the descriptor releases the lock
