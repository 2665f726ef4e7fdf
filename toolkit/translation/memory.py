"""Translation memory: machine translations kept on disk, so a re-run translates nothing twice.

Entries are per sentence, keyed by source sentence, language pair, package and package version.
Sentences rather than blocks because the model translates sentence by sentence anyway (the
result is identical), because an edit to one sentence then costs one sentence, and because
sentences recur (greetings, "Thank you.") across statements. A pivot (ar→en→fr) is stored as its
two legs, so the ar→en leg is shared by every target language.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path

log = logging.getLogger(__name__)

SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    from_code TEXT NOT NULL,
    to_code TEXT NOT NULL,
    package TEXT NOT NULL,
    version TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    PRIMARY KEY (from_code, to_code, package, version, source)
) WITHOUT ROWID
"""


class TranslationMemory:
    """A SQLite file of sentence translations; open it for one run, then close it.

    A damaged file (a disk that filled up, a copy cut short) is only a lost cache: the run
    warns once and goes on without it, translating what it would have found there, rather than
    stopping a press release on deadline.
    """

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self._connection: sqlite3.Connection | None = None
        self._damaged = False

    def _give_up(self, exc: sqlite3.DatabaseError) -> None:
        """Warn that the file cannot be used, and use it no more this run."""
        if isinstance(exc, (sqlite3.ProgrammingError, sqlite3.InterfaceError)):
            raise exc  # a bug in the caller, not a damaged file
        log.warning("%s: cannot use the translation memory (%s); going on without it. It is only "
                    "a cache of machine translations: delete the file and the next run starts a "
                    "new one", self.path, exc)
        self._damaged = True
        if self._connection is not None:
            try:
                self._connection.close()
            except sqlite3.Error:
                pass
            self._connection = None

    def _connect(self) -> sqlite3.Connection:
        if self._connection is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=30)
            # WAL: readers never block the writer, and a crash mid-write loses nothing committed.
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            with connection:
                connection.execute(SCHEMA)
            self._connection = connection
        return self._connection

    def lookup(self, key: tuple[str, str, str, str], sources: Sequence[str]) -> dict[str, str]:
        """Return the stored translations of `sources` for key (from, to, package, version)."""
        if self._damaged or not sources or (self._connection is None and not self.path.exists()):
            return {}
        found: dict[str, str] = {}
        unique = list(dict.fromkeys(sources))
        try:
            connection = self._connect()
            for start in range(0, len(unique), 500):  # stay under SQLite's variable limit
                chunk = unique[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows = connection.execute(
                    "SELECT source, target FROM translations WHERE from_code = ? AND to_code = ?"
                    f" AND package = ? AND version = ? AND source IN ({marks})",
                    (*key, *chunk),
                )
                found.update(rows)
        except sqlite3.DatabaseError as exc:
            self._give_up(exc)
            return {}
        return found

    def store(self, key: tuple[str, str, str, str], pairs: Iterable[tuple[str, str]]) -> None:
        """Store (source, translation) pairs under key in one transaction."""
        rows = [(*key, source, target) for source, target in pairs]
        if self._damaged or not rows:
            return
        try:
            with self._connect() as connection:  # commits, or rolls back on error
                connection.executemany(
                    "INSERT OR REPLACE INTO translations"
                    " (from_code, to_code, package, version, source, target) VALUES (?, ?, ?, ?, ?, ?)",
                    rows,
                )
        except sqlite3.DatabaseError as exc:
            self._give_up(exc)

    def __len__(self) -> int:
        if self._connection is None and not self.path.exists():
            return 0
        return self._connect().execute("SELECT count(*) FROM translations").fetchone()[0]

    def close(self) -> None:
        """Close the database file."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def __enter__(self) -> TranslationMemory:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()
