"""`presskit memory import` and `export`: the workspace's translation memory in TMX 1.4b."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from pathlib import Path

from toolkit.config import Config
from toolkit.errors import TmxError
from toolkit.translation import reuse, tmx
from toolkit.translation.memory import HumanUnit, TranslationMemory

ProgressBar = Callable[[str, int], AbstractContextManager]


@dataclass(frozen=True)
class ImportResult:
    """What `memory import` did."""

    units: int  # <tu> read
    translations: int  # (source, target language) pairs stored
    skipped: int  # variants in other languages, or empty
    total: int  # human translations in the memory afterwards


def memory_path(config: Config) -> Path:
    """Return the workspace's translation memory file."""
    return config.state_path / "memory.sqlite3"


def import_tmx(config: Config, path: Path, langs: Sequence[str] | None = None,
               bar: ProgressBar | None = None) -> ImportResult:
    """Read a TMX file into the memory: every unit, or only those into `langs`.

    The whole file is checked first: a broken file stores nothing. A relative path is relative
    to the workspace, as speech paths are.
    """
    path = config.workspace / path
    if not path.is_file():
        raise TmxError("no such file; give the path of a .tmx file", path)
    summary = tmx.TmxSummary()
    with bar("checking " + path.name, path.stat().st_size) if bar else nullcontext() as shown:
        # Checked before anything is stored: units are small, and a file of 200,000 holds
        # them in well under a hundred megabytes.
        units = list(tmx.read_tmx(path, targets=langs, summary=summary,
                                  progress=shown.update if shown is not None else None))
    with TranslationMemory(memory_path(config)) as memory:
        memory.store_human(units)
        total = memory.human_count()
    return ImportResult(summary.units, summary.pairs, summary.skipped, total)


def export_tmx(config: Config, path: Path, *, reviewed: bool = False, harvest: bool = True) -> int:
    """Write the memory's human translations (and, unless `reviewed`, its imported and machine
    ones) to a TMX file; return how many units. With `harvest`, the reviewed entries of the
    workspace's catalogs are stored first, so the export holds what reviewers approved today."""
    from toolkit import __version__
    from toolkit.publishing import atomic_write

    with TranslationMemory(memory_path(config)) as memory:
        if harvest:
            harvest_workspace(config, memory)
        units = list(memory.human_units(kinds=("reviewed",) if reviewed else ("reviewed", "imported")))
        if not reviewed:
            units += [HumanUnit(a, b, source, target, package, None, "sentence", "machine")
                      for a, b, source, target, package in memory.machine_units()]
    atomic_write(config.workspace / path, tmx.render_tmx(units, tool_version=__version__))
    return len(units)


def harvest_workspace(config: Config, memory: TranslationMemory) -> int:
    """Store the reviewed entries of every statement's catalogs in the memory; return how many."""
    from toolkit import catalogs

    return sum(reuse.remember_reviewed(memory, statement, lang, pairs)
               for statement, lang, pairs in catalogs.reviewed_elsewhere(config))
