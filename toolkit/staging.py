"""Publish stage, last step: a statement's output folder is replaced whole, never file by file.

The new set of output/<slug>/ is written into a sibling staging folder (`.<slug>.new.tmp`),
which starts as hard links to the files of the current folder (the other languages' editions,
the versions a correction keeps), then swapped in by one rename: Linux's atomic exchange where
there is one, else two renames with the old folder set aside as `.<slug>.old.tmp`. A kill, a
full disk or Ctrl-C at any moment leaves the old folder complete or the new one; the next run,
under the workspace lock, finishes or undoes what a killed one left (`recover`).
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
from dataclasses import dataclass
from pathlib import Path

from toolkit import boundary
from toolkit.errors import PresskitError

NEW, OLD = ".new.tmp", ".old.tmp"


@dataclass(frozen=True)
class Committed:
    """What one folder's swap did: the files whose bytes changed, and those left as they were."""

    written: tuple[Path, ...]
    unchanged: tuple[Path, ...]


def recover(output: Path) -> None:
    """Undo what a killed run left in `output`: its staging folders, a folder set aside mid-swap."""
    try:
        leftovers = [entry for entry in output.iterdir() if entry.name.startswith(".")]
    except (FileNotFoundError, NotADirectoryError):
        return
    for entry in leftovers:
        if entry.is_symlink() or not entry.is_dir():
            continue
        if entry.name.endswith(NEW):
            shutil.rmtree(entry, ignore_errors=True)
        elif entry.name.endswith(OLD):
            live = output / entry.name[1:-len(OLD)]
            if live.exists() or live.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)  # the swap had finished
            else:
                os.rename(entry, live)  # killed between the two renames: the old folder goes back


def commit_folder(folder: Path, files: dict[Path, bytes], within: tuple[Path, ...] | None,
                  write_temporary) -> Committed:
    """Make `folder` hold `files` (paths inside it) beside what it held already, in one swap.

    `write_temporary(path, data, mode)` writes one file beside `path` and returns its name
    (toolkit.publishing.write_temporary: every file presskit writes goes through it). A file
    of `folder` linked outside `within` is refused before anything is written.
    """
    def refuse(message, where):
        return PresskitError(f"cannot write the file: {message}", where)

    for path in files:  # a FIFO or a device where a file goes is refused, never replaced
        boundary.check_inside(path, within)
        boundary.check_regular(path, refuse)
    real = Path(os.path.realpath(folder))  # a folder linked inside the workspace: swap where it is
    files = {real / path.relative_to(folder): data for path, data in files.items()}
    written, unchanged = [], []
    for path, data in files.items():
        (unchanged if _holds(path, data) else written).append(folder / path.relative_to(real))
    if real.is_dir() and not written:
        return Committed((), tuple(unchanged))
    if real.exists() and not real.is_dir():
        raise PresskitError("cannot write the output: it is a file, not a folder; move it away", folder)
    stage = real.with_name(f".{real.name}{NEW}")
    try:
        real.parent.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(stage, ignore_errors=True)
        _link_tree(real, stage)
        for path, data in files.items():
            target = stage / path.relative_to(real)
            target.parent.mkdir(parents=True, exist_ok=True)
            mode = _mode(target)
            if mode is not None:
                target.unlink()  # a hard link to the old folder's file: never written into
            tmp = write_temporary(target, data, mode or 0o644)
            os.replace(tmp, target)
        _sync(stage)
        _swap(stage, real)
        _sync(real.parent)
    except OSError as exc:
        raise PresskitError(f"cannot write the output: {exc.strerror or exc}", folder) from None
    finally:
        shutil.rmtree(stage, ignore_errors=True)  # after a swap by exchange it holds the old folder
    return Committed(tuple(written), tuple(unchanged))


def _holds(path: Path, data: bytes) -> bool:
    """Return True when `path` is a regular file (no link) holding `data`."""
    try:
        info = os.lstat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size != len(data):
            return False
        return path.read_bytes() == data
    except OSError:
        return False


def _mode(path: Path) -> int | None:
    try:
        return stat.S_IMODE(os.lstat(path).st_mode)
    except FileNotFoundError:
        return None


def _link_tree(source: Path, target: Path) -> None:
    """Make `target` a tree of hard links to the regular files of `source` (links and others left out)."""
    target.mkdir()
    if not source.is_dir():
        return
    for entry in os.scandir(source):
        if entry.is_symlink():
            continue
        if entry.is_dir(follow_symlinks=False):
            _link_tree(Path(entry.path), target / entry.name)
        elif entry.is_file(follow_symlinks=False) and not entry.name.endswith(".tmp"):
            try:
                os.link(entry.path, target / entry.name, follow_symlinks=False)
            except OSError as exc:
                if exc.errno not in (errno.EPERM, errno.EXDEV, errno.EMLINK):
                    raise
                shutil.copy2(entry.path, target / entry.name)  # a file system without hard links


def _swap(stage: Path, live: Path) -> None:
    """Put `stage` where `live` is; afterwards `stage` holds the old folder, or nothing."""
    from toolkit.publishing import exchange

    if not live.exists():
        os.rename(stage, live)
    elif not exchange(stage, live):
        aside = live.with_name(f".{live.name}{OLD}")
        shutil.rmtree(aside, ignore_errors=True)
        os.rename(live, aside)
        os.rename(stage, live)
        os.rename(aside, stage)


def _sync(folder: Path) -> None:
    """Flush a folder's entries to disk (the renames in it), where the system allows."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
